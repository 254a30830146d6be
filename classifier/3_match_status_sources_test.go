package classifier

import "testing"

// TestStatusWhereverItShows covers the places the issue lists for a status:
// client output, the gateway's own lines and bodies, access records, and
// people's sentences in the four languages of the remediation catalog.
func TestStatusWhereverItShows(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"client error wording", "Server error 504 while calling https://x.execute-api.us-east-1.amazonaws.com/prod/a", "504"},
		{"browser status of", "the server responded with a status of 502", "502"},
		{"method completed", "(11111111-2222-3333-4444-555555555555) Method completed with status: 503", "503"},
		{"json access record", `{"requestId":"abc","status":"504","routeKey":"GET /a"}`, "504"},
		{"json access record without an id", `{"status":"503","integrationErrorMessage":"Integration timeout"}`, "503"},
		{"clf access record", `10.0.0.1 - - [09/Jun/2021:12:17:05 +0000] "GET /a HTTP/1.1" 502 35 AqCiOhxcLPEEMIA=`, "502"},
		{"clf record without ip and identity", `[09/Jun/2021:12:17:05 +0000] "GET $default HTTP/1.1" 500 35 AqCiOhxcLPEEMIA=`, "500"},
		// the console's XML and CSV access-log presets (the developer guide's
		// access log formats: REST's, then HTTP's)
		{"xml access record", `<request id="c0b4f1d3-8a2e-4f1b-9c7d-2e5a6b7c8d9e"> <ip>203.0.113.1</ip> <caller>-</caller> <user>-</user> <requestTime>12/Mar/2024:10:15:01 +0000</requestTime> <httpMethod>GET</httpMethod> <resourcePath>/items</resourcePath> <status>502</status> <protocol>HTTP/1.1</protocol> <responseLength>36</responseLength> </request>`, "502"},
		{"xml access record, http api", `<request id="AqCiOhxcLPEEMIA="> <ip>203.0.113.1</ip> <requestTime>12/Mar/2024:10:15:01 +0000</requestTime> <httpMethod>GET</httpMethod> <routeKey>GET /items</routeKey> <status>503</status> <protocol>HTTP/1.1</protocol> <responseLength>33</responseLength> </request>`, "503"},
		{"csv access record", "203.0.113.1,-,-,12/Mar/2024:10:15:01 +0000,GET,/items,HTTP/1.1,504,41,c0b4f1d3-8a2e-4f1b-9c7d-2e5a6b7c8d9e", "504"},
		{"csv access record, http api", "203.0.113.1,12/Mar/2024:10:15:01 +0000,GET,GET /items,HTTP/1.1,500,35,AqCiOhxcLPEEMIA=", "500"},
		{"csv access record, a 403", "203.0.113.1,-,-,12/Mar/2024:10:15:01 +0000,GET,/items,HTTP/1.1,403,42,c0b4f1d3-8a2e-4f1b-9c7d-2e5a6b7c8d9e", "none"},
		{"wscat", "error: Unexpected server response: 502", "502"},
		{"rest body alone", `{"message": "Internal server error"}`, "500"},
		{"http api 503 body", `{"message":"Service Unavailable"}`, "503"},
		{"timeout body", `{"message": "Endpoint request timed out"}`, "504"},
		{"authorizer failure type", "x-amzn-ErrorType: AuthorizerConfigurationException", "500"},
		{"en sentence", "Whenever I test the API I get a 502.", "502"},
		{"ja sentence", "API を呼び出すと 502 エラーが返ってきます。", "502"},
		{"zh-TW sentence", "呼叫 API 時傳回 504 錯誤。", "504"},
		{"pt-BR sentence", "A API retorna o erro 503 quando chamada.", "503"},
		{"plural", "We see intermittent 502s from the API since yesterday.", "502"},
		{"fails with", "The endpoint fails with 503 under load.", "503"},
		{"errors with", "the API now errors with 500 for every call", "500"},
		{"the code as a noun", "A 502 from API Gateway whenever the function runs long.", "502"},
		{"a line opening with the code", "502 when calling the endpoint through API Gateway.", "502"},
		{"response code", "The response code is 502.", "502"},
		{"internal errors", "Lambda timeouts get converted to 500 Internal Errors in API Gateway", "500"},
		{"code in parentheses", "When the token expires, it returns internal error (500) instead of (400).", "500"},
		{"5xx made precise", "The gateway returned 76 intermittent 5xx (503) in one minute.", "503"},
		{"issues", "# 503 issues with cloudmap integration", "503"},
		{"zh-TW verb", "呼叫 API 時回傳 502", "502"},
		{"pt-BR verb", "A API retorna 502 para todas as chamadas", "502"},
		{"ja reason phrase", "内部サーバーエラーが返されます。", "500"},
		{"pt-BR reason phrase", "O API Gateway retorna tempo limite do gateway.", "504"},
		// markdown's strong emphasis around a label or the code, as issue
		// templates and write-ups put it (CommonMark's ** and __ delimiters)
		{"bold label", "**Status**: 502", "502"},
		{"bold label with its colon", "**Status code:** 504", "504"},
		{"bold label in a list", "- **HTTP Status**: 500", "500"},
		{"bold code", "Lambda is constantly returning **502**: ", "502"},
		{"bold code, underscores", "the API returns __503__ under load", "503"},
		{"bold 4xx", "**Response:** 403", "none"},
		// the gateway's 4xx messages quoted alone, as people quote what they
		// got (the developer guide's issue on a request authorizer's header
		// case: 'the error message displayed will be: "Unauthorized"')
		{"quoted 401 message", `the error message displayed will be: "Unauthorized"`, "none"},
		{"quoted 404 message", `The response is "Not Found"`, "none"},
		{"a 401's body", `the 401 was {"error":"unauthorized"}`, "none"},
		{"the words inside a message", `Error: the page was not found in the cache`, "unknown"},
		{"bold size, no status", "the upload of a **500 MB** file fails", "unknown"},
		{"bold wish, no status", "API Gateway **should** return 504 when the function times out", "unknown"},
		// HTTP/2's status pseudo-header, as Chrome's raw response headers show it
		{"http/2 pseudo-header", ":status: 502", "502"},
		// a fetch Response printed in Chrome's console, and the thrown errors of
		// MDN's fetch examples ("HTTP error! status: ...", "Response status: ...")
		{"fetch response printed", "Response {type: 'cors', url: 'https://x.execute-api.us-east-1.amazonaws.com/prod/a', redirected: false, status: 502, ok: false, …}", "502"},
		{"mdn fetch example", "Error: HTTP error! status: 502", "502"},
		{"mdn fetch example, newer", "Error: Response status: 504", "504"},
		// Go's *http.Response printed with %+v, Rust reqwest's Response with {:?},
		// Foundation's NSHTTPURLResponse description
		{"go response printed", "&{Status:502 Bad Gateway StatusCode:502 Proto:HTTP/2.0 ProtoMajor:2 ProtoMinor:0}", "502"},
		{"reqwest response printed", "Response { url: \"https://x.execute-api.us-east-1.amazonaws.com/prod/a\", status: 503, headers: {} }", "503"},
		{"nshttpurlresponse", "<NSHTTPURLResponse: 0x600000c3c0a0> { URL: https://x.execute-api.us-east-1.amazonaws.com/prod/a } { Status Code: 504, Headers {", "504"},
		// a HAR export's entry, pretty-printed (HTTP/2: the status text is empty)
		{"har entry", "{\n  \"response\": {\n    \"status\": 502,\n    \"statusText\": \"\",\n    \"httpVersion\": \"http/2.0\"\n  }\n}", "502"},
	})
}

