package classifier

import (
	"strings"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"
)

// TestConfiguredIntegrationTimeout: the configured integration timeout,
// when known, decides what the fixed thresholds decide without it. Limits:
// REST 50 ms to 29 s, more on Regional and private APIs after a quota
// increase; HTTP APIs 50 ms to 30 s; WebSocket APIs 50 ms to 29 s (API
// Gateway developer guide, limits.html and the WebSocket quotas table;
// the apigatewayv2 Integration's timeoutInMillis).
func TestConfiguredIntegrationTimeout(t *testing.T) {
	const lambdaID = "0f1e2d3c-4b5a-4968-8776-655443322110"
	// Lambda's platform line for a function it ended at its own timeout
	// (the Lambda developer guide's "Task timed out after N seconds").
	timedOut := func(sec string) string {
		return "2024-06-05T10:00:00.000Z " + lambdaID + " Task timed out after " + sec + " seconds"
	}
	// an access record of the access-log variables $context.status and
	// $context.integrationLatency (REST) or $context.routeKey (HTTP API)
	rest500 := `{"requestId":"r1","httpMethod":"POST","resourcePath":"/jobs","status":"500","integrationLatency":"45012"}`
	http500 := func(route, lat string) string {
		return `{"requestId":"h1","routeKey":"` + route + `","status":"500","integrationLatency":"` + lat + `"}`
	}
	report := "REPORT RequestId: " + lambdaID + "\tDuration: 40000.00 ms\tBilled Duration: 40000 ms\tMemory Size: 512 MB\tMax Memory Used: 90 MB"
	routes := map[string]time.Duration{"GET /fast": 2 * time.Second, "GET /slow": 30 * time.Second}
	tests := []struct {
		name  string
		hints Hints
		input string
		cause Cause
	}{
		// REST, raised past 29 s (Regional or private API, quota increase)
		{"REST raised 60 s: 45 s latency is no gateway timeout", Hints{APIType: stage.APIREST, IntegrationTimeout: time.Minute}, rest500, CauseUnknown},
		{"REST not known: 45 s latency is past the 29 s default", Hints{APIType: stage.APIREST}, rest500, CauseIntegrationTimeout},
		{"REST raised 60 s: a 40 s function timeout is the function's", Hints{APIType: stage.APIREST, IntegrationTimeout: time.Minute}, timedOut("40.00"), CauseLambdaFunctionTimeout},
		{"REST not known: a 40 s function timeout outlived the default", Hints{APIType: stage.APIREST}, timedOut("40.00"), CauseIntegrationTimeout},
		{"REST raised 60 s: REPORT at the function's 40 s timeout", Hints{APIType: stage.APIREST, IntegrationTimeout: time.Minute, LambdaTimeout: 40 * time.Second}, report, CauseLambdaFunctionTimeout},
		{"REST default 29 s: REPORT at a 40 s function timeout", Hints{APIType: stage.APIREST, IntegrationTimeout: 29 * time.Second, LambdaTimeout: 40 * time.Second}, report, CauseIntegrationTimeout},
		{"REST raised 60 s: metrics at 45 s", Hints{APIType: stage.APIREST, IntegrationTimeout: time.Minute, Errors5xx: 10, IntegrationLatencyMax: 45 * time.Second}, "", CauseUnknown},
		{"REST not known: metrics at 45 s", Hints{APIType: stage.APIREST, Errors5xx: 10, IntegrationLatencyMax: 45 * time.Second}, "", CauseIntegrationTimeout},
		// REST, lowered
		{"REST lowered 5 s: a 6 s function timeout outlived it", Hints{APIType: stage.APIREST, IntegrationTimeout: 5 * time.Second}, timedOut("6.00"), CauseIntegrationTimeout},
		{"REST not known: a 6 s function timeout is the function's", Hints{APIType: stage.APIREST}, timedOut("6.00"), CauseLambdaFunctionTimeout},
		{"REST lowered 5 s: metrics at 5 s", Hints{APIType: stage.APIREST, IntegrationTimeout: 5 * time.Second, Errors5xx: 10, IntegrationLatencyMax: 5003 * time.Millisecond}, "", CauseIntegrationTimeout},
		{"REST lowered 5 s: a 500 at 5 s latency", Hints{APIType: stage.APIREST, IntegrationTimeout: 5 * time.Second}, `{"requestId":"r2","status":"500","integrationLatency":"5001"}`, CauseIntegrationTimeout},
		{"REST not known: a 500 at 5 s latency", Hints{APIType: stage.APIREST}, `{"requestId":"r2","status":"500","integrationLatency":"5001"}`, CauseUnknown},
		// HTTP APIs: 50 ms to 30 s
		{"HTTP lowered 10 s: a 15 s function timeout outlived it", Hints{APIType: stage.APIHTTP, IntegrationTimeout: 10 * time.Second}, timedOut("15.00"), CauseIntegrationTimeout},
		{"HTTP default 30 s: a 15 s function timeout is the function's", Hints{APIType: stage.APIHTTP, IntegrationTimeout: 30 * time.Second}, timedOut("15.00"), CauseLambdaFunctionTimeout},
		{"HTTP routes differ: 2 s latency on the 2 s route", Hints{APIType: stage.APIHTTP, RouteTimeouts: routes}, http500("GET /fast", "2003"), CauseIntegrationTimeout},
		{"HTTP routes differ: 2 s latency on the 30 s route", Hints{APIType: stage.APIHTTP, RouteTimeouts: routes}, http500("GET /slow", "2003"), CauseUnknown},
		{"HTTP routes differ: 29.5 s on the 30 s route", Hints{APIType: stage.APIHTTP, RouteTimeouts: routes}, http500("GET /slow", "29500"), CauseIntegrationTimeout},
		{"REST methods differ: the ANY method's 5 s", Hints{APIType: stage.APIREST, RouteTimeouts: map[string]time.Duration{"ANY /jobs": 5 * time.Second, "GET /": 29 * time.Second}}, `{"requestId":"r3","httpMethod":"POST","resourcePath":"/jobs","status":"500","integrationLatency":"5004"}`, CauseIntegrationTimeout},
		{"REST methods differ: the 60 s method", Hints{APIType: stage.APIREST, RouteTimeouts: map[string]time.Duration{"POST /jobs": time.Minute, "GET /": 29 * time.Second}}, rest500, CauseUnknown},
		// methods or routes that differ, read on figures of the whole
		// stage: the longest of their timeouts (limits.html: each
		// integration has its own timeoutInMillis)
		{"REST methods differ (5 s, 10 s): metrics at 10 s", Hints{APIType: stage.APIREST, RouteTimeouts: map[string]time.Duration{"GET /a": 5 * time.Second, "POST /b": 10 * time.Second}, Errors5xx: 10, IntegrationLatencyMax: 10 * time.Second}, "", CauseIntegrationTimeout},
		{"REST methods differ (45 s, 60 s): metrics at 35 s", Hints{APIType: stage.APIREST, RouteTimeouts: map[string]time.Duration{"GET /a": 45 * time.Second, "POST /b": time.Minute}, Errors5xx: 10, IntegrationLatencyMax: 35 * time.Second}, "", CauseUnknown},
		{"REST methods differ (45 s, 60 s): a 35 s function timeout is the function's", Hints{APIType: stage.APIREST, RouteTimeouts: map[string]time.Duration{"GET /a": 45 * time.Second, "POST /b": time.Minute}}, timedOut("35.00"), CauseLambdaFunctionTimeout},
		{"REST methods differ (45 s, 60 s): REPORT at the function's 40 s timeout", Hints{APIType: stage.APIREST, RouteTimeouts: map[string]time.Duration{"GET /a": 45 * time.Second, "POST /b": time.Minute}, LambdaTimeout: 40 * time.Second}, report, CauseLambdaFunctionTimeout},
		{"REST methods differ (45 s, 60 s): a 500 at 35 s of no known method", Hints{APIType: stage.APIREST, RouteTimeouts: map[string]time.Duration{"GET /a": 45 * time.Second, "POST /b": time.Minute}}, `{"requestId":"r4","status":"500","integrationLatency":"35000"}`, CauseUnknown},
		{"HTTP routes differ (2 s, 10 s): a 12 s function timeout outlived every route's", Hints{APIType: stage.APIHTTP, RouteTimeouts: map[string]time.Duration{"GET /a": 2 * time.Second, "GET /b": 10 * time.Second}}, timedOut("12.00"), CauseIntegrationTimeout},
		{"HTTP lowered 50 ms: 50 ms latency", Hints{APIType: stage.APIHTTP, IntegrationTimeout: 50 * time.Millisecond}, http500("$default", "50"), CauseIntegrationTimeout},
		// WebSocket APIs: 50 ms to 29 s
		{"WebSocket lowered 3 s: a 4 s function timeout outlived it", Hints{APIType: stage.APIWebSocket, IntegrationTimeout: 3 * time.Second}, timedOut("4.00"), CauseIntegrationTimeout},
		{"WebSocket default 29 s: a 4 s function timeout is the function's", Hints{APIType: stage.APIWebSocket, IntegrationTimeout: 29 * time.Second}, timedOut("4.00"), CauseLambdaFunctionTimeout},
		{"WebSocket lowered 3 s: metrics at 3 s", Hints{APIType: stage.APIWebSocket, IntegrationTimeout: 3 * time.Second, Errors5xx: 4, IntegrationLatencyMax: 3 * time.Second}, "", CauseIntegrationTimeout},
		{"WebSocket default 29 s: metrics at 3 s", Hints{APIType: stage.APIWebSocket, IntegrationTimeout: 29 * time.Second, Errors5xx: 4, IntegrationLatencyMax: 3 * time.Second}, "", CauseUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewSession(tt.hints)
			for _, l := range splitLines(tt.input) {
				s.AddLine(l)
			}
			if d := s.Diagnose(LangEN); d.Cause != tt.cause {
				t.Errorf("got %s/%s, want %s (why: %s)", d.Status, d.Cause, tt.cause, d.Why)
			}
		})
	}
}

