package analyze

// icmpTracker: see the package documentation.
type icmpTracker struct {
	e *Engine
}

func newICMPTracker(e *Engine) *icmpTracker { return &icmpTracker{e: e} }

func (t *icmpTracker) packet(p *Packet) {}

func (t *icmpTracker) finish() {}
