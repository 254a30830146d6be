package classifier

import (
	"bytes"
	"time"
)

var (
	preStart      = []byte("START RequestId: ")
	preEnd        = []byte("END RequestId: ")
	preReport     = []byte("REPORT RequestId: ")
	preRequestID  = []byte("RequestId: ")
	preInitReport = []byte("INIT_REPORT")
	preInitStart  = []byte("INIT_START ")
	// the platform's line for each extension at init ("EXTENSION\tName:
	// datadog-agent\tState: Ready\tEvents: [INVOKE,SHUTDOWN]"), a tab or,
	// pasted, a space after the word
	preExtension  = []byte("EXTENSION")
	extensionName = []byte("Name: ")
)

// lambdaLine handles Lambda function log lines (the formats Lambda documents
// for its platform lines): START/END/REPORT in the old and the 2024 format, INIT_REPORT,
// "RequestId: x Error: ...", and runtime lines that carry the request id
// after the timestamp. It reports whether the line was a Lambda line.
func (s *Session) lambdaLine(msg, line []byte) bool {
	if s.report.open {
		if s.reportFigureLine(msg, line) {
			return true
		}
		s.closeReport()
	}
	switch {
	case bytes.HasPrefix(msg, preStart):
		s.st.lambdaLines++
		if id := uuidAt(msg[len(preStart):]); id != nil {
			s.openLambda = string(id)
		}
		return true
	case bytes.HasPrefix(msg, preEnd):
		s.st.lambdaLines++
		s.openLambda = ""
		return true
	case bytes.HasPrefix(msg, preReport):
		s.st.lambdaLines++
		s.reportLine(uuidAt(msg[len(preReport):]), msg, line)
		return true
	case dashedPlatformLine(msg):
		return s.lambdaLine(undash(msg), line)
	case bytes.HasPrefix(msg, preInitReport):
		s.st.lambdaLines++
		s.lambdaEvidence([]byte(s.openLambda), msg, line, LayerPlatform)
		return true
	case platformExtensionLine(msg):
		s.st.lambdaLines++
		s.lambdaEvidence(nil, msg, line, LayerPlatform)
		return true
	case bytes.HasPrefix(msg, preInitStart):
		// (noted only: the line names no request and no cause)
		s.st.lambdaInit = true
		return false
	case bytes.HasPrefix(msg, preRequestID):
		s.st.lambdaLines++
		s.lambdaEvidence(uuidAt(msg[len(preRequestID):]), msg, line, LayerPlatform)
		return true
	}
	rest := msg
	if rest[0] == '[' { // Python: "[ERROR]\t2024-01-01T00:00:00.000Z\t<id>\t..."
		if end := bytes.IndexByte(rest[:min(len(rest), 12)], ']'); end > 0 {
			rest = trimSpace(rest[end+1:])
			if n := isoTimestampLen(rest); n > 0 {
				rest = trimSpace(rest[n:])
			}
		}
	}
	if id := uuidAt(rest); id != nil && len(rest) > 36 && (rest[36] == '\t' || rest[36] == ' ') && !accessRecordAfterID(msg, rest) {
		s.st.lambdaLines++
		s.runtimeLine.id, s.runtimeLine.last = append(s.runtimeLine.id[:0], id...), s.st.lines
		s.lambdaEvidence(id, msg, line, runtimeLayer(rest[36:]))
		return true
	}
	return false
}

// accessRecordAfterID reports whether a line opening with a UUID (rest,
// of msg) is an access record whose format puts $context.requestId first
// ("<id> 203.0.113.1 - - [time] "GET /items HTTP/1.1" 502 36"): the
// runtimes part the id from what follows with a tab, and a function's
// line under Python's "[LEVEL]", or with a level after the id (a tab
// pasted as a space), is the function's whatever it printed.
func accessRecordAfterID(msg, rest []byte) bool {
	if rest[36] != ' ' || len(rest) != len(msg) || !isCLFRecord(rest) {
		return false
	}
	next, _, _ := bytes.Cut(trimSpace(rest[36:]), []byte(" "))
	return !isLogLevel(next)
}

// isLogLevel reports whether w is one of the log levels Lambda's runtimes
// write after the request id (the Lambda developer guide's log-level
// filtering: TRACE, DEBUG, INFO, WARN, ERROR, FATAL).
func isLogLevel(w []byte) bool {
	switch string(w) {
	case "TRACE", "DEBUG", "INFO", "WARN", "WARNING", "ERROR", "FATAL":
		return true
	}
	return false
}

