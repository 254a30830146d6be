package classifier

import (
	"bytes"
	"regexp"
)

// expectedStatus is a status a person wished for, not one a client got:
// "API Gateway should return a 500 or 504 when the function times out",
// "it should have matched and return an HTTP Status 504". The code (and
// the codes joined to it by "or", "and", a slash or a comma) says what the
// report wanted. ("Instead of" and "expected" are no such mark: "502
// instead of 200" and "expected 502 to equal 200" hold the code that came.)
var expectedStatus = regexp.MustCompile(`\bshould(?: have)?\b[^.;!?]{0,40}?\b[1-5]\d\d\b(?:(?: or| and|/|,) ?(?:an? )?[1-5]\d\d\b)*`)

// dropExpected removes the statuses a person only wished for from low,
// keeping "should not return 502" and "should never return 502", which
// say the code came.
func dropExpected(low []byte) []byte {
	if !bytes.Contains(low, []byte("should")) {
		return low // most lines: the pattern costs
	}
	spans := expectedStatus.FindAllIndex(low, -1)
	out := make([]byte, 0, len(low))
	last := 0
	for _, m := range spans {
		if negated(low[m[0]:m[1]]) {
			continue
		}
		out = append(out, low[last:m[0]]...)
		last = m[1]
	}
	return append(out, low[last:]...)
}

// negated reports whether an expectation says the code must not come,
// which is a complaint that it did.
func negated(span []byte) bool {
	return bytes.Contains(span, []byte(" not ")) || bytes.Contains(span, []byte(" never "))
}
