// Package source reads capture files as a stream of frames: pcap (µs and ns,
// either byte order), pcapng (several interfaces), gzip or zstd compressed,
// from a file or stdin. Every length read from a file is checked against a
// cap before anything is allocated from it.
package source

import (
	"strconv"
	"time"
)

// Link types (LINKTYPE_* values as stored in capture files).
const (
	LinkNull     uint32 = 0   // BSD loopback, host byte order family
	LinkEthernet uint32 = 1   // Ethernet II / 802.3
	LinkRaw      uint32 = 101 // raw IPv4 or IPv6
	LinkRawOld12 uint32 = 12  // DLT_RAW on most BSDs
	LinkRawOld14 uint32 = 14  // DLT_RAW on OpenBSD
	LinkLoop     uint32 = 108 // OpenBSD loopback, network byte order family
	LinkLinuxSLL uint32 = 113 // Linux cooked capture v1
	LinkIPv4     uint32 = 228 // raw IPv4
	LinkIPv6     uint32 = 229 // raw IPv6
	LinkSLL2     uint32 = 276 // Linux cooked capture v2
)

// Frame is one captured packet. Data is only valid until the next call to
// Next: copy what you keep.
type Frame struct {
	// Index is the 1-based packet number, as tcpdump's -# and Wireshark
	// number frames.
	Index int
	// Sec and Frac are the timestamp exactly as the file holds it: Frac is
	// in nanoseconds when Nano is set, else microseconds. It is not
	// normalised, because tcpdump prints an out-of-range fraction as is.
	Sec  int64
	Frac uint32
	Nano bool
	// CapLen is len(Data); OrigLen the length of the packet on the wire.
	CapLen  int
	OrigLen int
	// LinkType is the frame's link type, masked as libpcap masks it.
	LinkType uint32
	// Interface is the pcapng interface index (0 for pcap).
	Interface int
	// Offset is the byte offset of the frame's record in the
	// (decompressed) capture stream.
	Offset int64
	Data   []byte
	// Comments are the pcapng packet comments, if any.
	Comments []string
}

// Time returns the frame's timestamp as a time.Time.
func (f *Frame) Time() time.Time {
	if f.Nano {
		return time.Unix(f.Sec, int64(f.Frac)).UTC()
	}
	return time.Unix(f.Sec, int64(f.Frac)*1000).UTC()
}

// Nanos returns the sub-second part in nanoseconds, unnormalised.
func (f *Frame) Nanos() uint64 {
	if f.Nano {
		return uint64(f.Frac)
	}
	return uint64(f.Frac) * 1000
}

// linkTypeNames are libpcap's names and descriptions of the link types we
// read.
var linkTypeNames = map[uint32][2]string{
	LinkNull:     {"NULL", "BSD loopback"},
	LinkEthernet: {"EN10MB", "Ethernet"},
	9:            {"PPP", "PPP"},
	LinkRawOld12: {"RAW", "Raw IP"},
	LinkRawOld14: {"RAW", "Raw IP"},
	LinkRaw:      {"RAW", "Raw IP"},
	LinkLoop:     {"LOOP", "OpenBSD loopback"},
	LinkLinuxSLL: {"LINUX_SLL", "Linux cooked v1"},
	LinkIPv4:     {"IPV4", "Raw IPv4"},
	LinkIPv6:     {"IPV6", "Raw IPv6"},
	LinkSLL2:     {"LINUX_SLL2", "Linux cooked v2"},
}

// LinkTypeName returns libpcap's name of a link type ("EN10MB") and its
// description ("Ethernet"); for one it does not know, the number.
func LinkTypeName(lt uint32) (name, description string) {
	if n, ok := linkTypeNames[lt]; ok {
		return n[0], n[1]
	}
	s := strconv.FormatUint(uint64(lt), 10)
	return s, s
}
