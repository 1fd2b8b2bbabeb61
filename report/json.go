package report

import (
	"encoding/json"
	"io"

	"github.com/pcapreport/pcapreport/analyze"
)

// Schema names the JSON report's format; it changes only when a field's
// meaning does.
const Schema = "pcapreport/v1"

// jsonCapture is one capture in the JSON report: the contract fields at
// the top level, the rest of the analysis beside them.
type jsonCapture struct {
	File        string   `json:"file"`
	Format      string   `json:"format"`
	Packets     int      `json:"packets"`
	LinkTypes   []uint32 `json:"link_types"`
	Truncated   bool     `json:"truncated"`
	Compression string   `json:"compression,omitempty"`
	Snaplen     uint32   `json:"snaplen"`
	FirstNs     int64    `json:"first_ns"`
	LastNs      int64    `json:"last_ns"`
	Sliced      int      `json:"sliced"`
	// TimeBackwards counts packets older than the one before them.
	TimeBackwards int                   `json:"time_backwards"`
	ReadError     string                `json:"read_error,omitempty"`
	Hosts         []analyze.HostEntry   `json:"hosts"`
	ARP           []analyze.ARPExchange `json:"arp"`
	Flows         []analyze.Flow        `json:"flows"`
	ICMP          []analyze.ICMPEvent   `json:"icmp"`
	Deviations    []analyze.Deviation   `json:"deviations"`
	FlowsDropped  int                   `json:"flows_dropped,omitempty"`
}

// JSON writes the analyses as the pcapreport/v1 JSON document.
func JSON(w io.Writer, analyses []*analyze.Analysis) error {
	doc := struct {
		Schema   string        `json:"schema"`
		Captures []jsonCapture `json:"captures"`
	}{Schema: Schema, Captures: []jsonCapture{}}
	for _, a := range analyses {
		c := a.Capture
		doc.Captures = append(doc.Captures, jsonCapture{
			File: c.File, Format: c.Format, Packets: c.Packets, LinkTypes: nonNil(c.LinkTypes), Truncated: c.Truncated,
			Compression: c.Compression, Snaplen: c.Snaplen, FirstNs: c.First, LastNs: c.Last, Sliced: c.Sliced,
			TimeBackwards: c.TimeBackwards, ReadError: c.ReadError,
			Hosts: nonNil(a.Hosts), ARP: nonNil(a.ARP), Flows: nonNil(a.Flows), ICMP: nonNil(a.ICMP),
			Deviations: nonNil(a.Deviations), FlowsDropped: a.FlowsDropped,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// nonNil makes empty lists encode as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
