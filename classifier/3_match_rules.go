package classifier

import "sync"

// rule is one signature of a cause. Matching runs on the ASCII-lower-cased
// line: lit must occur in it (a literal is cheap and is what most AWS
// messages need); when re is set it runs only after lit matched, so a
// regular expression never scans an uninteresting line.
type rule struct {
	lit    []byte
	re     *guardedRegexp
	cause  Cause
	weight int // strength of the evidence, 1..100; the strongest wins
	// implied is the status a client saw, when the text itself says
	// (a gateway response body or reason phrase); 0 when it does not.
	implied int
	// notAfter, when set, rejects a match of re that directly follows it.
	// Go's regexp has no look-behind, and a leading alternation in re
	// would lose the literal-prefix scan that keeps matching fast.
	notAfter []byte
	// unless, when set, rejects the rule on a line that holds any of them.
	unless [][]byte
	// except, when set, takes its matches out of the line before lit and
	// re are looked for: the rule's word said of another actor (API
	// Gateway's own throttling is not the function's), while the same
	// line may still say it of the rule's actor.
	except *guardedRegexp
	// exceptCaller: except names a caller's own line (cliCallRefused),
	// which the function's log cannot hold: on a line of the function's
	// layer or between an invocation's START and END the same words are
	// the function's own call, and except is not applied.
	exceptCaller bool
	// layers are the layers whose lines can show the cause; empty is all.
	layers uint16
	// told: a person rule, whose words name a cause and not a status
	told bool
	// pairs are byte pairs of lit (up to maxLitPairs, spread over it from
	// its first to its last) that a line must hold for lit to occur in it.
	pairs []uint16
	// outlived: the rule names a Lambda timeout longer than the gateway's
	// wait (longTimeoutRules); re holds for the default timeouts, and a
	// configured timeout, when the matcher knows one, decides instead.
	outlived bool
}

// litPairs picks the byte pairs of a literal that the matcher checks first.
func litPairs(lit []byte) []uint16 {
	if len(lit) < 2 {
		return nil
	}
	pair := func(i int) uint16 { return uint16(lit[i])<<8 | uint16(lit[i+1]) }
	last := len(lit) - 2 // where the last pair starts
	k := min(last+1, maxLitPairs)
	out := make([]uint16, 0, k)
	for j := range k {
		out = append(out, pair(j*last/max(k-1, 1)))
	}
	return out
}

// maxLitPairs bounds the pairs checked for a literal. Three (the first,
// middle and last) let most short, common words through on every line of
// an execution log once the rules numbered five hundred; eight spread over
// the literal reject eight times as many before its scan, and a line
// missing one is still rejected at the first.
const maxLitPairs = 8

// implied5xx marks text that shows some 5xx without saying which: the
// REST API body {"message": "Internal server error"} is sent for 500 and 502.
const implied5xx = 5

// impliedBelow500 marks text that shows the client got an answer below 500
// without saying which: a browser that refused a response for its CORS
// headers. It counts only when nothing else in the request names a cause:
// a failing function's 502 lacks the headers too.
const impliedBelow500 = 4

// Weights. Explicit API Gateway configuration errors are the strongest,
// Lambda-reported error types come next, generic error shapes (a stack
// trace, an errorMessage field) are weak so that any specific line wins.
const (
	wExplicit = 95
	wStrong   = 88
	wSpecific = 80
	wLikely   = 65
	wHint     = 50
	wWeak     = 40
	wGuess    = 25
)

// wMalformedMessage is the weight of the gateway's own "Malformed Lambda
// proxy response": below the rules for an invocation Lambda refused (99,
// 100), whose error body the gateway read as the function's answer.
const wMalformedMessage = 98

// ruleSpec is the source form of a rule: pattern is a literal unless
// pattern and re are both given.
type ruleSpec struct {
	lit      string
	re       string
	cause    Cause
	weight   int
	implied  int
	notAfter string
	unless   string
	// unlessAlso are more literals that reject the rule, as unless does
	unlessAlso []string
	except     string
	layers     uint16
	outlived   bool
}

var (
	rulesOnce sync.Once
	ruleSet   []rule
)

// rules returns the signatures, compiled once per process.
func rules() []rule {
	rulesOnce.Do(func() {
		specs := ruleSpecs()
		ruleSet = make([]rule, 0, len(specs))
		for _, s := range specs {
			r := rule{lit: []byte(s.lit), cause: s.cause, weight: s.weight, implied: s.implied, layers: s.layers, pairs: litPairs([]byte(s.lit)), outlived: s.outlived}
			r.told = s.layers == personLayers
			if s.notAfter != "" {
				r.notAfter = []byte(s.notAfter)
			}
			for _, u := range append([]string{s.unless}, s.unlessAlso...) {
				if u != "" {
					r.unless = append(r.unless, []byte(u))
				}
			}
			if s.re != "" {
				r.re = guardFind(s.re)
			}
			if s.except != "" {
				r.except = guard(s.except)
				r.exceptCaller = s.except == cliCallRefused
			}
			ruleSet = append(ruleSet, r)
		}
	})
	return ruleSet
}

// ruleSpecs is the signature table, grouped by cause in taxonomy order.
// Literals are lower case. Sources: the AWS messages of docs/taxonomy.md's
// evidence column, as AWS documents and knowledge-center articles show them.
func ruleSpecs() []ruleSpec {
	var all []ruleSpec
	for _, part := range [][]ruleSpec{lambdaRules(), runtimeRules(), functionRules(), localEmulatorRules(), gatewayRules(), backendRules(), personRules(), wordRules(), documentedRules(), websocketRules(), clientRules()} {
		all = append(all, part...)
	}
	return all
}

