package source

// Prefetch returns a Reader that reads r ahead in a goroutine, so that
// reading and decompressing the file overlaps with the caller's work on the
// frames already read. Frames come in the same order with the same
// contents; as with any Reader, a frame's Data is valid only until the next
// call to Next. Memory is bounded: a few batches of frames in flight.
func Prefetch(r Reader) Reader {
	p := &prefetcher{r: r, full: make(chan *frameBatch, prefetchBatches), free: make(chan *frameBatch, prefetchBatches+1), done: make(chan struct{})}
	for i := 0; i < prefetchBatches+1; i++ {
		p.free <- &frameBatch{}
	}
	go p.run()
	return p
}

const (
	prefetchBatches = 3
	batchFrames     = 256
	batchBytes      = 1 << 20
)

type frameBatch struct {
	frames []Frame
	data   []byte
	err    error // the error that ended reading, after the frames
	info   Info  // the reader's Info after this batch, read by the reading goroutine
}

type prefetcher struct {
	r          Reader
	full, free chan *frameBatch
	done       chan struct{}
	cur        *frameBatch
	pos        int
	err        error
	info       Info
}

func (p *prefetcher) run() {
	defer close(p.full)
	for {
		var b *frameBatch
		select {
		case b = <-p.free:
		case <-p.done:
			return
		}
		b.frames, b.data, b.err = b.frames[:0], b.data[:0], nil
		for len(b.frames) < batchFrames && len(b.data) < batchBytes {
			f, err := p.r.Next()
			if err != nil {
				b.err = err
				break
			}
			start := len(b.data)
			b.data = append(b.data, f.Data...)
			c := *f
			// Data is pointed into b.data once the batch is full, since
			// appending may move it.
			c.Data = nil
			c.CapLen = len(b.data) - start
			b.frames = append(b.frames, c)
		}
		b.info = p.r.Info()
		off := 0
		for i := range b.frames {
			n := b.frames[i].CapLen
			b.frames[i].Data = b.data[off : off+n : off+n]
			off += n
		}
		select {
		case p.full <- b:
		case <-p.done:
			return
		}
		if b.err != nil {
			return
		}
	}
}

func (p *prefetcher) Next() (*Frame, error) {
	for {
		if p.cur != nil && p.pos < len(p.cur.frames) {
			p.pos++
			return &p.cur.frames[p.pos-1], nil
		}
		if p.cur != nil {
			if p.cur.err != nil {
				p.err = p.cur.err
			}
			p.free <- p.cur
			p.cur = nil
		}
		if p.err != nil {
			return nil, p.err
		}
		b, ok := <-p.full
		if !ok {
			return nil, p.err
		}
		p.cur, p.pos, p.info = b, 0, b.info
	}
}

// Info describes the capture as of the frames returned so far (for pcapng,
// the first interface is known once a frame has been read). Before the
// first Next it is empty.
func (p *prefetcher) Info() Info { return p.info }

// Close stops the read-ahead and closes the underlying reader.
func (p *prefetcher) Close() error {
	close(p.done)
	for range p.full {
	}
	return p.r.Close()
}
