package tcpdump

// ARP hardware types and operations tcpdump names.
const (
	arpHrdFrameRelay = 15
	arpHrdATM        = 19
)

func arpHrdName(hrd uint16) string {
	switch hrd {
	case 1:
		return "Ethernet"
	case 6:
		return "TokenRing"
	case 7:
		return "ArcNet"
	case 15:
		return "FrameRelay"
	case 23:
		return "Strip"
	case 24:
		return "IEEE 1394"
	case 19:
		return "ATM"
	case 32:
		return "InfiniBand"
	}
	return ""
}

func arpOpName(op uint16) string {
	switch op {
	case 1:
		return "Request"
	case 2:
		return "Reply"
	case 3:
		return "Reverse Request"
	case 4:
		return "Reverse Reply"
	case 8:
		return "Inverse Request"
	case 9:
		return "Inverse Reply"
	case 10:
		return "NACK Reply"
	}
	return ""
}

// arpHrd appends the hardware type name, or "Unknown Hardware (N)".
func (p *Printer) arpHrd(hrd uint16) {
	if name := arpHrdName(hrd); name != "" {
		p.s(name)
		return
	}
	p.s("Unknown Hardware (")
	p.u(uint64(hrd))
	p.c(')')
}

// arpPro appends the protocol type name, or "Unknown Protocol (0xNNNN)".
func (p *Printer) arpPro(pro uint16) {
	if name, ok := etherTypes[uint32(pro)]; ok {
		p.s(name)
		return
	}
	p.s("Unknown Protocol (0x")
	p.hex(uint64(pro), 4)
	p.c(')')
}

// arpOp appends the operation name followed by a space.
func (p *Printer) arpOp(op uint16) {
	if name := arpOpName(op); name != "" {
		p.s(name)
	} else {
		p.s("Unknown (")
		p.u(uint64(op))
		p.c(')')
	}
	p.c(' ')
}

// isIPProto reports whether an ARP protocol type carries IPv4 addresses.
func isIPProto(pro uint16) bool { return pro == 0x0800 || pro == 0x1000 }

// linkAddr appends a hardware address of n bytes at b[off:] as tcpdump's
// linkaddr_string does: "<empty>", a MAC, a Frame Relay DLCI, or hex
// bytes joined by colons.
func (p *Printer) linkAddr(b []byte, off, n int, frameRelay bool) {
	if n == 0 {
		p.s("<empty>")
		return
	}
	p.check(b, off, n)
	a := b[off : off+n]
	if frameRelay {
		p.q922String(a)
		return
	}
	p.mac(a)
}

// q922String appends the DLCI of a Q.922 address, as tcpdump's q922_string.
func (p *Printer) q922String(a []byte) {
	dlci, ret := parseQ922(a)
	switch ret {
	case 1:
		p.s("DLCI ")
		p.u(uint64(dlci))
	case 0:
		p.s("<Invalid DLCI>")
	default:
		p.s("<Truncated>")
	}
}

// parseQ922 decodes a Q.922 address: 1 and the DLCI when valid, 0 when
// invalid, -1 when a is too short.
func parseQ922(a []byte) (uint32, int) {
	if len(a) < 1 {
		return 0, -1
	}
	if a[0]&1 != 0 {
		return 0, 0
	}
	if len(a) < 2 {
		return 0, -1
	}
	dlci := uint32(a[0]&0xfc)<<2 | uint32(a[1]&0xf0)>>4
	if a[1]&1 != 0 {
		return dlci, 1
	}
	a = a[2:]
	if len(a) < 1 {
		return 0, -1
	}
	if a[0]&1 == 0 {
		dlci = dlci<<7 | uint32(a[0]>>1)
		a = a[1:]
	}
	if len(a) < 1 {
		return 0, -1
	}
	if a[0]&1 == 0 {
		return 0, 0
	}
	return dlci<<6 | uint32(a[0]>>2), 1
}

// arpProtoAddr appends the IPv4 address at b[off:] if the protocol type
// and length say it is one, else tcpdump's complaint.
func (p *Printer) arpProtoAddr(b []byte, off int, pro uint16, plen int, wrongLen string) {
	switch {
	case !isIPProto(pro):
		p.s("<wrong proto type>")
	case plen != 4:
		p.s(wrongLen)
	default:
		p.getIP4(b, off)
	}
}

