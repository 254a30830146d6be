package classifier

import (
	"strings"
	"testing"
)

// wording is a message as a browser, a runtime, an SDK or the gateway
// words it in its documentation, with the diagnosis it must lead to.
type wording struct {
	name, text, cause, status string
}

func diagnoseText(t *testing.T, text string) Diagnosis {
	t.Helper()
	return diagnoseWith(t, Hints{}, text)
}

// diagnoseWith reads text in a session with the hints and diagnoses it in
// English.
func diagnoseWith(t *testing.T, h Hints, text string) Diagnosis {
	t.Helper()
	return diagnoseIn(t, h, text, LangEN)
}

// diagnoseIn reads text in a session with the hints and diagnoses it in
// lang.
func diagnoseIn(t *testing.T, h Hints, text string, lang Lang) Diagnosis {
	t.Helper()
	s := NewSession(h)
	if _, err := s.ReadFrom(strings.NewReader(text)); err != nil {
		t.Fatal(err)
	}
	return s.Diagnose(lang)
}

func checkWordings(t *testing.T, cases []wording) {
	t.Helper()
	checkWordingsAnd(t, cases, nil)
}

// checkWordingsAnd is checkWordings with one more check of each diagnosis
// (nil for none).
func checkWordingsAnd(t *testing.T, cases []wording, also func(*testing.T, Diagnosis)) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := diagnoseText(t, c.text)
			if d.Cause.String() != c.cause || d.Status.String() != c.status {
				t.Errorf("got %s/%s, want %s/%s (%s)", d.Status, d.Cause, c.status, c.cause, d.Why)
			}
			if also != nil {
				also(t, d)
			}
			// the same words quoted, as a reply quotes a report
			quoted := diagnoseText(t, "> "+strings.ReplaceAll(c.text, "\n", "\n> "))
			if quoted.Cause != d.Cause || quoted.Status != d.Status {
				t.Errorf("quoted: got %s/%s, unquoted %s/%s", quoted.Status, quoted.Cause, d.Status, d.Cause)
			}
		})
	}
}

// A browser's CORS refusal names no 5xx cause; it shows an answer below
// 500 only when it refuses headers the response carried, since the
// gateway's own 5xx answers carry none. The browser may show the status,
// or the evidence the failure whose response lacked the headers.
func TestCORSBlockWordings(t *testing.T) {
	checkWordings(t, []wording{
		{"chrome no header",
			"Access to fetch at 'https://abc123.execute-api.us-east-1.amazonaws.com/prod/items' from origin 'https://example.com' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
			"not_5xx", "unknown"},
		{"chrome origin mismatch",
			"Access to XMLHttpRequest at 'https://abc123.execute-api.us-east-1.amazonaws.com/v1/login' from origin 'https://example.com' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value 'http://localhost:3000' that is not equal to the supplied origin.",
			"not_5xx", "none"},
		{"firefox header missing",
			"Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://abc123.execute-api.us-east-1.amazonaws.com/prod/items. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing).",
			"not_5xx", "unknown"},
		// (the Knowledge Center's api-gateway-cors-errors, Spanish edition,
		// quotes Chrome's reason with the header's name in double quotes)
		{"chrome reason double-quoted",
			`aparece el error «No "Access-Control-Allow-Origin" header is present on the requested resource»`,
			"not_5xx", "unknown"},
		{"firefox reason double-quoted",
			`(Reason: CORS header "Access-Control-Allow-Origin" missing)`,
			"not_5xx", "unknown"},
		// (a response's own header is no refusal)
		{"the header in a response",
			"< access-control-allow-origin: *\n< x-amzn-requestid: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11",
			"unknown", "unknown"},
		{"safari",
			"Origin https://example.com is not allowed by Access-Control-Allow-Origin.",
			"not_5xx", "unknown"},
		{"firefox origin mismatch",
			"Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://abc123.execute-api.us-east-1.amazonaws.com/prod/items. (Reason: CORS header ‘Access-Control-Allow-Origin’ does not match ‘https://example.org’).",
			"not_5xx", "none"},
		{"chrome preflight headers refused",
			"Access to fetch at 'https://abc123.execute-api.us-east-1.amazonaws.com/prod/items' from origin 'https://example.com' has been blocked by CORS policy: Request header field authorization is not allowed by Access-Control-Allow-Headers in preflight response.",
			"not_5xx", "none"},
		{"chrome preflight method refused, quoted short",
			`fails CORS preflight: "Method PATCH is not allowed by Access-Control-Allow-Methods".`,
			"not_5xx", "none"},
		{"firefox preflight header refused",
			"Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://abc123.execute-api.us-east-1.amazonaws.com/dev/items. (Reason: header ‘x-tenant-id’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response).",
			"not_5xx", "none"},
		{"firefox preflight header refused, beside a 504",
			"(Reason: header 'x-tenant-id' is not allowed according to header 'Access-Control-Allow-Headers' from CORS preflight response).\nPOST https://abc123.execute-api.us-east-1.amazonaws.com/dev/items 504 (Gateway Timeout)",
			"integration_timeout", "504"},
		{"firefox shows the 502 it refused",
			"Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://abc123.execute-api.us-east-1.amazonaws.com/prod/items. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 502.",
			"unknown", "502"},
		{"chrome with the failed request's status",
			"Access to fetch at 'https://abc123.execute-api.us-east-1.amazonaws.com/prod/items' from origin 'https://example.com' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.\nGET https://abc123.execute-api.us-east-1.amazonaws.com/prod/items net::ERR_FAILED 502 (Bad Gateway)",
			"unknown", "502"},
		{"refused preflight may be a 5xx",
			"Access to fetch at 'https://abc123.execute-api.us-east-1.amazonaws.com/prod/items' from origin 'https://example.com' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: It does not have HTTP ok status.",
			"unknown", "unknown"},
		{"firefox without a response",
			"Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://abc123.execute-api.us-east-1.amazonaws.com/prod/items. (Reason: CORS request did not succeed).",
			"unknown", "unknown"},
		{"a failing function's response lacks the headers",
			"Access to fetch at 'https://abc123.execute-api.us-east-1.amazonaws.com/prod/items' from origin 'https://example.com' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.\n" +
				"2024-03-12T10:15:01.123Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\tInvoke Error \t{\"errorType\":\"TypeError\",\"errorMessage\":\"Cannot read properties of undefined (reading 'id')\"}",
			"lambda_function_error", "unknown"},
	})
}

