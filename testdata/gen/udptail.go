package main

import "encoding/binary"

// Fixtures for the UDP application printers of the "udptail" area: NTP,
// BOOTP/DHCP, DHCPv6, syslog, VXLAN and RIP, with malformed and
// truncated variants.

func udptailCat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

func udptailU32(v ...uint32) []byte {
	var b []byte
	for _, x := range v {
		b = binary.BigEndian.AppendUint32(b, x)
	}
	return b
}

func udptailU16(v ...uint16) []byte {
	var b []byte
	for _, x := range v {
		b = binary.BigEndian.AppendUint16(b, x)
	}
	return b
}

// udptailCuts returns the frame cut at several capture lengths from start.
func udptailCuts(frame []byte, start, step int) []packet {
	var pk []packet
	for cut := start; cut < len(frame); cut += step {
		pk = append(pk, packet{data: frame[:cut], origLen: len(frame)})
	}
	return pk
}

func udptailNumber(pk []packet) []packet {
	for i := range pk {
		pk[i].sec = 1700000000 + uint32(i)
		pk[i].frac = uint32(i) * 1000
	}
	return pk
}

func udptailFrames(frames ...[]byte) []packet {
	pk := make([]packet, len(frames))
	for i, f := range frames {
		pk[i] = packet{data: f}
	}
	return pk
}

// NTP.

func udptailNTPTime(li, vn, mode, stratum byte, poll, prec int8, refid uint32, ts ...uint32) []byte {
	b := []byte{li<<6 | vn<<3 | mode, stratum, byte(poll), byte(prec)}
	b = append(b, udptailU32(0x00001234, 0x00028000, refid)...)
	for len(ts) < 8 {
		ts = append(ts, 0)
	}
	return append(b, udptailU32(ts...)...)
}

func udptailNTP() []packet {
	client := udptailNTPTime(0, 4, 3, 0, 6, -20, 0, 0, 0, 0, 0, 0, 0, 0xe8d1c2b3, 0x12345678)
	server := udptailNTPTime(0, 4, 4, 2, 6, -23, 0xc0a80001,
		0xe8d1c000, 0x80000000, 0xe8d1c2b3, 0x12345678, 0xe8d1c2b4, 0x00000010, 0xe8d1c2b4, 0x00100000)
	prim := udptailNTPTime(1, 3, 4, 1, 10, -6, 0x47505300,
		0xe8d1c000, 1, 0xe8d1c2b3, 0xffffffff, 0xe8d1c2b3, 0x00000001, 0xe8d1c2b2, 0x00000001)
	sym := udptailNTPTime(3, 2, 1, 16, -3, 0, 0x7f000001, 1, 2, 0x7fffffff, 0xffffffff, 0x10000000, 5, 0x7fffffff, 0xfffffffe)
	bcast := udptailNTPTime(2, 4, 5, 62, 40, -40, 0x0a000001)
	reply := udptailNTPTime(0, 4, 4, 63, -40, 127, 0x0a000002)
	ctrl := udptailCat([]byte{0x16, 0x82}, udptailU16(7, 0x0615, 0, 0, 12), []byte("version=\"4\"\x00\x00\x00\x00"))
	ctrlReq := udptailCat([]byte{0x16, 0x01}, udptailU16(1, 0, 0, 0, 0))
	ctrlErr := udptailCat([]byte{0x26, 0xe2}, udptailU16(65535, 0x8000, 3, 4, 40), []byte("short"))
	f := [][]byte{
		udpdns4(123, 123, client),
		udpdns4(123, 40000, server),
		udpdns6(123, 123, prim),
		udpdns4(123, 123, sym),
		udpdns4(123, 123, bcast),
		udpdns4(123, 123, reply),
		udpdns4(123, 123, append(append([]byte{}, server...), udptailU32(42)...)),
		udpdns4(123, 123, append(append([]byte{}, server...), udptailU32(42, 1, 2, 3, 4)...)),
		udpdns4(123, 123, append(append([]byte{}, server...), udptailU32(42, 1, 2, 3, 4, 0xdeadbeef)...)),
		udpdns4(123, 123, append(append([]byte{}, server...), 1, 2, 3, 4, 5, 6, 7)),
		udpdns4(123, 123, server[:40]),
		udpdns4(123, 123, server[:1]),
		udpdns4(123, 123, nil),
		udpdns4(50000, 123, ctrl),
		udpdns4(123, 50000, ctrlReq),
		udpdns4(123, 50000, ctrlErr),
		udpdns4(123, 50000, ctrl[:8]),
		udpdns4(123, 123, []byte{0x17, 0, 0, 0}),
		udpdns4(123, 123, []byte{0x27}),
		udpdns4(53, 123, client),
	}
	pk := udptailFrames(f...)
	full := udpdns4(123, 123, append(append([]byte{}, server...), udptailU32(42, 1, 2, 3, 4)...))
	pk = append(pk, udptailCuts(full, 42, 3)...)
	full = udpdns4(50000, 123, ctrl)
	pk = append(pk, udptailCuts(full, 42, 5)...)
	return udptailNumber(pk)
}

