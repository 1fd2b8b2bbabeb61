package tcpdump

// bootpTags is tcpdump's tag2str: the first byte of each name is the
// format of the option's data ('i' addresses, 'p' address pairs, 'l'
// unsigned and 'L' signed 32-bit words, 's' 16-bit words, 'b' decimal
// bytes, 'x' hex bytes, 'a' text, 'B' booleans, '$' special, ' ' none).
var bootpTags = [256]string{
	0: " PAD", 1: "iSubnet-Mask", 2: "LTime-Zone", 3: "iDefault-Gateway",
	4: "iTime-Server", 5: "iIEN-Name-Server", 6: "iDomain-Name-Server",
	7: "iLOG", 8: "iCS", 9: "iLPR-Server", 10: "iIM", 11: "iRL",
	12: "aHostname", 13: "sBS", 255: " END",
	14: "aDP", 15: "aDomain-Name", 16: "iSS", 17: "aRP", 18: "aEP",
	19: "BIPF", 20: "BSRT", 21: "pPF", 22: "sRSZ", 23: "bTTL",
	24: "lMTU-Timeout", 25: "sMTU-Table", 26: "sMTU", 27: "BLSN", 28: "iBR",
	29: "BMD", 30: "BMS", 31: "BRouter-Discovery", 32: "iRSA",
	33: "pStatic-Route", 34: "BUT", 35: "lAT", 36: "BIE", 37: "bTT",
	38: "lKI", 39: "BKG", 40: "aYD", 41: "iYS", 42: "iNTP",
	43: "bVendor-Option", 44: "iNetbios-Name-Server", 45: "iWDD",
	46: "$Netbios-Node", 47: "aNetbios-Scope", 48: "iXFS", 49: "iXDM",
	64: "sN+D", 65: "iN+S", 68: "iMH", 69: "iSMTP", 70: "iPOP3",
	71: "iNNTP", 72: "iWWW", 73: "iFG", 74: "iIRC", 75: "iSTS", 76: "iSTDA",
	50: "iRequested-IP", 51: "lLease-Time", 52: "$OO", 66: "aTFTP",
	67: "aBF", 53: " DHCP-Message", 54: "iServer-ID",
	55: "bParameter-Request", 56: "aMSG", 57: "sMSZ", 58: "lRN", 59: "lRB",
	60: "aVendor-Class", 61: "$Client-ID",
	98: "aUAP", 116: "BNOAUTO", 78: "bSLP-DA", 79: "bSLP-SCOPE",
	117: "sNSSEARCH", 77: "$User-Class", 118: "iSUBNET",
	121: "$Classless-Static-Route", 249: "$Classless-Static-Route-Microsoft",
	150: "iTFTP-Server-Address",
	80:  "aSLP-NA", 81: "$FQDN", 82: "$Agent-Information", 83: "bARMT",
	88: "aTZSTR", 89: "bFQDNS", 90: "bAUTH", 91: "LLast-Transaction-Time",
	92: "iAssociated-IP", 93: "sARCH", 94: "bNDI", 97: "bGUID", 95: "aLDAP",
	100: "aPOSIX-TZ", 101: "aTZ-Name", 112: "iNI", 113: "aNITAG",
	114: "aURL", 161: "aMUD-URL",
}

// bootpTag returns the format and name of a DHCP option.
func bootpTag(tag uint8) (byte, string) {
	t := bootpTags[tag]
	if t == "" {
		return '?', "Unknown"
	}
	return t[0], t[1:]
}

// bootpDHCPMsg returns the name of a DHCP message type, or "".
func bootpDHCPMsg(t uint8) string {
	switch t {
	case 1:
		return "Discover"
	case 2:
		return "Offer"
	case 3:
		return "Request"
	case 4:
		return "Decline"
	case 5:
		return "ACK"
	case 6:
		return "NACK"
	case 7:
		return "Release"
	case 8:
		return "Inform"
	case 10:
		return "LeaseQuery"
	case 11:
		return "LeaseUnassigned"
	case 12:
		return "LeaseUnknown"
	case 13:
		return "LeaseActive"
	}
	return ""
}

