package classifier

// functionRules recognise what a function's own log shows when it failed,
// in the words of each Lambda runtime and of the libraries that adapt the
// gateway's event. They name lambda_function_error weakly (a more precise
// line, a runtime's own error type or the gateway's message, outweighs
// them), and never on a client's line: a client's HTTP library prints its
// own exceptions about the answer it got.
func functionRules() []ruleSpec {
	var all []ruleSpec
	for _, part := range [][]ruleSpec{runtimeTraceRules(), eventShapeRules(), connectionsAPIRules(), serviceCallRules(), timeoutWarningRules(), longTimeoutRules(), quotedEndRules(), adapterRules(), invokeResponseRules()} {
		all = append(all, part...)
	}
	return all
}

// runtimeTraceRules are the unhandled-error reports of the runtimes whose
// traces the generic rules (errorType, Traceback, Java class names) miss:
// .NET's "Unhandled exception. System.NullReferenceException", Go's
// "panic: runtime error" and goroutine dump (aws-lambda-go turns a panic
// into a function error; a custom runtime's exit is a crash, which its
// "Runtime exited" line names more strongly), Rust's "thread 'main'
// panicked at", Ruby's NoMethodError and PHP's fatal errors. The Lambda
// guide answers them all the same way: the invocation failed with a
// function error, and API Gateway answers REST 502, HTTP API 500.
func runtimeTraceRules() []ruleSpec {
	fn := CauseLambdaFunctionError
	rules := []ruleSpec{
		{lit: "system.", re: `\bsystem\.(?:[a-z]+\.)*[a-z]*exception\b`, cause: fn, weight: wWeak, layers: gatewayLogs},
		{lit: "unhandled exception.", cause: fn, weight: wWeak, layers: gatewayLogs},
		{lit: "object reference not set to an instance of an object", cause: fn, weight: wWeak, layers: gatewayLogs},
		{lit: "panic: ", cause: fn, weight: wWeak, layers: gatewayLogs},
		{lit: "goroutine ", re: `goroutine \d+ \[running\]`, cause: fn, weight: wWeak, layers: gatewayLogs},
		{lit: "nil pointer dereference", cause: fn, weight: wWeak, layers: gatewayLogs},
		// Go's net.OpError for a connection or a read whose deadline passed
		// ("dial tcp 10.0.0.5:5432: i/o timeout", "read tcp
		// 10.0.1.7:41234->10.0.0.5:5432: i/o timeout"): in the function's
		// own log, a dependency that did not answer in time
		{lit: ": i/o timeout", re: `\b(?:dial|read|write) (?:tcp|udp)[46]? \S+: i/o timeout`, cause: fn, weight: wWeak, layers: layersOf(LayerFunction)},
		{lit: "panicked at", cause: fn, weight: wWeak, layers: gatewayLogs},
		{lit: "nomethoderror", cause: fn, weight: wWeak, layers: gatewayLogs},
		{lit: "undefined method `", cause: fn, weight: wWeak, layers: gatewayLogs},
		{lit: "php fatal error", cause: fn, weight: wWeak, layers: gatewayLogs},
		// swift-aws-lambda-runtime's LambdaRunner logs the error the
		// handler returned before it reports it to the runtime API
		{lit: "lambda handler returned an error: ", cause: fn, weight: wWeak, layers: gatewayLogs},
		{lit: "fatal error: uncaught", cause: fn, weight: wWeak, layers: gatewayLogs},
		// a frame of a stack in the function's package (/var/task, a
		// layer's /opt), which only an exception the function raised
		// leaves, as a paste may hold it without the exception's own line:
		// Python's traceback frame (also escaped in an error object's
		// stackTrace) and Node.js's ("at fn (/var/task/index.js:3:30)",
		// "at file:///var/task/index.mjs:3:30"); a script's on a
		// developer's machine names another path
		{lit: `", line `, re: `file \\?"/(?:var/task|opt)/[^"\\]+\\?", line \d+, in `, cause: fn, weight: wWeak, layers: gatewayLogs},
		{lit: "/var/task/", re: `\bat (?:[^\s(]+ \()?(?:file://)?/var/task/[^\s:()]+:\d+:\d+`, cause: fn, weight: wWeak, layers: gatewayLogs},
		// (and Ruby's backtrace line, "/var/task/app.rb:12:in 'handler'",
		// and PHP's trace line, "#0 /var/task/src/Handler.php(42): ...")
		{lit: "/var/task/", re: `/var/task/\S+\.rb:\d+:in [\x60']|#\d+ /var/task/\S+\.php\(\d+\): `, cause: fn, weight: wWeak, layers: gatewayLogs},
		// any exception a function's line opens with, an AWS SDK's among
		// them ("ValidationException: One or more parameter values were
		// invalid", "ConditionalCheckFailedException: ..."): the function's
		// call failed, whichever service answered it
		// (and as .NET's Exception.ToString() writes an ExternalException or
		// a SocketException, its code in parentheses after the type:
		// "Npgsql.NpgsqlException (0x80004005): ...")
		{lit: "exception:", re: `^[a-z]+(?:\.[a-z]+)*exception:`, cause: fn, weight: wWeak, layers: layersOf(LayerFunction)},
		{lit: "exception (", re: `^(?:unhandled exception\. )?[a-z]+(?:\.[a-z]+)*exception \((?:0x[0-9a-f]{8}|\d+)\): `, cause: fn, weight: wWeak, layers: layersOf(LayerFunction)},
	}
	return append(rules, uncaughtErrorRules()...)
}

