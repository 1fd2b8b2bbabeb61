package tcpdump

// icmp6TypeName is tcpdump's icmp6_type_values table.
func icmp6TypeName(t uint8) string {
	switch t {
	case 1:
		return "destination unreachable"
	case 2:
		return "packet too big"
	case 3:
		return "time exceeded in-transit"
	case 4:
		return "parameter problem"
	case 128:
		return "echo request"
	case 129:
		return "echo reply"
	case 130:
		return "multicast listener query"
	case 131:
		return "multicast listener report"
	case 132:
		return "multicast listener done"
	case 133:
		return "router solicitation"
	case 134:
		return "router advertisement"
	case 135:
		return "neighbor solicitation"
	case 136:
		return "neighbor advertisement"
	case 137:
		return "redirect"
	case 138:
		return "router renumbering"
	case 139:
		return "who-are-you request"
	case 140:
		return "who-are-you reply"
	case 141:
		return "inverse neighbor solicitation"
	case 142:
		return "inverse neighbor advertisement"
	case 143:
		return "multicast listener report v2"
	case 144:
		return "ha discovery request"
	case 145:
		return "ha discovery reply"
	case 146:
		return "mobile router solicitation"
	case 147:
		return "mobile router advertisement"
	case 200:
		return "mtrace response"
	case 201:
		return "mtrace message"
	case 155:
		return "RPL"
	}
	return ""
}

