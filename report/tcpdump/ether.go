package tcpdump

// Ethernet types tcpdump names.
var etherTypes = map[uint32]string{
	0x0800: "IPv4", 0x8847: "MPLS unicast", 0x8848: "MPLS multicast", 0x86dd: "IPv6",
	0x8100: "802.1Q", 0x9100: "802.1Q-9100", 0x88a8: "802.1Q-QinQ", 0x9200: "802.1Q-9200",
	0x88e5: "802.1AE MACsec", 0x9000: "Loopback", 0x0200: "PUP", 0x0806: "ARP",
	0x8035: "Reverse ARP", 0x0600: "NS", 0x0500: "Sprite", 0x1000: "Trail",
	0x6001: "MOP DL", 0x6002: "MOP RC", 0x6003: "DN", 0x6004: "LAT", 0x6007: "SCA",
	0x6558: "TEB", 0x8038: "Lanbridge", 0x803c: "DEC DNS", 0x803e: "DEC DTS",
	0x805b: "VEXP", 0x805c: "VPROD", 0x809b: "Appletalk", 0x80f3: "Appletalk ARP",
	0x8137: "IPX", 0x880b: "PPP", 0x8808: "MPCP", 0x8809: "Slow Protocols",
	0x8863: "PPPoE D", 0x8864: "PPPoE S", 0x888e: "EAPOL", 0x8899: "RRCP",
	0x886f: "MS NLB heartbeat", 0x8870: "Jumbo", 0x894f: "NSH", 0xfefe: "OSI",
	0xa3ff: "GRE-OSI", 0xabcd: "CFM (old)", 0x8902: "CFM", 0x893a: "IEEE1905.1",
	0x88cc: "LLDP", 0x88ca: "TIPC", 0x0707: "GeoNet (old)", 0x8947: "GeoNet",
	0x1111: "CALM FAST", 0x88a2: "AoE", 0x88f7: "PTP", 0xd28b: "Arista Vendor Specific Protocol",
}

func isVLANType(t uint16) bool {
	return t == 0x8100 || t == 0x9100 || t == 0x9200 || t == 0x88a8
}

// etherTypeName appends "ethertype NAME (0xXXXX)", or with -q just the name.
func (p *Printer) etherTypeName(t uint16) {
	if p.opts.Quiet {
		if name, ok := etherTypes[uint32(t)]; ok {
			p.s(name)
		} else {
			p.s("Unknown Ethertype (0x")
			p.hex(uint64(t), 4)
			p.c(')')
		}
		return
	}
	p.s("ethertype ")
	if name, ok := etherTypes[uint32(t)]; ok {
		p.s(name)
	} else {
		p.s("Unknown")
	}
	p.s(" (0x")
	p.hex(uint64(t), 4)
	p.c(')')
}

// ether prints an Ethernet frame and returns the header length, as
// tcpdump's ether_common_print.
func (p *Printer) ether(b []byte, length int) int {
	caplen := len(b)
	if caplen < 14 {
		p.trunc()
		return caplen
	}
	if length < 14 {
		p.trunc()
		return length
	}
	origLength := length
	src, dst := b[6:12], b[0:6]
	if p.opts.Ether {
		p.mac(src)
		p.s(" > ")
		p.mac(dst)
		p.s(", ")
	}
	hdrlen := 14
	t := p.get16(b, 12)
	b, length = b[14:], length-14
	printedLength := false
	if t == 0x88e5 {
		if p.opts.Ether {
			p.etherTypeName(t)
			p.s(", length ")
			p.u(uint64(origLength))
			p.s(": ")
			printedLength = true
		}
		var ret int
		b, length, hdrlen, ret = p.macsec(b, length, hdrlen, src, dst)
		switch {
		case ret == 0:
			// Encrypted payload: dump it.
			if !p.suppressDefault() {
				p.defaultPrint(b)
			}
			return hdrlen
		case ret > 0:
			return ret
		}
		t = p.get16(b, 0)
		b, length, hdrlen = b[2:], length-2, hdrlen+2
	}
	for isVLANType(t) {
		if len(b) < 4 {
			p.protocol = "vlan"
			p.trunc()
			return hdrlen + len(b)
		}
		if length < 4 {
			p.protocol = "vlan"
			p.trunc()
			return hdrlen + length
		}
		if p.opts.Ether {
			tag := p.get16(b, 0)
			p.etherTypeName(t)
			if !printedLength {
				p.s(", length ")
				p.u(uint64(origLength))
				p.s(": ")
				printedLength = true
			} else {
				p.s(", ")
			}
			p.vlanTCI(tag)
			p.s(", ")
		}
		t = p.get16(b, 2)
		b, length, hdrlen = b[4:], length-4, hdrlen+4
	}
	switch {
	case t <= 1500:
		// 802.3 length field: the payload ends there.
		if int(t) < length {
			length = int(t)
			if len(b) > length {
				b = b[:length]
			}
		}
		if p.opts.Ether {
			p.s("802.3")
			if !printedLength {
				p.s(", length ")
				p.u(uint64(length))
				p.s(": ")
			}
		}
		hdrlen += p.etherLLC(b, length, src, dst)
	case t == 0x8870:
		// Alteon jumbo frames: an LLC header follows the type.
		hdrlen += p.etherLLC(b, length, src, dst)
	default:
		if p.opts.Ether {
			p.etherTypeName(t)
			if !printedLength {
				p.s(", length ")
				p.u(uint64(origLength))
				p.s(": ")
			} else {
				p.s(", ")
			}
		}
		if !p.etherType(t, b, length) {
			if !p.opts.Ether {
				p.mac(src)
				p.s(" > ")
				p.mac(dst)
				p.s(", ")
				p.etherTypeName(t)
				p.s(", length ")
				p.u(uint64(origLength))
				p.s(": ")
			}
			if !p.suppressDefault() {
				p.defaultPrint(b)
			}
		}
	}
	return hdrlen
}

