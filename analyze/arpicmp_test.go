package analyze

import (
	"fmt"
	"io"
	"math/rand"
	"net"
	"net/netip"
	"slices"
	"testing"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/pcapreport/pcapreport/analyze/source"
)

// ---- synthetic captures -------------------------------------------------

var (
	aiCliMAC = net.HardwareAddr{2, 0, 0, 0, 1, 0x10}
	aiRtrMAC = net.HardwareAddr{2, 0, 0, 0, 1, 0x01}
	aiSrvMAC = net.HardwareAddr{2, 0, 0, 0, 2, 0x20}
	aiBadMAC = net.HardwareAddr{2, 0, 0, 0, 9, 0x99}
	aiBcast  = net.HardwareAddr{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}
	aiZero   = net.HardwareAddr{0, 0, 0, 0, 0, 0}
)

// aiCap builds a capture frame by frame; times are in ms from its start.
type aiCap struct {
	t      *testing.T
	frames []source.Frame
	link   uint32
}

func aiNew(t *testing.T) *aiCap { return &aiCap{t: t, link: source.LinkEthernet} }

const aiT0 = int64(1_700_000_000) * 1e9

// add serializes the layers (computing lengths and checksums) as frame
// at ms milliseconds.
func (c *aiCap) add(ms float64, ls ...gopacket.SerializableLayer) {
	c.t.Helper()
	c.raw(ms, serialize(c.t, ls...))
}

func (c *aiCap) raw(ms float64, data []byte) {
	ns := aiT0 + int64(ms*1e6)
	c.frames = append(c.frames, source.Frame{Index: len(c.frames) + 1, Sec: ns / 1e9, Frac: uint32(ns % 1e9), Nano: true,
		CapLen: len(data), OrigLen: len(data), LinkType: c.link, Offset: int64(24 + 100*len(c.frames)), Data: slices.Clone(data)})
}

func (c *aiCap) run(cfg Config) *Analysis {
	e := NewEngine("synthetic", source.Info{Format: "pcap", Nano: true, Snaplen: 262144}, cfg)
	for i := range c.frames {
		e.Add(&c.frames[i])
	}
	return e.Finish(io.EOF)
}

func aiEth(src, dst net.HardwareAddr, t layers.EthernetType) *layers.Ethernet {
	return &layers.Ethernet{SrcMAC: src, DstMAC: dst, EthernetType: t}
}

func aiIP(s string) net.IP { return net.ParseIP(s) }

func aiARP(op uint16, sha net.HardwareAddr, spa string, tha net.HardwareAddr, tpa string) *layers.ARP {
	return &layers.ARP{AddrType: layers.LinkTypeEthernet, Protocol: layers.EthernetTypeIPv4, HwAddressSize: 6, ProtAddressSize: 4,
		Operation: op, SourceHwAddress: sha, SourceProtAddress: aiIP(spa).To4(), DstHwAddress: tha, DstProtAddress: aiIP(tpa).To4()}
}

// whoHas adds "who-has tpa tell spa" broadcast by sha.
func (c *aiCap) whoHas(ms float64, sha net.HardwareAddr, spa, tpa string) {
	c.add(ms, aiEth(sha, aiBcast, layers.EthernetTypeARP), aiARP(1, sha, spa, aiZero, tpa))
}

// isAt adds "spa is-at sha" sent to tha/tpa.
func (c *aiCap) isAt(ms float64, sha net.HardwareAddr, spa string, tha net.HardwareAddr, tpa string) {
	c.add(ms, aiEth(sha, tha, layers.EthernetTypeARP), aiARP(2, sha, spa, tha, tpa))
}

func aiIP4(src, dst string, proto layers.IPProtocol) *layers.IPv4 {
	return &layers.IPv4{Version: 4, IHL: 5, TTL: 64, Flags: layers.IPv4DontFragment, Protocol: proto, SrcIP: aiIP(src).To4(), DstIP: aiIP(dst).To4()}
}

func aiIP6(src, dst string, nh layers.IPProtocol) *layers.IPv6 {
	return &layers.IPv6{Version: 6, HopLimit: 64, NextHeader: nh, SrcIP: aiIP(src), DstIP: aiIP(dst)}
}

func aiUDP(sp, dp uint16) *layers.UDP {
	return &layers.UDP{SrcPort: layers.UDPPort(sp), DstPort: layers.UDPPort(dp)}
}

// udp4 adds a UDP datagram between two IPv4 hosts.
func (c *aiCap) udp4(ms float64, smac, dmac net.HardwareAddr, src string, sp uint16, dst string, dp uint16, payload string) {
	c.add(ms, aiEth(smac, dmac, layers.EthernetTypeIPv4), aiIP4(src, dst, layers.IPProtocolUDP), aiUDP(sp, dp), gopacket.Payload(payload))
}

// ping4 adds an echo request (reply=false) or reply.
func (c *aiCap) ping4(ms float64, smac, dmac net.HardwareAddr, src, dst string, reply bool, id, seq uint16) {
	typ := uint8(layers.ICMPv4TypeEchoRequest)
	if reply {
		typ = layers.ICMPv4TypeEchoReply
	}
	c.add(ms, aiEth(smac, dmac, layers.EthernetTypeIPv4), aiIP4(src, dst, layers.IPProtocolICMPv4),
		&layers.ICMPv4{TypeCode: layers.CreateICMPv4TypeCode(typ, 0), Id: id, Seq: seq}, gopacket.Payload(make([]byte, 56)))
}

// aiQuote returns the first 28 bytes (IP header + 8) of a packet, as an
// ICMP error quotes it.
func aiQuote(t *testing.T, n int, ls ...gopacket.SerializableLayer) []byte {
	t.Helper()
	b := serialize(t, ls...)
	return b[:min(n, len(b))]
}

// icmpErr4 adds an ICMPv4 error from src to dst quoting q; rest is the
// second header word (MTU, gateway, pointer).
func (c *aiCap) icmpErr4(ms float64, smac, dmac net.HardwareAddr, src, dst string, typ, code uint8, rest uint32, q []byte) {
	c.add(ms, aiEth(smac, dmac, layers.EthernetTypeIPv4), aiIP4(src, dst, layers.IPProtocolICMPv4),
		&layers.ICMPv4{TypeCode: layers.CreateICMPv4TypeCode(typ, code), Id: uint16(rest >> 16), Seq: uint16(rest)}, gopacket.Payload(q))
}

func aiOne(t *testing.T, a *Analysis, id string) Deviation {
	t.Helper()
	ds := devsByID(a, id)
	if len(ds) != 1 {
		t.Fatalf("want exactly one %s, got %d: %+v", id, len(ds), a.Deviations)
	}
	return ds[0]
}

func aiNone(t *testing.T, a *Analysis, ids ...string) {
	t.Helper()
	for _, id := range ids {
		if ds := devsByID(a, id); len(ds) != 0 {
			t.Errorf("unexpected %s: %+v", id, ds)
		}
	}
}

func aiFlow(a *Analysis, proto, src string, sport uint16, dst string, dport uint16) (int, *Flow) {
	for i := range a.Flows.Len() {
		f := a.Flows.At(i)
		if f.Proto == proto && f.Src.String() == src && f.Sport == sport && f.Dst.String() == dst && f.Dport == dport {
			return i, f
		}
	}
	return -1, nil
}

var aiMine = []string{"arp-unanswered", "arp-unanswered-at-end", "arp-duplicate-ip", "arp-mac-changed", "arp-gratuitous",
	"arp-unsolicited-reply", "eth-unknown-dst-mac", "icmp-unreachable", "icmp-frag-needed", "icmp-time-exceeded",
	"icmp-echo-unanswered", "icmp-redirect", "icmp-param-problem"}

// ---- ARP ------------------------------------------------------------------

