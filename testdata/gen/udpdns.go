package main

import (
	"encoding/binary"
	"strings"
)

// Fixtures for the UDP and DNS printers: DNS queries and responses with
// every record type and EDNS option tcpdump decodes, name compression
// corner cases, mDNS, truncated messages, and UDP header variants (bad
// checksums and lengths, fragments, IPv6 extension headers).

var (
	udpdnsSrc4 = []byte{10, 0, 0, 1}
	udpdnsDst4 = []byte{10, 0, 0, 2}
	udpdnsSrc6 = []byte{0x20, 0x01, 0x0d, 0xb8, 15: 1}
	udpdnsDst6 = []byte{0x20, 0x01, 0x0d, 0xb8, 15: 2}
)

// udpdnsUDPOpts varies a UDP header from the well-formed one.
type udpdnsUDPOpts struct {
	ulen     int  // UDP length field; 0 means the real length
	zeroLen  bool // write 0 as the UDP length
	badSum   bool // corrupt the checksum
	noSum    bool // leave the checksum 0
	fragOff  uint16
	v6Prefix []byte // IPv6 extension headers before UDP (first byte: nh 17)
	v6NH     byte   // next header of the IPv6 header when v6Prefix is set
}

// udpdnsUDP returns a UDP header and payload with its checksum.
func udpdnsUDP(v6 bool, sport, dport uint16, payload []byte, o udpdnsUDPOpts) []byte {
	ulen := 8 + len(payload)
	if o.ulen != 0 {
		ulen = o.ulen
	}
	if o.zeroLen {
		ulen = 0
	}
	u := make([]byte, 8, 8+len(payload))
	binary.BigEndian.PutUint16(u[0:], sport)
	binary.BigEndian.PutUint16(u[2:], dport)
	binary.BigEndian.PutUint16(u[4:], uint16(ulen))
	u = append(u, payload...)
	if o.noSum {
		return u
	}
	var ph []byte
	if v6 {
		ph = append(append([]byte{}, udpdnsSrc6...), udpdnsDst6...)
		ph = binary.BigEndian.AppendUint32(ph, uint32(ulen))
		ph = append(ph, 0, 0, 0, 17)
	} else {
		ph = append(append([]byte{}, udpdnsSrc4...), udpdnsDst4...)
		ph = append(ph, 0, 17)
		ph = binary.BigEndian.AppendUint16(ph, uint16(ulen))
	}
	sum := cksum(append(ph, u...))
	if sum == 0 {
		sum = 0xffff
	}
	if o.badSum {
		sum ^= 0x1234
	}
	binary.BigEndian.PutUint16(u[6:], sum)
	return u
}

// udpdnsFrame wraps a UDP datagram in IPv4 or IPv6 and Ethernet.
func udpdnsFrame(v6 bool, sport, dport uint16, payload []byte, o udpdnsUDPOpts) []byte {
	u := udpdnsUDP(v6, sport, dport, payload, o)
	if v6 {
		nh := byte(17)
		if o.v6Prefix != nil {
			nh = o.v6NH
			u = append(append([]byte{}, o.v6Prefix...), u...)
		}
		h := []byte{0x60, 0, 0, 0, 0, 0, nh, 64}
		binary.BigEndian.PutUint16(h[4:], uint16(len(u)))
		h = append(append(append(h, udpdnsSrc6...), udpdnsDst6...), u...)
		return append(ether(macB, macA, 0x86dd), h...)
	}
	h := []byte{0x45, 0, 0, 0, 0, 1, 0, 0, 64, 17, 0, 0}
	binary.BigEndian.PutUint16(h[2:], uint16(20+len(u)))
	binary.BigEndian.PutUint16(h[6:], o.fragOff)
	h = append(append(h, udpdnsSrc4...), udpdnsDst4...)
	binary.BigEndian.PutUint16(h[10:], cksum(h))
	return append(ether(macB, macA, 0x0800), append(h, u...)...)
}

func udpdns4(sport, dport uint16, payload []byte) []byte {
	return udpdnsFrame(false, sport, dport, payload, udpdnsUDPOpts{})
}

