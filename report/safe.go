package report

import "io"

// safeWriter passes text through with every byte that could act on a
// terminal (control characters, escape sequences, bytes ≥ 0x7f) written as
// \xNN, so that no payload byte reaches the terminal raw. Newlines and tabs
// pass as they are.
type safeWriter struct {
	w   io.Writer
	buf []byte
}

func (s *safeWriter) Write(b []byte) (int, error) {
	s.buf = s.buf[:0]
	for _, c := range b {
		if c >= 0x20 && c < 0x7f || c == '\n' || c == '\t' {
			s.buf = append(s.buf, c)
			continue
		}
		const hex = "0123456789abcdef"
		s.buf = append(s.buf, '\\', 'x', hex[c>>4], hex[c&0xf])
	}
	if _, err := s.w.Write(s.buf); err != nil {
		return 0, err
	}
	return len(b), nil
}
