package analyze

import (
	"encoding/json"
	"iter"
	"net/netip"
)

// FlowKey identifies a flow as its originator sees it: the first
// packet's source is Src.
type FlowKey struct {
	Src, Dst     netip.Addr
	Sport, Dport uint16
}

// Reverse returns the key seen from the other side.
func (k FlowKey) Reverse() FlowKey {
	return FlowKey{Src: k.Dst, Dst: k.Src, Sport: k.Dport, Dport: k.Sport}
}

// flowChunk is the number of flow summaries allocated at a time: a capture
// with hundreds of thousands of flows then never copies them to grow one
// slice, and memory rises in small steps.
const flowChunk = 4096

// FlowList holds the flow summaries of an analysis, in the order the flows
// began, in fixed-size chunks.
type FlowList struct {
	chunks [][]Flow
	n      int
}

// Len returns the number of flows.
func (l *FlowList) Len() int { return l.n }

// At returns flow i (0 ≤ i < Len) for reading or updating in place.
func (l *FlowList) At(i int) *Flow { return &l.chunks[i/flowChunk][i%flowChunk] }

// All iterates over the flows with their indexes.
func (l *FlowList) All() iter.Seq2[int, *Flow] {
	return func(yield func(int, *Flow) bool) {
		for i := 0; i < l.n; i++ {
			if !yield(i, l.At(i)) {
				return
			}
		}
	}
}

// Slice returns a copy of the flows as one slice.
func (l *FlowList) Slice() []Flow {
	out := make([]Flow, 0, l.n)
	for _, c := range l.chunks {
		out = append(out, c...)
	}
	return out
}

// MarshalJSON writes the flows as a JSON array.
func (l FlowList) MarshalJSON() ([]byte, error) { return json.Marshal(l.Slice()) }

func (l *FlowList) add(f Flow) int {
	if l.n%flowChunk == 0 {
		l.chunks = append(l.chunks, make([]Flow, 0, flowChunk))
	}
	c := &l.chunks[len(l.chunks)-1]
	*c = append(*c, f)
	l.n++
	return l.n - 1
}

// newFlow adds a flow summary and returns its index, which deviations and
// ICMP events use to refer to it.
func (e *Engine) newFlow(f Flow) int { return e.a.Flows.add(f) }

// flow returns the summary of flow i for updating in place.
func (e *Engine) flow(i int) *Flow { return e.a.Flows.At(i) }

// count adds packet p, carrying n payload bytes in direction dir (0 from
// the originator, 1 from the responder), to the summary of a UDP or ICMP
// flow. sent says which directions have sent before: the first packet
// each way adds 'D' or 'd' to the history and is kept as evidence (at
// most 4 frames); later packets only while fewer than 2 are kept.
func (f *Flow) count(dir int, n int64, p *Packet, sent *[2]bool) {
	f.Packets++
	f.Bytes += n
	f.End = p.Time
	if dir == 0 {
		f.OrigPackets++
		f.OrigBytes += n
	} else {
		f.RespPackets++
		f.RespBytes += n
	}
	if !sent[dir] {
		sent[dir] = true
		f.History += [2]string{"D", "d"}[dir]
		if len(f.Frames) < 4 {
			f.Frames = append(f.Frames, p.Ref)
		}
	} else if len(f.Frames) < 2 {
		f.Frames = append(f.Frames, p.Ref)
	}
}