// A healthy exchange: ARP, ping and DNS, all answered, produce no deviation
// of this area and an answered ARP exchange.
func TestARPHealthy(t *testing.T) {
	c := aiNew(t)
	c.whoHas(0, aiCliMAC, "192.0.2.10", "192.0.2.1")
	c.isAt(0.05, aiRtrMAC, "192.0.2.1", aiCliMAC, "192.0.2.10")
	c.ping4(1, aiCliMAC, aiRtrMAC, "192.0.2.10", "198.51.100.20", false, 7, 1)
	c.ping4(1.5, aiRtrMAC, aiCliMAC, "198.51.100.20", "192.0.2.10", true, 7, 1)
	c.udp4(2, aiCliMAC, aiRtrMAC, "192.0.2.10", 40000, "198.51.100.20", 53, "query")
	c.udp4(3, aiRtrMAC, aiCliMAC, "198.51.100.20", 53, "192.0.2.10", 40000, "answer!")
	a := c.run(DefaultConfig)
	aiNone(t, a, aiMine...)
	if len(a.ARP) != 1 {
		t.Fatalf("ARP: %+v", a.ARP)
	}
	x := a.ARP[0]
	if x.WhoHas.String() != "192.0.2.1" || x.Tell.String() != "192.0.2.10" || x.TellMAC != "02:00:00:00:01:10" || !x.Answered ||
		x.AnswerMAC != "02:00:00:00:01:01" || x.AnswerNs != 50000 || x.Requests != 1 || !slices.Equal(frameNums(x.Frames), []int{1, 2}) {
		t.Errorf("exchange %+v", x)
	}
	var hosts []string
	for _, h := range a.Hosts {
		if h.Source == "arp" {
			hosts = append(hosts, h.IP.String()+"="+h.MAC)
		}
	}
	if !slices.Equal(hosts, []string{"192.0.2.10=02:00:00:00:01:10", "192.0.2.1=02:00:00:00:01:01"}) {
		t.Errorf("hosts %v", hosts)
	}
}

func TestARPUnanswered(t *testing.T) {
	c := aiNew(t)
	c.whoHas(0, aiCliMAC, "192.0.2.10", "198.51.100.99")
	c.whoHas(1000, aiCliMAC, "192.0.2.10", "198.51.100.99")
	c.whoHas(2000, aiCliMAC, "192.0.2.10", "198.51.100.99")
	c.udp4(5000, aiCliMAC, aiRtrMAC, "192.0.2.10", 40000, "192.0.2.1", 53, "q")
	c.udp4(5001, aiRtrMAC, aiCliMAC, "192.0.2.1", 53, "192.0.2.10", 40000, "a")
	a := c.run(DefaultConfig)
	d := aiOne(t, a, "arp-unanswered")
	if d.Severity != Error || !slices.Equal(frameNums(d.Frames), []int{1, 2, 3}) {
		t.Errorf("%+v", d)
	}
	says(t, d.Message, "192.0.2.10 asked 3 times for 198.51.100.99 (at 0, 1.0 s, 2.0 s) and nobody answered", "within 3.0 s of the last request")
	if len(a.ARP) != 1 || a.ARP[0].Answered || a.ARP[0].Requests != 3 {
		t.Errorf("ARP %+v", a.ARP)
	}
	aiNone(t, a, "arp-unanswered-at-end")
}

// A request in the last second of the capture may just be too late.
func TestARPUnansweredAtEnd(t *testing.T) {
	c := aiNew(t)
	c.udp4(0, aiCliMAC, aiRtrMAC, "192.0.2.10", 40000, "192.0.2.1", 53, "q")
	c.udp4(1, aiRtrMAC, aiCliMAC, "192.0.2.1", 53, "192.0.2.10", 40000, "a")
	c.whoHas(4600, aiCliMAC, "192.0.2.10", "192.0.2.77")
	c.udp4(5000, aiCliMAC, aiRtrMAC, "192.0.2.10", 40001, "192.0.2.1", 53, "q")
	a := c.run(DefaultConfig)
	aiNone(t, a, "arp-unanswered")
	d := aiOne(t, a, "arp-unanswered-at-end")
	if d.Severity != Note {
		t.Errorf("severity %v", d.Severity)
	}
	says(t, d.Message, "192.0.2.10 asked once for 192.0.2.77 only 400.0 ms before the capture ended")

	// Earlier requests were not answered either: an error that says
	// when the capture ends.
	c = aiNew(t)
	c.whoHas(0, aiCliMAC, "192.0.2.10", "192.0.2.77")
	c.whoHas(1000, aiCliMAC, "192.0.2.10", "192.0.2.77")
	c.whoHas(2000, aiCliMAC, "192.0.2.10", "192.0.2.77")
	a = c.run(DefaultConfig)
	aiNone(t, a, "arp-unanswered-at-end")
	d = aiOne(t, a, "arp-unanswered")
	says(t, d.Message, "asked 3 times for 192.0.2.77 (at 0, 1.0 s, 2.0 s) and nobody answered (the capture ends right after the last request)")
}

// A request long after an unanswered one starts a new episode.
func TestARPEpisodes(t *testing.T) {
	c := aiNew(t)
	c.whoHas(0, aiCliMAC, "192.0.2.10", "192.0.2.77")
	c.whoHas(30000, aiCliMAC, "192.0.2.10", "192.0.2.77")
	c.isAt(30001, aiRtrMAC, "192.0.2.77", aiCliMAC, "192.0.2.10")
	c.udp4(40000, aiCliMAC, aiRtrMAC, "192.0.2.10", 40001, "192.0.2.1", 53, "q")
	a := c.run(DefaultConfig)
	d := aiOne(t, a, "arp-unanswered")
	says(t, d.Message, "192.0.2.10 asked once for 192.0.2.77 and nobody answered within 30.0 s")
	if len(a.ARP) != 2 || a.ARP[0].Answered || !a.ARP[1].Answered || a.ARP[1].AnswerNs != 1e6 {
		t.Errorf("ARP %+v", a.ARP)
	}
}

// Refreshes of one binding fold into one entry; a reply repeated within
// the reply window is not unsolicited.
func TestARPRefreshFolds(t *testing.T) {
	c := aiNew(t)
	for i := range 3 {
		ms := float64(i) * 60000
		c.whoHas(ms, aiCliMAC, "192.0.2.10", "192.0.2.1")
		c.isAt(ms+0.1, aiRtrMAC, "192.0.2.1", aiCliMAC, "192.0.2.10")
	}
	c.isAt(120000.5, aiRtrMAC, "192.0.2.1", aiCliMAC, "192.0.2.10")
	a := c.run(DefaultConfig)
	if len(a.ARP) != 1 || a.ARP[0].Exchanges != 3 || a.ARP[0].Requests != 3 || !slices.Equal(frameNums(a.ARP[0].Frames), []int{1, 2}) {
		t.Errorf("ARP %+v", a.ARP)
	}
	aiNone(t, a, aiMine...)
}

func TestARPUnsolicitedReply(t *testing.T) {
	c := aiNew(t)
	// In the first second: the request may predate the capture.
	c.isAt(100, aiRtrMAC, "192.0.2.1", aiCliMAC, "192.0.2.10")
	c.isAt(5000, aiBadMAC, "192.0.2.1", aiCliMAC, "192.0.2.10")
	c.isAt(6000, aiBadMAC, "192.0.2.1", aiCliMAC, "192.0.2.10")
	c.isAt(7000, aiRtrMAC, "192.0.2.1", aiCliMAC, "192.0.2.10")
	a := c.run(DefaultConfig)
	var msgs []string
	for _, d := range devsByID(a, "arp-unsolicited-reply") {
		msgs = append(msgs, d.Message)
	}
	if len(msgs) != 2 {
		t.Fatalf("unsolicited: %q", msgs)
	}
	says(t, msgs[0], "02:00:00:00:09:99 told 192.0.2.10 twice that 192.0.2.1 is at 02:00:00:00:09:99 though no request in the capture asked (first 4.9 s into the capture)")
	says(t, msgs[1], "02:00:00:00:01:01 told 192.0.2.10 once")
	// Both MACs keep claiming 192.0.2.1: a duplicate, not a change.
	d := aiOne(t, a, "arp-duplicate-ip")
	says(t, d.Message, "192.0.2.1 is claimed by two MACs at the same time in ARP: 02:00:00:00:01:01 (twice, 0 s to 6.9 s into the capture) and 02:00:00:00:09:99 (twice, 4.9 s to 5.9 s into the capture)")
	if !slices.Equal(frameNums(d.Frames), []int{1, 2, 4}) {
		t.Errorf("frames %v", frameNums(d.Frames))
	}
	aiNone(t, a, "arp-mac-changed")
}

