package collector

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/emulator/scenario"
)

// restAuthorizers has two REST APIs whose Lambda authorizer fails its
// cold start (Runtime.ImportModuleError) on one method: one at INFO
// logging with a JSON access log, which name the failing method, one at
// ERROR logging without an access log, whose lines name no method, and
// whose authorizer logs to a group of its own (LoggingConfig.LogGroup).
const restAuthorizers = `accounts:
  - id: "111122223333"
    regions:
      - name: eu-west-1
        functions:
          - {name: orders-fn}
          - {name: orders-auth}
          - {name: reports-fn, runtime: nodejs20.x}
          - {name: reports-auth, runtime: nodejs20.x, log_group: /reports/lambda/authorizer}
        rest_apis:
          - name: orders
            routes:
              - {method: GET, path: "/orders/{id}", integration: {type: lambda_proxy, function: orders-fn}, authorizer: orders-auth}
              - {method: GET, path: /health, integration: {type: lambda_proxy, function: orders-fn}}
            stages:
              - name: prod
                logging_level: INFO
                access_log: {format: json}
                traffic: {rpm: 60}
                episodes:
                  - {cause: authorizer_error, start: 5m, duration: 12m, share: 0.8, route: "GET /orders/{id}"}
          - name: reports
            routes:
              - {method: POST, path: /reports, integration: {type: lambda_proxy, function: reports-fn}, authorizer: reports-auth}
            stages:
              - name: prod
                logging_level: ERROR
                traffic: {rpm: 60}
                episodes:
                  - {cause: authorizer_error, start: 5m, duration: 12m, share: 0.6}
`

// functionLogGroup is the log group of the scenario's function name.
func functionLogGroup(t *testing.T, sc *scenario.Scenario, name string) string {
	t.Helper()
	for _, f := range sc.Accounts[0].Regions[0].Functions {
		if f.Name == name {
			return f.LogGroup
		}
	}
	t.Fatalf("no function %s", name)
	return ""
}

// TestE2ERESTAuthorizerErrorReadsAuthorizerLog: through the real SDK
// against the emulator, discovery finds each REST API's Lambda authorizer
// (GetResources' CUSTOM methods, then GetAuthorizers once per API and
// discovery, however many polls reuse it); a stage whose authorizer fails trips,
// its evidence reads the authorizer function's log group, holds the
// function's own import error, and is diagnosed authorizer_error; the
// scope names the failing method's function and authorizer when the logs
// name the method, and the stage's only ones when they do not.
func TestE2ERESTAuthorizerErrorReadsAuthorizerLog(t *testing.T) {
	sc, err := scenario.Parse([]byte(restAuthorizers), "authorizers.yaml")
	if err != nil {
		t.Fatal(err)
	}
	e := newE2EScenario(t, sc, 0)
	tripped, stages := pollUntilTripped(t, e)
	calls := func(op string) float64 {
		return testutil.ToFloat64(e.c.metrics.awsRequests.WithLabelValues("API Gateway", op, resultSuccess))
	}
	if n, discoveries := calls("GetAuthorizers"), calls("GetRestApis"); discoveries < 1 || n != 2*discoveries {
		t.Errorf("%v GetAuthorizers calls in %v discoveries, want 2 each: one per API with a Lambda authorizer", n, discoveries)
	}
	for _, ep := range e.w.Episodes() {
		t.Run(ep.APIName, func(t *testing.T) {
			ev, authGroup := authorizerEvidence(t, e, sc, ep, tripped, stages)
			own := slices.ContainsFunc(ev.Events, func(l classifier.LogEvent) bool {
				return l.Group == authGroup && strings.Contains(l.Message, "Runtime.ImportModuleError")
			})
			if !own {
				t.Errorf("evidence holds no import error of the authorizer's own log among %d lines", len(ev.Events))
			}
			sess := classifier.NewSession(ev.Context)
			for _, l := range ev.Events {
				sess.AddEvent(l)
			}
			d := sess.Diagnose(classifier.LangEN)
			if d.Cause != classifier.CauseAuthorizerError || d.Status != ep.Status {
				t.Errorf("diagnosed %s %s, want %s %s; why: %s", d.Status, d.Cause, ep.Status, classifier.CauseAuthorizerError, d.Why)
			}
			// the gateway's lines begin with their request id in brackets;
			// the authorizer's own says why it failed
			if !slices.ContainsFunc(d.Evidence, func(l string) bool { return !strings.HasPrefix(l, "(") && strings.Contains(l, "ImportModuleError") }) {
				t.Errorf("the diagnosis's evidence %q lacks the authorizer's own import error", d.Evidence)
			}
			sc := ev.Scope
			if sc.Function != ep.Function || sc.AuthorizerID == "" || sc.AuthorizerFunction != ep.Authorizer {
				t.Errorf("scope %+v, want the integrated function %s and the authorizer %s", sc, ep.Function, ep.Authorizer)
			}
			if ep.APIName == "orders" && (sc.Method != "GET" || sc.Resource != "/orders/{id}") {
				t.Errorf("scope %+v, want the failing method GET /orders/{id}", sc)
			}
		})
	}
}

