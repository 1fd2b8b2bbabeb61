package tcpdump

// vrrp prints a VRRP advertisement (tcpdump's vrrp_print); ttl is the IP
// TTL or hop limit, which tcpdump reports when it is not 255.
func (p *Printer) vrrp(b []byte, length int, ip *ipHdr, ttl uint8) {
	p.protocol = "vrrp"
	p.s("VRRP")
	first := p.get8(b, 0)
	version, typ := first>>4, first&0xf
	p.c('v')
	p.u(uint64(version))
	p.s(", ")
	if typ == 1 {
		p.s("Advertisement")
	} else {
		p.s("unknown type (")
		p.u(uint64(typ))
		p.c(')')
	}
	if ttl != 255 {
		p.s(", (ttl ")
		p.u(uint64(ttl))
		p.c(')')
	}
	if version < 2 || version > 3 || typ != 1 {
		return
	}
	vrid := p.get8(b, 1)
	prio := p.get8(b, 2)
	p.s(", vrid ")
	p.u(uint64(vrid))
	p.s(", prio ")
	p.u(uint64(prio))
	var auth uint8
	if version == 2 {
		auth = p.get8(b, 4)
		p.s(", authtype ")
		switch auth {
		case 0:
			p.s("none")
		case 1:
			p.s("simple")
		case 2:
			p.s("ah")
		default:
			p.c('#')
			p.u(uint64(auth))
		}
		intvl := p.get8(b, 5)
		p.s(", intvl ")
		p.u(uint64(intvl))
		p.s("s, length ")
	} else {
		hi := p.get8(b, 4)
		lo := p.get8(b, 5)
		p.s(", intvl ")
		p.u(uint64(uint16(hi&0xf)<<8 | uint16(lo)))
		p.s("cs, length ")
	}
	p.u(uint64(uint32(length)))
	if p.opts.Verbose == 0 {
		return
	}
	naddrs := int(p.get8(b, 3))
	if length >= 0 && has(b, 0, length) {
		var sum uint16
		if version == 2 {
			sum = inCksum(b[:length])
		} else {
			sum = transportCksum(ip, 112, b[:length])
		}
		if sum != 0 {
			p.s(", (bad vrrp cksum ")
			p.hex(uint64(p.get16(b, 6)), 0)
			p.c(')')
		}
	}
	p.s(", addrs")
	if naddrs > 1 {
		p.c('(')
		p.u(uint64(naddrs))
		p.c(')')
	}
	p.c(':')
	sep := byte(' ')
	off := 8
	for i := 0; i < naddrs; i++ {
		if ip.v6 {
			p.check(b, off, 16)
			p.c(sep)
			p.ip6(b[off : off+16])
			off += 16
		} else {
			p.check(b, off, 4)
			p.c(sep)
			p.ip4(b[off : off+4])
			off += 4
		}
		sep = ','
	}
	if version == 2 && auth == 1 {
		p.s(" auth \"")
		for i := 0; i < 8; i++ {
			c := p.get8(b, off+i)
			if c == 0 {
				break
			}
			p.printChar(c)
		}
		p.c('"')
	}
}
