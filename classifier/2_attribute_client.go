package classifier

import (
	"bytes"
	"regexp"
)

// httpStatusLine is the status line of curl -i (or "< HTTP/2 502" of curl -v).
var httpStatusLine = regexp.MustCompile(`^(?:< )?HTTP/\d(?:\.\d)? (\d{3})\b`)

// httpHeaderLine is a header of an HTTP answer under its status line, as
// curl -i and -v print it.
var httpHeaderLine = regexp.MustCompile(`^(?:< ?)?(?:[A-Za-z0-9-]+:\s|HTTP/\d|$)`)

// levelWord is the upper-case level a logging library puts first (Rust's
// tracing and Go's loggers after the timestamp, log4j, Python's logging),
// or the opening Ruby's Logger writes before its level ("E, [2024-03-12T
// 10:15:01.123456 #8] ERROR -- : ...", Logger::Formatter's format, which
// the Ruby runtime interface client's LogFormatter keeps with the request
// id after the level): a function's own line. A line that also shows an
// HTTP status is rather a client tool's log, and stays with the client.
// So is Go's standard logger's date ("2024/03/12 10:15:01 ...", the log
// package's LstdFlags, which aws-lambda-go's own lines and most Go
// functions' carry; not nginx's error log, whose level in brackets follows
// the same date), Logback's default pattern ("10:15:01.123 [main] ERROR
// c.e.Handler - ...", %d{HH:mm:ss.SSS} [%thread] %-5level, which Spring
// Boot's and Micronaut's functions log with) and java.util.logging's
// SimpleFormatter, whose level opens the line after its date ("SEVERE:
// ..."), and the logfmt of Go's logrus (TextFormatter: time="..."
// level=error msg=...) and log/slog (TextHandler: time=... level=ERROR)
// at an error's level, Python's logging in its cookbook's format
// ("%(asctime)s - %(name)s - %(levelname)s - %(message)s", the date
// already cut: "orders - ERROR - ..."), Rust's env_logger ("[2024-03-12T
// 10:15:01Z ERROR my_api::db] ...") and pino-pretty ("[10:15:01.123]
// ERROR (8): ...").
var levelWord = regexp.MustCompile(`^(?:(?:ERROR|FATAL|CRITICAL|SEVERE)[: \t]|[\w.]+ - (?:ERROR|CRITICAL) - |\[\d{4}-\d\d-\d\dT[\d:.]+Z? (?:ERROR|WARN|INFO|DEBUG|TRACE) [\w:]+\] |\[\d\d:\d\d:\d\d(?:\.\d+)?\] (?:ERROR|FATAL) \(\d+\): |time=(?:"[^"]*"|\S+) level=(?:error|fatal|panic|ERROR|FATAL|PANIC) |[DIWEFA], \[\d{4}-\d\d-\d\dT[\d:.]+ #\d+\] +(?:DEBUG|INFO|WARN|ERROR|FATAL|ANY) |\d{4}/\d\d/\d\d \d\d:\d\d:\d\d(?:\.\d+)? [^\[ ]|\d\d:\d\d:\d\d[.,]\d{3} \[[^\]]+\] +(?:ERROR|WARN|INFO|DEBUG|TRACE) )`)

// toolsOwnErrors are the errors the package managers and image builders
// print after their own level word, which no function logs: pip's
// (src/pip/_internal: "ERROR: Could not find a version that satisfies the
// requirement ...", "ERROR: No matching distribution found for ...",
// "ERROR: pip's dependency resolver does not currently take into account
// ...", a wheel that failed to build, a requirements file it could not
// open), Docker's CLI and Compose's when the daemon does not answer
// ("ERROR: Cannot connect to the Docker daemon at unix:///var/run/
// docker.sock"), and BuildKit's for a build that failed ("ERROR: failed to
// solve: ...", and the step it failed at, "ERROR [3/4] RUN pip install
// ..."). They are pasted without the command that printed them as often as
// with it.
var toolsOwnErrors = guard(`^error: (?:could not (?:find a version that satisfies the requirement|install packages due to an|build wheels for|open requirements file)|no matching distribution found for|pip's dependency resolver|failed building wheel for|failed to build installable wheels|cannot install \S.* because these package versions have conflicting dependencies|resolutionimpossible|command errored out with exit status|` +
	`cannot connect to the docker daemon|couldn't connect to docker daemon|permission denied while trying to connect to the docker daemon|error during connect: |failed to solve: |failed to build: )|` +
	`^error \[(?:internal|[\w.-]+ \d+/\d+|\d+/\d+)\] `)

// authorizerWord is the API's authorizer named in the four languages of
// the remediation catalog ("Lambda authorizer", "AuthorizerFunction",
// オーソライザー, 授權方, autorizador).
var authorizerWord = guard(`authori[sz]er|オーソライザー|授權方|授权方|autorizador`)

// authorizerWordCased is authorizerWord on the line as written, whose case
// tells a program's lowerCamelCase name (namesAuthorizer).
var authorizerWordCased = regexp.MustCompile(`(?i)authori[sz]er|オーソライザー|授權方|授权方|autorizador`)

