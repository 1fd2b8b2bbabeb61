package main

import "encoding/binary"

// Fixtures for the printers of the less common IP protocols: GRE with its
// optional fields and inner packets (iptail-gre.pcap), VRRP
// (iptail-vrrp.pcap), IGMP v1/v2/v3 (iptail-igmp.pcap), OSPFv2
// (iptail-ospf.pcap), and pcap records with invalid lengths
// (iptail-badhdr.pcap).

var (
	iptailA    = []byte{10, 0, 0, 1}
	iptailB    = []byte{10, 0, 0, 2}
	iptailC    = []byte{172, 16, 1, 1}
	iptailD    = []byte{172, 16, 1, 2}
	iptailVRRP = []byte{224, 0, 0, 18}
	iptailAll  = []byte{224, 0, 0, 1}
	iptailV3   = []byte{224, 0, 0, 22}
	iptailGrp  = []byte{239, 1, 2, 3}
	iptailOSPF = []byte{224, 0, 0, 5}
)

// iptailIP builds an IPv4 header (correct checksum) around payload; tot,
// when non-zero, overrides the total length.
func iptailIP(proto, ttl byte, src, dst []byte, tot int, payload []byte) []byte {
	h := make([]byte, 20)
	h[0] = 0x45
	if tot == 0 {
		tot = 20 + len(payload)
	}
	binary.BigEndian.PutUint16(h[2:], uint16(tot))
	binary.BigEndian.PutUint16(h[4:], 0x1c46)
	h[8] = ttl
	h[9] = proto
	copy(h[12:], src)
	copy(h[16:], dst)
	binary.BigEndian.PutUint16(h[10:], cksum(h))
	return append(h, payload...)
}

// iptailEth wraps an IPv4 datagram in Ethernet.
func iptailEth(ip []byte) []byte { return append(ether(macB, macA, 0x0800), ip...) }

func iptailCat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

func iptailU16(v uint16) []byte { return binary.BigEndian.AppendUint16(nil, v) }
func iptailU32(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }

// iptailSum fills in the Internet checksum at off of m.
func iptailSum(m []byte, off int) []byte {
	m[off], m[off+1] = 0, 0
	binary.BigEndian.PutUint16(m[off:], cksum(m))
	return m
}

// iptailPackets numbers frames 10 ms apart; orig maps an index to the
// length on the wire (frames cut by the snapshot length).
func iptailPackets(frames [][]byte, orig map[int]int) []packet {
	ps := make([]packet, len(frames))
	for i, f := range frames {
		ps[i] = packet{sec: 1710000000 + uint32(i/100), frac: uint32(i%100) * 10000, data: f, origLen: orig[i]}
	}
	return ps
}

// iptailPing is an ICMP echo request.
func iptailPing(id, seq uint16) []byte {
	return iptailSum(iptailCat([]byte{8, 0, 0, 0}, iptailU16(id), iptailU16(seq), []byte("abcdefgh")), 2)
}

// iptailUDP is a UDP datagram without checksum.
func iptailUDP(sport, dport uint16, data []byte) []byte {
	return iptailCat(iptailU16(sport), iptailU16(dport), iptailU16(uint16(8+len(data))), []byte{0, 0}, data)
}

// iptailGRE builds a GRE header: flags word (with version), protocol, then
// the optional words.
func iptailGRE(flags, proto uint16, opt ...uint32) []byte {
	b := iptailCat(iptailU16(flags), iptailU16(proto))
	for _, o := range opt {
		b = append(b, iptailU32(o)...)
	}
	return b
}

