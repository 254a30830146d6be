package main

import (
	"runtime"
	"runtime/debug"
)

// daemonGCPercent is the garbage collector's target when GOGC is not set:
// the heap may grow to 1.5 times what is live instead of twice. Most of
// what the daemon allocates is short-lived (SDK responses of a poll or a
// discovery), so this buys resident memory for a few more collections
// per poll.
const daemonGCPercent = 50

// tuneMemory sets the long-running daemon's memory use. The heap profile
// is never sampled: the daemon serves no profile, and each sample walks
// the stack through the binary's function tables, which then stay
// resident. GOGC, when set, is left as the operator chose it.
func tuneMemory(getenv func(string) string) {
	runtime.MemProfileRate = 0
	if getenv("GOGC") == "" {
		debug.SetGCPercent(daemonGCPercent)
	}
}
