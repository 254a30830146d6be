package daemon

import (
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/emulator/scenario"
	"github.com/apigw-triage/apigw-triage/emulator/world"
)

// proofVisible replays the scenario on a clock of its own and returns the
// first instant, in steps of 10 s after the episode starts, at which what
// CloudWatch shows of the stage's 5xx metric already proves the default
// trip rule: 2 of the last 3 minutes each with at least 5 errors and at
// least 5 % of their requests failing. No poller can trip on data before
// it is visible; the gap between this instant and the incident is the
// poller's own share of the detection time.
func proofVisible(sc *scenario.Scenario, start time.Time, ep scenario.EpisodeInfo) (time.Time, bool) {
	clk := clock.NewManual(start)
	w := scenario.NewWorld(sc, clk, start)
	m := errorMetric(ep)
	for at := ep.Start; at.Before(ep.End.Add(10 * time.Minute)); at = at.Add(10 * time.Second) {
		clk.Set(at)
		breach := map[time.Time]bool{}
		for _, dp := range w.Datapoints(ep.Account, ep.Region, m, ep.Start.Add(-2*time.Minute), at, time.Minute) {
			sum, _ := dp.Agg.Stat("Sum")
			n, _ := dp.Agg.Stat("SampleCount")
			breach[dp.Time] = sum >= 5 && sum >= 0.05*n
		}
		for t, b := range breach {
			if b && (breach[t.Add(time.Minute)] || breach[t.Add(2*time.Minute)]) {
				return at, true
			}
		}
	}
	return time.Time{}, false
}

// errorMetric is the 5xx metric of the episode's stage.
func errorMetric(ep scenario.EpisodeInfo) world.MetricID {
	if ep.APIType == classifier.APIHTTP {
		return world.MetricID{Namespace: "AWS/ApiGateway", Name: "5xx", Dims: []world.Dim{{Name: "ApiId", Value: ep.APIID}, {Name: "Stage", Value: ep.Stage}}}
	}
	return world.MetricID{Namespace: "AWS/ApiGateway", Name: "5XXError", Dims: []world.Dim{{Name: "ApiName", Value: ep.APIName}, {Name: "Stage", Value: ep.Stage}}}
}