func iptailGREFrames() ([][]byte, map[int]int) {
	inner4 := iptailIP(1, 63, iptailC, iptailD, 0, iptailPing(7, 1))
	innerUDP := iptailIP(17, 63, iptailC, iptailD, 0, iptailUDP(4000, 5000, []byte("hello")))
	inner6 := ipv6Pkt(0, 58, 64, ipv6SrcA, ipv6DstB, ipv6ICMP(128, 0, ipv6SrcA, ipv6DstB, 0, 1, 0, 2))[14:]
	innerEth := iptailEth(inner4)
	gre := func(g []byte, inner []byte) []byte {
		return iptailEth(iptailIP(47, 64, iptailA, iptailB, 0, iptailCat(g, inner)))
	}
	frames := [][]byte{
		gre(iptailGRE(0, 0x0800), inner4),
		gre(iptailGRE(0x3000, 0x0800, 0x1234abcd, 42), innerUDP),
		gre(iptailGRE(0x8000, 0x86dd, 0xbeef0000), inner6),
		gre(iptailGRE(0x2000, 0x6558, 100), innerEth),
		gre(iptailGRE(0, 0x0000), nil),
		gre(iptailGRE(0x1000, 0x1234, 7), []byte{1, 2, 3, 4}),
		// PPTP (version 1): key (payload length, call id), sequence, ack.
		gre(iptailGRE(0x3081, 0x880b, 0x00000003, 9, 8), iptailCat([]byte{0xff, 0x03, 0x00, 0x21}, inner4)),
		gre(iptailGRE(0x3001, 0x880b, 0x00000003, 10), []byte{0xff, 0x03, 0x00, 0xfd, 0x90, 0x01, 0xaa, 0xbb}),
		gre(iptailGRE(0x3001, 0x880b, 0x00000003, 11), []byte{0x57, 0x12}),
		gre(iptailGRE(0x3001, 0x880b, 0x00000003, 12), []byte{0xff, 0x03, 0x12, 0x34, 0xaa, 0xbb}),
		gre(iptailGRE(0x3001, 0x880b, 0x00000003, 13), []byte{0xff}),
		gre(iptailGRE(0x2081, 0x880b, 0x00000003, 9), nil),
		gre(iptailGRE(0x0001, 0x880b), nil),
		// MikroTik EoIP.
		gre(iptailGRE(0x2001, 0x6400, 0x00000102), nil),
		gre(iptailGRE(0x3001, 0x6400, 0x00000102), nil),
		// Unknown version.
		gre(iptailGRE(0x0002, 0x0800), nil),
		// Routing present with IP and ASN source route entries.
		gre(iptailGRE(0x4000, 0x0800, 0x00000000,
			0x08000408, 0x0a000001, 0x0a000002, 0xfffe0004, 0x00640065, 0), inner4),
		gre(iptailGRE(0xc000, 0x0800, 0x12340000, 0x12340000), inner4),
		// Strict source route and recursion bits, WCCP.
		gre(iptailGRE(0x0f00, 0x883e), iptailCat([]byte{0x80, 5, 1, 2}, inner4)),
		gre(iptailGRE(0, 0x883e), inner4),
		// Truncated and short variants.
		gre(iptailGRE(0x3000, 0x0800, 1), nil),
		gre(iptailGRE(0x2000, 0x0800)[:3], nil),
		gre(iptailGRE(0, 0x0800), inner4[:10]),
		gre(iptailGRE(0x8000, 0x0800), nil),
	}
	// One cut by the snapshot length inside the key.
	cut := gre(iptailGRE(0x3000, 0x0800, 5, 6), inner4)
	orig := map[int]int{len(frames): len(cut)}
	frames = append(frames, cut[:14+20+6])
	cut2 := gre(iptailGRE(0x3000, 0x0800, 5, 6), inner4)
	orig[len(frames)] = len(cut2)
	frames = append(frames, cut2[:14+20+12+24])
	// GRE over IPv6.
	frames = append(frames, ipv6Pkt(0, 47, 64, ipv6SrcA, ipv6DstB, iptailGRE(0x2000, 0x0800, 77), inner4))
	return frames, orig
}

// iptailVRRPv2 builds a VRRPv2 advertisement.
func iptailVRRPv2(vrid, prio, auth, intvl byte, addrs [][]byte, authData string, bad bool) []byte {
	b := []byte{0x21, vrid, prio, byte(len(addrs)), auth, intvl, 0, 0}
	for _, a := range addrs {
		b = append(b, a...)
	}
	ad := make([]byte, 8)
	copy(ad, authData)
	b = append(b, ad...)
	iptailSum(b, 6)
	if bad {
		b[7] ^= 0x55
	}
	return b
}

