package collector

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/apigw-triage/apigw-triage/clock"
)

// steady serves every minute of every stage with 100 requests, errs 5xx
// (by API name) and a 50 ms latency percentile; stages named in silent
// have no datapoints at all.
func steady(errs map[string]float64, latencyMS float64, silent map[string]bool) func(api, metric, stat string, start, end time.Time) ([]time.Time, []float64) {
	return func(api, metric, stat string, start, end time.Time) ([]time.Time, []float64) {
		if silent[api] {
			return nil, nil
		}
		ts := minutes(start, end)
		vs := make([]float64, len(ts))
		for i := range vs {
			switch {
			case metric == "Latency":
				vs[i] = latencyMS
			case stat == "Sum":
				vs[i] = errs[api]
			default:
				vs[i] = 100
			}
		}
		return ts, vs
	}
}

// kindsRead counts the queries of each kind made since from.
func kindsRead(cw *fakeCW, from int) map[queryKind]int {
	cw.mu.Lock()
	defer cw.mu.Unlock()
	out := map[queryKind]int{}
	for _, q := range cw.queries[from:] {
		if _, k, ok := parseQueryID(aws.ToString(q.Id)); ok {
			out[k]++
		}
	}
	return out
}

func pollN(t *testing.T, c *Collector, clk *clock.Manual, n int) []*PollResult {
	t.Helper()
	var out []*PollResult
	for range n {
		clk.Advance(time.Minute)
		res, err := c.Poll(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, res)
	}
	return out
}

func TestScreenLooksOnlyWhereTheCountCouldBreach(t *testing.T) {
	clk := clock.NewManual(t0)
	cw := &fakeCW{value: steady(map[string]float64{"failing": 30}, 50, nil)}
	stages := []Stage{restStage("a", "r", "calm"), restStage("a", "r", "failing")}
	c := testCollector(t, clk, Thresholds{}, map[*region][]Stage{{account: "a", name: "r", cw: cw}: stages})
	pollN(t, c, clk, 1)
	from := len(cw.queries)
	res := pollN(t, c, clk, 1)[0]
	got := kindsRead(cw, from)
	// Both stages screened; only the failing one read in full.
	if got[kindErrors] != 2 || got[kindRequests] != 1 || got[kindLatency] != 1 {
		t.Fatalf("queries of one poll = %v, want 2 screens and one full read", got)
	}
	for _, sr := range res.Stages {
		calm := sr.Stage.APIName == "calm"
		if sr.Screened != calm || !sr.HasData {
			t.Errorf("%s: screened %v, has data %v", sr.Stage.APIName, sr.Screened, sr.HasData)
		}
		if !calm && (!sr.Tripped || sr.Requests != 100 || sr.Errors5xx != 30) {
			t.Errorf("failing stage: %+v", sr)
		}
	}
}

func TestLatencyEverySetsTheLatencyCadence(t *testing.T) {
	for _, tt := range []struct {
		every time.Duration
		reads int
	}{{time.Minute, 10}, {5 * time.Minute, 2}} {
		clk := clock.NewManual(t0)
		latency := 50.0
		cw := &fakeCW{value: func(api, metric, stat string, start, end time.Time) ([]time.Time, []float64) {
			return steady(nil, latency, nil)(api, metric, stat, start, end)
		}}
		c := testCollector(t, clk, Thresholds{Latency: time.Second}, map[*region][]Stage{{account: "a", name: "r", cw: cw}: {restStage("a", "r", "slow")}})
		c.opts.LatencyEvery = tt.every
		pollN(t, c, clk, 1)
		from := len(cw.queries)
		pollN(t, c, clk, 10)
		if got := kindsRead(cw, from)[kindLatency]; got != tt.reads {
			t.Errorf("every %s: %d latency reads in 10 polls, want %d", tt.every, got, tt.reads)
		}
		// A latency breach, with no 5xx at all, is seen at the next read.
		latency = 2000
		tripped := false
		for _, res := range pollN(t, c, clk, int(tt.every/time.Minute)) {
			tripped = tripped || res.Stages[0].Tripped
		}
		if !tripped {
			t.Errorf("every %s: a 2 s latency over a 1 s threshold did not trip within %s", tt.every, tt.every)
		}
	}
}

func TestIdleStagesAreScreenedSlowlyUntilTrafficReturns(t *testing.T) {
	clk := clock.NewManual(t0)
	silent := map[string]bool{"dev": true}
	cw := &fakeCW{value: steady(nil, 50, silent)}
	c := testCollector(t, clk, Thresholds{}, map[*region][]Stage{{account: "a", name: "r", cw: cw}: {restStage("a", "r", "dev")}})
	pollN(t, c, clk, 1)
	from := len(cw.queries)
	pollN(t, c, clk, 10)
	if got := kindsRead(cw, from)[kindErrors]; got != 10/idleEvery {
		t.Fatalf("an idle stage was screened %d times in 10 polls, want %d", got, 10/idleEvery)
	}
	silent["dev"] = false
	pollN(t, c, clk, idleEvery) // its next slow screen sees the traffic
	from = len(cw.queries)
	pollN(t, c, clk, 5)
	if got := kindsRead(cw, from)[kindErrors]; got != 5 {
		t.Fatalf("a stage with traffic again was screened %d times in 5 polls, want 5", got)
	}
}

func TestEarlyTripTrustsOnlyTheCount(t *testing.T) {
	th := DefaultThresholds()
	tests := []struct {
		name string
		s    sample
		ref  float64
		want bool
	}{
		{"a count that proves the rate against the known traffic", sample{errors: 30, requests: 40, hasErrors: true, hasCount: true}, 100, true},
		{"a high early rate on a count the traffic dwarfs", sample{errors: 6, requests: 8, hasErrors: true, hasCount: true}, 200, false},
		{"a count under min_5xx_count", sample{errors: 4, requests: 4, hasErrors: true, hasCount: true}, 0, false},
		{"a screen without requests proves nothing", sample{errors: 50, hasErrors: true}, 100, false},
	}
	for _, tt := range tests {
		if got := th.earlyTrip([]sample{{}, tt.s}, tt.ref); got != tt.want {
			t.Errorf("%s: earlyTrip = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestWatchedStagesAreReadInFull: a stage whose incident is open (after a
// restart, say) is read in full every poll, so it can clear.
func TestWatchedStagesAreReadInFull(t *testing.T) {
	clk := clock.NewManual(t0)
	cw := &fakeCW{value: steady(nil, 50, nil)}
	st := restStage("a", "r", "recovering")
	c := testCollector(t, clk, Thresholds{ClearAfter: 2}, map[*region][]Stage{{account: "a", name: "r", cw: cw}: {st}})
	c.opts.Watching = func(key string) bool { return key == st.Key }
	from := len(cw.queries)
	res := pollN(t, c, clk, 2)
	if got := kindsRead(cw, from); got[kindRequests] != 2 || got[kindLatency] != 2 {
		t.Fatalf("queries of 2 polls = %v, want a full read each", got)
	}
	if sr := res[1].Stages[0]; sr.Screened || !sr.Clear {
		t.Fatalf("watched stage with clean traffic: %+v, want full figures and clear", sr)
	}
}
