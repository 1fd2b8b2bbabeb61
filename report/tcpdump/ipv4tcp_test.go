package tcpdump

import (
	"encoding/binary"
	"strings"
	"testing"

	"github.com/pcapreport/pcapreport/analyze/source"
)

// ipv4tcpFrame builds an Ethernet/IPv4/TCP frame with correct checksums.
func ipv4tcpFrame(src, dst []byte, sport, dport uint16, seq, ack uint32, flags uint8, opts, data []byte) []byte {
	tcp := binary.BigEndian.AppendUint16(nil, sport)
	tcp = binary.BigEndian.AppendUint16(tcp, dport)
	tcp = binary.BigEndian.AppendUint32(tcp, seq)
	tcp = binary.BigEndian.AppendUint32(tcp, ack)
	tcp = append(tcp, uint8((20+len(opts))/4)<<4, flags, 0x10, 0, 0, 0, 0, 0)
	tcp = append(append(tcp, opts...), data...)
	ip := ipHdr{src: src, dst: dst}
	binary.BigEndian.PutUint16(tcp[16:], transportCksum(&ip, 6, tcp))
	h := []byte{0x45, 0, 0, 0, 0, 1, 0x40, 0, 64, 6, 0, 0}
	binary.BigEndian.PutUint16(h[2:], uint16(20+len(tcp)))
	h = append(append(h, src...), dst...)
	binary.BigEndian.PutUint16(h[10:], inCksum(h))
	eth := []byte{2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 8, 0}
	return append(append(eth, h...), tcp...)
}

func ipv4tcpPrint(p *Printer, data []byte) string {
	f := &source.Frame{Data: data, CapLen: len(data), OrigLen: len(data), LinkType: source.LinkEthernet}
	return strings.TrimSuffix(string(p.Append(nil, f)), "\n")
}

// TestCksumShouldBe checks the "(incorrect -> 0x....)" value against
// checksums tcpdump reported.
func TestCksumShouldBe(t *testing.T) {
	a, b := []byte{192, 0, 2, 1}, []byte{198, 51, 100, 7}
	frame := ipv4tcpFrame(a, b, 1, 2, 3, 0, 2, nil, nil)
	seg := frame[34:]
	good := binary.BigEndian.Uint16(seg[16:])
	bad := good ^ 0x0f0f
	binary.BigEndian.PutUint16(seg[16:], bad)
	ip := ipHdr{src: a, dst: b}
	sum := transportCksum(&ip, 6, seg)
	if sum == 0 {
		t.Fatal("a wrong checksum verified")
	}
	if got := cksumShouldBe(bad, sum); got != good {
		t.Errorf("cksumShouldBe = %#04x, want %#04x", got, good)
	}
}

// TestTCPRelativeSeq follows a connection through its handshake and data.
func TestTCPRelativeSeq(t *testing.T) {
	a, b := []byte{10, 0, 0, 1}, []byte{10, 0, 0, 2}
	p := New(nil, Options{TimeMode: 1})
	steps := []struct {
		frame []byte
		want  string
	}{
		{ipv4tcpFrame(a, b, 40000, 80, 1000, 0, tcpSYN, nil, nil),
			"IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 1000, win 4096, length 0"},
		{ipv4tcpFrame(b, a, 80, 40000, 5000, 1001, tcpSYN|tcpACK, nil, nil),
			"IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [S.], seq 5000, ack 1001, win 4096, length 0"},
		{ipv4tcpFrame(a, b, 40000, 80, 1001, 5001, tcpACK|tcpPSH, nil, []byte("GET / HTTP/1.0\r\n\r\n")),
			"IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:19, ack 1, win 4096, length 18: HTTP: GET / HTTP/1.0"},
		{ipv4tcpFrame(b, a, 80, 40000, 5001, 1019, tcpACK, []byte{1, 1, 5, 10, 0, 0, 0x03, 0xec, 0, 0, 0x03, 0xf0}, nil),
			"IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 19, win 4096, options [nop,nop,sack 1 {4:8}], length 0"},
	}
	for i, s := range steps {
		if got := ipv4tcpPrint(p, s.frame); got != s.want {
			t.Errorf("packet %d:\n got %q\nwant %q", i+1, got, s.want)
		}
	}
}

// TestTCPNoAllocs keeps the common path free of allocations once the
// connection is in the table.
func TestTCPNoAllocs(t *testing.T) {
	a, b := []byte{10, 0, 0, 1}, []byte{10, 0, 0, 2}
	frame := ipv4tcpFrame(a, b, 40000, 80, 1001, 5001, tcpACK|tcpPSH, []byte{1, 1, 8, 10, 0, 0, 0, 1, 0, 0, 0, 2}, []byte("GET / HTTP/1.0\r\n\r\n"))
	f := &source.Frame{Data: frame, CapLen: len(frame), OrigLen: len(frame), LinkType: source.LinkEthernet}
	p := New(nil, Options{Verbose: 1})
	buf := p.Append(nil, f)
	if n := testing.AllocsPerRun(100, func() { buf = p.Append(buf[:0], f) }); n != 0 {
		t.Errorf("%v allocations per packet", n)
	}
}

// TestTxtToken checks the token rules of the text protocol printers.
func TestTxtToken(t *testing.T) {
	var tok [128]byte
	for _, c := range []struct {
		in      string
		n, next int
	}{
		{"GET / HTTP/1.1", 3, 4},
		{"GET   x", 3, 6},
		{" GET", 0, 0},
		{"G\x01T x", 0, 0},
		{"HTTP/1.1\r\n", 8, 8},
		{strings.Repeat("a", 128) + " x", 128, 129},
		{strings.Repeat("a", 129) + " x", 0, 0},
	} {
		n, next := txtToken([]byte(c.in), 0, len(c.in), tok[:])
		if n != c.n || next != c.next {
			t.Errorf("txtToken(%q) = %d, %d; want %d, %d", c.in, n, next, c.n, c.next)
		}
	}
}
