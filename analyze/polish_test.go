package analyze

import (
	"encoding/binary"
	"net"
	"net/netip"
	"slices"
	"strings"
	"testing"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/pcapreport/pcapreport/analyze/source"
)

// polishAdd appends a frame made of layers to the simulation at ms.
func polishAdd(s *tcpSim, ms float64, ls ...gopacket.SerializableLayer) *tcpSim {
	s.t.Helper()
	data := serialize(s.t, ls...)
	ns := int64(ms * 1e6)
	s.frames = append(s.frames, source.Frame{Index: len(s.frames) + 1, Offset: int64(24 + 16*len(s.frames)),
		Sec: tcpSimBase + ns/1e9, Frac: uint32(ns % 1e9), Nano: true, CapLen: len(data), OrigLen: len(data), LinkType: source.LinkEthernet, Data: data})
	return s
}

var (
	polishCliMAC = net.HardwareAddr{2, 0, 0, 0, 1, 0x10}
	polishRtrMAC = net.HardwareAddr{2, 0, 0, 0, 1, 1}
)

// polishSACK appends an ACK from dir carrying a SACK option with the
// given block edges (left, right, left, right, ...).
func polishSACK(s *tcpSim, ms float64, dir int, seq, ack uint32, edges ...uint32) *tcpSim {
	src, dst := s.cli, s.sv
	if dir == tcpS {
		src, dst = dst, src
	}
	opt := make([]byte, 4*len(edges))
	for i, e := range edges {
		binary.BigEndian.PutUint32(opt[4*i:], e)
	}
	tcp := &layers.TCP{SrcPort: layers.TCPPort(src.Port()), DstPort: layers.TCPPort(dst.Port()), Seq: seq, Ack: ack, ACK: true, Window: s.win[dir],
		Options: []layers.TCPOption{{OptionType: layers.TCPOptionKindNop, OptionLength: 1}, {OptionType: layers.TCPOptionKindNop, OptionLength: 1},
			{OptionType: layers.TCPOptionKindSACK, OptionLength: uint8(2 + len(opt)), OptionData: opt}}}
	eth := &layers.Ethernet{SrcMAC: polishCliMAC, DstMAC: polishRtrMAC, EthernetType: layers.EthernetTypeIPv4}
	ip := &layers.IPv4{Version: 4, TTL: 64, Protocol: layers.IPProtocolTCP, SrcIP: src.Addr().AsSlice(), DstIP: dst.Addr().AsSlice(), Flags: layers.IPv4DontFragment}
	return polishAdd(s, ms, eth, ip, tcp)
}

func polishSACKOpt(edges ...uint32) []layers.TCPOption {
	b := make([]byte, 4*len(edges))
	for i, e := range edges {
		binary.BigEndian.PutUint32(b[4*i:], e)
	}
	return []layers.TCPOption{{OptionType: layers.TCPOptionKindNop}, {OptionType: layers.TCPOptionKindSACK, OptionData: b}}
}

func TestPolishIsDSACK(t *testing.T) {
	for _, tc := range []struct {
		name  string
		ack   uint32
		edges []uint32
		want  bool
	}{
		{"below the ACK", 1201, []uint32{1001, 1101}, true},
		{"ends at the ACK", 1201, []uint32{1101, 1201}, true},
		{"straddles the ACK", 1201, []uint32{1151, 1251}, true},
		{"starts at the ACK: a plain SACK", 1201, []uint32{1201, 1301}, false},
		{"above the ACK: a plain SACK", 1001, []uint32{1101, 1201}, false},
		{"inside the second block", 1001, []uint32{1101, 1201, 1101, 1301}, true},
		{"same as the second block", 1001, []uint32{1101, 1201, 1101, 1201}, true},
		{"two separate blocks", 1001, []uint32{1101, 1201, 1301, 1401}, false},
		{"second block starts after the first", 1001, []uint32{1101, 1201, 1151, 1301}, false},
		{"below the ACK across the wrap", 0x10, []uint32{0xfffffff0, 0x5}, true},
		{"above the ACK across the wrap", 0xfffffff0, []uint32{0x10, 0x20}, false},
		{"inside the second block across the wrap", 0xffffff00, []uint32{0xfffffff0, 0x10, 0xffffffe0, 0x20}, true},
		{"malformed block", 1201, []uint32{1101, 1101}, false},
	} {
		if got := isDSACK(polishSACKOpt(tc.edges...), tc.ack); got != tc.want {
			t.Errorf("%s: ack %d blocks %v: got %v", tc.name, tc.ack, tc.edges, got)
		}
	}
	if isDSACK([]layers.TCPOption{{OptionType: layers.TCPOptionKindTimestamps, OptionData: make([]byte, 8)}}, 5) {
		t.Error("a timestamp option is no D-SACK")
	}
}

