package scenario

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/emulator/world"
)

var t0 = time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)

const acct, region = "123456789012", "us-east-1"

func catalogWorld(t testing.TB, now time.Duration) (*World, *clock.Manual) {
	t.Helper()
	sc, err := Builtin("catalog")
	if err != nil {
		t.Fatal(err)
	}
	clk := clock.NewManual(t0.Add(now))
	return NewWorld(sc, clk, t0), clk
}

// errorMetric is the 5xx metric of an episode's stage.
func errorMetric(e EpisodeInfo) world.MetricID {
	if e.Cause == classifier.CauseLambdaErrorMaskedAs200 {
		// The gateway answers 200: the failures show only in the function's Errors.
		return world.MetricID{Namespace: "AWS/Lambda", Name: "Errors", Dims: []world.Dim{{Name: "FunctionName", Value: e.Function}}}
	}
	if e.APIType == stage.APIWebSocket {
		// The failures count in one of the two error metrics.
		name := "ExecutionError"
		if integrationAnswered(effects[e.Cause]) {
			name = "IntegrationError"
		}
		return world.MetricID{Namespace: "AWS/ApiGateway", Name: name, Dims: []world.Dim{{Name: "ApiId", Value: e.APIID}, {Name: "Stage", Value: e.Stage}}}
	}
	if e.APIType == stage.APIHTTP {
		return world.MetricID{Namespace: "AWS/ApiGateway", Name: "5xx", Dims: []world.Dim{{Name: "ApiId", Value: e.APIID}, {Name: "Stage", Value: e.Stage}}}
	}
	return world.MetricID{Namespace: "AWS/ApiGateway", Name: "5XXError", Dims: []world.Dim{{Name: "ApiName", Value: e.APIName}, {Name: "Stage", Value: e.Stage}}}
}

func collect(w *World, group string, start, end time.Time) []world.Event {
	var out []world.Event
	w.LogEvents(acct, region, group, start, end, func(e world.Event) bool {
		out = append(out, e)
		return true
	})
	return out
}

func TestDeterminism(t *testing.T) {
	a, _ := catalogWorld(t, 50*time.Minute)
	b, _ := catalogWorld(t, 50*time.Minute)
	e := a.Episodes()[3]
	m := errorMetric(e)
	da := a.Datapoints(acct, region, m, t0, t0.Add(40*time.Minute), time.Minute)
	db := b.Datapoints(acct, region, m, t0, t0.Add(40*time.Minute), time.Minute)
	if len(da) == 0 || !reflect.DeepEqual(da, db) {
		t.Errorf("datapoints differ or are empty: %d vs %d", len(da), len(db))
	}
	for i, g := range e.LogGroups {
		la := collect(a, g, e.Start, e.Start.Add(5*time.Minute))
		lb := collect(b, g, e.Start, e.Start.Add(5*time.Minute))
		if i == 0 && len(la) == 0 || !reflect.DeepEqual(la, lb) {
			t.Errorf("%s: logs differ or are empty: %d vs %d", g, len(la), len(lb))
		}
	}
}

func TestMetricsMatchLogs(t *testing.T) {
	w, _ := catalogWorld(t, 60*time.Minute)
	for _, e := range w.Episodes() {
		st := stageOf(w, e)
		if st.http && st.stage.AccessLog.Format != "json" || !st.http && st.stage.LoggingLevel != "INFO" {
			continue // these logs do not show every failing request's status
		}
		t.Run(e.APIName, func(t *testing.T) {
			min := e.Start.Add(2 * time.Minute)
			if e.Cause == classifier.CauseLambdaErrorMaskedAs200 {
				checkMasked(t, w, e, min)
				return
			}
			dps := w.Datapoints(acct, region, errorMetric(e), min, min.Add(time.Minute), time.Minute)
			if len(dps) != 1 {
				t.Fatalf("datapoints = %d, want 1", len(dps))
			}
			logged := countFailures(t, w, e, min)
			if int(dps[0].Agg.Sum) != logged || logged == 0 {
				t.Errorf("Sum(5xx) = %v, logs show %d failing requests", dps[0].Agg.Sum, logged)
			}
		})
	}
}

