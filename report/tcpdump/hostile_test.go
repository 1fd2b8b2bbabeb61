package tcpdump

import (
	"bytes"
	"errors"
	"io"

	"path/filepath"
	"testing"

	"github.com/pcapreport/pcapreport/analyze/source"
)

// hostileOptions are the printing modes every malformed capture is run
// through: each reaches different printer branches.
var hostileOptions = []Options{
	{},
	{Verbose: 3, Ether: true, Hex: HexASCIIPayload},
	{Quiet: true, Hex: HexFrame},
	{Verbose: 1, TimeMode: 3, Hex: ASCIIPayload},
}

// printAll prints every frame of a capture file with opts and returns the
// printer's bug count.
func printAll(t testing.TB, path string, opts Options) int {
	r, err := source.Open(path)
	if err != nil {
		return 0 // unreadable header: the reader's tests cover it
	}
	defer r.Close()
	p := New(io.Discard, opts)
	for {
		f, err := r.Next()
		if err != nil {
			if !errors.Is(err, io.EOF) {
				var se *source.Error
				if !errors.As(err, &se) {
					t.Errorf("%s: error is not a *source.Error: %v", path, err)
				}
			}
			break
		}
		p.Print(f)
	}
	return p.Bugs
}

// TestHostileCorpusNeverPanics prints every malformed capture of the
// shared hostile corpus and of tcpdump's decode corpus in several modes:
// no panic, and no printer bug (a recovered out-of-range read).
func TestHostileCorpusNeverPanics(t *testing.T) {
	var files []string
	for _, dir := range []string{"../../../shared/corpus/tcpdump-hostile", "../../../shared/corpus/tcpdump-decode", "../../testdata"} {
		for _, pat := range []string{"*.pcap", "*.pcapng", "*/*.pcap*"} {
			m, _ := filepath.Glob(filepath.Join(dir, pat))
			files = append(files, m...)
		}
	}
	if len(files) < 10 {
		t.Skip("shared corpus not available")
	}
	for _, f := range files {
		for _, opts := range hostileOptions {
			if bugs := printAll(t, f, opts); bugs != 0 {
				t.Errorf("%s (%+v): %d printer bugs", f, opts, bugs)
			}
		}
	}
}

// FuzzPrint feeds arbitrary frame bytes to every link-layer printer.
func FuzzPrint(f *testing.F) {
	seeds, _ := filepath.Glob("../../testdata/lab/*.pcap")
	for _, s := range seeds {
		r, err := source.Open(s)
		if err != nil {
			continue
		}
		for i := 0; i < 40; i++ {
			fr, err := r.Next()
			if err != nil {
				break
			}
			f.Add(uint8(1), bytes.Clone(fr.Data))
		}
		r.Close()
	}
	linkTypes := []uint32{0, 1, 12, 14, 101, 108, 113, 228, 229, 276}
	f.Fuzz(func(t *testing.T, lt uint8, data []byte) {
		for _, opts := range hostileOptions {
			p := New(io.Discard, opts)
			fr := source.Frame{Index: 1, Data: data, CapLen: len(data), OrigLen: len(data) + int(lt%3)*100, LinkType: linkTypes[int(lt)%len(linkTypes)]}
			p.Print(&fr)
			if p.Bugs != 0 {
				t.Fatalf("printer bug on link type %d, options %+v, data %x", fr.LinkType, opts, data)
			}
		}
	})
}