// When the gateway could not invoke the function at all (permission denied,
// role not assumable, throttled, wrong method), the "Malformed Lambda proxy
// response" it logs next is a consequence: it read Lambda's error as the
// function's answer. Those rules outweigh it (99 and 100 against 98).
func lambdaRules() []ruleSpec {
	return []ruleSpec{
		{lit: "malformed lambda proxy response", cause: CauseLambdaMalformedProxyResponse, weight: wMalformedMessage},
		// (not an HTTP API's IAM authorization refusing a request that is
		// not signed, which gatewayRefusalRules read: the request, not the
		// function's answer, is what did not match)
		{lit: "match the format", re: `(doesn'?t|does not|did not) match the (expected )?format`, cause: CauseLambdaMalformedProxyResponse, weight: wSpecific, unless: iamAuthorizerRequest},
		{lit: "wrong type for field", cause: CauseLambdaMalformedProxyResponse, weight: wSpecific},
		// (not a MOCK integration's "Unable to parse statusCode. It should be
		// an integer that is defined in the request template": the
		// template's, which the template rule reads)
		{lit: "unable to parse statuscode", cause: CauseLambdaMalformedProxyResponse, weight: 90, unless: "template"},
		{lit: "invalid permissions on lambda function", cause: CauseLambdaInvokePermission, weight: 90},
		// how KC articles, blogs and answers word the same failure
		// (whichever determiner names the function: "the", "your", "my",
		// "this", as the Lambda guide's "grant API Gateway permission to
		// invoke your function" and people vary it), and with the gateway
		// named before the verb, as the API Gateway developer guide writes
		// it: "grant permissions for API Gateway to invoke the function"
		// (HTTP API Lambda troubleshooting), "permissions for the API to
		// invoke the integrated Lambda function" (the console's Add
		// Permission to Lambda Function step)
		{lit: "to invoke", re: invokePermissionFor + `(?:the |your |a |my |this |that |our |its )?(?:integrated )?(?:lambda|function)`, cause: CauseLambdaInvokePermission, weight: 75},
		// the HTTP API access log's integrationError ("... doesn't have
		// permissions to call the integration"), and as it is quoted in the
		// singular; not "the integration's backend", someone else's call
		{lit: "to call the integration", re: `permissions? to call the integration(?:[^'’\w]|$)`, cause: CauseLambdaInvokePermission, weight: 90},
		// (outside the gateway's logs, not an IAM user's denial: the role
		// the integration assumes is an sts assumed-role, and an IAM user,
		// arn:aws:iam::ACCOUNT:user/NAME, is a person's own CLI or SDK call,
		// "aws lambda invoke" refused; see iamUserDenial)
		{lit: "perform: lambda:invokefunction", cause: CauseLambdaInvokePermission, weight: 99, layers: gatewayLogged},
		{lit: "perform: lambda:invokefunction", cause: CauseLambdaInvokePermission, weight: 99, unless: iamUserDenial, unlessAlso: deploymentRefused, layers: notGatewayLogged},
		// Lambda refusing the gateway's invocation (its status, not the
		// function's) outweighs the "Malformed Lambda proxy response" a
		// proxy integration logs next, as the rules above do: the gateway
		// read Lambda's error body as the function's answer
		{lit: "lambda invocation failed with status: 403", cause: CauseLambdaInvokePermission, weight: 99},
		// API Gateway's management API refuses a stage variable whose name
		// or value breaks its character rules when a stage or deployment is
		// created or updated (BadRequestException "Invalid stage variable
		// value: .  Please use values with alphanumeric characters and the
		// symbols ...", "Invalid stage variable name: owner:app.  Please use
		// names with only word characters." from the SDKs, the CLI,
		// CloudFormation and the Serverless Framework): the change was
		// refused, no client got a 5xx from it, as with a mapping
		// expression refused. Only the execution log's words are a request
		// failing on a stage variable. A value is refused so only where the
		// line names the refusal (a name is never checked at request time);
		// elsewhere, the console test's body among them, the words show
		// neither a request failing nor a change refused.
		{lit: "invalid stage variable", cause: CauseStageVariableUnresolved, weight: 90, layers: layersOf(LayerGateway)},
		{lit: "invalid stage variable", re: `invalid stage variable name\b|badrequestexception.*invalid stage variable value\b|invalid stage variable value\b.*(?:badrequestexception|status code: 400\b)`, cause: CauseNot5xx, weight: wWeak, implied: 400, unless: "execution failed", unlessAlso: runtimeErrorMarks, layers: notGateway},
		{lit: "/invocations", re: `function:(?:[\w.-]+:)?/invocations`, cause: CauseStageVariableUnresolved, weight: 92},
		// Lambda's own validation of the function name the gateway built: a
		// name that ends in ":" carries an empty qualifier, what a
		// ${stageVariables.x} alias or version leaves when the stage (or the
		// console's test, which has no stage) does not define it
		{lit: "at 'functionname' failed to satisfy constraint", re: `function:[\w.-]+:' at 'functionname' failed to satisfy constraint`, cause: CauseStageVariableUnresolved, weight: 90},
		{lit: "[errno 13] permission denied", cause: CauseLambdaPackagePermission, weight: wExplicit},
		{lit: "permission denied", re: `permission denied[^/]{0,20}/(var/task|opt)/`, cause: CauseLambdaPackagePermission, weight: 90},
		// (a word: "ResourceAccessException" holds the letters)
		{lit: "eacces", re: `\beacces\b`, cause: CauseLambdaPackagePermission, weight: 85},
		{lit: "runtime.handlernotfound", cause: CauseLambdaHandlerMisconfigured, weight: 90},
		{lit: "missing on module", cause: CauseLambdaHandlerMisconfigured, weight: 90},
		{lit: "is undefined or not exported", cause: CauseLambdaHandlerMisconfigured, weight: 90},
		{lit: "runtime.importmoduleerror", cause: CauseLambdaHandlerMisconfigured, weight: wStrong},
		{lit: "unable to import module", cause: CauseLambdaHandlerMisconfigured, weight: 85},
		{lit: "class not found:", cause: CauseLambdaHandlerMisconfigured, weight: 85},
		{lit: "no public method named", cause: CauseLambdaHandlerMisconfigured, weight: wSpecific},
		{lit: "cannot find module", cause: CauseLambdaHandlerMisconfigured, weight: 70},
		{lit: "no module named", cause: CauseLambdaHandlerMisconfigured, weight: 70},
		{lit: "runtime.usercodesyntaxerror", cause: CauseLambdaHandlerMisconfigured, weight: 70},
		{lit: "classnotfoundexception", cause: CauseLambdaHandlerMisconfigured, weight: 60},
		// a ClassNotFoundException the handler's code raised while it ran
		// (a JDBC driver or plugin loaded by name) is the function's error:
		// aws-lambda-java-libs' runtime interface client reports it by its
		// own message, the class name (AWSLambda.startRuntimeLoop,
		// LambdaErrorConverter.fromThrowable: {"errorMessage":"CLASS",
		// "errorType":"java.lang.ClassNotFoundException"}; its log line
		// UserFault.reportableError: "CLASS: java.lang.ClassNotFoundException"),
		// where a handler class that did not load is reported as "Class not
		// found: CLASS" (UserFault.makeClassNotFoundUserFault, above). The
		// exception's own "java.lang.ClassNotFoundException: CLASS" heads
		// both traces, and stays with the handler when alone.
		{lit: "java.lang.classnotfoundexception", re: `"errormessage"\s*:\s*"[\w.$]+"\s*,\s*"errortype"\s*:\s*"java\.lang\.classnotfoundexception"|"errortype"\s*:\s*"java\.lang\.classnotfoundexception"\s*,\s*"errormessage"\s*:\s*"[\w.$]+"`, cause: CauseLambdaFunctionError, weight: 70},
		{lit: ": java.lang.classnotfoundexception", re: `(?:^|[\s"'])[\w$]+(?:\.[\w$]+)+: java\.lang\.classnotfoundexception`, unless: "class not found:", cause: CauseLambdaFunctionError, weight: 70},
		// a class the handler needs is missing from the package (the
		// aws-lambda-java-core interfaces left out of the jar)
		{lit: "noclassdeffounderror", cause: CauseLambdaHandlerMisconfigured, weight: 60},
		// the handler named a file the package lacks, or code in a module
		// format the runtime does not load: Go's binary missing, .NET's
		// assembly missing, ES modules loaded as CommonJS and back
		{lit: "fork/exec", re: `fork/exec /var/task/\S+: no such file or directory`, cause: CauseLambdaHandlerMisconfigured, weight: wSpecific},
		{lit: "could not find the specified handler assembly", cause: CauseLambdaHandlerMisconfigured, weight: 85},
		{lit: "cannot use import statement outside a module", cause: CauseLambdaHandlerMisconfigured, weight: wLikely},
		{lit: "err_require_esm", cause: CauseLambdaHandlerMisconfigured, weight: wLikely},
		// Node.js's ES-module loader: a module or package the package lacks
		{lit: "err_module_not_found", cause: CauseLambdaHandlerMisconfigured, weight: 70},
		{lit: "cannot find package", cause: CauseLambdaHandlerMisconfigured, weight: 70},
		// the handler setting names nothing the runtime can load: Node.js's
		// and Python's malformed name, .NET's RuntimeSupport (assembly, type,
		// method), Ruby's runtime interface client (file or form)
		{lit: "runtime.malformedhandlername", cause: CauseLambdaHandlerMisconfigured, weight: wStrong},
		{lit: "invalid lambda function handler", cause: CauseLambdaHandlerMisconfigured, weight: 85},
		{lit: "empty lambda function handler", cause: CauseLambdaHandlerMisconfigured, weight: 85},
		{lit: "from assembly", re: `unable to (load type|find method) '[^']+'( in type '[^']+')? from assembly`, cause: CauseLambdaHandlerMisconfigured, weight: 85},
		{lit: "found no methods matching method name", cause: CauseLambdaHandlerMisconfigured, weight: 85},
		{lit: "unable to load assembly", cause: CauseLambdaHandlerMisconfigured, weight: 70},
		{lit: "must be of form filename.method", cause: CauseLambdaHandlerMisconfigured, weight: 85},
		{lit: "init<loaderror>", cause: CauseLambdaHandlerMisconfigured, weight: wSpecific},
		{lit: "cannot load such file", cause: CauseLambdaHandlerMisconfigured, weight: 70},
		{lit: "due to customer function error", cause: CauseLambdaFunctionError, weight: 60},
		// $context.integration.error of REST access logs: "Lambda Customer Function Error:<errorMessage>"
		{lit: "customer function error", cause: CauseLambdaFunctionError, weight: 60},
		{lit: "lambda function returned", cause: CauseLambdaFunctionError, weight: 60},
		{lit: "runtime.marshalerror", cause: CauseLambdaFunctionError, weight: 60},
		{lit: "runtime.unhandledpromiserejection", cause: CauseLambdaFunctionError, weight: 60},
		{lit: "x-amz-function-error", cause: CauseLambdaFunctionError, weight: 55},
		{lit: "status: error", cause: CauseLambdaFunctionError, weight: wHint},
		{lit: `"errormessage"`, cause: CauseLambdaFunctionError, weight: 45},
		// (not the gateway's own error type, InternalServerErrorException,
		// the x-amzn-ErrorType of its 5xx answers, which recorded responses
		// keep under an "errorType" key: a function's error object names
		// its errorMessage beside it, which the rule above reads)
		{lit: `"errortype"`, cause: CauseLambdaFunctionError, weight: 45, except: `"errortype"\s*:\s*"internalservererrorexception"`},
		// (not a script's own traceback on a developer's machine: isClientFrame)
		{lit: "traceback (most recent call last)", cause: CauseLambdaFunctionError, weight: 45, layers: gatewayLogs},
		{lit: "invoke error", cause: CauseLambdaFunctionError, weight: 45},
		{lit: "uncaught exception", cause: CauseLambdaFunctionError, weight: 45},
		{lit: "unhandled promise rejection", cause: CauseLambdaFunctionError, weight: 45},
		{lit: "exception", re: `\b(java|javax|software|com|org|net)\.[\w.$]+(exception|error)\b`, cause: CauseLambdaFunctionError, weight: wWeak, layers: gatewayLogs},
		// (the JVM's Errors, StackOverflowError and the like, hold no "exception")
		{lit: "java.", re: `\bjava\.[\w.$]+error\b`, cause: CauseLambdaFunctionError, weight: wWeak, layers: gatewayLogs},
		// (not after "aws: ", AWS CLI v2's opening of its own error:
		// cliCallRefused)
		{lit: "[error]", re: `\[error\]`, notAfter: "aws: ", cause: CauseLambdaFunctionError, weight: wWeak},
		// a logger's level word opening a line of the function's own log
		{lit: "error", re: `^(?:error|fatal|critical)[: \t]`, cause: CauseLambdaFunctionError, weight: wWeak, layers: layersOf(LayerFunction)},
		// the Node.js runtime's level column, and the exceptions that
		// JavaScript and Python functions raise
		{lit: "\terror\t", cause: CauseLambdaFunctionError, weight: wWeak},
		// (not on a client's line: a browser's "TypeError: Failed to fetch" is
		// its own request failing)
		{lit: "error:", re: `\b(type|reference|range|syntax|uri|eval|key|value|attribute|index|name|zerodivision|assertion|unboundlocal|lookup|runtime|recursion|overflow|notimplemented|jsondecode|unicodedecode)error:`, cause: CauseLambdaFunctionError, weight: wWeak, layers: gatewayLogs},
		{lit: "task timed out after", cause: CauseLambdaFunctionTimeout, weight: 85},
		{lit: "status: timeout", cause: CauseLambdaFunctionTimeout, weight: 90},
		{lit: "sandbox.timedout", cause: CauseLambdaFunctionTimeout, weight: wStrong},
		{lit: "runtime.invalidentrypoint", cause: CauseLambdaRuntimeCrash, weight: wSpecific},
		// an OS-only runtime (provided.al2, provided.al2023) always starts
		// /var/task/bootstrap, whatever the handler setting says: when it
		// cannot be executed (built for another architecture or libc, or its
		// loader missing: "no such file or directory" for a file that is
		// there), the runtime never started. It outweighs the handler rule
		// that reads the same words about a binary the handler names.
		{lit: "fork/exec /var/task/bootstrap:", cause: CauseLambdaRuntimeCrash, weight: 85},
		{lit: "couldn't find valid bootstrap", cause: CauseLambdaRuntimeCrash, weight: wSpecific},
		{lit: "runtime exited with error", cause: CauseLambdaRuntimeCrash, weight: 75},
		// the older runtimes' word for any premature exit of the function's
		// process, which its own code causes: an exception thrown in a
		// callback nothing caught (the Node.js 4.3 to 8.10 runtimes logged
		// the TypeError, then this), a handler that ended before calling
		// its callback or context.done, process.exit; or memory running
		// out, which the REPORT line then shows and which outweighs it
		{lit: "process exited before completing request", cause: CauseLambdaFunctionError, weight: wLikely},
		{lit: "runtime exited without providing a reason", cause: CauseLambdaRuntimeCrash, weight: 75},
		{lit: "exec format error", cause: CauseLambdaRuntimeCrash, weight: 75},
		{lit: "runtime.exiterror", cause: CauseLambdaRuntimeCrash, weight: 72},
		{lit: "segmentation fault", cause: CauseLambdaRuntimeCrash, weight: 70},
		{lit: "init_report", re: `init_report.*status: error`, cause: CauseLambdaRuntimeCrash, weight: 70},
		{lit: "extension.crash", cause: CauseLambdaRuntimeCrash, weight: wLikely},
		{lit: "exit status", re: `exit status \d+`, cause: CauseLambdaRuntimeCrash, weight: 60},
		{lit: "runtime.unknown", cause: CauseLambdaRuntimeCrash, weight: 55},
		{lit: "runtime.outofmemory", cause: CauseLambdaOutOfMemory, weight: wExplicit},
		{lit: "signal: killed", cause: CauseLambdaOutOfMemory, weight: 92},
		{lit: "javascript heap out of memory", cause: CauseLambdaOutOfMemory, weight: 92},
		{lit: "java.lang.outofmemoryerror", cause: CauseLambdaOutOfMemory, weight: 92},
		{lit: "memoryerror", cause: CauseLambdaOutOfMemory, weight: wSpecific},
		// (not a client's own: curl's CURLE_OUT_OF_MEMORY, "curl: (27) Out
		// of memory", is the caller's machine)
		{lit: "out of memory", cause: CauseLambdaOutOfMemory, weight: 70, layers: gatewayLogs},
		{lit: "lambda invocation failed with status: 429", cause: CauseLambdaThrottled, weight: 99},
		// (the client's "x-amzn-ErrorType: TooManyRequestsException" header is
		// the gateway's own 429, in whichever form it is shown: see
		// clientRules; the execution log's "x-amzn-ErrorType=" of Lambda's
		// answer is read below)
		// (nor is "429 TooManyRequestsException", the code a client got
		// before the error type its SDK names)
		// (nor the same exception from another service, whose message is
		// not Lambda's "Rate Exceeded.": API Gateway's management API
		// throttling a deployment tool's calls, "Too Many Requests
		// (Service: AmazonApiGateway; Status Code: 429; Error Code:
		// TooManyRequestsException)" as CloudFormation, the CLI and
		// Terraform print it, and Cognito's "Too many requests")
		{lit: "toomanyrequestsexception", re: `toomanyrequestsexception`, notAfter: "429 ", cause: CauseLambdaThrottled, weight: 85, unlessAlso: append([]string{"too many requests", "amazonapigateway"}, errorTypeShown...)},
		// Lambda's own throttling answer to the gateway; the "Malformed
		// Lambda proxy response" that follows is its consequence
		{lit: "reservedfunctionconcurrentinvocationlimitexceeded", cause: CauseLambdaThrottled, weight: 99},
		{lit: "x-amzn-errortype=toomanyrequestsexception", cause: CauseLambdaThrottled, weight: 99},
		{lit: "concurrentinvocationlimitexceeded", cause: CauseLambdaThrottled, weight: 85},
		// Lambda's TooManyRequestsException says "Rate Exceeded."; the query
		// APIs (SSM, STS, CloudFormation, SNS) say "Rate exceeded" with their
		// own code, Throttling, which names the service that throttled
		{lit: "rate exceeded", cause: CauseLambdaThrottled, weight: 70, unless: "throttling"},
		// the request was over the limit: Lambda rejected the invocation, which
		// the gateway answers with 500 (a response over it is a 502). As
		// with Lambda's 403 and 429, a proxy integration may log "Malformed
		// Lambda proxy response" next, Lambda's error body read as the
		// function's answer: the refusal outweighs it, and so does the
		// Invoke API's message in that body on the gateway's lines
		{lit: "lambda invocation failed with status: 413", cause: CauseLambdaPayloadTooLarge, weight: 99, implied: 500},
		{lit: "request must be smaller than", re: `request must be smaller than \d+ bytes for the invokefunction operation`, cause: CauseLambdaPayloadTooLarge, weight: 99, layers: layersOf(LayerGateway)},
		{lit: "response payload size exceeded", cause: CauseLambdaPayloadTooLarge, weight: wExplicit},
		// the same limit as the Lambda runtime API words it: its 413 to a
		// runtime posting a response over it ({"errorMessage":"Exceeded
		// maximum allowed payload size (6291556 bytes).","errorType":
		// "RequestEntityTooLarge"}, which logs quote with the type alone, in
		// single quotes too as Python prints a dict, or as a field),
		// and what aws-lambda-cpp's runtime client, under the Node.js and
		// C++ runtimes, logs for that 413 ("LAMBDA_RUNTIME Failed to post
		// handler success response. Http response code: 413."). (Not .NET's
		// HttpStatusCode name for a 413 the function's own call got,
		// "StatusCode: RequestEntityTooLarge".)
		{lit: "requestentitytoolarge", re: `["']requestentitytoolarge["']|errortype["']?\s*[:=]\s*["']?requestentitytoolarge\b`, cause: CauseLambdaPayloadTooLarge, weight: 85},
		{lit: "failed to post handler success response", re: `failed to post handler success response\. http response code: 413\b`, cause: CauseLambdaPayloadTooLarge, weight: 90},
		{lit: "function.responsesizetoolarge", cause: CauseLambdaPayloadTooLarge, weight: wExplicit},
		// the Lambda Invoke API refusing a request over the limit
		// (RequestTooLargeException, which botocore and the AWS SDK for
		// JavaScript name RequestEntityTooLargeException: "Request must be
		// smaller than 6291456 bytes for the InvokeFunction operation"), as
		// the gateway logs it for the invocation it made. In the function's
		// own log it is the function's call to another function (or to the
		// Lambda API) failing, a dependency's error, which the function
		// error rules read.
		// (Not the same exception refusing a deployment package over its
		// quota, "Request must be smaller than 69905067 bytes for the
		// UpdateFunctionCode operation", from the CLI, CloudFormation or a
		// framework deploying CreateFunction, UpdateFunctionCode or
		// PublishLayerVersion: no request to the API failed.)
		{lit: "requestentitytoolargeexception", cause: CauseLambdaPayloadTooLarge, weight: 85, unless: "updatefunctioncode", unlessAlso: deployOperations, layers: notFunction},
		{lit: "request must be smaller than", re: `request must be smaller than \d+ bytes for the invoke\w* operation`, cause: CauseLambdaPayloadTooLarge, weight: 85, layers: notFunction},
		// every wording of the limit Lambda and its runtime API use:
		// "Response payload size exceeded maximum allowed payload size
		// (6291556 bytes).", the runtime API's "Exceeded maximum allowed
		// payload size (6291556 bytes)." and the runtime interface
		// emulator's "Response payload size (N bytes) exceeded maximum
		// allowed payload size (N bytes)." (interop/model.go), also quoted
		// without the number (not API Gateway's own words for an
		// integration response over its 10 MB, "exceeds the maximum allowed
		// payload size of 10485760 bytes")
		{lit: "maximum allowed payload size", re: `exceed(?:s|ed|ing)? (?:the )?maximum allowed payload size`, cause: CauseLambdaPayloadTooLarge, weight: 85, unless: "payload size of"},
		// the errorMessage Lambda answered a synchronous invocation whose
		// response was over 6 MB with before "Response payload size
		// exceeded maximum allowed payload size" (aws-lambda-limit's
		// examples; integrations map it with selection patterns, and
		// emulators answer it as Lambda does), and as people retell it
		// without its verb ("body size too long", "body size too big")
		{lit: "body size is too long", cause: CauseLambdaPayloadTooLarge, weight: wLikely},
		{lit: "body size too ", re: `\bbody size too (?:long|big)\b`, cause: CauseLambdaPayloadTooLarge, weight: wLikely},
		{lit: "6291556", cause: CauseLambdaPayloadTooLarge, weight: 85},
		// (6291456 is the Invoke API's request limit: in the function's
		// own log, its call to another function)
		{lit: "6291456", cause: CauseLambdaPayloadTooLarge, weight: 85, layers: notFunction},
	}
}

