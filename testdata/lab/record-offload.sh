#!/usr/bin/env bash
# record-offload.sh OUTDIR -- record real traffic whose sender leaves
# transmit checksum offload on, as most hosts do:
#
#   pr-ocli [192.0.2.10, 2001:db8:1::10] --- [192.0.2.1 | 198.51.100.1] pr-ortr
#           --- [198.51.100.20, 2001:db8:2::20] pr-osrv
#
# The client's veth keeps `ethtool -K c0 tx on`; every other interface has
# offloads off. tcpdump on the client's interface (offload-sender.pcap)
# sees the client's TCP and UDP packets before anything fills in their
# checksums: the checksum field holds only the pseudo-header sum, and
# `tcpdump -vv` prints "incorrect" for them. The server's answers, computed
# in software, are correct. The traffic: a ping (ICMP checksums are always
# computed in software), an HTTP GET over IPv4 and one over IPv6 (python3
# http.server + curl), and a UDP datagram to an echo server and back over
# each of IPv4 and IPv6. Only TEST-NET addresses; the namespaces are
# deleted on exit.
# Needs root, iproute2, tcpdump, ethtool, iputils-ping, curl, python3.
set -euo pipefail
OUT=${1:?usage: record-offload.sh OUTDIR}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
CLI=pr-ocli RTR=pr-ortr SRV=pr-osrv
PIDS=()
cleanup() {
  set +e
  lab_kill "${PIDS[@]}"
  lab_del_namespaces $CLI $RTR $SRV
  rm -rf /tmp/pr-offload-www
}
lab_on_exit cleanup
lab_namespaces $CLI $RTR $SRV
for n in $CLI $RTR $SRV; do
  # Keep the capture small: no IPv6 router solicitations.
  ip netns exec $n sysctl -qw net.ipv6.conf.all.router_solicitations=0 net.ipv6.conf.default.router_solicitations=0
done
lab_topology $CLI $RTR $SRV
# The point of this recording: the sender's transmit checksum offload on.
lab_offload $CLI c0 on
lab_ipv4 $CLI $RTR $SRV
lab_ipv6 $CLI $RTR $SRV

mkdir -p /tmp/pr-offload-www && echo "hello from the lab" > /tmp/pr-offload-www/index.html
# One dual-stack HTTP server (http.server binds "::" with IPV6_V6ONLY off).
ip netns exec $SRV python3 -m http.server 80 --bind :: --directory /tmp/pr-offload-www >/dev/null 2>&1 &
PIDS+=($!)
# A UDP echo on port 7 (one datagram in, one out).
ip netns exec $SRV python3 -c '
import select, socket
s4 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s4.bind(("198.51.100.20", 7))
s6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM); s6.bind(("2001:db8:2::20", 7))
while True:
    r, _, _ = select.select([s4, s6], [], [])
    for s in r:
        d, a = s.recvfrom(2048)
        s.sendto(d, a)
' &
PIDS+=($!)
sleep 1

rm -f "$OUT/offload-sender.pcap"
ip netns exec $CLI tcpdump -i c0 -U -w "$OUT/offload-sender.pcap" 2>/dev/null &
PIDS+=($!)
for _ in $(seq 50); do [ -s "$OUT/offload-sender.pcap" ] && break; sleep 0.1; done
sleep 1

ip netns exec $CLI ping -c 1 198.51.100.20 >/dev/null
ip netns exec $CLI curl -s -o /dev/null http://198.51.100.20/index.html
ip netns exec $CLI curl -s -o /dev/null "http://[2001:db8:2::20]/index.html"
ip netns exec $CLI python3 -c '
import socket
for fam, addr in ((socket.AF_INET, "198.51.100.20"), (socket.AF_INET6, "2001:db8:2::20")):
    s = socket.socket(fam, socket.SOCK_DGRAM); s.settimeout(2)
    s.sendto(b"offload probe", (addr, 7)); s.recvfrom(2048)
'
sleep 1
