package classifier

import "testing"

// The unhandled errors of every Lambda runtime, as each prints them into
// the function's log: a function error, whatever the language.
func TestRuntimeTraceWordings(t *testing.T) {
	want := "lambda_function_error"
	checkWordings(t, []wording{
		{"dotnet unhandled", "Unhandled exception. System.NullReferenceException: Object reference not set to an instance of an object.\n   at MyFunction.Function.FunctionHandler(APIGatewayProxyRequest request, ILambdaContext context) in /src/Function.cs:line 42", want, "unknown"},
		{"dotnet aggregate", "System.AggregateException: One or more errors occurred. (Value cannot be null.)", want, "unknown"},
		{"go panic", "panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x5d9b3a]\ngoroutine 1 [running]:", want, "unknown"},
		{"rust panic", "thread 'main' panicked at src/main.rs:12:45:\ncalled `Result::unwrap()` on an `Err` value", want, "unknown"},
		{"ruby", "undefined method `[]' for nil:NilClass (NoMethodError)", want, "unknown"},
		{"php", "PHP Fatal error:  Uncaught Exception: boom in /var/task/index.php:10", want, "unknown"},
		{"an sdk's exception", "ValidationException: One or more parameter values were invalid: Missing the key id in the item", want, "unknown"},
		{"a go panic that ends the runtime is a crash", "panic: boom\ngoroutine 1 [running]:\nRequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Error: Runtime exited with error: exit status 2", "lambda_runtime_crash", "unknown"},
		{"a client's exception is not the function's", "System.Net.Http.HttpRequestException: Response status code does not indicate success: 502 (Bad Gateway).", "unknown", "502"},
	})
}

// The line each runtime opens an uncaught error with (the class name, a
// colon, the message) in the function's own log, beside the REST API's
// body for it; the same words from a client or a person name nothing.
func TestUncaughtErrorWordings(t *testing.T) {
	want := "lambda_function_error"
	rest := "{\"message\": \"Internal server error\"}\n"
	checkWordings(t, []wording{
		// Node.js: Error.prototype.toString above the frames
		{"node", rest + "START RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST\nMongoServerError: bad auth : Authentication failed.\n    at Connection.onMessage (/var/task/node_modules/mongodb/lib/cmap/connection.js:230:30)", want, "502"},
		// Python: the traceback's last line, a dotted class name
		{"python dotted", "  File \"/var/task/app.py\", line 9, in handler\n    conn = pymysql.connect(host=host)\npymysql.err.OperationalError: (2003, \"Can't connect to MySQL server on 'db.internal' (timed out)\")\n\n" + rest, want, "502"},
		// Ruby: Exception#full_message's class and message, namespaced
		{"ruby errno", rest + "START RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST\nErrno::ENOENT: No such file or directory @ rb_sysopen - /var/task/config/settings.yml\n/var/task/app.rb:7:in `read'", want, "502"},
		// Jets' Node.js shim rethrowing the Ruby error
		{"ruby through the jets shim", rest + "START RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST\nRubyError: Errno::EAFNOSUPPORT: Failed to open TCP connection to localhost:9292\n/var/lang/lib/ruby/2.5.0/net/http.rb:939:in `rescue in block in connect'", want, "502"},
		// Ruby's interpreter: the first frame, the message, the class
		{"ruby uncaught", rest + "START RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST\n/var/task/app.rb:3:in `handler': boom (RuntimeError)", want, "502"},
		// Node.js: an error with a code ("name [code]: message")
		{"node with a code", "TypeError [ERR_INVALID_URL]: Invalid URL\n    at new NodeError (node:internal/errors:372:5)\n    at new URL (node:internal/url:629:5)\n    at Handler.main (/var/task/index.js:10:35)", want, "unknown"},
		{"node with a code, beside the REST body", rest + "START RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST\nError [ERR_STREAM_PREMATURE_CLOSE]: Premature close", want, "502"},
		{"ruby sdk", rest + "START RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST\nAws::DynamoDB::Errors::ResourceNotFoundException: Requested resource not found\n/var/task/app.rb:12:in `handler'", want, "502"},
		{"ruby timeout", rest + "START RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST\nNet::ReadTimeout: Net::ReadTimeout with #<TCPSocket:(closed)>\n/var/lang/lib/ruby/3.2.0/net/protocol.rb:229:in `rbuf_fill'", want, "502"},
		// (a Rust logger's module path opens its lines the same way)
		{"a module path is no error", rest + "START RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST\nlambda_runtime::layers::api_client: sending the response for the invocation", "unknown", "500"},
		{"a client's error line is not the function's", "AxiosError: Request failed with status code 502", "unknown", "502"},
		{"nor with a code", "AxiosError [ERR_BAD_RESPONSE]: Request failed with status code 502", "unknown", "502"},
		{"a person's sentence is not the function's", rest + "The docs say: Errno::ENOENT: is what you get when a file is missing.", "unknown", "500"},
	})
}

