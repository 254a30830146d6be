package collector

import (
	"math"
	"slices"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"

	"github.com/apigw-triage/apigw-triage/emulator/scenario"
)

// TestE2ECatalogRouteBreakdown: the catalog's stages with detailed metrics
// fail on every method or route the scenario gives them, so the breakdown
// must name exactly those, each with 5xx, and add up to the stage's own
// figures over the same window.
func TestE2ECatalogRouteBreakdown(t *testing.T) {
	e := newE2E(t, "catalog", 0)
	acct := e.w.Accounts()[0]
	region := e.w.Regions(acct)[0]
	var eps []scenario.EpisodeInfo
	types := map[stage.APIType]bool{}
	for _, ep := range e.w.Episodes() {
		if detailedInScenario(e.w, acct, region, ep) {
			eps = append(eps, ep)
			types[ep.APIType] = true
		}
	}
	if !types[stage.APIREST] || !types[stage.APIHTTP] {
		t.Fatalf("the catalog's episodes on stages with detailed metrics cover %v, want a REST and an HTTP API", types)
	}
	tripped := runCatalog(t, e, eps[len(eps)-1].Start.Add(8*time.Minute))
	for _, ep := range eps {
		t.Run(ep.APIType.String()+" "+ep.APIName, func(t *testing.T) {
			st := findStage(t, e.c.Stages(), ep.APIID, ep.Stage)
			want := scenarioRoutes(e.w, acct, region, ep)
			if !st.DetailedMetrics || len(st.Routes) != len(want) {
				t.Fatalf("discovered detailed metrics %v, routes %v; want on, %v", st.DetailedMetrics, st.Routes, want)
			}
			at, ok := tripped[st.Key]
			if !ok {
				t.Fatalf("%s never tripped", st.Key)
			}
			ev := e.evidence(t, st, ep.Start, at)
			var got []string
			var errs, reqs float64
			for _, r := range ev.Routes {
				got = append(got, r.Route)
				errs += r.Errors5xx
				reqs += r.Requests
				if r.Errors5xx <= 0 || r.Errors5xx > r.Requests {
					t.Errorf("route %s: %v 5xx of %v requests", r.Route, r.Errors5xx, r.Requests)
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("failing routes %v, want the scenario's %v", got, want)
			}
			if math.Abs(errs-ev.Context.Errors5xx) > 0.5 || math.Abs(reqs-ev.Context.Requests) > 0.5 {
				t.Errorf("routes add up to %v 5xx of %v, the stage had %v of %v", errs, reqs, ev.Context.Errors5xx, ev.Context.Requests)
			}
			t.Logf("%s: %+v", st.Key, ev.Routes)
		})
	}
}

// scenarioRoutes names the methods (REST) or routes (HTTP) the scenario
// gave the episode's API, sorted.
func scenarioRoutes(w *scenario.World, acct, region string, ep scenario.EpisodeInfo) []string {
	var out []string
	if ep.APIType == stage.APIHTTP {
		for _, a := range w.HTTPAPIs(acct, region) {
			if a.ID == ep.APIID {
				for _, r := range a.Routes {
					out = append(out, r.RouteKey)
				}
			}
		}
	}
	for _, a := range w.RestAPIs(acct, region) {
		if a.ID != ep.APIID {
			continue
		}
		for _, r := range a.Resources {
			for _, m := range r.Methods {
				out = append(out, m.HTTPMethod+" "+r.Path)
			}
		}
	}
	slices.Sort(out)
	return out
}

// detailedInScenario reports whether the scenario turned detailed metrics
// on for the episode's stage.
func detailedInScenario(w *scenario.World, acct, region string, ep scenario.EpisodeInfo) bool {
	for _, a := range w.HTTPAPIs(acct, region) {
		for _, s := range a.Stages {
			if a.ID == ep.APIID && s.Name == ep.Stage {
				return s.DetailedMetrics
			}
		}
	}
	for _, a := range w.RestAPIs(acct, region) {
		for _, s := range a.Stages {
			if a.ID == ep.APIID && s.Name == ep.Stage {
				return s.DetailedMetrics
			}
		}
	}
	return false
}

// oneRouteFails has a REST and an HTTP API, each with two routes on
// detailed metrics, where an episode fails one route only.
const oneRouteFails = `accounts:
  - id: "111122223333"
    regions:
      - name: eu-west-1
        functions:
          - name: items-fn
        rest_apis:
          - name: items
            routes:
              - {method: GET, path: "/items/{id}", integration: {type: lambda_proxy, function: items-fn}}
              - {method: POST, path: /items, integration: {type: lambda_proxy, function: items-fn}}
            stages:
              - name: prod
                logging_level: INFO
                detailed_metrics: true
                traffic: {rpm: 240}
                episodes:
                  - {cause: lambda_function_error, start: 5m, duration: 20m, share: 0.9, route: POST /items}
        http_apis:
          - name: carts
            routes:
              - {method: GET, path: "/carts/{id}", integration: {type: lambda_proxy, function: items-fn}}
              - {method: PUT, path: "/carts/{id}", integration: {type: http_proxy, uri: "https://carts.example.com"}}
            stages:
              - name: prod
                detailed_metrics: true
                access_log: {format: json}
                traffic: {rpm: 240}
                episodes:
                  - {cause: backend_unavailable, start: 5m, duration: 20m, share: 0.9, route: "PUT /carts/{id}"}
`

// TestE2EOneRouteFails: when one route fails and its sibling does not, the
// breakdown names that route alone, and it carries the stage's 5xx.
func TestE2EOneRouteFails(t *testing.T) {
	sc, err := scenario.Parse([]byte(oneRouteFails), "one-route.yaml")
	if err != nil {
		t.Fatal(err)
	}
	e := newE2EScenario(t, sc, 0)
	eps := e.w.Episodes()
	tripped := runCatalog(t, e, eps[len(eps)-1].Start.Add(8*time.Minute))
	for _, ep := range eps {
		t.Run(ep.APIType.String(), func(t *testing.T) {
			st := findStage(t, e.c.Stages(), ep.APIID, ep.Stage)
			if len(st.Routes) != 2 {
				t.Fatalf("discovered routes %v, want both", st.Routes)
			}
			at, ok := tripped[st.Key]
			if !ok {
				t.Fatalf("%s never tripped", st.Key)
			}
			ev := e.evidence(t, st, ep.Start, at)
			var failing []string
			for _, r := range ev.Routes {
				if r.Errors5xx > 0 {
					failing = append(failing, r.Route)
					if math.Abs(r.Errors5xx-ev.Context.Errors5xx) > 0.5 {
						t.Errorf("route %s had %v 5xx, the stage %v", r.Route, r.Errors5xx, ev.Context.Errors5xx)
					}
				}
			}
			if len(failing) != 1 || failing[0] != ep.Route {
				t.Errorf("failing routes %v, want only the episode's %q", failing, ep.Route)
			}
			checkScope(t, st, ev.Scope, ep.Route)
		})
	}
}

// checkScope: the evidence names the failing method or route from the
// logs (REST: read back from the execution log, as its access log is off
// here), and a REST method's resource id is the one GetResources gave.
func checkScope(t *testing.T, st Stage, sc stage.EvidenceScope, route string) {
	t.Helper()
	if st.APIType != stage.APIREST {
		if sc.Route != route {
			t.Errorf("scope route %q, want %q", sc.Route, route)
		}
		return
	}
	if got := sc.Method + " " + sc.Resource; got != route {
		t.Errorf("scope method %q, want %q", got, route)
	}
	i := slices.IndexFunc(st.Resources, func(r stage.Resource) bool { return r.Path == sc.Resource })
	if i < 0 || sc.ResourceID == "" || st.Resources[i].ID != sc.ResourceID {
		t.Errorf("scope resource id %q, discovered resources %v", sc.ResourceID, st.Resources)
	}
}