// httpAuthorizers has two HTTP APIs whose Lambda REQUEST authorizer fails
// its cold start: one with simple responses behind a JSON access log,
// which holds $context.authorizer.error and names the failing route, one
// answering IAM policies behind a CLF access log, which shows only the
// 500, whose authorizer logs to a group of its own; and an HTTP API
// without an authorizer, which costs discovery one GetAuthorizers call.
const httpAuthorizers = `accounts:
  - id: "111122223333"
    regions:
      - name: eu-west-1
        functions:
          - {name: profile-fn}
          - {name: profile-auth}
          - {name: billing-fn, runtime: nodejs20.x}
          - {name: billing-auth, runtime: nodejs20.x, log_group: /billing/lambda/authorizer}
          - {name: open-fn}
        http_apis:
          - name: profile
            routes:
              - {method: GET, path: /me, integration: {type: lambda_proxy, function: profile-fn}, authorizer: profile-auth}
              - {method: GET, path: /health, integration: {type: lambda_proxy, function: profile-fn}}
            stages:
              - name: $default
                access_log: {format: json}
                traffic: {rpm: 60}
                episodes:
                  - {cause: authorizer_error, start: 5m, duration: 12m, share: 0.9, route: GET /me}
          - name: billing
            routes:
              - {path: $default, integration: {type: lambda_proxy, function: billing-fn}, authorizer: billing-auth, authorizer_response: iam}
            stages:
              - name: $default
                access_log: {format: clf}
                traffic: {rpm: 60}
                episodes:
                  - {cause: authorizer_error, start: 5m, duration: 12m, share: 0.6}
          - name: open
            routes:
              - {path: $default, integration: {type: lambda_proxy, function: open-fn}}
            stages:
              - name: $default
                traffic: {rpm: 30}
`

// TestE2EHTTPAuthorizerErrorReadsAuthorizerLog: through the real SDK
// against the emulator, discovery finds each HTTP API's Lambda authorizer
// (one GetAuthorizers per API and discovery, GetRoutes only for the APIs
// that have one); a stage whose authorizer fails trips, its evidence
// reads the authorizer function's log group, and the diagnosis is
// authorizer_error, 500, with the authorizer's own import error among its
// evidence, whether or not the access log holds the authorizer's error;
// the integrated function, which never ran for the failing requests, is
// not blamed.
func TestE2EHTTPAuthorizerErrorReadsAuthorizerLog(t *testing.T) {
	sc, err := scenario.Parse([]byte(httpAuthorizers), "http-authorizers.yaml")
	if err != nil {
		t.Fatal(err)
	}
	e := newE2EScenario(t, sc, 0)
	tripped, stages := pollUntilTripped(t, e)
	if _, ok := tripped["open"]; ok {
		t.Error("the API without an authorizer tripped")
	}
	calls := func(op string) float64 {
		return testutil.ToFloat64(e.c.metrics.awsRequests.WithLabelValues("ApiGatewayV2", op, resultSuccess))
	}
	discoveries := calls("GetApis")
	if n := calls("GetAuthorizers"); discoveries < 1 || n != 3*discoveries {
		t.Errorf("%v GetAuthorizers calls in %v discoveries, want 3 each: one per API", n, discoveries)
	}
	if n := calls("GetRoutes"); n != 2*discoveries {
		t.Errorf("%v GetRoutes calls in %v discoveries, want 2 each: one per API with a Lambda authorizer", n, discoveries)
	}
	for _, ep := range e.w.Episodes() {
		t.Run(ep.APIName, func(t *testing.T) {
			ev, authGroup := authorizerEvidence(t, e, sc, ep, tripped, stages)
			var failed int
			for _, l := range ev.Events {
				switch {
				case l.Group == authGroup && strings.Contains(l.Message, "Status: error"):
					failed++
				case strings.HasPrefix(l.Group, "API-Gateway-Execution-Logs"):
					t.Errorf("an HTTP API's evidence holds an execution log's line: %s", l.Message)
				}
			}
			if failed == 0 {
				t.Errorf("evidence holds no failed invocation of the authorizer among %d lines", len(ev.Events))
			}
			sess := classifier.NewSession(ev.Context)
			for _, l := range ev.Events {
				sess.AddEvent(l)
			}
			d := sess.Diagnose(classifier.LangEN)
			if d.Cause != classifier.CauseAuthorizerError || d.Status != classifier.Status500 || ep.Status != classifier.Status500 {
				t.Errorf("diagnosed %s %s (episode %s), want 500 %s; why: %s", d.Status, d.Cause, ep.Status, classifier.CauseAuthorizerError, d.Why)
			}
			// the access log's records never name the import error; the
			// authorizer's REPORT or its runtime's error line does
			if !slices.ContainsFunc(d.Evidence, func(l string) bool { return strings.Contains(l, "ImportModuleError") }) {
				t.Errorf("the diagnosis's evidence %q lacks the authorizer's own import error", d.Evidence)
			}
			for _, row := range d.Breakdown {
				if row.Status.Is5xx() && row.Cause != classifier.CauseAuthorizerError {
					t.Errorf("breakdown blames %s for %d requests: %+v", row.Cause, row.Requests, d.Breakdown)
				}
			}
			if strings.Contains(d.Why, ep.Function) {
				t.Errorf("the diagnosis names the integrated function %s: %s", ep.Function, d.Why)
			}
			if s := ev.Scope; s.Function != ep.Function || s.AuthorizerID == "" || s.AuthorizerFunction != ep.Authorizer {
				t.Errorf("scope %+v, want the integrated function %s and the authorizer %s", s, ep.Function, ep.Authorizer)
			}
		})
	}
}

