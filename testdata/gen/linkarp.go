package main

import (
	"encoding/binary"
	"encoding/hex"
	"strings"
)

// Link layers (Ethernet/VLAN/MACsec, 802.2 LLC, SNAP and STP, Linux cooked
// v1/v2, BSD loopback, raw IP, an unsupported link type), ARP/RARP and
// ICMP: the printers of report/tcpdump's ether.go, llc.go, sll.go, link.go,
// arp.go and icmp.go.

// linkarpHex decodes hex with spaces for readability.
func linkarpHex(s string) []byte {
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	if err != nil {
		panic(err)
	}
	return b
}

func linkarpCat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

// linkarpPackets numbers frames one second apart; a frame with a
// non-zero entry in orig claims that original length.
func linkarpPackets(frames [][]byte, orig map[int]int) []packet {
	pk := make([]packet, len(frames))
	for i, f := range frames {
		pk[i] = packet{sec: 1700000000 + uint32(i), frac: uint32(i) * 1000, data: f, origLen: orig[i]}
	}
	return pk
}

var (
	linkarpIPA = []byte{192, 168, 0, 1}
	linkarpIPB = []byte{192, 168, 0, 2}
	linkarpIPC = []byte{8, 8, 8, 8}
)

// linkarpIP builds an IPv4 header with a correct checksum around payload.
func linkarpIP(proto byte, src, dst []byte, payload []byte) []byte {
	h := make([]byte, 20)
	h[0] = 0x45
	binary.BigEndian.PutUint16(h[2:], uint16(20+len(payload)))
	binary.BigEndian.PutUint16(h[4:], 1)
	h[8] = 64
	h[9] = proto
	copy(h[12:], src)
	copy(h[16:], dst)
	binary.BigEndian.PutUint16(h[10:], cksum(h))
	return append(h, payload...)
}

// linkarpICMP builds an ICMP message; bad gives it a wrong checksum.
func linkarpICMP(typ, code byte, rest []byte, data []byte, bad bool) []byte {
	m := linkarpCat([]byte{typ, code, 0, 0}, rest, data)
	if bad {
		binary.BigEndian.PutUint16(m[2:], 0x1234)
	} else {
		binary.BigEndian.PutUint16(m[2:], cksum(m))
	}
	return m
}

func linkarpEthIP(payload []byte) []byte {
	return append(ether(macB, macA, 0x0800), payload...)
}

