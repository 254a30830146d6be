package classifier

import (
	"bytes"
	"slices"
	"strings"
	"time"
)

// Bounds that keep memory flat however large the input: a multi-GB export
// is mostly finished successful requests, which are dropped at once; only
// unfinished and failing requests are kept, and only this many of each.
const (
	maxLiveGroups = 50_000
	maxDone       = 10_000
	maxNotFailed  = 10
	maxLineBytes  = 64 << 10
)

// Session collects one incident's evidence and diagnoses it. It is not safe
// for concurrent use; the rules it applies are compiled once per process.
type Session struct {
	hints Hints
	m     matcher
	low   []byte // scratch: the lower-cased line being attributed

	live       map[string]*group // unfinished requests by id; "" holds lines without ids
	done       []*group          // finished API requests that failed or showed errors
	notFailed  []*group          // samples of finished requests that ended below 500
	lambdaDone map[string]*group // finished Lambda invocations that showed errors
	groups     uint64            // groups opened so far (opened)
	overflow   map[outcome]int   // decided outcomes of failing requests beyond maxDone
	finished   finishedRequests  // the API requests finished last, by id

	st         stats
	openLambda string // Lambda invocation between START and END, for lines without ids
	// runtimeLine: the last runtime line with a request id, whose
	// message's next lines carry none (continuedInvocation)
	runtimeLine runtimeLine

	pretty    *prettyJSON  // a pretty-printed JSON object being gathered
	table     fieldTable   // the header of a table of records' fields being read
	depth     int          // how deep addLine is in itself (an envelope's message)
	replaying bool         // its lines are being read one by one
	tb        traceback    // the stack trace the lines are in, and a line held until the next
	records   recordReader // reads JSON log records, its buffers reused
	eventBuf  []byte       // the line of an event being added
	// accessMemo: the matches of access records' messages seen last
	accessMemo map[string]hit
	// integration: what the execution log showed of the integration of the
	// request being read
	integration integrationSeen
	// authorizing: requests whose Lambda authorizer the execution log has
	// started and not yet left (authorizerPhase)
	authorizing map[string]struct{}
	// authorizers: Lambda invocations whose log is a Lambda authorizer's,
	// by their request id ("" for lines without one), and whether it
	// denied (authorizerLayer)
	authorizers map[string]uint8
	// eventAuthorizer: the event being read is of a log group the hints
	// name as a Lambda authorizer's (Hints.AuthorizerFunctions)
	eventAuthorizer bool
	// authorizerLoose holds the lines without an invocation id of the
	// events eventAuthorizer marks (group)
	authorizerLoose *group
	// report: a REPORT line whose figures follow on the next lines
	report reportFigures
	// syntaxAt: the line that last named a JavaScript SyntaxError
	// (loadSyntaxError)
	syntaxAt int64
	// addon: an addon loader frame whose trace is still being read
	addon addonLoad
	// code: what pasted handler code showed of the function's answer
	code codeAnswer
}

