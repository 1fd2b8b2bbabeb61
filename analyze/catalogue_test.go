package analyze

import (
	"flag"
	"os"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite docs/deviations.md from the catalogue")

// catalogueMarkdown renders the catalogue as docs/deviations.md shows it.
func catalogueMarkdown() string {
	var b strings.Builder
	b.WriteString("# Deviations\n\n")
	b.WriteString("Every deviation pcapreport reports has a stable ID, a severity, a one-line meaning and a hint of what\n")
	b.WriteString("to check next. This table is generated from `analyze/catalogue.go` (`go test ./analyze -run Catalogue -update`)\n")
	b.WriteString("and a test keeps the two in sync.\n\n")
	b.WriteString("| ID | severity | meaning | check next |\n|---|---|---|---|\n")
	for _, k := range Catalogue {
		esc := func(s string) string { return strings.ReplaceAll(s, "|", "\\|") }
		b.WriteString("| `" + k.ID + "` | " + k.Severity.String() + " | " + esc(k.Meaning) + " | " + esc(k.Hint) + " |\n")
	}
	return b.String()
}

func TestCatalogueDocInSync(t *testing.T) {
	const path = "../docs/deviations.md"
	want := catalogueMarkdown()
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("docs/deviations.md is out of date: run go test ./analyze -run Catalogue -update")
	}
}

// The IDs the issue names must exist, and every entry must be complete.
func TestCatalogueEntries(t *testing.T) {
	required := []string{"arp-unanswered", "arp-duplicate-ip", "arp-mac-changed", "eth-unknown-dst-mac", "tcp-syn-unanswered",
		"tcp-rejected", "tcp-synack-unanswered", "tcp-handshake-bad-ack", "tcp-reset", "tcp-retransmission", "tcp-lost-segment",
		"tcp-dup-ack", "tcp-zero-window", "tcp-pmtu-blackhole", "checksum-bad", "checksum-offload", "icmp-unreachable",
		"icmp-frag-needed", "icmp-time-exceeded", "icmp-echo-unanswered", "ttl-changed", "ttl-expiring", "capture-truncated"}
	for _, id := range required {
		if _, ok := KindOf(id); !ok {
			t.Errorf("catalogue lacks %s", id)
		}
	}
	idForm := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)+$`)
	seen := map[string]bool{}
	for _, k := range Catalogue {
		if seen[k.ID] {
			t.Errorf("duplicate ID %s", k.ID)
		}
		seen[k.ID] = true
		if !idForm.MatchString(k.ID) || k.Meaning == "" || k.Hint == "" || strings.Contains(k.Meaning, "\n") {
			t.Errorf("incomplete entry %+v", k)
		}
	}
}