func udpdns6(sport, dport uint16, payload []byte) []byte {
	return udpdnsFrame(true, sport, dport, payload, udpdnsUDPOpts{})
}

// udpdnsName encodes a dotted name as DNS labels.
func udpdnsName(name string) []byte {
	var b []byte
	for _, l := range strings.Split(strings.Trim(name, "."), ".") {
		if l != "" {
			b = append(b, byte(len(l)))
			b = append(b, l...)
		}
	}
	return append(b, 0)
}

func udpdnsCat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

// udpdnsHdr is a DNS header.
func udpdnsHdr(id, flags uint16, qd, an, ns, ar int) []byte {
	b := make([]byte, 12)
	for i, v := range []uint16{id, flags, uint16(qd), uint16(an), uint16(ns), uint16(ar)} {
		binary.BigEndian.PutUint16(b[2*i:], v)
	}
	return b
}

// udpdnsQ is a question; name is raw label bytes.
func udpdnsQ(name []byte, typ, class uint16) []byte {
	b := append([]byte{}, name...)
	b = binary.BigEndian.AppendUint16(b, typ)
	return binary.BigEndian.AppendUint16(b, class)
}

// udpdnsRR is a resource record; name is raw label bytes.
func udpdnsRR(name []byte, typ, class uint16, ttl uint32, rdata []byte) []byte {
	b := append([]byte{}, name...)
	b = binary.BigEndian.AppendUint16(b, typ)
	b = binary.BigEndian.AppendUint16(b, class)
	b = binary.BigEndian.AppendUint32(b, ttl)
	b = binary.BigEndian.AppendUint16(b, uint16(len(rdata)))
	return append(b, rdata...)
}

// udpdnsOPT is an EDNS OPT record.
func udpdnsOPT(size uint16, ext byte, flags uint16, opts ...[]byte) []byte {
	rd := udpdnsCat(opts...)
	b := []byte{0, 0, 41}
	b = binary.BigEndian.AppendUint16(b, size)
	b = append(b, ext, 0)
	b = binary.BigEndian.AppendUint16(b, flags)
	b = binary.BigEndian.AppendUint16(b, uint16(len(rd)))
	return append(b, rd...)
}

// udpdnsEOpt is one EDNS option.
func udpdnsEOpt(code uint16, data []byte) []byte {
	b := binary.BigEndian.AppendUint16(nil, code)
	b = binary.BigEndian.AppendUint16(b, uint16(len(data)))
	return append(b, data...)
}

func udpdnsU32s(v ...uint32) []byte {
	var b []byte
	for _, x := range v {
		b = binary.BigEndian.AppendUint32(b, x)
	}
	return b
}

func udpdnsSeq(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i + 1)
	}
	return b
}

func udpdnsPackets(frames [][]byte) []packet {
	pk := make([]packet, len(frames))
	for i, f := range frames {
		pk[i] = packet{sec: 1700000000 + uint32(i), frac: uint32(i) * 1000, data: f}
	}
	return pk
}

