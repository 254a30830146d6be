package classifier

import (
	"bytes"
	"regexp"
)

// A runtime's stack trace is the function's own log, whichever client
// library's words its lines hold: "retrofit2.HttpException: HTTP 503"
// above "\tat" frames, or "requests.exceptions.HTTPError: 502 Server Error"
// under "File" frames, is what the function's call to a dependency got, not
// what the API's client got. The same words without frames are a client's
// output (a test script, a console). Telling the two apart takes a line of
// context either way, kept in O(1) state as the lines stream by: the line
// after a frame is still the trace's (the exception line Python prints
// last), and a line that may head a trace (the exception line the JVM,
// Node.js and .NET print first) is held until the next line says whether
// frames follow.

// traceKind is what a line is to a stack trace.
type traceKind int8

const (
	notTrace    traceKind = iota
	traceFrame            // a frame, or a line only a trace holds ("... 12 more")
	traceHeader           // what opens a trace ("Traceback (most recent call last):")
	pyFrame               // Python's "File" frame: its source line follows
	nodeProps             // Node.js's last frame, before the error's own properties
	goHeader              // Go's goroutine header, after the panic and a blank line
)

// The frame forms of each runtime, on the lower-cased line without its
// indentation: the JVM's and .NET's "at Type.method(...)" (" in file:line
// n" with symbols, " ~[jar]" from logback), Node.js's "at fn (path:l:c)"
// (with "[as alias]" for a method called by another name) and "at
// path:l:c", Python's "File "path", line n", Ruby's "path:n:in
// 'method'" (the first frame holds the message) and "from path:n:in", Go's
// "path.go:n +0x1d".
var (
	atFrame      = regexp.MustCompile(`^at (?:async |new )?\S+(?: \[as [^\]]+\])?(?: ?\(([^()]*)\)|:\d+:\d+)(?: in \S.*:line \d+)?(?: ~?\[[^\]]*\])?( \{)?$`)
	pythonFrame  = regexp.MustCompile(`^file "[^"]+", line \d+`)
	rubyFrame    = regexp.MustCompile(`^(?:from )?\S+:\d+:in [\x60']`)
	goFileFrame  = regexp.MustCompile(`^\S+\.go:\d+(?: \+0x[0-9a-f]+)?$`)
	goroutine    = regexp.MustCompile(`^goroutine \d+ \[[^\]]+\]:$`)
	jvmMore      = regexp.MustCompile(`^\.\.\. \d+ (?:more|common frames omitted)$`)
	pythonCarets = regexp.MustCompile(`^[~^]+$`)
)

// browserFrame is a frame a browser's console shows: the page's script by
// URL, or by the bare file name its source map gives ("settle.js:19:12").
// A browser is the API's client, so its trace is the client's.
var browserFrame = regexp.MustCompile(`^(?:(?:https?|webpack[\w-]*|blob|chrome-extension|moz-extension):|[\w.-]+\.(?:js|jsx|ts|tsx|mjs|cjs|vue):\d+:\d+$)`)

// exceptionHead is the opening of an exception line ("Error: ...",
// "Exception: ...", "panic: ...", Node.js's "TypeError [ERR_INVALID_URL]:
// ..." for an error with a code): such a line is a program's even when it
// reads like a sentence.
var exceptionHead = regexp.MustCompile(`^(?:uncaught |unhandled exception\. )?[a-z_$][\w$.:\\]*(?: \(0x[0-9a-f]+\)| \[err_[a-z0-9_]+\])?: `)

// errorHead is an exceptionHead that names an error: an error's or an
// exception's class ("Error: ...", "TypeError [ERR_INVALID_URL]: ...",
// "System.InvalidOperationException: ...", "Errno::ENOENT: ..."), Go's
// "panic: ", a "fatal error: ". A person's "Note: " or "Update: " opens
// like an exception without naming one.
var errorHead = regexp.MustCompile(`^(?:uncaught |unhandled exception\. )?(?:[a-z_$][\w$.:\\]*)?(?:error|exception|panic|fatal|errno::e[a-z]+)(?: \(0x[0-9a-f]+\)| \[err_[a-z0-9_]+\])?: `)

// systemErrorLine is the message of a Node.js system error, the call that
// failed and its code ("getaddrinfo ENOTFOUND db.internal", "connect
// ECONNREFUSED 10.0.0.5:5432", "read ECONNRESET"; the Node.js errors page),
// as a function prints err.message.
var systemErrorLine = regexp.MustCompile(`^(?:getaddrinfo|connect|read|write|open|spawn) e[a-z_]+\b`)

