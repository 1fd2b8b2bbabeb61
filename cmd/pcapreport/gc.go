package main

import (
	"math"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// tuneGC trades the garbage collector's default (collect whenever the heap
// doubles) for a memory ceiling that follows the live heap: at least
// floor, else half again the live data. A report over a capture with few
// live flows then collects rarely and stays under the floor, and one with
// hundreds of thousands of flows gets room in proportion, without the
// collector running flat out against a fixed limit. It returns a function
// that restores the defaults.
func tuneGC(floor int64) func() {
	oldPercent := debug.SetGCPercent(-1)
	oldLimit := debug.SetMemoryLimit(floor)
	done := make(chan struct{})
	go func() {
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				metrics.Read(sample)
				if sample[0].Value.Kind() != metrics.KindUint64 {
					continue
				}
				live := sample[0].Value.Uint64()
				limit := max(floor, int64(min(live, math.MaxInt64/2)*3/2))
				debug.SetMemoryLimit(limit)
			}
		}
	}()
	return func() {
		close(done)
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	}
}