// TestNotTheClientsStatus: words that look like a status but are another
// idea: API Gateway's time limit, and the backend's answer to a failed
// output mapping (the method's own status comes after it).
func TestNotTheClientsStatus(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"the gateway's time limit", "I have a time out every time I call it: the API Gateway timeout after 30 seconds.", "unknown"},
		{"gateway timeout as the answer", "Every call ends in a Gateway Timeout.", "504"},
		// the same limit without "API": its length before or after it, or a
		// setting (the developer guide's quotas: 29 seconds on a REST API)
		{"the limit's length before it", "The function runs past the 29-second gateway timeout.", "unknown"},
		{"the limit's length after it", "the work takes longer than the gateway timeout of 29 seconds", "unknown"},
		{"the limit is its length", "the gateway timeout is 30s and the job needs minutes", "unknown"},
		{"the limit raised", "we asked support to increase the gateway timeout", "unknown"},
		{"the limit as a setting", "there is no gateway timeout setting on the stage", "unknown"},
		{"the answer after a wait", "I get a gateway timeout after 29 seconds", "504"},
		{"the answer as an error", "the page shows a Gateway Timeout error", "504"},
		{"a 4xx reason phrase", "When I hit the route it is returning \"method not allowed\"", "none"},
		// the other 4xx reason phrases after their codes (RFC 9110 section
		// 15; Node's http.STATUS_CODES and Spring's HttpStatus, Go's
		// StatusText and Python's http.HTTPStatus, Python 3.13's), the
		// gateway's REQUEST_TOO_LARGE and UNSUPPORTED_MEDIA_TYPE among them
		{"413, node's and spring's phrase", "org.springframework.web.client.HttpClientErrorException$PayloadTooLarge: 413 Payload Too Large: [no body]", "none"},
		{"413, go's and python's phrase", "upload rejected, 413 Request Entity Too Large", "none"},
		{"413, python 3.13's phrase", "upload refused: 413 Content Too Large", "none"},
		{"415", "RestClient::UnsupportedMediaType: 415 Unsupported Media Type", "none"},
		{"422, rfc 9110's phrase", "POST /items: 422 Unprocessable Content", "none"},
		{"408", "the client logged 408 Request Timeout", "none"},
		// a phrase after another code is no status: the pairs are fixed
		{"a count before a phrase", "we sent 100 payload too large requests to test the limit", "unknown"},
		{"a size before a phrase", "the 6 MB limit: 6291 request entity too large", "unknown"},
		{"a size", "The API failed after we uploaded a 500 MB file.", "unknown"},
		{"a duration", "The failing call took 502 ms.", "unknown"},
		// an application's own message for a failed call, whatever its
		// status (a page's "Server error. Please try again later."), and
		// the same words beside a code, as Python requests' HTTPError
		// words it, which show that code
		{"an app's own message", "Error: Failed to load error monitoring data\nServer error. Please try again later.", "unknown"},
		{"server error as a heading", "Server error", "unknown"},
		{"requests' server error with its code", "requests.exceptions.HTTPError: 502 Server Error: Bad Gateway for url: https://x.execute-api.us-east-1.amazonaws.com/prod/a", "502"},
		{"the gateway's body", "The API answers {\"message\": \"Internal server error\"}", "500"},
		// Angular's HttpErrorResponse when no response came (status 0)
		{"angular without a response", "Http failure response for https://x.execute-api.us-east-1.amazonaws.com/prod/a: 0 Unknown Error", "unknown"},
		// Safari's URLSession error: -1001 is a timeout, no status
		{"urlsession timeout", "Error Domain=NSURLErrorDomain Code=-1001 \"The request timed out.\"", "unknown"},
		{"a body the function built under a status line", "HTTP/2 502\n\n{\"message\":\"Gateway timeout\"}", "502"},
		{"a person's code, then the status line and body", "Any exception returns a 502 Gateway Timeout.\nHTTP/2 502\n{\"message\":\"Gateway timeout\"}", "502"},
		// an AWS SDK's error for a call to an AWS service: that service's
		// answer to the caller (a Go or PHP function's own call), not the
		// API client's, whichever service answered (aws-sdk-go-v2's
		// smithy-go ResponseError, the AWS SDK for PHP's AwsException); its
		// 5xx is still kept
		{"aws-sdk-go-v2 call refused", "operation error DynamoDB: GetItem, https response error StatusCode: 400, RequestID: 4KJ8, api error ValidationException: One or more parameter values were invalid", "unknown"},
		{"aws-sdk-go-v2 call refused in a function's invocation", "START RequestId: 0b59a014-da05-49a0-98c3-fe2ac06de4fd Version: $LATEST\n" +
			"2024/03/12 10:15:01 operation error S3: GetObject, https response error StatusCode: 403, RequestID: 4KJ8, api error AccessDenied: Access Denied\n" +
			"END RequestId: 0b59a014-da05-49a0-98c3-fe2ac06de4fd", "unknown"},
		{"aws-sdk-go-v2 call failing with a 5xx", "operation error DynamoDB: GetItem, https response error StatusCode: 500, RequestID: 4KJ8, api error InternalServerError: x", "500"},
		// aws-sdk-go (v1)'s awserr.RequestFailure: the error code and message,
		// then "status code: %d, request id: %s" on a line of its own
		// (aws/awserr/types.go), and the AWS SDK for Java 2.x's service
		// exception message, "(Service: ..., Status Code: %d, Request ID: ...)"
		{"aws-sdk-go call refused", "AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/fn-role/fn is not authorized to perform: dynamodb:GetItem\n\tstatus code: 400, request id: 8F2AJ7Q0V3", "unknown"},
		{"aws-sdk-go call refused in a function's log", "2024/03/12 10:15:01 ResourceNotFoundException: Requested resource not found\n\tstatus code: 400, request id: 8F2AJ7Q0V3", "unknown"},
		{"aws-sdk-go call failing with a 5xx", "InternalServerError: Internal server error\n\tstatus code: 500, request id: 8F2AJ7Q0V3", "500"},
		{"aws sdk for java 2.x call refused", "software.amazon.awssdk.services.s3.model.S3Exception: Access Denied (Service: S3, Status Code: 403, Request ID: 8F2AJ7Q0V3, Extended Request ID: abc=)", "unknown"},
		// the AWS SDK for .NET's service exception, which quotes .NET's
		// WebException for the service's answer ("Amazon.S3.AmazonS3Exception:
		// Access Denied ---> Amazon.Runtime.Internal.HttpErrorResponseException:
		// The remote server returned an error: (403) Forbidden."); the same
		// words from PowerShell's Invoke-RestMethod are the client's
		{"aws sdk for .net call refused", "Amazon.S3.AmazonS3Exception: Access Denied ---> Amazon.Runtime.Internal.HttpErrorResponseException: The remote server returned an error: (403) Forbidden. ---> System.Net.WebException: The remote server returned an error: (403) Forbidden.", "unknown"},
		{"aws sdk for .net call refused for its token", "Amazon.DynamoDBv2.AmazonDynamoDBException: The security token included in the request is invalid ---> Amazon.Runtime.Internal.HttpErrorResponseException: The remote server returned an error: (400) Bad Request.", "unknown"},
		{"aws sdk for .net call refused, a model exception", "Amazon.DynamoDBv2.Model.ResourceNotFoundException: Requested resource not found ---> Amazon.Runtime.Internal.HttpErrorResponseException: The remote server returned an error: (400) Bad Request.", "unknown"},
		{"powershell's client refused", "Invoke-RestMethod : The remote server returned an error: (403) Forbidden.", "none"},
		{"aws sdk for php call refused", "Aws\\DynamoDb\\Exception\\DynamoDbException: Error executing \"GetItem\" on \"https://dynamodb.us-east-1.amazonaws.com\"; AWS HTTP error: Client error: `POST https://dynamodb.us-east-1.amazonaws.com` resulted in a `400 Bad Request` response", "unknown"},
		// the gateway's 4xx words in a function's own line (the Python
		// runtime's "[ERROR]" level column, botocore's ClientError for a
		// call): the function's call refused, or its own message, which say
		// nothing of what the API's client got
		{"a function's call refused for its token", "[ERROR] ClientError: An error occurred (UnrecognizedClientException) when calling the Query operation: The security token included in the request is invalid.", "unknown"},
		{"a function's expired credentials", "[ERROR] ExpiredTokenException: The security token included in the request is expired", "unknown"},
		{"a function's own validation message", "[ERROR] Invalid request body: missing field \"name\"", "unknown"},
		{"a function's call to an IAM-authorized API refused", "[ERROR] HTTPError: User: arn:aws:sts::123456789012:assumed-role/fn-role/fn is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/items", "unknown"},
		// (the same words as a caller's answer are the gateway's 403)
		{"a caller refused for its token", "{\"message\":\"The security token included in the request is invalid.\"}", "none"},
		{"a caller refused by IAM authorization", "{\"Message\":\"User: arn:aws:iam::123456789012:user/dev is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/items\"}", "none"},
		// the integration's answer the execution log quotes is the backend's
		// to the gateway, which a custom integration maps (a 200 by
		// default) and a proxy integration may refuse: the corpus README's
		// test invoke's endpoint response, which shows no status; the
		// method's own line still does
		{"an endpoint's gateway-like body, console test", "Thu Oct 17 23:48:34 UTC 2019 : Endpoint response body before transformations: {\"message\": \"Internal server error\"}", "unknown"},
		{"an endpoint's gateway-like body, by request id", "(c125f451-6e58-4eaf-910c-8bcb03f18f2e) Endpoint response body before transformations: {\"message\": \"Internal server error\"}", "unknown"},
		{"a backend's error page", "Thu Oct 17 23:48:34 UTC 2019 : Endpoint response body before transformations: <html><body><h1>502 Bad Gateway</h1></body></html>", "unknown"},
		{"an endpoint's body, then the method's status", "(c125f451-6e58-4eaf-910c-8bcb03f18f2e) Endpoint response body before transformations: {\"message\": \"Internal server error\"}\n" +
			"(c125f451-6e58-4eaf-910c-8bcb03f18f2e) Method completed with status: 502", "502"},
		{"an endpoint's body in a test invoke that shows its status", "Status: 504\nThu Oct 17 23:48:34 UTC 2019 : Endpoint response body before transformations: {\"message\": \"Internal server error\"}", "504"},
		{"endpoint response status code", "Tue Mar 12 10:15:02 UTC 2024 : Execution failed due to configuration error: No match for output mapping and no default output mapping configured. Endpoint Response Status Code: 200\n" +
			"Tue Mar 12 10:15:03 UTC 2024 : Method completed with status: 500", "500"},
		// a code a person denies came: no answer below 500, so no
		// all-clear; a 5xx denied still shows (no all-clear from its
		// words), and a denial that reaches past other words, or a clause
		// that ends before the code, denies nothing
		{"a 4xx denied", "It is not a 403 or 404, the route definitely exists.", "unknown"},
		{"a 4xx error denied", "This isn't a 403 error.", "unknown"},
		{"a 4xx denied, pt-BR", "Não é um erro 403 nem 404.", "unknown"},
		{"a 4xx denied, es", "No es un error 403 ni 404.", "unknown"},
		{"a 4xx denied, zh", "这不是403错误", "unknown"},
		{"a 4xx denied, ja", "403エラーではありません", "unknown"},
		{"a 4xx not got", "We are not getting any 403 errors.", "unknown"},
		{"a 5xx denied", "It is not a 502 error.", "502"},
		{"a 4xx not understood", "I don't understand the 403 error.", "none"},
		{"not only a 4xx", "It is not only a 403 error.", "none"},
		{"whenever", "Whenever a 403 error comes the page reloads.", "none"},
		{"a denial's clause ends", "It doesn't work, 403 error.", "none"},
		{"a denied code, then the one that came", "It is not a 403, it is a 404 error.", "none"},
		// a code below 500 another system answered (a service the function
		// calls, a third party's API) is its answer to its caller; the
		// API's own code beside it, and a 5xx, still show
		{"a 4xx from another service", "Sometimes I also see 429 from another service we call, but that is handled separately.", "unknown"},
		{"another service's 4xx", "Another service we call sometimes returns 429.", "unknown"},
		{"a third party's 4xx", "The third-party payment API returns 404 errors.", "unknown"},
		{"another service's 4xx, pt-BR", "Outro serviço que chamamos retorna 404.", "unknown"},
		{"a third party's 4xx, es", "La API de terceros devuelve 404.", "unknown"},
		{"another service named after the code", "The API returns 403 when calling another service.", "none"},
		{"the gateway's code after another service", "We call a third-party API and API Gateway returns 403.", "none"},
		{"the API's code in the next clause", "Another service returns 429, but the API answers 403 error.", "none"},
		{"another user's 4xx", "Another user gets 403 error.", "none"},
		{"another service's 5xx", "Another service we call returns 502.", "502"},
	})
	checkWordings(t, []wording{
		{"a 4xx denied beside a function's error", "It is not a 403 error, the route definitely exists.\n" +
			"2024-03-12T10:15:01.123Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\tInvoke Error \t{\"errorType\":\"TypeError\",\"errorMessage\":\"x is undefined\"}", "lambda_function_error", "unknown"},
		{"another service's 4xx beside a function's error", "I also see 429 from another service we call.\n" +
			"2024-03-12T10:15:01.123Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\tInvoke Error \t{\"errorType\":\"TypeError\",\"errorMessage\":\"x is undefined\"}", "lambda_function_error", "unknown"},
	})
}

