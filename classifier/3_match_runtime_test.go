package classifier

import "testing"

// The documented error output of each Lambda runtime, one row per form, as
// the runtime writes it into the function's log (or Lambda returns it as
// the invocation's error object). Each names the cause the taxonomy gives
// it: a handler or package the runtime cannot load is
// lambda_handler_misconfigured, a runtime that never started or ended
// early is lambda_runtime_crash, code that ran and failed is
// lambda_function_error. None shows what the API's client got.

const (
	nodeUncaught = "2024-03-12T10:15:01.123Z\tundefined\tERROR\tUncaught Exception \t"
	pyRuntimeErr = "[ERROR] "
	wantHandler  = "lambda_handler_misconfigured"
	wantCrash    = "lambda_runtime_crash"
	wantFnErr    = "lambda_function_error"
)

// Node.js 18, 20 and 22: aws-lambda-nodejs-runtime-interface-client
// (src/UserFunction.js, src/Errors.js), Node.js's own loader errors for ES
// modules and CommonJS, and the knowledge-center article on "Cannot find
// module" and "Cannot find package" errors.
func TestNodeRuntimeForms(t *testing.T) {
	checkWordings(t, []wording{
		{"import module", nodeUncaught + `{"errorType":"Runtime.ImportModuleError","errorMessage":"Error: Cannot find module 'index'\nRequire stack:\n- /var/runtime/index.mjs","stack":["Runtime.ImportModuleError: Error: Cannot find module 'index'"]}`, wantHandler, "unknown"},
		{"handler not exported", nodeUncaught + `{"errorType":"Runtime.HandlerNotFound","errorMessage":"index.handler is undefined or not exported"}`, wantHandler, "unknown"},
		{"handler not a function", "Runtime.HandlerNotFound: index.handler is not a function", wantHandler, "unknown"},
		{"relative handler", `{"errorType":"Runtime.MalformedHandlerName","errorMessage":"'../src/index.handler' is not a valid handler name. Use absolute paths when specifying root directories in handler names."}`, wantHandler, "unknown"},
		{"bad handler", "Runtime.MalformedHandlerName: Bad handler", wantHandler, "unknown"},
		{"streaming handler", `{"errorType":"Runtime.MalformedStreamingHandler","errorMessage":"Only response streaming is supported."}`, wantHandler, "unknown"},
		{"syntax", nodeUncaught + `{"errorType":"Runtime.UserCodeSyntaxError","errorMessage":"SyntaxError: Unexpected token '}'"}`, wantHandler, "unknown"},
		{"import outside a module", "Runtime.UserCodeSyntaxError: SyntaxError: Cannot use import statement outside a module", wantHandler, "unknown"},
		{"export in a script", "SyntaxError: Unexpected token 'export'", wantHandler, "unknown"},
		{"export in a script, with its source line", "/var/task/index.js:12\nexport const handler = async (event) => {\n^^^^^^\n\nSyntaxError: Unexpected token 'export'", wantHandler, "unknown"},
		{"import in a script, node 8", "SyntaxError: Unexpected token import", wantHandler, "unknown"},
		// (negatives) a page's script in the browser; JSON.parse of text
		{"a browser's console", "Uncaught SyntaxError: Unexpected token 'export' (at main.js:1:1)", "unknown", "unknown"},
		{"json.parse of a module's text", "SyntaxError: Unexpected token 'e', \"export def\"... is not valid JSON", wantFnErr, "unknown"},
		{"require of an es module", "Error [ERR_REQUIRE_ESM]: require() of ES Module /var/task/index.js from /var/runtime/index.mjs not supported.", wantHandler, "unknown"},
		{"require in es module scope", nodeUncaught + `{"errorType":"ReferenceError","errorMessage":"require is not defined in ES module scope, you can use import instead","stack":["ReferenceError: require is not defined in ES module scope, you can use import instead","    at file:///var/task/index.mjs:1:13"]}`, wantHandler, "unknown"},
		{"exports in es module scope", `{"errorType":"ReferenceError","errorMessage":"exports is not defined in ES module scope","trace":["ReferenceError: exports is not defined in ES module scope","    at file:///var/task/index.mjs:4:1"]}`, wantHandler, "unknown"},
		{"module in es module scope", "ReferenceError: module is not defined in ES module scope", wantHandler, "unknown"},
		{"named export of commonjs", "SyntaxError: Named export 'DynamoDBClient' not found. The requested module '@aws-sdk/client-dynamodb' is a CommonJS module, which may not support all module.exports as named exports.", wantHandler, "unknown"},
		{"esm package missing", "Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'axios' imported from /var/task/index.mjs", wantHandler, "unknown"},
		{"esm module missing", "Error [ERR_MODULE_NOT_FOUND]: Cannot find module '/var/task/lib/db' imported from /var/task/index.mjs", wantHandler, "unknown"},
		{"directory import", "Error [ERR_UNSUPPORTED_DIR_IMPORT]: Directory import '/var/task/lib' is not supported resolving ES modules imported from /var/task/index.mjs", wantHandler, "unknown"},
		{"package subpath", `Error [ERR_PACKAGE_PATH_NOT_EXPORTED]: Package subpath './lib/util' is not defined by "exports" in /var/task/node_modules/uuid/package.json`, wantHandler, "unknown"},
		{"node exit", `{"errorType":"Runtime.NodeJsExit","errorMessage":"The Lambda runtime client detected an unexpected Node.js exit code. This is most commonly caused by a Promise that was never settled."}`, wantCrash, "unknown"},
		{"promise rejection", `{"errorType":"Runtime.UnhandledPromiseRejection","errorMessage":"Error: boom","reason":{"errorType":"Error","errorMessage":"boom"}}`, wantFnErr, "unknown"},
		{"invoke error", "2024-03-12T10:15:01.123Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\tInvoke Error \t" + `{"errorType":"TypeError","errorMessage":"Cannot read properties of undefined (reading 'id')"}`, wantFnErr, "unknown"},
		// a require() or import() the handler makes as it runs: CallbackContext.js
		// logs the invocation's error as "Invoke Error", where a module the
		// handler's file cannot load fails the init as Runtime.ImportModuleError
		{"lazy require", "2024-03-12T10:15:01.123Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\tInvoke Error \t" + `{"errorType":"Error","errorMessage":"Cannot find module './reports/monthly'\nRequire stack:\n- /var/task/index.js","code":"MODULE_NOT_FOUND"}`, wantFnErr, "unknown"},
		{"lazy import()", "2024-03-12T10:15:01.123Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\tInvoke Error \t" + `{"errorType":"Error","errorMessage":"Cannot find package 'pdfkit' imported from /var/task/index.mjs","code":"ERR_MODULE_NOT_FOUND"}`, wantFnErr, "unknown"},
		{"heap", "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory", "lambda_out_of_memory", "unknown"},
	})
}

