package tcpdump

// vxlan prints a VXLAN header and the Ethernet frame it carries (tcpdump's
// vxlan_print).
func (p *Printer) vxlan(b []byte, length int) {
	p.protocol = "vxlan"
	p.s("VXLAN")
	if length < 8 {
		p.s(" (invalid)")
		return
	}
	flags := p.get8(b, 0)
	p.s(", flags [")
	if flags&0x08 != 0 {
		p.c('I')
	} else {
		p.s("invalid")
	}
	p.s("] (0x")
	p.hex(uint64(flags), 2)
	p.s("), ")
	vni := p.get24(b, 4)
	p.s("vni ")
	p.u(uint64(vni))
	p.c('\n')
	// The reserved byte after the VNI may not have been captured.
	p.protocol = "ether"
	p.ether(b[min(8, len(b)):], length-8)
}
