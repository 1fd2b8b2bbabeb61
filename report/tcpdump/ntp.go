package tcpdump

import "time"

// NTP message layout (RFC 5905) as tcpdump reads it.
const (
	ntpTimeMsgLen = 48 // the time message without key id or digest
	ntpCtrlMsgLen = 12 // the control message header
	ntpJan1970    = 2208988800
)

// ntpModeName is tcpdump's ntp_mode_values.
var ntpModeNames = [8]string{
	"unspecified", "symmetric active", "symmetric passive", "Client",
	"Server", "Broadcast", "Control Message", "Reserved",
}

// ntpLeapNames is tcpdump's ntp_leapind_values, indexed by the top two bits.
var ntpLeapNames = [4]string{"", "+1s", "-1s", "clock unsynchronized"}

// ntp prints an NTP message (tcpdump's ntp_print).
func (p *Printer) ntp(b []byte, length int) {
	p.protocol = "ntp"
	status := p.get8(b, 0)
	p.s("NTPv")
	p.u(uint64((status & 0x38) >> 3))
	mode := status & 7
	p.s(", ")
	p.s(ntpModeNames[mode])
	p.s(", length ")
	p.u(uint64(length))
	if p.opts.Verbose == 0 {
		return
	}
	p.s("\n\tLeap indicator: ")
	p.s(ntpLeapNames[status>>6])
	p.s(" (")
	p.u(uint64(status & 0xc0))
	p.c(')')
	switch mode {
	case 0, 1, 2, 3, 4, 5:
		p.ntpTime(b, length)
	case 6:
		p.ntpControl(b, length)
	}
}

// ntpTime prints a time request or response (tcpdump's ntp_time_print).
func (p *Printer) ntpTime(b []byte, length int) {
	if length < ntpTimeMsgLen {
		p.s(" (invalid)")
		if !has(b, 0, length) {
			p.trunc()
		}
		return
	}
	stratum := p.get8(b, 1)
	p.s(", Stratum ")
	p.u(uint64(stratum))
	switch {
	case stratum == 0:
		p.s(" (unspecified)")
	case stratum == 1:
		p.s(" (primary reference)")
	case stratum <= 15:
		p.s(" (secondary reference)")
	default:
		p.s(" (reserved)")
	}
	poll := int8(p.get8(b, 2))
	p.s(", poll ")
	p.d(int64(poll))
	if poll > -32 && poll < 32 {
		if poll >= 0 {
			p.s(" (")
			p.u(uint64(1) << poll)
			p.s("s)")
		} else {
			p.s(" (1/")
			p.u(uint64(1) << -poll)
			p.s("s)")
		}
	}
	prec := int8(p.get8(b, 3))
	p.s(", precision ")
	p.d(int64(prec))

	if !has(b, 4, 4) {
		p.trunc()
		return
	}
	p.s("\n\tRoot Delay: ")
	p.ntpSfix(b, 4)
	if !has(b, 8, 4) {
		p.trunc()
		return
	}
	p.s(", Root dispersion: ")
	p.ntpSfix(b, 8)
	if !has(b, 12, 4) {
		p.trunc()
		return
	}
	p.s(", Reference-ID: ")
	switch stratum {
	case 0:
		p.s("(unspec)")
	case 1:
		for i := 12; i < 16; i++ {
			p.printChar(b[i])
		}
	case 62:
		p.ip4(b[12:16])
		p.s(" INFO_QUERY")
		return
	case 63:
		p.ip4(b[12:16])
		p.s(" INFO_REPLY")
		return
	default:
		p.s("0x")
		p.hex(uint64(be32(b[12:])), 8)
	}
	labels := [4]string{
		"\n\t  Reference Timestamp:  ", "\n\t  Originator Timestamp: ",
		"\n\t  Receive Timestamp:    ", "\n\t  Transmit Timestamp:   ",
	}
	for i, label := range labels {
		off := 16 + 8*i
		if !has(b, off, 8) {
			p.trunc()
			return
		}
		p.s(label)
		p.ntpTimestamp(b, off)
	}
	p.s("\n\t    Originator - Receive Timestamp:  ")
	p.ntpDelta(b, 24, 32)
	p.s("\n\t    Originator - Transmit Timestamp: ")
	p.ntpDelta(b, 24, 40)

	switch length {
	case ntpTimeMsgLen + 4:
		key := p.get32(b, 48)
		p.s("\n\tKey id: ")
		p.u(uint64(key))
	case ntpTimeMsgLen + 4 + 16, ntpTimeMsgLen + 4 + 20:
		key := p.get32(b, 48)
		p.s("\n\tKey id: ")
		p.u(uint64(key))
		n := length - ntpTimeMsgLen - 4
		if !has(b, 52, n) {
			p.trunc()
			return
		}
		p.s("\n\tAuthentication: ")
		for off := 52; off < 52+n; off += 4 {
			p.hex(uint64(be32(b[off:])), 8)
		}
	default:
		if length > ntpTimeMsgLen {
			p.s("\n\t(")
			p.u(uint64(length - ntpTimeMsgLen))
			p.s(" more bytes after the header)")
		}
	}
}