// A binary body that arrived as base64 text or damaged is an answer, not
// a 5xx: the binary media types or isBase64Encoded are at fault. Its words
// seldom show the status; a status line beside them decides, and a 5xx
// beside them is that request's failure, which the words do not explain.
// A request's or an event's body in base64 is what the function got.
func TestBinaryBodyWordings(t *testing.T) {
	checkWordings(t, []wording{
		{"base64 response", "Response body with base64 encoded content.", "not_5xx", "unknown"},
		{"base64 hyphenated", "The image comes back as a base64-encoded string instead of a PNG.", "not_5xx", "unknown"},
		{"got the encoded string", "API Gateway does not decode it, so I just get the encoded string.", "not_5xx", "unknown"},
		{"corrupted image", "I'm getting a corrupted image with random pixels.", "not_5xx", "unknown"},
		{"answered with base64", "Seems to respond with base64, APIG should be decoding it when the flag is set.", "not_5xx", "unknown"},
		{"a compressed answer in base64", "Without an accept-encoding header it always returns a Gzipped (and base64-encoded) response.", "not_5xx", "unknown"},
		{"not decoded back", "It seems that the HTML is not being unencoded back into binary.", "not_5xx", "unknown"},
		{"body comes out corrupted", "its compressed bytes are stringified as utf-8 and the body comes out of API Gateway corrupted.", "not_5xx", "unknown"},
		{"chrome decoding failure", "GET https://abc123.execute-api.us-east-1.amazonaws.com/prod/app.js net::ERR_CONTENT_DECODING_FAILED 200", "not_5xx", "none"},
		{"with the status line", "HTTP/2 200\ncontent-type: application/zip\nThe response is base64 encoded, not the zip.", "not_5xx", "none"},
		// (a 5xx beside the words is a failure they do not explain)
		{"beside a 502", "We get a 502 from API Gateway and the downloaded image is corrupted.", "unknown", "502"},
		{"a request body", "The request body is base64 encoded when it reaches the function.", "unknown", "unknown"},
		{"an event body", "event.body is base64 encoded, so JSON.parse fails.", "unknown", "unknown"},
		{"a request in other words", "The request is base64 encoded when it reaches the function.", "unknown", "unknown"},
		{"a request's payload", "The incoming request payload is base64 encoded, so the handler cannot parse it.", "unknown", "unknown"},
		{"a request body answered", "API Gateway passes the request body to the function and it returns base64 to the handler.", "unknown", "unknown"},
		{"an event answered", "The event comes back as base64 when I log it in the function.", "unknown", "unknown"},
		{"a key name", "Invalid API Gateway Response Keys: {'base64Encoded'}", "lambda_malformed_proxy_response", "unknown"},
	})
}