// stats are the counts gathered while reading.
type stats struct {
	lines, execLines, accessLines, lambdaLines int64

	completed   int // API requests whose end was seen
	notFailed   int // of those, ended below 500 with an error status
	integErrVar bool
	stageVarRef bool
	// excerptMethodAt, excerptLambdaAt: the lines where a configuration
	// excerpt last set an integration method other than POST and named a
	// Lambda function's invocation URI; excerptOpenAPI: that method by
	// OpenAPI's key; excerptInvokeARN: that URI by Terraform's attribute;
	// excerptNotPost: both, close enough to be one integration's
	// (configExcerpt)
	excerptMethodAt, excerptLambdaAt int64
	// excerptMethodIndent, excerptLambdaIndent: those lines' indentation
	excerptMethodIndent, excerptLambdaIndent int
	excerptOpenAPI, excerptInvokeARN         bool
	excerptNotPost                           bool
	httpAPI                                  bool
	// v2API: a name of API Gateway's v2 API (HTTP or WebSocket)
	v2API bool
	// restAPI: a REST API's own names (its CloudFormation, SAM, Terraform,
	// CDK and CLI names, its x-amzn-ErrorType header)
	restAPI bool
	// httpAPIWords, restAPIWords: lines where a person names the type
	httpAPIWords, restAPIWords int
	// restTool: a deployment tool that makes REST APIs (restAPITools)
	restTool  bool
	websocket bool // wscat, $connect, @connections: a WebSocket API
	// postsToConnections: the function's own log calls the @connections
	// management API (managementMarks)
	postsToConnections bool
	// localEmulator: serverless-offline ran the handlers on the
	// developer's machine, so their traces lie in the developer's home
	localEmulator bool
	// localRun, deployedRun: a line named a local emulator, or placed the
	// failure on a deployed API (noteWhereServed); cloudWatchRun: a line
	// named CloudWatch, and localStackRun LocalStack, which emulates it
	localRun, deployedRun, cloudWatchRun, localStackRun bool
	// localAccessLines are access-log lines of a local emulator's own
	// request log, not the gateway's
	localAccessLines int64
	// lambdaInit: a Lambda execution environment's INIT_START line, which
	// opens its log before any invocation's
	lambdaInit bool
	// websocketWord: the word alone, which an HTTP API's marks outweigh
	websocketWord bool
	machine       int // lines a program wrote (not a person's sentences)
	// cleanInvocations are Lambda invocations whose REPORT closed them
	// without any error, timeout or memory line
	cleanInvocations int
	// mixedOutcomes: a line counted answers of both kinds, 2xx and 5xx (a
	// load generator's summary, a person's table of results): many
	// requests, some of which succeeded
	mixedOutcomes bool
	// authorizerDenied: the execution log showed a request its Lambda
	// authorizer denied (noteAuthorizerDenial)
	authorizerDenied bool
	// authorizerWord: a person or a client named the API's authorizer
	authorizerWord bool
	shown5xx       int // a 5xx a client, a CDN or a person showed anywhere (implied5xx: some 5xx)
	// namedServerCode: a person's line named a 500 to 504 that no status
	// form read (namesServerCode): no person's all-clear stands beside it
	namedServerCode bool
	// shownCodes: which of 500 to 504 were shown anywhere (bit n: 50n)
	shownCodes uint8
	// internalErrorWords: a client or a person showed "Internal server
	// error" without a code, which on a WebSocket API is a message's frame
	internalErrorWords bool
	// errorFrame: a client showed the WebSocket internal error frame itself
	errorFrame bool
	// unanswered: the first line where a client (not the function) got
	// no answer it could read from the endpoint it called (noteUnanswered)
	unanswered unansweredCall
	// curlLoopback: the last curl command called a loopback host
	curlLoopback bool
	curlCode     bool // the line before was a curl command printing %{http_code} (or %{response_code})
	// statusLabel: the line before was the console test's "Status" label
	// alone (consoleStatusLabel), whose value a copy puts on the next line
	statusLabel bool
	preflight   bool // the DevTools headers pane's status to come is a CORS preflight's
	// otherRequestAt: the line (st.lines) of the last request a client
	// named without its status, when its URL is no API's (noAPIURL): a
	// static asset's, another AWS service's endpoint; otherRequestPara:
	// its paragraph (st.paragraph)
	otherRequestAt   int64
	otherRequestPara int
	// responseBody: the lines being read are a body a client got (after
	// the console test's "Response Body" or a curl command)
	responseBody bool
	// indent: the indentation of the line being read, inside a quote's
	// markers (indentOf)
	indent int
	// block counts the blocks read: a blank line, a code fence or a
	// quote's empty line ends one (sameBlock)
	block int
	// paragraph counts the blank lines and code fences read: unlike
	// block, not a quote's empty line, which may be curl -v's ">" that
	// ends the request's headers before the status comes
	paragraph int
	// blockEnd: the line (Session.st.lines) after which the last block
	// ended
	blockEnd int64
	// httpHead: the lines being read are an HTTP answer's status line and
	// headers, whose blank line opens its body (curl -i), not a block
	httpHead bool
	// responseBodyRead: a line was read in that body since its heading
	responseBodyRead bool
	paste            pasteContext
	retryAfter       time.Duration
	maxLatency       time.Duration
	// routeTimeout: the configured timeout of the routes failed requests
	// named, -1 when they differ (noteRouteTimeout)
	routeTimeout time.Duration
	// deployResourceAt: the line that last named an API Gateway resource
	// of a deployment (noteDeployResource)
	deployResourceAt int64
	// payloadVersionAt, payloadEventAt: the lines that last showed the
	// payload format 2.0 event's version and one of its fields
	// (notePayloadVersion)
	payloadVersionAt, payloadEventAt int64
}

