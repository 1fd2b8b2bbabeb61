package tcpdump

// GRE flag bits (RFC 1701, 2784, 2890; PPTP's RFC 2637 adds the ack bit).
const (
	greCP = 0x8000 // checksum present
	greRP = 0x4000 // routing present
	greKP = 0x2000 // key present
	greSP = 0x1000 // sequence number present
	gresP = 0x0800 // strict source route
	greAP = 0x0080 // acknowledgment present (version 1)
)

// greFlagNames is tcpdump's gre_flag_values.
var greFlagNames = [...]bitName{
	{greCP, "checksum present"}, {greRP, "routing present"},
	{greKP, "key present"}, {greSP, "sequence# present"},
	{gresP, "source routing present"}, {greAP, "ack present"},
}

// greFlags appends the names of the set GRE flags, comma-separated, or
// "none" (tcpdump's bittok2str over gre_flag_values).
func (p *Printer) greFlags(flags uint16) { p.bitNames(uint32(flags), greFlagNames[:]) }

// gre prints a GRE packet (tcpdump's gre_print) and what it carries.
// Where tcpdump checks a field and gives up with "[|gre]" it does so
// without unwinding, so the hex dump still starts after the link header.
func (p *Printer) gre(b []byte, length int) {
	p.protocol = "gre"
	p.s("GRE")
	if !has(b, 0, 2) || length < 2 {
		p.trunc()
		return
	}
	vers := b[1] & 7
	p.c('v')
	p.u(uint64(vers))
	switch vers {
	case 0:
		p.gre0(b, length)
	case 1:
		p.gre1(b, length)
	default:
		p.s(" ERROR: unknown-version")
	}
}

// greEnd prints the part common to both versions after the header
// fields: with -e the protocol, then the length and the separator before
// the payload.
func (p *Printer) greEnd(prot uint16, length int) {
	if p.opts.Ether {
		p.s(", proto ")
		if name, ok := etherTypes[uint32(prot)]; ok {
			p.s(name)
		} else {
			p.s("unknown")
		}
		p.s(" (0x")
		p.hex(uint64(prot), 4)
		p.c(')')
	}
	p.s(", length ")
	p.u(uint64(uint32(length)))
}

func (p *Printer) greSep() {
	if p.opts.Verbose < 1 {
		p.s(": ")
	} else {
		p.s("\n\t")
	}
}

// gre0 prints a version 0 GRE header and its payload.
func (p *Printer) gre0(b []byte, length int) {
	n := length
	flags := uint16(b[0])<<8 | uint16(b[1])
	if p.opts.Verbose > 0 {
		p.s(", Flags [")
		p.greFlags(flags)
		p.c(']')
	}
	off := 2
	n -= 2
	if !has(b, off, 2) || n < 2 {
		p.trunc()
		return
	}
	prot := uint16(b[off])<<8 | uint16(b[off+1])
	off += 2
	n -= 2
	if flags&(greCP|greRP) != 0 {
		if !has(b, off, 2) || n < 2 {
			p.trunc()
			return
		}
		if p.opts.Verbose > 0 {
			p.s(", sum 0x")
			p.hex(uint64(uint16(b[off])<<8|uint16(b[off+1])), 0)
		}
		off += 2
		n -= 2
		if !has(b, off, 2) || n < 2 {
			p.trunc()
			return
		}
		p.s(", off 0x")
		p.hex(uint64(uint16(b[off])<<8|uint16(b[off+1])), 0)
		off += 2
		n -= 2
	}
	if flags&greKP != 0 {
		if !has(b, off, 4) || n < 4 {
			p.trunc()
			return
		}
		p.s(", key=0x")
		p.hex(uint64(be32(b[off:])), 0)
		off += 4
		n -= 4
	}
	if flags&greSP != 0 {
		if !has(b, off, 4) || n < 4 {
			p.trunc()
			return
		}
		p.s(", seq ")
		p.u(uint64(be32(b[off:])))
		off += 4
		n -= 4
	}
	if flags&greRP != 0 {
		for {
			if !has(b, off, 2) || n < 2 {
				p.trunc()
				return
			}
			af := uint16(b[off])<<8 | uint16(b[off+1])
			off += 2
			n -= 2
			if !has(b, off, 1) || n < 1 {
				p.trunc()
				return
			}
			sreoff := b[off]
			off++
			n--
			if !has(b, off, 1) || n < 1 {
				p.trunc()
				return
			}
			srelen := b[off]
			off++
			n--
			if af == 0 && srelen == 0 {
				break
			}
			if !p.greSRE(af, sreoff, srelen, b[off:], n) {
				p.trunc()
				return
			}
			if n < int(srelen) {
				p.trunc()
				return
			}
			off += int(srelen)
			n -= int(srelen)
		}
	}
	p.greEnd(prot, length)
	p.greSep()
	if off > len(b) {
		off = len(b)
	}
	payload := b[off:]
	switch prot {
	case 0x0800:
		p.ipv4(payload, n)
	case 0x86dd:
		p.ipv6(payload, n)
	case 0x6558:
		p.ether(payload, n)
	default:
		p.s("gre-proto-0x")
		p.hex(uint64(prot), 0)
	}
}

