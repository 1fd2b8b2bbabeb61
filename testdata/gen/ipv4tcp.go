package main

import "encoding/binary"

// Fixtures for the IPv4 and TCP printers: IP header fields and options,
// fragments, malformed headers, TCP flags, relative sequence numbers,
// every TCP option, checksums, reset data, the text protocols over TCP,
// and captures cut by the snapshot length at every layer.

// ipv4tcpIP describes an IPv4 header; zero fields take usual values.
type ipv4tcpIP struct {
	tos, ttl uint8
	id, frag uint16 // frag is the flags and fragment offset field
	proto    uint8
	src, dst []byte
	opts     []byte
	ver      uint8 // 0 means 4
	ihl      int   // header length in words; 0 computes it
	totLen   int   // 0 computes it
	badSum   bool
}

var (
	ipv4tcpA = []byte{192, 0, 2, 1}
	ipv4tcpB = []byte{198, 51, 100, 7}
	ipv4tcpC = []byte{203, 0, 113, 9}
)

func (h ipv4tcpIP) build(payload []byte) []byte {
	ver := h.ver
	if ver == 0 {
		ver = 4
	}
	ihl := h.ihl
	if ihl == 0 {
		ihl = (20 + len(h.opts)) / 4
	}
	ttl := h.ttl
	b := []byte{ver<<4 | uint8(ihl&0xf), h.tos, 0, 0, 0, 0, 0, 0, ttl, h.proto, 0, 0}
	tot := h.totLen
	if tot == 0 {
		tot = 20 + len(h.opts) + len(payload)
	}
	binary.BigEndian.PutUint16(b[2:], uint16(tot))
	binary.BigEndian.PutUint16(b[4:], h.id)
	binary.BigEndian.PutUint16(b[6:], h.frag)
	src, dst := h.src, h.dst
	if src == nil {
		src = ipv4tcpA
	}
	if dst == nil {
		dst = ipv4tcpB
	}
	b = append(append(b, src...), dst...)
	b = append(b, h.opts...)
	hl := ihl * 4
	if hl > len(b) {
		hl = len(b)
	}
	sum := cksum(b[:hl])
	if h.badSum {
		sum ^= 0x1234
	}
	binary.BigEndian.PutUint16(b[10:], sum)
	return append(b, payload...)
}

// ipv4tcpSeg describes a TCP segment.
type ipv4tcpSeg struct {
	sport, dport uint16
	seq, ack     uint32
	flags        uint8
	win, urg     uint16
	opts         []byte
	off          int // data offset in words; 0 computes it
	badSum       bool
	data         []byte
}

// build returns the segment with its checksum over the IPv4 (4-byte
// addresses) or IPv6 (16-byte addresses) pseudo-header.
func (s ipv4tcpSeg) build(src, dst []byte) []byte {
	off := s.off
	if off == 0 {
		off = (20 + len(s.opts)) / 4
	}
	b := binary.BigEndian.AppendUint16(nil, s.sport)
	b = binary.BigEndian.AppendUint16(b, s.dport)
	b = binary.BigEndian.AppendUint32(b, s.seq)
	b = binary.BigEndian.AppendUint32(b, s.ack)
	b = append(b, uint8(off<<4), s.flags)
	b = binary.BigEndian.AppendUint16(b, s.win)
	b = append(b, 0, 0)
	b = binary.BigEndian.AppendUint16(b, s.urg)
	b = append(b, s.opts...)
	b = append(b, s.data...)
	var pseudo []byte
	pseudo = append(append(pseudo, src...), dst...)
	if len(src) == 16 {
		pseudo = binary.BigEndian.AppendUint32(pseudo, uint32(len(b)))
		pseudo = append(pseudo, 0, 0, 0, 6)
	} else {
		pseudo = append(pseudo, 0, 6)
		pseudo = binary.BigEndian.AppendUint16(pseudo, uint16(len(b)))
	}
	sum := cksum(pseudo, b)
	if s.badSum {
		sum ^= 0x0f0f
	}
	binary.BigEndian.PutUint16(b[16:], sum)
	return b
}

// ipv4tcpFrame wraps an IPv4 datagram in Ethernet.
func ipv4tcpFrame(ip []byte) []byte {
	return append(ether(macB, macA, 0x0800), ip...)
}

// ipv4tcpTCP builds an Ethernet/IPv4/TCP frame from A to B (or B to A when
// rev is set).
func ipv4tcpTCP(rev bool, s ipv4tcpSeg) []byte {
	src, dst := ipv4tcpA, ipv4tcpB
	if rev {
		src, dst = dst, src
	}
	ip := ipv4tcpIP{ttl: 64, id: uint16(s.seq), frag: 0x4000, proto: 6, src: src, dst: dst}
	return ipv4tcpFrame(ip.build(s.build(src, dst)))
}

