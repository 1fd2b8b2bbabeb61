package report

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/pcapreport/pcapreport/analyze"
)

// Schema names the JSON report's format; it changes only when a field's
// meaning does.
const Schema = "pcapreport/v1"

// jsonFacts are a capture's facts at the top level of its JSON object: the
// contract fields first, then the rest.
type jsonFacts struct {
	File          string   `json:"file"`
	Format        string   `json:"format"`
	Packets       int      `json:"packets"`
	LinkTypes     []uint32 `json:"link_types"`
	Truncated     bool     `json:"truncated"`
	Compression   string   `json:"compression,omitempty"`
	Snaplen       uint32   `json:"snaplen"`
	Bytes         int64    `json:"bytes"`
	FirstNs       int64    `json:"first_ns"`
	LastNs        int64    `json:"last_ns"`
	Sliced        int      `json:"sliced"`
	TimeBackwards int      `json:"time_backwards"`
	Filtered      int      `json:"filtered,omitempty"`
	ReadError     string   `json:"read_error,omitempty"`
	Comments      []string `json:"comments,omitempty"`
	FlowsDropped  int      `json:"flows_dropped,omitempty"`
}

// JSON writes the analyses as the pcapreport/v1 document:
//
//	{"schema": "pcapreport/v1", "captures": [{"file", "format", "packets",
//	  "link_types", "truncated", ..., "hosts": [...], "arp": [...],
//	  "flows": [...], "icmp": [...], "deviations": [...]}]}
//
// It is written element by element, so a capture with hundreds of
// thousands of flows never has its whole document in memory.
func JSON(w io.Writer, analyses []*analyze.Analysis) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	j := &jsonWriter{w: bw}
	j.raw("{\n  \"schema\": ")
	j.value(Schema, "  ")
	j.raw(",\n  \"captures\": [")
	for i, a := range analyses {
		if i > 0 {
			j.raw(",")
		}
		j.raw("\n    {\n")
		c := a.Capture
		facts := jsonFacts{
			File: c.File, Format: c.Format, Packets: c.Packets, LinkTypes: nonNil(c.LinkTypes), Truncated: c.Truncated,
			Compression: c.Compression, Snaplen: c.Snaplen, Bytes: c.Bytes, FirstNs: c.First, LastNs: c.Last,
			Sliced: c.Sliced, TimeBackwards: c.TimeBackwards, Filtered: c.Filtered, ReadError: c.ReadError,
			Comments: c.Comments, FlowsDropped: a.FlowsDropped,
		}
		// The facts object's members, without its braces.
		b, err := json.MarshalIndent(facts, "    ", "  ")
		if err != nil {
			return err
		}
		j.raw(string(b[2 : len(b)-6]))
		jsonList(j, "hosts", a.Hosts)
		jsonList(j, "arp", a.ARP)
		jsonFlows(j, &a.Flows)
		jsonList(j, "icmp", a.ICMP)
		jsonList(j, "deviations", a.Deviations)
		j.raw("\n    }")
	}
	j.raw("\n  ]\n}\n")
	if j.err != nil {
		return j.err
	}
	return bw.Flush()
}

type jsonWriter struct {
	w   *bufio.Writer
	err error
}

func (j *jsonWriter) raw(s string) {
	if j.err == nil {
		_, j.err = j.w.WriteString(s)
	}
}

func (j *jsonWriter) value(v any, prefix string) {
	if j.err != nil {
		return
	}
	b, err := json.MarshalIndent(v, prefix, "  ")
	if err != nil {
		j.err = err
		return
	}
	_, j.err = j.w.Write(b)
}

// jsonList writes `,\n      "name": [ ... ]` one element at a time.
func jsonList[T any](j *jsonWriter, name string, items []T) {
	j.raw(",\n      \"" + name + "\": [")
	for i := range items {
		if i > 0 {
			j.raw(",")
		}
		j.raw("\n        ")
		j.value(&items[i], "        ")
	}
	if len(items) > 0 {
		j.raw("\n      ")
	}
	j.raw("]")
}

// jsonFlows writes the flows like jsonList, from their chunks.
func jsonFlows(j *jsonWriter, flows *analyze.FlowList) {
	j.raw(",\n      \"flows\": [")
	var buf []byte
	for i, f := range flows.All() {
		if i > 0 {
			j.raw(",")
		}
		j.raw("\n        ")
		buf = appendFlowJSON(buf[:0], f, "        ")
		if j.err == nil {
			_, j.err = j.w.Write(buf)
		}
	}
	if flows.Len() > 0 {
		j.raw("\n      ")
	}
	j.raw("]")
}

// nonNil makes empty lists encode as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