// arp prints an ARP or RARP packet (tcpdump's arp_print).
func (p *Printer) arp(b []byte, length int) {
	p.protocol = "arp"
	p.check(b, 0, 8)
	hrd := p.get16(b, 0)
	pro := p.get16(b, 2)
	op := p.get16(b, 6)
	if hrd == arpHrdATM {
		p.atmARP(b, length, pro, op)
		return
	}
	frameRelay := hrd == arpHrdFrameRelay
	hln := int(p.get8(b, 4))
	pln := int(p.get8(b, 5))
	sha := 8
	spa := sha + hln
	tha := spa + pln
	tpa := tha + hln
	p.check(b, tpa, pln)
	if !p.opts.Ether {
		p.s("ARP, ")
	}
	if !isIPProto(pro) || pln != 4 || hln == 0 || p.opts.Verbose > 0 {
		p.arpHrd(hrd)
		p.s(" (len ")
		p.u(uint64(hln))
		p.s("), ")
		p.arpPro(pro)
		p.s(" (len ")
		p.u(uint64(pln))
		p.c(')')
		if p.opts.Verbose == 0 {
			p.s(", length ")
			p.u(uint64(length))
			return
		}
		p.s(", ")
	}
	p.arpOp(op)
	switch op {
	case 1:
		p.s("who-has ")
		p.arpProtoAddr(b, tpa, pro, pln, "<wrong len>")
		nonzero := false
		for _, x := range b[tha : tha+hln] {
			if x != 0 {
				nonzero = true
				break
			}
		}
		if nonzero {
			p.s(" (")
			p.linkAddr(b, tha, hln, frameRelay)
			p.c(')')
		}
		p.s(" tell ")
		p.arpProtoAddr(b, spa, pro, pln, "<wrong len>")
	case 2:
		p.arpProtoAddr(b, spa, pro, pln, "<wrong len>")
		p.s(" is-at ")
		p.linkAddr(b, sha, hln, frameRelay)
	case 3, 8:
		p.s("who-is ")
		p.linkAddr(b, tha, hln, frameRelay)
		p.s(" tell ")
		p.linkAddr(b, sha, hln, frameRelay)
	case 4:
		p.linkAddr(b, tha, hln, frameRelay)
		p.s(" at ")
		p.arpProtoAddr(b, tpa, pro, pln, "<wrong len>")
	case 9:
		p.linkAddr(b, sha, hln, frameRelay)
		p.s(" at ")
		p.arpProtoAddr(b, spa, pro, pln, "<wrong len>")
	default:
		p.defaultPrint(b)
		return
	}
	p.s(", length ")
	p.u(uint64(length))
}

// atmARP prints an ATM ARP packet (RFC 2225), as tcpdump's atmarp_print.
func (p *Printer) atmARP(b []byte, length int, pro, op uint16) {
	p.check(b, 0, 12)
	shl := int(p.get8(b, 4) & 0x3f)
	ssl := int(p.get8(b, 5) & 0x3f)
	spl := int(p.get8(b, 8))
	thl := int(p.get8(b, 9) & 0x3f)
	tsl := int(p.get8(b, 10) & 0x3f)
	tpl := int(p.get8(b, 11))
	sha := 12
	ssa := sha + shl
	spa := ssa + ssl
	tha := spa + spl
	tsa := tha + thl
	tpa := tsa + tsl
	p.check(b, tpa, tpl)
	if !p.opts.Ether {
		p.s("ARP, ")
	}
	if !isIPProto(pro) || spl != 4 || tpl != 4 || p.opts.Verbose > 0 {
		p.arpHrd(arpHrdATM)
		p.s(", ")
		p.arpPro(pro)
		p.s(" (len ")
		p.u(uint64(spl))
		p.c('/')
		p.u(uint64(tpl))
		p.c(')')
		if p.opts.Verbose == 0 {
			p.s(", length ")
			p.u(uint64(length))
			return
		}
		p.s(", ")
	}
	p.arpOp(op)
	switch op {
	case 1:
		p.s("who-has ")
		p.arpProtoAddr(b, tpa, pro, tpl, "<wrong tplen>")
		if thl != 0 {
			p.s(" (")
			p.atmAddr(b, tha, thl, tsa, tsl)
			p.c(')')
		}
		p.s(" tell ")
		p.arpProtoAddr(b, spa, pro, spl, "<wrong splen>")
	case 2:
		p.arpProtoAddr(b, spa, pro, spl, "<wrong splen>")
		p.s(" is-at ")
		p.atmAddr(b, sha, shl, ssa, ssl)
	case 8:
		p.s("who-is ")
		p.atmAddr(b, tha, thl, tsa, tsl)
		p.s(" tell ")
		p.atmAddr(b, sha, shl, ssa, ssl)
	case 9:
		p.atmAddr(b, sha, shl, ssa, ssl)
		p.s("at ")
		p.arpProtoAddr(b, spa, pro, spl, "<wrong splen>")
	case 10:
		p.s("for ")
		p.arpProtoAddr(b, spa, pro, spl, "<wrong splen>")
	default:
		p.defaultPrint(b)
		return
	}
	p.s(", length ")
	p.u(uint64(length))
}

// atmAddr appends an ATM number and optional subaddress.
func (p *Printer) atmAddr(b []byte, off, n, subOff, subLen int) {
	if n == 0 {
		p.s("<No address>")
		return
	}
	p.linkAddr(b, off, n, false)
	if subLen != 0 {
		p.c(',')
		p.linkAddr(b, subOff, subLen, false)
	}
}
