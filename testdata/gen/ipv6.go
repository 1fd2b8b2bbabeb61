package main

import "encoding/binary"

// Fixtures for the IPv6 printer: extension headers, malformed lengths and
// the upper-layer dispatch (ipv6-ext.pcap), and ICMPv6 messages with their
// options (ipv6-icmp6.pcap).

var (
	ipv6SrcA   = []byte{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}
	ipv6DstB   = []byte{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2}
	ipv6LL     = []byte{0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0x02, 0, 0, 0xff, 0xfe, 0, 0, 0x0a}
	ipv6All    = []byte{0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}
	ipv6Mix    = []byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 192, 0, 2, 1}
	ipv6Compat = []byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 192, 0, 2, 1}
	ipv6Seg1   = []byte{0x20, 0x01, 0x0d, 0xb8, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10}
	ipv6Seg2   = []byte{0x20, 0x01, 0x0d, 0xb8, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x20}
)

// ipv6Hdr returns an IPv6 header; plen < 0 means the length of payload.
func ipv6Hdr(flow uint32, nh, hlim byte, src, dst []byte, plen int) []byte {
	h := binary.BigEndian.AppendUint32(nil, 6<<28|flow&0x0fffffff)
	h = binary.BigEndian.AppendUint16(h, uint16(plen))
	h = append(h, nh, hlim)
	h = append(h, src...)
	return append(h, dst...)
}

// ipv6Pkt returns an Ethernet frame carrying an IPv6 packet whose payload
// is the concatenation of parts.
func ipv6Pkt(flow uint32, nh, hlim byte, src, dst []byte, parts ...[]byte) []byte {
	var pl []byte
	for _, p := range parts {
		pl = append(pl, p...)
	}
	ip := ipv6Hdr(flow, nh, hlim, src, dst, len(pl))
	return append(append(ether(macB, macA, 0x86dd), ip...), pl...)
}

// ipv6Cksum fills in the checksum at off of an upper-layer segment.
func ipv6Cksum(seg []byte, off int, proto byte, src, dst []byte) []byte {
	seg[off], seg[off+1] = 0, 0
	ph := append(append([]byte{}, src...), dst...)
	ph = binary.BigEndian.AppendUint32(ph, uint32(len(seg)))
	ph = append(ph, 0, 0, 0, proto)
	binary.BigEndian.PutUint16(seg[off:], cksum(ph, seg))
	return seg
}

// ipv6ICMP returns an ICMPv6 message with a correct checksum.
func ipv6ICMP(typ, code byte, src, dst []byte, body ...byte) []byte {
	m := append([]byte{typ, code, 0, 0}, body...)
	return ipv6Cksum(m, 2, 58, src, dst)
}

// ipv6UDP returns a UDP datagram with a correct checksum.
func ipv6UDP(sport, dport uint16, src, dst []byte, payload ...byte) []byte {
	u := binary.BigEndian.AppendUint16(nil, sport)
	u = binary.BigEndian.AppendUint16(u, dport)
	u = binary.BigEndian.AppendUint16(u, uint16(8+len(payload)))
	u = append(u, 0, 0)
	u = append(u, payload...)
	return ipv6Cksum(u, 6, 17, src, dst)
}

// ipv6Ext returns an extension header of the options kind: next header,
// length in 8-octet units after the first, then body (padded).
func ipv6Ext(nh byte, body ...byte) []byte {
	for (len(body)+2)%8 != 0 {
		body = append(body, 0)
	}
	return append([]byte{nh, byte((len(body)+2)/8 - 1)}, body...)
}

func ipv6Cat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

func ipv6Packets(frames ...[]byte) []packet {
	ps := make([]packet, len(frames))
	for i, f := range frames {
		ps[i] = packet{sec: 1700000000 + uint32(i), frac: 1000 * uint32(i), data: f}
	}
	return ps
}

