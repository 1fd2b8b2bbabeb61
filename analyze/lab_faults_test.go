package analyze_test

import (
	"cmp"
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/pcapreport/pcapreport/analyze"
	"github.com/pcapreport/pcapreport/analyze/source"
)

// The lab fault fixtures: real traffic recorded by
// testdata/lab/faults/record-faults.sh through client → router → server
// network namespaces, one fault per scenario, captured at four points.
// testdata/lab/faults/README.md says what each scenario breaks.
//
// The expectations are written from what a network engineer reading each
// capture must conclude, not from what the engine happened to print: a
// failure here is a tracker that misses (or invents) something.

// labPoints are the capture points, in path order.
var labPoints = [4]string{"client", "rtr-out", "rtr-in", "server"}

// labPoint is what one capture point of a scenario must show.
type labPoint struct {
	// flow overrides the scenario's main TCP flow at this point (NAT).
	flow string
	// state is the Zeek conn_state of the main TCP flow; "none" means
	// that no TCP flow with that originator, responder and port may
	// appear at all; "" means no expectation on TCP.
	state string
	// must lists the deviation IDs that must be reported.
	must []string
	// mayErr lists error-severity IDs that are tolerated besides those in
	// must. Every other error-severity deviation fails: in particular a
	// point with neither must nor mayErr errors must have none at all.
	mayErr []string
	// mustNot lists IDs of any severity that must not be reported.
	mustNot []string
	// icmpErrors is the number of ICMP error messages (destination
	// unreachable, time exceeded) at this point; each must be linked to
	// the flow whose header it quotes.
	icmpErrors int
}

type labScenario struct {
	name string
	// flow is the main TCP flow as "orig>resp:port"; "" when the
	// scenario has none.
	flow   string
	points [4]labPoint
}

const (
	cliSrv80 = "192.0.2.10>198.51.100.20:80"
)

// cleanTCP are what a clean transfer on a quiet virtual link must not show.
var cleanTCP = []string{"tcp-retransmission", "tcp-lost-segment", "tcp-dup-ack", "tcp-reset", "tcp-zero-window", "checksum-offload", "ttl-changed", "ttl-expiring", "arp-unsolicited-reply", "arp-mac-changed"}

// all4 repeats one expectation at the four points.
func all4(p labPoint) [4]labPoint { return [4]labPoint{p, p, p, p} }

// also returns ids plus more, as a new slice.
func also(ids []string, more ...string) []string { return append(slices.Clip(ids), more...) }