// icmp6 prints an ICMPv6 message (tcpdump's icmp6_print).
func (p *Printer) icmp6(b []byte, length int, ip *ipHdr) {
	p.protocol = "icmp6"
	v := p.opts.Verbose
	if length == 0 {
		p.s("ICMP6, length 0 (invalid)")
		return
	}
	if v > 0 && !ip.fragmented {
		if has(b, 0, length) {
			field := p.get16(b, 2)
			sum := transportCksum(ip, ipprotoICMPv6, b[:length])
			if sum != 0 {
				p.s("[bad icmp6 cksum 0x")
				p.hex(uint64(field), 4)
				p.s(" -> 0x")
				p.hex(uint64(cksumShouldBe(field, sum)), 4)
				p.s("!] ")
			} else {
				p.s("[icmp6 sum ok] ")
			}
		}
	}
	typ := p.get8(b, 0)
	p.s("ICMP6, ")
	if name := icmp6TypeName(typ); name != "" {
		p.s(name)
	} else {
		p.s("unknown icmp6 type (")
		p.u(uint64(typ))
		p.c(')')
	}
	if v > 0 {
		switch typ {
		case 133, 134, 135, 136, 137, 145, 147:
			p.s(", length ")
			p.u(uint64(uint32(length)))
		}
	}
	code := p.get8(b, 1)
	switch typ {
	case 1: // destination unreachable
		p.s(", ")
		switch code {
		case 0:
			p.s("unreachable route")
		case 1:
			p.s(" unreachable prohibited")
		case 2:
			p.s("beyond scope")
		case 3:
			p.s("unreachable address")
		case 4:
			p.s("unreachable port")
		default:
			p.s("unknown unreach code (")
			p.u(uint64(code))
			p.c(')')
		}
		switch code {
		case 0, 1, 3:
			p.ip6At(" ", b, 32)
		case 2:
			p.check(b, 32, 16)
			p.check(b, 16, 16)
			p.c(' ')
			p.ip6(b[32:48])
			p.s(", source address ")
			p.ip6(b[16:32])
		case 4:
			prot, off, ok := p.icmp6UpperLayer(b, 8)
			if !ok {
				p.trunc()
				return
			}
			dport := p.get16(b, off+2)
			p.check(b, 32, 16)
			p.s(", ")
			p.ip6(b[32:48])
			switch prot {
			case ipprotoTCP:
				p.s(" tcp port ")
				p.u(uint64(dport))
			case ipprotoUDP:
				p.s(" udp port ")
				p.u(uint64(dport))
			default:
				p.s(" protocol ")
				p.u(uint64(prot))
				p.s(" port ")
				p.u(uint64(dport))
				p.s(" unreachable")
			}
		default:
			if v <= 1 {
				p.ip6HexPrint("\n\t", b, length)
				return
			}
		}
	case 2: // packet too big
		mtu := p.get32(b, 4)
		p.s(", mtu ")
		p.u(uint64(mtu))
	case 3: // time exceeded
		switch code {
		case 0:
			p.ip6At(" for ", b, 32)
		case 1:
			p.s(" (reassembly)")
		default:
			p.s(", unknown code (")
			p.u(uint64(code))
			p.c(')')
		}
	case 4: // parameter problem
		if !has(b, 32, 16) {
			p.trunc()
			return
		}
		switch code {
		case 0, 1, 2, 3:
			ptr := p.get32(b, 4)
			p.s([...]string{", erroneous - octet ", ", next header - octet ",
				", option - octet ", ", incomplete header chain - octet "}[code])
			p.u(uint64(ptr))
		default:
			p.s(", code-#")
			p.u(uint64(code))
		}
	case 128, 129: // echo
		id := p.get16(b, 4)
		seq := p.get16(b, 6)
		p.s(", id ")
		p.u(uint64(id))
		p.s(", seq ")
		p.u(uint64(seq))
	case 130: // multicast listener query
		switch {
		case length == 24:
			p.icmp6MLD(b)
		case length >= 28:
			p.s(" v2")
			p.icmp6MLDv2Query(b, length)
		default:
			p.s(" unknown-version (len ")
			p.u(uint64(uint32(length)))
			p.s(") ")
		}
	case 131, 132:
		p.icmp6MLD(b)
	case 133: // router solicitation
		if v > 0 && !p.icmp6Opts(b, 8, length-8) {
			p.trunc()
			return
		}
	case 134: // router advertisement
		if v > 0 {
			hop := p.get8(b, 4)
			flags := p.get8(b, 5)
			life := p.get16(b, 6)
			reach := p.get32(b, 8)
			retrans := p.get32(b, 12)
			p.s("\n\thop limit ")
			p.u(uint64(hop))
			p.s(", Flags [")
			p.bitNames(uint32(flags), icmp6RAFlags[:])
			p.s("], pref ")
			p.s(icmp6RtPref(flags))
			p.s(", router lifetime ")
			p.u(uint64(life))
			p.s("s, reachable time ")
			p.u(uint64(reach))
			p.s("ms, retrans timer ")
			p.u(uint64(retrans))
			p.s("ms")
			if !p.icmp6Opts(b, 16, length-16) {
				p.trunc()
				return
			}
		}
	case 135: // neighbor solicitation
		p.ip6At(", who has ", b, 8)
		if v > 0 && !p.icmp6Opts(b, 24, length-24) {
			p.trunc()
			return
		}
	case 136: // neighbor advertisement
		p.ip6At(", tgt is ", b, 8)
		if v > 0 {
			flags := p.get32(b, 4)
			p.s(", Flags [")
			p.bitNames(flags, icmp6NAFlags[:])
			p.c(']')
			if !p.icmp6Opts(b, 24, length-24) {
				p.trunc()
				return
			}
		}
	case 137: // redirect
		p.ip6At(", ", b, 24)
		p.ip6At(" to ", b, 8)
		if v > 0 && !p.icmp6Opts(b, 40, length-40) {
			p.trunc()
			return
		}
	case 138:
		p.icmp6RouterRenum(b)
	case 139, 140:
		p.icmp6NodeInfo(b, length)
	case 141, 142:
	case 143:
		p.icmp6MLDv2Report(b, length)
	case 144, 146:
		id := p.get16(b, 4)
		p.s(", id 0x")
		p.hex(uint64(id), 4)
	case 145: // home agent discovery reply
		if v > 0 {
			id := p.get16(b, 4)
			p.s(", id 0x")
			p.hex(uint64(id), 4)
			for a := 8; a < length; a += 16 {
				p.ip6At(", ", b, a)
			}
		}
	case 147: // mobile prefix advertisement
		if v > 0 {
			id := p.get16(b, 4)
			p.s(", id 0x")
			p.hex(uint64(id), 4)
			flags := p.get16(b, 6)
			if flags&0xc000 != 0 {
				p.c(' ')
			}
			if flags&0x8000 != 0 {
				p.c('M')
			}
			if flags&0x4000 != 0 {
				p.c('O')
			}
			if !p.icmp6Opts(b, 8, length-8) {
				p.trunc()
				return
			}
		}
	case 155:
		p.icmp6RPL(code, b[min(4, len(b)):], length-4)
	default:
		p.s(", length ")
		p.u(uint64(uint32(length)))
		if v <= 1 {
			p.ip6HexPrint("\n\t", b, length)
		}
		return
	}
	if v == 0 {
		p.s(", length ")
		p.u(uint64(uint32(length)))
	}
}

