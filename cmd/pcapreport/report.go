package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/pcapreport/pcapreport/analyze"
	"github.com/pcapreport/pcapreport/analyze/filter"
	"github.com/pcapreport/pcapreport/analyze/source"
	"github.com/pcapreport/pcapreport/report"
)

// runReport analyzes captures and writes the report:
//
//	pcapreport report [--format text|json] [-o FILE] [expression] -r FILE [-r FILE ...]
//	pcapreport report FILE...
func runReport(args []string, stdout, stderr io.Writer) int {
	format, outPath := "text", ""
	var files, words []string
	for i := 0; i < len(args); i++ {
		arg := args[i]
		value := func() (string, bool) {
			if k, v, ok := strings.Cut(arg, "="); ok && strings.HasPrefix(k, "--") {
				return v, true
			}
			if len(arg) > 2 && arg[0] == '-' && arg[1] != '-' {
				return arg[2:], true
			}
			if i+1 < len(args) {
				i++
				return args[i], true
			}
			return "", false
		}
		switch {
		case arg == "--format" || strings.HasPrefix(arg, "--format="):
			v, ok := value()
			if !ok || (v != "text" && v != "json") {
				fmt.Fprintf(stderr, "pcapreport report: --format takes text or json\n")
				return exitUsage
			}
			format = v
		case arg == "-o" || strings.HasPrefix(arg, "-o"):
			v, ok := value()
			if !ok {
				fmt.Fprintf(stderr, "pcapreport report: -o needs a file name\n")
				return exitUsage
			}
			outPath = v
		case arg == "-r" || strings.HasPrefix(arg, "-r"):
			v, ok := value()
			if !ok {
				fmt.Fprintf(stderr, "pcapreport report: -r needs a file name\n")
				return exitUsage
			}
			files = append(files, v)
		case arg == "-h" || arg == "--help":
			fmt.Fprint(stdout, "usage: pcapreport report [--format text|json] [-o FILE] [expression] -r FILE [-r FILE ...]\n")
			return exitOK
		case strings.HasPrefix(arg, "-") && arg != "-":
			fmt.Fprintf(stderr, "pcapreport report: unknown option %s\n", arg)
			return exitUsage
		default:
			words = append(words, arg)
		}
	}
	// Without -r, the words are the files (`report a.pcap b.pcap`).
	if len(files) == 0 {
		files, words = words, nil
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "pcapreport report: no capture given")
		return exitUsage
	}
	flt, err := filter.Compile(strings.Join(words, " "))
	if err != nil {
		fmt.Fprintf(stderr, "pcapreport report: %v\n", err)
		return exitUsage
	}
	var match func(*source.Frame) bool
	if len(words) > 0 {
		checked, carries := ^uint32(0), false
		match = func(f *source.Frame) bool {
			link := filter.Link{Type: f.LinkType}
			// An expression this link type cannot carry selects
			// nothing here (dump refuses it, as tcpdump does); check
			// once per link type, not per frame.
			if f.LinkType != checked {
				checked, carries = f.LinkType, flt.Check(link) == nil
			}
			return carries && flt.Match(link, f.Data, f.OrigLen)
		}
	}

	defer tuneGC(48 << 20)()
	var analyses []*analyze.Analysis
	for _, name := range files {
		r, err := source.Open(name)
		if err != nil {
			fmt.Fprintf(stderr, "pcapreport report: %v\n", err)
			return exitUsage
		}
		cfg := analyze.DefaultConfig
		cfg.Match = match
		a, err := analyze.Run(name, r, cfg)
		r.Close()
		if err != nil {
			// The packets before the error are analyzed and reported.
			fmt.Fprintf(stderr, "pcapreport report: %v\n", err)
			var se *source.Error
			if !errors.As(err, &se) {
				return exitUsage
			}
		}
		analyses = append(analyses, a)
	}

	out := stdout
	if outPath != "" {
		f, err := os.Create(outPath)
		if err != nil {
			fmt.Fprintf(stderr, "pcapreport report: %v\n", err)
			return exitUsage
		}
		defer f.Close()
		out = f
	}
	switch format {
	case "json":
		err = report.JSON(out, analyses)
	default:
		evidence := make([]*report.Evidence, len(analyses))
		for i, a := range analyses {
			evidence[i] = report.CollectEvidence(a, 3)
		}
		err = report.Text(out, analyses, evidence, report.TextOptions{EvidencePerDeviation: 3})
	}
	if err != nil {
		fmt.Fprintf(stderr, "pcapreport report: write: %v\n", err)
		return exitUsage
	}
	for _, a := range analyses {
		if worst, any := a.Worst(); any && worst == analyze.Error {
			return exitFindings
		}
	}
	return exitOK
}
