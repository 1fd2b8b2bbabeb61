package analyze

import (
	"encoding/binary"
	"fmt"
	"github.com/pcapreport/pcapreport/analyze/inetsum"
	"math/rand"
	"net"
	"net/netip"
	"strings"
	"testing"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/pcapreport/pcapreport/analyze/source"
)

// ctPkt describes one synthetic frame.
type ctPkt struct {
	src, dst string
	ttl      uint8
	l4       string // "tcp", "udp", "icmp", "icmp6", "igmp"
	sport    uint16
	dport    uint16
	icmpType uint8
	payload  []byte
	dstMAC   net.HardwareAddr
	// mangle changes the serialized frame (offsets from the start of the
	// network header) after the checksums were computed.
	mangle func(net []byte)
	// noUDPCsum leaves the UDP checksum 0 (IPv4 only).
	noUDPCsum bool
}

var (
	ctMACA = net.HardwareAddr{2, 0, 0, 0, 0, 0xa}
	ctMACB = net.HardwareAddr{2, 0, 0, 0, 0, 0xb}
)

// ctFrame serializes a packet, checksums computed.
func ctFrame(t *testing.T, c ctPkt) []byte {
	t.Helper()
	src, dst := net.ParseIP(c.src), net.ParseIP(c.dst)
	v4 := src.To4() != nil
	dmac := ctMACB
	if c.dstMAC != nil {
		dmac = c.dstMAC
	}
	eth := &layers.Ethernet{SrcMAC: ctMACA, DstMAC: dmac, EthernetType: layers.EthernetTypeIPv4}
	var ls []gopacket.SerializableLayer
	proto := map[string]layers.IPProtocol{"tcp": layers.IPProtocolTCP, "udp": layers.IPProtocolUDP, "icmp": layers.IPProtocolICMPv4,
		"icmp6": layers.IPProtocolICMPv6, "igmp": layers.IPProtocolIGMP}[c.l4]
	if v4 {
		ls = append(ls, eth, &layers.IPv4{Version: 4, IHL: 5, TTL: c.ttl, Protocol: proto, SrcIP: src.To4(), DstIP: dst.To4(), Id: 1})
	} else {
		eth.EthernetType = layers.EthernetTypeIPv6
		ls = append(ls, eth, &layers.IPv6{Version: 6, HopLimit: c.ttl, NextHeader: proto, SrcIP: src, DstIP: dst})
	}
	switch c.l4 {
	case "tcp":
		ls = append(ls, &layers.TCP{SrcPort: layers.TCPPort(c.sport), DstPort: layers.TCPPort(c.dport), Seq: 1000, Ack: 2000, ACK: true, PSH: true, Window: 512})
	case "udp":
		ls = append(ls, &layers.UDP{SrcPort: layers.UDPPort(c.sport), DstPort: layers.UDPPort(c.dport)})
	case "icmp":
		ls = append(ls, &layers.ICMPv4{TypeCode: layers.CreateICMPv4TypeCode(c.icmpType, 0), Id: 7, Seq: 1})
	case "icmp6":
		ls = append(ls, &layers.ICMPv6{TypeCode: layers.CreateICMPv6TypeCode(c.icmpType, 0)})
	case "igmp":
	}
	ls = append(ls, gopacket.Payload(c.payload))
	b := serialize(t, ls...)
	net := b[14:]
	if c.noUDPCsum {
		net[20+6], net[20+7] = 0, 0
	}
	if c.mangle != nil {
		c.mangle(net)
	}
	return b
}

// ctEngine feeds frames, one a millisecond, and finishes.
func ctEngine(t *testing.T, frames ...[]byte) *Analysis {
	t.Helper()
	e := NewEngine("test.pcap", source.Info{Format: "pcap", Snaplen: 262144}, DefaultConfig)
	for i, b := range frames {
		e.Add(&source.Frame{Index: i + 1, Sec: 1700000000, Frac: uint32(i * 1000), LinkType: source.LinkEthernet,
			Data: b, CapLen: len(b), OrigLen: len(b), Offset: int64(24 + i*100)})
	}
	return e.Finish(nil)
}

// ctPartial computes the pseudo-header sum the way Linux puts it in the
// checksum field with CHECKSUM_PARTIAL: ~csum_tcpudp_magic(), that is
// the folded, not complemented sum, independently of the tracker's code.
func ctPartial(src, dst net.IP, proto uint8, length int) uint16 {
	var s uint32
	add := func(b []byte) {
		for i := 0; i+1 < len(b); i += 2 {
			s += uint32(b[i])<<8 | uint32(b[i+1])
		}
	}
	if v := src.To4(); v != nil {
		add(v)
		add(dst.To4())
	} else {
		add(src.To16())
		add(dst.To16())
	}
	s += uint32(proto) + uint32(length)
	for s > 0xffff {
		s = s>>16 + s&0xffff
	}
	return uint16(s)
}

