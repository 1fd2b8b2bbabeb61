package analyze

import (
	"net"
	"slices"
	"testing"

	"github.com/gopacket/gopacket/layers"
)

// Tests of IPv6 neighbour discovery pairing (nd.go), on captures built
// with the aiCap builder of arpicmp_test.go.

// ns adds a neighbour solicitation from src (MAC smac) to dst (MAC dmac)
// for target; sll adds the source link-layer address option.
func (c *aiCap) ns(ms float64, smac, dmac net.HardwareAddr, src, dst, target string, sll bool) {
	c.t.Helper()
	m := &layers.ICMPv6NeighborSolicitation{TargetAddress: aiIP(target)}
	if sll {
		m.Options = layers.ICMPv6Options{{Type: layers.ICMPv6OptSourceAddress, Data: smac}}
	}
	ip := aiIP6(src, dst, layers.IPProtocolICMPv6)
	ip.HopLimit = 255
	c.add(ms, aiEth(smac, dmac, layers.EthernetTypeIPv6), ip,
		&layers.ICMPv6{TypeCode: layers.CreateICMPv6TypeCode(layers.ICMPv6TypeNeighborSolicitation, 0)}, m)
}

// na adds a neighbour advertisement for target; tll (nil for none) is the
// target link-layer address option; solicited sets the S flag.
func (c *aiCap) na(ms float64, smac, dmac net.HardwareAddr, src, dst, target string, tll net.HardwareAddr, solicited bool) {
	c.t.Helper()
	m := &layers.ICMPv6NeighborAdvertisement{TargetAddress: aiIP(target), Flags: 0x20}
	if solicited {
		m.Flags |= 0x40
	}
	if tll != nil {
		m.Options = layers.ICMPv6Options{{Type: layers.ICMPv6OptTargetAddress, Data: tll}}
	}
	ip := aiIP6(src, dst, layers.IPProtocolICMPv6)
	ip.HopLimit = 255
	c.add(ms, aiEth(smac, dmac, layers.EthernetTypeIPv6), ip,
		&layers.ICMPv6{TypeCode: layers.CreateICMPv6TypeCode(layers.ICMPv6TypeNeighborAdvertisement, 0)}, m)
}

// filler adds an unrelated frame that sets where the capture ends.
func (c *aiCap) filler(ms float64) {
	c.udp4(ms, aiCliMAC, aiRtrMAC, "192.0.2.10", 5000, "192.0.2.1", 53, "x")
}

var (
	ndSolNode = net.HardwareAddr{0x33, 0x33, 0xff, 0, 0, 1}
	ndAllMAC  = net.HardwareAddr{0x33, 0x33, 0, 0, 0, 1}
)

// ndEntries returns the neighbour discovery entries of Analysis.ARP.
func ndEntries(a *Analysis) []ARPExchange {
	var out []ARPExchange
	for _, x := range a.ARP {
		if x.Proto == "nd" {
			out = append(out, x)
		}
	}
	return out
}

func ndNoDevs(t *testing.T, a *Analysis, ids ...string) {
	t.Helper()
	for _, id := range ids {
		if ds := devsByID(a, id); len(ds) > 0 {
			t.Errorf("unexpected %s: %+v", id, ds)
		}
	}
}

