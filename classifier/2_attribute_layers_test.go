package classifier

import "testing"

// Who said "failed to connect" decides whose connection failed: a client
// tool that got an HTTP status reached the API; a person saying it most
// often means their client; the function's own log means its dependency.
func TestConnectFailureByLayer(t *testing.T) {
	checkWordings(t, []wording{
		{"client tool log with a status",
			"2025-10-25T14:02:09.847058Z ERROR Failed to connect: Connection error: HTTP error: 500 Internal Server Error",
			"unknown", "500"},
		{"a person about their client",
			"Our mobile app couldn't connect to the API and got 502 Bad Gateway on every request.",
			"unknown", "502"},
		{"the function's dependency",
			"2024-03-12T10:15:01.123Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\tfailed to connect to db.internal:5432: connection refused\n" +
				"HTTP/1.1 502 Bad Gateway",
			"lambda_function_error", "502"},
	})
}

// A request that failed while the function logged nothing was never
// handed to the function, in the ways people say it.
func TestNoFunctionLogWordings(t *testing.T) {
	for _, words := range []string{
		"Nothing shows up in the CloudWatch logs of the function.",
		"No logs appeared in the function's log group.",
		"There are no Lambda logs at all for these requests.",
	} {
		checkWordings(t, []wording{{words, words + "\nHTTP/1.1 500 Internal Server Error", "lambda_invoke_permission", "500"}})
	}
}

// TestNamesRuntimeAPIPassesEveryMark feeds each of runtimeAPIMarks, alone
// amid other words, through namesRuntimeAPI: its pre-filter must pass
// every line a mark is in.
func TestNamesRuntimeAPIPassesEveryMark(t *testing.T) {
	for _, m := range runtimeAPIMarks {
		line := append(append([]byte("error: "), m...), " 413"...)
		if !namesRuntimeAPI(line) {
			t.Errorf("%q: not read as naming the runtime API", line)
		}
	}
}

// TestStackFrameOrSentence checks that a line opening with "at" is a stack
// frame only as a frame is written (a function, then its arguments or
// place), not a person's sentence that opens with the word.
func TestStackFrameOrSentence(t *testing.T) {
	for _, c := range []struct {
		line string
		want Layer
	}{
		{"at runtime.handler (/var/task/index.js:12:34)", LayerFunction},
		{"at com.example.handler.handlerequest(handler.java:21)", LayerFunction},
		{"at async promise.all (index 0)", LayerFunction},
		{"at tcpconnectwrap.afterconnect [as oncomplete] (node:net:1555:16)", LayerFunction},
		{"at /var/task/index.js:5:11", LayerFunction},
		{"at new client (/var/task/node_modules/pg/lib/client.js:50:12)", LayerFunction},
		{"at a high level: create a restapi with a vpclink integration.", LayerPerson},
		{"at first the api worked, then it started failing with a vpc link error.", LayerPerson},
	} {
		if got := attribute([]byte(c.line)); got != c.want {
			t.Errorf("%q: %s, want %s", c.line, got, c.want)
		}
	}
}

// A program's connection refused or reset by its peer is the function's
// call to a dependency (lambda-web-adapter's issues: the adapter's
// keep-alive connection to the web app beside it, reset), not the
// gateway's backend: the gateway words no failure so, and no caller of
// API Gateway is refused a connection. A call of the API's own endpoint
// stays the client's.
func TestPeerRefusalIsTheFunctionsCall(t *testing.T) {
	checkWordings(t, []wording{
		{"hyper reset", "Occasional 502 errors for expressjs apps running on Lambda.\n`hyper::Error(Io, Os { code: 104, kind: ConnectionReset, message: \"Connection reset by peer\" })`", "lambda_function_error", "502"},
		{"go dial refused", "The API answers 502 Bad Gateway.\ndial tcp 10.0.3.12:5432: connect: connection refused", "lambda_function_error", "502"},
		{"node refused", "The API answers 502 Bad Gateway.\nError: connect ECONNREFUSED 127.0.0.1:8080", "lambda_function_error", "502"},
		{"a client's call of the API", "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='abc123.execute-api.us-east-1.amazonaws.com', port=443): Max retries exceeded (Caused by NewConnectionError: [Errno 111] Connection refused)", "unknown", "unknown"},
	})
}
