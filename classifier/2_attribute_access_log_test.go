package classifier

import "testing"

// TestAccessRecordJoinsItsExecutionLog: a REST stage with both logs writes
// each request's execution-log lines and then its access record (the
// developer guide's "Set up CloudWatch logging for REST APIs"; Logs
// Insights sorts them so, and so do the two files pasted in that order).
// The record is the same request, not a second one with no cause.
func TestAccessRecordJoinsItsExecutionLog(t *testing.T) {
	const id = "5e8f0a1b-1234-4cde-9f00-aabbccddeeff"
	failed := "(" + id + ") Starting execution for request: " + id + "\n" +
		"(" + id + ") Execution failed due to configuration error: Malformed Lambda proxy response\n"
	completed := "(" + id + ") Method completed with status: 502\n"
	record := `{"requestId":"` + id + `","ip":"198.51.100.7","requestTime":"02/Dec/2026:19:40:18 +0000","httpMethod":"POST","resourcePath":"/items","status":"502","protocol":"HTTP/1.1","responseLength":"36"}` + "\n"
	for _, tc := range []struct {
		name, text string
	}{
		{"execution log, then the access record", failed + completed + record},
		{"execution log cut before Method completed, then the access record", failed + record},
	} {
		d := diagnoseText(t, tc.text)
		if d.Requests != 1 || d.Failed != 1 || len(d.Breakdown) != 1 || len(d.RequestIDs) != 1 {
			t.Errorf("%s: %d seen, %d failed, breakdown %v, request ids %v; want one request", tc.name, d.Requests, d.Failed, d.Breakdown, d.RequestIDs)
		}
		if d.Cause != CauseLambdaMalformedProxyResponse || d.Status != Status502 {
			t.Errorf("%s: %s/%s, want 502/%s", tc.name, d.Status, d.Cause, CauseLambdaMalformedProxyResponse)
		}
	}
}