func TestPolishDSACK(t *testing.T) {
	// The client sends two segments; the server acknowledges both; the
	// client retransmits the first anyway and the server reports it with a
	// D-SACK below its ACK (frame 8).
	s := newTCPSim(t).handshake().
		seg(3, tcpC, "PA", 1001, 5001, 100).
		seg(3.1, tcpC, "PA", 1101, 5001, 100).
		seg(4, tcpS, "A", 5001, 1201, 0).
		seg(300, tcpC, "PA", 1001, 5001, 100)
	polishSACK(s, 301, tcpS, 5001, 1201, 1001, 1101)
	// A plain SACK (data above the ACK, a hole before it) is no D-SACK.
	s.seg(302, tcpC, "PA", 1301, 5001, 100)
	polishSACK(s, 303, tcpS, 5001, 1201, 1301, 1401)
	a := s.run()
	d, ok := tcpDevs(a)["tcp-dsack"]
	if !ok {
		t.Fatalf("no tcp-dsack: %v", tcpIDs(a))
	}
	if d.Severity != Note || d.Count != 1 || !slices.Equal(frameNums(d.Frames), []int{8}) || d.Flow != 0 {
		t.Errorf("deviation %+v", d)
	}
	says(t, d.Message, "the server 198.51.100.20:80 reported 1 time (D-SACK) that data from 192.0.2.10:42214 arrived twice", "that retransmission was spurious")
	if _, ok := tcpDevs(a)["tcp-retransmission"]; !ok {
		t.Error("the retransmission itself is still reported")
	}

	// Seven D-SACKs: Count 7, five evidence frames, one deviation; D-SACKs
	// inside the second block count too.
	s = newTCPSim(t).handshake().seg(3, tcpC, "PA", 1001, 5001, 100).seg(4, tcpS, "A", 5001, 1101, 0)
	for i := range 6 {
		polishSACK(s, 10+float64(i), tcpS, 5001, 1101, 1001, 1101)
	}
	polishSACK(s, 20, tcpS, 5001, 1101, 1301, 1401, 1201, 1501)
	a = s.run()
	ds := devsByID(a, "tcp-dsack")
	if len(ds) != 1 {
		t.Fatalf("want one tcp-dsack, got %+v", ds)
	}
	if d := ds[0]; d.Count != 7 || !slices.Equal(frameNums(d.Frames), []int{6, 7, 8, 9, 10}) {
		t.Errorf("deviation %+v", d)
	}
	says(t, ds[0].Message, "7 times", "those retransmissions were spurious")

	// Near the wrap of the sequence space: ISN 0xffffff00, D-SACK of a
	// block that straddles zero, below an ACK past zero.
	s = newTCPSim(t).seg(0, tcpC, "S", 0xffffff00, 0, 0).seg(1, tcpS, "SA", 5000, 0xffffff01, 0).seg(2, tcpC, "A", 0xffffff01, 5001, 0).
		seg(3, tcpC, "PA", 0xffffff01, 5001, 0x200).seg(4, tcpS, "A", 5001, 0x101, 0)
	polishSACK(s, 5, tcpS, 5001, 0x101, 0xffffff01, 0x1)
	polishSACK(s, 6, tcpS, 5001, 0x101, 0x201, 0x301) // a plain SACK above the ACK
	a = s.run()
	if ds := devsByID(a, "tcp-dsack"); len(ds) != 1 || ds[0].Count != 1 || !slices.Equal(frameNums(ds[0].Frames), []int{6}) {
		t.Errorf("wrap: %+v", ds)
	}

	// No SACK option at all: nothing.
	a = newTCPSim(t).handshake().seg(3, tcpC, "PA", 1001, 5001, 100).seg(4, tcpS, "A", 5001, 1101, 0).run()
	if ds := devsByID(a, "tcp-dsack"); len(ds) != 0 {
		t.Errorf("healthy: %+v", ds)
	}
}

