package classifier

import (
	"bytes"
	"regexp"
	"strings"
)

// Layer is who emitted a line of evidence. A rule fires only on lines of a
// layer that can show its cause: "connection refused" in a function's own
// log is the function failing to reach its dependency, not API Gateway
// failing to reach its backend, and a client's "could not connect" is the
// client failing to reach API Gateway.
type Layer int

// The layers, in the order a request passes them (the person last).
const (
	LayerUnknown    Layer = iota
	LayerClient           // curl, an SDK, a browser console, wscat: what the caller saw
	LayerCDN              // CloudFront in front of the API
	LayerGateway          // API Gateway's execution log (REST and WebSocket APIs)
	LayerAccess           // API Gateway's access log
	LayerAuthorizer       // a Lambda authorizer's own log
	LayerPlatform         // the Lambda service: START, END, REPORT, INIT_REPORT
	LayerFunction         // the function's application log (its prints and errors)
	LayerPerson           // a sentence someone wrote about the incident
)

// String names the layer.
func (l Layer) String() string {
	return [...]string{"unknown", "client", "cdn", "gateway", "access-log", "authorizer",
		"lambda-platform", "function", "person"}[l]
}

// machine reports whether a program wrote the line (every layer but a
// person's sentence): such lines are the "log evidence" of a case.
func (l Layer) machine() bool { return l != LayerUnknown && l != LayerPerson }

