package classifier

import "bytes"

// A client that got no HTTP answer it could read from the endpoint it
// called shows no status: not a 5xx, and no all-clear either. When nothing
// else in the input is evidence, the explanation says what the client's
// line does show, which tells the on-call engineer where to look next,
// instead of saying that nothing was recognised. Seven kinds, each with
// its own note in the catalogs:
//   - TLS: the client did not trust the certificate the endpoint presented;
//   - unreached: the endpoint's name did not resolve, or the connection was
//     refused or timed out before it was set up (no request reached API
//     Gateway);
//   - no reply: the connection was set up, then closed, reset or outlived
//     the client's own timeout before any answer (the request may have
//     reached API Gateway, whose access log then holds its status);
//   - preflight: a browser's CORS preflight (OPTIONS) got an answer that is
//     not 2xx, whose status the browser does not print;
//   - WebSocket: a WebSocket client's connection failed or closed without
//     a status or a close code it could show (a browser hides a refused
//     handshake's status; 1006 is a client's word for no close frame);
//   - fetch: a browser's request failed with no response the page could
//     read (a CORS refusal, most often, or the network);
//   - local: any of the above on a call of a loopback host (localhost,
//     127.0.0.1), which is a local server's or emulator's, not API
//     Gateway's.

// unansweredKind is what a client's line says about the answer it did not
// get.
type unansweredKind int

const (
	unansweredNone unansweredKind = iota
	unansweredTLS
	unansweredUnreached
	unansweredNoReply
	unansweredPreflight
	unansweredWebSocket
	unansweredFetch
	unansweredLocal
)

// unansweredNotes are the catalog keys of each kind's sentence, by kind.
var unansweredNotes = [...]string{unansweredTLS: noteClientTLS, unansweredUnreached: noteClientUnreached,
	unansweredNoReply: noteClientNoReply, unansweredPreflight: noteClientPreflight, unansweredWebSocket: noteClientWebSocket,
	unansweredFetch: noteClientFetch, unansweredLocal: noteClientLocal}

// note is the key of the kind's sentence in the catalogs.
func (k unansweredKind) note() string { return unansweredNotes[k] }

// unansweredCall is the first line that showed a client without an answer.
type unansweredCall struct {
	line string
	kind unansweredKind
}

// clientTLSFailure are the words of a client that could not set up TLS
// with the server it called, as each prints a certificate it does not
// trust: curl's "SSL certificate problem: unable to get local issuer
// certificate" (exit 60), Node.js's "unable to verify the first
// certificate", "self-signed certificate in certificate chain" and
// "certificate has expired" (its TLS socket's verify errors), Python's
// ssl.SSLCertVerificationError ("[SSL: CERTIFICATE_VERIFY_FAILED]
// certificate verify failed", under requests' SSLError), Node.js's and
// Java's host name checks, and Chrome's interstitial codes
// (NET::ERR_CERT_AUTHORITY_INVALID, NET::ERR_CERT_COMMON_NAME_INVALID).
var clientTLSFailure = guard(`ssl certificate problem|unable to verify the first certificate|self[- ]signed certificate|certificate has expired` +
	`|sslcertverificationerror|certificate_verify_failed|net::err_cert_[a-z_]+|does not match certificate's altnames|no subject alternative (?:dns )?names? matching`)

// clientUnreached are a client's own words for a connection it never set
// up: curl's exit codes 6 (could not resolve host), 7 (failed to connect)
// and 35 (the TLS handshake failed), its 28 while connecting ("Failed to
// connect ... Connection timed out", "Connection timed out after N
// milliseconds", "Resolving timed out"), and Chrome's net::ERR_ codes for
// the same (a name that does not resolve, a connection refused or timed
// out, no network).
var clientUnreached = guard(`(?:^|\s)curl: \((?:6|7|35)\) |(?:^|\s)curl: \(28\) (?:failed to connect|connection timed out after|resolving timed out)` +
	`|net::err_(?:name_not_resolved|name_resolution_failed|connection_refused|connection_timed_out|address_unreachable|internet_disconnected)\b`)

// clientNoReply are a client's own words for a connection that ended
// without an answer: curl's exit codes 28 (its --max-time ran out, "Operation
// timed out after N milliseconds with 0 bytes received"), 52 (empty
// reply), 56 (the connection reset while receiving), 16 and 92 (HTTP/2
// framing), Chrome's net::ERR_ codes for a connection reset, closed or
// timed out without a response, and Firefox's "CORS request did not
// succeed", which it prints when no response came at all.
var clientNoReply = guard(`(?:^|\s)curl: \((?:16|28|52|56|92)\) ` +
	`|net::err_(?:connection_reset|connection_closed|empty_response|timed_out)\b|cors request did not succeed`)

// apiHostUnreached and apiHostNoReply are the words of a library's
// connection error (Node.js's system errors, Python's requests and
// urllib3, Go's net package, Java's), which only a line naming an
// execute-api host ties to a call of the API: a function calling its own
// dependencies prints the same words.
var (
	apiHostUnreached = guard(`enotfound|econnrefused|connection refused|could not resolve host|name or service not known|nodename nor servname|temporary failure in name resolution|no such host|failed to establish a new connection|unknownhostexception|connecttimeout|connect etimedout`)
	apiHostNoReply   = guard(`econnreset|socket hang up|etimedout|read timed out|readtimeout|timeout of \d+ms exceeded|remotedisconnected|connection aborted`)
)

