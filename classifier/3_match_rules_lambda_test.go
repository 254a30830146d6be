package classifier

import (
	"fmt"
	"testing"
)

// Lambda validates the function name the gateway built from the integration
// URI. A name that ends in ":" has an empty qualifier: the alias or version
// came from a stage variable the stage (or the console's test, which has no
// stage) does not define. A name that breaks the pattern otherwise is no
// stage variable's doing.
func TestLambdaValidatesAnEmptyQualifier(t *testing.T) {
	const pattern = `' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:aws:lambda:)?([a-z]{2}-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?"`
	checkWordings(t, []wording{
		{"empty alias", `{"message": "1 validation error detected: Value 'arn:aws:lambda:us-east-1:123456789012:function:orders:` + pattern + "}", "stage_variable_unresolved", "unknown"},
		{"pretty body", "{\n  \"message\": \"1 validation error detected: Value 'arn:aws:lambda:eu-west-1:123456789012:function:orders-api:" + pattern + "\n}", "stage_variable_unresolved", "unknown"},
		{"a name with a space", `{"message": "1 validation error detected: Value 'arn:aws:lambda:us-east-1:123456789012:function:my orders` + pattern + "}", "unknown", "unknown"},
	})
}

// API Gateway's management API refuses a stage variable whose name or
// value breaks its character rules (the Stage resource's variables: names
// of word characters, values of [A-Za-z0-9-._~:/?#&=,]), with a
// BadRequestException, whatever tool made the call: a change refused, not
// a request that failed (public issue reports of the AWS SDK for
// JavaScript's, the Serverless Framework's and the CLI's output). The
// execution log's words for a request are the stage variable's failure;
// the same words without the refusal's error code (the console test's
// body with the management API's "logref") show neither.
func TestStageVariableRefusedByTheManagementAPI(t *testing.T) {
	const rules = "  Please use values with alphanumeric characters and the symbols ' ', -', '.', '_', ':', '/', '?', '&', '=', and ','."
	checkWordings(t, []wording{
		{"SDK for JavaScript", "message: 'Invalid stage variable value: ." + rules + "',\n  code: 'BadRequestException',\n  statusCode: 400,\n  retryable: false } 'BadRequestException: Invalid stage variable value: ." + rules + "'", "not_5xx", "none"},
		{"Serverless Framework", "  Serverless Error ---------------------------------------\n\n  Invalid stage variable name: owner:application-name.  Please use names with only word characters.", "not_5xx", "none"},
		{"CLI", "An error occurred (BadRequestException) when calling the CreateDeployment operation: Invalid stage variable value: arn:aws:lambda:us-east-1:123456789012:function:orders$LATEST." + rules, "not_5xx", "none"},
		{"CloudFormation", "ApiGatewayStage CREATE_FAILED Invalid stage variable value: ." + rules + " (Service: AmazonApiGateway; Status Code: 400; Error Code: BadRequestException)", "not_5xx", "none"},
		// the console test's refusal: the test did not run
		{"console test refused", "{\n  \"logref\": \"9f1c2a0e-5b8f-4d7c-9f0a-2b1c8e4d6a7f\",\n  \"message\": \"Invalid stage variable value: null." + rules + "\"\n}", "unknown", "unknown"},
		// the execution log's, a request failing
		{"execution log", "(6c6d6e6f-0000-4000-8000-00000000abcd) Execution failed due to configuration error: Invalid stage variable value: null." + rules + "\n(6c6d6e6f-0000-4000-8000-00000000abcd) Method completed with status: 500", "stage_variable_unresolved", "500"},
		// the function's own call to the management API (a custom
		// resource, a deployer) refused: its failure, no client's answer
		{"in the function's log", "[ERROR] BadRequestException: An error occurred (BadRequestException) when calling the CreateStage operation: Invalid stage variable name: owner:app.  Please use names with only word characters.", "lambda_function_error", "unknown"},
		{"in the function's error object", "ERROR\tInvoke Error\t{\"errorType\":\"BadRequestException\",\"errorMessage\":\"Invalid stage variable value: ." + rules + "\"}", "lambda_function_error", "unknown"},
		// a refused change beside a request that failed for another cause
		{"refusal beside a 500", "Invalid stage variable name: owner:app.  Please use names with only word characters.\n(6c6d6e6f-0000-4000-8000-00000000abcd) Execution failed due to configuration error: Invalid permissions on Lambda function\n(6c6d6e6f-0000-4000-8000-00000000abcd) Method completed with status: 500", "lambda_invoke_permission", "500"},
	})
}

