package collector

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"golang.org/x/sync/errgroup"
)

// regionPoll is the outcome of one region's poll.
type regionPoll struct {
	results  []StageResult
	failures []TargetError
}

// Poll refreshes discovery where it is due, reads every stage's metrics
// with one GetMetricData batch set per account and region, and evaluates
// the thresholds. A failing account or region is reported in Failures and
// does not stop the others; the error is non-nil only when the context
// ends or every region failed.
func (c *Collector) Poll(ctx context.Context) (*PollResult, error) {
	if !c.pollMu.TryLock() {
		return nil, ErrPollInProgress
	}
	defer c.pollMu.Unlock()
	began := time.Now()
	defer func() { c.metrics.pollDuration.Observe(time.Since(began).Seconds()) }()

	now := c.clk.Now()
	w := pollWindow(now, c.opts.Period, c.opts.Delay, c.opts.Reread)
	out := make([]regionPoll, len(c.regions))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(c.opts.Concurrency)
	for i, r := range c.regions {
		g.Go(func() error {
			out[i] = c.pollRegion(gctx, r, now, w)
			return nil
		})
	}
	_ = g.Wait()
	res := &PollResult{At: now}
	for _, o := range out {
		res.Stages = append(res.Stages, o.results...)
		res.Failures = append(res.Failures, o.failures...)
	}
	c.metrics.monitoredStages.Set(float64(len(c.Stages())))
	c.closeCostPeriod()
	if err := ctx.Err(); err != nil {
		return res, err
	}
	if len(c.regions) > 0 && c.failedRegions(res) == len(c.regions) {
		return res, fmt.Errorf("every account and region failed: %w", errors.Join(errs(res.Failures)...))
	}
	return res, nil
}

// pollRegion discovers (when due) and polls one account and region.
func (c *Collector) pollRegion(ctx context.Context, r *region, now time.Time, w window) regionPoll {
	var rp regionPoll
	stages, err := c.regionStages(ctx, r, now)
	if err != nil {
		rp.failures = append(rp.failures, TargetError{Account: r.account, Region: r.name, Op: "discovery", Err: err})
	}
	if stages == nil && err != nil {
		c.setHealth(r, now, err)
		return rp
	}
	results, err := c.pollMetrics(ctx, r, stages, w)
	if err != nil {
		rp.failures = append(rp.failures, TargetError{Account: r.account, Region: r.name, Op: "metrics", Err: err})
		c.setHealth(r, now, err)
		return rp
	}
	rp.results = results
	if len(rp.failures) > 0 {
		c.setHealth(r, now, rp.failures[0].Err)
	} else {
		c.setHealth(r, now, nil)
	}
	return rp
}

// regionStages returns the cached stages, refreshing them when the TTL
// has passed. On a failed refresh the stale list is kept (and returned
// with the error) so polling goes on.
func (c *Collector) regionStages(ctx context.Context, r *region, now time.Time) ([]Stage, error) {
	c.mu.Lock()
	d := c.disc[r.id()]
	c.mu.Unlock()
	if d != nil && now.Sub(d.at) < c.opts.Discovery.Refresh {
		return d.stages, nil
	}
	stages, err := c.discover(ctx, r)
	if err != nil {
		c.warnCut(r, err)
		if d != nil {
			return d.stages, err
		}
		return nil, err
	}
	if stages == nil {
		stages = []Stage{}
	}
	if c.opts.Shard != nil {
		stages = slices.DeleteFunc(stages, func(s Stage) bool { return !c.opts.Shard(s.Key) })
	}
	c.mu.Lock()
	c.disc[r.id()] = &discovered{at: now, stages: stages}
	c.mu.Unlock()
	c.log.Info("discovered stages", "account", r.account, "region", r.name, "stages", len(stages))
	return stages, nil
}

// pollMetrics screens the stages of one region, reads in full those the
// screen cannot clear, and evaluates them all.
func (c *Collector) pollMetrics(ctx context.Context, r *region, stages []Stage, w window) ([]StageResult, error) {
	plans := c.planScreens(stages, w)
	if err := c.readMetrics(ctx, r, stages, plans, w, false); err != nil {
		return nil, err
	}
	c.planLooks(stages, plans, w)
	c.lookMasked(r.id(), stages, plans, w)
	if err := c.readMetrics(ctx, r, stages, plans, w, true); err != nil {
		return nil, err
	}
	res := c.evaluateAll(stages, plans, w)
	c.evaluateMasked(r.id(), stages, plans, w, res)
	return res, nil
}

