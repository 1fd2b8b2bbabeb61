package tcpdump

// ICMP message offsets (RFC 792): the quoted IP header of error messages
// starts at 8, its destination address at 8+16.
const (
	icmpQuotedIP  = 8
	icmpQuotedDst = 24
	// Multi-part extensions (RFC 4884) start 128 bytes into the quoted
	// datagram; tcpdump looks for them past 156 bytes of IP datagram.
	icmpExtOff    = 136
	icmpExtHdrLen = 141
)

// icmpTypeName is tcpdump's icmp2str table, for types printed by name only.
func icmpTypeName(t uint8) string {
	switch t {
	case 0:
		return "echo reply"
	case 4:
		return "source quench"
	case 8:
		return "echo request"
	case 10:
		return "router solicitation"
	case 13:
		return "time stamp request"
	case 14:
		return "time stamp reply"
	case 15:
		return "information request"
	case 16:
		return "information reply"
	case 17:
		return "address mask request"
	}
	return ""
}

// icmpUnreachText is the text of the destination unreachable codes that
// print the quoted destination with a fixed phrase: prefix + dst + suffix.
func icmpUnreachText(code uint8) (prefix, suffix string) {
	switch code {
	case 0:
		return "net ", " unreachable"
	case 1:
		return "host ", " unreachable"
	case 5:
		return "", " unreachable - source route failed"
	case 6:
		return "net ", " unreachable - unknown"
	case 7:
		return "host ", " unreachable - unknown"
	case 8:
		return "", " unreachable - source host isolated"
	case 9:
		return "net ", " unreachable - admin prohibited"
	case 10:
		return "host ", " unreachable - admin prohibited"
	case 11:
		return "net ", " unreachable - tos prohibited"
	case 12:
		return "host ", " unreachable - tos prohibited"
	case 13:
		return "host ", " unreachable - admin prohibited filter"
	case 14:
		return "host ", " unreachable - host precedence violation"
	case 15:
		return "host ", " unreachable - precedence cutoff"
	}
	return "", ""
}

// icmp prints an ICMP message (tcpdump's icmp_print).
func (p *Printer) icmp(b []byte, length int, ip *ipHdr) {
	p.protocol = "icmp"
	typ := p.get8(b, 0)
	p.get8(b, 1)
	if !p.icmpSummary(b, typ) {
		// tcpdump's ND_TCHECK in icmp_print: the marker, without
		// unwinding.
		p.trunc()
		return
	}
	p.s(", length ")
	p.u(uint64(uint32(length)))
	if p.opts.Verbose > 0 && !ip.fragmented && has(b, 0, length) {
		if sum := inCksum(b[:length]); sum != 0 {
			field := uint16(b[2])<<8 | uint16(b[3])
			p.s(" (wrong icmp cksum ")
			p.hex(uint64(field), 0)
			p.s(" (->")
			p.hex(uint64(cksumShouldBe(field, sum)), 0)
			p.s(")!)")
		}
	}
	if p.opts.Verbose > 0 && icmpIsError(typ) {
		p.s("\n\t")
		inner := b[icmpQuotedIP:]
		ipLen := int(p.get16(inner, 2))
		if len(inner) > ipLen {
			inner = inner[:ipLen]
		}
		p.ipv4(inner, ipLen)
	}
	p.protocol = "icmp"
	if p.opts.Verbose > 0 && length > icmpExtOff && (typ == 3 || typ == 11 || typ == 12) {
		p.icmpMPLSExt(b, length)
	}
}

func icmpIsError(t uint8) bool {
	return t == 3 || t == 4 || t == 5 || t == 11 || t == 12
}

