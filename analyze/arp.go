package analyze

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"
)

// The ARP tracker pairs "who-has X tell Y" with "X is-at M", finds
// requests nobody answered, and keeps the IP↔MAC table the capture proves
// (from ARP and from IPv6 neighbour discovery), from which it tells two
// MACs claiming one IP apart from a host whose MAC changed.

const (
	arpMaxHosts    = 1 << 16 // IP↔MAC bindings tracked and listed
	arpMaxPairs    = 1 << 16 // who-has/tell pairs tracked
	arpMaxEntries  = 1 << 16 // entries in Analysis.ARP
	arpMaxClaims   = 4       // MACs remembered per IP
	arpMaxNotes    = 4096    // gratuitous/unsolicited aggregates
	arpRepeatGap   = int64(10e9)
	arpReplyWindow = int64(2e9)
	arpLate        = int64(1e9)
)

type arpIPKey struct {
	vlan int32
	ip   netip.Addr
}

type arpPairKey struct {
	vlan      int32
	who, tell netip.Addr
	nd        bool // a neighbour solicitation, not an ARP request
}

// arpClaim is one MAC claiming an IP (as ARP sender, NA target, ...).
type arpClaim struct {
	mac               [6]byte
	first, last       int64
	firstRef, lastRef FrameRef
	n                 int
	gratuitous        bool
}

type arpBinding struct {
	claims []arpClaim
	source string
}

// arpPair is the state of one who-has/tell pair: its current episode of
// requests, and the entry of Analysis.ARP it last wrote.
type arpPair struct {
	tellMAC     [6]byte
	n           int // requests of the current episode; 0 when none
	first, last int64
	times       [3]int64
	frames      [aiMaxEvidence]FrameRef
	nf          int
	answered    bool
	answeredAt  int64
	mac         [6]byte
	// entry is the index in Analysis.ARP this pair last wrote, -1.
	entry         int
	entryAnswered bool
	entryMAC      [6]byte
}

// arpNote aggregates gratuitous announcements or unsolicited replies of
// one sender.
type arpNote struct {
	ip, to      netip.Addr
	mac         [6]byte
	n           int
	first, last int64
	frames      Frames
}

type arpNoteKey struct {
	vlan   int32
	ip, to netip.Addr
	mac    [6]byte
}

type arpTracker struct {
	e         *Engine
	ether     *etherTracker // told every MAC that ARP or ND names
	icmp      *icmpTracker  // the echo flows, for the Ethernet tracker
	hosts     map[arpIPKey]*arpBinding
	hostOrder []arpIPKey
	pairs     map[arpPairKey]*arpPair
	open      int // pairs with an unanswered episode
	nextSweep int64
	grat      map[arpNoteKey]*arpNote
	unsol     map[arpNoteKey]*arpNote
	gratOrder []*arpNote
	unsOrder  []*arpNote
	// ndTells lists, per solicited IPv6 target, the addresses that
	// solicited it: an advertisement answers all of them (nd.go).
	ndTells map[arpIPKey][]netip.Addr
}

func newARPTracker(e *Engine) *arpTracker {
	return &arpTracker{e: e, hosts: map[arpIPKey]*arpBinding{}, pairs: map[arpPairKey]*arpPair{},
		grat: map[arpNoteKey]*arpNote{}, unsol: map[arpNoteKey]*arpNote{}}
}

func (t *arpTracker) packet(p *Packet) {
	if t.open > 0 && p.Time >= t.nextSweep {
		t.sweep(p.Time)
	}
	switch {
	case p.HasARP:
		t.arp(p)
	case p.HasICMP6 && len(p.Transport) >= 8 && p.Transport[0] >= 133 && p.Transport[0] <= 136:
		t.nd(p)
	}
}