var (
	icmp6RAFlags  = [...]bitName{{0x80, "managed"}, {0x40, "other stateful"}, {0x20, "home agent"}, {0x02, "ipv6 only"}}
	icmp6NAFlags  = [...]bitName{{0x80000000, "router"}, {0x40000000, "solicited"}, {0x20000000, "override"}}
	icmp6PIFlags  = [...]bitName{{0x80, "onlink"}, {0x40, "auto"}, {0x20, "router"}}
	icmp6OptNames = [...]string{1: "source link-address", 2: "destination link-address",
		3: "prefix info", 4: "redirected header", 5: "mtu", 7: "advertisement interval",
		8: "homeagent information", 24: "route info", 25: "rdnss", 31: "dnssl"}
)

// icmp6RtPref is the router preference of a flags byte (get_rtpref).
func icmp6RtPref(flags uint8) string {
	switch (flags & 0x18) >> 3 {
	case 0:
		return "medium"
	case 1:
		return "high"
	case 2:
		return "rsv"
	}
	return "low"
}

// icmp6Lifetime appends a lifetime in seconds, or "infinity".
func (p *Printer) icmp6Lifetime(v uint32) {
	if v == 0xffffffff {
		p.s("infinity")
		return
	}
	p.u(uint64(v))
	p.c('s')
}

// ip6HexPrint dumps up to length captured bytes of b the way tcpdump's
// print_unknown_data does: rows of 16 bytes, each row starting with ident.
func (p *Printer) ip6HexPrint(ident string, b []byte, length int) {
	if length < 0 {
		length = int(uint32(length))
	}
	if length > len(b) {
		length = len(b)
	}
	p.hexPrint(ident, b[:length])
}

// icmp6UpperLayer finds the transport header inside the IPv6 packet quoted
// at b[off:] (tcpdump's get_upperlayer): its protocol and offset in b.
func (p *Printer) icmp6UpperLayer(b []byte, off int) (uint8, int, bool) {
	if !has(b, off+6, 1) {
		return 0, 0, false
	}
	nh := b[off+6]
	cp, hlen := off, 40
	for cp < len(b) {
		cp += hlen
		switch nh {
		case ipprotoUDP, ipprotoTCP:
			if has(b, cp+2, 2) {
				return nh, cp, true
			}
			return 0, 0, false
		case ipprotoHopOpts, ipprotoDstOpts, ipprotoRouting:
			if !has(b, cp+1, 1) {
				return 0, 0, false
			}
			nh = b[cp]
			hlen = (int(b[cp+1]) + 1) << 3
		case ipprotoFragment:
			if !has(b, cp+2, 2) {
				return 0, 0, false
			}
			if (uint16(b[cp+2])<<8|uint16(b[cp+3]))&0xfff8 != 0 {
				return 0, 0, false
			}
			nh = b[cp]
			hlen = 8
		case ipprotoAH:
			if !has(b, cp+1, 1) {
				return 0, 0, false
			}
			nh = b[cp]
			hlen = (int(b[cp+1]) + 2) << 2
		default:
			return nh, 0, false
		}
	}
	return 0, 0, false
}