var labScenarios = []labScenario{
	// The control: a plain HTTP GET. Nothing at error severity anywhere.
	{name: "healthy", flow: cliSrv80, points: all4(labPoint{state: "SF", mustNot: cleanTCP})},

	// The router drops the SYNs: they are seen up to the router's input and
	// never leave it.
	{name: "syn-dropped", flow: cliSrv80, points: [4]labPoint{
		{state: "S0", must: []string{"tcp-syn-unanswered"}},
		{state: "S0", must: []string{"tcp-syn-unanswered"}},
		{state: "none"},
		{state: "none"},
	}},

	// Nothing listens: the server's RST reaches the client. A refused SYN
	// is not the reset of an established connection.
	{name: "closed-port", flow: cliSrv80, points: all4(labPoint{state: "REJ", must: []string{"tcp-rejected"}, mustNot: []string{"tcp-reset"}})},

	// The server's firewall drops port 80: the SYNs reach the server's
	// wire and nothing answers, at every point.
	{name: "host-firewall-drop", flow: cliSrv80, points: all4(labPoint{state: "S0", must: []string{"tcp-syn-unanswered"}})},

	// The server has no route back: it receives the SYNs and cannot send
	// the SYN/ACK, which from the wire looks like host-firewall-drop.
	{name: "no-return-route", flow: cliSrv80, points: all4(labPoint{state: "S0", must: []string{"tcp-syn-unanswered"}})},

	// An on-link address nobody has: only ARP requests, on the client's
	// segment; no TCP packet ever leaves the client.
	{name: "arp-unanswered", flow: "192.0.2.10>192.0.2.99:80", points: [4]labPoint{
		{state: "none", must: []string{"arp-unanswered"}},
		{state: "none", must: []string{"arp-unanswered"}},
		{state: "none"},
		{state: "none"},
	}},

	// A static ARP entry for the gateway with a MAC nobody owns: the SYNs
	// go to 02:00:00:00:01:99, which the router's interface sees and
	// ignores.
	{name: "wrong-static-arp", flow: cliSrv80, points: [4]labPoint{
		{state: "S0", must: []string{"tcp-syn-unanswered", "eth-unknown-dst-mac"}},
		{state: "S0", must: []string{"tcp-syn-unanswered", "eth-unknown-dst-mac"}},
		{state: "none"},
		{state: "none"},
	}},

	// DNAT on the router: the client talks to 192.0.2.1:8080, the server
	// sees the client's address on port 80. A healthy path.
	{name: "dnat", flow: "192.0.2.10>192.0.2.1:8080", points: [4]labPoint{
		{state: "SF", mustNot: cleanTCP},
		{state: "SF", mustNot: cleanTCP},
		{flow: cliSrv80, state: "SF", mustNot: cleanTCP},
		{flow: cliSrv80, state: "SF", mustNot: cleanTCP},
	}},

	// SNAT on the router: the server sees the router's address. Healthy.
	{name: "snat", flow: cliSrv80, points: [4]labPoint{
		{state: "SF", mustNot: cleanTCP},
		{state: "SF", mustNot: cleanTCP},
		{flow: "198.51.100.1>198.51.100.20:80", state: "SF", mustNot: cleanTCP},
		{flow: "198.51.100.1>198.51.100.20:80", state: "SF", mustNot: cleanTCP},
	}},

	// The router rejects TCP/80 with ICMP admin-prohibited and UDP/53 with
	// ICMP port unreachable. The SYN was answered, by ICMP: it is not
	// "unanswered", and both ICMP errors name the flows they quote.
	{name: "icmp-reject", flow: cliSrv80, points: [4]labPoint{
		{state: "S0", must: []string{"icmp-unreachable"}, mustNot: []string{"tcp-syn-unanswered"}, icmpErrors: 2},
		{state: "S0", must: []string{"icmp-unreachable"}, mustNot: []string{"tcp-syn-unanswered"}, icmpErrors: 2},
		{state: "none"},
		{state: "none"},
	}},

	// A ping and a UDP probe with TTL 1: the router answers time exceeded.
	// They are seen with TTL 1 while still to be routed (the destination is
	// off-link) on the client's segment, and never beyond the router.
	{name: "ttl-expiry", points: [4]labPoint{
		{must: []string{"icmp-time-exceeded", "ttl-expiring"}, icmpErrors: 2},
		{must: []string{"icmp-time-exceeded", "ttl-expiring"}, icmpErrors: 2},
		{mustNot: []string{"icmp-time-exceeded", "ttl-expiring"}},
		{mustNot: []string{"icmp-time-exceeded", "ttl-expiring"}},
	}},

	// The router's link towards the client has MTU 1280 and its ICMP
	// "fragmentation needed" is dropped: the server's full-size segments
	// are retransmitted without ever being acknowledged while the small
	// header segment passed. Only the server side sees them; the client
	// sees a stall and gives up with FIN (the server ACKs it and cannot
	// send its own FIN, stuck behind the data): S2 everywhere. The
	// server's ACK of that FIN carries its snd_nxt, 17376 bytes past what
	// the client received: on the client's side that is data lost before
	// the capture point. No ICMP is on any wire.
	{name: "mtu-blackhole", flow: cliSrv80, points: [4]labPoint{
		{state: "S2", must: []string{"tcp-lost-segment"}, mustNot: []string{"icmp-frag-needed", "tcp-retransmission"}},
		{state: "S2", must: []string{"tcp-lost-segment"}, mustNot: []string{"icmp-frag-needed", "tcp-retransmission"}},
		{state: "S2", must: []string{"tcp-pmtu-blackhole", "tcp-retransmission"}, mustNot: []string{"icmp-frag-needed", "tcp-lost-segment"}},
		{state: "S2", must: []string{"tcp-pmtu-blackhole", "tcp-retransmission"}, mustNot: []string{"icmp-frag-needed", "tcp-lost-segment"}},
	}},

	// Transmit checksum offload on every veth: the partial sum travels
	// across the virtual links, so every point sees it. A note, never
	// corruption.
	{name: "offload-on", flow: cliSrv80, points: all4(labPoint{state: "SF", must: []string{"checksum-offload"}, mustNot: []string{"tcp-retransmission", "tcp-reset"}})},

	// The router's egress towards the client rewrites payload bytes of
	// about 30 % of the server's data segments without fixing the TCP
	// checksum. rtr-out and the client see bad checksums (not the offload
	// pattern); the client drops those segments, asks again with
	// duplicate ACKs and gets them resent: the retransmissions are seen
	// everywhere, the bad checksums only after the router.
	{name: "corruption", flow: cliSrv80, points: [4]labPoint{
		{state: "SF", must: []string{"checksum-bad", "tcp-retransmission", "tcp-dup-ack"}, mustNot: []string{"checksum-offload"}},
		{state: "SF", must: []string{"checksum-bad", "tcp-retransmission", "tcp-dup-ack"}, mustNot: []string{"checksum-offload"}},
		{state: "SF", must: []string{"tcp-retransmission", "tcp-dup-ack"}, mustNot: []string{"checksum-offload"}},
		{state: "SF", must: []string{"tcp-retransmission", "tcp-dup-ack"}, mustNot: []string{"checksum-offload"}},
	}},

	// 10 % of the TCP packets dropped on the router's egress towards the
	// server during a 300 KB upload, captured with snaplen 128. Before
	// the loss every segment is seen and some are sent again; after it
	// there are holes in the sequence space, filled later by the
	// retransmissions: the originals were lost before this capture point,
	// which is what tcp-lost-segment says (Wireshark's "previous segment
	// not captured" fires there too). Telling the points apart by ID is
	// what localizes the loss between rtr-out and rtr-in. Cut packets are
	// not bad checksums, and a cut payload is not a lost segment.
	{name: "loss", flow: cliSrv80, points: [4]labPoint{
		{state: "SF", must: []string{"tcp-retransmission", "tcp-dup-ack"}, mustNot: []string{"tcp-lost-segment"}},
		{state: "SF", must: []string{"tcp-retransmission", "tcp-dup-ack"}, mustNot: []string{"tcp-lost-segment"}},
		{state: "SF", must: []string{"tcp-lost-segment", "tcp-dup-ack"}},
		{state: "SF", must: []string{"tcp-lost-segment", "tcp-dup-ack"}},
	}},

	// The server aborts the response after 8 KB of the 100000 bytes
	// announced: an established connection reset by the responder.
	{name: "mid-reset", flow: cliSrv80, points: all4(labPoint{state: "RSTR", must: []string{"tcp-reset"}, mustNot: []string{"tcp-retransmission"}})},
}