// TestAdviceNamesTimeoutMet: the advice names the configured timeout the
// failed requests met: the stage's, or their route's when the routes
// differ and the access log named it ($context.routeKey).
func TestAdviceNamesTimeoutMet(t *testing.T) {
	routes := map[string]time.Duration{"GET /fast": 2 * time.Second, "GET /slow": 30 * time.Second}
	tests := []struct {
		name  string
		hints Hints
		lines []string
		want  string
	}{
		{"the stage's", Hints{APIType: stage.APIREST, IntegrationTimeout: 5 * time.Second}, []string{`{"requestId":"a","status":"504","integrationLatency":"5002"}`}, "configured at 5 s"},
		{"the route's", Hints{APIType: stage.APIHTTP, RouteTimeouts: routes}, []string{`{"requestId":"a","routeKey":"GET /fast","status":"503","integrationLatency":"2001"}`}, "configured at 2 s"},
		{"routes differ", Hints{APIType: stage.APIHTTP, RouteTimeouts: routes}, []string{`{"requestId":"a","routeKey":"GET /fast","status":"503","integrationLatency":"2001"}`, `{"requestId":"b","routeKey":"GET /slow","status":"503","integrationLatency":"30001"}`}, "about 30 s (the maximum)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewSession(tt.hints)
			for _, l := range tt.lines {
				s.AddLine(l)
			}
			d := s.Diagnose(LangEN)
			if d.Cause != CauseIntegrationTimeout || !strings.Contains(strings.Join(d.Remediation.Steps, "\n"), tt.want) {
				t.Errorf("got %s, steps %q; want %q", d.Cause, d.Remediation.Steps, tt.want)
			}
		})
	}
}

// A function's timeout beside the gateway's timeout answer is the
// integration timeout: REST's 504, and a 503, which of the API types only
// an HTTP API answers a Lambda integration with, whether or not the
// evidence names the type (aimom's incident note: a REPORT at 30 s beside
// "503 Service Unavailable"). Beside a 502 it stays the function's own.
func TestFunctionTimeoutBesideTheGatewaysTimeoutAnswer(t *testing.T) {
	report := "REPORT RequestId: 9c96d8af-0000-4000-8000-000000000001 Duration: 30000.00 ms Billed Duration: 30000 ms Memory Size: 1024 MB Max Memory Used: 237 MB Status: timeout"
	checkWordings(t, []wording{
		{"503, type not named", "POST /api/transcribe returned 503 Service Unavailable\n" + report, "integration_timeout", "503"},
		{"504", "POST /api/transcribe returned 504 Gateway Timeout\n" + report, "integration_timeout", "504"},
		{"502", "POST /api/transcribe returned 502 Bad Gateway\n" + report, "lambda_function_timeout", "502"},
	})
}
