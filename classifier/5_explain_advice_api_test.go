package classifier

import (
	"strings"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"
)

// TestAdviceForAPIUsesTheAPIsCLI checks every cause in every language: HTTP
// and WebSocket advice never tells to run `aws apigateway`, REST advice
// never `aws apigatewayv2`. The one exception is the account's CloudWatch
// Logs role, which `aws apigateway update-account` sets for the REST and
// WebSocket stages that write execution logs alike.
func TestAdviceForAPIUsesTheAPIsCLI(t *testing.T) {
	for _, lang := range Langs() {
		for _, c := range Causes() {
			for _, api := range []stage.APIType{stage.APIREST, stage.APIHTTP, stage.APIWebSocket} {
				a := Remediate(c, lang).ForAPI(api)
				for _, st := range a.Steps {
					v1, v2 := strings.Contains(st, "`aws apigateway "), strings.Contains(st, "`aws apigatewayv2 ")
					if api == stage.APIWebSocket && strings.Contains(st, "`aws apigateway update-account ") {
						v1 = false
					}
					if (api == stage.APIREST && v2) || (api != stage.APIREST && v1) {
						t.Errorf("%s %s %s: step uses the other API's CLI: %s", lang, c, api, st)
					}
				}
			}
		}
	}
}

func TestAdviceForHTTPAPIRedeploysWithV2AndSaysDefaultAutoDeploys(t *testing.T) {
	a := Remediate(CauseIntegrationMethodNotPost, LangEN).ForAPI(stage.APIHTTP)
	joined := strings.Join(a.Steps, "\n")
	if !strings.Contains(joined, "aws apigatewayv2 update-integration --api-id API_ID --integration-id INTEGRATION_ID --integration-method POST") {
		t.Errorf("no apigatewayv2 fix in:\n%s", joined)
	}
	if rest := Remediate(CauseIntegrationMethodNotPost, LangEN).ForAPI(stage.APIREST); len(rest.Steps) == 0 {
		t.Fatal("REST advice lost its steps")
	}
	if !strings.Contains(Remediate(CauseStageVariableUnresolved, LangJA).ForAPI(stage.APIREST).Steps[0], "aws apigateway get-integration") {
		t.Error("REST advice changed its commands")
	}
}

// TestAdviceForWebSocketTurnsOnItsExecutionLog: a WebSocket stage's
// execution logging is set in its default route settings, the steps are
// named for WebSocket APIs, and the HTTP API steps are left out.
func TestAdviceForWebSocketTurnsOnItsExecutionLog(t *testing.T) {
	for _, lang := range Langs() {
		a := Remediate(CauseUnknown, lang).ForAPI(stage.APIWebSocket)
		joined := strings.Join(a.Steps, "\n")
		if !strings.Contains(joined, "aws apigatewayv2 update-stage --api-id API_ID --stage-name STAGE --default-route-settings LoggingLevel=INFO") ||
			!strings.Contains(joined, "aws apigateway update-account") {
			t.Errorf("%s: no WebSocket logging steps in:\n%s", lang, joined)
		}
		if strings.Contains(joined, "HTTP API:") || strings.Contains(joined, "REST API:") || strings.Contains(joined, "API HTTP:") ||
			strings.Contains(joined, "API REST:") || strings.Contains(joined, "--access-log-settings") {
			t.Errorf("%s: another API type's steps in:\n%s", lang, joined)
		}
	}
	if http := strings.Join(Remediate(CauseUnknown, LangEN).ForAPI(stage.APIHTTP).Steps, "\n"); strings.Contains(http, "LoggingLevel") {
		t.Errorf("HTTP API advice turns on an execution log HTTP APIs do not have:\n%s", http)
	}
}

// TestWebSocketStepsOnlyForWebSocketAPIs: the catalog's "WebSocket API:"
// steps (close codes, the @connections API's refusals) reach WebSocket
// advice in every language, and no REST or HTTP API advice.
func TestWebSocketStepsOnlyForWebSocketAPIs(t *testing.T) {
	for _, c := range []Cause{CauseNot5xx, CauseLambdaFunctionError} {
		for _, lang := range Langs() {
			ws := strings.Join(Remediate(c, lang).ForAPI(stage.APIWebSocket).Steps, "\n")
			if !strings.Contains(ws, "WebSocket:") && !strings.Contains(ws, "WebSocket API:") {
				t.Errorf("%s %s: no WebSocket step in:\n%s", c, lang, ws)
			}
			for _, api := range []stage.APIType{stage.APIREST, stage.APIHTTP} {
				if other := strings.Join(Remediate(c, lang).ForAPI(api).Steps, "\n"); strings.Contains(other, "WebSocket") {
					t.Errorf("%s %s %s advice holds a WebSocket step:\n%s", c, lang, api, other)
				}
			}
		}
	}
}