// gatewayPayloadWords name what API Gateway's 10 MB limit applies to, in
// English and as the API Gateway guide's Japanese, Korean and Chinese
// editions word the quotas page's "Payload size" (ペイロード, 페이로드,
// 负载, 負載) and a response (レスポンス, 응답, 响应, 響應).
const gatewayPayloadWords = `(payload|response|body|integration|ペイロード|レスポンス|페이로드|응답|负载|負載|响应|響應)`

// deployOperations are the Lambda API operations that take a deployment
// package, which the Invoke API's size errors name when they refuse one.
var deployOperations = []string{"createfunction", "publishlayerversion"}

func gatewayRules() []ruleSpec {
	return []ruleSpec{
		// (not the gateway refusing a request over it: "HTTP content length
		// exceeded 10485760 bytes" is REQUEST_TOO_LARGE, a 413)
		// (nor a local emulator's refusal of a request over the same 10 MB:
		// serverless-offline's hapi server answers 413 "Payload content
		// length greater than maximum allowed: 10485760")
		// (nor a function's own check of what it is given, "File size
		// 20971520 exceeds maximum 10485760 bytes": the function cannot
		// show the gateway's limit, which applies after it answered). The
		// number counts as a size in bytes or beside a limit's words, not
		// as a setting's value (a WAF size constraint's "Size": 10485760).
		{lit: "10485760", re: `10485760 ?bytes|(?:limit|maximum|max|exceed\w*|over|larger than|bigger than|more than)(?: is| of)?\W{1,20}10485760\b`, cause: CauseBackendPayloadTooLarge, weight: 85, unless: "content length exceeded", unlessAlso: []string{"greater than maximum allowed"}, layers: notFunction},
		// the quotas page's "Payload size" of 10 MB, in the guide's
		// editions as well: ペイロードサイズ, 페이로드 크기, 负载大小 (有效负载);
		// not in the function's own log, its own check of a size
		{lit: "10 mb", re: gatewayPayloadWords + sentenceGap + `{0,60}10 mb`, cause: CauseBackendPayloadTooLarge, weight: 70, layers: notFunction},
		{lit: "10mb", re: gatewayPayloadWords + sentenceGap + `{0,60}10mb`, cause: CauseBackendPayloadTooLarge, weight: 70, layers: notFunction},
		// (articles quote it without its last word: "Execution failed due to a timeout")
		{lit: "execution failed due to a timeout", cause: CauseIntegrationTimeout, weight: 90},
		{lit: "endpoint request timed out", cause: CauseIntegrationTimeout, weight: 75, implied: 504},
		{lit: "integration_timeout", cause: CauseIntegrationTimeout, weight: 70},
		{lit: "integration", re: `integration (request )?(timed out|timeout)`, cause: CauseIntegrationTimeout, weight: 70},
		{lit: "no match for output mapping", cause: CauseStatusMappingMissing, weight: 92},
		{lit: "output mapping refers to an invalid method response", cause: CauseStatusMappingMissing, weight: 92},
		{lit: "no default output mapping", cause: CauseStatusMappingMissing, weight: 85},
		// Lambda answers these when called with GET instead of POST; the
		// "Malformed Lambda proxy response" that follows is a consequence.
		// (not from a function's own SDK call, in its log or quoted by the
		// gateway: its call failing)
		{lit: "unable to determine service/operation name to be authorized", cause: CauseIntegrationMethodNotPost, weight: 100, unlessAlso: quotedFunctionError, layers: notFunction},
		{lit: "unknownoperationexception", cause: CauseIntegrationMethodNotPost, weight: 100, unlessAlso: quotedFunctionError, layers: notFunction},
		{lit: "unable to transform request", cause: CauseMappingTemplateError, weight: wStrong},
		{lit: "unable to transform response", cause: CauseMappingTemplateError, weight: wStrong},
		// API Gateway's management API rejects a mapping it cannot parse
		// when the method, integration or gateway response is created
		// (BadRequestException "Invalid mapping expression specified:
		// Validation Result: warnings : [], errors : [...]" in the console,
		// the CLI, CloudFormation or Terraform): the change was refused, no
		// client got a 5xx from it. Only the execution log's words are a
		// request failing on a mapping.
		{lit: "invalid mapping expression", cause: CauseMappingTemplateError, weight: wSpecific, layers: layersOf(LayerGateway)},
		// the execution log's words as a person, a ticket or a copied
		// event quotes them: the management API never says "Execution
		// failed due to configuration error", so the quote is a request
		// failing on its mapping, as the execution log's own line is
		{lit: "configuration error: invalid mapping expression", cause: CauseMappingTemplateError, weight: wSpecific, layers: notFunction},
		{lit: "invalid mapping expression specified", cause: CauseNot5xx, weight: wWeak, implied: 400, unless: "execution failed", unlessAlso: runtimeErrorMarks, layers: notGateway},
		{lit: "validation result: warnings :", cause: CauseNot5xx, weight: wWeak, implied: 400, unless: "execution failed", unlessAlso: runtimeErrorMarks, layers: notGateway},
		// the template language's parser refusing a template (Velocity's
		// "Lexical error, Encountered: ... at unset[line 3, column 18]");
		// not in the function's own log, where it is a parser of the
		// function's failing (a JavaScript template or grammar library's
		// "Lexical error on line 1. Unrecognized text.")
		{lit: "lexical error", cause: CauseMappingTemplateError, weight: 60, layers: notFunction},
		// any other configuration error the gateway states about a request
		// or response template (a MOCK integration's template that sets
		// statusCode to a string among them) is a template's fault
		{lit: "template", re: `configuration error: [^\n]*\b(?:request|response|mapping) template`, cause: CauseMappingTemplateError, weight: wSpecific},
		// the error type of the AUTHORIZER_CONFIGURATION_ERROR gateway
		// response, whose default status is 500 (the developer guide's
		// gateway response types)
		{lit: "authorizerconfigurationexception", cause: CauseAuthorizerError, weight: 92, implied: 500},
		// what HTTP APIs log when an authorizer's answer has the wrong shape
		// (the HTTP API developer guide's $context.authorizer.error: "The
		// response from the Lambda Authorizer function doesn't match the
		// format that API Gateway expects"); a person showing "a response
		// from the Lambda authorizer" only introduces its answer
		{lit: "response from the lambda authorizer function", cause: CauseAuthorizerError, weight: 99},
		{lit: "authorizer error", cause: CauseAuthorizerError, weight: 92},
		{lit: "could not parse policy", cause: CauseAuthorizerError, weight: 90},
		{lit: "authorizer_configuration_error", cause: CauseAuthorizerError, weight: 85},
		{lit: "authorizer_failure", cause: CauseAuthorizerError, weight: wSpecific},
		{lit: "authorizerfunctionexception", cause: CauseAuthorizerError, weight: 85},
		{lit: "invalid policy document", cause: CauseAuthorizerError, weight: 60},
		{lit: "permission to assume the provided role", cause: CauseCredentialsRoleError, weight: wExplicit},
		// HTTP API integrationErrorMessage: "API Gateway doesn't have permissions
		// to assume the IAM role configured on the integration."
		{lit: "to assume the", re: `permissions? to assume the (iam )?role`, cause: CauseCredentialsRoleError, weight: wExplicit},
		{lit: "perform: sts:assumerole", cause: CauseCredentialsRoleError, weight: 99, layers: gatewayLogged},
		{lit: "perform: sts:assumerole", cause: CauseCredentialsRoleError, weight: 99, unless: iamUserDenial, unlessAlso: deploymentRefused, layers: notGatewayLogged},
		// (not a person's or a client's: a login that failed says the same)
		{lit: "invalid credentials", cause: CauseCredentialsRoleError, weight: 60, unlessAlso: quotedFunctionError, layers: machineLogs},
		// (nor a Lambda function's error object, which a custom
		// integration's endpoint response and a test invoke show: its own
		// call was denied, a function error)
		// (IAM's denial names the action after a colon, "User: ARN is not
		// authorized to perform: ACTION on resource: ARN", the IAM user
		// guide's access-denied messages; "not authorized to perform this
		// operation" names no action and no role)
		{lit: "is not authorized to perform:", cause: CauseCredentialsRoleError, weight: 55, unless: "execute-api:invoke", unlessAlso: quotedFunctionError, layers: gatewayLogged},
		{lit: "is not authorized to perform:", cause: CauseCredentialsRoleError, weight: 55, unless: "execute-api:invoke", unlessAlso: append([]string{`"errormessage"`, iamUserDenial}, deploymentRefused...), layers: notGatewayLogged},
		// (not Lambda's KMSAccessDenied or EC2AccessDenied: the function's key
		// or network set-up, not a role the gateway uses)
		{lit: "accessdenied", re: `(?:^|[^a-z0-9])accessdenied`, cause: CauseCredentialsRoleError, weight: 35, unlessAlso: quotedFunctionError, layers: machineLogs & gatewayLogged},
		{lit: "accessdenied", re: `(?:^|[^a-z0-9])accessdenied`, cause: CauseCredentialsRoleError, weight: 35, unless: `"errormessage"`, unlessAlso: append([]string{iamUserDenial}, deploymentRefused...), layers: machineLogs &^ gatewayLogged},
		// a program naming the VPC link is its failure; a person naming it
		// may only describe the setup (a timeout through the link is still
		// the integration timeout), so their words weigh as little as a
		// Cloud Map mention
		// (not the management API refusing an integration or a VPC link as
		// it is created, a BadRequestException: "For VpcLink VPC_LINK,
		// integration uri should be a valid ELB listener ARN or a valid
		// Cloud Map service ARN", "IntegrationTarget is required for
		// VpcLinkV2", "NLB ARN is malformed", as the CLI, Terraform and SST
		// print it; a change refused, which no request met)
		{lit: "vpc link", cause: CausePrivateIntegrationError, weight: 85, unless: "badrequestexception", layers: machineLogs},
		{lit: "vpclink", cause: CausePrivateIntegrationError, weight: 85, unless: "badrequestexception", layers: machineLogs},
		{lit: "vpc_link", cause: CausePrivateIntegrationError, weight: 85, unless: "badrequestexception", except: vpcLinkSetting, layers: machineLogs},
		// the integration's connection type as its configuration shows it
		// (get-integration's "connectionType": "VPC_LINK", Terraform's
		// connection_type, CloudFormation's ConnectionType): the setup, not
		// a failure; a timeout or a refused connection through the link
		// is still the timeout or the connection, so it weighs as little
		// as a person naming the link
		{lit: "vpc_link", re: vpcLinkSetting, cause: CausePrivateIntegrationError, weight: wHint},
		{lit: "private integration", cause: CausePrivateIntegrationError, weight: 60, unless: "badrequestexception", layers: machineLogs},
		{lit: "badrequestexception", re: `\bvpc ?_?links?(?:v2)?\b|\bnlb arn\b`, cause: CauseNot5xx, weight: wWeak, implied: 400, unless: "execution failed", unlessAlso: runtimeErrorMarks, layers: notGateway},
		{lit: "vpc link", cause: CausePrivateIntegrationError, weight: wHint, unless: "badrequestexception", layers: personLayers},
		{lit: "vpclink", cause: CausePrivateIntegrationError, weight: wHint, unless: "badrequestexception", layers: personLayers},
		{lit: "private integration", cause: CausePrivateIntegrationError, weight: wWeak, unless: "badrequestexception", layers: personLayers},
		// API Gateway reaches a Cloud Map service only through a private
		// integration (an HTTP API's VPC link): naming it names the setup,
		// weakly, so any message of another step outweighs it
		{lit: "cloud map", cause: CausePrivateIntegrationError, weight: wWeak},
		{lit: "cloudmap", cause: CausePrivateIntegrationError, weight: wWeak},
		{lit: "execution failed due to an internal error", cause: CauseInternalServiceFailure, weight: 85},
		// "Execution failed due to configuration error: There was an internal
		// error while executing your request" is the VPC link failure of
		// repost.aws/knowledge-center/api-gateway-500-error-vpc; adjust turns
		// it back into an internal failure when the integration is known not
		// to be private.
		{lit: "configuration error: there was an internal error while executing", cause: CausePrivateIntegrationError, weight: 82},
		{lit: "an internal error while executing", cause: CauseInternalServiceFailure, weight: wLikely},
		{lit: "internalfailure", cause: CauseInternalServiceFailure, weight: wHint},
		// Lambda's Invoke API answered ServiceException (500): Lambda itself
		// failed, before or without running the function; its error body
		// says "Type": "Service" where the caller's mistakes say "User"
		{lit: "lambda invocation failed with status: 500", cause: CauseInternalServiceFailure, weight: wLikely},
		{lit: `"type"`, re: `"type"\s*:\s*"service"`, cause: CauseInternalServiceFailure, weight: wHint, layers: gatewayLogs},
		// an AWS service behind the integration failed on its side
		// ("Service: AWSLambdaInternal; Status Code: 503; Error Code: ServiceUnavailableException")
		{lit: "serviceunavailableexception", cause: CauseInternalServiceFailure, weight: wHint},
		{lit: "internal failure", cause: CauseInternalServiceFailure, weight: wHint},
	}
}

