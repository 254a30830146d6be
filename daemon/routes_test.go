package daemon

import (
	"strings"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/notifier"
)

// checkIncidentsCarryRoutes (TestCatalog): an incident on a catalog stage with
// detailed metrics shows its failing methods or routes; one without says
// nothing about routes.
func checkIncidentsCarryRoutes(t *testing.T, r *catalogRun) {
	acct := r.world.Accounts()[0]
	region := r.world.Regions(acct)[0]
	detailed := map[string]bool{}
	for _, a := range r.world.RestAPIs(acct, region) {
		for _, s := range a.Stages {
			detailed[a.ID+"/"+s.Name] = s.DetailedMetrics
		}
	}
	for _, a := range r.world.HTTPAPIs(acct, region) {
		for _, s := range a.Stages {
			detailed[a.ID+"/"+s.Name] = s.DetailedMetrics
		}
	}
	// The catalog's detailed stages fail from minute 15 and 17; stop once
	// both have been diagnosed.
	eps := r.world.Episodes()
	last := time.Time{}
	for _, ep := range eps {
		if detailed[ep.APIID+"/"+ep.Stage] && ep.Start.After(last) {
			last = ep.Start
		}
	}
	if last.IsZero() {
		t.Fatal("no catalog episode on a stage with detailed metrics")
	}
	if r.clk.Now().Before(last.Add(8 * time.Minute)) {
		t.Fatalf("the run ended at %s, before the detailed stages' failures could be diagnosed", r.clk.Now().Format(time.TimeOnly))
	}
	withRoutes := 0
	for _, ep := range eps {
		inc, ok := r.incidentOf(ep)
		if !ok || ep.Start.After(last) {
			continue
		}
		text := notifier.PlainText(notifier.NewView(notifier.Event{Kind: notifier.KindOpened, Snapshot: inc.Info}, classifier.LangEN))
		mentions := strings.Contains(text, notifier.Label(classifier.LangEN, notifier.LabelFailingRoutes))
		if detailed[ep.APIID+"/"+ep.Stage] {
			withRoutes++
			if len(inc.Info.Routes) == 0 || !mentions {
				t.Errorf("%s: detailed metrics on, routes %v, message:\n%s", ep.APIName, inc.Info.Routes, text)
			}
			t.Logf("%s: %v", ep.APIName, inc.Info.Routes)
			continue
		}
		if len(inc.Info.Routes) > 0 || mentions {
			t.Errorf("%s: detailed metrics off, yet routes %v", ep.APIName, inc.Info.Routes)
		}
	}
	if withRoutes == 0 {
		t.Error("no incident on a stage with detailed metrics")
	}
}