// icmp6Opts prints neighbor discovery options starting at b[off:]
// (tcpdump's icmp6_opt_print); it reports false where tcpdump's printer
// returns -1.
func (p *Printer) icmp6Opts(b []byte, off, resid int) bool {
	v := p.opts.Verbose
	bp := off
	cp := off
	for cp < len(b) {
		if !has(b, cp+1, 1) {
			return false
		}
		if resid <= 0 {
			return true
		}
		typ := b[cp]
		olen := int(b[cp+1])
		if olen == 0 {
			return false
		}
		n := olen << 3
		if cp+n > len(b) {
			return false
		}
		p.s("\n\t  ")
		if int(typ) < len(icmp6OptNames) && icmp6OptNames[typ] != "" {
			p.s(icmp6OptNames[typ])
		} else {
			p.s("unknown")
		}
		p.s(" option (")
		p.u(uint64(typ))
		p.s("), length ")
		p.u(uint64(n))
		p.s(" (")
		p.u(uint64(olen))
		p.s("): ")
		switch typ {
		case 1, 2: // link-layer address
			for i := 2; i < n; i++ {
				if i > 2 {
					p.c(':')
				}
				p.hex(uint64(b[cp+i]), 2)
			}
		case 3: // prefix information
			p.check(b, cp, 32)
			p.ip6(b[cp+16 : cp+32])
			p.c('/')
			p.u(uint64(b[cp+2]))
			if olen != 4 {
				p.s("badlen")
			}
			p.s(", Flags [")
			p.bitNames(uint32(b[cp+3]), icmp6PIFlags[:])
			p.s("], valid time ")
			p.icmp6Lifetime(p.get32(b, cp+4))
			p.s(", pref. time ")
			p.icmp6Lifetime(p.get32(b, cp+8))
		case 4: // redirected header
			p.ip6HexPrint("\n\t    ", b[bp:], n)
		case 5: // MTU
			mtu := p.get32(b, cp+4)
			p.c(' ')
			p.u(uint64(mtu))
			if olen != 1 {
				p.s("bad option length")
			}
		case 25: // RDNSS
			l := (olen - 1) / 2
			p.s(" lifetime ")
			p.u(uint64(p.get32(b, cp+4)))
			p.s("s,")
			for i := 0; i < l; i++ {
				p.ip6At(" addr: ", b, cp+8+16*i)
			}
		case 31: // DNSSL
			p.s(" lifetime ")
			p.u(uint64(p.get32(b, cp+4)))
			p.s("s, domain(s):")
			dom := cp + 8
			for dom < cp+n && p.get8(b, dom) != 0 {
				p.c(' ')
				next := p.ip6Fqdn(b, dom, bp)
				if next < 0 {
					return false
				}
				dom = next
			}
		case 7: // advertisement interval
			p.c(' ')
			p.u(uint64(p.get32(b, cp+4)))
			p.s("ms")
		case 8: // home agent information
			pref := p.get16(b, cp+4)
			life := p.get16(b, cp+6)
			p.s(" preference ")
			p.u(uint64(pref))
			p.s(", lifetime ")
			p.u(uint64(life))
		case 24: // route information
			if !has(b, cp+4, 4) {
				return false
			}
			var prefix [16]byte
			switch olen {
			case 1:
			case 2:
				p.check(b, cp+8, 8)
				copy(prefix[:], b[cp+8:cp+16])
			case 3:
				p.check(b, cp+8, 16)
				copy(prefix[:], b[cp+8:cp+24])
			default:
				return false
			}
			p.c(' ')
			p.ip6(prefix[:])
			p.c('/')
			p.u(uint64(p.get8(b, cp+2)))
			p.s(", pref=")
			p.s(icmp6RtPref(p.get8(b, cp+3)))
			p.s(", lifetime=")
			p.icmp6Lifetime(p.get32(b, cp+4))
		default:
			if v <= 1 {
				p.ip6HexPrint("\n\t  ", b[cp+2:], n-2)
				return true
			}
		}
		if v > 1 {
			p.ip6HexPrint("\n\t    ", b[cp+2:], n-2)
		}
		cp += n
		resid -= n
	}
	return true
}

// ip6Fqdn prints the domain name at b[off:] (tcpdump's fqdn_print, with
// compression pointers relative to b[base:]) and returns the offset after
// it, or -1.
func (p *Printer) ip6Fqdn(b []byte, off, base int) int {
	labelLen := func(at int) int {
		if !has(b, at, 1) {
			return -1
		}
		i := b[at]
		switch {
		case i&0xc0 == 0xc0:
			return 0
		case i&0xc0 == 0x40:
			// Extended label types; only bit-string labels exist.
			if i&0x3f != 1 {
				return 0
			}
			if !has(b, at+1, 1) {
				return -1
			}
			bits := int(b[at+1])
			if bits == 0 {
				bits = 256
			}
			return (bits+7)/8 + 1
		}
		return int(i)
	}
	l := labelLen(off)
	if l < 0 {
		return -1
	}
	maxOff := off - base
	cp := off
	i := p.get8(b, cp)
	cp++
	compress := true
	rp := 0
	if i&0xc0 != 0xc0 {
		compress = false
		rp = cp + l
	}
	if i == 0 {
		p.c('.')
		return rp
	}
	for i != 0 && cp < len(b) {
		if i&0xc0 == 0xc0 {
			if !compress {
				rp = cp + 1
				compress = true
			}
			if !has(b, cp, 1) {
				return -1
			}
			o := (int(i)<<8 | int(b[cp])) & 0x3fff
			if o >= maxOff {
				p.s("<BAD PTR>")
				return -1
			}
			maxOff = o
			cp = base + o
			if !has(b, cp, 1) {
				return -1
			}
			i = b[cp]
			if l = labelLen(cp); l < 0 {
				return -1
			}
			cp++
			continue
		}
		if i&0xc0 == 0x40 {
			p.s("<ELT ")
			p.u(uint64(i & 0x3f))
			p.c('>')
			return -1
		}
		for k := 0; k < l; k++ {
			if cp+k >= len(b) {
				return -1
			}
			p.printChar(b[cp+k])
		}
		cp += l
		p.c('.')
		if !has(b, cp, 1) {
			return -1
		}
		i = b[cp]
		if l = labelLen(cp); l < 0 {
			return -1
		}
		cp++
		if !compress {
			rp += l + 1
		}
	}
	return rp
}

