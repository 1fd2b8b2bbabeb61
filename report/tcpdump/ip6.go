package tcpdump

// ipv6 prints an IPv6 packet (tcpdump's ip6_print): the fixed header, the
// extension headers, then the upper-layer protocol.
func (p *Printer) ipv6(b []byte, length int) {
	p.protocol = "ip6"
	if len(b) < 40 {
		p.trunc()
		return
	}
	if length < 40 {
		p.s("truncated-ip6 ")
		p.u(uint64(length))
		return
	}
	if !p.opts.Ether {
		p.s("IP6 ")
	}
	if v := b[0] >> 4; v != 6 {
		p.s("version error: ")
		p.u(uint64(v))
		p.s(" != 6")
		return
	}
	ulength := uint32(length)
	payloadLen := uint32(b[4])<<8 | uint32(b[5])
	var ln uint32
	if payloadLen != 0 {
		ln = payloadLen + 40
		if ulength < ln {
			p.s("truncated-ip6 - ")
			p.u(uint64(ln - ulength))
			p.s(" bytes missing!")
		}
	} else {
		ln = ulength + 40
	}
	nh := b[6]
	if p.opts.Verbose > 0 {
		flow := uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
		p.c('(')
		if flow&0x0ff00000 != 0 {
			p.s("class 0x")
			p.hex(uint64(flow&0x0ff00000>>20), 2)
			p.s(", ")
		}
		if flow&0x000fffff != 0 {
			p.s("flowlabel 0x")
			p.hex(uint64(flow&0x000fffff), 5)
			p.s(", ")
		}
		p.s("hlim ")
		p.u(uint64(b[7]))
		p.s(", next-header ")
		p.ipProtoNameOr(nh)
		p.s(" (")
		p.u(uint64(nh))
		p.s(") payload length: ")
		p.u(uint64(payloadLen))
		p.s(") ")
	}
	// The payload ends where the header says it does.
	if uint64(ln) < uint64(len(b)) {
		b = b[:ln]
	}

	cp, advance, total := 0, 40, 0
	fragmented, foundExt, foundJumbo, foundHBH := false, false, false, false
	for cp < len(b) && advance > 0 {
		if ln < uint32(advance) {
			p.trunc()
			return
		}
		cp += advance
		ln -= uint32(advance)
		total += advance
		if cp == 40 && nh != ipprotoTCP && nh != ipprotoUDP &&
			nh != ipprotoDCCP && nh != ipprotoSCTP {
			p.ip6(b[8:24])
			p.s(" > ")
			p.ip6(b[24:40])
			p.s(": ")
		}
		switch nh {
		case ipprotoHopOpts:
			// The hop-by-hop header must come first, and only once.
			if foundHBH {
				p.s("[The Hop-by-Hop Options header was already found] (invalid)")
				return
			}
			if cp != 40 {
				p.s("[The Hop-by-Hop Options header don't follow the IPv6 header] (invalid)")
				return
			}
			advance = p.ip6HopOpts(b[cp:], &foundJumbo, &payloadLen)
			if payloadLen == 0 && !foundJumbo {
				p.s("[No valid Jumbo Payload Hop-by-Hop option found] (invalid)")
				return
			}
			if advance < 0 {
				return
			}
			foundExt, foundHBH = true, true
			nh = p.get8(b, cp)
		case ipprotoDstOpts:
			advance = p.ip6DstOpts(b[cp:])
			if advance < 0 {
				return
			}
			foundExt = true
			nh = p.get8(b, cp)
		case ipprotoFragment:
			advance = p.ip6Frag(b, cp)
			if advance < 0 || len(b) <= cp+advance {
				return
			}
			foundExt = true
			nh = p.get8(b, cp)
			fragmented = true
		case ipprotoMobileOld, ipprotoMobility:
			p.ip6Mobility(b[cp:])
			return
		case ipprotoRouting:
			if cp >= len(b) {
				p.trunc()
				return
			}
			advance = p.ip6Routing(b[cp:])
			if advance < 0 {
				return
			}
			foundExt = true
			nh = p.get8(b, cp)
		default:
			if foundJumbo {
				ln = payloadLen + 40
				if ln < uint32(total) {
					p.trunc()
					return
				}
				if ulength < ln {
					p.s("truncated-ip6 - ")
					p.u(uint64(ln - ulength))
					p.s(" bytes missing!")
				}
				if uint64(ln) < uint64(len(b)) {
					b = b[:ln]
				}
				ln -= uint32(total)
			} else if payloadLen == 0 {
				if foundExt {
					p.trunc()
					return
				}
				ln = 40
				if len(b) > 40 {
					b = b[:40]
				}
				ln -= uint32(total)
			}
			ip := ipHdr{v6: true, src: b[8:24], dst: b[24:40], fragmented: fragmented, nh: nh, raw: b}
			switch b[6] {
			case ipprotoHopOpts, ipprotoDstOpts, ipprotoMobileOld,
				ipprotoMobility, ipprotoFragment, ipprotoRouting:
				ip.dst = ip6FinalDst(b)
			}
			if cp > len(b) {
				cp = len(b)
			}
			p.ip6Demux(b[cp:], int(ln), nh, &ip)
			return
		}
		p.protocol = "ip6"
	}
}

