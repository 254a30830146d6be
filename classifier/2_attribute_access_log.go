package classifier

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// accessRecord is an access-log record with its fields under normalised
// names: the format is user-defined, so "integration.error",
// "integrationErrorMessage" and "integration_error" all end up as keys
// without punctuation, lower case.
type accessRecord map[string]string

// get returns the first non-empty value among names.
func (r accessRecord) get(names ...string) string {
	for _, n := range names {
		if v := r[n]; v != "" && v != "-" {
			return v
		}
	}
	return ""
}

func normKey(k string) string {
	var b strings.Builder
	for i := 0; i < len(k); i++ {
		c := lower(k[i])
		if isDigit(c) || ('a' <= c && c <= 'z') {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// flatten turns a decoded JSON object into an accessRecord, one level of
// nesting deep ({"integration": {"status": ...}} becomes integrationstatus).
func flatten(m map[string]any, prefix string, out accessRecord) {
	for k, v := range m {
		key := prefix + normKey(k)
		switch t := v.(type) {
		case map[string]any:
			if prefix == "" {
				flatten(t, key, out)
			}
		case string:
			out[key] = t
		case nil:
		case float64, bool:
			out[key] = fmt.Sprint(t)
		}
	}
}

// jsonLine handles a line that is one JSON object: a CloudWatch event
// wrapper, a Lambda JSON log record, or an access-log record. It reports
// false for other objects (a gateway response body, an errorMessage
// object), which the rules then read as text.
func (s *Session) jsonLine(msg, line []byte, src source) bool {
	var m map[string]any
	if json.Unmarshal(msg, &m) != nil {
		return false
	}
	if _, ok := m["@message"].(map[string]any); ok {
		// a Logs Insights row downloaded as JSON, whose message was JSON (a
		// record, a response body): the message is the log line, the row's
		// other keys are the fields Insights discovered in it
		var row struct {
			Message json.RawMessage `json:"@message"`
		}
		if json.Unmarshal(msg, &row) == nil {
			s.addLine(row.Message, src)
		}
		return true
	}
	rec := accessRecord{}
	flatten(m, "", rec)
	if inner := rec.get("message"); inner != "" && isEventWrapper(rec) {
		if src == srcAuto {
			src = sourceOfGroup(strings.TrimPrefix(rec.get("loggroupname", "log"), accountPrefix(rec.get("log"))))
		}
		s.AddEvent(LogEvent{Group: groupForSource(src), Message: inner})
		return true
	}
	if strings.HasPrefix(rec.get("type"), "platform.") {
		s.lambdaRecord(rec, line)
		return true
	}
	// a status beside a field only access logs have (formats are the
	// user's: any of them may be left out)
	status := rec.get("status", "statuscode", "httpstatus")
	if status != "" && (rec.get("requestid", "routekey", "httpmethod", "extendedrequestid",
		"integrationerrormessage", "integrationstatus", "integrationlatency", "responselength") != "" || src == srcAccess) {
		s.accessLine(rec, line)
		return true
	}
	if id := rec.get("requestid", "awsrequestid"); len(id) == 36 && rec.get("level", "type") != "" {
		s.st.lambdaLines++
		s.lambdaEvidence([]byte(id), msg, line, LayerFunction)
		return true
	}
	return false
}

// isEventWrapper tells a CloudWatch event ({"timestamp": 1700000000000,
// "message": ...} from the CLI, or an Insights row) from a Lambda JSON log
// record, which also has "timestamp" and "message" but an ISO time.
func isEventWrapper(rec accessRecord) bool {
	if rec.get("logstreamname", "ingestiontime", "eventid", "ptr", "log") != "" {
		return true
	}
	ts := rec.get("timestamp")
	return ts != "" && rec.get("level") == "" && (allDigits([]byte(ts)) || strings.ContainsAny(ts, "e."))
}

// accountPrefix returns "123456789012:" of an Insights @log value.
func accountPrefix(v string) string {
	if i := strings.IndexByte(v, ':'); i > 0 && allDigits([]byte(v[:i])) {
		return v[:i+1]
	}
	return ""
}

// groupForSource names a representative log group, so that an unwrapped
// event goes through AddEvent with its source known.
func groupForSource(src source) string {
	switch src {
	case srcExecution:
		return "API-Gateway-Execution-Logs_"
	case srcLambda:
		return "/aws/lambda/"
	case srcAccess:
		return "access"
	}
	return ""
}

// lambdaRecord reads a Lambda JSON-format platform event
// ({"type":"platform.report","record":{"requestId":..,"status":"timeout"}}).
func (s *Session) lambdaRecord(rec accessRecord, line []byte) {
	s.st.lambdaLines++
	text := rec.get("recordstatus") + " " + rec.get("recorderrortype")
	var h hit
	switch rec.get("recordstatus") {
	case "timeout":
		h = hit{cause: CauseLambdaFunctionTimeout, weight: 90}
	case "error", "failure":
		h = s.m.match([]byte(text), LayerPlatform).merge(hit{cause: CauseLambdaFunctionError, weight: wHint})
		if initPhase(rec) {
			// an init that failed without a known error type is the
			// runtime failing to start, as INIT_REPORT's "Status: error"
			h = h.merge(hit{cause: CauseLambdaRuntimeCrash, weight: 70})
		}
	}
	if !h.any() {
		return
	}
	id := rec.get("recordrequestid")
	if len(id) != 36 {
		// the init events (platform.initRuntimeDone, platform.initReport)
		// carry no request id: the init serves the invocations after it
		s.group(nil).add(h, line)
		return
	}
	g := s.group([]byte(id))
	g.lambda = true
	g.add(h, line)
}

// accessLine classifies one access-log record (HTTP API, or REST with an
// access log). A record is a finished request, so it is finished at once.
func (s *Session) accessLine(rec accessRecord, line []byte) {
	s.st.accessLines++
	s.noteWebSocketRecord(rec)
	if rec.get("routekey") != "" || strings.Contains(rec.get("routekey", "resourcepath", "path"), "$default") {
		s.st.httpAPI = true
	}
	if _, ok := rec["integrationerrormessage"]; ok {
		s.st.integErrVar, s.st.httpAPI = true, true
	}
	if _, ok := rec["integrationerror"]; ok {
		s.st.integErrVar = true
	}
	code := leadingInt([]byte(rec.get("status", "statuscode", "httpstatus")))
	text := strings.Join([]string{
		rec.get("integrationerrormessage", "integrationerror"), rec.get("errormessage", "errormessagestring", "error"),
		rec.get("errorresponsetype", "responsetype"), rec.get("authorizererror", "autherror"),
	}, " | ")
	h := s.m.match([]byte(text), LayerAccess)
	if ae := rec.get("authorizererror", "autherror"); ae != "" && code >= 500 {
		// whatever the authorizer's error says, the authorizer failed
		h = h.merge(hit{cause: CauseAuthorizerError, weight: 99})
	}
	if code >= 500 {
		h = h.merge(accessHints(rec))
	}
	lat := time.Duration(leadingInt([]byte(rec.get("integrationlatency")))) * time.Millisecond
	if code < 400 && !h.any() {
		s.st.completed++
		return
	}
	g := &group{id: rec.get("requestid", "extendedrequestid"), lambdaID: rec.get("integrationrequestid", "awsendpointrequestid")}
	g.add(h, line)
	g.setCode(code, line)
	g.latency = max(lat, 0)
	s.finish(g)
}

// accessHints are causes the record's numbers show when its messages do
// not: an authorizer error field, a backend 503, a latency at the HTTP API
// 30 s limit or -1 ("no response").
func accessHints(rec accessRecord) hit {
	if rec.get("authorizererror", "autherror") != "" {
		return hit{cause: CauseAuthorizerError, weight: 70}
	}
	if leadingInt([]byte(rec.get("integrationstatus", "integrationintegrationstatus"))) == 503 {
		return hit{cause: CauseBackendUnavailable, weight: 60}
	}
	lat := leadingInt([]byte(rec.get("integrationlatency")))
	if lat >= 29_000 {
		return hit{cause: CauseIntegrationTimeout, weight: 70}
	}
	if lat == -1 && leadingInt([]byte(rec.get("status"))) >= 503 {
		return hit{cause: CauseIntegrationTimeout, weight: wHint}
	}
	return hit{}
}

// clf is the common-log-format access record API Gateway's console offers:
// ip caller user [time] "method routeKey-or-path protocol" status length requestId, and
// whatever variables the user appended (often $context.integrationErrorMessage).
// The format is the user's to edit, and the three leading fields are the
// ones most often dropped ("[time] "GET $default HTTP/1.1" 500 35 id ..."),
// so they are optional.
var clf = regexp.MustCompile(`^(?:\S+ \S+ \S+ )?\[[^\]]{10,40}\] "([^"]*)" (\d{3}) (\S+)(?: (\S+))?(?: (.*))?$`)

// clfLine handles a CLF-like access record and reports whether it was one.
func (s *Session) clfLine(msg, line []byte) bool {
	if !bytes.Contains(msg, []byte(`] "`)) {
		return false
	}
	m := clf.FindSubmatch(msg)
	if m == nil {
		return false
	}
	req := strings.Fields(string(m[1]))
	rec := accessRecord{"status": string(m[2]), "requestid": string(m[4])}
	if len(req) == 4 || bytes.Contains(m[1], []byte("$default")) {
		rec["routekey"] = string(m[1])
	}
	if tail := strings.TrimSpace(string(m[5])); tail != "" && tail != "-" {
		rec["integrationerror"] = tail
		s.st.integErrVar = true
	}
	s.accessLine(rec, line)
	return true
}

// initPhase reports whether a Lambda platform event is about the init
// phase (platform.initStart, platform.initRuntimeDone, platform.initReport).
func initPhase(rec accessRecord) bool {
	return rec.get("recordphase") == "init" || strings.HasPrefix(rec.get("type"), "platform.init")
}