func iptailVRRPFrames() ([][]byte, map[int]int) {
	v := func(ttl byte, m []byte) []byte {
		return iptailEth(iptailIP(112, ttl, iptailA, iptailVRRP, 0, m))
	}
	v3 := []byte{0x31, 5, 100, 1, 0x00, 100, 0, 0, 10, 0, 0, 254}
	ph := iptailCat(iptailA, iptailVRRP, []byte{0, 112}, iptailU16(uint16(len(v3))))
	binary.BigEndian.PutUint16(v3[6:], cksum(ph, v3))
	frames := [][]byte{
		v(255, iptailVRRPv2(1, 100, 0, 1, [][]byte{{10, 0, 0, 254}}, "", false)),
		v(255, iptailVRRPv2(2, 200, 1, 3, [][]byte{{10, 0, 0, 253}, {10, 0, 0, 252}}, "secret", false)),
		v(255, iptailVRRPv2(3, 255, 1, 1, [][]byte{{10, 0, 0, 251}}, "pass\x01\xffwd", true)),
		v(64, iptailVRRPv2(4, 50, 2, 1, nil, "", false)),
		v(255, iptailVRRPv2(5, 50, 7, 1, [][]byte{{10, 0, 0, 250}}, "", false)),
		v(255, v3),
		v(255, []byte{0x22, 1, 2, 0, 0, 0, 0, 0}),
		v(255, []byte{0x41, 1, 2, 0, 0, 0, 0, 0}),
		v(255, []byte{0x21, 1, 100, 3, 0, 1, 0, 0, 10, 0, 0, 1}),
		v(255, []byte{0x21, 1}),
		v(255, nil),
	}
	cut := v(255, iptailVRRPv2(9, 100, 1, 1, [][]byte{{10, 0, 0, 249}, {10, 0, 0, 248}}, "abcdefgh", false))
	orig := map[int]int{len(frames): len(cut)}
	frames = append(frames, cut[:14+20+14])
	frames = append(frames, ipv6Pkt(0, 112, 255, ipv6LL, ipv6All, []byte{0x31, 1, 100, 1, 0, 100, 0, 0}, ipv6SrcA))
	return frames, orig
}

func iptailIGMPFrames() ([][]byte, map[int]int) {
	g := func(dst []byte, m []byte) []byte {
		return iptailEth(iptailIP(2, 1, iptailA, dst, 0, m))
	}
	ig := func(typ, code byte, grp []byte, rest ...byte) []byte {
		return iptailSum(iptailCat([]byte{typ, code, 0, 0}, grp, rest), 2)
	}
	zero := []byte{0, 0, 0, 0}
	rec := func(typ byte, grp []byte, srcs ...[]byte) []byte {
		b := iptailCat([]byte{typ, 0}, iptailU16(uint16(len(srcs))), grp)
		for _, s := range srcs {
			b = append(b, s...)
		}
		return b
	}
	v3r := func(recs ...[]byte) []byte {
		b := iptailCat([]byte{0x22, 0, 0, 0, 0, 0}, iptailU16(uint16(len(recs))))
		for _, r := range recs {
			b = append(b, r...)
		}
		return iptailSum(b, 2)
	}
	badSum := ig(0x16, 0, iptailGrp)
	badSum[3] ^= 0x40
	frames := [][]byte{
		g(iptailAll, ig(0x11, 0, zero)),
		g(iptailAll, ig(0x11, 100, zero)),
		g(iptailGrp, ig(0x11, 50, iptailGrp)),
		g(iptailAll, ig(0x11, 100, zero, 0, 0)),
		g(iptailGrp, ig(0x12, 0, iptailGrp)),
		g(iptailGrp, ig(0x16, 0, iptailGrp)),
		g(iptailAll, ig(0x17, 0, iptailGrp)),
		g(iptailGrp, badSum),
		// IGMPv3 queries: general, group-specific, with sources, long
		// max response time codes.
		g(iptailAll, ig(0x11, 100, zero, 0x02, 125, 0, 0)),
		g(iptailGrp, ig(0x11, 10, iptailGrp, 0x02, 125, 0, 2, 10, 0, 0, 1, 10, 0, 0, 2)),
		g(iptailGrp, ig(0x11, 0x8f, iptailGrp, 0x02, 125, 0, 1, 10, 0, 0, 1)),
		g(iptailGrp, ig(0x11, 0xff, iptailGrp, 0, 0, 0, 0)),
		g(iptailGrp, ig(0x11, 0x85, iptailGrp, 0, 0, 0, 5, 10, 0, 0, 1)),
		g(iptailGrp, ig(0x11, 100, iptailGrp, 0, 0, 0, 0, 1)),
		// IGMPv3 reports.
		g(iptailV3, v3r(rec(1, iptailGrp, iptailA, iptailB), rec(4, []byte{239, 9, 9, 9}), rec(9, iptailGrp, iptailC))),
		g(iptailV3, v3r(rec(5, iptailGrp, iptailA), rec(6, iptailGrp))[:20]),
		g(iptailV3, iptailSum(iptailCat([]byte{0x22, 0, 0, 0, 0, 0, 0, 3}, rec(2, iptailGrp, iptailA)), 2)),
		g(iptailV3, iptailSum(iptailCat([]byte{0x22, 0, 0, 0, 0, 0, 0, 1}, []byte{3, 0, 0, 9}, iptailGrp), 2)),
		g(iptailV3, []byte{0x22, 0, 0, 0, 0, 0, 0, 1, 0, 0}),
		// mtrace and mresp.
		g(iptailGrp, iptailSum(iptailCat([]byte{0x1f, 0, 0, 0}, iptailGrp, iptailA, iptailB, iptailGrp, []byte{32, 0, 1, 2}), 2)),
		g(iptailGrp, iptailSum(iptailCat([]byte{0x1e, 0, 0, 0}, iptailGrp, iptailA, iptailB, iptailC, []byte{32, 0, 1, 2}), 2)),
		g(iptailGrp, ig(0x1f, 0, iptailGrp)),
		// Unknown types and short messages.
		g(iptailGrp, ig(0x99, 0, iptailGrp)),
		g(iptailGrp, []byte{0x16, 0, 0}),
		g(iptailGrp, []byte{0x11}),
		g(iptailGrp, nil),
	}
	cut := g(iptailV3, v3r(rec(1, iptailGrp, iptailA, iptailB)))
	orig := map[int]int{len(frames): len(cut)}
	frames = append(frames, cut[:14+20+20])
	return frames, orig
}

