package classifier

// When the gateway could not invoke the function at all (permission denied,
// role not assumable, throttled, wrong method), the "Malformed Lambda proxy
// response" it logs next is a consequence: it read Lambda's error as the
// function's answer. Those rules outweigh it (99 and 100 against 98).
func lambdaRules() []ruleSpec {
	return []ruleSpec{
		{lit: "malformed lambda proxy response", cause: CauseLambdaMalformedProxyResponse, weight: wMalformedMessage},
		// the message ends the execution log's "Execution failed due to
		// configuration error: Malformed Lambda proxy response", which
		// fails the request ("Method completed with status: 502" after it,
		// the knowledge-center article malformed-502-api-gateway): quoted
		// alone it still shows the request failed, as "Execution failed
		// due to" does (not in the function's own log)
		{lit: "malformed lambda proxy response", implied: implied5xx, layers: notFunction},
		// (not an HTTP API's IAM authorization refusing a request that is
		// not signed, which gatewayRefusalRules read: the request, not the
		// function's answer, is what did not match)
		{lit: "match the format", re: `(doesn'?t|does not|did not) match the (expected )?format`, cause: CauseLambdaMalformedProxyResponse, weight: wSpecific, unless: iamAuthorizerRequest},
		{lit: "wrong type for field", cause: CauseLambdaMalformedProxyResponse, weight: wSpecific},
		// the HTTP API's words for the same refusal: it fails the request
		// (500 with {"message":"Internal Server Error"} in the developer
		// guide's troubleshooting page), so quoted alone, outside the
		// function's own log, it shows a 5xx as the REST message does
		{lit: string(httpAPIResponseShape[0]), implied: implied5xx, layers: notFunction},
		{lit: string(httpAPIResponseShape[1]), implied: implied5xx, layers: notFunction},
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
		// (nor, outside the gateway's logs and the function's, an AWS SDK's
		// error for its caller's own Invoke call, notTheGatewaysCall: one
		// function invoking another, a script; in the function's log it is
		// its own call failing, which inFunction reads)
		{lit: "perform: lambda:invokefunction", cause: CauseLambdaInvokePermission, weight: 99, unless: iamUserDenial, unlessAlso: deploymentRefused, layers: layersOf(LayerFunction)},
		{lit: "perform: lambda:invokefunction", cause: CauseLambdaInvokePermission, weight: 99, unless: iamUserDenial, unlessAlso: notTheGatewaysCall, layers: notGatewayLogged &^ layersOf(LayerFunction)},
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
		// the Lambda guide's "Permission is denied" errors (troubleshooting
		// deployment: "[Errno 13] Permission denied: '/var/task/function.py'",
		// "EACCES: permission denied, open '/var/task/index.js'"), also
		// without the path; not for a path outside the package (the
		// function's own file under /tmp, a home directory it tried to
		// create, an EFS mount) nor a socket it may not open (Node.js's
		// "listen EACCES: permission denied 0.0.0.0:80"): the function's
		// error, which its log's error shapes read
		{lit: "[errno 13] permission denied", cause: CauseLambdaPackagePermission, weight: wExplicit, unlessAlso: outsidePackage},
		{lit: "permission denied", re: `permission denied[^/]{0,20}/(var/task|opt)/`, cause: CauseLambdaPackagePermission, weight: 90},
		// (a word: "ResourceAccessException" holds the letters)
		{lit: "eacces", re: `\beacces\b`, cause: CauseLambdaPackagePermission, weight: 85, unlessAlso: append(socketDenied, outsidePackage...)},
		{lit: "runtime.handlernotfound", cause: CauseLambdaHandlerMisconfigured, weight: 90},
		{lit: "missing on module", cause: CauseLambdaHandlerMisconfigured, weight: 90},
		{lit: "is undefined or not exported", cause: CauseLambdaHandlerMisconfigured, weight: 90},
		{lit: "runtime.importmoduleerror", cause: CauseLambdaHandlerMisconfigured, weight: wStrong},
		// (the error types without the runtime's prefix, as people name
		// them: no other runtime or language has these names)
		{lit: "importmoduleerror", re: `\bimportmoduleerror\b`, cause: CauseLambdaHandlerMisconfigured, weight: wSpecific},
		{lit: "usercodesyntaxerror", re: `\busercodesyntaxerror\b`, cause: CauseLambdaHandlerMisconfigured, weight: 65},
		{lit: "unable to import module", cause: CauseLambdaHandlerMisconfigured, weight: 85},
		{lit: "class not found:", cause: CauseLambdaHandlerMisconfigured, weight: 85},
		{lit: "no public method named", cause: CauseLambdaHandlerMisconfigured, weight: wSpecific},
		{lit: "cannot find module", cause: CauseLambdaHandlerMisconfigured, weight: 70},
		{lit: "no module named", cause: CauseLambdaHandlerMisconfigured, weight: 70},
		// Python refusing a relative import at the top of the handler's
		// module, which the runtime imports as a top-level module, not as
		// part of its package ("attempted relative import with no known
		// parent package"; Python 2's "Attempted relative import in
		// non-package", after Lambda's "module initialization error: ")
		{lit: "attempted relative import", cause: CauseLambdaHandlerMisconfigured, weight: 70},
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
		// V8's refusal of a module's own keyword in a file loaded as a
		// script ("SyntaxError: Unexpected token 'export'", Node.js 8's
		// "Unexpected token import"): an ES module bundle the runtime
		// loaded as CommonJS. Not a browser's console (a page's script
		// without type="module" fails so), whose line is the client's; not
		// JSON.parse's, which names one character ("Unexpected token 'e',
		// \"export\"... is not valid JSON")
		{lit: "unexpected token ", re: `syntaxerror: unexpected token '?(?:export|import)\b`, cause: CauseLambdaHandlerMisconfigured, weight: wLikely, layers: gatewayLogs},
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
		// (an HTTP API's "The Lambda function returned the following error";
		// a person's "the Lambda function returned 'Internal server error'"
		// says what the client got, not that the function failed)
		{lit: "lambda function returned", cause: CauseLambdaFunctionError, weight: 60, layers: allLayers &^ personLayers},
		{lit: "lambda function returned", re: `lambda function returned (?:the following |an? )?(?:errors?|exceptions?)\b`, cause: CauseLambdaFunctionError, weight: 60, layers: personLayers},
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
		// the same key unquoted: Node.js's util.inspect of the error
		// object, as console.log prints it ("{ errorType: 'TypeError',
		// errorMessage: ... }"), and people writing its fields in YAML
		// (not the gateway's x-amzn-ErrorType header)
		{lit: "errortype: ", re: `(?:^|[\s{,])errortype: '?[a-z_$][\w.$<>]*`, cause: CauseLambdaFunctionError, weight: 45, except: `errortype: '?internalservererrorexception`},
		// (not a script's own traceback on a developer's machine: isClientFrame)
		{lit: "traceback (most recent call last)", cause: CauseLambdaFunctionError, weight: 45, layers: gatewayLogs},
		{lit: "invoke error", cause: CauseLambdaFunctionError, weight: 45},
		{lit: "uncaught exception", cause: CauseLambdaFunctionError, weight: 45},
		// (not Safari's console opening a fetch the browser failed:
		// "Unhandled Promise Rejection: TypeError: Load failed", the
		// client's request without an answer: clientFetchFailed)
		{lit: "unhandled promise rejection", except: `unhandled promise rejection: typeerror: (?:load failed|failed to fetch)\b`, cause: CauseLambdaFunctionError, weight: 45},
		{lit: "exception", re: `\b(java|javax|software|com|org|net)\.[\w.$]+(exception|error)\b`, cause: CauseLambdaFunctionError, weight: wWeak, layers: gatewayLogs},
		// (the JVM's Errors, StackOverflowError and the like, hold no "exception")
		{lit: "java.", re: `\bjava\.[\w.$]+error\b`, cause: CauseLambdaFunctionError, weight: wWeak, layers: gatewayLogs},
		// (not after "aws: ", AWS CLI v2's opening of its own error:
		// cliCallRefused; nor a client's line, Safari's console opening
		// what the browser failed to load with "[Error]")
		// (nor a CI runner's annotation, GitHub Actions' "##[error]Process
		// completed with exit code 1": a build's step, not a function)
		{lit: "[error]", re: `\[error\]`, notAfter: "aws: ", except: `##\[error\]`, cause: CauseLambdaFunctionError, weight: wWeak, layers: gatewayLogs},
		// a logger's level word opening a line of the function's own log
		{lit: "error", re: `^(?:error|fatal|critical)[: \t]`, cause: CauseLambdaFunctionError, weight: wWeak, layers: layersOf(LayerFunction)},
		// the Node.js runtime's level column, and the exceptions that
		// JavaScript and Python functions raise
		{lit: "\terror\t", cause: CauseLambdaFunctionError, weight: wWeak},
		// the same column with its tabs pasted as runs of spaces (a rendered
		// page copied), after the request id as the runtime writes it; one
		// space is a Java logger's pattern too ("<id> ERROR WsClient - ..."),
		// which logs what the function handled
		{lit: "  error  ", re: requestIDPattern + ` {2,}error {2,}\S`, cause: CauseLambdaFunctionError, weight: wWeak, layers: layersOf(LayerFunction)},
		// .NET's (Amazon.Lambda.RuntimeSupport's DefaultLogMessageFormatter
		// labels Error "fail" and Critical "crit", as
		// Microsoft.Extensions.Logging's console does), after the request id
		{lit: "\tfail\t", cause: CauseLambdaFunctionError, weight: wWeak, layers: layersOf(LayerFunction)},
		{lit: "\tcrit\t", cause: CauseLambdaFunctionError, weight: wWeak, layers: layersOf(LayerFunction)},
		// and Ruby's Logger's (the runtime interface client's LogFormatter:
		// "E, [time #pid] ERROR <request id> -- : message")
		{lit: "] error ", re: `^e, \[[^\]]+\] error `, cause: CauseLambdaFunctionError, weight: wWeak, layers: layersOf(LayerFunction)},
		{lit: "] fatal ", re: `^f, \[[^\]]+\] fatal `, cause: CauseLambdaFunctionError, weight: wWeak, layers: layersOf(LayerFunction)},
		// (not on a client's line: a browser's "TypeError: Failed to fetch" is
		// its own request failing)
		{lit: "error:", re: `\b(type|reference|range|syntax|uri|eval|key|value|attribute|index|name|zerodivision|assertion|unboundlocal|lookup|runtime|recursion|overflow|notimplemented|jsondecode|unicodedecode)error:`, cause: CauseLambdaFunctionError, weight: wWeak, layers: gatewayLogs},
		// and V8's TypeError messages quoted without their "TypeError:"
		// ("Cannot read properties of undefined (reading 'indexOf')", "{
		// error: 'Cannot convert undefined or null to object' }"), which
		// only a JavaScript program's failure words so
		{lit: "cannot ", re: `\bcannot (?:read|set) propert(?:y|ies) (?:['"\x60]?[\w$.]+['"\x60]? )?of (?:undefined|null)\b|\bcannot convert undefined or null to object\b|\bcannot destructure property\b`, cause: CauseLambdaFunctionError, weight: wWeak, layers: gatewayLogs},
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
		// (and a layer's, the second place Lambda looks: "Couldn't find
		// valid bootstrap(s): [/var/task/bootstrap /opt/bootstrap]", a
		// runtime delivered as a layer, as Bref's and the community
		// runtimes' are)
		{lit: "fork/exec /opt/bootstrap:", cause: CauseLambdaRuntimeCrash, weight: 85},
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
		// (above a timeout of the same invocation: a binary that could not
		// be started leaves a wrapper waiting for it until the function's
		// timeout, which is the failure's consequence, not its cause)
		{lit: "exec format error", cause: CauseLambdaRuntimeCrash, weight: 86},
		{lit: "runtime.exiterror", cause: CauseLambdaRuntimeCrash, weight: 72},
		{lit: "segmentation fault", cause: CauseLambdaRuntimeCrash, weight: 70},
		{lit: "init_report", re: `init_report.*status: error`, cause: CauseLambdaRuntimeCrash, weight: 70},
		{lit: "extension.crash", cause: CauseLambdaRuntimeCrash, weight: wLikely},
		// the platform's line for a process that ended without "Runtime
		// exited with error" (read above): the go1.x runtime's and an
		// extension's "RequestId: ... Error: exit status 2"; not a bare
		// "exit status", which a CI job, a test runner or a command the
		// function ran ends with too
		{lit: "exit status", re: `requestid: \S+ error: exit status \d+`, cause: CauseLambdaRuntimeCrash, weight: 60},
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
		{lit: "toomanyrequestsexception", re: `toomanyrequestsexception`, notAfter: "429 ", cause: CauseLambdaThrottled, weight: 85, unlessAlso: append(append([]string{"too many requests", "amazonapigateway"}, errorTypeShown...), controlPlaneShown...)},
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
		// .NET's runtime writes the function's answer into an unmanaged
		// buffer of the limit's size, whose stream refuses what goes past
		// it: "Unable to expand length of this stream beyond its capacity.:
		// NotSupportedException at System.IO.UnmanagedMemoryStream.Write".
		// (A fixed MemoryStream of the function's own says "Memory stream
		// is not expandable" instead.)
		{lit: "unable to expand length of this stream beyond its capacity", cause: CauseLambdaPayloadTooLarge, weight: 85},
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

// outsidePackage are the paths outside the deployment package (/var/task)
// and its layers (/opt), as error messages quote them (after a quote or a
// space): in the execution environment /tmp, the only writable one, a
// home directory a library tries to create, an EFS file system's /mnt
// mount, the kernel's and the system's files; on the machine that builds
// and deploys the package, /usr (npm's global installs: "npm ERR! Error:
// EACCES: permission denied, access '/usr/local/lib/node_modules'", npm's
// docs' "Resolving EACCES permissions errors"), a macOS home or temporary
// folder, Docker's /var/lib and a Windows drive. A permission denied on
// one of them is the function's own doing or the build's, not the
// package's modes.
var outsidePackage = func() []string {
	var out []string
	for _, root := range []string{"/tmp/", "/tmp'", "/home/", "/mnt/", "/dev/", "/proc/", "/sys/", "/etc/", "/root/",
		"/usr/", "/users/", "/var/folders/", "/var/lib/", `c:\`} {
		for _, open := range []string{"'", `"`, " ", "‘"} {
			out = append(out, open+root)
		}
	}
	return out
}()

// socketDenied are Node.js's EACCES for a socket (libuv's "listen EACCES:
// permission denied 0.0.0.0:80", "connect EACCES 10.0.0.5:443"): a port
// the function may not bind or an address it may not reach, no file.
var socketDenied = []string{"listen eacces", "connect eacces", "bind eacces"}

// deployOperations are the Lambda API operations that take a deployment
// package, which the Invoke API's size errors name when they refuse one.
var deployOperations = []string{"createfunction", "publishlayerversion"}

// invokePermissionFor opens the words of a permission for the gateway to
// invoke something: "permission to invoke", and the developer guide's
// "permissions for API Gateway to invoke", "for the API to invoke", "for
// your API to invoke" (the service principal, apigateway.amazonaws.com,
// as the Lambda guide's add-permission names it). The API's own callers'
// permission ("the caller has permission to invoke the API method") names
// the API after the verb, and no rule reads it.
const invokePermissionFor = `permissions? (?:for (?:the |your |an? |our |my )?(?:api ?gateway|apigateway\.amazonaws\.com|(?:rest |http |websocket )?api) )?to invoke `
