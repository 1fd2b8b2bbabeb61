package tcpdump

// RIP message layout (RFC 1058, RFC 2453, RFC 4822).
const (
	ripRouteLen = 20
	ripAuthLen  = 16
)

// ripCmdName is tcpdump's rip_cmd_values, or "" for an unknown command.
func ripCmdName(cmd uint8) string {
	switch cmd {
	case 1:
		return "Request"
	case 2:
		return "Response"
	case 3:
		return "Trace on"
	case 4:
		return "Trace off"
	case 5:
		return "Poll"
	case 6:
		return "Poll Entry"
	}
	return ""
}

// mask2plen returns the prefix length of a contiguous netmask, or -1.
func mask2plen(mask uint32) int {
	for plen := 32; plen >= 0; plen-- {
		if plen == 0 {
			if mask == 0 {
				return 0
			}
			break
		}
		if mask == ^uint32(0)<<(32-plen) {
			return plen
		}
	}
	return -1
}

// rip prints a RIP message (tcpdump's rip_print).
func (p *Printer) rip(b []byte, length int) {
	p.protocol = "rip"
	n := min(len(b), length)
	if n < 4 {
		p.trunc()
		return
	}
	n -= 4
	vers := b[1]
	cmd := b[0]
	if p.opts.Verbose >= 1 {
		p.s("\n\t")
	}
	p.s("RIPv")
	p.u(uint64(vers))
	p.s(", ")
	if name := ripCmdName(cmd); name != "" {
		p.s(name)
	} else {
		p.s("unknown command (")
		p.u(uint64(cmd))
		p.c(')')
	}
	p.s(", length: ")
	p.u(uint64(length))
	if p.opts.Verbose < 1 {
		return
	}
	switch cmd {
	case 1, 2:
		if vers != 1 && vers != 2 {
			p.s(", unknown version")
			break
		}
		p.s(", routes: ")
		p.u(uint64(length / ripRouteLen))
		if vers == 2 {
			p.s(" or less")
		}
		off := 4
		for n != 0 {
			var size int
			if vers == 1 {
				size = p.ripEntryV1(b, off, n)
			} else {
				size = p.ripEntryV2(b, off, n)
			}
			if size == 0 {
				p.trunc()
				break
			}
			if n < size {
				p.s(" [remaining entries length ")
				p.u(uint64(n))
				p.s(" < ")
				p.u(uint64(size))
				p.s("] (invalid)")
				break
			}
			off += size
			n -= size
		}
	case 4, 5, 6:
	default:
		if p.opts.Verbose <= 1 {
			if !p.unknownDataAt(b, 0, length, "\n\t") {
				return
			}
		}
	}
	if p.opts.Verbose > 1 {
		p.unknownDataAt(b, 0, length, "\n\t")
	}
}

// ripEntryV1 prints an RFC 1058 entry and returns its size, or 0 when it
// is cut short.
func (p *Printer) ripEntryV1(b []byte, off, remaining int) int {
	if remaining < ripRouteLen || !has(b, off, ripRouteLen) {
		return 0
	}
	e := b[off : off+ripRouteLen]
	family := uint16(e[0])<<8 | uint16(e[1])
	if family != 2 && family != 0 {
		p.s("\n\t AFI ")
		if name := bsdAFName(uint32(family)); name != "" {
			p.s(name)
		} else {
			p.s("Unknown (")
			p.u(uint64(family))
			p.c(')')
		}
		p.s(", ")
		p.unknownDataAt(b, off+4, ripRouteLen-4, "\n\t  ")
		return ripRouteLen
	}
	if e[2] != 0 || e[3] != 0 || be32(e[8:]) != 0 || be32(e[12:]) != 0 {
		p.unknownDataAt(b, off, ripRouteLen, "\n\t  ")
		return ripRouteLen
	}
	if family == 0 {
		p.s("\n\t  AFI 0, ")
	} else {
		p.s("\n\t  ")
	}
	p.ip4(e[4:8])
	p.s(", metric: ")
	p.u(uint64(be32(e[16:])))
	return ripRouteLen
}

// ripEntryV2 prints an RFC 2453 entry or authentication entry and returns
// its size, or 0 when it is cut short.
func (p *Printer) ripEntryV2(b []byte, off, remaining int) int {
	if remaining < 4 || !has(b, off, 4) {
		return 0
	}
	family := uint16(b[off])<<8 | uint16(b[off+1])
	switch {
	case family == 0xffff:
		authType := uint16(b[off+2])<<8 | uint16(b[off+3])
		off += 4
		remaining -= 4
		switch authType {
		case 2:
			p.s("\n\t  Simple Text Authentication data: ")
			for i := 0; i < ripAuthLen; i++ {
				c := p.get8(b, off+i)
				if c == 0 {
					break
				}
				p.printChar(c)
			}
		case 3:
			if !has(b, off, 16) || remaining < 16 {
				return 0
			}
			p.s("\n\t  Auth header: Packet Len ")
			p.u(uint64(uint16(b[off])<<8 | uint16(b[off+1])))
			p.s(", Key-ID ")
			p.u(uint64(b[off+2]))
			p.s(", Auth Data Len ")
			p.u(uint64(b[off+3]))
			p.s(", SeqNo ")
			p.u(uint64(be32(b[off+4:])))
			p.s(", MBZ ")
			p.u(uint64(be32(b[off+8:])))
			p.s(", MBZ ")
			p.u(uint64(be32(b[off+12:])))
		case 1:
			p.s("\n\t  Auth trailer:")
			p.unknownDataAt(b, off, remaining, "\n\t  ")
			return 4 + remaining
		default:
			p.s("\n\t  Unknown (")
			p.u(uint64(authType))
			p.s(") Authentication data:")
			p.unknownDataAt(b, off, remaining, "\n\t  ")
			return 4 + remaining
		}
	case family != 2 && family != 0:
		p.s("\n\t  AFI ")
		if name := bsdAFName(uint32(family)); name != "" {
			p.s(name)
		} else {
			p.s("Unknown (")
			p.u(uint64(family))
			p.c(')')
		}
		p.unknownDataAt(b, off+4, ripRouteLen-4, "\n\t  ")
	default:
		if !has(b, off, ripRouteLen) || remaining < ripRouteLen {
			return 0
		}
		e := b[off : off+ripRouteLen]
		p.s("\n\t  AFI ")
		if family == 2 {
			p.s("IPv4")
		} else {
			p.c('0')
		}
		p.s(", ")
		var dst [15]byte
		save := p.out
		p.out = dst[:0]
		p.ip4(e[4:8])
		addr := p.out
		p.out = save
		p.padLeft(string(addr), 15)
		p.c('/')
		plen := mask2plen(be32(e[8:]))
		mark := len(p.out)
		p.d(int64(plen))
		for len(p.out)-mark < 2 {
			p.c(' ')
		}
		p.s(", tag 0x")
		p.hex(uint64(uint16(e[2])<<8|uint16(e[3])), 4)
		p.s(", metric: ")
		p.u(uint64(be32(e[16:])))
		p.s(", next-hop: ")
		if be32(e[12:]) != 0 {
			p.ip4(e[12:16])
		} else {
			p.s("self")
		}
	}
	return ripRouteLen
}