// namesAuthorizer reports whether the line names the API's authorizer as a
// person's or a program's word about it ("the Lambda authorizer times
// out", "LambdaAuthorizer returns an error", オーソライザー), not only as a
// part of a name a program or a configuration spells: a mapping template's
// or an access-log format's $context.authorizer.claims.sub and
// $context.authorizer.error, Terraform's aws_apigatewayv2_authorizer and
// authorizer_id, a lowerCamelCase field or variable (authorizerError,
// customAuthorizer), a file (authorizer.js), and a setting's key
// (serverless.yml's authorizer: and authorizers: opening their line, a
// JSON key "authorizer": anywhere). Those say only that the API has one,
// which configurations of healthy APIs say as well; a word of the line
// about it still counts.
func namesAuthorizer(msg []byte) bool {
	for _, m := range authorizerWordCased.FindAllIndex(msg, -1) {
		if !authorizerInName(msg, m[0], m[1]) {
			return true
		}
	}
	return false
}

// authorizerInName reports whether msg[i:j], a match of
// authorizerWordCased, is part of a program's or a configuration's name
// (namesAuthorizer).
func authorizerInName(msg []byte, i, j int) bool {
	a, b := i, j
	for a > 0 && isAlnum(msg[a-1]) {
		a--
	}
	for b < len(msg) && isAlnum(msg[b]) {
		b++
	}
	// joined to another name: aws_apigatewayv2_authorizer, authorizer_id,
	// $context.authorizer.error, authorizer.js (not a sentence's full stop)
	if a > 0 && (msg[a-1] == '_' || msg[a-1] == '$' || msg[a-1] == '.' && a > 1 && isAlnum(msg[a-2])) ||
		b < len(msg) && (msg[b] == '_' || msg[b] == '.' && b+1 < len(msg) && isAlnum(msg[b+1])) {
		return true
	}
	// lowerCamelCase, a program's field or variable (people write the
	// word, or a resource's PascalCase name: LambdaAuthorizer)
	if word := msg[a:b]; 'a' <= word[0] && word[0] <= 'z' && bytes.ContainsFunc(word, func(r rune) bool { return 'A' <= r && r <= 'Z' }) {
		return true
	}
	// a setting's key: "authorizer": anywhere, authorizer: or
	// authorizer = opening its line (after a YAML list's "- ")
	quoted := a > 0 && b < len(msg) && (msg[a-1] == '"' || msg[a-1] == '\'') && msg[b] == msg[a-1]
	after := msg[b:]
	if quoted {
		after = after[1:]
	}
	after = bytes.TrimLeft(after, " \t")
	if len(after) == 0 || after[0] != ':' && after[0] != '=' {
		return false
	}
	if quoted && after[0] == ':' {
		return true
	}
	before := msg[:a]
	if quoted {
		before = before[:len(before)-1]
	}
	before = bytes.TrimLeft(before, " \t")
	before = bytes.TrimPrefix(before, []byte("- "))
	return len(before) == 0
}

// isAlnum reports whether c is an ASCII letter or digit.
func isAlnum(c byte) bool { return isLetter(c) || isDigit(c) }

// clientLine handles everything that is neither a Lambda line nor an access
// record: execution-log messages without the request-id prefix (console
// test invoke), client output (curl -i headers, gateway response bodies)
// and free text. Lines without ids go to the open Lambda invocation, if
// any, else to the group of lines without ids.
func (s *Session) clientLine(msg, line []byte) {
	msg = delocalize(msg)
	if !s.st.paste.wscat && runsWscat(msg) {
		// the lines after it read "> {...}" as frames wscat sent (here,
		// not where every line is read: no log record is wscat's)
		s.st.paste.wscat = true
	}
	s.low = appendLower(s.low[:0], msg[:min(len(msg), maxMatchBytes)])
	layer := clientLayer(s.low, msg, &s.m.expected)
	if layer == LayerFunction && s.st.paste.toolRun {
		// a build or package tool's output: its own "ERROR: ..." lines
		// (pip's resolver, Docker's daemon refusing) and the connections
		// it failed to make are the tool's, no function's log; its words
		// alone say who wrote them
		layer = attribute(s.low)
	}
	layer, dependency := s.traceLayer(layer)
	if id := s.continuedInvocation(); id != "" {
		// the trace under a runtime line is its invocation's, as the lines
		// between its START and END are
		s.openLambda = id
		defer func() { s.openLambda = "" }()
	}
	if layer == LayerPerson && s.openLambda != "" && (errorHead.Match(s.low) || systemErrorLine.Match(s.low)) && !toolsOwnErrors.Match(s.low) {
		// between an invocation's START and its END the log stream is the
		// function's: an error there is its own, however much its message
		// reads like a sentence ("Error: the order service did not answer",
		// "getaddrinfo ENOTFOUND db.internal.example.com"), but for a
		// package manager's or an image builder's own (toolsOwnErrors)
		layer = LayerFunction
	}
	if (layer == LayerPerson || layer == LayerUnknown) && s.st.paste.harStatus {
		// the status a browser recorded in a HAR file it saved (Chrome's
		// and Firefox's "Save all as HAR": an entry's "response" opens
		// with "status" and "statusText"), a program's record of some
		// request, not a person telling what the client got
		layer = LayerClient
	}
	if layer == LayerClient && s.openLambda != "" && awsSDKCallLine(s.low) {
		// and so is an AWS SDK's error for a call there: no SDK client
		// calls an API's routes
		layer = LayerFunction
	}
	if layer != LayerFunction {
		s.noteAuthorizerDenial(msg) // (the console's test prints it without the id)
	}
	s.noteResponseContext(layer, s.low)
	if s.hold(layer, dependency, msg, line) {
		return
	}
	s.clientEvidence(msg, line, layer, dependency)
}

