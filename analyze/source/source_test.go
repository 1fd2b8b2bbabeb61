package source

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"
)

func pcapHeader(order binary.ByteOrder, magic, snaplen, linkType uint32) []byte {
	h := make([]byte, 24)
	order.PutUint32(h[0:], magic)
	order.PutUint16(h[4:], 2)
	order.PutUint16(h[6:], 4)
	order.PutUint32(h[16:], snaplen)
	order.PutUint32(h[20:], linkType)
	return h
}

func record(order binary.ByteOrder, sec, frac, caplen, origlen uint32, data []byte) []byte {
	h := make([]byte, 16)
	order.PutUint32(h[0:], sec)
	order.PutUint32(h[4:], frac)
	order.PutUint32(h[8:], caplen)
	order.PutUint32(h[12:], origlen)
	return append(h, data...)
}

func readAll(t *testing.T, data []byte) ([]Frame, Info, error) {
	t.Helper()
	r, err := NewReader("test.pcap", io.NopCloser(bytes.NewReader(data)))
	if err != nil {
		return nil, Info{}, err
	}
	defer r.Close()
	var frames []Frame
	for {
		f, err := r.Next()
		if errors.Is(err, io.EOF) {
			return frames, r.Info(), nil
		}
		if err != nil {
			return frames, r.Info(), err
		}
		c := *f
		c.Data = bytes.Clone(f.Data)
		frames = append(frames, c)
	}
}

func TestPcapByteOrdersAndResolutions(t *testing.T) {
	payload := []byte("0123456789")
	for _, c := range []struct {
		order binary.ByteOrder
		magic uint32
		nano  bool
	}{
		{binary.LittleEndian, 0xa1b2c3d4, false},
		{binary.BigEndian, 0xa1b2c3d4, false},
		{binary.LittleEndian, 0xa1b23c4d, true},
		{binary.BigEndian, 0xa1b23c4d, true},
	} {
		data := pcapHeader(c.order, c.magic, 65535, 1|0x10000000)
		data = append(data, record(c.order, 100, 1000001, 10, 60, payload)...)
		frames, info, err := readAll(t, data)
		if err != nil {
			t.Fatal(err)
		}
		if info.Nano != c.nano || info.LinkType != 1 || info.Snaplen != 65535 || len(frames) != 1 {
			t.Fatalf("%v %x: info %+v, %d frames", c.order, c.magic, info, len(frames))
		}
		f := frames[0]
		// The sub-second field is kept as stored, even out of range.
		if f.Sec != 100 || f.Frac != 1000001 || f.Nano != c.nano || f.OrigLen != 60 || string(f.Data) != string(payload) || f.Offset != 24 || f.Index != 1 {
			t.Errorf("%v %x: frame %+v", c.order, c.magic, f)
		}
	}
}

// A record longer than the header's snaplen is cut to it, as libpcap does;
// one longer than libpcap's maximum is an error, not an allocation.
func TestPcapRecordLengths(t *testing.T) {
	le := binary.LittleEndian
	pkt := bytes.Repeat([]byte{0xab}, 100)
	data := pcapHeader(le, 0xa1b2c3d4, 64, 1)
	data = append(data, record(le, 1, 0, 100, 100, pkt)...)
	data = append(data, record(le, 2, 0, 100, 100, pkt)...)
	frames, _, err := readAll(t, data)
	if err != nil || len(frames) != 2 || len(frames[0].Data) != 64 || frames[1].Offset != 24+116 {
		t.Fatalf("snaplen cut: %d frames, err %v", len(frames), err)
	}

	data = pcapHeader(le, 0xa1b2c3d4, 64, 1)
	data = append(data, record(le, 1, 0, 100, 100, pkt)...)
	data = append(data, record(le, 2, 0, 0xfffffff0, 0xfffffff0, nil)...)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	frames, _, err = readAll(t, data)
	runtime.ReadMemStats(&after)
	var se *Error
	if !errors.As(err, &se) || se.Packet != 2 || se.Offset != 140 || !strings.Contains(err.Error(), "bigger than the maximum") {
		t.Errorf("huge caplen: err %v", err)
	}
	if len(frames) != 1 {
		t.Errorf("want the frame before the bad record, got %d", len(frames))
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 4<<20 {
		t.Errorf("a crafted length made the reader allocate %d bytes", grew)
	}
}

func TestTruncatedPcap(t *testing.T) {
	le := binary.LittleEndian
	pkt := bytes.Repeat([]byte{1}, 40)
	full := pcapHeader(le, 0xa1b2c3d4, 0, 1)
	full = append(full, record(le, 1, 0, 40, 40, pkt)...)
	full = append(full, record(le, 2, 0, 40, 40, pkt)...)
	for cut := 1; cut < len(full); cut++ {
		frames, _, err := readAll(t, full[:cut])
		if cut == 24 || cut == 24+56 {
			if err != nil {
				t.Errorf("cut at a record boundary %d: %v", cut, err)
			}
			continue
		}
		if err == nil {
			t.Fatalf("cut at %d: no error", cut)
		}
		var se *Error
		if !errors.As(err, &se) || se.File != "test.pcap" {
			t.Fatalf("cut at %d: %v", cut, err)
		}
		if cut > 24 && (!errors.Is(err, ErrTruncated) || se.Packet != len(frames)+1) {
			t.Errorf("cut at %d: %v after %d frames", cut, err, len(frames))
		}
	}
}

func TestNotACapture(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("GET / HTTP/1.1\r\n\r\n..........."), {0xd4, 0xc3}} {
		_, _, err := readAll(t, data)
		var se *Error
		if !errors.As(err, &se) {
			t.Errorf("%q: want *Error, got %v", data, err)
		}
	}
}

