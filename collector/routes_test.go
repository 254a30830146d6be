package collector

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/apigw-triage/apigw-triage/clock"
)

// routeFigures serves per-route 5xx (Sum) and requests (SampleCount), each
// split over two datapoints, keyed by the route dimension's value ("GET
// /a" from Method and Resource, or Route); other queries get one sample.
func routeFigures(errs, reqs map[string]float64) func(map[string]string, string, string) ([]time.Time, []float64) {
	return func(d map[string]string, _, stat string) ([]time.Time, []float64) {
		key := d["Route"]
		if d["Resource"] != "" {
			key = d["Method"] + " " + d["Resource"]
		}
		if key == "" {
			return []time.Time{t0}, []float64{1}
		}
		v := reqs[key]
		if stat == "Sum" {
			v = errs[key]
		}
		return []time.Time{t0, t0.Add(time.Minute)}, []float64{v / 2, v / 2}
	}
}

func httpStage(account, region, id string) Stage {
	return Stage{Identity: stage.New(account, region, stage.APIHTTP, id, "name-"+id, "$default")}
}

func TestEvidenceRoutesQueriesAndFigures(t *testing.T) {
	rest := restStage("a", "r", "orders")
	rest.DetailedMetrics = true
	rest.Routes = []Route{{Method: "GET", Resource: "/orders/{id}"}, {Method: "POST", Resource: "/orders"}, {Method: "GET", Resource: "/health"}}
	http := httpStage("a", "r", "h1")
	http.DetailedMetrics = true
	http.Routes = []Route{{Key: "GET /orders/{id}"}, {Key: "$default"}}
	errs := map[string]float64{"GET /orders/{id}": 42, "POST /orders": 8, "$default": 3}
	reqs := map[string]float64{"GET /orders/{id}": 57, "POST /orders": 100, "GET /health": 30, "$default": 10}
	for _, tc := range []struct {
		name     string
		st       Stage
		wantDims []map[string]string
		want     []stage.RouteFigures
	}{
		{"rest", rest, []map[string]string{
			{"ApiName": "orders", "Method": "GET", "Resource": "/orders/{id}", "Stage": "prod"},
			{"ApiName": "orders", "Method": "POST", "Resource": "/orders", "Stage": "prod"},
			{"ApiName": "orders", "Method": "GET", "Resource": "/health", "Stage": "prod"},
		}, []stage.RouteFigures{{Route: "GET /orders/{id}", Errors5xx: 42, Requests: 57}, {Route: "POST /orders", Errors5xx: 8, Requests: 100}}},
		{"http", http, []map[string]string{
			{"ApiId": "h1", "Route": "GET /orders/{id}", "Stage": "$default"},
			{"ApiId": "h1", "Route": "$default", "Stage": "$default"},
		}, []stage.RouteFigures{{Route: "GET /orders/{id}", Errors5xx: 42, Requests: 57}, {Route: "$default", Errors5xx: 3, Requests: 10}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cw := &fakeCW{byDims: routeFigures(errs, reqs)}
			r := &region{account: "a", name: "r", cw: cw}
			c := testCollector(t, clock.NewManual(t0), Thresholds{}, map[*region][]Stage{r: {tc.st}})
			ev := &Evidence{}
			if err := c.evidenceMetrics(context.Background(), r, tc.st, t0, t0.Add(5*time.Minute), ev); err != nil {
				t.Fatal(err)
			}
			byDims := map[string][]string{}
			for _, q := range cw.queries {
				ms := q.MetricStat
				key := fmt.Sprint(dimMap(ms.Metric.Dimensions))
				byDims[key] = append(byDims[key], aws.ToString(ms.Metric.MetricName)+" "+aws.ToString(ms.Stat))
			}
			for _, d := range tc.wantDims {
				got := byDims[fmt.Sprint(d)]
				want := []string{tc.st.ErrorMetric() + " Sum", tc.st.ErrorMetric() + " SampleCount"}
				if !slices.Equal(got, want) {
					t.Errorf("queries with dims %v = %v, want %v", d, got, want)
				}
			}
			if want := len(contextQueries(tc.st, time.Minute)) + 2*len(tc.st.Routes); len(cw.queries) != want || len(cw.calls) != 1 {
				t.Errorf("%d queries in %d calls, want %d in one", len(cw.queries), len(cw.calls), want)
			}
			if !slices.Equal(ev.Routes, tc.want) {
				t.Errorf("routes = %v, want %v", ev.Routes, tc.want)
			}
			if got := testutil.ToFloat64(c.metrics.metricsRequested); got != float64(len(cw.queries)) {
				t.Errorf("metrics requested = %v, want every query billed: %d", got, len(cw.queries))
			}
		})
	}
}

