package classifier

import "testing"

// The failure messages of the Lambda web adapters, as each library's source
// writes them into the function's log (after the runtime's level and
// request-id columns) or into the body it answers with.
func TestAdapterWordings(t *testing.T) {
	const py = "[ERROR]\t2024-03-12T10:15:01.123Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\t"
	const node = "2024-03-12T10:15:01.123Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\t"
	fn := "lambda_function_error"
	checkWordings(t, []wording{
		// mangum/adapter.py Mangum.infer
		{"mangum event", py + "RuntimeError: The adapter was unable to infer a handler to use for the event. This is likely related to how the Lambda function was invoked. (Are you testing locally? Make sure the request payload is valid for a supported handler.)", fn, "unknown"},
		{"mangum event without the runtime's columns", "RuntimeError: The adapter was unable to infer a handler to use for the event. This is likely related to how the Lambda function was invoked.", fn, "unknown"},
		// mangum/protocols/http.py HTTPCycle.run: logs, then answers 500
		{"mangum app exception", py + "Exception in 'http' protocol.", fn, "500"},
		// @vendia/serverless-express src/event-sources/utils.js getEventSourceNameBasedOnEvent
		{"serverless-express event", node + "Invoke Error \t{\"errorType\":\"Error\",\"errorMessage\":\"Unable to determine event source based on event.\"}", fn, "unknown"},
		{"serverless-express event bare", "Error: Unable to determine event source based on event.", fn, "unknown"},
		// quarkus extensions/amazon-lambda-http LambdaHttpHandler: logs "Request Failure", answers 500
		{"quarkus event", "2024-03-12 10:15:01,123 ERROR [qua.ama.lam.http] (main) Request Failure: java.lang.IllegalStateException: Missing HTTP method in request event", fn, "500"},
		// bref src/Event/InvalidLambdaEvent.php
		{"bref event", "Fatal error: Uncaught Bref\\Event\\InvalidLambdaEvent: This handler expected to be invoked with a API Gateway or ALB event (check that you are using the correct Bref runtime: https://bref.sh/docs/runtimes/#bref-runtimes).", fn, "unknown"},
		// bref src/Event/Http/FpmHandler.php
		{"bref fpm", "Error communicating with PHP-FPM to read the HTTP response. Bref will restart PHP-FPM now. Original exception message: hollodotme\\FastCGI\\Exceptions\\ReadFailedException Stream got blocked, or terminated.", fn, "unknown"},
		// chalice/app.py Chalice._get_view_function_response: logs, then answers 500
		{"chalice", py + "Caught exception for <function index at 0x7f3c2e1b5e50>", fn, "500"},
		// chalice/app.py: the body of a view's ChaliceViewError, the code
		// every uncaught exception got in its early releases
		{"chalice view error", "HTTP/1.1 500 Internal Server Error\n\n{\n    \"Code\": \"ChaliceViewError\",\n    \"Message\": \"An internal server error occurred.\"\n}", fn, "500"},
		// and its bodies of the errors a view raises on purpose, each its 4xx
		{"chalice bad request", "returns\n `{\"Code\":\"BadRequestError\",\"Message\":\"Invalid value for parameter `size`, must not be greater than 75\"}`", "not_5xx", "none"},
		{"chalice not found", "{\"Code\": \"NotFoundError\", \"Message\": \"NotFoundError: no such item\"}", "not_5xx", "none"},
		{"chalice 4xx body beside a 502", "{\"Code\":\"BadRequestError\",\"Message\":\"bad size\"}\nHTTP/1.1 502 Bad Gateway", "unknown", "502"},
		// zappa/handler.py LambdaHandler.handler: the body of its own 500
		{"zappa body", "\"{'message': 'An uncaught exception happened while servicing this request. You can investigate this with the `zappa tail` command.'}\"", fn, "500"},
		// Amazon.Lambda.AspNetCoreServer AbstractAspNetCoreFunction.ProcessRequest: logs, then answers 500
		{"aspnetcore", "[Error] Amazon.Lambda.AspNetCoreServer.APIGatewayProxyFunction: Unknown error responding to request: NullReferenceException:", fn, "500"},
		// aws-serverless-java-container AwsProxyExceptionHandler.handle: 500 or 502, its code decides
		{"java container", "2024-03-12 10:15:01 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 ERROR AwsProxyExceptionHandler - Called exception handler for:", fn, "unknown"},
		{"java container under its 502", "ERROR AwsProxyExceptionHandler - Called exception handler for:\nHTTP/1.1 502 Bad Gateway\n{\"message\":\"Gateway timeout\"}", fn, "502"},
		// and its answer as the client got it: 502 with "Gateway timeout"
		{"java container's answer", "HTTP/2 502\n\n{\"message\":\"Gateway timeout\"}", fn, "502"},
		{"java container's answer, body first", "{\"message\":\"Gateway timeout\"}\nHTTP/2 502", fn, "502"},
		{"the same body under a 504 is no container's", "HTTP/2 504\n\n{\"message\":\"Gateway timeout\"}", "integration_timeout", "504"},
		// and the proxy response object it builds (AwsProxyExceptionHandler:
		// statusCode 502, the body escaped), as the Lambda console's test prints it
		{"java container's proxy response", "{\n  \"statusCode\": 502,\n  \"headers\": {\n    \"Content-Type\": \"application/json\"\n  },\n  \"body\": \"{\\\"message\\\":\\\"Gateway timeout\\\"}\",\n  \"base64Encoded\": false\n}", fn, "502"},
		// (another body in the same object is the function's answer, no timeout)
		{"another proxy response", "{\n  \"statusCode\": 502,\n  \"body\": \"{\\\"message\\\":\\\"upstream failed\\\"}\"\n}", "unknown", "unknown"},
		// spring-cloud-function-context RoutingFunction.route: the name comes
		// from the message's header or the configuration, so no more than
		// the function's exception
		{"spring cloud function", "java.lang.IllegalStateException: Failed to establish route, since neither were provided: 'spring.cloud.function.definition' as Message header or as application property or 'spring.cloud.function.routing-expression' as application property.", fn, "unknown"},
	})
}

// The milliseconds that log4j, JBoss logging and Python's logging write
// after a comma belong to the timestamp: "10:15:01,502 ERROR" shows no 502.
func TestCommaMillisecondsAreNoStatus(t *testing.T) {
	for _, line := range []string{
		"2024-03-12 10:15:01,502 ERROR [com.example.Handler] (main) request failed",
		"2024-03-12 10:15:01,404 ERROR [com.example.Handler] (main) request failed",
	} {
		if d := diagnoseText(t, line); d.Status != StatusUnknown {
			t.Errorf("%q: status %s, want unknown", line, d.Status)
		}
	}
}
