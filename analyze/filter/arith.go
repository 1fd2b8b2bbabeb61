package filter

// Relations over packet bytes: proto[expr:size] op value, with libpcap's
// arithmetic (unsigned 32-bit) and operator precedence.

// constants are pcap-filter's named values for byte offsets and flags.
var constants = map[string]uint32{
	"tcpflags": 13, "tcp-fin": 0x01, "tcp-syn": 0x02, "tcp-rst": 0x04, "tcp-push": 0x08,
	"tcp-ack": 0x10, "tcp-urg": 0x20, "tcp-ece": 0x40, "tcp-cwr": 0x80,
	"icmptype": 0, "icmpcode": 1,
	"icmp-echoreply": 0, "icmp-unreach": 3, "icmp-sourcequench": 4, "icmp-redirect": 5, "icmp-echo": 8,
	"icmp-routeradvert": 9, "icmp-routersolicit": 10, "icmp-timxceed": 11, "icmp-paramprob": 12,
	"icmp-tstamp": 13, "icmp-tstampreply": 14, "icmp-ireq": 15, "icmp-ireqreply": 16,
	"icmp-maskreq": 17, "icmp-maskreply": 18,
	"icmp6type": 0, "icmp6code": 1,
	"icmp6-destinationunreach": 1, "icmp6-packettoobig": 2, "icmp6-timeexceeded": 3, "icmp6-parameterproblem": 4,
	"icmp6-echo": 128, "icmp6-echoreply": 129, "icmp6-multicastlistenerquery": 130,
	"icmp6-multicastlistenerreportv1": 131, "icmp6-multicastlistenerdone": 132, "icmp6-routersolicit": 133,
	"icmp6-routeradvert": 134, "icmp6-neighborsolicit": 135, "icmp6-neighboradvert": 136, "icmp6-redirect": 137,
	"icmp6-routerrenum": 138, "icmp6-nodeinformationquery": 139, "icmp6-nodeinformationresponse": 140,
	"icmp6-ineighbordiscoverysolicit": 141, "icmp6-ineighbordiscoveryadvert": 142,
	"icmp6-multicastlistenerreportv2": 143, "icmp6-homeagentdiscoveryrequest": 144,
	"icmp6-homeagentdiscoveryreply": 145, "icmp6-mobileprefixsolicit": 146, "icmp6-mobileprefixadvert": 147,
	"icmp6-certpathsolicit": 148, "icmp6-certpathadvert": 149, "icmp6-multicastrouteradvert": 151,
	"icmp6-multicastroutersolicit": 152, "icmp6-multicastrouterterm": 153,
}

// value is an arithmetic expression over the packet.
type value interface {
	val(pk *packet) uint32
}

type constVal uint32

func (c constVal) val(*packet) uint32 { return uint32(c) }

type lenVal struct{}

func (lenVal) val(pk *packet) uint32 { return uint32(pk.wireLen) }

type binVal struct {
	op   string
	a, b value
}

func (v binVal) val(pk *packet) uint32 {
	a, b := v.a.val(pk), v.b.val(pk)
	switch v.op {
	case "+":
		return a + b
	case "-":
		return a - b
	case "*":
		return a * b
	case "/":
		if b == 0 {
			pk.abort = true
			return 0
		}
		return a / b
	case "%":
		if b == 0 {
			pk.abort = true
			return 0
		}
		return a % b
	case "&":
		return a & b
	case "|":
		return a | b
	case "^":
		return a ^ b
	case "<<":
		if b > 31 {
			return 0
		}
		return a << b
	case ">>":
		if b > 31 {
			return 0
		}
		return a >> b
	}
	return 0
}

type negVal struct{ a value }

func (v negVal) val(pk *packet) uint32 { return -v.a.val(pk) }

// loadVal reads size bytes at base+index, where base is the start of the
// layer proto names.
type loadVal struct {
	proto string
	index value
	size  int
	vlan  int
}

func (v loadVal) val(pk *packet) uint32 {
	base := 0
	nl := netOff(pk, v.vlan)
	switch v.proto {
	case "ether", "link":
	case "ip", "ip6", "arp", "rarp":
		base = nl
	case "tcp", "udp", "icmp", "sctp", "igmp":
		base = nl + ipHeaderLen(pk, v.vlan)
	case "icmp6":
		base = nl + 40
	}
	return pk.load(base+int(v.index.val(pk)), v.size)
}

