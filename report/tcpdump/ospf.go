package tcpdump

// ospfBits appends the names of the set bits of v from names (bit i of
// the byte is names[i]), comma-separated, or "none" (bittok2str).
func (p *Printer) ospfBits(v uint8, names *[8]string) {
	sep := false
	for i := 0; i < 8; i++ {
		if v&(1<<i) == 0 || names[i] == "" {
			continue
		}
		if sep {
			p.s(", ")
		}
		p.s(names[i])
		sep = true
	}
	if !sep {
		p.s("none")
	}
}

var ospfOptionNames = [8]string{"MultiTopology", "External", "Multicast", "NSSA", "LLS", "Demand Circuit", "Opaque", "Up/Down"}

// ospfDDFlagNames lists the DD flags in tcpdump's table order.
var ospfDDFlagNames = [8]string{"Init", "More", "Master", "OOBResync"}

// ospfTypeName is tcpdump's type2str for OSPF packets.
func ospfTypeName(t uint8) string {
	switch t {
	case 1:
		return "Hello"
	case 2:
		return "Database Description"
	case 3:
		return "LS-Request"
	case 4:
		return "LS-Update"
	case 5:
		return "LS-Ack"
	}
	return ""
}

// ospfLSAName is tcpdump's lsa_values.
func ospfLSAName(t uint32) string {
	switch t {
	case 1:
		return "Router"
	case 2:
		return "Network"
	case 3:
		return "Summary"
	case 4:
		return "ASBR Summary"
	case 5:
		return "External"
	case 6:
		return "Multicast Group"
	case 7:
		return "NSSA"
	case 9:
		return "Link Local Opaque"
	case 10:
		return "Area Local Opaque"
	case 11:
		return "Domain Wide Opaque"
	}
	return "unknown"
}

// ospfOpaqueName is tcpdump's lsa_opaque_values.
func ospfOpaqueName(t uint8) string {
	switch t {
	case 1:
		return "Traffic Engineering"
	case 3:
		return "Graceful restart"
	case 4:
		return "Router Information"
	}
	return "unknown"
}

// ospfDecodes reports whether ospf prints this OSPF packet exactly as
// tcpdump does: every packet without -v, and with -v all but LS-Update,
// whose LSA bodies have no printer here (those keep the generic
// " ip-proto-89 LEN").
func (p *Printer) ospfDecodes(b []byte) bool {
	if p.opts.Verbose == 0 || len(b) < 2 {
		return true
	}
	return b[1] != 4
}

// ospf prints an OSPFv2 packet (tcpdump's ospf_print).
func (p *Printer) ospf(b []byte, length int) {
	p.protocol = "ospf2"
	authType := p.get16(b, 14)
	if authType == 2 {
		// The MD5 digest trails the packet: not part of it.
		length -= 16
		if len(b) >= 16 {
			b = b[:len(b)-16]
		} else {
			b = b[:0]
		}
	}
	typ := p.get8(b, 1)
	ver := p.get8(b, 0)
	name := ospfTypeName(typ)
	p.s("OSPFv")
	p.u(uint64(ver))
	p.s(", ")
	if name == "" {
		p.s("unknown LS-type ")
		p.u(uint64(typ))
	} else {
		p.s(name)
	}
	p.s(", length ")
	p.u(uint64(uint32(length)))
	if name == "" || p.opts.Verbose == 0 {
		return
	}
	ospfLen := int(p.get16(b, 2))
	if length != ospfLen {
		p.s(" [len ")
		p.u(uint64(ospfLen))
		p.c(']')
	}
	dataend := length
	if length > ospfLen {
		dataend = ospfLen
	}
	p.check(b, 4, 4)
	p.s("\n\tRouter-ID ")
	p.ip4(b[4:8])
	if p.get32(b, 8) != 0 {
		p.s(", Area ")
		p.ip4(b[8:12])
	} else {
		p.s(", Backbone Area")
	}
	p.check(b, 16, 8)
	p.s(", Authentication Type: ")
	switch authType {
	case 0:
		p.s("none")
	case 1:
		p.s("simple")
	case 2:
		p.s("MD5")
	default:
		p.s("unknown")
	}
	p.s(" (")
	p.u(uint64(authType))
	p.c(')')
	switch authType {
	case 0:
	case 1:
		p.s("\n\tSimple text password: ")
		for i := 16; i < 24; i++ {
			c := p.get8(b, i)
			if c == 0 {
				break
			}
			p.printChar(c)
		}
	case 2:
		p.s("\n\tKey-ID: ")
		p.u(uint64(b[18]))
		p.s(", Auth-Length: ")
		p.u(uint64(b[19]))
		p.s(", Crypto Sequence Number: 0x")
		p.hex(uint64(be32(b[20:])), 8)
	default:
		return
	}
	if ver != 2 {
		p.s(" ospf [version ")
		p.u(uint64(ver))
		p.c(']')
		return
	}
	if !p.ospfV2(b, typ, dataend) {
		p.trunc()
		return
	}
	if length > ospfLen {
		p.ospfLLS(b, typ, length)
	}
}

