package filter

import "encoding/binary"

// layout is where a link type puts the network layer and its type field.
type layout struct {
	// offType is the offset of the 16-bit Ethernet type, or -1.
	offType int
	// offNet is the offset of the network header.
	offNet int
	// kind selects how "ip", "ip6", "arp" are recognised without an
	// Ethernet type field.
	kind  linkKind
	known bool
}

type linkKind int

const (
	linkEther  linkKind = iota // Ethernet type field at offType
	linkNull                   // BSD address family at 0, little-endian
	linkNullBE                 // BSD address family at 0, big-endian
	linkRaw                    // IP version nibble
	linkIPv4                   // always IPv4
	linkIPv6                   // always IPv6
	linkPPP                    // PPP protocol field at offType
)

func linkLayout(lt uint32) layout {
	switch lt {
	case 1:
		return layout{offType: 12, offNet: 14, kind: linkEther, known: true}
	case 113:
		return layout{offType: 14, offNet: 16, kind: linkEther, known: true}
	case 276:
		return layout{offType: 0, offNet: 20, kind: linkEther, known: true}
	case 0, 108:
		return layout{offType: -1, offNet: 4, kind: linkNull, known: true}
	case 12, 14, 101:
		return layout{offType: -1, offNet: 0, kind: linkRaw, known: true}
	case 228:
		return layout{offType: -1, offNet: 0, kind: linkIPv4, known: true}
	case 9:
		return layout{offType: 2, offNet: 4, kind: linkPPP, known: true}
	case 229:
		return layout{offType: -1, offNet: 0, kind: linkIPv6, known: true}
	}
	return layout{offType: -1}
}

// packet is one frame under evaluation. abort is set when a read went past
// the captured bytes: BPF then rejects the packet outright.
type packet struct {
	data    []byte
	wireLen int
	link    layout
	abort   bool
}

func (p *packet) load(off, size int) uint32 {
	if p.abort || off < 0 || off+size > len(p.data) {
		p.abort = true
		return 0
	}
	switch size {
	case 1:
		return uint32(p.data[off])
	case 2:
		return uint32(binary.BigEndian.Uint16(p.data[off:]))
	default:
		return binary.BigEndian.Uint32(p.data[off:])
	}
}

// node is a compiled predicate or value.
type node interface {
	eval(p *packet) bool
}

type constNode bool

func (c constNode) eval(*packet) bool { return bool(c) }

type andNode struct{ a, b node }

func (n andNode) eval(p *packet) bool { return n.a.eval(p) && n.b.eval(p) }

type orNode struct{ a, b node }

func (n orNode) eval(p *packet) bool { return n.a.eval(p) || n.b.eval(p) }

type notNode struct{ a node }

func (n notNode) eval(p *packet) bool { return !n.a.eval(p) }

// funcNode is a primitive test.
type funcNode func(p *packet) bool

func (f funcNode) eval(p *packet) bool { return f(p) }

// Network-layer protocols, as their Ethernet types.
const (
	etherIP   = 0x0800
	etherIPv6 = 0x86dd
	etherARP  = 0x0806
	etherRARP = 0x8035
)

// isNet tests the network protocol of the frame; vlan is the number of
// VLAN tags the expression has stepped over so far.
func isNet(p *packet, etherType uint16, vlan int) bool {
	l := p.link
	switch l.kind {
	case linkEther:
		return p.load(l.offType+4*vlan, 2) == uint32(etherType)
	case linkPPP:
		proto := p.load(l.offType, 2)
		switch etherType {
		case etherIP:
			return proto == 0x0021
		case etherIPv6:
			return proto == 0x0057
		}
		return false
	case linkNull, linkNullBE:
		fam := p.load(0, 4)
		if l.kind == linkNull {
			fam = fam>>24 | fam>>8&0xff00 | fam<<8&0xff0000 | fam<<24
		}
		// libpcap knows the BSD values of AF_INET6 only.
		switch etherType {
		case etherIP:
			return fam == 2
		case etherIPv6:
			return fam == 24 || fam == 28 || fam == 30
		}
		return false
	case linkRaw:
		v := p.load(0, 1) >> 4
		return etherType == etherIP && v == 4 || etherType == etherIPv6 && v == 6
	case linkIPv4:
		return etherType == etherIP
	case linkIPv6:
		return etherType == etherIPv6
	}
	return false
}

// netOff is the offset of the network header after vlan tags.
func netOff(p *packet, vlan int) int { return p.link.offNet + 4*vlan }

// ipProto tests IPv4's protocol field.
func ipProto(p *packet, vlan int, proto uint8) bool {
	return isNet(p, etherIP, vlan) && p.load(netOff(p, vlan)+9, 1) == uint32(proto)
}

// ip6Proto tests IPv6's next header, looking through one fragment header
// as libpcap does.
func ip6Proto(p *packet, vlan int, proto uint8) bool {
	if !isNet(p, etherIPv6, vlan) {
		return false
	}
	nh := p.load(netOff(p, vlan)+6, 1)
	if nh == uint32(proto) {
		return true
	}
	return nh == 44 && p.load(netOff(p, vlan)+40, 1) == uint32(proto)
}

// ipFirstFragment is true for an unfragmented datagram or its first
// fragment (fragment offset 0).
func ipFirstFragment(p *packet, vlan int) bool {
	return p.load(netOff(p, vlan)+6, 2)&0x1fff == 0
}

// ipHeaderLen is IPv4's header length in bytes.
func ipHeaderLen(p *packet, vlan int) int {
	return int(p.load(netOff(p, vlan), 1)&0xf) * 4
}