// BOOTP/DHCP.

type udptailOpt struct {
	tag  byte
	data []byte
}

func udptailDHCP(op, htype, hlen, hops byte, xid uint32, secs, flags uint16, addrs [4]uint32, chaddr []byte, sname, file string, vend []byte) []byte {
	b := []byte{op, htype, hlen, hops}
	b = append(b, udptailU32(xid)...)
	b = append(b, udptailU16(secs, flags)...)
	b = append(b, udptailU32(addrs[0], addrs[1], addrs[2], addrs[3])...)
	ch := make([]byte, 16)
	copy(ch, chaddr)
	b = append(b, ch...)
	sn := make([]byte, 64)
	copy(sn, sname)
	b = append(b, sn...)
	fl := make([]byte, 128)
	copy(fl, file)
	b = append(b, fl...)
	return append(b, vend...)
}

func udptailOpts(opts ...udptailOpt) []byte {
	b := []byte{99, 130, 83, 99}
	for _, o := range opts {
		if o.tag == 0 || o.tag == 255 {
			b = append(b, o.tag)
			continue
		}
		b = append(b, o.tag, byte(len(o.data)))
		b = append(b, o.data...)
	}
	return b
}

var udptailMAC = []byte{0x00, 0x1a, 0x2b, 0x3c, 0x4d, 0x5e}