// Node.js 24 and later: the error types of the runtime interface client's
// src/utils/errors.ts with the messages of src/context/constants.ts; the
// same words in a person's question about the change name nothing.
func TestNodeRuntimeErrorTypes(t *testing.T) {
	checkWordings(t, []wording{
		{"callback handler", nodeUncaught + `{"errorType":"Runtime.CallbackHandlerDeprecated","errorMessage":"ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24. You need to modify this function to use a supported handler signature to use Node.js 24 or later. For more information see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html."}`, wantHandler, "unknown"},
		{"callback handler, the message alone", "ERROR: AWS Lambda does not support callback-based function handlers when using Node.js 22 with Managed Instances. To use Managed Instances, modify this function to use a supported handler signature.", wantHandler, "unknown"},
		{"callback handler, its type alone", "Runtime.CallbackHandlerDeprecated", wantHandler, "unknown"},
		{"native client", `{"errorType":"Runtime.NativeClientLoading","errorMessage":"Failed to load native client: Error: Cannot find module './rapid-client.node'"}`, wantCrash, "unknown"},
		{"native client, the message alone", "Failed to load native client: Error: Cannot find module './rapid-client.node'", wantCrash, "unknown"},
		// (a module of the handler's own is the package's)
		{"the handler's module", "Error: Cannot find module './db-client.node'", wantHandler, "unknown"},
	})
}

// What each language's runtime prints when an allocation fails: Rust's
// standard library (library/alloc/src/alloc.rs, the default allocation
// error handler), Ruby's NoMemoryError, PHP's memory_limit; the
// allocation failing outweighs the runtime's exit it leads to.
func TestAllocationFailureForms(t *testing.T) {
	const req = "RequestId: 0b59a014-da05-49a0-98c3-fe2ac06de4fd "
	checkWordings(t, []wording{
		{"rust", "START " + req + "Version: $LATEST\nmemory allocation of 1073741824 bytes failed\n" + req + "Error: Runtime exited with error: signal: aborted (core dumped)\nRuntime.ExitError", "lambda_out_of_memory", "unknown"},
		{"rust, the line alone", "memory allocation of 268435456 bytes failed", "lambda_out_of_memory", "unknown"},
		{"ruby", `{"errorMessage":"failed to allocate memory","errorType":"Function<NoMemoryError>"}`, "lambda_out_of_memory", "unknown"},
		{"php", "PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes) in /var/task/vendor/guzzlehttp/psr7/src/Stream.php on line 231", "lambda_out_of_memory", "unknown"},
		// the C library's strerror(ENOMEM), as Python's OSError prints it
		{"enomem", "[ERROR] OSError: [Errno 12] Cannot allocate memory\nTraceback (most recent call last):\n  File \"/var/task/app.py\", line 14, in handler\n    out = subprocess.run(cmd, capture_output=True)", "lambda_out_of_memory", "unknown"},
		// and its code as Node.js names it (libuv's UV_ENOMEM)
		{"node enomem", "2024-03-12T10:15:01.123Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\tInvoke Error \t{\"errorType\":\"Error\",\"errorMessage\":\"spawn ENOMEM\",\"code\":\"ENOMEM\",\"errno\":-12,\"syscall\":\"spawn\"}", "lambda_out_of_memory", "unknown"},
		{"a client's node enomem", "AxiosError: connect ENOMEM 203.0.113.10:443\nHTTP/1.1 502 Bad Gateway", "unknown", "502"},
		// (not a client's machine running out: curl's CURLE_OUT_OF_MEMORY,
		// a client library's ENOMEM)
		{"curl out of memory", "curl: (27) Out of memory\nHTTP/1.1 502 Bad Gateway", "unknown", "502"},
		{"a client's enomem", "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='abc123.execute-api.us-east-1.amazonaws.com', port=443): Max retries exceeded with url: /prod/items (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object at 0x7f>: Failed to establish a new connection: [Errno 12] Cannot allocate memory'))", "unknown", "unknown"},
	})
}

// Python 3.x: awslambdaric (bootstrap.py, lambda_runtime_marshaller.py,
// lambda_runtime_exception.py) and the knowledge-center article on
// "Unable to import module" errors.
func TestPythonRuntimeForms(t *testing.T) {
	checkWordings(t, []wording{
		{"import module", pyRuntimeErr + "Runtime.ImportModuleError: Unable to import module 'lambda_function': No module named 'requests'", wantHandler, "unknown"},
		{"native library", pyRuntimeErr + "Runtime.ImportModuleError: Unable to import module 'app': /lib64/libc.so.6: version `GLIBC_2.28' not found (required by /var/task/cryptography/hazmat/bindings/_rust.abi3.so)", wantHandler, "unknown"},
		{"handler missing", pyRuntimeErr + "Runtime.HandlerNotFound: Handler 'lambda_handler' missing on module 'lambda_function'", wantHandler, "unknown"},
		{"handler missing, the attribute error", `{"errorMessage": "module 'lambda_function' has no attribute 'lambda_handler'", "errorType": "AttributeError"}`, wantHandler, "unknown"},
		{"an adapter's app missing", pyRuntimeErr + "AttributeError: module 'bot' has no attribute 'app'", wantHandler, "unknown"},
		{"a library's attribute missing", pyRuntimeErr + "AttributeError: module 'jwt' has no attribute 'encode'", wantFnErr, "unknown"},
		{"bad handler", pyRuntimeErr + "Runtime.MalformedHandlerName: Bad handler 'lambda_function': not enough values to unpack (expected 2, got 1)", wantHandler, "unknown"},
		{"bad handler without the type", "Bad handler 'lambda_function': not enough values to unpack (expected 2, got 1)", wantHandler, "unknown"},
		{"syntax", pyRuntimeErr + "Runtime.UserCodeSyntaxError: Syntax error in module 'lambda_function': invalid syntax (lambda_function.py, line 12)", wantHandler, "unknown"},
		{"syntax without the type", "Syntax error in module 'lambda_function': unexpected indent (lambda_function.py, line 3)", wantHandler, "unknown"},
		{"built-in module", pyRuntimeErr + "Runtime.BuiltInModuleConflict: Cannot use built-in module time as a handler module", wantHandler, "unknown"},
		{"marshal", pyRuntimeErr + "Runtime.MarshalError: Unable to marshal response: Object of type datetime is not JSON serializable", wantFnErr, "unknown"},
		{"marshal without the type", "Unable to marshal response: Object of type Decimal is not JSON serializable", wantFnErr, "unknown"},
		{"unmarshal", `{"errorType":"Runtime.UnmarshalError","errorMessage":"Unable to unmarshal input: Expecting value: line 1 column 1 (char 0)"}`, wantFnErr, "unknown"},
		{"after restore", `{"errorType":"Runtime.AfterRestoreError","errorMessage":"boom"}`, wantCrash, "unknown"},
		{"memory", pyRuntimeErr + "MemoryError\nTraceback (most recent call last):", "lambda_out_of_memory", "unknown"},
		// an import the handler makes while it runs: bootstrap.py's
		// handle_event_request reports the exception by its own class (the
		// handler's module loaded, or _get_handler would have named it
		// Runtime.ImportModuleError)
		{"lazy import", pyRuntimeErr + "ModuleNotFoundError: No module named 'src.api.v1.providers'\nTraceback (most recent call last):\n  File \"/var/task/app/lazy.py\", line 45, in _load_module\n    module = importlib.import_module(module_path)", wantFnErr, "unknown"},
		{"lazy import, an import error", pyRuntimeErr + "ImportError: cannot import name 'Retry' from 'urllib3.util' (/var/task/urllib3/util/__init__.py)\nTraceback (most recent call last):\n  File \"/var/task/app.py\", line 20, in handler", wantFnErr, "unknown"},
		{"lazy import, the json log format", `{"timestamp": "2024-05-01T10:00:00Z", "level": "ERROR", "errorMessage": "No module named 'reports'", "errorType": "ModuleNotFoundError", "requestId": "6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11", "stackTrace": ["  File \"/var/task/app.py\", line 31, in handler\n    import reports\n"]}`, wantFnErr, "unknown"},
		{"lazy import, the error object across lines", "{\n  \"errorMessage\": \"No module named 'reports'\",\n  \"errorType\": \"ModuleNotFoundError\",\n  \"stackTrace\": []\n}", wantFnErr, "unknown"},
		// (the same import at init: the runtime's own type, and the bare
		// message, which names no phase)
		{"import at init", pyRuntimeErr + "Runtime.ImportModuleError: Unable to import module 'app': No module named 'src'\nTraceback (most recent call last):", wantHandler, "unknown"},
		{"import at init, the error object", `{"errorMessage": "Unable to import module 'app': No module named 'src'", "errorType": "Runtime.ImportModuleError", "requestId": "", "stackTrace": []}`, wantHandler, "unknown"},
		{"the message alone", "ModuleNotFoundError: No module named 'pydantic_core._pydantic_core'", wantHandler, "unknown"},
	})
}

