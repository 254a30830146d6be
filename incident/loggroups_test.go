package incident

import (
	"slices"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
)

// TestIncidentKeepsEvidenceLogGroups: the log groups the evidence came from
// reach the incident (messages link to them) and survive polls that pulled
// no evidence.
func TestIncidentKeepsEvidenceLogGroups(t *testing.T) {
	fnErr := diag(classifier.Status502, classifier.CauseLambdaFunctionError)
	groups := []string{"API-Gateway-Execution-Logs_a1b2c3/prod", "/aws/lambda/orders"}
	first := tripped(0.5, fnErr)
	first.LogGroups = groups
	rules := Rules{}.withDefaults()
	var cur *Incident
	for i, obs := range []Observation{first, tripped(0.5, nil), quiet()} {
		if d := decide(cur, obs, t0.Add(time.Duration(i)*time.Minute), rules); d.next != nil {
			cur = d.next
		}
		if cur == nil || !slices.Equal(cur.Info.LogGroups, groups) {
			t.Fatalf("step %d: log groups %v, want %v", i, cur.Info.LogGroups, groups)
		}
	}
	groups[0] = "changed by the caller"
	if cur.Info.LogGroups[0] == groups[0] {
		t.Error("the incident shares the caller's slice")
	}
}
