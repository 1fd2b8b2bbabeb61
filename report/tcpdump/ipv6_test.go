package tcpdump

import (
	"io"
	"net/netip"
	"testing"
)

// TestIPv6AddressText checks the address forms tcpdump prints (its own
// inet_ntop: the first longest run of zero groups becomes "::", and the
// IPv4-compatible and IPv4-mapped forms keep a dotted quad).
func TestIPv6AddressText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"::", "::"},
		{"::1", "::1"},
		{"1::", "1::"},
		{"::ffff:1.2.3.4", "::ffff:1.2.3.4"},
		{"::1.2.3.4", "::1.2.3.4"},
		{"::ffff:0:0", "::ffff:0.0.0.0"},
		{"::1:0:0", "::1:0:0"},
		{"2001:db8::1", "2001:db8::1"},
		{"2001:db8:0:1:0:0:0:1", "2001:db8:0:1::1"},
		{"2001:0:0:1:0:0:1:1", "2001::1:0:0:1:1"},
		{"1:0:1:0:1:0:1:0", "1:0:1:0:1:0:1:0"},
		{"fe80::216:3eff:fe11:3424", "fe80::216:3eff:fe11:3424"},
		{"0:0:0:0:0:0:1:2", "::0.1.0.2"},
		{"0:0:0:0:0:ffff:0:1", "::ffff:0.0.0.1"},
		{"0:0:0:0:1:ffff:0:1", "::1:ffff:0:1"},
	}
	p := New(io.Discard, Options{})
	for _, c := range cases {
		a := netip.MustParseAddr(c.in).As16()
		p.out = p.out[:0]
		p.ip6(a[:])
		if got := string(p.out); got != c.want {
			t.Errorf("ip6(%s) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestIPv6Hostile feeds truncated and malformed IPv6 packets through the
// printer at every verbosity: truncation may unwind, nothing else may.
func TestIPv6Hostile(t *testing.T) {
	base := []byte{
		0x60, 0, 0, 0, 0, 40, 0, 64,
		0x20, 1, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
		0x20, 1, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2,
	}
	bodies := [][]byte{
		{58, 0, 0xc2, 4, 0, 1, 0, 0, 58, 0, 0, 0, 0, 0, 0, 0},
		{43, 4, 0, 2, 0, 0, 0, 0},
		{43, 4, 4, 1, 1, 0x80, 0x12, 0x34},
		{58, 0, 0, 1, 0, 0, 0, 9},
		{59, 2, 5, 0, 0, 0, 0, 7, 0xf0, 0, 0, 10, 0, 1, 0, 2},
		{134, 0, 0, 0, 64, 0xda, 7, 8, 0, 0, 0x75, 0x30, 0, 0, 3, 0xe8, 3, 4, 64},
		{1, 4, 0, 0, 0, 0, 0, 0, 0x60, 0, 0, 0, 0, 8, 17, 64},
		{138, 0, 0, 0, 0, 0, 0, 7, 1, 0xf8, 0, 10, 0, 0, 0, 1, 1, 11},
		{139, 0, 0, 0, 0, 3, 0, 0x7e, 1, 2, 3, 4, 5, 6, 7, 8, 0x20},
		{140, 0, 0, 0, 0, 2, 0, 1, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 9, 63},
		{155, 2, 0, 0, 3, 0xc0, 0, 9, 1},
		{143, 0, 0, 0, 0, 0, 0, 2, 4, 0, 0, 0},
		{130, 0, 0, 0, 0x80, 0x10, 0, 0, 0xff},
	}
	nhs := []byte{0, 43, 43, 44, 135, 58, 58, 58, 58, 58, 58, 58, 58, 51, 50, 60}
	for vi := 0; vi < 4; vi++ {
		p := New(io.Discard, Options{Verbose: vi})
		for i, body := range bodies {
			for _, nh := range nhs {
				pkt := append(append([]byte{}, base...), body...)
				pkt[6] = nh
				if nh == 58 {
					pkt[6] = 58
				} else if i%2 == 1 {
					pkt[4], pkt[5] = 0, 0
				}
				for n := 0; n <= len(pkt); n++ {
					p.out = p.out[:0]
					func() {
						defer func() {
							if r := recover(); r != nil {
								if _, ok := r.(truncated); !ok {
									t.Fatalf("panic %v on body %d nh %d cut %d", r, i, nh, n)
								}
							}
						}()
						p.ipv6(pkt[:n], len(pkt))
					}()
				}
			}
		}
	}
}

// BenchmarkIPv6ICMP6 prints an ICMPv6 echo request and a router
// advertisement with options; the printer must not allocate.
func BenchmarkIPv6ICMP6(b *testing.B) {
	pkt := func(icmp []byte) []byte {
		h := []byte{0x60, 0, 0, 0, 0, byte(len(icmp)), 58, 255,
			0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
			0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}
		return append(h, icmp...)
	}
	echo := pkt([]byte{128, 0, 0, 0, 0, 1, 0, 2, 'a', 'b', 'c', 'd'})
	ra := pkt([]byte{134, 0, 0, 0, 64, 0xc0, 7, 8, 0, 0, 0, 0, 0, 0, 0, 0,
		1, 1, 2, 0, 0, 0, 0, 1,
		5, 1, 0, 0, 0, 0, 5, 0xdc})
	p := New(io.Discard, Options{Verbose: 2})
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		p.out = p.out[:0]
		p.ipv6(echo, len(echo))
		p.out = p.out[:0]
		p.ipv6(ra, len(ra))
	}
}
