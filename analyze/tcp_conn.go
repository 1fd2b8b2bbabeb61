package analyze

import (
	"encoding/binary"
	"net/netip"
	"slices"

	"github.com/gopacket/gopacket/layers"
)

// Zeek's TCP endpoint states.
const (
	epInactive uint8 = iota
	epSynSent
	epSynAckSent
	epPartial
	epEstablished
	epClosed
	epReset
)

// tcpHalf flags.
const (
	hSyn    = 1 << iota // sent a SYN (isn valid)
	hNxt                // nxt valid
	hAck                // ack valid
	hWin                // win valid
	hWinSyn             // win came from a SYN (not scaled)
	hKA                 // the last packet was a keep-alive
	hFin                // sent a FIN
	hRst                // sent a RST
)

// tcpHalf is one direction of a connection: what its sender sent.
type tcpHalf struct {
	isn     uint32 // ISN of its SYN
	nxt     uint32 // highest sequence number seen + length: next expected
	ack     uint32 // ACK number of its last packet
	ackMax  uint32 // highest ACK number it sent
	nxtTime int64  // when nxt last advanced
	ackTime int64  // time of its last ACK
	bytes   int64  // payload bytes, retransmissions included
	pkts    int32
	win     uint16 // raw window of its last packet
	maxSeg  uint16 // largest payload
	// maxAckedLen is the largest payload among its segments the peer
	// acknowledged (as far as the ring shows).
	maxAckedLen uint16
	dupRun      uint16 // current run of duplicate ACKs
	synN        uint16 // SYNs (or SYN/ACKs) sent
	bigRetx     uint16 // retransmissions of full-size unacknowledged segments
	ringEnd     [4]uint32
	ringLen     [4]uint16
	ringI       uint8
	scale       int8 // window scale of its SYN, -1 when none
	state, prev uint8
	f           uint8
}

// tcpConn is the live state of one connection incarnation. h[0] is the
// originator, h[1] the responder.
type tcpConn struct {
	key     tcpKey
	flow    int32
	used    bool
	origIsA bool
	flipped bool // originator chosen by the port heuristic (Zeek's ^)
	final   bool
	h       [2]tcpHalf

	start, last int64
	synFirst    int64     // first SYN of the originator
	synLast     int64     // its last SYN before the SYN/ACK
	synOff      [6]uint32 // SYN times after synFirst, in µs
	synAckFirst int64
	synAckLast  int64
	synAckN     uint16
	handshake   int64 // first SYN to the ACK of the SYN/ACK
	rtt         int64 // SYN to SYN/ACK
	irtt        int64 // last SYN to the ACK of the SYN/ACK
	origReplied bool  // the originator sent a non-SYN packet after the SYN/ACK
	est         bool  // the originator acknowledged the SYN/ACK
	synAfterSA  uint16
	rstTime     int64 // first RST
	closeEv     [2]uint8
	retx        [2]int32
	zw          [2]int32
	dup         [2]int32
	ooo         int32
	ka          int32
	winFull     int32
	ackUnseen   int32
	dsack       [2]int32 // D-SACKs each side sent
	dupRunMax   uint16
	histSeen    [2]uint16
	histN       uint8
	hist        [23]byte
	ev          *tcpEvidence
}

// Evidence kinds.
const (
	evRetx = iota
	evOOO
	evLost
	evAckUnseen
	evDup
	evZW
	evWinFull
	evKA
	evReset
	evPMTU
	evBadAck
	evDSACK
	evN
)

const tcpMaxGaps = 4

// tcpGap is a hole in one direction's sequence space.
type tcpGap struct {
	start, end uint32
	ref        FrameRef // the segment that revealed it
}