// labFlow is a parsed "orig>resp:port".
type labFlow struct {
	src, dst netip.Addr
	dport    uint16
}

func parseLabFlow(s string) (labFlow, error) {
	src, rest, ok := strings.Cut(s, ">")
	if !ok {
		return labFlow{}, fmt.Errorf("flow %q: want orig>resp:port", s)
	}
	ap, err := netip.ParseAddrPort(rest)
	if err != nil {
		return labFlow{}, fmt.Errorf("flow %q: %v", s, err)
	}
	a, err := netip.ParseAddr(src)
	if err != nil {
		return labFlow{}, fmt.Errorf("flow %q: %v", s, err)
	}
	return labFlow{src: a, dst: ap.Addr(), dport: ap.Port()}, nil
}

// TestLabFaultsTable checks the table itself: known IDs, parseable flows,
// a fixture directory per scenario.
func TestLabFaultsTable(t *testing.T) {
	seen := map[string]bool{}
	for _, sc := range labScenarios {
		if seen[sc.name] {
			t.Errorf("scenario %s listed twice", sc.name)
		}
		seen[sc.name] = true
		for i, p := range sc.points {
			for _, list := range [][]string{p.must, p.mayErr, p.mustNot} {
				for _, id := range list {
					if _, ok := analyze.KindOf(id); !ok {
						t.Errorf("%s/%s: %s is not in the catalogue", sc.name, labPoints[i], id)
					}
				}
			}
			for _, id := range p.must {
				if slices.Contains(p.mustNot, id) {
					t.Errorf("%s/%s: %s is both must and mustNot", sc.name, labPoints[i], id)
				}
			}
			f := cmp.Or(p.flow, sc.flow)
			if p.state != "" && f == "" {
				t.Errorf("%s/%s: a state without a flow", sc.name, labPoints[i])
			}
			if f != "" {
				if _, err := parseLabFlow(f); err != nil {
					t.Errorf("%s/%s: %v", sc.name, labPoints[i], err)
				}
			}
		}
	}
	dirs, _ := filepath.Glob(filepath.Join("..", "testdata", "lab", "faults", "*", "client.pcap"))
	for _, d := range dirs {
		name := filepath.Base(filepath.Dir(d))
		if !seen[name] {
			t.Errorf("testdata/lab/faults/%s has no expectations in labScenarios", name)
		}
	}
}