// clientMarks are what only a caller's output holds: curl's status lines and
// headers, wscat's messages, a browser console, SDK exceptions and the
// gateway's standard response bodies as the client received them.
var clientMarks = guard(`^(?:[<>] |\$ ?curl |curl |wscat |error: unexpected server response|connected \(press|disconnected \(code|http/\d|` +
	`(?:x-amzn?-[a-z-]+|x-amz-apigw-id|apigw-requestid|content-type|content-length|date|via|x-cache|access-control-[a-z-]+)\s*:|` +
	`\{\s*"message"\s*:|failed to load resource|access to (?:fetch|xmlhttprequest)|uncaught \(in promise\)|(?:get|post|put|delete|patch|options) https?://)` +
	`|net::err_|blocked by cors policy|botocore\.exceptions|an error occurred \([a-z]+\) when calling|aws http error|axioserror|request failed with status code` +
	// the HTTP and WebSocket client libraries' words for a status they got
	// (Python requests and urllib, .NET HttpClient, Java's URLConnection,
	// Spring's clients, Node's got, Python websockets, a browser's WebSocket)
	`|requests\.exceptions\.|urllib\.error\.httperror|response status code does not indicate success|server returned http response code` +
	// the same two Python exceptions by their short name, as IPython and
	// Jupyter print them, with the message each library words
	// (requests' "502 Server Error: Bad Gateway for url: ...", urllib's
	// "HTTP Error 502: Bad Gateway")
	`|^httperror: (?:[1-5]\d\d (?:server|client) error: |http error [1-5]\d\d: )` +
	`|webclientresponseexception|http(?:server|client)errorexception|httperror: response code|server rejected websocket connection|error during websocket handshake` +
	// and more of them, each as its source words it: a browser console's
	// request line after the script location (Chrome) or after XHR/fetch
	// (Firefox, whose copy joins the badge to the method: "XHRGET"), Postman's status assertion, httpx, aiohttp, httpie,
	// Retrofit, OpenFeign, Flurl, coder/websocket, Ruby's Net::HTTP and
	// Faraday, Guzzle, curl's exit message and websocat
	`|\s(?:get|post|put|delete|patch|options|head) https?://\S+ (?:net::\S+ )?[1-5]\d\d \(|^(?:xhr|fetch) ?(?:get|post|put|delete|patch|options|head) https?://` +
	`|expected response to have status code|httpx\.httpstatuserror|aiohttp\.client_exceptions|^http: (?:warning|error): ` +
	`|retrofit2\.httpexception|^feign\.feignexception|flurlhttpexception|handshake response status code` +
	// curl's --fail message as -v prints it, after "* ", and REST Assured's
	// failed expectations (the status it got follows)
	`|^the requested url returned error: [1-5]\d\d|assertionerror: \d+ expectations? failed\.` +
	`|net::http[a-z]*(?:error|exception)|faraday::[a-z]+|guzzlehttp\\exception|resulted in a \x60[1-5]\d\d|^curl: \(\d+\)|^websocat: ` +
	// Angular's HttpErrorResponse, Dart's Dio, Ktor, Apache HttpClient,
	// OkHttp's and websocket-client's refused handshakes, PowerShell, wget,
	// a request line indented (newman)
	`|http failure response for|dioerror|dioexception|(?:server|client)responseexception|clientrequestexception` +
	`|httpresponseexception|expected http 101 response but was|websocketbadstatusexception|handshake status [1-5]\d\d` +
	`|the remote server returned an error|^invoke-(?:restmethod|webrequest)\s?:|http request sent, awaiting response` +
	`|^\s+(?:get|post|put|delete|patch|options|head) https?://` +
	// the browsers' words for a fetch that got no response at all (Chrome,
	// Firefox, Safari): the client's exception, not a function's
	`|typeerror: (?:failed to fetch|networkerror when attempting to fetch resource|load failed)` +
	// and a browser console's exception nothing caught ("main.js:12
	// Uncaught (in promise) TypeError: ...", "Uncaught TypeError: ..."):
	// the page's script failing, often on the answer it got; Lambda's
	// Node.js runtime words its own "Uncaught Exception" with the error's
	// type in JSON after it
	`|\buncaught \(in promise\)|^(?:\S+:\d+\s+)?uncaught [a-z]*error: ` +
	// Firefox's CORS refusals, which end with the status it got ("...
	// (Reason: CORS header 'Access-Control-Allow-Origin' missing). Status
	// code: 502.")
	`|^cross-origin request blocked: ` +
	// Chrome's headers pane, .NET's and Java-WebSocket's refused
	// handshakes, urllib3's retries on a status, python-websockets'
	// exceptions about the connection it opened (ConnectionClosedError,
	// InvalidStatus: the package's websockets.exceptions module)
	`|^status code:\s*[1-5]\d\d|when status code '101' was expected` +
	// Postman's response pane as it copies: "Status: 200 OK  Time: 187 ms
	// Size: 642 B"
	`|^status: [1-5]\d\d\b[^:]*\btime: \d` +
	// Amplify JS v6's RestApiError for the gateway's own 5xx answer: its
	// name is the x-amzn-ErrorType header, its message the body's
	// "message" (@aws-amplify/api-rest's parseRestApiServiceError over
	// @aws-amplify/core's parseJsonError), so the REST API's default 5xx
	// response prints as "InternalServerErrorException: Internal server
	// error", whichever step failed. (A function's own line opens with its
	// runtime's columns, which functionOpens reads first.)
	`|^internalservererrorexception: internal server error\s*$` +
	// and for the gateway's own 4xx answers whose error type and message
	// only the gateway pairs so: its UNAUTHORIZED, MISSING_AUTHENTICATION_
	// TOKEN, ACCESS_DENIED and BAD_REQUEST_BODY responses (the developer
	// guide's gateway response types). Not "ForbiddenException: Forbidden",
	// "TooManyRequestsException: Too Many Requests" or "LimitExceededException:
	// Limit Exceeded", which the AWS SDK for JavaScript v3 prints in the
	// same form for a function's own call to the @connections API.
	`|^(?:unauthorizedexception: unauthorized|missingauthenticationtokenexception: missing authentication token|accessdeniedexception: user is not authorized to access this resource[^:]*|badrequestexception: invalid request body)\s*$` +
	`|invalid status code received|urllib3\.exceptions|websockets\.exceptions\.|too many [1-5]\d\d error responses` +
	// the same clients failing to connect: wscat, every httpx and Faraday
	// error, Spring's ResourceAccessException
	`|^wscat: |^httpx\.[a-z]+(?:error|timeout)\b|resourceaccessexception: i/o error on` +
	// the AWS SDK for Go v2's error for any call ("operation error
	// ApiGatewayManagementApi: PostToConnection, https response error
	// StatusCode: 410, ...", smithy-go's OperationError), as botocore's
	// "An error occurred (...) when calling" above
	`|\boperation error [a-z0-9 ]+: [a-z0-9]+, ` +
	// the AWS SDK for Java's exception for an answer of API Gateway itself
	`|\(service: apigateway(?:v2)?, status code: [1-5]\d\d` +
	// and the clients API Gateway generates for an API, calling it (the
	// Android and Java one's exception, the iOS one's NSError)
	`|` + generatedClientException + `|` + generatedIOSClientMark + `|` + executeAPIException +
	// and the forms a library prints the code in, which the status
	// patterns read the code from
	`|` + strings.Join(clientStatusForms, "|") + "|" + dotNetResponse)

