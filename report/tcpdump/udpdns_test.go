package tcpdump

import (
	"encoding/hex"
	"io"
	"strings"
	"testing"
)

// udpdnsMsg decodes a hex string with spaces.
func udpdnsMsg(t testing.TB, s string) []byte {
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// udpdnsPrint runs the DNS printer on one message as UDP would, recovering
// the truncation unwinding as printLink does.
func udpdnsPrint(p *Printer, b []byte, length int, tcp bool) (out string) {
	p.out = p.out[:0]
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(truncated); !ok {
				panic(r)
			}
			p.trunc()
		}
		out = string(p.out)
	}()
	p.dns(b, length, tcp)
	return
}

const (
	// 4660+ A? example.com.
	udpdnsQuery = "1234 0100 0001 0000 0000 0000 07 6578616d706c65 03 636f6d 00 0001 0001"
	// The answer to it: example.com. A 1.2.3.4, TTL 90061 s, and an OPT
	// record with the DO bit and a client cookie.
	udpdnsAnswer = "1234 8180 0001 0001 0000 0001 07 6578616d706c65 03 636f6d 00 0001 0001" +
		" c00c 0001 0001 00015fcd 0004 01020304" +
		" 00 0029 1000 00 00 8000 000c 000a 0008 0102030405060708"
)

func TestDNSMessages(t *testing.T) {
	for _, tc := range []struct {
		name    string
		verbose int
		msg     string
		cut     int // capture only this many bytes (0: all)
		tcp     bool
		want    string
	}{
		{"query", 0, udpdnsQuery, 0, false, "4660+ A? example.com. (29)"},
		{"answer", 0, udpdnsAnswer, 0, false, "4660 1/0/1 A 1.2.3.4 (68)"},
		{"answer-v", 1, udpdnsAnswer, 0, false, "4660 1/0/1 example.com. A 1.2.3.4 (68)"},
		{"answer-vv", 2, udpdnsAnswer, 0, false,
			"4660 q: A? example.com. 1/0/1 example.com. A 1.2.3.4 ar: . OPT UDPsize=4096 DO [COOKIE 0102030405060708] (68)"},
		{"answer-vvv", 3, udpdnsAnswer, 0, false,
			"4660 q: A? example.com. 1/0/1 example.com. [1d1h1m1s] A 1.2.3.4 ar: . OPT UDPsize=4096 DO [COOKIE 0102030405060708] (68)"},
		{"cut", 1, udpdnsAnswer, 33, false, "4660 1/0/1 example.com. (68)"},
		{"cut-vv", 2, udpdnsAnswer, 33, false, "4660 q: A? example.com. 1/0/1 example.com. [|domain]"},
		{"short", 0, "1234 0100", 0, false, "domain [length 4 < 12] (invalid)"},
		{"tcp", 0, "001d " + udpdnsQuery, 0, true, " 4660+ A? example.com. (29)"},
		{"tcp-prefix", 0, "001e " + udpdnsQuery, 0, true, " [prefix length(30) != length(29)] (invalid)"},
		{"tcp-short", 0, "00", 0, true, " [DNS over TCP: length 1 < 2] (invalid)"},
		{"bad-ptr", 0, "0001 0100 0001 0000 0000 0000 c00c 0001 0001", 0, false, "1+ A? <BAD PTR> [|domain]"},
		{"bitlabel", 0, "0001 0100 0001 0000 0000 0000 41 0c abcd 00 0001 0001", 0, false, `1+ A? \[xabc/12]. (21)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := New(io.Discard, Options{Verbose: tc.verbose})
			b := udpdnsMsg(t, tc.msg)
			length := len(b)
			if tc.cut != 0 {
				b = b[:tc.cut]
			}
			if got := udpdnsPrint(p, b, length, tc.tcp); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestDNSRelts(t *testing.T) {
	for secs, want := range map[uint32]string{
		0: "0s", 1: "1s", 60: "1m", 3600: "1h", 90061: "1d1h1m1s",
		31536000 + 604800 + 7: "1y1w7s", 0xffffffff: "136y10w6h28m15s",
	} {
		p := New(io.Discard, Options{})
		p.dnsRelts(secs)
		if got := string(p.out); got != want {
			t.Errorf("%d: got %q, want %q", secs, got, want)
		}
	}
}

func TestDNSSkipName(t *testing.T) {
	for _, tc := range []struct {
		name string
		end  int
		ok   bool
	}{
		{"00", 1, true},
		{"0161 00", 3, true},
		{"0161 c00c", 4, true},
		{"0161", 0, false},
		{"80", 0, false},
		{"42 00", 0, false},
		{"41 08 ff 00", 4, true},
	} {
		end, ok := dnsSkipName(udpdnsMsg(t, tc.name), 0)
		if end != tc.end || ok != tc.ok {
			t.Errorf("%s: got %d %v, want %d %v", tc.name, end, ok, tc.end, tc.ok)
		}
	}
}

func TestDNSNoAlloc(t *testing.T) {
	p := New(io.Discard, Options{Verbose: 3})
	b := udpdnsMsg(t, udpdnsAnswer)
	p.out = make([]byte, 0, 4096)
	allocs := testing.AllocsPerRun(100, func() {
		p.out = p.out[:0]
		p.dns(b, len(b), false)
	})
	if allocs != 0 {
		t.Errorf("dns allocates %v times per message", allocs)
	}
}

func BenchmarkDNSAnswer(b *testing.B) {
	p := New(io.Discard, Options{Verbose: 2})
	msg := udpdnsMsg(b, udpdnsAnswer)
	p.out = make([]byte, 0, 4096)
	b.ReportAllocs()
	for b.Loop() {
		p.out = p.out[:0]
		p.dns(msg, len(msg), false)
	}
}
