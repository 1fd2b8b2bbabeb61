package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// sharedCorpus is tcpdump's own decode tests with the output of tcpdump
// 4.99.3, laid beside the project.
const sharedCorpus = "../../../shared/corpus/tcpdump-decode"

type corpusCase struct {
	name, file, options string
}

func readManifest(t *testing.T, dir string) []corpusCase {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "MANIFEST.tsv"))
	if err != nil {
		t.Skipf("shared corpus not available: %v", err)
	}
	defer f.Close()
	var cases []corpusCase
	sc := bufio.NewScanner(f)
	for first := true; sc.Scan(); first = false {
		cols := strings.Split(sc.Text(), "\t")
		if first || len(cols) < 3 {
			continue
		}
		cases = append(cases, corpusCase{cols[0], cols[1], cols[2]})
	}
	return cases
}

// knownDiffs lists the cases whose output still differs from tcpdump, each
// with the reason; testdata/tcpdump-known-diffs.tsv keeps them. A listed case
// that starts to match fails too, so the list only shrinks.
func knownDiffs(t *testing.T) map[string]string {
	t.Helper()
	data, err := os.ReadFile("../../testdata/tcpdump-known-diffs.tsv")
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		id, reason, _ := strings.Cut(line, "\t")
		known[id] = reason
	}
	return known
}

// compareWithKnown fails a differing case unless it is a known difference,
// and fails a known difference that now matches.
func compareWithKnown(t *testing.T, known map[string]string, id, want, got string) bool {
	t.Helper()
	reason, isKnown := known[id]
	switch {
	case got == want && isKnown:
		t.Errorf("%s now matches tcpdump: remove it from testdata/tcpdump-known-diffs.tsv", id)
	case got != want && !isKnown:
		t.Errorf("%s: output differs from tcpdump:\n%s", id, firstDiff(want, got))
	case got != want:
		t.Logf("%s: known difference (%s)", id, reason)
	}
	return got == want
}

// dumpOutput runs `pcapreport dump` in-process and returns its stdout.
func dumpOutput(t *testing.T, file string, options []string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	args := append([]string{"dump"}, options...)
	args = append(args, "-r", file)
	code := run(args, &out, &errOut)
	return out.String(), errOut.String(), code
}

// TestCorpusMatchesTcpdump compares dump's output byte for byte with the
// output tcpdump 4.99.3 gave for each case of the shared corpus.
func TestCorpusMatchesTcpdump(t *testing.T) {
	t.Setenv("TZ", "GMT0")
	dir := sharedCorpus
	cases := readManifest(t, dir)
	known := knownDiffs(t)
	failed := 0
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join(dir, c.name+".out"))
			if err != nil {
				t.Fatal(err)
			}
			got, _, _ := dumpOutput(t, filepath.Join(dir, c.file), strings.Fields(c.options))
			if !compareWithKnown(t, known, "corpus/"+c.name, string(want), got) {
				failed++
			}
		})
	}
	t.Logf("%d of %d corpus cases differ", failed, len(cases))
}

// firstDiff shows the first line where want and got differ.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\n  tcpdump:    %q\n  pcapreport: %q", i+1, w, g)
		}
	}
	return "(no difference)"
}

// liveOptionSets are the option sets the acceptance asks for on every
// capture, compared against the tcpdump installed on this machine.
var liveOptionSets = [][]string{
	{"-nn", "-vvv", "-e", "-X"},
	{"-nn", "-XX"},
	{"-nn", "-q"},
	{"-nn", "-tttt", "-v"},
}

// tcpdumpOutput runs the real tcpdump, failing the test in CI when it is
// missing (CI installs it) and skipping elsewhere.
func tcpdumpOutput(t *testing.T, file string, options []string) string {
	t.Helper()
	path, err := exec.LookPath("tcpdump")
	if err != nil {
		// Debian installs it in /usr/sbin, which a user's PATH may lack.
		path, err = exec.LookPath("/usr/sbin/tcpdump")
	}
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("tcpdump is not installed: %v", err)
		}
		t.Skip("tcpdump is not installed")
	}
	args := append(append([]string{}, options...), "-r", file)
	cmd := exec.Command(path, args...)
	cmd.Env = append(os.Environ(), "TZ=GMT0")
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Run() // a malformed capture makes tcpdump exit 1 after printing
	return out.String()
}

// captureFiles lists the captures every live option set runs on: the
// shared corpus and our own fixtures.
func captureFiles(t *testing.T) []string {
	var files []string
	seen := map[string]bool{}
	for _, c := range readManifest(t, sharedCorpus) {
		if !seen[c.file] {
			seen[c.file] = true
			files = append(files, filepath.Join(sharedCorpus, c.file))
		}
	}
	for _, pattern := range []string{"../../testdata/*.pcap*", "../../testdata/lab/*.pcap*", "../../testdata/lab/faults/*/*.pcap"} {
		own, _ := filepath.Glob(pattern)
		files = append(files, own...)
	}
	return files
}

// TestLiveTcpdump runs tcpdump and dump with the acceptance's option sets
// on every capture and compares the outputs byte for byte.
func TestLiveTcpdump(t *testing.T) {
	t.Setenv("TZ", "GMT0")
	files := captureFiles(t)
	known := knownDiffs(t)
	differ, total := 0, 0
	for _, opts := range liveOptionSets {
		for _, file := range files {
			name := strings.Join(opts, "") + "/" + strings.TrimPrefix(file, "../../testdata/")
			total++
			t.Run(name, func(t *testing.T) {
				want := tcpdumpOutput(t, file, opts)
				got, _, _ := dumpOutput(t, file, opts)
				if !compareWithKnown(t, known, "live/"+name, want, got) {
					differ++
				}
			})
		}
	}
	t.Logf("%d of %d live cases differ", differ, total)
}