func udptailBootp() []packet {
	ip := func(a, b, c, d byte) []byte { return []byte{a, b, c, d} }
	discover := udptailDHCP(1, 1, 6, 0, 0x3903f326, 0, 0x8000, [4]uint32{}, udptailMAC, "", "",
		udptailOpts(
			udptailOpt{53, []byte{1}},
			udptailOpt{61, append([]byte{1}, udptailMAC...)},
			udptailOpt{50, ip(192, 168, 1, 100)},
			udptailOpt{12, []byte("laptop-01")},
			udptailOpt{60, []byte("MSFT 5.0")},
			udptailOpt{55, []byte{1, 3, 6, 15, 31, 33, 43, 44, 46, 47, 119, 121, 249, 252}},
			udptailOpt{57, udptailU16(1500)},
			udptailOpt{0, nil}, udptailOpt{0, nil},
			udptailOpt{81, append([]byte{0x01, 0, 0}, "laptop-01.corp"...)},
			udptailOpt{77, []byte("\x04abcd\x02xy")},
			udptailOpt{255, nil}, udptailOpt{0, nil}, udptailOpt{0, nil}))
	offer := udptailDHCP(2, 1, 6, 1, 0x3903f326, 5, 0, [4]uint32{0, 0xc0a80164, 0xc0a80101, 0x0a000001}, udptailMAC, "dhcp-server", "pxelinux.0",
		udptailOpts(
			udptailOpt{53, []byte{2}},
			udptailOpt{54, ip(192, 168, 1, 1)},
			udptailOpt{51, udptailU32(86400)},
			udptailOpt{58, udptailU32(43200)},
			udptailOpt{59, udptailU32(75600)},
			udptailOpt{1, ip(255, 255, 255, 0)},
			udptailOpt{3, ip(192, 168, 1, 1)},
			udptailOpt{6, udptailCat(ip(8, 8, 8, 8), ip(8, 8, 4, 4))},
			udptailOpt{15, []byte("corp.example.com")},
			udptailOpt{2, udptailU32(0xffff8f80)},
			udptailOpt{121, []byte{24, 10, 1, 2, 192, 168, 1, 1, 0, 192, 168, 1, 254, 32, 1, 2, 3, 4, 5, 6, 7, 8}},
			udptailOpt{249, []byte{40, 1, 2, 3, 4}},
			udptailOpt{46, []byte{8}},
			udptailOpt{52, []byte{3}},
			udptailOpt{19, []byte{0, 1, 2}},
			udptailOpt{33, []byte{10, 0, 0, 0, 10, 0, 0, 1, 1, 2}},
			udptailOpt{26, udptailU16(1500, 9000)},
			udptailOpt{43, []byte{1, 2, 3}},
			udptailOpt{200, []byte{1, 2, 3, 4}},
			udptailOpt{201, []byte{1, 2}},
			udptailOpt{202, []byte{1, 2, 3}},
			udptailOpt{203, []byte{}},
			udptailOpt{82, udptailCat([]byte{1, 4}, []byte("eth0"), []byte{2, 6}, udptailMAC, []byte{9, 3, 1, 2, 3}, []byte{6, 10, 'x'})},
			udptailOpt{255, nil}))
	request := udptailDHCP(1, 1, 6, 0, 0x1234, 3, 0, [4]uint32{0xc0a80164, 0, 0, 0}, udptailMAC, "", "",
		udptailOpts(
			udptailOpt{53, []byte{3}},
			udptailOpt{61, []byte("\x00client-text")},
			udptailOpt{61, []byte("\x20\x01\x02")},
			udptailOpt{61, []byte{}},
			udptailOpt{53, []byte{99}},
			udptailOpt{53, []byte{5, 6}},
			udptailOpt{212, udptailCat([]byte{8, 32}, make([]byte, 16), ip(1, 2, 3, 4))},
			udptailOpt{212, []byte{1, 2}},
			udptailOpt{81, []byte{0xf5, 1}},
			udptailOpt{81, []byte{0x30, 0xff, 0xfe, 'a'}},
			udptailOpt{77, []byte{0}},
			udptailOpt{77, []byte{5, 'a'}},
			udptailOpt{121, []byte{33, 1, 2, 3, 4, 5}},
			udptailOpt{121, []byte{24, 1, 2, 3, 4}},
			udptailOpt{1, []byte{255, 255, 0}},
			udptailOpt{82, []byte{1, 9, 'a'}},
			udptailOpt{82, []byte{1, 1, 'a', 7}},
			udptailOpt{255, nil}))
	nak := udptailDHCP(2, 6, 16, 0, 0, 0, 0x7fff, [4]uint32{}, make([]byte, 16), "", "",
		udptailOpts(udptailOpt{53, []byte{6}}, udptailOpt{56, []byte("no lease\x01\xff")}))
	bootp := udptailDHCP(1, 1, 6, 0, 0, 0, 0, [4]uint32{}, udptailMAC, "srv", "boot", make([]byte, 64))
	vendorNum := udptailDHCP(2, 1, 6, 0, 0, 0, 0, [4]uint32{}, udptailMAC, "", "", []byte{1, 2, 3, 4})
	cmu := udptailDHCP(2, 1, 6, 0, 1, 0, 0, [4]uint32{}, udptailMAC, "", "", udptailCat([]byte("CMU\x00"), udptailU32(3, 0xffffff00, 0x0a000001, 0x0a000002, 0, 0, 0, 0x0a000003, 0), make([]byte, 24)))
	longName := make([]byte, 64)
	for i := range longName {
		longName[i] = 'n'
	}
	unterminated := udptailDHCP(2, 1, 6, 0, 0, 0, 0, [4]uint32{}, udptailMAC, string(longName), "", udptailOpts())
	unknownOp := udptailDHCP(3, 1, 6, 0, 0, 0, 0, [4]uint32{}, udptailMAC, "", "", udptailOpts(udptailOpt{53, []byte{8}}))
	f := [][]byte{
		udpdns4(68, 67, discover),
		udpdns4(67, 68, offer),
		udpdns4(68, 67, request),
		udpdns4(67, 68, nak),
		udpdns4(68, 67, bootp),
		udpdns4(67, 68, vendorNum),
		udpdns4(67, 68, cmu),
		udpdns4(67, 68, unterminated),
		udpdns4(67, 68, unknownOp),
		udpdns4(67, 68, nil),
		udpdns4(67, 68, discover[:20]),
		udpdns4(67, 68, discover[:240]),
		udpdns4(67, 68, udptailOpts(udptailOpt{53, []byte{1}})),
	}
	pk := udptailFrames(f...)
	full := udpdns4(68, 67, discover)
	pk = append(pk, udptailCuts(full, 43, 71)...)
	for cut := len(full) - 80; cut < len(full); cut += 13 {
		pk = append(pk, packet{data: full[:cut], origLen: len(full)})
	}
	full = udpdns4(67, 68, offer)
	for _, cut := range []int{42 + 3, 42 + 12, 42 + 30, 42 + 50, 42 + 90, 42 + 115, 42 + 238} {
		pk = append(pk, packet{data: full[:cut], origLen: len(full)})
	}
	for cut := len(full) - 150; cut < len(full); cut += 23 {
		pk = append(pk, packet{data: full[:cut], origLen: len(full)})
	}
	return udptailNumber(pk)
}

