package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/pcapreport/pcapreport/analyze"
)

// A busy capture's deviations are summarised by kind, and only the first
// few of each kind are printed in full.
func TestTextSummarisesByKind(t *testing.T) {
	a := &analyze.Analysis{Capture: analyze.Capture{File: "x.pcap", Format: "pcap"}}
	for i := 0; i < 15; i++ {
		a.Deviations = append(a.Deviations, analyze.Deviation{ID: "tcp-rejected", Severity: analyze.Error, Message: "refused", Hint: "h", Count: 2})
	}
	a.Deviations = append(a.Deviations, analyze.Deviation{ID: "tcp-dup-ack", Severity: analyze.Note, Message: "dup", Hint: "h", Count: 7})
	var out bytes.Buffer
	if err := Text(&out, []*analyze.Analysis{a}, nil, TextOptions{MaxPerKind: 10}); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{
		"| error    | tcp-rejected | 30    | The server refused the connection: the SYN was answered with RST. |",
		"| note     | tcp-dup-ack  | 7     |",
		"[error] tcp-rejected: 5 more like these not shown, 30 in all (--format json lists them)",
		"[note] tcp-dup-ack: dup",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks %q:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "[error] tcp-rejected: refused"); n != 10 {
		t.Errorf("%d tcp-rejected shown in full, want 10", n)
	}
}
