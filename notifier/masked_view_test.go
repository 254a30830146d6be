package notifier

import (
	"strings"
	"testing"

	"github.com/apigw-triage/apigw-triage/stage"

	"github.com/apigw-triage/apigw-triage/classifier"
)

// TestMaskedViewSaysClientsGot200: an incident of errors masked as 200
// shows the status the clients got and its own figure, in every language;
// a 5xx incident shows neither.
func TestMaskedViewSaysClientsGot200(t *testing.T) {
	inc := Snapshot{Identity: stage.Identity{APIName: "billing", Stage: "prod"}, Figures: stage.Figures{MaskedErrors: 23},
		Diagnosis: classifier.Diagnosis{Cause: classifier.CauseLambdaErrorMaskedAs200, Status: classifier.StatusNone}}
	for _, lang := range classifier.Langs() {
		v := NewView(Event{Kind: KindOpened, Snapshot: inc}, lang)
		if v.Status != "200" {
			t.Errorf("%s: status %q, want 200", lang, v.Status)
		}
		if !hasField(v, Label(lang, LabelMasked200), "23") {
			t.Errorf("%s: fields %v lack the masked errors", lang, v.Fields)
		}
	}
	if v := NewView(Event{Kind: KindOpened, Snapshot: inc}, classifier.LangEN); !strings.Contains(Label(classifier.LangEN, LabelMasked200), "clients got 200 OK with an error body") {
		t.Errorf("English label %q", Label(classifier.LangEN, LabelMasked200))
	} else if v.CauseID != "lambda_error_masked_as_200" {
		t.Errorf("cause %q", v.CauseID)
	}
	inc.MaskedErrors, inc.Diagnosis = 0, classifier.Diagnosis{Cause: classifier.CauseLambdaFunctionError, Status: classifier.Status502}
	v := NewView(Event{Kind: KindOpened, Snapshot: inc}, classifier.LangEN)
	if v.Status != "502" || hasField(v, Label(classifier.LangEN, LabelMasked200), "0") {
		t.Errorf("a 502 incident: status %q, fields %v", v.Status, v.Fields)
	}
}

func hasField(v View, label, value string) bool {
	for _, f := range v.Fields {
		if f.Label == label && f.Value == value {
			return true
		}
	}
	return false
}

// TestViewCommandsFitTheAPI: an HTTP API incident's steps carry no REST
// command; the same cause on a REST API keeps them.
func TestViewCommandsFitTheAPI(t *testing.T) {
	d := classifier.Diagnosis{Cause: classifier.CauseIntegrationTimeout, Status: classifier.Status503}
	for _, lang := range classifier.Langs() {
		http := NewView(Event{Kind: KindOpened, Snapshot: Snapshot{Identity: stage.Identity{APIType: stage.APIHTTP, APIID: "h1", Stage: "$default", IntegrationID: "k2x9z1q"}, Diagnosis: d}}, lang)
		rest := NewView(Event{Kind: KindOpened, Snapshot: Snapshot{Identity: stage.Identity{APIType: stage.APIREST, APIID: "r1", Stage: "prod"}, Diagnosis: d}}, lang)
		all := strings.Join(http.Steps, "\n")
		if strings.Contains(all, "aws apigateway ") || strings.Contains(all, "--rest-api-id") {
			t.Errorf("%s: HTTP API steps carry a REST command:\n%s", lang, all)
		}
		if !strings.Contains(all, "aws apigatewayv2 ") || !strings.Contains(all, "--integration-id k2x9z1q") || strings.Contains(all, "INTEGRATION_ID") {
			t.Errorf("%s: HTTP API steps lack an apigatewayv2 command naming the integration:\n%s", lang, all)
		}
		if !strings.Contains(strings.Join(rest.Steps, "\n"), "--rest-api-id") {
			t.Errorf("%s: REST steps lost their commands", lang)
		}
	}
}
