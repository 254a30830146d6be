package collector

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/apigw-triage/apigw-triage/clock"
)

// TestPollBatchesAtTheLowerBound: a poll of stages whose screens show
// nothing reads one metric per stage, every call full but the last.
func TestPollBatchesAtTheLowerBound(t *testing.T) {
	for _, n := range []int{1, 166, 167, 500, 2000} {
		t.Run(fmt.Sprintf("%d stages", n), func(t *testing.T) {
			cw := &fakeCW{value: func(string, string, string, time.Time, time.Time) ([]time.Time, []float64) { return nil, nil }}
			var stages []Stage
			for i := range n {
				stages = append(stages, restStage("a", "r", fmt.Sprintf("api%d", i)))
			}
			c := testCollector(t, clock.NewManual(t0), Thresholds{}, map[*region][]Stage{{account: "a", name: "r", cw: cw}: stages})
			if _, err := c.Poll(context.Background()); err != nil {
				t.Fatal(err)
			}
			queries := n
			lower := (queries + maxQueriesPerCall - 1) / maxQueriesPerCall
			if len(cw.calls) != lower {
				t.Fatalf("calls = %d, want ceil(%d/500) = %d", len(cw.calls), queries, lower)
			}
			for i, q := range cw.calls[:len(cw.calls)-1] {
				if q != maxQueriesPerCall {
					t.Errorf("call %d has %d queries; every call but the last must be full", i, q)
				}
			}
			if got := testutil.ToFloat64(c.metrics.metricsRequested); got != float64(queries) {
				t.Errorf("metrics requested = %v, want %d", got, queries)
			}
		})
	}
}

// revising serves a stage whose newest periods first show a partial,
// breaching error rate (the failures counted before the successes) and
// are completed to a clean one, as CloudWatch does while it still
// aggregates a minute. The 5xx count itself never shrinks.
func revising(clk *clock.Manual) func(api, metric, stat string, start, end time.Time) ([]time.Time, []float64) {
	return func(_, metric, stat string, start, end time.Time) ([]time.Time, []float64) {
		var ts []time.Time
		var vs []float64
		// A period is complete once it is 4 minutes old.
		for _, m := range minutes(start, end) {
			complete := clk.Now().Sub(m) >= 4*time.Minute
			v := 200.0 // requests
			if stat == "Sum" {
				v = 6 // 3 %, under the 5 % threshold once complete
			}
			if stat == "SampleCount" && !complete {
				v = 8 // early: the successes not yet counted
			}
			if metric == "Latency" {
				v = 50
			}
			ts, vs = append(ts, m), append(vs, v)
		}
		return ts, vs
	}
}

func TestLateRevisionsDoNotTrip(t *testing.T) {
	clk := clock.NewManual(t0)
	cw := &fakeCW{value: revising(clk)}
	st := restStage("a", "r", "orders")
	c := testCollector(t, clk, Thresholds{M: 2, N: 3}, map[*region][]Stage{{account: "a", name: "r", cw: cw}: {st}})
	sawBreach := false
	for range 10 {
		res, err := c.Poll(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		sr := res.Stages[0]
		sawBreach = sawBreach || sr.ErrorRate > 0.5
		if sr.Tripped {
			t.Fatalf("tripped at %s on revised data", clk.Now())
		}
		clk.Advance(time.Minute)
	}
	if !sawBreach {
		t.Fatal("the fake never showed a partial breaching period; the test proves nothing")
	}
}

func TestPollTripsAndClears(t *testing.T) {
	clk := clock.NewManual(t0.Add(-10 * time.Minute))
	failFrom, failTo := t0.Add(-10*time.Minute), t0.Add(-6*time.Minute)
	cw := &fakeCW{value: func(api, metric, stat string, start, end time.Time) ([]time.Time, []float64) {
		var ts []time.Time
		var vs []float64
		for _, m := range minutes(start, end) {
			if api == "quiet" {
				continue
			}
			failing := !m.Before(failFrom) && m.Before(failTo)
			v := 100.0
			switch {
			case metric == "Latency":
				v = 80
			case stat == "Sum" && failing:
				v = 40
			case stat == "Sum":
				v = 0 // every request adds a 0 or a 1 to the 5xx metric
			}
			ts, vs = append(ts, m), append(vs, v)
		}
		return ts, vs
	}}
	busy, quiet := restStage("a", "r", "busy"), restStage("a", "r", "quiet")
	c := testCollector(t, clk, Thresholds{M: 2, N: 3, ClearAfter: 2}, map[*region][]Stage{{account: "a", name: "r", cw: cw}: {busy, quiet}})
	c.opts.Reread = 3
	var trippedAt, clearedAt time.Time
	for range 15 {
		res, err := c.Poll(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, sr := range res.Stages {
			if sr.Stage.APIName == "quiet" && (sr.Tripped || sr.HasData || sr.Clear) {
				t.Fatalf("stage without traffic: %+v", sr)
			}
			if sr.Stage.APIName == "busy" && sr.Tripped && trippedAt.IsZero() {
				trippedAt = clk.Now()
			}
			if sr.Stage.APIName == "busy" && !trippedAt.IsZero() && sr.Clear && clearedAt.IsZero() {
				clearedAt = clk.Now()
			}
		}
		clk.Advance(time.Minute)
	}
	// The first failing minute already shows its 40 5xx of 100 requests
	// when it ends (this fake has no late data): a count that proves the
	// breach trips at once, without waiting for the delay and M of N.
	if want := failFrom.Add(time.Minute); !trippedAt.Equal(want) {
		t.Errorf("tripped at %s, want %s", trippedAt, want)
	}
	// Clean minutes from failTo on; the second ends at failTo+2m, read at failTo+4m.
	if want := failTo.Add(4 * time.Minute); !clearedAt.Equal(want) {
		t.Errorf("cleared at %s, want %s", clearedAt, want)
	}
}

func TestFailingRegionDoesNotStopOthers(t *testing.T) {
	clk := clock.NewManual(t0)
	ok := &fakeCW{value: func(string, string, string, time.Time, time.Time) ([]time.Time, []float64) { return nil, nil }}
	bad := &fakeCW{err: errors.New("access denied")}
	c := testCollector(t, clk, Thresholds{}, map[*region][]Stage{
		{account: "a", name: "good", cw: ok}: {restStage("a", "good", "x")},
		{account: "a", name: "bad", cw: bad}: {restStage("a", "bad", "y")},
	})
	res, err := c.Poll(context.Background())
	if err != nil {
		t.Fatalf("Poll: %v (one good region must keep the poll alive)", err)
	}
	if len(res.Failures) != 1 || res.Failures[0].Region != "bad" {
		t.Fatalf("failures = %v", res.Failures)
	}
	if len(res.Stages) != 1 || res.Stages[0].Stage.Region != "good" {
		t.Fatalf("stages = %+v", res.Stages)
	}
	if err := c.Ready(); err == nil {
		t.Fatal("Ready() = nil with a failing region")
	}
	bad.err = nil
	bad.value = ok.value
	if _, err := c.Poll(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := c.Ready(); err != nil {
		t.Fatalf("Ready() after recovery = %v", err)
	}
}
