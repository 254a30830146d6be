package classifier

import (
	"strings"
	"testing"
)

// localBody is an answer a client printed, with no word of where it ran.
const localBody = "HTTP/1.1 502 Bad Gateway\n{\"message\": \"Internal server error\"}"

// A local emulator's answer shows no status of the deployed API; its
// cause stays. Evidence that places the failure on a deployed API keeps
// the status it shows.
func TestLocalEmulatorAnswersShowNoStatus(t *testing.T) {
	checkWordingsAnd(t, []wording{
		// (the forms of sam-cli's issues: a body start-api answered, its
		// own refusal and request log)
		{"start-api body", "I am trying to get the simplest python function working in sam local start-api.\nNo matter what I do I get the response:\n{ \"message\": \"Internal server error\" }",
			"unknown", "unknown"},
		{"start-api refusal", "Invalid lambda response received: Invalid API Gateway Response Keys: {'base64Encoded'} in {'statusCode': 200, 'base64Encoded': False}\n127.0.0.1 - - [27/Sep/2020 10:31:22] \"POST /book HTTP/1.1\" 502 -",
			"lambda_malformed_proxy_response", "unknown"},
		{"serverless-offline 403", "Custom authorizers return 403 error with serverless-offline\n{\"statusCode\":403,\"error\":\"Forbidden\",\"message\":\"No principalId set on the Response\"}",
			"not_5xx", "unknown"},
	}, func(t *testing.T, d Diagnosis) {
		if !strings.Contains(d.Why, "is a local emulator's") || strings.Contains(d.Why, "The none") {
			t.Errorf("why does not say whose answer the status was: %s", d.Why)
		}
	})
	checkWordings(t, []wording{
		{"works locally", "It works locally with sam local start-api, but the deployed API answers 502 Bad Gateway.",
			"unknown", "502"},
		// the local run said to work in any word order and language: the
		// failure shown is the deployed API's; a clause that denies the
		// success, names the emulator's failure or only tries places nothing
		{"the local run works, the adverb first", "Locally with `sam local start-api` it works fine.\n" + localBody, "unknown", "502"},
		{"the local run works, ja", "ローカルでは sam local で正常に動きます。\n" + localBody, "unknown", "502"},
		{"the local run works, pt-BR", "Localmente com sam local funciona.\n" + localBody, "unknown", "502"},
		{"the emulator fails, the function works", "sam local start-api returns 502, the function works fine when invoked directly.\n" + localBody, "unknown", "unknown"},
		{"the local run does not work", "Locally it doesn't work either, with sam local start-api.\n" + localBody, "unknown", "unknown"},
		{"the local run does not work, ja", "ローカルの sam local でも動きません。\n" + localBody, "unknown", "unknown"},
		{"the local run does not work, pt-BR", "Localmente com sam local não funciona.\n" + localBody, "unknown", "unknown"},
		{"trying to get the local run working", "I am trying to get it working in sam local start-api.\n" + localBody, "unknown", "unknown"},
		{"execution log beside", "sam local start-api works.\nThu May 16 17:16:15 UTC 2019 : Execution failed due to configuration error: Malformed Lambda proxy response\nThu May 16 17:16:15 UTC 2019 : Method completed with status: 502",
			"lambda_malformed_proxy_response", "502"},
		{"an access log from a client's address", "10.0.0.7 - - [27/Sep/2020:10:31:22 +0000] \"POST /book HTTP/1.1\" 502 36 abc-123",
			"unknown", "502"},
		// (CloudWatch is an AWS account's, unless LocalStack emulates it)
		{"cloudwatch seen", "plugins:\n  - serverless-offline\nI can see in cloudwatch that the method is executed but it returns 404 not found.",
			"not_5xx", "none"},
		{"localstack's cloudwatch", "LocalStack runs the API; its cloudwatch logs show the method executed but it returns 404 not found.",
			"not_5xx", "unknown"},
	})
}