// tcpEvidence is allocated for connections where something happened.
type tcpEvidence struct {
	nfr       [evN]uint8
	fr        [evN][5]FrameRef
	gaps      [2][tcpMaxGaps]tcpGap
	ngaps     [2]uint8
	holes     [2]int32 // holes seen, filled later or not
	holeBytes [2]int64
	lostOver  [2]int32 // holes pushed out of the table unfilled
	lostBytes [2]int64
	fast      int32
	spurious  int32
	gapFill   int32
	zwp       int32
	badAckGot uint32
	rstN      int32
	rstSide   int8
	rstFin    uint8 // bit 0: orig had sent FIN, bit 1: resp had
	rstAt     int64
	rstBytes  [2]int64
	bigSize   uint16
	// The first ICMP error quoting one of the connection's packets
	// (linked by the ICMP tracker), and how many there were.
	icmpFrom netip.Addr
	icmpRef  FrameRef
	icmpN    int32
	icmpV6   bool
	icmpType uint8
	icmpCode uint8
}

func (c *tcpConn) sideOf(fromA bool) int {
	if fromA == c.origIsA {
		return 0
	}
	return 1
}

// closed: both sides sent FIN, or someone sent RST.
func (c *tcpConn) closed() bool {
	return (c.h[0].f|c.h[1].f)&hRst != 0 || c.h[0].f&c.h[1].f&hFin != 0
}

func (c *tcpConn) evidence() *tcpEvidence {
	if c.ev == nil {
		c.ev = &tcpEvidence{rstSide: -1}
	}
	return c.ev
}

// note records an evidence frame of a kind.
func (c *tcpConn) note(kind int, ref FrameRef) {
	ev := c.evidence()
	if n := ev.nfr[kind]; n < 5 {
		ev.fr[kind][n] = ref
		ev.nfr[kind] = n + 1
	}
}

// History letters recorded once per direction.
const tcpHistOnce = "SHADFRIQ^"

// addHist records a history letter (upper case) for a side: upper case
// for the originator, lower case for the responder, once per direction.
func (c *tcpConn) addHist(side int, l byte) {
	for i := 0; i < len(tcpHistOnce); i++ {
		if tcpHistOnce[i] == l {
			if c.histSeen[side]&(1<<i) != 0 {
				return
			}
			c.histSeen[side] |= 1 << i
			break
		}
	}
	c.pushHist(side, l)
}

func (c *tcpConn) pushHist(side int, l byte) {
	if side == 1 && l >= 'A' && l <= 'Z' {
		l += 'a' - 'A'
	}
	if int(c.histN) < len(c.hist) {
		c.hist[c.histN] = l
		c.histN++
	}
}

// repeatHist records a repeatable letter (T, W) as Zeek does: the first
// time, then when the count reaches 10, 100, 1000, ...
func (c *tcpConn) repeatHist(side int, l byte, n int32) {
	for x := int32(1); x <= n; x *= 10 {
		if x == n {
			c.pushHist(side, l)
			return
		}
	}
}

func (c *tcpConn) noteClose(side int, rst bool) {
	v := uint8(0x80 | side)
	if rst {
		v |= 2
	}
	for i := range c.closeEv {
		if c.closeEv[i] == v {
			return
		}
		if c.closeEv[i] == 0 {
			c.closeEv[i] = v
			return
		}
	}
}

func seqLT(a, b uint32) bool { return int32(a-b) < 0 }
func seqGT(a, b uint32) bool { return int32(a-b) > 0 }
func seqLE(a, b uint32) bool { return int32(a-b) <= 0 }

func (h *tcpHalf) setState(s uint8) {
	if s != h.state {
		h.prev, h.state = h.state, s
	}
}

// zeekState advances the endpoint states as Zeek's TCP analyzer does
// (UpdateStateMachine).
func (c *tcpConn) zeekState(side int, syn, ack, fin, rst bool, seglen int) {
	d, r := &c.h[side], &c.h[1-side]
	switch d.state {
	case epInactive:
		if syn {
			if side == 0 {
				if ack {
					d.setState(epSynAckSent)
				} else {
					d.setState(epSynSent)
				}
			} else {
				if r.state == epSynSent {
					r.setState(epEstablished)
				}
				d.setState(epEstablished)
			}
		}
		if fin {
			d.setState(epClosed)
		}
		if rst {
			d.setState(epReset)
		}
		if d.state == epInactive {
			switch {
			case side == 1 && seglen == 0 && c.h[0].state == epSynSent:
				// An ACK of the SYN before the SYN/ACK: not partial.
			case ack && r.state == epEstablished:
				d.setState(epEstablished)
			default:
				d.setState(epPartial)
			}
		}
	case epSynSent, epSynAckSent:
		if fin {
			d.setState(epClosed)
		}
		if rst {
			d.setState(epReset)
		}
	case epEstablished, epPartial:
		if syn && d.state == epPartial && r.state == epInactive && !ack {
			d.setState(epSynSent)
		}
		if fin && !rst {
			d.setState(epClosed)
			if r.state == epReset && r.prev == epClosed {
				r.setState(epClosed)
			}
		}
		if rst {
			d.setState(epReset)
		}
	case epClosed:
		if rst && r.state != epClosed {
			d.setState(epReset)
		}
	}
}