// uncaughtErrorRules are the line each runtime opens an uncaught error
// with, as the function's log shows it: the error's class name, a colon and
// its message. Node.js prints Error.prototype.toString ("Name: message")
// above its frames ("MongoServerError: bad auth"), Python the last line of
// its traceback ("botocore.errorfactory.ResourceNotFoundException: ...",
// "ValueError: ..."), Ruby Exception#full_message's class and message
// ("Errno::ECONNREFUSED: Connection refused", a namespaced class name
// whatever its suffix, and what Jets' Node.js shim rethrows it as,
// "RubyError: ..."), and Ruby's interpreter, for an exception nothing
// rescued, the first frame with the message and the class in parentheses
// ("app.rb:3:in `handler': boom (RuntimeError)"). Only on the function's
// own layer: a client's and a person's lines say the same of other things.
func uncaughtErrorRules() []ruleSpec {
	fn := CauseLambdaFunctionError
	own := layersOf(LayerFunction)
	return []ruleSpec{
		{lit: "error:", re: `^[a-z_$][\w$]*(?:(?:\.|::)[a-z_$][\w$]*)*error: `, cause: fn, weight: wWeak, layers: own},
		// (a Ruby class by its namespace and a name that says it is an
		// error: Errno::E*, *Error, *Exception, Net::ReadTimeout,
		// ActiveRecord::RecordNotFound, the AWS SDK for Ruby's
		// Aws::<Service>::Errors::*; not a module path a Rust logger
		// opens its lines with)
		{lit: "::", re: `^` + rubyErrorClass, cause: fn, weight: wWeak, layers: own},
		// Node.js's errors with a code (lib/internal/errors.js: "name
		// [code]: message"), which the named errors' "TypeError:" form
		// misses: "TypeError [ERR_INVALID_URL]: Invalid URL", "Error
		// [ERR_STREAM_PREMATURE_CLOSE]: Premature close"; the codes that
		// name a module the package lacks outweigh them
		{lit: " [err_", re: `\b[a-z]*error \[err_[a-z0-9_]+\]: `, cause: fn, weight: wWeak, layers: gatewayLogs},
		{lit: ".rb:", re: `\.rb:\d+:in [\x60'][^']*': .* \([a-z]\w*(?:::[a-z]\w*)*\)$`, cause: fn, weight: wWeak, layers: own},
	}
}