// Lambda refusing the gateway's invocation ("Lambda invocation failed with
// status: 429" or "403", Lambda's status: the Lambda Invoke API's
// TooManyRequestsException and AccessDeniedException) leaves a proxy
// integration nothing of the function's to read: the "Malformed Lambda
// proxy response" it logs next is Lambda's error body read as the
// function's answer, as in a public project's notes of a throttled
// function, and the refusal names the cause.
func TestLambdaRefusalOutweighsTheMalformedResponseAfterIt(t *testing.T) {
	const id = "(6c6d6e6f-0000-4000-8000-00000000abcd) "
	refused := func(status string) string {
		return id + "Lambda invocation failed with status: " + status + ". Lambda request id: 0b59a014-da05-49a0-98c3-fe2ac06de4fd\n" +
			id + "Execution failed due to configuration error: Malformed Lambda proxy response\n" +
			id + "Method completed with status: 502"
	}
	checkWordings(t, []wording{
		{"throttled", refused("429"), "lambda_throttled", "502"},
		{"not allowed", refused("403"), "lambda_invoke_permission", "502"},
		// a function that answered and broke the format stays malformed
		{"the function's answer", id + "Endpoint response body before transformations: \"hello world\"\n" + id + "Execution failed due to configuration error: Malformed Lambda proxy response\n" + id + "Method completed with status: 502", "lambda_malformed_proxy_response", "502"},
	})
}

// The knowledge-center article on "Invalid permissions on Lambda function"
// shows a Lambda authorizer the gateway may not invoke as that line, within
// the authorizer's part of the request ("Starting authorizer" up to its
// verdict or the method's request), before "Authorizer error"; an HTTP API
// words it "doesn't have permissions to call the authorizer". Either is the
// authorizer failing, with or without the line that follows; the same
// words after the authorizer let the request through are the
// integration's function.
func TestAuthorizerInvokePermission(t *testing.T) {
	const id = "(6c6d6e6f-0000-4000-8000-00000000abcd) "
	start := id + "Starting authorizer: 62mgrc for request: 6c6d6e6f-0000-4000-8000-00000000abcd\n" +
		id + "Incoming identity: ***\n" +
		id + "Endpoint request URI: https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations\n"
	denied := id + "Execution failed due to configuration error: Invalid permissions on Lambda function\n"
	checkWordings(t, []wording{
		{"the article's lines", start + denied + id + "Execution failed due to configuration error: Authorizer error\n" + id + "Gateway response type: AUTHORIZER_CONFIGURATION_ERROR with status code: 500", "authorizer_error", "500"},
		{"cut after the permission", start + denied, "authorizer_error", "500"},
		{"the integration's function after the authorizer", start + id + "Using valid authorizer policy\n" + id + "Method request path: {}\n" + denied + id + "Method completed with status: 500", "lambda_invoke_permission", "500"},
		{"no authorizer", id + "Method request path: {}\n" + denied + id + "Method completed with status: 500", "lambda_invoke_permission", "500"},
		// the console's authorizer test, its lines without ids
		{"the console's authorizer test", "Thu Aug 04 17:48:21 UTC 2022 : Starting authorizer: 62mgrc for request: test-request\nThu Aug 04 17:48:21 UTC 2022 : Incoming identity: ***\nThu Aug 04 17:48:21 UTC 2022 : Execution failed due to configuration error: Invalid permissions on Lambda function", "authorizer_error", "500"},
		{"the console's method test, no authorizer", "Thu Aug 04 17:48:21 UTC 2022 : Method request path: {}\nThu Aug 04 17:48:21 UTC 2022 : Execution failed due to configuration error: Invalid permissions on Lambda function\nThu Aug 04 17:48:21 UTC 2022 : Method completed with status: 500", "lambda_invoke_permission", "500"},
		// another request's authorizer is not this one's
		{"another request's authorizer", "(11111111-0000-4000-8000-00000000abcd) Starting authorizer: 62mgrc for request: 11111111-0000-4000-8000-00000000abcd\n" + denied + id + "Method completed with status: 500", "lambda_invoke_permission", "500"},
	})
}