// platformExtensionLine reports whether msg is the platform's EXTENSION
// line: the word, one tab or space, and the extension's name.
func platformExtensionLine(msg []byte) bool {
	rest, ok := bytes.CutPrefix(msg, preExtension)
	return ok && len(rest) > 0 && (rest[0] == '\t' || rest[0] == ' ') && bytes.HasPrefix(rest[1:], extensionName)
}

// Serverless Framework v4's `serverless logs` prints the platform lines
// with " - " where Lambda writes "RequestId: " ("START - <id> - Version:
// $LATEST", "END - <id>", "REPORT - <id>" with its figures on the next
// line): they are the same lines.
var dashedPlatform = [][]byte{[]byte("START - "), []byte("END - "), []byte("REPORT - ")}

func dashedPlatformLine(msg []byte) bool {
	for _, p := range dashedPlatform {
		if bytes.HasPrefix(msg, p) && uuidAt(msg[len(p):]) != nil {
			return true
		}
	}
	return false
}

// undash writes a dashed platform line as Lambda does.
func undash(msg []byte) []byte {
	word, rest, _ := bytes.Cut(msg, []byte(" - "))
	out := append(append(append([]byte{}, word...), " RequestId: "...), rest[:36]...)
	return append(out, bytes.Replace(rest[36:], []byte(" - Version:"), []byte(" Version:"), 1)...)
}

// uuidAt returns the UUID at the start of b, or nil.
func uuidAt(b []byte) []byte {
	if len(b) >= 36 && isUUID(b[:36]) {
		return b[:36]
	}
	return nil
}

// runtimeLayer tells the runtime's own reports after "<timestamp> <id>"
// ("Task timed out after", "Runtime exited") from what the function itself
// printed. Node.js's "ERROR Invoke Error {...}" is the runtime reporting
// the function's unhandled error: what it holds is the function's (an
// AccessDeniedException in it is the function's call that was denied).
func runtimeLayer(rest []byte) Layer {
	rest = trimSpace(rest)
	for _, p := range [][]byte{[]byte("Task timed out"), []byte("Runtime exited")} {
		if bytes.HasPrefix(rest, p) {
			return LayerPlatform
		}
	}
	return LayerFunction
}

// lambdaEvidence runs the rules on a Lambda line of invocation id (the open
// invocation, or the unlinked group, when id is empty).
func (s *Session) lambdaEvidence(id, msg, line []byte, layer Layer) {
	if layer == LayerFunction {
		s.noteEventNames(msg)
		s.loggedAnswer(msg, line)
		if s.authorizerLayer(id, msg) == LayerAuthorizer {
			// (the rules read it as a function's line, which it is, of
			// the authorizer's function)
			h := s.authorizerHit(id, s.platformEventText(msg, s.m.match(msg, layer)))
			s.addLambdaHit(id, h, msg, line)
			return
		}
	}
	s.addLambdaHit(id, s.platformEventText(msg, s.m.match(msg, layer)), msg, line)
}

// addLambdaHit adds what a Lambda line of invocation id showed to the
// invocation's group.
func (s *Session) addLambdaHit(id []byte, h hit, msg, line []byte) {
	if !h.any() {
		return
	}
	g := s.group(id)
	g.lambda = len(id) > 0
	g.add(h, line)
	noteDenial(g, msg)
}

// reportLine reads a REPORT line. The 2024 format says Status: and Error
// Type: outright; in both formats Max Memory Used reaching Memory Size
// means the function ran out of memory, and a Duration at the configured
// timeout means it timed out. A REPORT closes the invocation.
func (s *Session) reportLine(id, msg, line []byte) {
	h := s.runFigures(platformFigures{
		duration:        time.Duration(fieldInt(msg, "\tDuration: ")) * time.Millisecond,
		memorySizeMB:    fieldInt(msg, "Memory Size: "),
		maxMemoryUsedMB: fieldInt(msg, "Max Memory Used: "),
	}, s.m.match(msg, LayerPlatform))
	if id == nil {
		if h.any() {
			s.group(nil).add(h, line)
		}
		return
	}
	g, ok := s.live[string(id)]
	if !bytes.Contains(msg, []byte("Memory Size: ")) {
		// its figures may follow on the next lines
		s.report = reportFigures{open: true, id: string(id), at: s.st.lines, clean: !ok && !h.any()}
		if s.report.clean {
			return
		}
	} else if !ok && !h.any() {
		s.st.cleanInvocations++
		return
	}
	if !ok {
		g = s.group(id)
	}
	g.lambda = true
	g.add(h, line)
	s.finish(g)
	if s.openLambda == string(id) {
		s.openLambda = ""
	}
}