// ip6FinalDst returns the destination the upper-layer checksum covers:
// the last address of a routing header when there is one (tcpdump's
// ip6_finddst).
func ip6FinalDst(b []byte) []byte {
	dst := b[24:40]
	cp, advance := 0, 40
	nh := b[6]
	for cp < len(b) {
		cp += advance
		switch nh {
		case ipprotoHopOpts, ipprotoDstOpts, ipprotoMobileOld, ipprotoMobility:
			if cp+2 > len(b) {
				return dst
			}
			advance = (int(b[cp+1]) + 1) << 3
			nh = b[cp]
		case ipprotoFragment:
			if cp+1 > len(b) {
				return dst
			}
			advance = 8
			nh = b[cp]
		case ipprotoRouting:
			if cp+4 > len(b) {
				return dst
			}
			n := int(b[cp+1])
			switch b[cp+2] {
			case 0, 2:
				if n%2 == 1 {
					return dst
				}
				n >>= 1
				a := cp + 8
				for i := 0; i < n; i++ {
					if a+16 > len(b) {
						return dst
					}
					dst = b[a : a+16]
					a += 16
				}
			case 4:
				if n%2 == 1 {
					return dst
				}
				a := cp + 8
				if a+16 > len(b) {
					return dst
				}
				dst = b[a : a+16]
			}
			return dst
		default:
			return dst
		}
	}
	return dst
}

// ip6Demux prints the upper-layer protocol of an IPv6 packet (tcpdump's
// ip_demux_print for version 6): Ethernet here, the rest through the
// demultiplexer IPv4 shares.
func (p *Printer) ip6Demux(b []byte, length int, nh uint8, ip *ipHdr) {
	if nh == ipprotoEthernet {
		p.protocol = "ether"
		p.ether(b, length)
		return
	}
	p.ipDemux(b, length, ip, nh)
}

// ip6OptLen returns the length of the option of type b[i] in an n-byte
// option area: 1 for Pad1, else 2 plus its length byte. It reports false
// where the option runs past the area, where ip6_opt_process,
// ip6_sopt_print and mobility_opt_print give up.
func (p *Printer) ip6OptLen(b []byte, i, n int) (int, bool) {
	optlen := 1
	if p.get8(b, i) != 0 {
		if i+1 >= n {
			return 0, false
		}
		optlen = int(p.get8(b, i+1)) + 2
	}
	return optlen, i+optlen <= n
}

