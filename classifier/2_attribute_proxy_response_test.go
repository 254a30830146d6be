package classifier

import "testing"

// "Received response. Status: N" after the request's endpoint is Lambda's
// Invoke API ("Endpoint request URI: https://lambda.<region>.amazonaws.com/
// 2015-03-31/functions/.../invocations", or "Sending request to" it) is
// Lambda's answer to the gateway: the Invoke API reference's errors
// (TooManyRequestsException 429, RequestTooLargeException 413,
// ServiceException 500, the 502s of the function's VPC, key and runtime
// settings) and the Lambda API's common errors (AccessDeniedException 403,
// ServiceUnavailable 503). After another endpoint the status is that
// backend's, as the developer guide's HTTP integration pages read it.
func TestLambdaInvokeAnswerStatus(t *testing.T) {
	const id = "(6c6d6e6f-0000-4000-8000-00000000abcd) "
	const lambda = "https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders/invocations"
	const backend = "https://backend.example.com/orders"
	uri := func(endpoint, status string) string {
		return id + "Endpoint request URI: " + endpoint + "\n" +
			id + "Received response. Status: " + status + ", Integration latency: 12 ms\n"
	}
	sending := func(endpoint, status string) string {
		return "Thu Apr 05 11:07:54 UTC 2018 : Sending request to " + endpoint + "\n" +
			"Thu Apr 05 11:07:54 UTC 2018 : Received response. Status: " + status + ", Integration latency: 12 ms\n"
	}
	done := func(code string) string { return id + "Method completed with status: " + code }
	checkWordings(t, []wording{
		// the Invoke API reference: TooManyRequestsException, HTTP 429
		{"Lambda's 429", uri(lambda, "429") + done("500"), "lambda_throttled", "500"},
		{"Lambda's 429, the console's test", sending(lambda, "429"), "lambda_throttled", "500"},
		// the Invoke API reference: RequestTooLargeException, HTTP 413
		{"Lambda's 413", uri(lambda, "413") + done("500"), "lambda_payload_too_large", "500"},
		{"Lambda's 413 alone", uri(lambda, "413"), "lambda_payload_too_large", "500"},
		// the Lambda API's common errors: AccessDeniedException, HTTP 403
		{"Lambda's 403", uri(lambda, "403") + done("500"), "lambda_invoke_permission", "500"},
		// the Invoke API reference: ServiceException, HTTP 500; the common
		// errors: ServiceUnavailable, HTTP 503
		{"Lambda's 500", uri(lambda, "500") + done("500"), "internal_service_failure", "500"},
		{"Lambda's 503", uri(lambda, "503") + done("500"), "internal_service_failure", "500"},
		{"Lambda's 503, the console's test", sending(lambda, "503"), "internal_service_failure", "500"},
		// the Invoke API reference's 502s (ENILimitReachedException,
		// KMSAccessDeniedException, ...): a 5xx, no cause the taxonomy names
		{"Lambda's 502", uri(lambda, "502"), "unknown", "500"},
		// and its message alone, the object's Type cut off and no endpoint
		// line kept (serverless/examples issue 279's console test): Lambda's
		// refusal, not the gateway's role (its "AccessDeniedException" is
		// KMS's answer to Lambda)
		{"Lambda's KMS refusal, its message alone", "Endpoint response body before transformations: {\"Message\":\"Lambda was unable to decrypt the environment variables because KMS access was denied. Please check the function's KMS key settings. KMS Exception: AccessDeniedExceptionKMS Message: The ciphertext refers to a customer master key that does not exist\"}\nthe GET method throws an Internal Server Error", "unknown", "500"},
		// Lambda answered 200: the function ran; its answer is read by its body
		{"Lambda's 200", uri(lambda, "200") + done("200"), "not_5xx", "none"},
		// an HTTP integration's backend: its own statuses
		{"a backend's 503", uri(backend, "503") + done("503"), "backend_unavailable", "503"},
		{"a backend's 429", uri(backend, "429") + done("500"), "backend_throttled", "500"},
		{"a backend's 503, the console's test", sending(backend, "503"), "backend_unavailable", "unknown"},
		{"a backend's 413", uri(backend, "413") + done("500"), "unknown", "500"},
	})
}
