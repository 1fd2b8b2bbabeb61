package analyze

import (
	"fmt"
	"os"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/pcapreport/pcapreport/analyze/source"
)

func TestTCPDriver(t *testing.T) {
	name := os.Getenv("TCPDRV")
	if name == "" {
		t.Skip()
	}
	r, err := source.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("TCPDRV_TRACE") != "" {
		tcpTrace = func(frame int, what string, filled bool, since, thr int64) {
			fmt.Printf("T %d %s %v %d %d\n", frame, what, filled, since, thr)
		}
		defer func() { tcpTrace = nil }()
	}
	var a *Analysis
	var e *Engine
	for {
		f, err := r.Next()
		if e == nil {
			e = NewEngine(name, r.Info(), DefaultConfig)
		}
		if err != nil {
			a = e.Finish(nil)
			break
		}
		e.Add(f)
	}
	tcpStatsLast = e.tcp.stats
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("TCPDRV_SUM") != "" {
		fmt.Printf("stats %+v\n", tcpStatsLast)
		states := map[string]int{}
		var retx, dup, lost, ooo, zw, synr, n int
		for _, f := range a.Flows.All() {
			if f.Proto != "tcp" {
				continue
			}
			n++
			states[f.State]++
			retx += int(f.Retransmissions)
			dup += int(f.DupAcks)
			lost += int(f.LostSegments)
			ooo += int(f.OutOfOrder)
			zw += int(f.ZeroWindows)
			synr += int(f.SynRetries)
		}
		fmt.Printf("tcp flows %d states %v\nretx %d dup %d lost %d ooo %d zw %d synretries %d dropped %d\n", n, states, retx, dup, lost, ooo, zw, synr, a.FlowsDropped)
		ids := map[string]int{}
		devs := map[string]int{}
		shown := map[string]int{}
		for _, d := range a.Deviations {
			ids[d.ID] += d.Count
			devs[d.ID]++
			if shown[d.ID] < 3 {
				shown[d.ID]++
				fmt.Printf("  %s %s x%d %v: %s\n", d.Severity, d.ID, d.Count, d.Frames, d.Message)
			}
		}
		for id, c := range ids {
			fmt.Printf("%-24s deviations %6d count %8d\n", id, devs[id], c)
		}
		return
	}
	for _, f := range a.Flows.All() {
		if f.Proto == "tcp" {
			fmt.Printf("%s:%d > %s:%d %s %q pk=%d/%d by=%d/%d hs=%d rtt=%d closed=%q retx=%d dup=%d lost=%d ooo=%d zw=%d synr=%d fr=%v\n", f.Src, f.Sport, f.Dst, f.Dport, f.State, f.History, f.OrigPackets, f.RespPackets, f.OrigBytes, f.RespBytes, f.HandshakeNs, f.RTTNs, f.ClosedBy, f.Retransmissions, f.DupAcks, f.LostSegments, f.OutOfOrder, f.ZeroWindows, f.SynRetries, f.Frames)
		}
	}
	for _, d := range a.Deviations {
		fmt.Printf("%s %s x%d %v: %s\n", d.Severity, d.ID, d.Count, d.Frames, d.Message)
	}
}

func TestTCPDriverBench(t *testing.T) {
	name := os.Getenv("TCPDRV_BENCH")
	if name == "" {
		t.Skip()
	}
	run := func(withTCP bool) (time.Duration, int) {
		r, err := source.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		var e *Engine
		n := 0
		start := cpuTime()
		for {
			f, err := r.Next()
			if e == nil {
				e = NewEngine(name, r.Info(), DefaultConfig)
				e.tracked = nil
				if withTCP {
					e.tracked = []tracker{e.tcp}
				}
			}
			if err != nil {
				break
			}
			e.Add(f)
			n++
		}
		e.Finish(nil)
		return cpuTime() - start, n
	}
	for i := 0; i < 2; i++ {
		base, n := run(false)
		var ms runtime.MemStats
		runtime.GC()
		withT, _ := run(true)
		runtime.ReadMemStats(&ms)
		fmt.Printf("decode only %v, with tcp %v: tcp %.0f ns/packet over %d packets (heap %d MiB, total alloc %d MiB)\n", base, withT, float64(withT-base)/float64(n), n, ms.HeapAlloc>>20, ms.TotalAlloc>>20)
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

var tcpStatsLast tcpStats

func TestTCPDriverMem(t *testing.T) {
	name := os.Getenv("TCPDRV_MEM")
	if name == "" {
		t.Skip()
	}
	r, err := source.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	var frames []source.Frame
	for {
		f, err := r.Next()
		if err != nil {
			break
		}
		g := *f
		g.Data = append([]byte(nil), f.Data...)
		g.Comments = nil
		frames = append(frames, g)
	}
	info := r.Info()
	run := func(withTCP bool) time.Duration {
		runtime.GC()
		e := NewEngine(name, info, DefaultConfig)
		e.tracked = nil
		if withTCP {
			e.tracked = []tracker{e.tcp}
		}
		start := time.Now()
		for i := range frames {
			e.Add(&frames[i])
		}
		e.Finish(nil)
		return time.Since(start)
	}
	for i := 0; i < 3; i++ {
		base := run(false)
		withT := run(true)
		fmt.Printf("mem: decode only %v, with tcp %v: tcp %.0f ns/packet\n", base, withT, float64(withT-base)/float64(len(frames)))
	}
}
