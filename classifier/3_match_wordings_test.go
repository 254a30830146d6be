package classifier

import (
	"strings"
	"testing"
)

// wording is a message as a browser, a runtime, an SDK or the gateway
// words it in its documentation, with the diagnosis it must lead to.
type wording struct {
	name, text, cause, status string
}

func diagnoseText(t *testing.T, text string) Diagnosis {
	t.Helper()
	s := NewSession(Hints{})
	if _, err := s.ReadFrom(strings.NewReader(text)); err != nil {
		t.Fatal(err)
	}
	return s.Diagnose(LangEN)
}

func checkWordings(t *testing.T, cases []wording) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := diagnoseText(t, c.text)
			if d.Cause.String() != c.cause || d.Status.String() != c.status {
				t.Errorf("got %s/%s, want %s/%s (%s)", d.Status, d.Cause, c.status, c.cause, d.Why)
			}
		})
	}
}

// A browser's CORS refusal is not a 5xx unless the browser shows one, or
// the evidence shows the failure whose response lacked the headers.
func TestCORSBlockWordings(t *testing.T) {
	checkWordings(t, []wording{
		{"chrome no header",
			"Access to fetch at 'https://abc123.execute-api.us-east-1.amazonaws.com/prod/items' from origin 'https://example.com' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
			"not_5xx", "none"},
		{"chrome origin mismatch",
			"Access to XMLHttpRequest at 'https://abc123.execute-api.us-east-1.amazonaws.com/v1/login' from origin 'https://example.com' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value 'http://localhost:3000' that is not equal to the supplied origin.",
			"not_5xx", "none"},
		{"firefox header missing",
			"Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://abc123.execute-api.us-east-1.amazonaws.com/prod/items. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing).",
			"not_5xx", "none"},
		{"safari",
			"Origin https://example.com is not allowed by Access-Control-Allow-Origin.",
			"not_5xx", "none"},
		{"firefox shows the 502 it refused",
			"Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://abc123.execute-api.us-east-1.amazonaws.com/prod/items. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 502.",
			"unknown", "502"},
		{"chrome with the failed request's status",
			"Access to fetch at 'https://abc123.execute-api.us-east-1.amazonaws.com/prod/items' from origin 'https://example.com' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.\nGET https://abc123.execute-api.us-east-1.amazonaws.com/prod/items net::ERR_FAILED 502 (Bad Gateway)",
			"unknown", "502"},
		{"refused preflight may be a 5xx",
			"Access to fetch at 'https://abc123.execute-api.us-east-1.amazonaws.com/prod/items' from origin 'https://example.com' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: It does not have HTTP ok status.",
			"unknown", "unknown"},
		{"firefox without a response",
			"Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://abc123.execute-api.us-east-1.amazonaws.com/prod/items. (Reason: CORS request did not succeed).",
			"unknown", "unknown"},
		{"a failing function's response lacks the headers",
			"Access to fetch at 'https://abc123.execute-api.us-east-1.amazonaws.com/prod/items' from origin 'https://example.com' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.\n" +
				"2024-03-12T10:15:01.123Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\tInvoke Error \t{\"errorType\":\"TypeError\",\"errorMessage\":\"Cannot read properties of undefined (reading 'id')\"}",
			"lambda_function_error", "502"},
	})
}
