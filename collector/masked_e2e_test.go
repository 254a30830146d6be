package collector

import (
	"strings"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/emulator/scenario"
)

// customIntegrations has two REST APIs on custom (non-proxy) Lambda
// integrations: one whose function's errors go out as 200 OK, one whose
// errors the gateway answers 500 (no output mapping), and a proxy API
// whose function fails as 502; and a healthy custom integration whose
// function another API calls through a proxy integration, where it fails
// as 5xx.
const customIntegrations = `accounts:
  - id: "111122223333"
    regions:
      - name: eu-west-1
        functions:
          - {name: billing-fn, runtime: nodejs20.x}
          - {name: inventory-fn}
          - {name: orders-fn}
          - {name: ledger-fn}
        rest_apis:
          - name: billing
            routes:
              - {method: GET, path: "/invoices/{id}", integration: {type: lambda_custom, function: billing-fn}}
            stages:
              - name: prod
                logging_level: INFO
                traffic: {rpm: 60}
                episodes:
                  - {cause: lambda_error_masked_as_200, start: 5m, duration: 12m, share: 0.5}
          - name: inventory
            routes:
              - {method: GET, path: "/stock/{sku}", integration: {type: lambda_custom, function: inventory-fn}}
            stages:
              - name: prod
                logging_level: INFO
                traffic: {rpm: 60}
                episodes:
                  - {cause: status_mapping_missing, start: 5m, duration: 12m, share: 0.5}
          - name: orders
            routes:
              - {method: GET, path: "/orders/{id}", integration: {type: lambda_proxy, function: orders-fn}}
            stages:
              - name: prod
                logging_level: INFO
                traffic: {rpm: 60}
                episodes:
                  - {cause: lambda_function_error, start: 5m, duration: 12m, share: 0.5}
          - name: ledger
            routes:
              - {method: GET, path: "/entries/{id}", integration: {type: lambda_custom, function: ledger-fn}}
            stages:
              - name: prod
                logging_level: INFO
                traffic: {rpm: 60}
        http_apis:
          - name: ledger-http
            routes:
              - {path: $default, integration: {type: lambda_proxy, function: ledger-fn}}
            stages:
              - name: $default
                access_log: {format: json}
                traffic: {rpm: 60}
                episodes:
                  - {cause: lambda_function_error, start: 5m, duration: 12m, share: 0.5}
`

// maskedRun polls the scenario through the episodes and their recovery,
// and returns per stage name whether it tripped, tripped on masked errors,
// and cleared afterwards, and the last evidence-ready trip time.
func maskedRun(t *testing.T, th Thresholds) (*e2e, map[string]maskedSeen) {
	t.Helper()
	sc, err := scenario.Parse([]byte(customIntegrations), "custom.yaml")
	if err != nil {
		t.Fatal(err)
	}
	e := newE2EScenario(t, sc, 0)
	e.c.opts.Thresholds = func(string, string) Thresholds { return th }
	seen := map[string]maskedSeen{}
	end := e.w.Episodes()[0].End.Add(12 * time.Minute)
	for e.clk.Now().Before(end) {
		res, err := e.c.Poll(t.Context())
		if err != nil {
			t.Fatalf("Poll at %s: %v", e.clk.Now(), err)
		}
		for _, sr := range res.Stages {
			s := seen[sr.Stage.APIName]
			if sr.Tripped && s.trippedAt.IsZero() {
				s.trippedAt, s.stage, s.requestsAtTrip = e.clk.Now(), sr.Stage, sr.Requests
			}
			s.masked = s.masked || sr.Masked
			s.maxMasked = max(s.maxMasked, sr.MaskedErrors)
			s.clearAtEnd = sr.Clear
			seen[sr.Stage.APIName] = s
		}
		e.clk.Advance(time.Minute)
	}
	return e, seen
}

type maskedSeen struct {
	stage      Stage
	trippedAt  time.Time
	masked     bool
	maxMasked  float64
	clearAtEnd bool
	// requestsAtTrip: the stage's requests in the poll that tripped it.
	requestsAtTrip float64
}

// TestE2EMaskedErrorsTrip: through the real SDK against the emulator, the
// function errors a custom integration answered as 200 trip the stage as
// masked, while the custom integration answering 500 and the proxy
// integration answering 502 trip on their 5xx alone; all recover. The
// evidence of the masked stage shows the 200 and the error body, and the
// classifier names the cause from it.
func TestE2EMaskedErrorsTrip(t *testing.T) {
	e, seen := maskedRun(t, DefaultThresholds())
	billing := seen["billing"]
	if billing.trippedAt.IsZero() || !billing.masked {
		t.Fatalf("billing: tripped at %v, masked %v (max %v masked errors a period)", billing.trippedAt, billing.masked, billing.maxMasked)
	}
	if billing.requestsAtTrip < 30 {
		t.Errorf("billing: %v requests when it tripped, want the stage's traffic (60 a minute)", billing.requestsAtTrip)
	}
	if got := billing.stage.CustomFunctions; len(got) != 1 || got[0] != "billing-fn" {
		t.Errorf("billing: custom functions %v, want [billing-fn]", got)
	}
	if s := seen["ledger"]; !s.trippedAt.IsZero() || s.masked {
		t.Errorf("ledger: tripped at %v, masked %v (max %v): its function's errors were 5xx on another API", s.trippedAt, s.masked, s.maxMasked)
	}
	for _, name := range []string{"inventory", "orders", "ledger-http"} {
		s := seen[name]
		if s.trippedAt.IsZero() || s.masked {
			t.Errorf("%s: tripped at %v, masked %v (max %v): want a 5xx trip, nothing masked", name, s.trippedAt, s.masked, s.maxMasked)
		}
	}
	for name, s := range seen {
		if !s.clearAtEnd {
			t.Errorf("%s: not clear after the episode", name)
		}
	}
	ep := e.w.Episodes()[0]
	ev := e.evidence(t, billing.stage, ep.Start, billing.trippedAt)
	var all strings.Builder
	sess := classifier.NewSession(ev.Context)
	for _, l := range ev.Events {
		all.WriteString(l.Message + "\n")
		sess.AddEvent(l)
	}
	for _, want := range []string{"Method completed with status: 200", `"errorMessage"`, "\tERROR\t"} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("evidence lacks %q", want)
		}
	}
	if d := sess.Diagnose(classifier.LangEN); d.Cause != classifier.CauseLambdaErrorMaskedAs200 {
		t.Errorf("diagnosed %s %s from the evidence: %s", d.Status, d.Cause, d.Why)
	}
}

// TestE2EMaskedMinChangesBehaviour: with MaskedMin above the errors the
// episode causes per period, the masked stage never trips; turned off
// (negative) neither.
func TestE2EMaskedMinChangesBehaviour(t *testing.T) {
	for _, min := range []float64{1000, -1} {
		th := DefaultThresholds()
		th.MaskedMin = min
		_, seen := maskedRun(t, th)
		if s := seen["billing"]; !s.trippedAt.IsZero() || s.masked {
			t.Errorf("MaskedMin %v: billing tripped at %v, masked %v", min, s.trippedAt, s.masked)
		}
		if s := seen["inventory"]; s.trippedAt.IsZero() {
			t.Errorf("MaskedMin %v: the 5xx stage no longer trips", min)
		}
	}
}