// icmp6MLD prints an MLDv1 message (tcpdump's mld6_print).
func (p *Printer) icmp6MLD(b []byte) {
	if len(b) < 24 {
		return
	}
	p.s("max resp delay: ")
	p.u(uint64(p.get16(b, 4)))
	p.s(" addr: ")
	p.ip6(b[8:24])
}

// icmp6MLDv2Report prints an MLDv2 report (tcpdump's mldv2_report_print).
func (p *Printer) icmp6MLDv2Report(b []byte, length int) {
	if length < 8 {
		p.s(" [invalid len ")
		p.u(uint64(uint32(length)))
		p.c(']')
		return
	}
	ngroups := int(p.get16(b, 6))
	p.s(", ")
	p.u(uint64(ngroups))
	p.s(" group record(s)")
	if p.opts.Verbose == 0 {
		return
	}
	group := 8
	for i := 0; i < ngroups; i++ {
		if length < group+20 {
			p.s(" [invalid number of groups]")
			return
		}
		p.ip6At(" [gaddr ", b, group+4)
		t := p.get8(b, group)
		p.c(' ')
		p.groupRecordType(t, " [v2-report-#")
		nsrcs := int(p.get16(b, group+2))
		if length < group+20+nsrcs*16 {
			p.s(" [invalid number of sources ")
			p.u(uint64(nsrcs))
			p.c(']')
			return
		}
		if p.opts.Verbose == 1 {
			p.s(", ")
			p.u(uint64(nsrcs))
			p.s(" source(s)")
		} else {
			p.s(" {")
			for j := 0; j < nsrcs; j++ {
				p.ip6At(" ", b, group+20+j*16)
			}
			p.s(" }")
		}
		group += 20 + nsrcs*16
		p.c(']')
	}
}

// icmp6MLDv2Query prints an MLDv2 query (tcpdump's mldv2_query_print).
func (p *Printer) icmp6MLDv2Query(b []byte, length int) {
	if length < 28 {
		p.s(" [invalid len ")
		p.u(uint64(uint32(length)))
		p.c(']')
		return
	}
	mrc := uint32(p.get16(b, 4))
	mrt := mrc
	if mrc >= 32768 {
		mrt = ((mrc & 0x0fff) | 0x1000) << (((mrc & 0x7000) >> 12) + 3)
	}
	v := p.opts.Verbose
	if v > 0 {
		p.s(" [max resp delay=")
		p.u(uint64(mrt))
		p.c(']')
	}
	p.ip6At(" [gaddr ", b, 8)
	if v > 0 {
		f := p.get8(b, 24)
		if f&0x08 != 0 {
			p.s(" sflag")
		}
		if f&0x07 != 0 {
			p.s(" robustness=")
			p.u(uint64(f & 0x07))
		}
		q := uint32(p.get8(b, 25))
		qqi := q
		if q >= 128 {
			qqi = ((q & 0x0f) | 0x10) << (((q & 0x70) >> 4) + 3)
		}
		p.s(" qqi=")
		p.u(uint64(qqi))
	}
	nsrcs := int(p.get16(b, 26))
	if nsrcs > 0 {
		switch {
		case length < 28+nsrcs*16:
			p.s(" [invalid number of sources]")
		case v > 1:
			p.s(" {")
			for i := 0; i < nsrcs; i++ {
				p.ip6At(" ", b, 28+i*16)
			}
			p.s(" }")
		default:
			p.s(", ")
			p.u(uint64(nsrcs))
			p.s(" source(s)")
		}
	}
	p.c(']')
}

// icmp6DNSName prints a DNS name in a node information message (tcpdump's
// dnsname_print, without decompression).
func (p *Printer) icmp6DNSName(b []byte, cp int) {
	ep := len(b)
	p.s(", \"")
	for cp < ep {
		i := int(p.get8(b, cp))
		cp++
		if i != 0 {
			if i > ep-cp {
				p.s("???")
				break
			}
			for ; i > 0 && cp < ep; i-- {
				p.printChar(p.get8(b, cp))
				cp++
			}
			if cp+1 < ep && p.get8(b, cp) != 0 {
				p.c('.')
			}
		} else {
			if cp == ep {
				p.c('.')
			} else if cp+1 == ep && p.get8(b, cp) == 0 {
			} else {
				p.s("???")
			}
			break
		}
	}
	p.c('"')
}

