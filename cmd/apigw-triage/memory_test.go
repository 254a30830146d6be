package main

import (
	"runtime"
	"runtime/debug"
	"testing"
)

// The daemon collects at GOGC 50 unless the operator set GOGC, and
// samples no heap profile.
func TestTuneMemory(t *testing.T) {
	rate := runtime.MemProfileRate
	prev := debug.SetGCPercent(100)
	t.Cleanup(func() { runtime.MemProfileRate = rate; debug.SetGCPercent(prev) })
	tuneMemory(func(string) string { return "300" })
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC set the daemon changed the GC target to %d", got)
	}
	tuneMemory(func(string) string { return "" })
	if got := debug.SetGCPercent(100); got != daemonGCPercent {
		t.Errorf("without GOGC the GC target is %d, want %d", got, daemonGCPercent)
	}
	if runtime.MemProfileRate != 0 {
		t.Errorf("heap profile sampled every %d bytes, want never", runtime.MemProfileRate)
	}
}