// clientEvidence reads a line without ids that layer emitted; s.low holds
// it lower-cased. dependency: a client's words in a function's stack trace,
// the function's own call failing.
func (s *Session) clientEvidence(msg, line []byte, layer Layer, dependency bool) {
	if dependency {
		s.dependencyFailed(line)
	}
	if layer == LayerFunction && s.openLambda == "" {
		s.loggedAnswer(msg, line) // (lambdaEvidence reads an invocation's)
	}
	if layer.machine() {
		s.st.machine++
	}
	s.noteAPIType(s.low, msg, line, layer)
	s.noteWhereServed(s.low)
	s.noteWebSocketClient(s.low)
	s.noteUnanswered(line, layer)
	s.st.authorizerWord = s.st.authorizerWord || authorizerWord.Match(s.low) && namesAuthorizer(msg)
	if layer == LayerCDN && isCDNPage(s.low, msg) {
		s.group(nil).cdnPage = true
	}
	if layer == LayerClient && containerTimeoutBody.Match(s.low) {
		s.group(nil).timeoutBody = true
	}
	if layer != LayerFunction && containerTimeoutField.Match(s.low) {
		s.containerTimeoutAnswer(line)
		return
	}
	if m := httpStatusLine.FindSubmatch(msg); m != nil && layer != LayerFunction {
		s.statusLine(leadingInt(m[1]), line)
		return
	}
	if s.printedCode(msg, line) {
		return
	}
	// (not the integration's answer the execution log quotes, "Endpoint
	// response body before transformations: ...", which is no answer to
	// the client: a test invoke's endpoint response shows no status)
	if layer != LayerFunction && execKindOf(msg) == execOther && !bytes.HasPrefix(msg, preEndpointBody) {
		s.wordedStatus(line, layer)
	}
	if isHTTPAPIHeader(msg) {
		s.st.httpAPI = true
		return
	}
	if len(msg) > 12 && (msg[0] == 'R' || msg[0] == 'r') && bytes.EqualFold(msg[:12], []byte("retry-after:")) {
		s.noteRetryAfter(msg[12:])
		return
	}
	s.causeEvidence(msg, line, layer)
}

// containerTimeoutAnswer reads the same answer as the proxy response
// object the function returned (the Lambda console's test, a log of it):
// its statusCode is the adapter's 502, which the proxy integration passes
// on, and its "Gateway timeout" is no gateway's 504.
func (s *Session) containerTimeoutAnswer(line []byte) {
	g := s.group(nil)
	g.timeoutBody = true
	g.setStatus(502, line)
	s.noteShown(502)
}

// statusLine reads an HTTP status line a client printed (curl -i, a
// response's head).
func (s *Session) statusLine(code int, line []byte) {
	s.st.httpHead = true
	if s.openLambda != "" && !is5xx(code) {
		// a status line between an invocation's START and END is the
		// function's own call's (a shell runtime's curl -i), as any
		// code below 500 there is (clientStatus)
		return
	}
	if s.preflightAnswer(code) || s.otherRequestsAnswer(code, false) {
		return
	}
	s.noteShown(code)
	s.group(nil).setCode(code, line)
}

// printedCode reads the code curl -w '%{http_code}' printed on a line of
// its own, the console test's status under its label, or a REPL's value of
// a response's status, and notes whether the line announces such a code.
func (s *Session) printedCode(msg, line []byte) bool {
	if v := replValue(msg); (s.st.curlCode || s.st.statusLabel) && len(v) == 3 && allDigits(v) {
		code := leadingInt(v)
		s.noteShown(code)
		s.group(nil).setCode(code, line)
		s.st.machine++
		s.st.statusLabel = false
		return true
	}
	// (%{response_code} is the same variable under its newer name)
	s.st.curlCode = bytes.Contains(msg, []byte("%{http_code}")) || bytes.Contains(msg, []byte("%{response_code}"))
	s.st.statusLabel = consoleStatusLabel(s.low) || readsStatus(s.low)
	return false
}

