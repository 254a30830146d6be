package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/apigw-triage/apigw-triage/notifier"
)

// wallTimed prefixes each demo notification with the wall time since the
// demo started, so the promise "every failure is announced within the first
// minute" can be seen, not taken on trust.
type wallTimed struct {
	inner notifier.Notifier
	w     io.Writer
	start time.Time
}

var _ notifier.Notifier = (*wallTimed)(nil)

func (t *wallTimed) Name() string { return t.inner.Name() }

func (t *wallTimed) Notify(ctx context.Context, d *notifier.Delivery) (bool, error) {
	_, _ = fmt.Fprintf(t.w, "── +%.1fs wall, %s emulated ──\n", time.Since(t.start).Seconds(), d.Event.At.UTC().Format("15:04"))
	return t.inner.Notify(ctx, d)
}