// maxTraceProps bounds the lines of an error's properties read as the
// trace's, should their braces never close.
const maxTraceProps = 512

// traceback is the state the stream keeps about a stack trace.
type traceback struct {
	last       int64 // number of the last frame or header line (stats.lines)
	window     int64 // lines after it that are still the trace's
	props      int   // open braces of the error's properties after Node.js's frames
	propsLines int

	// headFirst: the last frame is of a runtime that prints the exception
	// before its frames (headFirstFrame)
	headFirst bool

	clientAt int64 // number of the last frame of a script's trace (isClientFrame)
	header   bool  // the line traceLayer just read is Python's trace header
	headerAt int64 // number of the last Python trace header
	// messages counts the lines traceLayer read (a tool's own lines
	// between messages, an export's timestamps, are not among them), and
	// clientPy is the count at a script's last Python frame, whose
	// exception follows its source line (and Python 3.11's carets)
	messages, clientPy int64

	held       bool // a line waits for the next to say whether frames follow
	heldHeader bool // the held line is Python's trace header
	heldFrames int  // Node.js's own frames read under the held line (nodeBuiltinFrame)
	heldBlank  bool // a blank line followed it
	heldLayer  Layer
	heldOwner  string // the invocation whose runtime line the held line continued
	heldIndent int    // the held line's indentation (Session.st.indent)
	heldBlock  int    // the held line's block (Session.st.block)
	heldPara   int    // and its paragraph (Session.st.paragraph)
	heldMsg    []byte
	heldLine   []byte
	low        []byte // scratch: the next line lower-cased
}

// traceKindOf says what a lower-cased line is to a stack trace.
func traceKindOf(low []byte) traceKind {
	if len(low) < 3 {
		return notTrace
	}
	switch low[0] {
	case 'a':
		return atFrameKind(low)
	case 'f':
		if pythonFrame.Match(low) {
			return pyFrame
		}
	case 't':
		if bytes.HasPrefix(low, []byte("traceback (most recent call last)")) {
			return traceHeader
		}
	case 'g':
		if goroutine.Match(low) {
			return goHeader
		}
	case '.':
		if jvmMore.Match(low) {
			return traceFrame
		}
	case '-':
		// .NET: an inner exception and the ends of its trace
		if bytes.HasPrefix(low, []byte("---> ")) || bytes.HasPrefix(low, []byte("--- end of ")) {
			return traceFrame
		}
	case '^', '~':
		if pythonCarets.Match(low) {
			return traceFrame
		}
	}
	if bytes.Contains(low, []byte(":in ")) && rubyFrame.Match(low) {
		return traceFrame
	}
	if bytes.Contains(low, []byte(".go:")) && goFileFrame.Match(low) {
		return traceFrame
	}
	return notTrace
}

// atFrameKind reads an "at ..." frame of the JVM, .NET or Node.js.
func atFrameKind(low []byte) traceKind {
	m := atFrame.FindSubmatchIndex(low)
	switch {
	case m == nil:
		return notTrace
	case m[2] >= 0 && (browserFrame.Match(low[m[2]:m[3]]) || isWebSocketClientFrame(low[m[2]:m[3]]) || isTestRunnerFrame(low[m[2]:m[3]])):
		return notTrace
	case m[2] < 0 && (browserFrame.Match(low[len("at "):]) || isTestRunnerFrame(low[len("at "):])):
		return notTrace
	case m[4] >= 0:
		return nodeProps
	}
	return traceFrame
}

