package insights

import (
	"errors"
	"testing"
)

// FuzzParse checks that any query either compiles and runs or fails with
// a located *Error, never panics.
func FuzzParse(f *testing.F) {
	for _, q := range []string{
		`fields @timestamp, @message | filter @message like /status: 5\d\d/ | sort @timestamp desc | limit 20`,
		`parse @message "(*) *" as rid, rest | stats count(*) as n by rid`,
		`filter (a = 1 or b != "x") and not c in ["y", 2] | dedup a`,
		`parse @message /(?<rid>[a-z]+)/ | stats avg(x), max(y) by bin(5m)`,
	} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		pq, err := Parse(q)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Start < 0 || e.End < e.Start || e.Start > len(q) {
				t.Fatalf("Parse(%q) = %v", q, err)
			}
			return
		}
		r := pq.Start(0)
		for _, e := range sampleEvents() {
			r.Add(e)
		}
		r.Finish()
	})
}