// A request whose authorizer failed never reached its integration, so a
// role the gateway could not assume, or a function it may not invoke, in
// the same request's lines is the authorizer's (its authorizerCredentials),
// whether or not the lines kept "Starting authorizer", and whichever line
// came first. Without the authorizer's failure, or in another request, the
// same words are the integration's.
func TestAuthorizerCredentialsRole(t *testing.T) {
	const (
		ts    = "Wed Jun 07 17:58:56 UTC 2023 : "
		a     = "(aaaaaaaa-0000-4000-8000-00000000abcd) "
		b     = "(bbbbbbbb-0000-4000-8000-00000000abcd) "
		c     = "(cccccccc-0000-4000-8000-00000000abcd) "
		role  = "Execution failed due to configuration error: API Gateway does not have permission to assume the provided role arn:aws:iam::123456789012:role/auth-exec-role\n"
		perm  = "Execution failed due to configuration error: Invalid permissions on Lambda function\n"
		authE = "Execution failed due to configuration error: Authorizer error\n"
		authX = "AuthorizerConfigurationException\n"
	)
	checkWordings(t, []wording{
		{"the console's test, the role first", ts + role + ts + authE + ts + authX, "authorizer_error", "500"},
		{"the authorizer's failure first", a + authE + a + role + a + "Method completed with status: 500", "authorizer_error", "500"},
		// (the gateway response type alone: a weaker line than the
		// invoke permission, which without the rule would outweigh it)
		{"an invoke permission, no Starting authorizer", a + perm + a + "Gateway response type: AUTHORIZER_CONFIGURATION_ERROR with status code: 500\n" + a + "Method completed with status: 500", "authorizer_error", "500"},
		{"the role alone", ts + role + ts + "Method completed with status: 500", "credentials_role_error", "500"},
		// two requests' integration role, a third request's authorizer
		{"other requests' authorizer", b + role + b + "Method completed with status: 500\n" + c + role + c + "Method completed with status: 500\n" + a + authE + a + "Method completed with status: 500", "credentials_role_error", "500"},
	})
}

// "Malformed Lambda proxy response" ends the execution log's "Execution
// failed due to configuration error: ..." that fails the request with a
// REST 502 (the knowledge-center article malformed-502-api-gateway shows
// "Method completed with status: 502" after it): quoted alone, by a person
// or from the console's test, it still shows a 5xx, the cause's usual one.
// Not in the function's own log, and a status shown keeps its code.
func TestMalformedMessageShowsAFailedRequest(t *testing.T) {
	const (
		start = "START RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST\n"
		end   = "\nEND RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11"
	)
	checkWordings(t, []wording{
		// people quoting the execution log (alphagov's
		// di-authentication-api issue 1512: "We are still seeing Malformed
		// Lambda proxy response in the logs.")
		{"a person quoting the log", "We are still seeing Malformed Lambda proxy response in the logs.", "lambda_malformed_proxy_response", "502"},
		{"the message alone", "Malformed Lambda proxy response", "lambda_malformed_proxy_response", "502"},
		// the console test's log line without its request id
		{"the console test's line", "Thu Oct 17 23:48:34 UTC 2019 : Execution failed due to configuration error: Malformed Lambda proxy response", "lambda_malformed_proxy_response", "502"},
		// a status line beside it keeps its code
		{"beside a status line", "HTTP/1.1 500 Internal Server Error\nMalformed Lambda proxy response", "lambda_malformed_proxy_response", "500"},
		// look-alike: the words in the function's own log (a function
		// that logs what it was told about its answer) show no request
		{"the function's own log", start + "2024-01-01T00:00:00.000Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tINFO\tavoiding a Malformed Lambda proxy response: returning statusCode 200" + end, "lambda_malformed_proxy_response", "unknown"},
	})
}

