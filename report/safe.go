package report

import (
	"io"
	"unicode/utf8"
)

// safeWriter passes text through with every byte that could act on a
// terminal written as \xNN: C0 and C1 control characters (escape sequences
// start with them), DEL, and bytes that are not valid UTF-8. Newlines, tabs
// and printable UTF-8 (µs, →) pass as they are. So no payload byte reaches
// the terminal raw, whatever a capture holds.
type safeWriter struct {
	w    io.Writer
	buf  []byte
	tail []byte // an incomplete UTF-8 sequence from the previous Write
}

func (s *safeWriter) Write(b []byte) (int, error) {
	n := len(b)
	if len(s.tail) > 0 {
		b = append(s.tail, b...)
		s.tail = nil
	}
	s.buf = s.buf[:0]
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c < 0x7f || c == '\n' || c == '\t' {
				s.buf = append(s.buf, c)
			} else {
				s.buf = escapeByte(s.buf, c)
			}
			i++
			continue
		}
		if !utf8.FullRune(b[i:]) && len(b)-i < utf8.UTFMax {
			s.tail = append([]byte(nil), b[i:]...)
			break
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError || r >= 0x80 && r < 0xa0 {
			s.buf = escapeByte(s.buf, c)
			i++
			continue
		}
		s.buf = append(s.buf, b[i:i+size]...)
		i += size
	}
	if _, err := s.w.Write(s.buf); err != nil {
		return 0, err
	}
	return n, nil
}

func escapeByte(dst []byte, c byte) []byte {
	const hex = "0123456789abcdef"
	return append(dst, '\\', 'x', hex[c>>4], hex[c&0xf])
}

// flush writes a trailing incomplete UTF-8 sequence, escaped.
func (s *safeWriter) flush() error {
	if len(s.tail) == 0 {
		return nil
	}
	s.buf = s.buf[:0]
	for _, c := range s.tail {
		s.buf = escapeByte(s.buf, c)
	}
	s.tail = nil
	_, err := s.w.Write(s.buf)
	return err
}
