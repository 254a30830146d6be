package classifier

import (
	"bytes"
	"regexp"
	"strconv"
)

// litForm is a status pattern with the literals one of which every line
// of the form holds, checked before the pattern runs (most lines hold
// none). The pattern has one group: the code.
type litForm struct {
	lits [][]byte
	re   *regexp.Regexp
	need codeNeed // what the pattern needs around its code
}

// form builds a litForm.
func form(re string, lits ...string) litForm {
	f := litForm{re: regexp.MustCompile(re), need: codeNeedOf(re)}
	for _, l := range lits {
		f.lits = append(f.lits, []byte(l))
	}
	return f
}

// code returns the code the form finds in low, or 0; a code that ends or
// opens a larger number ("10:15:01,502", "502.33 ms") or that a count noun
// follows is none.
func (f litForm) code(low []byte) int {
	for _, l := range f.lits {
		if bytes.Contains(low, l) {
			m := f.re.FindSubmatchIndex(low)
			if m == nil || inLargerNumber(low, m[2]) || countFollows(low[m[3]:]) || opensDecimal(low[m[3]:]) {
				return 0
			}
			return leadingInt(low[m[2]:m[3]])
		}
	}
	return 0
}

// formsCode returns the code the forms find in low, a 5xx before any
// other, or 0.
func formsCode(forms []litForm, low []byte) int {
	best := 0
	var spots codeSpots
	spotsOf(low, &spots)
	for _, f := range forms {
		if settled5xx(best) {
			break // (mergeImplied keeps it)
		}
		if f.need.fits(low, &spots) {
			best = mergeImplied(best, f.code(low))
		}
	}
	return best
}

// harnessForms are the ways a test runner or a load generator prints the
// status a request it made got. A line of one of them is the caller's: a
// test or a load run is a client of the API. They hold the code that came,
// never the one the test wanted:
// an assertion names both, and only the actual side is read. Where a
// library's order is a convention rather than its own (assert's actual,
// expected), only a 500 to 509 on the actual side is read, so that no
// expected 2xx a person put first reads as the answer (an all-clear).
var harnessForms = []litForm{
	// chai (and Cypress, Postman, supertest's users): "expected #{this} to
	// equal #{exp}", the value tested first
	form(`\bexpected ([1-5]\d\d) to (?:not )?(?:deeply )?(?:equal|eql|be|strictly equal) [1-5]\d\d\b`, "expected "),
	// Node's assert ("502 !== 200", "AssertionError [ERR_ASSERTION]: 502 == 200"),
	// Python's unittest ("AssertionError: 502 != 200") and pytest's
	// rewritten assert ("assert 502 == 200")
	form(`(?:^|assertionerror(?: \[err_assertion\])?: |\bassert )(50\d) (?:!==|!=|===|==) [1-5]\d\d\b`, "= "),
	// the same comparison of two 4xx (unittest's "AssertionError: 403 !=
	// 413", case.py's "%s != %s" of first and second): whichever side the
	// writer put the actual code on, the client got a 4xx
	form(`(?:^|assertionerror(?: \[err_assertion\])?: |\bassert )4\d\d (?:!==|!=|===|==) (4\d\d)\b`, "= "),
	// Jest's and Playwright's matchers: "Expected: 200" then "Received: 502"
	// (toHaveProperty: "Expected value: 200", "Received value: 502")
	form(`^received(?: value)?:\s+(50\d)$`, "received"),
	// Go's testify and .NET's xUnit: "expected: 200" then "actual  : 502"
	// ("Actual:   502")
	form(`^actual\s*:\s+(50\d)$`, "actual"),
	// Postman's pm.response.to.have.status and chai-http's
	// expect(res).to.have.status: "expected response to have status code
	// #{exp} but got #{act}" (chai-postman's statusCode assertion; chai-http
	// writes #{this}, the response inspected, before "to have"): the
	// library puts the code that came after "but got"
	form(`\bto have status code [1-5]\d\d but got ([1-5]\d\d)\b`, "but got"),
	// (and their negated assertion, "expected response to not have status
	// code #{act}", which fails on the code that came)
	form(`\bexpected .{1,200}? to not have status code ([1-5]\d\d)\b`, "to not have status code"),
	// REST Assured: "Expected status code <200> but was <502>."
	form(`expected status code <?[1-5]\d\d>? but was <?([1-5]\d\d)\b`, "but was"),
	// JUnit's "expected: <200> but was: <502>", AssertJ's "but was: 502",
	// Hamcrest's "but: was <502>", FluentAssertions' "but found 502"
	form(`\bbut:? (?:was|found):? ?[<(\[]?(50\d)\b`, "but"),
	// vegeta's text report: every code with its count, sorted, so the last
	// is the highest ("Status Codes  [code:count]  200:717  503:33")
	form(`^status codes\s+\[code:count\].*\s([1-5]\d\d):\d+\s*$`, "[code:count]"),
}

