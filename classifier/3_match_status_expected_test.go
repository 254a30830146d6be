package classifier

import "testing"

// A status a person wished for is none a client got; one they complain
// came ("should not return 502") or that a client printed still shows.
func TestExpectedStatusIsNotShown(t *testing.T) {
	for _, c := range []struct {
		line string
		want int
	}{
		// serverless/serverless#2049's "What should have happened?"
		{"API Gateway should return a 500 or 504 status code when a lambda function times out", 0},
		{"It should have matched and return an HTTP Status 504.", 0},
		{"The API returns 502 but it should return 200", 502},
		{"It should not give a 502 error, but it does", 502},
		{"API Gateway should never answer 504 for this", 504},
		// Postman's test assertion: the code it got stays
		{"Expected response to have status code 200 but got 502", 502},
		{"It returns 200 instead of 502", 200},
	} {
		if got := statusShown(appendLower(nil, []byte(c.line))); got != c.want {
			t.Errorf("%q: got %d, want %d", c.line, got, c.want)
		}
	}
}
