package classifier

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestWhyKeepsControlCharactersEscaped(t *testing.T) {
	s := NewSession(Hints{})
	s.AddLine(`{"requestId":"r1","routeKey":"GET /x","status":"500","integrationErrorMessage":"boom \u001b[31mred\u001b[0m Invalid permissions on Lambda function"}`)
	d := s.Diagnose(LangEN)
	if strings.ContainsRune(d.Why, 0x1b) {
		t.Fatalf("why holds a raw escape character: %q", d.Why)
	}
	if !strings.Contains(d.Why, `\x1b[31m`) {
		t.Errorf("why lost the escaped character: %q", d.Why)
	}
}

func TestWhyTruncatesByCharacter(t *testing.T) {
	got := quoteMessage("Execution failed due to configuration error: " + strings.Repeat("é", 300))
	if !utf8.ValidString(got) {
		t.Fatalf("why cut a character in half: %q", got)
	}
	if n := utf8.RuneCountInString(got); n != maxWhyRunes+3 {
		t.Errorf("why has %d characters, want %d", n, maxWhyRunes+3)
	}
}

// Diagnose changes nothing but what the last lines left waiting: called
// between lines that leave nothing waiting, it changes no later answer;
// called while a line waits to see whether a stack trace's frames follow,
// it reads that line as if the input ended there, and frames added later
// do not join it.
func TestDiagnoseChangesOnlyWhatWaits(t *testing.T) {
	first := "(11111111-2222-3333-4444-555555555555) Method completed with status: 200\n"
	rest := "(66666666-7777-8888-9999-000000000000) Execution failed due to configuration error: Malformed Lambda proxy response\n" +
		"(66666666-7777-8888-9999-000000000000) Method completed with status: 502\n"
	whole := diagnoseWith(t, Hints{}, first+rest)
	s := NewSession(Hints{})
	s.AddLine(strings.TrimSpace(first))
	s.Diagnose(LangEN)
	for _, l := range strings.Split(strings.TrimSpace(rest), "\n") {
		s.AddLine(l)
	}
	if got := s.Diagnose(LangEN); !reflect.DeepEqual(got, whole) {
		t.Errorf("a diagnosis in between changed the answer:\n%+v\nwant\n%+v", got, whole)
	}
	if again := s.Diagnose(LangEN); !reflect.DeepEqual(again, whole) {
		t.Errorf("a second diagnosis differs:\n%+v\nwant\n%+v", again, whole)
	}

	held := NewSession(Hints{})
	held.AddLine("retrofit2.HttpException: HTTP 503 ")
	held.Diagnose(LangEN) // the line waits for frames; Diagnose reads it as the client's
	held.AddLine("\tat com.example.orders.OrdersHandler.handleRequest(OrdersHandler.java:42)")
	if d := held.Diagnose(LangEN); d.Status != Status503 {
		t.Errorf("the held line was not read when Diagnose was called: got %s/%s", d.Status, d.Cause)
	}
}

