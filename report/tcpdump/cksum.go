package tcpdump

// sum16 adds b to a running one's-complement sum, as 16-bit big-endian
// words; an odd last byte is padded with zero.
func sum16(sum uint32, b []byte) uint32 {
	// Accumulate in 64 bits so that long segments cannot overflow, and
	// fold back into the 32-bit running sum at the end.
	acc := uint64(sum)
	n := len(b) &^ 1
	i := 0
	for ; i+8 <= n; i += 8 {
		acc += uint64(b[i])<<8 | uint64(b[i+1])
		acc += uint64(b[i+2])<<8 | uint64(b[i+3])
		acc += uint64(b[i+4])<<8 | uint64(b[i+5])
		acc += uint64(b[i+6])<<8 | uint64(b[i+7])
	}
	for ; i < n; i += 2 {
		acc += uint64(b[i])<<8 | uint64(b[i+1])
	}
	if len(b)&1 == 1 {
		acc += uint64(b[len(b)-1]) << 8
	}
	for acc>>32 != 0 {
		acc = acc&0xffffffff + acc>>32
	}
	return uint32(acc)
}

// fold reduces a running sum to the 16-bit one's-complement checksum.
func fold(sum uint32) uint16 {
	for sum>>16 != 0 {
		sum = sum&0xffff + sum>>16
	}
	return ^uint16(sum)
}

// inCksum is the Internet checksum of b (0 when b's checksum field is right).
func inCksum(b []byte) uint16 { return fold(sum16(0, b)) }

// pseudoSum is the running sum of the IPv4 or IPv6 pseudo-header for a
// transport segment of the given length and protocol. Like tcpdump, it
// takes the destination from the last hop of a source route when the
// packet carries one (IPv4 LSRR/SSRR options here; for IPv6 the printer
// sets ip.dst from the routing header).
func pseudoSum(ip *ipHdr, proto uint8, length int) uint32 {
	sum := sum16(0, ip.src)
	if ip.v6 {
		// The IPv6 printer has already put the routing header's final
		// destination, if any, in ip.dst.
		sum = sum16(sum, ip.dst)
		sum += uint32(length>>16)&0xffff + uint32(length&0xffff)
	} else {
		sum = sum16(sum, ip4FinalDst(ip))
		sum += uint32(length & 0xffff)
	}
	return sum + uint32(proto)
}

// ip4FinalDst returns the address tcpdump's ip_finddst uses for the
// pseudo-header: the last address of a loose or strict source route
// option, or the header's destination.
func ip4FinalDst(ip *ipHdr) []byte {
	raw := ip.raw
	if len(raw) < 20 || raw[0]&0xf == 5 {
		return ip.dst
	}
	hl := int(raw[0]&0xf) * 4
	if hl < 20 {
		return ip.dst
	}
	opt := hl - 20
	cp := 20
	for opt != 0 {
		if cp >= len(raw) {
			return ip.dst
		}
		tt := raw[cp]
		var l int
		if tt == 0 { // EOL
			break
		} else if tt == 1 { // NOP
			l = 1
		} else {
			if cp+1 >= len(raw) {
				return ip.dst
			}
			l = int(raw[cp+1])
			if l < 2 {
				break
			}
		}
		if opt < l || cp+l > len(raw) {
			return ip.dst
		}
		if (tt == 137 || tt == 131) && l >= 7 {
			return raw[cp+l-4 : cp+l]
		}
		cp += l
		opt -= l
	}
	return ip.dst
}

// transportCksum is the checksum over pseudo-header and segment: 0 when the
// segment's checksum is right. For a wrong one, the value the field should
// have held is cksumShouldBe(field, result).
func transportCksum(ip *ipHdr, proto uint8, seg []byte) uint16 {
	return fold(sum16(pseudoSum(ip, proto, len(seg)), seg))
}

// cksumShouldBe returns the checksum field value that would have made the
// sum come out right, given the field as found and the computed sum
// (tcpdump's in_cksum_shouldbe). Our sums are computed on big-endian words,
// so the computed value needs no byte swap.
func cksumShouldBe(field, sum uint16) uint16 {
	s := uint32(field)
	s += uint32(sum)
	s = s&0xffff + s>>16
	s = s&0xffff + s>>16
	return uint16(s)
}
