// Package inetsum computes the Internet checksum (RFC 1071) of IPv4, TCP,
// UDP, ICMP and ICMPv6: once, fast, for both the analysis engine and the
// tcpdump printer.
package inetsum

import (
	"encoding/binary"
	"math/bits"
)

// The Internet checksum (RFC 1071) is the one's-complement sum of 16-bit
// big-endian words. One's-complement addition does not depend on byte
// order, so Add adds little-endian 64-bit words (a plain load on
// common CPUs) with end-around carry, and Fold folds the result to 16
// bits and swaps it back to network order. Values added by hand to a sum
// (pseudo-header protocol and length) go through AddWord.

// Add adds b to the running sum s (kept in the little-endian domain).
func Add(s uint64, b []byte) uint64 {
	var carries, c uint64
	for len(b) >= 32 {
		s, c = bits.Add64(s, binary.LittleEndian.Uint64(b), 0)
		s, c = bits.Add64(s, binary.LittleEndian.Uint64(b[8:]), c)
		s, c = bits.Add64(s, binary.LittleEndian.Uint64(b[16:]), c)
		s, c = bits.Add64(s, binary.LittleEndian.Uint64(b[24:]), c)
		carries += c
		b = b[32:]
	}
	for len(b) >= 8 {
		s, c = bits.Add64(s, binary.LittleEndian.Uint64(b), 0)
		carries += c
		b = b[8:]
	}
	// At most 7 bytes left: add them as one zero-padded word.
	var tail uint64
	switch len(b) {
	case 7:
		tail = uint64(binary.LittleEndian.Uint32(b)) | uint64(binary.LittleEndian.Uint16(b[4:]))<<32 | uint64(b[6])<<48
	case 6:
		tail = uint64(binary.LittleEndian.Uint32(b)) | uint64(binary.LittleEndian.Uint16(b[4:]))<<32
	case 5:
		tail = uint64(binary.LittleEndian.Uint32(b)) | uint64(b[4])<<32
	case 4:
		tail = uint64(binary.LittleEndian.Uint32(b))
	case 3:
		tail = uint64(binary.LittleEndian.Uint16(b)) | uint64(b[2])<<16
	case 2:
		tail = uint64(binary.LittleEndian.Uint16(b))
	case 1:
		tail = uint64(b[0])
	}
	s, c = bits.Add64(s, tail, 0)
	carries += c
	s, c = bits.Add64(s, carries, 0)
	return s + c // cannot overflow: a carry leaves s < carries
}

// Fold folds an Add sum to 16 bits in network byte order, not
// complemented: a correct packet (checksum field included) folds to 0xffff.
func Fold(s uint64) uint16 {
	s = (s >> 32) + (s & 0xffffffff)
	s = (s >> 32) + (s & 0xffffffff)
	s = (s >> 16) + (s & 0xffff)
	s = (s >> 16) + (s & 0xffff)
	s = (s >> 16) + (s & 0xffff)
	return swap16(uint16(s))
}

func swap16(v uint16) uint16 { return bits.ReverseBytes16(v) }

// AddWord adds a 16-bit value given in host order (a pseudo-header's
// protocol or length) to the running sum s.
func AddWord(s uint64, v uint16) uint64 {
	s, c := bits.Add64(s, uint64(swap16(v)), 0)
	return s + c
}

// Checksum returns the Internet checksum of b: 0 when b holds a correct
// checksum field, else the complement of its folded sum, as a network-order
// value.
func Checksum(b []byte) uint16 { return ^Fold(Add(0, b)) }

// OnesSub returns a - b in 16-bit one's-complement arithmetic.
func OnesSub(a, b uint16) uint16 {
	s := uint32(a) + uint32(^b)
	s = (s >> 16) + (s & 0xffff)
	return uint16(s)
}
