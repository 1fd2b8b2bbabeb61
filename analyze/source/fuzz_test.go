package source

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// FuzzReader: any byte string is read without a panic, every error is an
// *Error, and frames never exceed the caps.
func FuzzReader(f *testing.F) {
	seeds, _ := filepath.Glob("../../testdata/formats/*")
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := NewReader("fuzz", io.NopCloser(bytes.NewReader(data)))
		if err != nil {
			var se *Error
			if !errors.As(err, &se) && !errors.Is(err, io.EOF) {
				// pcapgo's own errors at open are wrapped too.
				t.Fatalf("open error is not an *Error: %v", err)
			}
			return
		}
		defer r.Close()
		for i := 0; i < 10000; i++ {
			fr, err := r.Next()
			if err != nil {
				var se *Error
				if !errors.Is(err, io.EOF) && !errors.As(err, &se) {
					t.Fatalf("error is not an *Error: %v", err)
				}
				return
			}
			if len(fr.Data) > MaxSnaplen*64 {
				t.Fatalf("frame of %d bytes", len(fr.Data))
			}
		}
	})
}