// A function that cannot read the event the gateway sent (the payload
// format version and the function's event type disagree) fails with a
// function error, in each deserialiser's words; a person saying the
// "proxy integration request format" talks about that event, not about a
// malformed answer.
func TestEventShapeWordings(t *testing.T) {
	want := "lambda_function_error"
	checkWordings(t, []wording{
		{"go", "json: cannot unmarshal string into Go struct field APIGatewayProxyRequest.body of type map[string]interface {}", want, "unknown"},
		{"dotnet", "Error converting the Lambda event JSON payload to type Amazon.Lambda.APIGatewayEvents.APIGatewayProxyRequest: The JSON value could not be converted to System.String.", want, "unknown"},
		{"java container", "The incoming event is not a valid request from Amazon API Gateway or an Application Load Balancer", want, "unknown"},
		{"rust lambda_http", "this function expects a JSON payload from Amazon API Gateway, Amazon Elastic Load Balancer, or AWS Lambda Function URLs, but the data doesn't match any of those services' events", want, "unknown"},
		{"rust serde", "Error: missing field `httpMethod` at line 1 column 712", want, "unknown"},
		{"rust lambda_http enum", "  × data did not match any variant of untagged enum LambdaRequest", want, "unknown"},
		{"rust lambda-web", `Error: Error("data did not match any variant of untagged enum LambdaHttpEvent", line: 0, column: 0)`, want, "unknown"},
		// (the same serde words for an enum of the function's own name no event)
		{"another enum", "  × data did not match any variant of untagged enum Shape", "unknown", "unknown"},
		{"the request format in words", "It only recognizes the Lambda Proxy Integration Request format of version 2.0 when both features are enabled.", "unknown", "unknown"},
	})
}

// The @connections management API is called by a WebSocket API's backend
// alone: its errors are the function failing on a dependency.
func TestConnectionsAPIWordings(t *testing.T) {
	want := "lambda_function_error"
	checkWordings(t, []wording{
		{"python gone", "An error occurred (GoneException) when calling the PostToConnection operation: ", want, "unknown"},
		{"wrong endpoint", "No method found matching route prod/@connections/PxWP8cfSDoECFYw= for http method POST.", want, "unknown"},
		{"no endpoint", `botocore.exceptions.EndpointConnectionError: Could not connect to the endpoint URL: "https://execute-api.eu-west-1.amazonaws.com/@connections/V-M0CclhjoECETA%3D"`, want, "unknown"},
		// (the same error for another service's endpoint names no cause of the API's)
		{"another endpoint", `botocore.exceptions.EndpointConnectionError: Could not connect to the endpoint URL: "https://dynamodb.eu-west-1.amazonaws.com/"`, "unknown", "unknown"},
		{"role without ManageConnections", "User: arn:aws:sts::123456789012:assumed-role/chat-role/sendmessage is not authorized to perform: execute-api:ManageConnections on resource: arn:aws:execute-api:us-east-1:123456789012:abc123/prod/POST/@connections/xyz", want, "unknown"},
		{"the python runtime's level column", "[ERROR] ClientError: An error occurred (AccessDeniedException) when calling the GetItem operation: User: arn:aws:sts::123456789012:assumed-role/fn-role/fn is not authorized to perform: dynamodb:GetItem", want, "unknown"},
	})
}

