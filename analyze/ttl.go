package analyze

// ttlTracker: see the package documentation.
type ttlTracker struct {
	e *Engine
}

func newTTLTracker(e *Engine) *ttlTracker { return &ttlTracker{e: e} }

func (t *ttlTracker) packet(p *Packet) {}

func (t *ttlTracker) finish() {}