// traceLayer says whose a line without ids is, given the trace around it:
// a frame and the lines inside a trace are the function's (a person's
// sentence stays a person's, unless it opens like an exception). It
// reports too whether the line held a client's words, which in a trace are
// the function's call to a dependency failing. s.low holds the line.
func (s *Session) traceLayer(layer Layer) (Layer, bool) {
	t, n := &s.tb, s.st.lines
	t.messages++
	kind := traceKindOf(s.low)
	if kind == notTrace && s.isProgramUncaught(s.low) {
		// a program's uncaught exception: its frames follow
		t.window, t.props, t.clientAt = -1, 0, n
		return LayerClient, false
	}
	if kind != notTrace && (s.isClientFrame(s.low, t.outermost(n)) || continuesClientTrace(t.clientAt, n, kind)) {
		// a script's trace on a developer's machine, and the frames that
		// continue it (Node.js's own "node:events" ones, Python's
		// interpreter's modules): its client library's words are what the
		// API answered it
		t.window, t.props, t.clientAt = -1, 0, n
		if kind == pyFrame {
			t.clientPy = t.messages
		}
		return LayerClient, false
	}
	if t.clientPy > 0 && kind == traceFrame && t.messages-t.clientPy == 2 && pythonCarets.Match(s.low) {
		// the carets Python 3.11 prints under a frame's source line: the
		// exception follows them
		t.clientPy++
		return LayerClient, false
	}
	if t.clientPy > 0 && t.messages-t.clientPy <= 2 && exceptionHead.Match(s.low) {
		// the exception Python prints after a script's last frame and its
		// source line: the script's, as its frames are
		t.clientPy = 0
		return LayerClient, false
	}
	if kind == traceHeader {
		// Python's header comes before the frames that say whose the
		// trace is: held, it is the function's unless a script's frame
		// follows
		t.last, t.window, t.props, t.header, t.headerAt = n, 1, 0, true, n
		return LayerUnknown, false
	}
	if kind != notTrace {
		t.last, t.window, t.props = n, 1, 0
		t.headFirst = headFirstFrame(s.low, kind)
		switch kind {
		case pyFrame:
			t.window = 2 // its source line, then a frame or the exception
		case nodeProps:
			t.props, t.propsLines = 1, 0
		}
		return LayerFunction, layer == LayerClient
	}
	inside := n-t.last <= t.window && (!t.headFirst || chainedException(s.low))
	if t.props > 0 && n == t.last+1 && t.propsLines < maxTraceProps {
		t.props += bytes.Count(s.low, []byte("{")) - bytes.Count(s.low, []byte("}"))
		t.last, t.window = n, 0
		t.propsLines++
		inside = true
	}
	if !inside || layer == LayerCDN || (layer == LayerPerson && !exceptionHead.Match(s.low)) {
		return layer, false
	}
	return LayerFunction, layer == LayerClient
}

// headFirstFrame reports whether a frame (low, of kind) is of a runtime
// that prints the exception's line before its frames: the JVM's, .NET's
// and Node.js's "at" frames (with the JVM's "... n more" and .NET's inner
// exception marks) and Ruby's. The line after the last of them is no
// longer the trace's unless it chains another exception to it
// (chainedException): a client's status line pasted right under a
// function's trace is the client's. Python prints the exception after its
// frames, and Go a function's line between its file frames: the line after
// theirs is still the trace's.
func headFirstFrame(low []byte, kind traceKind) bool {
	switch kind {
	case nodeProps:
		return true
	case traceFrame:
		return low[0] != '^' && low[0] != '~' && (!bytes.Contains(low, []byte(".go:")) || !goFileFrame.Match(low))
	}
	return false
}

// chainedException reports whether a line goes on with the trace above it
// in a runtime that prints the exception first: the JVM's "Caused by: "
// and "Suppressed: " (Throwable.printStackTrace), which open the next
// exception of the chain.
func chainedException(low []byte) bool {
	return bytes.HasPrefix(low, []byte("caused by: ")) || bytes.HasPrefix(low, []byte("suppressed: "))
}

// reads reports whether traceLayer read line n as a stack trace's: a
// header, a frame, or a line inside the trace's window (a frame's source
// line, the exception line after the frames).
func (t *traceback) reads(n int64) bool {
	return t.last == n || t.window >= 0 && n-t.last <= t.window
}

// outermost reports whether a frame on line n opens its trace: it follows
// Python's header, or no trace.
func (t *traceback) outermost(n int64) bool {
	return t.headerAt == n-1 || n-t.last > t.window
}

// continuesClientTrace reports whether a frame (of kind, on line n) goes on
// with a script's trace whose last frame was on line clientAt: the next
// line, or for Python's "File" frame the one after the source line that
// follows the previous frame. The library frames under a script's are the
// interpreter's wherever it is installed (/usr/lib, /opt/homebrew on macOS,
// C:\Program Files), which says nothing of the machine.
func continuesClientTrace(clientAt, n int64, kind traceKind) bool {
	if clientAt == 0 || kind == traceHeader {
		return false
	}
	return clientAt == n-1 || kind == pyFrame && clientAt == n-2
}

