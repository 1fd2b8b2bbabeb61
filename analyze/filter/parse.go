package filter

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"
)

// qual is a primitive's qualifiers: protocol, direction, type.
type qual struct {
	proto string // "", "ether", "ip", "ip6", "arp", "rarp", "tcp", "udp", "sctp"
	dir   string // "", "src", "dst", "src or dst", "src and dst"
	typ   string // "", "host", "net", "port", "portrange"
}

type parser struct {
	toks []token
	pos  int
	vlan int  // VLAN tags stepped over by earlier "vlan" primitives
	last qual // qualifiers a bare id after and/or/not inherits
	// etherOnly collects libpcap's refusals for non-Ethernet links.
	etherOnly []string
	// needsLink is set when the expression looks inside the network
	// layer, which needs a link type whose layout we know.
	needsLink bool
}

func (p *parser) peek() token { return p.toks[p.pos] }
func (p *parser) next() token {
	t := p.toks[p.pos]
	if t.kind != tEOF {
		p.pos++
	}
	return t
}

func (p *parser) errf(t token, format string, args ...any) error {
	return &Error{Col: t.col, Msg: fmt.Sprintf(format, args...)}
}

func isAnd(t token) bool { return t.text == "and" || t.text == "&&" }
func isOr(t token) bool  { return t.text == "or" || t.text == "||" }
func isNot(t token) bool { return t.text == "not" || t.text == "!" }

// parseExpr: and/or have equal precedence and associate left, as in
// pcap-filter(7); not binds tighter.
func (p *parser) parseExpr() (node, error) {
	left, err := p.parseTerm()
	if err != nil {
		return nil, err
	}
	for {
		t := p.peek()
		if !isAnd(t) && !isOr(t) {
			return left, nil
		}
		p.next()
		right, err := p.parseTerm()
		if err != nil {
			return nil, err
		}
		if isAnd(t) {
			left = andNode{left, right}
		} else {
			left = orNode{left, right}
		}
	}
}

var protoKeywords = map[string]bool{
	"ether": true, "link": true, "fddi": true, "tr": true, "wlan": true,
	"ip": true, "ip6": true, "arp": true, "rarp": true,
	"tcp": true, "udp": true, "sctp": true, "icmp": true, "icmp6": true, "igmp": true,
	"pim": true, "vrrp": true, "ah": true, "esp": true, "carp": true,
}

var unsupported = map[string]bool{
	"gateway": true, "protochain": true, "atalk": true, "aarp": true, "decnet": true, "iso": true, "stp": true,
	"ipx": true, "netbeui": true, "lat": true, "sca": true, "moprc": true, "mopdl": true, "mpls": true,
	"pppoed": true, "pppoes": true, "geneve": true, "vxlan": true, "llc": true, "inbound": true, "outbound": true,
	"ifname": true, "on": true, "rnr": true, "rulenum": true, "reason": true, "rset": true, "srnr": true,
	"subrulenum": true, "action": true, "type": true, "subtype": true, "dir": true, "clnp": true, "esis": true,
	"isis": true, "l1": true, "l2": true, "iih": true, "lsp": true, "snp": true, "csnp": true, "psnp": true,
	"radio": true, "ta": true, "ra": true, "addr1": true, "addr2": true, "addr3": true, "addr4": true, "hdpi": true,
}

func (p *parser) parseTerm() (node, error) {
	t := p.peek()
	switch {
	case isNot(t):
		p.next()
		n, err := p.parseTerm()
		if err != nil {
			return nil, err
		}
		return notNode{n}, nil
	case t.text == "(":
		save, saveVlan := p.pos, p.vlan
		if n, err := p.parseRelation(); err == nil {
			return n, nil
		}
		p.pos, p.vlan = save, saveVlan
		p.next()
		n, err := p.parseExpr()
		if err != nil {
			return nil, err
		}
		if c := p.next(); c.text != ")" {
			return nil, p.errf(c, "expected ')', got %s", c)
		}
		return n, nil
	case t.kind == tEOF:
		return nil, p.errf(t, "expected a primitive, got end of expression")
	case t.kind == tOp && t.text != "-":
		return nil, p.errf(t, "unexpected %s", t)
	}
	w := t.text
	if unsupported[w] {
		return nil, p.errf(t, "the %q primitive is not supported", w)
	}
	next := p.toks[min(p.pos+1, len(p.toks)-1)]
	switch {
	case w == "len" || t.kind == tOp || (protoKeywords[w] && next.text == "[") || isNumber(w) && isRelop(next.text) || isConstant(w) || isArithOp(next.text):
		return p.parseRelation()
	case w == "vlan":
		return p.parseVLAN()
	case w == "less" || w == "greater":
		p.next()
		n, err := p.number()
		if err != nil {
			return nil, err
		}
		if w == "less" {
			return funcNode(func(pk *packet) bool { return pk.wireLen <= int(n) }), nil
		}
		return funcNode(func(pk *packet) bool { return pk.wireLen >= int(n) }), nil
	case w == "broadcast" || w == "multicast":
		p.needsLink = true
		p.next()
		return p.castNode("", w, t)
	}
	return p.parsePrimitive()
}

