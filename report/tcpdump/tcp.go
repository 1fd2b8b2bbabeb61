package tcpdump

// tcpSeqTable remembers each connection's initial sequence numbers, so that
// later segments print relative sequence numbers as tcpdump does.
type tcpSeqTable struct{}

// tcp prints a TCP segment (tcpdump's tcp_print).
func (p *Printer) tcp(b []byte, length int, ip *ipHdr) {
	p.protocol = "tcp"
}