// TestLabFaults analyzes every capture point of every scenario and checks
// it against the table. Each failure names the scenario, the point and the
// expectation; the analysis's flows and deviations are logged under it
// (for every point with LAB_FAULTS_DUMP=1 and -v).
func TestLabFaults(t *testing.T) {
	var failed []string
	for _, sc := range labScenarios {
		for i, exp := range sc.points {
			point := labPoints[i]
			t.Run(sc.name+"/"+point, func(t *testing.T) {
				fails := checkLabPoint(t, sc, exp, point)
				for _, f := range fails {
					t.Errorf("%s", f)
					failed = append(failed, fmt.Sprintf("%-17s %-8s %s", sc.name, point, f))
				}
			})
		}
	}
	if len(failed) > 0 {
		t.Logf("lab fault expectations not met (%d):\n  %s", len(failed), strings.Join(failed, "\n  "))
	}
}

// labFaultsDir is where the fault captures are: the committed ones, or a
// fresh recording (LAB_FAULTS_DIR=DIR after PRF_OUT=DIR
// testdata/lab/faults/record-faults.sh), to check the expectations on
// captures the analysis was never tuned on.
func labFaultsDir() string {
	if d := os.Getenv("LAB_FAULTS_DIR"); d != "" {
		return d
	}
	return filepath.Join("..", "testdata", "lab", "faults")
}