// A file of the deployment package or of a layer that the function's user
// may not read or execute, in every runtime's words for the kernel's
// EACCES (the Lambda guide's troubleshooting-deployment page: "Permission
// is denied", and its fix, the package's modes). The same words for a path
// outside the package (/tmp, a home directory, an EFS mount) or for a
// socket are the function's own failure.
func TestPackageModeForms(t *testing.T) {
	const fn = "2024-03-12T10:15:01.123Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\t"
	const pkg, fnErr = "lambda_package_permission", "lambda_function_error"
	checkWordings(t, []wording{
		// the Lambda guide's own three
		{"guide: Node.js", "Error: EACCES: permission denied, open '/var/task/index.js'", pkg, "unknown"},
		{"guide: Python", "Error: [Errno 13] Permission denied: '/var/task/function.py'", pkg, "unknown"},
		// the Node.js runtime interface client's record of the same error
		// (Errors.js: errorType, errorMessage and the error's own fields)
		{"Node.js runtime record", "2024-03-12T10:15:01.123Z\tundefined\tERROR\tUncaught Exception \t{\"errorType\":\"Error\",\"errorMessage\":\"EACCES: permission denied, open '/var/task/index.js'\",\"code\":\"EACCES\",\"errno\":-13,\"syscall\":\"open\",\"path\":\"/var/task/index.js\"}", pkg, "unknown"},
		// Go's os.PathError, the shell and a runtime's bootstrap script
		// (strerror after the path)
		{"Go PathError", fn + "panic: open /var/task/config.yaml: permission denied", pkg, "unknown"},
		{"shell in the bootstrap", "/var/task/bootstrap: line 3: /var/task/app: Permission denied", pkg, "unknown"},
		{"a command of the package's bootstrap", "/var/task/bootstrap: line 3: ./app: Permission denied\nRequestId: 0b59a014 Error: Runtime exited with error: exit status 126", pkg, "unknown"},
		{"runtime bootstrap starting a layer's wrapper", "/var/runtime/bootstrap: line 31: /opt/otel-handler: Permission denied", pkg, "unknown"},
		// Java's FileInputStream and .NET's UnauthorizedAccessException
		{"Java", "java.io.FileNotFoundException: /var/task/lib/app.jar (Permission denied)", pkg, "unknown"},
		{".NET", "Unhandled exception. System.UnauthorizedAccessException: Access to the path '/var/task/appsettings.json' is denied.", pkg, "unknown"},
		// a container image's entrypoint without its execute bit (the
		// image is the deployment package)
		{"image entrypoint", "IMAGE\tLaunch error: fork/exec /lambda-entrypoint.sh: permission denied\tEntrypoint: [/lambda-entrypoint.sh]\tCmd: [app.handler]\tWorkingDir: [/var/task]", pkg, "unknown"},
		// a program of the package run by a relative path from the task
		// root, by the shell, Go's os/exec and .NET's Process.Start
		{"shell, relative", fn + "Error: Command failed: ./bin/wkhtmltopdf - -\n/bin/sh: 1: ./bin/wkhtmltopdf: Permission denied", pkg, "unknown"},
		{"Go os/exec, relative", fn + "fork/exec ./bin/tool: permission denied", pkg, "unknown"},
		{".NET Process.Start", "Unhandled exception. System.ComponentModel.Win32Exception (13): An error occurred trying to start process '/var/task/tools/convert' with working directory '/var/task'. Permission denied", pkg, "unknown"},
		// look-alikes: the function's own files and sockets
		{"Node.js under /tmp", fn + "Error: EACCES: permission denied, open '/tmp/cache/data.json'", fnErr, "unknown"},
		{"Node.js home directory", fn + "Invoke Error \t{\"errorType\":\"Error\",\"errorMessage\":\"EACCES: permission denied, mkdir '/home/sbx_user1051'\",\"code\":\"EACCES\",\"errno\":-13,\"syscall\":\"mkdir\",\"path\":\"/home/sbx_user1051\"}", fnErr, "unknown"},
		{"Python under /tmp", "[ERROR] PermissionError: [Errno 13] Permission denied: '/tmp/model.bin'", fnErr, "unknown"},
		{"Ruby under /tmp", fn + "Errno::EACCES: Permission denied @ rb_sysopen - /tmp/report.csv", fnErr, "unknown"},
		{"Go under /tmp", fn + "panic: open /tmp/x.yaml: permission denied", fnErr, "unknown"},
		{"Java under /tmp", fn + "java.io.FileNotFoundException: /tmp/out.csv (Permission denied)", fnErr, "unknown"},
		{".NET under /tmp", "Unhandled exception. System.UnauthorizedAccessException: Access to the path '/tmp/x' is denied.", fnErr, "unknown"},
		{"a port the function may not bind", fn + "Error: listen EACCES: permission denied 0.0.0.0:80", fnErr, "unknown"},
		{"a program under /tmp", fn + "Error: spawn /tmp/ffmpeg EACCES", fnErr, "unknown"},
		// and the machine that builds and deploys the package: npm's
		// global install, a macOS home folder
		{"npm's global install", "npm ERR! Error: EACCES: permission denied, access '/usr/local/lib/node_modules'", "unknown", "unknown"},
		{"a build on macOS", "Error: EACCES: permission denied, open '/Users/dev/project/.serverless/cloudformation-template-update-stack.json'", "unknown", "unknown"},
		{".NET, a program under /tmp", "Unhandled exception. System.ComponentModel.Win32Exception (13): An error occurred trying to start process '/tmp/convert' with working directory '/var/task'. Permission denied", fnErr, "unknown"},
	})
}

