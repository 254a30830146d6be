package classifier

import "time"

// maxGroupEvidence bounds the lines one request keeps: the deciding line,
// one supporting line (e.g. the endpoint response body) and the status line.
const maxGroupEvidence = 3

// group is the evidence of one request (an API request or a Lambda
// invocation), or of all lines without a request id.
type group struct {
	id       string
	seq      uint64 // when the group opened: the order of first appearance, Session.opened
	lambdaID string // the Lambda request id this API request invoked
	lambda   bool   // a Lambda invocation rather than an API request

	status     int // status the client got, when a line says so explicitly
	best       hit
	decider    string // escaped line that gave best
	support    string // escaped second-strongest line
	supportW   int
	statusLine string
	toldStatus bool // below 500, and no program's word on what the API's client got (a person's, a backend's call)
	// codeLine: a status line, Method completed or an access record gave
	// the status, which a reason phrase in a body does not change (a body
	// the function built may say "Gateway timeout" under a 502)
	codeLine bool

	configErr bool // "Execution failed due to configuration error" without detail
	// refused: Lambda refused or failed the invocation itself (its Invoke
	// API answered an error: a status of 400 or more, or its own error
	// object), so the function gave no answer, and the gateway's
	// "Malformed Lambda proxy response" that follows is Lambda's error
	// read as one: it names no cause (see lambdaRefusal)
	refused bool
	// unnamed is the first configuration error whose reason no rule
	// knows, quoted when the request's cause stays unknown.
	unnamed string
	latency time.Duration // integration latency, when logged
	// timeout is the configured integration timeout of the route the
	// request's access record named, when the stage's routes differ
	timeout time.Duration
	// timeoutBody: a client got aws-serverless-java-container's exception
	// answer, {"message":"Gateway timeout"}, which it sends with a 502
	timeoutBody bool
	// failedNotTimedOut: the gateway answered with its INTEGRATION_FAILURE
	// response, which the developer guide's gateway response types keep
	// apart from INTEGRATION_TIMEOUT: whatever its status (504 by
	// default), the integration did not time out
	failedNotTimedOut bool
	// cdnPage: the client got CloudFront's own error page, not the
	// gateway's answer
	cdnPage bool
	// errorBody: the function's error object was the response the method
	// answered with (the method response body, a client's body): a custom
	// Lambda integration with no integration response for it, which
	// answers 200; a Lambda proxy integration answers a function error
	// with the gateway's own 502 body instead
	errorBody bool
	// fn is the strongest program's evidence of a function-side cause
	// (isLambdaCause) the request showed, whatever outweighed it, and
	// answered that the function's answer was seen and read as malformed
	// (its shape, an HTTP API's words for it), not only the gateway's
	// "Malformed Lambda proxy response": see unanswered
	// denied: a Lambda invocation that failed with the documented
	// authorizer denial, "Unauthorized" (noteDenial)
	denied bool
	// authorizer: a Lambda authorizer's invocation (its log group, or its
	// own lines, said so), whose failure is the authorizer's (asAuthorizer)
	authorizer bool
	fn         hit
	fnLine     string // escaped line that gave fn
	answered   bool

	// authorizerFailed: a program's line said the request's authorizer
	// failed (see authorizerStage)
	authorizerFailed bool

	// block is the block (Session.st.block, plus one) the lines without
	// ids are being read in; okBlock and failBlock the blocks of their
	// 2xx status and of their function's last failure; sameBlock: the
	// two stood in one block, one request's answer (see decide)
	block, okBlock, failBlock int
	sameBlock                 bool
	// hitBlock is the block of the last line with evidence; okWithHit:
	// the 2xx stood in a block with evidence of its own (a CORS refusal
	// under the status it names, a body the client got), so it is the
	// answer that evidence is about (see untiedSuccess)
	hitBlock  int
	okWithHit bool

	// counted: the request is in stats.completed already (its other log
	// was read first); kept: finish placed it (s.done, s.notFailed or the
	// overflow), where lines read later still join it
	counted, kept bool
}

