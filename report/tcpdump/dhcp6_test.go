package tcpdump

import (
	"io"
	"testing"
)

// dhcp6Solicit is a solicit with a DUID-LLT client-ID, an option request,
// elapsed time, an IA_NA holding an address, and rapid commit.
var dhcp6Solicit = []byte{
	0x01, 0x1a, 0x2b, 0x3c,
	0x00, 0x01, 0x00, 0x0e, 0x00, 0x01, 0x00, 0x01, 0x2a, 0x3b, 0x4c, 0x5d, 0x02, 0x00, 0x00, 0x00, 0x00, 0x0a,
	0x00, 0x06, 0x00, 0x04, 0x00, 0x17, 0x00, 0x18,
	0x00, 0x08, 0x00, 0x02, 0x00, 0x00,
	0x00, 0x03, 0x00, 0x28, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x07, 0x08, 0x00, 0x00, 0x0b, 0x40,
	0x00, 0x05, 0x00, 0x18, 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10, 0x01,
	0x00, 0x00, 0x0e, 0x10, 0x00, 0x00, 0x1c, 0x20,
	0x00, 0x0e, 0x00, 0x00,
}

// The expected texts are what tcpdump 4.99.3 prints for these messages.
func TestDHCP6(t *testing.T) {
	cases := []struct {
		verbose int
		b       []byte
		length  int
		want    string
	}{
		{0, dhcp6Solicit, len(dhcp6Solicit), "dhcp6 solicit"},
		{1, dhcp6Solicit, len(dhcp6Solicit), "dhcp6 solicit (xid=1a2b3c (client-ID hwaddr/time type 1 time 708529245 02000000000a)" +
			" (option-request DNS-server DNS-search-list) (elapsed-time 0)" +
			" (IA_NA IAID:1 T1:1800 T2:2880 (IA_ADDR 2001:db8::1001 pltime:3600 vltime:7200)) (rapid-commit))"},
		// The UDP length ends the message inside the IA_NA.
		{1, dhcp6Solicit, 60, "dhcp6 solicit (xid=1a2b3c (client-ID hwaddr/time type 1 time 708529245 02000000000a)" +
			" (option-request DNS-server DNS-search-list) (elapsed-time 0) [|dhcp6])"},
		// Captured up to inside the message type and xid.
		{1, dhcp6Solicit[:3], len(dhcp6Solicit), "dhcp6 [|dhcp6]"},
		{1, []byte{99, 0, 0, 1, 0, 200, 0, 0, 0, 2, 0, 4, 0, 2, 0, 0}, 16,
			"dhcp6 msgtype-99 (xid=1 (opt_200) (server-ID ?))"},
	}
	for _, c := range cases {
		p := New(io.Discard, Options{Verbose: c.verbose})
		got := udptailRun(p, func() { p.dhcp6(c.b, c.length) })
		if got != c.want {
			t.Errorf("-v%d len %d:\ngot  %q\nwant %q", c.verbose, c.length, got, c.want)
		}
	}
}