// udpdnsRecords returns resource records of each type tcpdump decodes,
// with some malformed variants.
func udpdnsRecords() [][]byte {
	a := udpdnsName("a.example")
	ptr := []byte{0xc0, 0x0c}
	return [][]byte{
		udpdnsRR(ptr, 1, 1, 300, []byte{192, 0, 2, 1}),
		udpdnsRR(ptr, 28, 1, 86400, []byte{0x20, 0x01, 0x0d, 0xb8, 14: 0xbe, 15: 0xef}),
		udpdnsRR(ptr, 5, 1, 60, udpdnsName("cname.example")),
		udpdnsRR(ptr, 12, 1, 60, udpdnsCat([]byte{4, 'h', 'o', 's', 't'}, ptr)),
		udpdnsRR(ptr, 2, 1, 60, udpdnsName("ns1.example")),
		udpdnsRR(ptr, 39, 1, 60, udpdnsName("dname.example")),
		udpdnsRR(ptr, 15, 1, 60, udpdnsCat([]byte{0, 10}, udpdnsName("mx.example"))),
		udpdnsRR(ptr, 16, 1, 0, []byte("\x05hello\x04a\"b\\\x00\x03\x80\x7f\x01")),
		udpdnsRR(ptr, 6, 1, 3600, udpdnsCat(udpdnsName("ns.example"), udpdnsName("root.example"), udpdnsU32s(2024010101, 7200, 3600, 1209600, 300))),
		udpdnsRR(ptr, 33, 1, 60, udpdnsCat([]byte{0, 10, 0, 20, 0x13, 0xc4}, udpdnsName("sip.example"))),
		udpdnsRR(ptr, 38, 1, 60, udpdnsCat([]byte{64}, make([]byte, 8), udpdnsName("pfx.example"))),
		udpdnsRR(ptr, 38, 1, 60, udpdnsCat([]byte{0}, udpdnsSeq(16))),
		udpdnsRR(ptr, 38, 1, 60, []byte{129}),
		udpdnsRR(ptr, 256, 1, 60, []byte("\x00\x01\x00\x02https://example/")),
		udpdnsRR(ptr, 104, 1, 60, []byte("unspec\x01")),
		udpdnsRR(ptr, 250, 255, 0, udpdnsCat(udpdnsName("key.example"), make([]byte, 6), []byte{1, 44, 0, 4, 1, 2, 3, 4, 0x12, 0x34, 0, 0, 0, 0})),
		udpdnsRR(ptr, 43, 1, 60, udpdnsCat([]byte{0x12, 0x34, 8, 2}, make([]byte, 32))),
		udpdnsRR(ptr, 46, 1, 60, make([]byte, 24)),
		udpdnsRR(ptr, 48, 1, 60, []byte{1, 1, 3, 8, 1, 2, 3, 4}),
		udpdnsRR(ptr, 50, 1, 60, []byte{1, 0, 0, 10}),
		udpdnsRR(a, 1, 3, 60, []byte{1, 2, 3, 4}),
		udpdnsRR(a, 1, 1234, 4000000000, []byte{1, 2, 3, 4}),
		udpdnsRR(a, 999, 1, 694861, []byte("xyz")),
		udpdnsRR(a, 1, 1, 1, []byte{1, 2}),
	}
}

