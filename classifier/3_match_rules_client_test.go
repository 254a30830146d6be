package classifier

import "testing"

// The x-amzn-ErrorType header of the gateway's own 4xx answers in the forms
// it is shown in besides curl's: the Knowledge Center's article on 403
// errors from API Gateway (api-gateway-troubleshoot-403-forbidden)
// tabulates each as `"x-amzn-errortype" = "AccessDeniedException"`, a
// client's headers printed as JSON quote the name, and people quote the
// value in a sentence. The execution log's unquoted "x-amzn-ErrorType=" is
// the integration's answer to the gateway, and a function's log shows
// what its own calls got.
func TestDocumentedErrorTypeHeaderForms(t *testing.T) {
	const start = "START RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST\n"
	const end = "\nEND RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11"
	checkWordings(t, []wording{
		// the Knowledge Center's table, one row per 4xx error type it lists
		{"kc table, access denied", `"x-amzn-errortype" = "AccessDeniedException"`, "not_5xx", "none"},
		{"kc table, missing token", `"x-amzn-errortype" = "MissingAuthenticationTokenException"`, "not_5xx", "none"},
		{"kc table, signature expired", `"x-amzn-errortype" = "InvalidSignatureException"`, "not_5xx", "none"},
		{"kc table, unrecognized client", `"x-amzn-errortype" = "UnrecognizedClientException"`, "not_5xx", "none"},
		{"kc table, forbidden", `"x-amzn-errortype" = "ForbiddenException"`, "not_5xx", "none"},
		// a client's response headers printed as JSON (axios's
		// error.response.headers, a HAR entry's header values)
		{"headers as json", `{"content-type": "application/json", "x-amzn-errortype": "UnauthorizedException", "x-amzn-requestid": "0c0e4d8a-1b2c-4d5e-8f90-123456789abc"}`, "not_5xx", "none"},
		{"headers as json, throttled", `"x-amzn-errortype": "TooManyRequestsException"`, "not_5xx", "none"},
		// a person quoting it
		{"quoted value", `the x-amzn-errortype value is "ForbiddenException".`, "not_5xx", "none"},
		{"quoted header", "The x-amzn-ErrorType header is MissingAuthenticationTokenException", "not_5xx", "none"},
		// look-alikes: the integration's answer in the execution log, a
		// function's own call, and a 5xx another line shows
		{"endpoint response headers", "(fd443056-60d0-425f-874e-e93e5d61351e) Endpoint response headers: {Date=Mon, 01 Jan 2024 00:00:00 GMT, x-amzn-ErrorType=AccessDeniedException, x-amzn-RequestId=0c0e4d8a}", "credentials_role_error", "unknown"},
		// (an AWS service integration's throttling answer, as the execution
		// log quotes its headers: the service's, no client's 429)
		{"endpoint response headers, throttled", "(fd443056-60d0-425f-874e-e93e5d61351e) Endpoint response headers: {Date=Mon, 01 Jan 2024 00:00:00 GMT, x-amzn-ErrorType=LimitExceededException:http://internal.amazon.com/coral/com.amazon.coral.service/, x-amzn-RequestId=0c0e4d8a}\n(fd443056-60d0-425f-874e-e93e5d61351e) Method completed with status: 500", "backend_throttled", "500"},
		{"a function's own call", start + `2024-01-01T00:00:00.000Z	6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11	INFO	{"x-amzn-errortype": "ForbiddenException"}` + end, "unknown", "unknown"},
		{"beside a 5xx", "\"x-amzn-errortype\" = \"ForbiddenException\"\nHTTP/1.1 502 Bad Gateway", "unknown", "502"},
	})
}

// The rest of the InvalidSignatureException message AWS's SigV4 check
// answers a signature it did not compute the same (the IAM user guide's
// "Troubleshoot Signature Version 4 signing", SignatureDoesNotMatch), its
// later lines without the first, as pastes keep them: API Gateway's 403
// to the caller (mhart/aws4 issue 110 and aws/aws-sdk-js issue 2372 quote
// it for an execute-api host), an integration's or a function's signed
// call refused in the gateway's or the function's log.
func TestSignatureMismatchDetailForms(t *testing.T) {
	const (
		canonical = "The Canonical String for this request should have been\n'POST\n/dev/items\n\nhost:abc123.execute-api.us-east-1.amazonaws.com\nx-amz-date:20200427T221043Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'"
		toSign    = "The String-to-Sign should have been\n'AWS4-HMAC-SHA256\n20200427T221043Z\n20200427/us-east-1/execute-api/aws4_request\n8fa220f683adb6517b2df8f5558075060e023aabc1bb0308963977e75f161dda'"
		id        = "(fd443056-60d0-425f-874e-e93e5d61351e) "
		start     = "START RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST\n"
		end       = "\nEND RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11"
	)
	checkWordings(t, []wording{
		// the caller's 403, its lines as a client prints them
		{"canonical string, caller", canonical, "not_5xx", "none"},
		{"string to sign, caller", toSign, "not_5xx", "none"},
		// a person quoting it in a sentence, the newlines escaped
		// (aws-amplify/amplify-android issue 668)
		{"canonical string, quoted", `the response is ` + "`" + `The Canonical String for this request should have been\n'GET\n/items/Citro%25C3%25ABn/list` + "`", "not_5xx", "none"},
		// an AWS service integration's signed call refused, as the
		// execution log quotes the service's answer
		{"integration's call refused", id + `Endpoint response body before transformations: {"message":"The Canonical String for this request should have been 'POST /'"}` + "\n" + id + "Method completed with status: 500", "credentials_role_error", "500"},
		// look-alikes: the function's own signed call (its failure on a
		// dependency, no answer of the API's), a 5xx shown beside it, and
		// people asking how the string is built
		{"the function's own call", start + "2024-01-01T00:00:00.000Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\tInvalidSignatureException: The Canonical String for this request should have been 'POST /2015-03-31/functions/orders/invocations'" + end, "lambda_function_error", "unknown"},
		{"beside a 5xx", "HTTP/1.1 502 Bad Gateway\n" + canonical, "unknown", "502"},
		{"a question", "How do I compute the canonical string for a signed request?\nIs the string-to-sign built from it?", "unknown", "unknown"},
	})
}

// The body of the gateway's authorizer failures, {"message": null}, as a
// JavaScript object prints and is written ({ message: null }: Node's
// console.log of a client's response data, a person quoting it) as well as
// JSON. Another object that holds the field is not that body.
func TestAuthorizerFailureBodyForms(t *testing.T) {
	checkWordings(t, []wording{
		{"json", "HTTP/1.1 500 Internal Server Error\n{\"message\": null}", "authorizer_error", "500"},
		{"node's console.log", "{ message: null }", "authorizer_error", "500"},
		{"in a sentence", "Every call returns a 500 with {message: null}.", "authorizer_error", "500"},
		{"another object", "{ message: null, code: 'E_NOT_FOUND' }", "unknown", "unknown"},
	})
}
