package incident

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/clock"
)

func withRoutes(obs Observation, names ...string) Observation {
	for i, n := range names {
		obs.Routes = append(obs.Routes, stage.RouteFigures{Route: n, Errors5xx: float64(10 - i), Requests: 20})
	}
	return obs
}

// routeStep is one observation and the routes the incident shows after it.
type routeStep struct {
	at   time.Duration
	obs  Observation
	want []string
}

func TestIncidentCarriesRoutes(t *testing.T) {
	fnErr := diag(classifier.Status502, classifier.CauseLambdaFunctionError)
	tests := []struct {
		name  string
		steps []routeStep
	}{
		{"opened with the breakdown", []routeStep{{0, withRoutes(tripped(0.5, fnErr), "GET /a", "POST /b"), []string{"GET /a", "POST /b"}}}},
		{"polls without evidence keep the last breakdown", []routeStep{
			{0, withRoutes(tripped(0.5, fnErr), "GET /a"), []string{"GET /a"}},
			{time.Minute, tripped(0.5, nil), []string{"GET /a"}},
			{2 * time.Minute, quiet(), []string{"GET /a"}},
		}},
		{"a newer breakdown replaces it", []routeStep{
			{0, withRoutes(tripped(0.5, fnErr), "GET /a"), []string{"GET /a"}},
			{time.Minute, withRoutes(tripped(0.5, fnErr), "POST /b", "GET /a"), []string{"POST /b", "GET /a"}},
		}},
		{"the resolution keeps what failed", []routeStep{
			{0, withRoutes(tripped(0.5, fnErr), "GET /a"), []string{"GET /a"}},
			{5 * time.Minute, cleared(), []string{"GET /a"}},
		}},
		{"a reopened incident drops the old episode's routes", []routeStep{
			{0, withRoutes(tripped(0.5, fnErr), "GET /a"), []string{"GET /a"}},
			{5 * time.Minute, cleared(), []string{"GET /a"}},
			{6 * time.Minute, tripped(0.5, fnErr), nil},
			{7 * time.Minute, withRoutes(tripped(0.5, fnErr), "POST /b"), []string{"POST /b"}},
		}},
		{"a new incident starts without them", []routeStep{
			{0, withRoutes(tripped(0.5, fnErr), "GET /a"), []string{"GET /a"}},
			{5 * time.Minute, cleared(), []string{"GET /a"}},
			{30 * time.Minute, tripped(0.5, fnErr), nil},
		}},
		{"no detailed metrics, no routes", []routeStep{{0, tripped(0.5, fnErr), nil}, {time.Minute, tripped(0.5, fnErr), nil}}},
	}
	rules := Rules{}.withDefaults()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var cur *Incident
			for i, s := range tt.steps {
				if d := decide(cur, s.obs, t0.Add(s.at), rules); d.next != nil {
					cur = d.next
				}
				if got := routeNames(cur); !slices.Equal(got, s.want) {
					t.Fatalf("step %d: routes %v, want %v", i, got, s.want)
				}
			}
		})
	}
}

func TestIncidentRoutesBoundedAndCopied(t *testing.T) {
	var names []string
	for i := range 15 {
		names = append(names, fmt.Sprintf("GET /r%d", i))
	}
	obs := withRoutes(tripped(0.5, nil), names...)
	inc := decide(nil, obs, t0, Rules{}.withDefaults()).next
	if got := routeNames(inc); !slices.Equal(got, names[:maxRoutes]) {
		t.Fatalf("routes %v, want the first %d", got, maxRoutes)
	}
	obs.Routes[0].Route = "changed by the caller"
	if inc.Info.Routes[0].Route != "GET /r0" {
		t.Errorf("the incident shares the observation's slice: %v", inc.Info.Routes[0])
	}
}

func routeNames(inc *Incident) []string {
	if inc == nil {
		return nil
	}
	var out []string
	for _, r := range inc.Info.Routes {
		out = append(out, r.Route)
	}
	return out
}

// TestStoreKeepsRoutes: the breakdown survives a restart with the rest of
// the incident.
func TestStoreKeepsRoutes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	clk := clock.NewManual(t0)
	st, m := newTestManager(t, path, clk)
	observeAt(t, m, clk, 0, withRoutes(stageObs("prod", true), "GET /orders/{id}", "POST /orders"))
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st, m = newTestManager(t, path, clk)
	defer st.Close()
	inc, ok := m.Lookup("a/r/api/prod")
	if !ok {
		t.Fatal("incident lost")
	}
	want := []stage.RouteFigures{{Route: "GET /orders/{id}", Errors5xx: 10, Requests: 20}, {Route: "POST /orders", Errors5xx: 9, Requests: 20}}
	if !slices.Equal(inc.Info.Routes, want) {
		t.Errorf("routes after a restart = %v, want %v", inc.Info.Routes, want)
	}
}
