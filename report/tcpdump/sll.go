package tcpdump

import (
	"net"
	"sync"
)

// Linux cooked captures (SLL v1 and v2), BSD loopback (NULL and LOOP) and
// raw IP link types, as tcpdump's print-sll.c, print-null.c and
// print-raw.c print them.

// sllPktType is tcpdump's sll_pkttype_values table.
func sllPktType(t uint16) string {
	switch t {
	case 0:
		return "In"
	case 1:
		return "B"
	case 2:
		return "M"
	case 3:
		return "P"
	case 4:
		return "Out"
	}
	return "?"
}

// sllProto appends the protocol field of a cooked header for -e:
// "ethertype NAME (0xNNNN)", "802.3" or "802.2".
func (p *Printer) sllProto(t uint16) {
	if t <= 1500 {
		switch t {
		case 1:
			p.s("802.3")
		case 4:
			p.s("802.2")
		default:
			p.s("ethertype Unknown (0x")
			p.hex(uint64(t), 4)
			p.c(')')
		}
		return
	}
	p.etherTypeName(t) // not quiet: the headers print no protocol with -q
}

// sllHeader prints the v1 cooked header as tcpdump's sll_print does.
func (p *Printer) sllHeader(b []byte, length int) {
	p.protocol = "sll"
	p.padLeft(sllPktType(p.get16(b, 0)), 3)
	p.c(' ')
	if p.get16(b, 4) == 6 {
		p.getMAC(b, 6)
		p.c(' ')
	}
	if !p.opts.Quiet {
		p.sllProto(p.get16(b, 14))
		p.s(", length ")
		p.u(uint64(length))
		p.s(": ")
	}
}

// sll2Header prints the v2 cooked header as tcpdump's sll2_print does.
func (p *Printer) sll2Header(b []byte, length int) {
	p.protocol = "sll2"
	p.s("ifindex ")
	p.u(uint64(p.get32(b, 4)))
	p.c(' ')
	if p.get8(b, 11) == 6 {
		p.getMAC(b, 12)
		p.c(' ')
	}
	if !p.opts.Quiet {
		p.sllProto(p.get16(b, 0))
		p.s(", length ")
		p.u(uint64(length))
		p.s(": ")
	}
}

// sll prints a Linux cooked (v1) frame and returns the header length.
func (p *Printer) sll(b []byte, length int) int {
	p.protocol = "sll"
	p.check(b, 0, 16)
	hdr := b
	if p.opts.Ether {
		p.sllHeader(hdr, length)
	}
	return p.sllPayload(hdr, b[16:], length-16, 16, p.get16(hdr, 2), p.get16(hdr, 14), func(n int) {
		p.sllHeader(hdr, n+16)
	})
}

// sll2 prints a Linux cooked v2 frame and returns the header length.
func (p *Printer) sll2(b []byte, length int) int {
	p.protocol = "sll2"
	p.check(b, 0, 20)
	hdr := b
	p.s(sll2IfName(p.get32(b, 4)))
	p.c(' ')
	p.sll2PktType(p.get8(b, 10))
	if p.opts.Ether {
		p.sll2Header(hdr, length)
	}
	return p.sllPayload(hdr, b[20:], length-20, 20, p.get16(hdr, 8), p.get16(hdr, 0), func(n int) {
		p.sll2Header(hdr, n+20)
	})
}

// sll2PktType appends the packet type left-aligned in 3 columns and a space.
func (p *Printer) sll2PktType(t uint8) {
	name := sllPktType(uint16(t))
	p.s(name)
	for i := len(name); i < 4; i++ {
		p.c(' ')
	}
}

// sllPayload prints what follows a cooked header (both versions); header
// prints the cooked header with the given remaining length, for tcpdump's
// fallback on unknown types.
func (p *Printer) sllPayload(hdr, b []byte, length, hdrlen int, hatype, t uint16, header func(int)) int {
	if hatype == 803 {
		// A radiotap header follows; we only report its truncation,
		// as tcpdump's printer does before decoding it.
		p.protocol = "802.11_radio"
		if len(b) < 8 {
			p.trunc()
			return hdrlen + len(b)
		}
		n := int(b[2]) | int(b[3])<<8
		if n < 8 || len(b) < n {
			p.trunc()
			return hdrlen + len(b)
		}
		p.defaultPrint(b)
		return hdrlen
	}
	for {
		if t <= 1500 {
			switch t {
			case 1:
				p.llcIPX(b, length)
			case 4:
				n := p.llc(b, length, nil, nil)
				if n >= 0 {
					return hdrlen + n
				}
				if !p.suppressDefault() {
					p.defaultPrint(b)
				}
			default:
				if !p.suppressDefault() {
					p.defaultPrint(b)
				}
			}
			return hdrlen
		}
		if t != 0x8100 {
			break
		}
		if len(b) < 4 {
			p.protocol = "vlan"
			p.trunc()
			return hdrlen + len(b)
		}
		if p.opts.Ether {
			p.vlanTCI(p.get16(b, 0))
			p.s(", ")
		}
		t = p.get16(b, 2)
		if t <= 1500 {
			t = 4
		}
		if !p.opts.Quiet {
			p.s("ethertype ")
			if name, ok := etherTypes[uint32(t)]; ok {
				p.s(name)
			} else {
				p.s("Unknown")
			}
			p.s(", ")
		}
		b, length, hdrlen = b[4:], length-4, hdrlen+4
	}
	if !p.etherType(t, b, length) {
		if !p.opts.Ether {
			header(length)
		}
		if !p.suppressDefault() {
			p.defaultPrint(b)
		}
	}
	return hdrlen
}

