package classifier

import "testing"

// The forms each Lambda runtime, the Lambda platform and the web adapters
// put in front of a function print when an invocation behind API Gateway
// fails, cause by cause, each row naming the source that writes it. The
// lines are as the function's log shows them (the runtime's own prefix:
// Node.js's "<time>\t<id>\tERROR\t", Python's "[ERROR]", .NET's
// "<time>\t<id>\tfail\t", Go's log.Printf date) or as Lambda returns them
// in its error object. None shows what the API's client got, so the status
// stays unknown unless the row shows it. Negative rows hold the same
// words where they name something else.

const (
	catNodeInvoke = "2024-03-12T10:15:01.123Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\tInvoke Error \t"
	catNetFail    = "2024-03-12T10:15:01.123Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tfail\t"
	catGoLog      = "2024/03/12 10:15:01 "
	catReq        = "RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 "
	catRustErr    = "2024-03-12T10:15:01.123456Z ERROR Lambda runtime invoke{requestId=\"6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\" xrayTraceId=\"Root=1-65f0\"}: "
)

// lambda_function_error: the handler ran and failed.
func TestRuntimeCatalogFunctionError(t *testing.T) {
	checkWordings(t, []wording{
		// aws-lambda-nodejs-runtime-interface-client, CallbackContext.js
		// (postError logs "Invoke Error" with the error object)
		{"node invoke error", catNodeInvoke + `{"errorType":"TypeError","errorMessage":"Cannot read properties of undefined (reading 'id')","stack":["TypeError: Cannot read properties of undefined (reading 'id')","    at Runtime.handler (file:///var/task/index.mjs:3:30)"]}`, wantFnErr, "unknown"},
		// index.mjs: an error nothing caught, and a rejection nothing handled
		{"node uncaught", nodeUncaught + `{"errorType":"Error","errorMessage":"boom","stack":["Error: boom","    at Timeout._onTimeout (/var/task/index.js:4:11)"]}`, wantFnErr, "unknown"},
		// RAPIDClient.js _trySerializeResponse: an answer JSON.stringify refuses
		{"node response not serialisable", catNodeInvoke + `{"errorType":"Error","errorMessage":"Unable to stringify response body","stack":["Error: Unable to stringify response body"]}`, wantFnErr, "unknown"},
		// awslambdaric bootstrap.py handle_event_request, the text log format
		{"python exception", "[ERROR] KeyError: 'body'\nTraceback (most recent call last):\n  File \"/var/task/app.py\", line 8, in lambda_handler\n    data = json.loads(event['body'])", wantFnErr, "unknown"},
		// awslambdaric bootstrap.py log_error, the JSON log format
		{"python exception, json log", `{"timestamp": "2024-03-12T10:15:01Z", "log_level": "ERROR", "errorMessage": "'body'", "errorType": "KeyError", "requestId": "6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11", "stackTrace": ["  File \"/var/task/app.py\", line 8, in lambda_handler\n"]}`, wantFnErr, "unknown"},
		// lambda_literals.py: the warning logged before an unhandled exception
		{"python lambda_warning", "[WARNING]\t2024-03-12T10:15:01.123Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tLAMBDA_WARNING: Unhandled exception. The most likely cause is an issue in the function code. However, in rare cases, a Lambda runtime update can cause unexpected function behavior.", wantFnErr, "unknown"},
		// aws-lambda-java-runtime-interface-client, UserFault.reportableError
		// ("message: class" and the trace) and LambdaErrorConverter
		{"java exception", "Cannot invoke \"String.length()\" because \"s\" is null: java.lang.NullPointerException\njava.lang.NullPointerException: Cannot invoke \"String.length()\" because \"s\" is null\n\tat com.example.Handler.handleRequest(Handler.java:21)", wantFnErr, "unknown"},
		{"java error object", `{"errorMessage":"Index 3 out of bounds for length 3","errorType":"java.lang.ArrayIndexOutOfBoundsException","stackTrace":["com.example.Handler.handleRequest(Handler.java:30)"]}`, wantFnErr, "unknown"},
		// Amazon.Lambda.RuntimeSupport LambdaBootstrap.WriteUnhandledExceptionToLog,
		// DefaultLogMessageFormatter's "fail" level
		{"dotnet unhandled", catNetFail + "System.InvalidOperationException: Sequence contains no elements\n   at System.Linq.ThrowHelper.ThrowNoElementsException()\n   at MyFunction.Function.FunctionHandler(APIGatewayProxyRequest request, ILambdaContext context)", wantFnErr, "unknown"},
		// Amazon.Lambda.Serialization.SystemTextJson DefaultLambdaJsonSerializer.Serialize
		{"dotnet response serialisation", `{"errorType":"JsonSerializerException","errorMessage":"Error converting the response object of type MyFunction.Result from the Lambda function to JSON: A possible object cycle was detected."}`, wantFnErr, "unknown"},
		{"dotnet response serialisation, the message alone", "Amazon.Lambda.Serialization.SystemTextJson.JsonSerializerException: Error converting the response object of type MyFunction.Result from the Lambda function to JSON: A possible object cycle was detected.", wantFnErr, "unknown"},
		// aws-lambda-go invoke_loop.go reportFailure (log.Printf of the error payload)
		{"go error", catGoLog + `{"errorMessage":"record not found","errorType":"errorString"}`, wantFnErr, "unknown"},
		// the go1.x runtime's log of a returned error: message, type, the null trace
		{"go1.x error log", "START RequestId: 8f41435e-5caa-4feb-a1ea-d1f1d6d56811 Version: $LATEST\nBAD REQUEST: errorString null\nEND RequestId: 8f41435e-5caa-4feb-a1ea-d1f1d6d56811", wantFnErr, "unknown"},
		{"go1.x error log, wrapped", "record not found: wrapError null", wantFnErr, "unknown"},
		{"a null that is no error type", "The value of the header is null", "unknown", "unknown"},
		// aws-lambda-go errors.go lambdaPanicResponse
		{"go panic", catGoLog + `{"errorMessage":"runtime error: invalid memory address or nil pointer dereference","errorType":"runtime.Error","stackTrace":[{"path":"github.com/aws/aws-lambda-go@v1.47.0/lambda/errors.go","line":39,"label":"lambdaPanicResponse"}]}`, wantFnErr, "unknown"},
		// aws-lambda-rust-runtime layers/panic.rs (build_panic_diagnostic)
		{"rust panic object", `{"errorType":"&str","errorMessage":"Lambda panicked: called ` + "`Option::unwrap()`" + ` on a ` + "`None`" + ` value"}`, wantFnErr, "unknown"},
		{"rust panic log", catRustErr + "lambda_runtime::layers::panic: user handler panicked error=Any { .. }", wantFnErr, "unknown"},
		{"rust thread panic", "thread 'main' panicked at src/main.rs:21:42:\ncalled `Result::unwrap()` on an `Err` value: MissingField", wantFnErr, "unknown"},
		// layers/api_response.rs: an event the handler's type does not read
		{"rust event deserialisation", catRustErr + "lambda_runtime::layers::api_response: Request payload deserialization into LambdaEvent<T> failed. The handler will not be called. Log at TRACE level to see the payload. error=Error(\"missing field `httpMethod`\", line: 1, column: 220)", wantFnErr, "unknown"},
		// aws_lambda_ric (Ruby): aws_lambda_ric.rb run_user_code, lambda_errors.rb
		{"ruby handler error", "Error raised from handler method\n{\n  \"errorMessage\": \"undefined local variable or method `foo' for main:Object\",\n  \"errorType\": \"Function<NameError>\",\n  \"stackTrace\": [\n    \"/var/task/lambda_function.rb:4:in `lambda_handler'\"\n  ]\n}", wantFnErr, "unknown"},
		// Amazon.Lambda.PowerShellHost PowerShellFunctionHost.LogMessage ("[Error] - ")
		{"powershell error record", "[Error] - Cannot find path '/tmp/report.csv' because it does not exist.", wantFnErr, "unknown"},
		// swift-aws-lambda-runtime's LambdaRunner (logger.warning, through
		// swift-log's StreamLogHandler: "time level label : metadata message")
		{"swift handler error", "2024-03-12T10:15:01+0000 warning Lambda : lifecycleIteration=0 [AWSLambdaRuntimeCore] lambda handler returned an error: connectionRefused", wantFnErr, "unknown"},
		// aws-lambda-go-api-proxy core/types.go NewLoggedError, the adapters' proxyInternal
		{"go api proxy, event", "Could not convert proxy event to request: parse \"https://example.com/%zz\": invalid URL escape \"%zz\"", wantFnErr, "unknown"},
		{"go api proxy, response", "Error while generating proxy response: Status code not set on response", wantFnErr, "unknown"},
		// aws-serverless-express 3 (index.js): the app's socket failed, and the library failed
		{"aws-serverless-express connection", "2019-01-10T12:00:00.000Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR: aws-serverless-express connection error\n2019-01-10T12:00:00.001Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\t{ Error: connect ENOENT /tmp/server0.sock }", wantFnErr, "502"},
		{"aws-serverless-express library", "2019-01-10T12:00:00.000Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR: aws-serverless-express error", wantFnErr, "500"},
		// aws-serverless-java-container LambdaContainerHandler.proxy and AwsProxyExceptionHandler
		{"java container", "ERROR c.a.s.p.internal.LambdaContainerHandler - Error while handling request\njava.lang.IllegalStateException: Failed to load ApplicationContext", wantFnErr, "unknown"},
		{"java container exception handler", "ERROR c.a.s.p.AwsProxyExceptionHandler - Called exception handler for:\njava.lang.NullPointerException", wantFnErr, "unknown"},
		// (negative: a sentence naming the library is no failure of it)
		{"aws-serverless-express named", "We moved from aws-serverless-express error handling to our own middleware last year.", "unknown", "unknown"},
		// Amazon.Lambda.AspNetCoreServer AbstractAspNetCoreFunction
		// the frames of a stack in the function's package (/var/task, a
		// layer's /opt), which only an exception raised in the function
		// leaves: Python's traceback frames, as printed and as an error
		// object's stackTrace holds them, and Node.js's
		{"python frames", "  File \"/var/task/app.py\", line 46, in __call__\n    userid = get_jwt_field(get_cookie_vars(event['headers']), 'urs-user-id')\n  File \"/var/task/rain_api_core/view_util.py\", line 129, in get_cookies\n    c = hdrs.get('cookie')", wantFnErr, "unknown"},
		{"python frames in a layer", "  File \"/opt/python/mangum/utils.py\", line 22, in get_server_and_client\n    server_addr = event[\"headers\"].get(\"Host\", None)", wantFnErr, "unknown"},
		{"node frames", "    at Runtime.handler (file:///var/task/index.mjs:3:30)\n    at Runtime.handleOnceNonStreaming (file:///var/runtime/index.mjs:1173:29)", wantFnErr, "unknown"},
		{"node anonymous frame", "    at /var/task/node_modules/express/lib/router/index.js:284:7", wantFnErr, "unknown"},
		// Ruby's backtrace line and PHP's trace line ("#0 file(line): call")
		{"ruby frame", "/var/task/lambda_function.rb:12:in `lambda_handler'", wantFnErr, "unknown"},
		{"php frame", "#0 /var/task/src/Handler.php(42): App\\Handler->handle(Array)", wantFnErr, "unknown"},
		// Node.js's util.inspect of an error object (unquoted keys), as
		// console.log prints it, and the same fields as people write
		// them in YAML
		{"node inspected error object", "{ errorType: 'TypeError', errorMessage: \"Cannot read property 'authorizer' of undefined\" }", wantFnErr, "unknown"},
		// (negatives: a script's frames on a developer's machine, and the
		// gateway's own error type under the same key)
		{"a script's frames", "  File \"/home/dev/tools/call_api.py\", line 12, in <module>\n    r.raise_for_status()", "unknown", "unknown"},
		{"the gateway's error type", "{ errorType: 'InternalServerErrorException' }", "unknown", "500"},
		{"the gateway's error type header", "< HTTP/2 403\n< x-amzn-errortype: ForbiddenException", "not_5xx", "none"},
		// (which answers 500 itself)
		{"aspnetcore", catNetFail + "Unknown error responding to request: NullReferenceException:\nObject reference not set to an instance of an object.", wantFnErr, "500"},
	})
}