func ipv6ExtFrames() [][]byte {
	a, bb := ipv6SrcA, ipv6DstB
	echo := ipv6ICMP(128, 0, a, bb, 0, 1, 0, 2, 'h', 'i')
	udp := ipv6UDP(1234, 5678, a, bb, 'x', 'y', 'z')
	var fs [][]byte
	// Hop-by-hop: router alert and PadN, then ICMPv6.
	fs = append(fs, ipv6Pkt(0x12345, 0, 64, a, bb, ipv6Ext(58, 5, 2, 0, 0, 1, 0), echo))
	// Destination options: Pad1, PadN, unknown, then UDP.
	fs = append(fs, ipv6Pkt(0, 60, 64, a, bb, ipv6Ext(17, 0, 1, 1, 0, 0x3e, 2, 0xaa, 0xbb, 0, 0, 0, 0, 0, 0), udp))
	// Home address option with sub-options.
	home := append([]byte{0xc9, 20}, ipv6Seg1...)
	home = append(home, 0, 1, 0, 7, 0)
	fs = append(fs, ipv6Pkt(0, 60, 64, a, bb, ipv6Ext(59, home...)))
	// Jumbo with a non-zero payload length, jumbo too small, two jumbos.
	fs = append(fs, ipv6Pkt(0, 0, 64, a, bb, ipv6Ext(59, 0xc2, 4, 0, 1, 0, 0)))
	j := ipv6Pkt(0, 0, 64, a, bb, ipv6Ext(58, 0xc2, 4, 0, 0, 0x10, 0), echo)
	binary.BigEndian.PutUint16(j[18:], 0)
	fs = append(fs, j)
	j = ipv6Pkt(0, 0, 64, a, bb, ipv6Ext(58, 0xc2, 4, 0, 1, 0, 0x10, 0xc2, 4, 0, 1, 0, 0x20, 1, 0), echo)
	binary.BigEndian.PutUint16(j[18:], 0)
	fs = append(fs, j)
	// Payload length 0 and no jumbo option.
	j = ipv6Pkt(0, 0, 64, a, bb, ipv6Ext(58, 1, 4, 0, 0, 0, 0), echo)
	binary.BigEndian.PutUint16(j[18:], 0)
	fs = append(fs, j)
	// Payload length 0, no extension header.
	j = ipv6Pkt(0, 58, 64, a, bb, echo)
	binary.BigEndian.PutUint16(j[18:], 0)
	fs = append(fs, j)
	// Bad option lengths.
	fs = append(fs, ipv6Pkt(0, 0, 64, a, bb, ipv6Ext(58, 5, 3, 0, 0, 0, 0), echo))
	fs = append(fs, ipv6Pkt(0, 0, 64, a, bb, ipv6Ext(58, 0xc2, 3, 0, 0, 0, 0), echo))
	fs = append(fs, ipv6Pkt(0, 0, 64, a, bb, ipv6Ext(58, 1, 9, 0, 0, 0, 0), echo))
	// Jumbo option in destination options.
	fs = append(fs, ipv6Pkt(0, 60, 64, a, bb, ipv6Ext(58, 0xc2, 4, 0, 1, 0, 0), echo))
	// HBH after a destination options header.
	fs = append(fs, ipv6Pkt(0, 60, 64, a, bb, ipv6Ext(0, 1, 4, 0, 0, 0, 0), ipv6Ext(58, 1, 4, 0, 0, 0, 0), echo))
	// Fragments: first, later, atomic.
	fs = append(fs, ipv6Pkt(0, 44, 64, a, bb, []byte{17, 0, 0, 1, 0xde, 0xad, 0xbe, 0xef}, udp))
	fs = append(fs, ipv6Pkt(0, 44, 64, a, bb, []byte{17, 0, 0x05, 0x00, 0xde, 0xad, 0xbe, 0xef}, udp))
	fs = append(fs, ipv6Pkt(0, 44, 64, a, bb, []byte{58, 0, 0, 0, 0, 0, 0, 9}, echo))
	// Fragment header as the last thing in the packet.
	fs = append(fs, ipv6Pkt(0, 44, 64, a, bb, []byte{58, 0, 0, 0, 0, 0, 0, 9}))
	// Routing headers: type 0 with reserved bits, type 2, SRH with flags,
	// odd length, unknown type.
	rt0 := ipv6Cat([]byte{58, 4, 0, 2, 0, 0, 0, 5}, ipv6Seg1, ipv6Seg2)
	echoRt := ipv6ICMP(128, 0, a, ipv6Seg2, 0, 1, 0, 3)
	fs = append(fs, ipv6Pkt(0, 43, 64, a, bb, rt0, echoRt))
	rt2 := ipv6Cat([]byte{17, 2, 2, 1, 0, 0, 0, 0}, ipv6Seg1)
	fs = append(fs, ipv6Pkt(0, 43, 64, a, bb, rt2, ipv6UDP(1, 2, a, ipv6Seg1)))
	srh := ipv6Cat([]byte{58, 4, 4, 1, 1, 0x80, 0x12, 0x34}, ipv6Seg1, ipv6Seg2)
	fs = append(fs, ipv6Pkt(0, 43, 64, a, bb, srh, ipv6ICMP(128, 0, a, ipv6Seg1, 0, 1, 0, 4)))
	fs = append(fs, ipv6Pkt(0, 43, 64, a, bb, ipv6Cat([]byte{58, 3, 0, 1, 0, 0, 0, 0}, ipv6Seg1, ipv6Seg2[:8])))
	fs = append(fs, ipv6Pkt(0, 43, 64, a, bb, ipv6Cat([]byte{58, 0, 5, 1, 0, 0, 0, 0})))
	// AH then ICMPv6; ESP; IPComp.
	ah := []byte{58, 4, 0, 0, 0, 0, 0x10, 0x01, 0, 0, 0, 7, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
	fs = append(fs, ipv6Pkt(0, 51, 64, a, bb, ah, echo))
	fs = append(fs, ipv6Pkt(0, 50, 64, a, bb, []byte{0, 0, 0x10, 0x02, 0, 0, 0, 9, 1, 2, 3, 4, 5, 6, 7, 8}))
	fs = append(fs, ipv6Pkt(0, 108, 64, a, bb, []byte{17, 0, 0x12, 0x34, 1, 2, 3, 4}))
	// Other next headers.
	fs = append(fs, ipv6Pkt(0, 59, 64, a, bb, []byte{1, 2, 3, 4}))
	fs = append(fs, ipv6Pkt(0, 253, 64, a, bb, []byte{1, 2, 3, 4}))
	fs = append(fs, ipv6Pkt(0, 1, 64, a, bb, []byte{8, 0, 0, 0, 0, 0, 0, 0}))
	fs = append(fs, ipv6Pkt(0, 2, 64, a, bb, []byte{0x11, 0, 0, 0, 0, 0, 0, 0}))
	fs = append(fs, ipv6Pkt(0, 77, 64, a, bb, []byte{1, 2, 3, 4}))
	fs = append(fs, ipv6Pkt(0, 60, 64, a, bb, ipv6Ext(250, 1, 4, 0, 0, 0, 0), []byte{1, 2, 3, 4}))
	inner := ipv6Cat(ipv6Hdr(0, 58, 9, ipv6Seg1, ipv6Seg2, len(echo)), ipv6ICMP(128, 0, ipv6Seg1, ipv6Seg2, 0, 1, 0, 2, 'h', 'i'))
	fs = append(fs, ipv6Pkt(0, 41, 64, a, bb, inner))
	v4 := []byte{0x45, 0, 0, 28, 0, 1, 0, 0, 64, 1, 0, 0, 192, 0, 2, 1, 192, 0, 2, 2, 8, 0, 0xf7, 0xfe, 0, 1, 0, 0}
	binary.BigEndian.PutUint16(v4[10:], cksum(v4[:20]))
	fs = append(fs, ipv6Pkt(0, 4, 64, a, bb, v4))
	// Version error, class and flow label forms, mapped addresses.
	bad := ipv6Pkt(0, 58, 64, a, bb, echo)
	bad[14] = 0x40
	fs = append(fs, bad)
	fs = append(fs, ipv6Pkt(0xab00000, 58, 1, ipv6Mix, ipv6Compat, ipv6ICMP(128, 0, ipv6Mix, ipv6Compat, 0, 1, 0, 2)))
	fs = append(fs, ipv6Pkt(0xff00001, 58, 255, make([]byte, 16), []byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, ipv6ICMP(129, 0, make([]byte, 16), []byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, 0, 1, 0, 2)))
	zeros := []byte{0x20, 0x01, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1}
	zeros2 := []byte{0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0}
	fs = append(fs, ipv6Pkt(0, 59, 64, zeros, zeros2))
	fs = append(fs, ipv6Pkt(0, 59, 64, []byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2}, []byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0xff, 0xff, 0, 0, 0, 1}))
	// Payload length larger than the frame.
	long := ipv6Pkt(0, 17, 64, a, bb, udp)
	binary.BigEndian.PutUint16(long[18:], uint16(len(udp)+9))
	fs = append(fs, long)
	// Mobility: binding update with options, binding ack, unknown type.
	bu := []byte{59, 2, 5, 0, 0, 0, 0, 7, 0xf0, 0, 0, 10, 0, 1, 0, 2, 4, 0, 1, 1, 0, 2, 0, 0}
	fs = append(fs, ipv6Pkt(0, 135, 64, a, bb, bu))
	fs = append(fs, ipv6Pkt(0, 135, 64, a, bb, []byte{59, 1, 6, 0, 0, 0, 3, 0x80, 0, 9, 0, 5, 1, 2, 0, 0}))
	fs = append(fs, ipv6Pkt(0, 62, 64, a, bb, []byte{59, 0, 9, 0, 0, 0, 0, 0}))
	fs = append(fs, ipv6Pkt(0, 135, 64, a, bb, []byte{59, 0, 5, 0, 0, 0, 0, 0}))
	return fs
}