// icmp6NodeAddrFlags prints the flags of a node addresses query or reply.
func (p *Printer) icmp6NodeAddrFlags(i uint16, reply bool) {
	p.s(" [")
	for _, f := range [...]struct {
		bit  uint16
		name byte
	}{{0x40, 'a'}, {0x20, 'G'}, {0x10, 'S'}, {0x08, 'L'}, {0x04, 'C'}, {0x02, 'A'}} {
		if i&f.bit != 0 {
			p.c(f.name)
		}
	}
	if reply && i&0x01 != 0 {
		p.c('T')
	}
	p.c(']')
}

// icmp6NodeInfo prints a node information query or reply (tcpdump's
// icmp6_nodeinfo_print).
func (p *Printer) icmp6NodeInfo(b []byte, icmp6len int) {
	siz := len(b)
	v := p.opts.Verbose > 0
	switch p.get8(b, 0) {
	case 139:
		if siz == 8+4 {
			p.s(" who-are-you request")
			return
		}
		p.s(" node information query")
		if !has(b, 0, 16) {
			p.trunc()
			return
		}
		p.s(" (")
		qtype := p.get16(b, 4)
		switch qtype {
		case 0:
			p.s("noop")
		case 1:
			p.s("supported qtypes")
			if i := p.get16(b, 6); i != 0 {
				if i&0x01 != 0 {
					p.s(" [C]")
				} else {
					p.s(" []")
				}
			}
		case 2:
			p.s("DNS name")
		case 3:
			p.s("node addresses")
			if i := p.get16(b, 6); i != 0 {
				p.icmp6NodeAddrFlags(i, false)
			}
		default:
			p.s("unknown")
		}
		if qtype == 0 || qtype == 1 {
			if siz != 16 && v {
				p.s(", invalid len")
			}
			p.c(')')
			return
		}
		if siz == 16 {
			p.s(", 03 draft)")
			return
		}
		cp := 16
		switch p.get8(b, 1) {
		case 0:
			if !has(b, 0, 32) {
				break
			}
			if siz != 32 {
				if v {
					p.s(", invalid subject len")
				}
				break
			}
			p.ip6At(", subject=", b, cp)
		case 1:
			p.s(", subject=DNS name")
			if int(p.get8(b, cp)) == siz-cp-1 {
				if v {
					p.s(", 03 draft")
				}
				cp++
				p.s(", \"")
				for ; cp < siz; cp++ {
					p.printChar(p.get8(b, cp))
				}
				p.c('"')
			} else {
				p.icmp6DNSName(b, cp)
			}
		case 2:
			if !has(b, 0, 20) {
				break
			}
			if siz != 20 {
				if v {
					p.s(", invalid subject len")
				}
				break
			}
			p.s(", subject=")
			p.getIP4(b, cp)
		default:
			p.s(", unknown subject")
		}
		p.c(')')
	case 140:
		if icmp6len > siz {
			p.trunc()
			return
		}
		needComma := false
		if !has(b, 0, 16) {
			p.trunc()
			return
		}
		p.s(" node information reply (")
		code := p.get8(b, 1)
		switch code {
		case 0:
			if v {
				p.s("success")
				needComma = true
			}
		case 1:
			p.s("refused")
			needComma = true
			if siz != 16 && v {
				p.s(", invalid length")
			}
		case 2:
			p.s("unknown")
			needComma = true
			if siz != 16 && v {
				p.s(", invalid length")
			}
		}
		if code != 0 {
			p.c(')')
			return
		}
		if needComma {
			p.s(", ")
		}
		switch p.get16(b, 4) {
		case 0:
			p.s("noop")
			if siz != 16 && v {
				p.s(", invalid length")
			}
		case 1:
			p.s("supported qtypes")
			if i := p.get16(b, 6); i != 0 {
				if i&0x01 != 0 {
					p.s(" [C]")
				} else {
					p.s(" []")
				}
			}
		case 2:
			p.s("DNS name")
			cp := 16 + 4
			if int(p.get8(b, cp)) == siz-cp-1 {
				if v {
					p.s(", 03 draft")
				}
				cp++
				p.s(", \"")
				for ; cp < siz; cp++ {
					p.printChar(p.get8(b, cp))
				}
				p.c('"')
			} else {
				p.icmp6DNSName(b, cp)
			}
			if p.get16(b, 6)&0x01 != 0 {
				ttl := p.get32(b, 16)
				p.s(" [TTL=")
				p.u(uint64(ttl))
				p.c(']')
			}
		case 3:
			p.s("node addresses")
			for i := 16; i < siz; i += 20 {
				if i+20 > siz {
					break
				}
				p.ip6At(" ", b, i+4)
				p.c('(')
				p.u(uint64(p.get32(b, i)))
				p.c(')')
			}
			if i := p.get16(b, 6); i != 0 {
				p.icmp6NodeAddrFlags(i, true)
			}
		default:
			p.s("unknown")
		}
		p.c(')')
	}
}