// hold keeps a line that may head a trace (a client's words, a program's
// line of unknown writer, an exception that reads like a sentence) until
// the next line; it reports whether it did.
func (s *Session) hold(layer Layer, dependency bool, msg, line []byte) bool {
	switch {
	case dependency || layer == LayerFunction || s.tb.clientAt > 0 && s.tb.clientAt == s.st.lines:
		// (a script's frame is the client's whatever follows it)
		return false
	case layer == LayerClient || layer == LayerUnknown:
	case layer == LayerPerson && exceptionHead.Match(s.low):
	default:
		return false
	}
	t := &s.tb
	t.held, t.heldBlank, t.heldLayer, t.heldHeader, t.heldFrames = true, false, layer, t.header, 0
	t.heldOwner, t.heldIndent, t.heldBlock, t.heldPara = s.openLambda, s.st.indent, s.st.block, s.st.paragraph
	t.header = false
	t.heldMsg = append(t.heldMsg[:0], msg...)
	t.heldLine = append(t.heldLine[:0], line...)
	return true
}

// releaseHeld reads the held line now that the next one, next, shows
// whether frames follow it: then it is the function's, unless the frame is
// a script's on a developer's machine (isClientFrame), whose exception the
// line is: the client's. Node.js's own frames (nodeBuiltinFrame) say
// neither, so the line stays held past them until a frame of the
// program's code does; a trace of them alone is the function's, as any
// trace is. Past a blank line only Go's goroutine header follows its
// "panic: " line.
func (s *Session) releaseHeld(next []byte) {
	t := &s.tb
	if !t.held {
		return
	}
	layer, dependency := t.heldLayer, false
	if t.heldHeader {
		layer = LayerFunction
	}
	frames, client := t.heldFrames > 0, false
	if next != nil {
		t.low = appendLower(t.low[:0], next[:min(len(next), maxMatchBytes)])
		kind := traceKindOf(t.low)
		client = kind != notTrace && s.isClientFrame(t.low, t.outermost(s.st.lines))
		if kind != notTrace && !client && !t.heldBlank && nodeBuiltinFrame(t.low) && t.heldFrames < maxTraceProps {
			t.heldFrames++
			return
		}
		frames = frames || kind != notTrace && !client && (!t.heldBlank || kind == goHeader && bytes.HasPrefix(t.heldMsg, []byte("panic: ")))
	}
	t.held, t.heldFrames = false, 0
	switch {
	case client:
		layer = LayerClient
	case frames:
		layer, dependency = LayerFunction, layer == LayerClient
	}
	s.low = appendLower(s.low[:0], t.heldMsg[:min(len(t.heldMsg), maxMatchBytes)])
	if s.openLambda == "" && t.heldOwner != "" {
		// the held line continued a runtime line (continuedInvocation)
		s.openLambda = t.heldOwner
		defer func() { s.openLambda = "" }()
	}
	// (read where it stood: its indentation, its block and paragraph)
	indent, block, para := s.st.indent, s.st.block, s.st.paragraph
	s.st.indent, s.st.block, s.st.paragraph = t.heldIndent, t.heldBlock, t.heldPara
	s.clientEvidence(t.heldMsg, t.heldLine, layer, dependency)
	s.st.indent, s.st.block, s.st.paragraph = indent, block, para
}

// nodeBuiltinFrame reports whether low (lower-cased) is a frame of Node.js's
// own modules, which it names by the "node:" scheme ("at
// TLSSocket.onConnectSecure (node:_tls_wrap:1674:34)", "at
// process.processTicksAndRejections (node:internal/process/task_queues:95:5)"),
// before Node.js 16 as "internal/..." (the Node.js documentation's
// "Modules: node: imports"; its errors page's stack traces). Its TLS and
// socket errors open with them wherever the program ran.
func nodeBuiltinFrame(low []byte) bool {
	return bytes.Contains(low, []byte("(node:")) || bytes.HasPrefix(low, []byte("at node:")) || bytes.Contains(low, []byte("(internal/"))
}

// traceBlank notes a blank line: it ends a trace.
func (s *Session) traceBlank() {
	s.endAddonLoad()
	s.tb.window, s.tb.props = -1, 0
	s.tb.heldBlank = s.tb.held
}

// dependencyFailed records a client library's failure in the function's
// own trace: the function's call failed, a function error.
func (s *Session) dependencyFailed(line []byte) {
	g := s.group([]byte(s.openLambda))
	g.lambda = g.lambda || s.openLambda != ""
	g.add(hit{cause: CauseLambdaFunctionError, weight: wWeak}, line)
}

