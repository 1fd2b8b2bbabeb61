package main

import "encoding/binary"

// Fixtures for the DHCPv6 printer (dhcp6-*.pcap): the message types with
// their common options, relay messages, malformed options and truncated
// captures.

var (
	dhcp6AllServers = []byte{0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2}
	dhcp6ServerLL   = []byte{0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0x02, 0, 0, 0xff, 0xfe, 0, 0, 0x0b}
	dhcp6Global     = []byte{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10, 0x01}
	dhcp6Prefix     = []byte{0x20, 0x01, 0x0d, 0xb8, 0x12, 0x34, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
)

func dhcp6Opt(code uint16, body ...[]byte) []byte {
	var d []byte
	for _, x := range body {
		d = append(d, x...)
	}
	b := binary.BigEndian.AppendUint16(nil, code)
	b = binary.BigEndian.AppendUint16(b, uint16(len(d)))
	return append(b, d...)
}

func dhcp6U16(v ...uint16) []byte {
	var b []byte
	for _, x := range v {
		b = binary.BigEndian.AppendUint16(b, x)
	}
	return b
}

func dhcp6U32(v ...uint32) []byte {
	var b []byte
	for _, x := range v {
		b = binary.BigEndian.AppendUint32(b, x)
	}
	return b
}

func dhcp6Msg(typ byte, xid uint32, opts ...[]byte) []byte {
	b := []byte{typ, byte(xid >> 16), byte(xid >> 8), byte(xid)}
	for _, o := range opts {
		b = append(b, o...)
	}
	return b
}

func dhcp6Relay(typ, hops byte, link, peer []byte, opts ...[]byte) []byte {
	b := append([]byte{typ, hops}, link...)
	b = append(b, peer...)
	for _, o := range opts {
		b = append(b, o...)
	}
	return b
}

func dhcp6Name(labels ...string) []byte {
	var b []byte
	for _, l := range labels {
		b = append(b, byte(len(l)))
		b = append(b, l...)
	}
	return append(b, 0)
}

// dhcp6Frame returns an Ethernet frame with the DHCPv6 message in UDP.
func dhcp6Frame(fromClient bool, msg []byte) []byte {
	if fromClient {
		return ipv6Pkt(0, 17, 1, ipv6LL, dhcp6AllServers, ipv6UDP(546, 547, ipv6LL, dhcp6AllServers, msg...))
	}
	return ipv6Pkt(0, 17, 64, dhcp6ServerLL, ipv6LL, ipv6UDP(547, 546, dhcp6ServerLL, ipv6LL, msg...))
}

// dhcp6Short lowers the UDP length field of a frame by n, so the IPv6
// payload holds trailing bytes the DHCPv6 message must not use.
func dhcp6Short(f []byte, n int) []byte {
	f = append([]byte{}, f...)
	l := binary.BigEndian.Uint16(f[58:])
	binary.BigEndian.PutUint16(f[58:], l-uint16(n))
	return f
}

func dhcp6Packets() []packet {
	mac := []byte{0x02, 0, 0, 0, 0, 0x0a}
	duidLLT := dhcp6Opt(1, dhcp6U16(1, 1), dhcp6U32(0x2a3b4c5d), mac)
	duidEN := dhcp6Opt(2, dhcp6U16(2), dhcp6U32(9), []byte{1, 2, 3, 4, 5, 6, 7, 8})
	duidLL := dhcp6Opt(2, dhcp6U16(3, 1), mac)
	duidUUID := dhcp6Opt(1, dhcp6U16(4), []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})
	duidOdd := dhcp6Opt(1, dhcp6U16(7), []byte{9})
	duidShort := dhcp6Opt(1, []byte{0})
	duidLLTShort := dhcp6Opt(1, dhcp6U16(1, 1))
	duidENShort := dhcp6Opt(2, dhcp6U16(2, 0))
	duidLLShort := dhcp6Opt(2, dhcp6U16(3))
	oro := dhcp6Opt(6, dhcp6U16(23, 24, 31, 56, 64, 82, 17))
	oroOdd := dhcp6Opt(6, []byte{0, 23, 0})
	elapsed := dhcp6Opt(8, dhcp6U16(0))
	elapsedBad := dhcp6Opt(8, []byte{1})
	rapid := dhcp6Opt(14)
	iaAddr := dhcp6Opt(5, dhcp6Global, dhcp6U32(3600, 7200))
	iaAddrSt := dhcp6Opt(5, dhcp6Global, dhcp6U32(0xffffffff, 0xffffffff), dhcp6Opt(13, dhcp6U16(0), []byte("ok")))
	iaNA := dhcp6Opt(3, dhcp6U32(0x0a0b0c0d, 1800, 2880), iaAddr)
	iaNAEmpty := dhcp6Opt(3, dhcp6U32(1, 0, 0))
	iaTA := dhcp6Opt(4, dhcp6U32(77), iaAddrSt)
	iaPD := dhcp6Opt(25, dhcp6U32(5, 100, 200),
		dhcp6Opt(26, dhcp6U32(4000, 5000), []byte{56}, dhcp6Prefix),
		dhcp6Opt(26, dhcp6U32(1, 2), []byte{48}, dhcp6Prefix, dhcp6Opt(13, dhcp6U16(6))))
	pref := dhcp6Opt(7, []byte{255})
	dns := dhcp6Opt(23, dhcp6Global, dhcp6Prefix)
	domains := dhcp6Opt(24, dhcp6Name("example", "com"), dhcp6Name("lab", "example", "org"))
	status := func(c uint16) []byte { return dhcp6Opt(13, dhcp6U16(c), []byte("msg")) }
	reconf := dhcp6Opt(19, []byte{5})
	reconfInf := dhcp6Opt(19, []byte{11})
	reconfBad := dhcp6Opt(19, []byte{7})
	reconfAcc := dhcp6Opt(20)
	authReconf := dhcp6Opt(11, []byte{3, 1, 0}, dhcp6U32(0, 5), []byte{1}, dhcp6U32(1, 2, 3, 4))
	authDelayed := dhcp6Opt(11, []byte{2, 1, 0}, dhcp6U32(0x01020304, 0x05060708), []byte("realm"), dhcp6U32(0x99, 1, 2, 3, 4))
	authOther := dhcp6Opt(11, []byte{1, 2, 3}, dhcp6U32(0, 1), []byte{0xaa})
	authShort := dhcp6Opt(11, []byte{2, 1, 0, 0})
	unicast := dhcp6Opt(12, dhcp6Global)
	unknown := dhcp6Opt(200, []byte{1, 2, 3})
	sntp := dhcp6Opt(31, dhcp6Global)
	ifid := dhcp6Opt(18, []byte("eth0-port-number-17"))
	remote := dhcp6Opt(37, dhcp6U32(3561), []byte("circuit-abcdefghijkl"))
	subscr := dhcp6Opt(38, []byte("sub"))
	life := dhcp6Opt(32, dhcp6U32(86400))
	ntp := dhcp6Opt(56, dhcp6Opt(1, dhcp6Global), dhcp6Opt(3, dhcp6Name("ntp", "example")), dhcp6Opt(9, []byte{1}))
	aftr := dhcp6Opt(64, dhcp6Name("aftr", "example", "net"))
	tz := dhcp6Opt(41, []byte("EST5EDT"))
	tzdb := dhcp6Opt(42, []byte("Europe/Zurich"))
	mud := dhcp6Opt(112, []byte("https://mud.example/x"))
	uclass := dhcp6Opt(15, dhcp6U16(3), []byte("abc"))
	vclass := dhcp6Opt(16, dhcp6U32(311), dhcp6U16(4), []byte("MSFT"))
	vopts := dhcp6Opt(17, dhcp6U32(4491), dhcp6U16(1, 2), []byte{1, 2})
	lq := dhcp6Opt(44, []byte{1}, dhcp6Global, dhcp6Opt(6, dhcp6U16(5)))
	lqData := dhcp6Opt(45, duidLLT, dhcp6Opt(46, dhcp6U32(600)))
	lqRelay := dhcp6Opt(47, dhcp6Global, []byte{12, 0})
	lqLink := dhcp6Opt(48, dhcp6Global)

	sol := dhcp6Msg(1, 0x1a2b3c, duidLLT, oro, elapsed, iaNA, rapid, reconfAcc)
	adv := dhcp6Msg(2, 0x1a2b3c, iaNA, duidLLT, duidEN, pref, dns, domains, status(0))
	req := dhcp6Msg(3, 0xabcdef, duidLLT, duidEN, oro, elapsed, iaNA, iaPD)
	rep := dhcp6Msg(7, 0xabcdef, iaNA, iaPD, duidLLT, duidLL, dns, domains, sntp, life, ntp, aftr)
	renew := dhcp6Msg(5, 0x000001, duidLLT, duidEN, iaTA, elapsed, authReconf)
	rebind := dhcp6Msg(6, 0xffffff, duidUUID, iaNAEmpty, elapsed)
	release := dhcp6Msg(8, 0x123456, duidLLT, duidEN, iaNA, unicast)
	decline := dhcp6Msg(9, 0x654321, duidLLT, duidEN, iaNA)
	confirm := dhcp6Msg(4, 0x111111, duidLLT, iaNA)
	reconfMsg := dhcp6Msg(10, 0, duidEN, duidLLT, reconf, authDelayed)
	reconfMsg2 := dhcp6Msg(10, 0, reconfInf, reconfBad, authOther, authShort)
	inf := dhcp6Msg(11, 0x424242, duidLLT, oro, elapsed, uclass, vclass, vopts, tz, tzdb, mud)
	lqm := dhcp6Msg(14, 7, lq, duidLLT)
	lqr := dhcp6Msg(15, 7, lqData, lqRelay, lqLink, status(7), status(11), status(300))
	odd := dhcp6Msg(99, 0x010203, unknown, duidOdd, duidShort, duidLLTShort, duidENShort, duidLLShort, oroOdd, elapsedBad,
		dhcp6Opt(7, []byte{1, 2}), dhcp6Opt(5, []byte{1}), dhcp6Opt(3, []byte{1}), dhcp6Opt(4, []byte{1}),
		dhcp6Opt(26, []byte{1}), dhcp6Opt(23, []byte{1}), dhcp6Opt(13, []byte{1}), dhcp6Opt(32, []byte{1}),
		dhcp6Opt(37, []byte{1}), dhcp6Opt(44, []byte{1}), dhcp6Opt(47, []byte{1}), dhcp6Opt(56, []byte{1}),
		dhcp6Opt(64, []byte{1}), dhcp6Opt(41, []byte{1}), dhcp6Opt(19, []byte{1, 2}))
	aftrBad := dhcp6Msg(7, 1, dhcp6Opt(64, []byte{9, 'a', 'b', 0}), dhcp6Opt(64, []byte{2, 'a', 'b', 3, 'c'}))
	relayInner := dhcp6Msg(1, 0x1a2b3c, duidLLT, elapsed, iaNA)
	relayFwd := dhcp6Relay(12, 0, dhcp6Global, ipv6LL, ifid, remote, subscr, dhcp6Opt(9, relayInner))
	relayRep := dhcp6Relay(13, 1, dhcp6Global, ipv6LL, ifid, dhcp6Opt(9, dhcp6Msg(2, 0x1a2b3c, duidEN, iaNA, pref)), unknown)
	relayNest := dhcp6Relay(12, 1, dhcp6Prefix, dhcp6Global,
		dhcp6Opt(9, dhcp6Relay(12, 0, dhcp6Global, ipv6LL, dhcp6Opt(9, relayInner))))
	relayShortInner := dhcp6Relay(13, 0, dhcp6Global, ipv6LL, dhcp6Opt(9, []byte{7, 1}), ifid)
	badLen := dhcp6Msg(7, 5, duidLLT, []byte{0, 23, 0, 40, 1, 2})
	halfOpt := dhcp6Msg(7, 5, duidLLT, []byte{0, 23})
	badName := dhcp6Msg(7, 5, dhcp6Opt(24, []byte{3, 'a', 'b', 'c', 0xc0, 0x10}))
	tiny := []byte{1, 2}
	fwdPtr := dhcp6Msg(7, 6, dhcp6Opt(24, []byte{1, 'x', 0xc0, 0x00}), dhcp6Opt(21, dhcp6Name("sip", "example")),
		dhcp6Opt(24, []byte{1, 'y', 0xc0, 0x02}), dhcp6Opt(24, []byte{0}), dhcp6Opt(24, []byte{1, 'z', 0x80}))
	ntpBad := dhcp6Msg(7, 7, dhcp6Opt(56, dhcp6U16(1, 40), dhcp6Global), dhcp6Opt(56, dhcp6U16(2, 15), dhcp6Global[:15], []byte{0}))
	ntpName := dhcp6Msg(7, 8, dhcp6Opt(56, dhcp6Opt(3, []byte{3, 'n', 't', 'p', 0xc0, 0x00}), dhcp6Opt(2, dhcp6Global)))
	nestOver := dhcp6Relay(12, 0, dhcp6Global, ipv6LL, dhcp6Opt(9, dhcp6Msg(1, 1, []byte{0, 8, 0, 4, 0, 0})), ifid)
	nestRelayCut := dhcp6Relay(12, 0, dhcp6Global, ipv6LL, dhcp6Opt(9, dhcp6Relay(12, 0, dhcp6Global, nil)), dhcp6Opt(18, []byte{1}))
	authInfo := dhcp6Msg(10, 0, dhcp6Opt(11, []byte{2, 0, 1}, dhcp6U32(0, 0), dhcp6U32(5, 1, 2, 3, 4)),
		dhcp6Opt(11, []byte{2, 1, 0}, dhcp6U32(0, 0), []byte{1, 2, 3}),
		dhcp6Opt(11, []byte{3, 1, 0}, dhcp6U32(0, 0), []byte{2}, dhcp6U32(1, 2, 3, 4)),
		dhcp6Opt(11, []byte{3, 1, 0}, dhcp6U32(0, 0), []byte{9}, dhcp6U32(1, 2, 3, 4)),
		dhcp6Opt(11, []byte{3, 1, 0}, dhcp6U32(0, 0), []byte{9}, dhcp6U32(1, 2, 3)))
	strs := dhcp6Msg(11, 9, dhcp6Opt(41, []byte("AB\x00CD\x01\xff")), dhcp6Opt(112, []byte("u\x7frl\x80x")),
		dhcp6Opt(64, []byte{3, 'a', 0x01, 'b', 0}), dhcp6Opt(38, []byte("0123456789abcdef")), dhcp6Opt(43, dhcp6U16(1, 2)))

	frames := [][]byte{
		dhcp6Frame(true, sol), dhcp6Frame(false, adv), dhcp6Frame(true, req), dhcp6Frame(false, rep),
		dhcp6Frame(true, renew), dhcp6Frame(true, rebind), dhcp6Frame(true, release), dhcp6Frame(true, decline),
		dhcp6Frame(true, confirm), dhcp6Frame(false, reconfMsg), dhcp6Frame(false, reconfMsg2), dhcp6Frame(true, inf),
		dhcp6Frame(true, lqm), dhcp6Frame(false, lqr), dhcp6Frame(true, odd), dhcp6Frame(false, aftrBad),
		dhcp6Frame(false, relayFwd), dhcp6Frame(false, relayRep), dhcp6Frame(false, relayNest),
		dhcp6Frame(false, relayShortInner), dhcp6Frame(false, badLen), dhcp6Frame(false, halfOpt),
		dhcp6Frame(false, badName), dhcp6Frame(true, tiny), dhcp6Frame(true, nil),
		dhcp6Frame(false, fwdPtr), dhcp6Frame(false, ntpBad), dhcp6Frame(false, ntpName), dhcp6Frame(false, nestOver),
		dhcp6Frame(false, nestRelayCut), dhcp6Frame(false, authInfo), dhcp6Frame(true, strs),
		dhcp6Short(dhcp6Frame(false, rep), 40), dhcp6Short(dhcp6Frame(true, sol), 3),
	}
	var pk []packet
	for _, f := range frames {
		pk = append(pk, packet{data: f})
	}
	// Captures cut inside the messages.
	for _, f := range [][]byte{dhcp6Frame(false, rep), dhcp6Frame(false, relayFwd)} {
		for cut := 62; cut < len(f); cut += 37 {
			pk = append(pk, packet{data: f[:cut], origLen: len(f)})
		}
	}
	for i := range pk {
		pk[i].sec = 1700000000 + uint32(i)
		pk[i].frac = uint32(i) * 1000
	}
	return pk
}

func init() {
	register(fixture{name: "dhcp6-msgs.pcap", linkType: 1, packets: dhcp6Packets})
}