func linkarpARPFrames() [][]byte {
	e := ether(bcast, macA, 0x0806)
	hdr := linkarpHex("0001 0800 06 04")
	sa := linkarpCat(macA, []byte{10, 0, 0, 1})
	req := func(op string, tha []byte) []byte {
		return linkarpCat(e, hdr, linkarpHex(op), sa, tha, []byte{10, 0, 0, 2})
	}
	atm := linkarpHex("0013 0800")
	return [][]byte{
		req("0001", make([]byte, 6)),
		req("0001", macB),
		req("0002", macB),
		req("0003", macB),
		req("0004", macB),
		req("0008", macB),
		req("0009", macB),
		req("000a", macB),
		req("0005", macB),
		linkarpCat(ether(bcast, macA, 0x8035), hdr, linkarpHex("0003"), sa, macB, make([]byte, 4)),
		linkarpCat(e, linkarpHex("0001 86dd 06 04 0001"), sa, macB, []byte{10, 0, 0, 2}),
		linkarpCat(e, linkarpHex("0001 0800 06 03 0001"), sa, macB, []byte{10, 0, 0, 2}),
		linkarpCat(e, linkarpHex("0001 0800 00 04 0001 0a000001 0a000002")),
		linkarpCat(e, linkarpHex("0006 0800 06 04 0002"), sa, macB, []byte{10, 0, 0, 2}),
		linkarpCat(e, linkarpHex("1234 0800 06 04 0001"), sa, macB, []byte{10, 0, 0, 2}),
		linkarpCat(e, linkarpHex("0001 1000 06 04 0001"), sa, macB, []byte{10, 0, 0, 2}),
		linkarpCat(e, linkarpHex("0001 0800 03 04 0001 010203 0a000001 040506 0a000002")),
		// Frame Relay DLCIs of each Q.922 address length, and bad ones.
		linkarpCat(e, linkarpHex("000f 0800 02 04 0001 1861 0a000001 1871 0a000002")),
		linkarpCat(e, linkarpHex("000f 0800 03 04 0001 186001 0a000001 186001 0a000002")),
		linkarpCat(e, linkarpHex("000f 0800 04 04 0001 18600002 0a000001 18600003 0a000002")),
		linkarpCat(e, linkarpHex("000f 0800 02 04 0001 1860 0a000001 1860 0a000002")),
		linkarpCat(e, linkarpHex("000f 0800 01 04 0001 19 0a000001 19 0a000002")),
		linkarpCat(e, linkarpHex("000f 0800 02 04 0002 1861 0a000001 1871 0a000002")),
		// ATM ARP (RFC 2225).
		linkarpCat(e, atm, linkarpHex("06 00 0001 04 06 00 04 020000000001 0a000001 020000000002 0a000002")),
		linkarpCat(e, atm, linkarpHex("06 00 0001 04 00 00 04 020000000001 0a000001 0a000002")),
		linkarpCat(e, atm, linkarpHex("46 02 0001 04 05 43 04 020000000001 0102 0a000001 0102030405 010203 0a000002")),
		linkarpCat(e, atm, linkarpHex("00 00 0002 04 06 00 04 0a000001 020000000002 0a000002")),
		linkarpCat(e, atm, linkarpHex("06 00 0008 04 06 00 04 020000000001 0a000001 020000000002 0a000002")),
		linkarpCat(e, atm, linkarpHex("06 00 0009 04 06 00 04 020000000001 0a000001 020000000002 0a000002")),
		linkarpCat(e, atm, linkarpHex("06 00 000a 04 06 00 04 020000000001 0a000001 020000000002 0a000002")),
		linkarpCat(e, atm, linkarpHex("06 00 0003 04 06 00 04 020000000001 0a000001 020000000002 0a000002")),
		linkarpCat(e, linkarpHex("0013 86dd 06 00 0001 03 06 00 05 020000000001 0a0001 020000000002 0a00000200")),
		linkarpCat(e, atm, linkarpHex("06 00 0001 04 06")),
		// Truncated, and Ethernet padding after the ARP body.
		req("0001", macB)[:38],
		linkarpCat(e, hdr[:5]),
		linkarpCat(req("0001", make([]byte, 6)), make([]byte, 18)),
	}
}

// linkarpLLC wraps an 802.2 payload in an 802.3 frame.
func linkarpLLC(dst []byte, payload string) []byte {
	p := linkarpHex(payload)
	return linkarpCat(dst, macA, []byte{byte(len(p) >> 8), byte(len(p))}, p)
}

