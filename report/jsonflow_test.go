package report

import (
	"encoding/json"
	"math/rand/v2"
	"net/netip"
	"testing"

	"github.com/pcapreport/pcapreport/analyze"
)

// The hand-written flow encoder writes exactly what encoding/json writes,
// for every field filled or empty and for awkward strings.
func TestFlowJSONMatchesEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	strs := []string{"", "SF", "ShADadFf", "orig FIN", "a\"b\\c\n\t<&>", "µs → ok", "\x01\x7f", "bad \xff utf8", "\u2028"}
	pick := func() string { return strs[rng.IntN(len(strs))] }
	addrs := []netip.Addr{{}, netip.MustParseAddr("192.0.2.1"), netip.MustParseAddr("2001:db8::1")}
	for i := 0; i < 2000; i++ {
		n := func() int64 {
			if rng.IntN(3) == 0 {
				return 0
			}
			return rng.Int64N(1<<40) - 1<<20
		}
		n32 := func() int32 { return int32(n() % (1 << 30)) }
		f := analyze.Flow{Proto: pick(), Src: addrs[rng.IntN(3)], Sport: uint16(rng.IntN(65536)), Dst: addrs[rng.IntN(3)],
			Dport: uint16(rng.IntN(65536)), State: pick(), StateText: pick(), History: pick(), Packets: n32(), Bytes: n(),
			OrigPackets: n32(), RespPackets: n32(), OrigBytes: n(), RespBytes: n(), Start: n(), End: n(),
			HandshakeNs: n(), RTTNs: n(), ClosedBy: pick(), Retransmissions: n32(), DupAcks: n32(), LostSegments: n32(),
			OutOfOrder: n32(), ZeroWindows: n32(), SynRetries: n32()}
		switch rng.IntN(3) {
		case 1:
			f.Frames = analyze.Frames{}
		case 2:
			f.Frames = analyze.Frames{{Index: 1}, {Index: rng.IntN(1 << 20)}}
		}
		want, err := json.MarshalIndent(&f, "        ", "  ")
		if err != nil {
			t.Fatal(err)
		}
		got := appendFlowJSON(nil, &f, "        ")
		if string(got) != string(want) {
			t.Fatalf("flow %d:\n got %s\nwant %s", i, got, want)
		}
	}
}