// ip6OptProcess walks the options of a hop-by-hop or destination options
// header (tcpdump's ip6_opt_process); it reports false where tcpdump's
// printer gives up. payloadLen is nil for destination options.
func (p *Printer) ip6OptProcess(b []byte, n int, foundJumbo *bool, payloadLen *uint32) bool {
	if n == 0 {
		return true
	}
	v := p.opts.Verbose > 0
	seen := false
	optlen := 0
	for i := 0; i < n; i += optlen {
		t := p.get8(b, i)
		var ok bool
		if optlen, ok = p.ip6OptLen(b, i, n); !ok {
			return false
		}
		switch t {
		case 0: // Pad1
			if v {
				p.s("(pad1)")
			}
		case 1: // PadN
			if n-i < 2 {
				p.s("(padn: trunc)")
				return false
			}
			if v {
				p.s("(padn)")
			}
		case 5: // router alert
			if n-i < 4 {
				p.s("(rtalert: trunc)")
				return false
			}
			if l := p.get8(b, i+1); l != 2 {
				p.s("(rtalert: invalid len ")
				p.u(uint64(l))
				p.c(')')
				return false
			}
			if v {
				ra := p.get16(b, i+2)
				p.s("(rtalert: 0x")
				p.hex(uint64(ra), 4)
				p.s(") ")
			}
		case 0xc2: // jumbo payload
			if n-i < 6 {
				p.s("(jumbo: trunc)")
				return false
			}
			if l := p.get8(b, i+1); l != 4 {
				p.s("(jumbo: invalid len ")
				p.u(uint64(l))
				p.c(')')
				return false
			}
			jumbo := p.get32(b, i+2)
			switch {
			case seen:
				if v {
					p.s("(jumbo: ")
					p.u(uint64(jumbo))
					p.s(" - already seen) ")
				}
			case payloadLen == nil:
				seen = true
				if v {
					p.s("(jumbo: ")
					p.u(uint64(jumbo))
					p.s(" - not a hop-by-hop option) ")
				}
			case *payloadLen != 0:
				seen = true
				if v {
					p.s("(jumbo: ")
					p.u(uint64(jumbo))
					p.s(" - payload len != 0) ")
				}
			case jumbo < 65536:
				seen = true
				if v {
					p.s("(jumbo: ")
					p.u(uint64(jumbo))
					p.s(" - < 65536) ")
				}
			default:
				seen = true
				*foundJumbo = true
				*payloadLen = jumbo
				if v {
					p.s("(jumbo: ")
					p.u(uint64(jumbo))
					p.s(") ")
				}
			}
		case 0xc9: // home address
			if n-i < 18 {
				p.s("(homeaddr: trunc)")
				return false
			}
			if l := p.get8(b, i+1); l < 16 {
				p.s("(homeaddr: invalid len ")
				p.u(uint64(l))
				p.c(')')
				return false
			}
			if v {
				p.check(b, i+2, 16)
				p.s("(homeaddr: ")
				p.ip6(b[i+2 : i+18])
				if p.get8(b, i+1) > 16 {
					if !p.ip6SubOpts(b[min(i+18, len(b)):], optlen-18) {
						return false
					}
				}
				p.c(')')
			}
		default:
			if n-i < 2 {
				p.s("(type ")
				p.u(uint64(t))
				p.s(": trunc)")
				return false
			}
			if v {
				l := p.get8(b, i+1)
				p.s("(opt_type 0x")
				p.hex(uint64(t), 2)
				p.s(": len=")
				p.u(uint64(l))
				p.c(')')
			}
		}
	}
	if v {
		p.c(' ')
	}
	return true
}

// ip6SubOpts prints the sub-options of a home address option (tcpdump's
// ip6_sopt_print).
func (p *Printer) ip6SubOpts(b []byte, n int) bool {
	optlen := 0
	for i := 0; i < n; i += optlen {
		t := p.get8(b, i)
		var ok bool
		if optlen, ok = p.ip6OptLen(b, i, n); !ok {
			return false
		}
		switch t {
		case 0:
			p.s(", pad1")
		case 1:
			if n-i < 2 {
				p.s(", padn: trunc")
				return false
			}
			p.s(", padn")
		default:
			if n-i < 2 {
				p.s(", sopt_type ")
				p.u(uint64(t))
				p.s(": trunc)")
				return false
			}
			l := p.get8(b, i+1)
			p.s(", sopt_type 0x")
			p.hex(uint64(t), 2)
			p.s(": len=")
			p.u(uint64(l))
		}
	}
	return true
}

