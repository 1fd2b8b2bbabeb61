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

// newFlow appends a flow summary to the analysis and returns its index,
// which deviations and ICMP events use to refer to it.
func (e *Engine) newFlow(f Flow) int {
	e.a.Flows = append(e.a.Flows, f)
	return len(e.a.Flows) - 1
}

// flow returns the summary of flow i for updating in place.
func (e *Engine) flow(i int) *Flow { return &e.a.Flows[i] }