// backendRules: the gateway failing to reach or read its backend. The
// network and TLS words are read on every layer but a client's and a
// CDN's (gatewayLogs): a client program's own connection to the API
// failing names no cause, and in a function's log inFunction reads them
// as its dependency.
func backendRules() []ruleSpec {
	return []ruleSpec{
		{lit: "general ssl engine problem", cause: CauseBackendTLSError, weight: wExplicit, layers: gatewayLogs},
		// how the execution log words it ("General SSLEngine problem")
		{lit: "general sslengine problem", cause: CauseBackendTLSError, weight: wExplicit, layers: gatewayLogs},
		{lit: "unable to find valid certification path", cause: CauseBackendTLSError, weight: 90, layers: gatewayLogs},
		{lit: "pkix path building failed", cause: CauseBackendTLSError, weight: wExplicit, layers: gatewayLogs},
		// an expired certificate, as the knowledge-center article on
		// backend SSL certificate errors shows it ("PKIX path validation
		// failed: java.security.cert.CertPathValidatorException: validity
		// check failed"), which the Java exception rule would otherwise read
		// as a function's error
		{lit: "pkix path validation failed", cause: CauseBackendTLSError, weight: wExplicit, layers: gatewayLogs},
		{lit: "sslhandshakeexception", cause: CauseBackendTLSError, weight: 90, layers: gatewayLogs},
		{lit: "javax.net.ssl", cause: CauseBackendTLSError, weight: 85, layers: gatewayLogs},
		{lit: "ssl handshake", cause: CauseBackendTLSError, weight: wSpecific, layers: gatewayLogs},
		// (not a client's: curl's "no alternative certificate subject name
		// matches target host name" is the API's own domain)
		{lit: "certificate subject", cause: CauseBackendTLSError, weight: 85, layers: gatewayLogs},
		// (not a custom domain's mutual TLS refusing the client's certificate,
		// "Access denied. Reason: self signed certificate": a 403, which
		// mutualTLSRules read)
		{lit: "certificate", re: `certificate (has )?(expired|verify failed|is not trusted|not trusted|unknown|is invalid)|self[- ]signed certificate|unable to get local issuer certificate|doesn'?t match (any of )?the subject|certificate_unknown`, cause: CauseBackendTLSError, weight: wSpecific, unless: "access denied.", layers: gatewayLogs},
		{lit: "network error communicating with endpoint", cause: CauseBackendConnectionError, weight: wStrong},
		// the API_CONFIGURATION_ERROR gateway response, a 500 (not the 504 of
		// a backend the gateway could not reach)
		{lit: "invalid endpoint address", cause: CauseBackendConnectionError, weight: 75, implied: 500},
		// (not INTEGRATION_FAILURE, "the gateway response for an integration
		// failed error" of the developer guide's gateway response types:
		// REST access logs record it for a Lambda function's error, an
		// oversized response and a backend out of reach alike, so it names
		// no cause)
		{lit: "connect timed out", cause: CauseBackendConnectionError, weight: 55, layers: gatewayLogs},
		{lit: "unknownhostexception", cause: CauseBackendConnectionError, weight: 55, layers: gatewayLogs},
		{lit: "no route to host", cause: CauseBackendConnectionError, weight: 55, layers: gatewayLogs},
		// a person's "couldn't connect" is most often their client failing
		// to reach the API; the gateway's and the function's words stay
		{lit: "connect", re: `(could not|couldn'?t|unable to|failed to) connect`, cause: CauseBackendConnectionError, weight: 55, layers: machineLogs},
		{lit: "connection refused", cause: CauseBackendConnectionError, weight: wHint, layers: gatewayLogs},
		{lit: "connection reset", cause: CauseBackendConnectionError, weight: wHint, layers: gatewayLogs},
		{lit: "name or service not known", cause: CauseBackendConnectionError, weight: wHint, layers: gatewayLogs},
		{lit: "econnrefused", cause: CauseBackendConnectionError, weight: wWeak, layers: gatewayLogs},
		{lit: "econnreset", cause: CauseBackendConnectionError, weight: wWeak, layers: gatewayLogs},
		// the rest of Node.js's system errors for a connection (the Node.js
		// errors page's common system errors, and getaddrinfo's EAI_AGAIN
		// for a lookup that could not be answered), read only in the
		// function's own log, where they are its call to a dependency
		// failing: a client's script says the same of reaching the API
		{lit: "etimedout", re: `\betimedout\b`, cause: CauseLambdaFunctionError, weight: wWeak, layers: layersOf(LayerFunction)},
		{lit: "enotfound", re: `\benotfound\b`, cause: CauseLambdaFunctionError, weight: wWeak, layers: layersOf(LayerFunction)},
		{lit: "eai_again", cause: CauseLambdaFunctionError, weight: wWeak, layers: layersOf(LayerFunction)},
		{lit: "no healthy", cause: CauseBackendUnavailable, weight: 60},
		// an Application Load Balancer's own 503 page and reason phrase,
		// "503 Service Temporarily Unavailable", which the Knowledge
		// Center's "How do I troubleshoot HTTP 503 errors from an
		// Application Load Balancer?" names as the load balancer's answer
		// (no registered or healthy target): the backend behind an HTTP
		// proxy or private integration, whose page the integration passed
		// on. No API Gateway answer is worded so (REST and HTTP APIs say
		// "Service Unavailable"), so it also outweighs the HTTP API's bare
		// 503 read as its integration timeout. Not in the function's own
		// log (its call to a service behind a load balancer), nor where the
		// execution log quotes the integration's answer, which the
		// integration response maps.
		{lit: "service temporarily unavailable", cause: CauseBackendUnavailable, weight: 60, implied: 503, unless: endpointResponseBody, layers: notFunction},
		// (none of them on the AWS CLI's own line, cliCallRefused: a person's
		// call from their machine, not one the integration or function made)
		{lit: "provisionedthroughputexceeded", cause: CauseBackendThrottled, weight: wStrong, except: cliCallRefused},
		{lit: "throttlingexception", cause: CauseBackendThrottled, weight: 75, except: cliCallRefused},
		// the query APIs' Throttling code as the AWS SDKs print a call it
		// refused: botocore's "An error occurred (Throttling) when calling
		// the GetParameters operation ...: Rate exceeded", the SDKs for
		// JavaScript (v2) and Go (v1)'s "Throttling: Rate exceeded"
		{lit: "throttling", re: `\(throttling\)|\bthrottling: rate exceeded`, cause: CauseBackendThrottled, weight: 75, except: cliCallRefused},
		// and as the other SDKs print it: the SDK for JavaScript v3's error
		// object ({"errorType":"Throttling","errorMessage":"Rate exceeded",
		// "name":"Throttling"} as the Node.js runtime logs it, and
		// util.inspect's name: 'Throttling'), v2's code, the SDK for Java
		// 1.x's "(Service: AWSSecurityTokenService; Status Code: 400; Error
		// Code: Throttling; ...)"
		{lit: "throttling", re: `["']?(?:errortype|name|code)["']?\s*:\s*["']throttling["']|error code: throttling\b`, cause: CauseBackendThrottled, weight: 75, except: cliCallRefused},
		// the message "Rate exceeded" where the SDK names another service
		// than Lambda (whose own refusal is TooManyRequestsException, a
		// 429): the SDK for Java 2.x's "Rate exceeded (Service: Sts, Status
		// Code: 400, Request ID: ...)", the SDK for .NET's service exception
		// "Amazon.SecurityToken.AmazonSecurityTokenServiceException: Rate
		// exceeded"
		{lit: "rate exceeded", re: `rate exceeded\.? \(service: [a-z0-9]+, status code: 400\b|^amazon\.[a-z0-9]+\.amazon[a-z0-9]+exception: rate exceeded`, cause: CauseBackendThrottled, weight: 75, unless: "amazon.lambda."},
		// the function's own error message as the gateway quotes it: Lambda
		// ran the invocation ("failed with status 200"), so whoever said
		// "Rate exceeded" throttled a call the function made, not the
		// gateway's invoke
		{lit: "customer function error: rate exceeded", cause: CauseBackendThrottled, weight: 75},
		{lit: "requestlimitexceeded", cause: CauseBackendThrottled, weight: 75, except: cliCallRefused},
		{lit: "slowdown", cause: CauseBackendThrottled, weight: 55, except: cliCallRefused},
		{lit: "limitexceededexception", cause: CauseBackendThrottled, weight: 55, unlessAlso: errorTypeShown, except: cliCallRefused},
		// the code beside the 429 a service throttled the call with, as the
		// AWS SDKs print a call's error: the SDK for JavaScript v2's error
		// object ("code":"LimitExceededException",...,"statusCode":429) and
		// v3's ("name":"LimitExceededException",..."$metadata":
		// {"httpStatusCode":429), the SDK for Java's "(Service: ...; Status
		// Code: 429; Error Code: LimitExceededException". As strong as
		// ThrottlingException, so that it outweighs the gateway's "customer
		// function error" the function's failure on it shows. (Not a
		// client's line: the gateway's own 429 to its caller, usage plan
		// or stage throttling, is no 5xx.)
		{lit: "limitexceededexception", re: `limitexceededexception.*\b429\b|\b429\b.*limitexceededexception`, cause: CauseBackendThrottled, weight: 75, unless: "x-amzn-errortype", except: cliCallRefused, layers: allLayers &^ layersOf(LayerClient, LayerCDN, LayerPerson)},
	}
}