// DynamoDB's documented ValidationException messages (the Knowledge
// Center's "provided key element does not match the schema" article, the
// DynamoDB guide's expression attribute names page, the API reference's
// ValidationException) outside the gateway's logs are the function's own
// call failing; in the execution log they are a service integration's
// request template.
func TestServiceCallWordings(t *testing.T) {
	const id = "(6c6d6e6f-0000-4000-8000-00000000abcd) "
	want := "lambda_function_error"
	checkWordings(t, []wording{
		{"key schema, quoted by a person", "The message is `The provided key element does not match the schema`", want, "unknown"},
		{"parameter value, quoted by a person", "I keep getting: One or more parameter values were invalid: Missing the key id in the item", want, "unknown"},
		{"reserved word", "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: name", want, "unknown"},
		{"key schema, python runtime", "[ERROR] ClientError: An error occurred (ValidationException) when calling the GetItem operation: The provided key element does not match the schema", want, "unknown"},
		// (the same answer to the gateway's own call is its template's)
		{"key schema, service integration", id + `Endpoint response body before transformations: {"__type":"com.amazon.coral.validate#ValidationException","message":"The provided key element does not match the schema"}`, "mapping_template_error", "unknown"},
		// (nor a person's words about a service integration's template)
		{"key schema, a person's service integration", "The DynamoDB integration's request template gives: The provided key element does not match the schema", "unknown", "unknown"},
		// (nor is a person's mention of keys and schemas a refusal)
		{"schema in words", "The key of the table does not match the schema I expected", "unknown", "unknown"},
		// a Lambda execution role's session denied an action is the
		// function's own call; the gateway's role session stays its own
		{"a function's role denied, quoted", "I looked at the log and see this: `{ AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/notes-api-prod-us-east-1-lambdaRole/notes-api-prod-create is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/notes`\nHTTP/1.1 500 Internal Server Error", want, "500"},
		// (whatever the role is called: a CDK function's role is named
		// after its construct, "...ServiceRole...", cut to 64 characters;
		// the session is the function's name, never the gateway's)
		{"a CDK function's role denied, a pretty error's field", `    "message": "User: arn:aws:sts::123456789012:assumed-role/InfraStack-HitCounterHandlerService-R2LN05SZLLRA/InfraStack-HitCounterHandlerDAEA7B3-PNDo0RR8Idee is not authorized to perform: dynamodb:UpdateItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/hits because no identity-based policy allows the dynamodb:UpdateItem action",` + "\nHTTP/2 500", want, "500"},
		// (and after an SDK's exception name, where the session is cut
		// out or the line wraps before "is not authorized")
		{"an SDK's denial, the session cut", "The function crashed raising `AccessDeniedException: User: arn:aws:sts::...:assumed-role/LambdaRole is not authorized to perform: bedrock:InvokeModel`\nHTTP/1.1 500 Internal Server Error", want, "500"},
		{"an SDK's denial, wrapped", "software.amazon.awssdk.services.dynamodb.model.DynamoDbException: User: ...assumed-role/shop-dev-LoginFunctionRole...\nis not authorized to perform: dynamodb:PutItem on resource:\nHTTP/1.1 500 Internal Server Error", want, "500"},
		{"an SDK's denial, no principal", "Before: `AccessDeniedException: User is not authorized to perform: dynamodb:Query on resource: .../index/EmailIndex`\nHTTP/1.1 500 Internal Server Error", want, "500"},
		// (not another exception whose message starts with USER_..., nor
		// the gateway's role quoted after the exception's name)
		{"a Cognito refusal", "SignIn error: InvalidParameterException: USER_PASSWORD_AUTH flow not enabled for this client\nHTTP/1.1 500 Internal Server Error", "unknown", "500"},
		{"the gateway's role after an exception name", "The log says AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/apigw-sqs/BackplaneAssumeRoleSession is not authorized to perform: sqs:SendMessage\nHTTP/1.1 500 Internal Server Error", "credentials_role_error", "500"},
		{"a deployment's role refused", "CREATE_FAILED | AWS::ApiGateway::Method | User: arn:aws:sts::123456789012:assumed-role/cdk-hnb659fds-cfn-exec-role/AWSCloudFormation is not authorized to perform: apigateway:PUT", "not_5xx", "unknown"},
		{"the gateway's role denied, quoted", "I looked at the log and see this: User: arn:aws:sts::123456789012:assumed-role/apigw-lambda-role/BackplaneAssumeRoleSession is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/notes\nHTTP/1.1 500 Internal Server Error", "credentials_role_error", "500"},
	})
}

