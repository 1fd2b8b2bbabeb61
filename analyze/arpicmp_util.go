package analyze

import (
	"fmt"
	"net"
	"strconv"
)

// Helpers shared by the ARP, Ethernet, UDP and ICMP trackers.

// aiMaxEvidence is how many evidence frames one folded record keeps.
const aiMaxEvidence = 5

// aiAddFrame appends r to f unless f already holds aiMaxEvidence frames.
func aiAddFrame(f Frames, r FrameRef) Frames {
	if len(f) >= aiMaxEvidence {
		return f
	}
	return append(f, r)
}

// aiMAC formats a MAC address as tcpdump prints it.
func aiMAC(m [6]byte) string { return net.HardwareAddr(m[:]).String() }

// aiDur says a duration in the unit an engineer reads it in.
func aiDur(ns int64) string {
	neg := ""
	if ns < 0 {
		neg, ns = "-", -ns
	}
	switch {
	case ns == 0:
		return "0 s"
	case ns < 1e6:
		return neg + strconv.FormatFloat(float64(ns)/1e6, 'f', 3, 64) + " ms"
	case ns < 1e9:
		return neg + strconv.FormatFloat(float64(ns)/1e6, 'f', 1, 64) + " ms"
	}
	return neg + strconv.FormatFloat(float64(ns)/1e9, 'f', 1, 64) + " s"
}

// aiAt says a time relative to a reference: "0" for the reference itself.
func aiAt(ns int64) string {
	if ns == 0 {
		return "0"
	}
	return aiDur(ns)
}

// aiTimes says how many times: "once", "twice", "3 times".
func aiTimes(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return strconv.Itoa(n) + " times"
}

// aiProtoName names an IP protocol number.
func aiProtoName(p uint8) string {
	switch p {
	case 1:
		return "icmp"
	case 6:
		return "tcp"
	case 17:
		return "udp"
	case 58:
		return "icmp6"
	case 132:
		return "sctp"
	}
	return "proto " + strconv.Itoa(int(p))
}

// aiIdle returns the engine's idle timeout, with a default.
func aiIdle(e *Engine) int64 {
	if e.cfg.IdleTimeoutNs > 0 {
		return e.cfg.IdleTimeoutNs
	}
	return DefaultConfig.IdleTimeoutNs
}

// aiSince says when t was, relative to the start of the capture.
func aiSince(e *Engine, t int64) string {
	return fmt.Sprintf("at %s", aiDur(t-e.a.Capture.First))
}

// aiIdleQueue finds idle flows without scanning them all: every live flow
// has an entry (its key, its index and the time it was last known
// active) in a FIFO. The entry at the head is looked at once it is older
// than the timeout: the flow ends if it has been idle that long, or goes
// to the back with its real last time. Each flow costs O(1) per timeout
// period.
type aiIdleQueue[K comparable] struct {
	q    []aiQueued[K]
	head int
}

type aiQueued[K comparable] struct {
	k   K
	idx int32
	t   int64
}

func (q *aiIdleQueue[K]) push(k K, idx int32, t int64) {
	if q.head > 1024 && q.head > len(q.q)/2 {
		n := copy(q.q, q.q[q.head:])
		clear(q.q[n:])
		q.q, q.head = q.q[:n], 0
	}
	q.q = append(q.q, aiQueued[K]{k, idx, t})
}

// expire ends the flows idle for longer than timeout at now. last returns
// the flow's last time, and false when k is no longer the flow idx.
func (q *aiIdleQueue[K]) expire(now, timeout int64, last func(K, int32) (int64, bool), end func(K)) {
	for q.head < len(q.q) && now-q.q[q.head].t > timeout {
		x := q.q[q.head]
		q.q[q.head] = aiQueued[K]{}
		q.head++
		lt, ok := last(x.k, x.idx)
		switch {
		case !ok:
		case now-lt > timeout:
			end(x.k)
		default:
			q.push(x.k, x.idx, lt)
		}
	}
}

// drain empties the queue at the end of the capture and returns the
// entries of the flows still live (last says whether k is still the flow
// idx), in queue order.
func (q *aiIdleQueue[K]) drain(last func(K, int32) (int64, bool)) []aiQueued[K] {
	live := make([]aiQueued[K], 0, len(q.q)-q.head)
	for _, x := range q.q[q.head:] {
		if _, ok := last(x.k, x.idx); ok {
			live = append(live, x)
		}
	}
	*q = aiIdleQueue[K]{}
	return live
}