// wordedStatus reads the status a client's, a CDN's or a person's line
// names in words of its own (clientStatus); s.low holds it lower-cased.
func (s *Session) wordedStatus(line []byte, layer Layer) {
	code := s.clientStatus(s.low, layer)
	if !layer.machine() && !is5xx(code) && !s.st.namedServerCode {
		s.st.namedServerCode = namesServerCode(s.low, &s.m.expected)
	}
	if code == 0 {
		return
	}
	s.noteShown(code)
	if is5xx(code) && successShown.Match(s.m.expected.drop(dropCheckNames(s.low))) {
		s.st.mixedOutcomes = true
	}
	g := s.group(nil)
	// only a client's or a CDN's line is a program's word for the status
	program := layer == LayerClient || layer == LayerCDN
	g.noteSameSuccess(code)
	if (!g.codeLine || g.anotherAnswer(code)) && (!program || !g.anotherSuccess(code)) && g.setStatus(code, line) {
		g.toldStatus = !program && !is5xx(code)
	}
}

// causeEvidence reads what the line shows of the cause: as an execution
// log's line that lost its id, as the open invocation's log, or as the
// evidence of the layer that emitted it.
func (s *Session) causeEvidence(msg, line []byte, layer Layer) {
	if s.openLambda == "" && execKindOf(msg) != execOther {
		s.execLine(nil, msg, line)
		return
	}
	if s.openLambda == "" || layer == LayerPerson || layer == LayerClient {
		if gatewayOpening(msg) {
			s.st.execLines++
			layer = LayerGateway
		}
		s.evidenceLine(nil, msg, line, layer)
		return
	}
	s.lambdaEvidence([]byte(s.openLambda), msg, line, LayerFunction)
}

// consoleStatusLabels are the label the API Gateway console's method test
// shows the response's status under, in the developer guide's editions
// ("Use the API Gateway console to test a REST API method": Request,
// Status, Latency (ms), Response body, Response headers, Logs; ステータス,
// 状态, 狀態, 상태). A copy of its result puts each label on a line of its
// own and its value on the next.
var consoleStatusLabels = [][]byte{[]byte("status"), []byte("ステータス"), []byte("状态"), []byte("狀態"), []byte("상태")}

// consoleStatusLabel reports whether low is the console test's status
// label alone (a colon after it allowed).
func consoleStatusLabel(low []byte) bool {
	if len(low) > 24 {
		return false // most lines, at one comparison
	}
	low = bytes.TrimSuffix(bytes.TrimSpace(low), []byte(":"))
	for _, l := range consoleStatusLabels {
		if bytes.Equal(low, l) {
			return true
		}
	}
	return false
}

// statusAccessors end an expression that reads a response's status: a
// Python requests or httpx Response's status_code, a fetch Response's or
// an http.client response's status, Node.js's statusCode, alone or
// printed.
var statusAccessors = [][]byte{[]byte(".status_code"), []byte(".status"), []byte(".statuscode")}

// readsStatus reports whether low is an expression a REPL evaluates to a
// response's status, as the requests quickstart shows it (">>>
// r.status_code", then the value on the next line; the prompt is gone by
// here, read as a quote), IPython ("In [3]: r.status_code") and Node.js's
// REPL ("> res.statusCode"), or a print of it ("print(r.status_code)",
// "console.log(res.status)"). A statement (a return, an assignment, a
// condition) holds a space and is none.
func readsStatus(low []byte) bool {
	if len(low) > 80 {
		return false
	}
	low = bytes.TrimSpace(low)
	if rest, ok := cutIPythonPrompt(low, "in ["); ok {
		low = rest
	}
	if bytes.IndexByte(low, ' ') >= 0 {
		return false
	}
	low = bytes.TrimSuffix(bytes.TrimSuffix(low, []byte(";")), []byte(")"))
	for _, a := range statusAccessors {
		if bytes.HasSuffix(low, a) && len(low) > len(a) {
			return true
		}
	}
	return false
}

// replValue returns what a REPL printed as a value: IPython's "Out[3]:
// 502" without its prompt, any other line as it is.
func replValue(msg []byte) []byte {
	if len(msg) > 16 || len(msg) < 4 || (msg[0] != 'O' && msg[0] != 'o') {
		return msg
	}
	if rest, ok := cutIPythonPrompt(msg, "out["); ok {
		return rest
	}
	return msg
}

// cutIPythonPrompt removes IPython's numbered prompt ("In [3]: ", "Out[3]:
// ") that opens b with open ("in [" or "out[", in any case), and reports
// whether it found one.
func cutIPythonPrompt(b []byte, open string) ([]byte, bool) {
	if len(b) < len(open) || !bytes.EqualFold(b[:len(open)], []byte(open)) {
		return b, false
	}
	rest := b[len(open):]
	i := 0
	for i < len(rest) && isDigit(rest[i]) {
		i++
	}
	rest, ok := bytes.CutPrefix(rest[i:], []byte("]:"))
	if i == 0 || !ok {
		return b, false
	}
	return bytes.TrimLeft(rest, " "), true
}