// lambda_handler_misconfigured: the runtime cannot load or use the handler.
func TestRuntimeCatalogHandler(t *testing.T) {
	checkWordings(t, []wording{
		// aws-lambda-nodejs-runtime-interface-client Errors.js, UserFunction.js
		{"node import module", nodeUncaught + `{"errorType":"Runtime.ImportModuleError","errorMessage":"Error: Cannot find module 'app'\nRequire stack:\n- /var/runtime/index.mjs"}`, wantHandler, "unknown"},
		{"node handler not found", `{"errorType":"Runtime.HandlerNotFound","errorMessage":"index.handler is undefined or not exported"}`, wantHandler, "unknown"},
		// awslambdaric bootstrap.py _get_handler
		{"python handler missing", "[ERROR] Runtime.HandlerNotFound: Handler 'handler' missing on module 'app'", wantHandler, "unknown"},
		{"python import module, a layer's package", "[ERROR] Runtime.ImportModuleError: Unable to import module 'app': No module named 'pydantic_core._pydantic_core'", wantHandler, "unknown"},
		// aws-lambda-java-runtime-interface-client AWSLambda.findRequestHandler, UserFault
		{"java class not found", `{"errorMessage":"Class not found: example.Handler","errorType":"java.lang.ClassNotFoundException"}`, wantHandler, "unknown"},
		// EventHandlerLoader.java: a RequestHandler's type parameters, a
		// handler method whose signature's classes did not load
		{"java handler signature", `{"errorMessage":"Invalid class signature for RequestHandler. Expected two generic types, got 1","errorType":"java.lang.RuntimeException"}`, wantHandler, "unknown"},
		{"java handler method", "Error loading method handleRequest on class com.example.Handler: java.lang.NoClassDefFoundError\njava.lang.NoClassDefFoundError: com/amazonaws/services/lambda/runtime/events/APIGatewayProxyRequestEvent", wantHandler, "unknown"},
		// Amazon.Lambda.RuntimeSupport Errors.cs
		{"dotnet handler string", "Invalid lambda function handler: 'MyFunction::MyFunction.Function', the method is missing. The valid format is 'ASSEMBLY::TYPE::METHOD'.", wantHandler, "unknown"},
		{"dotnet handler type", "The type 'MyFunction.Handlers' cannot be used as a handler type since it is not a class or a struct. Please specify a handler method on a class or struct.", wantHandler, "unknown"},
		// aws-lambda-go handler.go reflectHandler and its checks: the
		// handler passed to lambda.Start does not have a signature the
		// library can call, which every invocation then fails with
		{"go handler kind", catGoLog + `{"errorMessage":"handler kind struct is not func","errorType":"errorString"}`, wantHandler, "unknown"},
		{"go handler arguments", `{"errorMessage":"handlers may not take more than two arguments, but handler takes 3","errorType":"errorString"}`, wantHandler, "unknown"},
		{"go handler first argument", `{"errorMessage":"handler takes two arguments, but the first is not Context. got struct","errorType":"errorString"}`, wantHandler, "unknown"},
		{"go handler returns", `{"errorMessage":"handler returns two values, but the second does not implement error","errorType":"errorString"}`, wantHandler, "unknown"},
		{"go handler return", `{"errorMessage":"handler returns a single value, but it does not implement error","errorType":"errorString"}`, wantHandler, "unknown"},
		{"go handler too many returns", `{"errorMessage":"handler may not return more than two values","errorType":"errorString"}`, wantHandler, "unknown"},
		{"go handler interface", `{"errorMessage":"handler takes an interface, but it is not context.Context: \"Reader\"","errorType":"errorString"}`, wantHandler, "unknown"},
		{"go handler nil", `{"errorMessage":"handler is nil","errorType":"errorString"}`, wantHandler, "unknown"},
		// aws_lambda_ric (Ruby) lambda_handler.rb and lambda_errors.rb
		{"ruby init load error", "Init error when loading handler lambda_function.handler\n{\n  \"errorMessage\": \"cannot load such file -- lambda_function\",\n  \"errorType\": \"Init<LoadError>\"\n}", wantHandler, "unknown"},
		// the Lambda runtime API reference's initialization error type
		// (Runtime.NoSuchHandler), as Bref's FPM runtime posts it
		{"runtime api no such handler", `{"errorType":"Runtime.NoSuchHandler","errorMessage":"Handler ` + "`/var/task/public/index.php`" + ` doesn't exist"}`, wantHandler, "unknown"},
		{"runtime api no such handler in the report", "INIT_REPORT Init Duration: 41.50 ms\tPhase: init\tStatus: error\tError Type: Runtime.NoSuchHandler", wantHandler, "unknown"},
		// Amazon.Lambda.PowerShellHost PowerShellFunctionHost.LoadScript
		{"powershell script missing", `{"errorType":"LambdaPowerShellException","errorMessage":"Failed to find PowerShell script handler.ps1. Make sure the script is included with the package bundle."}`, wantHandler, "unknown"},
		// aws-lambda-powershell-runtime Get-Handler.ps1 and its script's
		// dot-sourcing from the task root
		{"powershell runtime handler", `{"errorMessage":"Invalid Lambda Handler: handler","errorType":"RuntimeException"}`, wantHandler, "unknown"},
		{"powershell runtime script", "The term '/var/task/handler.ps1' is not recognized as a name of a cmdlet, function, script file, or executable program.", wantHandler, "unknown"},
		// (a command of the script's own that PowerShell does not know is
		// the code's)
		{"powershell unknown command", "[Error] - The term 'Get-S3Object' is not recognized as a name of a cmdlet, function, script file, or executable program.", wantFnErr, "unknown"},
		// (negatives: the Node.js 22 runtime's warning about callback
		// handlers, which still run; a Go error that names a handler of
		// the function's own)
		{"node callback warning", "2024-03-12T10:15:01.123Z\tundefined\tWARN\tAWS Lambda plans to remove support for callback-based function handlers starting with Node.js 24. You will need to update this function to use an async handler to use Node.js 24 or later.", "unknown", "unknown"},
		{"go, a handler of the app's own", `{"errorMessage":"handler for /orders returned 0 rows","errorType":"errorString"}`, wantFnErr, "unknown"},
		{"go, a router's nil handler in its own log", catGoLog + "router: handler is nil for route /orders, skipping", "unknown", "unknown"},
		// (a client's line is no function's: an SDK printing the
		// management API's answer to a request for a handler)
		{"go handler words on a client's line", "HTTP/1.1 502 Bad Gateway\n{\"message\": \"handler kind struct is not func\"}", "unknown", "502"},
	})
}