// ip6HopOpts prints a hop-by-hop options header and returns its length,
// or -1 after printing the truncation marker.
func (p *Printer) ip6HopOpts(b []byte, foundJumbo *bool, payloadLen *uint32) int {
	p.protocol = "hbhopt"
	n := (int(p.get8(b, 1)) + 1) << 3
	if !has(b, 0, n) {
		p.trunc()
		return -1
	}
	p.s("HBH ")
	if !p.ip6OptProcess(b[2:], n-2, foundJumbo, payloadLen) {
		p.trunc()
		return -1
	}
	return n
}

// ip6DstOpts prints a destination options header and returns its length,
// or -1 after printing the truncation marker.
func (p *Printer) ip6DstOpts(b []byte) int {
	p.protocol = "dstopt"
	n := (int(p.get8(b, 1)) + 1) << 3
	if !has(b, 0, n) {
		p.trunc()
		return -1
	}
	p.s("DSTOPT ")
	if p.opts.Verbose > 0 {
		var unused bool
		if !p.ip6OptProcess(b[2:], n-2, &unused, nil) {
			p.trunc()
			return -1
		}
	}
	return n
}

// ip6Frag prints the fragment header at b[cp:] (tcpdump's frag6_print)
// and returns its length, or -1 when nothing after it can be decoded.
func (p *Printer) ip6Frag(b []byte, cp int) int {
	p.protocol = "frag6"
	// tcpdump computes the fragment's length in size_t arithmetic, so a
	// header claiming too little wraps around.
	fragLen := 40 + uint64(p.get16(b, 4)) - uint64(cp) - 8
	var off uint64
	if p.opts.Verbose > 0 {
		ident := p.get32(b, cp+4)
		off = uint64(p.get16(b, cp+2) & 0xfff8)
		p.s("frag (0x")
		p.hex(uint64(ident), 8)
		p.c(':')
	} else {
		off = uint64(p.get16(b, cp+2) & 0xfff8)
		p.s("frag (")
	}
	p.u(off)
	p.c('|')
	p.u(fragLen)
	p.c(')')
	if off != 0 {
		return -1
	}
	p.c(' ')
	return 8
}

// ip6Routing prints a routing header (tcpdump's rt6_print) and returns its
// length, or -1 when it is invalid.
func (p *Printer) ip6Routing(b []byte) int {
	p.protocol = "rt6"
	p.s("RT6")
	n := int(p.get8(b, 1))
	p.s(" (len=")
	p.u(uint64(n))
	typ := p.get8(b, 2)
	p.s(", type=")
	p.u(uint64(typ))
	if typ == 0 {
		p.s(" [Deprecated]")
	}
	segleft := p.get8(b, 3)
	p.s(", segleft=")
	p.u(uint64(segleft))
	switch typ {
	case 0, 2:
		if rsv := p.get32(b, 4); rsv != 0 || p.opts.Verbose > 0 {
			p.s(", rsv=0x")
			p.hex(uint64(rsv), 0)
		}
	case 4:
		last := p.get8(b, 4)
		p.s(", last-entry=")
		p.u(uint64(last))
		if fl := p.get8(b, 5); fl != 0 || p.opts.Verbose > 0 {
			p.s(", flags=0x")
			p.hex(uint64(fl), 0)
		}
		tag := p.get16(b, 6)
		p.s(", tag=")
		p.hex(uint64(tag), 0)
	default:
		p.s(" (unknown type) (invalid)")
		return -1
	}
	if n%2 == 1 {
		p.s(" (invalid length ")
		p.u(uint64(n))
		p.s(") (invalid)")
		return -1
	}
	a := 8
	for i := 0; i < n>>1; i++ {
		p.check(b, a, 16)
		p.s(", [")
		p.u(uint64(i))
		p.c(']')
		p.ip6(b[a : a+16])
		a += 16
	}
	p.s(") ")
	return (n + 1) << 3
}

