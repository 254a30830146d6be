package classifier

import (
	"strings"
	"testing"

	"github.com/apigw-triage/apigw-triage/stage"
)

// TestAbstainNamesTheEvidence: when no line names a cause the answer is
// unknown, with the status shown and the evidence that would decide for
// the API type: execution logging at INFO (REST, WebSocket), the access-log
// fields (HTTP APIs, or whoever sent access records), the function's log
// group, and what the client received when nothing showed it.
func TestAbstainNamesTheEvidence(t *testing.T) {
	tests := []struct {
		name   string
		hints  Hints
		in     string
		status Status
		want   []string // substrings of the missing lines, in order
		absent []string
	}{
		{"rest 502 from curl", Hints{}, "HTTP/1.1 502 Bad Gateway\nx-amzn-RequestId: 1c2d", Status502,
			[]string{"execution-log lines at INFO", "/aws/lambda/{function}"}, []string{"what the client received", "$context.integrationErrorMessage"}},
		{"http api 500", Hints{}, "HTTP/2 500\napigw-requestid: RL2XYiwjPHcEMEQ=", Status500,
			[]string{"$context.integrationErrorMessage", "/aws/lambda/{function}"}, []string{"execution-log lines"}},
		{"execution logging off", Hints{APIType: stage.APIREST, ExecutionLogging: "OFF"}, "HTTP/1.1 502 Bad Gateway", Status502,
			[]string{"execution logging is OFF", "/aws/lambda/{function}"}, nil},
		{"websocket frame", Hints{}, `< {"message": "Internal server error", "connectionId":"Zq0lpfIyliACGbQ=", "requestId":"Zq1LaGLQliAFsbA="}`, Status500,
			[]string{"execution-log lines at INFO", "/aws/lambda/{function}"}, nil},
		{"websocket access record", Hints{}, `{"requestId":"L0SNDEUmvHcFYzw=","connectionId":"L0SM9cOFvHcCIhw=","eventType":"MESSAGE","routeKey":"sendmessage","status":"500"}`, Status500,
			[]string{"$context.integration.error", "/aws/lambda/{function}"}, []string{"$context.integrationErrorMessage"}},
		{"a symptom in words", Hints{}, "Whenever I test the API I get a 502.", Status502,
			[]string{"execution-log lines at INFO", "/aws/lambda/{function}"}, []string{"what the client received"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := diagnoseWith(t, tt.hints, tt.in)
			if d.Cause != CauseUnknown || d.Status != tt.status {
				t.Fatalf("got %s/%s, want %s/unknown (%s)", d.Status, d.Cause, tt.status, d.Why)
			}
			missing := strings.Join(d.Missing, "\n")
			at := 0
			for _, w := range tt.want {
				i := strings.Index(missing[at:], w)
				if i < 0 {
					t.Fatalf("missing %q after offset %d in:\n%s", w, at, missing)
				}
				at += i + len(w)
			}
			for _, a := range tt.absent {
				if strings.Contains(missing, a) {
					t.Errorf("missing names %q, which the evidence showed or the API type lacks:\n%s", a, missing)
				}
			}
		})
	}
}

// TestNamedCauseWithoutStatusAsksForIt: a named cause whose status no
// line showed asks for what the client received, and for nothing else.
func TestNamedCauseWithoutStatusAsksForIt(t *testing.T) {
	s := NewSession(Hints{})
	s.AddLine("2024-03-12T10:15:31.123Z 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Task timed out after 3.00 seconds")
	d := s.Diagnose(LangEN)
	if d.Cause != CauseLambdaFunctionTimeout || d.Status != StatusUnknown {
		t.Fatalf("got %s/%s", d.Status, d.Cause)
	}
	if len(d.Missing) != 1 || d.Missing[0] != missingStatus {
		t.Errorf("missing %q, want only what the client received", d.Missing)
	}
}