// Express's own 404 page is the application's answer: the request reached
// the function, and no 5xx. Only the page alone on its line is read so, not
// a person's "cannot get".
func TestAppNotFoundWordings(t *testing.T) {
	checkWordings(t, []wording{
		{"express page", "Cannot GET /categories", "not_5xx", "unknown"},
		{"in its pre", "<pre>Cannot POST /dev/items</pre>", "not_5xx", "unknown"},
		{"with its status line", "HTTP/1.1 404 Not Found\nX-Powered-By: Express\n\nCannot GET /geo/v1/places", "not_5xx", "none"},
		{"a person's words", "I cannot get / to load at all", "unknown", "unknown"},
		{"beside a 502", "Cannot GET /categories\nHTTP/1.1 502 Bad Gateway", "unknown", "502"},
	})
}

// A deployment tool's report of a change that failed is no request's
// answer: the API kept its last deployment. Its status is not shown; a 5xx
// beside it is a request's failure it does not explain, and a function's
// error record that says "Error: creating ..." is the function's.
func TestDeployFailureWordings(t *testing.T) {
	checkWordings(t, []wording{
		{"terraform", "│ Error: creating API Gateway VPC Link (example_vpc_link): waiting for completion: FAILED: NLB ARN is malformed", "not_5xx", "unknown"},
		{"serverless framework", "  An error occurred: ApiLambdaFunction - The runtime parameter of nodejs6.10 is no longer supported for creating or updating AWS Lambda functions.", "not_5xx", "unknown"},
		{"cloudformation event", "CREATE_FAILED AWS::ApiGatewayV2::Integration OrdersIntegration Resource handler returned message: \"Invalid input\"", "not_5xx", "unknown"},
		{"beside a 502", "An error occurred: OrdersFunction - Resource handler returned message: \"Invalid input\"\nHTTP/1.1 502 Bad Gateway", "unknown", "502"},
		{"a function's record", "2024-03-12T10:15:01.123Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\tError: creating the session failed", "lambda_function_error", "unknown"},
	})
}

// Every runtime's wording of a handler it cannot find or load, as the
// runtimes print it into the function's log or the invoke response.
func TestHandlerNotFoundWordings(t *testing.T) {
	const prefix = "2024-03-12T10:15:01.123Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\t"
	want := "lambda_handler_misconfigured"
	checkWordings(t, []wording{
		{"nodejs not exported", prefix + `Runtime.HandlerNotFound: index.handler is undefined or not exported`, want, "unknown"},
		{"nodejs module missing", `{"errorType":"Runtime.ImportModuleError","errorMessage":"Error: Cannot find module 'index'\nRequire stack:\n- /var/runtime/index.mjs"}`, want, "unknown"},
		{"nodejs malformed name", `{"errorType":"Runtime.MalformedHandlerName","errorMessage":"Bad handler handler"}`, want, "unknown"},
		{"python missing on module", `[ERROR] Runtime.HandlerNotFound: Handler 'lambda_handler' missing on module 'lambda_function'`, want, "unknown"},
		{"python import", `[ERROR] Runtime.ImportModuleError: Unable to import module 'lambda_function': No module named 'lambda_function'`, want, "unknown"},
		{"java class", `Class not found: example.Handler: java.lang.ClassNotFoundException`, want, "unknown"},
		{"java method", `No public method named handleRequest with appropriate method signature found on class example.Handler`, want, "unknown"},
		{"dotnet assembly file", `Could not find the specified handler assembly with the file name 'MyFunction'. The assembly should be located in the root of your uploaded .zip file.`, want, "unknown"},
		{"dotnet type", `{"errorType":"LambdaValidationException","errorMessage":"Unable to load type 'MyFunction.Function' from assembly 'MyFunction'."}`, want, "unknown"},
		{"dotnet method", `Unable to find method 'FunctionHandler' in type 'MyFunction.Function' from assembly 'MyFunction': Found no methods matching method name 'FunctionHandler'.`, want, "unknown"},
		{"dotnet handler string", `Invalid lambda function handler: 'MyFunction::FunctionHandler'. The valid format is 'ASSEMBLY::TYPE::METHOD'.`, want, "unknown"},
		{"ruby file", `{"errorMessage":"cannot load such file -- /var/task/lambda_function","errorType":"Init<LoadError>"}`, want, "unknown"},
		{"ruby form", `Invalid handler ["handler"], must be of form FILENAME.METHOD or FILENAME.CLASS.METHOD`, want, "unknown"},
		{"go binary", `{"errorMessage":"fork/exec /var/task/main: no such file or directory","errorType":"PathError"}`, want, "unknown"},
	})
}