// A MAC taking over an address (failover with gratuitous ARP) is a
// change, not a duplicate.
func TestARPMACChanged(t *testing.T) {
	c := aiNew(t)
	c.whoHas(0, aiCliMAC, "192.0.2.10", "192.0.2.1")
	c.isAt(0.1, aiRtrMAC, "192.0.2.1", aiCliMAC, "192.0.2.10")
	c.add(3000, aiEth(aiBadMAC, aiBcast, layers.EthernetTypeARP), aiARP(1, aiBadMAC, "192.0.2.1", aiZero, "192.0.2.1"))
	c.add(3100, aiEth(aiBadMAC, aiBcast, layers.EthernetTypeARP), aiARP(2, aiBadMAC, "192.0.2.1", aiBcast, "192.0.2.1"))
	c.whoHas(9000, aiCliMAC, "192.0.2.10", "192.0.2.1")
	c.isAt(9000.2, aiBadMAC, "192.0.2.1", aiCliMAC, "192.0.2.10")
	a := c.run(DefaultConfig)
	aiNone(t, a, "arp-duplicate-ip", "arp-unsolicited-reply", "arp-unanswered")
	d := aiOne(t, a, "arp-mac-changed")
	says(t, d.Message, "192.0.2.1 moved from 02:00:00:00:01:01 (once, 0.100 ms into the capture) to 02:00:00:00:09:99 (3 times, 3.0 s to 9.0 s into the capture, with gratuitous ARP)")
	if !slices.Equal(frameNums(d.Frames), []int{2, 3}) {
		t.Errorf("frames %v", frameNums(d.Frames))
	}
	g := aiOne(t, a, "arp-gratuitous")
	says(t, g.Message, "02:00:00:00:09:99 announced 192.0.2.1 by gratuitous ARP twice")
	// Two answer MACs: two entries.
	if len(a.ARP) != 2 || a.ARP[1].AnswerMAC != "02:00:00:00:09:99" {
		t.Errorf("ARP %+v", a.ARP)
	}
}

// RFC 5227 probes: unanswered means the address is free; answered means
// someone already has it.
func TestARPProbe(t *testing.T) {
	c := aiNew(t)
	c.whoHas(0, aiCliMAC, "0.0.0.0", "192.0.2.50")
	c.whoHas(1000, aiCliMAC, "0.0.0.0", "192.0.2.50")
	c.udp4(5000, aiCliMAC, aiBcast, "192.0.2.10", 68, "255.255.255.255", 67, "q")
	a := c.run(DefaultConfig)
	aiNone(t, a, aiMine...)

	c = aiNew(t)
	c.whoHas(0, aiCliMAC, "0.0.0.0", "192.0.2.50")
	c.isAt(0.3, aiSrvMAC, "192.0.2.50", aiCliMAC, "0.0.0.0")
	a = c.run(DefaultConfig)
	d := aiOne(t, a, "arp-duplicate-ip")
	says(t, d.Message, "02:00:00:00:01:10 probed whether 192.0.2.50 is free", "02:00:00:00:02:20 answered that it already uses 192.0.2.50, 0.300 ms after the probe")
	aiNone(t, a, "arp-unsolicited-reply", "arp-unanswered")
}

// Neighbour discovery fills the host table too.
func TestARPNeighbourDiscovery(t *testing.T) {
	c := aiNew(t)
	ns := []byte{0, 0, 0, 0}
	ns = append(ns, aiIP("2001:db8:1::1").To16()...)
	ns = append(ns, 1, 1)
	ns = append(ns, aiCliMAC...)
	c.add(0, aiEth(aiCliMAC, net.HardwareAddr{0x33, 0x33, 0xff, 0, 0, 1}, layers.EthernetTypeIPv6), aiIP6("2001:db8:1::10", "ff02::1:ff00:1", layers.IPProtocolICMPv6),
		&layers.ICMPv6{TypeCode: layers.CreateICMPv6TypeCode(135, 0)}, gopacket.Payload(ns))
	na := []byte{0x60, 0, 0, 0}
	na = append(na, aiIP("2001:db8:1::1").To16()...)
	na = append(na, 2, 1)
	na = append(na, aiRtrMAC...)
	c.add(0.1, aiEth(aiRtrMAC, aiCliMAC, layers.EthernetTypeIPv6), aiIP6("2001:db8:1::1", "2001:db8:1::10", layers.IPProtocolICMPv6),
		&layers.ICMPv6{TypeCode: layers.CreateICMPv6TypeCode(136, 0)}, gopacket.Payload(na))
	a := c.run(DefaultConfig)
	var got []string
	for _, h := range a.Hosts {
		if h.Source == "nd" {
			got = append(got, h.IP.String()+"="+h.MAC)
		}
	}
	if !slices.Equal(got, []string{"2001:db8:1::10=02:00:00:00:01:10", "2001:db8:1::1=02:00:00:00:01:01"}) {
		t.Errorf("hosts %v", got)
	}
	aiNone(t, a, aiMine...)
}

// The host table is capped.
func TestARPBounded(t *testing.T) {
	tr := newARPTracker(&Engine{a: &Analysis{}, cfg: DefaultConfig, perID: map[string]int{}})
	p := &Packet{}
	for i := range arpMaxHosts + 10 {
		ip := netip.AddrFrom4([4]byte{10, byte(i >> 16), byte(i >> 8), byte(i)})
		tr.claim(-1, ip, [6]byte{2, 0, byte(i >> 16), byte(i >> 8), byte(i), 1}, p, "arp", false)
	}
	if len(tr.hosts) != arpMaxHosts || len(tr.e.a.Hosts) != arpMaxHosts {
		t.Errorf("hosts %d/%d", len(tr.hosts), len(tr.e.a.Hosts))
	}
}

// ---- Ethernet -------------------------------------------------------------

func TestEtherUnknownDstMAC(t *testing.T) {
	c := aiNew(t)
	c.whoHas(0, aiCliMAC, "192.0.2.10", "192.0.2.1")
	c.isAt(0.1, aiRtrMAC, "192.0.2.1", aiCliMAC, "192.0.2.10")
	// Frames to a MAC nobody uses (a wrong static entry for the gateway).
	for i := range 3 {
		c.ping4(1000+float64(i)*1000, aiCliMAC, aiBadMAC, "192.0.2.10", "198.51.100.20", false, 9, uint16(i+1))
	}
	// To a MAC that shows up as a source only later: not unknown.
	c.udp4(1500, aiCliMAC, aiSrvMAC, "192.0.2.10", 40000, "192.0.2.20", 53, "q")
	c.udp4(8000, aiSrvMAC, aiCliMAC, "192.0.2.20", 53, "192.0.2.10", 40000, "a")
	// Multicast and broadcast destinations never count.
	c.udp4(1600, aiCliMAC, net.HardwareAddr{1, 0, 0x5e, 0, 0, 0xfb}, "192.0.2.10", 5353, "224.0.0.251", 5353, "m")
	// A MAC only named by an ARP reply's sender field is in use.
	named := net.HardwareAddr{2, 0, 0, 0, 7, 7}
	c.add(1700, aiEth(aiRtrMAC, aiCliMAC, layers.EthernetTypeARP), aiARP(2, named, "192.0.2.7", aiCliMAC, "192.0.2.10"))
	c.udp4(1800, aiCliMAC, named, "192.0.2.10", 40002, "192.0.2.7", 53, "q")
	a := c.run(DefaultConfig)
	d := aiOne(t, a, "eth-unknown-dst-mac")
	if d.Severity != Error || !slices.Equal(frameNums(d.Frames), []int{3, 4, 5}) {
		t.Errorf("%+v", d)
	}
	says(t, d.Message, "192.0.2.10 (02:00:00:00:01:10) sent 3 unicast frames to 02:00:00:00:09:99 from 1.0 s to 3.0 s into the capture",
		"never sends a frame and no ARP or ND message names it; the icmp flow was tried 3 times over 2.0 s and nothing answered",
		"meant for 198.51.100.20 (or the router towards it)")
	if fi, _ := aiFlow(a, "icmp", "192.0.2.10", 8, "198.51.100.20", 0); d.Flow != fi || fi < 0 {
		t.Errorf("flow %d, want %d", d.Flow, fi)
	}

	// The same frames in a raw-IP capture prove nothing.
	r := aiNew(t)
	r.link = source.LinkRaw
	r.add(0, aiIP4("192.0.2.10", "198.51.100.20", layers.IPProtocolUDP), aiUDP(1, 2), gopacket.Payload("x"))
	aiNone(t, r.run(DefaultConfig), "eth-unknown-dst-mac")
}

