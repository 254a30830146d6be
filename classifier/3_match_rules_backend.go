package classifier

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