// lambda_runtime_crash: the runtime never started or ended early.
func TestRuntimeCatalogCrash(t *testing.T) {
	checkWordings(t, []wording{
		// the Lambda developer guide's troubleshooting pages: the platform's
		// line for a runtime that exited, and its error type
		{"exit status", catReq + "Error: Runtime exited with error: exit status 1\nRuntime.ExitError", wantCrash, "unknown"},
		{"aborted", catReq + "Error: Runtime exited with error: signal: aborted (core dumped)\nRuntime.ExitError", wantCrash, "unknown"},
		{"invalid entrypoint", catReq + "Error: fork/exec /lambda-entrypoint.sh: exec format error\nRuntime.InvalidEntrypoint", wantCrash, "unknown"},
		{"init report error", "INIT_REPORT Init Duration: 2.12 ms\tPhase: init\tStatus: error\tError Type: Runtime.ExitError", wantCrash, "unknown"},
		{"report 2024 error type", "REPORT " + catReq + "\tDuration: 3.00 ms\tBilled Duration: 3 ms\tMemory Size: 128 MB\tMax Memory Used: 20 MB\tStatus: error\tError Type: Runtime.ExitError", wantCrash, "unknown"},
		{"unknown", catReq + "Error: Unknown application error occurred\nRuntime.Unknown", wantCrash, "unknown"},
		{"extension crash", "EXTENSION\tName: datadog-agent\tState: Ready\tEvents: [INVOKE,SHUTDOWN]\nINIT_REPORT Init Duration: 812.01 ms\tPhase: init\tStatus: error\tError Type: Extension.Crash", wantCrash, "unknown"},
		// the platform's lines for an extension in a layer that did not
		// launch (an extension built for the other architecture, one
		// without its execute bit)
		{"extension launch error", "EXTENSION\tName: datadog-agent\tState: LaunchError\tEvents: []\tError Type: UnknownError\nSTART " + catReq + "Version: $LATEST\n" + catReq + "Error: fork/exec /opt/extensions/datadog-agent: exec format error\nExtension.LaunchError", wantCrash, "unknown"},
		{"extension launch error, the line alone", "EXTENSION\tName: datadog-agent\tState: LaunchError\tEvents: []\tError Type: UnknownError", wantCrash, "unknown"},
		{"extension error type alone", catReq + "Error: exit status 1\nExtension.LaunchError", wantCrash, "unknown"},
		{"extension crash alone", catReq + "Error: exit status 2\nExtension.Crash", wantCrash, "unknown"},
		// (negative: a file of that name in a listing of the package)
		{"a file named extension", "HTTP/1.1 502 Bad Gateway\nsrc/\nextension.ts\nhandler.ts", "unknown", "502"},
		{"extension not executable", "EXTENSION\tName: dotnet-example-extension\tState: LaunchError\tEvents: []\tError Type: PermissionDenied", "lambda_package_permission", "unknown"},
		// (negative: an extension that started)
		{"extension ready", "EXTENSION\tName: datadog-agent\tState: Ready\tEvents: [INVOKE,SHUTDOWN]", "unknown", "unknown"},
		// a container image whose entrypoint starts a runtime interface
		// client the image lacks (the Lambda guide's images for other base
		// images: "python -m awslambdaric", the Java client's main class
		// com.amazonaws.services.lambda.runtime.api.client.AWSLambda, the
		// Ruby gem's aws_lambda_ric): the runtime never started, where the
		// same words for the handler's own module are the handler's
		{"python image without the client", "/usr/local/bin/python: No module named awslambdaric", wantCrash, "unknown"},
		{"java image without the client", "Error: Could not find or load main class com.amazonaws.services.lambda.runtime.api.client.AWSLambda\nCaused by: java.lang.ClassNotFoundException: com.amazonaws.services.lambda.runtime.api.client.AWSLambda", wantCrash, "unknown"},
		{"ruby image without the client", "/usr/local/lib/ruby/3.2.0/rubygems/core_ext/kernel_require.rb:85:in `require': cannot load such file -- aws_lambda_ric (LoadError)", wantCrash, "unknown"},
		// (negatives: the handler's own module, and its class)
		{"the handler's module", "[ERROR] Runtime.ImportModuleError: Unable to import module 'app': No module named 'awslambdaric_helpers'", wantHandler, "unknown"},
		{"the handler's class", "java.lang.ClassNotFoundException: com.example.Handler", wantHandler, "unknown"},
		// the SnapStart hook after a restore (the Java client's
		// RapidErrorType.AfterRestoreError, awslambdaric's)
		{"after restore", `{"errorType":"Runtime.AfterRestoreError","errorMessage":"boom"}`, wantCrash, "unknown"},
		// Node.js runtime interface client index.mjs: the process exit the
		// runtime reports
		{"node exit", `{"errorType":"Runtime.NodeJsExit","errorMessage":"The Lambda runtime client detected an unexpected Node.js exit code. This is most commonly caused by a Promise that was never settled."}`, wantCrash, "unknown"},
	})
}