// The destination's IP is known at another MAC: the message says so.
func TestEtherUnknownDstMACStaleEntry(t *testing.T) {
	c := aiNew(t)
	c.whoHas(0, aiSrvMAC, "192.0.2.20", "192.0.2.10")
	c.isAt(0.1, aiCliMAC, "192.0.2.10", aiSrvMAC, "192.0.2.20")
	c.udp4(10, aiRtrMAC, aiBadMAC, "192.0.2.1", 40000, "192.0.2.10", 53, "query")
	c.udp4(1010, aiRtrMAC, aiBadMAC, "192.0.2.1", 40000, "192.0.2.10", 53, "query")
	a := c.run(DefaultConfig)
	d := aiOne(t, a, "eth-unknown-dst-mac")
	says(t, d.Message, "192.0.2.1 (02:00:00:00:01:01) sent 2 unicast frames to 02:00:00:00:09:99", "the udp flow was tried twice over 1.0 s",
		"meant for 192.0.2.10, which the capture shows at 02:00:00:00:01:10")
}

// Frames to an unknown MAC that show no symptom are not reported: a
// one-frame excerpt, a one-way capture of separate queries, a flow that
// was answered, retries in the same instant.
func TestEtherUnknownDstMACNeedsSymptom(t *testing.T) {
	cases := map[string]func(c *aiCap){
		"one frame": func(c *aiCap) {
			c.udp4(0, aiCliMAC, aiBadMAC, "192.0.2.10", 40000, "198.51.100.20", 53, "q")
		},
		"separate flows": func(c *aiCap) {
			for i := range 4 {
				c.udp4(float64(i)*1000, aiCliMAC, aiBadMAC, "192.0.2.10", 40000+uint16(i), "198.51.100.20", 53, "q")
			}
		},
		"answered": func(c *aiCap) {
			c.udp4(0, aiCliMAC, aiBadMAC, "192.0.2.10", 40000, "198.51.100.20", 53, "q")
			c.udp4(1000, aiCliMAC, aiBadMAC, "192.0.2.10", 40000, "198.51.100.20", 53, "q")
			c.udp4(1001, aiRtrMAC, aiCliMAC, "198.51.100.20", 53, "192.0.2.10", 40000, "a")
		},
		"same instant": func(c *aiCap) {
			for range 5 {
				c.udp4(0, aiCliMAC, aiBadMAC, "192.0.2.10", 40000, "198.51.100.20", 53, "q")
			}
		},
	}
	for name, build := range cases {
		c := aiNew(t)
		build(c)
		if ds := devsByID(c.run(DefaultConfig), "eth-unknown-dst-mac"); len(ds) != 0 {
			t.Errorf("%s: %+v", name, ds)
		}
	}
	// Retried TCP SYNs to the MAC are the symptom.
	c := aiNew(t)
	for i := range 2 {
		c.add(float64(i)*1000, aiEth(aiCliMAC, aiBadMAC, layers.EthernetTypeIPv4), aiIP4("192.0.2.10", "198.51.100.20", layers.IPProtocolTCP),
			&layers.TCP{SrcPort: 42214, DstPort: 80, SYN: true, Seq: 1000, Window: 64240})
	}
	a := c.run(DefaultConfig)
	ti, _ := aiFlow(a, "tcp", "192.0.2.10", 42214, "198.51.100.20", 80)
	if ti >= 0 {
		d := aiOne(t, a, "eth-unknown-dst-mac")
		says(t, d.Message, "the tcp flow was tried twice over 1.0 s and nothing answered")
		if d.Flow != ti {
			t.Errorf("flow %d, want %d", d.Flow, ti)
		}
	}
}

// ---- UDP ------------------------------------------------------------------

func TestUDPStates(t *testing.T) {
	c := aiNew(t)
	c.udp4(0, aiCliMAC, aiRtrMAC, "192.0.2.10", 40000, "198.51.100.20", 53, "query")       // SF
	c.udp4(1, aiRtrMAC, aiCliMAC, "198.51.100.20", 53, "192.0.2.10", 40000, "answer!")     // .
	c.udp4(2, aiCliMAC, aiRtrMAC, "192.0.2.10", 40000, "198.51.100.20", 53, "query2")      // .
	c.udp4(3, aiCliMAC, aiRtrMAC, "192.0.2.10", 40001, "198.51.100.20", 9, "probe")        // S0
	c.udp4(4, aiRtrMAC, aiCliMAC, "198.51.100.20", 53, "192.0.2.10", 40002, "late answer") // SHR
	c.udp4(5, aiCliMAC, aiRtrMAC, "192.0.2.10", 123, "198.51.100.20", 123, "ntp")          // S0, not flipped
	a := c.run(DefaultConfig)
	i, f := aiFlow(a, "udp", "192.0.2.10", 40000, "198.51.100.20", 53)
	if f == nil || f.State != "SF" || f.History != "Dd" || f.OrigPackets != 2 || f.RespPackets != 1 || f.OrigBytes != 11 || f.RespBytes != 7 ||
		f.Packets != 3 || f.Bytes != 18 || !slices.Equal(frameNums(f.Frames), []int{1, 2}) || f.Start != aiT0 || f.End != aiT0+2e6 {
		t.Errorf("SF flow %d %+v", i, f)
	}
	if _, f := aiFlow(a, "udp", "192.0.2.10", 40001, "198.51.100.20", 9); f == nil || f.State != "S0" || f.History != "D" || f.RespPackets != 0 {
		t.Errorf("S0 flow %+v", f)
	}
	if _, f := aiFlow(a, "udp", "192.0.2.10", 40002, "198.51.100.20", 53); f == nil || f.State != "SHR" || f.History != "^d" || f.RespPackets != 1 || f.OrigPackets != 0 {
		t.Errorf("SHR flow %+v", f)
	}
	if _, f := aiFlow(a, "udp", "192.0.2.10", 123, "198.51.100.20", 123); f == nil || f.State != "S0" {
		t.Errorf("NTP flow %+v", f)
	}
}

func TestUDPFlowForAndLimits(t *testing.T) {
	e := NewEngine("x", source.Info{}, Config{MaxFlows: 2, IdleTimeoutNs: 10e9, MaxPerID: 10})
	c := aiNew(t)
	c.udp4(0, aiCliMAC, aiRtrMAC, "192.0.2.10", 40000, "198.51.100.20", 53, "q")
	c.udp4(1, aiCliMAC, aiRtrMAC, "192.0.2.10", 40001, "198.51.100.20", 53, "q")
	c.udp4(2, aiCliMAC, aiRtrMAC, "192.0.2.10", 40002, "198.51.100.20", 53, "q") // over MaxFlows
	for i := range 3 {
		e.Add(&c.frames[i])
	}
	k := FlowKey{Src: netip.MustParseAddr("192.0.2.10"), Dst: netip.MustParseAddr("198.51.100.20"), Sport: 40001, Dport: 53}
	if e.udp.flowFor(k) != 1 || e.udp.flowFor(k.Reverse()) != 1 {
		t.Errorf("flowFor %d %d", e.udp.flowFor(k), e.udp.flowFor(k.Reverse()))
	}
	if e.udp.flowFor(FlowKey{Src: k.Src, Dst: k.Dst, Sport: 40002, Dport: 53}) != -1 || e.a.FlowsDropped != 1 {
		t.Errorf("dropped %d", e.a.FlowsDropped)
	}
	// Idle past the timeout: the next packet starts a new flow; the old
	// one is finalised.
	c.udp4(20000, aiRtrMAC, aiCliMAC, "198.51.100.20", 53, "192.0.2.10", 40001, "a")
	e.Add(&c.frames[3])
	a := e.Finish(io.EOF)
	if a.Flows.Len() != 3 || a.Flows.At(1).State != "S0" || a.Flows.At(2).State != "SHR" || a.Flows.At(2).History != "^d" {
		t.Errorf("flows %+v", a.Flows.Slice())
	}
	if len(e.udp.live) != 0 {
		t.Errorf("live flows left: %d", len(e.udp.live))
	}
}

