package tcpdump

// DHCPv6 (RFC 8415 and its option RFCs) as tcpdump 4.99's dhcp6_print
// decodes it.

// dhcp6MsgName is the name of a DHCPv6 message type, or "" when tcpdump
// has none.
func dhcp6MsgName(t uint8) string {
	switch t {
	case 1:
		return "solicit"
	case 2:
		return "advertise"
	case 3:
		return "request"
	case 4:
		return "confirm"
	case 5:
		return "renew"
	case 6:
		return "rebind"
	case 7:
		return "reply"
	case 8:
		return "release"
	case 9:
		return "decline"
	case 10:
		return "reconfigure"
	case 11:
		return "inf-req"
	case 12:
		return "relay-fwd"
	case 13:
		return "relay-reply"
	case 14:
		return "leasequery"
	case 15:
		return "leasequery-reply"
	}
	return ""
}

// dhcp6OptName is the name of a DHCPv6 option code, or "".
func dhcp6OptName(c uint16) string {
	switch c {
	case 1:
		return "client-ID"
	case 2:
		return "server-ID"
	case 3:
		return "IA_NA"
	case 4:
		return "IA_TA"
	case 5:
		return "IA_ADDR"
	case 6:
		return "option-request"
	case 7:
		return "preference"
	case 8:
		return "elapsed-time"
	case 9:
		return "relay-message"
	case 11:
		return "authentication"
	case 12:
		return "server-unicast"
	case 13:
		return "status-code"
	case 14:
		return "rapid-commit"
	case 15:
		return "user-class"
	case 16:
		return "vendor-class"
	case 17:
		return "vendor-specific-info"
	case 18:
		return "interface-ID"
	case 19:
		return "reconfigure-message"
	case 20:
		return "reconfigure-accept"
	case 21:
		return "SIP-servers-domain"
	case 22:
		return "SIP-servers-address"
	case 23:
		return "DNS-server"
	case 24:
		return "DNS-search-list"
	case 25:
		return "IA_PD"
	case 26:
		return "IA_PD-prefix"
	case 27:
		return "NIS-server"
	case 28:
		return "NIS+-server"
	case 29:
		return "NIS-domain-name"
	case 30:
		return "NIS+-domain-name"
	case 31:
		return "SNTP-servers"
	case 32:
		return "lifetime"
	case 33:
		return "BCMCS-domain-name"
	case 34:
		return "BCMCS-server"
	case 36:
		return "Geoconf-Civic"
	case 37:
		return "Remote-ID"
	case 38:
		return "Subscriber-ID"
	case 39:
		return "Client-FQDN"
	case 40:
		return "PANA-agent"
	case 41:
		return "POSIX-timezone"
	case 42:
		return "POSIX-tz-database"
	case 43:
		return "Echo-request-option"
	case 44:
		return "Lease-query"
	case 45:
		return "LQ-client-data"
	case 46:
		return "Clt-time"
	case 47:
		return "LQ-relay-data"
	case 48:
		return "LQ-client-link"
	case 56:
		return "NTP-server"
	case 64:
		return "AFTR-Name"
	case 112:
		return "MUD-URL"
	}
	return ""
}

func (p *Printer) dhcp6Opt(c uint16) {
	if name := dhcp6OptName(c); name != "" {
		p.s(name)
		return
	}
	p.s("opt_")
	p.u(uint64(c))
}

// dhcp6StatusName is tcpdump's dhcp6stcode.
func (p *Printer) dhcp6Status(code uint16) {
	names := [...]string{"Success", "UnspecFail", "NoAddrsAvail", "NoBinding",
		"NotOnLink", "UseMulticast", "NoPrefixAvail", "UnknownQueryType",
		"MalformedQuery", "NotConfigured", "NotAllowed"}
	switch {
	case code > 255:
		p.s("INVALID code")
	case int(code) < len(names):
		p.s(names[code])
	default:
		p.s("code")
		p.u(uint64(code))
	}
}

