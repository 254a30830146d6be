package collector

import (
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/emulator/insights"
)

// TestInsightsQueryKeepsEvidence runs the evidence query through the
// emulator's Logs Insights engine: the INFO chatter of a healthy request is
// dropped, every line that can show a cause is kept.
func TestInsightsQueryKeepsEvidence(t *testing.T) {
	q, err := insights.Parse(insightsQuery)
	if err != nil {
		t.Fatalf("the evidence query does not parse: %v", err)
	}
	const id = "(286364ab-1f2e-4b7a-9c3d-5e6f7a8b9c0d) "
	dropped := []string{
		id + "Extended Request Id: Vwc2MGFUrPEFV_g=",
		id + "Verifying Usage Plan for request: 286364ab. API Key:  API Stage: uwe3g5jm54/Prod",
		id + "Starting execution for request: 286364ab-1f2e-4b7a-9c3d-5e6f7a8b9c0d",
		id + "HTTP Method: GET, Resource Path: /echo",
		id + "Method request headers: {Accept=application/json, CloudFront-Viewer-Country=US}",
		id + "Endpoint request body after transformations: {\"resource\":\"/echo\"} [TRUNCATED]",
		id + "Successfully completed execution",
		id + "Method completed with status: 200",
		"START RequestId: 527cb862-4f5e-49a9-9ae4-a7edc90f0fda Version: $LATEST",
		`{"requestId":"abc","routeKey":"GET /orders","status":"200","integrationErrorMessage":"-"}`,
		`64.136.145.109 - - [15/Feb/2023:23:08:37 +0000] "GET $default HTTP/1.1" 200 35 AZzecgvEPHcEPew=`,
	}
	kept := []string{
		id + "Endpoint request URI: https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:/invocations",
		id + "Endpoint response headers: {X-Amz-Function-Error=Unhandled}",
		id + `Endpoint response body before transformations: "Bad response"`,
		id + "Execution failed due to configuration error: Malformed Lambda proxy response",
		id + "Method completed with status: 502",
		"REPORT RequestId: 5b866fb1-0000-4000-8000-000000000000\tDuration: 133.61 ms\tStatus: error\tError Type: Runtime.ExitError",
		`{"requestId":"abd","status":"500","integrationErrorMessage":"The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration."}`,
		`64.136.145.109 - - [15/Feb/2023:23:08:37 +0000] "GET $default HTTP/1.1" 500 35 AZzecgvEPHcEPew= The IAM role configured`,
	}
	run := q.Start(insightsLimit)
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i, m := range append(append([]string{}, dropped...), kept...) {
		run.Add(insights.Event{Time: at.Add(time.Duration(i) * time.Millisecond), Message: m, Stream: "s", Group: "g"})
	}
	rows, _ := run.Finish()
	got := map[string]bool{}
	for _, row := range rows {
		for _, f := range row {
			if f.Name == "@message" {
				got[f.Value] = true
			}
		}
	}
	for _, m := range dropped {
		if got[m] {
			t.Errorf("kept a line that never shows a cause: %s", m)
		}
	}
	for _, m := range kept {
		if !got[m] {
			t.Errorf("dropped evidence: %s", m)
		}
	}
}

// TestInsightsQueryMaskedKeepsTheStatus: for a stage with custom Lambda
// integrations the 200 completion line stays, since only it shows that a
// function's error reached the client as 200 OK; 4xx completions still go.
func TestInsightsQueryMaskedKeepsTheStatus(t *testing.T) {
	const id = "(286364ab-1f2e-4b7a-9c3d-5e6f7a8b9c0d) "
	if got := insightsQueryFor(Stage{}); got != insightsQuery {
		t.Fatalf("a stage without custom integrations gets %q", got)
	}
	q, err := insights.Parse(insightsQueryFor(Stage{CustomFunctions: []string{"billing-fn"}}))
	if err != nil {
		t.Fatalf("the masked evidence query does not parse: %v", err)
	}
	run := q.Start(insightsLimit)
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i, m := range []string{id + "Method completed with status: 200", id + "Method completed with status: 404", id + "Successfully completed execution"} {
		run.Add(insights.Event{Time: at.Add(time.Duration(i) * time.Millisecond), Message: m, Stream: "s", Group: "g"})
	}
	rows, _ := run.Finish()
	if len(rows) != 1 || rows[0][1].Value != id+"Method completed with status: 200" {
		t.Errorf("rows %v, want only the 200 completion", rows)
	}
}