// The managed runtimes' bootstrap checks the script AWS_LAMBDA_EXEC_WRAPPER
// names (an observability layer's wrapper) before it starts it: missing,
// the runtime never starts (exit 127); not executable, the layer's modes
// (exit 126). Scripts with Windows line endings name an interpreter with a
// carriage return, which coreutils' env and bash report.
func TestExecWrapperForms(t *testing.T) {
	checkWordings(t, []wording{
		{"wrapper missing", "/opt/otel-handler: does not exist\nINIT_REPORT Init Duration: 11.89 ms\tPhase: init\tStatus: error\tError Type: Runtime.ExitError", wantCrash, "unknown"},
		{"wrapper missing alone", "/opt/otel-handler: does not exist", wantCrash, "unknown"},
		{"wrapper not executable", "/opt/datadog_wrapper: is not an executable\nRequestId: 0b59a014 Error: Runtime exited with error: exit status 126\nRuntime.ExitError", "lambda_package_permission", "unknown"},
		{"env with a carriage return", "/usr/bin/env: 'bash\\r': No such file or directory", wantCrash, "unknown"},
		{"env with the character itself", "/usr/bin/env: ‘bash\r’: No such file or directory", wantCrash, "unknown"},
		{"bash: bad interpreter", "/var/runtime/bootstrap: line 31: /opt/otel-handler: /bin/bash^M: bad interpreter: No such file or directory", wantCrash, "unknown"},
		{"bash: a line ending", "/var/task/bootstrap: line 2: $'\\r': command not found", wantCrash, "unknown"},
		// a layer's bootstrap with Windows line endings, as Lambda starts it
		// (the second bootstrap Lambda looks for), and without its execute bit
		{"a layer's bootstrap", "RequestId: 0b59a014 Error: fork/exec /opt/bootstrap: no such file or directory\nRuntime.InvalidEntrypoint", wantCrash, "unknown"},
		{"a layer's bootstrap alone", "Error: fork/exec /opt/bootstrap: no such file or directory", wantCrash, "unknown"},
		{"a layer's bootstrap not executable", "RequestId: 0b59a014 Error: fork/exec /opt/bootstrap: permission denied\nRuntime.InvalidEntrypoint", "lambda_package_permission", "unknown"},
		// look-alikes: a person's sentence, a file the function looked for
		{"a sentence", "I checked and /opt/otel-handler: does not exist in the new layer version", "unknown", "unknown"},
		{"the function's own file", "2024-03-12T10:15:01.123Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\tError: /var/task/data/seed.json: does not exist", "lambda_function_error", "unknown"},
		// a wrapper in the package (the Lambda guide's "Modifying the
		// runtime environment": AWS_LAMBDA_EXEC_WRAPPER may name the
		// package's script as well as a layer's)
		{"the package's wrapper missing", "/var/task/wrapper.sh: does not exist", wantCrash, "unknown"},
		{"the package's wrapper not executable", "/var/task/wrapper.sh: is not an executable", "lambda_package_permission", "unknown"},
		// a function printing an item or a path of its own that is missing
		// or not executable, inside an invocation: no wrapper's
		{"the function's item, printed alone", "START RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST\n/orders/42: does not exist\nEND RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11", "unknown", "unknown"},
		{"an EFS path, printed alone", "/mnt/efs/models/v2: does not exist", "unknown", "unknown"},
		{"a program under /tmp, printed alone", "/tmp/bin/ffmpeg: is not an executable", "unknown", "unknown"},
	})
}