// A pcapng block claiming 4 GiB must not make the reader allocate it.
func TestPcapNGCraftedLength(t *testing.T) {
	le := binary.LittleEndian
	var b []byte
	b = le.AppendUint32(b, 0x0A0D0D0A)
	b = le.AppendUint32(b, 28)
	b = le.AppendUint32(b, 0x1a2b3c4d)
	b = le.AppendUint16(b, 1)
	b = le.AppendUint16(b, 0)
	b = le.AppendUint64(b, ^uint64(0))
	b = le.AppendUint32(b, 28)
	b = le.AppendUint32(b, 1) // IDB
	b = le.AppendUint32(b, 20)
	b = le.AppendUint16(b, 1)
	b = le.AppendUint16(b, 0)
	b = le.AppendUint32(b, 0)
	b = le.AppendUint32(b, 20)
	b = le.AppendUint32(b, 6) // EPB with a huge length
	b = le.AppendUint32(b, 0xfffffff0)
	b = le.AppendUint32(b, 0)
	b = le.AppendUint32(b, 0)
	b = le.AppendUint32(b, 0)
	b = le.AppendUint32(b, 0xffffff00)
	b = le.AppendUint32(b, 0xffffff00)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, _, err := readAll(t, b)
	runtime.ReadMemStats(&after)
	if err == nil {
		t.Error("no error for a crafted pcapng block")
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 16<<20 {
		t.Errorf("a %d-byte pcapng made the reader allocate %d bytes", len(b), grew)
	}
}

func TestFormatsFixtures(t *testing.T) {
	want, _, err := readFile(t, "../../testdata/formats/plain.pcap")
	if err != nil || len(want) != 3 {
		t.Fatalf("plain.pcap: %d frames, %v", len(want), err)
	}
	for _, name := range []string{"plain.pcap.gz", "plain.pcap.zst", "bigendian.pcap", "plain.pcapng"} {
		got, info, err := readFile(t, "../../testdata/formats/"+name)
		if err != nil || len(got) != 3 {
			t.Fatalf("%s: %d frames, %v", name, len(got), err)
		}
		for i := range got {
			if !bytes.Equal(got[i].Data, want[i].Data) || !got[i].Time().Equal(want[i].Time()) {
				t.Errorf("%s frame %d differs from plain.pcap", name, i+1)
			}
		}
		if strings.HasSuffix(name, ".gz") && info.Compression != "gzip" || strings.HasSuffix(name, ".zst") && info.Compression != "zstd" {
			t.Errorf("%s: compression %q", name, info.Compression)
		}
	}
	got, _, err := readFile(t, "../../testdata/formats/two-links.pcapng")
	if err != nil || len(got) != 6 {
		t.Fatalf("two-links: %d frames, %v", len(got), err)
	}
	for i := 0; i < 3; i++ {
		raw := got[3+i]
		if raw.LinkType != LinkRaw || raw.Interface != 1 || !bytes.Equal(raw.Data, want[i].Data[14:]) || !raw.Time().Equal(want[i].Time()) {
			t.Errorf("two-links frame %d: link %d iface %d time %v want %v", 4+i, raw.LinkType, raw.Interface, raw.Time(), want[i].Time())
		}
	}
	if len(got[0].Comments) != 1 || got[0].Comments[0] != "packet comment" {
		t.Errorf("pcapng comment not kept: %q", got[0].Comments)
	}
}

func readFile(t *testing.T, path string) ([]Frame, Info, error) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skip(err)
	}
	return readAll(t, data)
}