func isConstant(w string) bool { _, ok := constants[w]; return ok }

func isNumber(w string) bool { _, err := parseNumber(w); return err == nil }

func isRelop(s string) bool {
	switch s {
	case "=", "==", "!=", "<", "<=", ">", ">=":
		return true
	}
	return false
}

func isArithOp(s string) bool {
	switch s {
	case "+", "*", "/", "%", "&", "|", "^", "<<", ">>":
		return true
	}
	return isRelop(s)
}

func isKeyword(w string) bool {
	switch w {
	case "host", "net", "port", "portrange", "src", "dst", "and", "or", "not", "proto", "vlan", "less", "greater", "broadcast", "multicast", "mask":
		return true
	}
	return protoKeywords[w]
}

// parsePrimitive parses [proto] [dir] [type] id, the protocol alone, and
// the special forms "ip proto N", "ether broadcast", "ip multicast".
func (p *parser) parsePrimitive() (node, error) {
	p.needsLink = true
	var q qual
	start := p.peek()
	explicit := false
	if protoKeywords[start.text] {
		q.proto = start.text
		switch q.proto {
		case "link", "fddi", "tr", "wlan":
			q.proto = "ether"
		}
		explicit = true
		p.next()
		t := p.peek()
		switch t.text {
		case "proto":
			p.next()
			return p.protoNumber(q.proto, t)
		case "broadcast", "multicast":
			p.next()
			return p.castNode(q.proto, t.text, t)
		}
		if !isDirOrType(t.text) {
			if t.kind == tWord && !isKeyword(t.text) && !isAnd(t) && !isOr(t) && !isNot(t) {
				// "ip 1.2.3.4" is not a primitive.
				return nil, p.errf(t, "expected host, net, port or an operator after '%s', got %s", start.text, t)
			}
			return p.protoAlone(q.proto, start)
		}
	}
	t := p.peek()
	if t.text == "src" || t.text == "dst" {
		explicit = true
		q.dir = t.text
		p.next()
		if o := p.peek(); (o.text == "or" || o.text == "and") && (p.toks[p.pos+1].text == "src" || p.toks[p.pos+1].text == "dst") {
			p.next()
			p.next()
			q.dir = "src " + o.text + " dst"
		}
	}
	t = p.peek()
	switch t.text {
	case "host", "net", "port", "portrange":
		explicit = true
		q.typ = t.text
		p.next()
	case "proto":
		p.next()
		return p.protoNumber("", t)
	}
	if !explicit {
		// A bare id inherits the qualifiers of the primitive before it.
		q = p.last
	}
	p.last = q
	return p.id(q)
}

func isDirOrType(w string) bool {
	switch w {
	case "src", "dst", "host", "net", "port", "portrange":
		return true
	}
	return false
}

// id parses the value of a primitive with qualifiers q.
func (p *parser) id(q qual) (node, error) {
	t := p.next()
	if t.kind != tWord || isKeyword(t.text) {
		what := q.typ
		if what == "" {
			what = "host"
		}
		if what == "portrange" {
			what = "port range"
		}
		after := q.typ
		if after == "" {
			after = q.proto
		}
		if after == "" {
			after = q.dir
		}
		if after != "" {
			return nil, p.errf(t, "expected a %s after '%s', got %s", idWhat(what), after, t)
		}
		return nil, p.errf(t, "expected a %s, got %s", idWhat(what), t)
	}
	switch q.typ {
	case "port":
		n, err := parseNumber(t.text)
		if err != nil || n > 65535 {
			return nil, p.errf(t, "expected a port number, got %s", t)
		}
		return p.portNode(q, uint16(n), uint16(n), t)
	case "portrange":
		lo, hi, ok := strings.Cut(t.text, "-")
		a, err1 := parseNumber(lo)
		b, err2 := parseNumber(hi)
		if !ok || err1 != nil || err2 != nil || a > 65535 || b > 65535 {
			return nil, p.errf(t, "expected a port range like 1000-2000, got %s", t)
		}
		if a > b {
			a, b = b, a
		}
		return p.portNode(q, uint16(a), uint16(b), t)
	case "net":
		return p.netNode(q, t)
	}
	return p.hostNode(q, t)
}

