package classifier

// runtimeRules are the documented error output of each Lambda runtime that
// lambdaRules lacked, in the words of the runtime's own source: what it
// says when it cannot load the handler (lambda_handler_misconfigured),
// when it never started or ended early (lambda_runtime_crash), and when
// the code it ran failed in a way the generic shapes would misread. Each
// literal is the runtime's wording, rare anywhere else; the few that
// another program could print are read only on the logs' layers.
func runtimeRules() []ruleSpec {
	var all []ruleSpec
	for _, part := range [][]ruleSpec{nodeLoadRules(), nodeCompileRules(), nativeModuleRules(), javaVersionRules(), nodeRuntimeErrorRules(), pythonRuntimeRules(), javaLoadRules(), dotnetLoadRules(), nativeStartRules(), snapStartRules(), memoryRules(), runtimeAPIPayloadRules(), invokeImportRules(), goHandlerRules(), goErrorLogRules(), runtimeAPIInitRules(), packageModeRules(), execWrapperRules(), wrapperHandlerRules()} {
		all = append(all, part...)
	}
	return all
}

// nodeLoadRules: Node.js 18 to 22 loading the handler's module
// (aws-lambda-nodejs-runtime-interface-client's UserFunction.js and
// Errors.js, and Node.js's ES-module loader). CommonJS code loaded as an
// ES module ("require is not defined in ES module scope", the same for
// exports, module, __dirname and __filename), named imports from a
// CommonJS package, a directory or an unexported subpath imported from an
// ES module: the package's module format or layout, which the generic
// ReferenceError and SyntaxError rules would read as a bug in the code.
// Runtime.NodeJsExit is the process ending before the invocation did (most
// often a promise never settled), the runtime's premature exit.
func nodeLoadRules() []ruleSpec {
	h := CauseLambdaHandlerMisconfigured
	return []ruleSpec{
		{lit: "is not defined in es module scope", re: `\b(?:require|exports|module|__dirname|__filename) is not defined in es module scope`, cause: h, weight: wLikely},
		{lit: "is a commonjs module", re: `named export '[^']+' not found\. the requested module '[^']+' is a commonjs module`, cause: h, weight: wLikely},
		{lit: "err_unsupported_dir_import", cause: h, weight: 70},
		{lit: "err_package_path_not_exported", cause: h, weight: 70},
		{lit: "runtime.malformedstreaminghandler", cause: h, weight: wSpecific},
		{lit: "runtime.nodejsexit", cause: CauseLambdaRuntimeCrash, weight: wLikely},
		{lit: "detected an unexpected node.js exit code", cause: CauseLambdaRuntimeCrash, weight: wLikely},
	}
}

// nodeCompileRules: a module of the handler's that does not parse, as
// Node.js shows it where no runtime wraps it in Runtime.UserCodeSyntaxError
// (the Node.js 4.3 to 8.10 runtimes, custom runtimes, local emulators):
// the SyntaxError above the frames that compile a module's source. Only
// compiling a module puts them on the stack: Node.js 4 to 10's
// vm.runInThisContext, createScript and new Script (lib/module.js calls
// vm.runInThisContext on the module's wrapper), and Node.js 12 and later's
// wrapSafe, with vm's compileFunction and internalCompileFunction above it
// (lib/internal/modules/cjs/loader.js); an error the module's code throws
// as it runs shows Module._compile alone, which is the code's own failure.
// The runtime interface client names the same failure
// Runtime.UserCodeSyntaxError (UserFunction.js's _loadUserApp), at the
// same weight. Not on a client's or a CDN's lines.
func nodeCompileRules() []ruleSpec {
	h := CauseLambdaHandlerMisconfigured
	return []ruleSpec{
		{lit: "runinthiscontext (vm.js:", cause: h, weight: 70, layers: gatewayLogs},
		{lit: "createscript (vm.js:", cause: h, weight: 70, layers: gatewayLogs},
		{lit: "at new script (vm.js:", cause: h, weight: 70, layers: gatewayLogs},
		{lit: "at wrapsafe (", re: `at wrapsafe \((?:node:)?internal/modules/cjs/loader`, cause: h, weight: 70, layers: gatewayLogs},
		{lit: "compilefunction (", re: `at (?:object\.)?(?:internal)?compilefunction \((?:node:vm|vm\.js|node:internal/vm)`, cause: h, weight: 70, layers: gatewayLogs},
	}
}

