// Command gen writes the synthetic captures in testdata/ that the tests
// compare against real tcpdump. Run it from the repository root:
//
//	go run ./testdata/gen
//
// Each fixture is registered by a file of this package, one file per
// protocol area, so the captures are reproducible from code.
package main

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// packet is one record of a generated capture.
type packet struct {
	sec, frac uint32
	data      []byte
	origLen   int // 0 means len(data)
}

// fixture is one generated capture file.
type fixture struct {
	name     string // file name in testdata/
	linkType uint32
	nano     bool
	big      bool // big-endian pcap
	snaplen  uint32
	packets  func() []packet
	// file, when set, builds the whole file instead (pcapng, compressed,
	// cut short); name may then contain a subdirectory.
	file func() []byte
}

var fixtures = map[string]fixture{}

// register adds a fixture; file names must be unique.
func register(f fixture) {
	if _, dup := fixtures[f.name]; dup {
		panic("duplicate fixture " + f.name)
	}
	fixtures[f.name] = f
}

func main() {
	dir := "testdata"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	names := make([]string, 0, len(fixtures))
	for n := range fixtures {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		f := fixtures[n]
		data := f.file
		if data == nil {
			data = func() []byte { return pcapBytes(f) }
		}
		path := filepath.Join(dir, n)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if err := os.WriteFile(path, data(), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

// pcapBytes encodes a fixture as a classic pcap file.
func pcapBytes(f fixture) []byte {
	var order binary.ByteOrder = binary.LittleEndian
	if f.big {
		order = binary.BigEndian
	}
	magic := uint32(0xa1b2c3d4)
	if f.nano {
		magic = 0xa1b23c4d
	}
	snap := f.snaplen
	if snap == 0 {
		snap = 262144
	}
	out := make([]byte, 24)
	order.PutUint32(out[0:], magic)
	order.PutUint16(out[4:], 2)
	order.PutUint16(out[6:], 4)
	order.PutUint32(out[16:], snap)
	order.PutUint32(out[20:], f.linkType)
	for _, p := range f.packets() {
		var h [16]byte
		orig := p.origLen
		if orig == 0 {
			orig = len(p.data)
		}
		order.PutUint32(h[0:], p.sec)
		order.PutUint32(h[4:], p.frac)
		order.PutUint32(h[8:], uint32(len(p.data)))
		order.PutUint32(h[12:], uint32(orig))
		out = append(out, h[:]...)
		out = append(out, p.data...)
	}
	return out
}