func idWhat(typ string) string {
	switch typ {
	case "port":
		return "port number"
	case "net":
		return "network"
	case "port range":
		return "port range"
	}
	return "host address"
}

func (p *parser) number() (uint32, error) {
	t := p.next()
	n, err := parseNumber(t.text)
	if err != nil {
		return 0, p.errf(t, "expected a number, got %s", t)
	}
	return n, nil
}

// parseNumber reads decimal, 0x hex and 0 octal numbers, as libpcap does.
func parseNumber(s string) (uint32, error) {
	n, err := strconv.ParseUint(s, 0, 32)
	return uint32(n), err
}

// hostNode: host/src host/dst host for IPv4, IPv6 and MAC addresses.
func (p *parser) hostNode(q qual, t token) (node, error) {
	vlan := p.vlan
	if mac, ok := parseMAC(t.text); ok {
		if q.proto != "" && q.proto != "ether" {
			return nil, p.errf(t, "a MAC address is only valid with 'ether'")
		}
		p.etherOnly = append(p.etherOnly, "ethernet addresses supported only on ethernet/FDDI/token ring/802.11/ATM LANE/Fibre Channel")
		return etherHost(q.dir, mac), nil
	}
	if q.proto == "ether" {
		return nil, p.errf(t, "expected a MAC address after 'ether host', got %s", t)
	}
	a, err := netip.ParseAddr(t.text)
	if err != nil {
		return nil, p.errf(t, "unknown host %s: names are not resolved, give an address", t)
	}
	return addrMatch(q, a, -1, vlan, p, t)
}

// addrMatch builds a host or net test: address a with its first bits bits
// significant (a prefix length; -1 for a host, all bits). A /0 network
// matches every packet of the protocols that carry an address, without
// reading the address.
func addrMatch(q qual, a netip.Addr, bits int, vlan int, p *parser, t token) (node, error) {
	if a.Is4() {
		v := be32(a.AsSlice())
		mask := ^uint32(0)
		if bits >= 0 && bits < 32 {
			mask = ^uint32(0) << (32 - bits) // 0 for /0
		}
		var protos []string
		switch q.proto {
		case "":
			protos = []string{"ip", "arp", "rarp"}
		case "ip", "arp", "rarp":
			protos = []string{q.proto}
		default:
			return nil, p.errf(t, "'%s host' takes no IPv4 address", q.proto)
		}
		var out node
		for _, proto := range protos {
			et, srcOff, dstOff := uint16(etherIP), 12, 16
			if proto != "ip" {
				et, srcOff, dstOff = etherARP, 14, 24
				if proto == "rarp" {
					et = etherRARP
				}
			}
			n := v4Test(et, q.dir, srcOff, dstOff, v&mask, mask, vlan)
			if out == nil {
				out = n
			} else {
				out = orNode{out, n}
			}
		}
		return out, nil
	}
	if q.proto != "" && q.proto != "ip6" {
		return nil, p.errf(t, "'%s host' takes no IPv6 address", q.proto)
	}
	want := a.As16()
	if bits < 0 {
		bits = 128
	}
	test := func(pk *packet, off int) bool {
		for i := 0; i < 16; i += 4 {
			m := uint32(0)
			switch {
			case bits >= (i+4)*8:
				m = ^uint32(0)
			case bits > i*8:
				m = ^uint32(0) << ((i+4)*8 - bits)
			}
			if m == 0 {
				break
			}
			if pk.load(off+i, 4)&m != be32(want[i:i+4])&m {
				return false
			}
		}
		return true
	}
	dir := q.dir
	return funcNode(func(pk *packet) bool {
		if !isNet(pk, etherIPv6, vlan) {
			return false
		}
		nl := netOff(pk, vlan)
		switch dir {
		case "src":
			return test(pk, nl+8)
		case "dst":
			return test(pk, nl+24)
		case "src and dst":
			return test(pk, nl+8) && test(pk, nl+24)
		}
		return test(pk, nl+8) || test(pk, nl+24)
	}), nil
}

