package tcpdump

// ipv6 prints an IPv6 packet (tcpdump's ip6_print).
func (p *Printer) ipv6(b []byte, length int) {
	p.protocol = "ip6"
	p.s("IP6 ")
	p.check(b, 0, 40)
	p.ip6(b[8:24])
	p.s(" > ")
	p.ip6(b[24:40])
}
