package report

import (
	"bytes"
	"testing"
)

func TestSafeWriterEscapesControls(t *testing.T) {
	var out bytes.Buffer
	w := &safeWriter{w: &out}
	// An escape sequence, a C1 control, a bare CR, invalid UTF-8, and a
	// µ split across two writes.
	w.Write([]byte("a\x1b[31mred\u009b\rb\xff 59 \xc2"))
	w.Write([]byte("\xb5s\tok\n"))
	want := `a\x1b[31mred\xc2\x9b\x0db\xff 59 µs` + "\tok\n"
	if out.String() != want {
		t.Errorf("got  %q\nwant %q", out.String(), want)
	}
}
