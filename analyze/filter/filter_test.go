package filter

import (
	"strings"
	"testing"
)

func TestErrorsNameTheColumn(t *testing.T) {
	cases := []struct{ expr, want string }{
		{"host 1.2.3.4 and port and", "syntax error at column 23: expected a port number after 'port', got 'and'"},
		{"tcp and (port 80", "syntax error at column 17: expected ')', got end of expression"},
		{"port 70000", "syntax error at column 6: expected a port number, got '70000'"},
		{"net 10.1.2.3/8", "syntax error at column 5: non-network bits set in '10.1.2.3'"},
		{"host www.example.com", "syntax error at column 6: unknown host 'www.example.com': names are not resolved, give an address"},
		{"gateway 1.2.3.4", `syntax error at column 1: the "gateway" primitive is not supported`},
		{"tcp[13 = 2", "syntax error at column 8: expected ']', got '='"},
		{"tcp[13:3] = 2", "syntax error at column 8: data size must be 1, 2 or 4, got '3'"},
		{"ip and", "syntax error at column 7: expected a primitive, got end of expression"},
		{"tcp udp", "syntax error at column 5: expected 'and' or 'or' before 'udp'"},
		{"len = 1 / 0", "syntax error at column 9: division by zero"},
		{"ip $ 3", "syntax error at column 4: unexpected character '$'"},
		// libpcap takes protocol names from /etc/protocols, where ICMPv6
		// is "ipv6-icmp".
		{"ip6 proto \\icmp6", "syntax error at column 11: unknown ip proto 'icmp6'"},
	}
	for _, c := range cases {
		_, err := Compile(c.expr)
		if err == nil || err.Error() != c.want {
			t.Errorf("%q:\n got: %v\nwant: %s", c.expr, err, c.want)
		}
	}
}

// Qualifiers carry over to a bare id after and/or/not, as in libpcap:
// "port 80 or 443" means "port 80 or port 443".
func TestQualifierInheritance(t *testing.T) {
	frame := tcpFrame(443)
	for expr, want := range map[string]bool{
		"port 80 or 443":                  true,
		"port 80 or 8080":                 false,
		"tcp dst port 22 or 443":          true,
		"host 192.0.2.1 or 192.0.2.2":     true,
		"src host 192.0.2.2 or 192.0.2.9": false,
	} {
		f, err := Compile(expr)
		if err != nil {
			t.Fatalf("%q: %v", expr, err)
		}
		if got := f.Match(Link{Type: 1}, frame, len(frame)); got != want {
			t.Errorf("%q: got %v, want %v", expr, got, want)
		}
	}
}

// tcpFrame is an Ethernet/IPv4/TCP SYN from 192.0.2.1:1234 to
// 192.0.2.2:dport.
func tcpFrame(dport uint16) []byte {
	b := []byte{
		0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0x08, 0x00,
		0x45, 0, 0, 40, 0, 1, 0x40, 0, 64, 6, 0, 0, 192, 0, 2, 1, 192, 0, 2, 2,
		0x04, 0xd2, byte(dport >> 8), byte(dport), 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 0x02, 0xff, 0xff, 0, 0, 0, 0,
	}
	return b
}

// A read past the captured bytes rejects the packet outright, even under
// "not", as a BPF program does.
func TestShortPacketRejected(t *testing.T) {
	frame := tcpFrame(80)[:30]
	for _, expr := range []string{"not tcp[13] = 2", "not ip[16] = 1", "ip"} {
		f, _ := Compile(expr)
		want := expr == "ip"
		if got := f.Match(Link{Type: 1}, frame, 60); got != want {
			t.Errorf("%q on a 30-byte frame: got %v, want %v", expr, got, want)
		}
	}
}

func FuzzCompile(f *testing.F) {
	for _, e := range expressions {
		f.Add(e)
	}
	frame := tcpFrame(80)
	f.Fuzz(func(t *testing.T, expr string) {
		flt, err := Compile(expr)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "syntax error at column ") {
				t.Fatalf("%q: error without a column: %v", expr, err)
			}
			return
		}
		for _, lt := range []uint32{0, 1, 9, 101, 108, 113, 228, 229, 276} {
			for n := 0; n <= len(frame); n += 7 {
				flt.Match(Link{Type: lt}, frame[:n], len(frame))
			}
		}
	})
}

func benchmarkMatch(b *testing.B, expr string) {
	f, err := Compile(expr)
	if err != nil {
		b.Fatal(err)
	}
	frame := tcpFrame(80)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		f.Match(Link{Type: 1}, frame, len(frame))
	}
}

// BenchmarkSimple is `port 80` on a TCP segment.
func BenchmarkSimple(b *testing.B) { benchmarkMatch(b, "port 80") }

// BenchmarkCompound is a typical troubleshooting filter.
func BenchmarkCompound(b *testing.B) {
	benchmarkMatch(b, "host 192.0.2.2 and (tcp port 80 or 443) and tcp[tcpflags] & (tcp-syn|tcp-rst) != 0 and not icmp")
}