func udpdnsMessages() [][]byte {
	q := udpdnsQ(udpdnsName("www.example.com"), 1, 1)
	var f [][]byte
	f = append(f,
		udpdns4(40000, 53, udpdnsCat(udpdnsHdr(0x1234, 0x0100, 1, 0, 0, 0), q)),
		udpdns4(40000, 53, udpdnsCat(udpdnsHdr(0x1235, 0x0130, 1, 0, 0, 1), q, udpdnsOPT(4096, 0, 0x8000, udpdnsEOpt(10, udpdnsSeq(8))))),
		udpdns6(40000, 53, udpdnsCat(udpdnsHdr(0x1236, 0x0100, 1, 0, 0, 0), udpdnsQ(udpdnsName("example.net"), 28, 1))),
	)
	// Every record type, as the answer of a response.
	for i, rr := range udpdnsRecords() {
		f = append(f, udpdns4(53, 40000, udpdnsCat(udpdnsHdr(uint16(100+i), 0x8580, 1, 1, 0, 0), q, rr)))
	}
	// Opcodes, response codes and flags; extended rcode via OPT.
	for op := uint16(0); op < 16; op += 3 {
		f = append(f,
			udpdns4(40000, 53, udpdnsCat(udpdnsHdr(op, op<<11|0x0110, 1, 0, 0, 0), q)),
			udpdns4(53, 40000, udpdnsCat(udpdnsHdr(op, 0x8000|op<<11|0x0620|op, 1, 0, 0, 0), q)))
	}
	for _, ext := range []byte{0, 1, 3} {
		f = append(f, udpdns4(53, 40000, udpdnsCat(udpdnsHdr(7, 0x8187, 1, 0, 0, 1), q, udpdnsOPT(1232, ext, 0))))
	}
	// Unusual counts, IQUERY, and all sections in a query.
	f = append(f,
		udpdns4(40000, 53, udpdnsCat(udpdnsHdr(8, 0x0900, 0, 1, 0, 0), udpdnsRR(udpdnsName("c"), 1, 1, 1, []byte{1, 2, 3, 4}))),
		udpdns4(40000, 53, udpdnsCat(udpdnsHdr(9, 0x0100, 2, 1, 1, 1), q, udpdnsQ([]byte{1, 'b', 0xc0, 0x0c}, 33, 1),
			udpdnsRR(udpdnsName("c"), 1, 1, 60, []byte{1, 2, 3, 4}), udpdnsRR(udpdnsName("d"), 2, 1, 60, udpdnsName("ns.d")), udpdnsOPT(512, 0, 0))),
		udpdns4(53, 40000, udpdnsCat(udpdnsHdr(10, 0x8180, 3, 0, 0, 0), q, q, q)),
		udpdns4(53, 40000, udpdnsCat(udpdnsHdr(11, 0x8180, 2, 0, 0, 0), q)),
		udpdns4(40000, 53, udpdnsHdr(12, 0x0100, 0, 0, 0, 0)),
	)
	// EDNS options.
	opts := [][]byte{
		udpdnsEOpt(10, udpdnsSeq(24)), udpdnsEOpt(10, udpdnsSeq(7)), udpdnsEOpt(10, udpdnsSeq(12)),
		udpdnsEOpt(8, []byte{0, 1, 24, 0, 192, 168, 1}), udpdnsEOpt(8, []byte{0, 2, 56, 0, 0x20, 1, 0x0d, 0xb8, 0, 0, 0}),
		udpdnsEOpt(8, []byte{0, 1, 24, 0, 192, 168}), udpdnsEOpt(8, []byte{0, 3, 0, 0}), udpdnsEOpt(8, []byte{0, 1}),
		udpdnsEOpt(11, []byte{0, 150}), udpdnsEOpt(11, []byte{0}), udpdnsEOpt(9, []byte{0, 0, 14, 16}), udpdnsEOpt(9, nil),
		udpdnsEOpt(12, make([]byte, 5)), udpdnsEOpt(14, []byte{0x4f, 0x66, 0, 1}), udpdnsEOpt(14, []byte{1}),
		udpdnsEOpt(3, []byte("ns1")), udpdnsEOpt(5, []byte{0, 3, 4, 8, 13, 15, 253}), udpdnsEOpt(6, []byte{1, 2, 3, 4, 5}),
		udpdnsEOpt(7, []byte{0, 1, 2}), udpdnsEOpt(13, []byte{0xc0, 0x00}), udpdnsEOpt(13, []byte{1, 'x', 0}),
		udpdnsEOpt(16, []byte{1, 2}), udpdnsEOpt(20, []byte{0xff}),
	}
	for i, o := range opts {
		f = append(f, udpdns4(40000, 53, udpdnsCat(udpdnsHdr(uint16(300+i), 0x0120, 1, 0, 0, 1), q, udpdnsOPT(4096, 0, 0, o))))
	}
	f = append(f,
		udpdns4(40000, 53, udpdnsCat(udpdnsHdr(400, 0x0120, 1, 0, 0, 1), q, udpdnsOPT(4096, 0, 0x8000, opts[0], opts[3], opts[8]))),
		udpdns4(40000, 53, udpdnsCat(udpdnsHdr(401, 0x0120, 1, 0, 0, 1), q, udpdnsOPT(4096, 0, 0, []byte{0, 10, 0, 32, 1}))))
	return f
}