// serviceCallRules are DynamoDB refusing a request it cannot read
// (ValidationException), in the messages AWS documents for it: a key that
// does not match the table's key schema (the Knowledge Center's "provided
// key element does not match the schema" article: a wrong key type or
// name, a missing sort key, an extra key), a parameter value it rejects
// (DynamoDB's "One or more parameter values were invalid: ...") and an
// attribute name that is a reserved word in an expression (the DynamoDB
// guide's expression attribute names page: "Attribute name is a reserved
// keyword"). Outside the gateway's logs only a function makes that call,
// so they are its error, whether its log or a person quoting it shows them;
// in the gateway's logs the same messages are a service integration's
// request template (serviceIntegrationRules), which outweighs these, and
// so is a line that names the integration or its template. A client's
// line is a script or the CLI calling DynamoDB itself.
func serviceCallRules() []ruleSpec {
	fn := CauseLambdaFunctionError
	callers := notGateway &^ layersOf(LayerAccess, LayerClient, LayerCDN)
	integration := []string{"mapping template", "request template", "vtl"}
	call := func(lit string) ruleSpec {
		return ruleSpec{lit: lit, cause: fn, weight: wWeak, unless: "integration", unlessAlso: integration, layers: callers}
	}
	return append([]ruleSpec{
		call("provided key element does not match the schema"),
		call("one or more parameter values were invalid"),
		call("attribute name is a reserved keyword"),
		// IAM's denial of an assumed role's session other than the
		// gateway's: API Gateway assumes an integration's role as
		// BackplaneAssumeRoleSession, which stays the gateway's
		// (credentials_role_error). Any other session outside the
		// gateway's logs is a caller's own, a Lambda function's most often
		// (Lambda names the session after the function, whatever the role
		// is called: the Serverless Framework's ...-lambdaRole, Amplify's
		// ...LambdaRole..., a CDK construct's ...ServiceRole... cut to 64
		// characters): its call lacked the action, which outweighs the
		// credentials_role_error the same words give. A deployment's
		// refusal is its own look-alike.
		{lit: "is not authorized to perform:", re: `assumed-role/[\w+=,.@-]+/[\w+=,.@-]+ is not authorized to perform:`, cause: fn, weight: 60, unless: "backplaneassumerolesession", unlessAlso: append([]string{"sts:assumerole", "execute-api:invoke"}, deploymentRefused...), layers: callers},
		// The same denial after an AWS SDK's exception name
		// ("AccessDeniedException: User: arn:aws:sts::...", the AWS SDK for
		// JavaScript's name and message; "DynamoDbException: User: ...", the
		// Java SDK's class without its "(Service: ...)" tail), also where a
		// person cut the role's session out or the line wraps before "is not
		// authorized": an SDK client made the call, and the gateway's logs
		// quote a service's refusal of its own call as the service's JSON,
		// not as an exception. Not "InvalidParameterException:
		// USER_PASSWORD_AUTH ...": the denial's "User:" opens the message.
		{lit: "exception: user", re: `exception: user(?:: \S*(?:arn:aws|assumed-role/)| is not authorized to perform:)`, cause: fn, weight: 60, unless: "backplaneassumerolesession", unlessAlso: append([]string{"sts:assumerole", "execute-api:invoke"}, deploymentRefused...), layers: callers},
	}, sdkCallRules()...)
}

// sdkCallRules: an AWS SDK's error for a call to an AWS service, on the
// function's own line (no SDK client calls an API's routes): botocore's
// ClientError ("An error occurred (ResourceNotFoundException) when calling
// the GetItem operation: ..."), smithy-go's OperationError for
// aws-sdk-go-v2 ("operation error DynamoDB: GetItem, https response error
// StatusCode: 400, ..."), aws-sdk-go's RequestFailure ("status code: 400,
// request id: ..."), the AWS SDK for Java 2.x's ("(Service: DynamoDb,
// Status Code: 400, Request ID: ...)") and the AWS SDK for PHP's ("AWS
// HTTP error: ..."). The function's dependency failed; the service's
// throttling, which its own rule reads, outweighs them.
func sdkCallRules() []ruleSpec {
	fn := CauseLambdaFunctionError
	own := layersOf(LayerFunction)
	return []ruleSpec{
		{lit: "when calling the ", re: `an error occurred \([\w.]+\) when calling the \w+ operation`, cause: fn, weight: wWeak, layers: own},
		{lit: "operation error ", re: `\boperation error [a-z0-9 ]+: [a-z0-9]+, `, cause: fn, weight: wWeak, layers: own},
		{lit: ", request id: ", re: `status code: \d{3}, request id: `, cause: fn, weight: wWeak, layers: own},
		{lit: "aws http error: ", cause: fn, weight: wWeak, layers: own},
	}
}