// clientOverFunction are a client's words that a function's level column
// cannot open: Safari's console writes "[Error]" before what only a
// browser prints (a resource it failed to load, a CORS refusal, a refused
// WebSocket handshake).
var clientOverFunction = guard(`^\[error\] (?:failed to load resource|origin \S+ is not allowed by access-control-allow-origin|` +
	`(?:fetch api|xmlhttprequest) cannot load|preflight response is not successful|websocket connection to)`)

// cdnMarks are CloudFront's own error pages and headers. A header counts
// as the line it opens (curl -v's "< " before it), as clients print
// headers: a sentence that names it ("a 502 page with the header `X-Cache:
// Error from cloudfront`, which usually means ...") is a person's, and a
// function's dump of the request it got ("X-Amz-Cf-Id": "...", the header
// CloudFront adds to what it forwards) is the function's.
var cdnMarks = guard(`^\s*(?:[<>] ?)?(?:x-cache:\s*error from cloudfront|x-amz-cf-(?:id|pop)\b)|` + cdnPage)

// cdnPageMarks are the lines of the error page CloudFront writes itself
// when it got no usable answer from its origin. An error of the origin
// (API Gateway) comes through with the origin's own body instead, under
// "X-Cache: Error from cloudfront".
var cdnPageMarks = regexp.MustCompile(cdnPage)

const cdnPage = `generated by cloudfront|the request could not be satisfied`

// cloudFrontHeading is that page's heading: the status, its reason phrase
// and "ERROR" on a line of their own ("502 ERROR", "504 Gateway Timeout
// ERROR"). It is matched on the line as written: CloudFront writes ERROR in
// capitals, and a person's "504 error" or "500 Internal Server Error" on a
// line of its own is no CDN's page.
var cloudFrontHeading = regexp.MustCompile(`^[45]\d\d(?: [A-Za-z -]+)? ERROR$`)

// isCDNPage reports whether a line is of CloudFront's own error page; low
// is msg lower-cased.
func isCDNPage(low, msg []byte) bool {
	return cdnPageMarks.Match(low) || cloudFrontHeading.Match(msg)
}

// functionMarks are the shapes of a function's own output: stack frames,
// runtime error records and log-level words of the Lambda runtimes, and
// the line an error opens with (Node.js puts an error's code between its
// name and its message: "TypeError [ERR_INVALID_URL]: Invalid URL"; .NET's
// Exception.ToString() an ExternalException's HRESULT or a
// SocketException's error code: "Npgsql.NpgsqlException (0x80004005):
// Failed to connect", "System.Net.Sockets.SocketException (111):
// Connection refused", after the .NET host's "Unhandled exception. " for
// one nothing caught; Ruby a namespaced class, "Errno::ECONNREFUSED: ...",
// "PG::ConnectionBad: ...", as uncaughtErrorRules read it).
var functionMarks = guard(`^(?:` + stackFrameAt + `|file "|traceback \(most recent call last\)|\[error\]|\[warn|\[info\]|error\t|info\t|warn\t|exception in thread|caused by:|\{\s*"errormessage"|\{\s*"errortype"|"errormessage"\s*:|"errortype"\s*:|"stacktrace"\s*:|(?:unhandled exception\. )?[a-z][a-z0-9]*(?:\.[a-z][a-z0-9]*)*(?:error|exception)(?: \[err_[a-z0-9_]+\]| \((?:0x[0-9a-f]{8}|\d+)\))?:|` + rubyErrorClass + `)`)

// stackFrameAt is a stack frame's "at": a frame's function, then its
// arguments or place ("at Runtime.handler (/var/task/index.js:12:34)",
// "at com.example.Handler.handleRequest(Handler.java:21)", .NET's "at
// MyFunction.Function.FunctionHandler(APIGatewayProxyRequest request,
// ...)", "at async Promise.all (index 0)", "at /var/task/index.js:5:11"),
// not a sentence that opens with the word ("At a high level: ...").
const stackFrameAt = `at (?:new |async )?[^\s(]+(?: \[as [^\]]+\])? ?\(|at (?:async )?[^\s(]+:\d+|at <anonymous>`

