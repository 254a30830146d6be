package classifier

// adapterRules are the failure messages of the libraries that adapt the
// gateway's event to a web framework inside the function, as their source
// writes them. They are the function's own log (or, for a body the adapter
// answers with, what the client received), and each names the cause only
// as far as the adapter's code makes it plain:
//   - an adapter that cannot tell which kind of event it got (Mangum's
//     adapter.py, @vendia/serverless-express's event-sources/utils.js,
//     Bref's InvalidLambdaEvent) throws before the app runs: a function
//     error, like the event-shape errors of the runtimes' deserialisers;
//     Quarkus's LambdaHttpHandler catches its own ("Missing HTTP method in
//     request event": a payload 1.0 event handed to the 2.0 handler) and
//     answers 500;
//   - an adapter that caught the app's exception and answered 500 itself
//     (Mangum's protocols/http.py, Chalice's app.py, Zappa's handler.py,
//     Amazon.Lambda.AspNetCoreServer's AbstractAspNetCoreFunction.cs) is
//     the function's error under the 500 the adapter built;
//   - aws-serverless-java-container's AwsProxyExceptionHandler logs the
//     exception it answers with 500 or 502 (which, its code decides);
//   - Bref's FPM handler losing PHP-FPM throws a function error.
//
// Spring Cloud Function's "Failed to establish route" is left to the
// generic exception rules: its RoutingFunction takes the function's name
// from each message's header as well as from the configuration, so the
// failure is the request's routing as much as the function's setting.
func adapterRules() []ruleSpec {
	fn := CauseLambdaFunctionError
	logs := gatewayLogs
	return []ruleSpec{
		{lit: "unable to infer a handler to use for the event", cause: fn, weight: wHint, layers: logs},
		{lit: "unable to determine event source based on event", cause: fn, weight: wHint, layers: logs},
		// (a person quoting it short: "the BFF was returning 'Unable to
		// determine event source' errors")
		{lit: "unable to determine event source", cause: fn, weight: wWeak, layers: personLayers},
		{lit: "this handler expected to be invoked with a", cause: fn, weight: wHint, layers: logs},
		{lit: "missing http method in request event", cause: fn, weight: wHint, implied: 500, layers: logs},
		{lit: "exception in 'http' protocol", cause: fn, weight: wHint, implied: 500, layers: logs},
		{lit: "caught exception for <function", cause: fn, weight: wHint, implied: 500, layers: logs},
		{lit: "an uncaught exception happened while servicing this request", cause: fn, weight: wHint, implied: 500},
		{lit: "unknown error responding to request", cause: fn, weight: wHint, implied: 500, layers: logs},
		{lit: "called exception handler for", cause: fn, weight: wHint, layers: logs},
		{lit: "error communicating with php-fpm", cause: fn, weight: wHint, layers: logs},
		// @codegenie/serverless-express: no event source it knows
		// (event-sources/index.js), and the app's error it answered with
		// 500 (transport.js respondToEventSourceWithError, for the gateway's
		// events)
		{lit: "couldn't detect valid event source", cause: fn, weight: wHint, layers: logs},
		{lit: "serverless_express:respond_to_event_source_with_error", cause: fn, weight: wHint, implied: 500, layers: logs},
		// Mangum since 0.12: protocols/http.py logs the app's exception and
		// answers 500; lifespan.py fails the invocation when the app's
		// startup does
		{lit: "an error occurred running the application.", cause: fn, weight: wHint, implied: 500, layers: logs},
		{lit: "lifespan", re: `lifespan (?:startup failure|connection failed during startup)|exception in 'lifespan' protocol`, cause: fn, weight: wHint, layers: logs},
		// aws-lambda-web-adapter (lib.rs, readiness.rs) logs every 2 s the
		// app is not ready, to warn of the function's timeout: a hint of it,
		// below any line that names the function's failure
		{lit: "app is not ready after", re: `app is not ready after \d+ ?ms`, cause: CauseLambdaFunctionTimeout, weight: wWeak - 5, layers: logs},
		// aws-serverless-java-container's LambdaContainerHandler: the
		// framework did not start within its initialization time
		{lit: "could not initialize framework within the", cause: CauseLambdaFunctionTimeout, weight: wHint, layers: logs},
		// Bref: the handler file missing or returning no handler
		// (Runtime/FileHandlerLocator.php, Runtime/Invoker.php), PHP-FPM not
		// starting (FpmRuntime/Main.php, FpmHandler.php), and the request it
		// stopped before Lambda's timeout (FpmHandler.php, FastCgi/Timeout.php)
		{lit: "handler `", re: "handler `[^`]+` (?:doesn't exist|must return a function or object handler)", cause: CauseLambdaHandlerMisconfigured, weight: 85, layers: logs},
		{lit: "the lambda handler must be a callable or implement handler interfaces", cause: CauseLambdaHandlerMisconfigured, weight: wSpecific, layers: logs},
		{lit: "php-fpm", re: `error while starting php-fpm|php-fpm failed to start|timeout while waiting for php-fpm socket`, cause: CauseLambdaRuntimeCrash, weight: wLikely, layers: logs},
		{lit: "the php script timed out", cause: CauseLambdaFunctionTimeout, weight: wSpecific, layers: logs},
		{lit: "may be lower than the lambda timeout", cause: CauseLambdaFunctionTimeout, weight: wSpecific, layers: logs},
		// aws-lambda-go-api-proxy (core/types.go's NewLoggedError, each
		// framework adapter's proxyInternal): the event it could not turn
		// into a request, or the app's answer it could not turn into a
		// proxy response ("Status code not set on response"); the handler
		// returns the error, which fails the invocation. Above a person's
		// words for a malformed proxy response, which the second's read
		// like.
		{lit: "could not convert proxy event to request: ", cause: fn, weight: 60, layers: logs},
		{lit: "error while generating proxy response: ", cause: fn, weight: 60, layers: logs},
		// aws-serverless-express 1 to 3 (index.js): the app's server socket
		// failed, answered with statusCode 502, and the library failed,
		// answered with 500, each logged before the error
		{lit: "error: aws-serverless-express connection error", cause: fn, weight: wHint, implied: 502, layers: logs},
		{lit: "error: aws-serverless-express error", cause: fn, weight: wHint, implied: 500, layers: logs},
	}
}
