#!/usr/bin/env bash
# record-faults.sh [SCENARIO...] -- record real traffic through network
# namespaces with ONE fault per scenario:
#
#   prf-cli [192.0.2.10] c0 --- r0 [192.0.2.1 | 198.51.100.1] r1 prf-rtr
#           --- s0 [198.51.100.20] prf-srv
#
# Each scenario builds the namespaces afresh (empty ARP caches), breaks one
# thing, and captures with tcpdump at four points into
# testdata/lab/faults/<scenario>/ (or $PRF_OUT/<scenario>/):
#   client.pcap   the client's interface c0
#   rtr-out.pcap  the router's client-side interface r0
#   rtr-in.pcap   the router's server-side interface r1
#   server.pcap   the server's interface s0
# Without arguments, every scenario is recorded; README.md next to this
# script says what each breaks and what each point should show. Only
# TEST-NET addresses; IPv6 is disabled to keep the captures to the point;
# the namespaces are deleted on exit, also on error or interrupt.
# Needs root, iproute2 (ip, tc, ss), nftables, tcpdump, ethtool,
# iputils-ping, curl, python3. All scenarios take about a minute.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../lib.sh"
OUTROOT=${PRF_OUT:-$HERE}
ALL=(healthy syn-dropped closed-port host-firewall-drop no-return-route
  arp-unanswered wrong-static-arp dnat snat icmp-reject ttl-expiry
  mtu-blackhole offload-on corruption loss mid-reset)
CLI=prf-cli RTR=prf-rtr SRV=prf-srv
SERVER=198.51.100.20
WWW=$(mktemp -d /tmp/prf-www.XXXXXX)
PIDS=()   # background processes of the current scenario
CAPS=()   # its tcpdumps

teardown() {
  set +e
  lab_kill "${CAPS[@]}" "${PIDS[@]}"
  CAPS=() PIDS=()
  lab_del_namespaces $CLI $RTR $SRV
  set -e
}
cleanup() {
  teardown
  rm -rf "$WWW"
}
lab_on_exit cleanup

nsx() { local n=$1; shift; ip netns exec "$n" "$@"; }

# build: the healthy network, with every offload off so that the captures
# hold the checksums that go on the wire.
build() {
  teardown
  lab_namespaces $CLI $RTR $SRV
  for n in $CLI $RTR $SRV; do
    nsx $n sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
  done
  lab_topology $CLI $RTR $SRV
  lab_ipv4 $CLI $RTR $SRV
}

start_server() {
  ip netns exec $SRV python3 "$HERE/faults-server.py" 0.0.0.0 80 "$WWW" &
  PIDS+=($!)
  for _ in $(seq 50); do
    [ -n "$(nsx $SRV ss -Hltn 'sport = :80')" ] && return 0
    sleep 0.1
  done
  echo "record-faults: the server did not start" >&2
  return 1
}

# start_captures DIR [SNAPLEN]: one tcpdump per capture point; returns when
# all four are listening. --immediate-mode: without it, packets still in
# the TPACKET_V3 ring when tcpdump is stopped are lost.
start_captures() {
  local dir=$1 snap=${2:-262144}
  rm -rf "$dir" && mkdir -p "$dir"
  for spec in "client $CLI c0" "rtr-out $RTR r0" "rtr-in $RTR r1" "server $SRV s0"; do
    set -- $spec
    ip netns exec $2 tcpdump -i $3 -U --immediate-mode -n -s "$snap" -w "$dir/$1.pcap" 2>"$dir/.$1.log" &
    CAPS+=($!)
  done
  for spec in client rtr-out rtr-in server; do
    for _ in $(seq 50); do
      grep -q "listening on" "$dir/.$spec.log" 2>/dev/null && break
      sleep 0.1
    done
  done
}

stop_captures() {
  local dir=$1
  sleep 0.5
  for p in "${CAPS[@]}"; do kill -INT "$p" 2>/dev/null || true; done
  for p in "${CAPS[@]}"; do wait "$p" 2>/dev/null || true; done
  CAPS=()
  grep -h "dropped by kernel" "$dir"/.*.log | grep -v "^0 " >&2 || true
  rm -f "$dir"/.*.log
}