// An observability layer's wrapper stands in the handler setting and loads
// the function's handler from the variable it was moved to; when it cannot,
// it says so in its own words (newrelic-lambda-layers: nodejs/index.js,
// python/newrelic_lambda_wrapper.py, ruby/newrelic_lambda_wrapper.rb;
// datadog-lambda-python: datadog_lambda/handler.py; apm-agent-python:
// elasticapm/contrib/serverless/aws_wrapper; Lumigo's tracers'
// auto-instrument handlers). A wrapper's own bug
// while the handler runs is the function's error.
func TestObservabilityWrapperForms(t *testing.T) {
	const fn = "2024-03-12T10:15:01.123Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tERROR\t"
	checkWordings(t, []wording{
		{"New Relic Node.js: variable unset", "2024-03-12T10:15:01.123Z\tundefined\tERROR\tUncaught Exception \t{\"errorType\":\"Error\",\"errorMessage\":\"No NEW_RELIC_LAMBDA_HANDLER environment variable set.\",\"stack\":[\"Error: No NEW_RELIC_LAMBDA_HANDLER environment variable set.\"]}", wantHandler, "unknown"},
		{"New Relic Node.js: malformed", "Error: Improperly formatted handler environment variable: index", wantHandler, "unknown"},
		{"New Relic Node.js: no module file", "Error: Unable to resolve module file at /var/task/src/index with the following extensions: .mjs,.js", wantHandler, "unknown"},
		{"New Relic Node.js: not a function", "Error: Handler 'handler' from 'index' is not a function", wantHandler, "unknown"},
		{"New Relic Python: variable unset", "[ERROR] ValueError: No value specified in NEW_RELIC_LAMBDA_HANDLER environment variable", wantHandler, "unknown"},
		{"New Relic Python: malformed", "[ERROR] ValueError: Improperly formated handler value: app", wantHandler, "unknown"},
		{"New Relic Python: import", "[ERROR] ImportError: Failed to import module 'app': No module named 'app'", wantHandler, "unknown"},
		{"New Relic Python: no handler", "[ERROR] AttributeError: No handler 'lambda_handler' in module 'app'", wantHandler, "unknown"},
		{"New Relic Ruby: variable unset", "Environment variable 'NEW_RELIC_LAMBDA_HANDLER' is not set! (RuntimeError)", wantHandler, "unknown"},
		{"Datadog Python: variable unset", "[ERROR] HandlerError: DD_LAMBDA_HANDLER is not defined. Can't use prebuilt datadog handler", wantHandler, "unknown"},
		{"Datadog Python: malformed", "[ERROR] HandlerError: Value app for DD_LAMBDA_HANDLER has invalid format.", wantHandler, "unknown"},
		{"Elastic APM Python: variable unset", "[ERROR] LambdaError: Cannot find original handler. ELASTICAPM_ORIGINAL_HANDLER is not set correctly.", wantHandler, "unknown"},
		{"Elastic APM Python: malformed", "[ERROR] LambdaError: ELASTICAPM_ORIGINAL_HANDLER is not set correctly: app", wantHandler, "unknown"},
		{"Lumigo Python", "[ERROR] Exception: Could not find the original handler. Please contact Lumigo for more information.", wantHandler, "unknown"},
		{"Lumigo Node.js", "2024-03-12T10:15:01.123Z\tundefined\tERROR\tUncaught Exception \t{\"errorType\":\"Error\",\"errorMessage\":\"Could not load the original handler. Are you sure that the handler is correct?\"}", wantHandler, "unknown"},
		// look-alikes: the module's own code failing as it loads, which the
		// Python wrapper wraps too, and the wrapper's bug as it runs
		{"the module's own init", "[ERROR] ImportError: Error while importing 'app': (KeyError) 'TABLE_NAME'", wantFnErr, "unknown"},
		{"the agent's own bug", fn + "TypeError: Cannot convert undefined or null to object\n    at Transaction.addRequestParameters (/opt/nodejs/node_modules/newrelic/lib/transaction/index.js:1087:17)", wantFnErr, "unknown"},
		{"a person naming the variable", "We set NEW_RELIC_LAMBDA_HANDLER to index.handler as the docs say.", "unknown", "unknown"},
	})
}

// Python's level column "[ERROR]" opens the function's own lines; Safari's
// console opens what the browser failed to load with "[Error]", a client's
// line that names no fault of the function, and GitHub Actions a failed
// step's annotation with "##[error]".
func TestLevelColumnIsNotSafarisConsole(t *testing.T) {
	checkWordings(t, []wording{
		{"python's level column", "[ERROR]\t2024-05-01T10:00:00.010Z\t6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tKeyError: 'body'\nHTTP/2 502", "lambda_function_error", "502"},
		{"safari's console", "[Error] Failed to load resource: the server responded with a status of 502 () (webauthn-authenticate, line 0)", "unknown", "502"},
		// nor a CI runner's annotation of a failed step (GitHub Actions)
		{"github actions' annotation", "##[error]Process completed with exit code 1.\nHTTP/2 502", "unknown", "502"},
	})
}

