package main

import "encoding/binary"

// Small builders shared by the fixture files.

// ether returns an Ethernet II header.
func ether(dst, src []byte, etherType uint16) []byte {
	b := append(append([]byte{}, dst...), src...)
	return binary.BigEndian.AppendUint16(b, etherType)
}

// cksum is the Internet checksum of the concatenated parts.
func cksum(parts ...[]byte) uint16 {
	var sum uint32
	for _, b := range parts {
		for i := 0; i+1 < len(b); i += 2 {
			sum += uint32(b[i])<<8 | uint32(b[i+1])
		}
		if len(b)%2 == 1 {
			sum += uint32(b[len(b)-1]) << 8
		}
	}
	for sum>>16 != 0 {
		sum = sum&0xffff + sum>>16
	}
	return ^uint16(sum)
}

var (
	macA  = []byte{0x02, 0x00, 0x00, 0x00, 0x00, 0x0a}
	macB  = []byte{0x02, 0x00, 0x00, 0x00, 0x00, 0x0b}
	bcast = []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}
)