// dhcp6 prints a DHCPv6 message (tcpdump's dhcp6_print). b holds the
// captured bytes (its end is the snapend), length the UDP payload length.
func (p *Printer) dhcp6(b []byte, length int) {
	p.protocol = "dhcp6"
	p.s("dhcp6")
	ep := len(b)
	if length < ep {
		ep = length
	}
	if !has(b, 0, 4) {
		p.trunc()
		return
	}
	msgtype := b[0]
	name := dhcp6MsgName(msgtype)
	p.c(' ')
	if name != "" {
		p.s(name)
	} else {
		p.s("msgtype-")
		p.u(uint64(msgtype))
	}
	if p.opts.Verbose == 0 {
		return
	}
	p.s(" (")
	if msgtype != 12 && msgtype != 13 {
		p.s("xid=")
		p.hex(uint64(p.get32(b, 0)&0x00ffffff), 0)
		p.dhcp6Opts(b, 4, ep)
	} else {
		p.check(b, 2, 16)
		p.s("linkaddr=")
		p.getIP6(b, 2)
		p.check(b, 18, 16)
		p.s(" peeraddr=")
		p.getIP6(b, 18)
		p.dhcp6Opts(b, 34, ep)
	}
	p.c(')')
}

// dhcp6Hex prints n bytes from off as %02x each.
func (p *Printer) dhcp6Hex(b []byte, off, n int) {
	for i := 0; i < n; i++ {
		p.hex(uint64(p.get8(b, off+i)), 2)
	}
}

// dhcp6HexMax prints at most the first 10 of n bytes, then "...".
func (p *Printer) dhcp6HexMax(b []byte, off, n int) {
	if n > 10 {
		n = 10
	}
	p.dhcp6Hex(b, off, n)
	p.s("...")
}