// pollUntilTripped polls a minute at a time until 10 minutes past the
// first episode's start, and returns when each API's stage first tripped,
// and that stage, by API name.
func pollUntilTripped(t *testing.T, e *e2e) (map[string]time.Time, map[string]Stage) {
	t.Helper()
	tripped := map[string]time.Time{}
	stages := map[string]Stage{}
	for end := e.w.Episodes()[0].Start.Add(10 * time.Minute); e.clk.Now().Before(end); e.clk.Advance(time.Minute) {
		res, err := e.c.Poll(t.Context())
		if err != nil {
			t.Fatalf("Poll at %s: %v", e.clk.Now(), err)
		}
		for _, sr := range res.Stages {
			if _, ok := tripped[sr.Stage.APIName]; sr.Tripped && !ok {
				tripped[sr.Stage.APIName], stages[sr.Stage.APIName] = e.clk.Now(), sr.Stage
			}
		}
	}
	return tripped, stages
}

// authorizerEvidence pulls the evidence of the episode ep's stage, which
// must have tripped, and checks what every API type shares: the
// authorizer's log group is read, and the classifier's hints name the
// authorizer, and its group when it is a group of its own (Lambda's too).
// It returns the evidence and the authorizer's log group.
func authorizerEvidence(t *testing.T, e *e2e, sc *scenario.Scenario, ep scenario.EpisodeInfo, tripped map[string]time.Time, stages map[string]Stage) (*Evidence, string) {
	t.Helper()
	at, ok := tripped[ep.APIName]
	if !ok {
		t.Fatalf("never tripped (tripped: %v)", tripped)
	}
	authGroup := functionLogGroup(t, sc, ep.Authorizer)
	ev := e.evidence(t, stages[ep.APIName], ep.Start, at)
	if !slices.Contains(ev.LogGroups, authGroup) {
		t.Errorf("log groups %v lack the authorizer's %s", ev.LogGroups, authGroup)
	}
	if got := ev.Context.AuthorizerFunctions; !slices.Equal(got, []string{ep.Authorizer}) {
		t.Errorf("classifier hints name authorizers %v, want [%s]", got, ep.Authorizer)
	}
	if own := authGroup != "/aws/lambda/"+ep.Authorizer; own != slices.Contains(ev.Context.AuthorizerLogGroups, authGroup) ||
		own != slices.Contains(ev.Context.LambdaLogGroups, authGroup) {
		t.Errorf("classifier hints %v (Lambda's) and %v (authorizers'): the authorizer's own group %s is named in both, a default one in neither",
			ev.Context.LambdaLogGroups, ev.Context.AuthorizerLogGroups, authGroup)
	}
	return ev, authGroup
}
