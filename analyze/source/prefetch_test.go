package source

import (
	"bytes"
	"errors"
	"io"
	"os"
	"testing"
)

// Prefetch yields the same frames and the same final error as the reader
// it wraps, across batch boundaries.
func TestPrefetchSameFrames(t *testing.T) {
	for _, path := range []string{"../../testdata/lab/faults/loss/client.pcap", "../../testdata/formats/cut-data.pcap", "../../testdata/formats/two-links.pcapng"} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Skip(err)
		}
		want, _, wantErr := readAll(t, data)
		r, err := NewReader(path, io.NopCloser(bytes.NewReader(data)))
		if err != nil {
			t.Fatal(err)
		}
		pr := Prefetch(r)
		var got []Frame
		var gotErr error
		for {
			f, err := pr.Next()
			if err != nil {
				if !errors.Is(err, io.EOF) {
					gotErr = err
				}
				break
			}
			c := *f
			c.Data = bytes.Clone(f.Data)
			got = append(got, c)
		}
		if pr.Info().Format == "" && len(got) > 0 {
			t.Errorf("%s: no Info after reading", path)
		}
		pr.Close()
		if len(got) != len(want) || (gotErr == nil) != (wantErr == nil) {
			t.Fatalf("%s: %d frames, err %v; want %d, err %v", path, len(got), gotErr, len(want), wantErr)
		}
		for i := range want {
			if !bytes.Equal(got[i].Data, want[i].Data) || got[i].Index != want[i].Index || got[i].Offset != want[i].Offset || got[i].Sec != want[i].Sec || got[i].CapLen != len(got[i].Data) {
				t.Fatalf("%s: frame %d differs", path, i+1)
			}
		}
	}
}

// Closing early does not leak the reading goroutine or deadlock.
func TestPrefetchCloseEarly(t *testing.T) {
	data, err := os.ReadFile("../../testdata/lab/faults/loss/client.pcap")
	if err != nil {
		t.Skip(err)
	}
	r, _ := NewReader("x", io.NopCloser(bytes.NewReader(data)))
	pr := Prefetch(r)
	pr.Next()
	if err := pr.Close(); err != nil {
		t.Fatal(err)
	}
}
