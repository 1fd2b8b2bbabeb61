package analyze

// udpTracker: see the package documentation.
type udpTracker struct {
	e *Engine
}

func newUDPTracker(e *Engine) *udpTracker { return &udpTracker{e: e} }

func (t *udpTracker) packet(p *Packet) {}

func (t *udpTracker) finish() {}

// flowFor returns the index of the UDP flow between these endpoints (in
// either direction), or -1.
func (t *udpTracker) flowFor(k FlowKey) int { return -1 }