// add records one line's evidence.
func (g *group) add(h hit, line []byte) {
	if g.refused && h.cause == CauseLambdaMalformedProxyResponse && h.weight == wMalformedMessage {
		h.cause, h.weight = CauseUnknown, 0
	}
	if !h.any() {
		return
	}
	h = g.authorizerStage(h)
	// the line is escaped once: the line that decides a function's failure
	// is often its function-side evidence too, and the two fields share
	// the string rather than keep a copy each (a function's log keeps
	// thousands of failed invocations, maxDone)
	var escaped string
	if h.better(g.best) {
		if g.decider != "" && g.best.weight > g.supportW {
			g.support, g.supportW = g.decider, g.best.weight
		}
		escaped = escapeLine(line)
		g.decider = escaped
	} else if h.weight > g.supportW {
		escaped = escapeLine(line)
		g.support, g.supportW = escaped, h.weight
	}
	g.best = g.best.merge(h)
	if g.id == "" {
		g.hitBlock = g.block
		g.okWithHit = g.okWithHit || g.okBlock == g.block
		if h.weight >= wWeak && answeredAsError(h.cause) {
			g.failBlock = g.block
			g.sameBlock = g.sameBlock || g.okBlock == g.block
		}
	}
	if isLambdaCause(h.cause) && !h.told && h.better(g.fn) {
		if escaped == "" {
			escaped = escapeLine(line)
		}
		g.fn, g.fnLine = hit{cause: h.cause, weight: h.weight}, escaped
	}
	if h.cause == CauseLambdaMalformedProxyResponse && h.weight != wMalformedMessage {
		g.answered = true
	}
}

// setStatus records the status the client received, from a line that says
// so explicitly (Method completed, an access-log status, an HTTP status line),
// and reports whether the line changed it.
func (g *group) setStatus(code int, line []byte) bool {
	if g.status != 0 && is5xx(g.status) && (!is5xx(code) || code == implied5xx) {
		return false // a 5xx seen stays; "some 5xx" does not replace a code
	}
	if g.status == code {
		return false // the first line that showed it is the clearest
	}
	if g.anotherSuccess(code) && !g.toldStatus {
		// a success shown after a program showed a refusal or a failure
		// is another request's, whoever shows it (a person's 4xx may be
		// what the code was meant to send, which a person's 200 then
		// corrects; a program's 2xx never replaces it: setCode)
		return false
	}
	g.noteOKBlock(code)
	g.status = code
	g.statusLine = escapeLine(line)
	g.toldStatus = false // whoever said the status before, this line replaced it
	g.codeLine = false
	return true
}

// noteSameSuccess notes the block of a 2xx shown again: any block that
// shows it may be the one that ties it to the failure, not only the first
// (another route's 200 pasted before a custom integration's 200 and its
// error).
func (g *group) noteSameSuccess(code int) {
	if g.status == code {
		g.noteOKBlock(code)
	}
}

// noteOKBlock notes the block of a 2xx the lines without ids show.
func (g *group) noteOKBlock(code int) {
	if g.id != "" || !is2xx(code) {
		return
	}
	g.okBlock = g.block
	g.sameBlock = g.sameBlock || g.failBlock == g.block
	g.okWithHit = g.okWithHit || g.hitBlock == g.block
}

// setCode records the status a status line, Method completed or an access
// record gave.
func (g *group) setCode(code int, line []byte) {
	g.noteSameSuccess(code)
	if g.anotherSuccess(code) {
		return
	}
	if g.setStatus(code, line) || g.status == code {
		g.codeLine = true
	}
}

// anotherSuccess reports whether code is a 2xx that would replace a
// status the lines without ids already show: those lines are of several
// requests, so a program's success cancels no refusal or failure shown,
// a person's included ("I get a 410" beside Postman's 200 for another
// route), and a person's cancels no program's (setStatus).
func (g *group) anotherSuccess(code int) bool {
	return g.id == "" && g.status != 0 && is2xx(code)
}