// TestIntegrationTimeoutAdviceForEachAPIType: the step that changes an
// integration's timeout gives each API type its own limit, in every
// language, as the API Gateway quotas pages state them
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html):
// REST Regional and private APIs can go above 29 s after a quota increase,
// edge-optimized ones cannot; HTTP APIs stop at 30 s; WebSocket APIs at
// 29 s. Neither of the apigatewayv2 types is told it can raise its limit.
func TestIntegrationTimeoutAdviceForEachAPIType(t *testing.T) {
	tests := []struct {
		name    string
		api     stage.APIType
		command string // the step's command
		limit   string // the limit the step names
		other   string // a limit it must not name
	}{
		// API Gateway quotas for REST APIs: "Integration timeout for Regional
		// APIs ... 29 seconds ... Yes*"; edge-optimized "No".
		{"REST", stage.APIREST, "`aws apigateway update-integration ", "29", "30"},
		// Quotas for HTTP APIs: "Integration timeout 30 seconds ... No".
		{"HTTP", stage.APIHTTP, "`aws apigatewayv2 update-integration --api-id API_ID --integration-id INTEGRATION_ID --timeout-in-millis", "30", "29"},
		// Quotas for WebSocket APIs: "Integration timeout 29 seconds ... No".
		{"WebSocket", stage.APIWebSocket, "`aws apigatewayv2 update-integration --api-id API_ID --integration-id INTEGRATION_ID --timeout-in-millis", "29", "30"},
	}
	for _, tt := range tests {
		for _, lang := range Langs() {
			t.Run(tt.name+" "+string(lang), func(t *testing.T) {
				var found []string
				for _, st := range Remediate(CauseIntegrationTimeout, lang).ForAPI(tt.api).Steps {
					if strings.Contains(st, "timeoutInMillis") || strings.Contains(st, "--timeout-in-millis") {
						found = append(found, st)
					}
				}
				if len(found) != 1 {
					t.Fatalf("%d steps change the timeout, want 1: %q", len(found), found)
				}
				st := found[0]
				if !strings.Contains(st, tt.command) || !strings.Contains(st, tt.limit) || strings.Contains(st, tt.other) {
					t.Errorf("want %s with limit %s, not %s: %s", tt.command, tt.limit, tt.other, st)
				}
				if !hasAPILabel(st, tt.api) {
					t.Errorf("the step is not labelled for %s APIs alone: %s", tt.api, st)
				}
				if strings.Contains(st, "only:") || strings.Contains(st, "Somente") {
					t.Errorf("the catalog's REST-only mark reached the advice: %s", st)
				}
			})
		}
	}
}

// hasAPILabel reports whether step opens with the catalogs' label of the
// API type, in either of their forms.
func hasAPILabel(step string, api stage.APIType) bool {
	for _, p := range apiStepPrefixes {
		label := map[stage.APIType]string{stage.APIREST: p.rest, stage.APIHTTP: p.http, stage.APIWebSocket: p.ws}[api]
		if strings.HasPrefix(step, label) {
			return true
		}
	}
	return false
}