// TestStatusOfANamedCause: a line that names the cause does not show what
// the client got, which stays unknown unless the report or the metrics
// show a 5xx; some 5xx shown takes the cause's usual status. The answer is
// never more confident than the same evidence with the status shown.
func TestStatusOfANamedCause(t *testing.T) {
	const fnError = "2024-03-12T10:15:01.123Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\tInvoke Error \t{\"errorType\":\"TypeError\",\"errorMessage\":\"x is undefined\"}\n"
	tests := []struct {
		name   string
		hints  Hints
		in     string
		status Status
	}{
		{"function's error alone", Hints{}, fnError, StatusUnknown},
		{"a 5xx the person shows elsewhere", Hints{}, "The API answers 502 Bad Gateway.\n\n" + fnError, Status502},
		{"some 5xx: the cause's usual status", Hints{}, fnError + "{\"message\": \"Internal server error\"}", Status502},
		{"the metrics counted 5xx", Hints{Errors5xx: 3}, fnError, Status502},
		{"a failed execution", Hints{}, "Execution failed due to configuration error: Invalid permissions on Lambda function", Status500},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := diagnoseWith(t, tt.hints, tt.in)
			if d.Cause == CauseUnknown || d.Status != tt.status {
				t.Errorf("got %s/%s, want %s and a cause (%s)", d.Status, d.Cause, tt.status, d.Why)
			}
			// the same evidence with the client's status line: a status
			// no line showed never makes the answer more confident
			code := map[Status]string{StatusUnknown: "502"}[tt.status]
			if code == "" {
				code = tt.status.String()
			}
			shown := diagnoseWith(t, tt.hints, tt.in+"\nHTTP/1.1 "+code+" Error\n")
			if shown.Cause != d.Cause || d.Confidence > shown.Confidence {
				t.Errorf("status usual: %s (%.2f); shown: %s/%s (%.2f); want the same cause, and no more confidence without the status", d.Cause, d.Confidence, shown.Status, shown.Cause, shown.Confidence)
			}
		})
	}
}

