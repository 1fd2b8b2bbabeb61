package tcpdump

import (
	"encoding/hex"
	"strings"
	"testing"

	"github.com/pcapreport/pcapreport/analyze/source"
)

// linkarpFrame decodes a hex frame written with spaces.
func linkarpFrame(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// linkarpLine prints one frame without timestamp and returns the line.
func linkarpLine(t testing.TB, opts Options, linkType uint32, data []byte, origLen int) string {
	t.Helper()
	opts.TimeMode = 1
	p := New(nil, opts)
	if origLen == 0 {
		origLen = len(data)
	}
	f := &source.Frame{Data: data, CapLen: len(data), OrigLen: origLen, LinkType: linkType}
	out := string(p.Append(nil, f))
	if p.Bugs != 0 {
		t.Errorf("printer bug on %x", data)
	}
	return strings.TrimSuffix(out, "\n")
}

// The expected lines are what tcpdump 4.99.3 prints for these frames.
func TestLinkarpLines(t *testing.T) {
	const (
		bc   = "ffffffffffff 020000000001 "
		arpH = "0001 0800 06 04 "
		sa   = "020000000001 0a000001 "
	)
	cases := []struct {
		name     string
		opts     Options
		linkType uint32
		frame    string
		want     string
	}{
		{"arp request", Options{}, 1, bc + "0806 " + arpH + "0001 " + sa + "000000000000 0a000002",
			"ARP, Request who-has 10.0.0.2 tell 10.0.0.1, length 28"},
		{"arp request -e", Options{Ether: true}, 1, bc + "0806 " + arpH + "0001 " + sa + "020000000002 0a000002",
			"02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: Request who-has 10.0.0.2 (02:00:00:00:00:02) tell 10.0.0.1, length 28"},
		{"arp reply -v", Options{Verbose: 1}, 1, bc + "0806 " + arpH + "0002 " + sa + "020000000002 0a000002",
			"ARP, Ethernet (len 6), IPv4 (len 4), Reply 10.0.0.1 is-at 02:00:00:00:00:01, length 28"},
		{"rarp -e -q", Options{Ether: true, Quiet: true}, 1, bc + "8035 " + arpH + "0003 " + sa + "020000000002 00000000",
			"02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff, Reverse ARP, length 42: Reverse Request who-is 02:00:00:00:00:02 tell 02:00:00:00:00:01, length 28"},
		{"arp frame relay", Options{}, 1, bc + "0806 000f 0800 04 04 0001 18600002 0a000001 18600003 0a000002",
			"ARP, Request who-has 10.0.0.2 (DLCI 835584) tell 10.0.0.1, length 24"},
		{"arp truncated", Options{}, 1, bc + "0806 " + arpH + "00",
			" [|arp]"},
		{"atm arp", Options{}, 1, bc + "0806 0013 0800 46 02 0001 04 05 43 04 020000000001 0102 0a000001 0102030405 010203 0a000002",
			"ARP, Request who-has 10.0.0.2 (01:02:03:04:05,01:02:03) tell 10.0.0.1, length 36"},
		{"unknown ethertype", Options{}, 1, "020000000001 020000000002 88b5 0011",
			"02:00:00:00:00:02 > 02:00:00:00:00:01, ethertype Unknown (0x88b5), length 16: \n\t0x0000:  0011                                     .."},
		{"unknown ethertype -q", Options{Quiet: true}, 1, "020000000001 020000000002 88b5 0011",
			"02:00:00:00:00:02 > 02:00:00:00:00:01, Unknown Ethertype (0x88b5), length 16: "},
		{"qinq", Options{Ether: true}, 1, bc + "88a8 30c8 8100 e7d1 0806 " + arpH + "0001 " + sa + "000000000000 0a000002",
			"02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff, ethertype 802.1Q-QinQ (0x88a8), length 50: vlan 200, p 1, DEI, ethertype 802.1Q (0x8100), vlan 2001, p 7, ethertype ARP (0x0806), Request who-has 10.0.0.2 tell 10.0.0.1, length 28"},
		{"short ether", Options{}, 1, "0200000000010200",
			" [|ether]"},
		{"stp config", Options{}, 1, "0180c2000000 020000000001 0026 424203 0000 00 00 01 8000020000000001 00000004 8000020000000002 8001 0100 1400 0200 0f00",
			"STP 802.1d, Config, Flags [Topology change], bridge-id 8000.02:00:00:00:00:02.8001, length 35"},
		{"stp config -v", Options{Verbose: 1}, 1, "0180c2000000 020000000001 0026 424203 0000 00 00 01 8000020000000001 00000004 8000020000000002 8001 0180 1400 0200 0f00",
			"STP 802.1d, Config, Flags [Topology change], bridge-id 8000.02:00:00:00:00:02.8001, length 35\n\tmessage-age 1.50s, max-age 20.00s, hello-time 2.00s, forwarding-delay 15.00s\n\troot-id 8000.02:00:00:00:00:01, root-pathcost 4"},
		{"llc unknown sap", Options{}, 1, "0180c2000000 020000000001 0008 121203 0011223344",
			"02:00:00:00:00:01 > 01:80:c2:00:00:00 Unknown DSAP 0x12 Unnumbered, ui, Flags [Command], length 8\n\t0x0000:  1212 0300 1122 3344                      .....\"3D"},
		{"llc unknown sap -e", Options{Ether: true}, 1, "0180c2000000 020000000001 0008 1234f3 0011223344",
			"02:00:00:00:00:01 > 01:80:c2:00:00:00, 802.3, length 8: LLC, dsap Unknown (0x12) Individual, ssap Unknown (0x34) Command, ctrl 0xf3: Unnumbered, test, Flags [Poll], length 8\n\t0x0000:  1234 f300 1122 3344                      .4...\"3D"},
		{"snap unknown", Options{}, 1, "0180c2000000 020000000001 000d aaaa03 123456 1234 0011223344",
			"02:00:00:00:00:01 > 01:80:c2:00:00:00 SNAP, oui Unknown (0x123456), pid Unknown (0x1234), length 5: \n\t0x0000:  aaaa 0312 3456 1234 0011 2233 44         ....4V.4..\"3D"},
		{"sll -e", Options{Ether: true}, 113, "0000 0001 0006 020000000001 0000 88b5 00112233",
			" In 02:00:00:00:00:01 ethertype Unknown (0x88b5), length 20: \n\t0x0000:  0011 2233                                ..\"3"},
		{"sll vlan unknown", Options{}, 113, "0000 0001 0006 020000000001 0000 8100 0064 88b5 0011",
			"ethertype Unknown,  In 02:00:00:00:00:01 ethertype 802.1Q (0x8100), length 18: \n\t0x0000:  0011                                     .."},
		{"sll truncated", Options{}, 113, "0000 0001 0006 0200",
			" [|sll]"},
		{"sll2 unknown -q", Options{Quiet: true}, 276, "88b5 0000 00001092 0001 03 06 020000000001 0000 00112233",
			"?     P   ifindex 4242 02:00:00:00:00:01 "},
		{"null unknown af", Options{}, 0, "0a000000 0011",
			"AF Unknown (10), length 6: \n\t0x0000:  0011                                     .."},
		{"null -e -q", Options{Ether: true, Quiet: true}, 0, "06000000 0011",
			"NS, length 6: "},
		{"raw unknown version -e", Options{Ether: true}, 101, "55000000",
			"ip: unknown ip 5"},
		{"unsupported link", Options{}, 147, "00112233",
			"UNSUPPORTED\n\t0x0000:  0011 2233                                ..\"3"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := linkarpLine(t, c.opts, c.linkType, linkarpFrame(t, c.frame), 0)
			if got != c.want {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
}

func TestLinkarpQ922(t *testing.T) {
	cases := []struct {
		addr string
		dlci uint32
		ret  int
	}{
		{"1861", 102, 1},
		{"186001", 6528, 1},
		{"18600003", 835584, 1},
		{"1860", 0, -1},
		{"19", 0, 0},
		{"18600002", 0, 0},
		{"", 0, -1},
	}
	for _, c := range cases {
		dlci, ret := parseQ922(linkarpFrame(t, c.addr))
		if ret != c.ret || (ret == 1 && dlci != c.dlci) {
			t.Errorf("parseQ922(%s) = %d, %d; want %d, %d", c.addr, dlci, ret, c.dlci, c.ret)
		}
	}
}

// TestLinkarpTruncationsNeverBug prints every prefix of frames that reach
// each printer of this area, in several modes: a short capture must end in
// tcpdump's truncation marker, never in a printer bug.
func TestLinkarpTruncationsNeverBug(t *testing.T) {
	frames := []struct {
		linkType uint32
		frame    string
	}{
		{1, "ffffffffffff 020000000001 0806 0013 0800 46 02 0001 04 05 43 04 020000000001 0102 0a000001 0102030405 010203 0a000002"},
		{1, "ffffffffffff 020000000001 0806 000f 0800 04 04 0001 18600002 0a000001 18600003 0a000002"},
		{1, "ffffffffffff 020000000001 88a8 30c8 8100 e7d1 88e5 20 08 00000042 0200000000010001 0806 0001 0800 0604 0000000000000000000000000000000000000000000000000000000000000000"},
		{1, "0180c2000000 020000000001 0079 424203 0000 03 02 7c 8000020000000001 00000004 8000020000000002 8001 0100 1400 0200 0f00 00 0050 00 6d737400" +
			strings.Repeat("00", 28) + "0001 00112233445566778899aabbccddeeff 00000000 8000020000000003 14 7c 8001020000000004 00000010 80 80 14"},
		{1, "0180c2000000 020000000001 002b aaaa03 0080c2 0007 0000 ffffffffffff 020000000001 0806 0001"},
		{1, "0180c2000000 020000000001 0008 0405af 81 01 02"},
		{113, "0000 0001 0006 020000000001 0000 8100 0064 0004 424203 0000 0080"},
		{276, "8100 0000 00000001 0001 00 06 020000000001 0000 0064 0800 4500"},
		{1, "020000000002 020000000001 0800 4500 00a0 0001 0000 4001 0000 c0a80001 c0a80002 0b00 0000 0020 0000 4500 0024 0001 0000 4011 0000 c0a80002 08080808 04d2 0035 0010 0000" +
			strings.Repeat("00", 100) + "2000 0000 0008 0101 03e8 0b01"},
		{1, "020000000002 020000000001 0800 4500 0030 0001 0000 4001 0000 c0a80001 c0a80002 0900 0000 0302 1c20 0a000001 00000001 0a000002 00000002 0a000003 00000003"},
	}
	modes := []Options{{}, {Verbose: 3, Ether: true}, {Quiet: true}, {Verbose: 1, Hex: HexASCIIPayload}}
	for _, fr := range frames {
		data := linkarpFrame(t, fr.frame)
		for n := 0; n <= len(data); n++ {
			for _, o := range modes {
				linkarpLine(t, o, fr.linkType, data[:n], len(data))
			}
		}
	}
}