// untiedSuccess reports whether the 2xx the lines without ids show is
// another request's than the evidence they hold: a program's status in a
// block of its own (a health check's curl -i, Postman's pane for another
// route), no person's word and no body tying it to the failure. It says
// nothing of the failing request, whose status is then whatever else the
// evidence shows.
func (g *group) untiedSuccess(h hit) bool {
	return g.id == "" && is2xx(g.status) && g.best.any() &&
		!g.toldStatus && !g.errorBody && !g.okWithHit && (!h.told || h.implied != g.status)
}

// ownStatus is the status the request's lines show it got: g.status, but
// for another request's 2xx (untiedSuccess), which shows none.
func (g *group) ownStatus(h hit) int {
	if g.untiedSuccess(h) {
		return 0
	}
	return g.status
}

// anotherAnswer reports whether code, a status a line names in words, is
// another request's than the 2xx a status line gave the lines without ids:
// a program's success there (a health check's curl -i) says nothing of
// the refusal or failure a later client or person shows, which the status
// line's code would otherwise keep (codeLine).
func (g *group) anotherAnswer(code int) bool {
	return g.id == "" && is2xx(g.status) && !is2xx(code)
}

// absorb folds another group's evidence (a joined Lambda invocation, or
// lines without ids) into g.
func (g *group) absorb(o *group) {
	if o.best.better(g.best) {
		if g.decider != "" {
			g.support, g.supportW = g.decider, g.best.weight
		}
		g.decider = o.decider
	}
	g.best = g.best.merge(o.best)
	if g.status == 0 && o.status != 0 {
		g.status, g.statusLine = o.status, o.statusLine
	}
	g.configErr = g.configErr || o.configErr
	g.refused = g.refused || o.refused
	if g.unnamed == "" {
		g.unnamed = o.unnamed
	}
	g.latency = max(g.latency, o.latency)
	g.timeoutBody = g.timeoutBody || o.timeoutBody
	g.failedNotTimedOut = g.failedNotTimedOut || o.failedNotTimedOut
	g.cdnPage = g.cdnPage || o.cdnPage
	g.errorBody = g.errorBody || o.errorBody
	g.denied = g.denied || o.denied
	if o.fn.better(g.fn) {
		g.fn, g.fnLine = o.fn, o.fnLine
	}
	g.answered = g.answered || o.answered
}

// wFunctionReported is the least weight of the evidence that the
// invocation itself failed: Lambda's X-Amz-Function-Error header on its
// answer to the gateway (the Invoke API reference: present when the
// function's execution failed), and the stronger words of the runtimes
// and of Lambda for an error, a timeout, a crash, memory running out or
// a handler that would not load.
const wFunctionReported = 55

// unanswered returns the function-side cause behind a request whose
// evidence names the malformed proxy response only by the gateway's own
// message, when the same request shows its invocation failed: a function
// that failed gave no proxy response to read. The REST APIs of 2017 and
// 2018 read Lambda's error object for such an invocation as the function's
// answer and logged "Execution failed due to configuration error:
// Malformed Lambda proxy response" (aws-lambda-go issue 72: a Go handler
// returning a non-nil error; the API Gateway console's test beside an
// X-Amz-Function-Error header), where they now log "Lambda execution
// failed with status 200 due to customer function error". A person's
// words do not decide it, nor does a function's weak error line (it may
// have logged an error and still answered).
func (g *group) unanswered() (hit, bool) {
	if g.best.cause != CauseLambdaMalformedProxyResponse || g.answered || g.fn.weight < wFunctionReported {
		return hit{}, false
	}
	return hit{cause: g.fn.cause, weight: g.fn.weight, implied: g.best.implied}, true
}

