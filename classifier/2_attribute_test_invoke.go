package classifier

import (
	"bytes"
	"encoding/json"
	"strings"
)

// testInvoke is the output of `aws apigateway test-invoke-method` (the
// TestInvokeMethod API): the status and body the method answered, the
// execution log of the test request as one string, and its latency.
type testInvoke struct {
	Status  *int     `json:"status"`
	Body    *string  `json:"body"`
	Log     *string  `json:"log"`
	Latency *float64 `json:"latency"`
}

// isTestInvoke reports whether the object has the shape of the
// TestInvokeMethod answer: a status with the test's latency or its log
// beside it. A status and a body alone (with headers or not) are any
// object's, a function's own return value or a framework's response among
// them, and no word on what the gateway answered.
func (t *testInvoke) isTestInvoke() bool {
	return t.Status != nil && (t.Latency != nil || t.Log != nil) && (t.Body != nil || t.Log != nil)
}

// testInvokeLine reads msg as test-invoke-method's output and reports
// whether it was one. Its status is what the method answered, a program's
// word as curl's status line is; its body is the method response (the
// function's error object there is a custom integration's masked error);
// its log is the gateway's execution log, read line by line.
func (s *Session) testInvokeLine(msg, line []byte) bool {
	if !bytes.Contains(msg, []byte(`"status"`)) || !bytes.Contains(msg, []byte(`"latency"`)) && !bytes.Contains(msg, []byte(`"log"`)) {
		return false // most records: no JSON decoding spent on them
	}
	var out testInvoke
	if json.Unmarshal(msg, &out) != nil || !out.isTestInvoke() {
		return false
	}
	if *out.Status < 100 || *out.Status > 599 {
		// no HTTP status: read as one, 99999 was an all-clear and 5 or 4
		// the classifier's own "some 5xx" or "below 500"
		return false
	}
	s.st.machine++
	g := s.group(nil)
	s.noteShown(*out.Status)
	g.setCode(*out.Status, line)
	if out.Body != nil {
		s.responseBodyLine(nil, trimSpace([]byte(*out.Body)), line)
	}
	if out.Log != nil && *out.Log != "" { // "": its lines were read as they streamed

		for l := range strings.SplitSeq(*out.Log, "\n") {
			s.addLine([]byte(l), srcAuto)
		}
	}
	return true
}