// update handles one packet of the connection.
func (t *tcpTracker) update(c *tcpConn, fromA bool, p *Packet) {
	tc := &p.TCP
	now := p.Time
	side := c.sideOf(fromA)
	d, r := &c.h[side], &c.h[1-side]
	syn, ack, fin, rst := tc.SYN, tc.ACK, tc.FIN, tc.RST
	seq := tc.Seq

	seglen := len(tc.Payload)
	if p.TransportLen > 0 {
		// The length on the wire, also when the snaplen cut the payload.
		seglen = p.TransportLen - int(tc.DataOffset)*4
	}
	seglen = max(seglen, 0)

	// Flow evidence: its first frames.
	if n := c.h[0].pkts + c.h[1].pkts; n < 5 {
		f := t.e.flow(int(c.flow))
		f.Frames = append(f.Frames, p.Ref)
	}
	if now > c.last {
		c.last = now
	}

	// History.
	switch {
	case syn && (fin || rst):
		c.addHist(side, 'Q')
	case fin && rst:
		c.addHist(side, 'I')
	}
	if syn {
		if ack {
			c.addHist(side, 'H')
		} else {
			c.addHist(side, 'S')
		}
	}
	if fin {
		c.addHist(side, 'F')
	}
	if rst {
		c.addHist(side, 'R')
	}
	if seglen > 0 {
		c.addHist(side, 'D')
	} else if ack && !syn && !fin && !rst {
		c.addHist(side, 'A')
	}

	c.zeekState(side, syn, ack, fin, rst, seglen)

	// Handshake.
	if syn {
		t.handshake(c, side, d, r, p)
	} else if side == 0 && c.synAckN > 0 {
		c.origReplied = true
		if !c.est && ack && r.f&hSyn != 0 && tc.Ack == r.isn+1 {
			c.est = true
			if c.synFirst != 0 {
				c.handshake = now - c.synFirst
				c.irtt = now - c.synLast
			}
		}
	}

	// Sequence analysis.
	nxt0, hadNxt := d.nxt, d.f&hNxt != 0
	seqLen := uint32(seglen)
	if syn {
		seqLen++
	}
	if fin {
		seqLen++
	}
	end := seq + seqLen
	wasKA := false
	switch {
	case rst:
		// A RST's sequence number says nothing about the data.
	case !hadNxt:
		d.nxt, d.nxtTime = end, now
		d.f |= hNxt
	case syn:
		if seqGT(end, d.nxt) {
			d.nxt, d.nxtTime = end, now
		}
	case seglen == 1 && seq == d.nxt && r.f&hWin != 0 && r.win == 0:
		// A zero-window probe: one byte into a closed window.
		c.evidence().zwp++
		c.note(evZW, p.Ref)
		d.nxt, d.nxtTime = end, now
	case seqGT(seq, d.nxt):
		if tcpTrace != nil {
			tcpTrace(p.Ref.Index, "gap", false, 0, 0)
		}
		t.stats.gaps++
		t.addGap(c, side, d.nxt, seq, p.Ref)
		d.nxt, d.nxtTime = end, now
	case seglen <= 1 && !fin && seq == d.nxt-1:
		// Keep-alive (or a repeated zero-window probe): one byte
		// below what was sent, not a retransmission.
		wasKA = true
		if r.f&hWin != 0 && r.win == 0 {
			c.evidence().zwp++
			c.note(evZW, p.Ref)
		} else {
			c.ka++
			t.stats.keepAlive++
			c.note(evKA, p.Ref)
		}
	case seqLen > 0 && seqLT(seq, d.nxt) && !(seglen > 1 && seq == d.nxt-1):
		t.classify(c, side, d, r, p, seq, end, seglen)
		if seqGT(end, d.nxt) {
			d.nxt, d.nxtTime = end, now
		}
	default:
		if seqGT(end, d.nxt) {
			d.nxt, d.nxtTime = end, now
		}
	}
	if wasKA {
		d.f |= hKA
	} else {
		d.f &^= hKA
	}
	if seglen > 0 {
		if seglen > int(d.maxSeg) {
			d.maxSeg = uint16(min(seglen, 0xffff))
		}
		d.ringEnd[d.ringI], d.ringLen[d.ringI] = end, uint16(min(seglen, 0xffff))
		d.ringI = (d.ringI + 1) & 3
	}

	// Window full: this segment fills the peer's advertised window.
	if seglen > 0 && !syn && !fin && !rst && c.h[0].f&c.h[1].f&hSyn != 0 && r.f&hAck != 0 && r.f&hWin != 0 {
		shift := uint(0)
		if r.f&hWinSyn == 0 && c.h[0].scale >= 0 && c.h[1].scale >= 0 {
			shift = uint(r.scale)
		}
		if end == r.ack+uint32(r.win)<<shift {
			c.winFull++
			c.note(evWinFull, p.Ref)
		}
	}
	if tc.Window == 0 && !syn && !fin && !rst {
		c.zw[side]++
		c.repeatHist(side, 'W', c.zw[side])
		c.note(evZW, p.Ref)
	}

	// ACK analysis.
	dupNow := false
	if ack {
		a := tc.Ack
		if !syn && r.f&hNxt != 0 && seqGT(a, r.nxt) {
			// The peer's data this ACK covers never passed here.
			c.ackUnseen++
			t.stats.ackUnseen++
			c.note(evAckUnseen, p.Ref)
			t.addGap(c, 1-side, r.nxt, a, p.Ref)
			r.nxt = a
		}
		if seglen == 0 && tc.Window != 0 && !syn && !fin && !rst && hadNxt && seq == nxt0 &&
			d.f&hWin != 0 && tc.Window == d.win && d.f&hAck != 0 && a == d.ack && r.f&hKA == 0 {
			dupNow = true
			d.dupRun++
			c.dup[side]++
			c.dupRunMax = max(c.dupRunMax, d.dupRun)
			c.note(evDup, p.Ref)
		}
		if d.f&hAck == 0 || seqGT(a, d.ackMax) {
			d.ackMax = a
			// What of the peer's recent segments this acknowledges.
			for i := range r.ringLen {
				if r.ringLen[i] != 0 && seqLE(r.ringEnd[i], a) {
					r.maxAckedLen = max(r.maxAckedLen, r.ringLen[i])
					r.ringLen[i] = 0
				}
			}
		}
		if !dupNow && a != d.ack {
			// A run of duplicate ACKs ends when the ACK number moves
			// (as in Wireshark: data segments in between do not end it).
			d.dupRun = 0
		}
		if !syn && !rst && len(tc.Options) > 0 && isDSACK(tc.Options, a) {
			c.dsack[side]++
			t.stats.dsack++
			c.note(evDSACK, p.Ref)
		}
		d.ack, d.ackTime = a, now
		d.f |= hAck
	}
	d.win = tc.Window
	d.f |= hWin
	if syn {
		d.f |= hWinSyn
	} else {
		d.f &^= hWinSyn
	}

	if fin {
		d.f |= hFin
		c.noteClose(side, false)
	}
	if rst {
		t.stats.rst++
		t.reset(c, side, d, r, p)
	}
	d.pkts++
	d.bytes += int64(seglen)
}

