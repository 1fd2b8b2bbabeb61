package tcpdump

// IP protocol numbers the IPv4 and IPv6 printers dispatch on.
const (
	ipprotoHopOpts   = 0
	ipprotoICMP      = 1
	ipprotoIGMP      = 2
	ipprotoIPv4      = 4
	ipprotoTCP       = 6
	ipprotoUDP       = 17
	ipprotoDCCP      = 33
	ipprotoIPv6      = 41
	ipprotoRouting   = 43
	ipprotoFragment  = 44
	ipprotoESP       = 50
	ipprotoAH        = 51
	ipprotoICMPv6    = 58
	ipprotoNone      = 59
	ipprotoDstOpts   = 60
	ipprotoMobileOld = 62
	ipprotoND        = 77
	ipprotoIPComp    = 108
	ipprotoSCTP      = 132
	ipprotoMobility  = 135
	ipprotoEthernet  = 143
)

// ipProtoName returns tcpdump's name for an IP protocol number (its
// ipproto_values table), or "" when it has none: the name printed in IPv4's
// "proto NAME (N)" and IPv6's "next-header NAME (N)".
func ipProtoName(nh uint8) string {
	switch nh {
	case 0:
		return "Options"
	case 1:
		return "ICMP"
	case 2:
		return "IGMP"
	case 4:
		return "IPIP"
	case 6:
		return "TCP"
	case 8:
		return "EGP"
	case 9:
		return "IGRP"
	case 17:
		return "UDP"
	case 33:
		return "DCCP"
	case 41:
		return "IPv6"
	case 43:
		return "Routing"
	case 44:
		return "Fragment"
	case 46:
		return "RSVP"
	case 47:
		return "GRE"
	case 50:
		return "ESP"
	case 51:
		return "AH"
	case 55:
		return "Mobile IP"
	case 58:
		return "ICMPv6"
	case 62:
		return "Mobile IP (old)"
	case 88:
		return "EIGRP"
	case 89:
		return "OSPF"
	case 103:
		return "PIM"
	case 108:
		return "Compressed IP"
	case 112:
		return "VRRP"
	case 113:
		return "PGM"
	case 132:
		return "SCTP"
	case 135:
		return "Mobility"
	case 143:
		return "Ethernet"
	}
	return ""
}

// ipProtoNameOr appends the protocol's name, or "unknown".
func (p *Printer) ipProtoNameOr(nh uint8) {
	if name := ipProtoName(nh); name != "" {
		p.s(name)
	} else {
		p.s("unknown")
	}
}

// ipv4 prints an IPv4 datagram (tcpdump's ip_print).
func (p *Printer) ipv4(b []byte, length int) {
	p.protocol = "ip"
	ver := p.get8(b, 0) >> 4
	if ver != 4 {
		if ver == 6 {
			p.s("IP6, wrong link-layer encapsulation")
		} else {
			p.s("IP")
			p.u(uint64(ver))
		}
		p.s(" (invalid)")
		return
	}
	if !p.opts.Ether {
		p.s("IP ")
	}
	if !has(b, 0, 20) {
		p.trunc()
		return
	}
	if length < 20 {
		p.s("truncated-ip ")
		p.u(uint64(uint32(length)))
		return
	}
	hlen := int(b[0]&0xf) * 4
	if hlen < 20 {
		p.s("bad-hlen ")
		p.u(uint64(hlen))
		return
	}
	ipLen := int(b[2])<<8 | int(b[3])
	if length < ipLen {
		p.s("truncated-ip - ")
		p.u(uint64(ipLen - length))
		p.s(" bytes missing! ")
	}
	if ipLen < hlen {
		p.s("bad-len ")
		p.u(uint64(ipLen))
		return
	}
	// The datagram ends where its total length says (Ethernet padding
	// and the like are not part of it).
	if len(b) > ipLen {
		b = b[:ipLen]
	}
	payLen := ipLen - hlen
	off := uint16(b[6])<<8 | uint16(b[7])
	proto := b[9]
	src, dst := b[12:16], b[16:20]

	if p.opts.Verbose > 0 {
		tos := b[1]
		p.s("(tos 0x")
		p.hex(uint64(tos), 0)
		switch tos & 3 {
		case 1:
			p.s(",ECT(1)")
		case 2:
			p.s(",ECT(0)")
		case 3:
			p.s(",CE")
		}
		if ttl := b[8]; ttl >= 1 {
			p.s(", ttl ")
			p.u(uint64(ttl))
		}
		p.s(", id ")
		p.u(uint64(uint16(b[4])<<8 | uint16(b[5])))
		p.s(", offset ")
		p.u(uint64(off&0x1fff) * 8)
		p.s(", flags [")
		if off&0xe000 == 0 {
			p.s("none")
		} else {
			sep := ""
			if off&0x2000 != 0 {
				p.s("+")
				sep = ", "
			}
			if off&0x4000 != 0 {
				p.s(sep)
				p.s("DF")
				sep = ", "
			}
			if off&0x8000 != 0 {
				p.s(sep)
				p.s("rsvd")
			}
		}
		p.s("], proto ")
		p.ipProtoNameOr(proto)
		p.s(" (")
		p.u(uint64(proto))
		p.s("), length ")
		p.u(uint64(ipLen))
		truncated := false
		if hlen > 20 {
			p.s(", options (")
			if !p.ipOptions(b[20:], hlen-20) {
				p.s(" [truncated-option]")
				truncated = true
			}
			p.c(')')
		}
		if !p.opts.NoVerify && hlen <= len(b) {
			if sum := inCksum(b[:hlen]); sum != 0 {
				field := uint16(b[10])<<8 | uint16(b[11])
				p.s(", bad cksum ")
				p.hex(uint64(field), 0)
				p.s(" (->")
				p.hex(uint64(cksumShouldBe(field, sum)), 0)
				p.s(")!")
			}
		}
		p.s(")\n    ")
		if truncated {
			p.ip4(src)
			p.s(" > ")
			p.ip4(dst)
			p.s(": ")
			p.trunc()
			return
		}
	}

	if off&0x1fff != 0 {
		// A later fragment: the transport header is in the first one.
		p.ip4(src)
		p.s(" > ")
		p.ip4(dst)
		p.s(": ip-proto-")
		p.u(uint64(proto))
		return
	}
	if proto != ipprotoTCP && proto != ipprotoUDP && proto != ipprotoSCTP && proto != ipprotoDCCP {
		p.ip4(src)
		p.s(" > ")
		p.ip4(dst)
		p.s(": ")
	}
	if !has(b, 0, hlen) {
		p.s(" [remaining caplen(")
		p.u(uint64(len(b)))
		p.s(") < header length(")
		p.u(uint64(hlen))
		p.s(")]")
		panic(errTruncated)
	}
	ip := ipHdr{src: src, dst: dst, fragmented: off&0x2000 != 0, nh: proto, raw: b}
	p.ipDemux(b[hlen:], payLen, &ip, proto)
}

