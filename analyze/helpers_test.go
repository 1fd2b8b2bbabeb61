package analyze

import (
	"slices"
	"strings"
	"testing"

	"github.com/gopacket/gopacket"
	"github.com/pcapreport/pcapreport/analyze/source"
)

// Test helpers shared by the trackers' tests.

// runFile analyzes a capture file with the default configuration.
func runFile(t *testing.T, path string) *Analysis {
	t.Helper()
	r, err := source.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	a, err := Run(path, r, DefaultConfig)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// serialize serializes layers into a frame, computing lengths and
// checksums (each transport layer's checksum over the first network
// layer).
func serialize(t *testing.T, ls ...gopacket.SerializableLayer) []byte {
	t.Helper()
	var nl gopacket.NetworkLayer
	for _, l := range ls {
		if n, ok := l.(gopacket.NetworkLayer); ok && nl == nil {
			nl = n
		}
		if x, ok := l.(interface {
			SetNetworkLayerForChecksum(gopacket.NetworkLayer) error
		}); ok && nl != nil {
			if err := x.SetNetworkLayerForChecksum(nl); err != nil {
				t.Fatal(err)
			}
		}
	}
	buf := gopacket.NewSerializeBuffer()
	if err := gopacket.SerializeLayers(buf, gopacket.SerializeOptions{FixLengths: true, ComputeChecksums: true}, ls...); err != nil {
		t.Fatal(err)
	}
	return slices.Clone(buf.Bytes())
}

// devsByID returns the deviations of one ID, in order.
func devsByID(a *Analysis, id string) []Deviation {
	var out []Deviation
	for _, d := range a.Deviations {
		if d.ID == id {
			out = append(out, d)
		}
	}
	return out
}

// frameNums returns the frame numbers of evidence frames.
func frameNums(f Frames) []int {
	var n []int
	for _, r := range f {
		n = append(n, r.Index)
	}
	return n
}

// says checks that a message contains every one of subs.
func says(t *testing.T, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			t.Errorf("message %q lacks %q", s, sub)
		}
	}
}
