package tcpdump

// arp prints an ARP or RARP packet (tcpdump's arp_print).
func (p *Printer) arp(b []byte, length int) {
	p.protocol = "arp"
	p.s("ARP")
}