// NewSession starts collecting evidence for one incident; hints are what the
// caller knows beyond the logs (metrics, stage configuration), zero if nothing.
func NewSession(hints Hints) *Session {
	rules() // compile now, so the first line does not pay for it
	return &Session{
		hints:      hints,
		m:          matcher{wait: stageTimeout(hints)},
		live:       make(map[string]*group),
		lambdaDone: make(map[string]*group),
		overflow:   make(map[outcome]int),
	}
}

// AddLine adds one raw line of any supported format: execution-log lines
// with or without the request-id, console or export timestamp prefixes,
// access-log records, Lambda log lines and client output.
func (s *Session) AddLine(line string) {
	s.addLine([]byte(line), srcAuto)
}

// AddEvent adds a record from a known log group; a multi-line message (a
// Lambda traceback) is taken line by line, and lines without a request id
// belong to the event's first id.
func (s *Session) AddEvent(e LogEvent) {
	src := sourceOfGroup(e.Group)
	if slices.Contains(s.hints.LambdaLogGroups, e.Group) {
		src = srcLambda
	}
	s.eventAuthorizer = src == srcLambda && s.authorizerEvent(e.Group, e.Stream)
	defer func() { s.eventAuthorizer = false }()
	msg := e.Message
	if src == srcAccess && strings.HasPrefix(strings.TrimSpace(msg), "{") {
		s.eventLine(msg, src)
		s.endEvent()
		return
	}
	prevOpen := s.openLambda
	for msg != "" {
		line, rest, _ := strings.Cut(msg, "\n")
		s.eventLine(line, src)
		msg = rest
	}
	s.endEvent()
	if src != srcLambda {
		s.openLambda = prevOpen
	}
}

// eventLine adds one line of an event through a buffer the session reuses,
// as ReadFrom's lines come through its reader's: an allocation for every
// event line would be most of the cost of an access log's small records.
// Nothing keeps a line's bytes past addLine without copying them. An event
// nested in a line (a CloudWatch event's JSON) takes a buffer of its own.
func (s *Session) eventLine(line string, src source) {
	s.eventBuf = append(s.eventBuf[:0], line[:min(len(line), maxLineBytes)]...)
	buf := s.eventBuf
	s.eventBuf = nil
	s.addLine(buf, src)
	s.eventBuf = buf
}

// endEvent reads what an event left open that no later event continues: an
// event is whole, so an object it opened and never closed is none. A line
// held to see whether a stack trace's frames follow stays held: Java's
// runtime writes each line a function prints (e.printStackTrace() without
// its LambdaLogger) as an event of its own, so the frames of a trace come
// as the next events. The next line, or the end of the input, decides it.
func (s *Session) endEvent() {
	s.flushPretty()
	s.integration.pending = false // an answer's line is whole too
}

// settle reads what waits for lines that are not coming (the input ended,
// a diagnosis is asked for): an object being gathered, line by line, then
// a line held to see whether a stack trace's frames follow it (the
// object's lines may hold one).
func (s *Session) settle() {
	s.flushPretty()
	s.releaseHeld(nil)
	s.endAddonLoad()
	s.closeReport()
	s.settleCodeAnswer()
	// what comes after (another file of the same report) shows its own
	// shape: a program's error object in it is no CloudWatch event's, and
	// a value it opens with is no answer an execution-log line left open
	s.st.paste.eventField = false
	s.integration.pending = false
	s.table = fieldTable{} // nor is its first row under a table the last file left open
}

// addLine dispatches one line to the parser for its format. A line read
// ends a field table unless it, or the message it wrapped, was a row.
func (s *Session) addLine(raw []byte, src source) {
	s.depth++
	s.readLine(raw, src)
	s.depth--
	if s.depth == 0 {
		s.table.endLine()
	}
}

