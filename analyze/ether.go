package analyze

// etherTracker: see the package documentation.
type etherTracker struct {
	e *Engine
}

func newEtherTracker(e *Engine) *etherTracker { return &etherTracker{e: e} }

func (t *etherTracker) packet(p *Packet) {}

func (t *etherTracker) finish() {}
