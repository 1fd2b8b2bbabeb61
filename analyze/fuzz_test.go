package analyze

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/pcapreport/pcapreport/analyze/source"
)

// FuzzEngine: any sequence of frames is analyzed without a panic, and the
// analysis can be finished. Each input is split into frames at 0xFF 0x00
// markers, so one input makes a small conversation.
func FuzzEngine(f *testing.F) {
	seeds, _ := filepath.Glob("../testdata/lab/faults/*/client.pcap")
	for _, s := range seeds {
		r, err := source.Open(s)
		if err != nil {
			continue
		}
		var joined [][]byte
		for i := 0; i < 12; i++ {
			fr, err := r.Next()
			if err != nil {
				break
			}
			joined = append(joined, bytes.Clone(fr.Data))
		}
		r.Close()
		f.Add(uint8(1), bytes.Join(joined, []byte{0xff, 0x00}))
	}
	linkTypes := []uint32{0, 1, 101, 108, 113, 228, 229, 276}
	f.Fuzz(func(t *testing.T, lt uint8, data []byte) {
		e := NewEngine("fuzz", source.Info{Format: source.FormatPcap}, DefaultConfig)
		for i, frame := range bytes.Split(data, []byte{0xff, 0x00}) {
			fr := source.Frame{Index: i + 1, Sec: int64(i), Data: frame, CapLen: len(frame), OrigLen: len(frame) + int(lt%3), LinkType: linkTypes[int(lt)%len(linkTypes)]}
			e.Add(&fr)
		}
		a := e.Finish(nil)
		for _, d := range a.Deviations {
			if _, ok := KindOf(d.ID); !ok {
				t.Fatalf("deviation %q is not in the catalogue", d.ID)
			}
		}
	})
}
