// Package report renders analyses for people and programs: text for the
// terminal, JSON for tools. Evidence packets are printed through
// report/tcpdump, exactly as tcpdump prints them.
package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/pcapreport/pcapreport/analyze"
	"github.com/pcapreport/pcapreport/analyze/source"
)

// TextOptions tune the text report.
type TextOptions struct {
	// EvidencePerDeviation caps the evidence frames printed under each
	// deviation.
	EvidencePerDeviation int
	// MaxFlows caps the rows of the conversations table; 0 means 200.
	MaxFlows int
	// MaxPerKind caps the deviations of one ID shown in full; the rest
	// are counted in the summary table. 0 means 10.
	MaxPerKind int
}

// Text writes a report for people: capture facts, the ARP table and
// exchanges, conversations, ICMP events and the deviations, most severe
// first, each with its hint and its evidence packets.
func Text(w io.Writer, analyses []*analyze.Analysis, evidence []*Evidence, opts TextOptions) error {
	safe := &safeWriter{w: w}
	bw := bufio.NewWriter(safe)
	if opts.MaxFlows == 0 {
		opts.MaxFlows = 200
	}
	if opts.MaxPerKind == 0 {
		opts.MaxPerKind = 10
	}
	for i, a := range analyses {
		if i > 0 {
			fmt.Fprintln(bw)
		}
		var ev *Evidence
		if i < len(evidence) {
			ev = evidence[i]
		}
		if err := textOne(bw, a, ev, opts); err != nil {
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return safe.flush()
}

func textOne(w *bufio.Writer, a *analyze.Analysis, ev *Evidence, opts TextOptions) error {
	c := a.Capture
	fmt.Fprintf(w, "== %s\n", c.File)
	format := c.Format
	if c.Compression != "" {
		format += " (" + c.Compression + ")"
	}
	links := make([]string, len(c.LinkTypes))
	for i, lt := range c.LinkTypes {
		links[i], _ = source.LinkTypeName(lt)
	}
	fmt.Fprintf(w, "%s, %s, snaplen %d: %d packets, %d bytes", format, strings.Join(links, "+"), c.Snaplen, c.Packets, c.Bytes)
	if c.Packets > 0 {
		fmt.Fprintf(w, ", %s to %s (%s)", stamp(c.First), stamp(c.Last), duration(c.Last-c.First))
	}
	fmt.Fprintln(w)
	if c.Sliced > 0 {
		fmt.Fprintf(w, "%d packets were cut by the snaplen: their upper layers are partly missing\n", c.Sliced)
	}
	if c.TimeBackwards > 0 {
		fmt.Fprintf(w, "time goes backwards %d times (merged captures or clock steps)\n", c.TimeBackwards)
	}
	if c.ReadError != "" {
		fmt.Fprintf(w, "reading stopped: %s\n", c.ReadError)
	}
	for _, com := range c.Comments {
		fmt.Fprintf(w, "comment on frame %s\n", com)
	}

	errs, warns, notes := 0, 0, 0
	for _, d := range a.Deviations {
		switch d.Severity {
		case analyze.Error:
			errs++
		case analyze.Warning:
			warns++
		default:
			notes++
		}
	}
	fmt.Fprintf(w, "verdict: %d errors, %d warnings, %d notes\n", errs, warns, notes)

	if len(a.Hosts) > 0 {
		fmt.Fprintf(w, "\nHosts (what the capture proves)\n")
		t := newTable(w)
		t.header("IP", "MAC", "from", "initial TTL", "hops away")
		for _, h := range a.Hosts {
			ttl, hops := "", ""
			if h.InitialTTL > 0 {
				ttl, hops = strconv.Itoa(h.InitialTTL), strconv.Itoa(h.Hops)
			}
			t.row(h.IP.String(), h.MAC, h.Source, ttl, hops)
		}
		if err := t.render(); err != nil {
			return err
		}
	}
	if len(a.ARP) > 0 {
		fmt.Fprintf(w, "\nARP and neighbour discovery\n")
		t := newTable(w)
		t.header("proto", "who-has", "tell", "requests", "answer", "after", "frames")
		for _, x := range a.ARP {
			answer, after := "none", ""
			if x.Answered {
				answer, after = x.AnswerMAC, duration(x.AnswerNs)
			}
			proto := "arp"
			if x.Proto != "" {
				proto = x.Proto
			}
			t.row(proto, x.WhoHas.String(), x.Tell.String(), strconv.Itoa(x.Requests), answer, after, frameList(x.Frames, 4))
		}
		if err := t.render(); err != nil {
			return err
		}
	}
	if a.Flows.Len() > 0 {
		fmt.Fprintf(w, "\nConversations\n")
		t := newTable(w)
		t.header("proto", "from", "to", "state", "history", "pkts >", "pkts <", "bytes >", "bytes <", "duration")
		for i, f := range a.Flows.All() {
			if i == opts.MaxFlows {
				fmt.Fprintf(w, "(%d more conversations not shown; --format json lists them all)\n", a.Flows.Len()-i)
				break
			}
			state := f.State
			if f.StateText != "" {
				state += " (" + f.StateText + ")"
			}
			t.row(f.Proto, endpoint(f.Src.String(), f.Sport, f.Proto), endpoint(f.Dst.String(), f.Dport, f.Proto), state, f.History,
				strconv.Itoa(int(f.OrigPackets)), strconv.Itoa(int(f.RespPackets)), strconv.FormatInt(f.OrigBytes, 10), strconv.FormatInt(f.RespBytes, 10), duration(f.End-f.Start))
		}
		if err := t.render(); err != nil {
			return err
		}
		if a.FlowsDropped > 0 {
			fmt.Fprintf(w, "%d flows were not tracked: the flow table was full\n", a.FlowsDropped)
		}
	}
	if len(a.ICMP) > 0 {
		fmt.Fprintf(w, "\nICMP\n")
		t := newTable(w)
		t.header("from", "to", "message", "about", "frames")
		for _, x := range a.ICMP {
			t.row(x.From.String(), x.To.String(), x.Text, x.Quoted, frameList(x.Frames, 4))
		}
		if err := t.render(); err != nil {
			return err
		}
	}
	if len(a.Deviations) == 0 {
		return nil
	}
	// A summary first: a busy capture has hundreds of deviations of a
	// few kinds, and the kinds are what an engineer reads first.
	type kindCount struct {
		sev         analyze.Severity
		id          string
		times, seen int
	}
	var kinds []*kindCount
	byID := map[string]*kindCount{}
	for _, d := range a.Deviations {
		k := byID[d.ID]
		if k == nil {
			k = &kindCount{sev: d.Severity, id: d.ID}
			byID[d.ID] = k
			kinds = append(kinds, k)
		}
		k.times += max(d.Count, 1)
		k.seen++
	}
	fmt.Fprintf(w, "\nDeviations by kind\n")
	t := newTable(w)
	t.header("severity", "id", "times", "meaning")
	for _, k := range kinds {
		meaning := ""
		if kind, ok := analyze.KindOf(k.id); ok {
			meaning = kind.Meaning
		}
		t.row(k.sev.String(), k.id, strconv.Itoa(k.times), meaning)
	}
	if err := t.render(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nDeviations, most severe first\n")
	shown := map[string]int{}
	for _, d := range a.Deviations {
		if shown[d.ID]++; shown[d.ID] > opts.MaxPerKind {
			if shown[d.ID] == opts.MaxPerKind+1 {
				k := byID[d.ID]
				fmt.Fprintf(w, "\n[%s] %s: %d more like these not shown, %d in all (--format json lists them)\n", d.Severity, d.ID, k.seen-opts.MaxPerKind, k.times)
			}
			continue
		}
		fmt.Fprintf(w, "\n[%s] %s: %s", d.Severity, d.ID, d.Message)
		if d.Folded > 0 {
			// The message gives the numbers of this occurrence; past
			// the per-ID cap, the rest are only counted.
			fmt.Fprintf(w, " (and %d more like it)", d.Folded)
		}
		fmt.Fprintf(w, "\n  check: %s\n", d.Hint)
		for i, f := range d.Frames {
			if i >= opts.EvidencePerDeviation {
				fmt.Fprintf(w, "  (%d more frames: %s)\n", len(d.Frames)-i, frameList(d.Frames[i:], 10))
				break
			}
			text, ok := ev.Frame(f.Index)
			if !ok {
				fmt.Fprintf(w, "  frame %d\n", f.Index)
				continue
			}
			fmt.Fprintf(w, "  frame %d:\n", f.Index)
			for _, line := range strings.Split(text, "\n") {
				fmt.Fprintf(w, "    %s\n", line)
			}
		}
	}
	return nil
}

func endpoint(addr string, port uint16, proto string) string {
	if proto != "tcp" && proto != "udp" {
		return addr
	}
	if strings.Contains(addr, ":") {
		return "[" + addr + "]:" + strconv.Itoa(int(port))
	}
	return addr + ":" + strconv.Itoa(int(port))
}

func frameList(f analyze.Frames, max int) string {
	var s []string
	for i, r := range f {
		if i == max {
			s = append(s, "…")
			break
		}
		s = append(s, strconv.Itoa(r.Index))
	}
	return strings.Join(s, " ")
}

func stamp(ns int64) string {
	return time.Unix(0, ns).UTC().Format("2006-01-02 15:04:05.000000")
}

// duration prints a time span the way engineers read it: 0.2 ms, 1.5 s.
func duration(ns int64) string {
	switch {
	case ns < 0:
		return "-" + duration(-ns)
	case ns < 1e6:
		return strconv.FormatFloat(float64(ns)/1e6, 'f', 3, 64) + " ms"
	case ns < 1e9:
		return strconv.FormatFloat(float64(ns)/1e6, 'f', 1, 64) + " ms"
	default:
		return strconv.FormatFloat(float64(ns)/1e9, 'f', 3, 64) + " s"
	}
}
