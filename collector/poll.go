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

// regionFanOut bounds how many accounts and regions are polled at once.
const regionFanOut = 4

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
	g.SetLimit(regionFanOut)
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

// pollMetrics reads and evaluates the stages of one region.
func (c *Collector) pollMetrics(ctx context.Context, r *region, stages []Stage, w window) ([]StageResult, error) {
	ths := make([]Thresholds, len(stages))
	qs := make([]cwtypes.MetricDataQuery, 0, 3*len(stages))
	for i, st := range stages {
		ths[i] = c.opts.Thresholds(st.APIName, st.Stage).withDefaults()
		qs = append(qs, stageQueries(i, st, ths[i], w.period)...)
	}
	points, err := c.fetchMetrics(ctx, r.cw, qs, w)
	if err != nil {
		return nil, err
	}
	return c.apply(stages, ths, points, w), nil
}

// apply stores the points read and evaluates every stage.
func (c *Collector) apply(stages []Stage, ths []Thresholds, points []point, w window) []StageResult {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range stages {
		s := c.series[st.Key]
		if s == nil {
			s = newSeries()
			c.series[st.Key] = s
		}
		s.resetWindow(w)
	}
	for _, p := range points {
		if p.stage >= 0 && p.stage < len(stages) {
			c.series[stages[p.stage].Key].set(p.t, p.kind, p.v)
		}
	}
	out := make([]StageResult, len(stages))
	for i, st := range stages {
		s := c.series[st.Key]
		keep := max(ths[i].historyLen(), w.periods())
		s.prune(w.end.Add(-time.Duration(keep) * w.period))
		out[i] = evaluateStage(st, ths[i], s, w)
	}
	return out
}

// evaluateStage turns a stage's series into its result.
func evaluateStage(st Stage, th Thresholds, s *series, w window) StageResult {
	res := StageResult{Stage: st, WindowStart: w.start, WindowEnd: w.end}
	v := th.evaluate(s.last(w.end, w.period, th.historyLen()))
	res.Tripped, res.Clear = v.tripped, v.clear
	latest, ok := s.newest()
	if !ok {
		return res
	}
	res.HasData = true
	res.Requests = latest.requests
	if latest.hasErrors {
		res.Errors5xx = latest.errors
	}
	res.ErrorRate = res.Errors5xx / res.Requests
	if latest.hasLatency {
		res.LatencyP = msDuration(latest.latency)
		res.LikelyTimeout = likelyTimeout(latest.latency, st.EffectiveTimeout())
	}
	return res
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