// ---- ICMP -----------------------------------------------------------------

func TestICMPEcho(t *testing.T) {
	c := aiNew(t)
	c.ping4(0, aiCliMAC, aiRtrMAC, "192.0.2.10", "198.51.100.20", false, 7, 1)
	c.ping4(0.5, aiRtrMAC, aiCliMAC, "198.51.100.20", "192.0.2.10", true, 7, 1)
	c.ping4(1000, aiCliMAC, aiRtrMAC, "192.0.2.10", "198.51.100.20", false, 7, 2)
	c.ping4(1001.5, aiRtrMAC, aiCliMAC, "198.51.100.20", "192.0.2.10", true, 7, 2)
	c.ping4(2000, aiCliMAC, aiRtrMAC, "192.0.2.10", "198.51.100.20", false, 7, 3) // lost
	// Pings to an absent host, then one in the last second.
	for i := range 3 {
		c.ping4(3000+float64(i)*1000, aiCliMAC, aiRtrMAC, "192.0.2.10", "198.51.100.99", false, 8, uint16(i+1))
	}
	c.ping4(9500, aiCliMAC, aiRtrMAC, "192.0.2.10", "198.51.100.98", false, 9, 1)
	// IPv6.
	c.add(7000, aiEth(aiCliMAC, aiRtrMAC, layers.EthernetTypeIPv6), aiIP6("2001:db8:1::10", "2001:db8:2::20", layers.IPProtocolICMPv6),
		&layers.ICMPv6{TypeCode: layers.CreateICMPv6TypeCode(128, 0)}, gopacket.Payload([]byte{0, 5, 0, 1, 'p', 'i', 'n', 'g'}))
	c.add(7000.25, aiEth(aiRtrMAC, aiCliMAC, layers.EthernetTypeIPv6), aiIP6("2001:db8:2::20", "2001:db8:1::10", layers.IPProtocolICMPv6),
		&layers.ICMPv6{TypeCode: layers.CreateICMPv6TypeCode(129, 0)}, gopacket.Payload([]byte{0, 5, 0, 1, 'p', 'i', 'n', 'g'}))
	c.udp4(10000, aiCliMAC, aiRtrMAC, "192.0.2.10", 40000, "198.51.100.20", 53, "q")
	a := c.run(DefaultConfig)

	i, f := aiFlow(a, "icmp", "192.0.2.10", 8, "198.51.100.20", 0)
	if f == nil || f.State != "SF" || f.OrigPackets != 3 || f.RespPackets != 2 || f.RTTNs != 5e5 || f.OrigBytes != 3*56 {
		t.Fatalf("echo flow %+v", f)
	}
	var ev *ICMPEvent
	for j := range a.ICMP {
		if a.ICMP[j].Flow == i {
			ev = &a.ICMP[j]
		}
	}
	if ev == nil || ev.Requests != 3 || ev.Replies != 2 || ev.RTTMinNs != 5e5 || ev.RTTMaxNs != 15e5 || ev.RTTAvgNs != 1e6 || ev.Type != 8 {
		t.Errorf("echo event %+v", ev)
	}
	_, f6 := aiFlow(a, "icmp6", "2001:db8:1::10", 128, "2001:db8:2::20", 129)
	if f6 == nil || f6.State != "SF" || f6.RTTNs != 250000 {
		t.Errorf("echo6 flow %+v", f6)
	}
	var msgs []string
	for _, d := range devsByID(a, "icmp-echo-unanswered") {
		msgs = append(msgs, d.Message)
		if d.Flow < 0 || a.Flows.At(d.Flow).Proto != "icmp" {
			t.Errorf("unlinked %+v", d)
		}
	}
	slices.Sort(msgs)
	want := []string{
		"192.0.2.10 sent 3 echo requests to 198.51.100.20 and 1 got no reply (id 7, seq 3); 2 were answered (rtt 0.500 ms to 1.5 ms)",
		"192.0.2.10 sent 3 echo requests to 198.51.100.99 and all 3 got no reply (id 8, seq 1 to 3)",
	}
	if !slices.Equal(msgs, want) {
		t.Errorf("echo-unanswered:\n%q\nwant\n%q", msgs, want)
	}
	if _, f := aiFlow(a, "icmp", "192.0.2.10", 8, "198.51.100.98", 0); f == nil || f.State != "S0" {
		t.Errorf("late ping flow %+v", f)
	}
}