// iptailOSPFHdr builds an OSPFv2 header around body; auth is the
// authentication type with its 8 data bytes. The checksum is filled in
// for non-MD5 packets.
func iptailOSPFHdr(ver, typ byte, area []byte, auth uint16, authData []byte, body []byte) []byte {
	b := iptailCat([]byte{ver, typ}, iptailU16(uint16(24+len(body))), iptailB, area, []byte{0, 0}, iptailU16(auth))
	ad := make([]byte, 8)
	copy(ad, authData)
	b = append(append(b, ad...), body...)
	if auth != 2 {
		sum := cksum(append(b[:16:16], body...))
		binary.BigEndian.PutUint16(b[12:], sum)
	}
	return b
}

// iptailLSAHdr is an LSA header.
func iptailLSAHdr(age uint16, opts, typ byte, id, router []byte, seq uint32, length uint16) []byte {
	return iptailCat(iptailU16(age), []byte{opts, typ}, id, router, iptailU32(seq), []byte{0x12, 0x34}, iptailU16(length))
}

func iptailOSPFFrames() ([][]byte, map[int]int) {
	o := func(m []byte) []byte {
		return iptailEth(iptailIP(89, 1, iptailA, iptailOSPF, 0, m))
	}
	zero := []byte{0, 0, 0, 0}
	area := []byte{0, 0, 0, 1}
	hello := func(opts byte, dr, bdr []byte, nbrs ...[]byte) []byte {
		b := iptailCat([]byte{255, 255, 255, 0}, iptailU16(10), []byte{opts, 1}, iptailU32(40), dr, bdr)
		for _, n := range nbrs {
			b = append(b, n...)
		}
		return b
	}
	lsas := iptailCat(
		iptailLSAHdr(3, 0x22, 1, iptailB, iptailB, 0x80000001, 48),
		iptailLSAHdr(100, 0x02, 2, iptailA, iptailC, 0x80000002, 32),
		iptailLSAHdr(3600, 0x42, 10, []byte{4, 0, 0, 7}, iptailB, 0x80000003, 28),
		iptailLSAHdr(1, 0xff, 5, []byte{192, 168, 0, 0}, iptailD, 0x80000004, 36),
	)
	dd := func(flags byte, body []byte) []byte {
		return iptailCat(iptailU16(1500), []byte{0x42, flags}, iptailU32(0x1234), body)
	}
	lsr := iptailCat(iptailU32(1), iptailB, iptailB, iptailU32(10), []byte{1, 0, 0, 5}, iptailC, iptailU32(99), iptailA, iptailD)
	lls := iptailCat(iptailU16(0xabcd), iptailU16(4), iptailU16(1), iptailU16(4), iptailU32(3), iptailU16(9), iptailU16(2), []byte{1, 2})
	md5Hello := iptailOSPFHdr(2, 1, zero, 2, []byte{0, 0, 7, 16, 0, 0, 1, 0}, hello(0x12, iptailA, zero))
	md5Hello = iptailCat(md5Hello, make([]byte, 16), lls)
	frames := [][]byte{
		o(iptailOSPFHdr(2, 1, zero, 0, nil, hello(0x02, iptailA, iptailB, iptailA, iptailB, iptailC))),
		o(iptailOSPFHdr(2, 1, area, 1, []byte("pw\x01x"), hello(0x00, zero, zero))),
		o(iptailOSPFHdr(2, 1, area, 1, []byte("abcdefgh"), hello(0xff, zero, iptailC))),
		o(md5Hello),
		o(iptailOSPFHdr(2, 1, zero, 7, []byte{1, 2}, hello(0x02, zero, zero))),
		o(iptailOSPFHdr(2, 2, zero, 0, nil, dd(0x07, lsas))),
		o(iptailOSPFHdr(2, 2, zero, 0, nil, iptailCat(iptailU16(0), []byte{0x12, 0x08}, iptailU32(0x55), iptailLSAHdr(1, 0, 1, iptailB, iptailB, 1, 12), lsas))),
		o(iptailOSPFHdr(2, 3, area, 0, nil, lsr)),
		o(iptailOSPFHdr(2, 5, zero, 0, nil, lsas)),
		o(iptailOSPFHdr(2, 5, zero, 0, nil, iptailLSAHdr(1, 0, 1, iptailB, iptailB, 1, 4))),
		o(iptailOSPFHdr(2, 9, zero, 0, nil, nil)),
		o(iptailOSPFHdr(3, 1, zero, 0, nil, hello(0x02, zero, zero))),
		o(iptailOSPFHdr(2, 1, zero, 0, nil, hello(0x02, zero, zero))[:30]),
		o(iptailOSPFHdr(2, 3, zero, 0, nil, lsr[:20])),
		o(iptailOSPFHdr(2, 1, zero, 0, nil, hello(0x02, zero, zero, iptailA))[:20]),
		o(iptailCat(iptailOSPFHdr(2, 1, zero, 0, nil, hello(0x02, zero, zero)), []byte{0, 0, 0, 0})),
		o(iptailCat(iptailOSPFHdr(2, 1, zero, 0, nil, hello(0x12, zero, zero)), lls)),
		o(iptailCat(iptailOSPFHdr(2, 2, zero, 0, nil, dd(0x01, nil)), []byte{0x42, 0x42, 0, 12, 0, 1, 0, 3, 0, 0, 0, 2, 0, 2, 0, 20}, make([]byte, 20))),
		o(iptailCat(iptailOSPFHdr(2, 2, zero, 0, nil, iptailCat(iptailU16(0), []byte{0x10, 0x08}, iptailU32(0x55))), []byte{0x42})),
	}
	cut := o(iptailOSPFHdr(2, 5, zero, 0, nil, lsas))
	orig := map[int]int{len(frames): len(cut)}
	frames = append(frames, cut[:14+20+24+30])
	return frames, orig
}

