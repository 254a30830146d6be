package collector

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/emulator/scenario"
	"github.com/apigw-triage/apigw-triage/emulator/world"
)

// BenchmarkPoll2000 polls 2000 stages (the size of the fleet:2000
// scenario) against an in-memory CloudWatch that answers every query with
// a full window of datapoints, and reports the figures the design holds
// the collector to.
func BenchmarkPoll2000(b *testing.B) {
	const n = 2000
	clk := clock.NewManual(t0)
	cw := &fakeCW{value: func(_, metric, stat string, start, end time.Time) ([]time.Time, []float64) {
		ts := minutes(start, end)
		vs := make([]float64, len(ts))
		for i := range vs {
			vs[i] = 100
		}
		return ts, vs
	}}
	stages := make([]Stage, n)
	for i := range stages {
		stages[i] = restStage("a", "r", fmt.Sprintf("api%d", i))
	}
	c := testCollector(b, clk, Thresholds{}, map[*region][]Stage{{account: "a", name: "r", cw: cw}: stages})
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := c.Poll(context.Background()); err != nil {
			b.Fatal(err)
		}
		clk.Advance(time.Minute)
	}
	b.StopTimer()
	calls := float64(len(cw.calls)) / float64(b.N)
	queries := 0
	for _, q := range cw.calls {
		queries += q
	}
	b.ReportMetric(calls, "GetMetricData/poll")
	b.ReportMetric(float64((3*n+maxQueriesPerCall-1)/maxQueriesPerCall), "lowerbound/poll")
	b.ReportMetric(float64(queries)/float64(b.N)/n, "metrics/stage/poll")
}

// fleetRun polls an emulated fleet through the real SDK over loopback,
// one poll per emulated minute, and counts what the polls cost.
type fleetRun struct {
	*e2e
	polls         int
	calls, billed float64
	tripped       map[string]time.Time // first trip per stage
}

func newFleetRun(b *testing.B, name string) *fleetRun {
	return &fleetRun{e2e: newE2E(b, name, 0), tripped: map[string]time.Time{}}
}

// poll advances a minute and polls; warm polls are not counted.
func (f *fleetRun) poll(b *testing.B, count bool) *PollResult {
	f.clk.Advance(time.Minute)
	calls0 := testutil.ToFloat64(f.c.metrics.awsRequests.WithLabelValues("CloudWatch", "GetMetricData", resultSuccess))
	billed0 := testutil.ToFloat64(f.c.metrics.metricsRequested)
	res, err := f.c.Poll(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	for _, sr := range res.Stages {
		if _, ok := f.tripped[sr.Stage.Key]; sr.Tripped && !ok {
			f.tripped[sr.Stage.Key] = f.clk.Now()
		}
	}
	if count {
		f.polls++
		f.calls += testutil.ToFloat64(f.c.metrics.awsRequests.WithLabelValues("CloudWatch", "GetMetricData", resultSuccess)) - calls0
		f.billed += testutil.ToFloat64(f.c.metrics.metricsRequested) - billed0
	}
	return res
}

// report states the cost per poll and per stage-month at a 60 s interval.
func (f *fleetRun) report(b *testing.B) {
	n := float64(len(f.c.Stages()))
	perStage := f.billed / float64(f.polls) / n
	b.ReportMetric(f.calls/float64(f.polls), "GetMetricData/poll")
	b.ReportMetric(perStage, "metrics/stage/poll")
	b.ReportMetric(monthlyCost(perStage, 0, time.Minute, Prices{PerThousandMetrics: 0.01}), "$/stage-month")
	b.ReportMetric(n, "stages")
}

// BenchmarkPollFleet2000E2E polls the emulator's fleet:2000 scenario, every
// stage carrying traffic, after a first poll that screens every stage
// over the last hour.
func BenchmarkPollFleet2000E2E(b *testing.B) {
	f := newFleetRun(b, "fleet:2000")
	f.clk.Advance(10 * time.Minute)
	f.poll(b, false)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		f.poll(b, true)
	}
	b.StopTimer()
	f.report(b)
}

// BenchmarkPollFleetIdle2000E2E polls fleet-idle:2000 for an emulated hour:
// half the stages have had no traffic for hours, and one of them wakes up
// failing at 40 minutes. It reports the cost and how long after its
// failure's start that stage tripped.
func BenchmarkPollFleetIdle2000E2E(b *testing.B) {
	for b.Loop() {
		f := newFleetRun(b, "fleet-idle:2000")
		f.poll(b, false)
		for range 60 {
			f.poll(b, true)
		}
		f.report(b)
		var woke scenario.EpisodeInfo
		for _, ep := range f.w.Episodes() {
			if ep.APIName == "fleet-rest-0001" {
				woke = ep
			}
		}
		at, ok := f.tripped[episodeKey(woke)]
		if !ok {
			b.Fatalf("the idle stage that started failing at %s never tripped", woke.Start)
		}
		b.ReportMetric(at.Sub(woke.Start).Seconds(), "idle-wake-emulated-s/detection")
	}
}