// TestA5xxBesideAnotherRequestsAnswer: lines without request ids belong to
// several requests, and a line that shows some 5xx is not outweighed by a
// 4xx or 2xx another line shows (taxonomy: evidence that shows a 5xx
// anywhere is never answered none). Each 5xx form is one the taxonomy
// documents: the execution log's "Execution failed due to ...", its
// "Lambda invocation failed with status: N", the error types of the REST
// 5xx and of an authorizer's failure, and a WebSocket close with 1011.
func TestA5xxBesideAnotherRequestsAnswer(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"an execution failure beside a 403 status line", "HTTP/1.1 403 Forbidden\nExecution failed due to configuration error: Invalid permissions on Lambda function", "500"},
		{"lambda's refusal beside a 200 status line", "HTTP/1.1 200 OK\nLambda invocation failed with status: 429", "500"},
		{"an authorizer's failure beside a 403 status line", "HTTP/1.1 403 Forbidden\n\nx-amzn-ErrorType: AuthorizerConfigurationException", "500"},
		{"the 5xx error type beside a person's 403", "Without the API key I get a 403.\nx-amzn-ErrorType: InternalServerErrorException", "500"},
		{"a 1011 close beside a refused handshake", "error: Unexpected server response: 403\nDisconnected (code: 1011, reason: \"\")", "500"},
		// (the 4xx alone stays the all-clear it is)
		{"a 403 status line alone", "HTTP/1.1 403 Forbidden\n{\"message\":\"Forbidden\"}", "none"},
		// (and a request's own status line, by its id, is its answer: a
		// custom Lambda integration answers its function's error with 200,
		// whatever 5xx the function's own call got; the developer guide's
		// "Handle Lambda errors in API Gateway")
		{"a request's own 200 beside its function's error", withID("Endpoint response headers: {X-Amz-Function-Error=Unhandled}") +
			withID(`Endpoint response body before transformations: {"errorMessage":"An error occurred (InternalServerErrorException) when calling the GetJob operation","errorType":"ClientError"}`) +
			withID("Method completed with status: 200"), "none"},
	})
}

