// Package filter compiles tcpdump's filter expressions (pcap-filter(7)) into
// a predicate over a frame's bytes, with libpcap's meaning: the same packets
// a BPF program compiled by libpcap 1.10 would accept.
//
// Like BPF, the predicate reads fixed offsets of the frame: a read past the
// captured bytes rejects the packet, whatever the rest of the expression
// says; the "vlan" keyword moves the offsets of everything after it.
package filter

import "fmt"

// Error is a malformed expression: where (1-based column) and what.
type Error struct {
	Col int
	Msg string
}

func (e *Error) Error() string { return fmt.Sprintf("syntax error at column %d: %s", e.Col, e.Msg) }

// Filter is a compiled expression.
//
// A Filter is not safe for concurrent use: Match reuses its scratch state
// so that matching allocates nothing.
type Filter struct {
	expr string
	root node
	pk   packet
	// etherOnly names what the expression uses that only Ethernet links
	// have (libpcap refuses it on other links), with libpcap's message.
	etherOnly []string
	needsLink bool
}

// Check reports whether the expression can apply to frames of this link
// type: libpcap refuses Ethernet addresses, link-layer broadcast and
// multicast, and VLAN tags on links without them.
func (f *Filter) Check(l Link) error {
	if f.needsLink && !linkLayout(l.Type).known {
		return fmt.Errorf("link type %d is not supported by filter expressions", l.Type)
	}
	if len(f.etherOnly) == 0 || l.Type == 1 {
		return nil
	}
	msg := f.etherOnly[0]
	if msg == "vlan" {
		name := map[uint32]string{0: "BSD loopback", 101: "Raw IP", 12: "Raw IP", 14: "Raw IP", 108: "OpenBSD loopback",
			113: "Linux cooked v1", 228: "Raw IPv4", 229: "Raw IPv6", 276: "Linux cooked v2", 9: "PPP"}[l.Type]
		if name == "" {
			name = fmt.Sprintf("link type %d", l.Type)
		}
		msg = "no VLAN support for " + name
	}
	return fmt.Errorf("%s", msg)
}

// Compile parses an expression. An empty expression matches every packet.
func Compile(expr string) (*Filter, error) {
	toks, err := lex(expr)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	if toks[0].kind == tEOF {
		return &Filter{expr: expr, root: constNode(true)}, nil
	}
	root, err := p.parseExpr()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tEOF {
		return nil, &Error{Col: t.col, Msg: fmt.Sprintf("expected 'and' or 'or' before %s", t)}
	}
	return &Filter{expr: expr, root: root, etherOnly: p.etherOnly, needsLink: p.needsLink}, nil
}

// String returns the expression as given.
func (f *Filter) String() string { return f.expr }

// Link describes the frames' link layer: the link type and, for BSD
// loopback (type 0, whose address family is in the writing host's byte
// order), whether the file was written big-endian.
type Link struct {
	Type      uint32
	BigEndian bool
}

// Match reports whether a frame with data as captured and wireLen bytes on
// the wire passes the filter.
func (f *Filter) Match(l Link, data []byte, wireLen int) bool {
	pk := &f.pk
	*pk = packet{data: data, wireLen: wireLen, link: linkLayout(l.Type)}
	if l.Type == 108 || l.Type == 0 && l.BigEndian {
		pk.link.kind = linkNullBE
	}
	ok := f.root.eval(pk)
	return ok && !pk.abort
}
