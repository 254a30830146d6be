package classifier

import (
	"strings"
	"testing"

	"github.com/apigw-triage/apigw-triage/stage"
)

// TestAdviceForAPIUsesTheAPIsCLI checks every cause in every language: HTTP
// and WebSocket advice never tells to run `aws apigateway`, REST advice
// never `aws apigatewayv2`.
func TestAdviceForAPIUsesTheAPIsCLI(t *testing.T) {
	for _, lang := range Langs() {
		for _, c := range Causes() {
			for _, api := range []stage.APIType{stage.APIREST, stage.APIHTTP, stage.APIWebSocket} {
				a := Remediate(c, lang).ForAPI(api)
				for _, st := range a.Steps {
					v1, v2 := strings.Contains(st, "`aws apigateway "), strings.Contains(st, "`aws apigatewayv2 ")
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
