package analyze

import (
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/pcapreport/pcapreport/analyze/source"
)

// Config bounds the engine's memory and sets its timeouts.
type Config struct {
	// MaxFlows caps the flows tracked at once; past it, new flows are
	// counted in Analysis.FlowsDropped, not tracked.
	MaxFlows int
	// IdleTimeoutNs finalises a flow that saw no packet for this long.
	IdleTimeoutNs int64
	// MaxPerID caps the deviations of one ID kept individually; more are
	// folded into the last one's Count.
	MaxPerID int
	// Match, when set, selects the frames to analyze (a filter
	// expression); the others are only counted in the capture facts.
	Match func(*source.Frame) bool
}

// DefaultConfig suits captures of up to millions of packets.
var DefaultConfig = Config{MaxFlows: 1 << 20, IdleTimeoutNs: 300e9, MaxPerID: 200}

// tracker is one aspect of the analysis (ARP, TCP, ...). It sees every
// packet in order and contributes to the Analysis at the end.
type tracker interface {
	packet(p *Packet)
	finish()
}

// Engine analyzes one capture. Feed it frames in order with Add, then call
// Finish.
type Engine struct {
	cfg     Config
	a       *Analysis
	p       Packet
	dec     *decoder
	perID   map[string]int
	tracked []tracker
	// Trackers other trackers consult.
	tcp  *tcpTracker
	udp  *udpTracker
	arp  *arpTracker
	last int64 // time of the previous frame
}

// NewEngine starts the analysis of a capture named file, described by info.
func NewEngine(file string, info source.Info, cfg Config) *Engine {
	if cfg.MaxFlows == 0 {
		cfg = DefaultConfig
	}
	e := &Engine{cfg: cfg, a: &Analysis{}, perID: map[string]int{}}
	e.a.Capture = Capture{File: file, Format: string(info.Format), Compression: info.Compression, Snaplen: info.Snaplen}
	e.dec = newDecoder(&e.p)
	e.arp = newARPTracker(e)
	e.tcp = newTCPTracker(e)
	e.udp = newUDPTracker(e)
	e.tracked = []tracker{e.arp, newEtherTracker(e), e.tcp, e.udp, newICMPTracker(e), newChecksumTracker(e), newTTLTracker(e)}
	return e
}

// Add analyzes one frame.
func (e *Engine) Add(f *source.Frame) {
	c := &e.a.Capture
	if !slices.Contains(c.LinkTypes, f.LinkType) {
		c.LinkTypes = append(c.LinkTypes, f.LinkType)
	}
	e.dec.decode(&e.p, f)
	p := &e.p
	if c.Packets == 0 {
		c.First = p.Time
	} else if p.Time < e.last {
		c.TimeBackwards++
	}
	c.Packets++
	c.Bytes += int64(f.OrigLen)
	c.Last = max(c.Last, p.Time)
	e.last = p.Time
	if f.OrigLen > len(f.Data) {
		c.Sliced++
	}
	for _, com := range f.Comments {
		if len(c.Comments) < 1000 {
			c.Comments = append(c.Comments, fmt.Sprintf("%d:%s", f.Index, com))
		}
	}
	for _, t := range e.tracked {
		t.packet(p)
	}
}

// Finish ends the analysis. readErr is the error that stopped reading, if
// any (io.EOF is a clean end).
func (e *Engine) Finish(readErr error) *Analysis {
	if readErr != nil && !errors.Is(readErr, io.EOF) {
		e.a.Capture.ReadError = readErr.Error()
		var se *source.Error
		if errors.As(readErr, &se) && errors.Is(readErr, source.ErrTruncated) {
			e.a.Capture.Truncated = true
			e.deviate("capture-truncated", -1, Frames{{Index: se.Packet, Offset: se.Offset}},
				fmt.Sprintf("%s ends at byte offset %d in the middle of packet %d; the %d packets before it are analyzed", se.File, se.Offset, se.Packet, e.a.Capture.Packets))
		}
	}
	for _, t := range e.tracked {
		t.finish()
	}
	SortDeviations(e.a.Deviations)
	return e.a
}

// deviate records a deviation of a catalogue kind. Past cfg.MaxPerID
// occurrences of one ID, further ones only increase the last one's Count.
func (e *Engine) deviate(id string, flow int, frames Frames, message string) {
	k, ok := KindOf(id)
	if !ok {
		panic("analyze: deviation " + id + " is not in the catalogue")
	}
	n := e.perID[id]
	e.perID[id] = n + 1
	if n >= e.cfg.MaxPerID {
		for i := len(e.a.Deviations) - 1; i >= 0; i-- {
			if e.a.Deviations[i].ID == id {
				e.a.Deviations[i].Count++
				e.a.Deviations[i].Folded++
				return
			}
		}
	}
	e.a.Deviations = append(e.a.Deviations, Deviation{ID: id, Severity: k.Severity, Message: message, Hint: k.Hint, Frames: frames, Flow: flow, Count: 1})
}

// deviateCount records a deviation that stands for n occurrences, keeping
// Count right when the engine folded it into an earlier one of its ID.
func (e *Engine) deviateCount(id string, flow int, frames Frames, message string, n int) {
	before := len(e.a.Deviations)
	e.deviate(id, flow, frames, message)
	if len(e.a.Deviations) > before {
		e.a.Deviations[before].Count = n
		return
	}
	for i := len(e.a.Deviations) - 1; i >= 0; i-- {
		if e.a.Deviations[i].ID == id {
			e.a.Deviations[i].Count += n - 1
			return
		}
	}
}

// Run reads a capture to its end and analyzes it. The returned error is the
// read error, if any; the Analysis covers every packet read before it.
func Run(name string, r source.Reader, cfg Config) (*Analysis, error) {
	var e *Engine
	for {
		f, err := r.Next()
		if e == nil {
			e = NewEngine(name, r.Info(), cfg)
		}
		if err != nil {
			a := e.Finish(err)
			if errors.Is(err, io.EOF) {
				return a, nil
			}
			return a, err
		}
		if cfg.Match != nil && !cfg.Match(f) {
			e.a.Capture.Filtered++
			continue
		}
		e.Add(f)
	}
}