// ip6AH prints an authentication header (tcpdump's ah_print) and returns
// its length.
func (p *Printer) ip6AH(b []byte) int {
	p.protocol = "ah"
	p.s("AH")
	ahLen := int(p.get8(b, 1))
	hdrLen := (ahLen + 2) * 4
	p.c('(')
	if p.opts.Verbose > 0 {
		p.s("length=")
		p.u(uint64(ahLen))
		p.c('(')
		p.u(uint64(hdrLen))
		p.s("-bytes),")
	}
	spi := p.get32(b, 4)
	p.s("spi=0x")
	p.hex(uint64(spi), 8)
	p.c(',')
	seq := p.get32(b, 8)
	p.s("seq=0x")
	p.hex(uint64(seq), 0)
	p.s(",icv=0x")
	for i := 12; i < hdrLen; i++ {
		p.hex(uint64(p.get8(b, i)), 2)
	}
	p.s("): ")
	return hdrLen
}

// ip6ESP prints an ESP header (tcpdump's esp_print without secrets).
func (p *Printer) ip6ESP(b []byte, length int) {
	p.protocol = "esp"
	if !has(b, 0, 8) {
		p.trunc()
		return
	}
	spi := p.get32(b, 0)
	seq := p.get32(b, 4)
	p.s("ESP(spi=0x")
	p.hex(uint64(spi), 8)
	p.s(",seq=0x")
	p.hex(uint64(seq), 0)
	p.s("), length ")
	p.u(uint64(uint32(length)))
}

// ip6IPComp prints an IPComp header (tcpdump's ipcomp_print).
func (p *Printer) ip6IPComp(b []byte) {
	p.protocol = "ipcomp"
	cpi := p.get16(b, 2)
	p.s("IPComp(cpi=0x")
	p.hex(uint64(cpi), 4)
	p.c(')')
}

// ip6MobilityHdrLen is the smallest header length of each mobility header
// type (tcpdump's ip6m_hdrlen).
var ip6MobilityHdrLen = [8]int{8, 16, 16, 24, 24, 12, 12, 24}

var ip6MobilityNames = [8]string{"BRR", "HoTI", "CoTI", "HoT", "CoT", "BU", "BA", "BE"}

