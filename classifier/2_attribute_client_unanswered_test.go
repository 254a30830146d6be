package classifier

import (
	"strings"
	"testing"
)

// A client that got no HTTP answer it could read shows no status: the
// answer stays unknown (no all-clear without an answer), and the
// explanation says which kind of failure the client's line shows instead
// of "no evidence". Each row is a client's own output as the tool prints
// it (curl's exit messages, Chrome's and Firefox's consoles, Node.js's and
// Python's errors for a call of an execute-api host); the look-alikes are
// the same words in the function's own log, a library's error that names
// no API host, a person's sentence, and a failure beside an answer.
func TestUnansweredClientExplained(t *testing.T) {
	const (
		host  = "abc123.execute-api.us-east-1.amazonaws.com"
		start = "START RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST\n"
		end   = "\nEND RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11"
	)
	cases := []struct {
		name, text string
		kind       unansweredKind
	}{
		{"curl could not resolve", "curl: (6) Could not resolve host: " + host, unansweredUnreached},
		{"curl refused", "curl: (7) Failed to connect to " + host + " port 443 after 21 ms: Connection refused", unansweredUnreached},
		{"curl connect timeout", "curl: (28) Failed to connect to " + host + " port 443 after 75001 ms: Connection timed out", unansweredUnreached},
		{"curl handshake", "curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to " + host + ":443", unansweredUnreached},
		{"chrome name", "GET https://" + host + "/prod/items net::ERR_NAME_NOT_RESOLVED", unansweredUnreached},
		{"node name", "Error: getaddrinfo ENOTFOUND " + host, unansweredUnreached},
		{"python refused", "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='" + host + "', port=443): Max retries exceeded with url: /prod/items (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object at 0x7f>: Failed to establish a new connection: [Errno 111] Connection refused'))", unansweredUnreached},
		{"curl max time", "curl: (28) Operation timed out after 30001 milliseconds with 0 bytes received", unansweredNoReply},
		{"curl empty reply", "curl: (52) Empty reply from server", unansweredNoReply},
		{"curl reset", "curl: (56) Recv failure: Connection reset by peer", unansweredNoReply},
		{"chrome reset", "GET https://" + host + "/prod/items net::ERR_CONNECTION_RESET", unansweredNoReply},
		{"firefox no response", "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://" + host + "/prod/items. (Reason: CORS request did not succeed).", unansweredNoReply},
		{"python read timeout", "requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='" + host + "', port=443): Read timed out. (read timeout=30)", unansweredNoReply},
		{"axios timeout", "AxiosError: timeout of 30000ms exceeded (POST https://" + host + "/prod/orders)", unansweredNoReply},
		{"chrome preflight", "Access to fetch at 'https://" + host + "/prod/items' from origin 'https://example.com' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: It does not have HTTP ok status.", unansweredPreflight},
		{"curl certificate", "curl: (60) SSL certificate problem: unable to get local issuer certificate", unansweredTLS},
		{"chrome websocket", "main.js:12 WebSocket connection to 'wss://" + host + "/prod' failed: ", unansweredWebSocket},
		{"firefox websocket", "Firefox can’t establish a connection to the server at wss://" + host + "/prod.", unansweredWebSocket},
		{"wscat 1006", "Connected (press CTRL+C to quit)\n> {\"action\": \"send\"}\nDisconnected (code: 1006, reason: \"\")", unansweredWebSocket},
		{"a close event's 1006", "CloseEvent {isTrusted: true, wasClean: false, code: 1006, reason: '', type: 'close'}", unansweredWebSocket},
		{"gorilla 1006", "websocket: close 1006 (abnormal closure): unexpected EOF", unansweredWebSocket},
		{"python-websockets", "websockets.exceptions.ConnectionClosedError: no close frame received or sent", unansweredWebSocket},
		{"chrome's fetch", "Uncaught (in promise) TypeError: Failed to fetch", unansweredFetch},
		{"firefox's fetch", "TypeError: NetworkError when attempting to fetch resource.", unansweredFetch},
		{"safari's fetch", "Unhandled Promise Rejection: TypeError: Load failed", unansweredFetch},
		{"axios in a browser", "AxiosError: Network Error", unansweredFetch},
		{"chrome's failed request without a status", "POST https://" + host + "/prod/items net::ERR_FAILED", unansweredFetch},
		// (look-alikes)
		{"the function's own call", start + "2024-01-01T00:00:00.000Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\tError: getaddrinfo ENOTFOUND " + host + end, unansweredNone},
		{"no API host", "Error: socket hang up", unansweredNone},
		{"a person's words", "I get connection refused when I call the API.", unansweredNone},
		{"a failure beside an answer", "curl: (28) Operation timed out after 30001 milliseconds with 0 bytes received\nHTTP/1.1 504 Gateway Timeout", unansweredNone},
		{"no evidence", "hello world", unansweredNone},
		{"a local server's websocket", "WebSocket connection to 'ws://localhost:3001/' failed: ", unansweredLocal},
		{"a local server refused", "curl: (7) Failed to connect to localhost port 3000 after 0 ms: Connection refused", unansweredLocal},
		{"a local server's empty reply", "$ curl -s http://127.0.0.1:3000/dev/items\ncurl: (52) Empty reply from server", unansweredLocal},
		{"a browser's failure after a local curl call", "$ curl -s http://127.0.0.1:3000/dev/items\n{\"items\": []}\nUncaught (in promise) TypeError: Failed to fetch", unansweredFetch},
		{"a deployed API's empty reply after a local call", "$ curl -s http://127.0.0.1:3000/dev/items\n$ curl -s https://" + host + "/dev/items\ncurl: (52) Empty reply from server", unansweredNoReply},
		{"a local server, at a sentence's end", "Firefox can’t establish a connection to the server at ws://localhost.", unansweredLocal},
		{"a host that holds a loopback name", "curl: (6) Could not resolve host: api.localhost.example.com", unansweredUnreached},
		{"a network that ends in a loopback address", "curl: (7) Failed to connect to 10.0.0.0 port 443 after 3 ms: Connection refused", unansweredUnreached},
		{"a refused handshake's status", "WebSocket connection to 'wss://" + host + "/prod' failed: Error during WebSocket handshake: Unexpected response code: 502", unansweredNone},
		{"the function's own 1006", start + "2024-01-01T00:00:00.000Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\twebsocket: close 1006 (abnormal closure): unexpected EOF" + end, unansweredNone},
		{"a number, not a close code", "Duration: 1006.12 ms", unansweredNone},
		{"a failed request with its status", "POST https://" + host + "/prod/items net::ERR_FAILED 502 (Bad Gateway)", unansweredNone},
		{"another fetch", "Failed to fetch secrets from the vault", unansweredNone},
		{"node's fetch, which no CORS refuses", "TypeError: fetch failed", unansweredNone},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := readText(t, []byte(c.text))
			d := s.Diagnose(LangEN)
			note := s.UnansweredNote(LangEN)
			if c.kind == unansweredNone {
				if note != "" {
					t.Errorf("explained as a client without an answer: %q", note)
				}
				return
			}
			want := catalogNote(LangEN, c.kind.note())
			if note == "" || !strings.HasPrefix(note, want[:strings.Index(want, "{line}")]) || d.Why != note {
				t.Errorf("note %q, why %q; want the %s sentence", note, d.Why, c.kind.note())
			}
			if d.Status != StatusUnknown || d.Cause != CauseUnknown || len(d.Evidence) != 1 {
				t.Errorf("got %s/%s with evidence %q, want unknown/unknown and the client's line", d.Status, d.Cause, d.Evidence)
			}
		})
	}
}

