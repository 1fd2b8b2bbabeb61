package tcpdump

// DNS record types and classes tcpdump treats specially.
const (
	dnsTypeA      = 1
	dnsTypeNS     = 2
	dnsTypeCNAME  = 5
	dnsTypeSOA    = 6
	dnsTypePTR    = 12
	dnsTypeMX     = 15
	dnsTypeTXT    = 16
	dnsTypeAAAA   = 28
	dnsTypeSRV    = 33
	dnsTypeA6     = 38
	dnsTypeDNAME  = 39
	dnsTypeOPT    = 41
	dnsTypeUNSPA  = 104
	dnsTypeTSIG   = 250
	dnsTypeURI    = 256
	dnsClassIN    = 1
	dnsMaxCDName  = 255 // longest domain name tcpdump prints whole
	dnsIQuery     = 1
	dnsCacheFlush = 0x8000 // mDNS: top bit of the class
)

// dnsTypeNames are the record type names tcpdump 4.99 knows; types 1..48
// are indexed directly, the others are in dnsTypeName.
var dnsTypeNames = [...]string{
	"", "A", "NS", "MD", "MF", "CNAME", "SOA", "MB", "MG", "MR", "NULL",
	"WKS", "PTR", "HINFO", "MINFO", "MX", "TXT", "RP", "AFSDB", "X25", "ISDN",
	"RT", "NSAP", "NSAP_PTR", "SIG", "KEY", "PX", "GPOS", "AAAA", "LOC", "NXT",
	"EID", "NIMLOC", "SRV", "ATMA", "NAPTR", "KX", "CERT", "A6", "DNAME", "SINK",
	"OPT", "APL", "DS", "SSHFP", "IPSECKEY", "RRSIG", "NSEC", "DNSKEY",
}

// dnsTypeName returns tcpdump's name of a record type, or "".
func dnsTypeName(t uint16) string {
	if int(t) < len(dnsTypeNames) {
		return dnsTypeNames[t]
	}
	switch t {
	case 99:
		return "SPF"
	case 100:
		return "UINFO"
	case 101:
		return "UID"
	case 102:
		return "GID"
	case 103:
		return "UNSPEC"
	case 104:
		return "UNSPECA"
	case 249:
		return "TKEY"
	case 250:
		return "TSIG"
	case 251:
		return "IXFR"
	case 252:
		return "AXFR"
	case 253:
		return "MAILB"
	case 254:
		return "MAILA"
	case 255:
		return "ANY"
	case 256:
		return "URI"
	}
	return ""
}

// dnsType appends a record type's name, or "TypeN".
func (p *Printer) dnsType(t uint16) {
	if name := dnsTypeName(t); name != "" {
		p.s(name)
		return
	}
	p.s("Type")
	p.u(uint64(t))
}

// dnsClass appends a class name, or "(Class N)".
func (p *Printer) dnsClass(c uint16) {
	switch c {
	case 1:
		p.s("IN")
	case 3:
		p.s("CHAOS")
	case 4:
		p.s("HS")
	case 255:
		p.s("ANY")
	default:
		p.s("(Class ")
		p.u(uint64(c))
		p.c(')')
	}
}

// dnsOpcodes are printed after the message ID.
var dnsOpcodes = [16]string{
	"", " inv_q", " stat", " op3", " notify", " update", " op6", " op7",
	" op8", " updateA", " updateD", " updateDA", " updateM", " updateMA",
	" zoneInit", " zoneRef",
}

// dnsRcode appends the response code, extended by the OPT record.
func (p *Printer) dnsRcode(rcode uint32) {
	var name string
	switch rcode {
	case 0:
		return
	case 1:
		name = " FormErr"
	case 2:
		name = " ServFail"
	case 3:
		name = " NXDomain"
	case 4:
		name = " NotImp"
	case 5:
		name = " Refused"
	case 6:
		name = " YXDomain"
	case 7:
		name = " YXRRSet"
	case 8:
		name = " NXRRSet"
	case 9:
		name = " NotAuth"
	case 10:
		name = " NotZone"
	case 15:
		name = " NoChange"
	case 16:
		name = " BadVers"
	case 23:
		name = " BadCookie"
	default:
		p.s(" Resp")
		p.u(uint64(rcode))
		return
	}
	p.s(name)
}