func (t *arpTracker) arp(p *Packet) {
	a := &p.ARP
	if a.AddrType != 1 || a.Protocol != 0x0800 || a.HwAddressSize != 6 || a.ProtAddressSize != 4 ||
		len(a.SourceHwAddress) < 6 || len(a.DstHwAddress) < 6 || len(a.SourceProtAddress) < 4 || len(a.DstProtAddress) < 4 {
		return
	}
	var sha [6]byte
	copy(sha[:], a.SourceHwAddress)
	spa := netip.AddrFrom4([4]byte(a.SourceProtAddress[:4]))
	tpa := netip.AddrFrom4([4]byte(a.DstProtAddress[:4]))
	vlan := int32(p.VLAN)
	if t.ether != nil {
		t.ether.learn(sha)
	}
	if spa == tpa && !spa.IsUnspecified() {
		t.claim(vlan, spa, sha, p, "arp", true)
		t.note(t.grat, &t.gratOrder, arpNoteKey{vlan, spa, tpa, sha}, p)
		return
	}
	switch a.Operation {
	case 1:
		t.request(p, vlan, spa, sha, tpa)
	case 2:
		t.reply(p, vlan, spa, sha, tpa)
	}
}

func (t *arpTracker) request(p *Packet, vlan int32, spa netip.Addr, sha [6]byte, tpa netip.Addr) {
	if !spa.IsUnspecified() {
		t.claim(vlan, spa, sha, p, "arp", false)
	}
	t.ask(arpPairKey{vlan: vlan, who: tpa, tell: spa}, sha, p)
}

// ask adds a request (or neighbour solicitation) of the pair k, sent by
// the MAC sha, to the pair's episode, or starts a new episode.
func (t *arpTracker) ask(k arpPairKey, sha [6]byte, p *Packet) {
	pr := t.pairs[k]
	if pr == nil {
		if len(t.pairs) >= arpMaxPairs {
			return
		}
		pr = &arpPair{entry: -1}
		t.pairs[k] = pr
	}
	if pr.n > 0 && !pr.answered {
		if p.Time-pr.last <= arpRepeatGap {
			if pr.n < len(pr.times) {
				pr.times[pr.n] = p.Time
			}
			pr.n++
			pr.last = p.Time
			if pr.nf < aiMaxEvidence-1 {
				pr.frames[pr.nf] = p.Ref
				pr.nf++
			}
			return
		}
		t.closeUnanswered(k, pr, p.Time, false)
	}
	*pr = arpPair{tellMAC: sha, n: 1, first: p.Time, last: p.Time, entry: pr.entry, entryAnswered: pr.entryAnswered, entryMAC: pr.entryMAC}
	pr.times[0] = p.Time
	pr.frames[0] = p.Ref
	pr.nf = 1
	t.open++
}

func (t *arpTracker) reply(p *Packet, vlan int32, spa netip.Addr, sha [6]byte, tpa netip.Addr) {
	if !spa.IsUnspecified() {
		t.claim(vlan, spa, sha, p, "arp", false)
	}
	k := arpPairKey{vlan: vlan, who: spa, tell: tpa}
	pr := t.pairs[k]
	switch {
	case pr != nil && pr.n > 0 && !pr.answered:
		pr.answered, pr.answeredAt, pr.mac = true, p.Time, sha
		if pr.nf < aiMaxEvidence {
			pr.nf++
		}
		pr.frames[pr.nf-1] = p.Ref
		t.open--
		t.record(k, pr)
		if tpa.IsUnspecified() {
			t.e.deviate("arp-duplicate-ip", -1, pr.evidence(),
				fmt.Sprintf("%s probed whether %s is free (ARP probe for duplicate address detection) and %s answered that it already uses %s, %s after the probe",
					aiMAC(pr.tellMAC), spa, aiMAC(sha), spa, aiDur(p.Time-pr.first)))
		}
	case pr != nil && pr.answered && p.Time-pr.answeredAt <= arpReplyWindow:
		// A second reply to one request: a different MAC shows up in the
		// binding table as a duplicate.
	case p.Time-t.e.a.Capture.First < arpLate:
		// The request was probably sent before the capture started.
	default:
		t.note(t.unsol, &t.unsOrder, arpNoteKey{vlan, spa, tpa, sha}, p)
	}
}

