package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"strings"
	"testing"
)

var updateGolden = flag.Bool("update", false, "rewrite the report golden files")

const faults = "../../testdata/lab/faults/"

// The JSON report is a contract: these fields must be there, with these
// names and meanings.
func TestReportJSONContract(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run([]string{"report", "--format", "json", faults + "closed-port/client.pcap"}, &out, &errOut)
	if code != exitFindings {
		t.Errorf("exit status %d, want %d (an error-severity deviation): %s", code, exitFindings, errOut.String())
	}
	var doc struct {
		Schema   string `json:"schema"`
		Captures []struct {
			File      string   `json:"file"`
			Format    string   `json:"format"`
			Packets   int      `json:"packets"`
			LinkTypes []uint32 `json:"link_types"`
			Truncated *bool    `json:"truncated"`
			ARP       []struct {
				WhoHas    string `json:"who_has"`
				Tell      string `json:"tell"`
				Requests  int    `json:"requests"`
				Answered  bool   `json:"answered"`
				AnswerMAC string `json:"answer_mac"`
				Frames    []int  `json:"frames"`
			} `json:"arp"`
			Flows []struct {
				Proto   string `json:"proto"`
				Src     string `json:"src"`
				Sport   int    `json:"sport"`
				Dst     string `json:"dst"`
				Dport   int    `json:"dport"`
				State   string `json:"state"`
				History string `json:"history"`
				Packets int    `json:"packets"`
				Bytes   *int64 `json:"bytes"`
				Frames  []int  `json:"frames"`
			} `json:"flows"`
			Deviations []struct {
				ID       string `json:"id"`
				Severity string `json:"severity"`
				Message  string `json:"message"`
				Hint     string `json:"hint"`
				Frames   []int  `json:"frames"`
			} `json:"deviations"`
		} `json:"captures"`
	}
	dec := json.NewDecoder(&out)
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	if doc.Schema != "pcapreport/v1" || len(doc.Captures) != 1 {
		t.Fatalf("schema %q, %d captures", doc.Schema, len(doc.Captures))
	}
	c := doc.Captures[0]
	if c.Format != "pcap" || c.Packets != 4 || len(c.LinkTypes) != 1 || c.LinkTypes[0] != 1 || c.Truncated == nil || *c.Truncated {
		t.Errorf("capture facts: %+v", c)
	}
	if len(c.ARP) != 1 || c.ARP[0].WhoHas != "192.0.2.1" || c.ARP[0].Tell != "192.0.2.10" || !c.ARP[0].Answered || c.ARP[0].AnswerMAC != "02:00:00:00:01:01" || len(c.ARP[0].Frames) != 2 {
		t.Errorf("arp: %+v", c.ARP)
	}
	var tcp int
	for _, f := range c.Flows {
		if f.Proto == "tcp" {
			tcp++
			if f.Src != "192.0.2.10" || f.Dst != "198.51.100.20" || f.Dport != 80 || f.State != "REJ" || f.Packets != 2 || f.Bytes == nil || len(f.Frames) == 0 || f.Frames[0] != 3 {
				t.Errorf("tcp flow: %+v", f)
			}
		}
	}
	if tcp != 1 {
		t.Errorf("%d tcp flows, want 1", tcp)
	}
	found := false
	for _, d := range c.Deviations {
		if d.ID == "tcp-rejected" {
			found = d.Severity == "error" && d.Hint != "" && strings.Contains(d.Message, "198.51.100.20") && len(d.Frames) >= 2 && d.Frames[0] == 3
		}
	}
	if !found {
		t.Errorf("no complete tcp-rejected deviation: %+v", c.Deviations)
	}
}

func TestReportExitStatus(t *testing.T) {
	cases := []struct {
		args []string
		want int
	}{
		{[]string{"report", faults + "healthy/client.pcap"}, exitOK},
		{[]string{"report", "-r", faults + "healthy/server.pcap", "-r", faults + "syn-dropped/client.pcap"}, exitFindings},
		{[]string{"report", "../../testdata/formats/cut-data.pcap"}, exitFindings},
		{[]string{"report", "../../testdata/README.md"}, exitUsage},
		{[]string{"report", "no-such-file.pcap"}, exitUsage},
		{[]string{"report", "--format", "xml", faults + "healthy/client.pcap"}, exitUsage},
		{[]string{"report", "-r", faults + "healthy/client.pcap", "port", "and"}, exitUsage},
		{[]string{"report", "-r", faults + "syn-dropped/client.pcap", "arp"}, exitOK},
	}
	for _, c := range cases {
		var out, errOut bytes.Buffer
		if got := run(c.args, &out, &errOut); got != c.want {
			t.Errorf("%v: exit status %d, want %d\n%s", c.args, got, c.want, errOut.String())
		}
	}
}

// The text report of a capture is compared byte for byte with a golden
// file (regenerate with go test ./cmd/pcapreport -run Golden -update).
func TestReportTextGolden(t *testing.T) {
	for _, c := range []struct{ capture, golden string }{
		{faults + "closed-port/client.pcap", "../../testdata/golden/closed-port-client.txt"},
		{faults + "syn-dropped/client.pcap", "../../testdata/golden/syn-dropped-client.txt"},
		{faults + "icmp-reject/client.pcap", "../../testdata/golden/icmp-reject-client.txt"},
	} {
		var out, errOut bytes.Buffer
		run([]string{"report", c.capture}, &out, &errOut)
		if *updateGolden {
			os.MkdirAll("../../testdata/golden", 0o755)
			if err := os.WriteFile(c.golden, out.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(c.golden)
		if err != nil {
			t.Fatal(err)
		}
		if out.String() != string(want) {
			t.Errorf("%s differs from %s:\n%s", c.capture, c.golden, firstDiff(string(want), out.String()))
		}
	}
}