// polishICMP appends an ICMPv4 error from `from` to the client quoting
// the first 28 bytes of the client's SYN to dst.
func polishICMP(s *tcpSim, ms float64, from netip.Addr, typ, code uint8, dst netip.AddrPort, seq uint32) *tcpSim {
	s.t.Helper()
	qip := &layers.IPv4{Version: 4, TTL: 63, Protocol: layers.IPProtocolTCP, SrcIP: s.cli.Addr().AsSlice(), DstIP: dst.Addr().AsSlice(), Flags: layers.IPv4DontFragment}
	qtcp := &layers.TCP{SrcPort: layers.TCPPort(s.cli.Port()), DstPort: layers.TCPPort(dst.Port()), Seq: seq, SYN: true, Window: 64240}
	quoted := serialize(s.t, qip, qtcp)[:28]
	eth := &layers.Ethernet{SrcMAC: polishRtrMAC, DstMAC: polishCliMAC, EthernetType: layers.EthernetTypeIPv4}
	ip := &layers.IPv4{Version: 4, TTL: 64, Protocol: layers.IPProtocolICMPv4, SrcIP: from.AsSlice(), DstIP: s.cli.Addr().AsSlice()}
	icmp := &layers.ICMPv4{TypeCode: layers.CreateICMPv4TypeCode(typ, code)}
	return polishAdd(s, ms, eth, ip, icmp, gopacket.Payload(quoted))
}

