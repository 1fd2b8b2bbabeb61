package analyze

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"
)

// The Ethernet tracker finds unicast frames addressed to a MAC no station
// on the segment uses: it never appears as a source MAC and no ARP or ND
// message names it. That is the signature of a stale or wrong (often
// static) ARP entry on the sender. A MAC may show up later in the
// capture, so the decision is taken at the end.

const (
	etherMaxKnown = 1 << 18 // MACs remembered as in use
	etherMaxCands = 4096    // unknown destination MACs followed
)

type etherCand struct {
	vlan         int32
	mac          [6]byte
	n            int
	first, last  int64
	frames       Frames
	srcMAC       [6]byte
	srcIP, dstIP netip.Addr
	etherType    uint16
	senders      int // distinct source MACs (counted up to a few)
	otherSenders [3][6]byte
	dstIPs       int // distinct destination IPs (counted up to a few)
	otherDst     [3]netip.Addr
}

type etherTracker struct {
	e          *Engine
	known      map[[6]byte]struct{}
	knownFull  bool
	cands      map[[6]byte]*etherCand
	order      []*etherCand
	candsFull  int
	lastSrc    [6]byte
	lastDst    [6]byte
	haveSrc    bool
	haveDst    bool
	sawEther   bool
	candFrames int
}

func newEtherTracker(e *Engine) *etherTracker {
	t := &etherTracker{e: e, known: map[[6]byte]struct{}{}, cands: map[[6]byte]*etherCand{}}
	if e.arp != nil {
		e.arp.ether = t
	}
	return t
}

// learn records that a station uses mac.
func (t *etherTracker) learn(mac [6]byte) {
	if mac[0]&1 != 0 {
		return
	}
	if _, ok := t.known[mac]; ok {
		return
	}
	if len(t.known) >= etherMaxKnown {
		t.knownFull = true
		return
	}
	t.known[mac] = struct{}{}
}

func (t *etherTracker) packet(p *Packet) {
	if !p.HasEth {
		return
	}
	t.sawEther = true
	if !t.haveSrc || p.SrcMAC != t.lastSrc {
		t.learn(p.SrcMAC)
		t.lastSrc, t.haveSrc = p.SrcMAC, true
	}
	dst := p.DstMAC
	if dst[0]&1 != 0 || (t.haveDst && dst == t.lastDst) {
		return
	}
	if _, ok := t.known[dst]; ok {
		t.lastDst, t.haveDst = dst, true
		return
	}
	c := t.cands[dst]
	if c == nil {
		if len(t.cands) >= etherMaxCands {
			t.candsFull++
			return
		}
		c = &etherCand{vlan: int32(p.VLAN), mac: dst, first: p.Time, srcMAC: p.SrcMAC, etherType: p.EtherType, senders: 1}
		c.srcIP, c.dstIP = etherAddrs(p)
		if c.dstIP.IsValid() {
			c.dstIPs = 1
		}
		t.cands[dst] = c
		t.order = append(t.order, c)
	} else {
		if p.SrcMAC != c.srcMAC && c.senders < 1+len(c.otherSenders) && !slices.Contains(c.otherSenders[:c.senders-1], p.SrcMAC) {
			c.otherSenders[c.senders-1] = p.SrcMAC
			c.senders++
		}
		if _, d := etherAddrs(p); d.IsValid() && d != c.dstIP && c.dstIPs < 1+len(c.otherDst) && !slices.Contains(c.otherDst[:max(c.dstIPs-1, 0)], d) {
			if !c.dstIP.IsValid() {
				c.dstIP = d
			} else {
				c.otherDst[c.dstIPs-1] = d
			}
			c.dstIPs++
		}
	}
	c.n++
	c.last = p.Time
	c.frames = aiAddFrame(c.frames, p.Ref)
}

// etherAddrs returns the sender and intended IP of a frame: the IP
// addresses, or for ARP the sender and target protocol addresses.
func etherAddrs(p *Packet) (src, dst netip.Addr) {
	switch {
	case p.HasIP4 || p.HasIP6:
		return p.Src, p.Dst
	case p.HasARP && len(p.ARP.SourceProtAddress) == 4 && len(p.ARP.DstProtAddress) == 4:
		return netip.AddrFrom4([4]byte(p.ARP.SourceProtAddress)), netip.AddrFrom4([4]byte(p.ARP.DstProtAddress))
	}
	return
}

func (t *etherTracker) finish() {
	if !t.sawEther || t.knownFull {
		// Without every source MAC we cannot prove a MAC unused.
		return
	}
	for _, c := range t.order {
		if _, ok := t.known[c.mac]; ok {
			continue
		}
		t.e.deviate("eth-unknown-dst-mac", -1, c.frames, t.message(c))
	}
}

func (t *etherTracker) message(c *etherCand) string {
	var b strings.Builder
	from := aiMAC(c.srcMAC)
	if c.srcIP.IsValid() {
		from = c.srcIP.String() + " (" + from + ")"
	}
	fmt.Fprintf(&b, "%s sent %s to %s", from, aiPlural(c.n, "unicast frame"), aiMAC(c.mac))
	if c.senders > 1 {
		fmt.Fprintf(&b, " (with %d other stations)", c.senders-1)
	}
	if c.n > 1 {
		fmt.Fprintf(&b, " from %s to %s into the capture", aiDur(c.first-t.e.a.Capture.First), aiDur(c.last-t.e.a.Capture.First))
	}
	b.WriteString(", a MAC no station here uses: it never sends a frame and no ARP or ND message names it")
	if c.dstIP.IsValid() {
		fmt.Fprintf(&b, ". The frames were meant for %s", c.dstIP)
		if c.dstIPs > 1 {
			fmt.Fprintf(&b, " and %d other addresses", c.dstIPs-1)
		}
		if t.e.arp != nil {
			if m, ok := t.e.arp.macOf(c.vlan, c.dstIP); ok {
				fmt.Fprintf(&b, ", which the capture shows at %s", aiMAC(m))
			} else {
				b.WriteString(" (or the router towards it)")
			}
		}
		b.WriteString("; the sender's ARP/neighbour entry for that next hop is stale or wrong")
	} else {
		fmt.Fprintf(&b, " (ethertype 0x%04x)", c.etherType)
	}
	return b.String()
}