// ipDemux prints the payload of an IPv4 or IPv6 packet by its protocol
// number, as tcpdump's ip_demux_print does, with the fallback
// " ip-proto-N LEN" for protocols without a printer.
func (p *Printer) ipDemux(b []byte, length int, ip *ipHdr, nh uint8) {
	switch nh {
	case ipprotoTCP:
		p.tcp(b, length, ip)
	case ipprotoUDP:
		p.udp(b, length, ip)
	case ipprotoICMP:
		if ip.v6 {
			p.s("[ICMP requires IPv4] (invalid)")
			return
		}
		p.icmp(b, length, ip)
	case ipprotoICMPv6:
		if !ip.v6 {
			p.s("[ICMPv6 requires IPv6] (invalid)")
			return
		}
		p.icmp6(b, length, ip)
	case ipprotoIGMP:
		if ip.v6 {
			p.s("[IGMP requires IPv4] (invalid)")
			return
		}
		p.igmp(b, length)
	case 47: // GRE
		p.gre(b, length)
	case 89: // OSPF
		if ip.v6 || !p.ospfDecodes(b) {
			p.ipProtoFallback(nh, length)
			return
		}
		p.ospf(b, length)
	case 112: // VRRP
		ttl := uint8(0)
		if ip.v6 && len(ip.raw) > 7 {
			ttl = ip.raw[7]
		} else if !ip.v6 && len(ip.raw) > 8 {
			ttl = ip.raw[8]
		}
		p.vrrp(b, length, ip, ttl)
	case ipprotoND:
		p.s(" nd ")
		p.u(uint64(uint32(length)))
	case ipprotoIPv4:
		p.ipv4(b, length)
	case ipprotoIPv6:
		p.ipv6(b, length)
	case ipprotoEthernet:
		if !ip.v6 {
			p.s("[Ethernet requires IPv6] (invalid)")
			return
		}
		p.ipProtoFallback(nh, length)
	case ipprotoNone:
		p.s("no next header")
	case 51: // AH
		if len(b) < 1 {
			p.protocol = "ah"
			p.trunc()
			return
		}
		next := b[0]
		advance := p.ip6AH(b)
		if advance <= 0 {
			return
		}
		if advance > len(b) {
			advance = len(b)
		}
		ip.nh = next
		p.ipDemux(b[advance:], length-advance, ip, next)
	case 50: // ESP
		p.ip6ESP(b, length)
	case 108: // IPComp
		p.ip6IPComp(b)
	case ipprotoSCTP, ipprotoDCCP:
		// tcpdump's SCTP and DCCP printers print the addresses
		// themselves; we have no printer for them.
		p.addr(ip.src)
		p.s(" > ")
		p.addr(ip.dst)
		p.s(": ")
		p.ipProtoFallback(nh, length)
	default:
		p.ipProtoFallback(nh, length)
	}
}