// clientStatus is the status a line without ids shows its client got, or
// 0. A code below 500 on a program's line that is an AWS service's answer
// to a call (an AWS SDK's error for it, or a line naming the @connections
// management API, which only a backend calls) is that service's answer to
// its caller, most often a function's own call, not what the API's client
// got (connectionsAPIRefusalRules), and so is the Lambda runtime API's
// answer to a runtime posting the function's result (namesRuntimeAPI): it
// shows nothing, and so no all-clear. So does any code below 500 between a
// Lambda invocation's START and its END, where the log stream is the
// function's whoever's words it reads like: a Python function's print of
// requests' "404 Client Error: Not Found for url: ...", a Java or Go
// function's log of its HTTP client's error, written without the
// runtime's columns, is what the function's own call got.
// A 5xx there stays, as any 5xx shown does, so that no report of one is
// lost. (Elsewhere a person's sentence that quotes the status is still
// read as the status they saw.)
func (s *Session) clientStatus(low []byte, layer Layer) int {
	s.notePreflight(low)
	other := s.noteRequestURL(low)
	code := s.frameStatus(low, statusShown(low, &s.m.expected))
	if s.otherRequestsAnswer(code, other) {
		return 0
	}
	if code != 0 && !is5xx(code) && layer != LayerPerson && (namesConnectionsAPI(low) || awsSDKCallError(low) || namesRuntimeAPI(low)) {
		return 0
	}
	if code != 0 && !is5xx(code) && isControlPlaneCall(low) {
		return 0 // the management API's answer to a deployment (controlPlaneCall)
	}
	if code != 0 && !is5xx(code) && s.openLambda != "" {
		return 0
	}
	if code != 0 && setsStatus(low) {
		// a handler's code, not an answer: the reason phrase of its
		// error branch ("Internal Server Error") is what it would send;
		// a 5xx there still keeps a person's words from an all-clear
		s.st.namedServerCode = s.st.namedServerCode || is5xx(code)
		return 0
	}
	if s.preflightAnswer(code) {
		return 0
	}
	if is2xx(code) && isPreflightLine(low) {
		return 0
	}
	return code
}

// statusSetter is a line of a handler's code that builds a response with
// its status, as the frameworks' references write it: the Fetch API's
// new Response(body, { status: 403 }) (MDN), Django's HttpResponse(status=
// 401) and JsonResponse(data, status=403), Koa's ctx.status = 401, an Azure
// function's context.res = { status: 401 }, and a statement that returns
// or declares a response object (a Lambda proxy response, { statusCode:
// 401, body: ... }; Flask's return jsonify(error), 403) or passes one to
// the Lambda callback; and Express's res.status(401) and
// res.sendStatus(401) and Fastify's reply.code(401), calls that set it, as
// a statement (not a sentence's "my code does res.status(500)"). The
// status it names is the one the code means to send, not one a client
// got.
var statusSetter = regexp.MustCompile(`\bnew response\(|\b(?:http|json)response\(|\b(?:ctx|context|this|self|res|resp|response)\.(?:status|res)\s*=[^=]|(?:^\s*|\breturn\s+|[;{]\s*)(?:res|resp|response|reply)\.(?:status|sendstatus|code)\(\s*\d{3}\s*\)` +
	`|^\s*(?:return\s+(?:\{|new\b|[\w$]+(?:\.[\w$]+)*\()|(?:const|let|var)\s+[\w$]+\s*=|callback\(\s*null\s*,)`)

// setsStatus reports whether low is a line of code that sets a status
// (statusSetter).
func setsStatus(low []byte) bool {
	return statusSetter.Match(low)
}

// A browser's CORS preflight is an OPTIONS request the API answers before
// the request itself, from its CORS configuration or a MOCK integration:
// its 2xx is no answer to the request behind it (a preflight refused with
// a 4xx is: the browser sends nothing after it). The browsers show it as
// a request line (Chrome's "OPTIONS <url> 200", Firefox's "OPTIONS <url>
// [HTTP/2 200 OK 45ms]") or in the DevTools headers pane ("Request Method:
// OPTIONS", then "Status Code: 200 OK").
var preflightMethod = []byte("request method:")

// notePreflight follows the DevTools headers pane: a "Request Method:"
// line says whether the status that follows is a preflight's, and so does
// a curl command's method.
func (s *Session) notePreflight(low []byte) {
	if v, ok := bytes.CutPrefix(bytes.TrimLeft(low, " \t"), preflightMethod); ok {
		s.st.preflight = bytes.Equal(bytes.TrimSpace(v), []byte("options"))
	}
	if curlCommand(low) {
		s.st.preflight = curlOptions.Match(low)
	}
}

// preflightAnswer reports whether code, a status a client showed, is a
// preflight's 2xx, which answers no request behind it; the preflight ends
// with its status.
func (s *Session) preflightAnswer(code int) bool {
	if code == 0 || !s.st.preflight {
		return false
	}
	s.st.preflight = false
	return is2xx(code)
}