// Each kind's explanation is the catalog's sentence in each language, with
// the line that showed the failure in it.
func TestUnansweredClientExplainedInEachLanguage(t *testing.T) {
	lines := map[unansweredKind]string{
		unansweredTLS:       "curl: (60) SSL certificate problem: unable to get local issuer certificate",
		unansweredUnreached: "curl: (6) Could not resolve host: abc123.execute-api.us-east-1.amazonaws.com",
		unansweredNoReply:   "curl: (52) Empty reply from server",
		unansweredFetch:     "TypeError: Failed to fetch",
		unansweredLocal:     "curl: (7) Failed to connect to localhost port 3000 after 0 ms: Connection refused",
		unansweredWebSocket: "WebSocket connection to 'wss://abc123.execute-api.us-east-1.amazonaws.com/prod' failed: ",
		unansweredPreflight: "Access to fetch at 'https://abc123.execute-api.us-east-1.amazonaws.com/prod/items' from origin 'https://example.com' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: It does not have HTTP ok status.",
	}
	for k, line := range lines {
		for _, l := range Langs() {
			d := readText(t, []byte(line)).Diagnose(l)
			want := catalogNote(l, k.note())
			if want == "" || strings.Contains(d.Why, "{line}") || !strings.Contains(d.Why, line[:20]) || !strings.HasPrefix(d.Why, want[:strings.Index(want, "{line}")]) {
				t.Errorf("%s, %s: why %q", l, k.note(), d.Why)
			}
		}
	}
}