// Errors are linked to the flow they quote and named from their sender.
func TestICMPErrorsLinked(t *testing.T) {
	c := aiNew(t)
	// 1-2: UDP to a closed port, port unreachable from the host itself.
	c.udp4(0, aiCliMAC, aiRtrMAC, "192.0.2.10", 50789, "198.51.100.20", 9, "probe")
	q := aiQuote(t, 28, aiIP4("192.0.2.10", "198.51.100.20", layers.IPProtocolUDP), aiUDP(50789, 9), gopacket.Payload("probe"))
	c.icmpErr4(0.2, aiRtrMAC, aiCliMAC, "198.51.100.20", "192.0.2.10", 3, 3, 0, q)
	// 3-4: a ping to an absent host, host unreachable from the router.
	c.ping4(10, aiCliMAC, aiRtrMAC, "192.0.2.10", "198.51.100.99", false, 11, 1)
	q = aiQuote(t, 28, aiIP4("192.0.2.10", "198.51.100.99", layers.IPProtocolICMPv4), &layers.ICMPv4{TypeCode: layers.CreateICMPv4TypeCode(8, 0), Id: 11, Seq: 1})
	c.icmpErr4(3010, aiRtrMAC, aiCliMAC, "192.0.2.1", "192.0.2.10", 3, 1, 0, q)
	// 5-6: a TCP SYN, fragmentation needed with MTU 1400.
	syn := &layers.TCP{SrcPort: 42214, DstPort: 80, SYN: true, Seq: 1000, Window: 64240}
	c.add(20, aiEth(aiCliMAC, aiRtrMAC, layers.EthernetTypeIPv4), aiIP4("192.0.2.10", "198.51.100.20", layers.IPProtocolTCP), syn, gopacket.Payload(make([]byte, 1460)))
	big := aiQuote(t, 28, aiIP4("192.0.2.10", "198.51.100.20", layers.IPProtocolTCP), &layers.TCP{SrcPort: 42214, DstPort: 80, SYN: true, Seq: 1000}, gopacket.Payload(make([]byte, 1460)))
	c.icmpErr4(20.5, aiRtrMAC, aiCliMAC, "192.0.2.1", "192.0.2.10", 3, 4, 1400, big)
	// 7-9: admin prohibited, three times (folded).
	q = aiQuote(t, 28, aiIP4("192.0.2.10", "198.51.100.20", layers.IPProtocolUDP), aiUDP(40000, 161), gopacket.Payload("x"))
	for i := range 3 {
		c.icmpErr4(30+float64(i), aiRtrMAC, aiCliMAC, "192.0.2.1", "192.0.2.10", 3, 13, 0, q)
	}
	// 10: time exceeded for a traceroute probe.
	q = aiQuote(t, 28, aiIP4("192.0.2.10", "203.0.113.5", layers.IPProtocolUDP), aiUDP(33434, 33435), gopacket.Payload("x"))
	c.icmpErr4(40, aiRtrMAC, aiCliMAC, "192.0.2.1", "192.0.2.10", 11, 0, 0, q)
	// 11: redirect to 192.0.2.2.
	c.icmpErr4(50, aiRtrMAC, aiCliMAC, "192.0.2.1", "192.0.2.10", 5, 1, 0xc0000202, q)
	// 12: parameter problem, pointer 9.
	c.icmpErr4(60, aiRtrMAC, aiCliMAC, "192.0.2.1", "192.0.2.10", 12, 0, 9<<24, q)
	// 13: an error quoting too little to parse.
	c.icmpErr4(70, aiRtrMAC, aiCliMAC, "192.0.2.1", "192.0.2.10", 3, 0, 0, q[:12])
	c.udp4(5000, aiCliMAC, aiRtrMAC, "192.0.2.10", 40009, "198.51.100.20", 53, "q")
	a := c.run(DefaultConfig)

	ui, _ := aiFlow(a, "udp", "192.0.2.10", 50789, "198.51.100.20", 9)
	ei, _ := aiFlow(a, "icmp", "192.0.2.10", 8, "198.51.100.99", 0)
	ti, _ := aiFlow(a, "tcp", "192.0.2.10", 42214, "198.51.100.20", 80)
	byText := map[string]ICMPEvent{}
	for _, ev := range a.ICMP {
		byText[ev.Text] = ev
	}
	if ev := byText["port unreachable"]; ev.Flow != ui || ui < 0 || ev.Quoted != "udp 192.0.2.10:50789 > 198.51.100.20:9" || ev.From.String() != "198.51.100.20" {
		t.Errorf("port unreachable %+v (flow %d)", ev, ui)
	}
	if ev := byText["host unreachable"]; ev.Flow != ei || ei < 0 || ev.Quoted != "icmp 192.0.2.10 > 198.51.100.99 echo request id 11 seq 1" {
		t.Errorf("host unreachable %+v", ev)
	}
	if ev := byText["fragmentation needed (mtu 1400)"]; ev.Flow != ti || ev.MTU != 1400 || ev.Quoted != "tcp 192.0.2.10:42214 > 198.51.100.20:80" {
		t.Errorf("frag needed %+v (tcp flow %d)", ev, ti)
	}
	if ev := byText["communication administratively prohibited"]; ev.Count != 3 || !slices.Equal(frameNums(ev.Frames), []int{7, 8, 9}) {
		t.Errorf("admin prohibited %+v", ev)
	}
	if ev := byText["net unreachable"]; ev.Quoted != "" || ev.Flow != -1 {
		t.Errorf("short quote %+v", ev)
	}

	msgs := map[string]Deviation{}
	for _, d := range a.Deviations {
		msgs[d.Message] = d
	}
	wantDev := []struct {
		id, msg string
		frames  []int
		flow    int
	}{
		{"icmp-unreachable", "198.51.100.20 (the destination itself) says port 9/udp is closed on 198.51.100.20 (nothing listens there) for the UDP flow 192.0.2.10:50789 → 198.51.100.20:9", []int{1, 2}, ui},
		{"icmp-unreachable", "192.0.2.1 says host 198.51.100.99 is unreachable (no ARP answer for it on the last hop, or no route) for the ping 192.0.2.10 → 198.51.100.99 (id 11, seq 1)", []int{3, 4}, ei},
		{"icmp-frag-needed", "192.0.2.1 says the 1500-byte packet does not fit the next hop's MTU of 1400 and has DF set (fragmentation needed) for the TCP connection 192.0.2.10:42214 → 198.51.100.20:80", []int{6}, ti},
		{"icmp-unreachable", "192.0.2.1 says traffic to 198.51.100.20 is administratively prohibited (a firewall or ACL rejects it, code 13) for the UDP flow 192.0.2.10:40000 → 198.51.100.20:161 (3 times, first 30.0 ms into the capture)", []int{7, 8, 9}, -1},
		{"icmp-time-exceeded", "192.0.2.1 says the TTL ran out in transit for the UDP flow 192.0.2.10:33434 → 203.0.113.5:33435", []int{10}, -1},
		{"icmp-redirect", "192.0.2.1 says the sender should use 192.0.2.2 as gateway to reach 203.0.113.5 (redirect for host) for the UDP flow 192.0.2.10:33434 → 203.0.113.5:33435", []int{11}, -1},
		{"icmp-param-problem", "192.0.2.1 says a header field is wrong (parameter problem, pointer at byte 9 of the quoted packet) for the UDP flow 192.0.2.10:33434 → 203.0.113.5:33435", []int{12}, -1},
		{"icmp-unreachable", "192.0.2.1 says the network of the destination is unreachable (192.0.2.1 has no route to it) for a packet it does not quote", []int{13}, -1},
	}
	for _, w := range wantDev {
		d, ok := msgs[w.msg]
		if !ok {
			t.Errorf("missing %s %q", w.id, w.msg)
			continue
		}
		if d.ID != w.id || !slices.Equal(frameNums(d.Frames), w.frames) || d.Flow != w.flow {
			t.Errorf("%s: id %s frames %v flow %d, want %v %d", w.msg, d.ID, frameNums(d.Frames), d.Flow, w.frames, w.flow)
		}
	}
	// The ping answered by an error is not also "unanswered".
	aiNone(t, a, "icmp-echo-unanswered")
}

func TestICMPv6Errors(t *testing.T) {
	c := aiNew(t)
	udp := aiUDP(50000, 9)
	c.add(0, aiEth(aiCliMAC, aiRtrMAC, layers.EthernetTypeIPv6), aiIP6("2001:db8:1::10", "2001:db8:2::20", layers.IPProtocolUDP), udp, gopacket.Payload("probe"))
	inner := aiQuote(t, 1232, aiIP6("2001:db8:1::10", "2001:db8:2::20", layers.IPProtocolUDP), aiUDP(50000, 9), gopacket.Payload("probe"))
	c.add(0.1, aiEth(aiRtrMAC, aiCliMAC, layers.EthernetTypeIPv6), aiIP6("2001:db8:2::20", "2001:db8:1::10", layers.IPProtocolICMPv6),
		&layers.ICMPv6{TypeCode: layers.CreateICMPv6TypeCode(1, 4)}, gopacket.Payload(append([]byte{0, 0, 0, 0}, inner...)))
	// Packet too big, quoting a 1500-byte packet behind a fragment header.
	frag := &layers.IPv6{Version: 6, HopLimit: 64, NextHeader: layers.IPProtocolIPv6Fragment, SrcIP: aiIP("2001:db8:1::10"), DstIP: aiIP("2001:db8:2::20"), Length: 1460}
	fb := aiQuote(t, 40, frag)
	fb[4], fb[5] = 1460>>8, 1460&0xff              // FixLengths zeroed the payload length
	fb = append(fb, 17, 0, 0, 0, 0, 0, 0, 1)       // fragment header: next UDP, offset 0
	fb = append(fb, 0xc3, 0x50, 0, 53, 0, 8, 0, 0) // UDP 50000 > 53
	c.add(1, aiEth(aiRtrMAC, aiCliMAC, layers.EthernetTypeIPv6), aiIP6("2001:db8:1::1", "2001:db8:1::10", layers.IPProtocolICMPv6),
		&layers.ICMPv6{TypeCode: layers.CreateICMPv6TypeCode(2, 0)}, gopacket.Payload(append([]byte{0, 0, 5, 0}, fb...)))
	a := c.run(DefaultConfig)
	ui, _ := aiFlow(a, "udp", "2001:db8:1::10", 50000, "2001:db8:2::20", 9)
	d := aiOne(t, a, "icmp-unreachable")
	if d.Flow != ui || ui < 0 || !slices.Equal(frameNums(d.Frames), []int{1, 2}) {
		t.Errorf("%+v", d)
	}
	says(t, d.Message, "2001:db8:2::20 (the destination itself) says port 9/udp is closed on 2001:db8:2::20", "the UDP flow [2001:db8:1::10]:50000 → [2001:db8:2::20]:9")
	d = aiOne(t, a, "icmp-frag-needed")
	says(t, d.Message, "2001:db8:1::1 says the 1500-byte packet is too big for the next hop's MTU of 1280 (packet too big) for the UDP flow [2001:db8:1::10]:50000 → [2001:db8:2::20]:53")
	for _, ev := range a.ICMP {
		if ev.Type == 2 && (ev.MTU != 1280 || ev.Text != "packet too big (mtu 1280)" || ev.Proto != "icmp6") {
			t.Errorf("ptb %+v", ev)
		}
	}
}