// isDSACK reports whether an ACK's SACK option reports data received
// twice (RFC 2883 D-SACK): its first block starts below the cumulative
// ACK, or lies inside the second block (as Linux's tcp_check_dsack).
func isDSACK(opts []layers.TCPOption, ack uint32) bool {
	for i := range opts {
		o := &opts[i]
		if o.OptionType != layers.TCPOptionKindSACK || len(o.OptionData) < 8 {
			continue
		}
		b := o.OptionData
		l1, r1 := binary.BigEndian.Uint32(b[0:4]), binary.BigEndian.Uint32(b[4:8])
		if !seqLT(l1, r1) {
			return false // a malformed block
		}
		if seqLT(l1, ack) {
			return true
		}
		if len(b) >= 16 {
			l2, r2 := binary.BigEndian.Uint32(b[8:12]), binary.BigEndian.Uint32(b[12:16])
			return seqLE(l2, l1) && seqLE(r1, r2)
		}
		return false
	}
	return false
}

// handshake handles a SYN or SYN/ACK from side.
func (t *tcpTracker) handshake(c *tcpConn, side int, d, r *tcpHalf, p *Packet) {
	tc := &p.TCP
	now := p.Time
	if d.f&hSyn != 0 {
		if tc.Seq != d.isn {
			return // a SYN/ACK with another ISN: ignore
		}
		// A retry of the same SYN.
		d.synN++
		t.stats.synRetx++
		if tc.ACK {
			// Counted as a retransmission; no T in the history (Zeek's
			// T is for data).
			c.retx[side]++
			c.note(evRetx, p.Ref)
			c.synAckN++
			c.synAckLast = now
		} else if side == 0 {
			if c.synAckN > 0 {
				c.synAfterSA++
			}
			if n := int(d.synN) - 2; n >= 0 && n < len(c.synOff) {
				c.synOff[n] = uint32(min((now-c.synFirst)/1000, 0xffffffff))
			}
			if c.synAckN == 0 {
				c.synLast = now
			}
		}
		return
	}
	d.isn = tc.Seq
	d.f |= hSyn
	d.synN = 1
	for _, o := range tc.Options {
		if o.OptionType == layers.TCPOptionKindWindowScale && len(o.OptionData) == 1 {
			d.scale = int8(min(o.OptionData[0], 14))
		}
	}
	if !tc.ACK {
		if side == 0 {
			c.synFirst, c.synLast = now, now
		}
		return
	}
	c.synAckN++
	c.synAckFirst, c.synAckLast = now, now
	if r.f&hSyn != 0 {
		if c.synLast != 0 && side == 1 {
			c.rtt = now - c.synLast
		}
		if tc.Ack != r.isn+1 {
			ev := c.evidence()
			if c.ev.nfr[evBadAck] == 0 {
				ev.badAckGot = tc.Ack
				if f := t.e.flow(int(c.flow)); len(f.Frames) > 0 && f.Frames[0] != p.Ref {
					c.note(evBadAck, f.Frames[0])
				}
				c.note(evBadAck, p.Ref)
			}
		}
	}
}