// lambda_function_timeout: the function ran past its own timeout.
func TestRuntimeCatalogTimeout(t *testing.T) {
	checkWordings(t, []wording{
		// the Lambda developer guide: the platform's timeout line, the
		// 2024 REPORT's status and the error type
		{"task timed out", "2024-03-12T10:15:04.123Z 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Task timed out after 3.00 seconds", "lambda_function_timeout", "unknown"},
		{"report status", "REPORT " + catReq + "\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 61 MB\tStatus: timeout", "lambda_function_timeout", "unknown"},
		{"sandbox timedout", `{"errorType":"Sandbox.Timedout","errorMessage":"RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Error: Task timed out after 3.00 seconds"}`, "lambda_function_timeout", "unknown"},
		{"init timeout", "INIT_REPORT Init Duration: 10000.00 ms\tPhase: init\tStatus: timeout", "lambda_function_timeout", "unknown"},
		// the Lambda log format's JSON platform events (telemetry API schema)
		{"platform report", `{"time":"2024-03-12T10:15:04.123Z","type":"platform.report","record":{"requestId":"6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11","metrics":{"durationMs":3000.0,"billedDurationMs":3000,"memorySizeMB":128,"maxMemoryUsedMB":61},"status":"timeout"}}`, "lambda_function_timeout", "unknown"},
		// aws-lambda-web-adapter readiness check and serverless-java-container's init timeout
		{"java container init", "Could not initialize framework within the 20000ms timeout", "lambda_function_timeout", "unknown"},
	})
}