// Node.js's level column reads the same with its tabs pasted as runs of
// spaces, as a rendered page gives them back, but only after the request
// id: one space is also a Java logger's pattern, and a person's "error" in
// a sentence is no column.
func TestNodeLevelColumnAsSpaces(t *testing.T) {
	const rec = "2024-06-30T23:18:24.862Z%sd2e99d42-8b13-4f63-b94e-3dc567c7d8f4%sERROR%sLogin error: InvalidParameterException: flow not enabled for this client"
	checkWordings(t, []wording{
		{"tabs", fmt.Sprintf(rec, "\t", "\t", "\t"), "lambda_function_error", "unknown"},
		{"four spaces", fmt.Sprintf(rec, "    ", "    ", "    "), "lambda_function_error", "unknown"},
		{"two spaces", fmt.Sprintf(rec, "  ", "  ", "  "), "lambda_function_error", "unknown"},
		{"one space", fmt.Sprintf(rec, " ", " ", " "), "unknown", "unknown"},
		{"a sentence", "I get an error    InvalidParameterException: flow not enabled for this client when I log in", "unknown", "unknown"},
	})
}

// A logger's level word opens the function's own lines, but not in the
// output of a build or package tool a person ran at a shell, up to the end
// of its block: pip's and Docker's own "ERROR: ..." lines are the tool's.
// The same words after the block, or after a command that runs the
// function or follows its log, are the function's.
func TestLevelWordIsNotABuildToolsOutput(t *testing.T) {
	const pipResolver = "ERROR: pip's dependency resolver does not currently take into account all the packages that are installed."
	const fnLine = "ERROR Failed to parse event: missing field `body`"
	checkWordings(t, []wording{
		{"pip's resolver", "$ pip install -r requirements.txt -t package/\n" + pipResolver + "\nSuccessfully installed requests-2.31.0\n\nHTTP/2 502", "unknown", "502"},
		{"pip's resolver in a fence", "```\n$ pip install -r requirements.txt\n" + pipResolver + "\n```\nHTTP/2 502", "unknown", "502"},
		{"pip run by python, in a virtual environment", "(venv) dev@laptop:~/orders$ python3 -m pip install -r requirements.txt\nERROR: Could not find a version that satisfies the requirement lambda-utils==0.3 (from versions: none)\nERROR: No matching distribution found for lambda-utils==0.3\n\nHTTP/2 502", "unknown", "502"},
		{"docker's daemon", "$ sudo docker build -t orders-fn .\nERROR: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n\nHTTP/2 502", "unknown", "502"},
		{"sam build", "$ sam build --use-container\nERROR: Could not find a version that satisfies the requirement lambda-utils==0.3 (from versions: none)\nBuild Failed\n\nHTTP/2 502", "unknown", "502"},
		// nor is it an invocation's whose START the paste showed before
		{"after an invocation's start", "START RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST\n$ pip install -r requirements.txt\n" + pipResolver, "unknown", "unknown"},
		// look-alikes: the function's own line after the tool's block
		// ends, and the output of the commands that run the function or
		// follow its log
		{"after the tool's block", "$ pip install -r requirements.txt\nSuccessfully installed requests-2.31.0\n\n" + fnLine + "\nHTTP/2 502", "lambda_function_error", "502"},
		{"after the tool's fence", "```\n$ npm ci\nadded 112 packages in 3s\n```\n" + fnLine + "\nHTTP/2 502", "lambda_function_error", "502"},
		// (sam local's 502 is the emulator's: what the API answers is unknown)
		{"after another command", "$ pip install -r requirements.txt\nSuccessfully installed requests-2.31.0\n$ sam local invoke OrdersFunction -e event.json\n" + fnLine + "\nHTTP/2 502", "lambda_function_error", "unknown"},
		{"serverless logs", "$ serverless --region eu-west-1 logs -f orders\n" + fnLine + "\nHTTP/2 502", "lambda_function_error", "502"},
		{"npm start", "$ npm start\n" + fnLine + "\nHTTP/2 502", "lambda_function_error", "502"},
	})
}