// classify names a segment that does not advance the sequence space:
// fast retransmission, out-of-order, spurious or plain retransmission.
func (t *tcpTracker) classify(c *tcpConn, side int, d, r *tcpHalf, p *Packet, seq, end uint32, seglen int) {
	now := p.Time
	var filled bool
	var hole FrameRef
	if c.ev != nil && c.ev.ngaps[side] > 0 {
		filled, hole = t.fillGaps(c, side, seq, end)
	}
	thr := c.oooThr()
	kind := "retx"
	switch {
	case r.dupRun >= 2 && r.f&hAck != 0 && r.ack == seq && now-r.ackTime < tcpFastRetxNs:
		c.evidence().fast++
		t.stats.fast++
		kind = "fast"
	case filled && now-d.nxtTime < thr:
		// Reordering: the hole it fills was no loss.
		ev := c.ev
		ev.holes[side]--
		ev.holeBytes[side] -= int64(end - seq)
		fr := ev.fr[evLost][:ev.nfr[evLost]]
		if i := slices.Index(fr, hole); i >= 0 {
			copy(fr[i:], fr[i+1:])
			ev.nfr[evLost]--
		}
		c.ooo++
		t.stats.ooo++
		c.note(evOOO, p.Ref)
		if tcpTrace != nil {
			tcpTrace(p.Ref.Index, "ooo", filled, now-d.nxtTime, thr)
		}
		return
	case seglen > 0 && r.f&hAck != 0 && seqLE(end, r.ack):
		c.evidence().spurious++
		t.stats.spurious++
		kind = "spur"
	}
	if tcpTrace != nil {
		tcpTrace(p.Ref.Index, kind, filled, now-d.nxtTime, thr)
	}
	if filled {
		c.evidence().gapFill++
		t.stats.gapFill++
	}
	t.stats.retx++
	c.retx[side]++
	c.note(evRetx, p.Ref)
	c.repeatHist(side, 'T', c.retx[side])
	// A full-size segment sent again while not yet acknowledged.
	if seglen >= 1000 && seglen >= int(d.maxSeg) && !(r.f&hAck != 0 && seqLE(end, r.ack)) {
		d.bigRetx++
		ev := c.evidence()
		ev.bigSize = uint16(min(seglen, 0xffff))
		c.note(evPMTU, p.Ref)
	}
}

