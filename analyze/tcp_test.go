package analyze

import (
	"net"
	"net/netip"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/pcapreport/pcapreport/analyze/source"
)

// tcpSim builds a capture of one TCP conversation between a client and a
// server, packet by packet, with real headers and checksums.
type tcpSim struct {
	t       *testing.T
	cli, sv netip.AddrPort
	frames  []source.Frame
	win     [2]uint16 // window each side advertises
	opts    []layers.TCPOption
}

const (
	tcpC = 0 // client to server
	tcpS = 1 // server to client
)

// tcpSimBase is the capture's start (Unix seconds).
const tcpSimBase = 1_700_000_000

func newTCPSim(t *testing.T) *tcpSim {
	return &tcpSim{t: t, cli: netip.MustParseAddrPort("192.0.2.10:42214"), sv: netip.MustParseAddrPort("198.51.100.20:80"), win: [2]uint16{502, 509}}
}

// seg adds a segment at ms milliseconds into the capture. flags: S, A,
// F, R, P.
func (s *tcpSim) seg(ms float64, dir int, flags string, seq, ack uint32, n int) *tcpSim {
	src, dst := s.cli, s.sv
	if dir == tcpS {
		src, dst = dst, src
	}
	return s.segFrom(ms, src, dst, flags, seq, ack, n, s.win[dir])
}

func (s *tcpSim) segFrom(ms float64, src, dst netip.AddrPort, flags string, seq, ack uint32, n int, win uint16) *tcpSim {
	s.t.Helper()
	tcp := &layers.TCP{SrcPort: layers.TCPPort(src.Port()), DstPort: layers.TCPPort(dst.Port()), Seq: seq, Ack: ack, Window: win,
		SYN: strings.Contains(flags, "S"), ACK: strings.Contains(flags, "A"), FIN: strings.Contains(flags, "F"),
		RST: strings.Contains(flags, "R"), PSH: strings.Contains(flags, "P")}
	if tcp.SYN {
		tcp.Options = s.opts
	}
	eth := &layers.Ethernet{SrcMAC: net.HardwareAddr{2, 0, 0, 0, 1, 0x10}, DstMAC: net.HardwareAddr{2, 0, 0, 0, 1, 1}, EthernetType: layers.EthernetTypeIPv4}
	var ip gopacket.SerializableLayer = &layers.IPv4{Version: 4, TTL: 64, Protocol: layers.IPProtocolTCP, SrcIP: src.Addr().AsSlice(), DstIP: dst.Addr().AsSlice(), Flags: layers.IPv4DontFragment}
	if !src.Addr().Is4() {
		eth.EthernetType = layers.EthernetTypeIPv6
		ip = &layers.IPv6{Version: 6, HopLimit: 64, NextHeader: layers.IPProtocolTCP, SrcIP: src.Addr().AsSlice(), DstIP: dst.Addr().AsSlice()}
	}
	data := serialize(s.t, eth, ip, tcp, gopacket.Payload(make([]byte, n)))
	ns := int64(ms * 1e6)
	s.frames = append(s.frames, source.Frame{Index: len(s.frames) + 1, Offset: int64(24 + 16*len(s.frames)),
		Sec: tcpSimBase + ns/1e9, Frac: uint32(ns % 1e9), Nano: true, CapLen: len(data), OrigLen: len(data), LinkType: source.LinkEthernet, Data: data})
	return s
}

// handshake: SYN at 0, SYN/ACK at 1 ms, ACK at 2 ms; client ISN 1000,
// server ISN 5000.
func (s *tcpSim) handshake() *tcpSim {
	return s.seg(0, tcpC, "S", 1000, 0, 0).seg(1, tcpS, "SA", 5000, 1001, 0).seg(2, tcpC, "A", 1001, 5001, 0)
}

func (s *tcpSim) engine(cfg Config) *Engine {
	e := NewEngine("sim.pcap", source.Info{Format: "pcap", LinkType: source.LinkEthernet, Snaplen: 262144}, cfg)
	for i := range s.frames {
		e.Add(&s.frames[i])
	}
	return e
}

func (s *tcpSim) run() *Analysis { return s.engine(DefaultConfig).Finish(nil) }

func tcpFlows(a *Analysis) []Flow {
	var out []Flow
	for _, f := range a.Flows.All() {
		if f.Proto == "tcp" {
			out = append(out, *f)
		}
	}
	return out
}

