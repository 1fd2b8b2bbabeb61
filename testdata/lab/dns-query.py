"""Send one DNS A query for a name and wait for the answer (lab use only)."""
import socket
import struct
import sys

server, name = sys.argv[1], sys.argv[2]
qname = b"".join(bytes([len(p)]) + p.encode() for p in name.split(".")) + b"\x00"
msg = struct.pack(">HHHHHH", 0x1234, 0x0100, 1, 0, 0, 0) + qname + b"\x00\x01\x00\x01"
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(2)
s.sendto(msg, (server, 53))
s.recvfrom(512)
