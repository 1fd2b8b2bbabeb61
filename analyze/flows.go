package analyze

import "net/netip"

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
// with hundreds of thousands of flows then never copies them all to grow
// one slice, and memory rises in small steps.
const flowChunk = 4096

// flowStore holds the flow summaries while the capture is read.
type flowStore struct {
	chunks [][]Flow
	n      int
}

// newFlow adds a flow summary and returns its index, which deviations and
// ICMP events use to refer to it.
func (e *Engine) newFlow(f Flow) int {
	s := &e.flows
	if s.n%flowChunk == 0 {
		s.chunks = append(s.chunks, make([]Flow, 0, flowChunk))
	}
	c := &s.chunks[len(s.chunks)-1]
	*c = append(*c, f)
	s.n++
	return s.n - 1
}

// flow returns the summary of flow i for updating in place.
func (e *Engine) flow(i int) *Flow { return &e.flows.chunks[i/flowChunk][i%flowChunk] }

// flatten moves the summaries into Analysis.Flows, releasing each chunk
// as it is copied.
func (s *flowStore) flatten() []Flow {
	out := make([]Flow, 0, s.n)
	for i, c := range s.chunks {
		out = append(out, c...)
		s.chunks[i] = nil
	}
	s.chunks, s.n = nil, 0
	return out
}
