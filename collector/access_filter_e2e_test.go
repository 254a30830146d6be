package collector

import (
	"regexp"
	"strings"
	"testing"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/emulator/scenario"
)

// accessFormats has three APIs whose access logs are the evidence there
// is without Insights, none with an execution log: a REST API's in common
// log format, an HTTP API's in the console's JSON preset (which has no
// error field) and a REST API's JSON with the status as a number.
const accessFormats = `accounts:
  - id: "111122223333"
    regions:
      - name: eu-west-1
        functions:
          - {name: orders-fn}
          - {name: billing-fn}
          - {name: stock-fn}
        rest_apis:
          - name: orders
            routes:
              - {method: GET, path: "/orders/{id}", integration: {type: lambda_proxy, function: orders-fn}}
            stages:
              - name: prod
                access_log: {format: clf}
                traffic: {rpm: 60}
                episodes:
                  - {cause: integration_timeout, start: 5m, duration: 12m, share: 0.5}
          - name: stock
            routes:
              - {method: GET, path: "/stock/{sku}", integration: {type: lambda_proxy, function: stock-fn}}
            stages:
              - name: prod
                access_log: {format: '{"requestId":"$context.requestId","route":"$context.resourcePath","status":$context.status,"latency":$context.responseLatency}'}
                traffic: {rpm: 60}
                episodes:
                  - {cause: integration_timeout, start: 5m, duration: 12m, share: 0.5}
        http_apis:
          - name: billing
            routes:
              - {method: GET, path: /invoices, integration: {type: lambda_proxy, function: billing-fn}}
            stages:
              - name: $default
                access_log: {format: '` + consoleJSON + `'}
                traffic: {rpm: 60}
                episodes:
                  - {cause: lambda_function_error, start: 5m, duration: 12m, share: 0.5}
`

// accessStatusRE reads the status of a CLF or JSON access record.
var accessStatusRE = regexp.MustCompile(`"status"\s*:\s*"?(\d{3})|" (\d{3}) `)

// TestE2EFilterReadsAccessLogStatus: with Insights off, through the real
// SDK against the emulator, each stage's access log is read with a
// pattern built from its format, its 5xx records, and none other, are in
// the evidence, and the stage is diagnosed with its episode's cause; the
// words failurePattern looks for find none of those records (read with
// them, the two REST stages had no line and were diagnosed
// lambda_function_timeout from their metrics alone).
func TestE2EFilterReadsAccessLogStatus(t *testing.T) {
	sc, err := scenario.Parse([]byte(accessFormats), "access.yaml")
	if err != nil {
		t.Fatal(err)
	}
	e := newE2EWith(t, sc, 0, func(o *Options) { o.Logs.Insights = false })
	tripped, stages := pollUntilTripped(t, e)
	for _, ep := range e.w.Episodes() {
		t.Run(ep.APIName, func(t *testing.T) {
			at, ok := tripped[ep.APIName]
			if !ok {
				t.Fatalf("never tripped (tripped: %v)", tripped)
			}
			st := stages[ep.APIName]
			if st.AccessLogGroup == "" || st.ExecutionLogGroup != "" {
				t.Fatalf("access log group %q, execution log group %q: want only an access log", st.AccessLogGroup, st.ExecutionLogGroup)
			}
			ev := e.evidence(t, st, ep.Start, at)
			n := accessStatuses(t, ev.Events, st.AccessLogGroup)
			if n == 0 {
				t.Fatalf("no access record in the evidence (%d lines)", len(ev.Events))
			}
			p, _ := accessFailurePattern(st.AccessLogFormat)
			t.Logf("%d access records of %d lines, read with %s", n, len(ev.Events), p)
			sess := classifier.NewSession(ev.Context)
			for _, l := range ev.Events {
				sess.AddEvent(l)
			}
			if d := sess.Diagnose(classifier.LangEN); d.Cause != ep.Cause {
				t.Errorf("diagnosed %s, want %s; why: %s", d.Cause, ep.Cause, d.Why)
			}
			old, err := e.c.Lookup(t.Context(), st, st.AccessLogGroup, failurePattern, ep.Start, at)
			if err != nil || len(old) != 0 {
				t.Errorf("the words pattern read %d access records (%v); the test no longer shows what it fixed", len(old), err)
			}
		})
	}
}

// accessStatuses counts the evidence's records of the access log group,
// failing the test on any that is not a 5xx.
func accessStatuses(t *testing.T, evs []classifier.LogEvent, group string) int {
	t.Helper()
	n := 0
	for _, l := range evs {
		if l.Group != group {
			continue
		}
		m := accessStatusRE.FindStringSubmatch(l.Message)
		if m == nil || !strings.HasPrefix(m[1]+m[2], "5") {
			t.Errorf("access record without a 5xx status in the evidence: %q", l.Message)
			continue
		}
		n++
	}
	return n
}
