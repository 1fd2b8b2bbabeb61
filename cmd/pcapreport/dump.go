package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/pcapreport/pcapreport/analyze/filter"
	"github.com/pcapreport/pcapreport/analyze/source"
	"github.com/pcapreport/pcapreport/report/tcpdump"
)

func runDump(args []string, stdout, stderr io.Writer) int {
	a, err := parseDumpArgs(args)
	if err != nil {
		fmt.Fprintf(stderr, "pcapreport dump: %v\n", err)
		return exitUsage
	}
	if len(a.files) == 0 {
		fmt.Fprintln(stderr, "pcapreport dump: no capture given: use -r FILE (or -r - for stdin)")
		return exitUsage
	}
	flt, err := filter.Compile(a.expr)
	if err != nil {
		fmt.Fprintf(stderr, "pcapreport dump: %v\n", err)
		return exitUsage
	}
	// tcpdump prints local time: TZ decides, and UTC when it is unset.
	a.opts.Location = time.UTC
	if _, ok := os.LookupEnv("TZ"); ok {
		a.opts.Location = time.Local
	}
	printer := tcpdump.New(stdout, a.opts)
	defer printer.Flush()
	status := exitOK
	printed := 0
	checkedLink := ^uint32(0)
	for _, name := range a.files {
		r, err := source.Open(name)
		if err != nil {
			fmt.Fprintf(stderr, "pcapreport dump: %v\n", err)
			return exitUsage
		}
		for first := true; a.count == 0 || printed < a.count; first = false {
			f, err := r.Next()
			if first {
				// After the first read, so that pcapng's first
				// interface is known.
				info := r.Info()
				ltName, ltDesc := source.LinkTypeName(info.LinkType)
				fmt.Fprintf(stderr, "reading from file %s, link-type %s (%s), snapshot length %d\n", name, ltName, ltDesc, info.Snaplen)
			}
			if err != nil {
				if !errors.Is(err, io.EOF) {
					printer.Flush()
					fmt.Fprintf(stderr, "pcapreport dump: %v\n", err)
					status = exitUsage
				}
				break
			}
			if a.expr != "" {
				link := filter.Link{Type: f.LinkType, BigEndian: r.Info().BigEndian}
				if f.LinkType != checkedLink {
					// As libpcap, refuse an expression the link
					// type cannot carry (vlan on a cooked capture).
					if err := flt.Check(link); err != nil {
						printer.Flush()
						fmt.Fprintf(stderr, "pcapreport dump: %s: %v\n", name, err)
						r.Close()
						return exitUsage
					}
					checkedLink = f.LinkType
				}
				if !flt.Match(link, f.Data, f.OrigLen) {
					continue
				}
			}
			if err := printer.Print(f); err != nil {
				fmt.Fprintf(stderr, "pcapreport dump: write: %v\n", err)
				r.Close()
				return exitUsage
			}
			printed++
		}
		r.Close()
	}
	if err := printer.Flush(); err != nil {
		fmt.Fprintf(stderr, "pcapreport dump: write: %v\n", err)
		return exitUsage
	}
	return status
}