func ctSetCsum(off int, v uint16) func([]byte) {
	return func(n []byte) { binary.BigEndian.PutUint16(n[off:], v) }
}

// The reference sum: a plain 16-bit big-endian loop.
func ctRefSum(b []byte) uint16 {
	var s uint32
	for i := 0; i+1 < len(b); i += 2 {
		s += uint32(b[i])<<8 | uint32(b[i+1])
	}
	if len(b)%2 == 1 {
		s += uint32(b[len(b)-1]) << 8
	}
	for s > 0xffff {
		s = s>>16 + s&0xffff
	}
	return uint16(s)
}

func TestCksumSumMatchesReference(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 300; n++ {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(r.Intn(256))
		}
		if n%7 == 0 {
			for i := range b {
				b[i] = 0xff // stress the carries
			}
		}
		// Misaligned starts too.
		for start := 0; start < 3 && start <= n; start++ {
			got, want := inetsum.Fold(inetsum.Add(0, b[start:])), ctRefSum(b[start:])
			if got != want && !(got == 0xffff && want == 0) && !(got == 0 && want == 0xffff) {
				t.Fatalf("len %d start %d: sum 0x%04x, reference 0x%04x", n, start, got, want)
			}
		}
	}
	if got := inetsum.OnesSub(0x0001, 0x0002); got != 0xfffe {
		t.Errorf("1 - 2 = 0x%04x in one's complement, want 0xfffe", got)
	}
}

// Correct packets of every kind produce nothing; a UDP checksum of 0 over
// IPv4 means "none".
func TestCksumCorrectPackets(t *testing.T) {
	a := ctEngine(t,
		ctFrame(t, ctPkt{src: "192.0.2.10", dst: "198.51.100.20", ttl: 64, l4: "tcp", sport: 40000, dport: 80, payload: []byte("GET / HTTP/1.1\r\n\r\n")}),
		ctFrame(t, ctPkt{src: "192.0.2.10", dst: "198.51.100.20", ttl: 64, l4: "udp", sport: 40000, dport: 53, payload: []byte("odd")}),
		ctFrame(t, ctPkt{src: "192.0.2.10", dst: "198.51.100.20", ttl: 64, l4: "udp", sport: 40001, dport: 53, payload: []byte("none"), noUDPCsum: true}),
		ctFrame(t, ctPkt{src: "192.0.2.10", dst: "198.51.100.20", ttl: 64, l4: "icmp", icmpType: 8, payload: []byte("ping")}),
		ctFrame(t, ctPkt{src: "2001:db8:1::10", dst: "2001:db8:2::20", ttl: 64, l4: "icmp6", icmpType: 128, payload: []byte("\x00\x07\x00\x01ping!")}),
		ctFrame(t, ctPkt{src: "2001:db8:1::10", dst: "2001:db8:2::20", ttl: 64, l4: "tcp", sport: 40000, dport: 80, payload: []byte("x")}),
		ctFrame(t, ctPkt{src: "2001:db8:1::10", dst: "2001:db8:2::20", ttl: 64, l4: "udp", sport: 40000, dport: 53, payload: []byte("hello")}),
	)
	for _, d := range a.Deviations {
		if strings.HasPrefix(d.ID, "checksum-") {
			t.Errorf("correct packet reported: %s %s", d.ID, d.Message)
		}
	}
}

