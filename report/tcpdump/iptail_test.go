package tcpdump

import (
	"encoding/hex"
	"io"
	"strings"
	"testing"

	"github.com/pcapreport/pcapreport/analyze/source"
)

// iptailFrame decodes a hex Ethernet frame written with spaces.
func iptailFrame(t *testing.T, s string) []byte {
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// iptailPrint prints one Ethernet frame with opts, without the newline.
func iptailPrint(opts Options, data []byte, capLen, origLen int) string {
	p := New(io.Discard, opts)
	f := source.Frame{Index: 1, Sec: 1700000000, Data: data, CapLen: capLen, OrigLen: origLen, LinkType: source.LinkEthernet}
	out := p.Append(nil, &f)
	return strings.TrimSuffix(string(out), "\n")
}

const iptailEth = "0200 0000 000b 0200 0000 000a 0800 "

func TestIptailProtocols(t *testing.T) {
	cases := []struct {
		name string
		opts Options
		hex  string
		want string
	}{
		{"gre key seq", Options{TimeMode: 1},
			iptailEth + "4500 0034 0000 0000 402f 0000 0a00 0001 0a00 0002" +
				"3000 0800 0000 0064 0000 0007 4500 0014 0000 0000 4001 0000 ac10 0101 ac10 0102",
			"IP 10.0.0.1 > 10.0.0.2: GREv0, key=0x64, seq 7, length 32: IP 172.16.1.1 > 172.16.1.2:  [|icmp]"},
		{"vrrp", Options{TimeMode: 1},
			iptailEth + "4500 0028 0000 0000 ff70 0000 0a00 0001 e000 0012" +
				"2101 6401 0001 0000 0a00 00fe 0000 0000 0000 0000",
			"IP 10.0.0.1 > 224.0.0.18: VRRPv2, Advertisement, vrid 1, prio 100, authtype none, intvl 1s, length 20"},
		{"igmp v2 report", Options{TimeMode: 1},
			iptailEth + "4500 001c 0000 0000 0102 0000 0a00 0001 ef01 0203 1600 0000 ef01 0203",
			"IP 10.0.0.1 > 239.1.2.3: igmp v2 report 239.1.2.3"},
		{"igmp quiet", Options{TimeMode: 1, Quiet: true},
			iptailEth + "4500 001c 0000 0000 0102 0000 0a00 0001 ef01 0203 1600 0000 ef01 0203",
			"IP 10.0.0.1 > 239.1.2.3: igmp"},
		{"ospf hello", Options{TimeMode: 1},
			iptailEth + "4500 0040 0000 0000 0159 0000 0a00 0001 e000 0005" +
				"0201 002c 0a00 0002 0000 0000 0000 0000 0000 0000 0000 0000" +
				"ffff ff00 000a 0201 0000 0028 0000 0000 0000 0000",
			"IP 10.0.0.1 > 224.0.0.5: OSPFv2, Hello, length 44"},
	}
	for _, c := range cases {
		b := iptailFrame(t, c.hex)
		if got := iptailPrint(c.opts, b, len(b), len(b)); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

func TestIptailInvalidHeader(t *testing.T) {
	b := iptailFrame(t, iptailEth+"4500 001c 0000 0000 0102 0000 0a00 0001 ef01 0203 1600 0000 ef01 0203")
	cases := []struct {
		capLen, origLen int
		want            string
	}{
		{0, 42, "[Invalid header: caplen==0]"},
		{42, 0, "[Invalid header: len==0]"},
		{0, 0, "[Invalid header: caplen==0, len==0]"},
		{42, 40, "[Invalid header: len(40) < caplen(42)]"},
		{42, 300000, "[Invalid header: len(300000) > 262144]"},
	}
	for _, c := range cases {
		data := b[:c.capLen]
		if got := iptailPrint(Options{Number: true}, data, c.capLen, c.origLen); got != "    1  "+c.want {
			t.Errorf("caplen %d len %d: got %q", c.capLen, c.origLen, got)
		}
	}
}