// syslog.

func udptailSyslog() []packet {
	msgs := []string{
		"<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8",
		"<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It's time to make the do-nuts.",
		"<0>kernel panic",
		"<191>debug\x01\x7f\xc3\xa9 tail\n",
		"<999>too big",
		"<1000>four digits",
		"<>empty",
		"<12",
		"no brackets",
		"<7a>bad digit",
		"",
		"<13>",
	}
	var f [][]byte
	for _, m := range msgs {
		f = append(f, udpdns4(40000, 514, []byte(m)))
	}
	f = append(f, udpdns6(514, 514, []byte(msgs[0])))
	pk := udptailFrames(f...)
	full := udpdns4(40000, 514, []byte(msgs[0]))
	pk = append(pk, udptailCuts(full, 42, 3)[:8]...)
	pk = append(pk, packet{data: full[:len(full)-5], origLen: len(full)})
	return udptailNumber(pk)
}

// VXLAN.

func udptailVXLAN() []packet {
	inner := udpdns4(40000, 53, udptailCat(udptailU16(1, 0x0100, 1, 0, 0, 0), []byte{1, 'a', 0, 0, 1, 0, 1}))
	arp := udptailCat(ether(bcast, macA, 0x0806), []byte{0, 1, 8, 0, 6, 4, 0, 1}, macA, []byte{10, 0, 0, 1}, make([]byte, 6), []byte{10, 0, 0, 2})
	hdr := func(flags byte, vni uint32) []byte {
		return udptailCat([]byte{flags, 0, 0, 0}, udptailU32(vni<<8))
	}
	f := [][]byte{
		udpdns4(54321, 4789, udptailCat(hdr(0x08, 100), inner)),
		udpdns4(54321, 4789, udptailCat(hdr(0x08, 16777215), arp)),
		udpdns6(4789, 4789, udptailCat(hdr(0x00, 5), inner)),
		udpdns4(54321, 4789, hdr(0x08, 1)),
		udpdns4(54321, 4789, udptailCat(hdr(0x08, 1), inner[:10])),
		udpdns4(54321, 4789, hdr(0x08, 1)[:6]),

		udpdns4(54321, 4789, nil),
	}
	pk := udptailFrames(f...)
	full := udpdns4(54321, 4789, udptailCat(hdr(0x08, 100), inner))
	pk = append(pk, udptailCuts(full, 42, 6)...)
	return udptailNumber(pk)
}

