package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pcapreport/pcapreport/report/tcpdump"
)

// dumpArgs is what tcpdump's command line for reading files says.
type dumpArgs struct {
	files  []string
	count  int // -c: stop after this many packets; 0 = all
	opts   tcpdump.Options
	expr   string
	xCount int // -x given this many times
	XCount int
	ACount int
}

// parseDumpArgs parses tcpdump-style flags: single-letter flags that can be
// combined and repeated (-nnvvvXe), flags with a value attached or separate
// (-c5, -c 5, -rFILE, -r FILE), long options (--nano), and the filter
// expression from the remaining words.
func parseDumpArgs(args []string) (*dumpArgs, error) {
	a := &dumpArgs{}
	var words []string
	for i := 0; i < len(args); i++ {
		arg := args[i]
		switch {
		case arg == "--":
			words = append(words, args[i+1:]...)
			i = len(args)
			continue
		case strings.HasPrefix(arg, "--"):
			switch arg {
			case "--nano", "--time-stamp-precision=nano":
				a.opts.Nano = true
			case "--micro", "--time-stamp-precision=micro":
				a.opts.Nano = false
			case "--absolute-tcp-sequence-numbers":
				a.opts.AbsoluteSeq = true
			case "--dont-verify-checksums":
				a.opts.NoVerify = true
			case "--number":
				a.opts.Number = true
			default:
				return nil, fmt.Errorf("unknown option %s", arg)
			}
			continue
		case len(arg) < 2 || arg[0] != '-':
			words = append(words, arg)
			continue
		}
		for j := 1; j < len(arg); j++ {
			ch := arg[j]
			switch ch {
			case 'n', 'N':
				// Numeric output is all we print: names are never looked up.
			case 'v':
				a.opts.Verbose++
			case 'e':
				a.opts.Ether = true
			case 'q':
				a.opts.Quiet = true
			case 'x':
				a.xCount++
			case 'X':
				a.XCount++
			case 'A':
				a.ACount++
			case '#':
				a.opts.Number = true
			case 't':
				a.opts.TimeMode++
			case 'K':
				a.opts.NoVerify = true
			case 'S':
				a.opts.AbsoluteSeq = true
			case 'c', 'r':
				val := arg[j+1:]
				if val == "" {
					if i+1 >= len(args) {
						return nil, fmt.Errorf("option -%c needs a value", ch)
					}
					i++
					val = args[i]
				}
				if ch == 'r' {
					a.files = append(a.files, val)
				} else {
					n, err := strconv.Atoi(val)
					if err != nil || n <= 0 {
						return nil, fmt.Errorf("invalid packet count %q", val)
					}
					a.count = n
				}
				j = len(arg)
			default:
				return nil, fmt.Errorf("unknown option -%c", ch)
			}
		}
	}
	if a.opts.TimeMode > 5 {
		a.opts.TimeMode = 5
	}
	switch {
	case a.XCount > 1:
		a.opts.Hex = tcpdump.HexASCIIFrame
	case a.XCount == 1:
		a.opts.Hex = tcpdump.HexASCIIPayload
	case a.xCount > 1:
		a.opts.Hex = tcpdump.HexFrame
	case a.xCount == 1:
		a.opts.Hex = tcpdump.HexPayload
	case a.ACount > 1:
		a.opts.Hex = tcpdump.ASCIIFrame
	case a.ACount == 1:
		a.opts.Hex = tcpdump.ASCIIPayload
	}
	a.expr = strings.Join(words, " ")
	return a, nil
}