// rubyErrorClass is a Ruby exception's namespaced class opening a line,
// as Exception#full_message and the runtime interface client print it: an
// Errno constant, or a class whose name says it is an error (the AWS SDK
// for Ruby's Aws::<Service>::Errors::*, ActiveRecord::RecordNotFound,
// Net::ReadTimeout), not any module path a Rust logger opens a line with.
const rubyErrorClass = `(?:errno::e[a-z]+|[a-z]\w*(?:::[a-z]\w*)*::(?:errors::\w+|\w*(?:error|exception|timeout|notfound)))(?::| \()`

// dotNetSDKException is the AWS SDK for .NET's exception for a call an
// AWS service refused, its class named Amazon.<Service>.Amazon<Service>Exception,
// Amazon.<Service>.Model.<Error>Exception or Amazon.Runtime.*, which quotes
// .NET's WebException for the answer
// ("Amazon.S3.AmazonS3Exception: Access Denied --->
// Amazon.Runtime.Internal.HttpErrorResponseException: The remote server
// returned an error: (403) Forbidden."): no SDK client calls an API's
// routes, so the line is the caller's own call (a function's), whatever
// client's words it quotes.
var dotNetSDKException = guard(`^amazon\.(?:[a-z0-9]+\.(?:amazon[a-z0-9]+|model\.[a-z0-9]+)exception|runtime\.[a-z.]*exception):`)

// functionOpens are the level columns a Lambda runtime opens a function's
// line with (Python's "[ERROR]", Node.js's "ERROR<tab>"): whatever such a
// line quotes afterwards, an SDK's "An error occurred (...) when calling the
// GetItem operation" included, is the function's call failing, not a
// client's answer from the API.
var functionOpens = guard(`^(?:\[(?:error|warn(?:ing)?|info|debug|critical)\]|(?:error|warn|info|debug)\t)`)

// runtimeAPIMarks name the Lambda runtime API, which only a runtime in the
// function's sandbox calls: its endpoints' paths (aws-lambda-go's "failed
// to POST to http://127.0.0.1:9001/2018-06-01/runtime/invocation/.../response"),
// Bref's "Error while calling the Lambda runtime API", the runtime
// interface clients' "Failed to post invocation response" (Java's and
// Python's awslambdaric) and their LambdaRuntimeClientError and
// LambdaRuntimeClientException, .NET's RuntimeApiClientException, and
// aws-lambda-cpp's own log lines for the runtime API's answer ("Failed to
// post handler success response", "HTTP Request for invocation <id> was
// not successful. HTTP response code: 413."). What such a line quotes (curl's "The
// requested URL returned error: 413") is the runtime API's answer to the
// runtime, a line of the function's log. (A person naming the error in a
// sentence, "you will get LambdaRuntimeClientError", is still a person:
// the exception's name counts only as the runtime prints it, before its
// message.)
var runtimeAPIMarks = [][]byte{
	[]byte("/runtime/invocation/"), []byte("lambda runtime api: "), []byte("failed to post invocation response"),
	[]byte("lambdaruntimeclienterror: "), []byte("lambdaruntimeclientexception: "),
	[]byte("runtimeapiclientexception: "), []byte("failed to post handler success response"),
	[]byte("http request for invocation "),
}

// namesRuntimeAPI reports whether low names the Lambda runtime API
// (runtimeAPIMarks); most lines hold none of runtimeAPIWords, one of
// which each mark holds, and are passed over at one scan.
func namesRuntimeAPI(low []byte) bool {
	return containsAny(low, runtimeAPIWords) && containsAny(low, runtimeAPIMarks)
}

// runtimeAPIWords pre-filter namesRuntimeAPI. Not every mark holds
// "runtime": a custom runtime's own Error, as Bun's runtime.ts throws it
// ("Error: Failed to post invocation response: 413 Payload Too Large"),
// aws-lambda-cpp's "HTTP Request for invocation ... was not successful"
// and its "Failed to post handler success response" as quoted without
// its LAMBDA_RUNTIME tag.
var runtimeAPIWords = [][]byte{[]byte("runtime"), []byte("invocation"), []byte("success response")}