// pip's, Docker's and BuildKit's own errors after their level word are no
// function's, pasted with the command that printed them or without it;
// another error after the same level word still is.
func TestLevelWordIsNotAToolsOwnError(t *testing.T) {
	checkWordings(t, []wording{
		{"pip's resolver", "ERROR: pip's dependency resolver does not currently take into account all the packages that are installed.\nHTTP/2 502", "unknown", "502"},
		{"pip's requirement not found", "ERROR: Could not find a version that satisfies the requirement lambda-utils==0.3 (from versions: none)\nERROR: No matching distribution found for lambda-utils==0.3\nHTTP/2 502", "unknown", "502"},
		{"docker's daemon", "ERROR: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\nHTTP/2 502", "unknown", "502"},
		{"buildkit's failed step", "ERROR [3/4] RUN pip install -r requirements.txt\nERROR: failed to solve: process \"/bin/sh -c pip install -r requirements.txt\" did not complete successfully: exit code: 1\nHTTP/2 502", "unknown", "502"},
		{"beside a refused origin", "ERROR: Could not find a version that satisfies the requirement lambda-utils==0.3 (from versions: none)\nAccess to XMLHttpRequest at 'https://abc123.execute-api.us-east-1.amazonaws.com/v1/login' from origin 'https://example.com' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value 'http://localhost:3000' that is not equal to the supplied origin.", "not_5xx", "none"},
		// look-alikes: the function's own errors after the same word
		{"the adapter's connection error", "ERROR: aws-serverless-express connection error\nHTTP/2 502", "lambda_function_error", "502"},
		{"the function's own call", "ERROR: Could not connect to the orders database: timeout after 3000ms\nHTTP/2 502", "lambda_function_error", "502"},
	})
}

// A process's exit status is the Lambda runtime's crash only in the
// platform's own words ("RequestId: ... Error: Runtime exited with error:
// exit status 1", the go1.x runtime's and an extension's "RequestId: ...
// Error: exit status 2"): a CI job, a test runner or a command the function ran
// ends with an exit status too, and none of them is the runtime.
func TestExitStatusIsTheRuntimesOnlyInItsWords(t *testing.T) {
	checkWordings(t, []wording{
		{"the runtime exited", "RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Error: Runtime exited with error: exit status 1\nHTTP/2 502", "lambda_runtime_crash", "502"},
		{"an extension exited", "RequestId: bdcc72e2-1f80-4c55-8217-0da2588b8db3 Error: exit status 1 Extension.Crash\nHTTP/2 502", "lambda_runtime_crash", "502"},
		{"the go1.x runtime exited", "RequestId: 0b59a014-5e27-4d6c-9c2e-3b1f0a8e2d11 Error: exit status 2\nHTTP/2 502", "lambda_runtime_crash", "502"},
		{"a build job", "Command npm run start -w @app/benchmark failed with exit status 1 during BUILD phase.\nHTTP/2 502", "unknown", "502"},
		{"a test runner", "ingest failed: HTTP 500\nnpm ERR! Lifecycle script `test` failed with exit status 1", "unknown", "500"},
		{"a command the function ran", "Error: Command failed: ffmpeg -i in.mp4 out.gif: exit status 1\nHTTP/2 502", "unknown", "502"},
	})
}

// Lambda's error types for a handler that did not load, without the
// runtime's prefix, as people name them; another word that holds the
// letters is not one.
func TestHandlerLoadErrorsWithoutTheirPrefix(t *testing.T) {
	checkWordings(t, []wording{
		{"ImportModuleError", "After deploying, every call and the CORS preflight answer 500: the Lambda fails with `ImportModuleError`.", "lambda_handler_misconfigured", "500"},
		{"UserCodeSyntaxError", "The API answers 502 and the function fails with UserCodeSyntaxError.", "lambda_handler_misconfigured", "502"},
		{"part of another word", "The API answers 502; see MyImportModuleErrorHandler.", "unknown", "502"},
	})
}

// A relative import at the top of the handler's module fails when the
// runtime imports that module as a top-level one: the handler setting (or
// the package's layout) does not name it as part of its package. Python 3
// runtimes wrap the error in Runtime.ImportModuleError (read as that); the
// Python 2.7 runtime printed it after "module initialization error: ",
// and people quote it so. The words "relative import" alone name nothing.
func TestRelativeImportForms(t *testing.T) {
	checkWordings(t, []wording{
		{"Python 2.7 runtime, zappa tail", "[1464069487659] module initialization error: Attempted relative import in non-package", wantHandler, "unknown"},
		{"a person quoting it", `But in AWS some import fails "module initialization error: Attempted relative import in non-package".`, wantHandler, "unknown"},
		{"beyond the top-level package", "module initialization error: attempted relative import beyond top-level package", wantHandler, "unknown"},
		{"Python 3 runtime", "[ERROR] Runtime.ImportModuleError: Unable to import module 'handler': attempted relative import with no known parent package", wantHandler, "unknown"},
		{"a person's words", "I use a relative import in handler.py and the API answers 502.", "unknown", "502"},
	})
}