func TestNDAnswered(t *testing.T) {
	c := aiNew(t)
	// Address resolution: multicast NS with SLLA, NA with TLLA.
	c.ns(0, aiCliMAC, ndSolNode, "2001:db8:1::10", "ff02::1:ff00:1", "2001:db8:1::1", true)
	c.na(0.5, aiRtrMAC, aiCliMAC, "2001:db8:1::1", "2001:db8:1::10", "2001:db8:1::1", aiRtrMAC, true)
	// Reachability confirmation from the link-local address: unicast NS,
	// NA without the target link-layer option (MAC from the frame).
	c.ns(3000, aiCliMAC, aiRtrMAC, "fe80::10", "2001:db8:1::1", "2001:db8:1::1", false)
	c.na(3000.2, aiRtrMAC, aiCliMAC, "2001:db8:1::1", "fe80::10", "2001:db8:1::1", nil, true)
	c.filler(5000)
	a := c.run(DefaultConfig)
	ndNoDevs(t, a, "nd-unanswered", "nd-unanswered-at-end", "arp-unsolicited-reply", "arp-duplicate-ip", "arp-mac-changed")
	xs := ndEntries(a)
	if len(xs) != 2 {
		t.Fatalf("ND entries %+v", a.ARP)
	}
	x := xs[0]
	if x.WhoHas.String() != "2001:db8:1::1" || x.Tell.String() != "2001:db8:1::10" || x.TellMAC != "02:00:00:00:01:10" ||
		x.Requests != 1 || !x.Answered || x.AnswerMAC != "02:00:00:00:01:01" || x.AnswerNs != 500000 ||
		!slices.Equal(frameNums(x.Frames), []int{1, 2}) || x.Exchanges != 1 {
		t.Errorf("resolution %+v", x)
	}
	x = xs[1]
	if x.WhoHas.String() != "2001:db8:1::1" || x.Tell.String() != "fe80::10" || x.TellMAC != "02:00:00:00:01:10" ||
		x.Requests != 1 || !x.Answered || x.AnswerMAC != "02:00:00:00:01:01" || x.AnswerNs != 200000 ||
		!slices.Equal(frameNums(x.Frames), []int{3, 4}) {
		t.Errorf("reachability %+v", x)
	}
	for _, x := range a.ARP {
		if x.Proto != "nd" {
			t.Errorf("non-ND entry %+v", x)
		}
	}
}

// A second resolution by the same host with the same answer folds into
// the entry, as ARP cache refreshes do.
func TestNDAnsweredAgainFolds(t *testing.T) {
	c := aiNew(t)
	c.ns(0, aiCliMAC, ndSolNode, "2001:db8:1::10", "ff02::1:ff00:1", "2001:db8:1::1", true)
	c.na(0.1, aiRtrMAC, aiCliMAC, "2001:db8:1::1", "2001:db8:1::10", "2001:db8:1::1", aiRtrMAC, true)
	c.ns(30000, aiCliMAC, aiRtrMAC, "2001:db8:1::10", "2001:db8:1::1", "2001:db8:1::1", true)
	c.na(30000.1, aiRtrMAC, aiCliMAC, "2001:db8:1::1", "2001:db8:1::10", "2001:db8:1::1", nil, true)
	c.filler(31000)
	a := c.run(DefaultConfig)
	xs := ndEntries(a)
	if len(xs) != 1 || xs[0].Requests != 2 || xs[0].Exchanges != 2 || !xs[0].Answered {
		t.Errorf("%+v", a.ARP)
	}
}

func TestNDUnansweredRepeats(t *testing.T) {
	c := aiNew(t)
	for _, ms := range []float64{0, 1000, 2000} {
		c.ns(ms, aiCliMAC, net.HardwareAddr{0x33, 0x33, 0xff, 0, 0, 0x99}, "2001:db8:1::10", "ff02::1:ff00:99", "2001:db8:1::99", true)
	}
	c.filler(6000)
	a := c.run(DefaultConfig)
	d := aiOne(t, a, "nd-unanswered")
	if d.Severity != Error || !slices.Equal(frameNums(d.Frames), []int{1, 2, 3}) {
		t.Errorf("%+v", d)
	}
	says(t, d.Message, "2001:db8:1::10 solicited 2001:db8:1::99 3 times (at 0, 1.0 s, 2.0 s) and no neighbour advertisement answered within 4.0 s of the last request")
	ndNoDevs(t, a, "arp-unanswered", "nd-unanswered-at-end")
	xs := ndEntries(a)
	if len(xs) != 1 || xs[0].Answered || xs[0].Requests != 3 || xs[0].AnswerMAC != "" || xs[0].Tell.String() != "2001:db8:1::10" {
		t.Errorf("%+v", a.ARP)
	}
	if k, ok := KindOf("nd-unanswered"); !ok || k.Severity != Error {
		t.Errorf("catalogue %+v", k)
	}
}

