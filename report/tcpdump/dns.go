package tcpdump

// dns prints a DNS message (tcpdump's domain_print); overTCP is set when
// b starts with the two-byte TCP length prefix's payload.
func (p *Printer) dns(b []byte, length int, overTCP bool) {
	p.protocol = "domain"
}