// A client's request to a URL no API serves gets another request's
// answer: a browser's console shows the page's own files beside the API's
// calls ("GET http://localhost:5173/favicon.ico 404 (Not Found)"), and an
// app calls other AWS services' endpoints (Cognito's hosted UI token
// endpoint, "POST https://myapp.auth.us-east-1.amazoncognito.com/oauth2/token
// 401 (Unauthorized)"; an S3 upload to a presigned URL). A code below 500
// for such a URL, on its request line or on the status line that follows
// it (DevTools' "Request URL:" and "Status Code:", curl's status line),
// shows nothing about the API, and so no all-clear. An execute-api host
// or a Lambda function URL is an API's whatever its path, and so is a
// custom domain, which may serve anything.

// requestURL is a URL a client names as a request's: after its method
// (Chrome's and Firefox's consoles, Postman's, a HAR viewer's), after
// DevTools' "Request URL:" label, or in a curl command.
var requestURL = regexp.MustCompile(`(?:(?:^|\s)(?:get|post|put|delete|patch|options|head) |\brequest url:\s*|^\$? ?curl\s.*?)(https?://[^\s'"\x60<>]+)`)

// requestWords are the literals requestURL needs.
var requestWords = [][]byte{[]byte("http://"), []byte("https://")}

// staticAssetExts are the files a web page loads beside its API calls:
// its icon, scripts, source maps, styles, images and fonts.
var staticAssetExts = []string{".ico", ".js", ".mjs", ".css", ".map", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".woff", ".woff2", ".ttf"}

// noAPIURL reports whether url (lower-cased) is one no API Gateway API
// serves: a static asset's on a host that is no execute-api host nor a
// Lambda function URL's, or another AWS service's endpoint: Cognito's
// (its hosted UI's domain, amazoncognito.com, and its API's,
// cognito-idp.<region>.amazonaws.com) and S3's (the virtual-hosted
// <bucket>.s3.<region>.amazonaws.com, the path-style s3.<region> and
// legacy s3-<region> hosts, the website endpoints s3-website-<region>).
func noAPIURL(url []byte) bool {
	rest := url[bytes.Index(url, []byte("://"))+3:]
	hostEnd := bytes.IndexAny(rest, "/?#")
	if hostEnd < 0 {
		hostEnd = len(rest)
	}
	host, path := rest[:hostEnd], rest[hostEnd:]
	if i := bytes.LastIndexByte(host, '@'); i >= 0 {
		host = host[i+1:]
	}
	if i := bytes.IndexByte(host, ':'); i >= 0 {
		host = host[:i]
	}
	if bytes.Contains(host, []byte(".execute-api.")) || bytes.HasSuffix(host, []byte(".on.aws")) {
		return false
	}
	if bytes.HasSuffix(host, []byte(".amazoncognito.com")) || bytes.HasPrefix(host, []byte("cognito-idp.")) {
		return true
	}
	if bytes.HasSuffix(host, []byte(".amazonaws.com")) || bytes.HasSuffix(host, []byte(".amazonaws.com.cn")) {
		for _, label := range bytes.Split(host, []byte(".")) {
			if bytes.Equal(label, []byte("s3")) || bytes.HasPrefix(label, []byte("s3-")) {
				return true
			}
		}
	}
	if i := bytes.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	for _, ext := range staticAssetExts {
		if bytes.HasSuffix(path, []byte(ext)) {
			return true
		}
	}
	return false
}

// noteRequestURL reads the URL of a request a client names on low, and
// reports whether it is no API's (noAPIURL); a request named without its
// status leaves that for the status lines that follow.
func (s *Session) noteRequestURL(low []byte) bool {
	if !containsAny(low, requestWords) {
		return false // most lines
	}
	m := requestURL.FindSubmatch(low)
	if m == nil {
		return false
	}
	other := noAPIURL(m[1])
	s.st.otherRequestAt = 0
	if other {
		s.st.otherRequestAt, s.st.otherRequestPara = s.st.lines, s.st.paragraph
	}
	return other
}

// otherRequestLines is how many lines after a request's URL its status may
// come: curl -v's connection lines and request headers, DevTools' method
// and address lines.
const otherRequestLines = 10

// otherRequestsAnswer reports whether code, a status a client showed, is
// below 500 and answers a request to a URL no API serves: the request on
// its own line (other), or one named on the lines just before with no
// blank line or code fence between (curl -v prints its connection and
// headers between, DevTools the method; a status after a blank line is
// another paste's). A status ends the request it answers.
func (s *Session) otherRequestsAnswer(code int, other bool) bool {
	if code == 0 {
		return false
	}
	pending := s.st.otherRequestAt != 0 && s.st.lines-s.st.otherRequestAt <= otherRequestLines && s.st.paragraph == s.st.otherRequestPara
	s.st.otherRequestAt = 0
	return !is5xx(code) && (other || pending)
}

// curlOptions is curl's method option set to OPTIONS: a preflight sent by
// hand, as people check their CORS setup.
var curlOptions = regexp.MustCompile(`\s(?:-x\s*|--request[\s=])["']?options\b`)

// isPreflightLine reports whether low is a browser's request line for an
// OPTIONS request.
func isPreflightLine(low []byte) bool {
	return bytes.HasPrefix(bytes.TrimLeft(low, " \t"), []byte("options http"))
}

