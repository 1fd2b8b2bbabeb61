package main

// Regression fixtures for differences from tcpdump found after the
// protocol areas were done: each packet once printed differently.

func regressIPv4(proto byte, payload string) []byte {
	ip := []byte{0x45, 0, 0, byte(20 + len(payload)), 0, 1, 0, 0, 64, proto, 0, 0, 192, 0, 2, 1, 198, 51, 100, 1}
	c := cksum(ip)
	ip[10], ip[11] = byte(c>>8), byte(c)
	return append(ip, payload...)
}

func init() {
	// IPv4 protocol 62 is named in the -v header line, as in IPv6's.
	register(fixture{name: "regress-ipproto62.pcap", linkType: 1, packets: func() []packet {
		return []packet{{sec: 1700000000, data: append(ether(macB, macA, 0x0800), regressIPv4(62, "abcd")...)}}
	}})
	// LINKTYPE_PPP: VJ-uncompressed (0x002f) prints as IPv4 and
	// VJ-compressed (0x00fd) as "compressed PPP data".
	register(fixture{name: "regress-ppp-vj.pcap", linkType: 9, packets: func() []packet {
		return []packet{
			{sec: 1700000000, data: append([]byte{0xff, 0x03, 0x00, 0x2f}, regressIPv4(17, "\x00\x35\x00\x35\x00\x0c\x00\x00abcd")...)},
			{sec: 1700000001, data: []byte{0xff, 0x03, 0x00, 0xfd, 1, 2, 3, 4}},
		}
	}})
}