// withID is an execution-log line of one request.
func withID(msg string) string { return "(5cb7ee58-39e6-11e9-be7e-29aff96747f2) " + msg + "\n" }

// TestAPreflightsAnswerIsAnotherRequests: a browser's CORS preflight (an
// OPTIONS request the API answers from its own CORS configuration or a
// MOCK integration, before the request itself) is another request: its 200
// says nothing of what the request behind it got, which a failing function
// beside it does not make a masked 200. Its forms: Chrome's request line
// ("OPTIONS <url> 200"), Firefox's console ("OPTIONS <url> [HTTP/2 200 OK
// 45ms]") and the DevTools headers pane ("Request Method: OPTIONS", then
// "Status Code: 200 OK"), and curl's -X OPTIONS. A preflight refused with
// a 4xx is the answer the client got: the browser sends no request after
// it. A request to a URL no API serves (a page's file, another AWS
// service's endpoint) is another request as well.
func TestAPreflightsAnswerIsAnotherRequests(t *testing.T) {
	const url = "https://abc123.execute-api.us-east-1.amazonaws.com/prod/items"
	const fnError = "\n[ERROR] KeyError: 'body'"
	checkStatuses(t, []statusCase{
		{"chrome's request line", "OPTIONS " + url + " 200" + fnError, "unknown"},
		{"firefox's console", "OPTIONS " + url + " [HTTP/2 200 OK 45ms]" + fnError, "unknown"},
		{"the devtools headers pane", "Request URL: " + url + "\nRequest Method: OPTIONS\nStatus Code: 200 OK" + fnError, "unknown"},
		{"the request itself in the headers pane", "Request URL: " + url + "\nRequest Method: POST\nStatus Code: 200 OK" + fnError, "none"},
		{"a preflight, then the request itself", "Request Method: OPTIONS\nStatus Code: 200 OK\nRequest Method: POST\nStatus Code: 200 OK" + fnError, "none"},
		{"a preflight refused", "OPTIONS " + url + " 403", "none"},
		// and a preflight sent by hand: curl's -X OPTIONS (or --request),
		// its status line from -i or -v, then the request itself
		{"curl -X OPTIONS", "$ curl -i -X OPTIONS " + url + "\nHTTP/2 204\naccess-control-allow-origin: *" + fnError, "unknown"},
		{"curl --request OPTIONS -v", "curl -v --request OPTIONS " + url + "\n> OPTIONS /prod/items HTTP/2\n< HTTP/2 200" + fnError, "unknown"},
		{"curl's preflight, then the request itself", "$ curl -i -X OPTIONS " + url + "\nHTTP/2 204\n$ curl -i -X POST " + url + "\nHTTP/2 200" + fnError, "none"},
		{"curl's preflight refused", "$ curl -i -X OPTIONS " + url + "\nHTTP/2 403", "none"},
		// a request to a URL no API serves is another request too: a page's
		// own files (its icon, scripts, styles), another AWS service's
		// endpoint (Cognito's token endpoint and API, S3's hosts); its
		// code below 500 is no answer of the API's, on its request line or
		// the status that follows it. An execute-api host, a Lambda
		// function URL and a custom domain are an API's whatever the path.
		{"chrome's favicon", "GET http://localhost:5173/favicon.ico 404 (Not Found)" + fnError, "unknown"},
		{"firefox's page script", "GET https://app.example.com/assets/index-4f2a.js [HTTP/2 404 Not Found 12ms]" + fnError, "unknown"},
		{"cognito's token endpoint", "POST https://myapp-auth.auth.us-east-1.amazoncognito.com/oauth2/token 401 (Unauthorized)" + fnError, "unknown"},
		{"cognito's API", "POST https://cognito-idp.us-east-1.amazonaws.com/ 400 (Bad Request)" + fnError, "unknown"},
		{"an s3 presigned put, then its status", "PUT https://myapp-uploads.s3.us-east-1.amazonaws.com/users/42/avatar.png?X-Amz-Signature=3f1c2ab7\nStatus Code: 200 OK" + fnError, "unknown"},
		{"the headers pane for an s3 object", "Request URL: https://s3.us-east-1.amazonaws.com/bucket/key.txt\nRequest Method: GET\nStatus Code: 403 Forbidden" + fnError, "unknown"},
		{"curl to an s3 website", "$ curl -i http://bucket.s3-website-us-west-2.amazonaws.com/\nHTTP/1.1 403 Forbidden" + fnError, "unknown"},
		{"an s3 request's 5xx", "PUT https://bucket.s3.amazonaws.com/k 503 (Service Unavailable)" + fnError, "503"},
		{"a script on an execute-api host", "GET https://xx.execute-api.us-east-1.amazonaws.com/_nuxt/b43f66.js net::ERR_ABORTED 403", "none"},
		{"a route on a custom domain", "POST https://api.example.com/v1/items 403 (Forbidden)", "none"},
		{"an image from a function url", "GET https://abc.lambda-url.us-east-1.on.aws/logo.png 403", "none"},
		{"the favicon, then the API's own request", "GET http://localhost:5173/favicon.ico 404 (Not Found)\nPOST " + url + " 403 (Forbidden)", "none"},
		{"an s3 request, then the API's status line", "PUT https://bucket.s3.amazonaws.com/k\n$ curl -i " + url + "\nHTTP/2 403", "none"},
		// a status answers a request named in its own paragraph only:
		// after a blank line it is another paste's, the API's (curl -v's
		// lone ">" is no paragraph's end)
		{"curl -v for a static asset", "$ curl -v https://cdn.example.com/img/hero.webp\n*   Trying 203.0.113.7:443...\n* Connected to cdn.example.com (203.0.113.7) port 443\n> GET /img/hero.webp HTTP/2\n> Host: cdn.example.com\n>\n< HTTP/2 404" + fnError, "unknown"},
		{"a static asset, then another paste's status", "GET https://cdn.example.com/img/hero.webp\n\nHTTP/1.1 413 Payload Too Large", "none"},
	})
}