func linkarpLLCFrames() [][]byte {
	stpDst := linkarpHex("0180c2000000")
	cfg := "0000 00 00 01 8000020000000001 00000004 8000020000000002 8001 0100 1400 0200 0f00"
	rstp := "0000 02 02 3c 8000020000000001 00000004 8000020000000002 8001 0100 1400 0200 0f00 00"
	mst := "0000 03 02 7c 8000020000000001 00000004 8000020000000002 8001 0100 1400 0200 0f00 00 0050 00" +
		"6d73740a8041" + strings.Repeat("00", 26) + "0001" + "00112233445566778899aabbccddeeff" +
		"00000000" + "8000020000000003" + "14" + "7c 8001020000000004 00000010 80 80 14"
	spbTail := "0057 00" + "737062" + strings.Repeat("00", 29) + "0002" + "ffeeddccbbaa99887766554433221100" +
		"d4 00 21 43 0005" + "0000000000000000" + "0102030405060708090a0b0c0d0e0f1011121314"
	spb := "0000 04 02 7c 8000020000000001 00000004 8000020000000002 8001 0100 1400 0200 0f00 00 0040 00" +
		"6d7374" + strings.Repeat("00", 29) + "0001" + "00112233445566778899aabbccddeeff" +
		"00000000" + "8000020000000003" + "14" + spbTail
	return [][]byte{
		linkarpLLC(stpDst, "42 42 03 "+cfg),
		linkarpLLC(stpDst, "42 42 03 "+rstp),
		linkarpLLC(stpDst, "42 42 03 "+mst),
		linkarpLLC(stpDst, "42 42 03 "+spb),
		linkarpLLC(stpDst, "42 42 03 0000 00 80"),
		linkarpLLC(stpDst, "42 42 03 0000 05 00 00"),
		linkarpLLC(stpDst, "42 42 03 0001 00 00 00"),
		linkarpLLC(stpDst, "42 42 03 0000 00 00 00"),
		linkarpLLC(stpDst, "42 42 03 00"),
		linkarpLLC(stpDst, "42 42 03 0000 02 07 00"),
		linkarpLLC(stpDst, "42 42 03 0000 03 02 00 00"),
		linkarpLLC(stpDst, "42 42 03 "+cfg[:40]),
		linkarpLLC(macB, "12 12 03 0011223344"),
		linkarpLLC(macB, "12 13 13 0011223344"),
		linkarpLLC(macB, "12 34 f3 0011223344"),
		linkarpLLC(macB, "13 35 63 00"),
		linkarpLLC(macB, "f0 f1 0400 0011223344"),
		linkarpLLC(macB, "e0 e1 0501 0011223344"),
		linkarpLLC(macB, "e0 e1 0d01 0011223344"),
		linkarpLLC(macB, "04 05 af 81 01 02 0011"),
		linkarpLLC(macB, "04 05 bf 81 01"),
		linkarpLLC(macB, "04 05 af"),
		linkarpLLC(macB, "04 05 af 77 01 02"),
		linkarpLLC(macB, "aa aa 03 000000 88b5 0011223344"),
		linkarpLLC(macB, "aa aa 03 00000c 1234 0011223344"),
		linkarpLLC(macB, "aa aa 03 123456 1234 0011223344"),
		linkarpLLC(macB, "aa aa 03 0000f8 0806 0001 0800 0604 0001 020000000001 0a000001 000000000000 0a000002"),
		linkarpLLC(macB, "aa aa 03 000000 0806 0001 0800 0604 0002 020000000001 0a000001 000000000000 0a000002"),
		linkarpLLC(stpDst, "aa aa 03 0080c2 000e "+cfg),
		linkarpLLC(stpDst, "aa aa 03 00000c 010b "+cfg),
		linkarpLLC(macB, "aa aa 03 0080c2 0007 0000 "+hex.EncodeToString(ether(bcast, macA, 0x88b5))+"00112233"),
		linkarpLLC(macB, "aa aa 03 0000"),
		linkarpLLC(macB, "aa"),
		linkarpLLC(macB, "aa aa"),
		linkarpLLC(macB, "42 43 0600"),
		// An 802.3 length shorter than the frame (padding), and longer.
		append(linkarpLLC(macB, "12 12 03 00"), make([]byte, 20)...),
		linkarpCat(macB, macA, []byte{0x01, 0x00}, linkarpHex("12 12 03 0011")),
	}
}