func tcpOnlyFlow(t *testing.T, a *Analysis) Flow {
	t.Helper()
	fs := tcpFlows(a)
	if len(fs) != 1 {
		t.Fatalf("want 1 TCP flow, got %d: %+v", len(fs), fs)
	}
	return fs[0]
}

// tcpDevs returns the deviations whose ID starts with "tcp-".
func tcpDevs(a *Analysis) map[string]Deviation {
	m := map[string]Deviation{}
	for _, d := range a.Deviations {
		if strings.HasPrefix(d.ID, "tcp-") {
			m[d.ID] = d
		}
	}
	return m
}

func tcpIDs(a *Analysis) []string {
	var ids []string
	for id := range tcpDevs(a) {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

func tcpWantIDs(t *testing.T, a *Analysis, want ...string) map[string]Deviation {
	t.Helper()
	slices.Sort(want)
	if got := tcpIDs(a); !slices.Equal(got, want) {
		for _, d := range a.Deviations {
			t.Logf("%s: %s", d.ID, d.Message)
		}
		t.Fatalf("TCP deviations %v, want %v", got, want)
	}
	return tcpDevs(a)
}

func TestTCPHealthyConnection(t *testing.T) {
	s := newTCPSim(t).handshake().
		seg(3, tcpC, "PA", 1001, 5001, 100).
		seg(4, tcpS, "A", 5001, 1101, 0).
		seg(5, tcpS, "PA", 5001, 1101, 200).
		seg(6, tcpC, "A", 1101, 5201, 0).
		seg(7, tcpC, "FA", 1101, 5201, 0).
		seg(8, tcpS, "FA", 5201, 1102, 0).
		seg(9, tcpC, "A", 1102, 5202, 0)
	e := s.engine(DefaultConfig)
	a := e.Finish(nil)
	tcpWantIDs(t, a)
	f := tcpOnlyFlow(t, a)
	if f.State != "SF" || f.StateText != "normal establishment and termination" || f.History != "ShADadFf" {
		t.Errorf("state %s (%s) history %s", f.State, f.StateText, f.History)
	}
	if f.Src != s.cli.Addr() || f.Sport != 42214 || f.Dst != s.sv.Addr() || f.Dport != 80 {
		t.Errorf("orientation %s:%d > %s:%d", f.Src, f.Sport, f.Dst, f.Dport)
	}
	if f.OrigPackets != 6 || f.RespPackets != 4 || f.Packets != 10 || f.OrigBytes != 100 || f.RespBytes != 200 || f.Bytes != 300 {
		t.Errorf("counts %+v", f)
	}
	if f.RTTNs != 1e6 || f.HandshakeNs != 2e6 {
		t.Errorf("rtt %d handshake %d", f.RTTNs, f.HandshakeNs)
	}
	if f.ClosedBy != "orig FIN" || f.Retransmissions+f.DupAcks+f.LostSegments+f.OutOfOrder+f.ZeroWindows+f.SynRetries != 0 {
		t.Errorf("closed by %q, events %+v", f.ClosedBy, f)
	}
	if got := frameNums(f.Frames); !slices.Equal(got, []int{1, 2, 3, 4, 5}) {
		t.Errorf("flow frames %v", got)
	}
	// The ICMP tracker finds the flow from either direction.
	k := FlowKey{Src: s.cli.Addr(), Dst: s.sv.Addr(), Sport: 42214, Dport: 80}
	if e.tcp.flowFor(k) != 0 || e.tcp.flowFor(k.Reverse()) != 0 || e.tcp.flowFor(FlowKey{Src: s.cli.Addr(), Dst: s.sv.Addr(), Sport: 1, Dport: 80}) != -1 {
		t.Errorf("flowFor")
	}
}

func TestTCPHandshakeAck(t *testing.T) {
	for _, tc := range []struct {
		ack  uint32
		want bool
	}{{1001, false}, {1002, true}, {1000, true}} {
		s := newTCPSim(t).seg(0, tcpC, "S", 1000, 0, 0).seg(1, tcpS, "SA", 5000, tc.ack, 0).seg(2, tcpC, "A", 1001, 5001, 0)
		a := s.run()
		d, got := tcpDevs(a)["tcp-handshake-bad-ack"]
		if got != tc.want {
			t.Fatalf("ack %d: bad-ack reported %v, want %v", tc.ack, got, tc.want)
		}
		if got {
			says(t, d.Message, "198.51.100.20:80", "192.0.2.10:42214", "acknowledges "+strconv.Itoa(int(tc.ack)), "ISN was 1000", "should acknowledge 1001")
			if d.Severity != Error || !slices.Equal(frameNums(d.Frames), []int{1, 2}) {
				t.Errorf("severity %v frames %v", d.Severity, frameNums(d.Frames))
			}
		}
	}
}

func TestTCPSynUnanswered(t *testing.T) {
	s := newTCPSim(t).seg(0, tcpC, "S", 1000, 0, 0).seg(1000, tcpC, "S", 1000, 0, 0).seg(3000, tcpC, "S", 1000, 0, 0)
	// Something else keeps the capture going past the last retry.
	s.segFrom(7000, netip.MustParseAddrPort("192.0.2.10:5000"), netip.MustParseAddrPort("192.0.2.99:22"), "A", 1, 1, 0, 100)
	a := s.run()
	d := tcpWantIDs(t, a, "tcp-syn-unanswered")["tcp-syn-unanswered"]
	says(t, d.Message, "192.0.2.10:42214", "198.51.100.20:80", "3 SYNs at 0, 1.0 s, 3.0 s")
	if d.Severity != Error || d.Count != 3 || !slices.Equal(frameNums(d.Frames), []int{1, 2, 3}) {
		t.Errorf("deviation %+v", d)
	}
	f := tcpFlows(a)[0]
	if f.State != "S0" || f.History != "S" || f.SynRetries != 2 || f.ClosedBy != "no answer" {
		t.Errorf("flow %+v", f)
	}

	// One SYN in the last second of the capture may still be answered.
	a = newTCPSim(t).seg(0, tcpC, "S", 1000, 0, 0).run()
	tcpWantIDs(t, a)
	if f := tcpOnlyFlow(t, a); f.State != "S0" {
		t.Errorf("state %s", f.State)
	}
}

func TestTCPRejected(t *testing.T) {
	a := newTCPSim(t).seg(0, tcpC, "S", 1000, 0, 0).seg(0.1, tcpS, "RA", 0, 1001, 0).run()
	d := tcpWantIDs(t, a, "tcp-rejected")["tcp-rejected"]
	says(t, d.Message, "the SYN from 192.0.2.10:42214 to 198.51.100.20:80 was answered with RST by the server after 0.1 ms", "port 80")
	f := tcpOnlyFlow(t, a)
	if f.State != "REJ" || f.History != "Sr" || f.ClosedBy != "resp RST" {
		t.Errorf("flow %+v", f)
	}
}

func TestTCPSynAckUnanswered(t *testing.T) {
	s := newTCPSim(t).seg(0, tcpC, "S", 1000, 0, 0).seg(1, tcpS, "SA", 5000, 1001, 0).
		seg(1000, tcpC, "S", 1000, 0, 0).seg(1001, tcpS, "SA", 5000, 1001, 0).
		seg(3000, tcpC, "S", 1000, 0, 0).seg(3001, tcpS, "SA", 5000, 1001, 0)
	a := s.run()
	devs := tcpWantIDs(t, a, "tcp-synack-unanswered", "tcp-syn-retried", "tcp-retransmission")
	says(t, devs["tcp-synack-unanswered"].Message, "the server 198.51.100.20:80", "never acknowledged", "3 SYN/ACKs", "SYN 2 times more")
	f := tcpOnlyFlow(t, a)
	if f.State != "S1" || f.History != "Sh" {
		t.Errorf("flow %s %s", f.State, f.History)
	}
	// Answered too late: the client had given up and resets.
	a = newTCPSim(t).seg(0, tcpC, "S", 1000, 0, 0).seg(1017, tcpS, "SA", 5000, 1001, 0).seg(1017.1, tcpC, "R", 1001, 0, 0).run()
	says(t, tcpWantIDs(t, a, "tcp-synack-unanswered")["tcp-synack-unanswered"].Message, "only after 1.0 s", "answered that with RST")
	if f := tcpOnlyFlow(t, a); f.State != "RSTO" || f.History != "ShR" {
		t.Errorf("flow %s %s", f.State, f.History)
	}
	// Answered by the client's ACK: fine.
	a = newTCPSim(t).handshake().seg(2000, tcpC, "FA", 1001, 5001, 0).seg(2001, tcpS, "FA", 5001, 1002, 0).seg(2002, tcpC, "A", 1002, 5002, 0).run()
	tcpWantIDs(t, a)
}

func TestTCPRetransmissionVsOutOfOrder(t *testing.T) {
	base := func() *tcpSim { return newTCPSim(t).handshake() } // iRTT 2 ms
	t.Run("plain retransmission of seen data", func(t *testing.T) {
		a := base().seg(3, tcpC, "PA", 1001, 5001, 100).seg(4, tcpC, "PA", 1101, 5001, 100).seg(5, tcpC, "PA", 1201, 5001, 100).
			seg(6, tcpS, "A", 5001, 1101, 0).
			seg(300, tcpC, "PA", 1101, 5001, 100).seg(301, tcpS, "A", 5001, 1301, 0).run()
		d := tcpWantIDs(t, a, "tcp-retransmission")["tcp-retransmission"]
		says(t, d.Message, "the client 192.0.2.10:42214 retransmitted 1 segment")
		if strings.Contains(d.Message, "fast") || strings.Contains(d.Message, "spurious") || !slices.Equal(frameNums(d.Frames), []int{8}) {
			t.Errorf("%+v", d)
		}
		f := tcpOnlyFlow(t, a)
		if f.Retransmissions != 1 || f.OutOfOrder != 0 || f.LostSegments != 0 || f.History != "ShADaT" {
			t.Errorf("flow %+v", f)
		}
	})
	t.Run("out of order", func(t *testing.T) {
		a := base().seg(3, tcpC, "PA", 1001, 5001, 100).seg(4, tcpC, "PA", 1201, 5001, 100).seg(4.5, tcpC, "PA", 1101, 5001, 100).
			seg(5, tcpS, "A", 5001, 1301, 0).run()
		d := tcpWantIDs(t, a, "tcp-out-of-order")["tcp-out-of-order"]
		if d.Severity != Note || !slices.Equal(frameNums(d.Frames), []int{6}) {
			t.Errorf("%+v", d)
		}
		if f := tcpOnlyFlow(t, a); f.Retransmissions != 0 || f.OutOfOrder != 1 || f.LostSegments != 0 {
			t.Errorf("flow %+v", f)
		}
	})
	t.Run("late fill of a hole is a retransmission", func(t *testing.T) {
		a := base().seg(3, tcpC, "PA", 1001, 5001, 100).seg(4, tcpC, "PA", 1201, 5001, 100).seg(300, tcpC, "PA", 1101, 5001, 100).
			seg(301, tcpS, "A", 5001, 1301, 0).run()
		devs := tcpWantIDs(t, a, "tcp-retransmission", "tcp-lost-segment")
		says(t, devs["tcp-retransmission"].Message, "1 carried data this capture point had not seen before")
		says(t, devs["tcp-lost-segment"].Message, "has 1 hole (100 bytes)", "1 filled later by retransmissions, so the originals were lost before this capture point")
		if strings.Contains(devs["tcp-lost-segment"].Message, "never filled") || !slices.Equal(frameNums(devs["tcp-lost-segment"].Frames), []int{5}) {
			t.Errorf("%+v", devs["tcp-lost-segment"])
		}
		if f := tcpOnlyFlow(t, a); f.Retransmissions != 1 || f.OutOfOrder != 0 || f.LostSegments != 1 {
			t.Errorf("flow %+v", f)
		}
	})
	t.Run("hole never filled", func(t *testing.T) {
		a := base().seg(3, tcpC, "PA", 1001, 5001, 100).seg(4, tcpC, "PA", 1201, 5001, 100).seg(5, tcpS, "A", 5001, 1101, 0).run()
		d := tcpWantIDs(t, a, "tcp-lost-segment")["tcp-lost-segment"]
		says(t, d.Message, "the client 192.0.2.10:42214's data to 198.51.100.20:80 has 1 hole (100 bytes)", "1 never filled (100 bytes never seen here)")
		if strings.Contains(d.Message, "acknowledged") || strings.Contains(d.Message, "filled later") || !slices.Equal(frameNums(d.Frames), []int{5}) {
			t.Errorf("%+v", d)
		}
		if f := tcpOnlyFlow(t, a); f.LostSegments != 1 {
			t.Errorf("flow %+v", f)
		}
	})
	t.Run("ACK of unseen data", func(t *testing.T) {
		a := base().seg(3, tcpC, "PA", 1001, 5001, 100).seg(5, tcpS, "A", 5001, 1201, 0).run()
		devs := tcpWantIDs(t, a, "tcp-lost-segment", "tcp-ack-unseen")
		says(t, devs["tcp-lost-segment"].Message, "of which the receiver acknowledged 1, so the data got there and the capture missed it")
		if !slices.Equal(frameNums(devs["tcp-ack-unseen"].Frames), []int{5}) {
			t.Errorf("%+v", devs["tcp-ack-unseen"])
		}
	})
	t.Run("capture started mid-connection", func(t *testing.T) {
		s := newTCPSim(t).seg(0, tcpC, "PA", 777000, 9000, 100).seg(1, tcpS, "A", 9000, 777100, 0).
			seg(2, tcpC, "PA", 777100, 9000, 100).seg(3, tcpS, "PA", 9000, 777200, 50)
		a := s.run()
		tcpWantIDs(t, a)
		f := tcpOnlyFlow(t, a)
		if f.State != "OTH" || f.ClosedBy != "open at end of capture" || f.LostSegments != 0 || f.Src != s.cli.Addr() {
			t.Errorf("flow %+v", f)
		}
	})
}

func TestTCPFastAndSpurious(t *testing.T) {
	// Segment 1101 is lost before the capture point; three duplicate
	// ACKs ask for it and it comes again 1 ms later.
	s := newTCPSim(t).handshake().
		seg(3, tcpC, "PA", 1001, 5001, 100).seg(3.1, tcpC, "PA", 1201, 5001, 100).seg(3.2, tcpC, "PA", 1301, 5001, 100).
		seg(4, tcpS, "A", 5001, 1101, 0).seg(4.1, tcpS, "A", 5001, 1101, 0).seg(4.2, tcpS, "A", 5001, 1101, 0).seg(4.3, tcpS, "A", 5001, 1101, 0).
		seg(5.3, tcpC, "PA", 1101, 5001, 100).seg(6, tcpS, "A", 5001, 1401, 0).
		// and a spurious one: 1301 again, long acknowledged
		seg(400, tcpC, "PA", 1301, 5001, 100)
	a := s.run()
	devs := tcpWantIDs(t, a, "tcp-retransmission", "tcp-dup-ack", "tcp-lost-segment")
	says(t, devs["tcp-retransmission"].Message, "retransmitted 2 segments", "1 fast (after duplicate ACKs)", "1 spurious")
	says(t, devs["tcp-dup-ack"].Message, "the server 198.51.100.20:80 sent 3 duplicate ACKs", "longest run 3")
	if d := devs["tcp-dup-ack"]; d.Count != 3 || !slices.Equal(frameNums(d.Frames), []int{8, 9, 10}) {
		t.Errorf("%+v", d)
	}
	f := tcpOnlyFlow(t, a)
	if f.Retransmissions != 2 || f.DupAcks != 3 || f.OutOfOrder != 0 || f.LostSegments != 1 {
		t.Errorf("flow %+v", f)
	}
}

func TestTCPZeroWindowAndKeepAlive(t *testing.T) {
	s := newTCPSim(t).handshake().seg(3, tcpC, "PA", 1001, 5001, 100)
	s.win[tcpS] = 0
	s.seg(4, tcpS, "A", 5001, 1101, 0)
	s.seg(200, tcpC, "A", 1101, 5001, 1).seg(201, tcpS, "A", 5001, 1101, 0). // probe
											seg(600, tcpC, "A", 1101, 5001, 1).seg(601, tcpS, "A", 5001, 1101, 0) // probe again
	s.win[tcpS] = 509
	s.seg(700, tcpS, "A", 5001, 1101, 0). // window update
						seg(701, tcpC, "PA", 1101, 5001, 100).seg(702, tcpS, "A", 5001, 1201, 0).
						seg(60702, tcpC, "A", 1200, 5001, 0).seg(60703, tcpS, "A", 5001, 1201, 0) // keep-alive and its ACK
	a := s.run()
	devs := tcpWantIDs(t, a, "tcp-zero-window", "tcp-keepalive")
	says(t, devs["tcp-zero-window"].Message, "the server 198.51.100.20:80 advertised a zero window 3 times", "2 zero-window probes")
	if devs["tcp-zero-window"].Severity != Warning || devs["tcp-keepalive"].Count != 1 {
		t.Errorf("%+v", devs)
	}
	f := tcpOnlyFlow(t, a)
	if f.ZeroWindows != 3 || f.Retransmissions != 0 || f.DupAcks != 0 || !strings.Contains(f.History, "w") {
		t.Errorf("flow %+v", f)
	}
}

func TestTCPResetMidTransfer(t *testing.T) {
	a := newTCPSim(t).handshake().seg(3, tcpC, "PA", 1001, 5001, 100).seg(4, tcpS, "PA", 5001, 1101, 1000).
		seg(1500, tcpS, "RA", 6001, 1101, 0).run()
	d := tcpWantIDs(t, a, "tcp-reset")["tcp-reset"]
	says(t, d.Message, "the server 198.51.100.20:80 reset the connection with 192.0.2.10:42214 1.5 s after it started", "after 100 bytes from the client and 1000 bytes from the server")
	if d.Severity != Warning || !slices.Equal(frameNums(d.Frames), []int{6}) {
		t.Errorf("%+v", d)
	}
	f := tcpOnlyFlow(t, a)
	if f.State != "RSTR" || f.ClosedBy != "resp RST" || f.History != "ShADdr" {
		t.Errorf("flow %s %s %s", f.State, f.ClosedBy, f.History)
	}
}

func TestTCPOpenAtEnd(t *testing.T) {
	a := newTCPSim(t).handshake().seg(3, tcpC, "PA", 1001, 5001, 100).seg(4, tcpS, "A", 5001, 1101, 0).run()
	tcpWantIDs(t, a)
	f := tcpOnlyFlow(t, a)
	if f.State != "S1" || f.ClosedBy != "open at end of capture" {
		t.Errorf("flow %s %q", f.State, f.ClosedBy)
	}
}

func TestTCPIncarnations(t *testing.T) {
	// A closed connection, then a new SYN with a new ISN on the same
	// 4-tuple: two connections.
	s := newTCPSim(t).handshake().seg(3, tcpC, "FA", 1001, 5001, 0).seg(4, tcpS, "FA", 5001, 1002, 0).seg(5, tcpC, "A", 1002, 5002, 0).
		seg(2000, tcpC, "S", 90000, 0, 0).seg(2001, tcpS, "SA", 70000, 90001, 0).seg(2002, tcpC, "A", 90001, 70001, 0)
	a := s.run()
	fs := tcpFlows(a)
	if len(fs) != 2 || fs[0].State != "SF" || fs[1].State != "S1" || fs[1].Start != tcpSimBase*1e9+2000e6 || fs[1].OrigPackets != 2 {
		t.Fatalf("flows %+v", fs)
	}
	tcpWantIDs(t, a)
	// The same ISN again is a retry, not a new connection.
	a = newTCPSim(t).seg(0, tcpC, "S", 1000, 0, 0).seg(1000, tcpC, "S", 1000, 0, 0).seg(1001, tcpS, "SA", 5000, 1001, 0).seg(1002, tcpC, "A", 1001, 5001, 0).run()
	f := tcpOnlyFlow(t, a)
	if f.SynRetries != 1 || f.RTTNs != 1e6 || f.HandshakeNs != 1002e6 {
		t.Errorf("flow %+v", f)
	}
	d := tcpWantIDs(t, a, "tcp-syn-retried")["tcp-syn-retried"]
	says(t, d.Message, "needed 2 SYNs", "sent at 0, 1.0 s")
}

func TestTCPPMTUBlackhole(t *testing.T) {
	mk := func(ackAfterFirstRetry bool) *Analysis {
		s := newTCPSim(t).handshake().seg(3, tcpC, "PA", 1001, 5001, 100).seg(4, tcpS, "A", 5001, 1101, 0).
			seg(5, tcpS, "PA", 5001, 1101, 1448).seg(5.1, tcpS, "PA", 6449, 1101, 1448).
			seg(300, tcpS, "PA", 5001, 1101, 1448)
		if ackAfterFirstRetry {
			s.seg(301, tcpC, "A", 1101, 6449, 0).seg(302, tcpS, "PA", 7897, 1101, 1000).seg(303, tcpC, "A", 1101, 8897, 0)
		} else {
			s.seg(900, tcpS, "PA", 5001, 1101, 1448).seg(2100, tcpS, "PA", 5001, 1101, 1448)
		}
		return s.run()
	}
	a := mk(false)
	devs := tcpWantIDs(t, a, "tcp-pmtu-blackhole", "tcp-retransmission")
	d := devs["tcp-pmtu-blackhole"]
	says(t, d.Message, "the server 198.51.100.20:80 sent full-size segments of 1448 bytes", "3 times again", "smaller segments (up to 100 bytes)")
	if d.Severity != Error || !slices.Equal(frameNums(d.Frames), []int{8, 9, 10}) {
		t.Errorf("%+v", d)
	}
	// Acknowledged after one retransmission: plain loss.
	tcpWantIDs(t, mk(true), "tcp-retransmission")
}

func TestTCPWindowFull(t *testing.T) {
	s := newTCPSim(t)
	s.opts = []layers.TCPOption{{OptionType: layers.TCPOptionKindWindowScale, OptionLength: 3, OptionData: []byte{2}}}
	s.win = [2]uint16{100, 50} // the server takes 50<<2 = 200 bytes
	s.handshake().seg(3, tcpC, "PA", 1001, 5001, 100).seg(4, tcpS, "A", 5001, 1101, 0).seg(5, tcpC, "PA", 1101, 5001, 200)
	a := s.run()
	d := tcpWantIDs(t, a, "tcp-window-full")["tcp-window-full"]
	if !slices.Equal(frameNums(d.Frames), []int{6}) {
		t.Errorf("%+v", d)
	}
}

func TestTCPIPv6AndOrientation(t *testing.T) {
	s := newTCPSim(t)
	s.cli, s.sv = netip.MustParseAddrPort("[2001:db8:1::10]:50000"), netip.MustParseAddrPort("[2001:db8:2::20]:443")
	// The capture starts with the server's SYN/ACK: the client is still
	// the one it answers.
	s.seg(1, tcpS, "SA", 5000, 1001, 0).seg(2, tcpC, "A", 1001, 5001, 0).seg(3, tcpC, "FA", 1001, 5001, 0).seg(4, tcpS, "FA", 5001, 1002, 0)
	a := s.run()
	f := tcpOnlyFlow(t, a)
	if f.Src != s.cli.Addr() || f.Sport != 50000 || f.State != "SF" || f.History != "hAFf" {
		t.Errorf("flow %s:%d %s %s", f.Src, f.Sport, f.State, f.History)
	}
	// Mid-stream from a well-known port: the sender is the server.
	a = newTCPSim(t).seg(0, tcpS, "PA", 9000, 777000, 10).seg(1, tcpC, "A", 777000, 9010, 0).run()
	f = tcpOnlyFlow(t, a)
	if f.Sport != 42214 || f.Dport != 80 || f.History != "^dA" {
		t.Errorf("flow %+v", f)
	}
}

func TestTCPLimits(t *testing.T) {
	cfg := DefaultConfig
	cfg.MaxFlows = 2
	s := newTCPSim(t)
	for i, port := range []uint16{1001, 1002, 1003, 1003} {
		s.segFrom(float64(i), netip.AddrPortFrom(s.cli.Addr(), port), s.sv, "S", 1000, 0, 0, 100)
	}
	a := s.engine(cfg).Finish(nil)
	if len(tcpFlows(a)) != 2 || a.FlowsDropped != 1 {
		t.Errorf("flows %d dropped %d", len(tcpFlows(a)), a.FlowsDropped)
	}

	// Idle flows are finalised and their live state freed.
	cfg = DefaultConfig
	cfg.IdleTimeoutNs = 10e9
	s = newTCPSim(t).handshake()
	other := netip.AddrPortFrom(s.cli.Addr(), 2000)
	for i := range 10 {
		s.segFrom(20000+float64(i)*1000, other, s.sv, "A", 1, 1, 0, 100)
	}
	e := s.engine(cfg)
	if e.tcp.live != 1 || len(e.tcp.m) != 1 {
		t.Errorf("live %d map %d", e.tcp.live, len(e.tcp.m))
	}
	a = e.Finish(nil)
	if fs := tcpFlows(a); len(fs) != 2 || fs[0].ClosedBy != "idle, no close seen" || fs[0].State != "S1" {
		t.Errorf("flows %+v", fs)
	}
}

// The steady state allocates nothing per packet.
func TestTCPNoAllocPerPacket(t *testing.T) {
	s := newTCPSim(t).handshake()
	seq := uint32(1001)
	for i := range 3000 {
		ms := 3 + float64(i)*0.01
		if i%2 == 0 {
			s.seg(ms, tcpC, "PA", seq, 5001, 100)
			seq += 100
		} else {
			s.seg(ms, tcpS, "A", 5001, seq, 0)
		}
	}
	measure := func(withTCP bool) float64 {
		e := NewEngine("sim.pcap", source.Info{}, DefaultConfig)
		e.tracked = nil
		if withTCP {
			e.tracked = []tracker{e.tcp}
		}
		for i := range 1000 {
			e.Add(&s.frames[i])
		}
		i := 1000
		return testing.AllocsPerRun(1500, func() {
			e.Add(&s.frames[i])
			i++
		})
	}
	if base, with := measure(false), measure(true); with > base {
		t.Errorf("%.2f allocations per packet with the TCP tracker, %.2f without", with, base)
	}
}

// Real captures: a healthy HTTP exchange and a closed port.
func TestTCPLabBasic(t *testing.T) {
	for _, name := range []string{"basic-client.pcap", "basic-router-in.pcap"} {
		t.Run(name, func(t *testing.T) {
			a := runFile(t, filepath.Join("..", "testdata", "lab", name))
			fs := tcpFlows(a)
			if len(fs) != 2 {
				t.Fatalf("flows %+v", fs)
			}
			http, closed := fs[0], fs[1]
			if http.Dport != 80 || http.State != "SF" || http.History != "ShADadFf" || http.ClosedBy != "orig FIN" ||
				http.OrigBytes != 87 || http.RespBytes != 204 || http.HandshakeNs <= 0 || http.RTTNs <= 0 || http.Retransmissions != 0 {
				t.Errorf("HTTP flow %+v", http)
			}
			if closed.Dport != 81 || closed.State != "REJ" || closed.History != "Sr" {
				t.Errorf("closed-port flow %+v", closed)
			}
			d := tcpWantIDs(t, a, "tcp-rejected")["tcp-rejected"]
			says(t, d.Message, "192.0.2.10:51844 to 198.51.100.20:81 was answered with RST")
			if !slices.Equal(frameNums(d.Frames), []int{32, 33}) || d.Flow != slices.IndexFunc(a.Flows.Slice(), func(f Flow) bool { return f.Proto == "tcp" && f.Dport == 81 }) {
				t.Errorf("%+v", d)
			}
		})
	}
}

func TestTCPZeekStates(t *testing.T) {
	for _, tc := range []struct {
		name, state, history, closedBy string
		build                          func(s *tcpSim)
	}{
		{"S2", "S2", "ShAF", "orig FIN", func(s *tcpSim) { s.handshake().seg(3, tcpC, "FA", 1001, 5001, 0) }},
		{"S3", "S3", "ShAf", "resp FIN", func(s *tcpSim) { s.handshake().seg(3, tcpS, "FA", 5001, 1001, 0) }},
		{"SH", "SH", "SF", "orig FIN", func(s *tcpSim) { s.seg(0, tcpC, "S", 1000, 0, 0).seg(1, tcpC, "FA", 1001, 0, 0) }},
		{"SHR", "SHR", "hf", "resp FIN", func(s *tcpSim) { s.seg(0, tcpS, "SA", 5000, 1001, 0).seg(1, tcpS, "FA", 5001, 1001, 0) }},
		{"RSTRH", "RSTRH", "hr", "resp RST", func(s *tcpSim) { s.seg(0, tcpS, "SA", 5000, 1001, 0).seg(1, tcpS, "R", 5001, 0, 0) }},
		{"RSTOS0", "RSTOS0", "SR", "orig RST", func(s *tcpSim) { s.seg(0, tcpC, "S", 1000, 0, 0).seg(1500, tcpC, "R", 1001, 0, 0) }},
		{"RSTO", "RSTO", "ShAR", "orig RST", func(s *tcpSim) { s.handshake().seg(3, tcpC, "RA", 1001, 5001, 0) }},
		{"SF then RST", "SF", "ShAFfR", "orig FIN", func(s *tcpSim) {
			s.handshake().seg(3, tcpC, "FA", 1001, 5001, 0).seg(4, tcpS, "FA", 5001, 1002, 0).seg(5, tcpC, "R", 1002, 0, 0)
		}},
		{"FIN then RST", "RSTR", "ShADFr", "orig FIN, then resp RST", func(s *tcpSim) {
			s.handshake().seg(3, tcpC, "PA", 1001, 5001, 10).seg(4, tcpC, "FA", 1011, 5001, 0).seg(5, tcpS, "RA", 5001, 1012, 0)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newTCPSim(t)
			tc.build(s)
			f := tcpOnlyFlow(t, s.run())
			if f.State != tc.state || f.History != tc.history || f.ClosedBy != tc.closedBy || f.StateText != tcpStateText[tc.state] {
				t.Errorf("got %s %q %q, want %s %q %q", f.State, f.History, f.ClosedBy, tc.state, tc.history, tc.closedBy)
			}
		})
	}
}
