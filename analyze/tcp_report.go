package analyze

import (
	"fmt"
	"slices"
	"strings"
)

// Why a connection was finalised.
const (
	tcpEndCapture = iota
	tcpEndIdle
	tcpEndClosed
	tcpEndSuperseded
)

// tcpStateText says Zeek's conn_state in words.
var tcpStateText = map[string]string{
	"S0":     "connection attempt seen, no reply",
	"S1":     "established, not terminated",
	"SF":     "normal establishment and termination",
	"REJ":    "connection attempt rejected",
	"S2":     "established, the originator closed, no reply from the responder",
	"S3":     "established, the responder closed, no reply from the originator",
	"RSTO":   "established, the originator aborted with RST",
	"RSTR":   "established, the responder aborted with RST",
	"RSTOS0": "the originator sent SYN then RST, no SYN/ACK from the responder",
	"RSTRH":  "the responder sent SYN/ACK then RST, no SYN from the originator seen",
	"SH":     "the originator sent SYN then FIN, no SYN/ACK from the responder (half open)",
	"SHR":    "the responder sent SYN/ACK then FIN, no SYN from the originator seen",
	"OTH":    "no SYN seen, just midstream traffic",
}

// zeekConnState is Zeek's conn_state function (base/protocols/conn).
func (c *tcpConn) zeekConnState() string {
	os, rs := c.h[0].state, c.h[1].state
	oInactive := os == epInactive || os == epPartial
	rInactive := rs == epInactive || rs == epPartial
	switch {
	case rs == epReset:
		switch {
		case os == epSynSent || os == epSynAckSent || (os == epReset && c.h[0].bytes == 0 && c.h[1].bytes == 0):
			return "REJ"
		case oInactive:
			return "RSTRH"
		}
		return "RSTR"
	case os == epReset:
		if rInactive && c.histSeen[0]&1 != 0 && (c.histSeen[0]|c.histSeen[1])&2 == 0 {
			return "RSTOS0"
		}
		return "RSTO"
	case rs == epClosed && os == epClosed:
		return "SF"
	case os == epClosed:
		if rInactive {
			return "SH"
		}
		return "S2"
	case rs == epClosed:
		if oInactive {
			return "SHR"
		}
		return "S3"
	case os == epSynSent && rs == epInactive:
		return "S0"
	case os == epEstablished && rs == epEstablished:
		return "S1"
	}
	return "OTH"
}

// tcpDur prints a duration for engineers: 42 µs, 0.1 ms, 12 ms, 1.0 s.
func tcpDur(ns int64) string {
	switch {
	case ns == 0:
		return "0"
	case ns < 100e3:
		return fmt.Sprintf("%d µs", (ns+500)/1000)
	case ns < 10e6:
		return fmt.Sprintf("%.1f ms", float64(ns)/1e6)
	case ns < 1e9:
		return fmt.Sprintf("%.0f ms", float64(ns)/1e6)
	case ns < 100e9:
		return fmt.Sprintf("%.1f s", float64(ns)/1e9)
	}
	return fmt.Sprintf("%.0f s", float64(ns)/1e9)
}

// tcpNames gives each side's address and role for messages.
type tcpNames struct {
	ep    [2]string // "192.0.2.10:42214"
	role  [2]string // "client", "server" or "" when no handshake was seen
	who   [2]string // "the client 192.0.2.10:42214"
	short [2]string // "the client" or the address
}

func (c *tcpConn) names() tcpNames {
	var n tcpNames
	a, pa, b, pb := c.key.a, c.key.pa, c.key.b, c.key.pb
	if !c.origIsA {
		a, pa, b, pb = b, pb, a, pa
	}
	n.ep[0] = hostPort(a, pa)
	n.ep[1] = hostPort(b, pb)
	if c.h[0].f&hSyn != 0 || c.h[1].f&hSyn != 0 || c.flipped {
		n.role = [2]string{"client", "server"}
	}
	for s := range 2 {
		if n.role[s] != "" {
			n.who[s] = "the " + n.role[s] + " " + n.ep[s]
			n.short[s] = "the " + n.role[s]
		} else {
			n.who[s], n.short[s] = n.ep[s], n.ep[s]
		}
	}
	return n
}