// fieldInt parses the integer after name in b, or 0.
func fieldInt(b []byte, name string) int {
	i := bytes.Index(b, []byte(name))
	if i < 0 {
		// pasted REPORT lines often lose their tabs
		if name[0] == '\t' {
			return fieldInt(b, " "+name[1:])
		}
		return 0
	}
	return leadingInt(b[i+len(name):])
}

// reportFigures is a REPORT line whose figures (Duration, Memory Size, Max
// Memory Used) were not on it: Serverless Framework v4's "serverless
// logs" prints "REPORT - <id>" and its figures on the next line, and the
// CloudWatch console's expanded event and pastes of it put each on a line
// of its own. The invocation is clean or out of memory by what they say.
type reportFigures struct {
	open      bool
	clean     bool // the invocation showed nothing else
	id        string
	at        int64 // the REPORT's line
	mem, used int
	full      bool // memory at its limit, read
}

// reportFigureWords open the lines that carry a REPORT's figures.
var reportFigureWords = [][]byte{[]byte("Duration: "), []byte("Billed Duration: "), []byte("Memory Size: "),
	[]byte("Max Memory Used: "), []byte("Init Duration: ")}

// maxReportFigureLines bounds the lines after a REPORT read as its
// figures: the five above, one to a line.
const maxReportFigureLines = 5

// reportFigureLine reads a line of the open REPORT's figures and reports
// whether it was one. They say what the REPORT line itself says (reportLine):
// Max Memory Used reaching Memory Size is the function running out of
// memory, and the 2024 format's Status: and Error Type: name the failure.
func (s *Session) reportFigureLine(msg, line []byte) bool {
	r := &s.report
	if s.st.lines-r.at > maxReportFigureLines || !hasAnyPrefix(msg, reportFigureWords) {
		return false
	}
	s.st.lambdaLines++
	if v := fieldInt(msg, "Memory Size: "); v > 0 {
		r.mem = v
	}
	if v := fieldInt(msg, "Max Memory Used: "); v > 0 {
		r.used = v
	}
	h := s.m.match(msg, LayerPlatform)
	if !r.full && r.mem > 0 && r.used >= r.mem {
		r.full = true
		h = h.merge(hit{cause: CauseLambdaOutOfMemory, weight: wSpecific})
	}
	if h.any() {
		r.clean = false
		if g, ok := s.lambdaDone[r.id]; ok {
			g.add(h, line) // the invocation's other lines were read
		} else {
			g := s.group([]byte(r.id))
			g.lambda = true
			g.add(h, line)
			s.finish(g)
		}
	}
	return true
}

// closeReport ends the open REPORT: an invocation whose figures showed no
// memory at its limit (or that came without figures) ended clean.
func (s *Session) closeReport() {
	if s.report.clean {
		s.st.cleanInvocations++
	}
	s.report = reportFigures{}
}

// hasAnyPrefix reports whether b opens with one of ps.
func hasAnyPrefix(b []byte, ps [][]byte) bool {
	for _, p := range ps {
		if bytes.HasPrefix(b, p) {
			return true
		}
	}
	return false
}

// runtimeLine is the last line a runtime wrote with a request id after its
// timestamp. The runtimes put the id on a message's first line only: the
// Python runtime's logging handler formats "[%(levelname)s]\t%(asctime)s
// .%(msecs)03dZ\t%(aws_request_id)s\t%(message)s" (awslambdaric's
// bootstrap.py), so logger.exception's "Traceback (most recent call
// last):", its "File" frames and its exception line follow without one,
// as Node.js's "<time>\t<id>\tERROR\t" is followed by the error's "at"
// frames. Those lines are the same invocation's, not a request of their
// own.
type runtimeLine struct {
	id   []byte // its request id, the buffer reused
	last int64  // number of the line, or of the trace line after it read last
}

// continuedInvocation returns the request id of the runtime line that the
// line being read (s.st.lines) continues, or "": a line of a stack trace
// (traceLayer has read it) directly after that runtime line or after a
// trace line that continued it, outside any invocation START opened.
func (s *Session) continuedInvocation() string {
	r, n := &s.runtimeLine, s.st.lines
	if s.openLambda != "" || len(r.id) == 0 || n != r.last+1 || !s.tb.reads(n) {
		return ""
	}
	r.last = n
	return string(r.id)
}