// ipv4tcpSeq numbers packets one millisecond apart.
func ipv4tcpSeq(frames ...[]byte) []packet {
	ps := make([]packet, len(frames))
	for i, f := range frames {
		ps[i] = packet{sec: 1700000000 + uint32(i/1000), frac: uint32(i%1000) * 1000, data: f}
	}
	return ps
}

// Option builders.
func ipv4tcpMSS(v uint16) []byte { return []byte{2, 4, byte(v >> 8), byte(v)} }
func ipv4tcpTS(val, ecr uint32) []byte {
	b := []byte{8, 10}
	b = binary.BigEndian.AppendUint32(b, val)
	return binary.BigEndian.AppendUint32(b, ecr)
}
func ipv4tcpSACK(edges ...uint32) []byte {
	b := []byte{5, byte(2 + 4*len(edges))}
	for _, e := range edges {
		b = binary.BigEndian.AppendUint32(b, e)
	}
	return b
}
func ipv4tcpCat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

const (
	ipv4tcpFIN = 0x01
	ipv4tcpSYN = 0x02
	ipv4tcpRST = 0x04
	ipv4tcpPSH = 0x08
	ipv4tcpACK = 0x10
	ipv4tcpURG = 0x20
	ipv4tcpECE = 0x40
	ipv4tcpCWR = 0x80
)