func (pr *arpPair) evidence() Frames {
	return slices.Clone(Frames(pr.frames[:pr.nf]))
}

// record writes the episode of pr into Analysis.ARP, folding an answered
// episode into the pair's previous entry when it got the same answer.
func (t *arpTracker) record(k arpPairKey, pr *arpPair) {
	a := t.e.a
	if pr.answered && pr.entry >= 0 && pr.entryAnswered && pr.entryMAC == pr.mac {
		x := &a.ARP[pr.entry]
		x.Requests += pr.n
		x.Exchanges++
		return
	}
	if len(a.ARP) >= arpMaxEntries {
		return
	}
	x := ARPExchange{WhoHas: k.who, Tell: k.tell, TellMAC: aiMAC(pr.tellMAC), Requests: pr.n, Answered: pr.answered, Frames: pr.evidence(), Exchanges: 1}
	if k.nd {
		x.Proto = "nd"
	}
	if pr.answered {
		x.AnswerMAC = aiMAC(pr.mac)
		x.AnswerNs = pr.answeredAt - pr.first
	}
	a.ARP = append(a.ARP, x)
	pr.entry, pr.entryAnswered, pr.entryMAC = len(a.ARP)-1, pr.answered, pr.mac
}

// closeUnanswered ends an episode nobody answered: now is the time the
// tracker gave up on it (a later request, a sweep, or the capture's end).
func (t *arpTracker) closeUnanswered(k arpPairKey, pr *arpPair, now int64, atEnd bool) {
	t.open--
	t.record(k, pr)
	n := pr.n
	pr.n = 0
	if k.tell.IsUnspecified() {
		return // an ARP probe nobody contests: the address is free
	}
	if atEnd && now-pr.first < arpLate {
		when := "only " + aiDur(now-pr.first) + " before the capture ended"
		if now-pr.first < 1e6 {
			when = "at the very end of the capture"
		}
		id, msg := "arp-unanswered-at-end", fmt.Sprintf("%s asked %s for %s %s: too late to tell whether it was answered", k.tell, aiTimes(n), k.who, when)
		if k.nd {
			id, msg = "nd-unanswered-at-end", fmt.Sprintf("%s %s: too late to tell whether it was advertised", ndSolicited(k, n), when)
		}
		t.e.deviate(id, -1, pr.evidence(), msg)
		return
	}
	var b strings.Builder
	id, nobody := "arp-unanswered", " and nobody answered"
	if k.nd {
		id, nobody = "nd-unanswered", " and no neighbour advertisement answered"
		b.WriteString(ndSolicited(k, n))
	} else {
		fmt.Fprintf(&b, "%s asked %s for %s", k.tell, aiTimes(n), k.who)
	}
	if n > 1 {
		b.WriteString(" (at ")
		for i := 0; i < min(n, len(pr.times)); i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(aiAt(pr.times[i] - pr.first))
		}
		if n > len(pr.times) {
			if n > len(pr.times)+1 {
				b.WriteString(", …")
			}
			b.WriteString(", " + aiAt(pr.last-pr.first))
		}
		b.WriteString(")")
	}
	b.WriteString(nobody)
	switch {
	case atEnd && now-pr.last < 1e6:
		b.WriteString(" (the capture ends right after the last request)")
	case atEnd && now-pr.last < arpLate:
		fmt.Fprintf(&b, " (the capture ends %s after the last request)", aiDur(now-pr.last))
	default:
		fmt.Fprintf(&b, " within %s of the last request", aiDur(now-pr.last))
	}
	t.e.deviate(id, -1, pr.evidence(), b.String())
}