// Java 11, 17 and 21: aws-lambda-java-runtime-interface-client
// (EventHandlerLoader.java, UserFault.java).
func TestJavaRuntimeForms(t *testing.T) {
	checkWordings(t, []wording{
		// the handler's class does not load: AWSLambda.findRequestHandler
		// catches the ClassNotFoundException and LambdaRequestHandler.
		// classNotFound answers every invocation with
		// UserFault.makeClassNotFoundUserFault: "Class not found: " and the
		// class, as the error object (LambdaErrorConverter.fromUserFault)
		// and as the runtime logs it (UserFault.reportableError: message,
		// exception class, then the trace cut at the runtime's own frames)
		{"class not found", `{"errorMessage":"Class not found: com.example.Handler","errorType":"java.lang.ClassNotFoundException"}`, wantHandler, "unknown"},
		{"class not found, the runtime's log", "Class not found: com.example.Handler: java.lang.ClassNotFoundException\njava.lang.ClassNotFoundException: com.example.Handler\n\tat java.base/java.net.URLClassLoader.findClass(Unknown Source)\n\tat java.base/java.lang.ClassLoader.loadClass(Unknown Source)\n\tat java.base/java.lang.ClassLoader.loadClass(Unknown Source)\n\tat java.base/java.lang.Class.forName0(Native Method)\n\tat java.base/java.lang.Class.forName(Unknown Source)", wantHandler, "unknown"},
		// a ClassNotFoundException the handler's own code raises while it
		// runs (a JDBC driver or a plugin loaded by name): startRuntimeLoop
		// reports the Throwable by its own message, the class name, through
		// LambdaErrorConverter.fromThrowable and UserFault.makeUserFault
		{"class not found while running, the error object", `{"errorMessage":"com.mysql.cj.jdbc.Driver","errorType":"java.lang.ClassNotFoundException","stackTrace":["java.base/jdk.internal.loader.BuiltinClassLoader.loadClass(Unknown Source)","java.base/java.lang.Class.forName(Unknown Source)","com.example.Handler.handleRequest(Handler.java:31)"]}`, wantFnErr, "unknown"},
		{"class not found while running, the runtime's log", "com.mysql.cj.jdbc.Driver: java.lang.ClassNotFoundException\njava.lang.ClassNotFoundException: com.mysql.cj.jdbc.Driver\n\tat java.base/jdk.internal.loader.BuiltinClassLoader.loadClass(Unknown Source)\n\tat java.base/java.lang.Class.forName(Unknown Source)\n\tat com.example.Handler.handleRequest(Handler.java:31)", wantFnErr, "unknown"},
		// the exception's own line heads both traces: alone, it keeps the
		// handler's reading, as before
		{"the exception alone", "java.lang.ClassNotFoundException: com.example.Handler", wantHandler, "unknown"},
		{"class not found while running, the error object's fields in the other order", `{"errorType":"java.lang.ClassNotFoundException","errorMessage":"org.postgresql.Driver"}`, wantFnErr, "unknown"},
		{"not a request handler", "Class com.example.Handler does not implement RequestHandler with concrete type parameters", wantHandler, "unknown"},
		{"no handler interface", "Class does not implement an appropriate handler interface: com.example.Handler", wantHandler, "unknown"},
		{"no constructor", "Class com.example.Handler has no public zero-argument constructor", wantHandler, "unknown"},
		{"inner class", "Class com.example.App$Handler cannot be instantiated because it is a non-static inner class", wantHandler, "unknown"},
		{"no method", "No public method named handleRequest with appropriate method signature found on class com.example.Handler", wantHandler, "unknown"},
		{"invalid handler", "Invalid handler: `com.example.Handler::'", wantHandler, "unknown"},
		{"class missing from the jar", `{"errorMessage":"Error loading class com.example.Handler: com/amazonaws/services/lambda/runtime/RequestHandler","errorType":"java.lang.NoClassDefFoundError"}`, wantHandler, "unknown"},
		{"event parsing", `{"errorMessage":"An error occurred during JSON parsing","errorType":"java.lang.RuntimeException"}`, wantFnErr, "unknown"},
		{"response serialization", `{"errorMessage":"An error occurred during JSON serialization of response","errorType":"java.lang.RuntimeException"}`, wantFnErr, "unknown"},
		{"heap", `{"errorMessage":"Java heap space","errorType":"java.lang.OutOfMemoryError"}`, "lambda_out_of_memory", "unknown"},
	})
}

