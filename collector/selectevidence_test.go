package collector

import (
	"slices"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
)

func TestRequestID(t *testing.T) {
	tests := []struct{ msg, want string }{
		{"(286364ab-1111-2222-3333-444455556666) Method completed with status: 502", "286364ab-1111-2222-3333-444455556666"},
		{`{"requestId":"AZzecgvEPHcEPew=","status":"500"}`, "AZzecgvEPHcEPew="},
		{"REPORT RequestId: 527cb862-4f5e-49a9-9ae4-a7edc90f0fda\tDuration: 3016.78 ms", "527cb862-4f5e-49a9-9ae4-a7edc90f0fda"},
		{"2026-01-01T00:00:00.000Z\t527cb862-4f5e-49a9-9ae4-a7edc90f0fda\tERROR\tboom", "527cb862-4f5e-49a9-9ae4-a7edc90f0fda"},
		{"INIT_REPORT Init Duration: 3003.83 ms\tPhase: invoke\tStatus: timeout", ""},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := requestID(tt.msg); got != tt.want {
				t.Errorf("requestID = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSelectEvidence(t *testing.T) {
	const (
		ok   = "aaaaaaaa-0000-0000-0000-000000000001"
		bad1 = "bbbbbbbb-0000-0000-0000-000000000001"
		bad2 = "bbbbbbbb-0000-0000-0000-000000000002"
		lam  = "cccccccc-0000-0000-0000-000000000001"
	)
	exec, fn := "API-Gateway-Execution-Logs_abc/prod", "/aws/lambda/orders"
	at := func(s int) time.Time { return t0.Add(time.Duration(s) * time.Second) }
	evs := []classifier.LogEvent{
		{Group: exec, Time: at(1), Message: "(" + ok + ") Starting execution for request: " + ok},
		{Group: exec, Time: at(2), Message: "(" + ok + ") Method completed with status: 200"},
		{Group: exec, Time: at(3), Message: "(" + bad1 + ") Starting execution for request: " + bad1},
		{Group: fn, Time: at(4), Message: "START RequestId: " + lam + " Version: $LATEST"},
		{Group: fn, Time: at(5), Message: "END RequestId: " + lam},
		{Group: exec, Time: at(6), Message: "(" + bad1 + ") Endpoint response headers: {x-amzn-RequestId=" + lam + "}"},
		{Group: exec, Time: at(7), Message: "(" + bad1 + ") Execution failed due to configuration error: Malformed Lambda proxy response"},
		{Group: exec, Time: at(8), Message: "(" + bad2 + ") Method completed with status: 504"},
		{Group: fn, Time: at(9), Message: "INIT_REPORT Init Duration: 3003.83 ms\tPhase: invoke\tStatus: timeout"},
	}
	tests := []struct {
		name    string
		maxReq  int
		wantIDs []string // request ids whose lines must all be present
		notIDs  []string
	}{
		{"all failing requests and the linked invocation", 10, []string{bad1, bad2, lam}, []string{ok}},
		{"newest failing request first", 1, []string{bad2}, []string{ok, bad1, lam}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := selectEvidence(evs, tt.maxReq)
			var ids []string
			for i, e := range got {
				ids = append(ids, requestID(e.Message))
				if i > 0 && e.Time.Before(got[i-1].Time) {
					t.Errorf("events out of order at %d", i)
				}
			}
			for _, id := range tt.wantIDs {
				for _, e := range evs {
					if requestID(e.Message) == id && !slices.Contains(got, e) {
						t.Errorf("missing line of %s: %q", id, e.Message)
					}
				}
			}
			for _, id := range tt.notIDs {
				if slices.Contains(ids, id) {
					t.Errorf("kept lines of %s", id)
				}
			}
			if !slices.Contains(got, evs[8]) {
				t.Error("dropped the failure line without a request id")
			}
		})
	}
}