func linkarpVLANFrames() [][]byte {
	arp := linkarpHex("0001 0800 06 04 0001 020000000001 0a000001 000000000000 0a000002")
	tag := func(tpid uint16, tci uint16) []byte {
		return []byte{byte(tpid >> 8), byte(tpid), byte(tci >> 8), byte(tci)}
	}
	eh := linkarpCat(bcast, macA)
	return [][]byte{
		linkarpCat(eh, tag(0x8100, 100), []byte{0x08, 0x06}, arp),
		linkarpCat(eh, tag(0x88a8, 0x3000|200), tag(0x8100, 0xe000|2001), []byte{0x08, 0x06}, arp),
		linkarpCat(eh, tag(0x9100, 0x1005), tag(0x9200, 7), []byte{0x08, 0x06}, arp),
		linkarpCat(eh, tag(0x8100, 100), []byte{0x88, 0xb5}, linkarpHex("00112233")),
		linkarpCat(eh, tag(0x8100, 100), []byte{0x00, 0x05}, linkarpHex("1212030011")),
		linkarpCat(eh, tag(0x8100, 100), []byte{0x08}),
		linkarpCat(eh, []byte{0x81, 0x00, 0x00}),
		linkarpCat(eh, []byte{0x88, 0xb5}, linkarpHex("0011223344556677 8899aabbccddeeff 0011")),
		linkarpCat(eh, []byte{0x88, 0x70}, linkarpHex("12 12 03 0011")),
		linkarpCat(eh, []byte{0x88}),
		eh[:10],
		// MACsec: unencrypted with SCI and short length, encrypted,
		// bad version, truncated.
		linkarpCat(eh, []byte{0x88, 0xe5}, linkarpHex("20 08 00000042 0200000000010001"), []byte{0x08, 0x06}, arp[:6], make([]byte, 16)),
		linkarpCat(eh, []byte{0x88, 0xe5}, linkarpHex("2c 00 00000043 0200000000010001"), linkarpHex("deadbeef"), make([]byte, 16)),
		linkarpCat(eh, []byte{0x88, 0xe5}, linkarpHex("00 00 00000044"), []byte{0x08, 0x06}, arp, make([]byte, 16)),
		linkarpCat(eh, []byte{0x88, 0xe5}, linkarpHex("80 00 00000045"), arp),
		linkarpCat(eh, []byte{0x88, 0xe5}, linkarpHex("20 00 0000")),
		linkarpCat(eh, []byte{0x88, 0xe5}, linkarpHex("00 00 00000046 0806"), arp[:4]),
	}
}