// attribute says who emitted a line that is neither an execution-log, an
// access-log nor a Lambda platform line: the client, a CDN, the function or
// a person. low is the lower-cased line without its timestamp prefixes.
func attribute(low []byte) Layer {
	v := &lineView{b: low} // (the patterns read the line's bytes once)
	switch {
	case cdnMarks.matchIn(v):
		return LayerCDN
	case clientOverFunction.matchIn(v), isHarnessLine(low):
		// (a test runner's assertion on the status its request got opens
		// as an exception does, "AssertionError: expected response to have
		// status code 200 but got 403": a test is a client of the API)
		return LayerClient
	case functionOpens.matchIn(v), dotNetSDKException.matchIn(v), namesRuntimeAPI(low):
		return LayerFunction
	case clientMarks.matchIn(v) || isWebSocketClientLine(low) || isClientErrorLine(low):
		return LayerClient
	case functionMarks.matchIn(v):
		return LayerFunction
	case looksLikeSentence(low):
		return LayerPerson
	}
	return LayerUnknown
}

// looksLikeSentence reports whether a line reads as prose: several words of
// letters, or text in a script without spaces (Japanese, Chinese).
func looksLikeSentence(low []byte) bool {
	words, letters, other := 0, 0, 0
	inWord := false
	for _, c := range low {
		switch {
		case c >= 0x80:
			return true
		case 'a' <= c && c <= 'z':
			letters++
			if !inWord {
				words++
			}
			inWord = true
		case c == ' ' || c == '\'' || c == ',' || c == '.':
			inWord = false
		default:
			other++
			inWord = false
		}
	}
	return words >= 5 && letters > 3*other
}

// layersOf turns a list of layers into a set.
func layersOf(ls ...Layer) uint16 {
	var m uint16
	for _, l := range ls {
		m |= 1 << l
	}
	return m
}

// on reports whether the set holds l; the empty set holds every layer.
func on(set uint16, l Layer) bool { return set == 0 || set&(1<<l) != 0 }

// Layer sets of the rules.
var (
	// allLayers holds every layer, LayerUnknown to LayerPerson
	allLayers uint16 = 1<<(LayerPerson+1) - 1
	// every layer but the caller's: generic network and TLS words from a
	// client are about the client's own connection to API Gateway (in the
	// function's log, inFunction reads them as the function's dependency)
	gatewayLogs = allLayers &^ layersOf(LayerClient, LayerCDN)
	// machineLogs are gatewayLogs without a person's sentences
	machineLogs = gatewayLogs &^ layersOf(LayerPerson)
	// gatewayLogged: what the gateway logged, in its execution log or its
	// access log (an integration's answer among it)
	gatewayLogged = layersOf(LayerGateway, LayerAccess)
	// notGatewayLogged: every other writer
	notGatewayLogged = allLayers &^ gatewayLogged
	// notGateway: whoever else wrote the line (a deployment tool's output,
	// a client, a person quoting what the console said)
	notGateway = allLayers &^ layersOf(LayerGateway)
	// notFunction: every writer but the function itself, whose log shows
	// what its own calls got, not what the API's client got
	notFunction = allLayers &^ layersOf(LayerFunction)
	// callerSide: neither the gateway's logs nor the function's: the API's
	// caller, a CDN, a person (AWS refuses a function's own signed calls
	// with the same words it refuses a caller's)
	callerSide = notGatewayLogged &^ layersOf(LayerFunction)
	// gatewayOrFunction: the gateway's logs, and the function's, whose
	// words for a dependency inFunction reads as its own failure
	gatewayOrFunction = gatewayLogged | layersOf(LayerFunction)
)

// inFunction re-reads, for a line of the function's own log, a cause that
// only API Gateway can have: a backend, TLS, throttling or permission error
// that the function logs (calling another function or service) is the
// function failing on its dependency, which the gateway reports as a
// function error. An AWS service's throttling (ProvisionedThroughputExceeded,
// ThrottlingException) stays backend_throttled whoever called it: the fix is
// the service's limits and the callers' backoff, not the function's code.
func inFunction(c Cause) Cause {
	switch c {
	case CauseBackendConnectionError, CauseBackendTLSError, CauseBackendUnavailable,
		CauseCredentialsRoleError, CauseInternalServiceFailure,
		CausePrivateIntegrationError, CauseIntegrationTimeout, CauseLambdaInvokePermission,
		CauseLambdaThrottled:
		return CauseLambdaFunctionError
	}
	return c
}

