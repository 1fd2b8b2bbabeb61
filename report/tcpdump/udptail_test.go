package tcpdump

import (
	"io"
	"strings"
	"testing"
)

// udptailRun runs one application printer the way udp does, recovering
// the truncation unwinding as printLink does.
func udptailRun(p *Printer, f func()) (out string) {
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
	f()
	return
}

// udptailNTPServer is an NTPv4 server reply (stratum 2, refid 192.168.0.1);
// the expected text below is what tcpdump 4.99.3 prints for it.
var udptailNTPServer = []byte{
	0x24, 0x02, 0x06, 0xe9, 0x00, 0x00, 0x12, 0x34, 0x00, 0x02, 0x80, 0x00, 0xc0, 0xa8, 0x00, 0x01,
	0xe8, 0xd1, 0xc0, 0x00, 0x80, 0x00, 0x00, 0x00, 0xe8, 0xd1, 0xc2, 0xb3, 0x12, 0x34, 0x56, 0x78,
	0xe8, 0xd1, 0xc2, 0xb4, 0x00, 0x00, 0x00, 0x10, 0xe8, 0xd1, 0xc2, 0xb4, 0x00, 0x10, 0x00, 0x00,
}

func TestUDPTailNTP(t *testing.T) {
	p := New(io.Discard, Options{})
	got := udptailRun(p, func() { p.ntp(udptailNTPServer, 48) })
	if want := "NTPv4, Server, length 48"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	p = New(io.Discard, Options{Verbose: 1})
	got = udptailRun(p, func() { p.ntp(udptailNTPServer, 48) })
	want := "NTPv4, Server, length 48\n" +
		"\tLeap indicator:  (0), Stratum 2 (secondary reference), poll 6 (64s), precision -23\n" +
		"\tRoot Delay: 0.071105, Root dispersion: 2.500000, Reference-ID: 0xc0a80001\n" +
		"\t  Reference Timestamp:  3906060288.500000000 (2023-10-12T00:44:48Z)\n" +
		"\t  Originator Timestamp: 3906060979.071111110 (2023-10-12T00:56:19Z)\n" +
		"\t  Receive Timestamp:    3906060980.000000003 (2023-10-12T00:56:20Z)\n" +
		"\t  Transmit Timestamp:   3906060980.000244140 (2023-10-12T00:56:20Z)\n" +
		"\t    Originator - Receive Timestamp:  +0.928888892\n" +
		"\t    Originator - Transmit Timestamp: +0.929133029"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// Cut inside the timestamps: tcpdump's explicit truncation marker.
	got = udptailRun(p, func() { p.ntp(udptailNTPServer[:30], 48) })
	if want := "\n\t  Reference Timestamp:  3906060288.500000000 (2023-10-12T00:44:48Z) [|ntp]"; !strings.HasSuffix(got, want) {
		t.Errorf("truncated: got %q", got)
	}
}

func TestUDPTailMask2Plen(t *testing.T) {
	for _, tc := range []struct {
		mask uint32
		want int
	}{{0, 0}, {0x80000000, 1}, {0xffffff00, 24}, {0xffffffff, 32}, {0xff00ff00, -1}, {1, -1}} {
		if got := mask2plen(tc.mask); got != tc.want {
			t.Errorf("mask2plen(%#x) = %d, want %d", tc.mask, got, tc.want)
		}
	}
}

func TestUDPTailSyslog(t *testing.T) {
	msg := []byte("<34>Oct 11 su: failed")
	p := New(io.Discard, Options{})
	if got, want := udptailRun(p, func() { p.syslog(msg, len(msg)) }), "SYSLOG auth.critical, length: 21"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	p = New(io.Discard, Options{Verbose: 1})
	want := "SYSLOG, length: 21\n\tFacility auth (4), Severity critical (2)\n\tMsg: Oct 11 su: failed"
	if got := udptailRun(p, func() { p.syslog(msg, len(msg)) }); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := udptailRun(p, func() { p.syslog([]byte("<7a>x"), 5) }); got != " (invalid)" {
		t.Errorf("bad priority: got %q", got)
	}
}

// TestUDPTailNoBugs feeds every prefix of each message to its printer at
// every verbosity: truncation may unwind, nothing else may panic.
func TestUDPTailNoBugs(t *testing.T) {
	dhcp := make([]byte, 300)
	dhcp[0], dhcp[1], dhcp[2] = 1, 1, 6
	copy(dhcp[236:], []byte{99, 130, 83, 99, 53, 1, 1, 61, 7, 1, 1, 2, 3, 4, 5, 6, 82, 6, 1, 9, 'a', 2, 1, 'b',
		121, 5, 24, 10, 1, 2, 3, 77, 3, 2, 'a', 'b', 81, 3, 0xff, 1, 2, 55, 3, 1, 3, 6, 255})
	rip := []byte{2, 2, 0, 0, 0xff, 0xff, 0, 3, 0, 44, 1, 20, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 2, 0, 0, 10, 0, 0, 0, 255, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0xff, 0xff, 0, 1, 1, 2}
	vx := append([]byte{8, 0, 0, 0, 0, 0, 1, 0}, make([]byte, 40)...)
	vx[8+12], vx[8+13] = 0x08, 0x00
	cases := []struct {
		msg []byte
		f   func(p *Printer, b []byte, n int)
	}{
		{udptailNTPServer, (*Printer).ntp},
		{[]byte{0x26, 0x82, 0, 1, 0, 0, 0, 0, 0, 0, 0, 4, 1, 2, 3, 4}, (*Printer).ntp},
		{dhcp, (*Printer).bootp},
		{rip, (*Printer).rip},
		{[]byte("<191>hello\x00\xff"), (*Printer).syslog},
		{vx, (*Printer).vxlan},
	}
	for _, tc := range cases {
		for v := 0; v <= 3; v++ {
			p := New(io.Discard, Options{Verbose: v, Ether: true})
			for cut := 0; cut <= len(tc.msg); cut++ {
				for _, n := range []int{cut, len(tc.msg), len(tc.msg) + 9} {
					udptailRun(p, func() { tc.f(p, tc.msg[:cut], n) })
				}
			}
		}
	}
}