// lambda_out_of_memory: the function ran out of memory.
func TestRuntimeCatalogMemory(t *testing.T) {
	checkWordings(t, []wording{
		{"killed", catReq + "Error: Runtime exited with error: signal: killed\nRuntime.ExitError", "lambda_out_of_memory", "unknown"},
		{"out of memory type", "REPORT " + catReq + "\tDuration: 812.00 ms\tBilled Duration: 813 ms\tMemory Size: 128 MB\tMax Memory Used: 128 MB\tStatus: error\tError Type: Runtime.OutOfMemory", "lambda_out_of_memory", "unknown"},
		{"max memory used", "REPORT " + catReq + "\tDuration: 812.00 ms\tBilled Duration: 813 ms\tMemory Size: 512 MB\tMax Memory Used: 512 MB", "lambda_out_of_memory", "unknown"},
		{"platform report memory", `{"time":"2024-03-12T10:15:04.123Z","type":"platform.report","record":{"requestId":"6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11","metrics":{"durationMs":812.0,"billedDurationMs":813,"memorySizeMB":128,"maxMemoryUsedMB":128},"status":"error","errorType":"Runtime.OutOfMemory"}}`, "lambda_out_of_memory", "unknown"},
		// Go's runtime (runtime/malloc.go's throw)
		{"go", "fatal error: runtime: out of memory\n\nruntime stack:\nruntime.throw({0x6b1d2f?, 0x400000?})", "lambda_out_of_memory", "unknown"},
		{"node heap", "FATAL ERROR: Ineffective mark-compacts near heap limit Allocation failed - JavaScript heap out of memory", "lambda_out_of_memory", "unknown"},
		{"java heap", "Java heap space: java.lang.OutOfMemoryError\njava.lang.OutOfMemoryError: Java heap space", "lambda_out_of_memory", "unknown"},
		{"java metaspace", `{"errorMessage":"Metaspace","errorType":"java.lang.OutOfMemoryError"}`, "lambda_out_of_memory", "unknown"},
		{"python", "[ERROR] MemoryError\nTraceback (most recent call last):", "lambda_out_of_memory", "unknown"},
		{"dotnet", catNetFail + "System.OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown.", "lambda_out_of_memory", "unknown"},
		{"ruby", `{"errorMessage":"failed to allocate memory","errorType":"Function<NoMemoryError>"}`, "lambda_out_of_memory", "unknown"},
		{"rust", "memory allocation of 4294967296 bytes failed", "lambda_out_of_memory", "unknown"},
		// V8's ArrayBuffer allocation failing (messages kArrayBufferAllocationFailed),
		// as Node.js throws it for a Buffer the heap cannot hold
		{"node array buffer", catNodeInvoke + `{"errorType":"RangeError","errorMessage":"Array buffer allocation failed","stack":["RangeError: Array buffer allocation failed","    at new ArrayBuffer (<anonymous>)","    at Function.alloc (node:buffer:389:3)"]}`, "lambda_out_of_memory", "unknown"},
		// numpy's _ArrayMemoryError, a MemoryError
		{"numpy", "[ERROR] _ArrayMemoryError: Unable to allocate 3.73 GiB for an array with shape (500000000,) and data type float64", "lambda_out_of_memory", "unknown"},
		// C++'s std::bad_alloc, which operator new throws when an
		// allocation fails (a native module's: sharp, pyarrow, a C++
		// runtime), and the JVM's own report of memory it could not get
		{"c++ bad_alloc", "terminate called after throwing an instance of 'std::bad_alloc'\n  what():  std::bad_alloc", "lambda_out_of_memory", "unknown"},
		{"pyarrow bad_alloc", "[ERROR] MemoryError: std::bad_alloc", "lambda_out_of_memory", "unknown"},
		{"jvm native memory", "# There is insufficient memory for the Java Runtime Environment to continue.\n# Native memory allocation (mmap) failed to map 268435456 bytes for committing reserved memory.", "lambda_out_of_memory", "unknown"},
		// (negative: the disk, not the memory)
		{"ephemeral storage", "[ERROR] OSError: [Errno 28] No space left on device: '/tmp/export.csv'", wantFnErr, "unknown"},
	})
}

