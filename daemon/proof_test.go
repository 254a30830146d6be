package daemon

import (
	"time"

	"github.com/apigw-triage/apigw-triage/stage"

	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/emulator/scenario"
	"github.com/apigw-triage/apigw-triage/emulator/world"
)

// proofVisible replays the scenario on a clock of its own and returns the
// first instant, in steps of 10 s after the episode starts, at which what
// CloudWatch shows of the stage's 5xx metric already proves a failure
// under the default thresholds: a minute with at least 5 errors, at least
// 5 % of its requests. No poller can trip on data before it is visible;
// the gap between this instant and the incident is the poller's own share
// of the detection time (its poll interval and the evidence it pulls).
func proofVisible(sc *scenario.Scenario, start time.Time, ep scenario.EpisodeInfo) (time.Time, bool) {
	clk := clock.NewManual(start)
	w := scenario.NewWorld(sc, clk, start)
	m := errorMetric(ep)
	for at := ep.Start; at.Before(ep.End.Add(10 * time.Minute)); at = at.Add(10 * time.Second) {
		clk.Set(at)
		for _, dp := range w.Datapoints(ep.Account, ep.Region, m, ep.Start, at, time.Minute) {
			sum, _ := dp.Agg.Stat("Sum")
			n, _ := dp.Agg.Stat("SampleCount")
			if sum >= 5 && sum >= 0.05*n {
				return at, true
			}
		}
	}
	return time.Time{}, false
}

// errorMetric is the 5xx metric of the episode's stage.
func errorMetric(ep scenario.EpisodeInfo) world.MetricID {
	if ep.APIType == stage.APIHTTP {
		return world.MetricID{Namespace: "AWS/ApiGateway", Name: "5xx", Dims: []world.Dim{{Name: "ApiId", Value: ep.APIID}, {Name: "Stage", Value: ep.Stage}}}
	}
	return world.MetricID{Namespace: "AWS/ApiGateway", Name: "5XXError", Dims: []world.Dim{{Name: "ApiName", Value: ep.APIName}, {Name: "Stage", Value: ep.Stage}}}
}