// addGap records a hole [start, end) in side's sequence space.
func (t *tcpTracker) addGap(c *tcpConn, side int, start, end uint32, ref FrameRef) {
	ev := c.evidence()
	ev.holes[side]++
	ev.holeBytes[side] += int64(end - start)
	c.note(evLost, ref)
	n := ev.ngaps[side]
	g := &ev.gaps[side]
	if n == tcpMaxGaps {
		// Full: the oldest hole counts as never filled.
		ev.lostOver[side]++
		ev.lostBytes[side] += int64(g[0].end - g[0].start)
		copy(g[:], g[1:])
		n--
	}
	g[n] = tcpGap{start: start, end: end, ref: ref}
	ev.ngaps[side] = n + 1
}

// fillGaps removes [seq, end) from side's holes and reports whether it
// covered any (the segment carried data never seen before).
func (t *tcpTracker) fillGaps(c *tcpConn, side int, seq, end uint32) (bool, FrameRef) {
	ev := c.ev
	g := &ev.gaps[side]
	n := int(ev.ngaps[side])
	hit := false
	var ref FrameRef
	for i := 0; i < n; i++ {
		x := &g[i]
		if !seqLT(seq, x.end) || !seqGT(end, x.start) {
			continue
		}
		if !hit {
			ref = x.ref
		}
		hit = true
		switch {
		case seqLE(seq, x.start) && !seqLT(end, x.end):
			copy(g[i:], g[i+1:n])
			n--
			i--
		case seqLE(seq, x.start):
			x.start = end
		case !seqLT(end, x.end):
			x.end = seq
		default:
			// The middle is filled: keep both ends when there is room.
			tail := tcpGap{start: end, end: x.end, ref: x.ref}
			x.end = seq
			if n < tcpMaxGaps {
				g[n] = tail
				n++
			}
		}
	}
	ev.ngaps[side] = uint8(n)
	return hit, ref
}

// oooThr is how soon after the highest segment a segment that fills a
// hole counts as reordered: the handshake's RTT (as Wireshark), else 3 ms.
func (c *tcpConn) oooThr() int64 {
	if c.irtt > 0 {
		return c.irtt
	}
	return tcpOOODefaultNs
}

// reset handles a RST from side.
func (t *tcpTracker) reset(c *tcpConn, side int, d, r *tcpHalf, p *Packet) {
	bothFin := c.h[0].f&c.h[1].f&hFin != 0
	d.f |= hRst
	c.noteClose(side, true)
	if c.rstTime == 0 {
		c.rstTime = p.Time
	}
	established := c.est || (c.h[0].f&hSyn == 0 && c.h[1].f&hSyn == 0 && c.h[0].pkts+c.h[1].pkts > 0)
	if !established || bothFin {
		return
	}
	ev := c.evidence()
	ev.rstN++
	c.note(evReset, p.Ref)
	if ev.rstSide < 0 {
		ev.rstSide = int8(side)
		ev.rstAt = p.Time
		ev.rstBytes = [2]int64{c.h[0].bytes, c.h[1].bytes}
		for s := range 2 {
			if c.h[s].f&hFin != 0 {
				ev.rstFin |= 1 << s
			}
		}
	}
}

// tcpTrace, when set (in tests), sees each classified segment.
var tcpTrace func(frame int, what string, filled bool, sinceNxt, thr int64)