// .NET 6 and 8: Amazon.Lambda.RuntimeSupport (Bootstrap/Errors.cs), and
// the .NET host's answer when the function targets a framework the
// runtime lacks.
func TestDotnetRuntimeForms(t *testing.T) {
	checkWordings(t, []wording{
		{"assembly", "Could not find the specified handler assembly with the file name 'MyFunction'. The assembly should be located in the root of your uploaded .zip file.", wantHandler, "unknown"},
		{"type", "Unable to load type 'MyFunction.Function' from assembly 'MyFunction'.", wantHandler, "unknown"},
		{"method", "Unable to find method 'FunctionHandler' in type 'MyFunction.Function' from assembly 'MyFunction': Found no methods matching method name 'FunctionHandler'.", wantHandler, "unknown"},
		{"handler string", "Invalid lambda function handler: 'MyFunction', the type is missing. The valid format is 'ASSEMBLY::TYPE::METHOD'.", wantHandler, "unknown"},
		{"serializer", "Could not find the LambdaSerializerAttribute on the assembly 'MyFunction' or method 'FunctionHandler' while attempting to deserialize input data of type 'Amazon.Lambda.APIGatewayEvents.APIGatewayProxyRequest'. To use types other than System.IO.Stream as input/output parameters, the assembly or Lambda function should be annotated with Amazon.Lambda.LambdaSerializerAttribute.", wantHandler, "unknown"},
		{"async void", "The method 'FunctionHandler' cannot be used as a Lambda Handler because it is an 'async void' method. Handler methods cannot be 'async void'. Please specify a method that is not 'async void'.", wantHandler, "unknown"},
		{"overloads", "The method 'FunctionHandler' in type 'MyFunction.Function' appears to have a number of overloads. To call this method please specify a complete method signature.", wantHandler, "unknown"},
		{"parameters", "Method 'FunctionHandler' of type 'MyFunction.Function' is not supported: the method has more than 2 parameters.", wantHandler, "unknown"},
		{"framework missing", "You must install or update .NET to run this application.\n\nApp: /var/task/bootstrap.dll\nArchitecture: x64\nFramework: 'Microsoft.NETCore.App', version '8.0.0' (x64)", wantHandler, "unknown"},
		{"response too long", "The Lambda function returned a response that is too long to serialize. The response size limit for a Lambda function is 6MB.", "lambda_payload_too_large", "unknown"},
		{"out of memory", "Unhandled exception. System.OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown.", "lambda_out_of_memory", "unknown"},
		{"unhandled", "Unhandled exception. System.InvalidOperationException: Sequence contains no elements", wantFnErr, "unknown"},
	})
}

// Go (the go1.x runtime and an OS-only runtime's bootstrap), Ruby, custom
// runtimes and container images: the Lambda developer guide's pages on
// troubleshooting invocations, deployments and container images, the
// guide's Go and custom runtime pages, and aws_lambda_ric
// (lambda_handler.rb, lambda_errors.rb).
func TestOtherRuntimeForms(t *testing.T) {
	const req = "RequestId: 0b59a014-da05-49a0-98c3-fe2ac06de4fd "
	checkWordings(t, []wording{
		{"go binary missing", `{"errorMessage":"fork/exec /var/task/main: no such file or directory","errorType":"PathError"}`, wantHandler, "unknown"},
		{"go binary not executable", `{"errorMessage":"fork/exec /var/task/main: permission denied","errorType":"PathError"}`, "lambda_package_permission", "unknown"},
		{"bootstrap not executable", req + "Error: Runtime failed to start: fork/exec /var/task/bootstrap: permission denied\nRuntime.ExitError", "lambda_package_permission", "unknown"},
		{"go architecture", `{"errorMessage":"fork/exec /var/task/main: exec format error","errorType":"PathError"}`, wantCrash, "unknown"},
		{"bootstrap architecture", req + "Error: fork/exec /var/task/bootstrap: exec format error\nRuntime.InvalidEntrypoint", wantCrash, "unknown"},
		// a wrapper whose child could not start waits until the timeout
		{"child architecture then a timeout", "START " + req + "Version: $LATEST\n" +
			"2022/05/19 05:54:58 Membrane Error: there was an error starting the child process: fork/exec /usr/local/bin/ts-node: exec format error, exiting\n" +
			"END " + req + "\n2022-05-19T05:55:13.417Z 0b59a014-da05-49a0-98c3-fe2ac06de4fd Task timed out after 15.02 seconds", wantCrash, "unknown"},
		{"bootstrap missing", req + "Error: Couldn't find valid bootstrap(s): [/var/task/bootstrap /opt/bootstrap]\nRuntime.InvalidEntrypoint", wantCrash, "unknown"},
		{"bootstrap shared library", "/var/task/bootstrap: error while loading shared libraries: libssl.so.1.1: cannot open shared object file: No such file or directory", wantCrash, "unknown"},
		// (a program the function runs, failing so, is the function's own call)
		{"another program's shared library", "/opt/bin/ffmpeg: error while loading shared libraries: libx264.so.155: cannot open shared object file: No such file or directory", "unknown", "unknown"},
		{"bootstrap libc", "/var/task/bootstrap: /lib64/libc.so.6: version `GLIBC_2.34' not found (required by /var/task/bootstrap)", wantCrash, "unknown"},
		{"go exit", `{"errorMessage":"RequestId: 0b59a014 Error: Runtime exited with error: exit status 2","errorType":"Runtime.ExitError"}`, wantCrash, "unknown"},
		{"go panic", `{"errorMessage":"runtime error: index out of range [3] with length 3","errorType":"runtime.boundsError","stackTrace":[{"path":"github.com/aws/aws-lambda-go@v1.41.0/lambda/errors.go","line":39,"label":"lambdaPanicResponse"}]}`, wantFnErr, "unknown"},
		{"image architecture", "IMAGE\tLaunch error: fork/exec /lambda-entrypoint.sh: exec format error\tEntrypoint: [/lambda-entrypoint.sh]\tCmd: [app.handler]\tWorkingDir: [/var/task]", wantCrash, "unknown"},
		{"image entrypoint missing", "IMAGE\tLaunch error: fork/exec /usr/local/bin/uvicorn: no such file or directory\tEntrypoint: [/usr/local/bin/uvicorn]\tCmd: [main:app]\tWorkingDir: [/var/task]", wantCrash, "unknown"},
		{"image command not on path", `{"errorType":"Runtime.InvalidEntrypoint","errorMessage":"RequestId: 0b59a014 Error: exec: \"app.handler\": executable file not found in $PATH"}`, wantCrash, "unknown"},
		{"image command not on path without the type", "Error: exec: \"app.handler\": executable file not found in $PATH", wantCrash, "unknown"},
		{"unknown", req + "Error: Unknown application error occurred\nRuntime.Unknown", wantCrash, "unknown"},
		{"ruby file", `{"errorMessage":"cannot load such file -- lambda_function","errorType":"Init<LoadError>"}`, wantHandler, "unknown"},
		{"ruby constant", `{"errorMessage":"uninitialized constant LambdaFunction::Handler","errorType":"Init<NameError>"}`, wantHandler, "unknown"},
		{"ruby syntax", `{"errorMessage":"/var/task/lambda_function.rb:4: syntax error, unexpected end-of-input","errorType":"Init<SyntaxError>"}`, wantHandler, "unknown"},
		{"ruby handler form", "Invalid handler lambda_function, must be of form FILENAME.METHOD or FILENAME.CLASS.METHOD where FILENAME corresponds with an existing Ruby source file FILENAME.rb", wantHandler, "unknown"},
		{"ruby function", `{"errorMessage":"undefined method ` + "`[]'" + ` for nil:NilClass","errorType":"Function<NoMethodError>"}`, wantFnErr, "unknown"},
		// a require the handler makes as it runs (lambda_errors.rb types it
		// Function<...>, the handler's file not loading Init<...>)
		{"ruby require while running", `{"errorMessage":"cannot load such file -- aws-sdk-s3","errorType":"Function<LoadError>","stackTrace":["/var/task/lambda_function.rb:9:in ` + "`require'" + `"]}`, wantFnErr, "unknown"},
		{"killed", req + "Error: Runtime exited with error: signal: killed\nRuntime.ExitError", "lambda_out_of_memory", "unknown"},
		{"segfault", req + "Error: Runtime exited with error: signal: segmentation fault\nRuntime.ExitError", wantCrash, "unknown"},
		{"extension", "INIT_REPORT Init Duration: 52.12 ms\tPhase: init\tStatus: error\tError Type: Extension.Crash", wantCrash, "unknown"},
		// the Extensions API reference: an extension's init or exit error is "Extension.<reason>"
		{"extension error type", `{"errorType":"Extension.UnknownReason","errorMessage":"RequestId: 0b59a014 Error: extension failed to register"}`, wantCrash, "unknown"},
		{"extension error in the report", "REPORT " + req + "\tDuration: 12.00 ms\tBilled Duration: 12 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB\tStatus: error\tError Type: Extension.ConfigInvalid", wantCrash, "unknown"},
		{"init timeout", "INIT_REPORT Init Duration: 9999.68 ms\tPhase: init\tStatus: timeout", "lambda_function_timeout", "unknown"},
	})
}