// dns prints a DNS message (tcpdump's domain_print). With overTCP, b
// starts with the two-byte length prefix of DNS over TCP and length counts
// it: the TCP printer passes its payload and payload length unchanged.
func (p *Printer) dns(b []byte, length int, overTCP bool) {
	p.dnsMsg(b, length, overTCP, false)
}

// dnsMsg is domain_print; mdns selects the multicast DNS class bits.
func (p *Printer) dnsMsg(b []byte, length int, overTCP, mdns bool) {
	p.protocol = "domain"
	if overTCP {
		if length < 2 {
			p.s(" [DNS over TCP: length ")
			p.u(uint64(length))
			p.s(" < 2] (invalid)")
			return
		}
		length -= 2
		prefix := int(p.get16(b, 0))
		if prefix != length {
			p.s(" [prefix length(")
			p.u(uint64(prefix))
			p.s(") != length(")
			p.u(uint64(length))
			p.s(")] (invalid)")
			return
		}
		b = b[2:]
		p.c(' ')
	}
	if length < 12 {
		p.s("domain [length ")
		p.u(uint64(length))
		p.s(" < 12] (invalid)")
		return
	}
	if !has(b, 0, 12) {
		p.trunc()
		return
	}
	flags := p.get16(b, 2)
	qd := int(p.get16(b, 4))
	an := int(p.get16(b, 6))
	ns := int(p.get16(b, 8))
	ar := int(p.get16(b, 10))
	rcode := uint32(flags & 0xf)
	if flags&0x8000 != 0 {
		rcode |= p.dnsExtRcode(b, qd, an+ns, ar)
	}
	opcode := (flags >> 11) & 0xf
	var ok bool
	cp := 12
	if flags&0x8000 != 0 {
		// A response.
		p.u(uint64(p.get16(b, 0)))
		p.s(dnsOpcodes[opcode])
		p.dnsRcode(rcode)
		if flags&0x0400 != 0 {
			p.c('*')
		}
		if flags&0x0080 == 0 {
			p.c('-')
		}
		if flags&0x0200 != 0 {
			p.c('|')
		}
		if flags&0x0020 != 0 {
			p.c('$')
		}
		if qd != 1 {
			p.s(" [")
			p.u(uint64(qd))
			p.s("q]")
		}
		for i := 0; i < qd; i++ {
			if i != 0 {
				p.c(',')
			}
			if p.opts.Verbose > 1 {
				p.s(" q:")
				if cp, ok = p.dnsQuestion(b, cp, mdns); !ok {
					p.trunc()
					return
				}
			} else {
				if cp, ok = dnsSkipName(b, cp); !ok {
					p.trunc()
					return
				}
				cp += 4
			}
		}
		p.c(' ')
		p.u(uint64(an))
		p.c('/')
		p.u(uint64(ns))
		p.c('/')
		p.u(uint64(ar))
		if cp, ok = p.dnsSection(b, cp, an, "", true, mdns); !ok {
			p.trunc()
			return
		}
		if p.opts.Verbose > 1 {
			if cp, ok = p.dnsSection(b, cp, ns, " ns:", false, mdns); !ok {
				p.trunc()
				return
			}
			if _, ok = p.dnsSection(b, cp, ar, " ar:", false, mdns); !ok {
				p.trunc()
				return
			}
		}
	} else {
		// A request.
		p.u(uint64(p.get16(b, 0)))
		p.s(dnsOpcodes[opcode])
		if flags&0x0100 != 0 {
			p.c('+')
		}
		if flags&0x0010 != 0 {
			p.c('%')
		}
		if flags&0x6cf != 0 {
			p.s(" [b2&3=0x")
			p.hex(uint64(flags), 0)
			p.c(']')
		}
		if opcode == dnsIQuery {
			if qd != 0 {
				p.dnsCount(qd, "q]")
			}
			if an != 1 {
				p.dnsCount(an, "a]")
			}
		} else {
			if an != 0 {
				p.dnsCount(an, "a]")
			}
			if qd != 1 {
				p.dnsCount(qd, "q]")
			}
		}
		if ns != 0 {
			p.dnsCount(ns, "n]")
		}
		if ar != 0 {
			p.dnsCount(ar, "au]")
		}
		if qd != 0 {
			if cp, ok = p.dnsQuestion(b, cp, mdns); !ok {
				p.trunc()
				return
			}
			qd--
			for cp < len(b) && qd != 0 {
				if cp, ok = p.dnsQuestion(b, cp, mdns); !ok {
					p.trunc()
					return
				}
				qd--
			}
		}
		if qd != 0 {
			p.trunc()
			return
		}
		if p.opts.Verbose > 1 {
			if cp, ok = p.dnsSection(b, cp, an, "", true, mdns); !ok {
				p.trunc()
				return
			}
			if cp, ok = p.dnsSection(b, cp, ns, " ns:", false, mdns); !ok {
				p.trunc()
				return
			}
			if _, ok = p.dnsSection(b, cp, ar, " ar:", false, mdns); !ok {
				p.trunc()
				return
			}
		}
	}
	p.s(" (")
	p.u(uint64(length))
	p.c(')')
}

