package notifier

import (
	"strings"
	"testing"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/stage"
)

// TestWebSocketViewCountsEvents: a WebSocket stage's errors are its
// integration and execution errors among connects and messages, not 5xx
// responses among requests, in every language; a REST incident keeps its
// 5xx wording.
func TestWebSocketViewCountsEvents(t *testing.T) {
	inc := Snapshot{Identity: stage.New("123456789012", "us-east-1", stage.APIWebSocket, "ws12345678", "chat", "production"),
		Figures:   stage.Figures{Errors5xx: 13, Requests: 40, ErrorRate: 0.325},
		Diagnosis: classifier.Diagnosis{Cause: classifier.CauseLambdaFunctionError, Status: classifier.Status502}}
	for _, lang := range classifier.Langs() {
		v := NewView(Event{Kind: KindOpened, Snapshot: inc}, lang)
		found := false
		for _, f := range v.Fields {
			if f.Label == Label(lang, LabelErrorsWS) && strings.HasPrefix(f.Value, strings.SplitN(Label(lang, LabelOfEvents), "%", 2)[0]+"13") {
				found = true
			}
			if f.Label == Label(lang, LabelErrors5xx) {
				t.Errorf("%s: a WebSocket incident counts 5xx responses: %v", lang, f)
			}
		}
		if !found {
			t.Errorf("%s: fields %v lack the WebSocket errors", lang, v.Fields)
		}
	}
	inc.Identity = stage.New("123456789012", "us-east-1", stage.APIREST, "abc1234567", "orders", "prod")
	v := NewView(Event{Kind: KindOpened, Snapshot: inc}, classifier.LangEN)
	if !strings.Contains(fieldsText(v), Label(classifier.LangEN, LabelErrors5xx)+": 13 of 40 requests") {
		t.Errorf("REST fields %v", v.Fields)
	}
}

func fieldsText(v View) string {
	var b strings.Builder
	for _, f := range v.Fields {
		b.WriteString(f.Label + ": " + f.Value + "\n")
	}
	return b.String()
}

// TestNamesTakeTheFailingRoutesTargets: a WebSocket API has a function and
// an integration per route; the commands name the failing route's, even
// when the evidence read the logs of several functions.
func TestNamesTakeTheFailingRoutesTargets(t *testing.T) {
	inc := Snapshot{Identity: stage.New("123456789012", "us-east-1", stage.APIWebSocket, "ws12345678", "chat", "production"),
		LogGroups: []string{"/aws/lambda/chat-connect", "/aws/lambda/chat-fn"}}
	if n := Names(inc); n.FunctionName != "" || n.IntegrationID != "" {
		t.Errorf("without a failing route: %+v (two functions, none to guess)", n)
	}
	inc.Scope = stage.EvidenceScope{Route: "$connect", IntegrationID: "int1234", Function: "chat-connect", AuthorizerID: "au12ab", AuthorizerFunction: "chat-auth"}
	n := Names(inc)
	if n.FunctionName != "chat-connect" || n.IntegrationID != "int1234" || n.Route != "$connect" || n.AuthorizerID != "au12ab" || n.AuthorizerFunction != "chat-auth" {
		t.Errorf("names %+v, want the $connect route's function, integration and authorizer", n)
	}
	steps := strings.Join(classifier.Remediate(classifier.CauseAuthorizerError, classifier.LangEN).ForAPI(stage.APIWebSocket).Fill(n).Steps, "\n")
	if !strings.Contains(steps, "--function-name chat-auth ") || strings.Contains(steps, "AUTHORIZER_FUNCTION") || strings.Contains(steps, "AUTHORIZER_ID") {
		t.Errorf("authorizer steps keep placeholders the daemon knows:\n%s", steps)
	}
}
