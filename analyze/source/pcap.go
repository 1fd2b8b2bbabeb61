package source

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
)

// pcapReader reads the classic libpcap format. It is our own rather than
// pcapgo's Reader because it must keep what libpcap keeps and tcpdump
// prints: an unnormalised sub-second field, the masked link type, records
// longer than the snaplen cut to it, and each record's byte offset.
type pcapReader struct {
	name    string
	r       *bufio.Reader
	close   func() error
	order   binary.ByteOrder
	info    Info
	snaplen int // records are cut to this, as libpcap does
	hdrLen  int // 16, or 24 for the modified (Kuznetzov) format
	offset  int64
	index   int
	buf     []byte
	frame   Frame
	seeker  io.Seeker // the file, when it can seek
	hdr     [24]byte  // the record header being read; a field, so it does not escape per packet
}

const (
	magicMicro    = 0xa1b2c3d4
	magicNano     = 0xa1b23c4d
	magicModified = 0xa1b2cd34
)

func newPcap(name string, r *bufio.Reader, closer func() error) (*pcapReader, error) {
	var hdr [24]byte
	n, err := io.ReadFull(r, hdr[:])
	if err != nil {
		if n >= 4 && !isPcapMagic(hdr[:4]) {
			return nil, &Error{File: name, Err: fmt.Errorf("not a capture file: unknown magic 0x%08x", binary.BigEndian.Uint32(hdr[:4]))}
		}
		return nil, &Error{File: name, Offset: int64(n), Err: fmt.Errorf("%w: pcap file header needs 24 bytes, file has %d", ErrTruncated, n)}
	}
	p := &pcapReader{name: name, r: r, close: closer, offset: 24, hdrLen: 16}
	be, le := binary.BigEndian.Uint32(hdr[:4]), binary.LittleEndian.Uint32(hdr[:4])
	switch {
	case be == magicMicro || be == magicNano || be == magicModified:
		p.order = binary.BigEndian
		p.info.BigEndian = true
		p.info.Nano = be == magicNano
		if be == magicModified {
			p.hdrLen = 24
		}
	case le == magicMicro || le == magicNano || le == magicModified:
		p.order = binary.LittleEndian
		p.info.Nano = le == magicNano
		if le == magicModified {
			p.hdrLen = 24
		}
	default:
		return nil, &Error{File: name, Err: fmt.Errorf("not a capture file: unknown magic 0x%08x", be)}
	}
	major := p.order.Uint16(hdr[4:6])
	if major != 2 {
		return nil, &Error{File: name, Offset: 4, Err: fmt.Errorf("unsupported pcap version %d.%d", major, p.order.Uint16(hdr[6:8]))}
	}
	p.info.Format = FormatPcap
	p.info.Snaplen = p.order.Uint32(hdr[16:20])
	// libpcap keeps the link type in the low 26 bits; the rest carry the
	// FCS length and flags.
	p.info.LinkType = p.order.Uint32(hdr[20:24]) & 0x03FFFFFF
	p.snaplen = int(p.info.Snaplen)
	if p.info.Snaplen == 0 || p.info.Snaplen > MaxSnaplen {
		p.snaplen = MaxSnaplen
	}
	return p, nil
}

func isPcapMagic(b []byte) bool {
	for _, m := range []uint32{binary.BigEndian.Uint32(b), binary.LittleEndian.Uint32(b)} {
		if m == magicMicro || m == magicNano || m == magicModified {
			return true
		}
	}
	return false
}

// SeekFrame implements FrameSeeker for uncompressed files.
func (p *pcapReader) SeekFrame(offset int64, index int) error {
	if p.seeker == nil {
		return fmt.Errorf("%s cannot seek", p.name)
	}
	if offset < 24 {
		return fmt.Errorf("offset %d is inside the file header", offset)
	}
	if _, err := p.seeker.Seek(offset, io.SeekStart); err != nil {
		return err
	}
	p.r.Reset(p.seeker.(io.Reader))
	p.offset, p.index = offset, index-1
	return nil
}

func (p *pcapReader) Info() Info   { return p.info }
func (p *pcapReader) Close() error { return p.close() }

func (p *pcapReader) fail(err error) error {
	return &Error{File: p.name, Offset: p.offset, Packet: p.index + 1, Err: err}
}

func (p *pcapReader) Next() (*Frame, error) {
	hdr := p.hdr[:p.hdrLen]
	n, err := io.ReadFull(p.r, hdr)
	if err == io.EOF {
		return nil, io.EOF
	}
	if err != nil {
		if err == io.ErrUnexpectedEOF {
			return nil, p.fail(fmt.Errorf("%w: record header needs %d bytes, file has %d", ErrTruncated, p.hdrLen, n))
		}
		return nil, p.fail(err)
	}
	caplen := p.order.Uint32(hdr[8:12])
	origlen := p.order.Uint32(hdr[12:16])
	if caplen > MaxSnaplen {
		return nil, p.fail(fmt.Errorf("invalid record: captured length %d is bigger than the maximum of %d", caplen, MaxSnaplen))
	}
	keep := int(caplen)
	if keep > p.snaplen {
		// libpcap reads a record longer than the file's snaplen but
		// keeps only snaplen bytes of it.
		keep = p.snaplen
	}
	if cap(p.buf) < keep {
		// One buffer for the common sizes, grown only for jumbo frames.
		p.buf = make([]byte, keep, max(keep, 65536))
	}
	data := p.buf[:keep]
	if n, err := io.ReadFull(p.r, data); err != nil {
		return nil, p.fail(fmt.Errorf("%w: record needs %d bytes of packet data, file has %d", ErrTruncated, caplen, n))
	}
	if skip := int64(caplen) - int64(keep); skip > 0 {
		if n, err := p.r.Discard(int(skip)); err != nil {
			return nil, p.fail(fmt.Errorf("%w: record needs %d bytes of packet data, file has %d", ErrTruncated, caplen, keep+n))
		}
	}
	p.index++
	p.frame = Frame{
		Index:    p.index,
		Sec:      int64(int32(p.order.Uint32(hdr[0:4]))),
		Frac:     p.order.Uint32(hdr[4:8]),
		Nano:     p.info.Nano,
		CapLen:   keep,
		OrigLen:  int(origlen),
		LinkType: p.info.LinkType,
		Offset:   p.offset,
		Data:     data,
	}
	p.offset += int64(p.hdrLen) + int64(caplen)
	return &p.frame, nil
}