// bootpPrintn prints n bytes from b[off:] as tcpdump's nd_printjn does.
func (p *Printer) bootpPrintn(b []byte, off, n int) {
	for i := 0; i < n; i++ {
		p.printChar(p.get8(b, off+i))
	}
}

// bootpPrintz prints the NUL-terminated string in b[off:off+n] as
// tcpdump's nd_printztn does, and reports whether it ended in a NUL
// before the end of the field and of the captured bytes.
func (p *Printer) bootpPrintz(b []byte, off, n int) bool {
	for i := 0; i < n; i++ {
		if off+i >= len(b) {
			return false
		}
		c := b[off+i]
		if c == 0 {
			return true
		}
		p.printChar(c)
	}
	return false
}

// bootp prints a BOOTP or DHCPv4 message (tcpdump's bootp_print).
func (p *Printer) bootp(b []byte, length int) {
	p.protocol = "bootp"
	op := p.get8(b, 0)
	p.s("BOOTP/DHCP, ")
	switch op {
	case 1:
		p.s("Request")
	case 2:
		p.s("Reply")
	default:
		p.s("unknown (0x")
		p.hex(uint64(op), 2)
		p.c(')')
	}
	htype := p.get8(b, 1)
	hlen := p.get8(b, 2)
	if htype == 1 && hlen == 6 && op == 1 {
		p.check(b, 28, 6)
		p.s(" from ")
		p.mac(b[28:34])
	}
	p.s(", length ")
	p.u(uint64(length))
	if p.opts.Verbose == 0 {
		return
	}
	if !has(b, 8, 2) {
		p.trunc()
		return
	}
	if htype != 1 {
		p.s(", htype ")
		p.u(uint64(htype))
	}
	if htype != 1 || hlen != 6 {
		p.s(", hlen ")
		p.u(uint64(hlen))
	}
	if hops := p.get8(b, 3); hops != 0 {
		p.s(", hops ")
		p.u(uint64(hops))
	}
	if xid := p.get32(b, 4); xid != 0 {
		p.s(", xid 0x")
		p.hex(uint64(xid), 0)
	}
	if secs := p.get16(b, 8); secs != 0 {
		p.s(", secs ")
		p.u(uint64(secs))
	}
	flags := p.get16(b, 10)
	if flags&0x8000 != 0 {
		p.s(", Flags [Broadcast]")
	} else {
		p.s(", Flags [none]")
	}
	if p.opts.Verbose > 1 {
		p.s(" (0x")
		p.hex(uint64(flags), 4)
		p.c(')')
	}
	addrs := [4]string{"\n\t  Client-IP ", "\n\t  Your-IP ", "\n\t  Server-IP ", "\n\t  Gateway-IP "}
	for i, label := range addrs {
		off := 12 + 4*i
		if p.get32(b, off) != 0 {
			p.s(label)
			p.ip4(b[off : off+4])
		}
	}
	if htype == 1 && hlen == 6 {
		p.check(b, 28, 6)
		p.s("\n\t  Client-Ethernet-Address ")
		p.mac(b[28:34])
	}
	if p.get8(b, 44) != 0 {
		p.s("\n\t  sname \"")
		if !p.bootpPrintz(b, 44, 64) {
			p.c('"')
			p.trunc()
			return
		}
		p.c('"')
	}
	if p.get8(b, 108) != 0 {
		p.s("\n\t  file \"")
		if !p.bootpPrintz(b, 108, 128) {
			p.c('"')
			p.trunc()
			return
		}
		p.c('"')
	}
	const vend = 236
	if !has(b, vend, 4) {
		p.trunc()
		return
	}
	switch {
	case b[vend] == 99 && b[vend+1] == 130 && b[vend+2] == 83 && b[vend+3] == 99:
		p.bootpRFC1048(b, vend)
	case b[vend] == 'C' && b[vend+1] == 'M' && b[vend+2] == 'U' && b[vend+3] == 0:
		p.bootpCMU(b, vend)
	default:
		if ul := be32(b[vend:]); ul != 0 {
			p.s("\n\t  Vendor-#0x")
			p.hex(uint64(ul), 0)
		}
	}
}