// nativeModuleRules: a native module in the package (a Python extension's
// .so, a Node.js addon's .node, under /var/task or a layer's /opt) built
// for another platform, which the runtime cannot load into the function's
// process: the Lambda guide asks for native binaries compiled for its
// Amazon Linux and architecture. The dynamic loader's refusals of the file
// (glibc's elf/dl-load.c: "invalid ELF header" for a macOS or Windows
// build, "wrong ELF class: ELFCLASS32", "ELF file's phentsize not the
// expected size", "only ET_DYN and ET_EXEC can be loaded") and Node.js's
// refusal of an addon built for another Node.js (src/node_binding.cc:
// "was compiled against a different Node.js version using
// NODE_MODULE_VERSION", before it "Module version mismatch. Expected 46,
// got 48."). Python's runtime wraps them in Runtime.ImportModuleError;
// Node.js's leaves them raw, which the generic error shapes read as a
// bug in the code. (The runtime's own executable refused so, a bootstrap
// built for another architecture, is exec's "exec format error", the
// runtime not starting.)
func nativeModuleRules() []ruleSpec {
	h := CauseLambdaHandlerMisconfigured
	const libPath = `/(?:var/task|opt)/\S+\.(?:so(?:\.[\d.]+)?|node)`
	const lib = libPath + `: `
	return []ruleSpec{
		{lit: "invalid elf header", re: lib + `invalid elf header`, cause: h, weight: wSpecific, layers: gatewayLogs},
		{lit: "wrong elf class", re: lib + `wrong elf class`, cause: h, weight: wSpecific, layers: gatewayLogs},
		{lit: "elf file's phentsize", re: lib + `elf file's phentsize`, cause: h, weight: wSpecific, layers: gatewayLogs},
		{lit: "only et_dyn and et_exec", re: lib + `only et_dyn and et_exec`, cause: h, weight: wSpecific, layers: gatewayLogs},
		{lit: "was compiled against a different node.js version", cause: h, weight: wSpecific, layers: gatewayLogs},
		{lit: "module version mismatch. expected ", cause: h, weight: wSpecific, layers: gatewayLogs},
		// the dynamic loader's refusal of a library linked against a newer
		// glibc or libstdc++ than the runtime's ("version `GLIBC_2.28' not
		// found (required by /var/task/.../x.node)", "version
		// `GLIBCXX_3.4.21' not found", the quotes lost where markdown read
		// them as code): the module the handler imports, not the bootstrap
		// (nativeStartRules' crash), which this outweighs; and the import
		// that failed for it, whichever phase the runtime logged it in
		// (invokeImportRules' 75): an app imported by the handler as it
		// runs (Zappa's) fails so on every invocation, as the loader's
		// other refusals above (80) do
		{lit: " not found (required by /", re: `version [\x60'"]?glibc(?:xx)?_[0-9.]+[\x60'"]? not found \(required by ` + libPath + `\)`, cause: h, weight: 76, layers: gatewayLogs},
	}
}

// javaVersionRules: a handler class compiled for a newer Java than the
// function's runtime, which the JVM refuses to load (the Java Virtual
// Machine Specification's class file versions: UnsupportedClassVersionError,
// "has been compiled by a more recent version of the Java Runtime (class
// file version 61.0), this version of the Java Runtime only recognizes class
// file versions up to 55.0"): the handler does not match the runtime, as a
// .NET assembly built for a newer .NET does not (dotnetLoadRules). The
// generic java.*Error rule read it as the code's failure.
func javaVersionRules() []ruleSpec {
	h := CauseLambdaHandlerMisconfigured
	return []ruleSpec{
		{lit: "unsupportedclassversionerror", cause: h, weight: 70, layers: gatewayLogs},
		{lit: "has been compiled by a more recent version of the java runtime", cause: h, weight: 70, layers: gatewayLogs},
	}
}

// nodeRuntimeErrorRules: the error types the Node.js runtime interface
// client (24 and later; src/utils/errors.ts, src/context/constants.ts)
// names the failures of its own with, that the generic rules miss. A
// handler that takes a callback, which the runtime no longer calls
// ("AWS Lambda has removed support for callback-based function handlers
// starting with Node.js 24", and for Node.js 22 on Managed Instances), is
// a handler the runtime cannot use: the handler's signature, like its
// module format, must match the runtime. The runtime failing to load its
// own native client (a container image whose runtime interface client was
// installed without its native build) is the runtime not starting.
func nodeRuntimeErrorRules() []ruleSpec {
	h := CauseLambdaHandlerMisconfigured
	return []ruleSpec{
		{lit: "runtime.callbackhandlerdeprecated", cause: h, weight: wStrong},
		{lit: "callback-based function handlers", re: `(?:removed support for|does not support) callback-based function handlers`, cause: h, weight: 85},
		// ("Failed to load native client: Error: Cannot find module
		// './rapid-client.node'": the runtime's own module, not the
		// handler's, which the "Cannot find module" rule would name)
		{lit: "runtime.nativeclientloading", cause: CauseLambdaRuntimeCrash, weight: wSpecific},
		{lit: "failed to load native client", cause: CauseLambdaRuntimeCrash, weight: wSpecific},
	}
}

