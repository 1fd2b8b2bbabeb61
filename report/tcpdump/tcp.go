package tcpdump

import "bytes"

// TCP header flags.
const (
	tcpFIN = 0x01
	tcpSYN = 0x02
	tcpRST = 0x04
	tcpPSH = 0x08
	tcpACK = 0x10
	tcpURG = 0x20
	tcpECE = 0x40
	tcpCWR = 0x80
)

// tcpSeqKey identifies a connection the way tcpdump's tcp_seq_hash does:
// the addresses and ports in a canonical order, so that both directions
// share one entry.
type tcpSeqKey struct {
	src, dst [16]byte
	port     uint32
	v6       bool
}

// tcpSeqEntry holds a connection's initial sequence numbers.
type tcpSeqEntry struct{ seq, ack uint32 }

// tcpSeqTable remembers each connection's initial sequence numbers, so that
// later segments print relative sequence numbers as tcpdump does.
type tcpSeqTable struct {
	m map[tcpSeqKey]tcpSeqEntry
}

// tcp prints a TCP segment (tcpdump's tcp_print).
func (p *Printer) tcp(b []byte, length int, ip *ipHdr) {
	p.protocol = "tcp"
	// Addresses as the IP header has them.
	var src, dst []byte
	var direct bool // the IP header's protocol is TCP itself
	if ip.v6 {
		src, dst = ip.raw[8:24], ip.raw[24:40]
		direct = ip.raw[6] == ipprotoTCP
	} else {
		src, dst = ip.raw[12:16], ip.raw[16:20]
		direct = ip.raw[9] == ipprotoTCP
	}
	if !has(b, 2, 2) {
		p.addr(src)
		p.s(" > ")
		p.addr(dst)
		p.c(':')
		p.trunc()
		return
	}
	sport := uint16(b[0])<<8 | uint16(b[1])
	dport := uint16(b[2])<<8 | uint16(b[3])
	if direct {
		p.addr(src)
		p.c('.')
		p.u(uint64(sport))
		p.s(" > ")
		p.addr(dst)
		p.c('.')
		p.u(uint64(dport))
		p.s(": ")
	} else {
		p.u(uint64(sport))
		p.s(" > ")
		p.u(uint64(dport))
		p.s(": ")
	}
	if !has(b, 0, 20) {
		p.trunc()
		return
	}
	hlen := int(b[12]>>4) * 4
	if hlen < 20 {
		p.s(" tcp ")
		p.u(uint64(uint32(length - hlen)))
		p.s(" [bad hdr length ")
		p.u(uint64(hlen))
		p.s(" - too short, < 20]")
		return
	}
	seq := be32(b[4:])
	ack := be32(b[8:])
	win := uint16(b[14])<<8 | uint16(b[15])
	urp := uint16(b[18])<<8 | uint16(b[19])
	if p.opts.Quiet {
		p.s("tcp ")
		p.u(uint64(uint32(length - hlen)))
		if hlen > length {
			p.s(" [bad hdr length ")
			p.u(uint64(hlen))
			p.s(" - too long, > ")
			p.u(uint64(uint32(length)))
			p.c(']')
		}
		return
	}
	flags := b[13]
	p.s("Flags [")
	if flags == 0 {
		p.s("none")
	} else {
		const names = "FSRP.UEW"
		for i := 0; i < 8; i++ {
			if flags&(1<<i) != 0 {
				p.c(names[i])
			}
		}
	}
	p.c(']')

	var thseq, thack uint32
	rev := false
	if !p.opts.AbsoluteSeq && flags&tcpACK != 0 {
		// Find or record the connection's initial sequence numbers,
		// keyed in an order that is the same for both directions.
		if sport > dport {
			rev = true
		} else if sport == dport && bytes.Compare(src, dst) > 0 {
			rev = true
		}
		var key tcpSeqKey
		key.v6 = ip.v6
		if rev {
			copy(key.src[:], dst)
			copy(key.dst[:], src)
			key.port = uint32(dport)<<16 | uint32(sport)
		} else {
			copy(key.src[:], src)
			copy(key.dst[:], dst)
			key.port = uint32(sport)<<16 | uint32(dport)
		}
		t := &p.tcpSeq
		if t.m == nil {
			t.m = make(map[tcpSeqKey]tcpSeqEntry)
		}
		e, ok := t.m[key]
		if !ok || flags&tcpSYN != 0 {
			if rev {
				e.ack, e.seq = seq, ack-1
			} else {
				e.seq, e.ack = seq, ack-1
			}
			t.m[key] = e
		} else if rev {
			seq -= e.ack
			ack -= e.seq
		} else {
			seq -= e.seq
			ack -= e.ack
		}
		thseq, thack = e.seq, e.ack
	}
	if hlen > length {
		p.s(" [bad hdr length ")
		p.u(uint64(hlen))
		p.s(" - too long, > ")
		p.u(uint64(uint32(length)))
		p.c(']')
		return
	}
	if p.opts.Verbose > 0 && !p.opts.NoVerify && !ip.fragmented {
		if has(b, 0, length) {
			sum := transportCksum(ip, ipprotoTCP, b[:length])
			field := uint16(b[16])<<8 | uint16(b[17])
			p.s(", cksum 0x")
			p.hex(uint64(field), 4)
			if sum != 0 {
				p.s(" (incorrect -> 0x")
				p.hex(uint64(cksumShouldBe(field, sum)), 4)
				p.c(')')
			} else {
				p.s(" (correct)")
			}
		}
	}
	length -= hlen
	if p.opts.Verbose > 1 || length > 0 || flags&(tcpSYN|tcpFIN|tcpRST) != 0 {
		p.s(", seq ")
		p.u(uint64(seq))
		if length > 0 {
			p.c(':')
			p.u(uint64(seq + uint32(length)))
		}
	}
	if flags&tcpACK != 0 {
		p.s(", ack ")
		p.u(uint64(ack))
	}
	p.s(", win ")
	p.u(uint64(win))
	if flags&tcpURG != 0 {
		p.s(", urg ")
		p.u(uint64(urp))
	}
	if hlen > 20 {
		if !p.tcpOptions(b, hlen, length, flags, rev, thseq, thack) {
			return
		}
	}
	p.s(", length ")
	p.u(uint64(uint32(length)))
	if length <= 0 {
		return
	}
	if !has(b, 0, hlen) {
		p.s(" [remaining caplen(")
		p.u(uint64(len(b)))
		p.s(") < header length(")
		p.u(uint64(hlen))
		p.s(")]")
		panic(errTruncated)
	}
	data := b[hlen:]
	if flags&tcpRST != 0 && p.opts.Verbose > 0 {
		p.tcpRSTData(data, length)
		return
	}
	p.tcpPayload(data, length, sport, dport)
}

