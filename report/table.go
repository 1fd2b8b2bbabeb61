package report

import (
	"io"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// table is the little we need of a table renderer, so the library behind
// it can change without touching the reports.
type table interface {
	header(cols ...string)
	row(cells ...string)
	render() error
}

type tableWriter struct {
	t    *tablewriter.Table
	rows [][]string
}

// newTable returns an ASCII table (pastes cleanly into tickets and mails)
// whose headers are kept as written.
func newTable(w io.Writer) table {
	t := tablewriter.NewTable(w,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(tw.StyleASCII)})),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
	)
	return &tableWriter{t: t}
}

func (tw *tableWriter) header(cols ...string) {
	h := make([]any, len(cols))
	for i, c := range cols {
		h[i] = c
	}
	tw.t.Header(h...)
}

func (tw *tableWriter) row(cells ...string) { tw.rows = append(tw.rows, cells) }

func (tw *tableWriter) render() error {
	if err := tw.t.Bulk(tw.rows); err != nil {
		return err
	}
	return tw.t.Render()
}
