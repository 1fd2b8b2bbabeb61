package tcpdump

// ipv4 prints an IPv4 datagram (tcpdump's ip_print).
func (p *Printer) ipv4(b []byte, length int) {
	p.protocol = "ip"
	p.s("IP ")
	p.check(b, 0, 20)
	hl := int(b[0]&0xf) * 4
	ip := &ipHdr{src: b[12:16], dst: b[16:20], raw: b}
	p.ip4(ip.src)
	p.s(" > ")
	p.ip4(ip.dst)
	_ = hl
}
