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

	if !p.opts.Quiet {
		switch {
		case sport == portDNS || dport == portDNS:
			p.dnsMsg(payload, length, false, false)
			return
		case sport == portMDNS || dport == portMDNS:
			p.dnsMsg(payload, length, false, true)
			return
		}
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
