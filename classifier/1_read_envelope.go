package classifier

import "strings"

// An envelope is a JSON object around one log message: a CloudWatch event
// as the CLI or an SDK prints it ({"timestamp": 1700000000000, "message":
// ...}), or a row of a Logs Insights JSON download ({"@timestamp": ...,
// "@message": ...}, an object when the message was itself JSON). The
// envelope is no line of its own: its message's lines are counted and
// read, and only they. Counted as a line besides them, each envelope moved
// a stack trace's window on by one more line than the trace holds, and
// decided a held line by the envelope's text instead of the next message.

// Log platforms that CloudWatch Logs is shipped to wrap an event the same
// way, one record a line or one element of their search API's answer:
// Splunk's export ({"result": {"_raw": ...}}, output_mode=json), an
// Elasticsearch or OpenSearch hit ({"_source": {"message": ...}}, or
// "@message" as the OpenSearch subscription's function indexes it) and
// Datadog's log event ({"attributes": {"message": ...}}, Logs API v2).

// unwrap reads the message of an envelope, which the caller counted as a
// line, and reports whether rec was one.
func (s *Session) unwrap(rec *accessRecord, src source) bool {
	if msg := rec.get(fResultRaw, fSourceMessage, fAttributesMessage); msg != "" {
		s.st.lines--
		s.AddEvent(LogEvent{Group: groupForSource(src), Message: msg})
		return true
	}
	switch {
	case rec.msgObject != nil:
		// an Insights row whose message was JSON (a record, a response
		// body): the row's other keys are the fields Insights found in it
		s.st.lines--
		s.addLine(rec.msgObject, src)
	case rec.get(fMessage) != "" && isEventWrapper(rec):
		s.st.lines--
		if src == srcAuto {
			src = sourceOfGroup(strings.TrimPrefix(rec.get(fLogGroupName, fLog), accountPrefix(rec.get(fLog))))
		}
		s.AddEvent(LogEvent{Group: groupForSource(src), Message: rec.get(fMessage)})
	default:
		return false
	}
	return true
}

// isEventWrapper tells a CloudWatch event ({"timestamp": 1700000000000,
// "message": ...} from the CLI, or an Insights row) from a Lambda JSON log
// record, which also has "timestamp" and "message" but an ISO time.
func isEventWrapper(rec *accessRecord) bool {
	if rec.get(fLogStreamName, fIngestionTime, fEventID, fPtr, fLog) != "" {
		return true
	}
	ts := rec.get(fTimestamp)
	return ts != "" && rec.get(fLevel) == "" && (allDigits([]byte(ts)) || strings.ContainsAny(ts, "e."))
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
