package analyze

// The UDP tracker keeps one flow per 5-tuple (both directions) with counts
// each way, and says in Zeek's conn_state terms whether the other side
// answered: S0 only the originator sent, SF both sent, SHR only the
// responder sent (the request was not captured). A flow idle for
// Config.IdleTimeoutNs is finalised; a packet after that starts a new one.
// Flows are keyed by their endpoints in a canonical order, so a packet in
// either direction finds its flow with one lookup.

type udpLive struct {
	idx       int32
	swapped   bool // the originator's key is the reverse of the canonical one
	sent      [2]bool
	last      int64
	lastFrame [2]FrameRef // last frame sent by the originator, the responder
}

type udpTracker struct {
	e    *Engine
	live map[aiKey]*udpLive // by canonical key
	idle aiIdleQueue[aiKey]
}

func newUDPTracker(e *Engine) *udpTracker { return &udpTracker{e: e, live: map[aiKey]*udpLive{}} }

// aiKey is a flow key without pointers (cheap to hash and compare, not
// scanned by the garbage collector), its endpoints in canonical order:
// lower address first, then lower port.
type aiKey struct {
	a, b   [16]byte
	ap, bp uint16
}

// aiCanon returns the canonical key of k and whether it swapped k's
// endpoints.
func aiCanon(k FlowKey) (aiKey, bool) {
	a, b := k.Src.As16(), k.Dst.As16()
	c := k.Src.Compare(k.Dst)
	if c > 0 || (c == 0 && k.Sport > k.Dport) {
		return aiKey{b, a, k.Dport, k.Sport}, true
	}
	return aiKey{a, b, k.Sport, k.Dport}, false
}

// udpServerPort reports whether a packet from sport to dport looks like
// a server's answer: from a well-known port to an ephemeral one (Zeek
// flips such flows too and marks them with '^').
func udpServerPort(sport, dport uint16) bool { return sport < 1024 && dport >= 1024 }

func (t *udpTracker) packet(p *Packet) {
	timeout := aiIdle(t.e)
	t.idle.expire(p.Time, timeout, t.lastActive, t.endKey)
	if !p.HasUDP {
		return
	}
	pk := FlowKey{Src: p.Src, Dst: p.Dst, Sport: uint16(p.UDP.SrcPort), Dport: uint16(p.UDP.DstPort)}
	ck, swapped := aiCanon(pk)
	l := t.live[ck]
	if l != nil && p.Time-l.last > timeout {
		t.end(ck, l)
		l = nil
	}
	if l == nil {
		if t.e.cfg.MaxFlows > 0 && len(t.live) >= t.e.cfg.MaxFlows {
			t.e.a.FlowsDropped++
			return
		}
		f := Flow{Proto: "udp", Src: pk.Src, Sport: pk.Sport, Dst: pk.Dst, Dport: pk.Dport, Start: p.Time, Frames: make(Frames, 0, 4)}
		l = &udpLive{swapped: swapped}
		if udpServerPort(pk.Sport, pk.Dport) {
			f.Src, f.Sport, f.Dst, f.Dport = pk.Dst, pk.Dport, pk.Src, pk.Sport
			f.History = "^"
			l.swapped = !swapped
		}
		l.idx = int32(t.e.newFlow(f))
		t.live[ck] = l
		t.idle.push(ck, l.idx, p.Time)
	}
	dir := 0
	if swapped != l.swapped {
		dir = 1
	}
	f := t.e.flow(int(l.idx))
	n := int64(p.UDP.Length) - 8
	if n < 0 || p.UDP.Length == 0 {
		n = int64(len(p.UDP.Payload))
	}
	f.count(dir, n, p, &l.sent)
	l.last = p.Time
	l.lastFrame[dir] = p.Ref
}

func (t *udpTracker) lastActive(k aiKey, idx int32) (int64, bool) {
	if l := t.live[k]; l != nil && l.idx == idx {
		return l.last, true
	}
	return 0, false
}

func (t *udpTracker) endKey(k aiKey) { t.end(k, t.live[k]) }

// end finalises a flow: its state in Zeek's terms.
func (t *udpTracker) end(ck aiKey, l *udpLive) {
	delete(t.live, ck)
	f := t.e.flow(int(l.idx))
	f.State, f.StateText = udpState(l.sent[0], l.sent[1])
	f.End = l.last
}

// udpState is Zeek's conn_state for UDP (and our ICMP echo flows).
func udpState(orig, resp bool) (string, string) {
	switch {
	case orig && resp:
		return "SF", "both sides sent: the responder answered"
	case orig:
		return "S0", "only the originator sent: no answer seen"
	case resp:
		return "SHR", "only the responder sent: the request was not captured"
	}
	return "OTH", "no packets"
}

func (t *udpTracker) finish() {
	// The queue holds every live flow, in a deterministic order.
	for _, x := range t.idle.drain(t.lastActive) {
		t.end(x.k, t.live[x.k])
	}
}

// flowFor returns the index of the UDP flow between these endpoints (in
// either direction), or -1.
func (t *udpTracker) flowFor(k FlowKey) int {
	ck, _ := aiCanon(k)
	if l := t.live[ck]; l != nil {
		return int(l.idx)
	}
	return -1
}

// lastFrame returns the last frame the live UDP flow between these
// endpoints carried in k's direction.
func (t *udpTracker) lastFrame(k FlowKey) (FrameRef, bool) {
	ck, swapped := aiCanon(k)
	l := t.live[ck]
	if l == nil {
		return FrameRef{}, false
	}
	dir := 0
	if swapped != l.swapped {
		dir = 1
	}
	return l.lastFrame[dir], l.sent[dir]
}
