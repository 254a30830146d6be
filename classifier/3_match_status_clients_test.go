package classifier

import (
	"fmt"
	"strings"
	"testing"
)

// TestStatusInClientLibraryErrors covers the client libraries whose error
// for a status opens its line with the error's name, as a function's
// uncaught error does: alone, or under frames outside Lambda's folders, the
// line is the client's and shows its code; under the frames of a function
// (/var/task) or after a Lambda runtime's level column it is the function's
// own call, which shows nothing of what the API's client got.
func TestStatusInClientLibraryErrors(t *testing.T) {
	checkStatuses(t, []statusCase{
		// request-promise-core, lib/errors.js: statusCode + ' - ' + the body
		{"request-promise", `StatusCodeError: 502 - {"message":"Internal server error"}`, "502"},
		{"request-promise, body a string", `StatusCodeError: 504 - "{\"message\": \"Endpoint request timed out\"}"`, "504"},
		{"request-promise on a developer's machine", "StatusCodeError: 503 - {\"message\":\"Service Unavailable\"}\n" +
			"    at new StatusCodeError (/Users/dev/app/node_modules/request-promise-core/lib/errors.js:32:15)", "503"},
		// httpx, _models.py raise_for_status: "{error type} '{code} {reason}' for url '{url}'"
		{"httpx by its short name", "HTTPStatusError: Server error '502 Bad Gateway' for url 'https://x.execute-api.us-east-1.amazonaws.com/prod/a'", "502"},
		{"httpx's 4xx", "HTTPStatusError: Client error '403 Forbidden' for url 'https://x.execute-api.us-east-1.amazonaws.com/prod/a'", "none"},
		// the Jersey 1.x client, UniformInterfaceException
		{"jersey 1.x client", "com.sun.jersey.api.client.UniformInterfaceException: GET https://x.execute-api.us-east-1.amazonaws.com/prod/a returned a response status of 502 Bad Gateway", "502"},
		// superagent, Response.toError: "cannot ${method} ${path} (${status})"
		{"superagent", "Error: cannot GET /prod/items (502)", "502"},
		{"superagent's 4xx", "Error: cannot POST /prod/orders (403)", "none"},
		{"superagent in the browser, a url", "Error: cannot GET https://x.execute-api.us-east-1.amazonaws.com/prod/a (504)", "504"},
		{"express's own 404 page, no status", "Cannot GET /prod/items", "unknown"},
		// Apollo Client's HTTP link, parseAndCheckHttpResponse.ts: the
		// ServerError thrown for a status of 300 or more, alone and as
		// ApolloError wraps it
		{"apollo client", "ServerError: Response not successful: Received status code 502", "502"},
		{"apollo client's 4xx", "ServerError: Response not successful: Received status code 403", "none"},
		{"apollo client, wrapped", "Uncaught (in promise) Error: Network error: Response not successful: Received status code 504", "504"},
		// the same errors as the function's own calls
		{"request-promise in a function's stack trace", "StatusCodeError: 502 - {\"message\":\"Internal server error\"}\n" +
			"    at new StatusCodeError (/var/task/node_modules/request-promise-core/lib/errors.js:32:15)\n" +
			"    at Request.plumbing.callback (/var/task/node_modules/request-promise-core/lib/plumbing.js:104:33)", "unknown"},
		{"superagent in a function's stack trace", "Error: cannot GET /v1/partners (503)\n" +
			"    at Response.toError (/var/task/node_modules/superagent/lib/node/response.js:98:15)", "unknown"},
		{"apollo client in a function's stack trace", "ServerError: Response not successful: Received status code 502\n" +
			"    at throwServerError (/var/task/node_modules/@apollo/client/link/utils/utils.cjs:12:17)\n" +
			"    at /var/task/node_modules/@apollo/client/link/http/http.cjs:105:21", "unknown"},
		{"httpx after the python runtime's level column", "[ERROR]\t2024-03-12T10:15:01.123Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tHTTPStatusError: Server error '503 Service Unavailable' for url 'https://partner.example.com/v1'", "unknown"},
		// no code, no status: request-promise's RequestError is a failed connection
		{"request-promise without a response", "RequestError: Error: socket hang up", "unknown"},
	})
}

// Slack reports what the endpoint a slash command posts to answered by its
// code and class ("500_service_error", "401_client_error"); the form in
// its words as people paste it, and the same words without a code.
func TestSlackSlashCommandErrorForms(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"a 5xx", "Darn - that slash command didn't work (error message: `500_service_error`). Manage the command at slash-command.", "500"},
		{"a 504, en dash", "Darn – that slash command didn't work (error message: `504_service_error`). Manage the command at my-app.", "504"},
		{"a 4xx", "Darn – that slash command didn't work (error message: `401_client_error`). Manage the command at <my slackbot>", "none"},
		{"no code", "Darn – that slash command didn't work (error message: `dispatch_failed`). Manage the command at my-app.", "unknown"},
	})
}

// The error a fetch() caller throws for a response that is not ok, in the
// words of MDN's fetch example with the status the code adds to it
// (throw new Error(`Network response was not ok: ${response.status}`), as
// a browser's console prints it). Not the code that throws it, nor the
// message without a status.
func TestFetchNotOkErrorForms(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"a 502", "Error: Network response was not ok: 502", "502"},
		{"in the console, with the status text", "Uncaught (in promise) Error: Network response was not ok: 502 Bad Gateway", "502"},
		{"a 4xx", "Error: Network response was not ok: 403 Forbidden", "none"},
		{"in parentheses", "Network response was not OK (504)", "504"},
		// look-alikes
		{"the code that throws it", "throw new Error(`Network response was not ok: ${response.status}`);", "unknown"},
		{"no status", "Error: Network response was not ok", "unknown"},
		{"the function's own call", "2024-03-12T10:15:01.123Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\tError: Network response was not ok: 503\n    at fetchPartner (/var/task/index.mjs:12:11)", "unknown"},
	})
}

// A client library's error whose trace a console's table splits into rows
// (each line an event, as a container's log driver writes a trace: the
// time alone, the line, a blank line) reads as the same trace unsplit: the
// frames continue the held line across the rows.
func TestClientErrorTraceAcrossConsoleRows(t *testing.T) {
	trace := []string{
		`StatusCodeError: 504 - {"message":"Endpoint request timed out"}`,
		"    at new StatusCodeError (/app/node_modules/request-promise/lib/errors.js:32:15)",
		"    at Request.plumbing.callback (/app/node_modules/request-promise-core/lib/plumbing.js:104:33)",
	}
	var rows strings.Builder
	for i, l := range trace {
		fmt.Fprintf(&rows, "2024-05-01T10:00:0%d.000-07:00\n%s\n\n", i, l)
	}
	plain := diagnoseWith(t, Hints{}, strings.Join(trace, "\n"))
	split := diagnoseWith(t, Hints{}, rows.String())
	if split.Status != plain.Status || split.Cause != plain.Cause {
		t.Errorf("split into console rows: %s/%s, unsplit: %s/%s", split.Status, split.Cause, plain.Status, plain.Cause)
	}
	// (and a blank line alone still ends the trace: the error line above it
	// is read by itself, the client's)
	apart := diagnoseWith(t, Hints{}, trace[0]+"\n\n"+trace[1]+"\n"+trace[2])
	if apart.Status.String() != "504" {
		t.Errorf("a blank line between: status %s, want 504", apart.Status)
	}
}