// The timeout warnings error monitors raise inside the function shortly
// before its deadline (sentry-python's and sentry-javascript's
// ServerlessTimeoutWarning, sentry-javascript's captureMessage, Bugsnag's
// LambdaTimeoutApproaching) hint at the function's timeout, wherever they
// are quoted but a client's output.
func TestTimeoutWarningWordings(t *testing.T) {
	want := "lambda_function_timeout"
	checkWordings(t, []wording{
		{"sentry python", "sentry_sdk.integrations.aws_lambda.ServerlessTimeoutWarning: WARNING : Function is expected to get timed out. Configured timeout duration = 6 seconds.", want, "unknown"},
		{"sentry javascript error", "Error: WARNING : Function is expected to get timed out. Configured timeout duration = 3 seconds.", want, "unknown"},
		{"sentry javascript message", "Possible function timeout: notes-api-get", want, "unknown"},
		{"bugsnag", "LambdaTimeoutApproaching: Lambda will timeout in 1500ms", want, "unknown"},
		{"a wrapper's, quoted in a wish", "You should see `Error: Lambda will timeout in 100 ms`. Note, this is printed by the timeout timer.", want, "unknown"},
		// (a program's own plan for its deadline is no warning that fired)
		{"a comment about the deadline", "# Lambda will timeout in less than 1 minute. Re-add this area to the queue.", "unknown", "unknown"},
		{"Lambda's own line outranks it", "Possible function timeout: notes-api-get\n2024-03-12T10:15:07.130Z 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Task timed out after 6.01 seconds", want, "unknown"},
	})
}

// A function allowed more time than the gateway waits (29 s for a REST
// API, 30 s for an HTTP API: the API Gateway guide's quotas) was still
// running when the gateway answered with its own timeout: Lambda's later
// "Task timed out" names the integration timeout. Within the gateway's
// limit, or with the 502 a REST API answers a function's timeout with
// (its quota raised), it stays the function's.
func TestLongFunctionTimeoutWordings(t *testing.T) {
	const id = "2024-03-12T10:15:07.130Z 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 "
	checkWordings(t, []wording{
		{"five minutes", id + "Task timed out after 300.00 seconds", "integration_timeout", "unknown"},
		{"a minute", id + "Task timed out after 60.06 seconds", "integration_timeout", "unknown"},
		{"31 seconds", id + "Task timed out after 31.00 seconds", "integration_timeout", "unknown"},
		{"fifteen minutes, a REST 504", "HTTP/1.1 504 Gateway Timeout\n" + id + "Task timed out after 900.10 seconds", "integration_timeout", "504"},
		{"a minute, an HTTP API", "HTTP/1.1 503 Service Unavailable\napigw-requestid: Ab1cDEfGhIjKlMn=\n{\"message\":\"Service Unavailable\"}\n" + id + "Task timed out after 60.02 seconds", "integration_timeout", "503"},
		// (negatives: within the gateway's limit, and a raised REST quota)
		{"within the limit", id + "Task timed out after 28.03 seconds", "lambda_function_timeout", "unknown"},
		{"30 seconds", id + "Task timed out after 30.03 seconds", "lambda_function_timeout", "unknown"},
		{"six seconds", id + "Task timed out after 6.01 seconds", "lambda_function_timeout", "unknown"},
		// the 2024 REPORT format's Status: timeout after the same run
		{"a REPORT of a minute", "REPORT RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tDuration: 60000.00 ms\tBilled Duration: 60000 ms\tMemory Size: 128 MB\tMax Memory Used: 80 MB\tStatus: timeout", "integration_timeout", "unknown"},
		{"a REPORT of six seconds", "REPORT RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tDuration: 6000.00 ms\tBilled Duration: 6000 ms\tMemory Size: 128 MB\tMax Memory Used: 80 MB\tStatus: timeout", "lambda_function_timeout", "unknown"},
		{"a long REPORT without a timeout", "REPORT RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11\tDuration: 60000.00 ms\tBilled Duration: 60000 ms\tMemory Size: 128 MB\tMax Memory Used: 128 MB", "lambda_out_of_memory", "unknown"},
		{"a raised quota's 502", "HTTP/1.1 502 Bad Gateway\n{\"message\": \"Internal server error\"}\n" + id + "Task timed out after 60.06 seconds", "lambda_function_timeout", "502"},
	})
}