// awsSDKCallErrors are the words an AWS SDK's error for a failed call to an
// AWS service prints beside that service's status, whichever service it
// is: aws-sdk-go-v2's "operation error DynamoDB: GetItem, https response
// error StatusCode: 400, ..." (smithy-go's ResponseError) and the AWS SDK
// for PHP's "Error executing \"GetItem\" on \"...\"; AWS HTTP error: Client
// error: ... resulted in a `400 Bad Request` response" (AwsException). No
// SDK client calls an API's own routes.
var awsSDKCallErrors = [][]byte{[]byte("https response error statuscode"), []byte("; aws http error: ")}

// sdkStatusRequestID is the status and request id pair two more AWS SDKs
// print in their error for a failed call: aws-sdk-go (v1)'s
// awserr.RequestFailure ("status code: 400, request id: ...", on a line of
// its own after the error code and message; aws/awserr/types.go) and the
// AWS SDK for Java 2.x's AwsServiceException ("... (Service: S3, Status
// Code: 403, Request ID: ...)"; AwsServiceException.getMessage).
var sdkStatusRequestID = regexp.MustCompile(`status code: \d{3}, request id: `)

// awsSDKCallError reports whether low is an AWS SDK's error for a call to
// an AWS service (awsSDKCallErrors, sdkStatusRequestID).
func awsSDKCallError(low []byte) bool {
	return containsAny(low, awsSDKCallErrors) || (bytes.Contains(low, []byte(", request id: ")) && sdkStatusRequestID.Match(low))
}

// sdkCallWords are the two SDKs' errors for a call that clientMarks reads
// as a caller's own: botocore's ClientError ("An error occurred
// (ResourceNotFoundException) when calling the GetItem operation: ...")
// and smithy-go's OperationError ("operation error DynamoDB: GetItem,
// ...").
var sdkCallWords = guard(`an error occurred \([\w.]+\) when calling the \w+ operation|\boperation error [a-z0-9 ]+: [a-z0-9]+, `)

// awsSDKCallLine reports whether low is an AWS SDK's error for a call to
// an AWS service in any of the forms the layers know.
func awsSDKCallLine(low []byte) bool {
	return awsSDKCallError(low) || sdkCallWords.Match(low)
}

// containerTimeoutBody is the body aws-serverless-java-container's
// AwsProxyExceptionHandler answers an exception of the application with,
// under a 502 of its own (frameworks built on it, Micronaut's first AWS
// adapter among them, answer the same).
var containerTimeoutBody = regexp.MustCompile(`^\{\s*"message"\s*:\s*"gateway timeout"\s*\}$`)

// containerTimeoutField is that answer as the "body" field of the proxy
// response AwsProxyExceptionHandler builds (statusCode 502, the body its
// ErrorModel's JSON, escaped in the object).
var containerTimeoutField = regexp.MustCompile(`^"body"\s*:\s*"\{\s*\\"message\\"\s*:\s*\\"gateway timeout\\"\s*\}",?$`)

// clientLayer says who emitted a line without ids; low is msg lower-cased,
// wishes the line's reading for a person's wishes (expectedMemo).
func clientLayer(low, msg []byte, wishes *expectedMemo) Layer {
	if cloudFrontHeading.Match(msg) {
		return LayerCDN
	}
	layer := attribute(low)
	if layer == LayerClient && awsSDKCallLine(low) && (levelWord.Match(msg) || loggerRecord.Match(msg)) {
		// an AWS SDK's error for a call, on a logger's line: no SDK client
		// calls an API's routes, and the program that logs is the
		// function's (aws-sdk-go-v2's "operation error DynamoDB: GetItem,
		// https response error StatusCode: 400, ..." after Go's log date)
		return LayerFunction
	}
	if (layer == LayerPerson || layer == LayerUnknown) && refusedByAPeer(low) {
		// a program's connection refused or reset by its peer: the gateway
		// words no failure so, and no caller of API Gateway is refused a
		// connection; the function's call to its dependency (an adapter's
		// to the web app beside it) failed
		return LayerFunction
	}
	if (layer == LayerPerson || layer == LayerUnknown) && (levelWord.Match(msg) || loggerRecord.Match(msg)) && !toolsOwnErrors.Match(low) {
		// a logger's level word opens a program's line: the function's, or,
		// when it shows the HTTP status it received, a client tool's (its
		// "failed to connect" is about reaching the API, not the backend);
		// not a package manager's or an image builder's own error
		// (toolsOwnErrors)
		layer = LayerFunction
		if statusShown(low, wishes) != 0 || goCallOfAPI.Match(low) {
			layer = LayerClient
		}
	}
	return layer
}

// peerRefusalForms are the error types of the HTTP and socket libraries
// a function's code calls its dependencies with: Rust's hyper and
// reqwest, Python's urllib3 and requests, Go's net ("dial tcp"), Java's
// java.net, Node.js's system errors with the address they name ("connect
// ECONNREFUSED 127.0.0.1:8080", "read ECONNRESET").
var peerRefusalForms = [][]byte{[]byte("hyper::"), []byte("hyper_util::"), []byte("reqwest::"), []byte("urllib3"),
	[]byte("requests.exceptions"), []byte("dial tcp "), []byte("java.net."), []byte("connect econnrefused "), []byte("read econnreset")}

