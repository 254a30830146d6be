package classifier

// errorTypeNamed is the x-amzn-ErrorType header before the error type it
// names: as a client prints it ("x-amzn-ErrorType: ForbiddenException",
// curl -i; a response's headers as JSON, "\"x-amzn-errortype\":
// \"ForbiddenException\""), as the Knowledge Center's article on 403 errors
// from API Gateway tabulates it ("x-amzn-errortype" = "AccessDeniedException")
// and as people quote it ("the x-amzn-errortype value is
// \"ForbiddenException\""). Not the unquoted "x-amzn-ErrorType=" of an
// execution log's "Endpoint response headers: {...}", the integration's
// answer to the gateway.
const errorTypeNamed = `x-amzn-errortype(?::|["'\x60]\s*[:=]|(?: header)?(?: value)? (?:is|was|of|shows|says|returns|returned):?)\s*["'\x60]?\s*`

// errorTypeShown are the literals of errorTypeNamed's forms, for the rules
// that a client's x-amzn-ErrorType turns away (the gateway's own 4xx is no
// service's throttling) while the execution log's unquoted
// "x-amzn-ErrorType=" of an AWS service integration's answer still counts.
var errorTypeShown = []string{"x-amzn-errortype:", `x-amzn-errortype"`, "x-amzn-errortype'", "x-amzn-errortype\x60", "x-amzn-errortype "}

// binaryBodyBase64 and binaryBodyCorrupt are a person's or a client's
// words for a binary body that arrived as base64 text ("Response body with
// base64 encoded content", "I just get the encoded string") or damaged ("a
// corrupted image", "the body comes out of API Gateway corrupted").
const (
	binaryBodyBase64 = `\b(?:response|body|data|content|image|file|output|result|payload|download)s?\b[^.]{0,40}\bbase ?64[- ]encoded\b` +
		`|\bbase ?64[- ]encoded (?:response|body|data|content|string|text|version)\b` +
		`|\b(?:get|gets|got|getting|returns?|returned|returning|receives?|received|see|seeing) (?:the |a |an |back )?(?:base ?64[- ])?encoded (?:string|text|data|body|content|response)\b`
	binaryBodyAnswered   = `\b(?:respond(?:s|ed|ing)?|answer(?:s|ed|ing)?|returns?|returned|returning|comes? back|came back)(?: with| as)? (?:an? |the )?(?:\(?(?:gzipped|compressed) \(?(?:and )?)?base ?64\b`
	binaryBodyNotDecoded = `\bnot (?:being )?(?:un|de)(?:en)?coded\b[^.]{0,30}\bbinary\b`
	binaryBodyCorrupt    = `\bcorrupt(?:ed)?\b[^.]{0,30}\b(?:image|png|jpe?g|pdf|zip|file|body|download|picture|response)s?\b` +
		`|\b(?:image|png|jpe?g|pdf|zip|file|picture|download|body|response)s?\b[^.]{0,40}\bcorrupt(?:ed)?\b`
)

// requestBodyWords are the words of a request's body that the function
// got as base64 (the proxy event's isBase64Encoded), which is what the
// function read, not what the client was answered; "request" alone is
// also the verb ("the client doesn't request encoding").
var requestBodyWords = []string{"request's body", "requests body", "body of the request", "request payload", "request data", "incoming request", "event"}

// expressNotFound is the body of Express's 404 (finalhandler: "Cannot " +
// the method + " " + the path), alone on its line as a client prints it,
// so that a person's "I cannot get / to load" is not read as one.
const expressNotFound = `^(?:<pre>)?cannot (?:get|post|put|patch|delete|head|options) /[^\s<]*(?:</pre>)?$`

// binaryBody and appNotFound tell a look-alike's deciding line that names a
// binary body, or an application's own 404, from a browser's CORS refusal,
// wherever on the line as pasted: each is explained in its own words.
var (
	binaryBody  = guard(`err_content_decoding_failed|` + binaryBodyBase64 + `|` + binaryBodyAnswered + `|` + binaryBodyNotDecoded + `|` + binaryBodyCorrupt)
	appNotFound = guard(`cannot (?:get|post|put|patch|delete|head|options) /`)
)

