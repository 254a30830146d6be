package slack

import (
	"context"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// limiter spaces writes per channel (Slack: about one message per second
// per channel, https://docs.slack.dev/apis/web-api/rate-limits). Reads are
// not limited: conversations.history and .replies have their own, larger
// tier, and only run after an interrupted delivery.
type limiter struct {
	mu       sync.Mutex
	interval time.Duration
	byKey    map[string]*rate.Limiter
}

func newLimiter(interval time.Duration) *limiter {
	return &limiter{interval: interval, byKey: map[string]*rate.Limiter{}}
}

// wait blocks until a message may go to the channel, or ctx ends.
func (l *limiter) wait(ctx context.Context, channel string) error {
	if l.interval < 0 {
		return nil
	}
	l.mu.Lock()
	lim, ok := l.byKey[channel]
	if !ok {
		lim = rate.NewLimiter(rate.Every(l.interval), 1)
		l.byKey[channel] = lim
	}
	l.mu.Unlock()
	return lim.Wait(ctx)
}