func TestPolishSynAnsweredByICMP(t *testing.T) {
	rtr := netip.MustParseAddr("192.0.2.1")
	other := netip.MustParseAddrPort("192.0.2.10:5000")
	keepGoing := func(s *tcpSim, ms float64) *tcpSim {
		// Something else keeps the capture going past the last SYN.
		return s.segFrom(ms, other, netip.MustParseAddrPort("192.0.2.99:22"), "A", 1, 1, 0, 100)
	}

	// Three SYNs, each answered by the router with host unreachable.
	s := newTCPSim(t)
	s.seg(0, tcpC, "S", 1000, 0, 0)
	polishICMP(s, 0.3, rtr, 3, 1, s.sv, 1000)
	s.seg(1000, tcpC, "S", 1000, 0, 0)
	polishICMP(s, 1000.3, rtr, 3, 1, s.sv, 1000)
	s.seg(3000, tcpC, "S", 1000, 0, 0)
	polishICMP(s, 3000.3, rtr, 3, 1, s.sv, 1000)
	keepGoing(s, 7000)
	a := s.run()
	ds := devsByID(a, "tcp-syn-unanswered")
	if len(ds) != 1 {
		t.Fatalf("want one tcp-syn-unanswered, got %+v", ds)
	}
	d := ds[0]
	says(t, d.Message, "the SYN from 192.0.2.10:42214 to 198.51.100.20:80 got no TCP answer; 192.0.2.1 answered with ICMP host unreachable instead (frame 2, 3 ICMP errors in all)",
		"3 SYNs at 0, 1.0 s, 3.0 s")
	if d.Severity != Error || d.Count != 3 || !slices.Equal(frameNums(d.Frames), []int{1, 3, 5, 2}) {
		t.Errorf("deviation %+v", d)
	}
	if f := tcpFlows(a)[0]; f.State != "S0" || f.SynRetries != 2 {
		t.Errorf("flow %+v", f)
	}
	if u := devsByID(a, "icmp-unreachable"); len(u) != 1 || u[0].Flow != d.Flow {
		t.Errorf("icmp-unreachable %+v (tcp flow %d)", u, d.Flow)
	}

	// One SYN, refused by the destination itself with port unreachable;
	// the client does not try again.
	s = newTCPSim(t)
	s.seg(0, tcpC, "S", 1000, 0, 0)
	polishICMP(s, 0.2, s.sv.Addr(), 3, 3, s.sv, 1000)
	keepGoing(s, 5000)
	a = s.run()
	ds = devsByID(a, "tcp-syn-unanswered")
	if len(ds) != 1 {
		t.Fatalf("want one tcp-syn-unanswered, got %+v", ds)
	}
	says(t, ds[0].Message, "got no TCP answer; 198.51.100.20 (the destination itself) answered with ICMP port unreachable instead (frame 2), and the client did not send the SYN again")
	if strings.Contains(ds[0].Message, "in all") || !slices.Equal(frameNums(ds[0].Frames), []int{1, 2}) || ds[0].Severity != Error {
		t.Errorf("deviation %+v", ds[0])
	}

	// An ICMP error about another connection (port 81) is not this SYN's
	// answer; a redirect is no answer either.
	s = newTCPSim(t)
	s.seg(0, tcpC, "S", 1000, 0, 0)
	polishICMP(s, 0.2, rtr, 3, 13, netip.MustParseAddrPort("198.51.100.20:81"), 1000)
	polishICMP(s, 0.3, rtr, 5, 1, s.sv, 1000)
	keepGoing(s, 5000)
	a = s.run()
	ds = devsByID(a, "tcp-syn-unanswered")
	if len(ds) != 1 {
		t.Fatalf("want one tcp-syn-unanswered, got %+v", ds)
	}
	if strings.Contains(ds[0].Message, "ICMP") || !slices.Equal(frameNums(ds[0].Frames), []int{1}) {
		t.Errorf("deviation %+v", ds[0])
	}
	says(t, ds[0].Message, "it gave up before its first retransmission")
}

// polishUDP appends a UDP packet with the given MAC, TTL and addresses.
func polishUDP(s *tcpSim, ms float64, mac net.HardwareAddr, ttl uint8, src, dst netip.AddrPort) *tcpSim {
	eth := &layers.Ethernet{SrcMAC: mac, DstMAC: polishRtrMAC, EthernetType: layers.EthernetTypeIPv4}
	udp := &layers.UDP{SrcPort: layers.UDPPort(src.Port()), DstPort: layers.UDPPort(dst.Port())}
	var ip gopacket.SerializableLayer = &layers.IPv4{Version: 4, TTL: ttl, Protocol: layers.IPProtocolUDP, SrcIP: src.Addr().AsSlice(), DstIP: dst.Addr().AsSlice()}
	if src.Addr().Is6() {
		eth.EthernetType = layers.EthernetTypeIPv6
		ip = &layers.IPv6{Version: 6, HopLimit: ttl, NextHeader: layers.IPProtocolUDP, SrcIP: src.Addr().AsSlice(), DstIP: dst.Addr().AsSlice()}
	}
	return polishAdd(s, ms, eth, ip, udp, gopacket.Payload([]byte("probe")))
}

