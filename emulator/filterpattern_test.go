package emulator

import (
	"errors"
	"testing"
)

const (
	jsonRecord    = `{"requestId":"r-1","status":"502","integration":{"status":"-","latency":29000},"list":[{"id":7}],"flag":true,"none":null}`
	numericRecord = `{"requestId":"r-2","status":504,"responseLength":120}`
	clfRecord     = `203.0.113.7 - - [01/Jan/2026:12:00:00 +0000] "GET /orders/{id} HTTP/1.1" 502 36 4f2c1a3e-0000-4000-8000-000000000001 Network error communicating with endpoint`
)

func TestFilterPatternMatch(t *testing.T) {
	tests := []struct {
		pattern, msg string
		want         bool
	}{
		// JSON: text comparisons and wildcards
		{`{ $.status = "5*" }`, jsonRecord, true},
		{`{ $.status = 5* }`, jsonRecord, true},
		{`{ $.status = "50*" }`, jsonRecord, true},
		{`{ $.status = "*2" }`, jsonRecord, true},
		{`{ $.status = "*0*" }`, jsonRecord, true},
		{`{ $.status = "5*2" }`, jsonRecord, false}, // a * inside is itself
		{`{ $.status = "4*" }`, jsonRecord, false},
		{`{ $.status != "4*" }`, jsonRecord, true},
		{`{ $.status = "502" }`, jsonRecord, true},
		{`{ $.status = * }`, jsonRecord, true},
		{`{ $.status = 5* }`, numericRecord, true}, // a number read by its digits
		{`{ $.integration.status = "-" }`, jsonRecord, true},
		{`{ $.list[0].id = 7 }`, jsonRecord, true},
		{`{ $.list[1].id = 7 }`, jsonRecord, false},
		// JSON: numbers
		{`{ $.status >= 500 }`, numericRecord, true},
		{`{ $.status >= 500 && $.status < 600 }`, numericRecord, true},
		{`{ $.status > 504 }`, numericRecord, false},
		{`{ $.status = 504 }`, numericRecord, true},
		{`{ $.status = 5.04e2 }`, numericRecord, true},
		{`{ $.status != 504 }`, numericRecord, false},
		{`{ $.integration.latency > 1e4 }`, jsonRecord, true},
		{`{ $.status >= 500 }`, jsonRecord, false}, // a string that spells a number is no number
		{`{ $.status = 502 }`, jsonRecord, false},
		// JSON: a field missing, or not a value, matches nothing
		{`{ $.missing = * }`, jsonRecord, false},
		{`{ $.missing != "5*" }`, jsonRecord, false},
		{`{ $.integration = * }`, jsonRecord, false},
		{`{ $.flag = * }`, jsonRecord, false},
		{`{ $.none != 1 }`, jsonRecord, false},
		{`{ $.status = "5*" }`, clfRecord, false},
		{`{ $.status = "5*" }`, `prefix ` + jsonRecord, false},
		// JSON: && binds tighter than ||, parentheses group
		{`{ $.status = "5*" || $.status >= 500 }`, jsonRecord, true},
		{`{ $.status = "5*" || $.status >= 500 }`, numericRecord, true},
		{`{ $.status = "4*" || $.requestId = "r-1" && $.missing = 1 }`, jsonRecord, false},
		{`{ ($.status = "5*" || $.missing = 1) && $.requestId = "r-1" }`, jsonRecord, true},
		{`{ $.requestId = "r-1" || $.missing = 1 && $.status = "4*" }`, jsonRecord, true},
		{`{($.status=5*)&&($.requestId="r-*")}`, jsonRecord, true},
		// space-delimited
		{`[ip, id, user, timestamp, request, status=5*, ...]`, clfRecord, true},
		{`[ip, id, user, timestamp, request, status=4*, ...]`, clfRecord, false},
		{`[ip, id, user, timestamp, request, status>=500, ...]`, clfRecord, true},
		{`[ip, id, user, timestamp, request, status>=500 && status<600, ...]`, clfRecord, true},
		{`[ip, id, user, timestamp, request, status=404 || status=502, ...]`, clfRecord, true},
		{`[ip, id, user, timestamp, request="GET *", status, ...]`, clfRecord, true},
		{`[ip, id, user, timestamp = "01/Jan/2026*", ...]`, clfRecord, true},
		{`[ip, id, user, timestamp, request, status=5*, bytes]`, clfRecord, false}, // more fields than slots
		{`[..., status=5*, bytes, id, w1, w2, w3, w4, w5]`, clfRecord, true},
		{`[..., status=5*, bytes, id, ...]`, clfRecord, true},
		{`[ip, , , , , status=5*, ...]`, clfRecord, true},
		{`[ip, id, user, timestamp, request, status=5*, ...]`, `203.0.113.7 - -`, false},
		{`[a, b=5*]`, `x 500`, true},
		{`[a, b=5*]`, `x 500 y`, false},
		{`[a, b>1]`, `x -`, false}, // no number, no numeric match
		// text
		{`"status: 502"`, "Method completed with status: 502", true},
		{`?"status: 504" ?"status: 502"`, "Method completed with status: 502", true},
		{``, "anything", true},
	}
	for _, tc := range tests {
		got, err := MatchFilterPattern(tc.pattern, tc.msg)
		if err != nil {
			t.Errorf("%s: %v", tc.pattern, err)
			continue
		}
		if got != tc.want {
			t.Errorf("%s on %.40q = %v, want %v", tc.pattern, tc.msg, got, tc.want)
		}
	}
}