// Corruption: one changed byte after the checksum was computed, per layer,
// reported as checksum-bad with the value found and the correct one.
func TestCksumCorruption(t *testing.T) {
	flip := func(off int) func([]byte) { return func(n []byte) { n[off] ^= 0x40 } }
	cases := []struct {
		name string
		pkt  ctPkt
		want string
	}{
		{"ipv4 header", ctPkt{src: "192.0.2.10", dst: "198.51.100.20", ttl: 64, l4: "udp", sport: 1, dport: 2, payload: []byte("x"),
			mangle: func(n []byte) { n[8]-- }}, // TTL lowered without fixing the sum
			"IPv4 header checksum 0x"},
		{"tcp payload", ctPkt{src: "192.0.2.10", dst: "198.51.100.20", ttl: 64, l4: "tcp", sport: 40000, dport: 80, payload: []byte("GET / HTTP/1.1\r\n"),
			mangle: flip(20 + 20 + 3)}, "TCP checksum 0x"},
		{"udp payload", ctPkt{src: "192.0.2.10", dst: "198.51.100.20", ttl: 64, l4: "udp", sport: 40000, dport: 53, payload: []byte("query"),
			mangle: flip(20 + 8 + 1)}, "UDP checksum 0x"},
		{"icmp", ctPkt{src: "192.0.2.10", dst: "198.51.100.20", ttl: 64, l4: "icmp", icmpType: 8, payload: []byte("ping"),
			mangle: flip(20 + 8)}, "ICMP checksum 0x"},
		{"icmp6", ctPkt{src: "2001:db8:1::10", dst: "2001:db8:2::20", ttl: 64, l4: "icmp6", icmpType: 128, payload: []byte("\x00\x07\x00\x01ping"),
			mangle: flip(40 + 6)}, "ICMPv6 checksum 0x"},
		{"tcp6", ctPkt{src: "2001:db8:1::10", dst: "2001:db8:2::20", ttl: 64, l4: "tcp", sport: 40000, dport: 80, payload: []byte("abc"),
			mangle: flip(40 + 20)}, "TCP checksum 0x"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			good := c.pkt
			good.mangle = nil
			right := ctFrame(t, good)
			a := ctEngine(t, ctFrame(t, c.pkt))
			bad := devsByID(a, "checksum-bad")
			if len(bad) != 1 || len(devsByID(a, "checksum-offload")) != 0 {
				t.Fatalf("want one checksum-bad, got %+v", a.Deviations)
			}
			d := bad[0]
			if d.Severity != Error || !strings.HasPrefix(d.Message, c.want) || frameNums(d.Frames)[0] != 1 {
				t.Errorf("got %s %q", d.Severity, d.Message)
			}
			// The "should be" value is the checksum a correct sender
			// computes for the corrupted bytes: check it for the IPv4
			// header by recomputing.
			if c.name == "ipv4 header" {
				n := ctFrame(t, c.pkt)[14:]
				binary.BigEndian.PutUint16(n[10:], 0)
				want := fmt.Sprintf("should be 0x%04x", ^ctRefSum(n[:20]))
				if !strings.Contains(d.Message, want) {
					t.Errorf("message %q lacks %q", d.Message, want)
				}
			}
			// and for TCP: the field found is the original one, the right
			// value the sum of pseudo-header and corrupted segment.
			if c.name == "tcp payload" {
				n := ctFrame(t, c.pkt)[14:]
				orig := binary.BigEndian.Uint16(right[14+20+16:])
				seg := append([]byte(nil), n[20:]...)
				binary.BigEndian.PutUint16(seg[16:], 0)
				ph := append(append(append([]byte(nil), n[12:20]...), 0, 6), byte(len(seg)>>8), byte(len(seg)))
				want := fmt.Sprintf("TCP checksum 0x%04x should be 0x%04x", orig, ^ctRefSum(append(ph, seg...)))
				if !strings.HasPrefix(d.Message, want) {
					t.Errorf("message %q, want prefix %q", d.Message, want)
				}
			}
		})
	}
}

// The offload pattern: the field holds the pseudo-header sum (as Linux
// leaves it with CHECKSUM_PARTIAL) or its complement: a note per sender,
// never an error. One bit off the pattern is corruption.
func TestCksumOffloadVsCorruption(t *testing.T) {
	a4, b4 := net.ParseIP("192.0.2.10"), net.ParseIP("198.51.100.20")
	a6, b6 := net.ParseIP("2001:db8:1::10"), net.ParseIP("2001:db8:2::20")
	pay := []byte("GET / HTTP/1.1\r\n")
	tcp4 := ctPartial(a4, b4, 6, 20+len(pay))
	udp4 := ctPartial(a4, b4, 17, 8+5)
	tcp6 := ctPartial(a6, b6, 6, 20+len(pay))
	frames := [][]byte{
		ctFrame(t, ctPkt{src: "192.0.2.10", dst: "198.51.100.20", ttl: 64, l4: "tcp", sport: 40000, dport: 80, payload: pay, mangle: ctSetCsum(20+16, tcp4)}),
		ctFrame(t, ctPkt{src: "192.0.2.10", dst: "198.51.100.20", ttl: 64, l4: "udp", sport: 40000, dport: 7, payload: []byte("probe"), mangle: ctSetCsum(20+6, udp4)}),
		ctFrame(t, ctPkt{src: "192.0.2.10", dst: "198.51.100.20", ttl: 64, l4: "tcp", sport: 40000, dport: 80, payload: pay, mangle: ctSetCsum(20+16, ^tcp4)}),
		ctFrame(t, ctPkt{src: "2001:db8:1::10", dst: "2001:db8:2::20", ttl: 64, l4: "tcp", sport: 40000, dport: 80, payload: pay, mangle: ctSetCsum(40+16, tcp6)}),
		// One off the pattern: corruption.
		ctFrame(t, ctPkt{src: "192.0.2.10", dst: "198.51.100.20", ttl: 64, l4: "tcp", sport: 40000, dport: 80, payload: pay, mangle: ctSetCsum(20+16, tcp4+1)}),
		// The server's answer is correct.
		ctFrame(t, ctPkt{src: "198.51.100.20", dst: "192.0.2.10", ttl: 63, l4: "tcp", sport: 80, dport: 40000, payload: []byte("HTTP/1.0 200 OK\r\n")}),
	}
	a := ctEngine(t, frames...)
	off := devsByID(a, "checksum-offload")
	bad := devsByID(a, "checksum-bad")
	if len(off) != 2 || len(bad) != 1 {
		t.Fatalf("want 2 offload notes (one per sender) and 1 checksum-bad, got %+v", a.Deviations)
	}
	if off[0].Severity != Note || off[0].Count != 3 || fmt.Sprint(frameNums(off[0].Frames)) != "[1 2 3]" ||
		!strings.HasPrefix(off[0].Message, "192.0.2.10 sent 3 packets (TCP 2, UDP 1)") ||
		!strings.Contains(off[0].Message, "veth") {
		t.Errorf("offload note: %+v", off[0])
	}
	if off[1].Count != 1 || !strings.HasPrefix(off[1].Message, "2001:db8:1::10 sent 1 packet ") {
		t.Errorf("offload note v6: %+v", off[1])
	}
	want := fmt.Sprintf("TCP checksum 0x%04x should be 0x", tcp4+1)
	if !strings.HasPrefix(bad[0].Message, want) || frameNums(bad[0].Frames)[0] != 5 ||
		!strings.Contains(bad[0].Message, "192.0.2.10:40000 to 198.51.100.20:80") {
		t.Errorf("checksum-bad: %q, want prefix %q", bad[0].Message, want)
	}
}