// peerRefusalWords are a connection refused or reset, in those libraries'
// words (Rust's io::ErrorKind is written as one word).
var peerRefusalWords = [][]byte{[]byte("connection refused"), []byte("connection reset"), []byte("connectionrefused"),
	[]byte("connectionreset"), []byte("econnrefused"), []byte("econnreset")}

// refusedByAPeer reports whether a line is a program's connection to a
// peer refused or reset (peerRefusalForms), not a call of an API's own
// endpoint (a client's, whose address names execute-api).
func refusedByAPeer(low []byte) bool {
	return containsAny(low, peerRefusalWords) && containsAny(low, peerRefusalForms) && !bytes.Contains(low, []byte(".execute-api."))
}

// loggerRecord is a structured logger's record of an error, one JSON
// object whose "level" is an error's: Powertools for AWS Lambda's loggers
// ("level":"ERROR", beside "service" and "xray_trace_id", and the
// exception in "exception" or "error"), winston and structlog
// ("level":"error"), pino (level 50 for error, 60 for fatal). Records
// with the Lambda request id are the JSON log format's and read as such
// before; these are the function's logger's all the same, or a client
// tool's when they show the status it got.
var loggerRecord = guard(`^\{.*"level"\s*:\s*(?:"(?:ERROR|error|Error|FATAL|fatal|Fatal|CRITICAL|critical|Critical)"|[56]0\b)`)

// goCallOfAPI is Go's net/http error for a request to an API's own
// endpoint (net/url's Error: the method, the quoted URL, then the cause,
// `Post "https://abc123.execute-api.us-east-1.amazonaws.com/prod/orders":
// dial tcp ...: i/o timeout`): a Go program calling the API, the client,
// whatever its logger's date says. (A logfmt logger escapes the quotes of
// the error it quotes, error="Post \"https://...\": ...", as k6 and other
// Go clients that log with logrus write it.)
var goCallOfAPI = guard(`\b(?:get|post|put|delete|patch|head|options) \\?"https?://[^"/\\]*\.execute-api\.`)

// isHTTPAPIHeader reports whether the line is the apigw-requestid response
// header (curl -i, or "< apigw-requestid:" of curl -v), which only HTTP APIs
// send; REST APIs send x-amzn-RequestId and x-amz-apigw-id.
func isHTTPAPIHeader(msg []byte) bool {
	msg = bytes.TrimPrefix(msg, []byte("< "))
	const name = "apigw-requestid:"
	return len(msg) > len(name) && bytes.EqualFold(msg[:len(name)], []byte(name))
}

// successShown is a 2xx answer by its code and reason phrase ("200 OK",
// "201 Created"), which a line that also shows a 5xx counts beside it: a
// load test's results ("146 responses 200 OK and 3454 responses 502 Bad
// Gateway"), the header of a person's table of them ("| 200 OK | 502 Bad
// Gateway |"). (Not a status a test or a person only expected: the
// caller drops those first.)
var successShown = guard(`\b20[0-6] (?:ok|created|accepted|no content)\b`)

// noteShown remembers a 5xx shown anywhere in the evidence, so that no
// grouping of lines can turn a report that shows one into an all-clear.
func (s *Session) noteShown(code int) {
	if is5xx(code) {
		s.st.shown5xx = mergeImplied(s.st.shown5xx, code)
	}
	if code >= 500 && code <= 504 {
		s.st.shownCodes |= 1 << (code - 500)
	}
}

// gatewayOpenings are the opening words of execution-log lines that only
// API Gateway writes, so that a line pasted without its request id (the
// console's test output, a copy from CloudWatch) is still the gateway's:
// its failures, Lambda's answer to it, and the integration endpoint's and
// the authorizer's answers it logs ("Endpoint response body before
// transformations", where an AWS service integration's errors show;
// "Authorizer result body before parsing", where an authorizer's do, and
// the exception it ends an authorizer's failure with).
var gatewayOpenings = [][]byte{
	[]byte("Execution failed"), []byte("Lambda execution failed"), []byte("Lambda invocation failed"),
	[]byte("Endpoint response body before transformations"), []byte("Authorizer result body before parsing"),
	[]byte("AuthorizerConfigurationException"),
}

// gatewayOpening reports whether msg opens with one of gatewayOpenings.
func gatewayOpening(msg []byte) bool {
	for _, p := range gatewayOpenings {
		if bytes.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

// opensHARResponse reports whether msg opens a HAR entry's response
// object: `"response": {` alone on its line, as HAR files are indented.
func opensHARResponse(msg []byte) bool {
	rest, ok := bytes.CutPrefix(msg, []byte(`"response"`))
	if !ok {
		return false
	}
	rest = bytes.TrimSpace(rest)
	rest, ok = bytes.CutPrefix(rest, []byte(":"))
	return ok && string(bytes.TrimSpace(rest)) == "{"
}