// TestTheCausesCodeAmongSeveralTiers: a report of several tiers (a
// front-end proxy before the API, an API calling another) shows each
// tier's 5xx; the one the named cause answers with (docs/taxonomy.md's
// status columns) is the API's, whichever tier the report names last. A
// request whose own status line or Method completed gave its code keeps
// it.
func TestTheCausesCodeAmongSeveralTiers(t *testing.T) {
	const importErr = "\n[ERROR] Runtime.ImportModuleError: Unable to import module 'handler': No module named 'shared'"
	checkStatuses(t, []statusCase{
		{"the front end's 500, the API's 502", "Frontend: 500 Internal Server Error on all data endpoints\nBackend API: 502 Bad Gateway" + importErr, "502"},
		{"the API's 502 first", "Backend API: 502 Bad Gateway\nFrontend: 500 Internal Server Error" + importErr, "502"},
		{"the method's own status", "(11111111-2222-3333-4444-555555555555) Endpoint response body before transformations: {\"errorType\":\"Runtime.ImportModuleError\",\"errorMessage\":\"Unable to import module 'handler'\"}\n" +
			"(11111111-2222-3333-4444-555555555555) Method completed with status: 500\nHTTP/1.1 500 Internal Server Error\nThe CDN in front answers 502 Bad Gateway.", "500"},
	})
}