// icmp6RouterRenum prints a router renumbering message (tcpdump's
// icmp6_rrenum_print).
func (p *Printer) icmp6RouterRenum(b []byte) {
	if !has(b, 12, 4) {
		p.trunc()
		return
	}
	code := b[1]
	switch code {
	case 0:
		p.s(", command")
	case 1:
		p.s(", result")
	case 255:
		p.s(", sequence number reset")
	default:
		p.s(", code-#")
		p.u(uint64(code))
	}
	seq := p.get32(b, 4)
	p.s(", seq=")
	p.u(uint64(seq))
	v := p.opts.Verbose
	if v > 0 {
		flags := b[9]
		p.c('[')
		if flags != 0 {
			for _, f := range [...]struct {
				bit  byte
				name byte
			}{{0x80, 'T'}, {0x40, 'R'}, {0x20, 'A'}, {0x10, 'S'}, {0x08, 'P'}} {
				if flags&f.bit != 0 {
					p.c(f.name)
				}
			}
			p.c(',')
		}
		p.s("seg=")
		p.u(uint64(b[8]))
		p.s(",maxdelay=")
		p.u(uint64(p.get16(b, 10)))
		if rsvd := p.get32(b, 12); rsvd != 0 {
			p.s("rsvd=0x")
			p.hex(uint64(rsvd), 0)
		}
		p.c(']')
	}
	if code != 0 {
		return
	}
	m := 16
	if !has(b, m+8, 16) {
		p.trunc()
		return
	}
	if v > 1 {
		p.s("\n\t")
	} else {
		p.c(' ')
	}
	p.s("match(")
	switch c := b[m]; c {
	case 1:
		p.s("add")
	case 2:
		p.s("change")
	case 3:
		p.s("setglobal")
	default:
		p.c('#')
		p.u(uint64(c))
	}
	if v > 0 {
		p.s(",ord=")
		p.u(uint64(b[m+2]))
		p.s(",min=")
		p.u(uint64(b[m+4]))
		p.s(",max=")
		p.u(uint64(b[m+5]))
	}
	p.c(',')
	p.ip6(b[m+8 : m+24])
	p.c('/')
	p.u(uint64(b[m+3]))
	p.c(')')
	n := int(b[m+1]) - 3
	if n%4 != 0 {
		p.trunc()
		return
	}
	n /= 4
	u := m + 24
	for ; n > 0; n-- {
		if !has(b, u+16, 16) {
			p.trunc()
			return
		}
		if v > 1 {
			p.s("\n\t")
		} else {
			p.c(' ')
		}
		p.s("use(")
		if f := b[u+12]; f != 0 {
			if f&0x80 != 0 {
				p.c('V')
			}
			if f&0x40 != 0 {
				p.c('P')
			}
			p.c(',')
		}
		if v > 0 {
			p.s("mask=0x")
			p.hex(uint64(b[u+2]), 0)
			p.s(",raflags=0x")
			p.hex(uint64(b[u+3]), 0)
			p.c(',')
			if vl := p.get32(b, u+4); vl == 0xffffffff {
				p.s("vltime=infty,")
			} else {
				p.s("vltime=")
				p.u(uint64(vl))
				p.c(',')
			}
			if pl := p.get32(b, u+8); pl == 0xffffffff {
				p.s("pltime=infty,")
			} else {
				p.s("pltime=")
				p.u(uint64(pl))
				p.c(',')
			}
		}
		p.ip6(b[u+16 : u+32])
		p.c('/')
		p.u(uint64(b[u]))
		p.c('/')
		p.u(uint64(b[u+1]))
		p.c(')')
		u += 32
	}
}