// Lambda's Invoke API errors for SnapStart and for an environment Lambda
// cannot set up, as the gateway logs them (the Lambda API reference): the
// afterRestore hook failing is the runtime not starting, a restore over
// its time limit the function's timeout; a snapshot not ready yet, a
// runtime Lambda no longer supports, a package it cannot unzip, a subnet
// that does not exist name no cause the taxonomy holds, and stay
// unknown with the 500 they show.
func TestDocumentedInvokeEnvironmentErrors(t *testing.T) {
	const id = "(6c6d6e6f-0000-4000-8000-00000000abcd) "
	failed := func(code, body string) string {
		return id + "Lambda invocation failed with status: " + code + ". Lambda request id: 0b59a014-da05-49a0-98c3-fe2ac06de4fd\n" +
			id + "Execution failed due to configuration error: " + body + "\n" + id + "Method completed with status: 500"
	}
	checkWordings(t, []wording{
		{"after restore hook", failed("400", `{"Type":"User","message":"The afterRestore() runtime hook encountered an error. For more information, check the Amazon CloudWatch logs."} SnapStartException`), wantCrash, "500"},
		{"restore timeout", failed("408", `{"Type":"User","message":"Lambda couldn't restore the snapshot within the timeout limit."} SnapStartTimeoutException`), "lambda_function_timeout", "500"},
		{"snapshot not ready", failed("409", `{"Type":"User","message":"Lambda is initializing your function. You can invoke the function when the state of your function is Active."} SnapStartNotReadyException`), "unknown", "500"},
		{"runtime not supported", failed("502", `{"Type":"User","message":"The runtime or runtime version for this function is not supported"} InvalidRuntimeException`), "unknown", "500"},
		{"zip", failed("502", `{"Type":"User","message":"Lambda was not able to unzip the deployment package."} InvalidZipFileException`), "unknown", "500"},
		{"subnet", failed("502", `{"Type":"User","message":"The subnet ID subnet-0abc does not exist."} InvalidSubnetIDException`), "unknown", "500"},
	})
}

// The web adapters' own failure messages, as each library's source writes
// them (see TestAdapterWordings for the older ones).
func TestMoreAdapterForms(t *testing.T) {
	checkWordings(t, []wording{
		// @codegenie/serverless-express src/event-sources/index.js, src/transport.js
		{"serverless-express no source", "Error: Couldn't detect valid event source.", wantFnErr, "unknown"},
		{"serverless-express answered 500", "2024-03-12T10:15:01.123Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\tSERVERLESS_EXPRESS:RESPOND_TO_EVENT_SOURCE_WITH_ERROR Error: connect ECONNREFUSED 127.0.0.1:5432", wantFnErr, "500"},
		// mangum/protocols/http.py HTTPCycle.run (its releases since 0.12), lifespan.py
		{"mangum app exception", pyRuntimeErr + "An error occurred running the application.\nTraceback (most recent call last):", wantFnErr, "500"},
		{"mangum lifespan", "mangum.exceptions.LifespanFailure: Lifespan startup failure. database unreachable", wantFnErr, "unknown"},
		// aws-lambda-web-adapter src/lib.rs is_web_ready, src/readiness.rs: every 2 s the app is not ready
		{"web adapter not ready", "2024-03-12T10:15:03.123Z  INFO lambda_web_adapter: app is not ready after 2000ms url=http://127.0.0.1:8080/", "lambda_function_timeout", "unknown"},
		{"web adapter not ready, then the function's error", "app is not ready after 2000ms url=http://127.0.0.1:8080/\n" + pyRuntimeErr + "Runtime.ImportModuleError: Unable to import module 'run': No module named 'run'", wantHandler, "unknown"},
		// aws-serverless-java-container LambdaContainerHandler.java
		{"java container init", "com.amazonaws.serverless.exceptions.ContainerInitializationException: Could not initialize framework within the 20000ms timeout", "lambda_function_timeout", "unknown"},
		// bref src/Runtime/FileHandlerLocator.php, src/FpmRuntime/Main.php, FpmHandler.php, FastCgi/Timeout.php
		{"bref handler file", "Fatal error: Uncaught Bref\\Runtime\\HandlerNotFound: Handler `/var/task/index.php` doesn't exist", wantHandler, "unknown"},
		{"bref handler value", "Handler `/var/task/handler.php` must return a function or object handler. See https://bref.sh/docs/runtimes/function.html", wantHandler, "unknown"},
		{"bref fpm start", "Fatal error: Uncaught RuntimeException: Error while starting PHP-FPM: PHP-FPM failed to start", wantCrash, "unknown"},
		{"bref fpm timeout", "0b59a014-da05-49a0-98c3-fe2ac06de4fd The PHP script timed out. Bref will now restart PHP-FPM to start from a clean slate and flush the PHP logs.", "lambda_function_timeout", "unknown"},
	})
}

