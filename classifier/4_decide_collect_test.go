package classifier

import (
	"reflect"
	"strings"
	"testing"
)

// TestSameInputSameDiagnosis reads evidence in which two requests name the
// same cause at the same weight, one a person's sentence and one the
// gateway's log, many times over: the quoted line and the confidence must
// not follow the random order of a map of live requests. Nor may the
// confidence follow which of the two was pasted first: the cause rests on
// the gateway's line either way.
func TestSameInputSameDiagnosis(t *testing.T) {
	const body = `{"Reason":"ReservedFunctionConcurrentInvocationLimitExceeded","Type":"User","message":"Rate Exceeded."}`
	inputs := map[string]string{
		"person first": "When the function is throttled, Lambda returns " + body + " and the API answers 502.\n" +
			"(bededbf0-73ae-11e8-87a2-f51933ef104f) Endpoint response body before transformations: " + body + "\n" +
			"(bededbf0-73ae-11e8-87a2-f51933ef104f) Execution failed due to configuration error: Malformed Lambda proxy response\n",
		"gateway first": "(bededbf0-73ae-11e8-87a2-f51933ef104f) Endpoint response body before transformations: " + body + "\n" +
			"(bededbf0-73ae-11e8-87a2-f51933ef104f) Execution failed due to configuration error: Malformed Lambda proxy response\n" +
			"When the function is throttled, Lambda returns " + body + " and the API answers 502.\n",
	}
	confidence := map[string]float64{}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			var first Diagnosis
			for i := range 64 {
				s := NewSession(Hints{})
				if _, err := s.ReadFrom(strings.NewReader(in)); err != nil {
					t.Fatal(err)
				}
				d := s.Diagnose(LangEN)
				if d.Cause != CauseLambdaThrottled {
					t.Fatalf("cause %s, want %s", d.Cause, CauseLambdaThrottled)
				}
				if i == 0 {
					first = d
					confidence[name] = d.Confidence
					continue
				}
				if d.Why != first.Why || d.Confidence != first.Confidence || !reflect.DeepEqual(d.Evidence, first.Evidence) {
					t.Fatalf("read %d gave another diagnosis:\n%q %.2f\nfirst:\n%q %.2f", i, d.Why, d.Confidence, first.Why, first.Confidence)
				}
			}
		})
	}
	if confidence["person first"] != confidence["gateway first"] {
		t.Errorf("confidence %.2f with the person's sentence first, %.2f with the gateway's line first", confidence["person first"], confidence["gateway first"])
	}
}