// ntpSfix prints a 16.16 fixed-point value (tcpdump's p_sfix).
func (p *Printer) ntpSfix(b []byte, off int) {
	i := p.get16(b, off)
	f := p.get16(b, off+2)
	ff := float64(f) / 65536.0
	p.d(int64(i))
	p.c('.')
	p.zpad(uint64(int32(ff*1000000.0)), 6)
}

// ntpFrac converts a 32-bit binary fraction to nanoseconds as tcpdump does.
func ntpFrac(uf uint32) uint64 {
	ff := float64(uf) / 4294967296.0
	return uint64(uint32(ff * 1000000000.0))
}

// ntpTimestamp prints a 64-bit NTP timestamp and its UTC date (tcpdump's
// p_ntp_time).
func (p *Printer) ntpTimestamp(b []byte, off int) {
	i := p.get32(b, off)
	uf := p.get32(b, off+4)
	p.u(uint64(i))
	p.c('.')
	p.zpad(ntpFrac(uf), 9)
	if i != 0 {
		t := time.Unix(int64(i)-ntpJan1970, 0).UTC()
		p.s(" (")
		p.out = t.AppendFormat(p.out, "2006-01-02T15:04:05Z")
		p.c(')')
	}
}

// ntpDelta prints the difference of the timestamps at b[to] and b[from]
// (tcpdump's p_ntp_delta).
func (p *Printer) ntpDelta(b []byte, from, to int) {
	u := p.get32(b, to)
	ou := p.get32(b, from)
	uf := p.get32(b, to+4)
	ouf := p.get32(b, from+4)
	if ou == 0 && ouf == 0 {
		p.ntpTimestamp(b, to)
		return
	}
	var i, f uint32
	neg := false
	switch {
	case u > ou:
		i = u - ou
		f = uf - ouf
		if ouf > uf {
			i--
		}
	case u < ou:
		neg = true
		i = ou - u
		f = ouf - uf
		if uf > ouf {
			i--
		}
	default:
		if uf > ouf {
			f = uf - ouf
		} else {
			neg = true
			f = ouf - uf
		}
	}
	if neg {
		p.c('-')
	} else {
		p.c('+')
	}
	p.u(uint64(i))
	p.c('.')
	p.zpad(ntpFrac(f), 9)
}

// ntpControl prints a mode 6 control message (tcpdump's
// ntp_control_print).
func (p *Printer) ntpControl(b []byte, length int) {
	if length < ntpCtrlMsgLen {
		p.s(" (invalid)")
		if !has(b, 0, length) {
			p.trunc()
		}
		return
	}
	control := p.get8(b, 1)
	if control&0x80 != 0 {
		p.s(", Response")
	} else {
		p.s(", Request")
	}
	if control&0x40 != 0 {
		p.s(", Error")
	} else {
		p.s(", OK")
	}
	if control&0x20 != 0 {
		p.s(", More")
	} else {
		p.s(", Last")
	}
	p.s(", OpCode=")
	p.u(uint64(control & 0x1f))
	seq := p.get16(b, 2)
	p.s("\n\tSequence=")
	p.u(uint64(seq))
	st := p.get16(b, 4)
	p.s(", Status=")
	if st != 0 {
		p.hex0x(uint64(st), 0)
	} else {
		p.c('0')
	}
	assoc := p.get16(b, 6)
	p.s(", Assoc.=")
	p.u(uint64(assoc))
	offset := p.get16(b, 8)
	p.s(", Offset=")
	p.u(uint64(offset))
	count := int(p.get16(b, 10))
	p.s(", Count=")
	p.u(uint64(count))
	if ntpCtrlMsgLen+count > length {
		p.s(" (invalid)")
		if !has(b, 0, length) {
			p.trunc()
		}
		return
	}
	if count != 0 {
		if !has(b, 12, count) {
			p.trunc()
			return
		}
		p.s("\n\tTO-BE-DONE: data not interpreted")
	}
}