// Quoted headers come from the wire: any bytes must be safe.
func TestICMPQuotedHostile(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for range 20000 {
		b := make([]byte, r.Intn(80))
		r.Read(b)
		if len(b) > 0 && r.Intn(2) == 0 {
			b[0] = byte(0x40 | r.Intn(16))
			if r.Intn(2) == 0 {
				b[0] = 0x60
			}
		}
		q := icmpParseQuoted(b)
		_ = q.String()
		_ = icmpSubject(q, 1)
	}
	// And through the engine, as whole ICMP messages.
	c := aiNew(t)
	for i := range 500 {
		b := make([]byte, r.Intn(60))
		r.Read(b)
		typ := []uint8{3, 4, 5, 11, 12}[i%5]
		c.icmpErr4(float64(i), aiRtrMAC, aiCliMAC, "192.0.2.1", "192.0.2.10", typ, uint8(r.Intn(20)), r.Uint32(), b)
		c.add(float64(i)+0.5, aiEth(aiRtrMAC, aiCliMAC, layers.EthernetTypeIPv6), aiIP6("2001:db8:1::1", "2001:db8:1::10", layers.IPProtocolICMPv6),
			&layers.ICMPv6{TypeCode: layers.CreateICMPv6TypeCode([]uint8{1, 2, 3, 4, 137, 135, 136, 134}[i%8], 0)}, gopacket.Payload(b))
	}
	c.run(DefaultConfig)
}

// ---- the real captures ----------------------------------------------------

func TestARPICMPLabClient(t *testing.T) {
	a := runFile(t, "../testdata/lab/basic-client.pcap")
	a.ARP = slices.DeleteFunc(a.ARP, func(x ARPExchange) bool { return x.Proto == "nd" }) // see nd_test.go
	if len(a.ARP) != 1 || a.ARP[0].WhoHas.String() != "192.0.2.1" || a.ARP[0].AnswerMAC != "02:00:00:00:01:01" ||
		!slices.Equal(frameNums(a.ARP[0].Frames), []int{4, 5}) || a.ARP[0].AnswerNs != 22000 {
		t.Errorf("ARP %+v", a.ARP)
	}
	hosts := map[string]string{}
	for _, h := range a.Hosts {
		if h.Source == "arp" || h.Source == "nd" {
			hosts[h.IP.String()] = h.MAC + " " + h.Source
		}
	}
	for ip, want := range map[string]string{"192.0.2.1": "02:00:00:00:01:01 arp", "192.0.2.10": "02:00:00:00:01:10 arp",
		"2001:db8:1::1": "02:00:00:00:01:01 nd", "2001:db8:1::10": "02:00:00:00:01:10 nd"} {
		if hosts[ip] != want {
			t.Errorf("host %s = %q, want %q", ip, hosts[ip], want)
		}
	}
	// Pings v4 and v6 answered; DNS answered; UDP to port 9 not.
	ping, f := aiFlow(a, "icmp", "192.0.2.10", 8, "198.51.100.20", 0)
	if f == nil || f.State != "SF" || f.RespPackets != 2 || f.OrigPackets != 3 {
		t.Errorf("ping flow %+v", f)
	}
	if _, f := aiFlow(a, "icmp6", "2001:db8:1::10", 128, "2001:db8:2::20", 129); f == nil || f.State != "SF" || f.RespPackets != 2 {
		t.Errorf("ping6 flow %+v", f)
	}
	if _, f := aiFlow(a, "udp", "192.0.2.10", 39189, "198.51.100.20", 53); f == nil || f.State != "SF" || f.OrigBytes != 33 || f.RespBytes != 49 {
		t.Errorf("dns flow %+v", f)
	}
	probe, f := aiFlow(a, "udp", "192.0.2.10", 50789, "198.51.100.20", 9)
	if f == nil || f.State != "S0" {
		t.Errorf("probe flow %+v", f)
	}
	absent, _ := aiFlow(a, "icmp", "192.0.2.10", 8, "198.51.100.99", 0)
	want := map[string]struct {
		from string
		flow int
		f    []int
	}{
		"port unreachable":         {"198.51.100.20", probe, []int{35}},
		"time exceeded in transit": {"192.0.2.1", ping, []int{37}},
		"host unreachable":         {"192.0.2.1", absent, []int{40}},
	}
	for _, ev := range a.ICMP {
		if w, ok := want[ev.Text]; ok {
			if ev.From.String() != w.from || ev.Flow != w.flow || w.flow < 0 || !slices.Equal(frameNums(ev.Frames), w.f) {
				t.Errorf("%s: %+v", ev.Text, ev)
			}
			delete(want, ev.Text)
		}
	}
	if len(want) > 0 {
		t.Errorf("missing ICMP events %v", want)
	}
	if d := aiOne(t, a, "icmp-time-exceeded"); !slices.Equal(frameNums(d.Frames), []int{36, 37}) {
		t.Errorf("%+v", d)
	}
	// The only errors of this area are the two unreachables the scenario
	// provokes; the ping answered by an error is not "unanswered".
	var errs []string
	for _, d := range a.Deviations {
		if d.Severity == Error && slices.Contains(aiMine, d.ID) {
			errs = append(errs, d.Message)
		}
	}
	slices.Sort(errs)
	wantErrs := []string{
		"192.0.2.1 says host 198.51.100.99 is unreachable (no ARP answer for it on the last hop, or no route) for the ping 192.0.2.10 → 198.51.100.99 (id 11306, seq 1)",
		"198.51.100.20 (the destination itself) says port 9/udp is closed on 198.51.100.20 (nothing listens there) for the UDP flow 192.0.2.10:50789 → 198.51.100.20:9",
	}
	if !slices.Equal(errs, wantErrs) {
		t.Errorf("errors:\n%q\nwant\n%q", errs, wantErrs)
	}
	aiNone(t, a, "arp-unanswered", "eth-unknown-dst-mac", "icmp-echo-unanswered", "arp-duplicate-ip", "arp-mac-changed", "arp-unsolicited-reply")
	// No deviation of this area on the healthy flows.
	healthy := []int{ping}
	if i, _ := aiFlow(a, "udp", "192.0.2.10", 39189, "198.51.100.20", 53); i >= 0 {
		healthy = append(healthy, i)
	}
	for _, d := range a.Deviations {
		if slices.Contains(aiMine, d.ID) && d.ID != "icmp-time-exceeded" && slices.Contains(healthy, d.Flow) {
			t.Errorf("deviation on a healthy flow: %+v", d)
		}
	}
}

func TestARPICMPLabRouter(t *testing.T) {
	a := runFile(t, "../testdata/lab/basic-router-in.pcap")
	a.ARP = slices.DeleteFunc(a.ARP, func(x ARPExchange) bool { return x.Proto == "nd" }) // see nd_test.go
	d := aiOne(t, a, "arp-unanswered")
	if d.Severity != Error || !slices.Equal(frameNums(d.Frames), []int{36, 37, 39}) {
		t.Errorf("%+v", d)
	}
	says(t, d.Message, "198.51.100.1 asked 3 times for 198.51.100.99 (at 0, 1.0 s, 2.0 s) and nobody answered")
	if len(a.ARP) != 1 || a.ARP[0].Answered || a.ARP[0].Requests != 3 || a.ARP[0].TellMAC != "02:00:00:00:02:01" {
		t.Errorf("ARP %+v", a.ARP)
	}
	hosts := map[string]string{}
	for _, h := range a.Hosts {
		if h.Source == "arp" || h.Source == "nd" {
			hosts[h.IP.String()] = h.MAC
		}
	}
	if hosts["198.51.100.1"] != "02:00:00:00:02:01" || hosts["2001:db8:2::20"] != "02:00:00:00:02:20" || hosts["2001:db8:2::1"] != "02:00:00:00:02:01" {
		t.Errorf("hosts %v", hosts)
	}
	probe, _ := aiFlow(a, "udp", "192.0.2.10", 50789, "198.51.100.20", 9)
	u := aiOne(t, a, "icmp-unreachable")
	if u.Flow != probe || probe < 0 || !slices.Equal(frameNums(u.Frames), []int{34, 35}) {
		t.Errorf("%+v", u)
	}
	aiNone(t, a, "eth-unknown-dst-mac", "icmp-echo-unanswered", "arp-unanswered-at-end", "arp-duplicate-ip", "arp-unsolicited-reply")
	if _, f := aiFlow(a, "icmp", "192.0.2.10", 8, "198.51.100.20", 0); f == nil || f.State != "SF" || f.OrigPackets != 2 {
		t.Errorf("ping flow %+v", f)
	}
}