// bootpCMU prints the CMU vendor area (tcpdump's cmu_print).
func (p *Printer) bootpCMU(b []byte, off int) {
	p.s(" vend-cmu")
	if !has(b, off+4, 4) {
		p.trunc()
		return
	}
	flags := b[off+4]
	if flags&^1 != 0 {
		p.s(" F:0x")
		p.hex(uint64(flags), 0)
	}
	sm := "SM*"
	if flags&1 != 0 {
		sm = "SM"
	}
	fields := [8]struct {
		at   int
		name string
	}{{12, "DG"}, {8, sm}, {16, "NS1"}, {20, "NS2"}, {24, "IEN1"}, {28, "IEN2"}, {32, "TS1"}, {36, "TS2"}}
	for _, f := range fields {
		if !has(b, off+f.at, 4) {
			p.trunc()
			return
		}
		if be32(b[off+f.at:]) != 0 {
			p.c(' ')
			p.s(f.name)
			p.c(':')
			p.ip4(b[off+f.at : off+f.at+4])
		}
	}
}

// bootpRFC1048 prints the DHCP options after the magic cookie at b[cp]
// (tcpdump's rfc1048_print).
func (p *Printer) bootpRFC1048(b []byte, cp int) {
	p.s("\n\t  Vendor-rfc1048 Extensions\n\t    Magic Cookie 0x")
	p.hex(uint64(p.get32(b, cp)), 8)
	cp += 4
	for has(b, cp, 1) {
		tag := b[cp]
		cp++
		if tag == 0 && p.opts.Verbose < 3 {
			continue
		}
		if tag == 255 && p.opts.Verbose < 3 {
			return
		}
		c, name := bootpTag(tag)
		n := 0
		if tag != 0 && tag != 255 {
			n = int(p.get8(b, cp))
			cp++
		}
		p.s("\n\t    ")
		p.s(name)
		p.s(" (")
		p.u(uint64(tag))
		p.s("), length ")
		p.u(uint64(n))
		if n > 0 {
			p.s(": ")
		}
		if tag == 0 && p.opts.Verbose > 2 {
			ntag := 1
			for has(b, cp, 1) && b[cp] == 0 {
				cp++
				ntag++
			}
			if ntag > 1 {
				p.s(", occurs ")
				p.u(uint64(ntag))
			}
		}
		if !has(b, cp, n) {
			p.trunc()
			return
		}
		if tag == 53 && n == 1 {
			if name := bootpDHCPMsg(b[cp]); name != "" {
				p.s(name)
			} else {
				p.s("Unknown (")
				p.u(uint64(b[cp]))
				p.c(')')
			}
			cp++
			continue
		}
		if tag == 55 {
			for idx := 0; n != 0; idx++ {
				inner := b[cp]
				cp++
				n--
				if idx%4 == 0 {
					p.s("\n\t      ")
				} else {
					p.s(", ")
				}
				_, iname := bootpTag(inner)
				p.s(iname)
				p.s(" (")
				p.u(uint64(inner))
				p.c(')')
			}
			continue
		}
		if c == '?' {
			switch {
			case n&1 != 0:
				c = 'b'
			case n&2 != 0:
				c = 's'
			default:
				c = 'l'
			}
		}
		first := true
		switch c {
		case 'a':
			p.c('"')
			p.bootpPrintn(b, cp, n)
			p.c('"')
			cp += n
			n = 0
		case 'i', 'l', 'L':
			for ; n >= 4; n -= 4 {
				if !first {
					p.c(',')
				}
				switch c {
				case 'i':
					p.ip4(b[cp : cp+4])
				case 'L':
					p.d(int64(int32(be32(b[cp:]))))
				default:
					p.u(uint64(be32(b[cp:])))
				}
				cp += 4
				first = false
			}
		case 'p':
			for ; n >= 8; n -= 8 {
				if !first {
					p.c(',')
				}
				p.c('(')
				p.ip4(b[cp : cp+4])
				p.c(':')
				p.ip4(b[cp+4 : cp+8])
				p.c(')')
				cp += 8
				first = false
			}
		case 's':
			for ; n >= 2; n -= 2 {
				if !first {
					p.c(',')
				}
				p.u(uint64(uint16(b[cp])<<8 | uint16(b[cp+1])))
				cp += 2
				first = false
			}
		case 'B':
			for ; n != 0; n-- {
				if !first {
					p.c(',')
				}
				switch v := b[cp]; v {
				case 0:
					p.c('N')
				case 1:
					p.c('Y')
				default:
					p.u(uint64(v))
					p.c('?')
				}
				cp++
				first = false
			}
		case '$':
			cp, n = p.bootpSpecial(b, cp, n, tag)
		default: // 'b', 'x'
			for ; n != 0; n-- {
				if !first {
					if c == 'x' {
						p.c(':')
					} else {
						p.c('.')
					}
				}
				if c == 'x' {
					p.hex(uint64(b[cp]), 2)
				} else {
					p.u(uint64(b[cp]))
				}
				cp++
				first = false
			}
		}
		if n != 0 {
			p.s("\n\t  trailing data length ")
			p.u(uint64(n))
			cp += n
		}
	}
}