func linkarpICMPFrames() [][]byte {
	udp := linkarpHex("04d2 0035 0010 0000 6162636465666768")
	tcp := linkarpHex("04d2 0050 00000001 00000000 5002 03e8 0000 0000")
	innerUDP := linkarpIP(17, linkarpIPB, linkarpIPC, udp)
	innerTCP := linkarpIP(6, linkarpIPB, linkarpIPC, tcp)
	innerGRE := linkarpIP(99, linkarpIPB, linkarpIPC, make([]byte, 8))
	ip := func(m []byte) []byte { return linkarpEthIP(linkarpIP(1, linkarpIPA, linkarpIPB, m)) }
	be := func(v ...uint16) []byte {
		var b []byte
		for _, x := range v {
			b = binary.BigEndian.AppendUint16(b, x)
		}
		return b
	}
	var f [][]byte
	f = append(f,
		ip(linkarpICMP(8, 0, be(1, 1), []byte(strings.Repeat("x", 56)), false)),
		ip(linkarpICMP(0, 0, be(1, 1), []byte(strings.Repeat("x", 56)), false)),
		ip(linkarpICMP(8, 0, be(0x1234, 7), []byte("abcdefgh"), true)),
	)
	for code := byte(0); code <= 16; code++ {
		inner := innerUDP
		if code == 3 {
			inner = innerTCP
		}
		mtu := uint16(0)
		if code == 4 {
			mtu = 1400
		}
		f = append(f, ip(linkarpICMP(3, code, be(0, mtu), inner, false)))
	}
	f = append(f,
		ip(linkarpICMP(3, 3, be(0, 0), innerUDP, false)),
		ip(linkarpICMP(3, 3, be(0, 0), innerGRE, false)),
		ip(linkarpICMP(3, 4, be(0, 0), innerUDP, false)),
	)
	for code := byte(0); code <= 4; code++ {
		f = append(f, ip(linkarpICMP(5, code, []byte{10, 0, 0, 1}, innerUDP, false)))
	}
	f = append(f,
		ip(linkarpICMP(11, 0, be(0, 0), innerTCP, false)),
		ip(linkarpICMP(11, 1, be(0, 0), innerUDP, false)),
		ip(linkarpICMP(11, 7, be(0, 0), innerUDP, false)),
		ip(linkarpICMP(12, 0, be(0x1400, 0), innerUDP, false)),
		ip(linkarpICMP(12, 1, be(0, 0), innerUDP, false)),
		ip(linkarpICMP(4, 0, be(0, 0), innerUDP, false)),
		ip(linkarpICMP(13, 0, be(5, 6), linkarpCat(be(0x0038, 0xcefc), make([]byte, 8)), false)),
		ip(linkarpICMP(14, 0, be(5, 6), linkarpCat(be(0x0038, 0xcefc, 0x0526, 0x5bff, 0x05f5, 0xe100)), false)),
		ip(linkarpICMP(15, 0, be(5, 6), nil, false)),
		ip(linkarpICMP(16, 0, be(5, 6), nil, false)),
		ip(linkarpICMP(17, 0, be(5, 6), make([]byte, 4), false)),
		ip(linkarpICMP(18, 0, be(5, 6), []byte{255, 255, 255, 0}, false)),
		ip(linkarpICMP(9, 0, linkarpCat([]byte{2, 2}, be(1800)), linkarpHex("0a000001 00000001 0a000002 ffffffff"), false)),
		ip(linkarpICMP(9, 0, linkarpCat([]byte{1, 2}, be(30)), linkarpHex("0a000001 00000001"), false)),
		ip(linkarpICMP(9, 0, linkarpCat([]byte{1, 2}, be(7200)), linkarpHex("0a000001 00000001"), false)),
		ip(linkarpICMP(9, 0, linkarpCat([]byte{1, 3}, be(7200)), linkarpHex("0a000001 00000001"), false)),
		ip(linkarpICMP(9, 0, linkarpCat([]byte{3, 2}, be(7200)), linkarpHex("0a000001 00000001"), false)),
		ip(linkarpICMP(10, 0, make([]byte, 4), nil, false)),
		ip(linkarpICMP(42, 0, be(1, 0x0100), nil, false)),
		ip(linkarpICMP(43, 0, be(1, 0x0100), nil, false)),
		ip(linkarpICMP(200, 3, make([]byte, 4), nil, false)),
		// Truncated messages: tcpdump's explicit checks and its
		// unwinding reads.
		ip(linkarpICMP(8, 0, be(1), nil, false)),
		ip(linkarpICMP(3, 1, be(0, 0), innerUDP[:12], false)),
		ip(linkarpICMP(3, 2, be(0, 0), innerUDP[:12], false)),
		ip(linkarpICMP(11, 0, be(0, 0), innerUDP[:10], false)),
		ip(linkarpICMP(3, 3, be(0, 0), innerUDP[:21], false)),
		ip(linkarpICMP(3, 3, be(0, 0), innerUDP[:8], false)),
		ip(linkarpICMP(14, 0, be(0, 0), make([]byte, 10), false)),
		ip(linkarpICMP(9, 0, linkarpCat([]byte{3, 2}, be(7200)), linkarpHex("0a000001 00000001"), false)),
		ip(linkarpICMP(12, 0, nil, nil, false)),
		ip(linkarpICMP(0, 0, nil, nil, false)),
		ip(linkarpICMP(3, 0, be(0, 0), innerUDP[:2], false)),
	)
	// A fragment (MF set): no checksum check.
	frag := linkarpIP(1, linkarpIPA, linkarpIPB, linkarpICMP(8, 0, be(1, 1), []byte("0123456789abcdef"), true))
	frag[6] = 0x20
	binary.BigEndian.PutUint16(frag[10:], 0)
	binary.BigEndian.PutUint16(frag[10:], cksum(frag[:20]))
	f = append(f, linkarpEthIP(frag))
	// RFC 4884 extensions: an MPLS label stack, an unknown object, a
	// bad version, a bad checksum, and one found by its checksum alone.
	quoted := linkarpCat(innerUDP, make([]byte, 128))[:128]
	ext := func(version byte, fix bool, objs ...[]byte) []byte {
		e := linkarpCat([]byte{version << 4, 0, 0, 0}, linkarpCat(objs...))
		if fix {
			binary.BigEndian.PutUint16(e[2:], cksum(e))
		} else {
			binary.BigEndian.PutUint16(e[2:], 0x1234)
		}
		return e
	}
	label := linkarpCat(be(8), []byte{1, 1}, be(0x03e8, 0x0b01))
	f = append(f,
		ip(linkarpICMP(11, 0, be(0x0020, 0), linkarpCat(quoted, ext(2, true, label)), false)),
		ip(linkarpICMP(3, 0, be(0, 0), linkarpCat(quoted, ext(2, true, linkarpCat(be(12), []byte{2, 1}, linkarpHex("0102030405060708")))), false)),
		ip(linkarpICMP(3, 1, be(0x0020, 0), linkarpCat(quoted, ext(1, true, label)), false)),
		ip(linkarpICMP(12, 0, be(0x0020, 0), linkarpCat(quoted, ext(2, false, label, linkarpCat(be(4), []byte{1, 2}))), false)),
		ip(linkarpICMP(3, 0, be(0x0020, 0), linkarpCat(quoted, ext(2, true, linkarpCat(be(3), []byte{1, 1}))), false)),
		ip(linkarpICMP(3, 0, be(0, 0), linkarpCat(quoted, ext(2, false, label)), false)),
	)
	return f
}

