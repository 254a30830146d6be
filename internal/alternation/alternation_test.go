package alternation

import (
	"regexp"
	"testing"
)

// The branch-by-branch match must answer as the whole expression does.
var likeSeeds = []struct{ pattern, line string }{
	{`Extended Request Id: |Method request (path|query string|headers)|^(START|END) RequestId: |"status"\s*:\s*"?[1-4]\d\d"?\s*[,}]|" [1-4]\d\d \d`, `START RequestId: 1f2e Version: $LATEST`},
	{`Extended Request Id: |Method request (path|query string|headers)|^(START|END) RequestId: `, `(abc) Method request headers: {}`},
	{`Method completed with status: [1-4]\d\d|X-ray Tracing ID`, `(abc) Method completed with status: 502`},
	{`"status"\s*:\s*"?[1-4]\d\d"?\s*[,}]|" [1-4]\d\d \d`, `{"requestId":"x", "status":"502", "ip":"1.2.3.4"}`},
	{`(?i)timeout|TIMED OUT`, `Task timed out after 29.00 seconds`},
	{`a|b`, ``},
	{`|x`, `anything`},
	{`^END|START$`, `xSTART`},
}

func TestBranchesAgreeWithWhole(t *testing.T) {
	for _, s := range likeSeeds {
		checkLike(t, s.pattern, s.line)
	}
}

func FuzzBranches(f *testing.F) {
	for _, s := range likeSeeds {
		f.Add(s.pattern, s.line)
	}
	f.Fuzz(checkLike)
}

func checkLike(t *testing.T, pattern, line string) {
	whole, err := regexp.Compile(pattern)
	l, lerr := Compile(pattern)
	if (err == nil) != (lerr == nil) {
		t.Fatalf("%q: regexp says %v, Compile %v", pattern, err, lerr)
	}
	if err != nil {
		return
	}
	if got, want := l.MatchString(line), whole.MatchString(line); got != want {
		t.Fatalf("like /%s/ on %q: %v, the whole expression says %v", pattern, line, got, want)
	}
}
