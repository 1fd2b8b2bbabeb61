package tcpdump

// icmp6 prints an ICMPv6 message (tcpdump's icmp6_print).
func (p *Printer) icmp6(b []byte, length int, ip *ipHdr) {
	p.protocol = "icmp6"
}