// dhcp6Opts prints the options in b[cp:ep] (tcpdump's dhcp6opt_print).
func (p *Printer) dhcp6Opts(b []byte, cp, ep int) {
	for cp < ep {
		if ep < cp+4 {
			p.trunc()
			return
		}
		p.check(b, cp, 4)
		optlen := int(p.get16(b, cp+2))
		if ep < cp+4+optlen {
			p.trunc()
			return
		}
		opttype := p.get16(b, cp)
		p.s(" (")
		p.dhcp6Opt(opttype)
		if !has(b, cp+4, optlen) {
			p.trunc()
			return
		}
		tp := cp + 4
		end := tp + optlen
		switch opttype {
		case 1, 2: // client-ID, server-ID
			if optlen < 2 {
				p.s(" ?)")
				break
			}
			switch p.get16(b, tp) {
			case 1:
				if optlen >= 8 {
					p.s(" hwaddr/time type ")
					p.u(uint64(p.get16(b, tp+2)))
					p.s(" time ")
					p.u(uint64(p.get32(b, tp+4)))
					p.c(' ')
					p.dhcp6Hex(b, tp+8, optlen-8)
					p.c(')')
				} else {
					p.s(" ?)")
				}
			case 2:
				if optlen >= 10 {
					p.s(" vid ")
					p.dhcp6Hex(b, tp+2, 8)
					p.c(')')
				} else {
					p.s(" ?)")
				}
			case 3:
				if optlen >= 4 {
					p.s(" hwaddr type ")
					p.u(uint64(p.get16(b, tp+2)))
					p.c(' ')
					p.dhcp6Hex(b, tp+4, optlen-4)
					p.c(')')
				} else {
					p.s(" ?)")
				}
			default:
				p.s(" type ")
				p.u(uint64(p.get16(b, tp)))
				p.c(')')
			}
		case 5: // IA_ADDR
			if optlen < 24 {
				p.s(" ?)")
				break
			}
			p.c(' ')
			p.getIP6(b, tp)
			p.s(" pltime:")
			p.u(uint64(p.get32(b, tp+16)))
			p.s(" vltime:")
			p.u(uint64(p.get32(b, tp+20)))
			if optlen > 24 {
				p.dhcp6Opts(b, tp+24, end)
			}
			p.c(')')
		case 6, 43: // option-request, echo-request
			if optlen%2 != 0 {
				p.s(" ?)")
				break
			}
			for i := 0; i < optlen; i += 2 {
				p.c(' ')
				p.dhcp6Opt(p.get16(b, tp+i))
			}
			p.c(')')
		case 7: // preference
			if optlen != 1 {
				p.s(" ?)")
				break
			}
			p.c(' ')
			p.u(uint64(p.get8(b, tp)))
			p.c(')')
		case 8: // elapsed-time
			if optlen != 2 {
				p.s(" ?)")
				break
			}
			p.c(' ')
			p.u(uint64(p.get16(b, tp)))
			p.c(')')
		case 9: // relay-message
			p.s(" (")
			inner := b
			if end < len(inner) {
				inner = inner[:end]
			}
			p.dhcp6(inner[tp:], optlen)
			p.c(')')
		case 11: // authentication
			p.dhcp6Auth(b, tp, optlen)
		case 14, 20: // rapid-commit, reconfigure-accept
			p.c(')')
		case 18, 38: // interface-ID, subscriber-ID
			p.c(' ')
			p.dhcp6HexMax(b, tp, optlen)
			p.c(')')
		case 19: // reconfigure-message
			if optlen != 1 {
				p.s(" ?)")
				break
			}
			switch t := p.get8(b, tp); t {
			case 5:
				p.s(" for renew)")
			case 11:
				p.s(" for inf-req)")
			default:
				p.s(" for ???(")
				p.hex(uint64(t), 2)
				p.s("))")
			}
		case 22, 23, 31, 27, 28, 34, 40, 48: // address lists
			if optlen%16 != 0 {
				p.s(" ?)")
				break
			}
			for i := 0; i < optlen; i += 16 {
				p.c(' ')
				p.getIP6(b, tp+i)
			}
			p.c(')')
		case 21, 24: // domain lists
			for tp < end {
				p.c(' ')
				next, ok := p.dnsNameAt(b, tp, end)
				if !ok {
					p.trunc()
					return
				}
				tp = next
			}
			p.c(')')
		case 13: // status-code
			if optlen < 2 {
				p.s(" ?)")
				break
			}
			p.c(' ')
			p.dhcp6Status(p.get16(b, tp))
			p.c(')')
		case 3, 25: // IA_NA, IA_PD
			if optlen < 12 {
				p.s(" ?)")
				break
			}
			p.s(" IAID:")
			p.u(uint64(p.get32(b, tp)))
			p.s(" T1:")
			p.u(uint64(p.get32(b, tp+4)))
			p.s(" T2:")
			p.u(uint64(p.get32(b, tp+8)))
			if optlen > 12 {
				p.dhcp6Opts(b, tp+12, end)
			}
			p.c(')')
		case 4: // IA_TA
			if optlen < 4 {
				p.s(" ?)")
				break
			}
			p.s(" IAID:")
			p.u(uint64(p.get32(b, tp)))
			if optlen > 4 {
				p.dhcp6Opts(b, tp+4, end)
			}
			p.c(')')
		case 26: // IA_PD-prefix
			if optlen < 25 {
				p.s(" ?)")
				break
			}
			p.c(' ')
			p.getIP6(b, tp+9)
			p.c('/')
			p.u(uint64(p.get8(b, tp+8)))
			p.s(" pltime:")
			p.u(uint64(p.get32(b, tp)))
			p.s(" vltime:")
			p.u(uint64(p.get32(b, tp+4)))
			if optlen > 25 {
				p.dhcp6Opts(b, tp+25, end)
			}
			p.c(')')
		case 32, 46: // lifetime, clt-time
			if optlen != 4 {
				p.s(" ?)")
				break
			}
			p.c(' ')
			p.u(uint64(p.get32(b, tp)))
			p.c(')')
		case 37: // remote-ID
			if optlen < 4 {
				p.s(" ?)")
				break
			}
			p.c(' ')
			p.u(uint64(p.get32(b, tp)))
			p.c(' ')
			p.dhcp6HexMax(b, tp+4, optlen-4)
			p.c(')')
		case 44: // lease-query
			if optlen < 17 {
				p.s(" ?)")
				break
			}
			switch t := p.get8(b, tp); t {
			case 1:
				p.s(" by-address")
			case 2:
				p.s(" by-clientID")
			default:
				p.s(" type_")
				p.u(uint64(t))
			}
			p.c(' ')
			p.getIP6(b, tp+1)
			if optlen > 17 {
				p.dhcp6Opts(b, tp+17, end)
			}
			p.c(')')
		case 45: // LQ-client-data
			if optlen > 0 {
				p.dhcp6Opts(b, tp, end)
			}
			p.c(')')
		case 47: // LQ-relay-data
			if optlen < 16 {
				p.s(" ?)")
				break
			}
			p.c(' ')
			p.getIP6(b, tp)
			p.c(' ')
			p.dhcp6HexMax(b, tp+16, optlen-16)
			p.c(')')
		case 56: // NTP-server
			if optlen < 4 {
				p.s(" ?)")
				break
			}
			for tp < end-4 {
				code := p.get16(b, tp)
				sublen := int(p.get16(b, tp+2))
				tp += 4
				if tp+sublen > end {
					p.trunc()
					return
				}
				p.s(" subopt:")
				p.u(uint64(code))
				switch code {
				case 1, 2:
					if sublen != 16 {
						p.s(" ?")
						break
					}
					p.c(' ')
					p.getIP6(b, tp)
				case 3:
					p.c(' ')
					if _, ok := p.dnsNameAt(b, tp, tp+sublen); !ok {
						p.trunc()
						return
					}
				default:
					p.s(" ?")
				}
				tp += sublen
			}
			p.c(')')
		case 64: // AFTR-Name
			if optlen < 3 {
				p.s(" ?)")
				break
			}
			remain := optlen
			p.c(' ')
			for remain > 0 && p.get8(b, tp) != 0 {
				l := int(p.get8(b, tp))
				tp++
				if l < remain-1 {
					p.dhcp6Printjnp(b, tp, l)
					tp += l
					remain -= l + 1
					if p.get8(b, tp) != 0 {
						p.c('.')
					}
				} else {
					p.s(" ?")
					break
				}
			}
			p.c(')')
		case 41, 42, 112: // timezones, MUD-URL
			if optlen < 5 {
				p.s(" ?)")
				break
			}
			p.c(' ')
			p.dhcp6Printjnp(b, tp, optlen)
			p.c(')')
		default:
			p.c(')')
		}
		cp += 4 + optlen
	}
}