// TestAFailedInvocationBesideARefusal: a request the gateway refused itself
// (its own 4xx body, {"message":"Forbidden"} or "Missing Authentication
// Token") never reached a function, so a failed invocation beside it is
// another request's, whose answer no line shows: no all-clear. A 4xx whose
// body the function may have written keeps it, and so does the refusal
// alone.
func TestAFailedInvocationBesideARefusal(t *testing.T) {
	const invocation = "\nSTART RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST\n" +
		"2024-03-12T10:15:01.123Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\tInvoke Error \t{\"errorType\":\"TypeError\",\"errorMessage\":\"x is undefined\"}\n" +
		"END RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11"
	checkStatuses(t, []statusCase{
		{"the gateway's 403 body", "HTTP/1.1 403 Forbidden\n{\"message\":\"Forbidden\"}" + invocation, "unknown"},
		{"a missing route's 403", "HTTP/1.1 403 Forbidden\n{\"message\":\"Missing Authentication Token\"}" + invocation, "unknown"},
		{"a 403 the function may have written", "HTTP/1.1 403 Forbidden\n{\"message\":\"Invalid token\"}" + invocation, "none"},
		{"the refusal alone", "HTTP/1.1 403 Forbidden\n{\"message\":\"Forbidden\"}", "none"},
	})
}

// Japanese quotes a code in its corner brackets (「」, 『』), and writes
// サーバ with or without the long vowel mark (サーバエラー, サーバーエラー),
// as the existing サーバ内部エラー form: people's Japanese write-ups
// (traveler0401.com's API Gateway payload article: "APIが「500」のサーバ
// エラーを返却する"). A count or a length in the brackets is none.
func TestJapaneseQuotedCodeForms(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"code in corner brackets, its error", "APIを叩くと「502」エラーになる", "502"},
		{"code in corner brackets, returned", "「504」が返ってきます", "504"},
		{"code in white corner brackets", "『503』エラーが出る", "503"},
		{"code before the reason phrase", "APIが「500」のサーバエラーを返却するのです。", "500"},
		{"code and the phrase with the mark", "API Gatewayから500サーバーエラーが返る", "500"},
		{"the phrase without the mark", "API Gateway経由だとサーバエラーになります", "500"},
		{"a 4xx in corner brackets", "「403」エラーが返ってくる", "none"},
		// look-alikes: a count and a length in the brackets
		{"a count in corner brackets", "画像は「500」件まで取得できる", "unknown"},
		{"a length in corner brackets", "タイムアウトは「500」ミリ秒です", "unknown"},
	})
}