// timeoutWarningRules are the warnings error monitors raise inside the
// function when its deadline is near (a timer set from the context's
// remaining time): Sentry's ServerlessTimeoutWarning ("WARNING : Function
// is expected to get timed out. Configured timeout duration = N seconds.",
// sentry-python's, sentry-javascript's and sentry-ruby's Lambda
// integrations) and the newer JavaScript SDK's "Possible function timeout:
// NAME" message, and Bugsnag's LambdaTimeoutApproaching ("Lambda will
// timeout in Nms", bugsnag-js's plugin-aws-lambda and bugsnag-python's
// Lambda integration), which other wrappers word alike ("Lambda will
// timeout in 100 ms"). The handler may still finish in the time left, so
// they only hint at the function's timeout, below Lambda's own "Task timed
// out" and any line naming another failure; a client's line never shows
// them.
func timeoutWarningRules() []ruleSpec {
	to := CauseLambdaFunctionTimeout
	return []ruleSpec{
		{lit: "function is expected to get timed out", cause: to, weight: wHint, layers: gatewayLogs},
		{lit: "possible function timeout:", cause: to, weight: wHint, layers: gatewayLogs},
		{lit: "lambda will timeout in ", re: `lambda will timeout in \d+ ?ms\b`, cause: to, weight: wHint, layers: gatewayLogs},
		{lit: "lambdatimeoutapproaching", cause: to, weight: wHint, layers: gatewayLogs},
	}
}

// longTimeoutRules: Lambda's "Task timed out after N seconds" for a
// function allowed more time than the gateway waits for its integration
// (the API Gateway guide's quotas: 29 seconds for a REST API's
// integrations, 30 seconds at most for an HTTP API's). The gateway had
// already answered the client with its own timeout (REST 504, HTTP API
// 503) while the function still ran, so the integration timeout is what
// failed the request; it outweighs the function-timeout rule that reads
// the same line. Lambda prints the seconds with two decimals; 31 and up
// is past both default limits. The timeout is configurable (50 ms up, and
// past 29 s on a Regional or private REST API: 4_decide_timeout.go), so
// when the stage's is known the seconds are compared with it instead
// (outlivedWait). A REST API whose quota was raised past the limit
// answers the function's timeout with 502, which the decision reads back
// as the function's own.
func longTimeoutRules() []ruleSpec {
	return []ruleSpec{
		{lit: "task timed out after ", re: `task timed out after (?:3[1-9]|[4-9]\d|[1-9]\d{2,})\.\d+ seconds`, cause: CauseIntegrationTimeout, weight: 86, outlived: true},
	}
}

// quotedEndRules: Lambda's own words for an invocation it ended, as the
// execution log quotes the error object Lambda answered the gateway with
// (its "Endpoint response body before transformations"): the function's
// timeout ("Task timed out after N seconds") and its memory running out
// ("Runtime exited with error: signal: killed", Runtime.OutOfMemory). A
// REST API of 2017 and 2018 read that object as the function's answer and
// logged "Execution failed due to configuration error: Malformed Lambda
// proxy response" after it (the 502s of aws-lambda-go issue 72 and of
// timed-out functions' execution logs then); the function never answered,
// so these outweigh the malformed response, as the rules for an invocation
// Lambda refused do (lambdaRules). Only on the gateway's lines: elsewhere
// the runtime rules read the same words at their own weights. Not an
// authorizer's answer ("Authorizer result body before parsing"): an
// authorizer that failed, whatever its error, is the authorizer's error.
// Lambda discarding an answer over its 6 MB payload limit is the same: the
// error object is Lambda's (Function.ResponseSizeTooLarge, "Response
// payload size exceeded maximum allowed payload size (6291556 bytes).", and
// the errorMessage Lambda used before it, "body size is too long"), the
// function's answer never reached the gateway.
func quotedEndRules() []ruleSpec {
	gw := layersOf(LayerGateway)
	const authorizer = "authorizer result"
	return []ruleSpec{
		{lit: "task timed out after ", cause: CauseLambdaFunctionTimeout, weight: 99, unless: authorizer, layers: gw},
		{lit: "signal: killed", cause: CauseLambdaOutOfMemory, weight: 99, unless: authorizer, layers: gw},
		{lit: "runtime.outofmemory", cause: CauseLambdaOutOfMemory, weight: 99, unless: authorizer, layers: gw},
		{lit: "function.responsesizetoolarge", cause: CauseLambdaPayloadTooLarge, weight: 99, unless: authorizer, layers: gw},
		{lit: "response payload size exceeded", cause: CauseLambdaPayloadTooLarge, weight: 99, unless: authorizer, layers: gw},
		{lit: "body size is too long", cause: CauseLambdaPayloadTooLarge, weight: 99, unless: authorizer, layers: gw},
	}
}