// A truncated segment or a fragment is not verified.
func TestCksumNotWhole(t *testing.T) {
	b := ctFrame(t, ctPkt{src: "192.0.2.10", dst: "198.51.100.20", ttl: 64, l4: "tcp", sport: 40000, dport: 80, payload: []byte("0123456789"),
		mangle: func(n []byte) { n[45] ^= 1 }})
	e := NewEngine("test.pcap", source.Info{Format: "pcap", Snaplen: 60}, DefaultConfig)
	e.Add(&source.Frame{Index: 1, LinkType: source.LinkEthernet, Data: b[:60], CapLen: 60, OrigLen: len(b)})
	frag := ctFrame(t, ctPkt{src: "192.0.2.10", dst: "198.51.100.20", ttl: 64, l4: "udp", sport: 1, dport: 2, payload: []byte("fragment"),
		mangle: func(n []byte) {
			n[6] = 0x20 // more fragments; header checksum fixed below
			n[30] ^= 1
			binary.BigEndian.PutUint16(n[10:], 0)
			binary.BigEndian.PutUint16(n[10:], ^ctRefSum(n[:20]))
		}})
	e.Add(&source.Frame{Index: 2, LinkType: source.LinkEthernet, Data: frag, CapLen: len(frag), OrigLen: len(frag)})
	a := e.Finish(nil)
	if d := devsByID(a, "checksum-bad"); len(d) != 0 {
		t.Errorf("partial packets verified: %+v", d)
	}
}

// The real capture with transmit offload left on at the sender: every
// packet tcpdump -vv calls "incorrect" is offload, none is corruption.
func TestCksumOffloadRealCapture(t *testing.T) {
	a := runFile(t, "../testdata/lab/offload-sender.pcap")
	if bad := devsByID(a, "checksum-bad"); len(bad) != 0 {
		t.Fatalf("offload taken for corruption: %+v", bad)
	}
	off := devsByID(a, "checksum-offload")
	// 192.0.2.10: 7 TCP segments (SYN, ACKs, request, FIN) and one UDP
	// datagram; 2001:db8:1::10: the same over IPv6. The answers from
	// 198.51.100.20 and 2001:db8:2::20 are correct.
	got := map[string]int{}
	for _, d := range off {
		got[strings.Fields(d.Message)[0]] = d.Count
		if d.Severity != Note || len(d.Frames) != 3 {
			t.Errorf("offload note %+v", d)
		}
	}
	if len(got) != 2 || got["192.0.2.10"] != 8 || got["2001:db8:1::10"] != 8 {
		t.Errorf("offload per sender: %v (messages %+v)", got, off)
	}
	// tcpdump -vv on frame 9: "cksum 0xec80 (incorrect -> 0x594b)".
	if len(off) > 0 && !strings.Contains(off[0].Message, "(frame 9: TCP checksum 0xec80, the full checksum would be 0x594b)") {
		t.Errorf("first offload example disagrees with tcpdump: %s", off[0].Message)
	}
}