// harnessStatus returns the code a test runner's or load generator's line
// shows, a 5xx before any other, or 0.
func harnessStatus(low []byte) int {
	return formsCode(harnessForms, low)
}

// isHarnessLine reports whether low is a test runner's or a load
// generator's line that shows a status.
func isHarnessLine(low []byte) bool {
	return jmeterReceived(low) != 0 || (hasStatusCode(low) && harnessStatus(low) != 0)
}

// jmeterReceived reads JMeter's Response Assertion failure
// ("****** received  : [[[502]]]", after "Test failed: code expected to
// equal /"): the code received, with the characters that differ from the
// code wanted between [[[ and ]]] ("[[[5]]]00" is 500 against 200). The
// comparison line is the code wanted, and shows nothing.
func jmeterReceived(low []byte) int {
	const mark = "****** received"
	i := bytes.Index(low, []byte(mark))
	if i < 0 {
		return 0
	}
	rest := bytes.TrimLeft(low[i+len(mark):], " ")
	if len(rest) == 0 || rest[0] != ':' {
		return 0
	}
	digits := make([]byte, 0, 3)
	for _, c := range bytes.TrimSpace(rest[1:]) {
		switch {
		case isDigit(c):
			digits = append(digits, c)
		case c != '[' && c != ']':
			return 0 // a text or a message the assertion compared, no code
		}
	}
	code, err := strconv.Atoi(string(digits))
	if err != nil || len(digits) != 3 || code < 100 || code > 599 {
		return 0
	}
	return code
}

// checkName is a check's or a test's name that says what status it wants,
// as k6 prints it with its mark ("✗ status is 200", "✓ is status 200",
// "response code was 200", the examples of k6's documentation) and as
// people quote a check or a Postman test ("the check 'status is 200'
// fails", pm.test("Status code is 200", ...)). It shows no status: a
// failed check says the code was another. Only a code below 500 is cut, so
// that no wish hides a 5xx the same words show.
var checkName = regexp.MustCompile(`(?:[✓✗✔✘]|['"‘“\x60])\s*(?:is |response )?(?:status|response code)(?: code)? (?:is|was|should be|equals?|to be|==|===) ?[1-4]\d\d\b`)

// checkMarks are the literals checkName needs: a check mark or a quote.
var checkMarks = [][]byte{[]byte("✓"), []byte("✗"), []byte("✔"), []byte("✘"), []byte("'"), []byte(`"`), []byte("‘"), []byte("“"), []byte("\x60")}

// dropCheckNames removes the check names from low.
func dropCheckNames(low []byte) []byte {
	if !bytes.Contains(low, []byte("status")) && !bytes.Contains(low, []byte("response code")) {
		return low
	}
	for _, m := range checkMarks {
		if bytes.Contains(low, m) {
			return checkName.ReplaceAll(low, nil)
		}
	}
	return low
}

// opensDecimal reports whether what follows three digits makes them the
// whole part of a decimal ("502.33").
func opensDecimal(after []byte) bool {
	return len(after) > 1 && (after[0] == '.' || after[0] == ',') && isDigit(after[1])
}