// lambda_payload_too_large and lambda_malformed_proxy_response, as the
// platform and the gateway word them.
func TestRuntimeCatalogAnswer(t *testing.T) {
	checkWordings(t, []wording{
		{"response size", `{"errorMessage":"Response payload size exceeded maximum allowed payload size (6291556 bytes).","errorType":"Function.ResponseSizeTooLarge"}`, "lambda_payload_too_large", "unknown"},
		{"report response size", "REPORT " + catReq + "\tDuration: 912.00 ms\tBilled Duration: 913 ms\tMemory Size: 1024 MB\tMax Memory Used: 402 MB\tStatus: error\tError Type: Function.ResponseSizeTooLarge", "lambda_payload_too_large", "unknown"},
		{"go 413", catGoLog + "failed to POST to http://127.0.0.1:9001/2018-06-01/runtime/invocation/6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11/response: got unexpected status code: 413", "lambda_payload_too_large", "unknown"},
		{"malformed", "(6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11) Execution failed due to configuration error: Malformed Lambda proxy response\n(6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11) Method completed with status: 502", "lambda_malformed_proxy_response", "502"},
	})
}

// The level column each runtime's own logger writes before a message, as
// far as it decides that the line is the function's: an exception the
// application names opens the message after it.
func TestRuntimeCatalogLogColumns(t *testing.T) {
	checkWordings(t, []wording{
		// Amazon.Lambda.RuntimeSupport DefaultLogMessageFormatter
		// (ConvertLogLevelToLabel: trce, dbug, info, warn, fail, crit, the
		// labels of Microsoft.Extensions.Logging's console)
		{"dotnet fail", catNetFail + "MyApp.Orders.OrderNotFoundException: Order 42 was not found\n   at MyApp.Function.FunctionHandler(APIGatewayProxyRequest request, ILambdaContext context)", wantFnErr, "unknown"},
		{"dotnet crit", "2024-03-12T10:15:01.123Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tcrit\tMyApp.Storage.BlobReadException: container missing", wantFnErr, "unknown"},
		// aws_lambda_ric (Ruby) LogFormatter: "E, [time #pid] ERROR <id> -- : msg"
		{"ruby logger", "E, [2024-03-12T10:15:01.123456 #8] ERROR 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 -- : PG::ConnectionBad: could not connect to server: Connection refused", wantFnErr, "unknown"},
		// aws-lambda-java-log4j2's LambdaAppender default pattern
		// ("%d{yyyy-MM-dd HH:mm:ss} %X{AWSRequestId} %-5p %c{1} - %m%n")
		{"java log4j2", "2024-03-12 10:15:01 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 ERROR OrderHandler - org.postgresql.util.PSQLException: Connection to db:5432 refused.", wantFnErr, "unknown"},
		// Logback's default pattern ("%d{HH:mm:ss.SSS} [%thread] %-5level
		// %logger{36} - %msg"), which Spring Boot and Micronaut functions
		// log with, and java.util.logging's SimpleFormatter (its level on
		// the line after the date)
		{"logback", "10:15:01.123 [main] ERROR c.e.orders.OrderRepository - Connection refused: db.internal:5432", wantFnErr, "unknown"},
		{"java.util.logging", "Mar 12, 2024 10:15:01 AM com.example.OrderHandler handleRequest\nSEVERE: Connection refused: db.internal:5432", wantFnErr, "unknown"},
		// Microsoft.Extensions.Logging's console formatter ("fail:
		// Category[EventId]" above the message, indented) and
		// Amazon.Lambda.Logging.AspNetCore's ("[Error] Category: message"),
		// for ASP.NET Core's unhandled exception
		{"aspnetcore console", "fail: Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware[1]\n      An unhandled exception has occurred while executing the request.\n      Npgsql.NpgsqlException (0x80004005): Failed to connect to 10.0.0.5:5432", wantFnErr, "unknown"},
		{"aspnetcore lambda logger", "[Error] Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware: An unhandled exception has occurred while executing the request. Npgsql.NpgsqlException (0x80004005): Failed to connect to 10.0.0.5:5432", wantFnErr, "unknown"},
		// Python's logging: the default format ("%(levelname)s:%(name)s:%(message)s")
		// and the logging cookbook's ("%(asctime)s - %(name)s - %(levelname)s - %(message)s")
		{"python logging default", "ERROR:root:Connection refused: db.internal:5432", wantFnErr, "unknown"},
		{"python logging cookbook", "2024-03-12 10:15:01,123 - orders - ERROR - Connection refused: db.internal:5432", wantFnErr, "unknown"},
		// Rust's env_logger ("[time LEVEL target] message") and
		// tracing-subscriber's default format ("time LEVEL target: message")
		{"rust env_logger", "[2024-03-12T10:15:01Z ERROR my_api::db] Connection refused (os error 111)", wantFnErr, "unknown"},
		{"rust tracing", "2024-03-12T10:15:01.123456Z ERROR my_api::db: Connection refused (os error 111)", wantFnErr, "unknown"},
		// pino-pretty's ("[time] LEVEL (pid): message")
		{"pino-pretty", "[10:15:01.123] ERROR (8): connect ECONNREFUSED 10.0.0.5:5432", wantFnErr, "unknown"},
		// Go's logfmt loggers: logrus's TextFormatter (time quoted) and
		// log/slog's TextHandler
		{"logrus", `time="2024-03-12T10:15:01Z" level=error msg="failed to load order" error="dial tcp 10.0.0.5:5432: connect: connection refused"`, wantFnErr, "unknown"},
		{"slog", `time=2024-03-12T10:15:01.123Z level=ERROR msg="query failed" err="dial tcp 10.0.0.5:5432: connect: connection refused"`, wantFnErr, "unknown"},
		// (a Java client of the API logging with the same pattern: the
		// status it got makes the line the client's)
		{"logback of a client", "10:15:01.123 [main] ERROR c.e.client.OrdersClient - POST https://abc123.execute-api.us-east-1.amazonaws.com/prod/orders returned 502 Bad Gateway", "unknown", "502"},
		// (negative: the same column at the information level, with no
		// error in its message)
		{"dotnet info", "2024-03-12T10:15:01.123Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tinfo\tProcessing order 42", "unknown", "unknown"},
		{"ruby logger, information", "I, [2024-03-12T10:15:01.123456 #8]  INFO 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 -- : processing order 42", "unknown", "unknown"},
		// (a Ruby script calling the API logs with the same Logger: the
		// status it got makes the line the client's)
		{"ruby logger of a client", "E, [2024-03-12T10:15:01.123456 #8] ERROR -- : POST https://abc123.execute-api.us-east-1.amazonaws.com/prod/orders failed: 502 Bad Gateway", "unknown", "502"},
	})
}