// etherLLC prints the LLC payload of an 802.3 frame, dumping it when the
// LLC printer did not decode it, and returns the LLC header length.
func (p *Printer) etherLLC(b []byte, length int, src, dst []byte) int {
	n := p.llc(b, length, src, dst)
	if n < 0 {
		if !p.suppressDefault() {
			p.defaultPrint(b)
		}
		n = -n
	}
	return n
}

// macsec prints an 802.1AE SecTAG, as tcpdump's macsec_print. It returns
// the payload after the SecTAG (and without the ICV), its length, the
// updated header length, and ret: 0 when the payload is encrypted, -1 when
// the payload's type field follows, or else the header length the Ethernet
// printer must return at once.
func (p *Printer) macsec(b []byte, length, hdrlen int, src, dst []byte) ([]byte, int, int, int) {
	saved := p.protocol
	p.protocol = "macsec"
	defer func() { p.protocol = saved }()
	caplen := len(b)
	if caplen < 6 || length < 6 {
		p.trunc()
		return b, length, hdrlen, hdrlen + caplen
	}
	tci := b[0]
	tagLen := 6
	if tci&0x20 != 0 {
		tagLen = 14
		if caplen < 14 || length < 14 {
			p.trunc()
			return b, length, hdrlen, hdrlen + caplen
		}
	}
	if b[1]&^0x3f != 0 || tci&0x80 != 0 {
		p.s(" (invalid)")
		return b, length, hdrlen, hdrlen + caplen
	}
	sl := int(b[1] & 0x3f)
	tag := b
	if p.opts.Ether {
		p.macsecHeader(tag, sl)
	}
	b, length, hdrlen = b[tagLen:], length-tagLen, hdrlen+tagLen
	if tci&0x0c != 0 {
		if !p.opts.Ether {
			p.mac(src)
			p.s(" > ")
			p.mac(dst)
			p.s(" 802.1AE MACsec, ")
			p.macsecHeader(tag, sl)
		}
		return b, length, hdrlen, 0
	}
	// tcpdump's early returns from here on report the lengths as they
	// were before the SecTAG.
	if length < 16 || len(b) < 16 {
		p.trunc()
		return b, length, hdrlen, hdrlen - tagLen + caplen
	}
	length -= 16
	b = b[:len(b)-16]
	if sl != 0 {
		if sl > length || sl > len(b) {
			p.trunc()
			return b, length, hdrlen, hdrlen - tagLen + caplen
		}
		length = sl
		b = b[:sl]
	}
	return b, length, hdrlen, -1
}

// macsecHeader appends "an N, pn N, flags F[, sl N][, sci X], ".
func (p *Printer) macsecHeader(tag []byte, sl int) {
	tci := tag[0]
	p.s("an ")
	p.u(uint64(tci & 3))
	p.s(", pn ")
	p.u(uint64(p.get32(tag, 2)))
	p.s(", flags ")
	if tci&0x7c == 0 {
		p.s("none")
	} else {
		for _, f := range [...]struct {
			bit  uint8
			name byte
		}{{0x08, 'E'}, {0x04, 'C'}, {0x40, 'S'}, {0x10, 'B'}, {0x20, 'I'}} {
			if tci&f.bit != 0 {
				p.c(f.name)
			}
		}
	}
	if sl != 0 {
		p.s(", sl ")
		p.u(uint64(sl))
	}
	if tci&0x20 != 0 {
		p.s(", sci ")
		p.hex(p.get64(tag, 6), 16)
	}
	p.s(", ")
}

// vlanTCI appends "vlan N, p N[, DEI]" for an 802.1Q tag control field.
func (p *Printer) vlanTCI(tci uint16) {
	p.s("vlan ")
	p.u(uint64(tci & 0xfff))
	p.s(", p ")
	p.u(uint64(tci >> 13))
	if tci&0x1000 != 0 {
		p.s(", DEI")
	}
}

// etherType prints the payload of the given Ethernet type and reports
// whether it knew the type.
func (p *Printer) etherType(t uint16, b []byte, length int) bool {
	switch t {
	case 0x0800:
		p.ipv4(b, length)
	case 0x86dd:
		p.ipv6(b, length)
	case 0x0806, 0x8035:
		p.arp(b, length)
	default:
		return false
	}
	return true
}