// clientRules recognise what a client saw: gateway response bodies, reason
// phrases and x-amzn-ErrorType values. Most only imply a status. The
// gateway's own 4xx answers (a resource policy or IAM authorization that
// denies the caller, a bad signature, request validation, a request over
// 10 MB) are not_5xx, weakly, so that any 5xx cause in the same request
// outranks them.
func clientRules() []ruleSpec {
	return []ruleSpec{
		// a request whose execution failed ended in some 5xx, whether or
		// not its last line was kept
		{lit: "execution failed due to", implied: implied5xx},
		{lit: "perform: execute-api:invoke", cause: CauseNot5xx, weight: wWeak, implied: 403},
		// a signed request refused: the caller's own, unless the gateway
		// logged it as its integration's answer (an AWS service integration
		// signing with credentials that are not valid, which the client
		// gets as a 500) or the function's log holds it (its own call to
		// an AWS service refused, botocore's "An error occurred
		// (UnrecognizedClientException) when calling the Query operation:
		// The security token included in the request is invalid", which
		// inFunction reads as the function failing on a dependency)
		{lit: "security token included in the request is invalid", cause: CauseNot5xx, weight: wWeak, implied: 403, layers: callerSide},
		{lit: "signature expired", cause: CauseNot5xx, weight: wWeak, implied: 403, layers: callerSide},
		{lit: "the request signature we calculated does not match", cause: CauseNot5xx, weight: wWeak, implied: 403, layers: callerSide},
		{lit: "security token included in the request is invalid", cause: CauseCredentialsRoleError, weight: wLikely, unlessAlso: quotedFunctionError, layers: gatewayOrFunction},
		{lit: "signature expired", cause: CauseCredentialsRoleError, weight: wLikely, unlessAlso: quotedFunctionError, layers: gatewayOrFunction},
		{lit: "the request signature we calculated does not match", cause: CauseCredentialsRoleError, weight: wLikely, unlessAlso: quotedFunctionError, layers: gatewayOrFunction},
		// the rest of the same InvalidSignatureException message, which
		// AWS's SigV4 check appends on lines of their own and which a paste
		// often keeps without the first ("The Canonical String for this
		// request should have been\n'GET\n/prod/items...'", "The
		// String-to-Sign should have been\n'AWS4-HMAC-SHA256..."; the IAM
		// user guide's "Troubleshoot Signature Version 4 signing" on
		// SignatureDoesNotMatch, and API Gateway's own 403 as mhart/aws4
		// issue 110 and aws/aws-sdk-js issue 2372 quote it for an
		// execute-api host): the caller's 403, or, in the gateway's or the
		// function's log, a signed call of the integration or of the
		// function refused, as the first sentence
		{lit: "canonical string for this request should have been", cause: CauseNot5xx, weight: wWeak, implied: 403, layers: callerSide},
		{lit: "string-to-sign should have been", cause: CauseNot5xx, weight: wWeak, implied: 403, layers: callerSide},
		{lit: "canonical string for this request should have been", cause: CauseCredentialsRoleError, weight: wLikely, unlessAlso: quotedFunctionError, layers: gatewayOrFunction},
		{lit: "string-to-sign should have been", cause: CauseCredentialsRoleError, weight: wLikely, unlessAlso: quotedFunctionError, layers: gatewayOrFunction},
		// the gateway's IncompleteSignatureException for an Authorization
		// header that is no signature, in both of its wordings: "Invalid
		// key=value pair (missing equal-sign) in Authorization header
		// (hashed with SHA-256 and encoded with Base64): '...'" and, for a
		// bearer token, "'<token>' not a valid key=value pair (missing
		// equal-sign) in Authorization header: 'Bearer <token>'."
		// and in people's words ("Signature does not match if uri segment
		// contains a colon", "the signatures don't match")
		{lit: "signature", re: `\bsignatures? (?:does ?n[o']t|do ?n[o']t|did ?n[o']t|won'?t|will not|not|never) match`, cause: CauseNot5xx, weight: wWeak, implied: 403, layers: callerSide},
		{lit: "valid key=value pair", re: `(?:invalid|not a valid) key=value pair`, cause: CauseNot5xx, weight: wWeak, implied: 403},
		{lit: "invalid request body", cause: CauseNot5xx, weight: wWeak, implied: 400},
		// a non-proxy integration's template read a body that is not JSON:
		// the gateway answers 400 before calling the backend (not Lambda's
		// InvalidRequestContentException refusing a payload in the same
		// words: the integration's, which the gateway states as a
		// configuration error, or a person's own invoke, no answer of the
		// API's)
		{lit: "could not parse request body into json", cause: CauseNot5xx, weight: wWeak, implied: 400, unless: "invalidrequestcontentexception", unlessAlso: []string{"configuration error", `"type":"user"`}},
		{lit: "missing required request parameters", cause: CauseNot5xx, weight: wWeak, implied: 400},
		{lit: "http content length exceeded", cause: CauseNot5xx, weight: wWeak, implied: 413},
		// (not in the function's own log: there it is what a service the
		// function called answered, an AWS SDK's error named by that
		// service's x-amzn-ErrorType, no answer of the API's)
		{lit: "internalservererrorexception", implied: implied5xx, layers: notFunction},
		// the error type header of the gateway's own 4xx answers, as a client
		// shows it ("x-amzn-ErrorType: ForbiddenException"; errorTypeNamed)
		{lit: "x-amzn-errortype", re: errorTypeNamed + `(forbidden|accessdenied|missingauthenticationtoken)exception`, cause: CauseNot5xx, weight: wWeak, implied: 403},
		{lit: "x-amzn-errortype", re: errorTypeNamed + `unauthorizedexception`, cause: CauseNot5xx, weight: wWeak, implied: 401},
		// Amplify JS v6's RestApiError for the gateway's UNAUTHORIZED
		// response, its name the error type and its message the body's
		// (clientMarks): a line of its own, the client's (a bare
		// "Unauthorized" is any program's word)
		// (and of its ACCESS_DENIED response, an authorizer's policy that
		// denies the call)
		{lit: "unauthorizedexception: unauthorized", re: `^unauthorizedexception: unauthorized\s*$`, cause: CauseNot5xx, weight: wWeak, implied: 401, layers: callerSide},
		{lit: "accessdeniedexception: user is not authorized to access this resource", re: `^accessdeniedexception: user is not authorized to access this resource`, cause: CauseNot5xx, weight: wWeak, implied: 403, layers: callerSide},
		{lit: "x-amzn-errortype", re: errorTypeNamed + `badrequestexception`, cause: CauseNot5xx, weight: wWeak, implied: 400},
		{lit: "x-amzn-errortype", re: errorTypeNamed + `notfoundexception`, cause: CauseNot5xx, weight: wWeak, implied: 404},
		{lit: "x-amzn-errortype", re: errorTypeNamed + `(limitexceeded|toomanyrequests)exception`, cause: CauseNot5xx, weight: wWeak, implied: 429},
		{lit: "x-amzn-errortype", re: errorTypeNamed + `requesttoolargeexception`, cause: CauseNot5xx, weight: wWeak, implied: 413},
		// and of its AUTHORIZER_CONFIGURATION_ERROR response, a 500 (the
		// authorizer failed or answered something that is not a policy)
		{lit: "authorizerconfigurationexception", re: `x-amzn-errortype[:= ]\s*\**\s*authorizerconfigurationexception`, implied: 500},
		// a browser refused a response for its CORS headers (Chrome,
		// Firefox, Safari); a refused preflight ("does not have HTTP ok
		// status") may be a 5xx, and Firefox's "did not succeed" means no
		// response at all. A response without the headers shows no status:
		// the gateway's own 5xx answers (a malformed proxy response, a
		// timeout, an authorizer's failure) carry no CORS headers unless
		// its gateway responses add them, so only a refusal of headers the
		// response did carry shows an answer the API meant to give. The
		// browsers print the status next to it when there is one.
		{lit: "blocked by cors policy", cause: CauseNot5xx, weight: wWeak, unless: "http ok status"},
		{lit: "cross-origin request blocked", cause: CauseNot5xx, weight: wWeak, unless: "did not succeed"},
		{lit: "is not allowed by access-control-allow-origin", cause: CauseNot5xx, weight: wWeak},
		// the same refusal's reason as Chrome ends it and as Firefox words
		// it, without the first half people leave out, the header's name in
		// either quote: the browsers print single quotes, pages that quote
		// them often double ones (the Knowledge Center's API Gateway CORS
		// article, api-gateway-cors-errors, in its Spanish edition)
		{lit: "access-control-allow-origin", re: `no ['"]access-control-allow-origin['"] header is present`, cause: CauseNot5xx, weight: wWeak},
		{lit: "cors header", re: `cors header ['"]access-control-allow-origin['"] missing`, cause: CauseNot5xx, weight: wWeak},
		// A preflight refused for its Allow-Headers or Allow-Methods list was
		// answered with an ok status (a browser checks the status first and
		// says so when it is not), and the request it guarded was never
		// sent: Chrome's "is not allowed by Access-Control-Allow-Headers in
		// preflight response" (quoted without its last words too: the two
		// headers belong to preflight answers alone), Firefox's older
		// "missing token ... in CORS header" and its newer "header 'x' is not
		// allowed according to header 'Access-Control-Allow-Headers' from
		// CORS preflight response".
		{lit: "access-control-allow-", re: `access-control-allow-origin.? header (?:has a value|contains multiple values)|header in the response must not be the wildcard|is not allowed by access-control-allow-(?:headers|methods)\b|is not allowed according to header .access-control-allow-headers.`, cause: CauseNot5xx, weight: wWeak, implied: impliedBelow500},
		{lit: "cors header", re: `cors header .access-control-allow-origin. does not match|did not find method in cors header|missing token .* in cors header`, cause: CauseNot5xx, weight: wWeak, implied: impliedBelow500},
		// a binary body (an image, a PDF, a zip, a compressed answer) that
		// arrived as base64 text or garbled: the API answered, and the
		// binary media types and the function's isBase64Encoded decide how
		// a body is carried. Chrome's net::ERR_CONTENT_DECODING_FAILED is a
		// compressed body the browser could not inflate. A request's or an
		// event's body that is base64 is what the function got, whose
		// failure to read it is a 5xx cause of its own. No status: the
		// body arrived, but the words seldom say with which code.
		{lit: "err_content_decoding_failed", cause: CauseNot5xx, weight: wWeak, layers: callerSide},
		{lit: "encoded", re: binaryBodyBase64, cause: CauseNot5xx, weight: wWeak, unless: "request body", unlessAlso: requestBodyWords, layers: callerSide},
		{lit: "base", re: binaryBodyAnswered, cause: CauseNot5xx, weight: wWeak, unless: "request body", unlessAlso: requestBodyWords, layers: callerSide},
		{lit: "coded", re: binaryBodyNotDecoded, cause: CauseNot5xx, weight: wWeak, unless: "request body", unlessAlso: requestBodyWords, layers: callerSide},
		{lit: "corrupt", re: binaryBodyCorrupt, cause: CauseNot5xx, weight: wWeak, layers: callerSide},
		// Express's own 404 page (finalhandler's "Cannot GET /path", alone
		// on its line or in its <pre>): the request reached the function,
		// whose application has no route for the path it was given
		{lit: "cannot ", re: expressNotFound, cause: CauseNot5xx, weight: wWeak, layers: callerSide},
		// a WebSocket client that got the 101 handshake and refused it for
		// its subprotocol or accept header (the ws library's
		// lib/websocket.js, that wscat prints; Chrome's handshake check):
		// the gateway answered, with no 5xx
		{lit: "server sent ", re: `server sent (?:no subprotocol|an invalid subprotocol|a subprotocol but none was requested)`, cause: CauseNot5xx, weight: wWeak, implied: impliedBelow500},
		{lit: "invalid sec-websocket-accept header", cause: CauseNot5xx, weight: wWeak, implied: impliedBelow500},
		{lit: "sent non-empty 'sec-websocket-protocol' header but no response was received", cause: CauseNot5xx, weight: wWeak, implied: impliedBelow500},
		{lit: "missingauthenticationtokenexception", implied: 403},
		{lit: "missing authentication token", implied: 403},
		// the body of the gateway's AUTHORIZER_CONFIGURATION_ERROR and
		// AUTHORIZER_FAILURE responses (500): {"message": null}, the
		// $context.error.messageString an authorizer failure leaves empty;
		// also as a JavaScript object is printed and written, { message:
		// null } (Node's console.log of a client's response data)
		{lit: `"message"`, re: `\{\s*"message"\s*:\s*null\s*\}`, cause: CauseAuthorizerError, weight: wHint, implied: 500},
		{lit: "message: null", re: `\{\s*message\s*:\s*null\s*\}`, cause: CauseAuthorizerError, weight: wHint, implied: 500},
		// a web framework in the function caught the error and answered
		// 500 itself (Chalice's body)
		{lit: `"code"`, re: `"code"\s*:\s*"internalservererror"\s*,\s*"message"\s*:\s*"an internal server error occurred`, cause: CauseLambdaFunctionError, weight: wHint, implied: 500},
		// Chalice's answer, with its own error code, when a view raises
		// ChaliceViewError (its early releases answered every uncaught
		// exception so); a code no other software prints
		{lit: "chaliceviewerror", re: `"code"\s*:\s*"chaliceviewerror"`, cause: CauseLambdaFunctionError, weight: wHint, implied: 500},
		// and its answers to the errors a view raises on purpose, each with
		// its status (chalice/app.py's ALL_ERRORS: BadRequestError 400,
		// UnauthorizedError 401, ForbiddenError 403, NotFoundError 404,
		// MethodNotAllowedError 405, RequestTimeoutError 408, ConflictError
		// 409, UnprocessableEntityError 422, TooManyRequestsError 429): the
		// application refused the request, no 5xx (not in the function's own
		// log, where such a body is what its own call got)
		chaliceError("badrequesterror", 400), chaliceError("unauthorizederror", 401),
		chaliceError("forbiddenerror", 403), chaliceError("notfounderror", 404),
		chaliceError("methodnotallowederror", 405), chaliceError("requesttimeouterror", 408),
		chaliceError("conflicterror", 409), chaliceError("unprocessableentityerror", 422),
		chaliceError("toomanyrequestserror", 429),
		// (these bodies, reason phrases and codes show a status only where
		// the function did not write them: in its own log they are what its
		// own call to a dependency got, an axios "Request failed with status
		// code 502" among them)
		// (and the 4xx bodies of REQUEST_TOO_LARGE and UNSUPPORTED_MEDIA_TYPE)
		// (nor where the execution log quotes the integration's answer,
		// "Endpoint response body before transformations: ...": the
		// backend's body, which the method's integration response or the
		// proxy integration turns into the client's answer, a 200 of a
		// custom integration's mapping among them; the README's test
		// invoke's endpoint response)
		{lit: `"message"`, re: `"message"\s*:\s*"(` + gatewayMessages + `)`, weight: 0, unless: endpointResponseBody, layers: notFunction},
		// the same body after a client parsed it and printed the object:
		// Node.js's util.inspect and a browser console ({ message:
		// 'Forbidden', connectionId: '...' }, a WebSocket frame or axios's
		// error.response.data) and Python's repr of json.loads ({'message':
		// 'Forbidden', ...}), each string in single quotes
		{lit: `message: '`, re: `(?:^|[{,]\s*)message: '(` + gatewayMessages + `)'`, weight: 0, unless: endpointResponseBody, layers: notFunction},
		{lit: `'message': '`, re: `'message': '(` + gatewayMessages + `)'`, weight: 0, unless: endpointResponseBody, layers: notFunction},
		// the same reason phrases in the "detail" body web frameworks in
		// the function answer with (FastAPI, Django REST framework)
		{lit: `"detail"`, re: `"detail"\s*:\s*"(internal server error|service unavailable|forbidden|unauthorized|not found)"`, weight: 0, unless: endpointResponseBody, layers: notFunction},
		{lit: "5", re: `\b(50[0234]) (?:internal server error|bad gateway|service unavailable|gateway time-?out)\b`, unless: endpointResponseBody, layers: notFunction},
		// not after "; ": "(Service: X; Status Code: 503; Error Code: ...)" is
		// the status of an AWS call behind the integration, not the client's;
		// nor Lambda's answer to the gateway ("Lambda invocation failed with
		// status: 502"), which the gateway answers with a 5xx of its own.
		{lit: "status", re: `status(?: code)?[: ]+(50[0234])\b`, notAfter: "; ", unless: "invocation failed with status", layers: notFunction},
	}
}

// gatewayMessages are the messages of API Gateway's own answers (its
// gateway responses' bodies and a WebSocket API's frames), lower-cased, as
// the body rules read them.
const gatewayMessages = `internal server error|endpoint request timed out|service unavailable|bad gateway|gateway time-?out|forbidden|unauthorized|too many requests|limit exceeded|not found|user is not authorized|request too long|request entity too large|unsupported media type`

// chaliceError is Chalice's body for a view's error of the given code, and
// the status it answers it with.
func chaliceError(code string, status int) ruleSpec {
	return ruleSpec{lit: code, re: `"code"\s*:\s*"` + code + `"\s*,\s*"message"`, cause: CauseNot5xx, weight: wWeak, implied: status, layers: notFunction}
}