// stagePlan is one stage's thresholds and reads in one poll.
type stagePlan struct {
	th      Thresholds
	watched bool // its incident is open
	reads
}

// planScreens decides which stages are screened this poll, and over
// which window.
func (c *Collector) planScreens(stages []Stage, w window) []stagePlan {
	plans := make([]stagePlan, len(stages))
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, st := range stages {
		p := &plans[i]
		p.th = c.opts.Thresholds(st.APIName, st.Stage).withDefaults()
		p.watched = c.opts.Watching != nil && c.opts.Watching(st.Key)
		wt := c.watchOf(st.Key)
		p.screen = c.screenDue(st.Key, wt, p.watched, w.now)
		p.quiet = !wt.seen || c.idle(wt, w.now)
	}
	return plans
}

// planLooks decides the full reads from what the screens showed.
func (c *Collector) planLooks(stages []Stage, plans []stagePlan, w window) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, st := range stages {
		p := &plans[i]
		from, end := w.span(p.quiet)
		p.reads = c.looks(p.reads, p.th, c.watchOf(st.Key), c.seriesOf(st.Key), from, end, p.watched, w.now)
	}
}

// readMetrics reads the screens (look false) or the full figures (look
// true) of the planned stages: one batch set per window, since a call has
// one time range.
func (c *Collector) readMetrics(ctx context.Context, r *region, stages []Stage, plans []stagePlan, w window, look bool) error {
	for _, quiet := range []bool{false, true} {
		var qs []cwtypes.MetricDataQuery
		for i, st := range stages {
			if p := plans[i]; p.quiet == quiet {
				qs = append(qs, stageQueries(i, st, p.th, w.period, p.kinds(look))...)
			}
		}
		var fns []string
		if !quiet && !look {
			fns = maskedFunctions(stages, plans)
			qs = append(qs, maskedQueries(len(stages), fns, w.period)...)
		}
		if len(qs) == 0 {
			continue
		}
		from, end := w.span(quiet)
		points, err := c.fetchMetrics(ctx, r.cw, qs, from, end)
		if err != nil {
			return err
		}
		c.store(stages, plans, points, from, end, quiet, look)
		c.storeMasked(r.id(), len(stages), fns, points, from, end)
		if look {
			c.noteLatency(stages, plans, quiet, w.now)
		}
	}
	return nil
}

// store records what one read returned. The kinds read are first
// forgotten over the range, so each period holds exactly what this poll
// saw: a request count kept from an earlier, less complete read would
// inflate the error rate of newer 5xx counts.
func (c *Collector) store(stages []Stage, plans []stagePlan, points []point, from, end time.Time, quiet, look bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, st := range stages {
		if p := plans[i]; p.quiet == quiet && len(p.kinds(look)) > 0 {
			c.seriesOf(st.Key).forget(from, end, p.kinds(look))
		}
	}
	for _, pt := range points {
		if pt.stage >= 0 && int(pt.stage) < len(stages) {
			c.seriesOf(stages[pt.stage].Key).setAt(pt.ts, pt.kind, pt.v)
		}
	}
	if look {
		return
	}
	for i, st := range stages {
		if plans[i].quiet == quiet && plans[i].screen {
			c.noteScreen(st.Key, from, end)
		}
	}
}
func (c *Collector) setHealth(r *region, now time.Time, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	h := c.health[r.id()]
	h.err = err
	if err == nil {
		h.lastOK = now
	}
	c.health[r.id()] = h
}

// failedRegions counts regions with no stage results and a failure.
func (c *Collector) failedRegions(res *PollResult) int {
	seen := map[string]bool{}
	for _, f := range res.Failures {
		seen[f.Account+"/"+f.Region] = true
	}
	n := 0
	for id := range seen {
		if c.healthErr(id) != nil {
			n++
		}
	}
	return n
}

func (c *Collector) healthErr(id string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.health[id].err
}

func errs(fs []TargetError) []error {
	out := make([]error, len(fs))
	for i, f := range fs {
		out[i] = f
	}
	return out
}