// The code with the protocol's name between it and the word that makes it
// a status ("triggers a 403 HTTP Error", aws-amplify/amplify-swift issue
// 2542; "in front-end you will get a 502 HTTP response status code", a
// write-up on Lambda's payload limit), and a request that ends in a 5xx
// ("all three still ended in `500`", a bookstore API's incident log), a
// 500 to 509 only. Look-alikes: what a name ends in, a length.
func TestHTTPErrorAndEndedInForms(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"4xx http error", "the presence of query parameters on the request object triggers a 403 HTTP Error.", "none"},
		{"5xx http error", "Calling the endpoint triggers a 502 HTTP error.", "502"},
		{"http response status code", "in front-end you will get a 502 HTTP response status code.", "502"},
		{"http status code", "the 504 HTTP status code comes back after 29 seconds", "504"},
		{"ended in", "warm environment), and all three still ended in `500`", "500"},
		{"ends in a", "every call through the API ends in a 502", "502"},
		{"ends in a 4xx is not read", "every call ends in a 404", "unknown"},
		// look-alikes
		{"a name's ending", "the error page's file name ends in 404.html", "unknown"},
		{"a length", "the request ended in 500 ms", "unknown"},
	})
}

// The status named with what it was the status of ("The returned status
// code for this request was a 504", DataBiosphere/azul issue 6284), and a
// 5xx a request generated or triggered ("Every API call generated a 500",
// serverless/serverless issue 7185; "would trigger a 500", aws/aws-cdk
// issue 34777), a 500 to 509 only. Look-alikes: a convention, a design, a
// count.
func TestStatusOfAndGeneratedForms(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"status code for this request", "The returned status code for this request was a 504, according to the matching API Gateway execution logs.", "504"},
		{"status code of these calls", "The status code of these calls is 502.", "502"},
		{"generated a", "Every API call generated a 500; AWS gateway log says nothing else", "500"},
		{"generates a", "each request through the stage generates a 502", "502"},
		{"would trigger a", "changing the template would trigger a 500 in API Gateway", "500"},
		// look-alikes
		{"a convention", "The status code for a successful call is 200.", "unknown"},
		{"an expected status", "The expected status code for this request is 503.", "unknown"},
		{"a 4xx is not read so", "The response status code for the call was 403.", "unknown"},
		{"a design", "the handler generates a 404 page for unknown paths", "unknown"},
		{"a count", "we generate 500 test events per run", "unknown"},
	})
}

// A code right before the gateway's body it came with, as people and
// scripts print a response on one line (aws/aws-lambda-web-adapter issue
// 830: "Intermittent `500 {"message":"Internal Server Error"}` to the
// client"; "`504 {"message": "Endpoint request timed out"}`"). Not a code
// that ends a larger number or a version.
func TestCodeBeforeItsBodyForms(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"http api 500 and its body", "Intermittent `500 {\"message\":\"Internal Server Error\"}` to the client.", "500"},
		{"rest 504 and its body", "`504 {\"message\": \"Endpoint request timed out\"}`", "504"},
		{"rest 502 and its body", "POST /orders -> 502 {\"message\": \"Internal server error\"}", "502"},
		{"403 and its body", "403 {\"message\":\"Forbidden\"}", "none"},
		// look-alikes: a version's last number, a time's milliseconds
		{"a version", "v1.500 {\"message\":\"x\"}", "unknown"},
		{"milliseconds", "10:15:01,502 {\"message\":\"started\"}", "unknown"},
	})
}

// The gateway refusing a request and the code it refused it with (gchq/
// sleeper issue 5755: "API Gateway rejects the message with a 413"), any
// code with the gateway as the verb's subject, and a 5xx whoever rejected
// it. Look-alikes: a design, a wish, a negated passive.
func TestRejectedWithForms(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"the gateway rejects with a 4xx", "the response is too large and API Gateway rejects the message with a 413", "none"},
		{"the gateway rejected with a 4xx and its phrase", "the API Gateway rejected my upload with a 413 Request Entity Too Large", "none"},
		{"rejected with a 5xx", "API Gateway rejected the request with 502", "502"},
		{"rejected by the gateway with a 5xx", "the request was rejected by API Gateway with a 500", "500"},
		// look-alikes
		{"a design", "we reject invalid input with a 400 in our handler", "unknown"},
		{"a wish", "The authorizer should reject expired tokens with a 401.", "unknown"},
		{"a negated passive", "so that the request is not rejected by API Gateway with a 403", "unknown"},
	})
}

// A request that timed out with the code it got ("it timed out with a
// 504"), a 500 to 509 only. Look-alikes: a setting, a count.
func TestTimedOutWithForms(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"timed out with a 5xx", "it timed out with a 504", "504"},
		{"timing out after a while with a 5xx", "requests started timing out after 29 seconds with a 504", "504"},
		{"times out with the code", "the endpoint times out with HTTP 503 under load", "503"},
		// look-alikes
		{"a setting", "I set the function to time out with a 500 ms margin", "unknown"},
		{"a count", "the load test timed out with 500 users", "unknown"},
	})
}
