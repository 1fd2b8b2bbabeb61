package main

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"

	"github.com/klauspost/compress/zstd"
)

// Fixtures for the reader: every container format and variant it must
// read, with the same few packets inside, so that each can be compared with
// tcpdump's output on the plain pcap (testdata/formats/plain.pcap).

// formatsUDP builds an Ethernet/IPv4/UDP frame with valid checksums.
func formatsUDP(id uint16, payload string) []byte {
	src, dst := []byte{192, 0, 2, 10}, []byte{198, 51, 100, 20}
	udpLen := 8 + len(payload)
	udp := binary.BigEndian.AppendUint16(nil, 40000+id)
	udp = binary.BigEndian.AppendUint16(udp, 7)
	udp = binary.BigEndian.AppendUint16(udp, uint16(udpLen))
	udp = append(udp, 0, 0)
	udp = append(udp, payload...)
	pseudo := append(append(append([]byte{}, src...), dst...), 0, 17, byte(udpLen>>8), byte(udpLen))
	binary.BigEndian.PutUint16(udp[6:], cksum(pseudo, udp))
	ip := []byte{0x45, 0, 0, 0, byte(id >> 8), byte(id), 0x40, 0, 64, 17, 0, 0}
	binary.BigEndian.PutUint16(ip[2:], uint16(20+udpLen))
	ip = append(append(ip, src...), dst...)
	binary.BigEndian.PutUint16(ip[10:], cksum(ip))
	return append(append(ether(macB, macA, 0x0800), ip...), udp...)
}

// formatsPackets are the packets every format fixture carries, with
// timestamps that exercise the sub-second digits.
func formatsPackets() []packet {
	return []packet{
		{sec: 1700000000, frac: 123456, data: formatsUDP(1, "hello")},
		{sec: 1700000000, frac: 999999, data: formatsUDP(2, "world, a longer payload")},
		{sec: 1700000001, frac: 5, data: formatsUDP(3, "x")},
	}
}

func init() {
	plain := fixture{name: "formats/plain.pcap", linkType: 1, packets: formatsPackets}
	register(plain)
	register(fixture{name: "formats/bigendian.pcap", linkType: 1, big: true, packets: formatsPackets})
	nanoPackets := func() []packet {
		ps := formatsPackets()
		for i := range ps {
			ps[i].frac = ps[i].frac*1000 + uint32(i) // nanoseconds
		}
		return ps
	}
	register(fixture{name: "formats/nano.pcap", linkType: 1, nano: true, packets: nanoPackets})
	register(fixture{name: "formats/nano-bigendian.pcap", linkType: 1, nano: true, big: true, packets: nanoPackets})
	// The upper bits of the link-type field carry FCS flags that libpcap
	// masks off.
	register(fixture{name: "formats/linktype-flags.pcap", linkType: 0x10000001, packets: formatsPackets})
	register(fixture{name: "formats/plain.pcap.gz", file: func() []byte { return gzipped(pcapBytes(plain)) }})
	register(fixture{name: "formats/plain.pcap.zst", file: func() []byte { return zstded(pcapBytes(plain)) }})
	// Cut in the middle of the third record's data, and in the middle of
	// the third record's header.
	register(fixture{name: "formats/cut-data.pcap", file: func() []byte {
		b := pcapBytes(plain)
		return b[:len(b)-10]
	}})
	register(fixture{name: "formats/cut-header.pcap", file: func() []byte {
		b := pcapBytes(plain)
		last := len(formatsPackets()[2].data) + 16
		return b[:len(b)-last+7]
	}})
	register(fixture{name: "formats/plain.pcapng", file: func() []byte { return pcapngBytes(false) }})
	register(fixture{name: "formats/cut.pcapng", file: func() []byte {
		b := pcapngBytes(false)
		return b[:len(b)-21]
	}})
	register(fixture{name: "formats/two-links.pcapng", file: func() []byte { return pcapngBytes(true) }})
	// The two-link file's second interface, as a plain raw-IP pcap, to
	// compare with tcpdump (libpcap cannot read a pcapng whose
	// interfaces have different link types).
	register(fixture{name: "formats/two-links-raw.pcap", linkType: 101, packets: func() []packet {
		ps := formatsPackets()
		for i := range ps {
			ps[i].data = ps[i].data[14:]
		}
		return ps
	}})
}

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func zstded(b []byte) []byte {
	w, _ := zstd.NewWriter(nil)
	return w.EncodeAll(b, nil)
}

