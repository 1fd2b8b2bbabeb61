// Command pcapreport reads packet captures, prints them as tcpdump does, and
// reports what happened in them and what went wrong.
package main

import (
	"fmt"
	"io"
	"os"
)

// Exit statuses shared by all subcommands.
const (
	exitOK       = 0 // ran, nothing to complain about
	exitFindings = 1 // ran, and found something the user asked to fail on
	exitUsage    = 2 // could not run: usage, unreadable input
)

const usage = `usage: pcapreport <command> [arguments]

commands:
  dump    print packets exactly as tcpdump does:
          pcapreport dump -r FILE [-nn -v -e -x -X -q -c N -# -t ...] [expression]
  report  tell what happened in captures and what went wrong, with evidence:
          pcapreport report [--format text|json] [-o FILE] -r FILE [-r FILE ...]
`

func main() {
	stop := startProfiles()
	code := run(os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "dump":
		return runDump(args[1:], stdout, stderr)
	case "report":
		return runReport(args[1:], stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		fmt.Fprintf(stderr, "pcapreport: unknown command %q\n%s", args[0], usage)
		return exitUsage
	}
}
