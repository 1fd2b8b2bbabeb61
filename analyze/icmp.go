package analyze

import (
	"encoding/binary"
	"fmt"
	"net/netip"
	"slices"
	"strings"
)

// The ICMP tracker pairs echo requests with replies (one flow per
// requester/target pair, as Zeek keys ICMP "connections": source port the
// request type, destination port the reply type) and links every error
// (unreachable, fragmentation needed / packet too big, time exceeded,
// redirect, parameter problem) to the flow whose header it quotes, named
// from the router or host that sent it. Errors of one sender, type, code
// and quoted flow are folded into one event.

const (
	icmpEchoWindow = 32      // outstanding echo requests remembered per pair
	icmpMaxErrors  = 1 << 14 // distinct error events kept
	icmpLate       = int64(1e9)
)

type icmpReq struct {
	id, seq uint16
	t       int64
	ref     FrameRef
}

// echoLive is the state of one requester→target echo flow.
type echoLive struct {
	idx                    int32
	v6                     bool
	last                   int64
	out                    []icmpReq
	sent                   [2]bool
	requests, replies      int
	rttFirst               int64
	rttMin, rttMax, rttSum int64
	rttN                   int
	unanswered             int
	unFrames               Frames
	unID                   uint16
	unIDs                  bool // unanswered requests of several ids
	unSeqLo, unSeqHi       uint16
	errored, late, stray   int
}

type icmpErrKey struct {
	from      netip.Addr
	typ, code uint8
	v6        bool
	proto     uint8
	k         FlowKey
}

// icmpErr is one folded error event, kept until the end to word its
// deviation with the final count.
type icmpErr struct {
	ev        int
	v6        bool
	from      netip.Addr
	typ, code uint8
	q         icmpQuoted
	mtu       int
	word      uint32
	n         int
	first     int64
	frames    Frames
	flow      int
}

type icmpTracker struct {
	e        *Engine
	echo     map[FlowKey]*echoLive
	errs     map[icmpErrKey]*icmpErr
	errOrder []*icmpErr
	idle     aiIdleQueue[FlowKey]
}

func newICMPTracker(e *Engine) *icmpTracker {
	t := &icmpTracker{e: e, echo: map[FlowKey]*echoLive{}, errs: map[icmpErrKey]*icmpErr{}}
	if e.arp != nil {
		e.arp.icmp = t
	}
	return t
}

func (t *icmpTracker) packet(p *Packet) {
	timeout := aiIdle(t.e)
	t.idle.expire(p.Time, timeout, t.lastActive, t.endKey)
	b := p.Transport
	if len(b) < 8 || !(p.HasICMP4 || p.HasICMP6) {
		return
	}
	typ, code := b[0], b[1]
	if p.HasICMP4 {
		switch typ {
		case 8:
			t.echoRequest(p, false, b, timeout)
		case 0:
			t.echoReply(p, false, b, timeout)
		case 3, 4, 5, 11, 12:
			t.error(p, false, typ, code, b, b[8:])
		}
		return
	}
	switch typ {
	case 128:
		t.echoRequest(p, true, b, timeout)
	case 129:
		t.echoReply(p, true, b, timeout)
	case 1, 2, 3, 4:
		t.error(p, true, typ, code, b, b[8:])
	case 137:
		// Redirect: reserved, target, destination, then options; the
		// redirected header option (type 4) quotes the packet.
		var quoted []byte
		for off := 40; off+2 <= len(b); {
			ol := int(b[off+1]) * 8
			if ol == 0 || off+ol > len(b) {
				break
			}
			if b[off] == 4 && ol > 8 {
				quoted = b[off+8 : off+ol]
			}
			off += ol
		}
		t.error(p, true, typ, code, b, quoted)
	}
}

func echoTypes(v6 bool) (req, rep uint16) {
	if v6 {
		return 128, 129
	}
	return 8, 0
}