// RIP.

func udptailRIPEntry(afi, tag uint16, addr, mask, nh, metric uint32) []byte {
	return udptailCat(udptailU16(afi, tag), udptailU32(addr, mask, nh, metric))
}

func udptailRIP() []packet {
	req := udptailCat([]byte{1, 2, 0, 0}, udptailRIPEntry(0, 0, 0, 0, 0, 16))
	resp := udptailCat([]byte{2, 2, 0, 0},
		udptailRIPEntry(2, 0, 0x0a000000, 0xff000000, 0, 1),
		udptailRIPEntry(2, 7, 0xc0a80100, 0xffffff00, 0xc0a80001, 2),
		udptailRIPEntry(2, 0, 0xac100000, 0xfff00000, 0, 16))
	auth := udptailCat([]byte{2, 2, 0, 0}, udptailU16(0xffff, 2), []byte("password\x00\x00\x00\x00\x00\x00\x00\x00"),
		udptailRIPEntry(2, 0, 0x0a000000, 0xff000000, 0, 1))
	md5 := udptailCat([]byte{2, 2, 0, 0}, udptailU16(0xffff, 3), udptailU16(44, 0x0114), udptailU32(7, 0, 0),
		udptailRIPEntry(2, 0, 0x0a000000, 0xff000000, 0, 1),
		udptailU16(0xffff, 1), make([]byte, 16))
	v1 := udptailCat([]byte{2, 1, 0, 0}, udptailRIPEntry(2, 0, 0x0a000000, 0, 0, 3), udptailRIPEntry(2, 0, 0x0b000000, 0, 0, 4))
	v1bad := udptailCat([]byte{2, 1, 0, 0}, udptailRIPEntry(2, 1, 0x0a000000, 5, 0, 3))
	v1req := udptailCat([]byte{1, 1, 0, 0}, udptailRIPEntry(0, 0, 0, 0, 0, 16))
	f := [][]byte{
		udpdns4(520, 520, req),
		udpdns4(520, 520, resp),
		udpdns4(520, 520, auth),
		udpdns4(520, 520, md5),
		udpdns4(520, 520, v1),
		udpdns4(520, 520, v1bad),
		udpdns4(520, 520, v1req),
		udpdns4(520, 520, []byte{2, 2, 0, 0}),
		udpdns4(520, 520, []byte{3, 2, 0, 0}),
		udpdns4(520, 520, []byte{0, 2, 0, 0}),
		udpdns4(520, 520, []byte{4, 2, 0, 0}),
		udpdns4(520, 520, []byte{6, 1, 0, 0}),
		udpdns4(520, 520, []byte{7, 2, 0, 0}),
		udpdns4(520, 520, []byte{9, 2, 0, 0, 1, 2}),
		udpdns4(520, 520, []byte{2, 3, 0, 0, 1, 2}),
		udpdns4(520, 520, []byte{2}),
		udpdns4(520, 520, udptailCat([]byte{2, 2, 0, 0}, udptailRIPEntry(9, 0, 1, 2, 3, 4))),
		udpdns4(520, 520, resp[:30]),
		udpdns4(520, 520, udptailCat([]byte{2, 2, 0, 0}, udptailU16(0xffff, 9), make([]byte, 16))),
	}
	pk := udptailFrames(f...)
	full := udpdns4(520, 520, resp)
	pk = append(pk, udptailCuts(full, 42, 5)...)
	return udptailNumber(pk)
}

func init() {
	register(fixture{name: "udptail-ntp.pcap", linkType: 1, packets: udptailNTP})
	register(fixture{name: "udptail-bootp.pcap", linkType: 1, packets: udptailBootp})
	register(fixture{name: "udptail-syslog.pcap", linkType: 1, packets: udptailSyslog})
	register(fixture{name: "udptail-vxlan.pcap", linkType: 1, packets: udptailVXLAN})
	register(fixture{name: "udptail-rip.pcap", linkType: 1, packets: udptailRIP})
}