// dnsCount appends " [N" and the suffix.
func (p *Printer) dnsCount(n int, suffix string) {
	p.s(" [")
	p.u(uint64(n))
	p.s(suffix)
}

// dnsSection prints count resource records from cp on, separated by
// commas, after label. first marks the answer section, printed even when
// cp already is at the end of the capture. It reports false where tcpdump
// ends the line with "[|domain]".
func (p *Printer) dnsSection(b []byte, cp, count int, label string, first bool, mdns bool) (int, bool) {
	if count == 0 {
		return cp, true
	}
	if !first && cp >= len(b) {
		return cp, false
	}
	p.s(label)
	var ok bool
	if cp, ok = p.dnsRR(b, cp, mdns); !ok {
		return cp, false
	}
	count--
	for cp < len(b) && count != 0 {
		p.c(',')
		if cp, ok = p.dnsRR(b, cp, mdns); !ok {
			return cp, false
		}
		count--
	}
	return cp, count == 0
}

// dnsExtRcode walks the message to its OPT record and returns the upper
// bits of the extended response code it holds (0 without one).
func (p *Printer) dnsExtRcode(b []byte, qd, anns, ar int) uint32 {
	cp := 12
	var ok bool
	for i := 0; i < qd; i++ {
		if cp, ok = dnsSkipName(b, cp); !ok {
			return 0
		}
		cp += 4
		if cp >= len(b) {
			return 0
		}
	}
	for i := 0; i < anns; i++ {
		if cp, ok = dnsSkipName(b, cp); !ok {
			return 0
		}
		cp += 8
		if cp+2 > len(b) {
			return 0
		}
		cp += 2 + int(p.get16(b, cp))
		if cp >= len(b) {
			return 0
		}
	}
	for i := 0; i < ar; i++ {
		if cp, ok = dnsSkipName(b, cp); !ok {
			return 0
		}
		if cp+2 > len(b) {
			return 0
		}
		typ := p.get16(b, cp)
		cp += 4
		if cp+1 > len(b) {
			return 0
		}
		if typ == dnsTypeOPT {
			return uint32(p.get8(b, cp)) << 4
		}
		cp += 4
		if cp+2 > len(b) {
			return 0
		}
		cp += 2 + int(p.get16(b, cp))
		if cp >= len(b) {
			return 0
		}
	}
	return 0
}

// dnsSkipName returns the offset after the domain name at cp, without
// following compression pointers (tcpdump's ns_nskip).
func dnsSkipName(b []byte, cp int) (int, bool) {
	if cp < 0 || cp >= len(b) {
		return 0, false
	}
	i := b[cp]
	cp++
	for i != 0 {
		switch i & 0xc0 {
		case 0xc0:
			return cp + 1, true
		case 0x40:
			if i&0x3f != 1 {
				return 0, false
			}
			if cp >= len(b) {
				return 0, false
			}
			bitlen := int(b[cp])
			if bitlen == 0 {
				bitlen = 256
			}
			cp++
			cp += (bitlen + 7) / 8
		case 0x80:
			return 0, false
		default:
			cp += int(i)
		}
		if cp >= len(b) {
			return 0, false
		}
		i = b[cp]
		cp++
	}
	return cp, true
}

// dnsLabelLen returns the length of the label at cp, or -1 (tcpdump's
// labellen, which prints what it cannot decode).
func (p *Printer) dnsLabelLen(b []byte, cp int) int {
	if !has(b, cp, 1) {
		return -1
	}
	i := b[cp]
	switch i & 0xc0 {
	case 0x40:
		if elt := i & 0x3f; elt != 1 {
			p.s("<ELT ")
			p.u(uint64(elt))
			p.c('>')
			return -1
		}
		if !has(b, cp+1, 1) {
			return -1
		}
		bitlen := int(b[cp+1])
		if bitlen == 0 {
			bitlen = 256
		}
		return (bitlen+7)/8 + 1
	case 0x80:
		p.s("<BAD LABEL TYPE>")
		return -1
	}
	return int(i)
}