// The real captures of record-basic.sh have offload off: no checksum
// deviation at all.
func TestCksumBasicCapturesClean(t *testing.T) {
	for _, f := range []string{"../testdata/lab/basic-client.pcap", "../testdata/lab/basic-router-in.pcap"} {
		a := runFile(t, f)
		for _, d := range a.Deviations {
			if strings.HasPrefix(d.ID, "checksum-") {
				t.Errorf("%s: %s %s", f, d.ID, d.Message)
			}
		}
	}
}

func ctTTLTracker(e *Engine) *ttlTracker {
	for _, tr := range e.tracked {
		if t, ok := tr.(*ttlTracker); ok {
			return t
		}
	}
	return nil
}

func ctFeed(t *testing.T, e *Engine, pkts ...ctPkt) {
	t.Helper()
	for _, c := range pkts {
		b := ctFrame(t, c)
		n := e.a.Capture.Packets
		e.Add(&source.Frame{Index: n + 1, Sec: 1700000000 + int64(n), LinkType: source.LinkEthernet, Data: b, CapLen: len(b), OrigLen: len(b), Offset: int64(24 + n*100)})
	}
}

func TestTTLInitialAndHops(t *testing.T) {
	for _, c := range []struct{ ttl, init int }{{0, 32}, {1, 32}, {32, 32}, {33, 64}, {61, 64}, {64, 64}, {65, 128}, {120, 128}, {128, 128}, {129, 255}, {255, 255}} {
		if got := ttlInitial(uint8(c.ttl)); got != c.init {
			t.Errorf("ttlInitial(%d) = %d, want %d", c.ttl, got, c.init)
		}
	}
	e := NewEngine("test.pcap", source.Info{Format: "pcap"}, DefaultConfig)
	ctFeed(t, e,
		ctPkt{src: "198.51.100.20", dst: "192.0.2.10", ttl: 61, l4: "tcp", sport: 80, dport: 40000},
		ctPkt{src: "198.51.100.20", dst: "192.0.2.10", ttl: 5, l4: "icmp", icmpType: 0}, // deliberate: does not lower the estimate
		ctPkt{src: "203.0.113.7", dst: "192.0.2.10", ttl: 120, l4: "udp", sport: 53, dport: 40000},
		ctPkt{src: "192.0.2.10", dst: "198.51.100.20", ttl: 64, l4: "tcp", sport: 40000, dport: 80},
		// Neighbour discovery and MLD hop limits are fixed: they tell nothing.
		ctPkt{src: "fe80::1", dst: "fe80::2", ttl: 255, l4: "icmp6", icmpType: 136, payload: make([]byte, 20)},
		ctPkt{src: "fe80::3", dst: "ff02::16", ttl: 1, l4: "icmp6", icmpType: 143, payload: make([]byte, 4)},
		// Multicast does not tell the default either.
		ctPkt{src: "192.0.2.30", dst: "224.0.0.251", ttl: 255, l4: "udp", sport: 5353, dport: 5353},
		ctPkt{src: "2001:db8:2::20", dst: "2001:db8:1::10", ttl: 62, l4: "tcp", sport: 80, dport: 40000},
	)
	for _, c := range []struct {
		ip         string
		init, hops int
		ok         bool
	}{{"198.51.100.20", 64, 3, true}, {"203.0.113.7", 128, 8, true}, {"192.0.2.10", 64, 0, true}, {"2001:db8:2::20", 64, 2, true},
		{"fe80::1", 0, 0, false}, {"fe80::3", 0, 0, false}, {"192.0.2.30", 0, 0, false}, {"192.0.2.99", 0, 0, false}} {
		i, h, ok := e.ttlFor(ctAddr(c.ip))
		if i != c.init || h != c.hops || ok != c.ok {
			t.Errorf("ttlFor(%s) = %d, %d, %v; want %d, %d, %v", c.ip, i, h, ok, c.init, c.hops, c.ok)
		}
	}
	// The host table: entries the ARP tracker made get the TTL columns
	// (or -1 hops when unknown); other IP senders are added.
	tr := ctTTLTracker(e)
	e.a.Hosts = []HostEntry{{IP: ctAddr("192.0.2.10"), MAC: "02:00:00:00:00:0a", Source: "arp"}, {IP: ctAddr("192.0.2.1"), MAC: "02:00:00:00:00:01", Source: "arp"}}
	tr.finishHosts()
	got := map[string]HostEntry{}
	for _, h := range e.a.Hosts {
		got[h.IP.String()] = h
	}
	if len(e.a.Hosts) != 5 {
		t.Errorf("hosts: %+v", e.a.Hosts)
	}
	if h := got["192.0.2.10"]; h.MAC != "02:00:00:00:00:0a" || h.Source != "arp" || h.InitialTTL != 64 || h.Hops != 0 {
		t.Errorf("arp host not filled: %+v", h)
	}
	if h := got["192.0.2.1"]; h.InitialTTL != 0 || h.Hops != -1 {
		t.Errorf("host without IP traffic: %+v", h)
	}
	if h := got["198.51.100.20"]; h.MAC != "" || h.Source != "ttl" || h.InitialTTL != 64 || h.Hops != 3 {
		t.Errorf("added host: %+v", h)
	}
	if h := got["203.0.113.7"]; h.InitialTTL != 128 || h.Hops != 8 {
		t.Errorf("added host: %+v", h)
	}
	if e.a.Hosts[2].IP.String() != "198.51.100.20" || e.a.Hosts[4].IP.String() != "2001:db8:2::20" {
		t.Errorf("added hosts not sorted by address: %+v", e.a.Hosts)
	}
}