curl_() { nsx $CLI curl -sS -o /dev/null --max-time 3 "$@" 2>&1 | sed 's/^/   /' >&2 || true; }

# fault_<scenario>: break one thing (the network is built, nothing captured
# yet). traffic_<scenario>: what the client does while the captures run.
# nft chain names are prefixed: fwd, in, out ... are nft keywords.

fault_healthy() { start_server; }
traffic_healthy() { curl_ http://$SERVER/index.html; }

# The router drops the client's connection attempts on the way.
fault_syn-dropped() {
  start_server
  nsx $RTR nft -f - <<'EOF'
table inet prf {
  chain prf_fwd {
    type filter hook forward priority 0
    tcp dport 80 drop
  }
}
EOF
}
traffic_syn-dropped() { curl_ http://$SERVER/index.html; }

# Nothing listens on port 80: the server's kernel answers RST.
fault_closed-port() { :; }
traffic_closed-port() { curl_ http://$SERVER/index.html; }

# The server's own firewall silently drops what comes to port 80.
fault_host-firewall-drop() {
  start_server
  nsx $SRV nft -f - <<'EOF'
table inet prf {
  chain prf_input {
    type filter hook input priority 0
    tcp dport 80 drop
  }
}
EOF
}
traffic_host-firewall-drop() { curl_ http://$SERVER/index.html; }

# The server has no route back to the client's network (no default route).
fault_no-return-route() {
  start_server
  ip -n $SRV route del default
}
traffic_no-return-route() { curl_ http://$SERVER/index.html; }

# The client talks to an on-link address nobody has.
fault_arp-unanswered() { start_server; }
traffic_arp-unanswered() { curl_ http://192.0.2.99/index.html; }

# The client has a static ARP entry for its gateway with a MAC nobody owns.
fault_wrong-static-arp() {
  start_server
  ip -n $CLI neigh replace 192.0.2.1 lladdr 02:00:00:00:01:99 dev c0 nud permanent
}
traffic_wrong-static-arp() { curl_ http://$SERVER/index.html; }

# The router publishes the server: 192.0.2.1:8080 -> 198.51.100.20:80.
fault_dnat() {
  start_server
  nsx $RTR nft -f - <<'EOF'
table ip prf {
  chain prf_pre {
    type nat hook prerouting priority -100
    ip daddr 192.0.2.1 tcp dport 8080 dnat to 198.51.100.20:80
  }
}
EOF
}
traffic_dnat() { curl_ http://192.0.2.1:8080/index.html; }

# The router hides the client behind its own address.
fault_snat() {
  start_server
  nsx $RTR nft -f - <<'EOF'
table ip prf {
  chain prf_post {
    type nat hook postrouting priority 100
    oifname "r1" masquerade
  }
}
EOF
}
traffic_snat() { curl_ http://$SERVER/index.html; }

# The router rejects: TCP to 80 with ICMP admin-prohibited, UDP to 53 with
# ICMP port unreachable (sent by the router, not by the server).
fault_icmp-reject() {
  start_server
  nsx $RTR nft -f - <<'EOF'
table inet prf {
  chain prf_fwd {
    type filter hook forward priority 0
    tcp dport 80 reject with icmp type admin-prohibited
    udp dport 53 reject with icmp type port-unreachable
  }
}
EOF
}
traffic_icmp-reject() {
  curl_ http://$SERVER/index.html
  nsx $CLI python3 -c 'import socket,time; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.sendto(b"probe", ("198.51.100.20", 53)); time.sleep(0.3)'
}

# The client sends with TTL 1: the router answers time exceeded.
fault_ttl-expiry() { start_server; }
traffic_ttl-expiry() {
  nsx $CLI ping -n -c 1 -W 1 -t 1 $SERVER >/dev/null || true
  nsx $CLI python3 -c 'import socket,time; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.setsockopt(socket.IPPROTO_IP, socket.IP_TTL, 1); s.sendto(b"probe", ("198.51.100.20", 33434)); time.sleep(0.3)'
}

# The router's link towards the client has MTU 1280 and the router's ICMP
# "fragmentation needed" never leaves it: the server's full-size segments of
# a 100 KB response vanish at the router.
fault_mtu-blackhole() {
  start_server
  ip -n $RTR link set r0 mtu 1280
  nsx $RTR nft -f - <<'EOF'
table ip prf {
  chain prf_output {
    type filter hook output priority 0
    icmp type destination-unreachable icmp code frag-needed drop
  }
}
EOF
}
traffic_mtu-blackhole() { curl_ http://$SERVER/big.bin; }

# Transmit checksum offload left on on every veth: the checksum fields hold
# the pseudo-header partial sum at every point.
fault_offload-on() {
  start_server
  for spec in "$CLI c0" "$RTR r0" "$RTR r1" "$SRV s0"; do
    lab_offload $spec on
  done
}
traffic_offload-on() { curl_ http://$SERVER/index.html; }

# The router's egress towards the client rewrites 4 bytes of payload in
# about 30 % of the server's data segments without fixing the TCP checksum
# (nft payload statement on the r0 egress hook: after the router's input
# capture, before the rtr-out tap). rtr-out and the client see bad checksums;
# the client drops those segments and the server resends them. (netem would
# flip random bits, but this kernel has no sch_netem.)
fault_corruption() {
  start_server
  nsx $RTR nft -f - <<'EOF'
table netdev prf {
  chain prf_egress {
    type filter hook egress device "r0" priority 0
    ip protocol tcp tcp sport 80 ip length > 500 numgen random mod 10 < 3 @th,480,32 set 0xdeadbeef
  }
}
EOF
}
traffic_corruption() { curl_ http://$SERVER/mid.bin; }

# The router's egress towards the server drops 10 % of the TCP packets at
# random (nft numgen on the r1 egress hook, before the rtr-in tap; no
# sch_netem here) during a 300 KB upload, captured with snaplen 128: the
# payloads are cut, so their checksums cannot be verified.
fault_loss() {
  start_server
  nsx $RTR nft -f - <<'EOF'
table netdev prf {
  chain prf_egress {
    type filter hook egress device "r1" priority 0
    ip protocol tcp numgen random mod 10 == 0 drop
  }
}
EOF
}
traffic_loss() { curl_ --data-binary @"$WWW/upload.bin" -H 'Content-Type: application/octet-stream' http://$SERVER/upload; }
snaplen_loss=128

# The server aborts a response after 8 KB of the 100000 bytes announced.
fault_mid-reset() { start_server; }
traffic_mid-reset() { curl_ http://$SERVER/reset; }

# The files the server serves and the client uploads.
echo "hello from the lab" >"$WWW/index.html"
head -c 100000 /dev/zero | tr '\0' 'b' >"$WWW/big.bin"
head -c 14000 /dev/zero | tr '\0' 'm' >"$WWW/mid.bin"
head -c 300000 /dev/zero | tr '\0' 'u' >"$WWW/upload.bin"

SCEN=("$@")
[ ${#SCEN[@]} -eq 0 ] && SCEN=("${ALL[@]}")
for s in "${SCEN[@]}"; do
  if ! declare -F "fault_$s" >/dev/null; then
    echo "record-faults: unknown scenario $s (known: ${ALL[*]})" >&2
    exit 2
  fi
done
for s in "${SCEN[@]}"; do
  echo "== $s" >&2
  dir="$OUTROOT/$s"
  build
  "fault_$s"
  snapvar="snaplen_${s//-/_}"
  start_captures "$dir" "${!snapvar:-262144}"
  "traffic_$s"
  stop_captures "$dir"
  teardown
  ls -l "$dir" | awk 'NR>1 {printf "   %8d %s\n", $5, $9}' >&2
done
