#!/usr/bin/env bash
# record-basic.sh OUTDIR -- record real traffic through network namespaces:
#
#   pr-cli [192.0.2.10, 2001:db8:1::10] --- [192.0.2.1 | 198.51.100.1] pr-rtr
#          --- [198.51.100.20, 2001:db8:2::20] pr-srv
#
# and capture it with tcpdump on the client's interface (basic-client.pcap)
# and on the router's server-side interface (basic-router-in.pcap). The
# traffic: ARP and ND, ping (v4, v6), an HTTP GET, a DNS query and answer,
# TCP to a closed port (RST), UDP to a closed port (ICMP port unreachable),
# a TTL-1 ping (time exceeded) and a ping to an absent host (host
# unreachable). Only TEST-NET addresses; the namespaces are deleted on exit.
# Needs root, iproute2, tcpdump, ethtool, iputils-ping, curl, python3.
set -euo pipefail
OUT=${1:?usage: record-basic.sh OUTDIR}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
CLI=pr-cli RTR=pr-rtr SRV=pr-srv
PIDS=()
cleanup() {
  set +e
  lab_kill "${PIDS[@]}"
  lab_del_namespaces $CLI $RTR $SRV
}
lab_on_exit cleanup
lab_namespaces $CLI $RTR $SRV
lab_topology $CLI $RTR $SRV
lab_ipv4 $CLI $RTR $SRV
lab_ipv6 $CLI $RTR $SRV

# Servers: HTTP on 80, a one-answer DNS responder on 53.
mkdir -p /tmp/pr-lab-www && echo "hello from the lab" > /tmp/pr-lab-www/index.html
ip netns exec $SRV python3 -m http.server 80 --bind 198.51.100.20 --directory /tmp/pr-lab-www >/dev/null 2>&1 &
PIDS+=($!)
ip netns exec $SRV python3 "$HERE/dns-responder.py" 198.51.100.20 &
PIDS+=($!)
sleep 1

ip netns exec $CLI tcpdump -i c0 -U -w "$OUT/basic-client.pcap" 2>/dev/null &
PIDS+=($!)
ip netns exec $RTR tcpdump -i r1 -U -w "$OUT/basic-router-in.pcap" 2>/dev/null &
PIDS+=($!)
sleep 1

ip netns exec $CLI ping -c 2 -i 0.2 198.51.100.20 >/dev/null
ip netns exec $CLI ping -6 -c 2 -i 0.2 2001:db8:2::20 >/dev/null
ip netns exec $CLI curl -s -o /dev/null http://198.51.100.20/index.html
ip netns exec $CLI python3 "$HERE/dns-query.py" 198.51.100.20 www.example.com
ip netns exec $CLI curl -s -o /dev/null --max-time 2 http://198.51.100.20:81/ || true
ip netns exec $CLI python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.sendto(b"probe", ("198.51.100.20", 9))'
ip netns exec $CLI ping -c 1 -t 1 198.51.100.20 >/dev/null || true
ip netns exec $CLI ping -c 1 -W 4 198.51.100.99 >/dev/null || true
sleep 1