// be32 reads a big-endian 32-bit number the caller has bounds-checked.
func be32(b []byte) uint32 {
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

// tcpOptions prints ", options [...]" for the options of the header
// b[:hlen]. It returns false where tcpdump stops printing the segment (a
// bad or truncated option).
func (p *Printer) tcpOptions(b []byte, hlen, length int, flags uint8, rev bool, thseq, thack uint32) bool {
	rem := hlen - 20
	cp := 20
	first := true
	p.s(", options [")
	for rem > 0 {
		if !first {
			p.c(',')
		}
		opt := p.get8(b, cp)
		cp++
		olen := 1
		zeroLen := opt == 0 || opt == 1
		if !zeroLen {
			olen = int(p.get8(b, cp))
			cp++
			if olen < 2 || olen > rem {
				return p.tcpBadOpt(first)
			}
			rem--
		}
		rem--
		datalen := 0
		// lencheck reports whether l option bytes are there and were
		// captured; when not, tcpdump prints "[bad opt]" or the
		// truncation marker and stops.
		bad, trunc := false, false
		lencheck := func(l int) bool {
			if l > rem {
				bad = true
				return false
			}
			if !has(b, cp, l) {
				trunc = true
				return false
			}
			return true
		}
		p.tcpOptName(opt)
		switch opt {
		case 2: // mss
			datalen = 2
			if lencheck(2) {
				p.c(' ')
				p.u(uint64(uint16(b[cp])<<8 | uint16(b[cp+1])))
			}
		case 3: // wscale
			datalen = 1
			if lencheck(1) {
				p.c(' ')
				p.u(uint64(b[cp]))
			}
		case 5: // sack
			datalen = olen - 2
			if datalen%8 != 0 {
				p.s(" invalid sack")
				break
			}
			p.c(' ')
			p.u(uint64(datalen / 8))
			p.c(' ')
			for i := 0; i < datalen; i += 8 {
				if !lencheck(i + 4) {
					break
				}
				s := be32(b[cp+i:])
				if !lencheck(i + 8) {
					break
				}
				e := be32(b[cp+i+4:])
				if rev {
					s -= thseq
					e -= thseq
				} else {
					s -= thack
					e -= thack
				}
				p.c('{')
				p.u(uint64(s))
				p.c(':')
				p.u(uint64(e))
				p.c('}')
			}
		case 11, 12, 13, 6, 7: // cc, ccnew, ccecho, echo, echoreply
			datalen = 4
			if lencheck(4) {
				p.c(' ')
				p.u(uint64(be32(b[cp:])))
			}
		case 8: // timestamp
			datalen = 8
			if lencheck(8) {
				p.s(" val ")
				p.u(uint64(be32(b[cp:])))
				p.s(" ecr ")
				p.u(uint64(be32(b[cp+4:])))
			}
		case 19: // md5 signature
			datalen = 16
			if lencheck(16) {
				p.c(' ')
				// tcpdump is built with OpenSSL but has no secret.
				if length > len(b)-hlen {
					p.s("snaplen too short, ")
				} else {
					p.s("shared secret not supplied with -M, ")
				}
				p.s("can't check - ")
				for i := 0; i < 16; i++ {
					p.hex(uint64(b[cp+i]), 2)
				}
			}
		case 20: // scps
			datalen = 2
			if lencheck(2) {
				p.s(" cap ")
				p.hex(uint64(b[cp]), 2)
				p.s(" id ")
				p.u(uint64(b[cp+1]))
			}
		case 29: // tcp-ao
			datalen = olen - 2
			if datalen < 2 {
				p.s(" (invalid)")
				break
			}
			if !lencheck(1) {
				break
			}
			p.s(" keyid ")
			p.u(uint64(b[cp]))
			if !lencheck(2) {
				break
			}
			p.s(" rnextkeyid ")
			p.u(uint64(b[cp+1]))
			if datalen > 2 {
				p.s(" mac 0x")
				for i := 2; i < datalen; i++ {
					if !lencheck(i + 1) {
						break
					}
					p.hex(uint64(b[cp+i]), 2)
				}
			}
		case 0, 1, 4: // eol, nop, sackOK
		case 28: // user timeout
			datalen = 2
			if lencheck(2) {
				v := uint(b[cp])<<8 | uint(b[cp+1])
				p.s(" 0x")
				p.hex(uint64(v), 0)
				if v&1 != 0 {
					v = (v >> 1) * 60
				} else {
					v >>= 1
				}
				p.c(' ')
				p.u(uint64(v))
			}
		case 30: // mptcp
			datalen = olen - 2
			if lencheck(datalen) {
				if !p.mptcp(b[cp-2:cp-2+olen], olen, flags) {
					bad = true
				}
			}
		case 34: // tcp fast open
			datalen = olen - 2
			if lencheck(datalen) {
				p.c(' ')
				p.tcpFastOpen(b[cp:cp+datalen], false)
			}
		case 254: // experimental (RFC 6994)
			datalen = olen - 2
			if !lencheck(datalen) {
				break
			}
			if datalen < 2 {
				bad = true
				break
			}
			magic := uint16(b[cp])<<8 | uint16(b[cp+1])
			p.c('-')
			if magic == 0xf989 {
				p.tcpFastOpen(b[cp+2:cp+datalen], true)
			} else {
				p.hex(uint64(magic), 4)
			}
		default:
			datalen = olen - 2
			if datalen > 0 {
				p.s(" 0x")
			}
			for i := 0; i < datalen; i++ {
				if !lencheck(i + 1) {
					break
				}
				p.hex(uint64(b[cp+i]), 2)
			}
		}
		if bad {
			return p.tcpBadOpt(first)
		}
		if trunc {
			p.trunc()
			if !first {
				p.c('>')
			}
			return false
		}
		cp += datalen
		rem -= datalen
		datalen++
		if !zeroLen {
			datalen++
		}
		if datalen != olen {
			p.s("[len ")
			p.u(uint64(olen))
			p.c(']')
		}
		first = false
		if opt == 0 {
			break
		}
	}
	p.c(']')
	return true
}

// tcpBadOpt prints tcpdump's marker for a malformed option.
func (p *Printer) tcpBadOpt(first bool) bool {
	p.s("[bad opt]")
	if !first {
		p.c(']')
	}
	return false
}

// tcpOptName appends tcpdump's name for a TCP option kind.
func (p *Printer) tcpOptName(opt uint8) {
	switch opt {
	case 0:
		p.s("eol")
	case 1:
		p.s("nop")
	case 2:
		p.s("mss")
	case 3:
		p.s("wscale")
	case 4:
		p.s("sackOK")
	case 5:
		p.s("sack")
	case 6:
		p.s("echo")
	case 7:
		p.s("echoreply")
	case 8:
		p.s("TS")
	case 11:
		p.s("cc")
	case 12:
		p.s("ccnew")
	case 13:
	case 19:
		p.s("md5")
	case 20:
		p.s("scps")
	case 28:
		p.s("uto")
	case 29:
		p.s("tcp-ao")
	case 30:
		p.s("mptcp")
	case 34:
		p.s("tfo")
	case 254:
		p.s("exp")
	default:
		p.s("unknown-")
		p.u(uint64(opt))
	}
}

// tcpFastOpen prints a TCP Fast Open cookie or cookie request.
func (p *Printer) tcpFastOpen(data []byte, exp bool) {
	if exp {
		p.s("tfo")
	}
	if len(data) == 0 {
		p.s(" cookiereq")
		return
	}
	if len(data)%2 != 0 || len(data) < 4 || len(data) > 16 {
		p.s(" (invalid)")
		return
	}
	p.s(" cookie ")
	for _, x := range data {
		p.hex(uint64(x), 2)
	}
}

// tcpRSTData prints the data of a reset segment (tcpdump's
// print_tcp_rst_data): at most 30 characters, unprintable ones escaped.
func (p *Printer) tcpRSTData(data []byte, length int) {
	if has(data, 0, length) {
		p.s(" [RST")
	} else {
		p.s(" [!RST")
	}
	if length > 30 {
		length = 30
		p.c('+')
	}
	p.c(' ')
	for i := 0; i < length && i < len(data); i++ {
		p.printChar(data[i])
	}
	p.c(']')
}

// tcpPayload hands the segment's data to the application printer chosen
// by port, in tcpdump's order. Protocols tcpdump decodes that we do not
// still take their ports, so that the choice stays the same.
func (p *Printer) tcpPayload(data []byte, length int, sport, dport uint16) {
	port := func(n uint16) bool { return sport == n || dport == n }
	switch {
	case port(23): // telnet: not decoded
	case port(25):
		p.s(": ")
		p.smtp(data, length)
	case port(43):
		p.s(": ")
		p.protocol = "whois"
		p.txtproto(data, length, nil, false)
	case port(179), port(1723), port(6379): // bgp, pptp, redis
	case port(22):
		p.ssh(data, length)
	case port(139), port(445), port(10288), port(6633), port(6653):
		// netbios, smb, beep, openflow: not decoded
	case port(21):
		p.s(": ")
		p.ftp(data, length)
	case port(80), port(8080):
		p.s(": ")
		p.http(data, length)
	case port(554), port(8554):
		p.s(": ")
		p.rtsp(data, length)
	case port(53):
		p.dns(data, length, true)
	}
}

// mptcp prints a Multipath TCP option (tcpdump's mptcp_print); opt is the
// whole option, kind and length included. It returns false when tcpdump
// reports the option as bad.
func (p *Printer) mptcp(opt []byte, olen int, flags uint8) bool {
	p.protocol = "mptcp"
	if olen < 3 {
		return false
	}
	sub := p.get8(opt, 2) >> 4
	if sub > 8 {
		sub = 8
	}
	p.c(' ')
	p.u(uint64(olen))
	p.c(' ')
	p.s([...]string{"capable", "join", "dss", "add-addr", "rem-addr", "prio", "fail", "fast-close", "unknown"}[sub])
	switch sub {
	case 0: // capable
		if !((olen == 12 || olen == 4) && flags&tcpSYN != 0) &&
			!((olen == 20 || olen == 22) && flags&(tcpSYN|tcpACK) == tcpACK) {
			return false
		}
		ver := p.get8(opt, 2) & 0xf
		if ver > 1 {
			p.s(" Unknown Version (")
			p.u(uint64(ver))
			p.c(')')
			return true
		}
		p.s(" v")
		p.u(uint64(ver))
		if p.get8(opt, 3)&0x80 != 0 {
			p.s(" csum")
		}
		if olen == 12 || olen >= 20 {
			p.s(" {0x")
			p.hex(p.get64(opt, 4), 0)
			if olen >= 20 {
				p.s(",0x")
				p.hex(p.get64(opt, 12), 0)
			}
			p.c('}')
		}
	case 1: // join
		if !(olen == 12 && flags&tcpSYN != 0) &&
			!(olen == 16 && flags&(tcpSYN|tcpACK) == tcpSYN|tcpACK) &&
			!(olen == 24 && flags&tcpACK != 0) {
			return false
		}
		if olen != 24 {
			if p.get8(opt, 2)&1 != 0 {
				p.s(" backup")
			}
			p.s(" id ")
			p.u(uint64(p.get8(opt, 3)))
		}
		switch olen {
		case 12:
			p.s(" token 0x")
			p.hex(uint64(p.get32(opt, 4)), 0)
			p.s(" nonce 0x")
			p.hex(uint64(p.get32(opt, 8)), 0)
		case 16:
			p.s(" hmac 0x")
			p.hex(p.get64(opt, 4), 0)
			p.s(" nonce 0x")
			p.hex(uint64(p.get32(opt, 12)), 0)
		case 24:
			p.s(" hmac 0x")
			for i := 4; i < 24; i++ {
				p.hex(uint64(p.get8(opt, i)), 2)
			}
		}
	case 2: // dss
		if olen < 4 || flags&tcpSYN != 0 {
			return false
		}
		f := p.get8(opt, 3)
		if f&0x10 != 0 {
			p.s(" fin")
		}
		o, rem := 4, olen-4
		var ok bool
		if f&0x01 != 0 {
			p.s(" ack ")
			if o, rem, ok = p.mptcpDSSNumber(opt, o, rem, f&0x02 != 0); !ok {
				return false
			}
		}
		if f&0x04 != 0 {
			p.s(" seq ")
			if o, rem, ok = p.mptcpDSSNumber(opt, o, rem, f&0x08 != 0); !ok {
				return false
			}
			if rem < 4 {
				return false
			}
			p.s(" subseq ")
			p.u(uint64(p.get32(opt, o)))
			o, rem = o+4, rem-4
			if rem < 2 {
				return false
			}
			p.s(" len ")
			p.u(uint64(p.get16(opt, o)))
			o, rem = o+2, rem-2
			if rem >= 2 {
				p.s(" csum 0x")
				p.hex(uint64(p.get16(opt, o)), 0)
				rem -= 2
			}
		}
		if rem != 0 {
			return false
		}
	case 3: // add-addr
		switch olen {
		case 8, 10, 16, 18, 20, 22, 28, 30:
		default:
			return false
		}
		p.c(' ')
		switch p.get8(opt, 2) & 0xf {
		case 6:
			p.s("v0-ip6")
		case 4:
			p.s("v0-ip4")
		case 1:
			p.s("v1-echo")
		case 0:
			p.s("v1")
		default:
			p.s("[bad version/echo]")
		}
		p.s(" id ")
		p.u(uint64(p.get8(opt, 3)))
		switch olen {
		case 8, 10, 16, 18:
			p.c(' ')
			p.getIP4(opt, 4)
			if olen == 10 || olen == 18 {
				p.c(':')
				p.u(uint64(p.get16(opt, 8)))
			}
			if olen == 16 {
				p.s(" hmac 0x")
				p.hex(p.get64(opt, 8), 0)
			}
			if olen == 18 {
				p.s(" hmac 0x")
				p.hex(p.get64(opt, 10), 0)
			}
		default:
			p.c(' ')
			p.getIP6(opt, 4)
			if olen == 22 || olen == 30 {
				p.c(':')
				p.u(uint64(p.get16(opt, 20)))
			}
			if olen == 28 {
				p.s(" hmac 0x")
				p.hex(p.get64(opt, 20), 0)
			}
			if olen == 30 {
				p.s(" hmac 0x")
				p.hex(p.get64(opt, 22), 0)
			}
		}
	case 4: // rem-addr
		if olen < 4 {
			return false
		}
		p.s(" id")
		for i := 0; i < olen-3; i++ {
			p.c(' ')
			p.u(uint64(p.get8(opt, 3+i)))
		}
	case 5: // prio
		if olen != 3 && olen != 4 {
			return false
		}
		if p.get8(opt, 2)&1 != 0 {
			p.s(" backup")
		} else {
			p.s(" non-backup")
		}
		if olen == 4 {
			p.s(" id ")
			p.u(uint64(p.get8(opt, 3)))
		}
	case 6: // fail
		if olen != 12 {
			return false
		}
		p.s(" seq ")
		p.u(p.get64(opt, 4))
	case 7: // fast-close
		if olen != 12 {
			return false
		}
		p.s(" key 0x")
		p.hex(p.get64(opt, 4), 0)
	}
	return true
}

// mptcpDSSNumber prints a DSS data ACK or sequence number at opt[o:], 8
// bytes when wide is set, else 4, and returns the offset and the option
// bytes left after it; ok is false when rem is too short for it.
func (p *Printer) mptcpDSSNumber(opt []byte, o, rem int, wide bool) (int, int, bool) {
	if wide {
		if rem < 8 {
			return o, rem, false
		}
		p.u(p.get64(opt, o))
		return o + 8, rem - 8, true
	}
	if rem < 4 {
		return o, rem, false
	}
	p.u(uint64(p.get32(opt, o)))
	return o + 4, rem - 4, true
}