// ospfV2 prints the body of an OSPFv2 packet; false means truncated.
func (p *Printer) ospfV2(b []byte, typ uint8, dataend int) bool {
	switch typ {
	case 1: // Hello
		opts := p.get8(b, 30)
		p.s("\n\tOptions [")
		p.ospfBits(opts, &ospfOptionNames)
		p.c(']')
		hello := p.get16(b, 28)
		dead := p.get32(b, 32)
		p.check(b, 24, 4)
		prio := p.get8(b, 31)
		p.s("\n\t  Hello Timer ")
		p.u(uint64(hello))
		p.s("s, Dead Timer ")
		p.u(uint64(dead))
		p.s("s, Mask ")
		p.ip4(b[24:28])
		p.s(", Priority ")
		p.u(uint64(prio))
		if p.get32(b, 36) != 0 {
			p.s("\n\t  Designated Router ")
			p.ip4(b[36:40])
		}
		if p.get32(b, 40) != 0 {
			p.s(", Backup Designated Router ")
			p.ip4(b[40:44])
		}
		off := 44
		if off < dataend {
			p.s("\n\t  Neighbor List:")
		}
		for ; off < dataend; off += 4 {
			p.check(b, off, 4)
			p.s("\n\t    ")
			p.ip4(b[off : off+4])
		}
	case 2: // Database Description
		opts := p.get8(b, 26)
		p.s("\n\tOptions [")
		p.ospfBits(opts, &ospfOptionNames)
		p.c(']')
		flags := p.get8(b, 27)
		// Table order: Init (4), More (2), Master (1), OOBResync (8).
		flags = flags&0xf0 | flags>>2&1 | flags&2 | flags<<2&4 | flags&8
		p.s(", DD Flags [")
		p.ospfBits(flags, &ospfDDFlagNames)
		p.c(']')
		if mtu := p.get16(b, 24); mtu != 0 {
			p.s(", MTU: ")
			p.u(uint64(mtu))
		}
		p.s(", Sequence: 0x")
		p.hex(uint64(p.get32(b, 28)), 8)
		for off := 32; off < dataend && p.ospfLSHdr(b, off) != -1; off += 20 {
		}
	case 3: // LS-Request
		for off := 24; off < dataend; off += 12 {
			p.check(b, off, 12)
			lsType := be32(b[off:])
			p.s("\n\t  Advertising Router: ")
			p.ip4(b[off+8 : off+12])
			p.s(", ")
			p.s(ospfLSAName(lsType))
			p.s(" LSA (")
			p.u(uint64(lsType))
			p.c(')')
			switch lsType {
			case 9, 10, 11:
				p.s(", Opaque-Type: ")
				p.s(ospfOpaqueName(b[off+4]))
				p.s(" LSA (")
				p.u(uint64(b[off+4]))
				p.s("), Opaque-ID: ")
				p.u(uint64(uint32(b[off+5])<<16 | uint32(b[off+6])<<8 | uint32(b[off+7])))
			default:
				p.s(", LSA-ID: ")
				p.ip4(b[off+4 : off+8])
			}
		}
	case 5: // LS-Ack
		// tcpdump reads LSA headers until one is bogus or the
		// captured bytes run out.
		for off := 24; p.ospfLSHdr(b, off) != -1; off += 20 {
		}
	}
	return true
}

