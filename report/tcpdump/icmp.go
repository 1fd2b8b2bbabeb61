package tcpdump

// icmp prints an ICMP message (tcpdump's icmp_print).
func (p *Printer) icmp(b []byte, length int, ip *ipHdr) {
	p.protocol = "icmp"
}