// dnsName prints the domain name at cp, following compression pointers
// only backwards, and returns the offset after it (tcpdump's fqdn_print).
func (p *Printer) dnsName(b []byte, cp int) (int, bool) {
	return p.dnsNameAt(b, cp, 0)
}

// dnsNameAt is dnsName with compression offsets counted from base; an
// offset from a base after the name is never backwards (tcpdump's unsigned
// pointer arithmetic).
func (p *Printer) dnsNameAt(b []byte, cp, base int) (int, bool) {
	l := p.dnsLabelLen(b, cp)
	if l < 0 || !has(b, cp, 1) {
		return 0, false
	}
	maxOff := cp - base
	if maxOff < 0 {
		maxOff = 1 << 32
	}
	i := b[cp]
	cp++
	rp := -1 // tcpdump's NULL: a name cut right after a pointer's first byte
	compressed := false
	if i&0xc0 != 0xc0 {
		rp = cp + l
	}
	if i == 0 {
		p.c('.')
		return rp, true
	}
	chars := 0
	for i != 0 && cp < len(b) {
		if i&0xc0 == 0xc0 {
			if !compressed {
				rp = cp + 1
				compressed = true
			}
			if !has(b, cp, 1) {
				return 0, false
			}
			off := (int(i)<<8 | int(b[cp])) & 0x3fff
			if off >= maxOff {
				p.s("<BAD PTR>")
				return 0, false
			}
			maxOff = off
			cp = base + off
			if !has(b, cp, 1) {
				return 0, false
			}
			i = b[cp]
			if l = p.dnsLabelLen(b, cp); l < 0 {
				return 0, false
			}
			cp++
			continue
		}
		if i&0xc0 == 0x40 {
			if elt := i & 0x3f; elt != 1 {
				p.s("<ELT ")
				p.u(uint64(elt))
				p.c('>')
				return 0, false
			}
			p.dnsBitLabel(b, cp)
		} else {
			if chars+l <= dnsMaxCDName {
				if p.dnsPrintn(b, cp, l) {
					return 0, false
				}
			} else if chars < dnsMaxCDName {
				if p.dnsPrintn(b, cp, dnsMaxCDName-chars) {
					return 0, false
				}
			}
			chars += l
		}
		cp += l
		if chars <= dnsMaxCDName {
			p.c('.')
		}
		chars++
		if !has(b, cp, 1) {
			return 0, false
		}
		i = b[cp]
		if l = p.dnsLabelLen(b, cp); l < 0 {
			return 0, false
		}
		cp++
		if !compressed {
			rp += l + 1
		}
	}
	if chars > dnsMaxCDName {
		p.s("<DOMAIN NAME TOO LONG>")
	}
	return rp, rp >= 0
}

// dnsBitLabel prints an RFC 2673 bit-string label "\[xHEX/BITS]".
func (p *Printer) dnsBitLabel(b []byte, cp int) {
	bitlen := int(p.get8(b, cp))
	if bitlen == 0 {
		bitlen = 256
	}
	lim := cp + 1 + (bitlen+3)/4
	p.s("\\[x")
	bitp, n := cp+1, bitlen
	for ; bitp < lim && n > 7; n, bitp = n-8, bitp+1 {
		p.hex(uint64(p.get8(b, bitp)), 2)
	}
	if n > 4 {
		tc := int(p.get8(b, bitp))
		p.hex(uint64(tc&(0xff<<(8-n))), 2)
	} else if n > 0 {
		tc := int(p.get8(b, bitp))
		p.hex(uint64(((tc>>4)&0x0f)&(0x0f<<(4-n))), 1)
	}
	p.c('/')
	p.u(uint64(bitlen))
	p.c(']')
}

// dnsPrintn prints up to n bytes from cp as tcpdump's nd_printn does, stopping
// at the end of the capture; it reports whether it stopped early.
func (p *Printer) dnsPrintn(b []byte, cp, n int) bool {
	for n > 0 && cp < len(b) {
		n--
		p.printChar(b[cp])
		cp++
	}
	return n != 0
}