// The runtime API's 413 to a runtime posting a response over Lambda's 6 MB
// limit, as each runtime client words it in the function's log: the code
// is the runtime API's answer to the runtime, never what the API's client
// got (a false all-clear, were it read as a 4xx the client saw).
func TestRuntimeClientPayloadForms(t *testing.T) {
	const (
		p   = "lambda_payload_too_large"
		url = "http://127.0.0.1:9001/2018-06-01/runtime/invocation/8476a536-e9f4-11e8-9739-2dfe598c3fcd"
	)
	checkWordings(t, []wording{
		// aws-lambda-go, lambda/runtime_api_client.go and lambda/entry.go
		// (log.Fatalf of the error handleInvoke returns)
		{"go", "2024/03/12 10:15:01 unexpected error occurred when sending the function functionResponse to the API: failed to POST to " + url + "/response: got unexpected status code: 413", p, "unknown"},
		// aws-lambda-java-runtime-interface-client, NativeClient's JNI
		// postInvocationResponse and LambdaRuntimeClientException
		{"java", "Exception in thread \"main\" com.amazonaws.services.lambda.runtime.api.client.runtimeapi.LambdaRuntimeClientException: Failed to post invocation response. Response code: '413'.", p, "unknown"},
		// awslambdaric's pure-Python client (lambda_runtime_client.py,
		// LambdaRuntimeClientError), the body left out
		{"python client error", "[ERROR] LambdaRuntimeClientError: Request to Lambda Runtime '/2018-06-01/runtime/invocation/8476a536/response' endpoint failed. Reason: '413'.", p, "unknown"},
		// Bref's LambdaRuntime.php before ResponseTooBig (curl's --fail
		// message), and ResponseTooBig's own message
		{"bref curl", "PHP Fatal error:  Uncaught Exception: Error while calling the Lambda runtime API: The requested URL returned error: 413 Request Entity Too Large in /opt/bref/src/Runtime/LambdaRuntime.php:284", p, "unknown"},
		{"bref response too big", "Fatal error: Uncaught Bref\\Runtime\\ResponseTooBig: The Lambda response is too big and above the limit: 6 MB for HTTP responses and other synchronous invocations, 256 KB for asynchronous invocations", p, "unknown"},
		// the runtime interface emulator's wording, with the response's size
		// (interop/model.go ErrorResponseTooLarge)
		{"emulator response size", `{"errorType":"Function.ResponseSizeTooLarge","errorMessage":"Response payload size (7340032 bytes) exceeded maximum allowed payload size (6291556 bytes)."}`, p, "unknown"},
		// sam local start-api running the function in the emulator, which
		// refuses the response as Lambda does; the SAM CLI's local gateway
		// then cannot read the error object as a proxy response
		// (local_apigw_service.py) and answers 502
		{"sam local", "2024-03-12 10:15:01 Invalid lambda response received: Invalid API Gateway Response Keys: {'errorMessage', 'errorType'} in {'errorMessage': 'Response payload size (7340032 bytes) exceeded maximum allowed payload size (6291556 bytes).', 'errorType': 'Function.ResponseSizeTooLarge'}\n2024-03-12 10:15:01 127.0.0.1 - - [12/Mar/2024 10:15:01] \"GET /big HTTP/1.1\" 502 -", p, "unknown"}, // (the emulator's 502, no deployed API's)
		{"limit quoted without its number", "The /index/files response exceeds maximum allowed payload size on prod.", p, "unknown"},
		// the same runtime API 413 beside the REST body the client got
		{"go beside the REST body", "{\"message\": \"Internal server error\"}\n2024/03/12 10:15:01 unexpected error occurred when sending the function functionResponse to the API: failed to POST to " + url + "/response: got unexpected status code: 413", p, "502"},
		// a custom runtime's own Error for the runtime API's answer, as
		// Bun's runtime.ts (Runtime.postInvocationResponse) throws it:
		// "Failed to post invocation response: ${res.status}
		// ${res.statusText}"; the 413 is no client's
		{"bun custom runtime", "Error: Failed to post invocation response: 413 Payload Too Large", p, "unknown"},
		// (another code from the runtime API is no payload, and no client's)
		{"go next refused", "2024/03/12 10:15:01 failed to GET " + url + "/next: got unexpected status code: 500", "unknown", "unknown"},
		// (a person naming the client error in a sentence keeps the status
		// they saw)
		{"person names the error", "When the response is over the limit you get a LambdaRuntimeClientError and the browser gets a 502 HTTP response status code.", "unknown", "502"},
	})
}

// The Lambda Invoke API's refusal of a request over 6 MB is the gateway's
// failure to invoke the function when the gateway logs it; in the
// function's own log it is the function's call to another function, a
// dependency's error. Neither an S3 upload's nor a web framework's 413 is
// Lambda's limit.
func TestPayloadLimitLookAlikes(t *testing.T) {
	checkWordings(t, []wording{
		{"invoke from the function, python", pyRuntimeErr + "ClientError: An error occurred (RequestEntityTooLargeException) when calling the Invoke operation: Request must be smaller than 6291456 bytes for the InvokeFunction operation", wantFnErr, "unknown"},
		{"invoke from the function, node", "2024-03-12T10:15:01.123Z\t0b59a014-da05-49a0-98c3-fe2ac06de4fd\tERROR\tInvoke Error \t{\"errorType\":\"RequestEntityTooLargeException\",\"errorMessage\":\"Request must be smaller than 6291456 bytes for the InvokeFunction operation\"}", wantFnErr, "unknown"},
		{"s3 upload", pyRuntimeErr + "ClientError: An error occurred (EntityTooLarge) when calling the PutObject operation: Your proposed upload exceeds the maximum allowed size", wantFnErr, "unknown"},
		{"express body limit", "PayloadTooLargeError: request entity too large", wantFnErr, "unknown"},
		// API Gateway's own limit on an integration's response, in the
		// same words as Lambda's but for its 10 MB
		{"gateway's 10 MB", "(0b59a014-da05-49a0-98c3-fe2ac06de4fd) Execution failed due to configuration error: Integration response of 12582912 bytes exceeds the maximum allowed payload size of 10485760 bytes", "backend_payload_too_large", "500"},
		// serverless-offline's hapi server refusing a request over the 10
		// MB it emulates (hapi's Boom 413), a 4xx to the client
		{"emulator request over 10 MB", "HTTP/1.1 413 Request Entity Too Large\n{\"statusCode\":413,\"error\":\"Request Entity Too Large\",\"message\":\"Payload content length greater than maximum allowed: 10485760\"}", "not_5xx", "none"},
		// the gateway logging Lambda's refusal of its invocation (an HTTP
		// API's access record: $context.integrationErrorMessage and
		// $context.integration.integrationStatus)
		{"gateway invoke refused", `{"requestId":"RL2XYiwjPHcEMEQ=","status":"500","integrationStatus":"413","integrationErrorMessage":"Request must be smaller than 6291456 bytes for the InvokeFunction operation"}`, "lambda_payload_too_large", "500"},
	})
}