// icmpSummary prints "ICMP <what>". tcpdump formats the text into a buffer
// before printing it, so when a field is missing nothing of it is printed:
// the partial text is taken back before the truncation unwinds further, or
// before it reports false for the fields tcpdump tests explicitly (its
// ND_TCHECKs, which print the marker without unwinding).
func (p *Printer) icmpSummary(b []byte, typ uint8) (ok bool) {
	mark := len(p.out)
	defer func() {
		if !ok {
			p.out = p.out[:mark]
		}
	}()
	defer func() {
		if r := recover(); r != nil {
			if _, isTrunc := r.(truncated); isTrunc {
				p.out = p.out[:mark]
			}
			panic(r)
		}
	}()
	p.s("ICMP ")
	code := b[1]
	switch typ {
	case 0, 8:
		p.s("echo ")
		if typ == 8 {
			p.s("request")
		} else {
			p.s("reply")
		}
		p.s(", id ")
		p.u(uint64(p.get16(b, 4)))
		p.s(", seq ")
		p.u(uint64(p.get16(b, 6)))
	case 3:
		if !p.icmpUnreach(b, code) {
			return false
		}
	case 5:
		p.check(b, icmpQuotedDst, 4)
		p.check(b, 4, 4)
		switch code {
		case 0:
			p.s("redirect ")
			p.ip4(b[icmpQuotedDst:])
			p.s(" to net ")
		case 1:
			p.s("redirect ")
			p.ip4(b[icmpQuotedDst:])
			p.s(" to host ")
		case 2:
			p.s("redirect-tos ")
			p.ip4(b[icmpQuotedDst:])
			p.s(" to net ")
		case 3:
			p.s("redirect-tos ")
			p.ip4(b[icmpQuotedDst:])
			p.s(" to host ")
		default:
			p.s("redirect-#")
			p.u(uint64(code))
			p.c(' ')
			p.ip4(b[icmpQuotedDst:])
			p.s(" to ")
		}
		p.ip4(b[4:])
	case 9:
		if !p.icmpRouterAdvert(b) {
			return false
		}
	case 11:
		if !has(b, icmpQuotedDst, 4) {
			return false
		}
		switch code {
		case 0:
			p.s("time exceeded in-transit")
		case 1:
			p.s("ip reassembly time exceeded")
		default:
			p.s("time exceeded-#")
			p.u(uint64(code))
		}
	case 12:
		if code != 0 {
			p.s("parameter problem - code ")
			p.u(uint64(code))
		} else {
			p.s("parameter problem - octet ")
			p.u(uint64(p.get8(b, 4)))
		}
	case 18:
		p.s("address mask is 0x")
		p.hex(uint64(p.get32(b, 8)), 8)
	case 13:
		p.s("time stamp query id ")
		p.u(uint64(p.get16(b, 4)))
		p.s(" seq ")
		p.u(uint64(p.get16(b, 6)))
	case 14:
		if !has(b, 16, 4) {
			return false
		}
		p.s("time stamp reply id ")
		p.u(uint64(p.get16(b, 4)))
		p.s(" seq ")
		p.u(uint64(p.get16(b, 6)))
		p.s(": org ")
		p.icmpTimestamp(p.get32(b, 8))
		p.s(", recv ")
		p.icmpTimestamp(p.get32(b, 12))
		p.s(", xmit ")
		p.icmpTimestamp(p.get32(b, 16))
	default:
		if name := icmpTypeName(typ); name != "" {
			p.s(name)
		} else {
			p.s("type-#")
			p.u(uint64(typ))
		}
	}
	return true
}

// icmpUnreach prints the destination unreachable text for a code; false
// is tcpdump's explicit truncation test failing.
func (p *Printer) icmpUnreach(b []byte, code uint8) bool {
	switch code {
	case 2:
		p.check(b, icmpQuotedDst, 4)
		p.ip4(b[icmpQuotedDst:])
		p.s(" protocol ")
		p.u(uint64(p.get8(b, icmpQuotedIP+9)))
		p.s(" unreachable")
	case 3:
		if !has(b, icmpQuotedIP+9, 1) {
			return false
		}
		proto := p.get8(b, icmpQuotedIP+9)
		hlen := int(p.get8(b, icmpQuotedIP)&0xf) * 4
		dport := p.get16(b, icmpQuotedIP+hlen+2)
		p.check(b, icmpQuotedDst, 4)
		p.ip4(b[icmpQuotedDst:])
		switch proto {
		case ipprotoTCP:
			p.s(" tcp port ")
			p.u(uint64(dport))
		case ipprotoUDP:
			p.s(" udp port ")
			p.u(uint64(dport))
		default:
			p.s(" protocol ")
			p.u(uint64(proto))
			p.s(" port ")
			p.u(uint64(dport))
		}
		p.s(" unreachable")
	case 4:
		mtu := p.get16(b, 6)
		p.check(b, icmpQuotedDst, 4)
		p.ip4(b[icmpQuotedDst:])
		p.s(" unreachable - need to frag")
		if mtu != 0 {
			p.s(" (mtu ")
			p.u(uint64(mtu))
			p.c(')')
		}
	default:
		p.check(b, icmpQuotedDst, 4)
		prefix, suffix := icmpUnreachText(code)
		if suffix == "" {
			p.ip4(b[icmpQuotedDst:])
			p.s(" unreachable - #")
			p.u(uint64(code))
			return true
		}
		p.s(prefix)
		p.ip4(b[icmpQuotedDst:])
		p.s(suffix)
	}
	return true
}