// readLine reads one line: it cuts the tools' and pages' prefixes, lets
// the readers that span lines see it, records the paste state it leaves,
// then hands its message to the layer's reader that takes it.
func (s *Session) readLine(raw []byte, src source) {
	if len(raw) > maxLineBytes {
		raw = raw[:maxLineBytes]
	}
	if s.pretty != nil {
		s.continuePretty(raw, src)
		return
	}
	line := trimSpace(foldPresentation(trimSpace(raw)))
	if len(line) == 0 {
		s.blankLine()
		return
	}
	s.st.lines++
	s.st.indent = indentOf(raw)
	n := textEnd(line)
	if n == 0 {
		// read, but no evidence: a binary line says nothing, and ends a quote
		s.st.paste = pasteContext{eventField: s.st.paste.eventField, wscat: s.st.paste.wscat}
		return
	}
	line = trimSpace(line[:n]) // what follows its text is garbage
	s.st.paste.table = &s.table
	msg, quoted := stripLinePrefixes(line, s.st.paste)
	var rec accessRecord
	isRecord := len(msg) > 0 && msg[0] == '{' && s.records.read(msg, &rec)
	if isRecord && s.unwrap(&rec, src) {
		return
	}
	s.noteAnswers(msg, line, src)
	before := s.st.paste
	s.notePaste(msg, quoted)
	if len(msg) == 0 {
		s.prefixOnlyLine(line, before)
		return
	}
	s.readMessage(msg, line, raw, src, before, isRecord, &rec)
}

// blankLine ends a quote, a trace's message and a block.
func (s *Session) blankLine() {
	s.table.keep()
	s.st.paste = pasteContext{eventField: s.st.paste.eventField, wscat: s.st.paste.wscat} // a blank line ends a quote
	s.traceBlank()
	s.endBlock()
	s.st.paragraph++
}

// noteAnswers lets the readers that follow a paste across lines see the
// line (a local emulator's, a load error's, an add-on's, a held trace's,
// an integration's answer) before any of them reads it as one layer's.
func (s *Session) noteAnswers(msg, line []byte, src source) {
	s.st.httpHead = s.st.httpHead && httpHeaderLine.Match(msg) // (a record's message, unwrapped)
	s.noteLocalEmulator(msg)
	s.loadSyntaxError(msg, line)
	s.noteAddonLoad(msg, line)
	if s.tb.held && len(msg) > 0 {
		s.releaseHeld(msg)
	}
	if s.integration.pending && len(msg) > 0 {
		s.answerLine(msg, line)
	} else if len(msg) > 0 && src != srcLambda && src != srcAccess {
		s.answerFieldLine(msg)
	}
}

// notePaste records what the line says of the paste around it: a quote,
// curl's request, a query's message, an event's field, a shell command.
func (s *Session) notePaste(msg []byte, quoted int) {
	before := s.st.paste
	s.st.paste = pasteContext{curl: quotesCurl(msg), quoted: quoted, queryMessage: opensQueryMessage(msg), eventField: before.eventField || isEventField(msg), wscat: before.wscat, toolRun: before.toolRun,
		harResponse: opensHARResponse(msg), harStatus: before.harResponse}
	if cmd, ok := shellCommand(msg); ok {
		// another command ends the output of the one before
		s.st.paste.toolRun = runsBuildTool(cmd)
		if s.st.paste.toolRun {
			// and a person at a shell building or deploying ends the
			// function's log stream pasted before, as its END would: the
			// tool's lines after it are no invocation's
			s.openLambda = ""
		}
	}
}

// prefixOnlyLine reads a line that held only a tool's prefix or a page's
// markup (before is the paste context of the line before it).
func (s *Session) prefixOnlyLine(line []byte, before pasteContext) {
	s.table.keep()
	// a line that held a tool's prefix alone, not a page's markup
	s.st.paste.bareStamp = len(stripMarkupOnly(line, before)) > 0
	if !s.st.paste.bareStamp && blockBreak(line) {
		// a code block's fence, or a quote's empty line, ends a trace
		// as a blank line does: a client's output in one block is not
		// the message of a trace the next block opens
		s.traceBlank()
		s.endBlock()
		s.st.paste.toolRun = false
		if isFence(bytes.TrimLeft(line, "> ")) {
			s.st.paragraph++
		}
	}
	if s.st.paste.bareStamp {
		if s.st.lines == s.st.blockEnd+1 {
			s.st.block-- // the blank line before was the table's, between its rows
		}
		// the time alone opens the next row of the console's table,
		// whose rows a blank line separates: a line held for the
		// frames after it is continued by the next row's, as when a
		// container's log driver writes each line of a trace as an
		// event of its own
		s.tb.heldBlank = false
	}
}