// clientPreflightRefused is Chrome's refusal of a CORS preflight whose
// answer was not 2xx ("Response to preflight request doesn't pass access
// control check: It does not have HTTP ok status."): an answer, but its
// status is not printed.
const clientPreflightRefused = "does not have http ok status"

// clientWebSocketFailed are a WebSocket client's words for a connection
// that failed or closed without a status or a close code it could show:
// Chrome's "WebSocket connection to 'wss://...' failed" (the handshake's
// status, which older versions printed as "Unexpected response code: 403",
// it no longer prints; the client status forms read that one), Firefox's
// "Firefox can't establish a connection to the server at wss://...", and
// the close code 1006, which no server sends: a client's word for a
// connection that ended without a close frame (wscat's "Disconnected
// (code: 1006", a CloseEvent's "code: 1006", gorilla/websocket's "close
// 1006 (abnormal closure)", python-websockets' "no close frame received
// or sent", .NET's "without completing the close handshake").
var clientWebSocketFailed = guard(`websocket connection to \S+ failed|establish a connection to the server at wss?://` +
	`|(?:code(?: ?[:=] ?| )|close )1006\b|no close frame received or sent|without completing the close handshake`)

// clientFetchFailed are a browser's words for a request that got no
// response the page could read, which a CORS refusal and a network
// failure alike give (the console's "blocked by CORS policy" line above
// it tells the first): fetch's rejection in Chrome ("TypeError: Failed to
// fetch"), Firefox ("NetworkError when attempting to fetch resource") and
// Safari ("TypeError: Load failed"), axios' "Network Error" in a browser,
// and Chrome's net::ERR_FAILED on a request line without a status.
var clientFetchFailed = guard(`typeerror: (?:failed to fetch|load failed)\b|networkerror when attempting to fetch resource|(?:axioserror|error): network error\b|net::err_failed\s*$`)

// unansweredGates are literals one of which every line of the kinds
// holds, so that most lines are passed over with a few scans.
var unansweredGates = [][]byte{[]byte("cert"), []byte("curl: ("), []byte("net::err_"), []byte("did not succeed"), []byte(clientPreflightRefused), []byte("execute-api."),
	[]byte("websocket connection to"), []byte("to the server at ws"), []byte("1006"), []byte("close frame"), []byte("close handshake"),
	[]byte("fetch"), []byte("load failed"), []byte("network error")}

// loopbackHosts name the machine the client runs on.
var loopbackHosts = [][]byte{[]byte("localhost"), []byte("127.0.0.1"), []byte("0.0.0.0"), []byte("[::1]")}

// namesLoopback reports whether low names a loopback host as a whole host
// name, not as part of another (0.0.0.0 in 10.0.0.0, localhost in
// localhost.example.com or my-localhost): a port, a path or the end of a
// word may follow it, another label may not.
func namesLoopback(low []byte) bool { return containsAt(low, loopbackHosts, wholeHost) }

// wholeHost reports whether low[start:end] is a host name of its own: no
// label joins it on either side (a full stop after it ends a sentence).
func wholeHost(low []byte, start, end int) bool {
	if start > 0 && hostByte(low[start-1]) {
		return false
	}
	if end < len(low) && low[end] == '.' {
		end++
	}
	return end == len(low) || !hostByte(low[end])
}

// hostByte reports whether b may stand in a host name next to a label.
func hostByte(b byte) bool { return isWordByte(b) || b == '-' || b == '.' }

// noteUnanswered remembers the first line where a client, a script or a
// browser got no HTTP answer it could read (s.low holds it lower-cased).
// A function's own failed call is its dependency's, not the API's.
func (s *Session) noteUnanswered(line []byte, layer Layer) {
	if curlCommand(s.low) {
		// curl prints its error under the command that named the host
		s.st.curlLoopback = namesLoopback(s.low)
	}
	if s.st.unanswered.kind != unansweredNone || layer == LayerFunction || s.openLambda != "" || !containsAny(s.low, unansweredGates) {
		return
	}
	k := unansweredIn(s.low)
	// (the curl command's host is the host of curl's own error only, not
	// of another client's line further down the paste)
	if k != unansweredNone && (s.st.curlLoopback && bytes.Contains(s.low, []byte("curl: (")) || namesLoopback(s.low)) {
		k = unansweredLocal
	}
	if k != unansweredNone {
		s.st.unanswered = unansweredCall{line: string(line), kind: k}
	}
}

// unansweredIn returns the kind of a client's line without an answer, or
// unansweredNone.
func unansweredIn(low []byte) unansweredKind {
	apiHost := bytes.Contains(low, []byte("execute-api."))
	switch {
	case clientTLSFailure.Match(low):
		return unansweredTLS
	case clientUnreached.Match(low) || apiHost && apiHostUnreached.Match(low):
		return unansweredUnreached
	case clientNoReply.Match(low) || apiHost && apiHostNoReply.Match(low):
		return unansweredNoReply
	case bytes.Contains(low, []byte(clientPreflightRefused)):
		return unansweredPreflight
	case clientWebSocketFailed.Match(low):
		return unansweredWebSocket
	case clientFetchFailed.Match(low):
		return unansweredFetch
	}
	return unansweredNone
}