// sweep closes the episodes whose last request is older than the repeat
// gap.
func (t *arpTracker) sweep(now int64) {
	t.nextSweep = now + arpRepeatGap
	t.closeOpen(func(pr *arpPair) bool { return now-pr.last > arpRepeatGap }, now, false)
}

func (t *arpTracker) closeOpen(which func(*arpPair) bool, now int64, atEnd bool) {
	var ks []arpPairKey
	for k, pr := range t.pairs {
		if pr.n > 0 && !pr.answered && which(pr) {
			ks = append(ks, k)
		}
	}
	slices.SortFunc(ks, func(a, b arpPairKey) int {
		pa, pb := t.pairs[a], t.pairs[b]
		if pa.first != pb.first {
			return cmpInt64(pa.first, pb.first)
		}
		return cmpInt64(int64(pa.frames[0].Index), int64(pb.frames[0].Index))
	})
	for _, k := range ks {
		t.closeUnanswered(k, t.pairs[k], now, atEnd)
	}
}

func cmpInt64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// note aggregates a gratuitous announcement or an unsolicited reply.
func (t *arpTracker) note(m map[arpNoteKey]*arpNote, order *[]*arpNote, k arpNoteKey, p *Packet) {
	n := m[k]
	if n == nil {
		if len(m) >= arpMaxNotes {
			return
		}
		n = &arpNote{ip: k.ip, to: k.to, mac: k.mac, first: p.Time}
		m[k] = n
		*order = append(*order, n)
	}
	n.n++
	n.last = p.Time
	n.frames = aiAddFrame(n.frames, p.Ref)
}

// nd learns bindings from IPv6 neighbour discovery: the target and its
// link-layer address of advertisements, the source and its link-layer
// address of solicitations and router messages.
func (t *arpTracker) nd(p *Packet) {
	b := p.Transport
	typ := b[0]
	off := 8
	var target netip.Addr
	switch typ {
	case 134:
		off = 16
	case 135, 136:
		if len(b) < 24 {
			return
		}
		target = netip.AddrFrom16([16]byte(b[8:24]))
		off = 24
	}
	vlan := int32(p.VLAN)
	var lla [6]byte // the solicitation's source or the advertisement's target link-layer address
	hasLLA := false
	for off+2 <= len(b) {
		ot, ol := b[off], int(b[off+1])*8
		if ol == 0 || off+ol > len(b) {
			return
		}
		if (ot == 1 || ot == 2) && ol >= 8 {
			var mac [6]byte
			copy(mac[:], b[off+2:off+8])
			if (ot == 1 && typ == 135) || (ot == 2 && typ == 136) {
				lla, hasLLA = mac, true
			}
			if t.ether != nil {
				t.ether.learn(mac)
			}
			switch {
			case ot == 2 && typ == 136 && target.IsValid():
				t.claim(vlan, target, mac, p, "nd", false)
			case ot == 1 && typ != 136 && p.Src.IsValid() && !p.Src.IsUnspecified():
				t.claim(vlan, p.Src, mac, p, "nd", false)
			}
		}
		off += ol
	}
	if target.IsValid() {
		t.ndPair(p, vlan, typ, target, lla, hasLLA)
	}
}

// claim records that mac claims ip.
func (t *arpTracker) claim(vlan int32, ip netip.Addr, mac [6]byte, p *Packet, source string, gratuitous bool) {
	if mac[0]&1 != 0 || mac == [6]byte{} {
		return
	}
	k := arpIPKey{vlan, ip}
	b := t.hosts[k]
	if b == nil {
		if len(t.hosts) >= arpMaxHosts {
			return
		}
		b = &arpBinding{source: source, claims: make([]arpClaim, 0, 1)}
		t.hosts[k] = b
		t.hostOrder = append(t.hostOrder, k)
	}
	for i := range b.claims {
		c := &b.claims[i]
		if c.mac == mac {
			c.n++
			c.last, c.lastRef = p.Time, p.Ref
			c.gratuitous = c.gratuitous || gratuitous
			return
		}
	}
	if len(b.claims) >= arpMaxClaims {
		return
	}
	b.claims = append(b.claims, arpClaim{mac: mac, first: p.Time, last: p.Time, firstRef: p.Ref, lastRef: p.Ref, n: 1, gratuitous: gratuitous})
	if len(t.e.a.Hosts) < arpMaxHosts {
		t.e.a.Hosts = append(t.e.a.Hosts, HostEntry{IP: ip, MAC: aiMAC(mac), Source: source, Hops: -1})
	}
}