// A dependency the function calls failing, in each runtime's words for
// the error: the function's failure (lambda_function_error), not API
// Gateway failing to reach a backend of its own.
func TestRuntimeCatalogDependency(t *testing.T) {
	checkWordings(t, []wording{
		// Go's net package (OpError) as aws-lambda-go's error object and as
		// the standard logger prints it
		{"go error object", `{"errorMessage":"dial tcp 10.0.0.5:5432: connect: connection refused","errorType":"OpError"}`, wantFnErr, "unknown"},
		{"go log", catGoLog + "failed to connect to database: dial tcp 10.0.0.5:5432: connect: connection refused", wantFnErr, "unknown"},
		{"go log, a timeout", catGoLog + "query failed: dial tcp 10.0.0.5:5432: i/o timeout", wantFnErr, "unknown"},
		// (negative: a Go client of the API timing out on its own
		// connection, the status it never got unknown; and nginx's error
		// log, whose date Go's logger shares)
		{"go client", catGoLog + "Post \"https://abc123.execute-api.us-east-1.amazonaws.com/prod/orders\": dial tcp 52.1.2.3:443: i/o timeout", "unknown", "unknown"},
		{"go client's status", catGoLog + "POST /prod/orders: unexpected status 502 Bad Gateway", "unknown", "502"},
		// (and a Go client logging the same error with logrus, its quotes
		// escaped: k6's "Request Failed" line)
		{"go client, logfmt", `time="2024-03-12T10:15:01Z" level=error msg="Request Failed" error="Post \"https://abc123.execute-api.us-east-1.amazonaws.com/prod/orders\": dial tcp 52.1.2.3:443: i/o timeout"`, "unknown", "unknown"},
		// .NET's Exception.ToString(): an HRESULT or error code in
		// parentheses after the type of an ExternalException or a
		// SocketException
		{"dotnet npgsql", "Npgsql.NpgsqlException (0x80004005): Failed to connect to 10.0.0.5:5432\n ---> System.Net.Sockets.SocketException (111): Connection refused", wantFnErr, "unknown"},
		{"dotnet sql server", "Microsoft.Data.SqlClient.SqlException (0x80131904): A network-related or instance-specific error occurred while establishing a connection to SQL Server.", wantFnErr, "unknown"},
		{"dotnet unhandled npgsql", "Unhandled exception. Npgsql.NpgsqlException (0x80004005): Failed to connect to 10.0.0.5:5432", wantFnErr, "unknown"},
		// Rust's std::io::Error through tracing's level column
		{"rust", "2024-03-12T10:15:01.123456Z ERROR my_api::db: error connecting to database: Connection refused (os error 111)", wantFnErr, "unknown"},
		// Python's exception line under the runtime's column
		{"python", "[ERROR] OperationalError: (2003, \"Can't connect to MySQL server on '10.0.0.5' (timed out)\")", wantFnErr, "unknown"},
		// Java's cause line
		{"java", "Caused by: java.net.ConnectException: Connection refused", wantFnErr, "unknown"},
		// Powertools for AWS Lambda's structured loggers, an exception
		// logged with the record (Python's logger.exception: "exception"
		// and "exception_name"; TypeScript's logger.error with an Error:
		// "error" with its name, message and stack)
		{"powertools python", `{"level":"ERROR","location":"lambda_handler:23","message":"Failed to process order","timestamp":"2024-03-12 10:15:01,123+0000","service":"orders","exception":"Traceback (most recent call last):\n  File \"/var/task/app.py\", line 21, in lambda_handler\n    conn = connect()\nConnectionRefusedError: [Errno 111] Connection refused","exception_name":"ConnectionRefusedError","xray_trace_id":"1-65f0"}`, wantFnErr, "unknown"},
		{"powertools typescript", `{"level":"ERROR","message":"Failed to process order","timestamp":"2024-03-12T10:15:01.123Z","service":"orders","error":{"name":"Error","location":"/var/task/index.js:12","message":"connect ECONNREFUSED 10.0.0.5:5432","stack":"Error: connect ECONNREFUSED 10.0.0.5:5432\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)"}}`, wantFnErr, "unknown"},
		// pino's numeric level for an error
		{"pino", `{"level":50,"time":1710238501123,"pid":8,"hostname":"169.254.10.5","msg":"db query failed: connect ECONNREFUSED 10.0.0.5:5432"}`, wantFnErr, "unknown"},
		// (negatives: a logger's record at the information level, and a
		// client tool's record of the 502 it got from the API)
		{"powertools information", `{"level":"INFO","location":"lambda_handler:10","message":"order 42 stored","service":"orders"}`, "unknown", "unknown"},
		{"a client's record", `{"level":"error","msg":"POST https://abc123.execute-api.us-east-1.amazonaws.com/prod/orders failed: 502 Bad Gateway"}`, "unknown", "502"},
		// botocore's exceptions at the end of a function's traceback (the
		// AWS SDK for Python's own words, which a script on a developer's
		// machine prints too: the frames under /var/task make them the
		// function's)
		{"botocore in a traceback", "Traceback (most recent call last):\n  File \"/var/task/app.py\", line 10, in lambda_handler\n    item = table.get_item(Key=key)\n  File \"/var/runtime/botocore/client.py\", line 1009, in _make_api_call\n    raise error_class(parsed_response, operation_name)\nbotocore.exceptions.ClientError: An error occurred (ResourceNotFoundException) when calling the GetItem operation: Requested resource not found", wantFnErr, "unknown"},
		{"botocore read timeout", "Traceback (most recent call last):\n  File \"/var/task/app.py\", line 12, in lambda_handler\n    s3.put_object(Bucket=b, Key=k, Body=data)\nbotocore.exceptions.ReadTimeoutError: Read timeout on endpoint URL: \"https://my-bucket.s3.amazonaws.com/report.csv\"", wantFnErr, "unknown"},
		// the AWS SDK for Go v2's OperationError (smithy-go) after Go's log
		// date, and botocore's and aws-sdk-go-v2's errors between an
		// invocation's START and END without the runtime's columns
		{"aws-sdk-go-v2 logged", catGoLog + "failed to get item: operation error DynamoDB: GetItem, https response error StatusCode: 400, RequestID: ABC, ResourceNotFoundException: Requested resource not found", wantFnErr, "unknown"},
		{"aws-sdk-go-v2 in an invocation", "START " + catReq + "Version: $LATEST\noperation error S3: GetObject, https response error StatusCode: 403, RequestID: ABC, api error AccessDenied: Access Denied\nEND " + catReq, wantFnErr, "unknown"},
		{"botocore in an invocation", "START " + catReq + "Version: $LATEST\nAn error occurred (ResourceNotFoundException) when calling the GetItem operation: Requested resource not found\nEND " + catReq, wantFnErr, "unknown"},
		// (negative: the same SDK error from a person's script, outside
		// any invocation and without a logger's opening, names no failure
		// of the API)
		{"botocore from a script", "botocore.exceptions.ClientError: An error occurred (ResourceNotFoundException) when calling the GetItem operation: Requested resource not found", "unknown", "unknown"},
		// the AWS SDK for JavaScript v3's error in Node.js's Invoke Error
		{"aws sdk v3", catNodeInvoke + `{"errorType":"ResourceNotFoundException","errorMessage":"Requested resource not found","name":"ResourceNotFoundException","$fault":"client","$metadata":{"httpStatusCode":400,"requestId":"ABC","attempts":1}}`, wantFnErr, "unknown"},
		// Ruby's exception class and message
		{"ruby", "Errno::ECONNREFUSED: Failed to open TCP connection to 10.0.0.5:443 (Connection refused - connect(2) for \"10.0.0.5\" port 443)", wantFnErr, "unknown"},
	})
}