// A failed function answered as 200 (the API Gateway guide's "Handle
// Lambda errors in API Gateway"), as the AWS article and its translations
// word it and as people write it; a 5xx shown beside it still wins.
func TestErrorsReturnedAs200Wordings(t *testing.T) {
	want := "lambda_error_masked_as_200"
	checkWordings(t, []wording{
		{"en", "Otherwise, Lambda errors are returned as 200 OK responses by default, and the result is not intuitive.", want, "none"},
		{"pt-BR", "Caso contrário, os erros do Lambda serão retornados como respostas 200 OK por padrão.", want, "none"},
		{"zh-TW", "否則 Lambda 錯誤預設會以 200 OK 回應傳回。", want, "none"},
		{"ja", "そうしないと、Lambda エラーはデフォルトで 200 OK レスポンスとして返されます。", want, "none"},
		{"ja only 200", "Lambda 関数でエラーを投げても、200以外のステータスが返ってきません。", want, "none"},
		{"ko", "Lambda 함수에 오류가 발생해도 API Gateway는 200 OK 응답을 반환합니다.", want, "none"},
		{"a 5xx shown beside it", "Lambda errors are returned as 200 OK responses.\nHTTP/1.1 502 Bad Gateway", "lambda_function_error", "502"},
	})
}

// The proxy integration's output format requirement in people's words and
// in the AWS guide's translations, next to the 502 it causes.
func TestProxyFormatWordings(t *testing.T) {
	want := "lambda_malformed_proxy_response"
	checkWordings(t, []wording{
		{"en", "If the function output is of a different format, API Gateway returns a 502 Bad Gateway error response.", want, "502"},
		{"pt-BR", "Se a saída da função tiver um formato diferente, o API Gateway retornará uma resposta de erro 502 Bad Gateway.", want, "502"},
		{"zh-TW", "如果函數輸出格式不同，API Gateway 會傳回 502 Bad Gateway 錯誤回應。", want, "502"},
		{"ja", "Lambda 関数の戻り値を指定の形式で返さないと、API Gateway が 502 エラーを返します。", want, "502"},
	})
}

// An OS-only runtime starts /var/task/bootstrap whatever the handler says:
// a bootstrap that cannot be executed is the runtime failing to start; the
// same words about another file are a handler naming a missing binary.
func TestBootstrapThatCannotStart(t *testing.T) {
	const prefix = "Lambda execution failed with status 200 due to customer function error: RequestId: 0b59a014-da05-49a0-98c3-fe2ac06de4fd Error: "
	checkWordings(t, []wording{
		{"bootstrap missing its loader", prefix + "fork/exec /var/task/bootstrap: no such file or directory", "lambda_runtime_crash", "unknown"},
		{"bootstrap for another architecture", prefix + "fork/exec /var/task/bootstrap: exec format error", "lambda_runtime_crash", "unknown"},
		{"the handler's binary", prefix + "fork/exec /var/task/main: no such file or directory", "lambda_handler_misconfigured", "unknown"},
	})
}

// A Cloud Map service is reached only through a private integration: a
// report that says it failed and shows the 503 points, weakly, to the VPC
// link; a named timeout outweighs it. Named only as the setup, it is the
// path of every request, whatever failed.
func TestCloudMapNamesThePrivateIntegration(t *testing.T) {
	checkWordings(t, []wording{
		{"cloud map failing and 503", "Our HTTP API routes to a Cloud Map service whose instances are unhealthy.\nHTTP/1.1 503 Service Unavailable\napigw-requestid: RL2XYiwjPHcEMEQ=", "private_integration_error", "503"},
		{"cloud map named beside a 500", "Our HTTP API routes to a Cloud Map service.\nHTTP/1.1 500 Internal Server Error\napigw-requestid: RL2XYiwjPHcEMEQ=", "unknown", "500"},
		{"a timeout named", "Our HTTP API routes to a Cloud Map service.\n{\"status\":\"503\",\"integrationErrorMessage\":\"Integration timeout\"}", "integration_timeout", "503"},
	})
}