// memoryRules: the words each language's runtime prints when an
// allocation fails, which neither the generic "out of memory" rule nor
// the MemoryError one (Python's, and Ruby's NoMemoryError) holds:
// Rust's standard library's default allocation error handler ("memory
// allocation of 1073741824 bytes failed", then the process aborts),
// V8's "Array buffer allocation failed", C++'s std::bad_alloc, the JVM's
// "insufficient memory for the Java Runtime Environment",
// PHP's memory_limit ("Allowed memory size of 134217728 bytes exhausted
// (tried to allocate 20480 bytes)") and the C library's ENOMEM. The
// Lambda guide's answer is the same for all: raise the memory or use less.
func memoryRules() []ruleSpec {
	oom := CauseLambdaOutOfMemory
	return []ruleSpec{
		{lit: "memory allocation of ", re: `memory allocation of \d+ bytes failed`, cause: oom, weight: wSpecific, layers: gatewayLogs},
		{lit: "allowed memory size of ", re: `allowed memory size of \d+ bytes exhausted`, cause: oom, weight: wSpecific, layers: gatewayLogs},
		// V8's RangeError for an ArrayBuffer it could not allocate
		// (kArrayBufferAllocationFailed), which Node.js throws for a Buffer
		// the memory left cannot hold
		{lit: "array buffer allocation failed", cause: oom, weight: wSpecific, layers: gatewayLogs},
		// C++'s std::bad_alloc, which operator new throws when an
		// allocation fails (in a native module: sharp, pyarrow, a C++
		// custom runtime), and the JVM's fatal report of native memory it
		// could not get (hs_err's "There is insufficient memory for the
		// Java Runtime Environment to continue.")
		{lit: "std::bad_alloc", cause: oom, weight: wSpecific, layers: gatewayLogs},
		{lit: "insufficient memory for the java runtime environment", cause: oom, weight: wSpecific, layers: gatewayLogs},
		// the C library's message for ENOMEM, which every runtime prints
		// for an allocation or a fork the kernel refused for want of
		// memory (Python's "OSError: [Errno 12] Cannot allocate memory",
		// Node.js's "spawn ENOMEM" beside it)
		{lit: "cannot allocate memory", cause: oom, weight: 70, layers: gatewayLogs},
		// and its code as Node.js names it (libuv's UV_ENOMEM: "Error:
		// spawn ENOMEM", "ENOMEM: not enough memory, read")
		{lit: "enomem", re: `\benomem\b`, cause: oom, weight: 70, layers: gatewayLogs},
	}
}

// pythonRuntimeRules: awslambdaric's bootstrap.py and
// lambda_runtime_marshaller.py, whose messages the log shows with or
// without the Runtime.* type before them: a handler setting without a
// dot ("Bad handler '...'"), a module that does not parse, a module named
// like a built-in one; and the answer or event that is not JSON, a
// function error like Runtime.MarshalError. Its SnapStart hook failing
// after a restore (Runtime.AfterRestoreError) is the runtime not starting.
func pythonRuntimeRules() []ruleSpec {
	h := CauseLambdaHandlerMisconfigured
	return []ruleSpec{
		{lit: "bad handler '", cause: h, weight: 85, layers: gatewayLogs},
		// the handler lookup's AttributeError, which the runtime's
		// "Handler 'lambda_handler' missing on module 'lambda_function':
		// module 'lambda_function' has no attribute 'lambda_handler'" ends
		// with and some runtimes and adapters print alone (Zappa's handler
		// looking up the app_function its settings name: "module 'bot' has
		// no attribute 'app'"), for the names a handler or an app goes by;
		// another attribute missing from a library is the function's own
		// error ("module 'jwt' has no attribute 'encode'")
		{lit: "has no attribute '", re: `module '[\w.]+' has no attribute '(?:lambda_handler|handler|main|app|application)'`, cause: h, weight: 70, layers: gatewayLogs},
		{lit: "syntax error in module '", cause: h, weight: 70, layers: gatewayLogs},
		{lit: "runtime.builtinmoduleconflict", cause: h, weight: 85},
		{lit: "as a handler module", re: `cannot use built-in module \S+ as a handler module`, cause: h, weight: 85},
		{lit: "unable to marshal response", cause: CauseLambdaFunctionError, weight: 60, layers: gatewayLogs},
		{lit: "runtime.unmarshalerror", cause: CauseLambdaFunctionError, weight: 60},
		{lit: "unable to unmarshal input", cause: CauseLambdaFunctionError, weight: 60, layers: gatewayLogs},
		{lit: "runtime.afterrestoreerror", cause: CauseLambdaRuntimeCrash, weight: wLikely},
	}
}

// javaLoadRules: aws-lambda-java-runtime-interface-client's
// EventHandlerLoader.java refusing the handler class (no RequestHandler
// with concrete types, no handler interface, no public no-argument
// constructor, a non-static inner class, a handler string it cannot
// parse), and failing to read the event or write the answer as JSON (a
// function error, which the generic java.lang.RuntimeException rule would
// only guess at).
func javaLoadRules() []ruleSpec {
	h := CauseLambdaHandlerMisconfigured
	return []ruleSpec{
		{lit: "does not implement requesthandler", cause: h, weight: 85},
		{lit: "does not implement an appropriate handler interface", cause: h, weight: 85},
		{lit: "has no public zero-argument constructor", cause: h, weight: wSpecific, layers: gatewayLogs},
		{lit: "cannot be instantiated because it is a non-static inner class", cause: h, weight: wSpecific, layers: gatewayLogs},
		{lit: "invalid handler: `", cause: h, weight: 85, layers: gatewayLogs},
		// (a RequestHandler whose type parameters are not two, and a
		// handler method whose signature names a class the package lacks:
		// loadEventPojoHandler's NoClassDefFoundError)
		{lit: "invalid class signature for requesthandler", cause: h, weight: 85, layers: gatewayLogs},
		{lit: "error loading method ", re: `error loading method \S+ on class `, cause: h, weight: 85, layers: gatewayLogs},
		{lit: "an error occurred during json parsing", cause: CauseLambdaFunctionError, weight: wHint, layers: gatewayLogs},
		{lit: "an error occurred during json serialization of response", cause: CauseLambdaFunctionError, weight: wHint, layers: gatewayLogs},
	}
}