// cliCallRefused is the AWS CLI's report of a call an AWS service refused,
// on a line of its own: the CLI writes the text of botocore's ClientError
// ("An error occurred ({error_code}) when calling the {operation_name}
// operation{retry_info}: {error_message}", botocore/exceptions.py) to
// stderr after an empty line (aws-cli's clidriver.py), and AWS CLI v2's
// newer releases open it with "aws: [ERROR]: ". It is a person's own call
// from their machine: throttled, it says nothing of why the API answered
// 5xx. A function's log puts its runtime's level column or the exception's
// name before the same text ("[ERROR] ClientError: An error occurred"),
// and the gateway's log its own words, so the anchor keeps them.
const cliCallRefused = `^(?:aws: \[error\]: )?an error occurred \([a-z0-9.]+\) when calling the [a-z0-9]+ operation.*`

// personLayers are the layers of a person's own words.
var personLayers = layersOf(LayerPerson, LayerUnknown)

// personRules recognise how people describe a cause in their own words
// (issue threads, answers, articles), in the four languages of the remediation catalog. They are
// weaker than any AWS message, so a log line always outranks them.
func personRules() []ruleSpec {
	person := personLayers
	return []ruleSpec{
		// (not a package's name: "@aws-cdk/aws-apigatewayv2-authorizers
		// caused an error" is an upgrade failing, no authorizer; the CDK's
		// authorizers module as each of its languages names it, and any
		// scoped npm package)
		{lit: "authori", re: `authori[sz]er[^.]{0,60}\b(fail(s|ed|ing)?|error|exception|throws?|crash(es|ed)?|invalid response)|(invalid|bad|malformed|wrong) (authori[sz]er|policy) response|authori[sz]er (did not|didn'?t|does not|doesn'?t) return`, except: packageNames, cause: CauseAuthorizerError, weight: wHint, layers: person},
		{lit: "オーソライザー", cause: CauseAuthorizerError, weight: wWeak, layers: person},
		{lit: "オーソライザーを呼び出す権限", cause: CauseAuthorizerError, weight: 60, layers: person},
		{lit: "を呼び出す権限", cause: CauseLambdaInvokePermission, weight: wHint, layers: person},
		{lit: "呼叫", re: `(沒有|没有|無|无)[^。]{0,20}(呼叫|調用|调用|叫用)[^。]{0,20}(許可|權限|权限)|(許可|權限|权限)[^。]{0,20}(呼叫|調用|调用|叫用)`, cause: CauseLambdaInvokePermission, weight: wHint, layers: person},
		{lit: "permiss", re: `(permissão|permissões) (para|de) invocar`, cause: CauseLambdaInvokePermission, weight: wHint, layers: person},
		{lit: "プロキシ", re: `プロキシ[^。]{0,40}(形式|フォーマット)[^。]{0,20}(不正|誤|違|返さない|返していない|になっていない|ではない)|(不正|誤った)[^。]{0,10}(形式|フォーマット)[^。]{0,30}プロキシ`, cause: CauseLambdaMalformedProxyResponse, weight: wHint, layers: person},
		// the function's output in another format than the proxy integration
		// reads, as the AWS guide and its translations say it
		{lit: "format", re: `\b(output|response|return value|returned value)\b[^.]{0,30}\b(of |in )?(a )?(different|wrong|invalid|incorrect|unexpected) format`, cause: CauseLambdaMalformedProxyResponse, weight: wHint, layers: person},
		{lit: "formato", re: `(saída|resposta|retorno)[^.]{0,30}formato (diferente|inválido|incorreto|errado)`, cause: CauseLambdaMalformedProxyResponse, weight: wHint, layers: person},
		{lit: "格式", re: `(輸出|输出|回應|响应|傳回值|返回值)[^。]{0,20}格式(不同|錯誤|错误|不正確|不正确)`, cause: CauseLambdaMalformedProxyResponse, weight: wHint, layers: person},
		{lit: "形式", re: `(戻り値|返り値|レスポンス|出力)[^。]{0,30}(形式|フォーマット)[^。]{0,20}(異な|違|返さない|返していない|になっていない|ではない)`, cause: CauseLambdaMalformedProxyResponse, weight: wHint, layers: person},
		{lit: "proxy", re: `resposta (de )?proxy[^.]{0,30}malformada|proxy[^.]{0,30}(mal formada|malformada)`, cause: CauseLambdaMalformedProxyResponse, weight: wHint, layers: person},
		{lit: "代理", re: `(格式錯誤|格式错误|格式不正確|格式不正确)[^。]{0,30}代理|代理[^。]{0,30}(格式錯誤|格式错误)`, cause: CauseLambdaMalformedProxyResponse, weight: wHint, layers: person},
		// "a function error", as the Lambda guide and its translations call a
		// request that failed inside the function (API Gateway answers it
		// with 502); the gateway's own "customer function error" is a log rule
		{lit: "function error", re: `\bfunction errors?\b`, cause: CauseLambdaFunctionError, weight: wWeak, layers: person},
		{lit: "関数エラー", cause: CauseLambdaFunctionError, weight: wWeak, layers: person},
		{lit: "錯誤", re: `(函數|函式)錯誤`, cause: CauseLambdaFunctionError, weight: wWeak, layers: person},
		{lit: "erro", re: `erros? (de|da|na) função`, cause: CauseLambdaFunctionError, weight: wWeak, layers: person},
		// "an error in the Lambda function", "an exception thrown by the
		// function" (not "no errors in the function's log")
		{lit: "function", re: `\b(errors?|exceptions?) (in|inside|thrown by|raised by|thrown in|raised in) (the |my |your |our |a )?(lambda )?function\b`, notAfter: "no ", cause: CauseLambdaFunctionError, weight: wWeak, layers: person},
		{lit: "統合タイムアウト", cause: CauseIntegrationTimeout, weight: wHint, layers: person},
		{lit: "逾時", re: `整合[^。]{0,10}逾時|(29|30) ?秒[^。]{0,20}逾時`, cause: CauseIntegrationTimeout, weight: wHint, layers: person},
		{lit: "tempo limite", re: `tempo limite (de|da) integração|integração[^.]{0,30}tempo limite|(29|30) segundos`, cause: CauseIntegrationTimeout, weight: wHint, layers: person},
		{lit: "授權方", cause: CauseAuthorizerError, weight: wWeak, layers: person},
		{lit: "autorizador", cause: CauseAuthorizerError, weight: wWeak, layers: person},
		{lit: "add-permission", cause: CauseLambdaInvokePermission, weight: wHint, layers: person},
		// the same missing permission in the other verbs people use for
		// the gateway's call ("API Gateway did not have permission to call
		// the Lambda function")
		{lit: "permission", re: `permissions? to (call|trigger|execute|access) (the |your |a |my |this |that |our )?(lambda|function)`, cause: CauseLambdaInvokePermission, weight: wHint, layers: person},
		// a 500 before the function ran: API Gateway could not invoke it
		// (a function that ran and failed answers 502 on REST APIs and
		// leaves its own log)
		{lit: "invoke", re: `(never|not|wasn'?t|isn'?t|is not|was not) (even |being |getting )?(invoked|triggered)`, cause: CauseLambdaInvokePermission, weight: wWeak, layers: person},
		{lit: "log", re: `(nothing|no entries|no logs?|nothing new) (shows? up |appears? )?in (the )?(cloudwatch|lambda|function'?s?)( logs?)?|no (cloudwatch |lambda |function )?logs (at all|were|are|show|for the function|appear(ed)?|showed up)`, cause: CauseLambdaInvokePermission, weight: wGuess + 10, layers: person},
		{lit: "resource-based policy", cause: CauseLambdaInvokePermission, weight: wWeak, layers: person},
		{lit: "resource based policy", cause: CauseLambdaInvokePermission, weight: wWeak, layers: person},
		// (the format of the proxy integration's request is the event the
		// function reads, not the answer it gives)
		{lit: "proxy", re: `proxy (integration|response)[^.]{0,80}(statuscode|status code|format|string body|body (must|should) be a string)`, cause: CauseLambdaMalformedProxyResponse, weight: wHint, unless: "integration request", layers: person},
		{lit: "statuscode", re: `(must|should|needs? to|has to) return[^.]{0,40}statuscode`, cause: CauseLambdaMalformedProxyResponse, weight: wHint, layers: person},
		// the function ran and succeeded, and yet the client got a 5xx: the
		// gateway refused its answer (a failure before or around the function
		// leaves no successful invocation; a failing one leaves its error)
		{lit: "succe", re: `\b(lambdas?|functions?|invocations?|cloudwatch|logs?)\b[^.]{0,40}\b(were|was|is|are|look(s|ed)?|show(s|ed)?)\b[^.]{0,20}\b(successful|success|succeed(s|ed)?)\b`, cause: CauseLambdaMalformedProxyResponse, weight: wWeak, layers: person},
		{lit: "healthy", re: `\b(lambdas?|functions?)\b[^.]{0,20}\b(look(s|ed)?|(is|was|were|are|seem(s|ed)?)( perfectly)?) healthy\b`, cause: CauseLambdaMalformedProxyResponse, weight: wWeak, layers: person},
		{lit: "second", re: `\b(29|30)[ -]?seconds?\b[^.]{0,60}(timeout|time out|limit)|(timeout|time out|timed out|limit)[^.]{0,60}\b(29|30)[ -]?seconds?\b`, cause: CauseIntegrationTimeout, weight: wLikely, layers: person},
		{lit: "integration timeout", cause: CauseIntegrationTimeout, weight: wHint, layers: person},
		// ("Lambda timeouts get converted to 500": the plural is the events,
		// the singular most often the setting)
		{lit: "tim", re: `(lambda|function)('s)?( itself)? (is |was )?(timing out|timed out|times out|hit(s|ting)? (its|the) timeout)|\b(lambda|function) timeouts\b`, cause: CauseLambdaFunctionTimeout, weight: wHint, layers: person},
		{lit: "タイムアウト", re: `(29|30) ?秒`, cause: CauseIntegrationTimeout, weight: wHint, layers: person},
		// the function failed and yet the client got 200: a custom (non-proxy)
		// Lambda integration without error mappings (seed 003). The rule
		// names the function's failure; the 200 the same words show makes it
		// lambda_error_masked_as_200.
		// (the gateway's own answer is no failure of the function: "the
		// function returns 200 but API Gateway responds with Internal Server
		// Error" is a 5xx after a function that succeeded)
		{lit: "200", re: `\b200\b[^.]{0,60}\b(errors?|errormessage|timed out|times out|time ?outs?|exceptions?|fail(s|ed|ure)?|throws?)\b|\b(errors?|errormessage|timed out|times out|time ?outs?|exceptions?|fail(s|ed|ure)?|throws?)\b[^.]{0,60}\b(returns?|gets?|got|answers?|responds?)( back)?( with)?( an?| the| http| status| response)* 200\b`, except: gatewayAnswerPhrases, cause: CauseLambdaFunctionError, weight: wWeak, layers: person,
			// (a retry's 200 is another request's answer, not the failed one's)
			unless: "retry", unlessAlso: retryWords},
		// the same in the words of seed 003 and its translations: "Lambda
		// errors are returned as 200 OK responses", "os erros do Lambda serão
		// retornados como respostas 200 OK", "錯誤預設會以 200 OK 回應傳回",
		// "エラーは 200 OK として返されます", "오류가 발생해도 200 OK"
		{lit: "200", re: `\b(errors?|exceptions?|failures?)\b[^.]{0,40}\b(returned|answered|sent|delivered|come back|comes back)( back)? (as|with)( an?| the| http| status)* 200\b`, cause: CauseLambdaFunctionError, weight: wWeak, implied: 200, layers: person},
		{lit: "200", re: `(erros?|exceç(ão|ões)|falhas?)\b[^.]{0,40}(retornad[oa]s?|devolvid[oa]s?) como (respostas? )?200\b`, cause: CauseLambdaFunctionError, weight: wWeak, implied: 200, layers: person},
		{lit: "200", re: `(錯誤|错误|例外|異常|异常)[^。]{0,30}(以|為|为)[^。]{0,10}200`, cause: CauseLambdaFunctionError, weight: wWeak, implied: 200, layers: person},
		{lit: "200", re: `(エラー|例外)[^。]{0,40}200[^。]{0,20}(として|で)[^。]{0,10}(返|帰)|200(以外|しか)[^。]{0,30}(返|帰)|[45]\d\d[^。]{0,20}返しても[^。]{0,60}200`, cause: CauseLambdaFunctionError, weight: wWeak, implied: 200, layers: person},
		{lit: "200", re: `(오류|에러|예외)[^.]{0,40}200`, cause: CauseLambdaFunctionError, weight: wWeak, implied: 200, layers: person},
		// and as people write it: "a API retorna 200 mesmo quando a Lambda
		// falha", "エラーが発生してもステータスコード200が返ってきます",
		// "發生錯誤時仍然回傳 200"
		{lit: "200", re: `(retorn\w*|devolv\w*|respond\w*)( (o|a|um|uma|com|status|código|http))* 200\b[^.]{0,60}\bmesmo (quando|que|se|com)\b[^.]{0,60}(falh\w*|erros?\b|exceç\w*|lanç\w*)|\bmesmo (quando|que|se|com)\b[^.]{0,60}(falh\w*|erros?\b|exceç\w*|lanç\w*)[^.]{0,60}(retorn\w*|devolv\w*|respond\w*)( (o|a|um|uma|com|status|código|http))* 200\b`, cause: CauseLambdaFunctionError, weight: wWeak, implied: 200, layers: person},
		{lit: "200", re: `(エラー|例外|失敗)[^。]{0,30}(ても|でも)[^。]{0,30}200[^。]{0,20}(返|帰)`, cause: CauseLambdaFunctionError, weight: wWeak, implied: 200, layers: person},
		{lit: "200", re: `(錯誤|错误|出錯|出错|例外|異常|异常|失敗|失败)[^。]{0,30}(仍然|仍|還是|还是|依然|卻|却)[^。]{0,16}200`, cause: CauseLambdaFunctionError, weight: wWeak, implied: 200, layers: person},
	}
}