func TestPolishHostMAC(t *testing.T) {
	ap := netip.MustParseAddrPort
	onLink, far := ap("192.0.2.10:5000"), ap("198.51.100.20:53")
	v6, v6far := ap("[2001:db8::10]:5000"), ap("[2001:db8:1::20]:53")
	twoMACs := ap("192.0.2.30:5000")
	viaARP := ap("192.0.2.1:5000")
	s := newTCPSim(t)
	polishUDP(s, 0, polishCliMAC, 64, onLink, far)
	polishUDP(s, 1, polishRtrMAC, 61, far, onLink)                            // 3 hops: the router's MAC is not its own
	polishUDP(s, 2, polishCliMAC, 64, onLink, ap("198.51.100.21:53"))         // same MAC again
	polishUDP(s, 3, net.HardwareAddr{2, 0, 0, 0, 1, 0x11}, 64, v6, v6far)     // IPv6 on the segment
	polishUDP(s, 4, polishRtrMAC, 62, v6far, v6)                              // IPv6, 2 hops
	polishUDP(s, 5, net.HardwareAddr{2, 0, 0, 0, 1, 0x30}, 128, twoMACs, far) // one address, two MACs
	polishUDP(s, 6, net.HardwareAddr{2, 0, 0, 0, 1, 0x31}, 128, twoMACs, ap("198.51.100.21:53"))
	// The router's own address, resolved by ARP: the ARP MAC stays.
	arp := &layers.ARP{AddrType: layers.LinkTypeEthernet, Protocol: layers.EthernetTypeIPv4, HwAddressSize: 6, ProtAddressSize: 4, Operation: layers.ARPReply,
		SourceHwAddress: polishRtrMAC, SourceProtAddress: viaARP.Addr().AsSlice(), DstHwAddress: polishCliMAC, DstProtAddress: onLink.Addr().AsSlice()}
	polishAdd(s, 7, &layers.Ethernet{SrcMAC: polishRtrMAC, DstMAC: polishCliMAC, EthernetType: layers.EthernetTypeARP}, arp)
	polishUDP(s, 8, net.HardwareAddr{2, 0, 0, 0, 1, 0x99}, 64, viaARP, onLink)
	a := s.run()
	want := map[string]string{
		"192.0.2.10":     "02:00:00:00:01:10",
		"198.51.100.20":  "",
		"2001:db8::10":   "02:00:00:00:01:11",
		"2001:db8:1::20": "",
		"192.0.2.30":     "",
		"192.0.2.1":      "02:00:00:00:01:01",
	}
	got := map[string]HostEntry{}
	for _, h := range a.Hosts {
		got[h.IP.String()] = h
	}
	for ip, mac := range want {
		h, ok := got[ip]
		if !ok {
			t.Errorf("%s not in the hosts table %+v", ip, a.Hosts)
			continue
		}
		if h.MAC != mac {
			t.Errorf("%s: MAC %q, want %q (%+v)", ip, h.MAC, mac, h)
		}
	}
	if h := got["192.0.2.10"]; h.Source != "ttl" || h.Hops != 0 || h.InitialTTL != 64 {
		t.Errorf("on-link host %+v", h)
	}
	if h := got["192.0.2.1"]; h.Source != "arp" {
		t.Errorf("ARP host %+v", h)
	}
}

// TestPolishLabHosts: in the real lab captures every address on the
// capture's segment has its MAC and none beyond it does. On the router's
// server-side interface the capture holds no ARP from the server, so only
// its frames tell its MAC.
func TestPolishLabHosts(t *testing.T) {
	for _, file := range []string{"basic-client.pcap", "basic-router-in.pcap"} {
		a := runFile(t, "../testdata/lab/"+file)
		for _, h := range a.Hosts {
			switch {
			case h.Hops == 0 && h.MAC == "":
				t.Errorf("%s: on-link host without MAC: %+v", file, h)
			case h.Hops > 0 && h.Source == "ttl" && h.MAC != "":
				t.Errorf("%s: routed host with a MAC: %+v", file, h)
			}
		}
		if file != "basic-router-in.pcap" {
			continue
		}
		i := slices.IndexFunc(a.Hosts, func(h HostEntry) bool { return h.IP == netip.MustParseAddr("198.51.100.20") })
		if i < 0 || a.Hosts[i].MAC != "02:00:00:00:02:20" || a.Hosts[i].Source != "ttl" || a.Hosts[i].Hops != 0 {
			t.Errorf("%s: server entry %+v", file, a.Hosts)
		}
	}
}
