package classifier

import "testing"

// TestNoAllClearOnAPersonsWordAgainstA5xx: when only a person's words say
// the answer was below 500, a 500 to 504 the same person names in words no
// status form reads keeps the answer from being none; a number that is a
// quantity, an issue's, a setting or a wish does not. A program's status
// line outweighs the person's number.
func TestNoAllClearOnAPersonsWordAgainstA5xx(t *testing.T) {
	const told = "We got a 403 Forbidden from the API at first."
	tests := []struct{ name, in, want string }{
		{"en, now a 502", told + " After fixing the policy, now a 502.", "unknown"},
		{"en, still 502", "The API returned 403 Forbidden yesterday; today it is still 502.", "unknown"},
		{"ja", "最初は403が返っていましたが、今は接口502。", "unknown"},
		{"zh", "一开始返回403，现在接口502", "unknown"},
		{"zh, a timeout", "调用接口返回403，后来504超时", "unknown"},
		{"ko", "처음에는 403이 반환되었는데 지금은 계속 502입니다.", "unknown"},
		// negatives: the number is no status
		{"a count", "The API returns 403 Forbidden when I send 500 requests per second.", "none"},
		{"a latency", "The API returns 403 Forbidden with a 500 ms latency.", "none"},
		{"a setting", "The API returns 403 Forbidden. The function timeout: 504 seconds.", "none"},
		{"an issue", "The API returns 403 Forbidden, see issue #502 for details.", "none"},
		{"a version", "The API returns 403 Forbidden, version 5.0.4 of the SDK.", "none"},
		{"a wish", "The API returns 403 Forbidden, though it should return 502.", "none"},
		{"a handler's code", "The API returns 403 Forbidden; my code does res.status(500) on errors.", "none"},
		// a program showed the 403: the person's number does not outweigh it
		{"curl's 403", "HTTP/1.1 403 Forbidden\nand now a 502", "none"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := diagnoseText(t, tt.in); d.Status.String() != tt.want {
				t.Errorf("got %s/%s, want status %s (%s)", d.Status, d.Cause, tt.want, d.Why)
			}
		})
	}
}

// TestNamesServerCode covers the reading behind it, line by line.
func TestNamesServerCode(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"and now a 502.", true},
		{"still 502", true},
		{"occasional 503", true},
		{"接口502", true},
		{"504超时", true},
		{"(502)", true},
		{"sent 500 requests", false},
		{"a 500 ms delay", false},
		{"500mb of memory", false},
		{"10:15:01,502", false},
		{"v5.0.4", false},
		{"5020 ms", false},
		{"limit=500", false},
		{"timeout: 504", false},
		{"issue #502", false},
		{"$500 a month", false},
		{"it should return 502", false},
		{"res.status(500)", false},
		{`"statuscode": 502`, false},
	}
	for _, tt := range tests {
		if got := namesServerCode([]byte(tt.line)); got != tt.want {
			t.Errorf("namesServerCode(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}