func TestEvidenceNoRouteQueriesWithoutDetailedMetrics(t *testing.T) {
	routes := []Route{{Method: "GET", Resource: "/a"}, {Method: "GET", Resource: "/b"}}
	for _, tc := range []struct {
		name     string
		detailed bool
		routes   []Route
	}{{"detailed metrics off", false, routes}, {"no routes known", true, nil}} {
		t.Run(tc.name, func(t *testing.T) {
			st := restStage("a", "r", "orders")
			st.DetailedMetrics, st.Routes = tc.detailed, tc.routes
			cw := &fakeCW{byDims: routeFigures(map[string]float64{"GET /a": 5}, map[string]float64{"GET /a": 9})}
			r := &region{account: "a", name: "r", cw: cw}
			c := testCollector(t, clock.NewManual(t0), Thresholds{}, map[*region][]Stage{r: {st}})
			ev := &Evidence{}
			if err := c.evidenceMetrics(context.Background(), r, st, t0, t0.Add(5*time.Minute), ev); err != nil {
				t.Fatal(err)
			}
			if want := len(contextQueries(st, time.Minute)); len(cw.queries) != want {
				t.Errorf("%d queries, want the %d without routes", len(cw.queries), want)
			}
			for _, q := range cw.queries {
				if d := dimMap(q.MetricStat.Metric.Dimensions); d["Resource"] != "" || d["Route"] != "" {
					t.Errorf("route query %v without detailed metrics", d)
				}
			}
			if ev.Routes != nil {
				t.Errorf("routes = %v, want none", ev.Routes)
			}
		})
	}
}

// TestEvidenceRoutesBatchAtTheLowerBound: the route queries share the
// stage's batch set, so calls stay at ceil(queries/500) with every call
// but the last full.
func TestEvidenceRoutesBatchAtTheLowerBound(t *testing.T) {
	for _, fns := range []int{0, 10, 132, 133, 300} {
		t.Run(fmt.Sprintf("%d functions", fns), func(t *testing.T) {
			st := restStage("a", "r", "orders")
			st.DetailedMetrics = true
			for i := range maxRoutes {
				st.Routes = append(st.Routes, Route{Method: "GET", Resource: fmt.Sprintf("/r%d", i)})
			}
			for i := range fns {
				st.Functions = append(st.Functions, Function{Name: fmt.Sprintf("fn%d", i)})
			}
			cw := &fakeCW{byDims: routeFigures(map[string]float64{"GET /r7": 3}, map[string]float64{"GET /r7": 4})}
			r := &region{account: "a", name: "r", cw: cw}
			c := testCollector(t, clock.NewManual(t0), Thresholds{}, map[*region][]Stage{r: {st}})
			ev := &Evidence{}
			if err := c.evidenceMetrics(context.Background(), r, st, t0, t0.Add(5*time.Minute), ev); err != nil {
				t.Fatal(err)
			}
			queries := 4 + 3*fns + 2*maxRoutes
			if lower := (queries + maxQueriesPerCall - 1) / maxQueriesPerCall; len(cw.calls) != lower {
				t.Fatalf("calls = %d, want ceil(%d/500) = %d", len(cw.calls), queries, lower)
			}
			for i, q := range cw.calls[:len(cw.calls)-1] {
				if q != maxQueriesPerCall {
					t.Errorf("call %d has %d queries; every call but the last must be full", i, q)
				}
			}
			if want := []stage.RouteFigures{{Route: "GET /r7", Errors5xx: 3, Requests: 4}}; !slices.Equal(ev.Routes, want) {
				t.Errorf("routes = %v, want %v", ev.Routes, want)
			}
		})
	}
}

