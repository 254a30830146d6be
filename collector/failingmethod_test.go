package collector

import (
	"testing"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/stage"
)

func TestFailingMethod(t *testing.T) {
	rest := Stage{Identity: stage.Identity{APIType: stage.APIREST}, Resources: []stage.Resource{
		{ID: "root1", Path: "/"}, {ID: "items1", Path: "/items"}, {ID: "item1", Path: "/items/{id}"},
		{ID: "special", Path: "/items/special"}, {ID: "files1", Path: "/files/{proxy+}"},
	}}
	http := Stage{Identity: stage.Identity{APIType: stage.APIHTTP}}
	ev := func(msgs ...string) []classifier.LogEvent {
		out := make([]classifier.LogEvent, len(msgs))
		for i, m := range msgs {
			out[i] = classifier.LogEvent{Message: m}
		}
		return out
	}
	tests := []struct {
		name   string
		st     Stage
		events []classifier.LogEvent
		want   stage.EvidenceScope
	}{
		{"execution log path matched to its template", rest, ev(
			"(r1) HTTP Method: GET, Resource Path: /items/42", "(r1) Method completed with status: 502",
			"(r2) HTTP Method: GET, Resource Path: /items/43", "(r3) HTTP Method: POST, Resource Path: /items"),
			stage.EvidenceScope{Method: "GET", Resource: "/items/{id}", ResourceID: "item1"}},
		{"a literal segment beats a variable one", rest, ev("(r1) HTTP Method: GET, Resource Path: /items/special"),
			stage.EvidenceScope{Method: "GET", Resource: "/items/special", ResourceID: "special"}},
		{"greedy path", rest, ev("(r1) HTTP Method: PUT, Resource Path: /files/a/b.txt"),
			stage.EvidenceScope{Method: "PUT", Resource: "/files/{proxy+}", ResourceID: "files1"}},
		{"JSON access log, one count per request", rest, ev(
			`{"requestId":"a","httpMethod":"POST","resourcePath":"/items","status":"502"}`,
			`{"requestId":"b","httpMethod":"GET","resourcePath":"/items/{id}","status":"502"}`,
			`{"requestId":"c","httpMethod":"GET","resourcePath":"/items/{id}","status":"502"}`,
			"(a) HTTP Method: POST, Resource Path: /items"),
			stage.EvidenceScope{Method: "GET", Resource: "/items/{id}", ResourceID: "item1"}},
		{"CLF access log", rest, ev(`198.51.100.1 - - [01/Dec/2026:21:02:35 +0000] "POST /items HTTP/1.1" 500 36 8f668147-5ed7-4ee0-853a-cde7ded68d9a boom`),
			stage.EvidenceScope{Method: "POST", Resource: "/items", ResourceID: "items1"}},
		{"unknown path keeps the path, no id", rest, ev("(r1) HTTP Method: GET, Resource Path: /nowhere/x"),
			stage.EvidenceScope{Method: "GET", Resource: "/nowhere/x"}},
		{"HTTP API route key", http, ev(`{"requestId":"a","httpMethod":"GET","routeKey":"GET /items","status":"500"}`),
			stage.EvidenceScope{Route: "GET /items"}},
		{"nothing names a method", rest, ev("(r1) Execution failed due to configuration error: Invalid permissions on Lambda function"),
			stage.EvidenceScope{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := failingMethod(tt.st, tt.events); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}
