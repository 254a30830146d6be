package emulator

import "sync/atomic"

// throttler decides which calls get a throttling error. Decisions are a
// pure function of the seed and the call's sequence number, so a test that
// makes the same calls in the same order sees the same throttles.
type throttler struct {
	seed uint64
	n    atomic.Uint64
}

func newThrottler(seed int64) *throttler {
	return &throttler{seed: uint64(seed)}
}

// hit reports whether the next call is throttled, with probability share.
func (t *throttler) hit(share float64) bool {
	if share <= 0 {
		return false
	}
	x := splitmix64(t.seed ^ (t.n.Add(1) * 0x9e3779b97f4a7c15))
	return float64(x>>11)/(1<<53) < share
}

// splitmix64 is a well-mixed 64-bit hash (Steele et al., SplitMix).
func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}