// Solicitations more than the repeat gap apart are two episodes; the
// first is closed by the sweep while the capture goes on.
func TestNDUnansweredTwoEpisodes(t *testing.T) {
	c := aiNew(t)
	c.ns(0, aiCliMAC, ndSolNode, "2001:db8:1::10", "ff02::1:ff00:1", "2001:db8:1::1", true)
	c.ns(20000, aiCliMAC, ndSolNode, "2001:db8:1::10", "ff02::1:ff00:1", "2001:db8:1::1", true)
	c.na(20000.3, aiRtrMAC, aiCliMAC, "2001:db8:1::1", "2001:db8:1::10", "2001:db8:1::1", aiRtrMAC, true)
	c.filler(25000)
	a := c.run(DefaultConfig)
	d := aiOne(t, a, "nd-unanswered")
	if !slices.Equal(frameNums(d.Frames), []int{1}) {
		t.Errorf("%+v", d)
	}
	says(t, d.Message, "2001:db8:1::10 solicited 2001:db8:1::1 once and no neighbour advertisement answered")
	xs := ndEntries(a)
	if len(xs) != 2 || xs[0].Answered || !xs[1].Answered || xs[1].AnswerNs != 300000 {
		t.Errorf("%+v", xs)
	}
}

func TestNDDADProbe(t *testing.T) {
	probe := func(c *aiCap) {
		for _, ms := range []float64{0, 1000} {
			c.ns(ms, aiCliMAC, net.HardwareAddr{0x33, 0x33, 0xff, 0, 0, 0x10}, "::", "ff02::1:ff00:10", "2001:db8:1::10", false)
		}
	}
	t.Run("free", func(t *testing.T) {
		c := aiNew(t)
		probe(c)
		// The prober announces its new address after DAD: its own
		// advertisement is no defence.
		c.na(2000, aiCliMAC, ndAllMAC, "2001:db8:1::10", "ff02::1", "2001:db8:1::10", aiCliMAC, false)
		c.filler(6000)
		a := c.run(DefaultConfig)
		ndNoDevs(t, a, "nd-unanswered", "nd-unanswered-at-end", "arp-duplicate-ip", "arp-mac-changed")
		if w, ok := a.Worst(); ok && w == Error {
			t.Errorf("%+v", a.Deviations)
		}
		xs := ndEntries(a)
		if len(xs) != 1 || xs[0].Tell.String() != "::" || xs[0].Requests != 2 || xs[0].Answered || xs[0].TellMAC != "02:00:00:00:01:10" {
			t.Errorf("%+v", a.ARP)
		}
	})
	t.Run("defended", func(t *testing.T) {
		c := aiNew(t)
		probe(c)
		c.na(1000.4, aiBadMAC, ndAllMAC, "2001:db8:1::10", "ff02::1", "2001:db8:1::10", aiBadMAC, false)
		c.filler(6000)
		a := c.run(DefaultConfig)
		ndNoDevs(t, a, "nd-unanswered")
		d := aiOne(t, a, "arp-duplicate-ip")
		says(t, d.Message, "02:00:00:00:01:10 probed whether 2001:db8:1::10 is free (neighbour solicitation for duplicate address detection)",
			"02:00:00:00:09:99 advertised that it already uses 2001:db8:1::10, 1.0 s after the probe")
		if !slices.Equal(frameNums(d.Frames), []int{1, 2, 3}) {
			t.Errorf("%+v", d)
		}
	})
	t.Run("at end", func(t *testing.T) {
		c := aiNew(t)
		c.filler(0)
		c.ns(5000, aiCliMAC, net.HardwareAddr{0x33, 0x33, 0xff, 0, 0, 0x10}, "::", "ff02::1:ff00:10", "2001:db8:1::10", false)
		a := c.run(DefaultConfig)
		ndNoDevs(t, a, "nd-unanswered", "nd-unanswered-at-end")
	})
}