// synTimes lists the originator's SYN times: "0, 1.0 s, 3.0 s".
func (c *tcpConn) synTimes() string {
	n := int(c.h[0].synN)
	parts := []string{"0"}
	for i := 0; i < n-1 && i < len(c.synOff); i++ {
		parts = append(parts, tcpDur(int64(c.synOff[i])*1000))
	}
	if n-1 > len(c.synOff) {
		parts = append(parts, "...")
	}
	return strings.Join(parts, ", ")
}

// dev records a deviation that happened n times on one flow.
func (t *tcpTracker) dev(id string, flow int32, frames []FrameRef, n int, msg string) {
	fr := make(Frames, len(frames))
	copy(fr, frames)
	t.e.deviateCount(id, int(flow), fr, msg, max(n, 1))
}

func (c *tcpConn) frames(kind int) []FrameRef {
	if c.ev == nil {
		return nil
	}
	return c.ev.fr[kind][:c.ev.nfr[kind]]
}

// finalize writes the connection's summary into its Flow and emits its
// deviations.
func (t *tcpTracker) finalize(ci int32, why int) {
	c := t.conns.at(ci)
	if c.final {
		return
	}
	c.final = true
	o, r := &c.h[0], &c.h[1]
	state := c.zeekConnState()
	f := t.e.flow(int(c.flow))
	f.State, f.StateText = state, tcpStateText[state]
	f.History = string(c.hist[:c.histN])
	f.OrigPackets, f.RespPackets = int32(o.pkts), int32(r.pkts)
	f.Packets = f.OrigPackets + f.RespPackets
	f.OrigBytes, f.RespBytes = o.bytes, r.bytes
	f.Bytes = o.bytes + r.bytes
	f.End = c.last
	f.HandshakeNs, f.RTTNs = c.handshake, c.rtt
	f.Retransmissions = int32(c.retx[0] + c.retx[1])
	f.DupAcks = int32(c.dup[0] + c.dup[1])
	f.OutOfOrder = int32(c.ooo)
	f.ZeroWindows = int32(c.zw[0] + c.zw[1])
	if o.synN > 1 {
		f.SynRetries = int32(o.synN) - 1
	}
	f.ClosedBy = c.closedBy(state, why)
	flowFrames := f.Frames
	var nm *tcpNames
	names := func() *tcpNames {
		if nm == nil {
			n := c.names()
			nm = &n
		}
		return nm
	}
	flow := c.flow

	// The handshake.
	synSeen := o.f&hSyn != 0 && c.synFirst != 0
	recent := why == tcpEndCapture && t.now-c.synLast < tcpInconclusiveNs && o.synN == 1
	switch {
	case synSeen && r.pkts == 0 && (state == "S0" || state == "SH" || state == "RSTOS0") && !recent:
		msg := fmt.Sprintf("the SYN from %s to %s got no TCP answer: %d SYNs at %s", names().ep[0], names().ep[1], o.synN, c.synTimes())
		if o.synN == 1 {
			msg = fmt.Sprintf("the SYN from %s to %s got no TCP answer, and the client did not send it again (it gave up before its first retransmission)", names().ep[0], names().ep[1])
		}
		frames := flowFrames
		if c.ev != nil && c.ev.icmpN > 0 {
			// An ICMP error answered instead: say who and where.
			ev := c.ev
			who := ev.icmpFrom.String()
			if ev.icmpFrom == f.Dst {
				who += " (the destination itself)"
			}
			msg = fmt.Sprintf("the SYN from %s to %s got no TCP answer; %s answered with ICMP %s instead (frame %d",
				names().ep[0], names().ep[1], who, icmpText(ev.icmpV6, ev.icmpType, ev.icmpCode), ev.icmpRef.Index)
			if ev.icmpN > 1 {
				msg += fmt.Sprintf(", %d ICMP errors in all", ev.icmpN)
			}
			msg += ")"
			if o.synN == 1 {
				msg += ", and the client did not send the SYN again"
			} else {
				msg += fmt.Sprintf("; %d SYNs at %s", o.synN, c.synTimes())
			}
			if len(frames) < 5 && !slices.Contains(frames, ev.icmpRef) {
				frames = append(slices.Clip(frames), ev.icmpRef)
			}
		}
		if other := int64(o.pkts) - int64(o.synN); other > 0 {
			msg += fmt.Sprintf("; the client still sent %s, so the server's answers take a path this capture does not see", plural(int(other), "other packet", "other packets"))
		}
		if state == "RSTOS0" {
			msg += "; the client then gave up with RST"
		}
		t.dev("tcp-syn-unanswered", flow, frames, int(o.synN), msg)
	case synSeen && state == "REJ" && r.f&hRst != 0 && c.synAckN == 0:
		msg := fmt.Sprintf("the SYN from %s to %s was answered with RST by the server after %s: nothing listens on port %d there, or a firewall rejects the connection",
			names().ep[0], names().ep[1], tcpDur(max(c.rstTime-c.synLast, 0)), f.Dport)
		if o.synN > 1 {
			msg += fmt.Sprintf(" (%s were sent, at %s)", plural(int(o.synN), "SYN", "SYNs"), c.synTimes())
		}
		t.dev("tcp-rejected", flow, flowFrames, 1, msg)
	case synSeen && o.synN > 1 && (c.synAckN > 0 || r.f&hRst != 0):
		msg := fmt.Sprintf("the client %s needed %d SYNs to reach %s (sent at %s): the first ones or their answers were lost", names().ep[0], o.synN, names().ep[1], c.synTimes())
		if c.synAckN > 0 {
			msg += fmt.Sprintf("; the SYN/ACK came %s after the first SYN", tcpDur(c.synAckFirst-c.synFirst))
		}
		t.dev("tcp-syn-retried", flow, flowFrames, int(o.synN)-1, msg)
	}
	if synSeen && c.synAckN > 0 && !c.est && o.f&hRst != 0 && o.bytes == 0 {
		t.dev("tcp-synack-unanswered", flow, flowFrames, int(c.synAckN),
			fmt.Sprintf("the server %s answered the SYN from %s with SYN/ACK only after %s, and the client answered that with RST: it had given up on the connection",
				names().ep[1], names().ep[0], tcpDur(c.synAckFirst-c.synFirst)))
	} else if synSeen && c.synAckN > 0 && !c.origReplied &&
		!(why == tcpEndCapture && c.synAckN == 1 && t.now-c.synAckLast < tcpInconclusiveNs) {
		msg := fmt.Sprintf("the server %s answered the SYN from %s with SYN/ACK after %s, but the client never acknowledged it: %s over %s",
			names().ep[1], names().ep[0], tcpDur(c.rtt), plural(int(c.synAckN), "SYN/ACK", "SYN/ACKs"), tcpDur(c.synAckLast-c.synAckFirst))
		if c.synAfterSA > 0 {
			msg += fmt.Sprintf("; the client sent its SYN %s more after the first SYN/ACK, so the SYN/ACKs do not reach it", plural(int(c.synAfterSA), "time", "times"))
		}
		t.dev("tcp-synack-unanswered", flow, flowFrames, int(c.synAckN), msg)
	}
	if c.ev == nil {
		return
	}
	ev := c.ev
	if ev.nfr[evBadAck] > 0 {
		want := o.isn + 1
		t.dev("tcp-handshake-bad-ack", flow, c.frames(evBadAck), 1,
			fmt.Sprintf("the SYN/ACK from %s to %s acknowledges %d, but the SYN's ISN was %d, so it should acknowledge %d (off by %+d)",
				names().ep[1], names().ep[0], ev.badAckGot, o.isn, want, int32(ev.badAckGot-want)))
	}

	// Aborts.
	if ev.rstSide >= 0 {
		s := int(ev.rstSide)
		msg := fmt.Sprintf("%s reset the connection with %s %s after it started", names().who[s], names().ep[1-s], tcpDur(ev.rstAt-c.start))
		if ev.rstBytes[0] == 0 && ev.rstBytes[1] == 0 {
			msg += ", before any data was sent"
		} else {
			msg += fmt.Sprintf(", after %d bytes from %s and %d bytes from %s", ev.rstBytes[0], names().short[0], ev.rstBytes[1], names().short[1])
		}
		switch {
		case ev.rstFin&(1<<s) != 0:
			msg += " after it had sent FIN itself: more data arrived after it closed"
		case ev.rstFin&(1<<(1-s)) != 0:
			msg += fmt.Sprintf(" (%s had already sent FIN: the close was answered with an abort)", names().short[1-s])
		}
		if ev.rstN > 1 {
			msg += fmt.Sprintf("; %d RSTs in all", ev.rstN)
		}
		t.dev("tcp-reset", flow, c.frames(evReset), int(ev.rstN), msg)
	}

	// Retransmissions and out-of-order.
	if n := c.retx[0] + c.retx[1]; n > 0 {
		var parts []string
		for s := range 2 {
			if c.retx[s] > 0 {
				parts = append(parts, fmt.Sprintf("%s retransmitted %s", names().who[s], plural(int(c.retx[s]), "segment", "segments")))
			}
		}
		msg := strings.Join(parts, " and ")
		var kinds []string
		if plain := n - ev.fast - ev.spurious; plain > 0 && (ev.fast > 0 || ev.spurious > 0) {
			kinds = append(kinds, fmt.Sprintf("%d after a timeout", plain))
		}
		if ev.fast > 0 {
			kinds = append(kinds, fmt.Sprintf("%d fast (after duplicate ACKs)", ev.fast))
		}
		if ev.spurious > 0 {
			kinds = append(kinds, fmt.Sprintf("%d spurious (the data had already been acknowledged)", ev.spurious))
		}
		if ev.gapFill > 0 {
			kinds = append(kinds, fmt.Sprintf("%d carried data this capture point had not seen before, so the originals were lost before it", ev.gapFill))
		}
		if len(kinds) > 0 {
			msg += ": " + strings.Join(kinds, "; ")
		}
		t.dev("tcp-retransmission", flow, c.frames(evRetx), int(n), msg)
	}
	if c.ooo > 0 {
		t.dev("tcp-out-of-order", flow, c.frames(evOOO), int(c.ooo),
			fmt.Sprintf("between %s and %s, %s arrived out of order: below the highest sequence number, never seen before, within %s of it",
				names().ep[0], names().ep[1], plural(int(c.ooo), "segment", "segments"), tcpDur(c.oooThr())))
	}

	// Holes in the sequence space at this capture point: filled later by
	// retransmissions (the originals were lost before this point) or
	// never (the capture missed them, or they never arrived).
	lostTotal := 0
	var parts []string
	for s := range 2 {
		n := int(ev.holes[s])
		if n == 0 {
			continue
		}
		open, bytes, acked := int(ev.lostOver[s]), ev.lostBytes[s], 0
		peer := &c.h[1-s]
		for i := 0; i < int(ev.ngaps[s]); i++ {
			g := ev.gaps[s][i]
			open++
			bytes += int64(g.end - g.start)
			if peer.f&hAck != 0 && seqLE(g.end, peer.ackMax) {
				acked++
			}
		}
		lostTotal += n
		p := fmt.Sprintf("%s's data to %s has %s (%d bytes) in its sequence numbers at this capture point", names().who[s], names().ep[1-s],
			plural(int(n), "hole", "holes"), ev.holeBytes[s])
		if filled := n - open; filled > 0 {
			p += fmt.Sprintf("; %d filled later by retransmissions, so the originals were lost before this capture point", filled)
		}
		if open > 0 {
			p += fmt.Sprintf("; %d never filled (%d bytes never seen here)", open, bytes)
			if acked > 0 {
				p += fmt.Sprintf(", of which the receiver acknowledged %d, so the data got there and the capture missed it (capture drops, offload, or a second path)", acked)
			}
		}
		parts = append(parts, p)
	}
	if lostTotal > 0 {
		f = t.e.flow(int(c.flow))
		f.LostSegments = int32(lostTotal)
		t.dev("tcp-lost-segment", flow, c.frames(evLost), lostTotal, strings.Join(parts, "; "))
	}
	if c.ackUnseen > 0 {
		t.dev("tcp-ack-unseen", flow, c.frames(evAckUnseen), int(c.ackUnseen),
			fmt.Sprintf("between %s and %s, %s acknowledged data this capture never saw", names().ep[0], names().ep[1], plural(int(c.ackUnseen), "ACK", "ACKs")))
	}

	// Receiver signals.
	if n := c.dup[0] + c.dup[1]; n > 0 {
		var parts []string
		for s := range 2 {
			if c.dup[s] > 0 {
				parts = append(parts, fmt.Sprintf("%s sent %s to %s", names().who[s], plural(int(c.dup[s]), "duplicate ACK", "duplicate ACKs"), names().ep[1-s]))
			}
		}
		t.dev("tcp-dup-ack", flow, c.frames(evDup), int(n),
			fmt.Sprintf("%s (longest run %d), asking for missing data", strings.Join(parts, " and "), c.dupRunMax))
	}
	if n := c.zw[0] + c.zw[1]; n > 0 || ev.zwp > 0 {
		var parts []string
		for s := range 2 {
			if c.zw[s] > 0 {
				parts = append(parts, fmt.Sprintf("%s advertised a zero window %s: it could not take more data from %s", names().who[s], plural(int(c.zw[s]), "time", "times"), names().ep[1-s]))
			}
		}
		if ev.zwp > 0 {
			parts = append(parts, fmt.Sprintf("%s were sent", plural(int(ev.zwp), "zero-window probe", "zero-window probes")))
		}
		t.dev("tcp-zero-window", flow, c.frames(evZW), int(max(n, 1)), strings.Join(parts, "; "))
	}
	if c.winFull > 0 {
		t.dev("tcp-window-full", flow, c.frames(evWinFull), int(c.winFull),
			fmt.Sprintf("between %s and %s, %s filled the receiver's advertised window and had to wait", names().ep[0], names().ep[1], plural(int(c.winFull), "segment", "segments")))
	}
	if n := c.dsack[0] + c.dsack[1]; n > 0 {
		var parts []string
		for s := range 2 {
			if c.dsack[s] > 0 {
				parts = append(parts, fmt.Sprintf("%s reported %s (D-SACK) that data from %s arrived twice",
					names().who[s], plural(int(c.dsack[s]), "time", "times"), names().ep[1-s]))
			}
		}
		why := "that retransmission was spurious (sent too early) or the path duplicated the segment"
		if n > 1 {
			why = "those retransmissions were spurious (sent too early) or the path duplicated segments"
		}
		t.dev("tcp-dsack", flow, c.frames(evDSACK), int(n), strings.Join(parts, " and ")+": "+why)
	}
	if c.ka > 0 {
		t.dev("tcp-keepalive", flow, c.frames(evKA), int(c.ka),
			fmt.Sprintf("%s between %s and %s", plural(int(c.ka), "keep-alive", "keep-alives"), names().ep[0], names().ep[1]))
	}

	// PMTU black hole: full-size segments retransmitted and never
	// acknowledged while smaller ones are.
	for s := range 2 {
		h, peer := &c.h[s], &c.h[1-s]
		small := max(h.maxAckedLen, peer.maxAckedLen)
		if h.bigRetx >= 2 && h.maxSeg >= 1000 && h.maxAckedLen < h.maxSeg && small > 0 {
			t.dev("tcp-pmtu-blackhole", flow, c.frames(evPMTU), int(h.bigRetx),
				fmt.Sprintf("%s sent full-size segments of %d bytes to %s %s and none was ever acknowledged, while smaller segments (up to %d bytes) were: packets of this size do not pass the path",
					names().who[s], h.maxSeg, names().ep[1-s], plural(int(h.bigRetx), "time again", "times again"), small))
		}
	}
}

// closedBy says who ended the connection and how.
func (c *tcpConn) closedBy(state string, why int) string {
	side := [2]string{"orig", "resp"}
	var parts []string
	for i, v := range c.closeEv {
		if v == 0 {
			break
		}
		how := "FIN"
		if v&2 != 0 {
			how = "RST"
		}
		if i > 0 && how == "FIN" {
			continue // the answering FIN of a normal close
		}
		s := side[v&1] + " " + how
		if i > 0 {
			s = "then " + s
		}
		parts = append(parts, s)
	}
	if len(parts) > 0 {
		return strings.Join(parts, ", ")
	}
	if state == "S0" {
		return "no answer"
	}
	switch why {
	case tcpEndIdle:
		return "idle, no close seen"
	case tcpEndSuperseded:
		return "replaced by a new connection on the same ports"
	}
	return "open at end of capture"
}