// dnsQuestion prints " TYPE[ CLASS]? name" (tcpdump's ns_qprint).
func (p *Printer) dnsQuestion(b []byte, cp int, mdns bool) (int, bool) {
	name := cp
	cp, ok := dnsSkipName(b, cp)
	if !ok || !has(b, cp, 4) {
		return 0, false
	}
	p.c(' ')
	p.dnsType(p.get16(b, cp))
	class := p.get16(b, cp+2)
	c := class
	if mdns {
		c &^= 0x8000
	}
	if c != dnsClassIN {
		p.c(' ')
		p.dnsClass(c)
	}
	if mdns {
		if class&0x8000 != 0 {
			p.s(" (QU)")
		} else {
			p.s(" (QM)")
		}
	}
	p.s("? ")
	end, ok := p.dnsName(b, name)
	if !ok {
		return 0, false
	}
	return end + 4, true
}

// dnsRR prints a resource record (tcpdump's ns_rprint).
func (p *Printer) dnsRR(b []byte, cp int, mdns bool) (int, bool) {
	var ok bool
	if p.opts.Verbose > 0 {
		p.c(' ')
		if cp, ok = p.dnsName(b, cp); !ok {
			return 0, false
		}
	} else {
		cp, ok = dnsSkipName(b, cp)
	}
	if !ok || !has(b, cp, 10) {
		return len(b), true
	}
	typ := p.get16(b, cp)
	class := p.get16(b, cp+2)
	c := class
	if mdns {
		c &^= dnsCacheFlush
	}
	if c != dnsClassIN && typ != dnsTypeOPT {
		p.c(' ')
		p.dnsClass(c)
	}
	if mdns && class&dnsCacheFlush != 0 {
		p.s(" (Cache flush)")
	}
	var optFlags uint16
	if typ == dnsTypeOPT {
		optFlags = p.get16(b, cp+6)
	} else if p.opts.Verbose > 2 {
		p.s(" [")
		p.dnsRelts(p.get32(b, cp+4))
		p.c(']')
	}
	rdlen := int(p.get16(b, cp+8))
	cp += 10
	rp := cp + rdlen
	p.c(' ')
	p.dnsType(typ)
	if rp > len(b) {
		return 0, false
	}
	switch typ {
	case dnsTypeA:
		if !has(b, cp, 4) {
			return 0, false
		}
		p.c(' ')
		p.ip4(b[cp : cp+4])
	case dnsTypeNS, dnsTypeCNAME, dnsTypePTR, dnsTypeDNAME:
		p.c(' ')
		if _, ok = p.dnsName(b, cp); !ok {
			return 0, false
		}
	case dnsTypeSOA:
		if p.opts.Verbose == 0 {
			break
		}
		p.c(' ')
		if cp, ok = p.dnsName(b, cp); !ok {
			return 0, false
		}
		p.c(' ')
		if cp, ok = p.dnsName(b, cp); !ok {
			return 0, false
		}
		if !has(b, cp, 20) {
			return 0, false
		}
		for k := 0; k < 5; k++ {
			p.c(' ')
			p.u(uint64(p.get32(b, cp+4*k)))
		}
	case dnsTypeMX:
		p.c(' ')
		if !has(b, cp, 2) {
			return 0, false
		}
		if _, ok = p.dnsName(b, cp+2); !ok {
			return 0, false
		}
		p.c(' ')
		p.u(uint64(p.get16(b, cp)))
	case dnsTypeTXT:
		for cp < rp {
			p.s(" \"")
			if !has(b, cp, 1) {
				return 0, false
			}
			n := int(b[cp])
			if p.dnsPrintn(b, cp+1, n) {
				return 0, false
			}
			cp += 1 + n
			p.c('"')
		}
	case dnsTypeSRV:
		p.c(' ')
		if !has(b, cp, 6) {
			return 0, false
		}
		if _, ok = p.dnsName(b, cp+6); !ok {
			return 0, false
		}
		p.c(':')
		p.u(uint64(p.get16(b, cp+4)))
		p.c(' ')
		p.u(uint64(p.get16(b, cp)))
		p.c(' ')
		p.u(uint64(p.get16(b, cp+2)))
	case dnsTypeAAAA:
		if !has(b, cp, 16) {
			return 0, false
		}
		p.c(' ')
		p.ip6(b[cp : cp+16])
	case dnsTypeA6:
		pbit := int(p.get8(b, cp))
		pbyte := (pbit &^ 7) / 8
		if pbit > 128 {
			p.c(' ')
			p.u(uint64(pbit))
			p.s("(bad plen)")
			break
		} else if pbit < 128 {
			var a [16]byte
			p.check(b, cp+1, 16-pbyte)
			copy(a[pbyte:], b[cp+1:])
			p.c(' ')
			p.u(uint64(pbit))
			p.c(' ')
			p.ip6(a[:])
		}
		if pbit > 0 {
			p.c(' ')
			if _, ok = p.dnsName(b, cp+1+16-pbyte); !ok {
				return 0, false
			}
		}
	case dnsTypeURI:
		if !has(b, cp, rdlen) {
			return 0, false
		}
		prio, weight := p.get16(b, cp), p.get16(b, cp+2)
		p.c(' ')
		p.u(uint64(prio))
		p.c(' ')
		p.u(uint64(weight))
		p.c(' ')
		n := rdlen - 4
		if n < 0 {
			n += 1 << 32 // tcpdump's unsigned arithmetic
		}
		if p.dnsPrintn(b, cp+4, n) {
			return 0, false
		}
	case dnsTypeOPT:
		p.s(" UDPsize=")
		p.u(uint64(c)) // with mDNS, less the cache-flush bit
		if optFlags&0x8000 != 0 {
			p.s(" DO")
		}
		if cp < rp {
			p.s(" [")
			for cp < rp {
				if cp, ok = p.ednsOpt(b, cp); !ok {
					return 0, false
				}
				if cp < rp {
					p.c(',')
				}
			}
			p.c(']')
		}
	case dnsTypeUNSPA:
		if !has(b, cp, rdlen) {
			return 0, false
		}
		if p.dnsPrintn(b, cp, rdlen) {
			return 0, false
		}
	case dnsTypeTSIG:
		if cp+rdlen > len(b) {
			return 0, false
		}
		if p.opts.Verbose == 0 {
			break
		}
		p.c(' ')
		if cp, ok = p.dnsName(b, cp); !ok {
			return 0, false
		}
		cp += 6
		if !has(b, cp, 2) {
			return 0, false
		}
		p.s(" fudge=")
		p.u(uint64(p.get16(b, cp)))
		cp += 2
		if !has(b, cp, 2) {
			return 0, false
		}
		p.s(" maclen=")
		p.u(uint64(p.get16(b, cp)))
		cp += 2 + int(p.get16(b, cp))
		if !has(b, cp, 2) {
			return 0, false
		}
		p.s(" origid=")
		p.u(uint64(p.get16(b, cp)))
		cp += 2
		if !has(b, cp, 2) {
			return 0, false
		}
		p.s(" error=")
		p.u(uint64(p.get16(b, cp)))
		cp += 2
		if !has(b, cp, 2) {
			return 0, false
		}
		p.s(" otherlen=")
		p.u(uint64(p.get16(b, cp)))
	}
	return rp, true
}

