# lib.sh -- the network namespace plumbing the lab recording scripts share;
# source it, do not run it. Every script records through the same
# three-namespace topology, only the namespace names differ:
#
#   CLI c0 --- r0 RTR r1 --- s0 SRV
#
# with fixed MACs, so that the recordings are comparable from run to run:
#   c0 02:00:00:00:01:10  r0 02:00:00:00:01:01
#   r1 02:00:00:00:02:01  s0 02:00:00:00:02:20
# and the TEST-NET addresses:
#   c0 192.0.2.10/24      2001:db8:1::10/64
#   r0 192.0.2.1/24       2001:db8:1::1/64
#   r1 198.51.100.1/24    2001:db8:2::1/64
#   s0 198.51.100.20/24   2001:db8:2::20/64
# Needs root, iproute2 and ethtool.

# lab_namespaces NS...: create the namespaces, each with its loopback up.
lab_namespaces() {
  local n
  for n in "$@"; do
    ip netns add "$n"
    ip -n "$n" link set lo up
  done
}

# lab_del_namespaces NS...: delete the namespaces that exist (and with
# them their veths).
lab_del_namespaces() {
  local n
  for n in "$@"; do ip netns del "$n" 2>/dev/null; done
}

# lab_offload NS IF on|off: transmit checksum offload on (failing if the
# interface cannot), or every offload off (tx, rx, tso, gso, gro) where
# the interface allows it, so that the captures hold the checksums and
# segments that go on the wire.
lab_offload() {
  if [ "$3" = on ]; then
    ip netns exec "$1" ethtool -K "$2" tx on >/dev/null
  else
    ip netns exec "$1" ethtool -K "$2" tx off rx off tso off gso off gro off >/dev/null 2>&1 || true
  fi
}

# lab_veth NS1 IF1 MAC1 NS2 IF2 MAC2: a veth pair IF1 (in NS1) -- IF2 (in
# NS2) with fixed MACs, offloads off, both ends up.
lab_veth() {
  ip link add "$2" netns "$1" type veth peer name "$5" netns "$4"
  ip -n "$1" link set "$2" address "$3"
  ip -n "$4" link set "$5" address "$6"
  lab_offload "$1" "$2" off
  lab_offload "$4" "$5" off
  ip -n "$1" link set "$2" up
  ip -n "$4" link set "$5" up
}

# lab_topology CLI RTR SRV: the two veth links of the lab (namespaces
# already made).
lab_topology() {
  lab_veth "$1" c0 02:00:00:00:01:10 "$2" r0 02:00:00:00:01:01
  lab_veth "$2" r1 02:00:00:00:02:01 "$3" s0 02:00:00:00:02:20
}

# lab_ipv4 CLI RTR SRV: the IPv4 addresses, default routes through the
# router, and forwarding on the router.
lab_ipv4() {
  ip -n "$1" addr add 192.0.2.10/24 dev c0
  ip -n "$2" addr add 192.0.2.1/24 dev r0
  ip -n "$2" addr add 198.51.100.1/24 dev r1
  ip -n "$3" addr add 198.51.100.20/24 dev s0
  ip -n "$1" route add default via 192.0.2.1
  ip -n "$3" route add default via 198.51.100.1
  ip netns exec "$2" sysctl -qw net.ipv4.ip_forward=1
}

# lab_ipv6 CLI RTR SRV: the same for IPv6 (no duplicate address
# detection, so the addresses are usable at once).
lab_ipv6() {
  ip -n "$1" addr add 2001:db8:1::10/64 dev c0 nodad
  ip -n "$2" addr add 2001:db8:1::1/64 dev r0 nodad
  ip -n "$2" addr add 2001:db8:2::1/64 dev r1 nodad
  ip -n "$3" addr add 2001:db8:2::20/64 dev s0 nodad
  ip -n "$1" -6 route add default via 2001:db8:1::1
  ip -n "$3" -6 route add default via 2001:db8:2::1
  ip netns exec "$2" sysctl -qw net.ipv6.conf.all.forwarding=1
}

# lab_kill PID...: stop background processes and reap them.
lab_kill() {
  local p
  for p in "$@"; do kill "$p" 2>/dev/null || true; done
  for p in "$@"; do wait "$p" 2>/dev/null || true; done
}

# lab_on_exit FUNC: run FUNC when the script exits, also on error or
# interrupt.
lab_on_exit() {
  trap "$1" EXIT
  trap 'exit 130' INT TERM HUP
}