// dotnetLoadRules: Amazon.Lambda.RuntimeSupport's Bootstrap/Errors.cs (a
// serializer the assembly does not declare, a method that cannot be a
// handler, overloads, too many parameters), the .NET host finding no
// framework the function targets (a function built for a newer .NET than
// its runtime: "match the runtime"), the runtime's own refusal of an
// answer over 6 MB (which the generic "Lambda function returned" would
// call a function error) and the CLR's OutOfMemoryException (which the
// generic System.*Exception rule would).
func dotnetLoadRules() []ruleSpec {
	h := CauseLambdaHandlerMisconfigured
	return []ruleSpec{
		{lit: "could not find the lambdaserializerattribute", cause: h, weight: 85},
		{lit: "cannot be used as a lambda handler", cause: h, weight: 85},
		{lit: "appears to have a number of overloads", cause: h, weight: wSpecific, layers: gatewayLogs},
		{lit: "is not supported: the method has", cause: h, weight: wSpecific, layers: gatewayLogs},
		{lit: "you must install or update .net to run this application", cause: h, weight: 70, layers: gatewayLogs},
		{lit: "it was not possible to find any compatible framework version", cause: h, weight: 70, layers: gatewayLogs},
		{lit: "response that is too long to serialize", cause: CauseLambdaPayloadTooLarge, weight: wExplicit},
		// a handler type RuntimeSupport cannot call into (Errors.cs's
		// HandlerNotClassOrStruct: "cannot be used as a handler type since
		// it is not a class or a struct")
		{lit: "cannot be used as a handler type", cause: h, weight: 85, layers: gatewayLogs},
		// Amazon.Lambda.PowerShellHost (PowerShellFunctionHost.LoadScript):
		// the script the handler names is not in the package, or none is
		{lit: "failed to find powershell script", cause: h, weight: 85, layers: gatewayLogs},
		{lit: "no powershell script specified to be executed", cause: h, weight: 85, layers: gatewayLogs},
		// the PowerShell custom runtime (aws-lambda-powershell-runtime's
		// Get-Handler.ps1: a handler in none of its three forms; its
		// script, dot-sourced from the task root, missing, which PowerShell
		// words as a command it does not know)
		{lit: "invalid lambda handler: ", cause: h, weight: 85, layers: gatewayLogs},
		{lit: "is not recognized as", re: `the term '/var/task/[^']+\.ps1' is not recognized as`, cause: h, weight: 85, layers: gatewayLogs},
		// Amazon.Lambda.Serialization.Json's and SystemTextJson's
		// serializers refusing the handler's answer (the .NET form of
		// Python's Runtime.MarshalError): the function's error
		{lit: "error converting the response object of type", re: `error converting the response object of type \S+ from the lambda function to json`, cause: CauseLambdaFunctionError, weight: 60, layers: gatewayLogs},
		{lit: "system.outofmemoryexception", cause: CauseLambdaOutOfMemory, weight: 92, layers: gatewayLogs},
	}
}