// retryWords are the words of a request sent again, whose answer is not
// the failed request's: "if I retry it returns 200" says a retry succeeded,
// not that the failure was answered 200 (the knowledge-center article on
// Internal server errors advises clients to retry with backoff).
var retryWords = []string{"retried", "retries", "retrying", "try again", "tried again", "second attempt", "next attempt", "another attempt"}

// vpcLinkSetting is an integration's connection type set to a VPC link, in
// the configuration's words: the API Gateway API's connectionType, its
// CloudFormation and Terraform spellings, and a write-up's "Connection
// Type: VPC_LINK".
const vpcLinkSetting = `connection[ _]?type["'\x60*]*\s*[:=]\s*["'\x60*]*vpc_link\b`

// runtimeErrorMarks are what a Lambda runtime writes about an error the
// function logged or failed with: the level column of its log lines
// (Python's "[ERROR]", Node.js's "<time>\t<id>\tERROR\t") and the error
// object of a failed invocation ("errorMessage", "errorType"). The
// management API's refusal of a change in one of them is the function's
// own call (a custom resource's, a deployer's) refused, which failed the
// function: no sign of what the API's clients got. (A deployment tool's
// output, the CLI's, Terraform's, or a Java tool's stack trace, carries
// none of them.)
var runtimeErrorMarks = []string{"[error]", "error\t", `"errormessage"`, `"errortype"`}

