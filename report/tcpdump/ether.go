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

// ether prints an Ethernet frame and returns the header length.
func (p *Printer) ether(b []byte, length int) int {
	caplen := len(b)
	if caplen < 14 || length < 14 {
		p.trunc()
		return min(caplen, length)
	}
	origLength := length
	src, dst := b[6:12], b[0:6]
	if p.opts.Ether {
		p.mac(src)
		p.s(" > ")
		p.mac(dst)
		p.s(", ")
	}
	hdrlen := 12
	b = b[12:]
	length -= 12
	t := p.get16(b, 0)
	b, length, hdrlen = b[2:], length-2, hdrlen+2
	printedLength := false
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
	if t <= 1500 {
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
		hdrlen += p.llc(b, length, src, dst)
		return hdrlen
	}
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
		p.defaultPrint(b)
	}
	return hdrlen
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

// llc prints an 802.2 LLC header and what follows and returns its length.
func (p *Printer) llc(b []byte, length int, src, dst []byte) int {
	// TODO(llc): LLC/SNAP and STP, as tcpdump's llc_print.
	p.defaultPrint(b)
	return 0
}
