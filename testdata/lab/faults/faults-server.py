#!/usr/bin/env python3
"""faults-server.py ADDR PORT DIR -- the lab's HTTP server for record-faults.sh.

Serves DIR (GET /index.html, GET /big.bin, ...) as python3 -m http.server
does (HTTP/1.0: the server closes first), and adds:
  POST /upload  reads the body (Content-Length) and answers "ok N"
  GET  /reset   announces 100000 bytes, sends 8192, waits 0.3 s and aborts
                the connection with SO_LINGER 0 (the kernel sends RST)
"""
import functools
import http.server
import socket
import struct
import sys
import time


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        n = int(self.headers.get("Content-Length", "0"))
        left = n
        while left > 0:
            b = self.rfile.read(min(left, 65536))
            if not b:
                break
            left -= len(b)
        body = b"ok %d\n" % (n - left)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path != "/reset":
            return super().do_GET()
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        self.wfile.write(b"x" * 8192)
        self.wfile.flush()
        time.sleep(0.3)
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def finish(self):
        try:
            super().finish()
        except OSError:
            pass


def main():
    addr, port, directory = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    handler = functools.partial(Handler, directory=directory)
    http.server.HTTPServer.allow_reuse_address = True
    srv = http.server.HTTPServer((addr, port), handler)
    srv.serve_forever()


if __name__ == "__main__":
    main()
