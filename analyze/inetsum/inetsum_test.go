package inetsum

import "testing"

// reference is RFC 1071's plain loop over big-endian 16-bit words.
func reference(b []byte) uint16 {
	var s uint32
	for i := 0; i+1 < len(b); i += 2 {
		s += uint32(b[i])<<8 | uint32(b[i+1])
	}
	if len(b)%2 == 1 {
		s += uint32(b[len(b)-1]) << 8
	}
	for s > 0xffff {
		s = s>>16 + s&0xffff
	}
	return ^uint16(s)
}

func TestChecksumMatchesReference(t *testing.T) {
	b := make([]byte, 300)
	for i := range b {
		b[i] = byte(i*37 + 11)
	}
	for n := 0; n < len(b); n++ {
		got, want := Checksum(b[:n]), reference(b[:n])
		// 0x0000 and 0xffff are the same one's-complement zero.
		if got != want && !(got^want == 0xffff && (got == 0 || want == 0)) {
			t.Fatalf("len %d: 0x%04x, reference 0x%04x", n, got, want)
		}
	}
	// A host-order word added by AddWord counts as the bytes it stands for.
	if got, want := Fold(AddWord(Add(0, []byte{0xab}), 0x00cd)), ^reference([]byte{0xab, 0x00, 0x00, 0xcd}); got != want {
		t.Errorf("AddWord: 0x%04x, want 0x%04x", got, want)
	}
}