// nativeStartRules: a runtime started as an executable (Go's binary on
// go1.x, an OS-only runtime's bootstrap, a container image's entrypoint)
// that cannot run, in the words of the Lambda guide's troubleshooting
// pages: a file without its execute bit ("fork/exec ...: permission
// denied", the package's permissions, outweighing the bootstrap's crash
// rule), a binary linked against a newer glibc than the runtime's (a
// Python extension saying so is an import error, which outweighs), an
// image whose entrypoint or command Lambda cannot launch ("IMAGE Launch
// error", exec's "executable file not found in $PATH"). (Runtime.Unknown's
// message, "Unknown application error occurred", is left to its type: the
// console prints it under the error that names the cause.) Ruby's runtime interface client names the
// load errors of the handler's file Init<...>: a missing constant or a
// syntax error is the handler not loading, like Init<LoadError>.
func nativeStartRules() []ruleSpec {
	c := CauseLambdaRuntimeCrash
	return []ruleSpec{
		{lit: "fork/exec /", re: `fork/exec /(?:var/task|opt)/\S+: permission denied`, cause: CauseLambdaPackagePermission, weight: 90},
		// (a little above the older runtimes' "Process exited before
		// completing request", the exit this refusal causes, and below a
		// library's refusal, nativeModuleRules' 70)
		{lit: "glibc_", re: `version [\x60'"]?glibc_[0-9.]+[\x60'"]? not found`, cause: c, weight: wLikely + 2, layers: gatewayLogs},
		// the dynamic loader's refusal of the bootstrap itself ("/var/task/
		// bootstrap: error while loading shared libraries: libssl.so.1.1:
		// cannot open shared object file"): a library the runtime's image
		// lacks. (A program the function runs failing so is its own call.)
		{lit: "error while loading shared libraries", re: `/(?:var/task|opt)/bootstrap: error while loading shared libraries`, cause: c, weight: wLikely, layers: gatewayLogs},
		// (above the handler rule's 80 for the same fork/exec words: an
		// image's entrypoint, not a handler the runtime looked for)
		{lit: "launch error:", re: `\bimage\s+launch error:`, cause: c, weight: wSpecific + 2},
		{lit: "executable file not found in $path", re: `exec: "[^"]+": executable file not found in \$path`, cause: c, weight: wLikely, layers: gatewayLogs},
		// an image whose entrypoint starts a runtime interface client it
		// lacks (the Lambda guide's images from other base images: python
		// -m awslambdaric, the Java client's main class, the Ruby gem's
		// aws_lambda_ric): the runtime never started, above the words the
		// handler rules read for a module or class of the handler's own
		{lit: "no module named", re: `no module named '?awslambdaric\b`, cause: c, weight: wSpecific, layers: gatewayLogs},
		{lit: "com.amazonaws.services.lambda.runtime.api.client.awslambda", re: `(?:could not find or load main class|classnotfoundexception:) com\.amazonaws\.services\.lambda\.runtime\.api\.client\.awslambda\b`, cause: c, weight: wSpecific, layers: gatewayLogs},
		{lit: "cannot load such file -- aws_lambda_ric", cause: c, weight: wSpecific, layers: gatewayLogs},
		{lit: "init<nameerror>", cause: CauseLambdaHandlerMisconfigured, weight: wLikely},
		{lit: "init<syntaxerror>", cause: CauseLambdaHandlerMisconfigured, weight: 70},
		// an extension's own error type (the Extensions API's init and exit
		// errors are "Extension.<reason>"): the execution environment
		// failed around the runtime, as Extension.Crash does
		// (and on a line of its own after "RequestId: <id> Error: ...",
		// where the platform writes an invocation's error type, as it
		// writes Runtime.ExitError: "Extension.LaunchError"; alone, only
		// the platform's reasons, Crash and the errors of its phases, not
		// a file named extension.ts or extension.json in a listing)
		{lit: "extension.", re: `(?:"errortype"\s*:\s*"|error type: )extension\.[a-z]+|^extension\.(?:crash|[a-z]*error)$`, cause: c, weight: wLikely},
		// the platform's EXTENSION line for an extension (a layer's
		// /opt/extensions/<name>) that did not start ("EXTENSION Name:
		// datadog-agent State: LaunchError Events: [] Error Type:
		// UnknownError"): the environment did not initialize; its
		// executable without the execute bit ("Error Type:
		// PermissionDenied") is the package's permissions, as a bootstrap's is
		{lit: "state: launcherror", cause: c, weight: wLikely, layers: machineLogs},
		{lit: "state: launcherror", re: `state: launcherror\b.*\berror type: permissiondenied\b`, cause: CauseLambdaPackagePermission, weight: 85, layers: machineLogs},
	}
}

// snapStartRules: the Invoke API's SnapStart errors (the Lambda API
// reference), as the gateway logs Lambda's answer: the afterRestore hook
// failing is the runtime not starting, a restore over its time limit the
// function's timeout (as a restore report's "status": "timeout" is).
// SnapStartNotReadyException, a version still being prepared, names no
// cause the taxonomy holds.
func snapStartRules() []ruleSpec {
	return []ruleSpec{
		{lit: "snapstartexception", cause: CauseLambdaRuntimeCrash, weight: wSpecific},
		{lit: "runtime hook encountered an error", cause: CauseLambdaRuntimeCrash, weight: wSpecific},
		{lit: "snapstarttimeoutexception", cause: CauseLambdaFunctionTimeout, weight: 85},
		{lit: "couldn't restore the snapshot within the timeout", cause: CauseLambdaFunctionTimeout, weight: 85},
	}
}

// runtimeAPIPayloadRules: the Lambda runtime API answers 413 to a runtime
// posting a response over the 6 MB limit, and each runtime client words
// that 413 its own way in the function's log (lambdaRules has
// aws-lambda-cpp's, under the Node.js, Python and Java clients): aws-lambda-go
// (runtime_api_client.go's "failed to POST to <url>: got unexpected status
// code: 413", logged by log.Fatalf as the process exits), the Java client
// (NativeClient's LambdaRuntimeClientException "Failed to post invocation
// response. Response code: '413'."), awslambdaric's older pure-Python
// client (LambdaRuntimeClientError "Request to Lambda Runtime
// '/2018-06-01/runtime/invocation/<id>/response' endpoint failed. Reason:
// '413'."), Bref before its ResponseTooBig (curl's "The requested URL
// returned error: 413" after "Error while calling the Lambda runtime
// API:") and Bref's ResponseTooBig itself. Only the response endpoint
// takes a function's result, and only a result over the limit gets 413.
// Amazon.Lambda.RuntimeSupport names the 413 in its RuntimeApiClientException
// ("Payload Too Large", InternalClientAdapted.cs; before that case, "The
// HTTP status code of the response was not expected (413)."). awslambdaric's
// native client (runtime_client.cpp) raises RuntimeError "Failed to post
// invocation response" for any post the runtime API refused, without the
// code, and its multi-concurrency mode logs the same error with "This won't
// kill the Runtime loop" for any non-2xx answer: the Runtime API reference
// lists 400, 403, 413 and 500 for POST /runtime/invocation/{id}/response (an
// invalid request id, a wrong state, the size, a runtime error), so the
// message counts only with the 413 on its line (aws-lambda-cpp's own "Failed
// to post handler success response. Http response code: 413." before it has
// its rule in lambdaRules). (Not NSwag's generic "The HTTP status code of
// the response was not expected" of another generated client, which is the
// function's own call.)
func runtimeAPIPayloadRules() []ruleSpec {
	p := CauseLambdaPayloadTooLarge
	return []ruleSpec{
		// aws-lambda-cpp's run_handler (a C++ custom runtime) after its
		// "Failed to post handler success response" line
		{lit: "was not successful. http response code: 413", re: `http request for invocation \S+ was not successful\. http response code: 413\b`, cause: p, weight: 90},
		{lit: "runtimeapiclientexception: payload too large", cause: p, weight: 90},
		{lit: "runtimeapiclientexception: the http status code of the response was not expected (413)", cause: p, weight: 90},
		{lit: "unexpected status code: 413", re: `/runtime/invocation/\S+/response: got unexpected status code: 413\b`, cause: p, weight: 90},
		// (and a custom runtime's own Error, Bun's runtime.ts: "Failed to
		// post invocation response: 413 Payload Too Large"; any client's
		// message with the runtime API's 413, its reason phrase or its
		// error type RequestEntityTooLarge on the same line)
		{lit: "failed to post invocation response", re: `failed to post invocation response.*(?:\b413\b|payload too large|requestentitytoolarge)`, cause: p, weight: 90},
		{lit: "endpoint failed. reason: '413'", re: `/runtime/invocation/\S+/response' endpoint failed\. reason: '413'`, cause: p, weight: 90},
		{lit: "lambda runtime api: the requested url returned error: 413", cause: p, weight: 90},
		{lit: "the lambda response is too big", cause: p, weight: 90},
	}
}

