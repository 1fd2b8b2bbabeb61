package tcpdump

import (
	"encoding/binary"
	"strconv"
)

// Byte accessors. Each one checks that the bytes it reads were captured and
// unwinds with errTruncated when they were not, as tcpdump's GET_ macros do.

// check unwinds unless b[off:off+n] was captured (tcpdump's ND_TCHECK_LEN).
func (p *Printer) check(b []byte, off, n int) {
	if off < 0 || n < 0 || off+n > len(b) || off+n < off {
		panic(errTruncated)
	}
}

// has reports whether b[off:off+n] was captured (tcpdump's ND_TTEST_LEN).
func has(b []byte, off, n int) bool {
	return off >= 0 && n >= 0 && off+n <= len(b) && off+n >= off
}

func (p *Printer) get8(b []byte, off int) uint8 {
	if off < 0 || off >= len(b) {
		panic(errTruncated)
	}
	return b[off]
}

func (p *Printer) get16(b []byte, off int) uint16 {
	p.check(b, off, 2)
	return binary.BigEndian.Uint16(b[off:])
}

func (p *Printer) get24(b []byte, off int) uint32 {
	p.check(b, off, 3)
	return uint32(b[off])<<16 | uint32(b[off+1])<<8 | uint32(b[off+2])
}

func (p *Printer) get32(b []byte, off int) uint32 {
	p.check(b, off, 4)
	return binary.BigEndian.Uint32(b[off:])
}

func (p *Printer) get64(b []byte, off int) uint64 {
	p.check(b, off, 8)
	return binary.BigEndian.Uint64(b[off:])
}

func (p *Printer) getLE16(b []byte, off int) uint16 {
	p.check(b, off, 2)
	return binary.LittleEndian.Uint16(b[off:])
}

func (p *Printer) getLE32(b []byte, off int) uint32 {
	p.check(b, off, 4)
	return binary.LittleEndian.Uint32(b[off:])
}

// Output helpers: everything is appended to p.out, never formatted with fmt
// in the hot path.

func (p *Printer) s(str string) { p.out = append(p.out, str...) }

func (p *Printer) c(ch byte) { p.out = append(p.out, ch) }

// u appends an unsigned decimal number (%u).
func (p *Printer) u(v uint64) { p.out = strconv.AppendUint(p.out, v, 10) }

// d appends a signed decimal number (%d).
func (p *Printer) d(v int64) { p.out = strconv.AppendInt(p.out, v, 10) }

// zpad appends v in decimal, zero-padded to width digits (%0Nu).
func (p *Printer) zpad(v uint64, width int) {
	var tmp [20]byte
	digits := strconv.AppendUint(tmp[:0], v, 10)
	for i := len(digits); i < width; i++ {
		p.out = append(p.out, '0')
	}
	p.out = append(p.out, digits...)
}

// padLeft appends str right-aligned in width columns (%Ns).
func (p *Printer) padLeft(str string, width int) {
	for i := len(str); i < width; i++ {
		p.out = append(p.out, ' ')
	}
	p.out = append(p.out, str...)
}

const hexDigits = "0123456789abcdef"

// hex appends v in lower-case hex, zero-padded to width digits (%0Nx);
// width 0 means no padding (%x).
func (p *Printer) hex(v uint64, width int) {
	var tmp [16]byte
	i := len(tmp)
	for v != 0 || i == len(tmp) {
		i--
		tmp[i] = hexDigits[v&0xf]
		v >>= 4
	}
	for n := len(tmp) - i; n < width; n++ {
		p.out = append(p.out, '0')
	}
	p.out = append(p.out, tmp[i:]...)
}

// hex0x appends "0x" and v as %x, or with width as %0Nx.
func (p *Printer) hex0x(v uint64, width int) {
	p.out = append(p.out, '0', 'x')
	p.hex(v, width)
}

// ip4 appends a dotted-quad IPv4 address from a 4-byte slice.
func (p *Printer) ip4(a []byte) {
	for i := 0; i < 4; i++ {
		if i > 0 {
			p.out = append(p.out, '.')
		}
		p.out = strconv.AppendUint(p.out, uint64(a[i]), 10)
	}
}

// getIP4 reads and appends the IPv4 address at b[off:off+4].
func (p *Printer) getIP4(b []byte, off int) {
	p.check(b, off, 4)
	p.ip4(b[off : off+4])
}

// mac appends a MAC address as tcpdump prints one (lower-case, colons).
func (p *Printer) mac(a []byte) {
	for i, x := range a {
		if i > 0 {
			p.out = append(p.out, ':')
		}
		p.out = append(p.out, hexDigits[x>>4], hexDigits[x&0xf])
	}
}

// getMAC reads and appends the 6-byte MAC address at b[off:].
func (p *Printer) getMAC(b []byte, off int) {
	p.check(b, off, 6)
	p.mac(b[off : off+6])
}

// tok returns the name of v in table, or "" when it has none.
func tok(table map[uint32]string, v uint32) (string, bool) {
	name, ok := table[v]
	return name, ok
}

// tokOr appends the name of v in table, or the unknown text with v.
// unknownFmt is printed as prefix + decimal(v) + suffix, mirroring
// tcpdump's tok2str(table, "unknown (%u)", v) family.
func (p *Printer) tokOr(table map[uint32]string, v uint32, prefix, suffix string) {
	if name, ok := table[v]; ok {
		p.s(name)
		return
	}
	p.s(prefix)
	p.u(uint64(v))
	p.s(suffix)
}