// dnsRelts appends a duration in seconds as tcpdump's unsigned_relts_print:
// "1d2h3m4s", "0s".
func (p *Printer) dnsRelts(secs uint32) {
	if secs == 0 {
		p.s("0s")
		return
	}
	units := [...]uint32{31536000, 604800, 86400, 3600, 60, 1}
	names := "ywdhms"
	for k, unit := range units {
		if secs >= unit {
			p.u(uint64(secs / unit))
			p.c(names[k])
			secs %= unit
		}
	}
}

// ednsOptName returns the name tcpdump gives an EDNS option code, or "".
func ednsOptName(code uint16) string {
	switch code {
	case 1:
		return "LLQ"
	case 2:
		return "UL"
	case 3:
		return "NSID"
	case 5:
		return "DAU"
	case 6:
		return "DHU"
	case 7:
		return "N3U"
	case 8:
		return "ECS"
	case 9:
		return "EXPIRE"
	case 10:
		return "COOKIE"
	case 11:
		return "KEEPALIVE"
	case 12:
		return "PADDING"
	case 13:
		return "CHAIN"
	case 14:
		return "KEY-TAG"
	case 16:
		return "CLIENT-TAG"
	case 17:
		return "SERVER-TAG"
	}
	return ""
}

// ednsOpt prints one EDNS option of an OPT record (tcpdump's eopt_print).
func (p *Printer) ednsOpt(b []byte, cp int) (int, bool) {
	if !has(b, cp, 2) {
		return 0, false
	}
	code := p.get16(b, cp)
	cp += 2
	if name := ednsOptName(code); name != "" {
		p.s(name)
	} else {
		p.s("Opt")
		p.u(uint64(code))
	}
	if !has(b, cp, 2) {
		return 0, false
	}
	n := int(p.get16(b, cp))
	cp += 2
	if !has(b, cp, n) {
		return 0, false
	}
	if n == 0 {
		return cp, true
	}
	data := b[cp : cp+n]
	p.c(' ')
	switch code {
	case 8:
		p.ednsECS(data)
	case 10:
		if n < 8 || (n > 8 && n < 16) || n > 40 {
			p.s(" (invalid)")
			break
		}
		for i, x := range data {
			if i == 8 {
				p.c(' ')
			}
			p.hex(uint64(x), 2)
		}
	case 11:
		if n != 2 {
			p.s(" (invalid)")
			break
		}
		v := uint64(data[0])<<8 | uint64(data[1])
		// "%0.1f" of v/10: exact in decimal.
		p.u(v / 10)
		p.c('.')
		p.u(v % 10)
		p.s(" sec")
	case 9:
		if n != 4 {
			p.s(" (invalid)")
			break
		}
		p.u(uint64(data[0])<<24 | uint64(data[1])<<16 | uint64(data[2])<<8 | uint64(data[3]))
		p.s(" sec")
	case 5, 6, 7:
		for i, x := range data {
			if i > 0 {
				p.c(' ')
			}
			p.ednsAlg(code, x)
		}
	case 13:
		p.dnsNameAt(b, cp, cp+n)
	case 12:
		p.c('(')
		p.u(uint64(n))
		p.c(')')
	case 14:
		if n%2 != 0 {
			p.s(" (invalid)")
			break
		}
		for i := 0; i < n; i += 2 {
			if i > 0 {
				p.c(' ')
			}
			p.u(uint64(data[i])<<8 | uint64(data[i+1]))
		}
	default:
		for _, x := range data {
			p.hex(uint64(x), 2)
		}
	}
	return cp + n, true
}

