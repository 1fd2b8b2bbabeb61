package tcpdump

// sum16 adds b to a running one's-complement sum, as 16-bit big-endian
// words; an odd last byte is padded with zero.
func sum16(sum uint32, b []byte) uint32 {
	n := len(b) &^ 1
	for i := 0; i < n; i += 2 {
		sum += uint32(b[i])<<8 | uint32(b[i+1])
	}
	if len(b)&1 == 1 {
		sum += uint32(b[len(b)-1]) << 8
	}
	return sum
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
// transport segment of the given length and protocol.
func pseudoSum(ip *ipHdr, proto uint8, length int) uint32 {
	sum := sum16(0, ip.src)
	sum = sum16(sum, ip.dst)
	if ip.v6 {
		sum += uint32(length>>16) + uint32(length&0xffff)
	} else {
		sum += uint32(length & 0xffff)
	}
	return sum + uint32(proto)
}

// transportCksum is the checksum over pseudo-header and segment: 0 when the
// segment's checksum is right. For a wrong one, the value the field should
// have held is in_cksum_shouldbe(field, result).
func transportCksum(ip *ipHdr, proto uint8, seg []byte) uint16 {
	return fold(sum16(pseudoSum(ip, proto, len(seg)), seg))
}

// cksumShouldBe returns the checksum field value that would have made the
// sum come out right, given the field as found and the computed sum
// (tcpdump's in_cksum_shouldbe).
func cksumShouldBe(field, sum uint16) uint16 {
	s := uint32(field)
	s += uint32(sum)
	s = s&0xffff + s>>16
	s = s&0xffff + s>>16
	return uint16(s)
}
