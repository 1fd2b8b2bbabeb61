package main

import (
	"os"
	"runtime"
	"runtime/pprof"
)

// startProfiles writes CPU and heap profiles when PCAPREPORT_CPUPROFILE or
// PCAPREPORT_MEMPROFILE name files: the benchmark scripts' way to see where
// time and memory go. The returned function stops them.
func startProfiles() func() {
	var stops []func()
	if path := os.Getenv("PCAPREPORT_CPUPROFILE"); path != "" {
		if f, err := os.Create(path); err == nil && pprof.StartCPUProfile(f) == nil {
			stops = append(stops, func() { pprof.StopCPUProfile(); f.Close() })
		}
	}
	if path := os.Getenv("PCAPREPORT_MEMPROFILE"); path != "" {
		runtime.MemProfileRate = 64 << 10
		stops = append(stops, func() {
			if f, err := os.Create(path); err == nil {
				pprof.Lookup("heap").WriteTo(f, 0)
				f.Close()
			}
		})
	}
	return func() {
		for _, stop := range stops {
			stop()
		}
	}
}