// ipv6TruncFrames are frames cut short by the capture.
func ipv6TruncFrames() []packet {
	full := ipv6ExtFrames()
	var ps []packet
	add := func(f []byte, n int) {
		if n > len(f) {
			n = len(f)
		}
		ps = append(ps, packet{sec: 1700001000 + uint32(len(ps)), data: f[:n], origLen: len(f)})
	}
	for _, i := range []int{0, 1, 2, 13, 17, 19, 20, 22, 23, 24, 25, 42} {
		if i >= len(full) {
			continue
		}
		f := full[i]
		for _, n := range []int{30, 54, 55, 57, 60, 64, 70, 78, 86} {
			if n < len(f) {
				add(f, n)
			}
		}
	}
	return ps
}

// ipv6Opt returns a neighbor discovery option.
func ipv6Opt(typ byte, body ...byte) []byte {
	for (len(body)+2)%8 != 0 {
		body = append(body, 0)
	}
	return append([]byte{typ, byte((len(body) + 2) / 8)}, body...)
}

func ipv6ICMPFrames() [][]byte {
	a, bb, ll, all := ipv6SrcA, ipv6DstB, ipv6LL, ipv6All
	var fs [][]byte
	icmp := func(src, dst []byte, typ, code byte, body ...byte) {
		fs = append(fs, ipv6Pkt(0, 58, 255, src, dst, ipv6ICMP(typ, code, src, dst, body...)))
	}
	icmp(a, bb, 128, 0, 0x12, 0x34, 0, 1, 'a', 'b', 'c', 'd')
	icmp(bb, a, 129, 0, 0x12, 0x34, 0, 1, 'a', 'b', 'c', 'd')
	badsum := ipv6Pkt(0, 58, 64, a, bb, ipv6ICMP(128, 0, a, bb, 0, 1, 0, 1))
	badsum[len(badsum)-5] ^= 0x55
	fs = append(fs, badsum)
	// Errors quoting the offending packet.
	innerUDP := ipv6Cat(ipv6Hdr(0, 17, 64, bb, ipv6Seg1, 11), ipv6UDP(4000, 53, bb, ipv6Seg1, 1, 2, 3))
	innerTCP := ipv6Cat(ipv6Hdr(0, 6, 64, bb, ipv6Seg1, 20), []byte{0x1f, 0x90, 0, 80, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 2, 0x20, 0, 0, 0, 0, 0})
	innerHBH := ipv6Cat(ipv6Hdr(0, 0, 64, bb, ipv6Seg1, 19), ipv6Ext(17, 1, 4, 0, 0, 0, 0), ipv6UDP(4000, 7, bb, ipv6Seg1, 1, 2, 3))
	innerGRE := ipv6Cat(ipv6Hdr(0, 47, 64, bb, ipv6Seg1, 4), []byte{0, 0, 0x08, 0})
	for code := byte(0); code <= 6; code++ {
		icmp(a, bb, 1, code, ipv6Cat([]byte{0, 0, 0, 0}, innerUDP)...)
	}
	icmp(a, bb, 1, 4, ipv6Cat([]byte{0, 0, 0, 0}, innerTCP)...)
	icmp(a, bb, 1, 4, ipv6Cat([]byte{0, 0, 0, 0}, innerHBH)...)
	icmp(a, bb, 1, 4, ipv6Cat([]byte{0, 0, 0, 0}, innerGRE)...)
	icmp(a, bb, 1, 4, ipv6Cat([]byte{0, 0, 0, 0}, innerUDP[:30])...)
	icmp(a, bb, 2, 0, ipv6Cat([]byte{0, 0, 0x05, 0xdc}, innerUDP)...)
	for code := byte(0); code <= 2; code++ {
		icmp(a, bb, 3, code, ipv6Cat([]byte{0, 0, 0, 0}, innerUDP)...)
	}
	for code := byte(0); code <= 4; code++ {
		icmp(a, bb, 4, code, ipv6Cat([]byte{0, 0, 0, 40}, innerUDP)...)
	}
	icmp(a, bb, 4, 0, 0, 0, 0, 40, 1, 2, 3)
	// MLD.
	icmp(ll, all, 130, 0, ipv6Cat([]byte{0x27, 0x10, 0, 0}, make([]byte, 16))...)
	icmp(ll, all, 130, 0, ipv6Cat([]byte{0x80, 0x10, 0, 0}, ipv6All, []byte{0x0a, 0x90, 0, 2}, ipv6Seg1, ipv6Seg2)...)
	icmp(ll, all, 130, 0, ipv6Cat([]byte{0x03, 0xe8, 0, 0}, ipv6All, []byte{0x02, 0x7d, 0, 0})...)
	icmp(ll, all, 130, 0, ipv6Cat([]byte{0x03, 0xe8, 0, 0}, ipv6All, []byte{0x02, 0x7d, 0, 9})...)
	icmp(ll, all, 130, 0, 0, 0, 0, 0, 1, 2)
	icmp(ll, all, 131, 0, ipv6Cat([]byte{0, 0, 0, 0}, ipv6All)...)
	icmp(ll, all, 132, 0, ipv6Cat([]byte{0, 0, 0, 0}, ipv6All)...)
	rec := ipv6Cat([]byte{4, 0, 0, 0}, ipv6All, []byte{1, 0, 0, 2}, ipv6All, ipv6Seg1, ipv6Seg2, []byte{9, 0, 0, 0}, ipv6All)
	icmp(ll, all, 143, 0, ipv6Cat([]byte{0, 0, 0, 3}, rec)...)
	icmp(ll, all, 143, 0, 0, 0, 0, 5)
	// Neighbor discovery.
	slla := ipv6Opt(1, 2, 0, 0, 0, 0, 0x0a)
	icmp(ll, all, 133, 0, ipv6Cat([]byte{0, 0, 0, 0}, slla)...)
	prefix := ipv6Opt(3, ipv6Cat([]byte{64, 0xe0, 0xff, 0xff, 0xff, 0xff, 0, 0, 0x0e, 0x10, 0, 0, 0, 0}, ipv6Seg1)...)
	mtu := ipv6Opt(5, 0, 0, 0, 0, 0x05, 0xdc)
	badmtu := ipv6Opt(5, 0, 0, 0, 0, 0x05, 0xdc, 0, 0, 0, 0, 0, 0, 0, 0)
	rdnss := ipv6Opt(25, ipv6Cat([]byte{0, 0, 0, 0, 0x0e, 0x10}, ipv6Seg1, ipv6Seg2)...)
	dnssl := ipv6Opt(31, ipv6Cat([]byte{0, 0, 0xff, 0xff, 0xff, 0xff}, []byte{7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 'c', 'o', 'm', 0, 3, 'l', 'a', 'n', 0})...)
	rinfo1 := []byte{24, 1, 0, 0x08, 0, 0, 0, 60}
	rinfo2 := ipv6Cat([]byte{24, 2, 48, 0x18, 0xff, 0xff, 0xff, 0xff}, ipv6Seg1[:8])
	rinfo3 := ipv6Cat([]byte{24, 3, 64, 0x10, 0, 0, 1, 0}, ipv6Seg2)
	adv := ipv6Opt(7, 0, 0, 0, 0, 0x27, 0x10)
	hai := ipv6Opt(8, 0, 0, 0, 5, 0x01, 0x00)
	unk := ipv6Opt(99, 1, 2, 3, 4, 5, 6)
	ra := ipv6Cat([]byte{64, 0xda, 0x07, 0x08, 0, 0, 0x75, 0x30, 0, 0, 0x03, 0xe8}, slla, prefix, mtu, badmtu, rdnss, dnssl, rinfo1, rinfo2, rinfo3, adv, hai, unk, slla)
	icmp(ll, all, 134, 0, ra...)
	icmp(ll, all, 134, 0, ipv6Cat([]byte{0, 0x18, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, ipv6Opt(4, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8))...)
	icmp(ll, all, 134, 0, ipv6Cat([]byte{0, 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, slla, []byte{1, 0, 0, 0, 0, 0, 0, 0})...)
	icmp(ll, all, 134, 0, ipv6Cat([]byte{0, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, slla, []byte{1, 2, 0, 0, 0, 0, 0, 0})...)
	icmp(ll, all, 134, 0, ipv6Cat([]byte{0, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, []byte{24, 4, 0, 0, 0, 0, 0, 0}, make([]byte, 24))...)
	icmp(ll, all, 134, 0, ipv6Cat([]byte{0, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, []byte{3, 1, 0, 0, 0, 0, 0, 0})...)
	icmp(ll, bb, 135, 0, ipv6Cat([]byte{0, 0, 0, 0}, bb, slla)...)
	icmp(bb, ll, 136, 0, ipv6Cat([]byte{0xe0, 0, 0, 0}, bb, ipv6Opt(2, 2, 0, 0, 0, 0, 0x0b))...)
	icmp(bb, ll, 136, 0, ipv6Cat([]byte{0, 0, 0, 0}, bb)...)
	icmp(a, bb, 137, 0, ipv6Cat([]byte{0, 0, 0, 0}, ipv6Seg1, ipv6Seg2, ipv6Opt(2, 2, 0, 0, 0, 0, 0x0b))...)
	// Router renumbering.
	match := ipv6Cat([]byte{1, 11, 3, 48, 16, 64, 0, 0}, ipv6Seg1)
	use1 := ipv6Cat([]byte{48, 16, 0xc0, 0x80, 0xff, 0xff, 0xff, 0xff, 0, 0, 1, 0, 0xc0, 0, 0, 0}, ipv6Seg2)
	use2 := ipv6Cat([]byte{64, 0, 0, 0, 0, 0, 0, 9, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0}, ipv6Seg2)
	icmp(a, bb, 138, 0, ipv6Cat([]byte{0, 0, 0, 7, 1, 0xf8, 0, 10, 0, 0, 0, 1}, match, use1, use2)...)
	icmp(a, bb, 138, 1, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0)
	icmp(a, bb, 138, 255, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0)
	icmp(a, bb, 138, 9, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0)
	// Node information.
	nonce := []byte{1, 2, 3, 4, 5, 6, 7, 8}
	icmp(a, bb, 139, 0, 0, 0, 0, 0, 0, 0, 0, 0)
	icmp(a, bb, 139, 0, ipv6Cat([]byte{0, 0, 0, 0}, nonce)...)
	icmp(a, bb, 139, 0, ipv6Cat([]byte{0, 1, 0, 1}, nonce)...)
	icmp(a, bb, 139, 0, ipv6Cat([]byte{0, 2, 0, 0}, nonce)...)
	icmp(a, bb, 139, 0, ipv6Cat([]byte{0, 3, 0, 0x7e}, nonce, bb)...)
	icmp(a, bb, 139, 1, ipv6Cat([]byte{0, 2, 0, 0}, nonce, []byte{4, 'h', 'o', 's', 't', 3, 'e', 'x', 'a', 0})...)
	icmp(a, bb, 139, 1, ipv6Cat([]byte{0, 2, 0, 0}, nonce, []byte{4, 'h', 'o', 's', 't'})...)
	icmp(a, bb, 139, 2, ipv6Cat([]byte{0, 3, 0, 0}, nonce, []byte{192, 0, 2, 9})...)
	icmp(a, bb, 139, 0, ipv6Cat([]byte{0, 3, 0, 0}, nonce, []byte{192, 0, 2, 9})...)
	icmp(a, bb, 139, 7, ipv6Cat([]byte{0, 3, 0, 0}, nonce, []byte{192, 0, 2, 9})...)
	icmp(bb, a, 140, 0, ipv6Cat([]byte{0, 2, 0, 1}, nonce, []byte{0, 0, 0, 60, 4, 'h', 'o', 's', 't', 3, 'e', 'x', 'a', 0})...)
	icmp(bb, a, 140, 0, ipv6Cat([]byte{0, 3, 0, 0x03}, nonce, []byte{0, 0, 0, 60}, bb, []byte{0, 0, 1, 0}, ipv6Seg1)...)
	icmp(bb, a, 140, 0, ipv6Cat([]byte{0, 0, 0, 0}, nonce)...)
	icmp(bb, a, 140, 0, ipv6Cat([]byte{0, 1, 0, 1}, nonce)...)
	icmp(bb, a, 140, 1, ipv6Cat([]byte{0, 3, 0, 0}, nonce, []byte{1})...)
	icmp(bb, a, 140, 2, ipv6Cat([]byte{0, 3, 0, 0}, nonce)...)
	icmp(bb, a, 140, 0, ipv6Cat([]byte{0, 9, 0, 0}, nonce)...)
	// Inverse ND, home agent and mobile prefix messages, mtrace.
	icmp(a, bb, 141, 0, 0, 0, 0, 0)
	icmp(a, bb, 142, 0, 0, 0, 0, 0)
	icmp(a, bb, 144, 0, 0x12, 0x34, 0, 0)
	icmp(a, bb, 145, 0, ipv6Cat([]byte{0x12, 0x34, 0, 0}, ipv6Seg1, ipv6Seg2)...)
	icmp(a, bb, 146, 0, 0x12, 0x34, 0, 0)
	icmp(a, bb, 147, 0, ipv6Cat([]byte{0x12, 0x34, 0xc0, 0}, prefix)...)
	icmp(a, bb, 147, 0, 0x12, 0x34, 0x40, 0)
	icmp(a, bb, 200, 0, 1, 2, 3, 4)
	icmp(a, bb, 201, 0, 1, 2, 3, 4)
	icmp(a, bb, 250, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19)
	// RPL.
	icmp(ll, all, 155, 0, 0, 0, 0, 0)
	dio := ipv6Cat([]byte{1, 2, 0x01, 0x00, 0x88 | 0x05, 7, 0, 0}, ipv6Seg1, []byte{0, 1, 0, 4, 2, 3, 4, 5})
	icmp(ll, all, 155, 1, dio...)
	dao := ipv6Cat([]byte{3, 0xc0, 0, 9}, ipv6Seg1, []byte{5, 2, 0, 64})
	icmp(ll, all, 155, 2, dao...)
	icmp(ll, all, 155, 2, 3, 0x00, 0, 9, 0, 6, 1, 2, 3, 4, 5, 6)
	icmp(ll, all, 155, 3, ipv6Cat([]byte{3, 0x80, 9, 0}, ipv6Seg1)...)
	icmp(ll, all, 155, 3, 3, 0, 9, 0)
	icmp(ll, all, 155, 0x82, 3, 0, 9, 0)
	icmp(ll, all, 155, 9, 3, 0, 9, 0)
	// ICMPv6 with nothing after the header; and a fragment.
	fs = append(fs, ipv6Pkt(0, 58, 64, a, bb))
	fs = append(fs, ipv6Pkt(0, 44, 64, a, bb, []byte{58, 0, 0, 1, 0, 0, 0, 9}, ipv6ICMP(128, 0, a, bb, 0, 1, 0, 1)))
	return fs
}

func ipv6ICMPTrunc() []packet {
	full := ipv6ICMPFrames()
	var ps []packet
	for i, f := range full {
		for _, n := range []int{56, 60, 62, 70, 80, 94, 100} {
			if n < len(f) && (i+n)%3 == 0 {
				ps = append(ps, packet{sec: 1700002000 + uint32(len(ps)), data: f[:n], origLen: len(f)})
			}
		}
	}
	return ps
}

func init() {
	register(fixture{name: "ipv6-ext.pcap", linkType: 1, packets: func() []packet {
		return ipv6Packets(ipv6ExtFrames()...)
	}})
	register(fixture{name: "ipv6-trunc.pcap", linkType: 1, packets: ipv6TruncFrames})
	register(fixture{name: "ipv6-icmp6.pcap", linkType: 1, packets: func() []packet {
		return ipv6Packets(ipv6ICMPFrames()...)
	}})
	register(fixture{name: "ipv6-icmp6-trunc.pcap", linkType: 1, packets: ipv6ICMPTrunc})
}
