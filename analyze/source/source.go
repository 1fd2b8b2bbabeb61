package source

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/klauspost/compress/zstd"
)

// Format names a capture file format.
type Format string

// Capture formats the reader recognises by their magic bytes.
const (
	FormatPcap   Format = "pcap"
	FormatPcapNG Format = "pcapng"
)

// Info describes a capture as far as its headers tell.
type Info struct {
	Format Format
	// Compression is "", "gzip" or "zstd".
	Compression string
	// Nano is set when the file stores nanosecond timestamps.
	Nano bool
	// BigEndian is set for a pcap file written on a big-endian host.
	BigEndian bool
	// Snaplen is the pcap header's snapshot length (for pcapng, that of
	// the first interface).
	Snaplen uint32
	// LinkType is the link type of the pcap file or of pcapng's first
	// interface; pcapng frames carry their own in Frame.LinkType.
	LinkType uint32
}

// Reader streams the frames of one capture.
type Reader interface {
	// Next returns the next frame. It returns io.EOF at a clean end of
	// the capture and an *Error for anything else. The frame's Data is
	// only valid until the next call.
	Next() (*Frame, error)
	// Info describes the capture.
	Info() Info
	// Close releases the file.
	Close() error
}

// Error is a failure to read a capture: which file, where in it, after how
// many good packets, and what was wrong.
type Error struct {
	File   string
	Offset int64 // byte offset in the (decompressed) stream
	Packet int   // 1-based number of the packet being read; 0 for the file header
	Err    error
}

func (e *Error) Error() string {
	if e.Packet == 0 {
		return fmt.Sprintf("read %s: byte offset %d: %v", e.File, e.Offset, e.Err)
	}
	return fmt.Sprintf("read %s: packet %d at byte offset %d: %v", e.File, e.Packet, e.Offset, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// ErrTruncated is wrapped by the Error for a file that ends in the middle of
// a record or block.
var ErrTruncated = errors.New("file ends in the middle of a record")

// Limits on lengths read from a file, checked before any allocation.
const (
	// MaxSnaplen is libpcap's largest snapshot length; a record longer
	// than this is rejected, as libpcap rejects it.
	MaxSnaplen = 262144
	// maxBlock bounds a pcapng block.
	maxBlock = 16 << 20
)

// Open opens a capture by name; "-" is standard input. The format and any
// gzip or zstd compression are recognised by magic bytes, not by name.
func Open(name string) (Reader, error) {
	var f io.ReadCloser
	if name == "-" {
		f = io.NopCloser(os.Stdin)
		name = "(stdin)"
	} else {
		file, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		f = file
	}
	r, err := NewReader(name, f)
	if err != nil {
		f.Close()
		return nil, err
	}
	return r, nil
}

// NewReader reads a capture from rc; name is used in errors.
func NewReader(name string, rc io.ReadCloser) (Reader, error) {
	br := bufio.NewReaderSize(rc, 256<<10)
	compression := ""
	magic, _ := br.Peek(4)
	var stream io.Reader = br
	var closeStream func()
	switch {
	case len(magic) >= 2 && magic[0] == 0x1f && magic[1] == 0x8b:
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, &Error{File: name, Err: fmt.Errorf("gzip: %w", err)}
		}
		compression, stream = "gzip", zr
	case len(magic) == 4 && magic[0] == 0x28 && magic[1] == 0xb5 && magic[2] == 0x2f && magic[3] == 0xfd:
		zr, err := zstd.NewReader(br, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(256<<20))
		if err != nil {
			return nil, &Error{File: name, Err: fmt.Errorf("zstd: %w", err)}
		}
		compression, stream, closeStream = "zstd", zr, zr.Close
	}
	if compression != "" {
		br = bufio.NewReaderSize(stream, 256<<10)
	}
	closer := func() error {
		if closeStream != nil {
			closeStream()
		}
		return rc.Close()
	}
	magic, err := br.Peek(4)
	if err != nil {
		if err == io.EOF && len(magic) == 0 {
			return nil, &Error{File: name, Err: errors.New("empty file: no capture header")}
		}
		return nil, &Error{File: name, Err: fmt.Errorf("%w: capture header needs 4 bytes, file has %d", ErrTruncated, len(magic))}
	}
	switch {
	case magic[0] == 0x0a && magic[1] == 0x0d && magic[2] == 0x0d && magic[3] == 0x0a:
		r, err := newPcapNG(name, br, closer)
		if err != nil {
			return nil, err
		}
		r.info.Compression = compression
		return r, nil
	default:
		r, err := newPcap(name, br, closer)
		if err != nil {
			return nil, err
		}
		r.info.Compression = compression
		if f, ok := rc.(io.Seeker); ok && compression == "" {
			r.seeker = f
		}
		return r, nil
	}
}

// FrameSeeker is implemented by readers that can jump to a frame by its
// byte offset (uncompressed pcap files), so a report can read back its
// evidence frames without reading the whole file again.
type FrameSeeker interface {
	// SeekFrame positions the reader so that the next call to Next
	// returns the frame at offset, numbered index.
	SeekFrame(offset int64, index int) error
}
