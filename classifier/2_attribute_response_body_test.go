package classifier

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// errObject is a Node.js function's standard Lambda error, as the API
// Gateway developer guide's "Handle Lambda errors in API Gateway" prints it.
const errObject = `{"errorMessage":"Malformed input ...","errorType":"Error","stackTrace":["exports.handler (/var/task/index.js:3:14)"]}`

// errObjectPretty is the same object as the consoles print it.
const errObjectPretty = "{\n  \"errorMessage\": \"Malformed input ...\",\n  \"errorType\": \"Error\",\n  \"stackTrace\": [\n    \"exports.handler (/var/task/index.js:3:14)\"\n  ]\n}"

// The function's error object is read by where it was printed. What a
// client or the method response got is a custom (non-proxy) integration
// answering the failure with 200 (the developer guide's "Handle Lambda
// errors in API Gateway": unmapped errors come back as 200 OK); a Lambda
// proxy integration never passes the object on, it answers 502 with the
// gateway's own body. What the function's log, the Lambda console or the
// Lambda CLI printed is the function's error, and no word on the answer.
func TestFunctionErrorObjectByWhereItWasPrinted(t *testing.T) {
	checkWordings(t, []wording{
		// curl -i: the status line and the body the client got
		{"curl -i body with 200", "$ curl -i https://abc123.execute-api.us-east-1.amazonaws.com/prod/items\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n" + errObject,
			"lambda_error_masked_as_200", "none"},
		// curl without -i prints the body alone after its command
		{"curl body alone", "$ curl https://abc123.execute-api.us-east-1.amazonaws.com/prod/items\n" + errObject,
			"lambda_error_masked_as_200", "none"},
		// the API Gateway console's method test: Status, then Response Body
		{"console test with status", "Request: /items\nStatus: 200\nLatency: 37 ms\nResponse Body\n" + errObjectPretty + "\nResponse Headers\n{\"Content-Type\":\"application/json\"}",
			"lambda_error_masked_as_200", "none"},
		{"console test body alone", "Response Body\n" + errObjectPretty,
			"lambda_error_masked_as_200", "none"},
		// Lambda's own error when it ended the function (the timeout example
		// of the API Gateway guide's "Handle Lambda errors in API Gateway"),
		// as the body the console test got
		{"console test timeout body", "Response Body\n" + `{"errorMessage":"2019-10-17T23:48:34.123Z c125f451-6e58-4eaf-910c-8bcb03f18f2e Task timed out after 6.01 seconds"}`,
			"lambda_error_masked_as_200", "none"},
		// aws apigateway test-invoke-method: the method's status and body,
		// and the test request's execution log as one string
		{"test-invoke-method 200", "{\n    \"status\": 200,\n    \"body\": " + strconv.Quote(errObject) + ",\n    \"headers\": {\"Content-Type\": \"application/json\"},\n    \"latency\": 37\n}",
			"lambda_error_masked_as_200", "none"},
		{"test-invoke-method 502", `{"status": 502, "body": "{\"message\": \"Internal server error\"}", "log": "Execution log for request 7a5a9c4e-2f36-4f84-8f13-7f0b1e3d8a11\nThu Oct 17 23:48:34 UTC 2019 : Lambda execution failed with status 200 due to customer function error: Malformed input ....\nThu Oct 17 23:48:34 UTC 2019 : Method completed with status: 502\n", "latency": 37}`,
			"lambda_function_error", "502"},
		// a body of the function's own words is no error object, in
		// test-invoke-method's output as in the execution log: its 200
		// alone is what curl's "HTTP/1.1 200 OK" alone is
		{"test-invoke-method 200 with the function's own error body", `{"status": 200, "body": "{\"error\": \"Task timed out after 6.01 seconds\"}", "latency": 37}`,
			"unknown", "unknown"},
		// an object with a status and a body alone is no test-invoke-method
		// output (a function's own return value, a framework's response
		// object): the TestInvokeMethod answer also has its latency and log
		{"a bare status and body", `{"status": 403, "body": "{\"message\": \"not allowed\"}"}`,
			"unknown", "unknown"},
		{"a bare status and body with headers", `{"status": 403, "body": "not allowed", "headers": {"Content-Type": "text/plain"}}`,
			"unknown", "unknown"},
		{"a bare status and the function's error as body", `{"status": 200, "body": ` + strconv.Quote(errObject) + `}`,
			"lambda_function_error", "unknown"},
		// a status no HTTP answer has is no test-invoke-method output
		{"test-invoke-method status out of range", `{"status": 99999, "body": "{}"}`,
			"unknown", "unknown"},
		{"test-invoke-method status 5", `{"status": 5, "body": "{}"}`,
			"unknown", "unknown"},
		// the execution log's method response is what the client got
		{"method response body", "(c125f451-6e58-4eaf-910c-8bcb03f18f2e) Method response body after transformations: " + errObject,
			"lambda_error_masked_as_200", "none"},
		{"endpoint body then method completed 200", "(c125f451-6e58-4eaf-910c-8bcb03f18f2e) Endpoint response body before transformations: " + errObject + "\n(c125f451-6e58-4eaf-910c-8bcb03f18f2e) Method completed with status: 200",
			"lambda_error_masked_as_200", "none"},
		{"X-Amz-Function-Error then method completed 200", "(c125f451-6e58-4eaf-910c-8bcb03f18f2e) Endpoint response headers: {Content-Type=application/json, X-Amz-Function-Error=Unhandled, X-Amz-Executed-Version=$LATEST}\n(c125f451-6e58-4eaf-910c-8bcb03f18f2e) Method completed with status: 200",
			"lambda_error_masked_as_200", "none"},
		// an integration response whose selectionPattern matched: the
		// status it maps to is the answer
		{"mapped to 400", "(c125f451-6e58-4eaf-910c-8bcb03f18f2e) Method response body after transformations: " + errObject + "\n(c125f451-6e58-4eaf-910c-8bcb03f18f2e) Method completed with status: 400",
			"not_5xx", "none"},
		{"mapped to 500", "(c125f451-6e58-4eaf-910c-8bcb03f18f2e) Method response body after transformations: " + errObject + "\n(c125f451-6e58-4eaf-910c-8bcb03f18f2e) Method completed with status: 500",
			"lambda_function_error", "500"},
		// the endpoint's answer alone: a proxy integration logs the same
		// body before answering 502, so it does not say what the client got
		{"endpoint body alone", "(c125f451-6e58-4eaf-910c-8bcb03f18f2e) Endpoint response body before transformations: " + errObject,
			"lambda_function_error", "unknown"},
		// a Lambda proxy integration: the gateway's 502, whatever the
		// "status 200" of the Invoke API in its words
		{"proxy integration 502", "(c125f451-6e58-4eaf-910c-8bcb03f18f2e) Lambda execution failed with status 200 due to customer function error: Malformed input .... Lambda request id: 5c0ab3f4-1f8b-4a4c-9d36-7e0c0e1d2c1a\n(c125f451-6e58-4eaf-910c-8bcb03f18f2e) Method completed with status: 502",
			"lambda_function_error", "502"},
		// the Lambda console's test: the function's result, not a client's
		{"Lambda console test", "Execution result: failed (logs)\nDetails\nThe area below shows the result returned by your function execution.\nResponse\n" + errObjectPretty,
			"lambda_function_error", "unknown"},
		// aws lambda invoke: the Invoke API's 200 and FunctionError, then
		// the payload it wrote
		{"aws lambda invoke", "$ aws lambda invoke --function-name my-function out.json\n{\n    \"StatusCode\": 200,\n    \"FunctionError\": \"Unhandled\",\n    \"ExecutedVersion\": \"$LATEST\"\n}\n$ cat out.json\n" + errObject,
			"lambda_function_error", "unknown"},
		// sam local invoke prints the object after the platform's lines
		{"sam local invoke", "$ sam local invoke HelloWorldFunction\nInvoking app.lambda_handler (python3.9)\nSTART RequestId: 5c0ab3f4-1f8b-4a4c-9d36-7e0c0e1d2c1a Version: $LATEST\nEND RequestId: 5c0ab3f4-1f8b-4a4c-9d36-7e0c0e1d2c1a\nREPORT RequestId: 5c0ab3f4-1f8b-4a4c-9d36-7e0c0e1d2c1a\tDuration: 95.31 ms\tBilled Duration: 96 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB\n" + errObject,
			"lambda_function_error", "unknown"},
		// a client's body, then the function's log: the object is the
		// function's, after the platform's lines
		{"curl then the function's log", "$ curl https://abc123.execute-api.us-east-1.amazonaws.com/prod/items\n{\"items\": []}\nSTART RequestId: 5c0ab3f4-1f8b-4a4c-9d36-7e0c0e1d2c1a Version: $LATEST\nEND RequestId: 5c0ab3f4-1f8b-4a4c-9d36-7e0c0e1d2c1a\n" + errObject,
			"lambda_function_error", "unknown"},
		// the function's log pasted under the curl command whose output
		// is missing: the failure a proxy integration answers with 502,
		// not a body the client got
		{"curl then a Python traceback", "$ curl https://abc123.execute-api.us-east-1.amazonaws.com/prod/items\n[ERROR] KeyError: 'body'\nTraceback (most recent call last):\n  File \"/var/task/app.py\", line 5, in handler",
			"lambda_function_error", "unknown"},
		{"curl then the Node.js runtime's line", "curl -X POST https://abc123.execute-api.us-east-1.amazonaws.com/prod/items\nERROR Invoke Error {\"errorType\":\"TypeError\",\"errorMessage\":\"Cannot read properties of undefined (reading 'id')\"}",
			"lambda_function_error", "unknown"},
		{"curl then a runtime's error text", "curl https://abc123.execute-api.us-east-1.amazonaws.com/prod/items\nRuntime.ImportModuleError: Error: Cannot find module 'index'",
			"lambda_handler_misconfigured", "unknown"},
		// a block's end (a blank line, a code fence) after curl's output
		// ends what that client got: an object in the next block is
		// another paste, as the function's log or the Lambda console's
		// test prints it; a break straight under the command or the
		// console's heading does not (the body has not come yet)
		{"curl's output, a blank line, then the object", "$ curl https://abc123.execute-api.us-east-1.amazonaws.com/prod/health\n{\"status\":\"ok\"}\n\n" + errObject,
			"lambda_function_error", "unknown"},
		{"curl's output in its own block, then the object's", "```\n$ curl https://abc123.execute-api.us-east-1.amazonaws.com/prod/health\n{\"status\":\"ok\"}\n```\n```\n" + errObjectPretty + "\n```",
			"lambda_function_error", "unknown"},
		{"curl, a blank line, then its body", "$ curl https://abc123.execute-api.us-east-1.amazonaws.com/prod/items\n\n" + errObject,
			"lambda_error_masked_as_200", "none"},
		{"console heading, a blank line, then its body", "Response Body\n\n" + errObjectPretty,
			"lambda_error_masked_as_200", "none"},
		{"curl -i, headers, a blank line, then its body", "$ curl -i https://abc123.execute-api.us-east-1.amazonaws.com/prod/items\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n" + errObjectPretty,
			"lambda_error_masked_as_200", "none"},
		// lines without ids are of several requests: another request's
		// success in a block of its own is no answer to the failure the
		// next block shows, whichever client printed it
		{"httpie's 200 in its own block", "```\n$ http GET https://abc123.execute-api.us-east-1.amazonaws.com/prod/users/42\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"id\": \"42\"}\n```\n\n```\n[ERROR] KeyError: 'body'\n```",
			"lambda_function_error", "unknown"},
		{"requests' 200 for another route", ">>> requests.get(\"https://abc123.execute-api.us-east-1.amazonaws.com/prod/health\")\n<Response [200]>\n\n" + errObject,
			"lambda_function_error", "unknown"},
		{"a person's word for the failure beside another route's 200", "The orders function times out.\n\n>>> r = requests.get(\"https://abc123.execute-api.us-east-1.amazonaws.com/prod/health\")\n>>> r\n<Response [200]>",
			"lambda_function_timeout", "unknown"},
		{"postman's pane for another route", "Status: 200 OK   Time: 187 ms   Size: 642 B\n\n[ERROR] KeyError: 'body'",
			"lambda_function_error", "unknown"},
		{"firefox's request line for another route", "XHRGET https://abc123.execute-api.us-east-1.amazonaws.com/prod/me [HTTP/2 200 OK 154ms]\n\n[ERROR] KeyError: 'body'",
			"lambda_function_error", "unknown"},
		// a HAR file the browser saved: an entry's "status" is its record
		// of that request, a program's line, not a person's word that the
		// failing request was answered so
		{"a HAR entry's 200 for another route", harEntry("health", 200, "OK") + "\n\n[ERROR] KeyError: 'body'",
			"lambda_function_error", "unknown"},
		{"a HAR entry's 200, then the error object", harEntry("health", 200, "OK") + "\n\n" + errObject,
			"lambda_function_error", "unknown"},
		{"a HAR entry's 502", harEntry("orders", 502, "Bad Gateway"), "unknown", "502"},
		{"a HAR entry's 403", harEntry("orders", 403, "Forbidden"), "not_5xx", "none"},
		{"firefox's source map error", "Source map error: Error: request failed with status 404\nResource URL: http://localhost:3000/static/js/main.chunk.js\n\n[ERROR] KeyError: 'body'",
			"lambda_function_error", "unknown"},
		{"a person's refusal, then a program's 200 for another route", "Every call to /orders answers 403 Forbidden.\n\nStatus: 200 OK   Time: 187 ms   Size: 642 B",
			"not_5xx", "none"},
		{"a program's refusal, then another's 200", "$ wscat -c wss://abc123.execute-api.us-east-1.amazonaws.com/prod\nerror: Unexpected server response: 401\n\nHTTP/2 200",
			"not_5xx", "none"},
		// and in the other order: the status line's 2xx first does not keep
		// the code a later client or person gives the failing request, nor
		// answer for a cause no 2xx answers
		{"another's 200, then a program's refusal", "$ curl -i https://abc123.execute-api.us-east-1.amazonaws.com/prod/health\nHTTP/2 200\n\n{\"status\":\"ok\"}\n\n$ wscat -c wss://abc123.execute-api.us-east-1.amazonaws.com/prod\nerror: Unexpected server response: 401",
			"not_5xx", "none"},
		{"another's 200, then a person's 504", "$ curl -i https://abc123.execute-api.us-east-1.amazonaws.com/prod/health\nHTTP/2 200\n\n{\"status\":\"ok\"}\n\nEvery call to /orders takes 29 seconds and then answers 504.",
			"integration_timeout", "504"},
		// the same 2xx shown again in a later block ties it there: the
		// first block's was another route's
		{"another's 200, then postman's 200 over the error", "Status: 200 OK   Time: 87 ms   Size: 42 B\n\nStatus: 200 OK   Time: 187 ms   Size: 642 B\n[ERROR] KeyError: 'body'",
			"lambda_error_masked_as_200", "none"},
		{"another's 200, then curl -i's 200 over the error", "$ curl -i https://abc123.execute-api.us-east-1.amazonaws.com/prod/health\nHTTP/2 200\n\n{\"status\":\"ok\"}\n\n$ curl -i https://abc123.execute-api.us-east-1.amazonaws.com/prod/items\nHTTP/2 200\ncontent-type: application/json\n\n[ERROR] KeyError: 'body'",
			"lambda_error_masked_as_200", "none"},
		{"a person's timeout, then another's 200", "Our /orders route hits the 29 second integration timeout on every call.\n\n$ curl -i https://abc123.execute-api.us-east-1.amazonaws.com/prod/health\nHTTP/2 200\n\n{\"status\":\"ok\"}",
			"integration_timeout", "unknown"},
		// the function's own log (the Node.js runtime's Invoke Error)
		{"function log", "2019-10-17T23:48:34.123Z\tc125f451-6e58-4eaf-910c-8bcb03f18f2e\tERROR\tInvoke Error \t{\"errorType\":\"Error\",\"errorMessage\":\"Malformed input ...\",\"stack\":[\"Error: Malformed input ...\",\"    at Runtime.exports.handler (/var/task/index.js:3:14)\"]}",
			"lambda_function_error", "unknown"},
		// a 5xx shown anywhere is never an all-clear
		{"error body beside a 502", "$ curl -i https://abc123.execute-api.us-east-1.amazonaws.com/prod/items\nHTTP/1.1 200 OK\n" + errObject + "\n$ curl -i https://abc123.execute-api.us-east-1.amazonaws.com/prod/orders\nHTTP/1.1 502 Bad Gateway\n{\"message\": \"Internal server error\"}",
			"lambda_function_error", "502"},
		{"console body beside a 502", "Response Body\n" + errObjectPretty + "\nHTTP/1.1 502 Bad Gateway",
			"lambda_function_error", "502"},
		// a person's words, at hint weight
		{"person: 200 although the function failed", "My API returns 200 even though the Lambda failed.",
			"lambda_error_masked_as_200", "none"},
		{"person: 200 with the error message", "API Gateway returns 200 with the error message when my lambda throws an exception.",
			"lambda_error_masked_as_200", "none"},
		// the same in the other languages of the remediation catalog
		{"person pt", "A API retorna 200 mesmo quando a Lambda falha.", "lambda_error_masked_as_200", "none"},
		{"person pt reversed", "Mesmo quando a função Lambda lança um erro, o API Gateway retorna status 200.", "lambda_error_masked_as_200", "none"},
		{"person ja", "Lambdaでエラーが発生してもステータスコード200が返ってきます。", "lambda_error_masked_as_200", "none"},
		{"person zh-TW", "Lambda 發生錯誤時 API Gateway 仍然回傳 200。", "lambda_error_masked_as_200", "none"},
		{"person zh-CN", "Lambda 函数出错时 API Gateway 仍然返回 200。", "lambda_error_masked_as_200", "none"},
		// a 5xx they got is no all-clear
		{"person pt 502", "Mesmo quando a função Lambda lança um erro, o API Gateway retorna status 502.", "unknown", "502"},
	})
}