// icmpRouterAdvert prints an RFC 1256 router advertisement; false is
// tcpdump's explicit truncation test failing.
func (p *Printer) icmpRouterAdvert(b []byte) bool {
	p.s("router advertisement")
	if !has(b, 4, 4) {
		return false
	}
	p.s(" lifetime ")
	lifetime := uint64(p.get16(b, 6))
	switch {
	case lifetime < 60:
		p.u(lifetime)
	case lifetime < 3600:
		p.u(lifetime / 60)
		p.c(':')
		p.zpad(lifetime%60, 2)
	default:
		p.u(lifetime / 3600)
		p.c(':')
		p.zpad(lifetime%3600/60, 2)
		p.c(':')
		p.zpad(lifetime%60, 2)
	}
	num := int(p.get8(b, 4))
	p.c(' ')
	p.u(uint64(num))
	p.c(':')
	if size := p.get8(b, 5); size != 2 {
		p.s(" [size ")
		p.u(uint64(size))
		p.c(']')
		return true
	}
	for off := 8; num > 0; num, off = num-1, off+8 {
		if !has(b, off, 8) {
			return false
		}
		p.s(" {")
		p.ip4(b[off:])
		p.c(' ')
		p.u(uint64(p.get32(b, off+4)))
		p.c('}')
	}
	return true
}

// icmpTimestamp appends milliseconds since midnight as hh:mm:ss.mmm.
func (p *Printer) icmpTimestamp(ms uint32) {
	sec := uint64(ms / 1000)
	min := sec / 60
	sec -= min * 60
	hrs := min / 60
	min -= hrs * 60
	p.zpad(hrs, 2)
	p.c(':')
	p.zpad(min, 2)
	p.c(':')
	p.zpad(sec, 2)
	p.c('.')
	p.zpad(uint64(ms%1000), 3)
}

// icmpMPLSExt prints the RFC 4884/4950 extension structure of an error
// message, as tcpdump 4.99 does.
func (p *Printer) icmpMPLSExt(b []byte, length int) {
	if !has(b, 0, icmpExtHdrLen) {
		p.trunc()
		return
	}
	extLen := length - icmpExtOff
	if b[5] == 0 && has(b, icmpExtOff, extLen) {
		// No length field: only a valid checksum says there is an
		// extension.
		if inCksum(b[icmpExtOff:icmpExtOff+extLen]) != 0 {
			return
		}
	}
	version := b[icmpExtOff] >> 4
	p.s("\n\tICMP Multi-Part extension v")
	p.u(uint64(version))
	if version != 2 {
		p.s(" packet not supported")
		return
	}
	hlen := extLen
	if has(b, icmpExtOff, hlen) {
		p.s(", checksum 0x")
		p.hex(uint64(p.get16(b, icmpExtOff+2)), 4)
		p.s(" (")
		if inCksum(b[icmpExtOff:icmpExtOff+hlen]) != 0 {
			p.s("in")
		}
		p.s("correct), length ")
		p.u(uint64(hlen))
	}
	hlen -= 4
	off := icmpExtOff + 4
	for hlen > 4 {
		if !has(b, off, 4) {
			p.trunc()
			return
		}
		objLen := int(p.get16(b, off))
		class := b[off+2]
		ctype := b[off+3]
		off += 4
		p.s("\n\t  ")
		switch class {
		case 1:
			p.s("MPLS Stack Entry")
		case 2:
			p.s("Interface Identification")
		default:
			p.s("unknown")
		}
		p.s(" Object (")
		p.u(uint64(class))
		p.s("), Class-Type: ")
		p.u(uint64(ctype))
		p.s(", length ")
		p.u(uint64(objLen))
		hlen -= 4
		if class == 0 || objLen < 4 {
			return
		}
		objLen -= 4
		if class == 1 && ctype == 1 {
			label := p.get32(b, off)
			p.s("\n\t    label ")
			p.u(uint64(label >> 12))
			p.s(", tc ")
			p.u(uint64(label >> 9 & 7))
			if label&0x100 != 0 {
				p.s(", [S]")
			}
			p.s(", ttl ")
			p.u(uint64(label & 0xff))
		} else {
			p.unknownDataAt(b, off, objLen, "\n\t    ")
		}
		if hlen < objLen {
			break
		}
		hlen -= objLen
		off += objLen
	}
}
