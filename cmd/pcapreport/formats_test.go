package main

import (
	"path/filepath"
	"strings"
	"testing"
)

const formats = "../../testdata/formats"

// TestFormatsMatchTcpdump reads every container variant of the same
// packets and compares dump's output with tcpdump's on a file tcpdump can
// read: the file itself, or its plain equivalent where libpcap cannot read
// it (gzip, zstd, a pcapng mixing link types).
func TestFormatsMatchTcpdump(t *testing.T) {
	t.Setenv("TZ", "GMT0")
	plain := filepath.Join(formats, "plain.pcap")
	cases := []struct {
		file      string
		reference []string // files whose tcpdump output, concatenated, is expected
	}{
		{"plain.pcap", nil},
		{"bigendian.pcap", nil},
		{"nano.pcap", nil},
		{"nano-bigendian.pcap", nil},
		{"linktype-flags.pcap", nil},
		{"plain.pcapng", nil},
		{"plain.pcap.gz", []string{plain}},
		{"plain.pcap.zst", []string{plain}},
		{"two-links.pcapng", []string{plain, filepath.Join(formats, "two-links-raw.pcap")}},
	}
	for _, opts := range [][]string{{"-nn", "-tttt", "-v"}, {"-nn", "-tttt", "--nano"}, {"-nn", "-ttt", "-e"}, {"-nn", "-tt", "-XX"}} {
		for _, c := range cases {
			t.Run(strings.Join(opts, "")+"/"+c.file, func(t *testing.T) {
				file := filepath.Join(formats, c.file)
				refs := c.reference
				if refs == nil {
					refs = []string{file}
				}
				var want string
				for _, ref := range refs {
					want += tcpdumpOutput(t, ref, opts)
				}
				if c.file == "two-links.pcapng" && opts[1] == "-ttt" {
					// The deltas run across both interfaces' packets.
					t.Skip("-ttt deltas differ from the concatenation by design")
				}
				got, stderr, code := dumpOutput(t, file, opts)
				if code != 0 {
					t.Fatalf("exit status %d: %s", code, stderr)
				}
				if got != want {
					t.Errorf("differs from tcpdump:\n%s", firstDiff(want, got))
				}
			})
		}
	}
}

// TestTruncatedCaptures: the packets before the cut are printed as tcpdump
// prints them, then one error names the file, the byte offset and the
// packet number, and the exit status is non-zero.
func TestTruncatedCaptures(t *testing.T) {
	t.Setenv("TZ", "GMT0")
	cases := []struct {
		file, wantErr string
	}{
		{"cut-data.pcap", "packet 3 at byte offset 168: file ends in the middle of a record: record needs 43 bytes of packet data, file has 33"},
		{"cut-header.pcap", "packet 3 at byte offset 168: file ends in the middle of a record: record header needs 16 bytes, file has 7"},
		{"cut.pcapng", "packet 3 at byte offset 375: file ends in the middle of a record"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			file := filepath.Join(formats, c.file)
			opts := []string{"-#", "-nn", "-v"}
			want := tcpdumpOutput(t, file, opts)
			got, stderr, code := dumpOutput(t, file, opts)
			if code == 0 {
				t.Errorf("exit status 0 for a truncated file")
			}
			if got != want {
				t.Errorf("packets before the cut differ from tcpdump:\n%s", firstDiff(want, got))
			}
			if !strings.Contains(got, "\n    2  ") || strings.Contains(got, "\n    3  ") {
				t.Errorf("want the 2 packets before the cut, got:\n%s", got)
			}
			if !strings.Contains(stderr, file) || !strings.Contains(stderr, c.wantErr) {
				t.Errorf("error does not name file, offset and packet:\n got: %s\nwant: %s: %s", stderr, file, c.wantErr)
			}
			if strings.Count(stderr, "pcapreport dump:") != 1 {
				t.Errorf("want exactly one error, got:\n%s", stderr)
			}
		})
	}
}