func TestTTLChanged(t *testing.T) {
	e := NewEngine("test.pcap", source.Info{Format: "pcap"}, DefaultConfig)
	ab := func(ttl uint8, sport uint16) ctPkt {
		return ctPkt{src: "198.51.100.20", dst: "192.0.2.10", ttl: ttl, l4: "tcp", sport: 80, dport: sport}
	}
	ctFeed(t, e,
		ab(61, 40000), // 1: the first packet sets the baseline
		ab(61, 40000), // 2
		ctPkt{src: "198.51.100.20", dst: "192.0.2.10", ttl: 1, l4: "icmp", icmpType: 0}, // 3: another protocol
		ab(3, 40000),  // 4: below 32, deliberate: ignored
		ab(61, 40001), // 5: another connection, same path
		ab(59, 40000), // 6: changed: 2 hops more
		ab(58, 40000), // 7: changed again: no second warning
		ctPkt{src: "192.0.2.10", dst: "198.51.100.20", ttl: 64, l4: "tcp", sport: 40000, dport: 80},  // 8: other direction, first
		ctPkt{src: "192.0.2.10", dst: "198.51.100.20", ttl: 128, l4: "tcp", sport: 40000, dport: 80}, // 9: initial changed
	)
	a := e.Finish(nil)
	ch := devsByID(a, "ttl-changed")
	if len(ch) != 2 {
		t.Fatalf("want 2 ttl-changed, got %+v", a.Deviations)
	}
	if d := ch[0]; d.Severity != Warning || fmt.Sprint(frameNums(d.Frames)) != "[5 6]" ||
		!strings.Contains(d.Message, "the TTL of TCP packets from 198.51.100.20 to 192.0.2.10 changed from 61 (frame 5) to 59 (frame 6)") ||
		!strings.Contains(d.Message, "over 5 hops instead of 3") {
		t.Errorf("ttl-changed: %+v", d)
	}
	if d := ch[1]; fmt.Sprint(frameNums(d.Frames)) != "[8 9]" || !strings.Contains(d.Message, "initial TTL 128 instead of 64") {
		t.Errorf("ttl-changed initial: %+v", d)
	}
	// IPv6 says hop limit.
	e = NewEngine("test.pcap", source.Info{Format: "pcap"}, DefaultConfig)
	ctFeed(t, e,
		ctPkt{src: "2001:db8:2::20", dst: "2001:db8:1::10", ttl: 63, l4: "udp", sport: 53, dport: 4000},
		ctPkt{src: "2001:db8:2::20", dst: "2001:db8:1::10", ttl: 62, l4: "udp", sport: 53, dport: 4000})
	a = e.Finish(nil)
	if ch := devsByID(a, "ttl-changed"); len(ch) != 1 || !strings.HasPrefix(ch[0].Message, "the hop limit of UDP packets from 2001:db8:2::20 to 2001:db8:1::10 changed from 63 (frame 1) to 62 (frame 2)") {
		t.Errorf("v6: %+v", ch)
	}
}