// ospfLSHdr prints the LSA header at off and returns the LSA's length,
// or -1 when that is shorter than the header.
func (p *Printer) ospfLSHdr(b []byte, off int) int {
	lsLen := int(p.get16(b, off+18))
	if lsLen < 20 {
		p.s("\n\t    Bogus length ")
		p.u(uint64(lsLen))
		p.s(" < header (20)")
		return -1
	}
	p.check(b, off+8, 4)
	seq := p.get32(b, off+12)
	age := p.get16(b, off)
	p.s("\n\t  Advertising Router ")
	p.ip4(b[off+8 : off+12])
	p.s(", seq 0x")
	p.hex(uint64(seq), 8)
	p.s(", age ")
	p.u(uint64(age))
	p.s("s, length ")
	p.u(uint64(lsLen - 20))
	lsType := p.get8(b, off+3)
	switch lsType {
	case 9, 10, 11:
		ot := p.get8(b, off+4)
		oid := p.get24(b, off+5)
		p.s("\n\t    ")
		p.s(ospfLSAName(uint32(lsType)))
		p.s(" LSA (")
		p.u(uint64(lsType))
		p.s("), Opaque-Type ")
		p.s(ospfOpaqueName(ot))
		p.s(" LSA (")
		p.u(uint64(ot))
		p.s("), Opaque-ID ")
		p.u(uint64(oid))
	default:
		p.check(b, off+4, 4)
		p.s("\n\t    ")
		p.s(ospfLSAName(uint32(lsType)))
		p.s(" LSA (")
		p.u(uint64(lsType))
		p.s("), LSA-ID: ")
		p.ip4(b[off+4 : off+8])
	}
	p.s("\n\t    Options: [")
	p.ospfBits(p.get8(b, off+2), &ospfOptionNames)
	p.c(']')
	return lsLen
}

// ospfLLS prints the link-local signaling block after a Hello or DD
// packet with the L option (RFC 4813).
func (p *Printer) ospfLLS(b []byte, typ uint8, length int) {
	switch typ {
	case 1:
		if p.get8(b, 30)&0x10 == 0 {
			return
		}
	case 2:
		if p.get8(b, 26)&0x10 == 0 {
			return
		}
	default:
		return
	}
	ospfLen := int(p.get16(b, 2))
	d := ospfLen
	authLen := int(p.get8(b, 19))
	if p.get16(b, 14) == 2 {
		d += authLen
		ospfLen += authLen
	}
	if ospfLen >= length {
		p.s("\n\t[LLS truncated]")
		return
	}
	sum := p.get16(b, d)
	p.s("\n\t  LLS: checksum: 0x")
	p.hex(uint64(sum), 4)
	d += 2
	l := p.get16(b, d)
	p.s(", length: ")
	p.u(uint64(l))
	d += 2
	for d < length {
		t := p.get16(b, d)
		p.s("\n\t    ")
		switch t {
		case 1:
			p.s("Extended Options")
		case 2:
			p.s("MD5 Authentication")
		default:
			p.s("Unknown TLV")
		}
		p.s(" (")
		p.u(uint64(t))
		p.c(')')
		d += 2
		l := int(p.get16(b, d))
		p.s(", length: ")
		p.u(uint64(l))
		d += 2
		switch t {
		case 1:
			if l != 4 {
				p.s(" [should be 4]")
				l = 4
			}
			f := p.get32(b, d)
			p.s("\n\t      Options: 0x")
			p.hex(uint64(f), 8)
			p.s(" [")
			switch {
			case f&3 == 3:
				p.s("LSDB resync, Restart")
			case f&1 != 0:
				p.s("LSDB resync")
			case f&2 != 0:
				p.s("Restart")
			default:
				p.c('?')
			}
			p.c(']')
		case 2:
			if l != 20 {
				p.s(" [should be 20]")
				l = 20
			}
			p.s("\n\t      Sequence number: 0x")
			p.hex(uint64(p.get32(b, d)), 8)
		}
		d += l
	}
}
