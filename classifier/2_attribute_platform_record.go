package classifier

import (
	"bytes"
	"strings"
	"time"
)

// lambdaRecord reads a Lambda JSON-format platform event
// ({"type":"platform.report","record":{"requestId":..,"status":"timeout"}})
// as reportLine reads the text REPORT line it stands for: the record's
// "status" says what "Status:" says, and its metrics what "Duration:",
// "Memory Size:" and "Max Memory Used:" say (the Lambda developer guide's
// Telemetry API event schema reference: platform.report,
// platform.runtimeDone, platform.initReport).
func (s *Session) lambdaRecord(rec *accessRecord, msg, line []byte) {
	s.st.lambdaLines++
	h := s.runFigures(platformMetrics(msg), s.recordStatus(rec))
	if !h.any() {
		return
	}
	id := rec.get(fRecordRequestID)
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

// recordStatus reads a platform event's "status" and "errorType".
func (s *Session) recordStatus(rec *accessRecord) hit {
	switch rec.get(fRecordStatus) {
	case "timeout":
		return hit{cause: CauseLambdaFunctionTimeout, weight: 90}
	case "error", "failure":
		text := rec.get(fRecordStatus) + " " + rec.get(fRecordErrorType)
		h := s.m.match([]byte(text), LayerPlatform).merge(hit{cause: CauseLambdaFunctionError, weight: wHint})
		if initPhase(rec) {
			// an init that failed without a known error type is the
			// runtime failing to start, as INIT_REPORT's "Status: error"
			h = h.merge(hit{cause: CauseLambdaRuntimeCrash, weight: 70})
		}
		return h
	}
	return hit{}
}

// runFigures reads an invocation's figures, a REPORT line's or a platform
// event's metrics, however the event was read (h: what its status said):
// memory used up to its size is the function running out of it, a
// duration at the function's configured timeout is its timeout, and a
// function timeout past the gateway's wait outlived it (longTimeoutRules).
func (s *Session) runFigures(m platformFigures, h hit) hit {
	if m.memorySizeMB > 0 && m.maxMemoryUsedMB >= m.memorySizeMB {
		h = h.merge(hit{cause: CauseLambdaOutOfMemory, weight: wSpecific})
	}
	if to := s.hints.LambdaTimeout; to > 0 && m.duration > 0 && m.duration >= to-100*time.Millisecond {
		h = h.merge(hit{cause: CauseLambdaFunctionTimeout, weight: wSpecific})
	}
	if h.cause == CauseLambdaFunctionTimeout && m.duration >= gatewayWait(stageTimeout(s.hints)) {
		h = h.merge(hit{cause: CauseIntegrationTimeout, weight: h.weight + 1})
	}
	return h
}

// platformEventText reads a Lambda platform event that reached the rules
// as text, not as a record (cut short, inside a person's sentence or a
// table's cell): platformEventRules read its "status" as recordStatus
// does, and its metrics decide as a parsed record's do (runFigures), so
// that a timeout whose run outlived the gateway's wait is the integration
// timeout on either path.
func (s *Session) platformEventText(msg []byte, h hit) hit {
	if !bytes.Contains(msg, []byte(`"platform.`)) {
		return h
	}
	return s.runFigures(platformMetrics(msg), h)
}

// platformFigures are the figures of a platform event's "metrics" object.
type platformFigures struct {
	duration                      time.Duration
	memorySizeMB, maxMemoryUsedMB int
}

// platformMetrics reads the "metrics" object of a platform event's record.
// The record reader keeps no field that deep, and these events are few
// (one or two an invocation), so the object is found in the raw record: it
// holds numbers only, so its first '}' closes it, and a span's own
// "durationMs" (platform.runtimeDone's "spans", before "metrics") is not
// read as the run's.
func platformMetrics(msg []byte) platformFigures {
	i := bytes.Index(msg, []byte(`"metrics"`))
	if i < 0 {
		return platformFigures{}
	}
	obj := msg[i+len(`"metrics"`):]
	if j := bytes.IndexByte(obj, '}'); j >= 0 {
		obj = obj[:j]
	}
	ms := jsonNumber(obj, `"durationMs"`)
	return platformFigures{
		duration:        time.Duration(ms * float64(time.Millisecond)),
		memorySizeMB:    int(jsonNumber(obj, `"memorySizeMB"`)),
		maxMemoryUsedMB: int(jsonNumber(obj, `"maxMemoryUsedMB"`)),
	}
}

// jsonNumber is the number after key (quoted, as in the record) in obj, 0
// when there is none.
func jsonNumber(obj []byte, key string) float64 {
	i := bytes.Index(obj, []byte(key))
	if i < 0 {
		return 0
	}
	v, _, ok := leadingFloat(bytes.TrimLeft(obj[i+len(key):], " \t:"))
	if !ok {
		return 0
	}
	return v
}

// initPhase reports whether a Lambda platform event is about the init
// phase (platform.initStart, platform.initRuntimeDone, platform.initReport).
func initPhase(rec *accessRecord) bool {
	return rec.get(fRecordPhase) == "init" || strings.HasPrefix(rec.get(fType), "platform.init")
}
