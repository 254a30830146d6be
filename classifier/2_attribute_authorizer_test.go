package classifier

import "testing"

// A Lambda invocation whose log shows an authorizer's event or answer is
// the authorizer's: its "Unauthorized" is the documented denial, a 401 the
// client's status shows (never a "no 5xx" without it), and any other
// failure of it is the 500 API Gateway answers an authorizer's failure
// with. The same error in a function that shows no authorizer's event
// stays the function's.
func TestAuthorizerLogIsTheAuthorizers(t *testing.T) {
	const (
		id = "3f1c2a4e-1b2c-4d5e-8f90-123456789abc"
		// the developer guide's "Input to an API Gateway Lambda
		// authorizer": a TOKEN authorizer's event, as Node.js logs it
		tokenEvent = "2024-05-01T10:00:00.000Z\t" + id + "\tINFO\tevent {\"type\":\"TOKEN\",\"authorizationToken\":\"Bearer abc\",\"methodArn\":\"arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/items\"}\n"
		// a REQUEST authorizer's, as Python prints the dict
		requestEvent = "[INFO]\t2024-05-01T10:00:00.000Z\t" + id + "\t{'type': 'REQUEST', 'methodArn': 'arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/items', 'headers': {}}\n"
		// an HTTP API authorizer's payload 2.0 ("Working with AWS Lambda
		// authorizers for HTTP APIs")
		v2Event = "2024-05-01T10:00:00.000Z\t" + id + "\tINFO\t{\"version\":\"2.0\",\"type\":\"REQUEST\",\"routeArn\":\"arn:aws:execute-api:us-east-1:123456789012:abcdef1234/$default/GET/items\",\"identitySource\":[\"Bearer abc\"]}\n"
		// the Node.js runtime's record of the documented denial,
		// callback("Unauthorized") or throw new Error("Unauthorized")
		nodeDenial = "2024-05-01T10:00:00.010Z\t" + id + "\tERROR\tInvoke Error \t{\"errorType\":\"Error\",\"errorMessage\":\"Unauthorized\",\"stack\":[\"Error: Unauthorized\",\"    at Runtime.handler (/var/task/index.js:12:11)\"]}\n"
		// Python's, raise Exception('Unauthorized')
		pythonDenial = "[ERROR]\t2024-05-01T10:00:00.010Z\t" + id + "\tException: Unauthorized\n"
		// an authorizer that lets a JWT library's error escape
		jwtError = "2024-05-01T10:00:00.010Z\t" + id + "\tERROR\tInvoke Error \t{\"errorType\":\"TokenExpiredError\",\"errorMessage\":\"jwt expired\",\"stack\":[\"TokenExpiredError: jwt expired\"]}\n"
		// a denial worded otherwise than exactly "Unauthorized", which
		// API Gateway answers as an authorizer error (500)
		lowerDenial = "2024-05-01T10:00:00.010Z\t" + id + "\tERROR\tInvoke Error \t{\"errorType\":\"Error\",\"errorMessage\":\"unauthorized: token invalid\"}\n"

		client401 = "HTTP/1.1 401 Unauthorized\n{\"message\":\"Unauthorized\"}"
		client500 = "HTTP/1.1 500 Internal Server Error"
		client502 = "HTTP/1.1 502 Bad Gateway\n{\"message\": \"Internal server error\"}"
	)
	checkWordings(t, []wording{
		{"TOKEN authorizer denies, client got 401", tokenEvent + nodeDenial + client401, "not_5xx", "none"},
		{"REQUEST authorizer denies in Python, client got 401", requestEvent + pythonDenial + client401, "not_5xx", "none"},
		// no client status: the denial alone says nothing about the answer
		{"authorizer denies, no client status", tokenEvent + nodeDenial, "unknown", "unknown"},
		{"TOKEN authorizer errors, client got 500", tokenEvent + jwtError + client500, "authorizer_error", "500"},
		{"HTTP API authorizer errors, client got 500", v2Event + jwtError + client500, "authorizer_error", "500"},
		{"authorizer denies in other words, client got 500", tokenEvent + lowerDenial + client500, "authorizer_error", "500"},
		// negatives: no authorizer's event in the function's log
		{"integration function throws Unauthorized, client got 502", nodeDenial + client502, "lambda_function_error", "502"},
		{"integration function errors, client got 502", jwtError + client502, "lambda_function_error", "502"},
	})
}
