package source

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"github.com/gopacket/gopacket/pcapgo"
)

// pcapngReader reads pcapng through gopacket's pcapgo, with frames of
// several interfaces and link types in one file.
type pcapngReader struct {
	name  string
	cr    *countingReader
	r     *pcapgo.NgReader
	close func() error
	info  Info
	index int
	frame Frame
}

// countingReader counts the bytes pcapgo has pulled from the stream; when
// the stream ends early, that is where the file was cut.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n += int64(n)
	return n, err
}

func newPcapNG(name string, r *bufio.Reader, closer func() error) (*pcapngReader, error) {
	cr := &countingReader{r: r}
	ng, err := pcapgo.NewNgReader(cr, pcapgo.NgReaderOptions{WantMixedLinkType: true})
	if err != nil {
		return nil, &Error{File: name, Offset: cr.n, Err: ngErr(err)}
	}
	p := &pcapngReader{name: name, cr: cr, r: ng, close: closer}
	p.info.Format = FormatPcapNG
	p.info.Nano = true
	p.firstInterface()
	return p, nil
}

// firstInterface fills Info from the first interface once it has been
// read: pcapgo reads interface blocks as it meets them.
func (p *pcapngReader) firstInterface() {
	if p.info.LinkType != 0 || p.r.NInterfaces() == 0 {
		return
	}
	if iface, err := p.r.Interface(0); err == nil {
		p.info.Snaplen = iface.SnapLength
		p.info.LinkType = uint32(iface.LinkType)
	}
}

func ngErr(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("%w: pcapng block cut short", ErrTruncated)
	}
	return err
}

// Info describes the capture; for pcapng, the first interface is known once
// the first packet has been read.
func (p *pcapngReader) Info() Info {
	p.firstInterface()
	return p.info
}
func (p *pcapngReader) Close() error { return p.close() }

func (p *pcapngReader) Next() (*Frame, error) {
	data, ci, opts, err := p.r.ZeroCopyReadPacketDataWithOptions()
	if err == io.EOF {
		return nil, io.EOF
	}
	if err != nil {
		return nil, &Error{File: p.name, Offset: p.cr.n, Packet: p.index + 1, Err: ngErr(err)}
	}
	p.index++
	p.firstInterface()
	lt := p.info.LinkType
	if len(ci.AncillaryData) > 0 {
		lt = ancillaryLinkType(ci.AncillaryData[0], lt)
	}
	ts := ci.Timestamp
	p.frame = Frame{
		Index:     p.index,
		Sec:       ts.Unix(),
		Frac:      uint32(ts.Nanosecond()),
		Nano:      true,
		CapLen:    len(data),
		OrigLen:   ci.Length,
		LinkType:  lt & 0x03FFFFFF,
		Interface: ci.InterfaceIndex,
		Offset:    -1,
		Data:      data,
		Comments:  opts.Comments,
	}
	return &p.frame, nil
}