func TestTTLExpiring(t *testing.T) {
	bcast := net.HardwareAddr{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}
	e := NewEngine("test.pcap", source.Info{Format: "pcap"}, DefaultConfig)
	ctFeed(t, e,
		// 198.51.100.20 is one router away: its packets arrive with 63.
		ctPkt{src: "198.51.100.20", dst: "192.0.2.10", ttl: 63, l4: "tcp", sport: 80, dport: 40000},
		ctPkt{src: "192.0.2.10", dst: "198.51.100.20", ttl: 1, l4: "icmp", icmpType: 8},                                   // 2: expiring
		ctPkt{src: "192.0.2.10", dst: "198.51.100.20", ttl: 1, l4: "icmp", icmpType: 8},                                   // 3: same pair, folded
		ctPkt{src: "192.0.2.10", dst: "198.51.100.20", ttl: 2, l4: "icmp", icmpType: 8},                                   // 4: TTL 2 is fine
		ctPkt{src: "192.0.2.1", dst: "192.0.2.10", ttl: 64, l4: "tcp", sport: 179, dport: 40001},                          // 5: on-link peer
		ctPkt{src: "192.0.2.10", dst: "192.0.2.1", ttl: 1, l4: "tcp", sport: 40001, dport: 179},                           // 6: single-hop eBGP: fine
		ctPkt{src: "192.0.2.10", dst: "192.0.2.1", ttl: 0, l4: "tcp", sport: 40001, dport: 179},                           // 7: TTL 0: never fine
		ctPkt{src: "192.0.2.10", dst: "224.0.0.251", ttl: 1, l4: "udp", sport: 5353, dport: 5353},                         // 8: multicast
		ctPkt{src: "192.0.2.10", dst: "192.0.2.255", ttl: 1, l4: "udp", sport: 137, dport: 137, dstMAC: bcast},            // 9: subnet broadcast
		ctPkt{src: "fe80::1", dst: "ff02::16", ttl: 1, l4: "icmp6", icmpType: 143, payload: make([]byte, 4)},              // 10: MLD
		ctPkt{src: "fe80::1", dst: "fe80::2", ttl: 1, l4: "udp", sport: 1, dport: 2},                                      // 11: link-local
		ctPkt{src: "2001:db8:1::10", dst: "2001:db8:9::9", ttl: 1, l4: "udp", sport: 33434, dport: 33434},                 // 12: unknown dst
		ctPkt{src: "2001:db8:1::10", dst: "2001:db8:9::9", ttl: 1, l4: "icmp6", icmpType: 135, payload: make([]byte, 20)}, // 13: ND: fixed
	)
	a := e.Finish(nil)
	ex := devsByID(a, "ttl-expiring")
	if len(ex) != 3 {
		t.Fatalf("want 3 ttl-expiring, got %+v", ex)
	}
	byFirst := map[int]Deviation{}
	for _, d := range ex {
		byFirst[d.Frames[0].Index] = d
	}
	if d := byFirst[2]; d.Count != 2 || fmt.Sprint(frameNums(d.Frames)) != "[2 3]" ||
		!strings.HasPrefix(d.Message, "2 packets from 192.0.2.10 to 198.51.100.20 (first: ICMP type 8 code 0 192.0.2.10 > 198.51.100.20, frame 2) arrived here with TTL 1, but 198.51.100.20 is 1 hop beyond") {
		t.Errorf("expiring: %+v", d)
	}
	if d := byFirst[7]; d.Count != 1 || !strings.Contains(d.Message, "TTL of 0") {
		t.Errorf("TTL 0: %+v", d)
	}
	if d := byFirst[12]; !strings.Contains(d.Message, "hop limit 1 and 2001:db8:9::9 is not a link-local or multicast address") {
		t.Errorf("unknown destination: %+v", d)
	}
}

func TestTTLHopsVary(t *testing.T) {
	e := NewEngine("test.pcap", source.Info{Format: "pcap"}, DefaultConfig)
	ctFeed(t, e,
		ctPkt{src: "203.0.113.5", dst: "192.0.2.10", ttl: 62, l4: "tcp", sport: 40000, dport: 80},
		ctPkt{src: "203.0.113.5", dst: "192.0.2.11", ttl: 62, l4: "tcp", sport: 40000, dport: 80},
		ctPkt{src: "203.0.113.5", dst: "192.0.2.12", ttl: 124, l4: "tcp", sport: 40000, dport: 80},
		ctPkt{src: "203.0.113.6", dst: "192.0.2.12", ttl: 60, l4: "tcp", sport: 40000, dport: 80},
		ctPkt{src: "203.0.113.6", dst: "192.0.2.12", ttl: 60, l4: "udp", sport: 40000, dport: 53},
	)
	a := e.Finish(nil)
	v := devsByID(a, "ttl-hops-vary")
	if len(v) != 1 || v[0].Severity != Note || fmt.Sprint(frameNums(v[0].Frames)) != "[1 3]" ||
		!strings.Contains(v[0].Message, "packets from 203.0.113.5 reach this capture point over different hop counts depending on the destination: 2 hops to 2 destinations (first to 192.0.2.10, frame 1); 4 hops to 1 destination (first to 192.0.2.12, frame 3)") {
		t.Errorf("ttl-hops-vary: %+v", v)
	}
}