// invokePermissionFor opens the words of a permission for the gateway to
// invoke something: "permission to invoke", and the developer guide's
// "permissions for API Gateway to invoke", "for the API to invoke", "for
// your API to invoke" (the service principal, apigateway.amazonaws.com,
// as the Lambda guide's add-permission names it). The API's own callers'
// permission ("the caller has permission to invoke the API method") names
// the API after the verb, and no rule reads it.
const invokePermissionFor = `permissions? (?:for (?:the |your |an? |our |my )?(?:api ?gateway|apigateway\.amazonaws\.com|(?:rest |http |websocket )?api) )?to invoke `

// quotedFunctionError marks a line where the gateway quotes a function's
// own error: REST's "Lambda execution failed with status 200 due to
// customer function error: ...", its access logs' "Lambda Customer
// Function Error:...", an HTTP API's "The Lambda function returned the
// following error: ...", and the function's error object as the
// integration's answer ("errorMessage"). A role, a token or a signature an
// AWS service refused there is the function's own call's, no credential of
// the gateway's.
var quotedFunctionError = []string{"customer function error", "lambda function returned the following error", `"errormessage"`}

// deploymentRefused marks a CloudFormation stack event that failed (its
// ResourceStatus CREATE_FAILED, UPDATE_FAILED or DELETE_FAILED, and the
// registry resource handlers' "Resource handler returned message: ..."),
// as the console, the CLI, the CDK and SAM print a deployment: an IAM
// denial there is the deployment's own role refused a change, which no
// request met, and names no role or permission of the API's.
var deploymentRefused = []string{"create_failed", "update_failed", "delete_failed", "resource handler returned message"}