// echoFlow returns the live echo flow for requester→target k, ending it
// first when it has been idle too long.
func (t *icmpTracker) echoFlow(p *Packet, k FlowKey, v6, flipped bool, timeout int64) *echoLive {
	l := t.echo[k]
	if l != nil && p.Time-l.last > timeout {
		t.end(k, l, false)
		l = nil
	}
	if l != nil {
		return l
	}
	if t.e.cfg.MaxFlows > 0 && len(t.echo) >= t.e.cfg.MaxFlows {
		t.e.a.FlowsDropped++
		return nil
	}
	f := Flow{Proto: "icmp", Src: k.Src, Sport: k.Sport, Dst: k.Dst, Dport: k.Dport, Start: p.Time}
	if v6 {
		f.Proto = "icmp6"
	}
	if flipped {
		f.History = "^"
	}
	f.Frames = make(Frames, 0, 4)
	l = &echoLive{idx: int32(t.e.newFlow(f)), v6: v6}
	t.echo[k] = l
	t.idle.push(k, l.idx, p.Time)
	return l
}

// count adds the packet to the flow summary in direction dir.
func (t *icmpTracker) count(p *Packet, l *echoLive, dir int) {
	f := t.e.flow(int(l.idx))
	n := int64(p.TransportLen - 8)
	if p.TransportLen < 8 {
		n = int64(len(p.Transport) - 8)
	}
	f.count(dir, n, p, &l.sent)
	l.last = p.Time
}

func (t *icmpTracker) echoRequest(p *Packet, v6 bool, b []byte, timeout int64) {
	req, rep := echoTypes(v6)
	k := FlowKey{Src: p.Src, Dst: p.Dst, Sport: req, Dport: rep}
	l := t.echoFlow(p, k, v6, false, timeout)
	if l == nil {
		return
	}
	t.count(p, l, 0)
	l.requests++
	if len(l.out) >= icmpEchoWindow {
		t.unanswered(l, l.out[0])
		l.out = append(l.out[:0], l.out[1:]...)
	}
	l.out = append(l.out, icmpReq{id: binary.BigEndian.Uint16(b[4:]), seq: binary.BigEndian.Uint16(b[6:]), t: p.Time, ref: p.Ref})
}

func (t *icmpTracker) echoReply(p *Packet, v6 bool, b []byte, timeout int64) {
	req, rep := echoTypes(v6)
	k := FlowKey{Src: p.Dst, Dst: p.Src, Sport: req, Dport: rep}
	_, seen := t.echo[k]
	l := t.echoFlow(p, k, v6, !seen, timeout)
	if l == nil {
		return
	}
	t.count(p, l, 1)
	l.replies++
	id, seq := binary.BigEndian.Uint16(b[4:]), binary.BigEndian.Uint16(b[6:])
	i := l.find(id, seq)
	if i < 0 {
		l.stray++ // a duplicate, or its request was not captured
		return
	}
	rtt := p.Time - l.out[i].t
	l.out = slices.Delete(l.out, i, i+1)
	if l.rttN == 0 {
		l.rttFirst, l.rttMin, l.rttMax = rtt, rtt, rtt
		t.e.flow(int(l.idx)).RTTNs = rtt
	}
	l.rttMin, l.rttMax = min(l.rttMin, rtt), max(l.rttMax, rtt)
	l.rttSum += rtt
	l.rttN++
}

func (l *echoLive) find(id, seq uint16) int {
	for i := range l.out {
		if l.out[i].id == id && l.out[i].seq == seq {
			return i
		}
	}
	return -1
}

func (t *icmpTracker) unanswered(l *echoLive, r icmpReq) {
	if l.unanswered == 0 {
		l.unID, l.unSeqLo, l.unSeqHi = r.id, r.seq, r.seq
	} else {
		l.unIDs = l.unIDs || r.id != l.unID
		l.unSeqLo, l.unSeqHi = min(l.unSeqLo, r.seq), max(l.unSeqHi, r.seq)
	}
	l.unanswered++
	l.unFrames = aiAddFrame(l.unFrames, r.ref)
}

func (t *icmpTracker) lastActive(k FlowKey, idx int32) (int64, bool) {
	if l := t.echo[k]; l != nil && l.idx == idx {
		return l.last, true
	}
	return 0, false
}

func (t *icmpTracker) endKey(k FlowKey) { t.end(k, t.echo[k], false) }