// ipv4tcpConn is a connection with relative sequence numbers, SACK, a
// retransmitted SYN, FIN, resets with data, equal ports, -S-sensitive
// fields and the text protocols.
func ipv4tcpConn() []packet {
	var isnA, isnB uint32 = 0xfffffff0, 1000
	a := func(s ipv4tcpSeg) []byte { return ipv4tcpTCP(false, s) }
	b := func(s ipv4tcpSeg) []byte { return ipv4tcpTCP(true, s) }
	get := []byte("GET /index.html HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n")
	resp := []byte("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello")
	synOpts := ipv4tcpCat(ipv4tcpMSS(1460), []byte{4, 2}, ipv4tcpTS(100, 0), []byte{1, 3, 3, 7})
	frames := [][]byte{
		a(ipv4tcpSeg{sport: 40000, dport: 80, seq: isnA, flags: ipv4tcpSYN, win: 64240, opts: synOpts}),
		b(ipv4tcpSeg{sport: 80, dport: 40000, seq: isnB, ack: isnA + 1, flags: ipv4tcpSYN | ipv4tcpACK, win: 65160, opts: synOpts}),
		a(ipv4tcpSeg{sport: 40000, dport: 80, seq: isnA + 1, ack: isnB + 1, flags: ipv4tcpACK, win: 502}),
		a(ipv4tcpSeg{sport: 40000, dport: 80, seq: isnA + 1, ack: isnB + 1, flags: ipv4tcpACK | ipv4tcpPSH, win: 502, data: get}),
		b(ipv4tcpSeg{sport: 80, dport: 40000, seq: isnB + 1, ack: isnA + 1 + uint32(len(get)), flags: ipv4tcpACK | ipv4tcpPSH, win: 509, data: resp}),
		// A SACK from A covering a later block of B's data.
		a(ipv4tcpSeg{sport: 40000, dport: 80, seq: isnA + 1 + uint32(len(get)), ack: isnB + 1, flags: ipv4tcpACK, win: 502,
			opts: ipv4tcpCat([]byte{1, 1}, ipv4tcpSACK(isnB+100, isnB+200, isnB+300, isnB+400))}),
		// A SACK from B (the reverse direction of the table entry).
		b(ipv4tcpSeg{sport: 80, dport: 40000, seq: isnB + 1, ack: isnA + 1, flags: ipv4tcpACK, win: 509,
			opts: ipv4tcpCat([]byte{1, 1}, ipv4tcpSACK(isnA+10, isnA+20))}),
		// Urgent data, ECN flags.
		a(ipv4tcpSeg{sport: 40000, dport: 80, seq: isnA + 100, ack: isnB + 1, flags: ipv4tcpACK | ipv4tcpURG | ipv4tcpECE | ipv4tcpCWR, win: 502, urg: 3, data: []byte("abc")}),
		// HTTP continuation data: only the protocol name.
		b(ipv4tcpSeg{sport: 80, dport: 40000, seq: isnB + 50, ack: isnA + 1, flags: ipv4tcpACK, win: 509, data: []byte("more body text\r\n")}),
		// An unknown method, a lower-case method, LF-only lines, a CR
		// not followed by LF, binary data.
		a(ipv4tcpSeg{sport: 40000, dport: 80, seq: isnA + 200, ack: isnB + 1, flags: ipv4tcpACK, win: 502, data: []byte("FOO / HTTP/1.1\r\n\r\n")}),
		a(ipv4tcpSeg{sport: 40000, dport: 80, seq: isnA + 300, ack: isnB + 1, flags: ipv4tcpACK, win: 502, data: []byte("post /x HTTP/1.0\nA: b\n\nbody")}),
		a(ipv4tcpSeg{sport: 40000, dport: 80, seq: isnA + 400, ack: isnB + 1, flags: ipv4tcpACK, win: 502, data: []byte("GET /a\rb HTTP/1.1\r\n")}),
		a(ipv4tcpSeg{sport: 40000, dport: 80, seq: isnA + 500, ack: isnB + 1, flags: ipv4tcpACK, win: 502, data: []byte("GET /\x01 HTTP/1.1\r\n")}),
		a(ipv4tcpSeg{sport: 40000, dport: 80, seq: isnA + 600, ack: isnB + 1, flags: ipv4tcpACK, win: 502, data: []byte("GET / HTTP/1.1\r\nHost: x\r\nno end")}),
		b(ipv4tcpSeg{sport: 80, dport: 40000, seq: isnB + 600, ack: isnA + 1, flags: ipv4tcpACK, win: 509, data: []byte("HTTP/1.0 404 Not Found\r\n\r\n")}),
		b(ipv4tcpSeg{sport: 80, dport: 40000, seq: isnB + 700, ack: isnA + 1, flags: ipv4tcpACK, win: 509, data: []byte("HTTP/1.0 2000 Weird\r\n")}),
		b(ipv4tcpSeg{sport: 80, dport: 40000, seq: isnB + 800, ack: isnA + 1, flags: ipv4tcpACK, win: 509, data: []byte("\r\n\r\n")}),
		b(ipv4tcpSeg{sport: 80, dport: 40000, seq: isnB + 900, ack: isnA + 1, flags: ipv4tcpACK, win: 509, data: []byte("GET\r\n")}),
		// FIN both ways, a bad checksum on one.
		a(ipv4tcpSeg{sport: 40000, dport: 80, seq: isnA + 1 + uint32(len(get)), ack: isnB + 1 + uint32(len(resp)), flags: ipv4tcpACK | ipv4tcpFIN, win: 502, badSum: true}),
		b(ipv4tcpSeg{sport: 80, dport: 40000, seq: isnB + 1 + uint32(len(resp)), ack: isnA + 2 + uint32(len(get)), flags: ipv4tcpACK | ipv4tcpFIN, win: 509}),
		// Resets with data: short, long, unprintable.
		b(ipv4tcpSeg{sport: 80, dport: 40000, seq: isnB + 2000, ack: isnA + 1, flags: ipv4tcpRST | ipv4tcpACK, data: []byte("reset: bye")}),
		b(ipv4tcpSeg{sport: 80, dport: 40000, seq: isnB + 2000, flags: ipv4tcpRST, data: []byte("a much longer reset reason that goes past thirty bytes")}),
		b(ipv4tcpSeg{sport: 80, dport: 40000, seq: isnB + 2000, flags: ipv4tcpRST, data: []byte{0, 1, 0x1f, 0x7f, 0x80, 0xff, 'A', 0xc1}}),
		// A new SYN on the same ports restarts the relative numbering.
		a(ipv4tcpSeg{sport: 40000, dport: 80, seq: 5000, flags: ipv4tcpSYN, win: 64240}),
		b(ipv4tcpSeg{sport: 80, dport: 40000, seq: 9000, ack: 5001, flags: ipv4tcpSYN | ipv4tcpACK, win: 64240}),
		a(ipv4tcpSeg{sport: 40000, dport: 80, seq: 5001, ack: 9001, flags: ipv4tcpACK, win: 64240}),
		// Equal ports: the addresses choose the direction.
		a(ipv4tcpSeg{sport: 7000, dport: 7000, seq: 1, ack: 100, flags: ipv4tcpACK, win: 1, data: []byte("x")}),
		b(ipv4tcpSeg{sport: 7000, dport: 7000, seq: 100, ack: 2, flags: ipv4tcpACK, win: 1, data: []byte("yy")}),
		a(ipv4tcpSeg{sport: 7000, dport: 7000, seq: 2, ack: 102, flags: ipv4tcpACK, win: 1}),
		// No flags at all; all flags.
		a(ipv4tcpSeg{sport: 1, dport: 2, seq: 7, win: 0}),
		a(ipv4tcpSeg{sport: 1, dport: 2, seq: 7, ack: 9, flags: 0xff, win: 0, urg: 1}),
		// Text protocols.
		a(ipv4tcpSeg{sport: 40001, dport: 21, seq: 1, ack: 1, flags: ipv4tcpACK | ipv4tcpPSH, win: 100, data: []byte("USER anonymous\r\n")}),
		b(ipv4tcpSeg{sport: 21, dport: 40001, seq: 1, ack: 1, flags: ipv4tcpACK | ipv4tcpPSH, win: 100, data: []byte("220-Welcome\r\n220 ready\r\n")}),
		a(ipv4tcpSeg{sport: 40002, dport: 25, seq: 1, ack: 1, flags: ipv4tcpACK | ipv4tcpPSH, win: 100, data: []byte("EHLO mail.example\r\n")}),
		a(ipv4tcpSeg{sport: 40003, dport: 554, seq: 1, ack: 1, flags: ipv4tcpACK | ipv4tcpPSH, win: 100, data: []byte("OPTIONS rtsp://x/ RTSP/1.0\r\nCSeq: 1\r\n\r\n")}),
		b(ipv4tcpSeg{sport: 8554, dport: 40004, seq: 1, ack: 1, flags: ipv4tcpACK | ipv4tcpPSH, win: 100, data: []byte("RTSP/1.0 200 OK\r\nCSeq: 1\r\n\r\n")}),
		a(ipv4tcpSeg{sport: 40005, dport: 43, seq: 1, ack: 1, flags: ipv4tcpACK | ipv4tcpPSH, win: 100, data: []byte("example.com\r\n")}),
		a(ipv4tcpSeg{sport: 40006, dport: 8080, seq: 1, ack: 1, flags: ipv4tcpACK | ipv4tcpPSH, win: 100, data: []byte("PROPFIND /dav HTTP/1.1\r\n\r\n")}),
		b(ipv4tcpSeg{sport: 22, dport: 40007, seq: 1, ack: 1, flags: ipv4tcpACK | ipv4tcpPSH, win: 100, data: []byte("SSH-2.0-OpenSSH_9.6\r\n")}),
		a(ipv4tcpSeg{sport: 40007, dport: 22, seq: 1, ack: 1, flags: ipv4tcpACK | ipv4tcpPSH, win: 100, data: []byte("SSH-2.0-Go\n")}),
		a(ipv4tcpSeg{sport: 40007, dport: 22, seq: 1, ack: 1, flags: ipv4tcpACK | ipv4tcpPSH, win: 100, data: []byte{0, 0, 1, 0x14, 8, 20}}),
		// Ports without a printer.
		a(ipv4tcpSeg{sport: 40008, dport: 9999, seq: 1, ack: 1, flags: ipv4tcpACK | ipv4tcpPSH, win: 100, data: []byte("GET / HTTP/1.1\r\n")}),
	}
	return ipv4tcpSeq(frames...)
}

