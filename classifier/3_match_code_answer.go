package classifier

import (
	"bytes"
	"regexp"

	"github.com/apigw-triage/apigw-triage/stage"
)

// A report often shows the function's answer only in the handler code the
// reporter pasted: the object a Node.js handler returns (return {...},
// callback(null, {...}), context.succeed({...}), or an object assigned to
// a name that is then returned) or a Python handler's returned dict. Read
// as a value, it is judged by the proxy response format as the execution
// log's answer is (3_match_proxy_shape.go): the Node.js and Python
// handler pages of the Lambda developer guide name these as a handler's
// result, and the API Gateway developer guide's "Output format of a Lambda
// function for proxy integration" and the Knowledge Center's malformed-502
// article give the format (a string body, an integer statusCode, headers
// of single values). Only an object that tries the format (a statusCode
// and another of its keys) is judged, as for an answer whose integration
// is not known to be a proxy one, and only when the report also shows a
// 5xx the client got: code alone shows what the function returns, not
// that a request failed for it.

// codeAnswer is what pasted code showed of a handler's answer.
type codeAnswer struct {
	gathering bool
	text      []byte // the literal so far, from its opening brace
	depth     int
	quote     byte // the quote of the string the literal is inside, or 0
	esc       bool
	lines     int
	// name: the variable the literal being gathered is assigned to; nil
	// when it is returned itself
	name []byte
	// held: an assigned literal with a fault, waiting for its name to be
	// returned
	held     proxyShape
	heldName []byte
	heldLine []byte
	// found: a returned answer with a fault, added to the lines without
	// ids once a 5xx is shown (settleCodeAnswer)
	found     proxyShape
	foundLine []byte
	hasFound  bool
	// foundV1: the answer is known to be a proxy integration's, whose
	// event is payload 1.0's
	foundV1 bool
	opener  []byte // the gathered literal's first line, to quote
	norm    []byte // scratch: the literal as JSON
}

// Bounds of one gathered literal.
const (
	maxCodeAnswerBytes = 8 << 10
	maxCodeAnswerLines = 64
)

// answerOpeners end the code before a literal that is a handler's answer.
// Sources: the Lambda developer guide's "Define Lambda function handler in
// Node.js" (an async handler's return value, a callback handler's
// callback(null, response)), its older runtimes' context.succeed(result)
// and context.done(null, result), and "Define Lambda function handler in
// Python" (the handler's return value).
var answerOpeners = [][]byte{
	[]byte("return"), []byte("return ("), []byte("callback(null,"), []byte("cb(null,"),
	[]byte("callback(undefined,"), []byte("context.succeed("), []byte("context.done(null,"),
	[]byte("done(null,"),
}

// A Go handler that takes the proxy integration's event
// (events.APIGatewayProxyRequest, which the aws-lambda-go events package
// gives as the data "coming from the API Gateway proxy", payload 1.0's)
// and returns a string: aws-lambda-go's handler answers json.Marshal of
// what it returns (lambda/handler.go), a JSON string, which a REST API and
// an HTTP API's payload 1.0 refuse (LocalStack's AWS-recorded "bare
// string" rows, see 3_match_proxy_shape.go).
var (
	goProxyRequest  = []byte("events.APIGatewayProxyRequest")
	goStringHandler = regexp.MustCompile(`\bevents\.APIGatewayProxyRequest\s*\)\s*\(\s*string\s*,\s*error\s*\)`)
)

// codeLine reads msg, a line that no log source wrote, for a handler's
// answer in code. Most lines hold no brace and no held name, and are
// passed at one scan.
func (s *Session) codeLine(msg []byte) {
	c := &s.code
	if c.gathering {
		c.gather(msg)
		if !c.gathering {
			s.judgeCode()
		}
		return
	}
	if len(c.heldName) > 0 && bytes.Contains(msg, c.heldName) && returnsName(msg, c.heldName) {
		c.keep(c.held, c.heldLine)
		c.heldName = c.heldName[:0]
	}
	i := bytes.IndexByte(msg, '{')
	if i < 0 {
		return
	}
	// (a Go function's signature ends with its body's brace)
	if bytes.Contains(msg[:i], goProxyRequest) && goStringHandler.Match(msg) {
		c.keep(proxyShape{top: kindString}, msg)
		c.foundV1 = c.found.top == kindString
		return
	}
	var name []byte
	if !answerOpener(msg[:i]) {
		if name = assignedName(msg[:i]); name == nil {
			return
		}
	}
	c.gathering, c.text, c.depth, c.quote, c.esc, c.lines = true, c.text[:0], 0, 0, false, 0
	c.name = append(c.name[:0], name...)
	c.opener = append(c.opener[:0], msg[:min(len(msg), 512)]...)
	c.gather(msg[i:])
	if !c.gathering {
		s.judgeCode()
	}
}

