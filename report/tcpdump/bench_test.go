package tcpdump

import (
	"errors"
	"io"
	"testing"

	"github.com/pcapreport/pcapreport/analyze/source"
)

// loadFrames reads a capture into memory so the benchmark times the
// printer alone.
func loadFrames(b *testing.B, path string) []source.Frame {
	b.Helper()
	r, err := source.Open(path)
	if err != nil {
		b.Skip(err)
	}
	defer r.Close()
	var frames []source.Frame
	for {
		f, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			b.Fatal(err)
		}
		c := *f
		c.Data = append([]byte(nil), f.Data...)
		frames = append(frames, c)
	}
	return frames
}

func benchmarkPrint(b *testing.B, opts Options) {
	frames := loadFrames(b, "../../testdata/lab/basic-client.pcap")
	p := New(io.Discard, opts)
	var out []byte
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j := range frames {
			out = p.Append(out[:0], &frames[j])
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(frames)), "ns/packet")
}

// BenchmarkPrintNN is `dump -nn` on real traffic.
func BenchmarkPrintNN(b *testing.B) { benchmarkPrint(b, Options{}) }

// BenchmarkPrintVerboseHex is `dump -nn -vvv -e -X` on real traffic.
func BenchmarkPrintVerboseHex(b *testing.B) {
	benchmarkPrint(b, Options{Verbose: 3, Ether: true, Hex: HexASCIIPayload})
}