// greSRE prints one source route entry; false means tcpdump gives up.
func (p *Printer) greSRE(af uint16, sreoff, srelen uint8, b []byte, n int) bool {
	var ok bool
	switch af {
	case 0x0800:
		p.s(", (rtaf=ip")
		ok = p.greSREList(sreoff, srelen, b, n, 4)
		p.c(')')
	case 0xfffe:
		p.s(", (rtaf=asn")
		ok = p.greSREList(sreoff, srelen, b, n, 2)
		p.c(')')
	default:
		p.s(", (rtaf=0x")
		p.hex(uint64(af), 0)
		p.c(')')
		ok = true
	}
	return ok
}

// greSREList prints the IPv4 addresses (size 4) or AS numbers (size 2) of
// a source route entry, starring the one at the offset.
func (p *Printer) greSREList(sreoff, srelen uint8, b []byte, n, size int) bool {
	mask := uint8(size - 1)
	if sreoff&mask != 0 {
		p.s(", badoffset=")
		p.u(uint64(sreoff))
		return false
	}
	if srelen&mask != 0 {
		p.s(", badlength=")
		p.u(uint64(srelen))
		return false
	}
	if sreoff >= srelen {
		p.s(", badoff/len=")
		p.u(uint64(sreoff))
		p.c('/')
		p.u(uint64(srelen))
		return false
	}
	rem := int(srelen)
	for off := 0; rem != 0; off += size {
		if n < size || !has(b, off, size) {
			return false
		}
		p.c(' ')
		if off == int(sreoff) {
			p.c('*')
		}
		if size == 4 {
			p.ip4(b[off : off+4])
		} else {
			p.hex(uint64(uint16(b[off])<<8|uint16(b[off+1])), 0)
		}
		n -= size
		rem -= size
	}
	return true
}

// gre1 prints a version 1 (PPTP) GRE header and its payload.
func (p *Printer) gre1(b []byte, length int) {
	n := length
	flags := uint16(b[0])<<8 | uint16(b[1])
	off := 2
	n -= 2
	if p.opts.Verbose > 0 {
		p.s(", Flags [")
		p.greFlags(flags)
		p.c(']')
	}
	if !has(b, off, 2) || n < 2 {
		p.trunc()
		return
	}
	prot := uint16(b[off])<<8 | uint16(b[off+1])
	off += 2
	n -= 2
	if flags&greKP != 0 {
		// The payload length, then the call ID.
		if !has(b, off, 2) || n < 2 {
			p.trunc()
			return
		}
		off += 2
		n -= 2
		if !has(b, off, 2) || n < 2 {
			p.trunc()
			return
		}
		p.s(", call ")
		p.u(uint64(uint16(b[off])<<8 | uint16(b[off+1])))
		off += 2
		n -= 2
	}
	if flags&greSP != 0 {
		if !has(b, off, 4) || n < 4 {
			p.trunc()
			return
		}
		p.s(", seq ")
		p.u(uint64(be32(b[off:])))
		off += 4
		n -= 4
	}
	if flags&greAP != 0 {
		if !has(b, off, 4) || n < 4 {
			p.trunc()
			return
		}
		p.s(", ack ")
		p.u(uint64(be32(b[off:])))
		off += 4
		n -= 4
	}
	if flags&greSP == 0 {
		p.s(", no-payload")
	}
	p.greEnd(prot, length)
	if flags&greSP == 0 {
		return
	}
	p.greSep()
	if off > len(b) {
		off = len(b)
	}
	switch prot {
	case 0x880b:
		p.ppp(b[off:], n)
	default:
		p.s("gre-proto-0x")
		p.hex(uint64(prot), 0)
	}
}