// websocketMarks show a WebSocket API: its clients (wscat and the ws
// library it is built on report a refused handshake as "Unexpected server
// response: 502"; other clients word it their own way), its routes, and
// (connectionMarks, managementMarks) the connection id of its frames and
// log fields and the @connections management API.
var websocketMarks = newLitIndex([][]byte{
	[]byte("wscat"), []byte("wss://"), []byte("$connect"), []byte("$disconnect"),
	[]byte("unexpected server response:"),
	[]byte("sec-websocket"),
	// the handshake refusals of OkHttp, .NET, aiohttp and coder/websocket,
	// and websocat
	[]byte("expected http 101 response"), []byte("when status code '101' was expected"),
	[]byte("wsserverhandshakeerror"), []byte("handshake response status code"), []byte("websocat"),
	[]byte("handshake status "),
	// and Java-WebSocket's, and those of handshakeRefusalForms (Tyrus,
	// Jetty, Netty, Ktor, WebSocket-Node, Starscream 4)
	[]byte("invalid status code received"), []byte("response code was not 101"),
	[]byte("upgrade to websocket"), []byte("didn't switch protocols"),
	[]byte("invalid handshake response"), []byte("expected status code 101"), []byte("non-101 status"),
	[]byte("notanupgrade("),
})

// connectionMarks are the connection id of a WebSocket API's frames,
// events and log fields. In the function's own log they weigh as the word
// WebSocket does: database drivers and other clients a function uses have
// connection ids of their own.
var connectionMarks = [][]byte{[]byte(`"connectionid"`), []byte("connectionid:"), []byte("'connectionid'")}

// managementMarks are the @connections management API, which a WebSocket
// API's backend calls to post to its clients (the developer guide's "Use
// @connections commands in your backend service": the @connections path,
// PostToConnection, GoneException, the SDKs' ApiGatewayManagementApi
// client, and the IAM action execute-api:ManageConnections its role needs). Said by a person or shown by a client they show a WebSocket
// API; in the function's own log they show only that the function posts to
// a WebSocket API's connections, which a REST or HTTP API's function, or a
// queue's, does as well (postsToConnections): the API of the failed
// request is another's when its own marks show.
var managementMarks = [][]byte{
	[]byte("@connections"), []byte("posttoconnection"), []byte("goneexception"), []byte("apigatewaymanagementapi"),
	[]byte("execute-api:manageconnections"),
}

// websocketWord is the bare word: people and functions say it about
// WebSocket APIs, but also about an HTTP API's function that handles both
// kinds of events, so an HTTP API's own marks outweigh it; it makes a v2
// name (apigatewayv2, $default) a WebSocket API's.
var websocketWord = []byte("websocket")

// noteAPIType records what a line says about the type of the API; raw is
// the message before lower-casing, line the whole line, layer the one that
// wrote it.
func (s *Session) noteAPIType(low, raw, line []byte, layer Layer) {
	if websocketMarks.any(low) {
		s.st.websocket = true
	}
	s.noteConnectionMarks(low, layer)
	if bytes.Contains(low, websocketWord) {
		s.st.websocketWord = true
	}
	s.noteAPINames(low, raw, line, layer)
}

// noteConnectionMarks records a WebSocket API's connection ids and
// management API in a line, by who wrote it: the function's own log posts
// to connections or names a driver's connection, every other layer shows a
// WebSocket API.
func (s *Session) noteConnectionMarks(low []byte, layer Layer) {
	if s.st.websocket {
		return // (which the weaker marks add nothing to)
	}
	if bytes.IndexByte(low, '@') < 0 && !bytes.Contains(low, []byte("connection")) && !bytes.Contains(low, []byte("gone")) && !bytes.Contains(low, []byte("managementapi")) {
		return
	}
	conn, mgmt := containsAny(low, connectionMarks), containsAny(low, managementMarks)
	switch {
	case layer != LayerFunction:
		s.st.websocket = s.st.websocket || conn || mgmt
	default:
		s.st.websocketWord = s.st.websocketWord || conn
		s.st.postsToConnections = s.st.postsToConnections || mgmt
	}
}
