package analyze

// arpTracker: see the package documentation.
type arpTracker struct {
	e *Engine
}

func newARPTracker(e *Engine) *arpTracker { return &arpTracker{e: e} }

func (t *arpTracker) packet(p *Packet) {}

func (t *arpTracker) finish() {}
