// Package tcpdump prints frames exactly as tcpdump 4.99 prints them, so that
// every evidence packet in a report reads the way engineers already know.
//
// Each protocol has its own file and its own printer function. A printer
// receives the captured bytes of its layer (b, cut at the end of the capture
// or of the enclosing layer) and the length the enclosing header claims
// (length, which may exceed len(b) when the capture was cut by the snaplen).
// Printers bounds-check every byte they read and, where tcpdump would stop
// with "[|proto]", they call p.trunc and return.
package tcpdump

import (
	"bufio"
	"io"
	"strconv"
	"time"

	"github.com/pcapreport/pcapreport/analyze/source"
)

// HexMode selects the hex/ASCII dump printed after each packet.
type HexMode int

// Hex dump modes, as tcpdump's -x, -xx, -X, -XX and -A flags select them.
const (
	HexNone         HexMode = iota
	HexPayload              // -x: hex from the network layer on
	HexFrame                // -xx: hex of the whole frame
	HexASCIIPayload         // -X: hex and ASCII from the network layer on
	HexASCIIFrame           // -XX: hex and ASCII of the whole frame
	ASCIIPayload            // -A: ASCII from the network layer on
	ASCIIFrame              // -AA: ASCII of the whole frame
)

// Options are tcpdump's printing flags.
type Options struct {
	Verbose int     // -v, -vv, -vvv
	Ether   bool    // -e: print the link-level header
	Quiet   bool    // -q: less protocol information
	Hex     HexMode // -x -xx -X -XX -A
	Number  bool    // -#: packet numbers
	// TimeMode is the number of -t flags: 0 local time of day, 1 none,
	// 2 Unix seconds, 3 delta to the previous packet, 4 date and time,
	// 5 delta to the first packet.
	TimeMode int
	Nano     bool // --nano: nanosecond timestamps
	// NoVerify (-K) skips checksum verification.
	NoVerify bool
	// AbsoluteSeq (-S) prints absolute TCP sequence numbers.
	AbsoluteSeq bool
	// Location for the time of day; nil means UTC.
	Location *time.Location
}

// Printer formats frames. It keeps the little state tcpdump keeps between
// packets (previous timestamps, TCP initial sequence numbers), so one
// Printer must see the frames of one capture in order.
type Printer struct {
	opts Options
	w    *bufio.Writer
	out  []byte // the packet being printed

	// Per packet.
	frame    *source.Frame
	protocol string // the layer being printed, for "[|proto]"
	llHdrLen int    // link-layer header length, for -x/-X

	// Between packets.
	count           int
	prevSec, firSec int64
	prevNs, firNs   int64
	tcpSeq          tcpSeqTable

	// Bugs counts printer panics other than truncation; tests keep it 0.
	Bugs int
}

// New returns a Printer writing to w.
//
// A Printer made with a nil writer only formats, with Append.
func New(w io.Writer, opts Options) *Printer {
	if opts.Location == nil {
		opts.Location = time.UTC
	}
	p := &Printer{opts: opts}
	if w != nil {
		p.w = bufio.NewWriterSize(w, 64<<10)
	}
	return p
}

// Flush writes any buffered output.
func (p *Printer) Flush() error {
	if p.w == nil {
		return nil
	}
	return p.w.Flush()
}

// Print formats one frame, with its hex dump if one was asked for, and
// writes it to the buffered output.
func (p *Printer) Print(f *source.Frame) error {
	p.out = p.Append(p.out[:0], f)
	if p.w == nil {
		return nil
	}
	_, err := p.w.Write(p.out)
	return err
}

// Append appends the frame's text, ending in a newline, to dst.
func (p *Printer) Append(dst []byte, f *source.Frame) []byte {
	p.out = dst
	p.frame = f
	p.protocol = ""
	p.llHdrLen = 0
	p.count++
	if p.opts.Number {
		p.padLeft(strconv.Itoa(p.count), 5)
		p.s("  ")
	}
	if p.invalidHeader(f) {
		p.out = append(p.out, '\n')
		p.frame = nil
		return p.out
	}
	p.timestamp(f)
	p.printLink(f)
	hdr := p.llHdrLen
	data := f.Data
	switch p.opts.Hex {
	case HexFrame:
		p.hexDump(data, false)
	case HexASCIIFrame:
		p.hexDump(data, true)
	case ASCIIFrame:
		p.asciiDump(data)
	case HexPayload, HexASCIIPayload, ASCIIPayload:
		if len(data) > hdr {
			switch p.opts.Hex {
			case HexPayload:
				p.hexDump(data[hdr:], false)
			case HexASCIIPayload:
				p.hexDump(data[hdr:], true)
			default:
				p.asciiDump(data[hdr:])
			}
		}
	}
	p.out = append(p.out, '\n')
	p.frame = nil
	return p.out
}

// maxSnaplen is tcpdump's MAXIMUM_SNAPLEN.
const maxSnaplen = 262144

// invalidHeader prints tcpdump's "[Invalid header: ...]" for a record whose
// lengths cannot be right (zero, or a captured length above the packet's
// length or above the largest snapshot length); tcpdump then prints
// neither the timestamp nor the packet.
func (p *Printer) invalidHeader(f *source.Frame) bool {
	capLen, origLen := uint32(f.CapLen), uint32(f.OrigLen)
	if capLen != 0 && origLen != 0 && origLen >= capLen && capLen <= maxSnaplen && origLen <= maxSnaplen {
		return false
	}
	sep := "[Invalid header:"
	if capLen == 0 {
		p.s("[Invalid header: caplen==0")
		sep = ","
	}
	if origLen == 0 {
		p.s(sep)
		p.s(" len==0")
		sep = ","
	} else if origLen < capLen {
		p.s(sep)
		p.s(" len(")
		p.u(uint64(origLen))
		p.s(") < caplen(")
		p.u(uint64(capLen))
		p.c(')')
		sep = ","
	}
	if capLen > maxSnaplen {
		p.s(sep)
		p.s(" caplen(")
		p.u(uint64(capLen))
		p.s(") > 262144")
		sep = ","
	}
	if origLen > maxSnaplen {
		p.s(sep)
		p.s(" len(")
		p.u(uint64(origLen))
		p.s(") > 262144")
	}
	p.c(']')
	return true
}

// errTruncated is panicked by the get* accessors when a read runs past the
// captured bytes; printLink recovers it. This mirrors tcpdump's longjmp out
// of its GET_ macros, the way encoding/json unwinds its decoder: it keeps
// every printer a straight transcription of the header it decodes.
type truncated struct{}

var errTruncated = truncated{}

// printLink runs the link-layer printer and, when a read ran past the
// captured bytes, ends the line as tcpdump does: " [|proto]", and the hex
// dump then starts at the first byte of the frame.
func (p *Printer) printLink(f *source.Frame) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(truncated); !ok {
				// A printer bug must not take the program down on a
				// hostile capture; count it so tests catch it.
				p.Bugs++
				p.s(" [|bug]")
			} else {
				p.trunc()
			}
			p.llHdrLen = 0
		}
	}()
	p.link(f.LinkType, f.Data, f.OrigLen)
}

// trunc prints tcpdump's " [|proto]" marker for the current protocol, as
// nd_print_trunc does, without unwinding.
func (p *Printer) trunc() {
	p.out = append(p.out, " [|"...)
	p.out = append(p.out, p.protocol...)
	p.out = append(p.out, ']')
}
