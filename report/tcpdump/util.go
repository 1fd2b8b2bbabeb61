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

// printChar appends a byte as tcpdump's fn_print_char does: "M-" for the
// high bit, "^X" for control characters.
func (p *Printer) printChar(c byte) {
	if c >= 0x80 {
		c &= 0x7f
		p.s("M-")
	}
	if c < 0x20 || c == 0x7f {
		c ^= 0x40
		p.c('^')
	}
	p.c(c)
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

// bitName names one bit of a flags field, for bitNames.
type bitName struct {
	bit  uint32
	name string
}

// bitNames appends the names of the bits of v set in table, in the table's
// order, ", "-separated, or "none" when none is (tcpdump's bittok2str).
func (p *Printer) bitNames(v uint32, table []bitName) {
	first := true
	for _, t := range table {
		if v&t.bit != 0 {
			if !first {
				p.s(", ")
			}
			p.s(t.name)
			first = false
		}
	}
	if first {
		p.s("none")
	}
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

// unknownDataAt is tcpdump's print_unknown_data for b[off:off+n], each line
// starting with indent. It reports false, after tcpdump's dissector error,
// when off lies past the captured bytes.
func (p *Printer) unknownDataAt(b []byte, off, n int, indent string) bool {
	if off > len(b) {
		p.s(indent)
		p.s("Dissector error: print_unknown_data called with pointer past end of packet")
		return false
	}
	p.unknownData(b[off:], n, indent)
	return true
}

// unknownData is tcpdump's print_unknown_data: hex of what was captured of
// b[:n], each line starting with indent.
func (p *Printer) unknownData(b []byte, n int, indent string) {
	n = max(0, min(n, len(b)))
	p.hexPrint(indent, b[:n])
}

// hexPrint is tcpdump's hex_print: all of b, in rows of 16 bytes, each row
// starting with ident and the offset ("0x0000: "), then groups of two bytes.
func (p *Printer) hexPrint(ident string, b []byte) {
	off := 0
	i := 0
	for ; i+1 < len(b); i += 2 {
		if i%16 == 0 {
			p.s(ident)
			p.s("0x")
			p.hex(uint64(off), 4)
			p.s(": ")
			off += 16
		}
		p.c(' ')
		p.hex(uint64(b[i]), 2)
		p.hex(uint64(b[i+1]), 2)
	}
	if i < len(b) {
		if i%16 == 0 {
			p.s(ident)
			p.s("0x")
			p.hex(uint64(off), 4)
			p.s(": ")
		}
		p.c(' ')
		p.hex(uint64(b[i]), 2)
	}
}