// answerOpener reports whether the code before a literal's brace ends
// with an answer opener.
func answerOpener(before []byte) bool {
	b := trimSpace(before)
	for _, o := range answerOpeners {
		if bytes.HasSuffix(b, o) && (len(b) == len(o) || !isIdentByte(b[len(b)-len(o)-1]) && b[len(b)-len(o)-1] != '.') {
			return true // not returnValue = {, mycallback(null, {
		}
	}
	return false
}

// assignedName is the name the code before a literal's brace assigns it
// to (const response = {, response = {, let res: APIGatewayProxyResult =
// {), or nil.
func assignedName(before []byte) []byte {
	b := trimSpace(before)
	if len(b) < 2 || b[len(b)-1] != '=' || bytes.IndexByte([]byte("=!<>+-*/|&?"), b[len(b)-2]) >= 0 {
		return nil
	}
	b = trimSpace(b[:len(b)-1])
	if j := bytes.IndexByte(b, ':'); j > 0 {
		b = trimSpace(b[:j]) // a TypeScript type
	}
	k := len(b)
	for k > 0 && isIdentByte(b[k-1]) {
		k--
	}
	if k == len(b) || k > 0 && b[k-1] != ' ' && b[k-1] != '\t' {
		return nil // a member (this.x = {), an index, no name
	}
	return b[k:]
}

// isIdentByte: a byte of a JavaScript or Python name, a word's or '$'.
func isIdentByte(c byte) bool { return c == '$' || isWordByte(c) }

// returnsName reports whether msg returns name: return name,
// callback(null, name), context.succeed(name).
func returnsName(msg, name []byte) bool {
	for i := 0; ; {
		j := bytes.Index(msg[i:], name)
		if j < 0 {
			return false
		}
		at := i + j
		end := at + len(name)
		i = end
		if end < len(msg) && isIdentByte(msg[end]) || at > 0 && isIdentByte(msg[at-1]) {
			continue
		}
		if end < len(msg) && msg[end] != ';' && msg[end] != ')' && msg[end] != ' ' {
			continue
		}
		if answerOpener(msg[:at]) && bytes.IndexByte(msg[:at], '=') < 0 {
			return true
		}
	}
}

// gather adds one line of the literal, without its comments, following
// its nesting; the literal ends where its brace closes.
func (c *codeAnswer) gather(line []byte) {
	c.lines++
	if c.lines > 1 {
		c.text = append(c.text, '\n')
	}
	for i := 0; i < len(line); i++ {
		ch := line[i]
		switch {
		case c.esc:
			c.esc = false
		case c.quote != 0:
			c.esc = ch == '\\'
			if ch == c.quote {
				c.quote = 0
			}
		case ch == '"' || ch == '\'' || ch == '`':
			c.quote = ch
		case ch == '/' && i+1 < len(line) && line[i+1] == '/',
			ch == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
			c.text = append(c.text, line[:i]...)
			c.endLine()
			return // a comment to the line's end
		case ch == '{' || ch == '[' || ch == '(':
			c.depth++
		case ch == '}' || ch == ']' || ch == ')':
			c.depth--
			if c.depth == 0 {
				c.text = append(c.text, line[:i+1]...)
				c.gathering = false
				return
			}
		}
	}
	c.text = append(c.text, line...)
	c.endLine()
}

// endLine ends a line of the literal: a string opened with a quote other
// than a template's closes on it, and the literal is dropped past its
// bounds.
func (c *codeAnswer) endLine() {
	if c.quote != '`' {
		c.quote = 0
	}
	if len(c.text) > maxCodeAnswerBytes || c.lines > maxCodeAnswerLines {
		c.gathering, c.text = false, c.text[:0]
	}
}

// judgeCode judges the literal just gathered: a fault in one returned is
// kept for settleCodeAnswer, one in an assigned literal is held until its
// name is returned.
func (s *Session) judgeCode() {
	c := &s.code
	var ok bool
	c.norm, ok = literalJSON(c.norm[:0], c.text)
	if !ok {
		return
	}
	p := readProxyShape(c.norm)
	if !p.complete || p.fault(formatREST, false) == faultNone {
		return
	}
	if len(c.name) == 0 {
		c.keep(p, c.opener)
		return
	}
	c.held = p
	c.heldName = append(c.heldName[:0], c.name...)
	c.heldLine = append(c.heldLine[:0], c.opener...)
}