// icmp6RPL prints an RPL control message (tcpdump's rpl_print); b starts
// after the type, code and checksum.
func (p *Printer) icmp6RPL(code uint8, b []byte, length int) {
	if code&0x80 != 0 {
		p.s(", (SEC) [worktodo]")
		return
	}
	p.s(", (CLR)")
	v := p.opts.Verbose
	switch code & 0x7f {
	case 0:
		p.s("DODAG Information Solicitation")
	case 1:
		p.s("DODAG Information Object")
		if v > 0 {
			p.check(b, 8, 16)
			mopprf := p.get8(b, 4)
			p.s(" [dagid:")
			p.ip6(b[8:24])
			p.s(",seq:")
			p.u(uint64(p.get8(b, 5)))
			p.s(",instance:")
			p.u(uint64(p.get8(b, 0)))
			p.s(",rank:")
			p.u(uint64(p.get16(b, 2)))
			p.c(',')
			if mopprf&0x80 != 0 {
				p.s("grounded,")
			}
			p.s("mop:")
			switch mop := (mopprf >> 3) & 7; mop {
			case 0:
				p.s("nonstoring")
			case 1:
				p.s("storing")
			case 2:
				p.s("nonstoring-multicast")
			case 3:
				p.s("storing-multicast")
			default:
				p.s("mop")
				p.u(uint64(mop))
			}
			p.s(",prf:")
			p.u(uint64(mopprf & 7))
			p.c(']')
			if v > 1 {
				p.icmp6RPLOpts(b[min(24, len(b)):], length-24)
			}
		}
	case 2:
		p.s("Destination Advertisement Object")
		if v > 0 {
			if !has(b, 0, 20) {
				p.trunc()
				return
			}
			if length < 4 {
				p.s(" [|length too short]")
				return
			}
			rest := 4
			length -= 4
			flags := b[1]
			dagid := false
			if flags&0x40 != 0 {
				if length < 16 {
					p.s(" [|length too short]")
					return
				}
				dagid = true
				rest += 16
				length -= 16
			}
			p.s(" [dagid:")
			if dagid {
				p.ip6(b[4:20])
			} else {
				p.s("<elided>")
			}
			p.s(",seq:")
			p.u(uint64(b[3]))
			p.s(",instance:")
			p.u(uint64(b[0]))
			if flags&0x80 != 0 {
				p.s(",acK")
			}
			if dagid {
				p.s(",Dagid")
			}
			p.c(',')
			p.hex(uint64(flags), 2)
			p.c(']')
			if v > 1 {
				p.icmp6RPLOpts(b[min(rest, len(b)):], length)
			}
		}
	case 3:
		p.s("Destination Advertisement Object Ack")
		if v > 0 {
			if !has(b, 0, 4) {
				p.trunc()
				return
			}
			if length < 4 {
				p.s(" [|dao-length too short]")
				return
			}
			rest := 4
			length -= 4
			dagid := false
			if b[1]&0x80 != 0 {
				if !has(b, 4, 16) {
					p.trunc()
					return
				}
				if length < 16 {
					p.s(" [|dao-length too short]")
					return
				}
				dagid = true
				rest += 16
				length -= 16
			}
			p.s(" [dagid:")
			if dagid {
				p.ip6(b[4:20])
			} else {
				p.s("<elided>")
			}
			p.s(",seq:")
			p.u(uint64(b[2]))
			p.s(",instance:")
			p.u(uint64(b[0]))
			p.s(",status:")
			p.u(uint64(b[3]))
			p.c(']')
			if v > 1 {
				p.icmp6RPLOpts(b[min(rest, len(b)):], length)
			}
		}
	default:
		p.s("RPL message, unknown code ")
		p.u(uint64(code))
	}
}

// icmp6RPLOpts prints RPL options (tcpdump's rpl_printopts).
func (p *Printer) icmp6RPLOpts(b []byte, length int) {
	names := [...]string{0: "pad1", 1: "padN", 2: "metrics", 3: "routinginfo", 4: "config",
		5: "rpltarget", 6: "transitinfo", 8: "destprefix", 9: "rpltargetdesc"}
	cp := 0
	for length > 0 {
		t := p.get8(b, cp)
		optlen := 1
		if t == 0 {
			p.s(" opt:pad1")
		} else {
			if length < 2 {
				p.trunc()
				return
			}
			optlen = int(p.get8(b, cp+1)) + 2
			p.s(" opt:")
			if int(t) < len(names) && names[t] != "" {
				p.s(names[t])
			} else {
				p.s("subopt:")
				p.u(uint64(t))
			}
			p.s(" len:")
			p.u(uint64(optlen))
			p.c(' ')
			if !has(b, cp, optlen) || length < optlen {
				p.trunc()
				return
			}
			if p.opts.Verbose > 2 {
				p.hexPrint(" ", b[cp+2:cp+optlen])
			}
		}
		cp += optlen
		length -= optlen
	}
}
