package classifier

import (
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"
)

func TestContextDecides(t *testing.T) {
	const permission = "(r1) Execution failed due to configuration error: Invalid permissions on Lambda function\n(r1) Method completed with status: 500\n"
	const vpcConfig = "(r4) Execution failed due to configuration error: There was an internal error while executing your request\n(r4) Method completed with status: 500\n"
	const role = "(r5) Execution failed due to configuration error: API Gateway does not have permission to assume the provided role arn:aws:iam::1:role/s3-read\n(r5) Method completed with status: 500\n"
	const bare500 = "(r2) Method completed with status: 500\n"
	const bare504 = "HTTP/1.1 504 Gateway Timeout\n"
	const fnError = "(r3) Lambda execution failed with status 200 due to customer function error: boom. Lambda request id: 11111111-2222-4333-8444-555555555555\n(r3) Method completed with status: 502\n"
	tests := []struct {
		name   string
		ctx    Hints
		input  string
		cause  Cause
		status Status
	}{
		{"no context: invoke permission", Hints{}, permission, CauseLambdaInvokePermission, Status500},
		{"stage-variable URI", Hints{IntegrationURI: "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:${stageVariables.fn}/invocations"}, permission, CauseStageVariablePermission, Status500},
		{"integration method GET", Hints{IntegrationType: "AWS_PROXY", IntegrationHTTPMethod: "GET"}, permission, CauseIntegrationMethodNotPost, Status500},
		{"an S3 integration may GET: the role is the problem", Hints{IntegrationType: "AWS", IntegrationHTTPMethod: "GET", IntegrationURI: "arn:aws:apigateway:us-east-1:s3:path/bucket/{key}"}, role, CauseCredentialsRoleError, Status500},
		{"throttles decide a bare 500", Hints{LambdaThrottles: 12}, bare500, CauseLambdaThrottled, Status500},
		{"latency at the timeout decides a bare 504", Hints{IntegrationLatencyMax: 29 * time.Second}, bare504, CauseIntegrationTimeout, Status504},
		{"duration at the function timeout refines a function error", Hints{LambdaTimeout: 6 * time.Second, LambdaDurationMax: 6 * time.Second}, fnError, CauseLambdaFunctionTimeout, Status502},
		{"metrics only", Hints{APIType: stage.APIHTTP, Errors5xx: 40, IntegrationLatencyMax: 30 * time.Second}, "", CauseIntegrationTimeout, Status503},
		{"VPC link failure line, integration unknown", Hints{}, vpcConfig, CausePrivateIntegrationError, Status500},
		{"VPC link failure line, VPC_LINK integration", Hints{ConnectionType: "VPC_LINK"}, vpcConfig, CausePrivateIntegrationError, Status500},
		{"same line on an internet integration", Hints{ConnectionType: "INTERNET"}, vpcConfig, CauseInternalServiceFailure, Status500},
		{"HTTP API given: timeout status 503", Hints{APIType: stage.APIHTTP}, "Execution failed due to a timeout error\n", CauseIntegrationTimeout, Status503},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewSession(tt.ctx)
			for _, l := range splitLines(tt.input) {
				s.AddLine(l)
			}
			d := s.Diagnose(LangEN)
			if d.Cause != tt.cause || d.Status != tt.status {
				t.Errorf("got %s/%s, want %s/%s (why: %s)", d.Status, d.Cause, tt.status, tt.cause, d.Why)
			}
		})
	}
}

