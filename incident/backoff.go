package incident

import (
	"errors"
	"math/rand/v2"
	"time"

	"github.com/apigw-triage/apigw-triage/notifier"
)

// backoff is the dispatcher's retry schedule for transient failures:
// exponential from initial, capped at max, jittered so that sinks
// recovering from an outage are not hit by every daemon at once. There is
// no last attempt: a transient failure is retried at the cap for ever, and
// the outbox depth shows it.
type backoff struct {
	initial, max time.Duration
	jitter       func(time.Duration) time.Duration
}

// retryAfterMost bounds a sink's Retry-After. Slack and Alertmanager ask
// for seconds to minutes; a proxy or a misconfigured server in front of
// them asking for a day would otherwise hold every notification to that
// sink for a day, and since the wait survives a restart, nothing short of
// editing the store would clear it.
const retryAfterMost = time.Hour

// wait returns how long to wait after the n-th consecutive transient
// failure (n from 1), or what a RetryAfterError says, up to retryAfterMost.
func (b backoff) wait(n int, err error) time.Duration {
	if ra, ok := errors.AsType[*notifier.RetryAfterError](err); ok && ra.After > 0 {
		return min(ra.After, retryAfterMost)
	}
	d := b.initial
	for i := 1; i < n && d < b.max; i++ {
		d *= 2
	}
	return b.jitter(min(d, b.max))
}

// equalJitter waits between half and all of d: never zero, so a failing
// sink is not hammered, and spread enough to break up synchronised retries.
func equalJitter(d time.Duration) time.Duration {
	half := d / 2
	if half <= 0 {
		return d
	}
	return half + rand.N(d-half+1)
}
