package classifier

import "time"

// BackoffFor returns the client retry advice for a cause; a Retry-After seen
// in the evidence (retryAfter > 0) overrides the computed initial delay.
//
// Placeholder until the catalog lands.
func BackoffFor(c Cause, retryAfter time.Duration) BackoffHint {
	_ = retryAfter
	return BackoffHint{Jitter: "none"}
}