// evidence returns the group's lines, deciding line first.
func (g *group) evidence() []string {
	out := make([]string, 0, maxGroupEvidence)
	for _, l := range []string{g.decider, g.support, g.unnamed, g.statusLine} {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// interesting reports whether the group holds anything worth keeping once
// its request finished.
func (g *group) interesting() bool {
	return g.best.any() || g.configErr || g.unnamed != "" || g.answeredBelowServerErrors() || is5xx(g.status) || g.latency > 0
}

// answeredBelowServerErrors reports whether the request's status shows an
// answer that is no failure of the server: a redirect or a refusal (3xx,
// 4xx), positive evidence of no 5xx. A 2xx alone is a request that
// succeeded, no incident.
func (g *group) answeredBelowServerErrors() bool { return g.status >= 300 && !is5xx(g.status) }

// functionFailed reports whether the request's evidence shows its Lambda
// function failing (an error record, X-Amz-Function-Error, a crash).
func (g *group) functionFailed() bool {
	return g.best.weight >= wWeak && answeredAsError(g.best.cause)
}

// answeredAsError reports whether Lambda answers an invocation that failed
// so with an error object (X-Amz-Function-Error: Unhandled), which a custom
// integration without a matching selection pattern passes on with 200: a
// failure inside the function, and an answer over Lambda's payload limit,
// which Lambda replaces with its Function.ResponseSizeTooLarge error (the
// Lambda guide's invocation errors).
func answeredAsError(c Cause) bool {
	return isLambdaCause(c) || c == CauseLambdaPayloadTooLarge
}

// A REST API with both logs on writes each request's id twice: as the
// "(<request id>)" before its execution-log lines and as the access
// record's $context.requestId. Which comes first depends on how the lines
// were gathered (Logs Insights gives the execution log first, a pair of
// files may come in either order), and neither log is complete without
// the other, so a request is one however its lines arrive. finishedRequests
// remembers the last requests finished by a hash of their id, in a table
// of bounded size: a request whose two logs lie further apart than it
// holds counts twice, as any request did before.
type finishedRequests struct {
	slots []finishedSlot
	n     int // requests remembered since the table last grew
}

// finishedSlot is one finished request.
type finishedSlot struct {
	hash   uint64 // 0: empty
	kept   *group // the request's group where finish placed it, or nil
	placed bool   // finish placed it (kept, or counted in the overflow)
	status int32
}

const (
	minFinishedSlots = 1 << 8
	maxFinishedSlots = 1 << 17
)

// idHash hashes a request id eight bytes at a time, without allocating.
func idHash[T string | []byte](id T) uint64 {
	h := uint64(14695981039346656037)
	for ; len(id) >= 8; id = id[8:] {
		v := uint64(id[0]) | uint64(id[1])<<8 | uint64(id[2])<<16 | uint64(id[3])<<24 |
			uint64(id[4])<<32 | uint64(id[5])<<40 | uint64(id[6])<<48 | uint64(id[7])<<56
		h = (h ^ v) * 1099511628211
		h ^= h >> 29
	}
	for i := 0; i < len(id); i++ {
		h = (h ^ uint64(id[i])) * 1099511628211
	}
	h ^= h >> 32
	return h | 1
}

// slot returns the slot of hash h.
func (f *finishedRequests) slot(h uint64) *finishedSlot {
	return &f.slots[h&uint64(len(f.slots)-1)]
}

// lookup returns the finished request of hash h.
func (f *finishedRequests) lookup(h uint64) (finishedSlot, bool) {
	if len(f.slots) == 0 {
		return finishedSlot{}, false
	}
	sl := f.slot(h)
	return *sl, sl.hash == h
}

// remember notes a finished request, replacing whichever shared its slot.
func (f *finishedRequests) remember(sl finishedSlot) {
	if f.n >= len(f.slots) && len(f.slots) < maxFinishedSlots {
		f.grow()
	}
	f.n++
	*f.slot(sl.hash) = sl
}

// grow doubles the table, keeping what it holds.
func (f *finishedRequests) grow() {
	old := f.slots
	f.slots, f.n = make([]finishedSlot, max(2*len(old), minFinishedSlots)), 0
	for _, sl := range old {
		if sl.hash != 0 {
			*f.slot(sl.hash) = sl
			f.n++
		}
	}
}
