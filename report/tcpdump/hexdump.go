package tcpdump

// hexDump appends tcpdump's hex dump of b: lines of 16 bytes as "\n\t0x0000: "
// followed by groups of two bytes, and with ascii set, the printable
// characters after the hex (-X), non-printables as '.'.
func (p *Printer) hexDump(b []byte, ascii bool) {
	for off := 0; off < len(b); off += 16 {
		line := b[off:min(off+16, len(b))]
		p.s("\n\t0x")
		p.hex(uint64(off), 4)
		p.s(": ")
		for i := 0; i < len(line); i += 2 {
			p.c(' ')
			if i+1 < len(line) {
				p.out = append(p.out, hexDigits[line[i]>>4], hexDigits[line[i]&0xf], hexDigits[line[i+1]>>4], hexDigits[line[i+1]&0xf])
			} else {
				p.out = append(p.out, hexDigits[line[i]>>4], hexDigits[line[i]&0xf])
			}
		}
		if !ascii {
			continue
		}
		// Pad the hex part to its full width (8 groups of " xxxx") so
		// that the ASCII column lines up, then two spaces.
		width := 8*5 - (len(line)/2)*5
		if len(line)%2 == 1 {
			width -= 3
		}
		for i := 0; i < width; i++ {
			p.c(' ')
		}
		p.s("  ")
		for _, ch := range line {
			// Graphic characters only: a space prints as '.' here.
			if ch > 0x20 && ch < 0x7f {
				p.c(ch)
			} else {
				p.c('.')
			}
		}
	}
}

// asciiDump appends the bytes as tcpdump's -A prints them: printable
// characters and line breaks as they are, anything else as '.'.
func (p *Printer) asciiDump(b []byte) {
	p.c('\n')
	for i, ch := range b {
		switch {
		case ch == '\t' || ch == '\n':
			p.c(ch)
		case ch == '\r':
			// A CR that ends a line is dropped, as tcpdump does.
			if i+1 == len(b) || b[i+1] != '\n' {
				p.c('.')
			}
		case ch >= 0x20 && ch < 0x7f:
			p.c(ch)
		default:
			p.c('.')
		}
	}
}
