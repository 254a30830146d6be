package incident

import (
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/stage"
)

// TestResolutionKeepsPeak: the figures of the worst window survive the
// clean windows that resolve the incident, so the resolution can show them.
func TestResolutionKeepsPeak(t *testing.T) {
	rules := Rules{}.withDefaults()
	fnErr := diag(classifier.Status502, classifier.CauseLambdaFunctionError)
	at := func(rate, errs, reqs float64, min int, o Observation) Observation {
		o.ErrorRate, o.Errors5xx, o.Requests = rate, errs, reqs
		o.WindowStart, o.WindowEnd = t0.Add(time.Duration(min-3)*time.Minute), t0.Add(time.Duration(min)*time.Minute)
		return o
	}
	var inc *Incident
	for i, o := range []Observation{
		at(0.3, 30, 100, 5, tripped(0.3, fnErr)),
		at(0.85, 85, 100, 6, tripped(0.85, fnErr)),
		at(0.4, 40, 100, 7, tripped(0.4, fnErr)),
		at(0, 0, 100, 20, cleared()),
	} {
		inc = decide(inc, o, t0.Add(time.Duration(i)*time.Minute), rules).next
	}
	if inc.Open() {
		t.Fatal("the incident did not resolve")
	}
	want := stage.Figures{WindowStart: t0.Add(3 * time.Minute), WindowEnd: t0.Add(6 * time.Minute), ErrorRate: 0.85, Errors5xx: 85, Requests: 100}
	if inc.Info.Peak != want {
		t.Errorf("peak = %+v, want %+v", inc.Info.Peak, want)
	}
	if inc.Info.ErrorRate != 0 {
		t.Errorf("the last window's figures were not kept as such: rate %v", inc.Info.ErrorRate)
	}
}
