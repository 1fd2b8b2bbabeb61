package tcpdump

import "github.com/pcapreport/pcapreport/analyze/inetsum"

// inCksum is the Internet checksum of b (0 when b's checksum field is right).
func inCksum(b []byte) uint16 { return inetsum.Checksum(b) }

// pseudoSum is the running sum of the IPv4 or IPv6 pseudo-header for a
// transport segment of the given length and protocol. Like tcpdump, it
// takes the destination from the last hop of a source route when the
// packet carries one (IPv4 LSRR/SSRR options here; for IPv6 the printer
// sets ip.dst from the routing header).
func pseudoSum(ip *ipHdr, proto uint8, length int) uint64 {
	sum := inetsum.Add(0, ip.src)
	if ip.v6 {
		// The IPv6 printer has already put the routing header's final
		// destination, if any, in ip.dst.
		sum = inetsum.Add(sum, ip.dst)
		sum = inetsum.AddWord(sum, uint16(length>>16))
	} else {
		sum = inetsum.Add(sum, ip4FinalDst(ip))
	}
	sum = inetsum.AddWord(sum, uint16(length))
	return inetsum.AddWord(sum, uint16(proto))
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
	return ^inetsum.Fold(inetsum.Add(pseudoSum(ip, proto, len(seg)), seg))
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