// linkarpSLL builds a Linux cooked v1 header.
func linkarpSLL(pktType, haType uint16, addr []byte, proto uint16) []byte {
	h := make([]byte, 16)
	binary.BigEndian.PutUint16(h[0:], pktType)
	binary.BigEndian.PutUint16(h[2:], haType)
	binary.BigEndian.PutUint16(h[4:], uint16(len(addr)))
	copy(h[6:14], addr)
	binary.BigEndian.PutUint16(h[14:], proto)
	return h
}

// linkarpSLL2 builds a Linux cooked v2 header.
func linkarpSLL2(proto uint16, ifIndex uint32, haType uint16, pktType byte, addr []byte) []byte {
	h := make([]byte, 20)
	binary.BigEndian.PutUint16(h[0:], proto)
	binary.BigEndian.PutUint32(h[4:], ifIndex)
	binary.BigEndian.PutUint16(h[8:], haType)
	h[10] = pktType
	h[11] = byte(len(addr))
	copy(h[12:20], addr)
	return h
}

func linkarpPing() []byte {
	return linkarpIP(1, linkarpIPA, linkarpIPB, linkarpICMP(8, 0, []byte{0, 9, 0, 1}, []byte("ping"), false))
}

func linkarpSLLFrames() [][]byte {
	ping := linkarpPing()
	arp := linkarpHex("0001 0800 06 04 0001 020000000001 0a000001 000000000000 0a000002")
	return [][]byte{
		linkarpCat(linkarpSLL(0, 1, macA, 0x0800), ping),
		linkarpCat(linkarpSLL(1, 1, macA, 0x0806), arp),
		linkarpCat(linkarpSLL(2, 1, []byte{10, 0, 0, 1}, 0x0800), ping),
		linkarpCat(linkarpSLL(3, 1, macA, 0x88b5), linkarpHex("00112233")),
		linkarpCat(linkarpSLL(4, 1, macA, 0x0004), linkarpHex("424203 0000 0080")),
		linkarpCat(linkarpSLL(4, 1, macA, 0x0004), linkarpHex("121203 0011")),
		linkarpCat(linkarpSLL(7, 1, macA, 0x0003), linkarpHex("00112233")),
		linkarpCat(linkarpSLL(0, 1, macA, 0x8100), linkarpHex("0064 0800"), ping),
		linkarpCat(linkarpSLL(0, 1, macA, 0x8100), linkarpHex("2064 0026 424203 0000 0080")),
		linkarpCat(linkarpSLL(0, 1, macA, 0x8100), linkarpHex("0064 88b5 0011")),
		linkarpCat(linkarpSLL(0, 1, macA, 0x8100), linkarpHex("00")),
		linkarpCat(linkarpSLL(0, 1, macA, 0x0800))[:13],
		linkarpCat(linkarpSLL(4, 772, make([]byte, 6), 0x0800), ping),
		linkarpCat(linkarpSLL(0, 803, macA, 0x0800), linkarpHex("0000 0010")),
	}
}

