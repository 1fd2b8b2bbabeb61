package tcpdump

// sll prints a Linux cooked (v1) frame and returns the header length.
func (p *Printer) sll(b []byte, length int) int {
	p.protocol = "sll"
	if len(b) < 16 {
		p.trunc()
		return len(b)
	}
	proto := p.get16(b, 14)
	if !p.etherType(proto, b[16:], length-16) {
		p.defaultPrint(b[16:])
	}
	return 16
}

// sll2 prints a Linux cooked v2 frame and returns the header length.
func (p *Printer) sll2(b []byte, length int) int {
	p.protocol = "sll2"
	if len(b) < 20 {
		p.trunc()
		return len(b)
	}
	proto := p.get16(b, 0)
	if !p.etherType(proto, b[20:], length-20) {
		p.defaultPrint(b[20:])
	}
	return 20
}

// null prints a BSD loopback frame (4-byte address family) and returns
// the header length.
func (p *Printer) null(b []byte, length int, linkType uint32) int {
	p.protocol = "null"
	if len(b) < 4 {
		p.trunc()
		return len(b)
	}
	var family uint32
	if linkType == 108 {
		family = p.get32(b, 0)
	} else {
		// DLT_NULL stores the family in the capturing host's byte order.
		family = p.getLE32(b, 0)
		if family&0xffff0000 != 0 {
			family = p.get32(b, 0)
		}
	}
	switch family {
	case 2:
		p.ipv4(b[4:], length-4)
	case 10, 24, 28, 30:
		p.ipv6(b[4:], length-4)
	default:
		p.defaultPrint(b[4:])
	}
	return 4
}

// raw prints a raw IP frame, IPv4 or IPv6 by its version nibble.
func (p *Printer) raw(b []byte, length int) int {
	p.protocol = "raw"
	if p.opts.Ether {
		p.s("ip: ")
	}
	if len(b) < 1 {
		p.trunc()
		return 0
	}
	switch b[0] >> 4 {
	case 4:
		p.ipv4(b, length)
	case 6:
		p.ipv6(b, length)
	default:
		p.s("IP")
		p.ipv4(b, length)
	}
	return 0
}

// rawIPv4 prints a LINKTYPE_IPV4 frame.
func (p *Printer) rawIPv4(b []byte, length int) int {
	return p.raw(b, length)
}

// rawIPv6 prints a LINKTYPE_IPV6 frame.
func (p *Printer) rawIPv6(b []byte, length int) int {
	return p.raw(b, length)
}