func v4Test(et uint16, dir string, srcOff, dstOff int, want, mask uint32, vlan int) node {
	return funcNode(func(pk *packet) bool {
		if !isNet(pk, et, vlan) {
			return false
		}
		if mask == 0 {
			return true
		}
		nl := netOff(pk, vlan)
		src := func() bool { return pk.load(nl+srcOff, 4)&mask == want }
		dst := func() bool { return pk.load(nl+dstOff, 4)&mask == want }
		switch dir {
		case "src":
			return src()
		case "dst":
			return dst()
		case "src and dst":
			return src() && dst()
		}
		return src() || dst()
	})
}

func be32(b []byte) uint32 {
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

// netNode: "net 10", "net 10.1.0.0/16", "net 10.1.0.0 mask 255.255.0.0",
// "net 2001:db8::/32".
func (p *parser) netNode(q qual, t token) (node, error) {
	text := t.text
	bits := -1
	var a netip.Addr
	if addr, l, ok := strings.Cut(text, "/"); ok {
		text = addr
		n, err := strconv.Atoi(l)
		if err != nil {
			return nil, p.errf(t, "bad prefix length in %s", t)
		}
		bits = n
	}
	// A "/" is an operator to the lexer: join "10.0.0.0" "/" "8".
	if bits < 0 && p.peek().text == "/" {
		p.next()
		l := p.next()
		n, err := strconv.Atoi(l.text)
		if err != nil {
			return nil, p.errf(l, "expected a prefix length, got %s", l)
		}
		bits = n
	}
	if strings.Contains(text, ":") {
		var err error
		a, err = netip.ParseAddr(text)
		if err != nil {
			return nil, p.errf(t, "bad IPv6 network %s", t)
		}
		if bits < 0 {
			bits = 128
		}
		if bits > 128 {
			return nil, p.errf(t, "prefix length %d is more than 128", bits)
		}
		pref := netip.PrefixFrom(a, bits)
		if pref.Masked().Addr() != a {
			return nil, p.errf(t, "non-network bits set in %s/%d", text, bits)
		}
		return addrMatch(q, a, bits, p.vlan, p, t)
	}
	parts := strings.Split(text, ".")
	if len(parts) > 4 {
		return nil, p.errf(t, "bad network %s", t)
	}
	var octets [4]byte
	for i, s := range parts {
		n, err := strconv.ParseUint(s, 10, 8)
		if err != nil {
			return nil, p.errf(t, "bad network %s", t)
		}
		octets[i] = byte(n)
	}
	a = netip.AddrFrom4(octets)
	if p.peek().text == "mask" {
		p.next()
		m := p.next()
		ma, err := netip.ParseAddr(m.text)
		if err != nil || !ma.Is4() {
			return nil, p.errf(m, "expected a netmask, got %s", m)
		}
		mv := be32(ma.AsSlice())
		bits = 0
		for mv&0x80000000 != 0 {
			bits++
			mv <<= 1
		}
	}
	if bits < 0 {
		bits = 8 * len(parts)
	}
	if bits > 32 {
		return nil, p.errf(t, "prefix length %d is more than 32", bits)
	}
	if netip.PrefixFrom(a, bits).Masked().Addr() != a {
		return nil, p.errf(t, "non-network bits set in %s", t)
	}
	return addrMatch(q, a, bits, p.vlan, p, t)
}

// portNode: port/portrange over TCP, UDP and SCTP, IPv4 (first fragments
// only) and IPv6 (next header directly after the fixed header).
func (p *parser) portNode(q qual, lo, hi uint16, t token) (node, error) {
	var protos []uint8
	switch q.proto {
	case "":
		protos = []uint8{6, 17, 132}
	case "tcp":
		protos = []uint8{6}
	case "udp":
		protos = []uint8{17}
	case "sctp":
		protos = []uint8{132}
	case "ip", "ip6":
		protos = []uint8{6, 17, 132}
	default:
		return nil, p.errf(t, "'%s port' is not valid: ports belong to tcp, udp and sctp", q.proto)
	}
	vlan, dir := p.vlan, q.dir
	in := func(v uint32) bool { return v >= uint32(lo) && v <= uint32(hi) }
	ports := func(pk *packet, off int) bool {
		switch dir {
		case "src":
			return in(pk.load(off, 2))
		case "dst":
			return in(pk.load(off+2, 2))
		case "src and dst":
			return in(pk.load(off, 2)) && in(pk.load(off+2, 2))
		}
		return in(pk.load(off, 2)) || in(pk.load(off+2, 2))
	}
	v4, v6 := q.proto != "ip6", q.proto != "ip"
	return funcNode(func(pk *packet) bool {
		if v6 && isNet(pk, etherIPv6, vlan) {
			nh := pk.load(netOff(pk, vlan)+6, 1)
			for _, pr := range protos {
				if nh == uint32(pr) {
					return ports(pk, netOff(pk, vlan)+40)
				}
			}
			return false
		}
		if v4 && isNet(pk, etherIP, vlan) {
			pr := pk.load(netOff(pk, vlan)+9, 1)
			for _, want := range protos {
				if pr == uint32(want) {
					if !ipFirstFragment(pk, vlan) {
						return false
					}
					return ports(pk, netOff(pk, vlan)+ipHeaderLen(pk, vlan))
				}
			}
		}
		return false
	}), nil
}

// ipProtoNames are the protocol names libpcap accepts after "proto": those
// of Debian's /etc/protocols (netbase), which libpcap looks up.
var ipProtoNames = map[string]uint32{
	"ip": 0, "hopopt": 0, "icmp": 1, "igmp": 2, "ggp": 3, "ipencap": 4, "st": 5, "tcp": 6, "egp": 8, "igp": 9,
	"pup": 12, "udp": 17, "hmp": 20, "xns-idp": 22, "rdp": 27, "iso-tp4": 29, "dccp": 33, "xtp": 36, "ddp": 37,
	"idpr-cmtp": 38, "ipv6": 41, "ipv6-route": 43, "ipv6-frag": 44, "idrp": 45, "rsvp": 46, "gre": 47, "esp": 50,
	"ah": 51, "skip": 57, "ipv6-icmp": 58, "ipv6-nonxt": 59, "ipv6-opts": 60, "rspf": 73, "vmtp": 81, "eigrp": 88,
	"ospf": 89, "ax.25": 93, "ipip": 94, "etherip": 97, "encap": 98, "pim": 103, "ipcomp": 108, "vrrp": 112,
	"l2tp": 115, "isis": 124, "sctp": 132, "fc": 133, "mobility-header": 135, "udplite": 136, "mpls-in-ip": 137,
	"manet": 138, "hip": 139, "shim6": 140, "wesp": 141, "rohc": 142, "ethernet": 143,
}

var etherProtoNames = map[string]uint32{"ip": etherIP, "ip6": etherIPv6, "arp": etherARP, "rarp": etherRARP}

// protoNumber: "ip proto N", "ip6 proto N", "proto N", "ether proto N".
func (p *parser) protoNumber(proto string, kw token) (node, error) {
	t := p.next()
	vlan := p.vlan
	if proto == "ether" {
		n, ok := etherProtoNames[t.text]
		if !ok {
			v, err := parseNumber(t.text)
			if err != nil || v > 0xffff {
				return nil, p.errf(t, "expected an Ethernet type after 'ether proto', got %s", t)
			}
			n = v
		}
		return funcNode(func(pk *packet) bool { return isNet(pk, uint16(n), vlan) }), nil
	}
	n, ok := ipProtoNames[t.text]
	if !ok {
		v, err := parseNumber(t.text)
		if err != nil && t.kind == tWord && !isNumber(t.text) && t.text != "" && (t.text[0] < '0' || t.text[0] > '9') {
			return nil, p.errf(t, "unknown ip proto '%s'", t.text)
		}
		if err != nil || v > 255 {
			return nil, p.errf(t, "expected a protocol number after 'proto', got %s", t)
		}
		n = v
	}
	switch proto {
	case "ip":
		return funcNode(func(pk *packet) bool { return ipProto(pk, vlan, uint8(n)) }), nil
	case "ip6":
		return funcNode(func(pk *packet) bool { return ip6Proto(pk, vlan, uint8(n)) }), nil
	case "":
		return funcNode(func(pk *packet) bool { return ipProto(pk, vlan, uint8(n)) || ip6Proto(pk, vlan, uint8(n)) }), nil
	}
	return nil, p.errf(kw, "'%s proto' is not supported", proto)
}

// protoAlone: "tcp", "ip", "arp" ... as a whole primitive.
func (p *parser) protoAlone(proto string, t token) (node, error) {
	vlan := p.vlan
	both := func(n uint8) node {
		return funcNode(func(pk *packet) bool { return ipProto(pk, vlan, n) || ip6Proto(pk, vlan, n) })
	}
	switch proto {
	case "ether":
		return constNode(true), nil
	case "ip", "ip6", "arp", "rarp":
		et := uint16(etherProtoNames[proto])
		return funcNode(func(pk *packet) bool { return isNet(pk, et, vlan) }), nil
	case "tcp":
		return both(6), nil
	case "udp":
		return both(17), nil
	case "sctp":
		return both(132), nil
	case "pim":
		return both(103), nil
	case "ah":
		return both(51), nil
	case "esp":
		return both(50), nil
	case "vrrp", "carp":
		return funcNode(func(pk *packet) bool { return ipProto(pk, vlan, 112) }), nil
	case "icmp":
		return funcNode(func(pk *packet) bool { return ipProto(pk, vlan, 1) }), nil
	case "igmp":
		return funcNode(func(pk *packet) bool { return ipProto(pk, vlan, 2) }), nil
	case "icmp6":
		return funcNode(func(pk *packet) bool { return ip6Proto(pk, vlan, 58) }), nil
	}
	return nil, p.errf(t, "the %q primitive is not supported", proto)
}

// castNode: broadcast and multicast, for Ethernet, IPv4 and IPv6.
func (p *parser) castNode(proto, kind string, t token) (node, error) {
	vlan := p.vlan
	switch {
	case (proto == "" || proto == "ether") && kind == "broadcast":
		p.etherOnly = append(p.etherOnly, "not a broadcast link")
		return funcNode(func(pk *packet) bool {
			return pk.link.kind == linkEther && pk.link.offType == 12 && pk.load(0, 4) == 0xffffffff && pk.load(4, 2) == 0xffff
		}), nil
	case (proto == "" || proto == "ether") && kind == "multicast":
		p.etherOnly = append(p.etherOnly, "link-layer multicast filters supported only on ethernet/FDDI/token ring/ARCNET/802.11/ATM LANE/Fibre Channel")
		return funcNode(func(pk *packet) bool {
			return pk.link.kind == linkEther && pk.link.offType == 12 && pk.load(0, 1)&1 != 0
		}), nil
	case proto == "ip" && kind == "multicast":
		return funcNode(func(pk *packet) bool { return isNet(pk, etherIP, vlan) && pk.load(netOff(pk, vlan)+16, 1) >= 224 }), nil
	case proto == "ip6" && kind == "multicast":
		return funcNode(func(pk *packet) bool { return isNet(pk, etherIPv6, vlan) && pk.load(netOff(pk, vlan)+24, 1) == 0xff }), nil
	}
	return nil, p.errf(t, "'%s %s' is not supported (an IP broadcast needs the capture's netmask)", proto, kind)
}

// parseVLAN: "vlan" or "vlan N"; moves later offsets past the tag.
func (p *parser) parseVLAN() (node, error) {
	p.next()
	p.etherOnly = append(p.etherOnly, "vlan")
	p.needsLink = true
	depth := p.vlan
	p.vlan++
	isTag := func(pk *packet) bool {
		if pk.link.kind != linkEther {
			return false
		}
		t := pk.load(pk.link.offType+4*depth, 2)
		return t == 0x8100 || t == 0x88a8 || t == 0x9100
	}
	if t := p.peek(); t.kind == tWord && isNumber(t.text) {
		p.next()
		id, _ := parseNumber(t.text)
		if id > 4095 {
			return nil, p.errf(t, "VLAN ID %d is more than 4095", id)
		}
		return funcNode(func(pk *packet) bool {
			return isTag(pk) && pk.load(pk.link.offType+2+4*depth, 2)&0xfff == id
		}), nil
	}
	return funcNode(isTag), nil
}

func parseMAC(s string) ([6]byte, bool) {
	var m [6]byte
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ':' || r == '-' || r == '.' })
	if len(parts) != 6 {
		return m, false
	}
	for i, part := range parts {
		v, err := strconv.ParseUint(part, 16, 8)
		if err != nil || len(part) > 2 {
			return m, false
		}
		m[i] = byte(v)
	}
	return m, true
}

func etherHost(dir string, mac [6]byte) node {
	want4, want2 := be32(mac[:4]), uint32(mac[4])<<8|uint32(mac[5])
	at := func(pk *packet, off int) bool { return pk.load(off, 4) == want4 && pk.load(off+4, 2) == want2 }
	return funcNode(func(pk *packet) bool {
		if pk.link.kind != linkEther || pk.link.offType != 12 {
			return false
		}
		switch dir {
		case "src":
			return at(pk, 6)
		case "dst":
			return at(pk, 0)
		case "src and dst":
			return at(pk, 6) && at(pk, 0)
		}
		return at(pk, 6) || at(pk, 0)
	})
}