// end finalises an echo flow: requests still outstanding are unanswered,
// unless they were sent in the last second of the capture.
func (t *icmpTracker) end(k FlowKey, l *echoLive, atEnd bool) {
	e := t.e
	delete(t.echo, k)
	for _, r := range l.out {
		if atEnd && e.a.Capture.Last-r.t < icmpLate {
			l.late++
			continue
		}
		t.unanswered(l, r)
	}
	l.out = nil
	f := e.flow(int(l.idx))
	f.State, f.StateText = udpState(l.sent[0], l.sent[1])
	switch f.State {
	case "SF":
		f.StateText = "echo requests answered"
	case "S0":
		f.StateText = "echo requests, no reply seen"
		if l.errored > 0 {
			f.StateText = "echo requests answered only by ICMP errors"
		}
	case "SHR":
		f.StateText = "echo replies only: the requests were not captured"
	}
	f.End = l.last
	ev := ICMPEvent{Proto: f.Proto, From: k.Src, To: k.Dst, Type: uint8(k.Sport), Flow: int(l.idx), Frames: slices.Clone(f.Frames),
		Requests: l.requests, Replies: l.replies}
	ev.Text = fmt.Sprintf("echo: %s, %s", plural(l.requests, "request", "requests"), plural(l.replies, "reply", "replies"))
	if l.rttN > 0 {
		ev.RTTMinNs, ev.RTTMaxNs, ev.RTTAvgNs = l.rttMin, l.rttMax, l.rttSum/int64(l.rttN)
		ev.Text += fmt.Sprintf(", rtt min/avg/max %s/%s/%s", aiDur(ev.RTTMinNs), aiDur(ev.RTTAvgNs), aiDur(ev.RTTMaxNs))
	}
	if l.errored > 0 {
		ev.Text += fmt.Sprintf(", %d answered by an ICMP error", l.errored)
	}
	if l.unanswered > 0 {
		ev.Text += fmt.Sprintf(", %d unanswered", l.unanswered)
	}
	e.a.ICMP = append(e.a.ICMP, ev)
	if l.unanswered == 0 {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s sent %s to %s and %s got no reply", k.Src, plural(l.requests, "echo request", "echo requests"), k.Dst, icmpHowMany(l.unanswered, l.requests))
	if l.unIDs {
		fmt.Fprintf(&b, " (seq %d to %d)", l.unSeqLo, l.unSeqHi)
	} else if l.unSeqLo == l.unSeqHi {
		fmt.Fprintf(&b, " (id %d, seq %d)", l.unID, l.unSeqLo)
	} else {
		fmt.Fprintf(&b, " (id %d, seq %d to %d)", l.unID, l.unSeqLo, l.unSeqHi)
	}
	if l.rttN > 0 {
		fmt.Fprintf(&b, "; %d were answered (rtt %s to %s)", l.rttN, aiDur(l.rttMin), aiDur(l.rttMax))
	}
	if l.errored > 0 {
		fmt.Fprintf(&b, "; %s got an ICMP error instead", icmpHowMany(l.errored, l.requests))
	}
	if l.late > 0 {
		fmt.Fprintf(&b, "; %d more came too close to the end of the capture to judge", l.late)
	}
	e.deviate("icmp-echo-unanswered", int(l.idx), l.unFrames, b.String())
}

func icmpHowMany(n, of int) string {
	switch {
	case of == 1:
		return "it"
	case n == of && of == 2:
		return "both"
	case n == of:
		return fmt.Sprintf("all %d", n)
	}
	return fmt.Sprint(n)
}

func (t *icmpTracker) finish() {
	live := t.idle.drain(t.lastActive)
	slices.SortFunc(live, func(a, b aiQueued[FlowKey]) int { return int(a.idx - b.idx) })
	for _, x := range live {
		t.end(x.k, t.echo[x.k], true)
	}
	for _, x := range t.errOrder {
		if id := icmpKind(x.v6, x.typ, x.code); id != "" {
			t.e.deviate(id, x.flow, x.frames, t.message(x))
		}
	}
	slices.SortStableFunc(t.e.a.ICMP, func(a, b ICMPEvent) int {
		return cmpInt64(int64(icmpFirst(a.Frames)), int64(icmpFirst(b.Frames)))
	})
	// The TCP, UDP and echo flows are all summarised now: the Ethernet
	// tracker can tell which frames to unknown MACs went unanswered.
	if t.e.arp != nil && t.e.arp.ether != nil {
		t.e.arp.ether.decide()
	}
}

func icmpFirst(f Frames) int {
	if len(f) == 0 {
		return 1 << 62
	}
	return f[0].Index
}

// icmpKind is the deviation an ICMP error raises, or "".
func icmpKind(v6 bool, typ, code uint8) string {
	if !v6 {
		switch {
		case typ == 3 && code == 4:
			return "icmp-frag-needed"
		case typ == 3:
			return "icmp-unreachable"
		case typ == 11:
			return "icmp-time-exceeded"
		case typ == 5:
			return "icmp-redirect"
		case typ == 12:
			return "icmp-param-problem"
		}
		return ""
	}
	switch typ {
	case 1:
		return "icmp-unreachable"
	case 2:
		return "icmp-frag-needed"
	case 3:
		return "icmp-time-exceeded"
	case 4:
		return "icmp-param-problem"
	case 137:
		return "icmp-redirect"
	}
	return ""
}

// error records an ICMP error (or redirect) and links it to the flow it
// quotes.
func (t *icmpTracker) error(p *Packet, v6 bool, typ, code uint8, b, quoted []byte) {
	q := icmpParseQuoted(quoted)
	word := binary.BigEndian.Uint32(b[4:8])
	mtu := 0
	switch {
	case !v6 && typ == 3 && code == 4:
		mtu = int(binary.BigEndian.Uint16(b[6:8]))
	case v6 && typ == 2:
		mtu = int(word)
	case v6 && typ == 137 && len(b) >= 40:
		// The target (the better first hop) stands in for the gateway.
		word = 0
		q.gateway = netip.AddrFrom16([16]byte(b[8:24]))
		if !q.ok {
			q.dst = netip.AddrFrom16([16]byte(b[24:40]))
		}
	}
	if !v6 && typ == 5 {
		q.gateway = netip.AddrFrom4([4]byte(b[4:8]))
	}
	flow := -1
	var cause FrameRef
	haveCause := false
	if q.ok {
		k := q.key()
		switch {
		case q.echo:
			if l := t.echo[k]; l != nil {
				flow = int(l.idx)
				if i := l.find(q.id, q.seq); i >= 0 {
					cause, haveCause = l.out[i].ref, true
					l.out = slices.Delete(l.out, i, i+1)
					l.errored++
				}
			}
		case q.ports && q.proto == 6:
			flow = t.e.tcp.flowFor(k)
			if id := icmpKind(v6, typ, code); flow >= 0 && id != "" && id != "icmp-redirect" {
				// An error answering the connection (not a redirect):
				// its unanswered SYN can say so.
				t.e.tcp.icmpError(k, p.Src, v6, typ, code, p.Ref)
			}
		case q.ports && q.proto == 17:
			flow = t.e.udp.flowFor(k)
			cause, haveCause = t.e.udp.lastFrame(k)
		}
	}
	ek := icmpErrKey{from: p.Src, typ: typ, code: code, v6: v6, proto: q.proto, k: q.key()}
	x := t.errs[ek]
	if x == nil {
		if len(t.errs) >= icmpMaxErrors {
			return
		}
		x = &icmpErr{v6: v6, from: p.Src, typ: typ, code: code, q: q, mtu: mtu, word: word, first: p.Time, flow: flow, ev: len(t.e.a.ICMP)}
		if haveCause {
			x.frames = append(x.frames, cause)
		}
		t.errs[ek] = x
		t.errOrder = append(t.errOrder, x)
		ev := ICMPEvent{Proto: "icmp", From: p.Src, To: p.Dst, Type: typ, Code: code, Text: icmpTextMTU(v6, typ, code, mtu), Flow: flow, MTU: mtu}
		if v6 {
			ev.Proto = "icmp6"
		}
		if q.ok {
			ev.Quoted = q.String()
		}
		t.e.a.ICMP = append(t.e.a.ICMP, ev)
	}
	x.n++
	x.frames = aiAddFrame(x.frames, p.Ref)
	ev := &t.e.a.ICMP[x.ev]
	ev.Count = x.n
	ev.Frames = aiAddFrame(ev.Frames, p.Ref)
	if ev.Flow < 0 && flow >= 0 {
		ev.Flow, x.flow = flow, flow
	}
}

// icmpQuoted is the packet an ICMP error quotes: its IP header and the
// start of its transport header.
type icmpQuoted struct {
	ok           bool
	v6           bool
	proto        uint8
	src, dst     netip.Addr
	sport, dport uint16
	ports        bool // sport/dport are valid (TCP, UDP, SCTP, ...)
	echo         bool // an echo request; id and seq are valid
	id, seq      uint16
	icmpType     uint8
	length       int
	ttl          uint8
	df           bool
	gateway      netip.Addr // redirects: the better first hop
}

// key is the quoted packet's flow key as the ICMP tracker and the other
// trackers use it.
func (q icmpQuoted) key() FlowKey {
	switch {
	case q.echo:
		req, rep := echoTypes(q.v6)
		return FlowKey{Src: q.src, Dst: q.dst, Sport: req, Dport: rep}
	case q.ports:
		return FlowKey{Src: q.src, Dst: q.dst, Sport: q.sport, Dport: q.dport}
	}
	return FlowKey{Src: q.src, Dst: q.dst}
}

// String gives the quoted packet as "proto src:sport > dst:dport".
func (q icmpQuoted) String() string {
	switch {
	case q.ports:
		return fmt.Sprintf("%s %s > %s", aiProtoName(q.proto), hostPort(q.src, q.sport), hostPort(q.dst, q.dport))
	case q.echo:
		return fmt.Sprintf("%s %s > %s echo request id %d seq %d", aiProtoName(q.proto), q.src, q.dst, q.id, q.seq)
	}
	return fmt.Sprintf("%s %s > %s", aiProtoName(q.proto), q.src, q.dst)
}

// icmpParseQuoted takes apart a quoted IPv4 or IPv6 header and the first
// bytes of its transport header, checking every bound.
func icmpParseQuoted(b []byte) icmpQuoted {
	var q icmpQuoted
	if len(b) < 1 {
		return q
	}
	var l4 []byte
	later := false
	switch b[0] >> 4 {
	case 4:
		if len(b) < 20 {
			return q
		}
		ihl := int(b[0]&0x0f) * 4
		if ihl < 20 || len(b) < ihl {
			return q
		}
		q.proto = b[9]
		q.src = netip.AddrFrom4([4]byte(b[12:16]))
		q.dst = netip.AddrFrom4([4]byte(b[16:20]))
		q.length = int(binary.BigEndian.Uint16(b[2:4]))
		q.ttl = b[8]
		q.df = b[6]&0x40 != 0
		later = binary.BigEndian.Uint16(b[6:8])&0x1fff != 0
		l4 = b[ihl:]
	case 6:
		if len(b) < 40 {
			return q
		}
		q.v6 = true
		q.src = netip.AddrFrom16([16]byte(b[8:24]))
		q.dst = netip.AddrFrom16([16]byte(b[24:40]))
		q.length = 40 + int(binary.BigEndian.Uint16(b[4:6]))
		q.ttl = b[7]
		nh, off := b[6], 40
	ext:
		for range 8 {
			switch nh {
			case 0, 43, 60: // hop-by-hop, routing, destination options
				if off+2 > len(b) {
					nh, off = 59, len(b)
					break ext
				}
				nh, off = b[off], off+(int(b[off+1])+1)*8
			case 51: // authentication header
				if off+2 > len(b) {
					nh, off = 59, len(b)
					break ext
				}
				nh, off = b[off], off+(int(b[off+1])+2)*4
			case 44: // fragment
				if off+8 > len(b) {
					nh, off = 59, len(b)
					break ext
				}
				later = binary.BigEndian.Uint16(b[off+2:off+4])>>3 != 0
				nh, off = b[off], off+8
			default:
				break ext
			}
		}
		q.proto = nh
		if off <= len(b) {
			l4 = b[off:]
		}
	default:
		return q
	}
	q.ok = true
	if later {
		return q
	}
	switch q.proto {
	case 6, 17, 132, 33, 136:
		if len(l4) >= 4 {
			q.sport, q.dport, q.ports = binary.BigEndian.Uint16(l4[0:2]), binary.BigEndian.Uint16(l4[2:4]), true
		}
	case 1, 58:
		if len(l4) >= 8 {
			q.icmpType = l4[0]
			if (q.proto == 1 && l4[0] == 8) || (q.proto == 58 && l4[0] == 128) {
				q.echo, q.id, q.seq = true, binary.BigEndian.Uint16(l4[4:6]), binary.BigEndian.Uint16(l4[6:8])
			}
		}
	}
	return q
}

// icmpText names an ICMP error in a few words.
func icmpText(v6 bool, typ, code uint8) string {
	return icmpTextMTU(v6, typ, code, 0)
}

var icmp4Unreach = [...]string{"net unreachable", "host unreachable", "protocol unreachable", "port unreachable",
	"fragmentation needed", "source route failed", "destination net unknown", "destination host unknown",
	"source host isolated", "net administratively prohibited", "host administratively prohibited",
	"net unreachable for TOS", "host unreachable for TOS", "communication administratively prohibited",
	"host precedence violation", "precedence cutoff"}

var icmp6Unreach = [...]string{"no route to destination", "communication administratively prohibited",
	"beyond scope of source address", "address unreachable", "port unreachable",
	"source address failed ingress/egress policy", "reject route to destination", "error in source routing header"}

func icmpTextMTU(v6 bool, typ, code uint8, mtu int) string {
	withMTU := func(s string) string {
		if mtu > 0 {
			return fmt.Sprintf("%s (mtu %d)", s, mtu)
		}
		return s
	}
	if !v6 {
		switch typ {
		case 3:
			if int(code) < len(icmp4Unreach) {
				if code == 4 {
					return withMTU(icmp4Unreach[code])
				}
				return icmp4Unreach[code]
			}
			return fmt.Sprintf("unreachable code %d", code)
		case 4:
			return "source quench"
		case 5:
			return [...]string{"redirect for net", "redirect for host", "redirect for TOS and net", "redirect for TOS and host", "redirect"}[min(code, 4)]
		case 11:
			if code == 1 {
				return "fragment reassembly time exceeded"
			}
			return "time exceeded in transit"
		case 12:
			return "parameter problem"
		}
		return fmt.Sprintf("type %d code %d", typ, code)
	}
	switch typ {
	case 1:
		if int(code) < len(icmp6Unreach) {
			return icmp6Unreach[code]
		}
		return fmt.Sprintf("unreachable code %d", code)
	case 2:
		return withMTU("packet too big")
	case 3:
		if code == 1 {
			return "fragment reassembly time exceeded"
		}
		return "hop limit exceeded in transit"
	case 4:
		return [...]string{"parameter problem: erroneous header field", "parameter problem: unrecognized next header",
			"parameter problem: unrecognized option", "parameter problem"}[min(code, 3)]
	case 137:
		return "redirect"
	}
	return fmt.Sprintf("type %d code %d", typ, code)
}

// message words an error event for its deviation.
func (t *icmpTracker) message(x *icmpErr) string {
	q := x.q
	who := x.from.String()
	if q.ok && x.from == q.dst {
		who += " (the destination itself)"
	}
	var what string
	dst, host, proto := q.dst.String(), "host "+q.dst.String(), "the packet's protocol"
	if !q.dst.IsValid() {
		dst, host = "the destination", "the destination host"
	}
	if q.ok {
		proto = "protocol " + strings.TrimPrefix(aiProtoName(q.proto), "proto ")
	}
	closed := func() string {
		// Only the destination itself knows whether a port is open; a
		// port unreachable from anyone else is a firewall's reject.
		why := "(nothing listens there)"
		if q.ok && x.from != q.dst {
			why = "(sent by " + x.from.String() + ", not by the destination: a firewall rejecting the traffic as if the port were closed)"
		}
		if q.ports {
			return fmt.Sprintf("port %d/%s is closed on %s %s", q.dport, aiProtoName(q.proto), dst, why)
		}
		return fmt.Sprintf("the port the packet went to is closed on %s %s", dst, why)
	}
	if !x.v6 {
		switch x.typ {
		case 3:
			switch x.code {
			case 0, 6:
				what = fmt.Sprintf("the network of %s is unreachable (%s has no route to it)", dst, x.from)
			case 1, 7:
				what = fmt.Sprintf("%s is unreachable (no ARP answer for it on the last hop, or no route)", host)
			case 2:
				what = fmt.Sprintf("%s does not speak %s", dst, proto)
			case 3:
				what = closed()
			case 4:
				what = t.tooBig(x, "does not fit the next hop's MTU", "and has DF set (fragmentation needed)")
			case 9, 10, 13:
				what = fmt.Sprintf("traffic to %s is administratively prohibited (a firewall or ACL rejects it, code %d)", dst, x.code)
			default:
				what = fmt.Sprintf("%s: %s", dst, icmpText(false, x.typ, x.code))
			}
		case 5:
			what = fmt.Sprintf("the sender should use %s as gateway to reach %s (%s)", q.gateway, dst, icmpText(false, x.typ, x.code))
		case 11:
			if x.code == 1 {
				what = "reassembling the fragments timed out (fragments were lost)"
			} else {
				what = "the TTL ran out in transit"
			}
		case 12:
			what = fmt.Sprintf("a header field is wrong (parameter problem, pointer at byte %d of the quoted packet)", x.word>>24)
		}
	} else {
		switch x.typ {
		case 1:
			switch x.code {
			case 0:
				what = fmt.Sprintf("there is no route to %s", dst)
			case 1:
				what = fmt.Sprintf("traffic to %s is administratively prohibited (a firewall or ACL rejects it)", dst)
			case 5, 6:
				what = fmt.Sprintf("traffic to %s is rejected (%s)", dst, icmpText(true, x.typ, x.code))
			case 3:
				what = fmt.Sprintf("address %s is unreachable (no neighbour answer for it on the last hop)", dst)
			case 4:
				what = closed()
			default:
				what = fmt.Sprintf("%s: %s", dst, icmpText(true, x.typ, x.code))
			}
		case 2:
			what = t.tooBig(x, "is too big for the next hop's MTU", "(packet too big)")
		case 3:
			if x.code == 1 {
				what = "reassembling the fragments timed out (fragments were lost)"
			} else {
				what = "the hop limit ran out in transit"
			}
		case 4:
			what = fmt.Sprintf("a header field is wrong (%s, pointer at byte %d of the quoted packet)", icmpText(true, x.typ, x.code), x.word)
		case 137:
			what = fmt.Sprintf("the sender should use %s as first hop to reach %s", q.gateway, dst)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s says %s for %s", who, what, icmpSubject(q, x.n))
	if x.n > 1 {
		fmt.Fprintf(&b, " (%s, first %s into the capture)", aiTimes(x.n), aiDur(x.first-t.e.a.Capture.First))
	}
	return b.String()
}

func (t *icmpTracker) tooBig(x *icmpErr, fit, tail string) string {
	size := "a packet"
	if x.q.ok && x.q.length > 0 {
		size = fmt.Sprintf("the %d-byte packet", x.q.length)
	}
	if x.mtu == 0 {
		return fmt.Sprintf("%s %s %s; it did not give the MTU", size, fit, tail)
	}
	return fmt.Sprintf("%s %s of %d %s", size, fit, x.mtu, tail)
}

// icmpSubject names the quoted flow in words.
func icmpSubject(q icmpQuoted, n int) string {
	if !q.ok {
		return "a packet it does not quote"
	}
	switch {
	case q.ports && q.proto == 6:
		return fmt.Sprintf("the TCP connection %s → %s", hostPort(q.src, q.sport), hostPort(q.dst, q.dport))
	case q.ports && q.proto == 17:
		return fmt.Sprintf("the UDP flow %s → %s", hostPort(q.src, q.sport), hostPort(q.dst, q.dport))
	case q.ports:
		return fmt.Sprintf("the %s flow %s → %s", strings.ToUpper(aiProtoName(q.proto)), hostPort(q.src, q.sport), hostPort(q.dst, q.dport))
	case q.echo && n > 1:
		return fmt.Sprintf("pings %s → %s", q.src, q.dst)
	case q.echo:
		return fmt.Sprintf("the ping %s → %s (id %d, seq %d)", q.src, q.dst, q.id, q.seq)
	}
	return fmt.Sprintf("a %s packet %s → %s", aiProtoName(q.proto), q.src, q.dst)
}