// Lambda's error object for an invocation it ended (its timeout, its
// memory), as the REST execution log quotes it in "Endpoint response body
// before transformations": the function never answered, so the
// "Malformed Lambda proxy response" the gateway of 2017 and 2018 logged
// after it (aws-lambda-go issue 72) is its consequence. Any other error
// object before that line is left to the rules of the malformed response.
func TestQuotedInvocationEnd(t *testing.T) {
	const (
		ts  = "Fri Apr 13 18:05:24 UTC 2018 : "
		mal = ts + "Execution failed due to configuration error: Malformed Lambda proxy response\n" + ts + "Method completed with status: 502"
	)
	checkWordings(t, []wording{
		{"timeout", ts + `Endpoint response body before transformations: {"errorMessage":"2018-04-13T18:05:24.110Z 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Task timed out after 6.01 seconds"}` + "\n" + mal, "lambda_function_timeout", "502"},
		{"killed", ts + `Endpoint response body before transformations: {"errorMessage":"RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Error: Runtime exited with error: signal: killed","errorType":"Runtime.ExitError"}` + "\n" + mal, "lambda_out_of_memory", "502"},
		{"out of memory", ts + `Endpoint response body before transformations: {"errorType":"Runtime.OutOfMemory","errorMessage":"RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Error: Runtime exited with error: signal: killed"}` + "\n" + mal, "lambda_out_of_memory", "502"},
		// (negatives)
		{"an answer without a statusCode", ts + `Endpoint response body before transformations: {"body":"{\\"ok\\":true}"}` + "\n" + mal, "lambda_malformed_proxy_response", "502"},
		{"malformed alone", mal, "lambda_malformed_proxy_response", "502"},
		{"an authorizer's timeout", ts + `Authorizer result body before parsing: {"errorMessage":"2018-04-13T18:05:24.110Z 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Task timed out after 3.00 seconds"}` + "\n" + ts + "Execution failed due to configuration error: Authorizer error\n" + ts + "Method completed with status: 500", "authorizer_error", "500"},
	})
}

// Between an invocation's START and END the log stream is the function's:
// an error's opening there is its own even when it reads like a sentence,
// and Node.js's system errors for a connection (the Node.js errors page)
// are its call to a dependency failing. Outside an invocation, or not
// opening like an error, a line stays a person's or a client's.
func TestFunctionLogLineWordings(t *testing.T) {
	const (
		start = "START RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11 Version: $LATEST\n"
		end   = "\nEND RequestId: 6f1c1f3e-1d2b-4c1e-9a51-0c7d0e3b2a11"
		rest  = "{\"message\": \"Internal server error\"}\n"
	)
	want := "lambda_function_error"
	checkWordings(t, []wording{
		{"an error that reads like a sentence", rest + start + "Error: the order service did not answer in time for this request" + end, want, "502"},
		{"getaddrinfo", rest + start + "getaddrinfo ENOTFOUND db.internal.example.com" + end, want, "502"},
		{"connect timed out", rest + start + "connect ETIMEDOUT 10.0.1.23:443" + end, want, "502"},
		{"lookup not answered", rest + start + "getaddrinfo EAI_AGAIN secretsmanager.us-east-1.amazonaws.com" + end, want, "502"},
		{"a person's note in the invocation", rest + start + "Update: the order service did not answer in time for this request" + end, "unknown", "500"},
		{"a sentence outside an invocation", rest + "Error: the order service did not answer in time for this request", "unknown", "500"},
		{"a client's own timeout", "connect ETIMEDOUT 52.84.12.3:443", "unknown", "unknown"},
	})
}

// The Node.js runtime's error record (the runtime interface client's
// Errors.js) by its stack alone, as a paste cut before its other fields
// shows it; a list under the same key that holds no error names nothing.
func TestNodeErrorRecordWordings(t *testing.T) {
	want := "lambda_function_error"
	checkWordings(t, []wording{
		{"log record cut", `"API Gateway method does not appear to be setup for Lambda Proxy Integration. Missing lambda proxy property was resource","stack":["Error: API Gateway method does not appear to be setup for Lambda Proxy Integration.","    at StaticFileHandler.get (/var/task/node_modules/serverless-aws-static-file-handler/index.js:47:13)"]}`, want, "unknown"},
		{"a list that is no trace", `"stack": ["frontend: React", "backend: Lambda"]`, "unknown", "unknown"},
	})
}