// guard is the protocol test libpcap puts before a load from proto[].
func guard(proto string, vlan int) node {
	ipTransport := func(n uint8) node {
		return funcNode(func(pk *packet) bool { return ipProto(pk, vlan, n) && ipFirstFragment(pk, vlan) })
	}
	switch proto {
	case "ip":
		return funcNode(func(pk *packet) bool { return isNet(pk, etherIP, vlan) })
	case "ip6":
		return funcNode(func(pk *packet) bool { return isNet(pk, etherIPv6, vlan) })
	case "arp":
		return funcNode(func(pk *packet) bool { return isNet(pk, etherARP, vlan) })
	case "rarp":
		return funcNode(func(pk *packet) bool { return isNet(pk, etherRARP, vlan) })
	case "tcp":
		return ipTransport(6)
	case "udp":
		return ipTransport(17)
	case "icmp":
		return ipTransport(1)
	case "igmp":
		return ipTransport(2)
	case "sctp":
		return ipTransport(132)
	case "icmp6":
		return funcNode(func(pk *packet) bool { return isNet(pk, etherIPv6, vlan) && pk.load(netOff(pk, vlan)+6, 1) == 58 })
	}
	return nil
}

// relNode compares two values after the protocol guards of their loads.
type relNode struct {
	guards []node
	op     string
	a, b   value
}

func (r relNode) eval(pk *packet) bool {
	for _, g := range r.guards {
		if !g.eval(pk) {
			return false
		}
	}
	a, b := r.a.val(pk), r.b.val(pk)
	switch r.op {
	case "=", "==":
		return a == b
	case "!=":
		return a != b
	case "<":
		return a < b
	case "<=":
		return a <= b
	case ">":
		return a > b
	case ">=":
		return a >= b
	}
	return false
}

// parseRelation parses "arith relop arith".
func (p *parser) parseRelation() (node, error) {
	var guards []node
	a, err := p.parseArith(0, &guards)
	if err != nil {
		return nil, err
	}
	op := p.next()
	if !isRelop(op.text) {
		return nil, p.errf(op, "expected a comparison (=, !=, <, >, <=, >=), got %s", op)
	}
	b, err := p.parseArith(0, &guards)
	if err != nil {
		return nil, err
	}
	return relNode{guards: guards, op: op.text, a: a, b: b}, nil
}

// Binary operator precedence, lowest first, as in libpcap's grammar.
var precedence = map[string]int{"|": 1, "^": 2, "&": 3, "<<": 4, ">>": 4, "+": 5, "-": 5, "*": 6, "/": 6, "%": 6}

func (p *parser) parseArith(minPrec int, guards *[]node) (value, error) {
	left, err := p.parseAtom(guards)
	if err != nil {
		return nil, err
	}
	for {
		op := p.peek()
		prec, ok := precedence[op.text]
		if !ok || op.kind != tOp || prec <= minPrec {
			return left, nil
		}
		p.next()
		right, err := p.parseArith(prec, guards)
		if err != nil {
			return nil, err
		}
		if (op.text == "/" || op.text == "%") && right == constVal(0) {
			return nil, p.errf(op, "division by zero")
		}
		left = binVal{op.text, left, right}
	}
}

func (p *parser) parseAtom(guards *[]node) (value, error) {
	t := p.next()
	switch {
	case t.text == "(":
		v, err := p.parseArith(0, guards)
		if err != nil {
			return nil, err
		}
		if c := p.next(); c.text != ")" {
			return nil, p.errf(c, "expected ')', got %s", c)
		}
		return v, nil
	case t.text == "-":
		v, err := p.parseAtom(guards)
		if err != nil {
			return nil, err
		}
		return negVal{v}, nil
	case t.text == "len":
		return lenVal{}, nil
	case protoKeywords[t.text] && p.peek().text == "[":
		proto := t.text
		switch proto {
		case "link", "fddi", "tr", "wlan":
			proto = "ether"
		}
		if proto == "pim" || proto == "vrrp" || proto == "ah" || proto == "esp" || proto == "carp" {
			return nil, p.errf(t, "'%s[]' is not supported", proto)
		}
		p.next()
		idx, err := p.parseArith(0, guards)
		if err != nil {
			return nil, err
		}
		size := 1
		if p.peek().text == ":" {
			p.next()
			s := p.next()
			switch s.text {
			case "1", "2", "4":
				size = int(s.text[0] - '0')
			default:
				return nil, p.errf(s, "data size must be 1, 2 or 4, got %s", s)
			}
		}
		if c := p.next(); c.text != "]" {
			return nil, p.errf(c, "expected ']', got %s", c)
		}
		if proto != "ether" {
			p.needsLink = true
		}
		if g := guard(proto, p.vlan); g != nil {
			*guards = append(*guards, g)
		}
		return loadVal{proto: proto, index: idx, size: size, vlan: p.vlan}, nil
	case t.kind == tWord:
		if v, ok := constants[t.text]; ok {
			return constVal(v), nil
		}
		if n, err := parseNumber(t.text); err == nil {
			return constVal(n), nil
		}
	}
	return nil, p.errf(t, "expected a number, len or proto[offset], got %s", t)
}