// readMessage hands a line's message to the first layer's reader that
// takes it, the client's last (before is the paste context of the line
// before it).
func (s *Session) readMessage(msg, line, raw []byte, src source, before pasteContext, isRecord bool, rec *accessRecord) {
	id, rest, isExec := execRequestID(msg)
	if src == srcAuto && !isRecord && !isExec {
		// (no log source writes code, nor a log record, nor a line of the
		// execution log, which most lines of an export are)
		s.codeLine(msg)
	}
	if msg[0] == '{' && src == srcAuto {
		s.printedAnswer(msg, line)
	}
	if isRecord && s.recordLine(rec, msg, line, src) {
		s.st.responseBody = false // a log record ends a body a client got
		return
	}
	// an object that parses closes on its line: it opens none to gather
	if msg[0] == '{' && !isRecord && s.startPretty(msg, raw, src, len(stripMarkupOnly(line, before)) > len(msg), before.bareStamp) {
		return
	}
	if isExec && src != srcLambda && src != srcAccess {
		s.st.responseBody = false
		s.execLine(id, rest, line)
		return
	}
	if src != srcExecution && s.lambdaLine(msg, line) {
		s.st.responseBody = false // the function's log follows, not the client's body
		return
	}
	if s.quotedRecord(msg, line, src) {
		return
	}
	if src != srcExecution && (s.clfLine(msg, line) || s.presetAccessLine(msg, line)) {
		return
	}
	if src == srcExecution {
		s.st.execLines++
	}
	s.clientLine(msg, line)
}

// quotesCurl reports whether msg is what curl -v sent (its request line or
// a header), which stripLinePrefixes left with its "> ".
func quotesCurl(msg []byte) bool {
	return len(msg) > 2 && msg[0] == '>' && msg[1] == ' ' && msg[2] != '{' && msg[2] != '['
}

// quotedRecord reads "> {...}" and "> [time] ..." as a quoted log record
// (a JSON or a common-log-format access record) and reports whether it was
// one: wscat, which also puts "> " before what it sent, sends messages, not
// log records.
func (s *Session) quotedRecord(msg, line []byte, src source) bool {
	if len(msg) < 4 || msg[0] != '>' || msg[1] != ' ' {
		return false
	}
	rec := msg[2:]
	switch rec[0] {
	case '{':
		return rec[len(rec)-1] == '}' && s.jsonLine(rec, line, src)
	case '[':
		return src != srcExecution && s.clfLine(rec, line)
	}
	return false
}

// group returns the live group for id, creating it when needed.
func (s *Session) group(id []byte) *group {
	if len(id) == 0 && s.eventAuthorizer {
		// a Lambda authorizer's line without an invocation id (an init
		// error) is the authorizer's, not the unlinked lines' of the rest
		if s.authorizerLoose == nil {
			s.authorizerLoose = s.opened(&group{lambda: true, authorizer: true})
		}
		return s.authorizerLoose
	}
	g := s.liveGroup(id)
	if len(id) == 0 {
		g.block = s.st.block + 1
	}
	if state := s.authorizers[string(id)]; len(id) > 0 && (s.eventAuthorizer || state != 0) {
		g.authorizer = true
		// (its denial gave no hit, authorizerHit, and opened no group)
		g.denied = g.denied || state == authorizerDenied
	}
	return g
}

// liveGroup returns the live group of id, rejoined or opened.
func (s *Session) liveGroup(id []byte) *group {
	if g, ok := s.live[string(id)]; ok {
		return g
	}
	if g := s.rejoin(id); g != nil {
		return g
	}
	if len(s.live) >= maxLiveGroups {
		s.evictOne()
	}
	g := s.opened(&group{id: string(id)})
	s.live[g.id] = g
	return g
}