// A handler module that does not parse, where no runtime wraps its
// SyntaxError in Runtime.UserCodeSyntaxError (the Node.js 4.3 to 8.10
// runtimes, a custom runtime): the frames that compile a module's source
// under it, in each Node.js's loader (lib/module.js and vm.js up to 10,
// lib/internal/modules/cjs/loader.js's wrapSafe from 12). A SyntaxError
// JSON.parse throws in the handler, and an error the module's code throws
// as it runs (Module._compile without the compile frames), are the
// function's own.
func TestNodeCompileFrames(t *testing.T) {
	checkWordings(t, []wording{
		{"node 6", "SyntaxError: Unexpected token )\n    at Object.exports.runInThisContext (vm.js:76:16)\n    at Module._compile (module.js:542:28)\n    at Object.Module._extensions..js (module.js:579:10)", wantHandler, "unknown"},
		{"node 8 and 10", "SyntaxError: Unexpected token .\n    at new Script (vm.js:79:7)\n    at createScript (vm.js:251:10)\n    at Object.runInThisContext (vm.js:303:10)\n    at Module._compile (internal/modules/cjs/loader.js:657:28)", wantHandler, "unknown"},
		{"node 12 error object", `{"errorType":"SyntaxError","errorMessage":"Unexpected identifier","trace":["/var/task/index.js:3","SyntaxError: Unexpected identifier","    at wrapSafe (internal/modules/cjs/loader.js:1053:16)","    at Module._compile (internal/modules/cjs/loader.js:1101:27)"]}`, wantHandler, "unknown"},
		{"node 16", "SyntaxError: missing ) after argument list\n    at Object.compileFunction (node:vm:352:18)\n    at wrapSafe (node:internal/modules/cjs/loader:1031:15)\n    at Module._compile (node:internal/modules/cjs/loader:1065:27)", wantHandler, "unknown"},
		{"node 20", "SyntaxError: Unexpected token 'export'\n    at internalCompileFunction (node:internal/vm:73:18)\n    at wrapSafe (node:internal/modules/cjs/loader:1178:20)\n    at Module._compile (node:internal/modules/cjs/loader:1220:27)", wantHandler, "unknown"},
		{"over a customer function error", "Lambda execution failed with status 200 due to customer function error: Unexpected token ). Lambda request id: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\nSyntaxError: Unexpected token )\n    at Object.exports.runInThisContext (vm.js:76:16)", wantHandler, "unknown"},
		// the same SyntaxError as the Node.js 4.3 to 8.10 runtimes returned
		// it, an error object whose stack holds the loader's frames and no
		// compile frame, pasted as the console prints it or on one line;
		// and one thrown as the module loaded (a JSON.parse at its top),
		// which the runtime interface client's _loadUserApp reports as
		// Runtime.UserCodeSyntaxError too
		{"node 6 error object", "{\n  \"errorMessage\": \"Unexpected token function\",\n  \"errorType\": \"SyntaxError\",\n  \"stackTrace\": [\n    \"Function.Module._load (module.js:438:3)\",\n    \"Module.require (module.js:497:17)\",\n    \"require (internal/module.js:20:19)\",\n    \"Object.<anonymous> (/var/task/app/schema.js:36:31)\"\n  ]\n}", wantHandler, "unknown"},
		{"node 8 error object, one line", `{"errorMessage":"Unexpected token } in JSON at position 20","errorType":"SyntaxError","stackTrace":["JSON.parse (<anonymous>)","Object.<anonymous> (/var/task/config.js:2:21)","Module._compile (module.js:652:30)","Object.Module._extensions..js (module.js:663:10)"]}`, wantHandler, "unknown"},
		// (negatives)
		{"json.parse in the handler, an error object", "{\n  \"errorMessage\": \"Unexpected token u in JSON at position 0\",\n  \"errorType\": \"SyntaxError\",\n  \"stackTrace\": [\n    \"JSON.parse (<anonymous>)\",\n    \"exports.handler (/var/task/index.js:4:22)\"\n  ]\n}", wantFnErr, "unknown"},
		{"a TypeError as the module loaded", "{\n  \"errorMessage\": \"Object.defineProperty called on non-object\",\n  \"errorType\": \"TypeError\",\n  \"stackTrace\": [\n    \"Object.<anonymous> (/var/task/index.js:5:8)\",\n    \"Module._compile (module.js:652:30)\",\n    \"Function.Module._load (module.js:497:3)\"\n  ]\n}", wantFnErr, "unknown"},
		{"json.parse in the handler", "START RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST\nSyntaxError: Unexpected token u in JSON at position 0\n    at JSON.parse (<anonymous>)\n    at Runtime.handler (/var/task/index.js:5:20)", wantFnErr, "unknown"},
		{"a module's code throwing as it runs", "TypeError: Cannot read properties of undefined (reading 'split')\n    at Object.<anonymous> (/var/task/index.js:3:40)\n    at Module._compile (node:internal/modules/cjs/loader:1256:14)\n    at Module._extensions..js (node:internal/modules/cjs/loader:1310:10)", wantFnErr, "unknown"},
	})
}

// A native module built for another platform than Lambda's Amazon Linux
// and architecture: the dynamic loader's refusals (glibc's elf/dl-load.c)
// of a .so or .node file in the package or a layer, and Node.js's refusal
// of an addon built for another Node.js (src/node_binding.cc). The Python
// runtime wraps them in Runtime.ImportModuleError; Zappa's and Node.js's
// loaders leave them raw. The same refusal of a file on a developer's
// machine, and a bootstrap of the wrong architecture (the runtime not
// starting), are no handler of the function's.
func TestNativeModuleForms(t *testing.T) {
	checkWordings(t, []wording{
		{"python, raw", "ImportError: /var/task/PIL/_imaging.so: invalid ELF header", wantHandler, "unknown"},
		{"python, wrapped", pyRuntimeErr + "Runtime.ImportModuleError: Unable to import module 'app': /var/task/PIL/_imaging.cpython-312-x86_64-linux-gnu.so: invalid ELF header", wantHandler, "unknown"},
		// (aws-lambda-nodejs-runtime-interface-client issue 32: an addon in a layer)
		{"node addon in a layer", `{"errorType":"Error","errorMessage":"/opt/nodejs/node_modules/raw-socket/build/Release/raw.node: invalid ELF header","trace":["Error: /opt/nodejs/node_modules/raw-socket/build/Release/raw.node: invalid ELF header","    at Object.Module._extensions..node (internal/modules/cjs/loader.js:1131:18)"]}`, wantHandler, "unknown"},
		{"32-bit build", "ImportError: /var/task/numpy/core/_multiarray_umath.cpython-39-x86_64-linux-gnu.so: wrong ELF class: ELFCLASS32", wantHandler, "unknown"},
		{"a damaged addon", "Error: /var/task/node_modules/argon2/build/Release/argon2.node: ELF file's phentsize not the expected size", wantHandler, "unknown"},
		{"not a library", "OSError: /var/task/lib/libfoo.so.1: only ET_DYN and ET_EXEC can be loaded", wantHandler, "unknown"},
		{"another node.js", nodeUncaught + `{"errorType":"Error","errorMessage":"The module '/var/task/node_modules/bcrypt/lib/binding/napi-v3/bcrypt_lib.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 72. This version of Node.js requires\nNODE_MODULE_VERSION 83. Please try re-compiling or re-installing\nthe module (for instance, using ` + "`npm rebuild` or `npm install`" + `)."}`, wantHandler, "unknown"},
		{"another node.js, before 8", "Error: Module version mismatch. Expected 46, got 48.", wantHandler, "unknown"},
		// an error raised where Node.js's loader dlopens an addon, whatever
		// its message (the Node.js 4.3 runtime's "module initialization
		// error", Node.js 12 and later's loader frames)
		{"an addon that did not load, node.js 4.3", "module initialization error: Error\nat Error (native)\nat Object.Module._extensions..node (module.js:434:18)\nat Module.load (module.js:343:32)\nat Object.<anonymous> (/var/task/node_modules/sharp/lib/constructor.js:8:15)", wantHandler, "unknown"},
		{"an addon that did not load, node.js 20", "Error: libvips-cpp.so.42: cannot open shared object file: No such file or directory\n    at Module._extensions..node (node:internal/modules/cjs/loader:1473:18)\n    at Module.load (node:internal/modules/cjs/loader:1207:32)", wantHandler, "unknown"},
		// (negatives)
		{"on a developer's machine", "Error: /Users/dev/app/node_modules/sharp/build/Release/sharp.node: invalid ELF header", "unknown", "unknown"},
		{"a bootstrap of another architecture", "RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Error: fork/exec /var/task/bootstrap: exec format error\nRuntime.InvalidEntrypoint", wantCrash, "unknown"},
	})
}