// keep keeps the first answer with a fault.
func (c *codeAnswer) keep(p proxyShape, line []byte) {
	if c.hasFound {
		return
	}
	c.found, c.hasFound, c.foundV1 = p, true, false
	c.foundLine = append(c.foundLine[:0], line...)
}

// settleCodeAnswer adds the handler's answer with a fault, if code showed
// one, to the lines without ids once the report shows a 5xx the client
// got, judged by the format of the API's type; a WebSocket API's route
// has no response format its answer is refused by.
func (s *Session) settleCodeAnswer() {
	c := &s.code
	if !c.hasFound || s.st.shown5xx == 0 {
		return
	}
	c.hasFound = false
	var f shapeFault
	switch s.apiType() {
	case stage.APIWebSocket:
		return
	case stage.APIHTTP:
		// the payload version is not known (a Go type's name is no
		// setting): only what both refuse
		if f = c.found.fault(formatHTTP20, c.foundV1); c.found.fault(formatHTTP10, c.foundV1) == faultNone {
			f = faultNone
		}
	default:
		f = c.found.fault(formatREST, c.foundV1)
	}
	if f != faultNone {
		s.group(nil).add(hit{cause: CauseLambdaMalformedProxyResponse, weight: wCodeAnswer, told: true}, c.foundLine)
	}
}

// wCodeAnswer is the weight of an answer read in code: what the handler
// would return had it reached its return, less than any error the
// function's log shows it failing with before it did (a traceback, an
// uncaught error's line, wWeak), after which no answer was returned.
const wCodeAnswer = wWeak - 1

// literalJSON writes src, a JavaScript object literal or a Python dict as
// code writes it, to dst as JSON of the same shape, and reports whether
// it could: keys quoted, strings in double quotes (their text kept but
// for quotes and backslashes), Python's True, False and None as JSON's.
// A value the code computes is a string when it is one by its form
// (JSON.stringify(...), json.dumps(...), str(...), String(...), a
// template or a string joined to more) and null otherwise: its kind is
// not known, and null is no fault of any of the format's keys. A spread
// (...rest) or a computed key makes the keys unknown, and the literal is
// not read.
func literalJSON(dst, src []byte) ([]byte, bool) {
	l := literalScan{b: src, out: dst}
	l.ws()
	if l.end() || l.b[l.i] != '{' {
		return dst, false
	}
	ok := l.object()
	return l.out, ok && !l.failed
}

// literalScan reads a code literal into JSON.
type literalScan struct {
	b      []byte
	i      int
	out    []byte
	failed bool
	depth  int
}

func (l *literalScan) end() bool { return l.i >= len(l.b) }

func (l *literalScan) ws() {
	for l.i < len(l.b) && (l.b[l.i] == ' ' || l.b[l.i] == '\t' || l.b[l.i] == '\n' || l.b[l.i] == '\r') {
		l.i++
	}
}

// object reads the object at l.i.
func (l *literalScan) object() bool { return l.members('}', l.member) }

// array reads the list at l.i.
func (l *literalScan) array() bool { return l.members(']', l.element) }

// members reads the object or list at l.i to its closer, each member with
// read. A comma or the closer must follow each member: anything else (a
// stray ")", which no value passes) ends the reading rather than being
// read as the next member again and again. Nesting is held to a depth.
func (l *literalScan) members(closer byte, read func() bool) bool {
	if l.depth++; l.depth > 32 {
		return false
	}
	defer func() { l.depth-- }()
	l.out = append(l.out, l.b[l.i])
	l.i++
	for first := true; ; first = false {
		l.ws()
		if l.end() {
			return false
		}
		if l.b[l.i] == closer {
			l.i++
			l.out = append(l.out, closer)
			return true
		}
		if !first {
			l.out = append(l.out, ',')
		}
		if !read() {
			return false
		}
		l.ws()
		if l.end() {
			return false
		}
		if l.b[l.i] == ',' {
			l.i++
		} else if l.b[l.i] != closer {
			return false
		}
	}
}