// invokeImportRules: a module the function imports while it handles an
// invocation (a lazy import, importlib.import_module, a require() or
// import() inside the handler) that is missing, which is the code's own
// failure, lambda_function_error, and not the handler failing to load.
// The runtimes tell the two phases apart themselves: awslambdaric's
// bootstrap.py wraps any ImportError raised while it imports the
// handler's module as Runtime.ImportModuleError ("Unable to import module
// 'app': No module named 'x'", with an empty trace), so its "[ERROR]
// ModuleNotFoundError: ..." line, and an error object whose errorType is
// the exception's own class, come only from handle_event_request, the
// invoke phase, with the handler's frames in the trace after them. The
// Node.js runtime interface client logs an invocation's error as "Invoke
// Error" (CallbackContext.js's postError), while a module the handler's
// file cannot load fails its init as Runtime.ImportModuleError ("Uncaught
// Exception"). The Ruby runtime interface client (lambda_errors.rb) types
// an error by its phase: Init<LoadError> for the handler's file not
// loading, Function<LoadError> for a require the handler made as it ran.
// They outweigh the generic "No module named", "Cannot find module" and
// "cannot load such file" rules, and yield to the runtime's own
// Runtime.ImportModuleError, "Unable to import module" and Init<LoadError>.
func invokeImportRules() []ruleSpec {
	fn := CauseLambdaFunctionError
	var rules []ruleSpec
	for _, class := range []string{"modulenotfounderror", "importerror"} {
		rules = append(rules,
			ruleSpec{lit: class + ": ", re: `\[error\]\s+` + class + `: `, cause: fn, weight: 75, layers: gatewayLogs},
			ruleSpec{lit: `"` + class + `"`, re: `"errortype"\s*:\s*"` + class + `"`, cause: fn, weight: 75, layers: gatewayLogs})
	}
	return append(rules,
		ruleSpec{lit: "invoke error", re: `\binvoke error\b.*(?:cannot find (?:module|package) |err_module_not_found)`, cause: fn, weight: 75, layers: gatewayLogs},
		ruleSpec{lit: "function<loaderror>", cause: fn, weight: 75, layers: gatewayLogs})
}

// goHandlerRules: aws-lambda-go's checks of the handler lambda.Start was
// given (lambda/handler.go, reflectHandler, handlerTakesContext and
// validateReturns). A handler whose kind or signature the library cannot
// call is replaced by one that fails every invocation with the reason
// ({"errorMessage":"handler kind struct is not func","errorType":
// "errorString"}): the handler, not the code it runs, is wrong, as a
// Node.js callback handler on a runtime that no longer calls them is. The
// messages are the library's own; "handler is nil" only as the error
// object's whole message, the words being common in a program's own
// errors.
func goHandlerRules() []ruleSpec {
	h := CauseLambdaHandlerMisconfigured
	return []ruleSpec{
		{lit: "handler kind ", re: `\bhandler kind [a-z0-9]+ is not func\b`, cause: h, weight: 85, layers: gatewayLogs},
		{lit: "handlers may not take more than two arguments", cause: h, weight: 85, layers: gatewayLogs},
		{lit: "handler takes two arguments, but the first is not context", cause: h, weight: 85, layers: gatewayLogs},
		{lit: "handler takes an interface, but it is not context.context", cause: h, weight: 85, layers: gatewayLogs},
		{lit: "handler may not return more than two values", cause: h, weight: 85, layers: gatewayLogs},
		{lit: "does not implement error", re: `handler returns (?:two values, but the second|a single value, but it) does not implement error`, cause: h, weight: 85, layers: gatewayLogs},
		{lit: `"handler is nil"`, re: `"errormessage"\s*:\s*"handler is nil"`, cause: h, weight: 85, layers: gatewayLogs},
	}
}

