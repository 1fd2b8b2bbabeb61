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
CLI=pr-cli RTR=pr-rtr SRV=pr-srv
PIDS=()
cleanup() {
  set +e
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
  wait 2>/dev/null
  for n in $CLI $RTR $SRV; do ip netns del $n 2>/dev/null; done
}
trap cleanup EXIT
for n in $CLI $RTR $SRV; do ip netns add $n; done
ip link add c0 netns $CLI type veth peer name r0 netns $RTR
ip link add r1 netns $RTR type veth peer name s0 netns $SRV
# Fixed MACs make the recordings comparable from run to run.
ip -n $CLI link set c0 address 02:00:00:00:01:10
ip -n $RTR link set r0 address 02:00:00:00:01:01
ip -n $RTR link set r1 address 02:00:00:00:02:01
ip -n $SRV link set s0 address 02:00:00:00:02:20
for spec in "$CLI c0" "$RTR r0" "$RTR r1" "$SRV s0"; do
  set -- $spec
  ip netns exec $1 ethtool -K $2 tx off rx off tso off gso off gro off >/dev/null 2>&1 || true
  ip -n $1 link set $2 up
  ip -n $1 link set lo up
done
ip -n $CLI addr add 192.0.2.10/24 dev c0
ip -n $CLI addr add 2001:db8:1::10/64 dev c0 nodad
ip -n $RTR addr add 192.0.2.1/24 dev r0
ip -n $RTR addr add 2001:db8:1::1/64 dev r0 nodad
ip -n $RTR addr add 198.51.100.1/24 dev r1
ip -n $RTR addr add 2001:db8:2::1/64 dev r1 nodad
ip -n $SRV addr add 198.51.100.20/24 dev s0
ip -n $SRV addr add 2001:db8:2::20/64 dev s0 nodad
ip -n $CLI route add default via 192.0.2.1
ip -n $CLI -6 route add default via 2001:db8:1::1
ip -n $SRV route add default via 198.51.100.1
ip -n $SRV -6 route add default via 2001:db8:2::1
ip netns exec $RTR sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1

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
