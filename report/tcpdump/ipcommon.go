package tcpdump

// ipHdr is what a transport printer needs from the IPv4 or IPv6 header
// that carried it: the addresses (for "src.port > dst.port" and the
// pseudo-header checksum) and where the network header starts.
type ipHdr struct {
	v6       bool
	src, dst []byte // 4 or 16 bytes each, slices of the packet
	// fragmented is set for a packet that is not the whole datagram, so
	// transport checksums cannot be verified.
	fragmented bool
	// nh is the protocol number of the transport header (after IPv6
	// extension headers).
	nh uint8
	// raw is the IP header and everything after it, as captured.
	raw []byte
}

// addr appends an IPv4 or IPv6 address.
func (p *Printer) addr(a []byte) {
	if len(a) == 4 {
		p.ip4(a)
		return
	}
	p.ip6(a)
}

// ip6 appends an IPv6 address in the text form tcpdump prints: the longest
// run of two or more zero groups shortened to "::" (the first of equal runs),
// and the embedded IPv4 forms "::a.b.c.d" and "::ffff:a.b.c.d".
func (p *Printer) ip6(a []byte) {
	var w [8]uint16
	for i := range w {
		w[i] = uint16(a[2*i])<<8 | uint16(a[2*i+1])
	}
	bestBase, bestLen := -1, 0
	for i := 0; i < 8; {
		if w[i] != 0 {
			i++
			continue
		}
		j := i
		for j < 8 && w[j] == 0 {
			j++
		}
		if j-i > bestLen {
			bestBase, bestLen = i, j-i
		}
		i = j
	}
	if bestLen < 2 {
		bestBase = -1
	}
	for i := 0; i < 8; i++ {
		if bestBase >= 0 && i >= bestBase && i < bestBase+bestLen {
			if i == bestBase {
				p.c(':')
			}
			continue
		}
		if i != 0 {
			p.c(':')
		}
		// Encapsulated IPv4: ::a.b.c.d and ::ffff:a.b.c.d.
		if i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && w[5] == 0xffff)) {
			p.ip4(a[12:16])
			return
		}
		p.hex(uint64(w[i]), 0)
	}
	if bestBase >= 0 && bestBase+bestLen == 8 {
		p.c(':')
	}
}

// getIP6 reads and appends the IPv6 address at b[off:off+16].
func (p *Printer) getIP6(b []byte, off int) {
	p.check(b, off, 16)
	p.ip6(b[off : off+16])
}
