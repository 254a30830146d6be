package scenario

import (
	"strings"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
)

// signatures are the documented evidence lines of each catalog cause
// (docs/taxonomy.md's evidence column and its evidence forms):
// at least one of them must appear in the episode's logs.
var signatures = map[classifier.Cause][]string{
	classifier.CauseLambdaMalformedProxyResponse: {"Execution failed due to configuration error: Malformed Lambda proxy response", "doesn't match the format that API Gateway expects"},
	classifier.CauseLambdaInvokePermission:       {"Invalid permissions on Lambda function", "doesn't have permissions to call the integration"},
	classifier.CauseStageVariablePermission:      {"Invalid permissions on Lambda function"},
	classifier.CauseLambdaPackagePermission:      {"[Errno 13] Permission denied: '/var/task/"},
	classifier.CauseLambdaHandlerMisconfigured:   {"Runtime.ImportModuleError", "Unable to import module", "Runtime.HandlerNotFound"},
	classifier.CauseLambdaFunctionError:          {"Lambda execution failed with status 200 due to customer function error:", "The Lambda function returned the following error"},
	classifier.CauseLambdaThrottled:              {"Lambda invocation failed with status: 429"},
	classifier.CauseLambdaErrorMaskedAs200:       {"X-Amz-Function-Error=Unhandled"},
	classifier.CauseStatusMappingMissing:         {"No match for output mapping and no default output mapping configured"},
	classifier.CauseIntegrationMethodNotPost:     {"AccessDeniedException"},
	classifier.CauseBackendPayloadTooLarge:       {"is larger than allowed maximum of 10485760 bytes"},
	classifier.CausePrivateIntegrationError:      {"Execution failed due to configuration error"},
	classifier.CauseInternalServiceFailure:       {"Execution failed due to an internal error"},
	classifier.CauseBackendUnavailable:           {"Received response. Status: 503"},
	classifier.CauseIntegrationTimeout:           {"Execution failed due to a timeout error", `"integrationLatency":"-1"`},
	classifier.CauseAuthorizerError:              {"Execution failed due to configuration error: Authorizer error"},
}

func TestCatalogSignatures(t *testing.T) {
	w, _ := catalogWorld(t, 60*time.Minute)
	seen := map[classifier.Cause]bool{}
	for _, e := range w.Episodes() {
		t.Run(e.APIName, func(t *testing.T) {
			seen[e.Cause] = true
			var all strings.Builder
			for _, g := range e.LogGroups {
				for _, ev := range collect(w, g, e.Start, e.Start.Add(3*time.Minute)) {
					all.WriteString(ev.Message)
					all.WriteString("\n")
				}
			}
			found := false
			for _, sig := range signatures[e.Cause] {
				found = found || strings.Contains(all.String(), sig)
			}
			if !found {
				t.Errorf("no %v signature in %d bytes of logs", signatures[e.Cause], all.Len())
			}
			masked := e.Cause == classifier.CauseLambdaErrorMaskedAs200
			if e.Status != e.Cause.Status(e.APIType) || e.Status == classifier.StatusNone && !masked {
				t.Errorf("status %v", e.Status)
			}
		})
	}
	if len(seen) != len(signatures) {
		t.Errorf("catalog plays %d causes, want %d", len(seen), len(signatures))
	}
}

// TestCatalogTiming checks what the demo needs: at speed 60, every episode
// is visible as 2+ bad minutes within the first emulated hour, with enough
// requests to trip a 5 %/5-request threshold, and it recovers.
func TestCatalogTiming(t *testing.T) {
	w, _ := catalogWorld(t, 45*time.Minute)
	for _, e := range w.Episodes() {
		bad := 0
		for _, dp := range w.Datapoints(acct, region, errorMetric(e), t0, t0.Add(45*time.Minute), time.Minute) {
			if dp.Agg.Sum >= 5 && dp.Agg.Sum/dp.Agg.Count >= 0.05 {
				bad++
			}
		}
		if bad < 2 {
			t.Errorf("%s: %d bad minutes visible by minute 45", e.APIName, bad)
		}
		if e.End.Sub(t0) > 50*time.Minute || e.Start.Sub(t0) < 2*time.Minute {
			t.Errorf("%s: episode %s..%s outside the demo's hour", e.APIName, e.Start.Sub(t0), e.End.Sub(t0))
		}
	}
}

func TestHTTPStageNamesAndCollision(t *testing.T) {
	w, _ := catalogWorld(t, 0)
	names := map[string]int{}
	for _, a := range w.RestAPIs(acct, region) {
		names[a.Name]++
	}
	if names["shop"] != 2 {
		t.Errorf("REST APIs named shop: %d, want 2 (a name collision)", names["shop"])
	}
	for _, a := range w.HTTPAPIs(acct, region) {
		if a.ProtocolType == "WEBSOCKET" {
			continue
		}
		if a.Stages[0].Name != "$default" || !a.Stages[0].AutoDeploy {
			t.Errorf("HTTP API %s stage %q", a.Name, a.Stages[0].Name)
		}
	}
}