func TestFilterPatternInvalid(t *testing.T) {
	for _, p := range []string{
		`{ $.status = }`, `{ $.status }`, `{ status = 5* }`, `{ $. = 1 }`, `{ $.a[x] = 1 }`, `{ $[0] = 1 }`,
		`{ $.status = "5* }`, `{ $.status > abc }`, `{ $.a = 1 && }`, `{ ($.a = 1 }`, `{ $.a = 1 | $.b = 2 }`,
		`{ $.status = 5*`, `{ $.a IS NULL }`, `{ $.a NOT EXISTS }`, `{ $.a IS TRUE }`,
		`[a, b=5*`, `[a, b=]`, `[a, b=5* && c=1]`, `[a, b=5* c]`, `[a, b <> 1]`, `[a, "b"=1]`, `[a, b > x]`,
		`[..., ..., ..., ..., ..., a]`, `%5\d\d%`, `"unterminated`,
	} {
		_, err := MatchFilterPattern(p, jsonRecord)
		var ae *apiError
		if !errors.As(err, &ae) || ae.Code != "InvalidParameterException" {
			t.Errorf("%s: err %v, want InvalidParameterException", p, err)
		}
	}
}

func TestSplitFields(t *testing.T) {
	got := splitFields(clfRecord)
	want := []string{"203.0.113.7", "-", "-", "01/Jan/2026:12:00:00 +0000", "GET /orders/{id} HTTP/1.1", "502", "36",
		"4f2c1a3e-0000-4000-8000-000000000001", "Network", "error", "communicating", "with", "endpoint"}
	if len(got) != len(want) {
		t.Fatalf("fields %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("field %d = %q, want %q", i, got[i], want[i])
		}
	}
}

// FuzzFilterPattern: no pattern or event makes the parser or the
// matcher panic or loop.
func FuzzFilterPattern(f *testing.F) {
	for _, s := range []string{`{ $.status = "5*" || $.status >= 500 }`, `[a, ..., b=5* && b!=503, c]`, `?"x" -y`, `{ (($.a[0].b = 1)) }`} {
		f.Add(s, jsonRecord)
		f.Add(s, clfRecord)
	}
	f.Fuzz(func(t *testing.T, pattern, msg string) {
		_, _ = MatchFilterPattern(pattern, msg)
	})
}