// bootpSpecial prints the options of format '$' and returns the offset
// and the count of bytes left over.
func (p *Printer) bootpSpecial(b []byte, cp, n int, tag uint8) (int, int) {
	switch tag {
	case 46: // Netbios-Node
		if n < 1 {
			p.s("[ERROR: length < 1 bytes]")
			return cp, n
		}
		switch b[cp] {
		case 1:
			p.s("b-node")
		case 2:
			p.s("p-node")
		case 4:
			p.s("m-node")
		case 8:
			p.s("h-node")
		default:
			p.s("#")
			p.u(uint64(b[cp]))
		}
		return cp + 1, n - 1
	case 52: // option overload
		if n < 1 {
			p.s("[ERROR: length < 1 bytes]")
			return cp, n
		}
		switch b[cp] {
		case 1:
			p.s("file")
		case 2:
			p.s("sname")
		case 3:
			p.s("file+sname")
		default:
			p.s("#")
			p.u(uint64(b[cp]))
		}
		return cp + 1, n - 1
	case 81: // client FQDN
		if n < 3 {
			p.s("[ERROR: length < 3 bytes]")
			return cp + n, 0
		}
		f := b[cp]
		if f&0xf0 != 0 {
			p.s("[ERROR: MBZ nibble 0x")
			p.hex(uint64(f>>4), 0)
			p.s(" != 0] ")
		}
		if f&0x0f != 0 {
			p.c('[')
			for _, fl := range [4]struct {
				bit  uint8
				name byte
			}{{1, 'S'}, {2, 'O'}, {4, 'E'}, {8, 'N'}} {
				if f&fl.bit != 0 {
					p.c(fl.name)
				}
			}
			p.s("] ")
		}
		if b[cp+1] != 0 || b[cp+2] != 0 {
			p.u(uint64(b[cp+1]))
			p.c('/')
			p.u(uint64(b[cp+2]))
			p.c(' ')
		}
		p.c('"')
		p.bootpPrintn(b, cp+3, n-3)
		p.c('"')
		return cp + n, 0
	case 61: // client ID
		if n < 1 {
			p.s("[ERROR: length < 1 bytes]")
			return cp, n
		}
		typ := b[cp]
		cp++
		n--
		if typ == 0 {
			p.c('"')
			p.bootpPrintn(b, cp, n)
			p.c('"')
			return cp + n, 0
		}
		switch typ {
		case 1:
			p.s("ether")
		case 6:
			p.s("ieee802")
		case 7:
			p.s("arcnet")
		case 0xf:
			p.s("frelay")
		case 0x17:
			p.s("strip")
		case 0x18:
			p.s("ieee1394")
		default:
			p.s("hardware-type ")
			p.u(uint64(typ))
			p.c(',')
		}
		p.c(' ')
		for i := 0; i < n; i++ {
			if i > 0 {
				p.c(':')
			}
			p.hex(uint64(b[cp+i]), 2)
		}
		return cp + n, 0
	case 82: // relay agent information
		for n >= 2 {
			sub := b[cp]
			sublen := int(b[cp+1])
			cp += 2
			n -= 2
			p.s("\n\t      ")
			switch sub {
			case 1:
				p.s("Circuit-ID")
			case 2:
				p.s("Remote-ID")
			case 6:
				p.s("Subscriber-ID")
			default:
				p.s("Unknown")
			}
			p.s(" SubOption ")
			p.u(uint64(sub))
			p.s(", length ")
			p.u(uint64(sublen))
			if sublen > n {
				p.s(": length goes past end of option")
				return cp + n, 0
			}
			p.s(": ")
			switch sub {
			case 1, 2, 6:
				p.bootpPrintn(b, cp, sublen)
			default:
				p.unknownData(b[cp:], sublen, "\n\t\t")
			}
			n -= sublen
			cp += sublen
		}
		return cp, n
	case 121, 249: // classless static routes
		if n < 5 {
			p.s("[ERROR: length < 5 bytes]")
			return cp + n, 0
		}
		first := true
		for n != 0 {
			if !first {
				p.c(',')
			}
			width := int(b[cp])
			cp++
			n--
			if width > 32 {
				p.s("[ERROR: Mask width (")
				p.u(uint64(width))
				p.s(") > 32]")
				return cp + n, 0
			}
			sig := (width + 7) / 8
			if n < sig+4 {
				p.s("[ERROR: Remaining length (")
				p.u(uint64(n))
				p.s(") < ")
				p.u(uint64(sig + 4))
				p.s(" bytes]")
				return cp + n, 0
			}
			p.c('(')
			if width == 0 {
				p.s("default")
			} else {
				for i := 0; i < sig; i++ {
					if i > 0 {
						p.c('.')
					}
					p.u(uint64(b[cp]))
					cp++
				}
				for i := sig; i < 4; i++ {
					p.s(".0")
				}
				p.c('/')
				p.u(uint64(width))
			}
			p.c(':')
			p.ip4(b[cp : cp+4])
			p.c(')')
			cp += 4
			n -= sig + 4
			first = false
		}
		return cp, n
	case 77: // user class
		if n < 2 {
			p.s("[ERROR: length < 2 bytes]")
			return cp + n, 0
		}
		for num := 1; n != 0; num++ {
			sublen := int(b[cp])
			cp++
			n--
			p.s("\n\t      instance#")
			p.u(uint64(num))
			p.s(": ")
			if sublen == 0 {
				p.s("[ERROR: suboption length must be non-zero]")
				return cp + n, 0
			}
			if n < sublen {
				p.s("[ERROR: invalid option]")
				return cp + n, 0
			}
			p.c('"')
			p.bootpPrintn(b, cp, sublen)
			p.s("\", length ")
			p.u(uint64(sublen))
			n -= sublen
			cp += sublen
		}
		return cp, n
	}
	p.s("[unknown special tag ")
	p.u(uint64(tag))
	p.s(", size ")
	p.u(uint64(n))
	p.c(']')
	return cp + n, 0
}
