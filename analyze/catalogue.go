package analyze

import "sort"

// Severity ranks a deviation: an error is something broken, a warning
// something that degrades or smells, a note a fact worth knowing.
type Severity int

// Severities, least severe first.
const (
	Note Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "note"
}

// MarshalText writes the severity's name in JSON.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Kind is one entry of the deviation catalogue: a stable ID, its severity,
// what it means in one line and what to check next.
type Kind struct {
	ID       string
	Severity Severity
	Meaning  string
	Hint     string
}

// Catalogue lists every deviation the engine can report. IDs are stable:
// reports, expectations files and other tools refer to them.
// docs/deviations.md is checked against this table by a test.
var Catalogue = []Kind{
	{"arp-unanswered", Error, "An ARP request got no reply: the asked-for address is not on this segment or not answering.",
		"Check that the target is up and in the same subnet (`ip addr`), the VLAN/switch port, and that the sender's netmask and gateway are right."},
	{"arp-duplicate-ip", Error, "Two different MAC addresses claim the same IP address.",
		"Find both hosts by MAC (switch MAC table); one has a wrong static address or a DHCP conflict. Proxy ARP on a router looks the same."},
	{"arp-mac-changed", Warning, "A host's IP address moved to a different MAC address during the capture.",
		"A failover (VRRP/HSRP, cluster) does this on purpose; otherwise look for an address conflict or a spoofer."},
	{"arp-gratuitous", Note, "A host announced its own address (gratuitous ARP).",
		"Normal at boot, link-up and failover; repeated announcements can mean address flapping."},
	{"arp-unsolicited-reply", Warning, "An ARP reply arrived that no request in the capture asked for.",
		"Harmless if the capture started after the request; otherwise suspect ARP spoofing or a misbehaving failover."},
	{"nd-unanswered", Error, "An IPv6 neighbour solicitation got no advertisement: the address is not on this link or not answering.",
		"Check that the target is up and has the address (`ip -6 addr`, not tentative or dadfailed), the VLAN/switch port, and that nothing filters ICMPv6 types 135/136 or multicast (MLD snooping)."},
	{"eth-unknown-dst-mac", Error, "Unicast frames go to a MAC address no station on this segment uses.",
		"The sender has a stale or wrong ARP/neighbour entry (often a static one): check `ip neigh` on the sender and who owns the IP now."},
	{"tcp-syn-unanswered", Error, "A connection attempt got no answer at all: the SYN was retried and nothing came back.",
		"Capture closer to the server: the SYN is dropped on the way (firewall, ACL, routing) or the reply goes elsewhere (missing return route, asymmetric path)."},
	{"tcp-rejected", Error, "The server refused the connection: the SYN was answered with RST.",
		"Check the server is listening on that port (`ss -ltn`) and that no host firewall rejects it with RST."},
	{"tcp-synack-unanswered", Error, "The server answered the SYN but the client never completed the handshake.",
		"The SYN/ACK does not reach the client or is dropped there: check the return path, asymmetric routing and stateful firewalls."},
	{"tcp-handshake-bad-ack", Error, "The SYN/ACK acknowledges a number other than the SYN's ISN+1.",
		"A middlebox (NAT, load balancer, proxy) rewrote sequence numbers badly, or the SYN/ACK answers an older SYN."},
	{"tcp-reset", Warning, "An established connection was aborted with RST.",
		"See which side sent it: an application abort, an idle timeout on a firewall or load balancer, or a crashed process."},
	{"tcp-retransmission", Warning, "Segments were sent again: earlier copies were lost or not acknowledged in time.",
		"Look for packet loss on the path (interface errors, congestion, policers); compare with a capture at the other end."},
	{"tcp-lost-segment", Warning, "A gap in the sequence numbers: data was sent that this capture point never saw.",
		"Packets are dropped before this capture point, or the capture itself dropped them (check tcpdump's dropped counter)."},
	{"tcp-dup-ack", Note, "Duplicate ACKs: the receiver signals missing data.",
		"A few are normal with reordering; many in a row mean loss between sender and receiver."},
	{"tcp-zero-window", Warning, "The receiver advertised a zero window: it cannot take more data.",
		"The receiving application does not read fast enough; check its CPU, disk and buffer sizes."},
	{"tcp-pmtu-blackhole", Error, "Full-size segments are retransmitted and never acknowledged while small ones pass: a path MTU black hole.",
		"A link on the path has a smaller MTU and its ICMP 'fragmentation needed' is blocked: allow ICMP type 3 code 4, or clamp the MSS."},
	{"tcp-syn-retried", Warning, "The client had to send its SYN more than once before the connection was answered.",
		"The first SYNs or their answers were lost: each retry costs the application 1 s, 2 s, 4 s...; look for loss or a busy listener (`ss -ltn` Recv-Q, `nstat -az TcpExtListenDrops`)."},
	{"tcp-out-of-order", Note, "Segments arrived out of order: below the highest sequence number, never seen before, within one RTT of it.",
		"Reordering on the path (parallel links, ECMP or LAG hashing, multi-queue capture); a little is harmless, much of it causes spurious fast retransmissions."},
	{"tcp-ack-unseen", Note, "A receiver acknowledged data this capture never saw.",
		"The capture missed packets (check tcpdump's 'dropped by kernel'), GRO/offload merged them, or the data took a path around the capture point."},
	{"tcp-window-full", Note, "A sender filled the receiver's advertised window and had to wait for it to open.",
		"The receiver's buffer or window scaling limits throughput: check `sysctl net.ipv4.tcp_rmem`, window scaling in the SYNs, and the receiving application."},
	{"tcp-keepalive", Note, "TCP keep-alive probes were exchanged on an idle connection.",
		"Normal for long-lived idle connections; they keep NAT and firewall state alive. Not counted as retransmissions."},
	{"tcp-dsack", Note, "The receiver reported data it had already received (D-SACK): a retransmission was spurious.",
		"The sender's retransmission timer fires too early or packets were reordered/duplicated on the path; harmless in small numbers."},
	{"checksum-bad", Error, "A checksum is wrong and is not the pattern of checksum offload: the packet was corrupted.",
		"Look for faulty NICs, cables or a middlebox rewriting packets without fixing checksums; the receiver drops these packets."},
	{"checksum-offload", Note, "A checksum field holds only the pseudo-header sum: the sender's NIC (or a virtual link) fills it in later.",
		"Not an error on the sender's own capture or across veth/bridges; disable offload (`ethtool -K IF tx off`) to see real checksums."},
	{"icmp-unreachable", Error, "A router or host reported a destination unreachable.",
		"The code says why: no route (net/host), nothing listening (port), or a firewall (admin prohibited); the sender of the ICMP is where to look."},
	{"icmp-frag-needed", Warning, "A router reported that a packet with DF set is larger than the next hop's MTU.",
		"Normal PMTU discovery when the sender then sends smaller packets; if it does not, check that this ICMP reaches the sender."},
	{"icmp-time-exceeded", Warning, "A packet's TTL ran out on the way (or fragment reassembly timed out).",
		"A routing loop, or a sender with a too small TTL; traceroute does this on purpose."},
	{"icmp-echo-unanswered", Warning, "A ping got no reply.",
		"The target is down, filters ICMP, or the reply takes another path."},
	{"icmp-redirect", Note, "A router told a host to use another first hop for a destination (ICMP redirect).",
		"The host's route or default gateway is not the best one on its segment: fix the route on the host, or disable redirects (`net.ipv4.conf.all.send_redirects`) if intended."},
	{"icmp-param-problem", Warning, "A router or host rejected a packet because of a bad header field (ICMP parameter problem).",
		"The sender builds malformed headers or uses options/extension headers the path does not accept: compare the quoted packet with the pointer."},
	{"arp-unanswered-at-end", Note, "An ARP request came too close to the end of the capture to tell whether it was answered.",
		"Not a fault by itself: capture a little longer, or look at the other requests for the same address."},
	{"nd-unanswered-at-end", Note, "An IPv6 neighbour solicitation came too close to the end of the capture to tell whether it was answered.",
		"Not a fault by itself: capture a little longer, or look at the other solicitations for the same address."},
	{"ttl-changed", Warning, "The TTL of one flow direction changed during the capture: the path changed.",
		"A route flap or load balancing over paths of different lengths; check routing on the hops in between."},
	{"ttl-expiring", Warning, "A packet that still has to be routed arrived with TTL 1 or less.",
		"The next router will drop it: a routing loop or a sender with a too small TTL."},
	{"ttl-hops-vary", Note, "One sender reaches the capture point over different hop counts depending on the destination.",
		"Its traffic takes paths of different lengths (policy routing, ECMP over unequal paths, a route change) or several hosts share the address behind NAT: compare `traceroute` from the sender to each destination."},
	{"capture-truncated", Error, "The capture file ends in the middle of a packet.",
		"The file was cut (copy interrupted, disk full, capture killed): packets before the cut are analyzed; ask for the complete file."},
}

var kindByID = func() map[string]int {
	m := make(map[string]int, len(Catalogue))
	for i, k := range Catalogue {
		m[k.ID] = i
	}
	return m
}()

// KindOf returns the catalogue entry for an ID.
func KindOf(id string) (Kind, bool) {
	i, ok := kindByID[id]
	if !ok {
		return Kind{}, false
	}
	return Catalogue[i], true
}

// SortDeviations orders deviations most severe first, then by first
// evidence frame.
func SortDeviations(d []Deviation) {
	sort.SliceStable(d, func(i, j int) bool {
		if d[i].Severity != d[j].Severity {
			return d[i].Severity > d[j].Severity
		}
		return firstFrame(d[i]) < firstFrame(d[j])
	})
}

func firstFrame(d Deviation) int {
	if len(d.Frames) == 0 {
		return 1 << 62
	}
	return d.Frames[0].Index
}