// Interface names for SLL2 frames: tcpdump on Linux prints the name the
// capturing host's interface index has on the machine reading the file.
var (
	ifNameMu    sync.Mutex
	ifNameCache map[uint32]string
)

// sll2IfName returns the local name of an interface index padded to 5
// columns, or "?    " when there is none.
func sll2IfName(idx uint32) string {
	ifNameMu.Lock()
	defer ifNameMu.Unlock()
	if name, ok := ifNameCache[idx]; ok {
		return name
	}
	if ifNameCache == nil {
		ifNameCache = make(map[uint32]string)
	}
	name := "?"
	if idx != 0 && idx <= 1<<31 {
		if ifi, err := net.InterfaceByIndex(int(idx)); err == nil && ifi.Name != "" {
			name = ifi.Name
		}
	}
	for len(name) < 5 {
		name += " "
	}
	ifNameCache[idx] = name
	return name
}

// bsdAFName is tcpdump's bsd_af_values table.
func bsdAFName(af uint32) string {
	switch af {
	case 2:
		return "IPv4"
	case 6:
		return "NS"
	case 7:
		return "ISO"
	case 16:
		return "Appletalk"
	case 23:
		return "IPX"
	case 24, 28, 30:
		return "IPv6"
	}
	return ""
}

// nullHeader prints the address family header as tcpdump's null_hdr_print.
func (p *Printer) nullHeader(af uint32, length int) {
	name := bsdAFName(af)
	if !p.opts.Quiet {
		p.s("AF ")
		if name == "" {
			name = "Unknown"
		}
		p.s(name)
		p.s(" (")
		p.u(uint64(af))
		p.c(')')
	} else if name != "" {
		p.s(name)
	} else {
		p.s("Unknown AF ")
		p.u(uint64(af))
	}
	p.s(", length ")
	p.u(uint64(length))
	p.s(": ")
}

// null prints a BSD loopback frame (4-byte address family) and returns
// the header length.
func (p *Printer) null(b []byte, length int, _ uint32) int {
	p.protocol = "null"
	p.check(b, 0, 4)
	// The family is in the capturing host's byte order (DLT_NULL) or in
	// network order (DLT_LOOP); tcpdump 4.99 reads both in its own
	// (little-endian here) and swaps when the upper half is set.
	af := p.getLE32(b, 0)
	if af&0xffff0000 != 0 {
		af = af>>24 | af>>8&0xff00 | af<<8&0xff0000 | af<<24
	}
	if p.opts.Ether {
		p.nullHeader(af, length)
	}
	b, length = b[4:], length-4
	switch af {
	case 2:
		p.ipv4(b, length)
	case 24, 28, 30:
		p.ipv6(b, length)
	default:
		if !p.opts.Ether {
			p.nullHeader(af, length+4)
		}
		if !p.suppressDefault() {
			p.defaultPrint(b)
		}
	}
	return 4
}

// raw prints a raw IP frame, IPv4 or IPv6 by its version nibble, as
// tcpdump's raw_if_print and ipN_print.
func (p *Printer) raw(b []byte, length int) int {
	if p.opts.Ether {
		p.s("ip: ")
	}
	p.protocol = "ipN"
	if length < 1 {
		p.s("truncated-ip ")
		p.u(uint64(length))
		return 0
	}
	switch p.get8(b, 0) & 0xf0 {
	case 0x40:
		p.ipv4(b, length)
	case 0x60:
		p.ipv6(b, length)
	default:
		p.s("unknown ip ")
		p.u(uint64(b[0] >> 4))
	}
	return 0
}

// rawIPv4 prints a LINKTYPE_IPV4 frame (tcpdump dispatches on the version).
func (p *Printer) rawIPv4(b []byte, length int) int {
	return p.raw(b, length)
}

// rawIPv6 prints a LINKTYPE_IPV6 frame (tcpdump dispatches on the version).
func (p *Printer) rawIPv6(b []byte, length int) int {
	return p.raw(b, length)
}
