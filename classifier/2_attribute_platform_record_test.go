package classifier

import (
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"
)

// TestPlatformRecordsReadLikeReport: Lambda's platform events in the JSON
// log format say in "status" and "metrics" what the text REPORT and
// INIT_REPORT lines say with "Status:" and "Duration:", and are read the
// same way: a timeout is the function's, and a function that ran past the
// gateway's wait for its integration outlived it, which makes the failure
// the integration timeout's. The records follow the Lambda developer
// guide's "Lambda Telemetry API Event schema reference" (platform.report,
// platform.runtimeDone, platform.initReport: record.status, record.errorType,
// record.metrics.durationMs, memorySizeMB, maxMemoryUsedMB) and its
// "Configuring JSON and plain text log formats" page, which writes those
// events to CloudWatch Logs as one JSON object a line.
func TestPlatformRecordsReadLikeReport(t *testing.T) {
	const id = "6d68ca91-49c9-448d-89b8-7ca3e6dc66aa"
	report := func(status string, durMS string) string {
		return `{"time":"2024-06-05T10:00:40.000Z","type":"platform.report","record":{"requestId":"` + id +
			`","metrics":{"durationMs":` + durMS + `,"billedDurationMs":` + durMS + `,"memorySizeMB":512,"maxMemoryUsedMB":90,"initDurationMs":120.5},` +
			`"tracing":{"type":"X-Amzn-Trace-Id","value":"Root=1-5f35ae12-0c0fec141ab77a00bc047aa2;Parent=2be948a625588e32;Sampled=1"},"status":"` + status + `"}}`
	}
	runtimeDone := func(status, durMS, spanMS string) string {
		return `{"time":"2024-06-05T10:00:40.000Z","type":"platform.runtimeDone","record":{"requestId":"` + id + `","status":"` + status +
			`","tracing":{"type":"X-Amzn-Trace-Id","value":"Root=1-5f35ae12-0c0fec141ab77a00bc047aa2"},` +
			`"spans":[{"name":"responseLatency","start":"2024-06-05T10:00:01.000Z","durationMs":` + spanMS + `},{"name":"responseDuration","start":"2024-06-05T10:00:01.500Z","durationMs":2.0}],` +
			`"metrics":{"durationMs":` + durMS + `,"producedBytes":0}}}`
	}
	rest29 := Hints{APIType: stage.APIREST, IntegrationTimeout: 29 * time.Second}
	tests := []struct {
		name  string
		hints Hints
		input string
		cause Cause
	}{
		// platform.report, "status": "timeout" (REPORT ... Status: timeout)
		{"report timeout within the gateway's wait", rest29, report("timeout", "3000.0"), CauseLambdaFunctionTimeout},
		{"report timeout past the configured 29 s", rest29, report("timeout", "40000.0"), CauseIntegrationTimeout},
		{"report timeout past every default, none configured", Hints{}, report("timeout", "40000.0"), CauseIntegrationTimeout},
		{"report timeout within a raised 60 s", Hints{APIType: stage.APIREST, IntegrationTimeout: time.Minute}, report("timeout", "40000.0"), CauseLambdaFunctionTimeout},
		{"HTTP API lowered to 10 s: a 15 s timeout outlived it", Hints{APIType: stage.APIHTTP, IntegrationTimeout: 10 * time.Second}, report("timeout", "15000.0"), CauseIntegrationTimeout},
		// platform.report at the function's configured timeout, as a REPORT
		// whose Duration reaches it
		{"report at the function's timeout", Hints{APIType: stage.APIREST, IntegrationTimeout: time.Minute, LambdaTimeout: 40 * time.Second}, report("success", "40000.0"), CauseLambdaFunctionTimeout},
		{"report at the function's timeout, past the gateway's", Hints{APIType: stage.APIREST, IntegrationTimeout: 29 * time.Second, LambdaTimeout: 40 * time.Second}, report("success", "40000.0"), CauseIntegrationTimeout},
		// platform.runtimeDone: its metrics' durationMs, not a span's
		{"runtimeDone timeout past the configured 29 s", rest29, runtimeDone("timeout", "40000.0", "1.5"), CauseIntegrationTimeout},
		{"runtimeDone timeout within it; a span's figure is no run", rest29, runtimeDone("timeout", "3000.0", "45000.0"), CauseLambdaFunctionTimeout},
		// platform.initReport (INIT_REPORT ... Status: timeout / error)
		{"initReport timeout", rest29, `{"time":"2024-06-05T10:00:10.000Z","type":"platform.initReport","record":{"initializationType":"on-demand","phase":"init","status":"timeout","metrics":{"durationMs":10000.0}}}`, CauseLambdaFunctionTimeout},
		{"initReport error", rest29, `{"time":"2024-06-05T10:00:10.000Z","type":"platform.initReport","record":{"initializationType":"on-demand","phase":"init","status":"error","errorType":"Runtime.ExitError","metrics":{"durationMs":250.0}}}`, CauseLambdaRuntimeCrash},
		// platform.report with memory used up to its size (REPORT's Max
		// Memory Used reaching Memory Size)
		{"report memory used up", rest29, `{"time":"2024-06-05T10:00:02.000Z","type":"platform.report","record":{"requestId":"` + id + `","metrics":{"durationMs":1650.2,"billedDurationMs":1651,"memorySizeMB":128,"maxMemoryUsedMB":128},"status":"error","errorType":"Runtime.ExitError"}}`, CauseLambdaOutOfMemory},
		// negative: a long run that succeeded, no function timeout known
		{"report success, long", rest29, report("success", "40000.0"), CauseUnknown},
	}
	// Each event is read as a record, and as text where the record reader
	// cannot parse it (platformEventRules read its status): cut short, as
	// a paste often ends, and quoted inside a person's sentence. Both
	// decide alike.
	forms := []struct {
		name string
		form func(string) string
	}{
		{"record", func(e string) string { return e }},
		{"cut short", func(e string) string { return e[:len(e)-2] }},
		{"in a sentence", func(e string) string { return "CloudWatch shows " + e + " for that request" }},
	}
	for _, tt := range tests {
		for _, f := range forms {
			t.Run(tt.name+", "+f.name, func(t *testing.T) {
				s := NewSession(tt.hints)
				s.AddLine(f.form(tt.input))
				if d := s.Diagnose(LangEN); d.Cause != tt.cause {
					t.Errorf("got %s/%s, want %s (why: %s)", d.Status, d.Cause, tt.cause, d.Why)
				}
			})
		}
	}
}