// A body alone shows no status: the masked answer it gives stays below
// the confident band, however specific the object's words (Lambda's
// timeout), while the same body under curl's status line may reach it.
func TestMaskedBodyWithoutStatusLine(t *testing.T) {
	timeout := `{"errorMessage":"2019-10-17T23:48:34.123Z c125f451-6e58-4eaf-910c-8bcb03f18f2e Task timed out after 6.01 seconds"}`
	alone := diagnoseText(t, "Response Body\n"+timeout)
	shown := diagnoseText(t, "$ curl -i https://abc123.execute-api.us-east-1.amazonaws.com/prod/items\nHTTP/1.1 200 OK\n"+timeout)
	for _, d := range []Diagnosis{alone, shown} {
		if d.Cause != CauseLambdaErrorMaskedAs200 || d.Status != StatusNone {
			t.Fatalf("got %s/%s, want none/lambda_error_masked_as_200", d.Status, d.Cause)
		}
	}
	if !strings.Contains(alone.Why, "no line shows the status") || strings.Contains(shown.Why, "no line shows the status") {
		t.Errorf("why: body alone %q, under a status line %q; only the first lacks a status line", alone.Why, shown.Why)
	}
	if alone.Confidence >= confident || shown.Confidence < confident {
		t.Errorf("confidence: body alone %.2f, under a status line %.2f; want below and at least %.2f", alone.Confidence, shown.Confidence, confident)
	}
}

// harEntry is one entry of a HAR file as Chrome's "Save all as HAR" writes
// it (HAR 1.2: log, creator, entries; an entry's request, then its
// response opening with status and statusText), fenced as people paste it.
func harEntry(route string, status int, text string) string {
	return fmt.Sprintf("```json\n{\n  \"log\": {\n    \"version\": \"1.2\",\n    \"creator\": {\"name\": \"WebInspector\", \"version\": \"537.36\"},\n    \"entries\": [\n      {\n        \"request\": {\n          \"method\": \"GET\",\n          \"url\": \"https://abc123defg.execute-api.us-east-1.amazonaws.com/prod/%s\",\n          \"httpVersion\": \"HTTP/1.1\"\n        },\n        \"response\": {\n          \"status\": %d,\n          \"statusText\": \"%s\",\n          \"httpVersion\": \"HTTP/1.1\",\n          \"headers\": [\n            {\"name\": \"content-type\", \"value\": \"application/json\"}\n          ],\n          \"content\": {\"size\": 15, \"mimeType\": \"application/json\"}\n        },\n        \"time\": 84.2\n      }\n    ]\n  }\n}\n```", route, status, text)
}
