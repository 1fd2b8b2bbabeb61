package tcpdump

// UDP ports whose payload tcpdump hands to a DNS printer.
const (
	portDNS  = 53
	portMDNS = 5353
)

// udp prints a UDP datagram (tcpdump's udp_print): the addresses and ports,
// with -vv (IPv4) or -v (IPv6) the checksum verdict, then the payload of
// the ports we decode, or "UDP, length N".
func (p *Printer) udp(b []byte, length int, ip *ipHdr) {
	p.protocol = "udp"
	if !has(b, 2, 2) {
		p.udpAddrs(ip, -1, -1)
		p.trunc()
		return
	}
	sport := int(p.get16(b, 0))
	dport := int(p.get16(b, 2))
	if length < 8 {
		p.udpAddrs(ip, sport, dport)
		p.s("truncated-udp ")
		p.u(uint64(length))
		return
	}
	if !has(b, 4, 2) {
		p.udpAddrs(ip, sport, dport)
		p.trunc()
		return
	}
	ulen := int(p.get16(b, 4))
	// IPv6 jumbograms (RFC 2675) carry a zero UDP length.
	if ulen == 0 && length > 65535 {
		ulen = length
	}
	if ulen < 8 {
		p.udpAddrs(ip, sport, dport)
		p.s("truncated-udplength ")
		p.u(uint64(ulen))
		return
	}
	ulen -= 8
	length -= 8
	if ulen < length {
		length = ulen
	}
	if len(b) < 8 {
		p.udpAddrs(ip, sport, dport)
		p.trunc()
		return
	}
	p.udpAddrs(ip, sport, dport)
	payload := b[8:]

	if p.opts.Verbose > 0 && !p.opts.NoVerify && !ip.fragmented {
		if !ip.v6 {
			if p.opts.Verbose > 1 {
				field := p.get16(b, 6)
				if field == 0 {
					p.s("[no cksum] ")
				} else if has(payload, 0, length) {
					p.udpCksum(b[:length+8], field, ip)
				}
			}
		} else if has(payload, 0, length) {
			p.udpCksum(b[:length+8], p.get16(b, 6), ip)
		}
	}

	if !p.opts.Quiet && p.udpPorts(payload, length, sport, dport) {
		return
	}
	if ulen > length && !ip.fragmented {
		p.s("UDP, bad length ")
		p.u(uint64(ulen))
		p.s(" > ")
		p.u(uint64(length))
		return
	}
	p.s("UDP, length ")
	p.u(uint64(ulen))
}

// udpPorts hands the payload to the printer of its port, testing the
// ports in tcpdump's order, and reports whether one printed it. Ports
// tcpdump decodes and we do not still take their turn, so that the choice
// stays the same: they fall back to "UDP, length N".
func (p *Printer) udpPorts(payload []byte, length, sport, dport int) bool {
	is := func(port int) bool { return sport == port || dport == port }
	switch {
	case is(portDNS):
		p.dnsMsg(payload, length, false, false)
	case is(67) || is(68):
		p.bootp(payload, length)
	case is(69), is(88):
		return false
	case is(123):
		p.ntp(payload, length)
	case is(137), is(138), is(161), is(162), is(319), is(320), is(496), is(500):
		return false
	case is(514):
		p.syslog(payload, length)
	case is(520):
		p.rip(payload, length)
	case is(521), is(525):
		return false
	case is(546), is(547):
		p.dhcp6(payload, length)
	case is(646), is(654), is(698), is(701), is(750), is(921):
		return false
	case is(portMDNS):
		p.dnsMsg(payload, length, false, true)
	case is(4789):
		if !udpVXLANReached(sport, dport) {
			return false
		}
		p.vxlan(payload, length)
	default:
		return false
	}
	return true
}

// udpVXLANReached reports whether tcpdump's port tests before VXLAN's
// (4789) let the datagram through to it: none of the ports of the printers
// it tries first may match.
func udpVXLANReached(sport, dport int) bool {
	for _, port := range [2]int{sport, dport} {
		switch {
		case port == 4500, port == 7500, port == 8500, port == 1701,
			port == 2103, port == 2104, port >= 7000 && port <= 7009,
			port == 5359, port == 6696, port == 6697, port == 8231,
			port == 1645, port == 1812, port == 1646, port == 1813,
			port == 1700, port == 3799, port == 3503, port == 1589,
			port == 6343, port == 12222, port == 5060, port == 8472:
			return false
		}
	}
	switch dport {
	case 3456, 4567, 1985, 3784, 4784, 6784, 7784, 3785, 12223:
		return false
	}
	return sport != 12223 && sport != 7784
}

// udpCksum prints tcpdump's verdict on the UDP checksum of seg (the UDP
// header and payload) whose checksum field holds field.
func (p *Printer) udpCksum(seg []byte, field uint16, ip *ipHdr) {
	sum := transportCksum(ip, 17, seg)
	if sum != 0 {
		p.s("[bad udp cksum 0x")
		p.hex(uint64(field), 4)
		p.s(" -> 0x")
		p.hex(uint64(cksumShouldBe(field, sum)), 4)
		p.s("!] ")
		return
	}
	p.s("[udp sum ok] ")
}

// udpAddrs prints "src.sport > dst.dport: " (tcpdump's udpipaddr_print).
// Ports of -1 mean the ports were not captured. When the datagram does not
// follow the IP header directly (IPv6 extension headers), only the ports
// are printed, as the addresses are already on the line.
func (p *Printer) udpAddrs(ip *ipHdr, sport, dport int) {
	direct := true
	if ip.v6 {
		direct = len(ip.raw) > 6 && ip.raw[6] == 17
	} else {
		direct = len(ip.raw) > 9 && ip.raw[9] == 17
	}
	if direct {
		p.addr(ip.src)
		if sport >= 0 {
			p.c('.')
			p.u(uint64(sport))
		}
		p.s(" > ")
		p.addr(ip.dst)
		if dport >= 0 {
			p.c('.')
			p.u(uint64(dport))
		}
		p.s(": ")
		return
	}
	if sport >= 0 {
		p.u(uint64(sport))
		p.s(" > ")
		p.u(uint64(dport))
		p.s(": ")
	}
}