// "Invalid mapping expression specified" is the management API refusing a
// mapping when the method or integration is created; only the execution
// log's words are a request failing on it.
func TestMappingRefusedAtConfiguration(t *testing.T) {
	checkWordings(t, []wording{
		{"terraform", "Error: Error creating API Gateway Integration Response: BadRequestException: Invalid mapping expression specified: Validation Result: warnings : [], errors : [No method response exists for method.]", "not_5xx", "none"},
		{"a person quoting the console", "API に URL パスパラメータを追加しようとすると「Invalid mapping expression specified」というエラーメッセージが表示されます。", "not_5xx", "none"},
		{"the execution log", "(6c6d6e6f-0000-4000-8000-00000000abcd) Execution failed due to configuration error: Invalid mapping expression specified: $input.params('id]\n" +
			"(6c6d6e6f-0000-4000-8000-00000000abcd) Method completed with status: 500", "mapping_template_error", "500"},
		// the execution log's words quoted: a request failed on them
		{"a person quoting the execution log", `I'm getting a 500 and the logs say "Execution failed due to configuration error: Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression specified: integration.request.header.x-id]"`, "mapping_template_error", "500"},
		{"the console test's log", "Thu Aug 04 17:48:21 UTC 2022 : Execution failed due to configuration error: Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression parameter specified: method.request.path.id]\n" +
			"Thu Aug 04 17:48:21 UTC 2022 : Method completed with status: 500", "mapping_template_error", "500"},
		// the function's own call to the management API refused: its
		// failure, no client's answer
		{"in the function's log", "[ERROR] BadRequestException: An error occurred (BadRequestException) when calling the PutIntegrationResponse operation: Invalid mapping expression specified: Validation Result: warnings : [], errors : [No method response exists for method.]", "lambda_function_error", "unknown"},
		{"in a Node.js function's log", "2024-01-01T00:00:00.000Z\t6c6d6e6f-0000-4000-8000-00000000abcd\tERROR\tBadRequestException: Invalid mapping expression specified: Validation Result: warnings : [], errors : [No method response exists for method.]", "lambda_function_error", "unknown"},
		// (and a CloudFormation refusal quoted with the same words stays one)
		{"cloudformation", "ApiGatewayMethodGet CREATE_FAILED Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression specified: method.request.path.id] (Service: AmazonApiGateway; Status Code: 400; Error Code: BadRequestException)", "not_5xx", "none"},
	})
}

// Velocity's parser refusing a template is the template's fault; the same
// words in the function's own log are a parser of the function's failing
// (the function's error, whatever library raised it).
func TestLexicalErrorIsTheTemplatesWhereTheGatewayShowsIt(t *testing.T) {
	checkWordings(t, []wording{
		{"Velocity's parser", "HTTP/1.1 500 Internal Server Error\nLexical error, Encountered: \"\\n\" (10), after : \"\\\"\" at unset[line 3, column 18]", "mapping_template_error", "500"},
		{"a function's template library", "START RequestId: 0b59a014-da05-49a0-98c3-fe2ac06de4fd Version: $LATEST\n2023-06-01T10:00:00.000Z\t0b59a014-da05-49a0-98c3-fe2ac06de4fd\tERROR\tInvoke Error \t{\"errorType\":\"Error\",\"errorMessage\":\"Lexical error on line 1. Unrecognized text.\"}\nEND RequestId: 0b59a014-da05-49a0-98c3-fe2ac06de4fd\nHTTP/1.1 502 Bad Gateway", "lambda_function_error", "502"},
	})
}

// A configuration error the gateway states about a template, in words no
// other rule lists, is the template's; one it states about something else
// stays a reason no cause covers.
func TestTemplateConfigurationErrors(t *testing.T) {
	checkWordings(t, []wording{
		{"a mock integration's request template", "(6c6d6e6f-0000-4000-8000-00000000abcd) Execution failed due to configuration error: statusCode should be an integer which defined in request template\n" +
			"(6c6d6e6f-0000-4000-8000-00000000abcd) Method completed with status: 500", "mapping_template_error", "500"},
		{"a reason about no template", "(6c6d6e6f-0000-4000-8000-00000000abcd) Execution failed due to configuration error: ENILimitReachedException\n" +
			"(6c6d6e6f-0000-4000-8000-00000000abcd) Method completed with status: 500", "unknown", "500"},
	})
}