// iptailBadHdr writes records with lengths tcpdump rejects.
func iptailBadHdr() []byte {
	f := iptailEth(iptailIP(2, 1, iptailA, iptailGrp, 0, iptailSum([]byte{0x16, 0, 0, 0, 239, 1, 2, 3}, 2)))
	out := pcapBytes(fixture{linkType: 1, packets: func() []packet { return nil }})
	rec := func(caplen, origLen uint32, data []byte) {
		var h [16]byte
		binary.LittleEndian.PutUint32(h[0:], 1710000000)
		binary.LittleEndian.PutUint32(h[4:], 5)
		binary.LittleEndian.PutUint32(h[8:], caplen)
		binary.LittleEndian.PutUint32(h[12:], origLen)
		out = append(out, h[:]...)
		out = append(out, data...)
	}
	n := uint32(len(f))
	rec(n, n, f)
	rec(0, n, nil)
	rec(n, 0, f)
	rec(0, 0, nil)
	rec(n, n-4, f)
	rec(n, 300000, f)
	rec(n, n, f)
	return out
}

func init() {
	add := func(name string, frames func() ([][]byte, map[int]int)) {
		register(fixture{name: name, linkType: 1, packets: func() []packet {
			fr, orig := frames()
			return iptailPackets(fr, orig)
		}})
	}
	add("iptail-gre.pcap", iptailGREFrames)
	add("iptail-vrrp.pcap", iptailVRRPFrames)
	add("iptail-igmp.pcap", iptailIGMPFrames)
	add("iptail-ospf.pcap", iptailOSPFFrames)
	register(fixture{name: "iptail-badhdr.pcap", file: iptailBadHdr})
}