func TestNDUnsolicitedAdvert(t *testing.T) {
	c := aiNew(t)
	c.filler(0)
	c.na(3000, aiRtrMAC, ndAllMAC, "fe80::1", "ff02::1", "2001:db8:1::1", aiRtrMAC, false)
	// A solicited-flag advertisement whose solicitation came before the
	// capture started.
	c.na(4000, aiRtrMAC, aiCliMAC, "2001:db8:1::1", "2001:db8:1::10", "2001:db8:1::1", aiRtrMAC, true)
	c.filler(6000)
	a := c.run(DefaultConfig)
	if len(a.Deviations) != 0 || len(a.ARP) != 0 {
		t.Errorf("deviations %+v, ARP %+v", a.Deviations, a.ARP)
	}
	found := false
	for _, h := range a.Hosts {
		if h.IP.String() == "2001:db8:1::1" && h.MAC == "02:00:00:00:01:01" && h.Source == "nd" {
			found = true
		}
	}
	if !found {
		t.Errorf("hosts %+v", a.Hosts)
	}
}

func TestNDLateRequest(t *testing.T) {
	c := aiNew(t)
	c.filler(0)
	c.ns(4500, aiCliMAC, ndSolNode, "2001:db8:1::10", "ff02::1:ff00:1", "2001:db8:1::1", true)
	c.filler(5000)
	a := c.run(DefaultConfig)
	ndNoDevs(t, a, "nd-unanswered", "arp-unanswered-at-end")
	d := aiOne(t, a, "nd-unanswered-at-end")
	if d.Severity != Note || !slices.Equal(frameNums(d.Frames), []int{2}) {
		t.Errorf("%+v", d)
	}
	says(t, d.Message, "2001:db8:1::10 solicited 2001:db8:1::1 once only 500.0 ms before the capture ended: too late to tell whether it was advertised")

	// A request well before the end, repeated in the last second, is
	// judged.
	c = aiNew(t)
	c.ns(0, aiCliMAC, ndSolNode, "2001:db8:1::10", "ff02::1:ff00:1", "2001:db8:1::1", true)
	c.ns(4900, aiCliMAC, ndSolNode, "2001:db8:1::10", "ff02::1:ff00:1", "2001:db8:1::1", true)
	c.filler(5000)
	a = c.run(DefaultConfig)
	d = aiOne(t, a, "nd-unanswered")
	says(t, d.Message, "twice (at 0, 4.9 s)", "(the capture ends 100.0 ms after the last request)")
}

// ARP and ND pairs for one address stay apart.
func TestNDAndARPApart(t *testing.T) {
	c := aiNew(t)
	c.whoHas(0, aiCliMAC, "192.0.2.10", "192.0.2.1")
	c.ns(1, aiCliMAC, ndSolNode, "2001:db8:1::10", "ff02::1:ff00:1", "2001:db8:1::1", true)
	c.isAt(2, aiRtrMAC, "192.0.2.1", aiCliMAC, "192.0.2.10")
	c.filler(5000)
	a := c.run(DefaultConfig)
	ndOne := aiOne(t, a, "nd-unanswered")
	if !slices.Equal(frameNums(ndOne.Frames), []int{2}) {
		t.Errorf("%+v", ndOne)
	}
	ndNoDevs(t, a, "arp-unanswered")
	if len(a.ARP) != 2 || a.ARP[0].Proto != "" || !a.ARP[0].Answered || a.ARP[1].Proto != "nd" || a.ARP[1].Answered {
		t.Errorf("%+v", a.ARP)
	}
}

func TestNDLab(t *testing.T) {
	a := runFile(t, "../testdata/lab/basic-client.pcap")
	ndNoDevs(t, a, "nd-unanswered", "nd-unanswered-at-end")
	xs := ndEntries(a)
	if len(xs) != 1 {
		t.Fatalf("%+v", a.ARP)
	}
	x := xs[0]
	if x.WhoHas.String() != "2001:db8:1::1" || x.Tell.String() != "2001:db8:1::10" || x.TellMAC != "02:00:00:00:01:10" ||
		!x.Answered || x.AnswerMAC != "02:00:00:00:01:01" || x.Requests != 1 || x.AnswerNs != 27000 ||
		!slices.Equal(frameNums(x.Frames), []int{11, 12}) {
		t.Errorf("%+v", x)
	}

	a = runFile(t, "../testdata/lab/basic-router-in.pcap")
	ndNoDevs(t, a, "nd-unanswered", "nd-unanswered-at-end")
	xs = ndEntries(a)
	if len(xs) != 2 || !xs[0].Answered || !xs[1].Answered {
		t.Errorf("%+v", xs)
	}
}