// iamUserDenial is the principal of IAM's denial when an IAM user made the
// call ("User: arn:aws:iam::123456789012:user/dev is not authorized to
// perform: ...", the IAM user guide's access-denied messages): a person's
// own CLI or SDK call, or a deployment tool's, from a workstation or CI.
// What the gateway calls with is its service principal or the role the
// integration assumes, an assumed-role session (arn:aws:sts::...:
// assumed-role/...), so outside the gateway's logs such a denial is no
// permission of the API's (the gateway passing a caller's own credentials
// on logs it in its execution log).
const iamUserDenial = ":user/"

// packageNames are the names of software packages and modules, which may
// hold a cause's word without naming the cause: an npm scoped package
// (@scope/name) and the CDK's API Gateway v2 authorizers module as
// TypeScript, Python and Java name it (aws-cdk-lib/aws-apigatewayv2-authorizers,
// aws_cdk.aws_apigatewayv2_authorizers, software.amazon.awscdk.services.apigatewayv2.authorizers).
const packageNames = `@[a-z0-9][\w.-]*/[\w./-]+|[\w./-]*apigatewayv2[-_.]authorizers\b`

// endpointResponseBody opens the execution-log line that quotes the
// integration's answer to the gateway, not the gateway's to its client.
const endpointResponseBody = "endpoint response body before transformations"

// gatewayAnswerPhrases are the reason phrases and bodies of the gateway's
// own 5xx answers, which hold the words "error" and "timeout" without
// being the function's.
const gatewayAnswerPhrases = `internal server errors?|server errors?|bad gateway|service unavailable|gateway time-?outs?|endpoint request timed out`

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
		// the gateway's IncompleteSignatureException for an Authorization
		// header that is no signature, in both of its wordings: "Invalid
		// key=value pair (missing equal-sign) in Authorization header
		// (hashed with SHA-256 and encoded with Base64): '...'" and, for a
		// bearer token, "'<token>' not a valid key=value pair (missing
		// equal-sign) in Authorization header: 'Bearer <token>'."
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
		{lit: "internalservererrorexception", implied: implied5xx},
		// the error type header of the gateway's own 4xx answers, as a client
		// shows it ("x-amzn-ErrorType: ForbiddenException"; errorTypeNamed)
		{lit: "x-amzn-errortype", re: errorTypeNamed + `(forbidden|accessdenied|missingauthenticationtoken)exception`, cause: CauseNot5xx, weight: wWeak, implied: 403},
		{lit: "x-amzn-errortype", re: errorTypeNamed + `unauthorizedexception`, cause: CauseNot5xx, weight: wWeak, implied: 401},
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
		{lit: "access-control-allow-", re: `access-control-allow-origin.? header (?:has a value|contains multiple values)|header in the response must not be the wildcard|is not allowed by access-control-allow-(?:headers|methods) in preflight response`, cause: CauseNot5xx, weight: wWeak, implied: impliedBelow500},
		{lit: "cors header", re: `cors header .access-control-allow-origin. does not match|did not find method in cors header|missing token .* in cors header`, cause: CauseNot5xx, weight: wWeak, implied: impliedBelow500},
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
		// $context.error.messageString an authorizer failure leaves empty
		{lit: `"message"`, re: `\{\s*"message"\s*:\s*null\s*\}`, cause: CauseAuthorizerError, weight: wHint, implied: 500},
		// a web framework in the function caught the error and answered
		// 500 itself (Chalice's body)
		{lit: `"code"`, re: `"code"\s*:\s*"internalservererror"\s*,\s*"message"\s*:\s*"an internal server error occurred`, cause: CauseLambdaFunctionError, weight: wHint, implied: 500},
		// Chalice's answer, with its own error code, when a view raises
		// ChaliceViewError (its early releases answered every uncaught
		// exception so); a code no other software prints
		{lit: "chaliceviewerror", re: `"code"\s*:\s*"chaliceviewerror"`, cause: CauseLambdaFunctionError, weight: wHint, implied: 500},
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
