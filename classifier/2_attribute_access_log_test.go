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
		// `classify access.log exec.log`, and an export that sorts the
		// access log's group first: the record comes before the lines
		{"the access record, then the execution log", record + failed + completed},
		{"the access record, then the execution log cut before Method completed", record + failed},
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

// TestRequestCountedOnceInEitherOrder: a request that shows its id in both
// logs, the execution log's "(<request id>)" and the access record's
// $context.requestId (the developer guide's "Set up CloudWatch logging for
// REST APIs"), is one request whichever log is read first, whether it
// failed or not.
func TestRequestCountedOnceInEitherOrder(t *testing.T) {
	const ok, bad = "0a1b2c3d-0000-4000-8000-000000000001", "0a1b2c3d-0000-4000-8000-000000000002"
	exec := func(id, status string) string {
		return "(" + id + ") Starting execution for request: " + id + "\n" +
			"(" + id + ") Method completed with status: " + status + "\n"
	}
	record := func(id, status string) string {
		return `{"requestId":"` + id + `","ip":"198.51.100.7","httpMethod":"GET","resourcePath":"/items","status":"` + status + `","protocol":"HTTP/1.1","responseLength":"36"}` + "\n"
	}
	failedExec := "(" + bad + ") Starting execution for request: " + bad + "\n" +
		"(" + bad + ") Execution failed due to configuration error: Malformed Lambda proxy response\n" +
		"(" + bad + ") Method completed with status: 502\n"
	execLog := exec(ok, "200") + failedExec
	accessLog := record(ok, "200") + record(bad, "502")
	for _, tc := range []struct{ name, text string }{
		{"execution log, then access log", execLog + accessLog},
		{"access log, then execution log", accessLog + execLog},
		{"interleaved, each record first", record(ok, "200") + exec(ok, "200") + record(bad, "502") + failedExec},
		{"interleaved, each record last", exec(ok, "200") + record(ok, "200") + failedExec + record(bad, "502")},
	} {
		d := diagnoseText(t, tc.text)
		if d.Requests != 2 || d.Failed != 1 || len(d.Breakdown) != 1 || len(d.RequestIDs) != 1 {
			t.Errorf("%s: %d seen, %d failed, breakdown %v, request ids %v; want 2 seen, 1 failed", tc.name, d.Requests, d.Failed, d.Breakdown, d.RequestIDs)
		}
		if d.Cause != CauseLambdaMalformedProxyResponse || d.Status != Status502 {
			t.Errorf("%s: %s/%s, want 502/%s", tc.name, d.Status, d.Cause, CauseLambdaMalformedProxyResponse)
		}
	}
}

// TestTestInvokesCountedApart: the console's test writes its execution log
// without request ids (the developer guide's "Use the API Gateway console
// to test a REST API method"); two tests pasted one after the other are
// two requests, not one request finished twice.
func TestTestInvokesCountedApart(t *testing.T) {
	test := "Starting execution for request: \nMethod completed with status: 200\n"
	d := diagnoseText(t, test+test)
	if d.Requests != 2 {
		t.Errorf("%d seen, want 2", d.Requests)
	}
}