// opened numbers a new group in the order the input opened it, so that
// what is decided from groups held in a map (the live ones) does not
// depend on the map's order: the same input gives the same diagnosis.
func (s *Session) opened(g *group) *group {
	s.groups++
	g.seq = s.groups
	return g
}

// evictOne finishes an arbitrary live group to make room; map iteration
// order is random, which is good enough to keep memory bounded.
func (s *Session) evictOne() {
	for id, g := range s.live {
		if id != "" {
			s.finish(g)
			return
		}
	}
}

// finish moves a request out of the live set once its end was seen.
func (s *Session) finish(g *group) {
	if s.live[g.id] == g {
		// (an access record without a request id is no live group: the
		// live one under "" holds the lines without ids, which stay)
		delete(s.live, g.id)
	}
	if g.lambda {
		if g.best.any() && len(s.lambdaDone) < maxDone {
			s.lambdaDone[g.id] = g
		}
		return
	}
	if g.kept {
		return // its lines join it where it was placed
	}
	if !g.counted {
		s.st.completed++
		g.counted = true
	}
	placed := true
	switch {
	case is2xx(g.status) && g.functionFailed():
		if len(s.done) < maxDone {
			s.done = append(s.done, g) // a Lambda error answered as 2xx
			g.kept = true
		}
	case g.status != 0 && !is5xx(g.status):
		placed = g.answeredBelowServerErrors()
		if placed {
			s.st.notFailed++
			if len(s.notFailed) < maxNotFailed {
				s.notFailed = append(s.notFailed, g)
				g.kept = true
			}
		}
	case !g.interesting():
		placed = false
	case len(s.done) < maxDone:
		s.done = append(s.done, g)
		g.kept = true
	default:
		s.overflow[s.decide(g, s.apiType())]++
	}
	if g.id != "" {
		sl := finishedSlot{hash: idHash(g.id), placed: placed, status: int32(g.status)}
		if g.kept {
			sl.kept = g
		}
		s.finished.remember(sl)
	}
}

// rejoin returns the group for the lines of a request that finished
// already (finishedRequests): the group it was placed in, or a live one
// that is not counted again, holding the status its record gave. It
// returns nil for a request not seen finished.
func (s *Session) rejoin(id []byte) *group {
	if len(id) == 0 {
		return nil
	}
	return s.rejoinHash(id, idHash(id))
}

// rejoinHash is rejoin for an id whose hash is h.
func (s *Session) rejoinHash(id []byte, h uint64) *group {
	sl, ok := s.finished.lookup(h)
	if !ok {
		return nil
	}
	if sl.kept != nil && sl.kept.id == string(id) {
		return sl.kept
	}
	g := s.opened(&group{id: string(id), counted: true, kept: sl.placed, status: int(sl.status), codeLine: sl.status != 0})
	s.live[g.id] = g
	return g
}

// finishedClean counts a request that ended below 400 with nothing to
// keep (an execution log's Method completed, an access record), unless
// its other log counted it already.
func (s *Session) finishedClean(h uint64, code int) {
	if _, ok := s.finished.lookup(h); ok {
		return
	}
	s.st.completed++
	s.finished.remember(finishedSlot{hash: h, status: int32(code)})
}

// noteLambdaID links an API request to the Lambda request id it invoked.
func (s *Session) noteLambdaID(apiID []byte, msg []byte, marker string) {
	i := bytes.Index(msg, []byte(marker))
	if i < 0 {
		return
	}
	rest := trimSpace(msg[i+len(marker):])
	if len(rest) >= 36 && isUUID(rest[:36]) {
		lid := string(rest[:36])
		if g, ok := s.live[string(apiID)]; ok {
			g.lambdaID = lid
			return
		}
		if sl, ok := s.finished.lookup(idHash(apiID)); ok && sl.kept != nil && sl.kept.id == string(apiID) {
			sl.kept.lambdaID = lid
		}
	}
}

// endBlock ends the block being read (a blank line, a code fence, a
// quote's empty line), but for the blank line under an HTTP answer's
// headers, which opens its body (curl -i).
func (s *Session) endBlock() {
	if s.st.httpHead {
		s.st.httpHead = false
		return
	}
	s.endResponseBlock()
	s.st.block++
	s.st.blockEnd = s.st.lines
}