func TestLambdaJoin(t *testing.T) {
	// The gateway only says "customer function error"; the Lambda log of the
	// same invocation, read later, shows the handler cannot be imported.
	s := NewSession(Hints{})
	s.AddEvent(LogEvent{Group: "API-Gateway-Execution-Logs_abc/prod", Message: "(api-1) Lambda execution failed with status 200 due to customer function error: see log. Lambda request id: 0f1e2d3c-4b5a-4968-8776-655443322110"})
	s.AddEvent(LogEvent{Group: "API-Gateway-Execution-Logs_abc/prod", Message: "(api-1) Method completed with status: 502"})
	s.AddEvent(LogEvent{Group: "API-Gateway-Execution-Logs_abc/prod", Message: "(api-2) Method completed with status: 200"})
	s.AddEvent(LogEvent{Group: "/aws/lambda/fn", Message: "START RequestId: 0f1e2d3c-4b5a-4968-8776-655443322110 Version: $LATEST"})
	s.AddEvent(LogEvent{Group: "/aws/lambda/fn", Message: "[ERROR] Runtime.ImportModuleError: Unable to import module 'app': No module named 'app'\nTraceback (most recent call last):"})
	s.AddEvent(LogEvent{Group: "/aws/lambda/fn", Message: "REPORT RequestId: 0f1e2d3c-4b5a-4968-8776-655443322110\tDuration: 1.00 ms\tBilled Duration: 2 ms\tMemory Size: 128 MB\tMax Memory Used: 30 MB"})
	d := s.Diagnose(LangEN)
	if d.Cause != CauseLambdaHandlerMisconfigured || d.Status != Status502 || d.Requests != 2 || d.Failed != 1 {
		t.Errorf("got %s/%s requests=%d failed=%d", d.Status, d.Cause, d.Requests, d.Failed)
	}
	if len(d.RequestIDs) != 1 || d.RequestIDs[0] != "api-1" {
		t.Errorf("request ids %v", d.RequestIDs)
	}
}

func splitLines(s string) []string {
	var out []string
	for s != "" {
		i := 0
		for i < len(s) && s[i] != '\n' {
			i++
		}
		out = append(out, s[:i])
		if i < len(s) {
			i++
		}
		s = s[i:]
	}
	return out
}

func TestGatewayTimeoutBeforeFunctionTimeout(t *testing.T) {
	s := NewSession(Hints{})
	for _, l := range []string{
		`HTTP/1.1 504 Gateway Timeout`,
		`{"message": "Endpoint request timed out"}`,
		`2024-03-12T10:15:40.000Z 9a8b7c6d-1111-4222-8333-444455556666 Task timed out after 40.04 seconds`,
	} {
		s.AddLine(l)
	}
	if d := s.Diagnose(LangEN); d.Cause != CauseIntegrationTimeout || d.Status != Status504 {
		t.Errorf("got %s/%s, want 504/integration_timeout", d.Status, d.Cause)
	}
}

// TestContextNamedCauseKeepsTheMetricsFigure: when the metric context names
// the cause of requests whose lines show only their status, the answer's
// confidence is the metric context's, below the confident band: no report
// of the training part carries metrics, so nothing measured a line-shown
// status beside a metric-named cause. A line naming the cause keeps its
// own figure, whether the metrics agree or name another.
func TestContextNamedCauseKeepsTheMetricsFigure(t *testing.T) {
	latency := Hints{IntegrationLatencyMax: 29 * time.Second, Errors5xx: 3}
	byMetrics := diagnoseWith(t, latency, "HTTP/1.1 504 Gateway Timeout\n")
	alone := diagnoseWith(t, latency, "")
	if byMetrics.Cause != CauseIntegrationTimeout || byMetrics.Confidence != alone.Confidence || byMetrics.Confidence >= 0.8 {
		t.Errorf("504 with latency at the timeout: %s %.2f, want integration_timeout at the metrics' %.2f", byMetrics.Cause, byMetrics.Confidence, alone.Confidence)
	}
	const body = "HTTP/1.1 504 Gateway Timeout\n{\"message\": \"Endpoint request timed out\"}\n"
	byLine, lineAlone := diagnoseWith(t, latency, body), diagnoseWith(t, Hints{}, body)
	if byLine.Cause != CauseIntegrationTimeout || byLine.Confidence != lineAlone.Confidence {
		t.Errorf("504 with the gateway's timeout body: %s %.2f, want integration_timeout at the line's own %.2f", byLine.Cause, byLine.Confidence, lineAlone.Confidence)
	}
}