// ipProtoFallback prints " ip-proto-N LEN" for a protocol we do not decode
// (tcpdump with -n).
func (p *Printer) ipProtoFallback(nh uint8, length int) {
	p.s(" ip-proto-")
	p.u(uint64(nh))
	p.c(' ')
	p.u(uint64(uint32(length)))
}

// ipOptions prints the IPv4 options (tcpdump's ip_optprint); it returns
// false where tcpdump reports a truncated option.
func (p *Printer) ipOptions(b []byte, length int) bool {
	sep := false
	cp := 0
	for length > 0 {
		if sep {
			p.c(',')
		}
		sep = true
		code := p.get8(b, cp)
		switch code {
		case 0:
			p.s("EOL")
		case 1:
			p.s("NOP")
		case 68:
			p.s("timestamp")
		case 130:
			p.s("security")
		case 7:
			p.s("RR")
		case 137:
			p.s("SSRR")
		case 131:
			p.s("LSRR")
		case 148:
			p.s("RA")
		case 82:
			p.s("traceroute")
		default:
			p.s("unknown ")
			p.u(uint64(code))
		}
		var olen int
		if code == 0 || code == 1 {
			olen = 1
		} else {
			olen = int(p.get8(b, cp+1))
			if olen < 2 {
				p.s(" [bad length ")
				p.u(uint64(olen))
				p.c(']')
				return true
			}
		}
		if olen > length {
			p.s(" [bad length ")
			p.u(uint64(olen))
			p.c(']')
			return true
		}
		if !has(b, cp, olen) {
			return false
		}
		// The option's fields are read within the captured bytes, which
		// may run past the option's own length, as tcpdump reads them.
		opt := b[cp:]
		switch code {
		case 0:
			return true
		case 68:
			if !p.ipTimestamp(opt, olen) {
				return false
			}
		case 7, 137, 131:
			if !p.ipRoute(opt, olen) {
				return false
			}
		case 148:
			if olen < 4 {
				p.s(" [bad length ")
				p.u(uint64(olen))
				p.c(']')
				break
			}
			if v := uint16(opt[2])<<8 | uint16(opt[3]); v != 0 {
				p.s(" value ")
				p.u(uint64(v))
			}
		}
		cp += olen
		length -= olen
	}
	return true
}

// ipRoute prints the addresses of a record-route or source-route option.
func (p *Printer) ipRoute(opt []byte, length int) bool {
	if length < 3 {
		p.s(" [bad length ")
		p.u(uint64(length))
		p.c(']')
		return true
	}
	if (length+1)&3 != 0 {
		p.s(" [bad length ")
		p.u(uint64(length))
		p.c(']')
	}
	ptr := int(opt[2]) - 1
	if ptr < 3 || (ptr+1)&3 != 0 || ptr > length+1 {
		p.s(" [bad ptr ")
		p.u(uint64(opt[2]))
		p.c(']')
	}
	for l := 3; l < length; l += 4 {
		if !has(opt, l, 4) {
			return false
		}
		p.c(' ')
		p.ip4(opt[l : l+4])
		if ptr > l {
			p.c(',')
		}
	}
	return true
}

// ipTimestamp prints an internet timestamp option.
func (p *Printer) ipTimestamp(opt []byte, length int) bool {
	if length < 4 {
		p.s("[bad length ")
		p.u(uint64(length))
		p.c(']')
		return true
	}
	p.s(" TS{")
	flag := opt[3] & 0xf
	hoplen := 8
	if flag == 0 {
		hoplen = 4
	}
	if (length-4)&(hoplen-1) != 0 {
		p.s("[bad length ")
		p.u(uint64(length))
		p.c(']')
	}
	ptr := int(opt[2]) - 1
	l := 0
	if ptr < 4 || (ptr-4)&(hoplen-1) != 0 || ptr > length+1 {
		p.s("[bad ptr ")
		p.u(uint64(opt[2]))
		p.c(']')
	}
	switch flag {
	case 0:
		p.s("TSONLY")
	case 1:
		p.s("TS+ADDR")
	case 3:
		p.s("PRESPEC")
	default:
		p.s("[bad ts type ")
		p.u(uint64(flag))
		p.c(']')
		goto done
	}
	{
		typ := " "
		for l = 4; l < length; l += hoplen {
			if ptr == l {
				typ = " ^ "
			}
			if !has(opt, l, hoplen) {
				return false
			}
			p.s(typ)
			p.u(uint64(uint32(opt[l+hoplen-4])<<24 | uint32(opt[l+hoplen-3])<<16 | uint32(opt[l+hoplen-2])<<8 | uint32(opt[l+hoplen-1])))
			p.c('@')
			if hoplen == 8 {
				p.ip4(opt[l : l+4])
			}
			typ = " "
		}
	}
done:
	if ptr == l {
		p.s(" ^ ")
	}
	if opt[3]>>4 != 0 {
		p.s(" [")
		p.u(uint64(opt[3] >> 4))
		p.s(" hops not recorded]} ")
	} else {
		p.c('}')
	}
	return true
}