// member reads an object's key and its value.
func (l *literalScan) member() bool {
	if !l.key() {
		return false
	}
	l.ws()
	if l.end() {
		return false
	}
	switch l.b[l.i] {
	case ':':
		l.i++
		l.out = append(l.out, ':')
		return l.value()
	case ',', '}':
		l.out = append(l.out, ":null"...) // a shorthand property
		return true
	}
	return false
}

// element reads a list's element.
func (l *literalScan) element() bool {
	if l.b[l.i] == '.' {
		l.failed = true // a spread
	}
	return l.value()
}

// key reads a key: a name, a quoted string or a number.
func (l *literalScan) key() bool {
	c := l.b[l.i]
	switch {
	case c == '"' || c == '\'':
		l.str()
		return true
	case isIdentByte(c):
		start := l.i
		for l.i < len(l.b) && isIdentByte(l.b[l.i]) {
			l.i++
		}
		l.out = append(l.out, '"')
		l.out = append(l.out, l.b[start:l.i]...)
		l.out = append(l.out, '"')
		return true
	}
	return false // a spread, a computed key
}

// str copies the string at l.i, whichever its quote, as a JSON string.
func (l *literalScan) str() {
	q := l.b[l.i]
	l.i++
	l.out = append(l.out, '"')
	for l.i < len(l.b) {
		c := l.b[l.i]
		l.i++
		switch {
		case c == '\\':
			l.i++
		case c == q:
			l.out = append(l.out, '"')
			return
		case c != '"' && c != '\n' && c != '\r' && c != '\t':
			l.out = append(l.out, c)
		}
	}
	l.out = append(l.out, '"')
}

// value reads a member's or an element's value, to the comma or the
// bracket that ends it.
func (l *literalScan) value() bool {
	l.ws()
	if l.end() {
		return false
	}
	start := len(l.out)
	switch c := l.b[l.i]; {
	case c == '{':
		if !l.object() {
			return false
		}
	case c == '[' && l.inspected():
	case c == '[':
		if !l.array() {
			return false
		}
	case c == '"' || c == '\'':
		l.str()
	case c == '`':
		l.skipString()
		l.out = append(l.out, `""`...)
	case c == '-' || isDigit(c):
		j := l.i
		for j < len(l.b) && (isDigit(l.b[j]) || l.b[j] == '.' || l.b[j] == '-' || l.b[j] == 'e') {
			j++
		}
		l.out = append(l.out, l.b[l.i:j]...)
		l.i = j
	default:
		l.word()
	}
	return l.rest(start)
}

// inspected reads Node.js's util.inspect forms of a value it does not
// print in full ([Object], [Array]) and the class it prints before an
// object without a prototype ([Object: null prototype] {...}).
func (l *literalScan) inspected() bool {
	rest := l.b[l.i:]
	switch {
	case bytes.HasPrefix(rest, []byte("[Object]")):
		l.i += len("[Object]")
		l.out = append(l.out, "{}"...)
	case bytes.HasPrefix(rest, []byte("[Array]")):
		l.i += len("[Array]")
		l.out = append(l.out, "[]"...)
	case bytes.HasPrefix(rest, []byte("[Object: null prototype]")):
		l.i += len("[Object: null prototype]")
		l.ws()
		if l.end() || l.b[l.i] != '{' {
			l.failed = true
			l.out = append(l.out, "null"...)
			return true
		}
		if !l.object() {
			l.failed = true
		}
	default:
		return false
	}
	return true
}

// word reads a value that opens with a name: a constant, or what code
// computes.
func (l *literalScan) word() {
	j := l.i
	for j < len(l.b) && (isIdentByte(l.b[j]) || l.b[j] == '.') {
		j++
	}
	w := l.b[l.i:j]
	if j < len(l.b) && (l.b[j] == '"' || l.b[j] == '\'') && len(w) > 0 && len(w) <= 2 && len(bytes.Trim(w, "frbuFRBU")) == 0 {
		l.i = j // a Python f-string, raw or bytes string
		l.str()
		return
	}
	l.i = j
	switch string(w) {
	case "true", "True":
		l.out = append(l.out, "true"...)
	case "false", "False":
		l.out = append(l.out, "false"...)
	case "JSON.stringify", "json.dumps", "str", "String", "simplejson.dumps":
		l.out = append(l.out, `""`...)
	default: // null, None, undefined, a name, a call
		l.out = append(l.out, "null"...)
	}
}