// countFailures counts the requests that arrived in the minute and that
// the logs show as 5xx: "Method completed with status: 5xx" in the REST
// execution log, a 5xx status in the HTTP API's JSON access log.
func countFailures(t *testing.T, w *World, e EpisodeInfo, min time.Time) int {
	t.Helper()
	starts := map[string]time.Time{}
	failed := map[string]bool{}
	for _, ev := range collect(w, e.LogGroups[0], min.Add(-time.Minute), min.Add(3*time.Minute)) {
		if e.APIType == stage.APIHTTP {
			var rec struct{ RequestID, Status, ResponseLatency string }
			if err := json.Unmarshal([]byte(ev.Message), &rec); err != nil {
				t.Fatalf("access log record %q: %v", ev.Message, err)
			}
			ms, _ := strconv.Atoi(rec.ResponseLatency)
			starts[rec.RequestID] = ev.Time.Add(-time.Duration(ms) * time.Millisecond)
			failed[rec.RequestID] = strings.HasPrefix(rec.Status, "5")
			continue
		}
		id, text, _ := strings.Cut(strings.TrimPrefix(ev.Message, "("), ") ")
		switch {
		case strings.HasPrefix(text, "Extended Request Id: "):
			starts[id] = ev.Time
		case strings.HasPrefix(text, "Method completed with status: 5"):
			failed[id] = true
		}
	}
	n := 0
	for id, f := range failed {
		if at, ok := starts[id]; f && ok && !at.Before(min) && at.Before(min.Add(time.Minute)) {
			n++
		}
	}
	return n
}

func stageOf(w *World, e EpisodeInfo) *stageRT {
	for _, s := range w.stages {
		if s.apiID == e.APIID && s.stage.Name == e.Stage {
			return s
		}
	}
	return nil
}

// checkMasked: a Lambda error answered as 200 counts in the function's
// Errors and never in the stage's 5XXError, and the logs show no 5xx.
func checkMasked(t *testing.T, w *World, e EpisodeInfo, min time.Time) {
	t.Helper()
	fn := w.Datapoints(acct, region, errorMetric(e), min, min.Add(time.Minute), time.Minute)
	gw := w.Datapoints(acct, region, world.MetricID{Namespace: "AWS/ApiGateway", Name: "5XXError",
		Dims: []world.Dim{{Name: "ApiName", Value: e.APIName}, {Name: "Stage", Value: e.Stage}}}, min, min.Add(time.Minute), time.Minute)
	if len(fn) != 1 || fn[0].Agg.Sum < 5 {
		t.Fatalf("Lambda Errors datapoints %v, want one with at least 5 errors", fn)
	}
	if len(gw) != 1 || gw[0].Agg.Sum != 0 {
		t.Errorf("5XXError datapoints %v, want one of 0", gw)
	}
	if n := countFailures(t, w, e, min); n != 0 {
		t.Errorf("logs show %d 5xx, want none", n)
	}
}

// TestLambdaStreamNames: Lambda names a function's streams in its default
// group /aws/lambda/NAME "YYYY/MM/DD/[VERSION]ID", and in a group of its
// own (LoggingConfig.LogGroup) "YYYY/MM/DD/NAME[VERSION]ID", so that
// functions sharing a group stay apart (the Lambda developer guide's
// "Configuring CloudWatch log groups").
func TestLambdaStreamNames(t *testing.T) {
	sc, err := Parse([]byte(`accounts:
  - id: "123456789012"
    regions:
      - name: us-east-1
        functions:
          - {name: orders}
          - {name: orders-auth, log_group: /shop/authorizers}
        rest_apis:
          - name: shop
            routes:
              - {method: GET, path: /orders, integration: {type: lambda_proxy, function: orders}, authorizer: orders-auth}
            stages:
              - {name: prod, traffic: {rpm: 60}}
`), "streams.yaml")
	if err != nil {
		t.Fatal(err)
	}
	w := NewWorld(sc, clock.NewManual(t0.Add(10*time.Minute)), t0)
	for _, c := range []struct{ group, prefix string }{
		{"/aws/lambda/orders", t0.Format("2006/01/02") + "/[$LATEST]"},
		{"/shop/authorizers", t0.Format("2006/01/02") + "/orders-auth[$LATEST]"},
	} {
		evs := collect(w, c.group, t0, t0.Add(5*time.Minute))
		if len(evs) == 0 {
			t.Fatalf("%s: no events", c.group)
		}
		for _, e := range evs {
			if !strings.HasPrefix(e.Stream, c.prefix) || len(e.Stream) != len(c.prefix)+32 {
				t.Fatalf("%s: stream %q, want %s and a 32-digit id", c.group, e.Stream, c.prefix)
			}
		}
	}
}
