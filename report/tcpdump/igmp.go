package tcpdump

// igmp prints an IGMP message (tcpdump's igmp_print). DVMRP and PIMv1,
// which IGMP carries too, have no printer here: they keep the generic
// " ip-proto-2 LEN".
func (p *Printer) igmp(b []byte, length int) {
	p.protocol = "igmp"
	if p.opts.Quiet {
		p.s("igmp")
		return
	}
	typ := p.get8(b, 0)
	switch typ {
	case 0x11:
		p.s("igmp query")
		if length >= 12 {
			p.igmpV3Query(b, length)
			break
		}
		if mrt := p.get8(b, 1); mrt != 0 {
			p.s(" v2")
			if mrt != 100 {
				p.s(" [max resp time ")
				p.u(uint64(mrt))
				p.c(']')
			}
		} else {
			p.s(" v1")
		}
		if p.get32(b, 4) != 0 {
			p.s(" [gaddr ")
			p.ip4(b[4:8])
			p.c(']')
		}
		if length != 8 {
			p.s(" [len ")
			p.u(uint64(uint32(length)))
			p.c(']')
		}
	case 0x12:
		p.check(b, 4, 4)
		p.s("igmp v1 report ")
		p.ip4(b[4:8])
		if length != 8 {
			p.s(" [len ")
			p.u(uint64(uint32(length)))
			p.c(']')
		}
	case 0x16:
		p.check(b, 4, 4)
		p.s("igmp v2 report ")
		p.ip4(b[4:8])
	case 0x22:
		p.s("igmp v3 report")
		p.igmpV3Report(b, length)
	case 0x17:
		p.check(b, 4, 4)
		p.s("igmp leave ")
		p.ip4(b[4:8])
	case 0x1e:
		p.igmpMtrace("mresp", b, length)
	case 0x1f:
		p.igmpMtrace("mtrace", b, length)
	case 0x13, 0x14:
		p.ipProtoFallback(ipprotoIGMP, length)
		return
	default:
		p.s("igmp-")
		p.u(uint64(typ))
	}
	if p.opts.Verbose > 0 && length >= 4 && has(b, 0, length) {
		if inCksum(b[:length]) != 0 {
			p.s(" bad igmp cksum ")
			p.hex(uint64(p.get16(b, 2)), 0)
			p.c('!')
		}
	}
}

// igmpMtrace prints a multicast traceroute query or response.
func (p *Printer) igmpMtrace(name string, b []byte, length int) {
	if length < 8+16 {
		p.s(" [invalid len ")
		p.u(uint64(uint32(length)))
		p.c(']')
		return
	}
	qid := p.get24(b, 8+13)
	p.check(b, 8, 12)
	p.s(name)
	p.c(' ')
	p.u(uint64(qid))
	p.s(": ")
	p.ip4(b[8:12])
	p.s(" to ")
	p.ip4(b[12:16])
	p.s(" reply-to ")
	p.ip4(b[16:20])
	if b[16]&0xf0 == 0xe0 {
		p.s(" with-ttl ")
		p.u(uint64(p.get8(b, 20)))
	}
}

// igmpV3Report prints the group records of an IGMPv3 membership report.
func (p *Printer) igmpV3Report(b []byte, length int) {
	if length < 16 || length&3 != 0 {
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
		if length < group+8 {
			p.s(" [invalid number of groups]")
			return
		}
		p.check(b, group+4, 4)
		p.s(" [gaddr ")
		p.ip4(b[group+4 : group+8])
		rt := p.get8(b, group)
		p.c(' ')
		p.groupRecordType(rt, " [v3-report-#")
		nsrcs := int(p.get16(b, group+2))
		if length < group+8+nsrcs<<2 {
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
				p.check(b, group+8+j<<2, 4)
				p.c(' ')
				p.ip4(b[group+8+j<<2:])
			}
			p.s(" }")
		}
		group += 8 + nsrcs<<2
		p.c(']')
	}
}

// igmpV3Query prints the IGMPv3 part of a membership query.
func (p *Printer) igmpV3Query(b []byte, length int) {
	p.s(" v3")
	if length < 12 || length&3 != 0 {
		p.s(" [invalid len ")
		p.u(uint64(uint32(length)))
		p.c(']')
		return
	}
	mrc := p.get8(b, 1)
	var mrt uint32
	if mrc < 128 {
		mrt = uint32(mrc)
	} else {
		mrt = (uint32(mrc&0x0f) | 0x10) << ((uint32(mrc&0x70) >> 4) + 3)
	}
	if mrc != 100 {
		p.s(" [max resp time ")
		if mrt < 600 {
			p.u(uint64(mrt / 10))
			p.c('.')
			p.u(uint64(mrt % 10))
			p.c('s')
		} else {
			p.dnsRelts(mrt / 10)
		}
		p.c(']')
	}
	if p.get32(b, 4) == 0 {
		return
	}
	p.s(" [gaddr ")
	p.ip4(b[4:8])
	nsrcs := int(p.get16(b, 10))
	if nsrcs > 0 {
		switch {
		case length < 12+nsrcs<<2:
			p.s(" [invalid number of sources]")
		case p.opts.Verbose > 1:
			p.s(" {")
			for i := 0; i < nsrcs; i++ {
				p.check(b, 12+i<<2, 4)
				p.c(' ')
				p.ip4(b[12+i<<2:])
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

// groupRecordType prints the record type of an IGMPv3 or MLDv2 group
// record; unknown is the text before the number of an unknown type.
func (p *Printer) groupRecordType(t uint8, unknown string) {
	names := [...]string{1: "is_in", 2: "is_ex", 3: "to_in", 4: "to_ex", 5: "allow", 6: "block"}
	if t >= 1 && int(t) < len(names) {
		p.s(names[t])
		return
	}
	p.s(unknown)
	p.u(uint64(t))
	p.c(']')
}