// rest passes what follows a value to the comma or bracket that ends it:
// nothing, for a literal; a call's arguments, an operator and its
// operand. A string joined to more is a string; any other value that goes
// on is computed, and its kind is not known.
func (l *literalScan) rest(start int) bool {
	l.ws()
	if l.end() {
		return false
	}
	if c := l.b[l.i]; c == ',' || c == '}' || c == ']' {
		return true
	}
	str := l.out[start] == '"'
	l.skipExpr()
	if !str {
		l.out = append(l.out[:start], "null"...)
	}
	return !l.end()
}

// skipExpr passes code to the comma or closing bracket at its level.
func (l *literalScan) skipExpr() {
	depth := 0
	for l.i < len(l.b) {
		switch c := l.b[l.i]; c {
		case '"', '\'', '`':
			l.skipString()
			continue
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth == 0 {
				return
			}
			depth--
		case ',':
			if depth == 0 {
				return
			}
		}
		l.i++
	}
}

// skipString passes the string at l.i.
func (l *literalScan) skipString() {
	q := l.b[l.i]
	for l.i++; l.i < len(l.b); l.i++ {
		switch l.b[l.i] {
		case '\\':
			l.i++
		case q:
			l.i++
			return
		}
	}
}

// The function's answer also shows where it is printed: the function's
// own log of what it returns (Node.js's console.log(response), in JSON or
// as util.inspect prints an object; Python's logging of the returned
// dict), and an invocation's output on its own (the Lambda console's test
// "Response", `aws lambda invoke`'s output file, `sam local invoke`'s and
// `serverless invoke local`'s output). A print is no return, and a
// function logs other objects too (a dependency's answer, decorated with
// keys of its own), so only a fault of a key's kind is read there, not a
// key outside the format; and the gateway's answer as a client or a
// function printed it ({statusCode: 502, body: ... "Internal server
// error"}) is the failure itself, not the function's answer.

// statusKey pre-filters the lines an answer can be on: its statusCode key
// (also spelt StatusCode).
var statusKey = []byte("tatusCode")

// keyHeaderWord is in headers and multiValueHeaders, as code spells them.
var keyHeaderWord = []byte("eaders")

// gatewayAnswerMarks are the gateway's own error bodies, lower-cased.
var gatewayAnswerMarks = [][]byte{[]byte("internal server error"), []byte("bad gateway")}

// loggedAnswer reads msg, a line of the function's log or an invocation's
// output, for an answer that tries the proxy response format with a key
// of the wrong kind; one found is kept as code's is (settleCodeAnswer).
func (s *Session) loggedAnswer(msg, line []byte) {
	k := bytes.Index(msg, statusKey)
	if k < 0 || s.code.hasFound || !bytes.Contains(msg, keyBody) && !bytes.Contains(msg, keyHeaderWord) {
		return // (an access record's statusCode holds neither key)
	}
	last := bytes.LastIndexByte(msg[:k], '{')
	if last < 0 || len(msg) > maxCodeAnswerBytes || containsFold(msg, gatewayAnswerMarks) {
		return
	}
	// the outermost object, when the answer is it; else the one the key
	// opens (an answer inside a logged object: {message: ..., response:
	// {...}})
	for _, i := range [2]int{bytes.IndexByte(msg, '{'), last} {
		if p, ok := s.answerAt(msg[i:]); ok {
			if p.fault(formatREST, false) != faultNone {
				s.code.keep(p, line)
			}
			return
		}
	}
}

// answerAt reads the object at the start of b as an answer with a
// statusCode, without the faults a print does not show.
func (s *Session) answerAt(b []byte) (proxyShape, bool) {
	c := &s.code
	var ok bool
	if c.norm, ok = literalJSON(c.norm[:0], b); !ok {
		return proxyShape{}, false
	}
	p := readProxyShape(c.norm)
	p.unknownKey, p.statusLike = false, false
	return p, p.complete && p.statusCode != kindNone
}

// printedAnswer reads msg, an object printed on its own (on one line, or
// laid out and gathered), as an invocation's output; not the body a client
// got, nor the answer the execution log's line before it quotes.
func (s *Session) printedAnswer(msg, line []byte) {
	if in := &s.integration; s.st.responseBody || in.pending || in.gathering {
		return
	}
	s.loggedAnswer(msg, line)
}

// containsFold reports whether b holds any of marks, which are lower case.
func containsFold(b []byte, marks [][]byte) bool {
	for _, m := range marks {
		for i := 0; i+len(m) <= len(b); i++ {
			if bytes.EqualFold(b[i:i+len(m)], m) {
				return true
			}
		}
	}
	return false
}