// In the steady state (flows known, ARP bindings known) the ARP,
// Ethernet, UDP and ICMP trackers do not allocate per packet.
func TestARPICMPSteadyStateAllocs(t *testing.T) {
	c := aiNew(t)
	c.whoHas(0, aiCliMAC, "192.0.2.10", "192.0.2.1")
	c.isAt(0.1, aiRtrMAC, "192.0.2.1", aiCliMAC, "192.0.2.10")
	c.ping4(1, aiCliMAC, aiRtrMAC, "192.0.2.10", "198.51.100.20", false, 7, 1)
	c.ping4(2, aiRtrMAC, aiCliMAC, "198.51.100.20", "192.0.2.10", true, 7, 1)
	c.udp4(3, aiCliMAC, aiRtrMAC, "192.0.2.10", 40000, "198.51.100.20", 53, "query")
	c.udp4(4, aiRtrMAC, aiCliMAC, "198.51.100.20", 53, "192.0.2.10", 40000, "answer!")
	e := NewEngine("x", source.Info{}, DefaultConfig)
	var ether tracker
	for _, tr := range e.tracked {
		if x, ok := tr.(*etherTracker); ok {
			ether = x
		}
	}
	var icmp tracker
	for _, tr := range e.tracked {
		if x, ok := tr.(*icmpTracker); ok {
			icmp = x
		}
	}
	e.tracked = []tracker{e.arp, ether, e.udp, icmp}
	for i := range c.frames {
		e.Add(&c.frames[i])
	}
	allocs := testing.AllocsPerRun(100, func() {
		for i := range c.frames {
			e.Add(&c.frames[i])
		}
	})
	if allocs > 0 {
		t.Errorf("%.1f allocations per %d packets", allocs, len(c.frames))
	}
}

// The fault scenarios of testdata/lab/faults, as this area words them.
func TestARPICMPLabFaults(t *testing.T) {
	run := func(name string) *Analysis {
		path := "../testdata/lab/faults/" + name
		if _, err := source.Open(path); err != nil {
			t.Skipf("%s: %v", path, err)
		}
		return runFile(t, path)
	}
	for _, pt := range []string{"client", "rtr-out", "rtr-in", "server"} {
		a := run("healthy/" + pt + ".pcap")
		aiNone(t, a, aiMine...)
		if len(a.ARP) != 1 || !a.ARP[0].Answered {
			t.Errorf("healthy/%s: ARP %+v", pt, a.ARP)
		}
	}

	a := run("arp-unanswered/client.pcap")
	d := aiOne(t, a, "arp-unanswered")
	says(t, d.Message, "192.0.2.10 asked 3 times for 192.0.2.99 (at 0, 1.0 s, 2.1 s) and nobody answered")
	if !slices.Equal(frameNums(d.Frames), []int{1, 2, 3}) {
		t.Errorf("%+v", d)
	}

	a = run("wrong-static-arp/client.pcap")
	d = aiOne(t, a, "eth-unknown-dst-mac")
	says(t, d.Message, "192.0.2.10 (02:00:00:00:01:10) sent 3 unicast frames to 02:00:00:00:01:99", "meant for 198.51.100.20")
	ti := slices.IndexFunc(a.Flows.Slice(), func(f Flow) bool { return f.Proto == "tcp" && f.Dport == 80 })
	if d.Flow != ti || !slices.Equal(frameNums(d.Frames), []int{1, 2, 3}) {
		t.Errorf("%+v (tcp flow %d)", d, ti)
	}

	a = run("icmp-reject/client.pcap")
	var got []string
	for _, d := range devsByID(a, "icmp-unreachable") {
		f := *a.Flows.At(d.Flow)
		got = append(got, f.Proto+" "+d.Message)
	}
	slices.Sort(got)
	want := []string{
		"tcp 192.0.2.1 says traffic to 198.51.100.20 is administratively prohibited (a firewall or ACL rejects it, code 13) for the TCP connection 192.0.2.10:35432 → 198.51.100.20:80",
		"udp 192.0.2.1 says port 53/udp is closed on 198.51.100.20 (sent by 192.0.2.1, not by the destination: a firewall rejecting the traffic as if the port were closed) for the UDP flow 192.0.2.10:49054 → 198.51.100.20:53",
	}
	if !slices.Equal(got, want) {
		t.Errorf("icmp-reject:\n%q\nwant\n%q", got, want)
	}

	a = run("ttl-expiry/client.pcap")
	got = nil
	for _, d := range devsByID(a, "icmp-time-exceeded") {
		got = append(got, a.Flows.At(d.Flow).Proto+" "+d.Message)
	}
	slices.Sort(got)
	want = []string{
		"icmp 192.0.2.1 says the TTL ran out in transit for the ping 192.0.2.10 → 198.51.100.20 (id 12766, seq 1)",
		"udp 192.0.2.1 says the TTL ran out in transit for the UDP flow 192.0.2.10:38551 → 198.51.100.20:33434",
	}
	if !slices.Equal(got, want) {
		t.Errorf("ttl-expiry:\n%q\nwant\n%q", got, want)
	}
	aiNone(t, a, "icmp-echo-unanswered")
}

// A flow that keeps sending is never cut by the idle timeout; a pause
// longer than the timeout starts a new flow (UDP and echo alike).
func TestARPICMPIdleTimeout(t *testing.T) {
	c := aiNew(t)
	for i := range 11 {
		ms := float64(i) * 100e3 // every 100 s for 1000 s
		c.udp4(ms, aiCliMAC, aiRtrMAC, "192.0.2.10", 40000, "198.51.100.20", 514, "log")
		c.ping4(ms+1, aiCliMAC, aiRtrMAC, "192.0.2.10", "198.51.100.20", false, 1, uint16(i))
		c.ping4(ms+2, aiRtrMAC, aiCliMAC, "198.51.100.20", "192.0.2.10", true, 1, uint16(i))
	}
	c.udp4(1500e3, aiCliMAC, aiRtrMAC, "192.0.2.10", 40000, "198.51.100.20", 514, "log")
	c.ping4(1500e3+1, aiCliMAC, aiRtrMAC, "192.0.2.10", "198.51.100.20", false, 1, 99)
	// Other traffic moves time on and lets the queue expire idle flows.
	c.udp4(1900e3, aiCliMAC, aiRtrMAC, "192.0.2.10", 40001, "198.51.100.20", 53, "q")
	a := c.run(Config{MaxFlows: 100, IdleTimeoutNs: 300e9, MaxPerID: 10})
	var got []string
	for _, f := range a.Flows.All() {
		got = append(got, fmt.Sprintf("%s %d/%d %s", f.Proto, f.OrigPackets, f.RespPackets, f.State))
	}
	want := []string{"udp 11/0 S0", "icmp 11/11 SF", "udp 1/0 S0", "icmp 1/0 S0", "udp 1/0 S0"}
	if !slices.Equal(got, want) {
		t.Errorf("flows %q, want %q", got, want)
	}
	// The lone ping after the pause was not answered in the 400 s that
	// followed.
	says(t, aiOne(t, a, "icmp-echo-unanswered").Message, "192.0.2.10 sent 1 echo request to 198.51.100.20 and it got no reply (id 1, seq 99)")
}