// BenchmarkFleet2000SixHours polls fleet:2000 for 6 emulated hours and
// reports trips outside any failure of the stage (false trips, which
// must be 0), failures that never tripped although a poll saw data proving
// them (missed, which must be 0 too), and besides the cost two kinds of
// failure counted apart: those too small for the thresholds even once
// complete (a few 5xx a minute on a quiet stage), and those whose complete
// data breaches but which no poll could see breach (completed late: a
// minute with exactly min_5xx_count 5xx on a stage of a few requests a
// minute, whose last 5xx CloudWatch counts only after the poll window
// has moved past that minute).
func BenchmarkFleet2000SixHours(b *testing.B) {
	for b.Loop() {
		f := newFleetRun(b, "fleet:2000")
		f.poll(b, false)
		falseTrips := map[string]bool{}
		onTrip := func(key string, at time.Time) {
			if !f.duringEpisode(key, at) {
				falseTrips[key] = true
			}
		}
		for range 6 * 60 {
			f.pollEach(b, onTrip)
		}
		f.report(b)
		missed, late, small := f.untripped(b)
		b.ReportMetric(float64(len(falseTrips)), "false-trips")
		b.ReportMetric(float64(missed), "missed-failures")
		b.ReportMetric(float64(late), "completed-late-failures")
		b.ReportMetric(float64(small), "below-threshold-failures")
	}
}

// untripped sorts the failures that never tripped: missed (a poll saw
// data proving them), completed late (only complete data breaches), too
// small (not even complete data breaches).
func (f *fleetRun) untripped(b testing.TB) (missed, late, small int) {
	for _, ep := range f.w.Episodes() {
		if _, ok := f.tripped[episodeKey(ep)]; ok || !ep.Start.After(t0) {
			continue
		}
		switch {
		case !f.breaches(ep):
			small++
		case newVisibility(b, "fleet:2000").provenInTime(f.c.opts, ep):
			missed++
			b.Logf("missed: %s/%s from %s", ep.APIName, ep.Stage, ep.Start.Format(time.TimeOnly))
		default:
			late++
		}
	}
	return missed, late, small
}

// visibility replays a scenario on a clock of its own, to ask what
// CloudWatch showed at a past instant; its clock only moves forward, so
// one replay serves one episode.
type visibility struct {
	clk *clock.Manual
	w   *scenario.World
}

func newVisibility(b testing.TB, name string) *visibility {
	sc, err := scenario.Builtin(name)
	if err != nil {
		b.Fatal(err)
	}
	clk := clock.NewManual(t0)
	return &visibility{clk: clk, w: scenario.NewWorld(sc, clk, t0)}
}

// provenInTime says whether a poll, from the episode's start to 10
// minutes after its end, saw a minute of its window (the periods it reads
// again and those CloudWatch is still completing) whose visible 5xx count
// already breaches the default thresholds.
func (v *visibility) provenInTime(o Options, ep scenario.EpisodeInfo) bool {
	for at := ep.Start; at.Before(ep.End.Add(10 * time.Minute)); at = at.Add(o.Interval) {
		v.clk.Set(at)
		from, end := pollWindow(at, o.Period, o.Delay, o.Reread).span(false)
		for _, dp := range v.w.Datapoints(ep.Account, ep.Region, errorMetricOf(ep), from, end, time.Minute) {
			if breachesDefault(dp) {
				return true
			}
		}
	}
	return false
}

// pollEach polls like poll and calls fn for every stage tripped.
func (f *fleetRun) pollEach(b *testing.B, fn func(key string, at time.Time)) {
	for _, sr := range f.poll(b, true).Stages {
		if sr.Tripped {
			fn(sr.Stage.Key, f.clk.Now())
		}
	}
}

// duringEpisode says whether a trip at at belongs to a failure of the
// stage: from its start to the time its last failing minute is complete.
func (f *fleetRun) duringEpisode(key string, at time.Time) bool {
	for _, ep := range f.w.Episodes() {
		if episodeKey(ep) == key && !at.Before(ep.Start) && at.Before(ep.End.Add(10*time.Minute)) {
			return true
		}
	}
	return false
}

func episodeKey(ep scenario.EpisodeInfo) string {
	return stage.New(ep.Account, ep.Region, ep.APIType, ep.APIID, "", ep.Stage).Key
}

// breaches says whether the episode's complete data holds 2 minutes out of
// 3 with at least 5 5xx and a 5 % error rate (the default thresholds).
func (f *fleetRun) breaches(ep scenario.EpisodeInfo) bool {
	breach := map[time.Time]bool{}
	for _, dp := range f.w.Datapoints(ep.Account, ep.Region, errorMetricOf(ep), ep.Start.Add(-2*time.Minute), ep.End.Add(2*time.Minute), time.Minute) {
		breach[dp.Time] = breachesDefault(dp)
	}
	for t, b := range breach {
		if b && (breach[t.Add(time.Minute)] || breach[t.Add(2*time.Minute)]) {
			return true
		}
	}
	return false
}

// breachesDefault: at least 5 5xx and a 5 % error rate.
func breachesDefault(dp world.Datapoint) bool {
	sum, _ := dp.Agg.Stat("Sum")
	n, _ := dp.Agg.Stat("SampleCount")
	return sum >= 5 && sum >= 0.05*n
}

// errorMetricOf is the 5xx metric of the episode's stage.
func errorMetricOf(ep scenario.EpisodeInfo) world.MetricID {
	if ep.APIType == stage.APIHTTP {
		return world.MetricID{Namespace: "AWS/ApiGateway", Name: "5xx", Dims: []world.Dim{{Name: "ApiId", Value: ep.APIID}, {Name: "Stage", Value: ep.Stage}}}
	}
	return world.MetricID{Namespace: "AWS/ApiGateway", Name: "5XXError", Dims: []world.Dim{{Name: "ApiName", Value: ep.APIName}, {Name: "Stage", Value: ep.Stage}}}
}
