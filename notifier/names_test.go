package notifier

import (
	"strings"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"

	"github.com/apigw-triage/apigw-triage/classifier"
)

func TestViewFillsNamesTheDaemonKnows(t *testing.T) {
	inc := Snapshot{
		Identity:  stage.New("111122223333", "eu-west-1", stage.APIREST, "a1b2c3d4e5", "orders", "prod"),
		LogGroups: []string{"API-Gateway-Execution-Logs_a1b2c3d4e5/prod", "/aws/lambda/orders-fn"},
		Routes:    []stage.RouteFigures{{Route: "POST /orders", Errors5xx: 9, Requests: 10}},
		Diagnosis: classifier.Diagnosis{Cause: classifier.CauseLambdaInvokePermission, Status: classifier.Status500},
	}
	steps := strings.Join(NewView(Event{Kind: KindOpened, At: time.Now(), Snapshot: inc}, classifier.LangEN).Steps, "\n")
	checkContains(t, "steps", steps, "--function-name orders-fn", "arn:aws:execute-api:eu-west-1:111122223333:a1b2c3d4e5/*")
	for _, placeholder := range []string{"FUNCTION_NAME", "REGION", "ACCOUNT_ID", "API_ID"} {
		if strings.Contains(steps, placeholder) {
			t.Errorf("steps keep %s:\n%s", placeholder, steps)
		}
	}
}

// TestNamesResourceAndAccount: the failing method's resource id fills
// RESOURCE_ID, and only a real account id fills ACCOUNT_ID ("default", the
// name of unnamed ambient credentials, would make a broken ARN).
func TestNamesResourceAndAccount(t *testing.T) {
	inc := Snapshot{Identity: stage.New("123456789012", "us-east-1", stage.APIREST, "a1", "orders", "prod"),
		Scope: stage.EvidenceScope{Method: "GET", Resource: "/items/{id}", ResourceID: "x7k2p9"}}
	n := Names(inc)
	if n.ResourceID != "x7k2p9" || n.HTTPMethod != "GET" || n.AccountID != "123456789012" {
		t.Errorf("got resource %q method %q account %q", n.ResourceID, n.HTTPMethod, n.AccountID)
	}
	inc.Account = "default"
	if n := Names(inc); n.AccountID != "" {
		t.Errorf("account %q filled from a name", n.AccountID)
	}
	adv := classifier.Advice{Steps: []string{"`aws apigateway get-integration --rest-api-id REST_API_ID --resource-id RESOURCE_ID --http-method METHOD`"}}
	got := adv.Fill(Names(inc)).Steps[0]
	if want := "`aws apigateway get-integration --rest-api-id a1 --resource-id x7k2p9 --http-method GET`"; got != want {
		t.Errorf("filled %s, want %s", got, want)
	}
}

func TestNames(t *testing.T) {
	tests := []struct {
		name       string
		inc        Snapshot
		fn, method string
		route      string
	}{
		{"one function", Snapshot{LogGroups: []string{"/aws/lambda/a", "/aws/apigateway/x/access"}}, "a", "", ""},
		{"the same function twice", Snapshot{LogGroups: []string{"/aws/lambda/a", "/aws/lambda/a"}}, "a", "", ""},
		{"two functions: no guess", Snapshot{LogGroups: []string{"/aws/lambda/a", "/aws/lambda/b"}}, "", "", ""},
		{"REST method of the worst route", Snapshot{Identity: stage.Identity{APIType: stage.APIREST}, Routes: []stage.RouteFigures{{Route: "GET /items/{id}"}}}, "", "GET", ""},
		{"HTTP route key", Snapshot{Identity: stage.Identity{APIType: stage.APIHTTP}, Routes: []stage.RouteFigures{{Route: "GET /items"}}}, "", "", "GET /items"},
		{"the logs' failing method before the metrics' worst route", Snapshot{Identity: stage.Identity{APIType: stage.APIREST},
			Scope: stage.EvidenceScope{Method: "POST", Resource: "/items", ResourceID: "r1"}, Routes: []stage.RouteFigures{{Route: "GET /items/{id}"}}}, "", "POST", ""},
		{"the logs' route key", Snapshot{Identity: stage.Identity{APIType: stage.APIHTTP}, Scope: stage.EvidenceScope{Route: "$default"}}, "", "", "$default"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := Names(tt.inc)
			if n.FunctionName != tt.fn || n.HTTPMethod != tt.method || n.Route != tt.route {
				t.Errorf("got function %q method %q route %q", n.FunctionName, n.HTTPMethod, n.Route)
			}
		})
	}
}

// TestResolvedViewKeepsPeakAndFix: a resolution shows the worst window's
// figures under their window, how long it lasted, and the fix.
func TestResolvedViewKeepsPeakAndFix(t *testing.T) {
	t0 := time.Date(2026, 3, 10, 14, 0, 0, 0, time.UTC)
	inc := Snapshot{
		Identity: stage.New("111122223333", "eu-west-1", stage.APIREST, "a1b2c3d4e5", "orders", "prod"),
		OpenedAt: t0, ResolvedAt: t0.Add(17 * time.Minute),
		Figures: stage.Figures{WindowStart: t0.Add(14 * time.Minute), WindowEnd: t0.Add(17 * time.Minute), Requests: 90},
		Peak: stage.Figures{WindowStart: t0.Add(3 * time.Minute), WindowEnd: t0.Add(6 * time.Minute),
			ErrorRate: 0.85, Errors5xx: 85, Requests: 100, Latency: 240 * time.Millisecond},
		Diagnosis: classifier.Diagnosis{Cause: classifier.CauseLambdaInvokePermission, Status: classifier.Status500},
	}
	text := PlainText(NewView(Event{Kind: KindResolved, At: inc.ResolvedAt, Snapshot: inc}, classifier.LangEN))
	checkContains(t, "resolution", text, "Error rate:          85.0% (Worst window: 3m to 14:06 UTC)",
		"5xx responses:       85 of 100 requests (Worst window: 3m to 14:06 UTC)", "p99 latency:         240ms (Worst window: 3m to 14:06 UTC)",
		"Open for:            17m", "What to do:", "aws lambda get-policy --function-name")
}