// ip6Mobility prints a mobility header (tcpdump's mobility_print).
func (p *Printer) ip6Mobility(b []byte) {
	p.protocol = "mobility"
	if len(b) < 2 {
		p.trunc()
		return
	}
	mhlen := (int(b[1]) + 1) << 3
	typ := p.get8(b, 2)
	if typ <= 7 && mhlen < ip6MobilityHdrLen[typ] {
		p.s("(header length ")
		p.u(uint64(mhlen))
		p.s(" is too small for type ")
		p.u(uint64(typ))
		p.c(')')
		p.trunc()
		return
	}
	p.s("mobility: ")
	if typ <= 7 {
		p.s(ip6MobilityNames[typ])
	} else {
		p.s("type-#")
		p.u(uint64(typ))
	}
	v := p.opts.Verbose > 0
	hlen := 8
	cookie := func(label, what string) {
		hi, lo := p.get32(b, hlen), p.get32(b, hlen+4)
		p.c(' ')
		p.s(label)
		p.c(' ')
		p.s(what)
		p.c('=')
		p.hex(uint64(hi), 8)
		p.c(':')
		p.hex(uint64(lo), 8)
	}
	switch typ {
	case 0:
	case 1, 2:
		if v {
			label := "Care-of"
			if typ == 1 {
				label = "Home"
			}
			cookie(label, "Init Cookie")
		}
		hlen += 8
	case 3, 4:
		nonce := p.get16(b, 6)
		p.s(" nonce id=0x")
		p.hex(uint64(nonce), 0)
		label := "Care-of"
		if typ == 3 {
			label = "Home"
		}
		if v {
			cookie(label, "Init Cookie")
		}
		hlen += 8
		if v {
			cookie(label, "Keygen Token")
		}
		hlen += 8
	case 5:
		seq := p.get16(b, 6)
		p.s(" seq#=")
		p.u(uint64(seq))
		if !has(b, hlen, 2) {
			p.trunc()
			return
		}
		if bits := b[hlen] >> 4; bits != 0 {
			p.c(' ')
			for _, f := range [...]struct {
				bit  byte
				name string
			}{{8, "A"}, {4, "H"}, {2, "L"}, {1, "K"}} {
				if bits&f.bit != 0 {
					p.s(f.name)
				}
			}
		}
		hlen += 2
		life := p.get16(b, hlen)
		p.s(" lifetime=")
		p.u(uint64(life) << 2)
		hlen += 2
	case 6:
		status := p.get8(b, 6)
		p.s(" status=")
		p.u(uint64(status))
		if p.get8(b, 7)&0x80 != 0 {
			p.s(" K")
		}
		seq := p.get16(b, hlen)
		p.s(" seq#=")
		p.u(uint64(seq))
		hlen += 2
		life := p.get16(b, hlen)
		p.s(" lifetime=")
		p.u(uint64(life) << 2)
		hlen += 2
	case 7:
		status := p.get8(b, 6)
		p.s(" status=")
		p.u(uint64(status))
		p.ip6At(" homeaddr ", b, hlen)
		hlen += 16
	default:
		p.s(" len=")
		p.u(uint64(b[1]))
		return
	}
	if v && !p.ip6MobilityOpts(b[min(hlen, len(b)):], mhlen-hlen) {
		p.trunc()
	}
}

// ip6MobilityOpts prints mobility header options (tcpdump's
// mobility_opt_print); it reports false where tcpdump gives up.
func (p *Printer) ip6MobilityOpts(b []byte, n int) bool {
	optlen := 0
	for i := 0; i < n; i += optlen {
		t := p.get8(b, i)
		var ok bool
		if optlen, ok = p.ip6OptLen(b, i, n); !ok {
			return false
		}
		if !has(b, i+optlen, 1) {
			return false
		}
		switch t {
		case 0:
			p.s("(pad1)")
		case 1:
			if n-i < 2 {
				p.s("(padn: trunc)")
				return false
			}
			p.s("(padn)")
		case 2:
			if n-i < 4 {
				p.s("(refresh: trunc)")
				return false
			}
			r := p.get16(b, i+2)
			p.s("(refresh: ")
			p.u(uint64(r) << 2)
			p.c(')')
		case 3:
			if n-i < 18 {
				p.s("(altcoa: trunc)")
				return false
			}
			p.ip6At("(alt-CoA: ", b, i+2)
			p.c(')')
		case 4:
			if n-i < 6 {
				p.s("(ni: trunc)")
				return false
			}
			ho, co := p.get16(b, i+2), p.get16(b, i+4)
			p.s("(ni: ho=0x")
			p.hex(uint64(ho), 4)
			p.s(" co=0x")
			p.hex(uint64(co), 4)
			p.c(')')
		case 5:
			if n-i < 12 {
				p.s("(auth: trunc)")
				return false
			}
			p.s("(auth)")
		default:
			if n-i < 2 {
				p.s("(sopt_type ")
				p.u(uint64(t))
				p.s(": trunc)")
				return false
			}
			p.s("(type-0x")
			p.hex(uint64(t), 2)
			p.s(": len=")
			p.u(uint64(p.get8(b, i+1)))
			p.c(')')
		}
	}
	return true
}

// ip6At appends prefix and the IPv6 address at b[off:], or unwinds before
// printing anything when the address was not captured (one ND_PRINT with
// GET_IP6ADDR_STRING).
func (p *Printer) ip6At(prefix string, b []byte, off int) {
	p.check(b, off, 16)
	p.s(prefix)
	p.ip6(b[off : off+16])
}