// People's words for the missing invoke permission, the function's
// timeouts and an error inside the function; a markdown quote is read as
// the line it quotes.
func TestPersonWordingsOfFunctionCauses(t *testing.T) {
	checkWordings(t, []wording{
		{"permission to call", "API Gateway did not have permission to call the Lambda function, so the message failed.", "lambda_invoke_permission", "unknown"},
		{"lambda timeouts", "Lambda timeouts get converted to 500 Internal Errors in API Gateway", "lambda_function_timeout", "500"},
		{"an error in the function", "When there is an error in the Lambda function, the API Gateway returns a generic error.", "lambda_function_error", "unknown"},
		{"no errors in the function", "There are no errors in the Lambda function log, and the client gets 502.", "unknown", "502"},
		{"a quoted gateway line", "> Lambda execution failed with status 200 due to customer function error: RequestId: 80572150-944e-40e5-b782-aca7f713289f Error: boom", "lambda_function_error", "unknown"},
		{"curl's request header stays the client's", "> x-api-key: secret\n< HTTP/2 502", "unknown", "502"},
	})
}

// What a package that lacks a module or class shows in Node.js's ES-module
// loader and the JVM, and the JVM's own Errors; a body that is not JSON
// under a non-proxy template is the gateway's 400.
func TestPackageAndRequestWordings(t *testing.T) {
	checkWordings(t, []wording{
		{"esm package missing", "Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'axios' imported from /var/task/index.mjs", "lambda_handler_misconfigured", "unknown"},
		{"jvm class missing", "java.lang.NoClassDefFoundError: com/amazonaws/services/lambda/runtime/RequestHandler", "lambda_handler_misconfigured", "unknown"},
		{"jvm error", "java.lang.StackOverflowError\n\tat com.example.Handler.walk(Handler.java:40)", "lambda_function_error", "unknown"},
		{"body not json", `{"message":"Could not parse request body into json: Could not parse payload into json: Unexpected character ('a' (code 97))"}`, "not_5xx", "none"},
	})
}

// A person naming the VPC link describes the setup; the gateway naming it
// is its failure.
func TestVPCLinkInWordsIsTheSetup(t *testing.T) {
	checkWordings(t, []wording{
		{"a timeout through the link", "Our REST API reaches the service through a VPC link to an NLB.\n{\"message\": \"Endpoint request timed out\"}", "integration_timeout", "504"},
		{"the link failing", "(abc) Execution failed due to configuration error: VPC link is not in AVAILABLE state\n(abc) Method completed with status: 500", "private_integration_error", "500"},
		{"a person alone", "Our REST API reaches the service through a VPC link, and every call fails with 500.", "private_integration_error", "500"},
		// (the link's creation failing is a deployment refused, no request)
		{"its creation failing", "VpcLink creation failing due to shared subnet\nThe deployment fails during the creation step for the VpcLink.", "unknown", "unknown"},
		// Terraform's waiter for the link, which the management API
		// accepted and then failed to create (the zh re:Post question on a
		// REST VPC link pointed at an ALB, a training report): a failed
		// deployment, no private integration's failure
		{"its creation failing, Terraform's waiter", "Error: creating API Gateway VPC Link (example_vpc_link): waiting for completion: FAILED: NLB ARN is malformed", "not_5xx", "unknown"},
		{"its creation failing, the refusal", "The deployment fails during the creation step for the VpcLink.\nResource handler returned message: \"For a shared subnet, at least one security-group-id should be provided. (Service: AmazonApiGatewayV2; Status Code: 400; Error Code: BadRequestException; Request ID: 50573051)\"", "not_5xx", "none"},
	})
}

// A Lambda error object names its errorType beside its errorMessage (the
// Lambda guide's function errors); an "errorType" of the gateway's own
// InternalServerErrorException (the x-amzn-ErrorType of its 5xx answers,
// as a recorded response keeps it) is the gateway's answer, no function's.
func TestErrorTypeOfTheGateway(t *testing.T) {
	checkWordings(t, []wording{
		{"a recorded gateway answer", `"get-error-resp": {"body": {"message": "Internal server error"}, "errorType": "InternalServerErrorException"}`, "unknown", "500"},
		{"a function's error type alone", `{"errorType": "TypeError"}`, "lambda_function_error", "unknown"},
		// (the type's words imply some 5xx wherever they appear)
		{"a function's call failing with that type", `{"errorType": "InternalServerErrorException", "errorMessage": "An error occurred (InternalServerErrorException) when calling the GetJob operation"}`, "lambda_function_error", "502"},
	})
}