func udpdnsNames() [][]byte {
	long := func(n int, c byte) []byte { return append([]byte{byte(n)}, []byte(strings.Repeat(string(c), n))...) }
	names := [][]byte{
		{0xc0, 0x0c}, {0xc0, 0x0b}, {1, 'a', 0xc0, 0x0c}, {1, 'a', 0xc0, 0x0e},
		{0x41, 0}, {0x41, 8, 0xff, 0}, {0x41, 3, 0xe0, 0}, {0x41, 12, 0xab, 0xcd, 0}, {0x41, 5, 0x90, 0},
		{0x42, 0}, {0x80, 0}, {1, 'a', 0x80, 0},
		udpdnsCat(long(63, 'a'), long(63, 'b'), long(63, 'c'), long(62, 'd'), []byte{0}),
		udpdnsCat(long(63, 'a'), long(63, 'b'), long(63, 'c'), long(63, 'd'), []byte{0}),
		udpdnsCat(long(63, 'a'), long(63, 'b'), long(63, 'c'), long(63, 'd'), long(63, 'e'), []byte{0}),
		{5, 'a', 0, 1, 0x7f, 0xff, 0}, {4, 'a', '.', 'b', '\\', 0},
	}
	var f [][]byte
	for i, n := range names {
		qq := udpdnsQ(n, 1, 1)
		f = append(f,
			udpdns4(40000, 53, udpdnsCat(udpdnsHdr(uint16(i), 0x0100, 1, 0, 0, 0), qq)),
			udpdns4(53, 40000, udpdnsCat(udpdnsHdr(uint16(i), 0x8180, 1, 1, 0, 0), qq, udpdnsRR(n, 1, 1, 5, []byte{1, 2, 3, 4}))))
	}
	// A pointer to itself, and a pair of pointers to each other.
	m := udpdnsCat(udpdnsHdr(77, 0x8180, 1, 1, 0, 0), udpdnsQ(udpdnsName("a.b"), 1, 1))
	at := byte(len(m))
	m = udpdnsCat(m, []byte{0xc0, at}, []byte{0, 5, 0, 1, 0, 0, 0, 60, 0, 2, 0xc0, at + 12})
	f = append(f, udpdns4(53, 40000, m))
	// mDNS: unicast-response and cache-flush bits.
	for _, cls := range []uint16{1, 0x8001, 3, 0x80ff} {
		f = append(f,
			udpdns4(5353, 5353, udpdnsCat(udpdnsHdr(0, 0, 1, 0, 0, 0), udpdnsQ(udpdnsName("_http._tcp.local"), 12, cls))),
			udpdns4(5353, 5353, udpdnsCat(udpdnsHdr(0, 0x8400, 0, 1, 0, 0), udpdnsRR(udpdnsName("x.local"), 1, cls, 120, []byte{169, 254, 1, 2}))))
	}
	f = append(f,
		udpdns6(5353, 5353, udpdnsCat(udpdnsHdr(0, 0x8400, 1, 1, 0, 1), udpdnsQ(udpdnsName("a.local"), 1, 0x8001),
			udpdnsRR(udpdnsName("x.local"), 28, 0x8001, 120, make([]byte, 16)), udpdnsOPT(1440, 0, 0x8000))),
		udpdns4(5355, 5355, udpdnsCat(udpdnsHdr(0, 0, 1, 0, 0, 0), udpdnsQ(udpdnsName("host"), 1, 1))))
	// Messages shorter than a DNS header.
	for _, n := range []int{0, 5, 11} {
		f = append(f, udpdns4(40000, 53, udpdnsHdr(1, 0x0100, 1, 0, 0, 0)[:n]))
	}
	return f
}

