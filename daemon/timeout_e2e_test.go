package daemon

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/config"
	"github.com/apigw-triage/apigw-triage/emulator/scenario"
)

// configuredTimeouts has stages whose integration timeout is not the
// default: since June 2024 a Regional or private REST API's can be raised
// past 29 s (after a quota increase), and any API's lowered to 50 ms (HTTP
// APIs up to 30 s). Execution logging is off, as it is by default: the
// function's log and the metrics are the evidence, and the fixed 29-31 s
// thresholds would read them wrongly, as they would a stage whose methods'
// timeouts differ.
const configuredTimeouts = `accounts:
  - id: "111122223333"
    regions:
      - name: us-east-1
        functions:
          - {name: reports-fn, timeout: 40s}
          - {name: quotes-fn, timeout: 30s}
          - {name: jobs-fn, timeout: 40s}
        rest_apis:
          - name: reports-raised
            endpoint_type: REGIONAL
            routes:
              - {method: POST, path: /reports, integration: {type: lambda_proxy, function: reports-fn, timeout: 60s}}
            stages:
              - name: prod
                traffic: {rpm: 120}
                episodes:
                  - {cause: lambda_function_timeout, start: 5m, duration: 15m, share: 0.8}
          - name: jobs-methods
            endpoint_type: REGIONAL
            routes:
              - {method: POST, path: /jobs, integration: {type: lambda_proxy, function: jobs-fn, timeout: 60s}}
              - {method: GET, path: /jobs, integration: {type: lambda_proxy, function: jobs-fn, timeout: 45s}}
            stages:
              - name: prod
                traffic: {rpm: 120}
                episodes:
                  - {cause: lambda_function_timeout, start: 5m, duration: 15m, share: 0.8}
          - name: quotes-lowered
            routes:
              - {method: GET, path: /quotes, integration: {type: lambda_proxy, function: quotes-fn, timeout: 5s}}
            stages:
              - name: prod
                traffic: {rpm: 120}
                episodes:
                  - {cause: integration_timeout, start: 5m, duration: 15m, share: 0.8}
        http_apis:
          - name: search-routes
            routes:
              - {method: GET, path: /fast, integration: {type: http_proxy, uri: "https://fast.example.com", timeout: 2s}}
              - {method: GET, path: /slow, integration: {type: http_proxy, uri: "https://slow.example.com", timeout: 30s}}
            stages:
              - name: $default
                access_log: {format: json}
                traffic: {rpm: 120}
                episodes:
                  - {cause: integration_timeout, start: 5m, duration: 15m, share: 0.8, route: GET /fast}
`

// TestConfiguredIntegrationTimeoutEndToEnd: the daemon reads each
// integration's timeout through the real SDK from the emulator and
// diagnoses by it. A REST stage with a 60 s timeout whose function times out
// at 40 s is the function's timeout, not the gateway's; one whose 5 s
// timeout its integration reaches is the integration timeout; a REST API
// whose methods' timeouts differ (45 s and 60 s) and whose function times
// out at 40 s is the function's timeout, read against the longest of them,
// not the 29 s default (the function outlived no method's wait); an HTTP API
// whose routes' timeouts differ is advised with the failing route's own;
// the advice names the configured timeout throughout.
func TestConfiguredIntegrationTimeoutEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end run of a scenario")
	}
	sc, err := scenario.Parse([]byte(configuredTimeouts), "timeouts.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r := startCatalog(t, catalogSetup{
		faults: func(c *scenario.Scenario) { *c = *sc },
		config: func(c *config.Config) { c.AWS.MaxBackoff = 5 * time.Millisecond },
	})
	ctx := context.Background()
	for range 15 {
		r.poll(ctx)
	}
	advice := map[string]string{"reports-raised": "timeout of 60 s", "quotes-lowered": "configured at 5 s", "search-routes": "configured at 2 s"}
	for _, ep := range r.world.Episodes() {
		t.Run(ep.APIName, func(t *testing.T) {
			inc, ok := r.incidentOf(ep)
			if !ok {
				t.Fatal("no incident")
			}
			d := inc.Info.Diagnosis
			if d.Cause != ep.Cause || d.Status != ep.Status {
				t.Errorf("diagnosed %s %s, want %s %s (why: %s)", d.Status, d.Cause, ep.Status, ep.Cause, d.Why)
			}
			// (jobs-methods: its methods' timeouts differ and no access log
			// ties a request to one, so the advice names none)
			if want, ok := advice[ep.APIName]; ok && !strings.Contains(strings.Join(d.Remediation.Steps, "\n"), want) {
				t.Errorf("advice %q does not name the configured timeout (%q)", d.Remediation.Steps, want)
			}
		})
	}
}