// A client that could not set up TLS with the API's endpoint got no HTTP
// answer at all: the status stays unknown (no all-clear without an
// answer), and the explanation says what was seen instead of "no
// evidence". Each row is a client's own words for a certificate it does
// not trust; the look-alikes are the function's own call failing TLS, a
// TLS failure beside a 5xx a client got, and no evidence at all.
func TestClientTLSFailureExplained(t *testing.T) {
	const tlsWhy = "could not set up TLS with the API's endpoint"
	cases := []struct {
		name, text, cause, status string
		explained                 bool
	}{
		// curl's CURLE_PEER_FAILED_VERIFICATION (exit 60)
		{"curl", "curl: (60) SSL certificate problem: unable to get local issuer certificate", "unknown", "unknown", true},
		// Node.js's TLS socket (UNABLE_TO_VERIFY_LEAF_SIGNATURE) under a
		// script's frame
		{"node script", "Error: unable to verify the first certificate\n    at TLSSocket.onConnectSecure (node:_tls_wrap:1659:34)\n    at TLSSocket.emit (node:events:517:28)\n    at async main (/Users/dana/orders-cli/call.js:12:5)", "unknown", "unknown", true},
		// requests' SSLError over ssl.SSLCertVerificationError
		{"python requests", "requests.exceptions.SSLError: HTTPSConnectionPool(host='api.example.com', port=443): Max retries exceeded with url: /orders (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate in certificate chain (_ssl.c:1006)')))", "unknown", "unknown", true},
		// Chrome's interstitial for a certificate of an untrusted CA
		{"browser", "NET::ERR_CERT_AUTHORITY_INVALID", "unknown", "unknown", true},
		// (look-alikes)
		{"the function's own call", "START RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST\n2024-01-01T00:00:00.000Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\tError: unable to verify the first certificate\nEND RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11", "lambda_function_error", "unknown", false},
		{"beside a 5xx", "curl: (60) SSL certificate problem: unable to get local issuer certificate\nHTTP/1.1 502 Bad Gateway", "unknown", "502", false},
		{"no evidence", "hello world", "unknown", "unknown", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := diagnoseText(t, c.text)
			if d.Cause.String() != c.cause || d.Status.String() != c.status {
				t.Errorf("got %s/%s, want %s/%s (%s)", d.Status, d.Cause, c.status, c.cause, d.Why)
			}
			if got := strings.Contains(d.Why, tlsWhy); got != c.explained {
				t.Errorf("explained as a client's TLS failure: %v, want %v (%s)", got, c.explained, d.Why)
			}
		})
	}
}

// TestQuoteMessageOfRuntimeRecords: the Why sentence quotes a runtime
// record's message, not its tab-separated timestamp, request id and level,
// and an access record's message, or its deciding figures when it has none.
func TestQuoteMessageOfRuntimeRecords(t *testing.T) {
	for _, tc := range []struct{ source, line, want string }{
		{"Lambda guide, Node.js logging: timestamp, request id, level, message",
			"2026-12-02T19:26:13.123Z\t8f3b9a6e-aaaa-bbbb-cccc-1234567890ab\tERROR\tInvoke Error \t{\"errorType\":\"TypeError\"}",
			`"Invoke Error \t{"errorType":"TypeError"}"`},
		{"Lambda guide, Python logging: level, timestamp, request id, message",
			"[ERROR]\t2026-12-02T19:26:13.123Z\t8f3b9a6e-aaaa-bbbb-cccc-1234567890ab\tKeyError: 'orderId'",
			`"KeyError: 'orderId'"`},
		{"Lambda guide, function timeout: timestamp, request id, message",
			"2026-12-02T19:26:13.123Z\t8f3b9a6e-aaaa-bbbb-cccc-1234567890ab\tTask timed out after 3.00 seconds",
			`"Task timed out after 3.00 seconds"`},
		{"HTTP API access log (the developer guide's example format) without an error message: the deciding figures",
			`{"requestId":"c0ffee00-1111-2222-3333-444455556666","ip":"203.0.113.9","httpMethod":"POST","routeKey":"POST /orders","status":"504","protocol":"HTTP/1.1","responseLength":"41","integrationLatency":"30001","integrationErrorMessage":"-"}`,
			`"status 504, integrationLatency 30001 ms"`},
		{"access log with an integration error message: the message",
			`{"requestId":"c0ffee00-1111-2222-3333-444455556666","status":"500","integrationErrorMessage":"The Lambda function returned the following error: boom"}`,
			`"The Lambda function returned the following error: boom"`},
		{"a line of no runtime record keeps its tabs",
			"Error: connect ECONNREFUSED\tat TCPConnectWrap",
			`"Error: connect ECONNREFUSED\tat TCPConnectWrap"`},
	} {
		if got := quoteMessage(escapeLine([]byte(tc.line))); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.source, got, tc.want)
		}
	}
}