// macOf returns the MAC that most recently began claiming ip in this VLAN.
func (t *arpTracker) macOf(vlan int32, ip netip.Addr) ([6]byte, bool) {
	if b := t.hosts[arpIPKey{vlan, ip}]; b != nil && len(b.claims) > 0 {
		return b.claims[len(b.claims)-1].mac, true
	}
	return [6]byte{}, false
}

func (t *arpTracker) finish() {
	e := t.e
	t.closeOpen(func(*arpPair) bool { return true }, e.a.Capture.Last, true)
	for _, k := range t.hostOrder {
		if b := t.hosts[k]; len(b.claims) > 1 {
			t.conflict(k, b)
		}
	}
	for _, n := range t.gratOrder {
		e.deviate("arp-gratuitous", -1, n.frames,
			fmt.Sprintf("%s announced %s by gratuitous ARP %s (%s to %s into the capture)", aiMAC(n.mac), n.ip, aiTimes(n.n), aiDur(n.first-e.a.Capture.First), aiDur(n.last-e.a.Capture.First)))
	}
	for _, n := range t.unsOrder {
		e.deviate("arp-unsolicited-reply", -1, n.frames,
			fmt.Sprintf("%s told %s %s that %s is at %s though no request in the capture asked (first %s into the capture)",
				aiMAC(n.mac), n.to, aiTimes(n.n), n.ip, aiMAC(n.mac), aiDur(n.first-e.a.Capture.First)))
	}
}

// conflict reports an IP claimed by several MACs: a duplicate when the
// claims interleave in time, a change when one MAC took over from the
// other.
func (t *arpTracker) conflict(k arpIPKey, b *arpBinding) {
	e := t.e
	cs := slices.Clone(b.claims)
	slices.SortFunc(cs, func(a, b arpClaim) int { return cmpInt64(a.first, b.first) })
	start := e.a.Capture.First
	say := func(c arpClaim) string {
		s := fmt.Sprintf("%s (%s, %s", aiMAC(c.mac), aiTimes(c.n), aiDur(c.first-start))
		if c.last != c.first {
			s += " to " + aiDur(c.last-start)
		}
		s += " into the capture"
		if c.gratuitous {
			s += ", with gratuitous ARP"
		}
		return s + ")"
	}
	proto := "ARP"
	if b.source == "nd" {
		proto = "neighbour discovery"
	}
	for i := 0; i < len(cs); i++ {
		for j := i + 1; j < len(cs); j++ {
			if cs[i].last > cs[j].first {
				var fr Frames
				fr = aiAddFrame(fr, cs[i].firstRef)
				fr = aiAddFrame(fr, cs[j].firstRef)
				fr = aiAddFrame(fr, cs[i].lastRef)
				e.deviate("arp-duplicate-ip", -1, fr,
					fmt.Sprintf("%s is claimed by two MACs at the same time in %s: %s and %s", k.ip, proto, say(cs[i]), say(cs[j])))
				return
			}
		}
	}
	for i := 1; i < len(cs); i++ {
		fr := Frames{cs[i-1].lastRef, cs[i].firstRef}
		e.deviate("arp-mac-changed", -1, fr,
			fmt.Sprintf("%s moved from %s to %s: the old MAC last claimed it %s before the new one first did",
				k.ip, say(cs[i-1]), say(cs[i]), aiDur(cs[i].first-cs[i-1].last)))
	}
}