// eventShapeRules are a function failing to read the event the gateway
// sent: the payload format version of an HTTP API (1.0 or 2.0) and the
// event type the function or its adapter reads disagree, or a proxy
// adapter got a non-proxy event. The function throws before it answers,
// which is a function error (the HTTP API guide: the payload format
// version decides the shape of the event). The wordings are the runtimes'
// deserialisers (Go's encoding/json, .NET's Amazon.Lambda.Serialization,
// Rust's serde through lambda_http and lambda-web) and the Java
// container's.
func eventShapeRules() []ruleSpec {
	fn := CauseLambdaFunctionError
	return []ruleSpec{
		{lit: "cannot unmarshal", re: `cannot unmarshal \w+ into go (?:struct field|value)`, cause: fn, weight: wHint, layers: gatewayLogs},
		{lit: "error converting the lambda event json payload", cause: fn, weight: wHint, layers: gatewayLogs},
		{lit: "not a valid request from amazon api gateway", cause: fn, weight: wHint, layers: gatewayLogs},
		{lit: "expects a json payload from amazon api gateway", cause: fn, weight: wHint, layers: gatewayLogs},
		// serde's refusal of an event no variant of lambda_http's
		// LambdaRequest (the Rust runtime's README: "data did not match any
		// variant of untagged enum LambdaRequest") or of the lambda-web
		// crate's LambdaHttpEvent reads
		{lit: "did not match any variant of untagged enum", re: `did not match any variant of untagged enum lambda(?:request|httpevent)\b`, cause: fn, weight: wHint, layers: gatewayLogs},
		{lit: "missing field", re: "missing field `(?:httpmethod|requestcontext|resource|path|rawpath|routekey|version|headers|body)`", cause: fn, weight: wHint, layers: gatewayLogs},
	}
}

// connectionsAPIRules: a WebSocket API's backend answers its clients
// through the @connections management API (PostToConnection,
// GetConnection, DeleteConnection), which only the backend calls. Its
// errors are the function failing on a dependency: a connection already
// gone (GoneException, or one not yet open during $connect), an endpoint
// built with the wrong stage or domain ("No method found matching route
// .../@connections/...") or none at all (botocore's generic execute-api
// host, which it cannot connect to), or a role without
// execute-api:ManageConnections (which outweighs the generic "is not
// authorized to perform" of a role the gateway assumes).
func connectionsAPIRules() []ruleSpec {
	fn := CauseLambdaFunctionError
	return []ruleSpec{
		// (not the AWS CLI's own line, cliCallRefused: a person trying the
		// API from their machine)
		{lit: "when calling the", re: `when calling the (?:posttoconnection|getconnection|deleteconnection) operation`, cause: fn, weight: wHint, except: cliCallRefused},
		{lit: "@connections", re: `no method found matching route \S*@connections`, cause: fn, weight: wHint},
		// botocore's EndpointConnectionError ("Could not connect to the
		// endpoint URL: \"{endpoint_url}\"", botocore/exceptions.py) for
		// the management API's path: a client made without the API's own
		// endpoint_url reaches no API at all
		{lit: "@connections", re: `could not connect to the endpoint url: "[^"]*/@connections/`, cause: fn, weight: wHint},
		{lit: "execute-api:manageconnections", cause: fn, weight: 60},
	}
}

// invokeResponseRules: the Lambda Invoke API's answer for a function that
// failed, as the AWS CLI prints it (aws lambda invoke writes the response's
// "FunctionError": "Unhandled" beside "StatusCode": 200), and the Node.js
// runtime's error record as its log holds it (the runtime interface
// client's Errors.js: the error's stack split into lines under "stack",
// the first the error's "Name: message"), which a paste may cut before
// its errorType and errorMessage fields, which the generic rules read.
func invokeResponseRules() []ruleSpec {
	return []ruleSpec{
		{lit: `"functionerror"`, re: `"functionerror"\s*:\s*"unhandled"`, cause: CauseLambdaFunctionError, weight: wHint},
		{lit: `"stack"`, re: `"stack"\s*:\s*\[\s*"(?:[a-z_$][\w$.]*)?(?:error|exception)(?: \[err_[a-z0-9_]+\])?: `, cause: CauseLambdaFunctionError, weight: 45},
	}
}