// pcapngBytes writes formatsPackets as pcapng: an Ethernet interface with
// microsecond timestamps, and, with twoLinks, a raw IP interface with
// nanosecond timestamps and a timestamp offset that carries the same
// packets without their Ethernet header. Packets carry comments; one is
// written as a Simple Packet Block and one as an obsolete Packet Block.
func pcapngBytes(twoLinks bool) []byte {
	le := binary.LittleEndian
	block := func(typ uint32, body []byte) []byte {
		for len(body)%4 != 0 {
			body = append(body, 0)
		}
		n := uint32(12 + len(body))
		out := le.AppendUint32(nil, typ)
		out = le.AppendUint32(out, n)
		out = append(out, body...)
		return le.AppendUint32(out, n)
	}
	option := func(code uint16, val []byte) []byte {
		out := le.AppendUint16(nil, code)
		out = le.AppendUint16(out, uint16(len(val)))
		out = append(out, val...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		return out
	}
	endOpts := []byte{0, 0, 0, 0}

	shb := le.AppendUint32(nil, 0x1a2b3c4d)
	shb = le.AppendUint16(shb, 1)
	shb = le.AppendUint16(shb, 0)
	shb = le.AppendUint64(shb, ^uint64(0))
	shb = append(shb, option(4, []byte("pcapreport testdata/gen"))...)
	shb = append(shb, endOpts...)
	out := block(0x0A0D0D0A, shb)

	idb := func(linkType uint16, tsresol byte, tsoffset int64) []byte {
		b := le.AppendUint16(nil, linkType)
		b = le.AppendUint16(b, 0)
		b = le.AppendUint32(b, 262144)
		b = append(b, option(9, []byte{tsresol})...)
		if tsoffset != 0 {
			b = append(b, option(14, le.AppendUint64(nil, uint64(tsoffset)))...)
		}
		return block(1, append(b, endOpts...))
	}
	out = append(out, idb(1, 6, 0)...)
	if twoLinks {
		out = append(out, idb(101, 9, 1000)...)
	}
	epb := func(iface uint32, ts uint64, data []byte, comment string) []byte {
		b := le.AppendUint32(nil, iface)
		b = le.AppendUint32(b, uint32(ts>>32))
		b = le.AppendUint32(b, uint32(ts))
		b = le.AppendUint32(b, uint32(len(data)))
		b = le.AppendUint32(b, uint32(len(data)))
		b = append(b, data...)
		for len(b)%4 != 0 {
			b = append(b, 0)
		}
		if comment != "" {
			b = append(b, option(1, []byte(comment))...)
			b = append(b, endOpts...)
		}
		return block(6, b)
	}
	ps := formatsPackets()
	for i, p := range ps {
		ts := uint64(p.sec)*1000000 + uint64(p.frac)
		switch {
		case i == 1 && !twoLinks:
			// Obsolete Packet Block (type 2): interface id, drops count,
			// timestamp, lengths.
			b := le.AppendUint16(nil, 0)
			b = le.AppendUint16(b, 0)
			b = le.AppendUint32(b, uint32(ts>>32))
			b = le.AppendUint32(b, uint32(ts))
			b = le.AppendUint32(b, uint32(len(p.data)))
			b = le.AppendUint32(b, uint32(len(p.data)))
			b = append(b, p.data...)
			out = append(out, block(2, b)...)
		default:
			out = append(out, epb(0, ts, p.data, "packet comment")...)
		}
	}
	if twoLinks {
		for _, p := range ps {
			// Nanoseconds, minus the interface's 1000 s offset.
			ts := uint64(p.sec-1000)*1000000000 + uint64(p.frac)*1000
			out = append(out, epb(1, ts, p.data[14:], "")...)
		}
	}
	return out
}
