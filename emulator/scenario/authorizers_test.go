package scenario

import (
	"strings"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/emulator/world"
	"github.com/apigw-triage/apigw-triage/stage"
)

// TestAuthorizersScenario: every episode of the built-in "authorizers"
// scenario shows, within its first minutes, what the gateway logs of an
// authorizer error (the execution log's line on REST and WebSocket APIs;
// an HTTP API's access log record of the 500, with the authorizer's error
// where the format has it and the authorizer answers simple responses)
// and the authorizer function's own import error in its own log group;
// the classifier, given the stage's authorizer as discovery names it,
// diagnoses authorizer_error with the status clients received; each is
// visible in its error metric as 2+ bad minutes within the demo's half
// hour. The healthy API's authorizer logs its allows and fails nothing.
func TestAuthorizersScenario(t *testing.T) {
	sc, err := Builtin("authorizers")
	if err != nil {
		t.Fatal(err)
	}
	w := NewWorld(sc, clock.NewManual(t0.Add(40*time.Minute)), t0)
	eps := w.Episodes()
	if len(eps) != 5 {
		t.Fatalf("%d episodes, want 5", len(eps))
	}
	gateway := map[string]string{
		"orders-authorizer":       "Execution failed due to configuration error: Authorizer error",
		"reports-authorizer":      "Execution failed due to configuration error: Authorizer error",
		"chat-authorizer":         "Execution failed due to configuration error: Authorizer error",
		"profile-http-authorizer": `"status":"500",` + `"protocol":"HTTP/1.1","responseLength":`,
		"billing-http-authorizer": `$default HTTP/1.1" 500 `,
	}
	authErr := map[string]string{"profile-http-authorizer": `"authorizerError":"` + httpAuthorizerFormatError + `"`}
	for _, ep := range eps {
		t.Run(ep.APIName, func(t *testing.T) {
			authGroup := "/aws/lambda/" + ep.Authorizer
			if ep.Authorizer == "" || !strings.Contains(strings.Join(ep.LogGroups, " "), authGroup) {
				t.Fatalf("authorizer %q, log groups %v", ep.Authorizer, ep.LogGroups)
			}
			var all strings.Builder
			s := classifier.NewSession(stageContext(w, ep))
			for _, g := range ep.LogGroups {
				for _, e := range collect(w, g, ep.Start, ep.Start.Add(4*time.Minute)) {
					all.WriteString(g + " " + e.Message + "\n")
					s.AddEvent(classifier.LogEvent{Group: g, Stream: e.Stream, Time: e.Time, Message: e.Message})
				}
			}
			for _, want := range []string{gateway[ep.APIName], authErr[ep.APIName], authGroup + " START RequestId:", "Runtime.ImportModuleError"} {
				if !strings.Contains(all.String(), want) {
					t.Errorf("logs lack %q", want)
				}
			}
			if ep.APIType == stage.APIHTTP && strings.Contains(all.String(), "API-Gateway-Execution-Logs") {
				t.Error("an HTTP API wrote an execution log")
			}
			if d := s.Diagnose(classifier.LangEN); d.Cause != classifier.CauseAuthorizerError || d.Status != ep.Status {
				t.Errorf("diagnosed %s %s, want %s authorizer_error; why: %s", d.Status, d.Cause, ep.Status, d.Why)
			}
			bad := 0
			for _, dp := range w.Datapoints(acct, region, errorMetric(ep), t0, t0.Add(30*time.Minute), time.Minute) {
				if dp.Agg.Sum >= 5 && dp.Agg.Sum/dp.Agg.Count >= 0.05 {
					bad++
				}
			}
			if bad < 2 {
				t.Errorf("%d bad minutes visible by minute 30", bad)
			}
		})
	}
	allows, fails := 0, 0
	for _, e := range collect(w, "/aws/lambda/profile-auth", t0, t0.Add(30*time.Minute)) {
		allows += strings.Count(e.Message, "\tallow user-")
		fails += strings.Count(e.Message, "Status: error")
	}
	if allows == 0 || fails > 0 {
		t.Errorf("healthy authorizer: %d allows, %d failures; want allows only", allows, fails)
	}
	for _, dp := range w.Datapoints(acct, region, world.MetricID{Namespace: "AWS/ApiGateway", Name: "5XXError",
		Dims: []world.Dim{{Name: "ApiName", Value: "profile"}, {Name: "Stage", Value: "prod"}}}, t0, t0.Add(30*time.Minute), time.Minute) {
		if dp.Agg.Sum > 0 {
			t.Errorf("healthy API: %v 5xx at %s", dp.Agg.Sum, dp.Time.Format(time.TimeOnly))
		}
	}
}
