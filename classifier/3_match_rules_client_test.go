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
