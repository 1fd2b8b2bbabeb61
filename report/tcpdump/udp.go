package tcpdump

// udp prints a UDP datagram (tcpdump's udp_print).
func (p *Printer) udp(b []byte, length int, ip *ipHdr) {
	p.protocol = "udp"
}