// Real captures: the client side sees its own packets at 0 hops and the
// server's at 1; the router's server-side interface the reverse. The
// deliberate TTL-1 ping (frame 36 at the client) is expiring and changes
// nothing else.
func TestTTLBasicCaptures(t *testing.T) {
	cli := runFile(t, "../testdata/lab/basic-client.pcap")
	ex := devsByID(cli, "ttl-expiring")
	if len(ex) != 1 || ex[0].Frames[0].Index != 36 || ex[0].Count != 1 || !strings.Contains(ex[0].Message, "192.0.2.10 to 198.51.100.20") {
		t.Errorf("client: ttl-expiring %+v", ex)
	}
	for _, id := range []string{"ttl-changed", "ttl-hops-vary"} {
		if d := devsByID(cli, id); len(d) != 0 {
			t.Errorf("client: %s %+v", id, d)
		}
	}
	rtr := runFile(t, "../testdata/lab/basic-router-in.pcap")
	for _, d := range rtr.Deviations {
		if strings.HasPrefix(d.ID, "ttl-") {
			t.Errorf("router: %s %s", d.ID, d.Message)
		}
	}
	hops := func(a *Analysis, ip string) (int, int) {
		for _, h := range a.Hosts {
			if h.IP == ctAddr(ip) {
				return h.InitialTTL, h.Hops
			}
		}
		return -1, -1
	}
	for _, c := range []struct {
		a          *Analysis
		name, ip   string
		init, hops int
	}{{cli, "client", "192.0.2.10", 64, 0}, {cli, "client", "198.51.100.20", 64, 1}, {cli, "client", "2001:db8:2::20", 64, 1},
		{rtr, "router", "192.0.2.10", 64, 1}, {rtr, "router", "198.51.100.20", 64, 0}} {
		if i, h := hops(c.a, c.ip); i != c.init || h != c.hops {
			t.Errorf("%s: %s initial %d hops %d, want %d %d", c.name, c.ip, i, h, c.init, c.hops)
		}
	}
}

func ctAddr(s string) netip.Addr { return netip.MustParseAddr(s) }

// Windows' IPv4 header checksum offload leaves 0 in the sender's capture:
// offload, not corruption; any other wrong header checksum is corruption.
func TestCksumIPv4HeaderOffload(t *testing.T) {
	a := ctEngine(t,
		ctFrame(t, ctPkt{src: "192.0.2.10", dst: "198.51.100.20", ttl: 128, l4: "udp", sport: 1, dport: 2, payload: []byte("x"), mangle: ctSetCsum(10, 0)}),
		ctFrame(t, ctPkt{src: "192.0.2.10", dst: "198.51.100.20", ttl: 128, l4: "udp", sport: 1, dport: 2, payload: []byte("x"), mangle: ctSetCsum(10, 1)}))
	off, bad := devsByID(a, "checksum-offload"), devsByID(a, "checksum-bad")
	if len(off) != 1 || !strings.Contains(off[0].Message, "whose IPv4 header checksum field holds 0 (frame 1") || len(bad) != 1 ||
		!strings.HasPrefix(bad[0].Message, "IPv4 header checksum 0x0001 should be 0x") || bad[0].Frames[0].Index != 2 {
		t.Errorf("got %+v", a.Deviations)
	}
}

// Directions idle past the engine's timeout are forgotten: a TTL after a
// long silence is a new baseline, not a change.
func TestTTLIdleDirectionsForgotten(t *testing.T) {
	cfg := DefaultConfig
	cfg.IdleTimeoutNs = 10e9
	e := NewEngine("test.pcap", source.Info{Format: "pcap"}, cfg)
	add := func(sec int64, c ctPkt) {
		b := ctFrame(t, c)
		n := e.a.Capture.Packets
		e.Add(&source.Frame{Index: n + 1, Sec: sec, LinkType: source.LinkEthernet, Data: b, CapLen: len(b), OrigLen: len(b)})
	}
	add(1000, ctPkt{src: "198.51.100.20", dst: "192.0.2.10", ttl: 61, l4: "tcp", sport: 80, dport: 40000})
	add(1100, ctPkt{src: "198.51.100.21", dst: "192.0.2.10", ttl: 61, l4: "tcp", sport: 80, dport: 40000}) // sweeps the first
	add(1101, ctPkt{src: "198.51.100.20", dst: "192.0.2.10", ttl: 60, l4: "tcp", sport: 80, dport: 40000})
	add(1102, ctPkt{src: "198.51.100.21", dst: "192.0.2.10", ttl: 62, l4: "tcp", sport: 80, dport: 40000}) // live: changed
	tr := ctTTLTracker(e)
	a := e.Finish(nil)
	ch := devsByID(a, "ttl-changed")
	if len(ch) != 1 || ch[0].Frames[1].Index != 4 {
		t.Errorf("got %+v", ch)
	}
	if len(tr.dirIdx) != 2 || len(tr.dirs) != 2 {
		t.Errorf("directions: %d in the map, %d slots (the forgotten one's slot is reused)", len(tr.dirIdx), len(tr.dirs))
	}
}