// A configuration error with a reason no rule knows is quoted as the
// reason, wherever the gateway logged it: the execution log's line, or
// an access record's integration error (a function or alias not found).
func TestUnnamedReasonsAreQuoted(t *testing.T) {
	const reason = "Execution failed due to configuration error: Function not found: arn:aws:lambda:us-east-1:123456789012:function:api:live"
	quotes := func(t *testing.T, d Diagnosis) {
		if !strings.Contains(d.Why, "no cause of this tool covers") || !strings.Contains(d.Why, "Function not found") {
			t.Errorf("why %q does not quote the gateway's reason", d.Why)
		}
	}
	checkWordingsAnd(t, []wording{
		{"the execution log", "(6c6d6e6f-0000-4000-8000-00000000abcd) " + reason + "\n(6c6d6e6f-0000-4000-8000-00000000abcd) Method completed with status: 500", "unknown", "500"},
		{"an access record", `{"requestId":"6c6d6e6f-0000-4000-8000-00000000abcd","status":"502","error_responseType":"INTEGRATION_FAILURE","integration_error":"` + reason + `","integration_integrationStatus":"404"}`, "unknown", "502"},
	}, quotes)
}

// "A function error" in the Lambda guide's words and its translations,
// with the 502 the same sentence shows; a gateway line naming another
// cause outweighs the words.
func TestFunctionErrorInWords(t *testing.T) {
	want := "lambda_function_error"
	checkWordings(t, []wording{
		{"en", "The request ended in a function error and API Gateway returned a 502.", want, "502"},
		{"ja", "関数エラーになり API Gateway から 502 が返されました。", want, "502"},
		{"zh-TW", "請求發生函數錯誤，API Gateway 傳回 502。", want, "502"},
		{"pt-BR", "A solicitação resultou em um erro de função e o API Gateway retornou 502.", want, "502"},
		{"a gateway line names another cause", "It looked like a function error.\n(6c6d6e6f-0000-4000-8000-00000000abcd) Execution failed due to configuration error: Invalid permissions on Lambda function", "lambda_invoke_permission", "500"},
	})
}

// A program's exception a person says they get, by its class name, is the
// function's failure; a browser's TypeError for a fetch it could not make,
// an AWS service's refusal and a parser's error on a body are not, and a
// vague "error" names nothing.
func TestExceptionAPersonGets(t *testing.T) {
	fn := "lambda_function_error"
	checkWordings(t, []wording{
		{"java's, by its name", "I am getting NullPointerException in VertxRequestHandler.java line number 99 when invoked from Amazon Api Gateway", fn, "unknown"},
		{"javascript's, with an article", "I have been testing WebSockets and kept getting a TypeError for a missing constructor on line 6:", fn, "unknown"},
		{"python's, beside the code", "When I call the endpoint I get a KeyError and the API answers 502.", fn, "502"},
		{"java's as people spell it, after failing", "Calls into the function with no header will fail with null pointer exception.", fn, "unknown"},
		{".NET's, its namespace before it", "The controller throws a System.NullReferenceException on every call.", fn, "unknown"},
		{"a browser's failed fetch", "My page's fetch gets a TypeError (failed to fetch) and the network tab shows 502.", "unknown", "502"},
		{"a service's refusal", "The function gets an AccessDeniedException from DynamoDB and the API answers 502.", "unknown", "502"},
		{"a parser's error on the body", "My script gets a JSONDecodeError reading the answer, and the API returns 502.", "unknown", "502"},
		{"no class named", "Calling the API gives me a 500 and I am getting an error in the console.", "unknown", "500"},
	})
}

// A person saying the function's logs show it failing names the
// function's error; logs that show no failure, and the gateway's own
// logs, do not.
func TestLogsAPersonSaysShowAFailure(t *testing.T) {
	fn := "lambda_function_error"
	checkWordings(t, []wording{
		{"the function died", "This is what I got in production, logs show my function was called and died on both messages.", fn, "unknown"},
		{"a dependency's errors", "Users get a 500 when they log in. Lambda logs showed 406 Not Acceptable errors from the REST API calls.", fn, "500"},
		{"a layer's exception", "With v40 the API answers 502 Bad Gateway and the Lambda logs show a layer exception.", fn, "502"},
		{"logs that show no failure", "The API answers 502 and the CloudWatch logs show no errors at all.", "unknown", "502"},
		{"logs that show nothing", "The API answers 502 and the function's logs show nothing, no error.", "unknown", "502"},
		{"the gateway's own logs", "The API answers 502 and the API Gateway logs show an error.", "unknown", "502"},
	})
}