// checkLabPoint runs the analysis of one capture and returns the unmet
// expectations, one line each.
func checkLabPoint(t *testing.T, sc labScenario, exp labPoint, point string) []string {
	t.Helper()
	path := filepath.Join(labFaultsDir(), sc.name, point+".pcap")
	r, err := source.Open(path)
	if err != nil {
		return []string{fmt.Sprintf("open: %v", err)}
	}
	defer r.Close()
	a, err := analyze.Run(path, r, analyze.DefaultConfig)
	if err != nil {
		return []string{fmt.Sprintf("analyze: %v", err)}
	}
	var fails []string
	failf := func(format string, args ...any) { fails = append(fails, fmt.Sprintf(format, args...)) }

	// The main TCP flow and its state.
	if f := cmp.Or(exp.flow, sc.flow); f != "" && exp.state != "" {
		want, _ := parseLabFlow(f)
		best := -1
		for j, fl := range a.Flows.All() {
			if fl.Proto == "tcp" && fl.Src == want.src && fl.Dst == want.dst && fl.Dport == want.dport {
				if best < 0 || fl.Packets > a.Flows.At(best).Packets {
					best = j
				}
			}
		}
		switch {
		case exp.state == "none" && best >= 0:
			failf("flow %s: want no such TCP flow, found one in state %q", f, a.Flows.At(best).State)
		case exp.state != "none" && best < 0:
			failf("flow %s: want state %s, no such TCP flow found", f, exp.state)
		case exp.state != "none" && a.Flows.At(best).State != exp.state:
			failf("flow %s: want state %s, got %q (history %q)", f, exp.state, a.Flows.At(best).State, a.Flows.At(best).History)
		}
	}

	// Deviations.
	got := map[string]int{}
	for _, d := range a.Deviations {
		got[d.ID] += max(d.Count, 1)
	}
	for _, id := range exp.must {
		if got[id] == 0 {
			failf("deviation %s: must be reported, is not", id)
		}
	}
	for _, id := range exp.mustNot {
		if got[id] > 0 {
			failf("deviation %s: must not be reported, is (%d)", id, got[id])
		}
	}
	var unexpected []string
	for _, d := range a.Deviations {
		if d.Severity == analyze.Error && !slices.Contains(exp.must, d.ID) && !slices.Contains(exp.mayErr, d.ID) &&
			!slices.Contains(exp.mustNot, d.ID) && !slices.Contains(unexpected, d.ID) {
			unexpected = append(unexpected, d.ID)
		}
	}
	for _, id := range unexpected {
		failf("deviation %s: error severity not expected here (%d)", id, got[id])
	}

	// ICMP errors, each linked to the flow it quotes.
	n := 0
	for _, ev := range a.ICMP {
		if ev.Proto != "icmp" || (ev.Type != 3 && ev.Type != 11) {
			continue
		}
		n++
		if ev.Flow < 0 || ev.Flow >= a.Flows.Len() {
			failf("icmp %s from %s: not linked to the flow it quotes (%q)", ev.Text, ev.From, ev.Quoted)
		}
	}
	if n != exp.icmpErrors {
		failf("icmp errors: want %d, got %d", exp.icmpErrors, n)
	}

	if len(fails) > 0 || os.Getenv("LAB_FAULTS_DUMP") != "" {
		t.Logf("analysis of %s:\n%s", path, labSummary(a))
	}
	return fails
}

// labSummary prints what the analysis found, for failure messages.
func labSummary(a *analyze.Analysis) string {
	var b strings.Builder
	fmt.Fprintf(&b, "  %d packets\n", a.Capture.Packets)
	for _, f := range a.Flows.All() {
		fmt.Fprintf(&b, "  flow %s %s:%d > %s:%d state=%s history=%s packets=%d\n", f.Proto, f.Src, f.Sport, f.Dst, f.Dport, f.State, f.History, f.Packets)
	}
	for _, e := range a.ICMP {
		fmt.Fprintf(&b, "  icmp %s from %s: %s quoted=%q flow=%d\n", e.Proto, e.From, e.Text, e.Quoted, e.Flow)
	}
	for _, d := range a.Deviations {
		fr := make([]string, 0, len(d.Frames))
		for _, f := range d.Frames {
			fr = append(fr, strconv.Itoa(f.Index))
		}
		fmt.Fprintf(&b, "  deviation %s (%s) x%d frames=[%s]: %s\n", d.ID, d.Severity, max(d.Count, 1), strings.Join(fr, " "), d.Message)
	}
	return b.String()
}
