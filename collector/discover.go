package collector

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"golang.org/x/sync/errgroup"
)

// Discover returns the stages of every account and region, refreshing the
// lists whose TTL has passed, without reading any metric: alarm mode learns
// which stage fails from the team's alarms and needs the stages only to
// pull their evidence. It records each region's health for Ready as a poll
// does.
func (c *Collector) Discover(ctx context.Context) ([]Stage, []TargetError) {
	now := c.clk.Now()
	stages := make([][]Stage, len(c.regions))
	errs := make([]error, len(c.regions))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(c.opts.Concurrency)
	for i, r := range c.regions {
		g.Go(func() error {
			stages[i], errs[i] = c.regionStages(gctx, r, now)
			c.setHealth(r, now, errs[i])
			return nil
		})
	}
	_ = g.Wait()
	out := concat(stages)
	var failures []TargetError
	for i, r := range c.regions {
		if errs[i] != nil {
			failures = append(failures, TargetError{Account: r.account, Region: r.name, Op: "discovery", Err: errs[i]})
		}
	}
	return out, failures
}

// EvidenceWindow is the window a poll at now would read: what the evidence
// of a stage tripped by an alarm at now covers, as in polling mode.
func (c *Collector) EvidenceWindow(now time.Time) (start, end time.Time) {
	w := pollWindow(now, c.opts.Period, c.opts.Delay, c.opts.Reread)
	return w.start, w.end
}

// SDKConfig is the configuration the collector's clients start from
// (endpoint, credentials, retries, attempt counting), for the clients of
// alarm mode.
func (c *Collector) SDKConfig() aws.Config { return c.base.Copy() }