func linkarpSLL2Frames() [][]byte {
	ping := linkarpPing()
	return [][]byte{
		linkarpCat(linkarpSLL2(0x0800, 1, 1, 0, macA), ping),
		linkarpCat(linkarpSLL2(0x0800, 1, 1, 4, macA), ping),
		linkarpCat(linkarpSLL2(0x88b5, 1, 1, 3, macA), linkarpHex("00112233")),
		linkarpCat(linkarpSLL2(0x0800, 1, 1, 9, []byte{10, 0, 0, 1}), ping),
		linkarpCat(linkarpSLL2(0x0004, 1, 1, 0, macA), linkarpHex("424203 0000 0080")),
		linkarpCat(linkarpSLL2(0x8100, 1, 1, 0, macA), linkarpHex("0064 0800"), ping),
		linkarpCat(linkarpSLL2(0x0800, 4242, 1, 2, macA), ping),
		linkarpSLL2(0x0800, 1, 1, 0, macA)[:14],
		linkarpCat(linkarpSLL2(0x0800, 1, 803, 0, macA), linkarpHex("0000")),
	}
}

func linkarpNullFrames(bigEndian bool) [][]byte {
	ping := linkarpPing()
	var f [][]byte
	for _, af := range []uint32{2, 0x02000000, 24, 28, 30, 10, 6, 99, 0, 0x01020304} {
		h := make([]byte, 4)
		if bigEndian {
			binary.BigEndian.PutUint32(h, af)
		} else {
			binary.LittleEndian.PutUint32(h, af)
		}
		f = append(f, linkarpCat(h, ping))
	}
	return append(f, []byte{2, 0})
}

func linkarpRawFrames() [][]byte {
	ping := linkarpPing()
	return [][]byte{ping, linkarpHex("5500001c"), {0x00}, {0x45}}
}

func init() {
	register(fixture{name: "linkarp-arp.pcap", linkType: 1, packets: func() []packet {
		return linkarpPackets(linkarpARPFrames(), map[int]int{33: 60})
	}})
	register(fixture{name: "linkarp-llc.pcap", linkType: 1, packets: func() []packet {
		return linkarpPackets(linkarpLLCFrames(), nil)
	}})
	register(fixture{name: "linkarp-vlan.pcap", linkType: 1, packets: func() []packet {
		return linkarpPackets(linkarpVLANFrames(), map[int]int{5: 64})
	}})
	register(fixture{name: "linkarp-icmp.pcap", linkType: 1, packets: func() []packet {
		return linkarpPackets(linkarpICMPFrames(), nil)
	}})
	register(fixture{name: "linkarp-sll.pcap", linkType: 113, packets: func() []packet {
		return linkarpPackets(linkarpSLLFrames(), nil)
	}})
	register(fixture{name: "linkarp-sll2.pcap", linkType: 276, packets: func() []packet {
		return linkarpPackets(linkarpSLL2Frames(), nil)
	}})
	register(fixture{name: "linkarp-null.pcap", linkType: 0, packets: func() []packet {
		return linkarpPackets(linkarpNullFrames(false), nil)
	}})
	register(fixture{name: "linkarp-loop.pcap", linkType: 108, big: true, packets: func() []packet {
		return linkarpPackets(linkarpNullFrames(true), nil)
	}})
	for _, lt := range []uint32{12, 101, 228, 229} {
		register(fixture{name: "linkarp-raw" + string(rune('0'+lt/100)) + string(rune('0'+lt/10%10)) + string(rune('0'+lt%10)) + ".pcap", linkType: lt, packets: func() []packet {
			return linkarpPackets(linkarpRawFrames(), nil)
		}})
	}
	register(fixture{name: "linkarp-ppp.pcap", linkType: 9, packets: func() []packet {
		ping := linkarpPing()
		return linkarpPackets([][]byte{
			linkarpCat(linkarpHex("ff03 0021"), ping),
			linkarpCat(linkarpHex("0021"), ping),
			linkarpCat(linkarpHex("21"), ping),
			linkarpCat(linkarpHex("0103 0021"), ping),
			linkarpCat(linkarpHex("0003 0021"), ping),
			linkarpHex("ff03 1234 0011"),
			linkarpHex("ff03 3c11 00112233445566778899aabbccddeeff00"),
			linkarpHex("0021"),
		}, nil)
	}})
	register(fixture{name: "linkarp-unsupported.pcap", linkType: 147, packets: func() []packet {
		return linkarpPackets([][]byte{linkarpHex("00112233"), linkarpHex("00112233445566778899aabbccddeeff0011")}, nil)
	}})
}
