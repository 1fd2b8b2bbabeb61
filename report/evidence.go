package report

import (
	"slices"
	"strings"

	"github.com/pcapreport/pcapreport/analyze"
	"github.com/pcapreport/pcapreport/analyze/source"
	"github.com/pcapreport/pcapreport/report/tcpdump"
)

// Evidence holds the tcpdump text of the frames the report cites, read
// back from the capture file rather than kept during the analysis.
type Evidence struct {
	text map[int]string // frame number → printed lines
}

// maxEvidenceFrames caps the frames read back for one capture.
const maxEvidenceFrames = 5000

// CollectEvidence re-reads a capture and prints, as `tcpdump -nn -vvv -e -X`
// does, each frame the analysis cites (deviations first, at most a few per
// deviation). A file that cannot be read again (stdin) gives no evidence.
func CollectEvidence(a *analyze.Analysis, perDeviation int) *Evidence {
	ev := &Evidence{text: map[int]string{}}
	var want []int
	offsets := map[int]int64{}
	for _, d := range a.Deviations {
		for i, f := range d.Frames {
			if i >= perDeviation {
				break
			}
			want = append(want, f.Index)
			offsets[f.Index] = f.Offset
		}
	}
	slices.Sort(want)
	want = slices.Compact(want)
	if len(want) > maxEvidenceFrames {
		want = want[:maxEvidenceFrames]
	}
	if len(want) == 0 || a.Capture.File == "-" || a.Capture.File == "(stdin)" {
		return ev
	}
	r, err := source.Open(a.Capture.File)
	if err != nil {
		return ev
	}
	defer r.Close()
	var out []byte
	seeker, _ := r.(source.FrameSeeker)
	for _, idx := range want {
		// Jump straight to the frame where the reader can; otherwise
		// read on to it.
		if off := offsets[idx]; seeker != nil && off > 0 {
			if seeker.SeekFrame(off, idx) != nil {
				seeker = nil
			}
		}
		for {
			f, err := r.Next()
			if err != nil {
				// A read error ends the evidence; what was read stays.
				return ev
			}
			if f.Index < idx {
				continue
			}
			// A fresh printer per frame prints it as tcpdump would on
			// its own: TCP sequence numbers are absolute, since the
			// connection's first packet is not in view.
			p := tcpdump.New(nil, tcpdump.Options{Verbose: 3, Ether: true, Hex: tcpdump.HexASCIIPayload, TimeMode: 4, AbsoluteSeq: true})
			out = p.Append(out[:0], f)
			ev.text[idx] = strings.TrimRight(string(out), "\n")
			break
		}
	}
	return ev
}

// Frame returns the printed text of a frame, if it was collected.
func (e *Evidence) Frame(index int) (string, bool) {
	if e == nil {
		return "", false
	}
	t, ok := e.text[index]
	return t, ok
}