// udpdnsTrunc cuts one response at a selection of capture lengths.
func udpdnsTrunc() []packet {
	m := udpdnsCat(udpdnsHdr(0x1234, 0x8180, 1, 3, 1, 2), udpdnsQ(udpdnsName("www.example.com"), 1, 1),
		udpdnsRR([]byte{0xc0, 0x0c}, 5, 1, 60, udpdnsCat([]byte{3, 'w', 'e', 'b'}, []byte{0xc0, 0x10})),
		udpdnsRR([]byte{0xc0, 0x2d}, 1, 1, 60, []byte{1, 2, 3, 4}),
		udpdnsRR([]byte{0xc0, 0x2d}, 16, 1, 60, []byte("\x03abc\x02de")),
		udpdnsRR([]byte{0xc0, 0x10}, 6, 1, 60, udpdnsCat([]byte{2, 'n', 's', 0xc0, 0x10, 4, 'h', 'o', 's', 't', 0xc0, 0x10}, udpdnsU32s(1, 2, 3, 4, 5))),
		udpdnsRR(udpdnsName("x"), 28, 1, 60, make([]byte, 16)),
		udpdnsOPT(4096, 1, 0x8000, udpdnsEOpt(10, udpdnsSeq(24))))
	var pk []packet
	for _, v6 := range []bool{false, true} {
		full := udpdnsFrame(v6, 53, 40000, m, udpdnsUDPOpts{})
		start := 14 + 20
		if v6 {
			start = 14 + 40
		}
		for cut := start + 1; cut <= len(full); cut += 8 {
			pk = append(pk, packet{sec: 1700000000 + uint32(len(pk)), data: full[:cut], origLen: len(full)})
		}
	}
	return pk
}

func udpdnsUDPFrames() []packet {
	dq := udpdnsCat(udpdnsHdr(1, 0x0100, 1, 0, 0, 0), udpdnsQ(udpdnsName("a"), 1, 1))
	var f [][]byte
	for _, ports := range [][2]uint16{{40000, 53}, {40000, 9999}, {5353, 40000}} {
		for _, v6 := range []bool{false, true} {
			sp, dp := ports[0], ports[1]
			for _, o := range []udpdnsUDPOpts{
				{}, {badSum: true}, {noSum: true}, {ulen: 8 + len(dq) - 3}, {ulen: 8 + len(dq) + 5},
				{zeroLen: true}, {ulen: 7},
			} {
				f = append(f, udpdnsFrame(v6, sp, dp, dq, o))
			}
			f = append(f, udpdnsFrame(v6, sp, dp, nil, udpdnsUDPOpts{}))
		}
	}
	f = append(f,
		udpdnsFrame(false, 40000, 53, dq, udpdnsUDPOpts{fragOff: 0x2000}),
		udpdnsFrame(false, 40000, 9999, dq, udpdnsUDPOpts{fragOff: 0x2000, ulen: 200}),
		udpdnsFrame(true, 40000, 53, dq, udpdnsUDPOpts{v6NH: 0, v6Prefix: []byte{17, 0, 1, 4, 0, 0, 0, 0}}),
		udpdnsFrame(true, 40000, 53, dq, udpdnsUDPOpts{v6NH: 44, v6Prefix: []byte{17, 0, 0, 1, 0, 0, 0, 1}}),
	)
	pk := udpdnsPackets(f)
	// Captures cut inside the UDP header, and IP lengths shorter than it.
	full := udpdns4(40000, 53, dq)
	for cut := 34; cut < 42; cut += 2 {
		pk = append(pk, packet{sec: 1700001000 + uint32(cut), data: full[:cut], origLen: len(full)})
	}
	for _, n := range []int{0, 3, 4, 7} {
		u := udpdnsUDP(false, 40000, 53, dq, udpdnsUDPOpts{})[:n]
		h := []byte{0x45, 0, 0, byte(20 + n), 0, 1, 0, 0, 64, 17, 0, 0}
		h = append(append(h, udpdnsSrc4...), udpdnsDst4...)
		binary.BigEndian.PutUint16(h[10:], cksum(h))
		pk = append(pk, packet{sec: 1700002000 + uint32(n), data: append(ether(macB, macA, 0x0800), append(h, u...)...)})
	}
	return pk
}

func init() {
	register(fixture{name: "udpdns-dns.pcap", linkType: 1, packets: func() []packet { return udpdnsPackets(udpdnsMessages()) }})
	register(fixture{name: "udpdns-names.pcap", linkType: 1, packets: func() []packet { return udpdnsPackets(udpdnsNames()) }})
	register(fixture{name: "udpdns-trunc.pcap", linkType: 1, packets: udpdnsTrunc})
	register(fixture{name: "udpdns-udp.pcap", linkType: 1, packets: udpdnsUDPFrames})
}
