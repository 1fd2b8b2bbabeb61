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
// static) ARP entry on the sender.
//
// A capture that shows one direction only (a filter, a SPAN port
// mirroring one way, a one-packet excerpt) looks the same for every
// destination, so the frames must also show the symptom: the sender
// tried one flow (TCP, UDP or ping) at least twice, some time apart, and
// the capture shows no answer in that flow. A MAC may still show up
// later, and flows are only summarised when they end, so the decision is
// taken at the very end (decide, called by the ICMP tracker's finish,
// which runs after the TCP and UDP trackers').

const (
	etherMaxKnown = 1 << 18 // MACs remembered as in use
	etherMaxCands = 4096    // unknown destination MACs followed
	etherRetryNs  = int64(200e6)
)

// etherFlowUse counts the frames of one flow sent to a candidate MAC.
type etherFlowUse struct {
	idx         int
	n           int
	first, last int64
}

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
	flows        [4]etherFlowUse
	nflows       int
}

type etherTracker struct {
	e         *Engine
	known     map[[6]byte]struct{}
	knownFull bool
	cands     map[[6]byte]*etherCand
	order     []*etherCand
	candsFull int
	// recent caches a few MACs known to be in use, so that the frames of
	// a conversation (which alternate source and destination) need no
	// map lookup.
	recent   [4][6]byte
	nrecent  int
	sawEther bool
	// pend is the last candidate frame's flow, looked up when the next
	// frame arrives: the transport trackers run after this one.
	pend      *etherCand
	pendKey   FlowKey
	pendProto uint8
	pendTime  int64
	decided   bool
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

// isRecent reports whether mac is in the cache of known MACs.
func (t *etherTracker) isRecent(mac [6]byte) bool {
	for i := range min(t.nrecent, len(t.recent)) {
		if t.recent[i] == mac {
			return true
		}
	}
	return false
}

func (t *etherTracker) remember(mac [6]byte) {
	t.recent[t.nrecent%len(t.recent)] = mac
	t.nrecent++
}

func (t *etherTracker) packet(p *Packet) {
	if t.pend != nil {
		t.resolve()
	}
	if !p.HasEth {
		return
	}
	t.sawEther = true
	if p.SrcMAC[0]&1 == 0 && !t.isRecent(p.SrcMAC) {
		t.learn(p.SrcMAC)
		if _, ok := t.known[p.SrcMAC]; ok {
			t.remember(p.SrcMAC)
		}
	}
	dst := p.DstMAC
	if dst[0]&1 != 0 || t.isRecent(dst) {
		return
	}
	if _, ok := t.known[dst]; ok {
		t.remember(dst)
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
	switch {
	case p.HasTCP:
		t.pend, t.pendProto, t.pendKey = c, 6, FlowKey{Src: p.Src, Dst: p.Dst, Sport: uint16(p.TCP.SrcPort), Dport: uint16(p.TCP.DstPort)}
	case p.HasUDP:
		t.pend, t.pendProto, t.pendKey = c, 17, FlowKey{Src: p.Src, Dst: p.Dst, Sport: uint16(p.UDP.SrcPort), Dport: uint16(p.UDP.DstPort)}
	case p.HasICMP4 && len(p.Transport) >= 8 && p.Transport[0] == 8:
		t.pend, t.pendProto, t.pendKey = c, 1, FlowKey{Src: p.Src, Dst: p.Dst, Sport: 8, Dport: 0}
	case p.HasICMP6 && len(p.Transport) >= 8 && p.Transport[0] == 128:
		t.pend, t.pendProto, t.pendKey = c, 58, FlowKey{Src: p.Src, Dst: p.Dst, Sport: 128, Dport: 129}
	}
	t.pendTime = p.Time
}

// resolve finds the flow of the last candidate frame and counts the frame
// against it.
func (t *etherTracker) resolve() {
	c := t.pend
	t.pend = nil
	idx := -1
	switch t.pendProto {
	case 6:
		idx = t.e.tcp.flowFor(t.pendKey)
	case 17:
		idx = t.e.udp.flowFor(t.pendKey)
	case 1, 58:
		if t.e.arp != nil && t.e.arp.icmp != nil {
			if l := t.e.arp.icmp.echo[t.pendKey]; l != nil {
				idx = int(l.idx)
			}
		}
	}
	if idx < 0 {
		return
	}
	for i := range c.nflows {
		if u := &c.flows[i]; u.idx == idx {
			u.n++
			u.last = t.pendTime
			return
		}
	}
	if c.nflows < len(c.flows) {
		c.flows[c.nflows] = etherFlowUse{idx: idx, n: 1, first: t.pendTime, last: t.pendTime}
		c.nflows++
	}
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
	if t.pend != nil {
		t.resolve()
	}
}

// decide reports the candidates still unknown at the end whose frames
// show a flow tried again and never answered. It runs once, after the
// transport trackers have summarised their flows.
func (t *etherTracker) decide() {
	if t.decided {
		return
	}
	t.decided = true
	if !t.sawEther || t.knownFull {
		// Without every source MAC we cannot prove a MAC unused.
		return
	}
	for _, c := range t.order {
		if _, ok := t.known[c.mac]; ok {
			continue
		}
		for _, u := range c.flows[:c.nflows] {
			f := t.e.flow(u.idx)
			if u.n >= 2 && u.last-u.first >= etherRetryNs && f.RespPackets == 0 {
				t.e.deviate("eth-unknown-dst-mac", u.idx, c.frames, t.message(c, u))
				break
			}
		}
	}
}

func (t *etherTracker) message(c *etherCand, u etherFlowUse) string {
	var b strings.Builder
	from := aiMAC(c.srcMAC)
	if c.srcIP.IsValid() {
		from = c.srcIP.String() + " (" + from + ")"
	}
	fmt.Fprintf(&b, "%s sent %s to %s", from, plural(c.n, "unicast frame", "unicast frames"), aiMAC(c.mac))
	if c.senders > 1 {
		fmt.Fprintf(&b, " (with %d other stations)", c.senders-1)
	}
	if c.n > 1 {
		fmt.Fprintf(&b, " from %s to %s into the capture", aiDur(c.first-t.e.a.Capture.First), aiDur(c.last-t.e.a.Capture.First))
	}
	b.WriteString(", a MAC no station here uses: it never sends a frame and no ARP or ND message names it")
	fmt.Fprintf(&b, "; the %s flow was tried %s over %s and nothing answered", t.e.flow(u.idx).Proto, aiTimes(u.n), aiDur(u.last-u.first))
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
