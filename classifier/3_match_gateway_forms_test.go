package classifier

import "testing"

// The gateway's own failures (the integration it could not call, a role
// it could not use, a response type that names every integration failure)
// in the forms the API Gateway developer guide and the knowledge-center
// articles give them, with the look-alikes that must not name them.

// INTEGRATION_FAILURE is "the gateway response for an integration failed
// error" (the developer guide's gateway response types): REST access logs
// record it for a Lambda function's error as for any other integration
// failure, so the type names no cause; the integration error beside it may.
func TestIntegrationFailureNamesNoCause(t *testing.T) {
	rec := func(status, integrationError string) string {
		return `{"requestId":"6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11","status":"` + status + `","responseType":"INTEGRATION_FAILURE","errorMessage":"Internal server error","integrationError":"` + integrationError + `"}`
	}
	checkWordings(t, []wording{
		{"the type alone", rec("502", "-"), "unknown", "502"},
		// (the integration error the same record holds names the cause)
		{"a function's error beside it", rec("502", "Lambda Customer Function Error:'AZUL_S3_BUCKET'"), "lambda_function_error", "502"},
		{"the type as a person quotes it", "We get 502s and the access log says INTEGRATION_FAILURE.", "unknown", "502"},
	})
}

// The developer guide's and the knowledge-center articles' words for the
// gateway's missing invoke permission: "you must grant permissions for API
// Gateway to invoke the function" (HTTP API Lambda troubleshooting),
// "permissions for the API to invoke the integrated Lambda function" (the
// console's Add Permission to Lambda Function step), "doesn't include
// permissions for your API to invoke the function" (the article on 500s of
// Lambda integrations defined with a stage variable); the authorizer's
// ("grant API Gateway permission to invoke your authorizer") is the
// authorizer's failure.
func TestInvokePermissionInTheGuidesWords(t *testing.T) {
	checkWordings(t, []wording{
		{"for API Gateway", "HTTP/1.1 500 Internal Server Error\nThe fix was to grant permissions for API Gateway to invoke the function.", "lambda_invoke_permission", "500"},
		{"for the API, integrated", "HTTP/1.1 500 Internal Server Error\nThe stack never set up permissions for the API to invoke the integrated Lambda function.", "lambda_invoke_permission", "500"},
		{"for your API", "HTTP/1.1 500 Internal Server Error\nThe function's resource-based policy doesn't include permissions for your API to invoke the function.", "lambda_invoke_permission", "500"},
		{"for the service principal", "HTTP/1.1 500 Internal Server Error\nThere was no permission for apigateway.amazonaws.com to invoke the Lambda.", "lambda_invoke_permission", "500"},
		{"the authorizer", "HTTP/1.1 500 Internal Server Error\nWe forgot the permission for API Gateway to invoke the authorizer.", "authorizer_error", "500"},
		// (look-alikes: a caller's permission to invoke the API is IAM
		// authorization of the request, no integration's)
		{"the caller's permission", "HTTP/1.1 500 Internal Server Error\nThe caller has permission to invoke the API method.", "unknown", "500"},
		{"a permission for the API's callers", "HTTP/1.1 500 Internal Server Error\nI added a permission for the users to invoke the API.", "unknown", "500"},
	})
}