func TestEvidenceRoutesDroppedOnMetricFailure(t *testing.T) {
	st := restStage("a", "r", "orders")
	st.DetailedMetrics, st.Routes = true, []Route{{Method: "GET", Resource: "/a"}}
	r := &region{account: "a", name: "r", cw: &fakeCW{err: fmt.Errorf("boom")}}
	c := testCollector(t, clock.NewManual(t0), Thresholds{}, map[*region][]Stage{r: {st}})
	ev := &Evidence{}
	if err := c.evidenceMetrics(context.Background(), r, st, t0, t0.Add(5*time.Minute), ev); err == nil {
		t.Fatal("no error from a failing GetMetricData")
	}
	if ev.Routes != nil {
		t.Errorf("routes = %v after a failure, want none", ev.Routes)
	}
}

func TestTopRoutes(t *testing.T) {
	many := make([]stage.RouteFigures, 15)
	for i := range many {
		many[i] = stage.RouteFigures{Route: fmt.Sprintf("GET /r%02d", i), Errors5xx: float64(i), Requests: 100}
	}
	var manyWant []string
	for i := 14; i >= 5; i-- {
		manyWant = append(manyWant, fmt.Sprintf("GET /r%02d", i))
	}
	for _, tc := range []struct {
		name string
		in   []stage.RouteFigures
		want []string
	}{
		{"most 5xx first", []stage.RouteFigures{{Route: "GET /a", Errors5xx: 1, Requests: 10}, {Route: "GET /b", Errors5xx: 9, Requests: 100}, {Route: "GET /c", Errors5xx: 4, Requests: 5}}, []string{"GET /b", "GET /c", "GET /a"}},
		{"ties by rate then name", []stage.RouteFigures{{Route: "GET /z", Errors5xx: 5, Requests: 100}, {Route: "GET /y", Errors5xx: 5, Requests: 10}, {Route: "GET /x", Errors5xx: 5, Requests: 10}}, []string{"GET /x", "GET /y", "GET /z"}},
		{"routes without 5xx dropped", []stage.RouteFigures{{Route: "GET /ok", Errors5xx: 0, Requests: 500}, {Route: "GET /bad", Errors5xx: 2, Requests: 2}}, []string{"GET /bad"}},
		{"none failing", []stage.RouteFigures{{Route: "GET /ok", Errors5xx: 0, Requests: 500}}, nil},
		{"at most ten", many, manyWant},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, r := range topRoutes(slices.Clone(tc.in)) {
				got = append(got, r.Route)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("topRoutes = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestBoundRoutesPrefersIntegrated(t *testing.T) {
	var in []Route
	for i := range maxRoutes + 20 {
		in = append(in, Route{Method: "GET", Resource: fmt.Sprintf("/r%03d", i), integrated: i%3 == 0})
	}
	got := boundRoutes(slices.Clone(in))
	if len(got) != maxRoutes {
		t.Fatalf("%d routes kept, want %d", len(got), maxRoutes)
	}
	integrated := 0
	for _, r := range in {
		if r.integrated {
			integrated++
		}
	}
	seen := map[string]bool{}
	for i, r := range got {
		if r.integrated != (i < integrated) {
			t.Errorf("route %d %s integrated=%v: the %d integrated ones must come first", i, r, r.integrated, integrated)
		}
		seen[r.String()] = true
	}
	if len(seen) != maxRoutes {
		t.Errorf("duplicates in %v", slices.Collect(maps.Keys(seen)))
	}
}