// A REPORT whose figures follow it on the next lines: Serverless Framework
// v4's "serverless logs" ("REPORT - <id>", its figures on the next line)
// and the CloudWatch console's expanded event (a figure to a line). Max
// Memory Used at Memory Size is the function out of memory, as on one
// line; figures below it leave the invocation clean, which a REST 502
// then reads as an answer the gateway refused.
func TestReportFiguresOnNextLines(t *testing.T) {
	const (
		id  = "6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11"
		bad = "HTTP/1.1 502 Bad Gateway\n"
		sls = "START - " + id + " - Version: $LATEST\nEND - " + id + "\nREPORT - " + id + "\n"
	)
	checkWordings(t, []wording{
		{"serverless v4", bad + sls + "Duration: 612.40 ms Billed Duration: 613 ms Memory Size: 128 MB Max Memory Used: 128 MB", "lambda_out_of_memory", "502"},
		{"a figure to a line", bad + "REPORT RequestId: " + id + "\nDuration: 612.40 ms\nBilled Duration: 613 ms\nMemory Size: 1024 MB\nMax Memory Used: 1024 MB", "lambda_out_of_memory", "502"},
		{"after the older runtimes' exit", bad + "START RequestId: " + id + " Version: $LATEST\nRequestId: " + id + " Process exited before completing request\nEND RequestId: " + id + "\nREPORT RequestId: " + id + "\nDuration: 2996.12 ms\nMemory Size: 128 MB\nMax Memory Used: 128 MB", "lambda_out_of_memory", "502"},
		{"the 2024 format's error type", bad + sls + "Duration: 912.00 ms Billed Duration: 913 ms Memory Size: 1024 MB Max Memory Used: 402 MB Status: error Error Type: Function.ResponseSizeTooLarge", "lambda_payload_too_large", "502"},
		// (negatives: memory below the limit, and figures too far below)
		{"serverless v4, clean", bad + sls + "Duration: 612.40 ms Billed Duration: 613 ms Memory Size: 128 MB Max Memory Used: 61 MB", "lambda_malformed_proxy_response", "502"},
		{"figures of nothing", bad + "REPORT RequestId: " + id + "\nsome other output\nMemory Size: 128 MB\nMax Memory Used: 128 MB", "lambda_malformed_proxy_response", "502"},
	})
}

// A native module or a handler class built for a newer platform than the
// function's runtime: the dynamic loader's refusal of a library in the
// package or a layer linked against a newer glibc or libstdc++ (the
// bootstrap's own is the runtime not starting), and the JVM's refusal of a
// class compiled for a newer Java (the JVM specification's class file
// versions). A newer library a program the function runs needs, and a
// client's JVM, are neither.
func TestNewerPlatformForms(t *testing.T) {
	checkWordings(t, []wording{
		{"node addon, glibc", `{"errorType":"Error","errorMessage":"/lib64/libc.so.6: version ` + "`GLIBC_2.28'" + ` not found (required by /var/task/node_modules/argon2/lib/binding/napi-v3/argon2.node)"}`, wantHandler, "unknown"},
		{"node addon, libstdc++", "Error: /var/lang/lib/libstdc++.so.6: version `GLIBCXX_3.4.21' not found (required by /var/task/node_modules/bcrypt/lib/binding/bcrypt_lib.node)", wantHandler, "unknown"},
		// an app the handler imports as it runs (Zappa's), whose import
		// error the runtime logs as the invocation's: the loader's refusal
		// says why the import failed
		{"python extension, imported by the handler", "[ERROR] ImportError: /lib64/libc.so.6: version `GLIBC_2.18' not found (required by /var/task/cryptography/hazmat/bindings/_rust.abi3.so)", wantHandler, "unknown"},
		{"python extension in a layer", "ImportError: /lib64/libm.so.6: version `GLIBC_2.27' not found (required by /opt/python/numpy/core/_multiarray_umath.cpython-311-x86_64-linux-gnu.so)", wantHandler, "unknown"},
		{"java 17 class on java 11", "java.lang.UnsupportedClassVersionError: example/Handler has been compiled by a more recent version of the Java Runtime (class file version 61.0), this version of the Java Runtime only recognizes class file versions up to 55.0", wantHandler, "unknown"},
		{"java error object", `{"errorMessage":"example/Handler has been compiled by a more recent version of the Java Runtime (class file version 65.0), this version of the Java Runtime only recognizes class file versions up to 61.0","errorType":"java.lang.UnsupportedClassVersionError"}`, wantHandler, "unknown"},
		// (negatives)
		{"the bootstrap itself", "/var/task/bootstrap: /lib64/libc.so.6: version `GLIBC_2.34' not found (required by /var/task/bootstrap)", wantCrash, "unknown"},
		{"the quotes lost in markdown", "the following appears: `/var/task/handler: /lib64/libc.so.6: version GLIBC_2.32 not found (required by /var/task/handler)`.", wantCrash, "unknown"},
		// go1.x's handler binary, whose exit the runtime then reports in
		// its older words: the loader's refusal is the cause, the exit its
		// consequence
		{"go1.x's binary, then its exit", "START RequestId: 1340f6e4-ceee-401b-950b-cac0880a4f95 Version: $LATEST\n/var/task/main: /lib64/libc.so.6: version `GLIBC_2.28' not found (required by /var/task/main)\nEND RequestId: 1340f6e4-ceee-401b-950b-cac0880a4f95\nRequestId: 1340f6e4-ceee-401b-950b-cac0880a4f95 Process exited before completing request", wantCrash, "unknown"},
		{"an addon, the quotes lost", "/lib64/libc.so.6: version GLIBC_2.28 not found (required by /var/task/node_modules/argon2/lib/binding/napi-v3/argon2.node)", wantHandler, "unknown"},
		{"a client's JVM", "Exception in thread \"main\" java.lang.UnsupportedClassVersionError: example/Client has been compiled by a more recent version of the Java Runtime (class file version 61.0), this version of the Java Runtime only recognizes class file versions up to 55.0", "unknown", "unknown"},
		{"a program the function runs", "START RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST\nffmpeg: /lib64/libc.so.6: version `GLIBC_2.32' not found (required by /tmp/ffmpeg)", wantCrash, "unknown"},
	})
}

// The addon loader's frame in a script's trace on a developer's machine
// (the script's frame under it, in a home folder) is no function's
// package: the trace is read to its end before the frame counts.
func TestAddonLoaderFrameOfAScript(t *testing.T) {
	d := diagnoseText(t, "Error: dlopen(/Users/dev/app/node_modules/sharp/build/Release/sharp.node, 0x0001): tried: '/Users/dev/app/node_modules/sharp/build/Release/sharp.node' (mach-o file, but is an incompatible architecture (have 'x86_64', need 'arm64'))\n    at Module._extensions..node (node:internal/modules/cjs/loader:1473:18)\n    at Object.<anonymous> (/Users/dev/app/node_modules/sharp/lib/sharp.js:10:21)\n    at Module._compile (node:internal/modules/cjs/loader:1369:14)")
	if d.Cause.String() == wantHandler {
		t.Errorf("a developer's trace read as the function's handler: %s", d.Why)
	}
}