// goErrorLogRules: the go1.x runtime logged a handler's returned error as
// "<errorMessage>: <errorType> <stackTrace>", the type being the error's
// Go type name and the trace null for a returned error ("missing
// signature: errorString null" for errors.New, wrapError for fmt.Errorf
// with %w): the function failed the invocation, which a proxy integration
// answers with 502.
func goErrorLogRules() []ruleSpec {
	return []ruleSpec{
		{lit: " null", re: `\S: \*?(?:[a-z0-9_]+\.)?(?:errorstring|wraperror|wraperrors|joinerror|[a-z0-9_]*error) null$`, cause: CauseLambdaFunctionError, weight: 60, layers: gatewayLogs},
	}
}

// runtimeAPIInitRules: the error type the Lambda runtime API reference
// gives a runtime for an initialization error whose handler it cannot
// find (POST /runtime/init/error with Lambda-Runtime-Function-Error-Type:
// Runtime.NoSuchHandler), which custom runtimes post (Bref's
// LambdaRuntime::failInitialization, the Swift and Kotlin runtimes) and
// Lambda shows in the error object and the INIT_REPORT's Error Type, where
// it outweighs the INIT_REPORT's error status the crash rule reads.
func runtimeAPIInitRules() []ruleSpec {
	return []ruleSpec{
		{lit: "runtime.nosuchhandler", cause: CauseLambdaHandlerMisconfigured, weight: 90},
	}
}

// packageModeRules: a file of the deployment package (/var/task) or of a
// layer (/opt) that the function's user may not read or execute, in the
// words each language gives the kernel's EACCES when the path comes first
// (lambdaRules reads the Lambda guide's own, where it comes after): the C
// library's strerror after the path, as the shell, Go's os.PathError
// ("open /var/task/config.yaml: permission denied") and the runtimes'
// bootstrap scripts print it ("/var/runtime/bootstrap: line 31:
// /opt/otel-handler: Permission denied", and for a command of the
// package's bootstrap, "/var/task/bootstrap: line 3: ./app: Permission
// denied"); Java's FileInputStream
// ("/var/task/lib/app.jar (Permission denied)"); .NET's
// UnauthorizedAccessException ("Access to the path
// '/var/task/appsettings.json' is denied."). The Lambda guide's fix is the
// package's modes (644 for files, 755 for folders and executables); the
// same words for another path are the function's own (lambdaRules'
// outsidePackage). A container image is a deployment package too (the
// Lambda guide's "Lambda deployment packages": .zip archives and container
// images): its entrypoint without the execute bit stops the launch
// ("IMAGE Launch error: fork/exec /lambda-entrypoint.sh: permission
// denied"), above the launch error's crash rule.
func packageModeRules() []ruleSpec {
	p := CauseLambdaPackagePermission
	const pkg = `/(?:var/task|opt)/`
	return []ruleSpec{
		{lit: ": permission denied", re: pkg + `(?:[^\s:'"]*|\S*: line \d+: \S+): permission denied`, cause: p, weight: 90, layers: gatewayLogs},
		{lit: " (permission denied)", re: pkg + `\S+ \(permission denied\)`, cause: p, weight: 90, layers: gatewayLogs},
		{lit: "access to the path '/", re: `access to the path '` + pkg + `[^']*' is denied`, cause: p, weight: 90, layers: gatewayLogs},
		{lit: "launch error:", re: `\bimage\s+launch error: fork/exec \S+: permission denied`, cause: p, weight: 85},
		// a path relative to the working directory, which the runtimes
		// start in the task root (the Lambda guide's custom runtime
		// bootstrap: "cd $LAMBDA_TASK_ROOT"): the shell's "sh: 1:
		// ./bin/wkhtmltopdf: Permission denied", Go's "fork/exec ./bin/tool:
		// permission denied"
		{lit: ": permission denied", re: `(?:^|[\s'"(])\./[^\s:'"]+: permission denied`, cause: p, weight: 85, layers: gatewayLogs},
		// .NET's Process.Start of a file without its execute bit
		// (System.ComponentModel.Win32Exception (13): "An error occurred
		// trying to start process '/var/task/tool' with working directory
		// '/var/task'. Permission denied")
		{lit: "trying to start process '", re: `trying to start process '(?:` + pkg + `|\./)[^']*'.*\bpermission denied`, cause: p, weight: 90, layers: gatewayLogs},
	}
}