// TestTimeoutStepsForEachAPIType: the steps that speak of the integration
// timeout, integration_timeout's reading of IntegrationLatency and
// lambda_function_timeout's raise of the function's own timeout, name the
// timeout of the advice's API type, in every language, as the API Gateway
// quotas pages state them
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html):
// REST APIs 29 s by default (Regional and private ones may have raised it),
// HTTP APIs 30 s at most, WebSocket APIs 29 s at most. No API type is shown
// another's; a configured timeout (the stage's) replaces the step.
func TestTimeoutStepsForEachAPIType(t *testing.T) {
	causes := []struct {
		cause Cause
		mark  string // a word only the step holds
	}{
		{CauseIntegrationTimeout, "IntegrationLatency"},
		{CauseLambdaFunctionTimeout, "update-function-configuration"},
	}
	tests := []struct {
		name  string
		api   stage.APIType
		limit string // the timeout the step names
		other string // a timeout it must not name
	}{
		// Quotas for REST APIs: "Integration timeout ... 50 milliseconds -
		// 29 seconds ... Yes" for Regional and private APIs.
		{"REST", stage.APIREST, "29", "30"},
		// Quotas for HTTP APIs: "Integration timeout 30 seconds ... No".
		{"HTTP", stage.APIHTTP, "30", "29"},
		// Quotas for WebSocket APIs: "Integration timeout 29 seconds ... No".
		{"WebSocket", stage.APIWebSocket, "29", "30"},
	}
	for _, c := range causes {
		for _, tt := range tests {
			for _, lang := range Langs() {
				t.Run(c.cause.String()+" "+tt.name+" "+string(lang), func(t *testing.T) {
					adv := Remediate(c.cause, lang).ForAPI(tt.api)
					found := stepsWith(adv.Steps, c.mark)
					if len(found) != 1 {
						t.Fatalf("%d steps hold %s, want 1: %q", len(found), c.mark, found)
					}
					st := found[0]
					if !strings.Contains(st, tt.limit) || strings.Contains(st, tt.other) {
						t.Errorf("want the limit %s, not %s: %s", tt.limit, tt.other, st)
					}
					if !hasAPILabel(st, tt.api) {
						t.Errorf("the step is not labelled for %s APIs alone: %s", tt.api, st)
					}
					if strings.Contains(st, "only:") || strings.Contains(st, "Somente") {
						t.Errorf("the catalog's REST-only mark reached the advice: %s", st)
					}
					configured := stepsWith(adv.WithTimeout(c.cause, 5*time.Second).Steps, c.mark)
					if len(configured) != 1 || !strings.Contains(configured[0], "5 s") || strings.Contains(configured[0], tt.limit) {
						t.Errorf("a configured 5 s timeout: %q", configured)
					}
				})
			}
		}
	}
}

// stepsWith are the steps that hold mark.
func stepsWith(steps []string, mark string) []string {
	var out []string
	for _, st := range steps {
		if strings.Contains(st, mark) {
			out = append(out, st)
		}
	}
	return out
}

// TestAdviceActsOnAQuotedReasonFirst checks that an unknown cause whose
// reason the gateway quoted (here Lambda refusing to start a function) is
// advised to act on that reason, in every language, without the steps that
// turn on the execution log that quoted it; an unknown cause with no reason
// keeps the advice to turn the logs on.
func TestAdviceActsOnAQuotedReasonFirst(t *testing.T) {
	const refused = "(5a1c) Lambda invocation failed with status: 502. Lambda request id: 4e1\n" +
		"(5a1c) Execution failed due to configuration error: Lambda was unable to create an ENI in the VPC of the Lambda function because the limit for Network Interfaces has been reached.\n" +
		"(5a1c) Method completed with status: 500\n"
	const bare = "(5a1c) Method completed with status: 500\n"
	for _, lang := range Langs() {
		d := diagnoseIn(t, Hints{}, refused, lang)
		if d.Cause != CauseUnknown {
			t.Fatalf("%s: cause %s, want unknown with the reason quoted", lang, d.Cause)
		}
		if d.Remediation.Title != catalogNote(lang, noteUnknownReasonTitle) || len(d.Remediation.Steps) < 3 ||
			d.Remediation.Steps[1] != catalogNote(lang, noteUnknownReasonLambda) {
			t.Errorf("%s: advice does not act on the reason first: %q %q", lang, d.Remediation.Title, d.Remediation.Steps)
		}
		for _, st := range d.Remediation.Steps {
			if turnsOnLogging(st) {
				t.Errorf("%s: advice turns on the log that quoted the reason: %s", lang, st)
			}
		}
		d = diagnoseIn(t, Hints{}, bare, lang)
		if d.Remediation.Title != Remediate(CauseUnknown, lang).Title || len(stepsWith(d.Remediation.Steps, "update-stage")) == 0 {
			t.Errorf("%s: a bare 500 lost the advice to turn on logging: %q %q", lang, d.Remediation.Title, d.Remediation.Steps)
		}
	}
}