// ipv4tcpOptions has every TCP option and the malformed ones.
func ipv4tcpOptions() []packet {
	syn := func(opts []byte) []byte {
		return ipv4tcpTCP(false, ipv4tcpSeg{sport: 5000, dport: 6000, seq: 1, flags: ipv4tcpSYN, win: 1000, opts: opts})
	}
	ack := func(opts []byte) []byte {
		return ipv4tcpTCP(false, ipv4tcpSeg{sport: 5000, dport: 6000, seq: 2, ack: 2, flags: ipv4tcpACK, win: 1000, opts: opts})
	}
	pad := func(b []byte) []byte {
		for len(b)%4 != 0 {
			b = append(b, 1)
		}
		return b
	}
	u64 := func(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }
	u32 := func(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }
	frames := [][]byte{
		syn(ipv4tcpCat(ipv4tcpMSS(1460), []byte{1, 3, 3, 14}, []byte{4, 2, 1, 1})),
		// echo, echoreply, cc, ccnew, ccecho.
		syn(ipv4tcpCat([]byte{6, 6, 0, 0, 0, 1}, []byte{7, 6, 0, 0, 0, 2}, []byte{11, 6, 0, 0, 0, 3}, []byte{12, 6, 0, 0, 0, 4}, []byte{13, 6, 0, 0, 0, 5}, []byte{1, 1})),
		// md5 signature.
		syn(pad(ipv4tcpCat([]byte{19, 18}, []byte("0123456789abcdef")))),
		// scps, uto (minutes and seconds), tcp-ao short and with a mac.
		syn(pad(ipv4tcpCat([]byte{20, 4, 0xab, 7}, []byte{28, 4, 0x01, 0x2d}, []byte{28, 4, 0x01, 0x2c}))),
		syn(pad(ipv4tcpCat([]byte{29, 3, 1}, []byte{0}))),
		syn(pad(ipv4tcpCat([]byte{29, 8, 1, 2, 0xde, 0xad, 0xbe, 0xef}))),
		syn(pad([]byte{29, 4, 9, 8})),
		// Fast open: request, cookie, invalid cookie; experimental form.
		syn(pad([]byte{34, 2})),
		syn(pad([]byte{34, 10, 1, 2, 3, 4, 5, 6, 7, 8})),
		syn(pad([]byte{34, 5, 1, 2, 3})),
		syn(pad([]byte{254, 4, 0xf9, 0x89})),
		syn(pad([]byte{254, 8, 0xf9, 0x89, 0xaa, 0xbb, 0xcc, 0xdd})),
		syn(pad([]byte{254, 6, 0x12, 0x34, 0, 0})),
		syn(pad([]byte{254, 3, 0x12})),
		// Unknown options, with and without data.
		syn(pad([]byte{99, 2, 100, 5, 1, 2, 3})),
		// Wrong lengths for known options.
		syn(pad([]byte{2, 6, 5, 180, 0, 0})),
		syn(pad([]byte{8, 12, 0, 0, 0, 1, 0, 0, 0, 2, 1, 1})),
		syn(pad([]byte{3, 2})),
		syn(pad([]byte{5, 7, 0, 0, 0, 1, 2})),
		// Bad lengths: first option, later option; too long.
		syn(pad([]byte{2, 1})),
		syn(pad([]byte{1, 2, 0})),
		syn(pad([]byte{1, 8, 40})),
		syn(pad([]byte{2, 10, 1, 1})),
		// eol ends the list.
		syn([]byte{1, 0, 2, 4, 5, 180, 0, 0}),
		// Options truncated by the header length.
		syn([]byte{8, 10, 0, 0}),
		// MPTCP.
		syn(pad(ipv4tcpCat([]byte{30, 12, 0x00, 0x81}, u64(0x0102030405060708)))),
		syn(pad([]byte{30, 4, 0x01, 0x00})),
		ack(pad(ipv4tcpCat([]byte{30, 20, 0x00, 0x01}, u64(0x1112131415161718), u64(0x2122232425262728)))),
		ack(pad(ipv4tcpCat([]byte{30, 22, 0x01, 0x80}, u64(0x1112131415161718), u64(0x2122232425262728), []byte{0, 9}))),
		syn(pad(ipv4tcpCat([]byte{30, 12, 0x05, 0x00}, u64(1)))),
		syn(pad(ipv4tcpCat([]byte{30, 12, 0x11, 0x07}, u32(0xabcdef01), u32(0x12345678)))),
		ipv4tcpTCP(true, ipv4tcpSeg{sport: 6000, dport: 5000, seq: 10, ack: 2, flags: ipv4tcpSYN | ipv4tcpACK, win: 1000,
			opts: pad(ipv4tcpCat([]byte{30, 16, 0x10, 0x03}, u64(0xfedcba9876543210), u32(0x55)))}),
		ack(pad(ipv4tcpCat([]byte{30, 24, 0x10, 0x00}, []byte("abcdefghijklmnopqrst")))),
		ack(pad(ipv4tcpCat([]byte{30, 20, 0x20, 0x1f}, u64(77), u64(88)))),
		ack(pad(ipv4tcpCat([]byte{30, 20, 0x20, 0x15}, u64(77), u32(99), u32(100), []byte{0, 50}))),
		ack(pad(ipv4tcpCat([]byte{30, 22, 0x20, 0x05}, u32(77), u32(99), u32(100), []byte{0, 50, 0xbe, 0xef}))),
		ack(pad(ipv4tcpCat([]byte{30, 8, 0x20, 0x01}, u32(77)))),
		ack(pad(ipv4tcpCat([]byte{30, 10, 0x20, 0x01}, u32(77), []byte{0, 1}))),
		syn(pad(ipv4tcpCat([]byte{30, 8, 0x20, 0x01}, u32(77)))),
		ack(pad(ipv4tcpCat([]byte{30, 8, 0x30, 0x01}, []byte{10, 0, 0, 1}))),
		ack(pad(ipv4tcpCat([]byte{30, 10, 0x34, 0x02}, []byte{10, 0, 0, 2, 0x1f, 0x90}))),
		ack(pad(ipv4tcpCat([]byte{30, 16, 0x30, 0x03}, []byte{10, 0, 0, 3}, u64(0xaabb)))),
		ack(pad(ipv4tcpCat([]byte{30, 18, 0x31, 0x03}, []byte{10, 0, 0, 3, 0, 80}, u64(0xaabb)))),
		ack(pad(ipv4tcpCat([]byte{30, 20, 0x36, 0x04}, []byte{0x20, 1, 0xd, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}))),
		ack(pad(ipv4tcpCat([]byte{30, 30, 0x30, 0x04}, []byte{0x20, 1, 0xd, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, []byte{1, 2}, u64(5)))),
		ack(pad(ipv4tcpCat([]byte{30, 9, 0x39, 0x04}, []byte{1, 2, 3, 4, 5}))),
		ack(pad([]byte{30, 6, 0x40, 1, 2, 3})),
		ack(pad([]byte{30, 3, 0x50})),
		ack(pad([]byte{30, 4, 0x51, 7})),
		ack(pad(ipv4tcpCat([]byte{30, 12, 0x60, 0}, u64(123456789)))),
		ack(pad(ipv4tcpCat([]byte{30, 12, 0x70, 0}, u64(0xdeadbeef)))),
		ack(pad([]byte{30, 4, 0x90, 0})),
		ack(pad([]byte{30, 2})),
		ack(pad([]byte{30, 5, 0x60, 0, 0})),
	}
	return ipv4tcpSeq(frames...)
}

// ipv4tcpIPHeaders exercises the IPv4 header: fields, options, fragments,
// bad lengths and checksums, and the protocols without a printer.
func ipv4tcpIPHeaders() []packet {
	seg := ipv4tcpSeg{sport: 1234, dport: 4321, seq: 1, flags: ipv4tcpSYN, win: 10}
	tcp := seg.build(ipv4tcpA, ipv4tcpB)
	f := func(h ipv4tcpIP, payload []byte) []byte {
		if h.ttl == 0 && h.proto == 0 {
			h.ttl = 64
		}
		return ipv4tcpFrame(h.build(payload))
	}
	opt := func(opts []byte) []byte {
		return f(ipv4tcpIP{ttl: 9, proto: 6, opts: opts}, tcp)
	}
	data := []byte("0123456789abcdef0123")
	frames := [][]byte{
		f(ipv4tcpIP{tos: 0x10, ttl: 1, proto: 6}, tcp),
		f(ipv4tcpIP{tos: 0x01, ttl: 255, proto: 6, frag: 0x4000}, tcp),
		f(ipv4tcpIP{tos: 0x02, ttl: 0, proto: 6, frag: 0x8000, id: 7}, tcp),
		f(ipv4tcpIP{tos: 0xbb, ttl: 3, proto: 6, frag: 0xe000}, tcp),
		f(ipv4tcpIP{ttl: 3, proto: 6, badSum: true}, tcp),
		// Fragments: the first carries the TCP header (no checksum
		// check); later ones only the protocol.
		f(ipv4tcpIP{ttl: 3, proto: 6, frag: 0x2000, id: 99}, tcp),
		f(ipv4tcpIP{ttl: 3, proto: 6, frag: 0x2003, id: 99}, data),
		f(ipv4tcpIP{ttl: 3, proto: 17, frag: 0x0010, id: 99}, data),
		f(ipv4tcpIP{ttl: 3, proto: 250, frag: 0x0010, id: 99}, data),
		// Protocols without a printer.
		f(ipv4tcpIP{ttl: 3, proto: 253}, data),
		f(ipv4tcpIP{ttl: 3, proto: 59}, data),
		f(ipv4tcpIP{ttl: 3, proto: 77}, data),
		f(ipv4tcpIP{ttl: 3, proto: 58}, data),
		f(ipv4tcpIP{ttl: 3, proto: 143}, data),
		// IP in IP.
		f(ipv4tcpIP{ttl: 3, proto: 4, src: ipv4tcpC, dst: ipv4tcpC}, ipv4tcpIP{ttl: 5, proto: 6}.build(tcp)),
		// Bad header and total lengths, short and padded frames.
		f(ipv4tcpIP{ttl: 3, proto: 6, ihl: 4}, tcp),
		f(ipv4tcpIP{ttl: 3, proto: 6, totLen: 12}, tcp),
		f(ipv4tcpIP{ttl: 3, proto: 6, totLen: 100}, tcp),
		f(ipv4tcpIP{ttl: 3, proto: 6, totLen: 20 + len(tcp)}, append(append([]byte{}, tcp...), 0, 0, 0, 0, 0, 0)),
		f(ipv4tcpIP{ttl: 3, proto: 253, totLen: 20}, nil),
		f(ipv4tcpIP{ttl: 3, proto: 6, ver: 5}, tcp),
		f(ipv4tcpIP{ttl: 3, proto: 6, ver: 6}, tcp),
		// IP options.
		opt([]byte{1, 1, 1, 0}),
		opt([]byte{1, 0, 1, 1}),
		opt([]byte{7, 11, 8, 10, 0, 0, 1, 10, 0, 0, 2, 0}),
		opt([]byte{7, 11, 4, 10, 0, 0, 1, 10, 0, 0, 2, 0}),
		opt([]byte{7, 11, 12, 10, 0, 0, 1, 10, 0, 0, 2, 0}),
		opt([]byte{7, 10, 4, 10, 0, 0, 1, 10, 0, 0, 2}),
		opt([]byte{7, 2, 1, 0}),
		opt([]byte{148, 4, 0, 0}),
		opt([]byte{148, 4, 1, 2}),
		opt([]byte{148, 3, 1, 0}),
		opt([]byte{130, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}),
		opt([]byte{82, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}),
		opt([]byte{200, 4, 1, 2}),
		opt([]byte{200, 1, 1, 2}),
		opt([]byte{200, 9, 1, 2}),
		opt(ipv4tcpCat([]byte{68, 12, 9, 0}, []byte{0, 0, 0, 1, 0, 0, 0, 2})),
		opt(ipv4tcpCat([]byte{68, 12, 5, 0x30}, []byte{0, 0, 0, 1, 0, 0, 0, 2})),
		opt(ipv4tcpCat([]byte{68, 20, 13, 1}, []byte{10, 0, 0, 1, 0, 0, 0, 1, 10, 0, 0, 2, 0, 0, 0, 2})),
		opt(ipv4tcpCat([]byte{68, 12, 5, 3}, []byte{10, 0, 0, 1, 0, 0, 0, 1})),
		opt(ipv4tcpCat([]byte{68, 12, 5, 2}, []byte{10, 0, 0, 1, 0, 0, 0, 1})),
		opt(ipv4tcpCat([]byte{68, 11, 6, 1}, []byte{10, 0, 0, 1, 0, 0, 0, 1}, []byte{0})),
		opt([]byte{68, 3, 0, 0}),
	}
	// Source routes: the TCP checksum covers the route's last hop.
	for _, kind := range []byte{131, 137} {
		route := []byte{kind, 11, 4, 10, 1, 1, 1}
		route = append(route, ipv4tcpC...)
		route = append(route, 0)
		good := seg.build(ipv4tcpA, ipv4tcpC)
		frames = append(frames,
			f(ipv4tcpIP{ttl: 9, proto: 6, opts: route}, good),
			f(ipv4tcpIP{ttl: 9, proto: 6, opts: route}, tcp))
	}
	return ipv4tcpSeq(frames...)
}

// ipv4tcpTrunc cuts frames by the snapshot length at every layer.
func ipv4tcpTrunc() []packet {
	syn := ipv4tcpTCP(false, ipv4tcpSeg{sport: 40000, dport: 80, seq: 77, flags: ipv4tcpSYN, win: 64240,
		opts: ipv4tcpCat(ipv4tcpMSS(1460), []byte{1, 1}, ipv4tcpTS(1, 0), []byte{1, 3, 3, 7})})
	get := ipv4tcpTCP(false, ipv4tcpSeg{sport: 40000, dport: 80, seq: 78, ack: 1, flags: ipv4tcpACK | ipv4tcpPSH, win: 501,
		data: []byte("GET /a/long/path HTTP/1.1\r\nHost: example.com\r\n\r\n")})
	rst := ipv4tcpTCP(true, ipv4tcpSeg{sport: 80, dport: 40000, seq: 1, ack: 78, flags: ipv4tcpACK | ipv4tcpRST, win: 0,
		data: []byte("connection reset by the middlebox")})
	ssh := ipv4tcpTCP(true, ipv4tcpSeg{sport: 22, dport: 40000, seq: 1, ack: 78, flags: ipv4tcpACK, win: 0,
		data: []byte("SSH-2.0-OpenSSH_9.6\r\n")})
	ipopt := ipv4tcpFrame(ipv4tcpIP{ttl: 9, proto: 6, opts: []byte{7, 11, 8, 10, 0, 0, 1, 10, 0, 0, 2, 0}}.build(
		ipv4tcpSeg{sport: 1, dport: 2, seq: 1, flags: ipv4tcpSYN}.build(ipv4tcpA, ipv4tcpB)))
	// A header whose data offset reaches past the options that eol ends.
	eol := ipv4tcpTCP(false, ipv4tcpSeg{sport: 40000, dport: 80, seq: 78, ack: 1, flags: ipv4tcpACK, win: 501,
		opts: []byte{0, 0, 0, 0, 0, 0, 0, 0}, data: []byte("GET / HTTP/1.1\r\n")})
	cut := func(frame []byte, n int) packet {
		return packet{data: frame[:n], origLen: len(frame)}
	}
	ps := []packet{
		cut(syn, 14+10), cut(syn, 14+20), cut(syn, 14+20+3), cut(syn, 14+20+10),
		cut(syn, 14+20+20), cut(syn, 14+20+22), cut(syn, 14+20+26), cut(syn, 14+20+30),
		cut(syn, 14+20+35), cut(syn, len(syn)-1),
		cut(get, 14+20+20+10), cut(get, 14+20+20+27), cut(get, 14+20+20+30), cut(get, len(get)-2),
		cut(rst, 14+20+20+5), cut(rst, 14+20+20+32),
		cut(ssh, 14+20+20+2), cut(ssh, 14+20+20+10),
		cut(ipopt, 14+22), cut(ipopt, 14+26), cut(ipopt, 14+30), cut(ipopt, 14+33),
		cut(eol, 14+20+22), cut(eol, 14+20+27),
		// TCP header lengths: too short, longer than the segment.
		{data: ipv4tcpFrame(ipv4tcpIP{ttl: 9, proto: 6}.build(ipv4tcpSeg{sport: 1, dport: 80, seq: 5, flags: ipv4tcpACK, ack: 1, off: 4}.build(ipv4tcpA, ipv4tcpB)))},
		{data: ipv4tcpFrame(ipv4tcpIP{ttl: 9, proto: 6}.build(ipv4tcpSeg{sport: 1, dport: 80, seq: 5, flags: ipv4tcpACK, ack: 1, off: 15}.build(ipv4tcpA, ipv4tcpB)))},
		{data: ipv4tcpFrame(ipv4tcpIP{ttl: 9, proto: 6}.build(ipv4tcpSeg{sport: 1, dport: 80, seq: 5, flags: ipv4tcpACK, ack: 1, off: 15, data: []byte("0123456789012345678901234567890123456789x")}.build(ipv4tcpA, ipv4tcpB)))},
		// The IP total length covers only part of the TCP header.
		{data: ipv4tcpFrame(ipv4tcpIP{ttl: 9, proto: 6, totLen: 20 + 12}.build(ipv4tcpSeg{sport: 1, dport: 80, seq: 5, flags: ipv4tcpSYN}.build(ipv4tcpA, ipv4tcpB)))},
		{data: ipv4tcpFrame(ipv4tcpIP{ttl: 9, proto: 6, totLen: 20 + 3}.build(ipv4tcpSeg{sport: 1, dport: 80, seq: 5, flags: ipv4tcpSYN}.build(ipv4tcpA, ipv4tcpB)))},
		{data: ipv4tcpFrame(ipv4tcpIP{ttl: 9, proto: 6, totLen: 20 + 24}.build(ipv4tcpSeg{sport: 1, dport: 80, seq: 5, flags: ipv4tcpSYN, opts: ipv4tcpTS(1, 2)}.build(ipv4tcpA, ipv4tcpB)))},
	}
	for i := range ps {
		ps[i].sec = 1700000100
		ps[i].frac = uint32(i) * 1000
	}
	return ps
}

// ipv4tcpV6 is TCP over IPv6: addresses, relative numbers, checksums.
func ipv4tcpV6() []packet {
	src := []byte{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}
	dst := []byte{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2}
	v6 := func(rev bool, s ipv4tcpSeg) []byte {
		a, b := src, dst
		if rev {
			a, b = dst, src
		}
		t := s.build(a, b)
		h := []byte{0x60, 0, 0, 0, byte(len(t) >> 8), byte(len(t)), 6, 64}
		h = append(append(h, a...), b...)
		return append(append(ether(macB, macA, 0x86dd), h...), t...)
	}
	frames := [][]byte{
		v6(false, ipv4tcpSeg{sport: 50000, dport: 443, seq: 100, flags: ipv4tcpSYN, win: 1000, opts: ipv4tcpMSS(1440)}),
		v6(true, ipv4tcpSeg{sport: 443, dport: 50000, seq: 7000, ack: 101, flags: ipv4tcpSYN | ipv4tcpACK, win: 1000, opts: ipv4tcpMSS(1440)}),
		v6(false, ipv4tcpSeg{sport: 50000, dport: 443, seq: 101, ack: 7001, flags: ipv4tcpACK | ipv4tcpPSH, win: 1000, data: []byte("hello")}),
		v6(true, ipv4tcpSeg{sport: 443, dport: 50000, seq: 7001, ack: 106, flags: ipv4tcpACK, win: 1000, badSum: true,
			opts: ipv4tcpCat([]byte{1, 1}, ipv4tcpSACK(110, 120))}),
		v6(false, ipv4tcpSeg{sport: 50000, dport: 80, seq: 1, ack: 1, flags: ipv4tcpACK | ipv4tcpPSH, win: 1000, data: []byte("GET / HTTP/1.1\r\n\r\n")}),
	}
	return ipv4tcpSeq(frames...)
}

func init() {
	register(fixture{name: "ipv4tcp-conn.pcap", linkType: 1, packets: ipv4tcpConn})
	register(fixture{name: "ipv4tcp-options.pcap", linkType: 1, packets: ipv4tcpOptions})
	register(fixture{name: "ipv4tcp-ipheader.pcap", linkType: 1, packets: ipv4tcpIPHeaders})
	register(fixture{name: "ipv4tcp-trunc.pcap", linkType: 1, snaplen: 4096, packets: ipv4tcpTrunc})
	register(fixture{name: "ipv4tcp-tcp6.pcap", linkType: 1, packets: ipv4tcpV6})
}