// ednsAlg appends the name of an algorithm listed in a DAU (DNSSEC
// algorithm), DHU (DS digest) or N3U (NSEC3 hash) option, or "Alg_N".
func (p *Printer) ednsAlg(code uint16, x byte) {
	name := ""
	switch code {
	case 5:
		switch x {
		case 0:
			name = "DELETE"
		case 1:
			name = "RSAMD5"
		case 2:
			name = "DH"
		case 3:
			name = "DS"
		case 5:
			name = "RSASHA1"
		case 6:
			name = "DSA-NSEC3-SHA1"
		case 7:
			name = "RSASHA1-NSEC3-SHA1"
		case 8:
			name = "RSASHA256"
		case 10:
			name = "RSASHA512"
		case 12:
			name = "ECC-GOST"
		case 13:
			name = "ECDSAP256SHA256"
		case 14:
			name = "ECDSAP384SHA384"
		case 15:
			name = "ED25519"
		case 16:
			name = "ED448"
		case 252:
			name = "INDIRECT"
		case 253:
			name = "PRIVATEDNS"
		case 254:
			name = "PRIVATEOID"
		}
	case 6:
		switch x {
		case 1:
			name = "SHA-1"
		case 2:
			name = "SHA-256"
		case 3:
			name = "GOST_R_34.11-94"
		case 4:
			name = "SHA-384"
		}
	case 7:
		if x == 1 {
			name = "SHA-1"
		}
	}
	if name != "" {
		p.s(name)
		return
	}
	p.s("Alg_")
	p.u(uint64(x))
}

// ednsECS prints an EDNS Client Subnet option "addr/source/scope".
func (p *Printer) ednsECS(data []byte) {
	if len(data) < 4 {
		p.s(" (invalid)")
		return
	}
	family := uint16(data[0])<<8 | uint16(data[1])
	src, scope := int(data[2]), int(data[3])
	var bits int
	switch family {
	case 1:
		bits = 32
	case 2:
		bits = 128
	default:
		p.s(" (invalid)")
		return
	}
	if len(data)-4 > bits/8 || src > bits || scope > bits || (src+7)/8 != len(data)-4 {
		p.s(" (invalid)")
		return
	}
	var a [16]byte
	copy(a[:], data[4:])
	if family == 1 {
		p.ip4(a[:4])
	} else {
		p.ip6(a[:])
	}
	p.c('/')
	p.d(int64(src))
	p.c('/')
	p.d(int64(scope))
}