// A JavaScript SyntaxError whose stack runs through Node.js's CommonJS
// loader (Module._load, Module.require, Module._compile) or the Lambda
// runtime's (UserFunction.js's _loadUserApp and _tryRequire) was raised
// while a module was being loaded: the handler's module, or one it
// requires, did not parse (code a runtime's Node.js cannot read, such as
// async functions on Node.js 6), or threw one as it loaded. The runtime
// interface client reports any SyntaxError from loading the handler as
// Runtime.UserCodeSyntaxError; the Node.js 4.3 to 8.10 runtimes returned
// it raw, as {"errorType": "SyntaxError", "stackTrace": [...]} with the
// loader's frames and no compile frames (nodeCompileRules), which the
// generic errorType rule read as a bug in the handling. The type and the
// frames come on different lines of a pasted error object or stderr
// trace, so the line naming the type is remembered for the lines of its
// stack. A SyntaxError thrown while handling a request (JSON.parse in the
// handler) has no loader frame, and a trace that a frame in a
// developer's home marked as a script's (isClientFrame) is left alone.
var (
	syntaxErrorWord  = []byte("SyntaxError")
	syntaxErrorMarks = [][]byte{[]byte("SyntaxError: "), []byte(`"errorType":"SyntaxError"`), []byte(`"errorType": "SyntaxError"`)}
	loaderFrameMarks = [][]byte{[]byte("Module._compile ("), []byte("Module._load ("), []byte("Module.require ("),
		[]byte("Module.load ("), []byte("Module._extensions..js ("), []byte("require (internal/module"),
		[]byte("tryModuleLoad ("), []byte("_loadUserApp ("), []byte("_tryRequire")}
)

// maxSyntaxStackLines bounds the lines after a SyntaxError's type read as
// its stack: a pasted error object's keys and a trace's frames.
const maxSyntaxStackLines = 24

// loadSyntaxError notes a line naming a JavaScript SyntaxError and reads a
// loader's frame after it (on the same line or within the stack's lines)
// as the module failing to load.
func (s *Session) loadSyntaxError(msg, line []byte) {
	n := s.st.lines
	if bytes.Contains(msg, syntaxErrorWord) && containsAny(msg, syntaxErrorMarks) {
		s.syntaxAt = n
	}
	if s.syntaxAt == 0 {
		return
	}
	if n-s.syntaxAt > maxSyntaxStackLines || s.tb.clientAt >= s.syntaxAt {
		s.syntaxAt = 0
		return
	}
	if !containsAny(msg, loaderFrameMarks) {
		return
	}
	s.syntaxAt = 0
	g := s.group([]byte(s.openLambda))
	g.lambda = g.lambda || s.openLambda != ""
	g.add(hit{cause: CauseLambdaHandlerMisconfigured, weight: 70}, line)
}

// An error raised in the frame of Node.js's CommonJS loader that loads an
// addon was the addon refusing to load, whatever its message (the Node.js
// 4.3 and 6.10 runtimes' "module initialization error: Error" says no
// more): Module._extensions['.node'] does nothing but process.dlopen the
// file (lib/module.js in Node.js 4 to 10, lib/internal/modules/cjs/
// loader.js after), and a native module that will not load in the function
// is one built for another platform or Node.js (nativeModuleRules). The
// frame comes before the frames of the code that required the addon,
// which say whose trace it is: a script's on a developer's machine
// (isClientFrame) is no function's. So the frame is remembered and read
// once its trace ends.
var addonLoaderFrame = []byte("Module._extensions..node (")

// addonLoad is a pending addon loader frame.
type addonLoad struct {
	at   int64  // its line; 0 when none is pending
	id   string // the invocation open then
	line []byte
}

// noteAddonLoad follows an addon loader frame to the end of its trace.
func (s *Session) noteAddonLoad(msg, line []byte) {
	a := &s.addon
	if a.at != 0 && (s.st.lines-a.at > maxSyntaxStackLines || !bytes.HasPrefix(msg, []byte("at "))) {
		s.endAddonLoad()
	}
	if a.at == 0 && bytes.Contains(msg, addonLoaderFrame) {
		a.at, a.id, a.line = s.st.lines, s.openLambda, append(a.line[:0], line...)
	}
}

// endAddonLoad reads a pending addon loader frame once its trace ended:
// the handler's package, unless a frame of the trace was a script's.
func (s *Session) endAddonLoad() {
	a := &s.addon
	if a.at == 0 {
		return
	}
	at := a.at
	a.at = 0
	if s.tb.clientAt >= at {
		return
	}
	g := s.group([]byte(a.id))
	g.lambda = g.lambda || a.id != ""
	g.add(hit{cause: CauseLambdaHandlerMisconfigured, weight: 70}, a.line)
}