// dhcp6Printjnp prints up to n characters, stopping at a NUL (tcpdump's
// nd_printjnp).
func (p *Printer) dhcp6Printjnp(b []byte, off, n int) {
	for i := 0; i < n; i++ {
		c := p.get8(b, off+i)
		if c == 0 {
			return
		}
		p.printChar(c)
	}
}

// dhcp6Auth prints the body of an authentication option.
func (p *Printer) dhcp6Auth(b []byte, tp, optlen int) {
	if optlen < 11 {
		p.s(" ?)")
		return
	}
	proto := p.get8(b, tp)
	switch proto {
	case 2:
		p.s(" proto: delayed")
	case 3:
		p.s(" proto: reconfigure")
	default:
		p.s(" proto: ")
		p.u(uint64(proto))
	}
	tp++
	if alg := p.get8(b, tp); alg == 1 {
		p.s(", alg: HMAC-MD5")
	} else {
		p.s(", alg: ")
		p.u(uint64(alg))
	}
	tp++
	if rdm := p.get8(b, tp); rdm == 0 {
		p.s(", RDM: mono")
	} else {
		p.s(", RDM: ")
		p.u(uint64(rdm))
	}
	tp++
	p.s(", RD:")
	for i := 0; i < 4; i++ {
		p.c(' ')
		p.hex(uint64(p.get16(b, tp)), 4)
		tp += 2
	}
	info := optlen - 11
	switch proto {
	case 2:
		if info == 0 {
			break
		}
		if info < 20 {
			p.s(" ??")
			break
		}
		realm := info - 20
		if realm > 0 {
			p.s(", realm: ")
		}
		for i := 0; i < realm; i++ {
			p.hex(uint64(p.get8(b, tp)), 2)
			tp++
		}
		p.s(", key ID: ")
		p.hex(uint64(p.get32(b, tp)), 8)
		tp += 4
		p.s(", HMAC-MD5:")
		for i := 0; i < 4; i++ {
			p.c(' ')
			p.hex(uint64(p.get32(b, tp)), 8)
			tp += 4
		}
	case 3:
		if info != 17 {
			p.s(" ??")
			break
		}
		switch p.get8(b, tp) {
		case 1:
			p.s(" reconfig-key")
		case 2:
			p.s(" type: HMAC-MD5")
		default:
			p.s(" type: ??")
		}
		tp++
		p.s(" value:")
		for i := 0; i < 4; i++ {
			p.c(' ')
			p.hex(uint64(p.get32(b, tp)), 8)
			tp += 4
		}
	default:
		p.s(" ??")
	}
	p.c(')')
}