// execWrapperRules: the managed runtimes' bootstrap (/var/runtime/bootstrap
// in the Lambda base images) starts the script AWS_LAMBDA_EXEC_WRAPPER
// names, the wrapper an observability layer installs (ADOT's
// /opt/otel-handler, Datadog's, New Relic's, Elastic APM's), after checking
// it: "$wrapper: does not exist" (exit 127), a wrapper the layers no
// longer ship or a layer missing, the runtime never starting; "$wrapper:
// is not an executable" (exit 126), the layer's file without its execute
// bit, the package's modes. Each is the line's whole message, and names a
// wrapper where the Lambda guide's "Modifying the runtime environment"
// puts one, in a layer (/opt) or the package (/var/task): another path a
// function prints so is its own item missing. A script
// written with Windows line endings names an interpreter with a carriage
// return in it, which the kernel cannot find: Lambda's own start of the
// bootstrap says "fork/exec /var/task/bootstrap: no such file or
// directory" (lambdaRules); started through env or by a shell, the words
// are coreutils' env ("/usr/bin/env: 'bash\r': No such file or
// directory") and bash's ("/opt/wrapper: /bin/bash^M: bad interpreter",
// "/var/task/bootstrap: line 2: $'\r': command not found"), for the
// package's or a layer's script: the runtime did not start.
func execWrapperRules() []ruleSpec {
	c := CauseLambdaRuntimeCrash
	const cr = `(?:\\r|\r|\^m)`
	return []ruleSpec{
		{lit: ": does not exist", re: `^/(?:opt|var/task)/\S+: does not exist$`, cause: c, weight: wLikely, layers: gatewayLogs},
		{lit: ": is not an executable", re: `^/(?:opt|var/task)/\S+: is not an executable$`, cause: CauseLambdaPackagePermission, weight: 85, layers: gatewayLogs},
		{lit: "env: ", re: `\benv: ['‘]?[\w./-]+` + cr + `['’]?: no such file or directory`, cause: c, weight: wLikely, layers: gatewayLogs},
		{lit: ": bad interpreter", re: `/(?:var/task|opt)/\S*: /\S+` + cr + `: bad interpreter`, cause: c, weight: wLikely, layers: gatewayLogs},
		{lit: ": command not found", re: `/(?:var/task|opt)/\S*: line \d+: \$'\\r': command not found`, cause: c, weight: wLikely, layers: gatewayLogs},
	}
}

// wrapperHandlerRules: an observability layer's wrapper takes the
// function's handler setting (the layer's own handler stands in it) and
// loads the function's handler from the variable it was moved to, in its
// own words when it cannot: New Relic's layers (newrelic-lambda-layers'
// nodejs/index.js and esm.mjs, python/newrelic_lambda_wrapper.py,
// ruby/newrelic_lambda_wrapper.rb: NEW_RELIC_LAMBDA_HANDLER unset or not
// MODULE.FUNCTION, a module file it cannot resolve or import, a handler
// the module lacks or that is no function), Datadog's Python layer
// (datadog_lambda/handler.py: DD_LAMBDA_HANDLER unset or malformed; its
// Node.js layer reuses the runtime's own loader and words), Elastic APM's
// Python wrapper (apm-agent-python's
// elasticapm/contrib/serverless/aws_wrapper: "Cannot find original
// handler. ELASTICAPM_ORIGINAL_HANDLER is not set correctly.") and
// Lumigo's tracers (lumigo_tracer/auto_instrument_handler.py: "Could not
// find the original handler. Please contact Lumigo ..."; the Node.js
// tracer's "Could not load the original handler. Are you sure that the
// handler is correct?"; both then load the handler with the runtime's own
// loader and words). The handler
// setting, not the code, is wrong, as with the runtime's own
// Runtime.HandlerNotFound and Runtime.ImportModuleError. (Python's
// wrapper also wraps any other exception the module raised as it loaded,
// "Error while importing 'app': (KeyError) ...": the code's own failure,
// which no rule here reads.)
func wrapperHandlerRules() []ruleSpec {
	h := CauseLambdaHandlerMisconfigured
	return []ruleSpec{
		{lit: "new_relic_lambda_handler", re: `no new_relic_lambda_handler environment variable set|no value specified in new_relic_lambda_handler environment variable|environment variable 'new_relic_lambda_handler' is not set|failed to parse the 'new_relic_lambda_handler' env var`, cause: h, weight: 85, layers: gatewayLogs},
		{lit: "improperly format", re: `improperly formatted handler environment variable: |improperly formated handler value: `, cause: h, weight: 85, layers: gatewayLogs},
		{lit: "unable to resolve module file at ", re: `unable to resolve module file at \S+ with the following extensions: `, cause: h, weight: 85, layers: gatewayLogs},
		{lit: "' is not a function", re: `\bhandler '[^']+' from '[^']+' is not a function`, cause: h, weight: 85, layers: gatewayLogs},
		// (New Relic's Python wrapper imports the handler's module on the
		// first invocation, so its ImportError is logged as the invoke
		// phase's, "[ERROR] ImportError: Failed to import module 'app':
		// ...", which this outweighs: invokeImportRules)
		{lit: "failed to import module", re: `failed to import module(?: '[\w./-]+': |: [\w./-]+)`, cause: h, weight: wSpecific, layers: gatewayLogs},
		{lit: "' in module '", re: `\bno handler '[\w]+' in module '[\w./-]+'`, cause: h, weight: 85, layers: gatewayLogs},
		{lit: "dd_lambda_handler", re: `dd_lambda_handler is not defined|for dd_lambda_handler has invalid format`, cause: h, weight: 85, layers: gatewayLogs},
		{lit: "original handler", re: `could not (?:find|load|parse) the original handler|cannot find original handler`, cause: h, weight: 85, layers: gatewayLogs},
		{lit: "_handler is not set correctly", cause: h, weight: 85, layers: gatewayLogs},
	}
}
