package classifier

// documentedRules are messages AWS documents that the other tables lacked,
// each read on the layers that emit it: the HTTP API access log's
// authorizer error, the Reason values of Lambda's TooManyRequestsException
// and the Invoke API's other throttling and service errors (the Lambda API
// reference), the gateway's own 4xx answers as a client or an access log
// shows them (the gateway response types and their default statuses), and
// the JSON log format's and Telemetry API's platform events.
func documentedRules() []ruleSpec {
	var all []ruleSpec
	for _, part := range [][]ruleSpec{invokeAPIRules(), executionFailureRules(), serviceIntegrationRules(), gatewayRefusalRules(), executionLogRefusalRules(), mutualTLSRules(), platformEventRules(), translatedTimeoutRules(), configurationErrorWords()} {
		all = append(all, part...)
	}
	return all
}

// invokeAPIRules: Lambda rejecting the gateway's invocation, which the
// client gets as a 500. Every Reason of TooManyRequestsException is the
// function throttled, and so is EC2 throttling the set-up of a function's
// network interfaces; EC2UnexpectedException and ServiceException are
// Lambda's own failures. ServiceException is read only where the gateway
// logged it (a function's SDK names AmazonServiceException and the like),
// and only as a whole word. The HTTP API writes its authorizer's missing
// permission into $context.authorizer.error as it writes the integration's.
func invokeAPIRules() []ruleSpec {
	return []ruleSpec{
		{lit: "functioninvocationratelimitexceeded", cause: CauseLambdaThrottled, weight: 99},
		{lit: "callerratelimitexceeded", cause: CauseLambdaThrottled, weight: 99},
		{lit: "concurrentsnapshotcreatelimitexceeded", cause: CauseLambdaThrottled, weight: 85},
		{lit: "ec2throttledexception", cause: CauseLambdaThrottled, weight: 85},
		{lit: "ec2unexpectedexception", cause: CauseInternalServiceFailure, weight: wLikely},
		{lit: "serviceexception", re: `(?:^|[^a-z])serviceexception\b`, cause: CauseInternalServiceFailure, weight: wLikely, layers: gatewayLogged},
		// (a literal for each verb: "to call the authorizer" does not occur
		// in "to invoke the Lambda authorizer")
		{lit: "to call the ", re: `permissions? to call the (?:lambda )?authori[sz]er`, cause: CauseAuthorizerError, weight: 90},
		{lit: "to invoke the ", re: invokePermissionFor + `the (?:lambda )?authori[sz]er`, cause: CauseAuthorizerError, weight: 90},
	}
}

// executionFailureRules: execution-log failures whose words the other
// tables lack.
//   - "Execution failed due to configuration error: Illegal character in
//     path" (the knowledge-center article on proxy path character errors):
//     the integration URI still holds a {param} that no URL path parameter
//     mapping of the integration request fills, and the URI parser refuses
//     its brace (Java's URISyntaxException words, "in path", "in query" or
//     "in authority at index N: <uri>"). That is the request mapping's
//     fault; a ${stageVariables.x} left in the URI is the stage's.
//   - "Unable to base64 decode the body": the integration's content
//     handling (CONVERT_TO_BINARY) met a body that is not base64, a step
//     of the same request or response transformation as its templates
//     (the developer guide's binary payload conversions).
//   - "Invalid JSON in response: Unrecognized field \"errorType\" , not
//     marked as ignorable": the gateway could not read a Lambda
//     authorizer's answer as a policy (its function failed and answered
//     its error object), which it answers with AuthorizerConfigurationException,
//     a 500 (an authorizer's test output in a public project's notes;
//     the proxy integration's unreadable answer is "Malformed Lambda proxy
//     response" instead).
//   - "Authorizer result body before parsing: {\"errorType\": ...}": the
//     gateway logs the authorizer function's answer, and an error object
//     there (whatever its type: an import error, a timeout) is the
//     authorizer failing, which outweighs what the type alone would name.
//   - "Lambda invocation failed with status: N": Lambda refused the
//     gateway's call, which the gateway always answers with its own 5xx
//     (whatever N is: Lambda's status is not the client's).
//   - "Authorizer error" and "AuthorizerConfigurationException": the
//     gateway's AUTHORIZER_FAILURE and AUTHORIZER_CONFIGURATION_ERROR
//     responses, both 500.
//   - The gateway's TLS handshake with an HTTP or private integration's
//     backend failing, in the words of its Java TLS stack after
//     "configuration error:" (the knowledge-center article on backend SSL
//     certificate errors gives the PKIX and host name forms, which
//     backendRules read): a plain-HTTP answer on the TLS port
//     ("Unrecognized SSL message, plaintext connection?"), the backend's
//     alert ("Received fatal alert: handshake_failure"), a certificate
//     naming no matching host ("No subject alternative DNS name matching
//     ... found.", sun.security.util.HostnameChecker).
//   - "<header> header already present": an integration request's header
//     mapping that sets a header the gateway sets itself (Content-Length,
//     Transfer-Encoding), refused by its HTTP client before the request is
//     sent (LocalStack's integration request, checked against AWS, logs
//     the same words): the integration request's mapping.
//
// Each is read only where the gateway wrote it (or a person quotes the
// execution log's words): in a function's log a URI refused is its own
// call's.
func executionFailureRules() []ruleSpec {
	return []ruleSpec{
		{lit: "configuration error: illegal character in", cause: CauseMappingTemplateError, weight: wSpecific, unless: "stagevariables.", layers: notFunction},
		{lit: "configuration error: illegal character in", re: `\$\{stagevariables\.`, cause: CauseStageVariableUnresolved, weight: 90, layers: notFunction},
		{lit: "configuration error: unable to base64", re: `unable to base64 (?:de|en)code`, cause: CauseMappingTemplateError, weight: wSpecific, layers: notFunction},
		{lit: "configuration error: invalid json in response", cause: CauseAuthorizerError, weight: wSpecific, layers: notFunction},
		{lit: "authorizer result body before parsing", re: `"error(?:type|message)"`, cause: CauseAuthorizerError, weight: 96, layers: gatewayLogged},
		{lit: "configuration error: unrecognized ssl message", cause: CauseBackendTLSError, weight: wSpecific, layers: notFunction},
		{lit: "configuration error: received fatal alert: ", cause: CauseBackendTLSError, weight: wSpecific, layers: notFunction},
		{lit: "configuration error: no subject alternative ", cause: CauseBackendTLSError, weight: wSpecific, layers: notFunction},
		{lit: "header already present", re: `configuration error: [\w-]+ header already present`, cause: CauseMappingTemplateError, weight: wSpecific, layers: notFunction},
		{lit: "lambda invocation failed with status", implied: implied5xx, layers: gatewayLogged},
		{lit: "authorizer error", implied: implied5xx, layers: gatewayLogged},
		{lit: "authorizerconfigurationexception", implied: implied5xx, layers: gatewayLogged},
	}
}

// iamAuthorizerRequest opens an HTTP API's record of an IAM authorization
// refusing a request that is not signed.
const iamAuthorizerRequest = "the request for the iam authorizer"

// gatewayRefusalRules: the gateway's own 4xx answers, by the error type
// header a client shows and by $context.error.responseType in an access
// log (ACCESS_DENIED, WAF_FILTERED, INVALID_API_KEY, EXPIRED_TOKEN,
// INVALID_SIGNATURE and MISSING_AUTHENTICATION_TOKEN are 403s, UNAUTHORIZED
// 401, THROTTLED and QUOTA_EXCEEDED 429, BAD_REQUEST_BODY and
// BAD_REQUEST_PARAMETERS 400, RESOURCE_NOT_FOUND 404, REQUEST_TOO_LARGE
// 413, UNSUPPORTED_MEDIA_TYPE 415) and by the REST execution log's
// "Gateway response type: ... with status code: ...", an HTTP API JWT
// authorizer's refusal, the expired-token body, a Cognito authorizer's
// expired token, an Authorization header that is not a signature and an
// HTTP API's IAM authorization refusing a request with none. Like the other
// look-alikes they are weak, so any 5xx cause of the same request
// outranks them.
func gatewayRefusalRules() []ruleSpec {
	var all []ruleSpec
	refused := func(re string, status int) {
		all = append(all,
			ruleSpec{lit: "responsetype", re: `responsetype"?\s*[:=]\s*"?(?:` + re + `)\b`, cause: CauseNot5xx, weight: wWeak, implied: status, layers: gatewayLogged},
			ruleSpec{lit: "gateway response type: ", re: `gateway response type: (?:` + re + `)\b`, cause: CauseNot5xx, weight: wWeak, implied: status, layers: gatewayLogged})
	}
	refused(`access_denied|waf_filtered|invalid_api_key|expired_token|invalid_signature|missing_authentication_token`, 403)
	refused(`unauthorized`, 401)
	refused(`throttled|quota_exceeded`, 429)
	refused(`bad_request_body|bad_request_parameters`, 400)
	refused(`resource_not_found`, 404)
	refused(`request_too_large`, 413)
	refused(`unsupported_media_type`, 415)
	return append(all, []ruleSpec{
		// the execution log's own record of the answer: "Gateway response
		// type: DEFAULT_4XX with status code: 403", the status whatever the
		// type (a customised gateway response may change it)
		{lit: "gateway response type: ", re: `gateway response type: \w+ with status code: ([1-5]\d\d)\b`, layers: gatewayLogged},
		{lit: "x-amzn-errortype", re: errorTypeNamed + `(expiredtoken|incompletesignature|invalidsignature|unrecognizedclient)exception`, cause: CauseNot5xx, weight: wWeak, implied: 403},
		{lit: "x-amzn-errortype", re: errorTypeNamed + `unsupportedmediatypeexception`, cause: CauseNot5xx, weight: wWeak, implied: 415},
		{lit: "security token included in the request is expired", cause: CauseNot5xx, weight: wWeak, implied: 403, layers: callerSide},
		{lit: "security token included in the request is expired", cause: CauseCredentialsRoleError, weight: wLikely, unlessAlso: quotedFunctionError, layers: gatewayOrFunction},
		{lit: `error="invalid_token"`, cause: CauseNot5xx, weight: wWeak, implied: 401},
		// the gateway's words for a request its authorization refused (an
		// authorizer's or a resource policy's Deny), as its logs write them
		// and the access log's $context.authorize.error holds them: a 403
		// before any integration (several reports quote it so: a WebSocket
		// $connect authorizer's policy naming the REST resource form, a
		// cross-account caller that the resource policy did not allow);
		// not where an AWS SDK's error quotes them for a call an AWS
		// service refused (sdkCallRefused: Lambda's AccessDeniedException)
		{lit: "the client is not authorized to perform this operation", cause: CauseNot5xx, weight: wWeak, implied: 403, unlessAlso: sdkCallRefused},
		// an HTTP API route with IAM authorization refusing a request that
		// carries no signature (no Authorization header, no X-Amz-Credential
		// query): 403 {"message":"Forbidden"}, with $context.authorizer.error
		// "The request for the IAM Authorizer doesn't match the format that
		// API Gateway expects." (as microapps-core's troubleshooting notes
		// show it for CloudFront requests whose signature headers were not
		// forwarded, and an HTTP API emulator's IAM check answers it)
		{lit: iamAuthorizerRequest, cause: CauseNot5xx, weight: wWeak, implied: 403},
		// a Cognito user pool authorizer refusing an expired token (401),
		// and the gateway refusing an Authorization header that is not a
		// signature (403)
		{lit: "the incoming token has expired", cause: CauseNot5xx, weight: wWeak, implied: 401},
		{lit: "authorization header requires", re: `authorization header requires '(?:credential|signature|signedheaders)' parameter`, cause: CauseNot5xx, weight: wWeak, implied: 403},
		// a signature whose credential scope does not fit the request, in
		// the words of the IAM guide's "Troubleshoot signed requests for AWS
		// APIs" (credential scope errors): "Credential should be scoped to a
		// valid Region, not '<region>'", "Credential should be scoped to
		// correct service: '<service>'", "Signature not yet current: <date>
		// is still later than <date>", "Date in Credential scope does not
		// match YYYYMMDD from ISO-8601 version of date from HTTP"; the
		// gateway refuses an IAM-authorized request so with a 403 before any
		// integration runs. Only the caller's side: in the function's log
		// they are its own call to an AWS service refused.
		{lit: "credential should be scoped", cause: CauseNot5xx, weight: wWeak, implied: 403, layers: callerSide},
		{lit: "signature not yet current", cause: CauseNot5xx, weight: wWeak, implied: 403, layers: callerSide},
		{lit: "date in credential scope does not match", cause: CauseNot5xx, weight: wWeak, implied: 403, layers: callerSide},
	}...)
}

// executionLogRefusalRules: the REST execution log's own record of a
// request the gateway refused before any integration ran, as the
// knowledge-center articles on API Gateway logs and on 429 errors and the
// request validation pages of the developer guide show it:
//   - "Unauthorized request: <request id>" after "Starting authorizer":
//     the authorizer (a Lambda or Cognito user pool authorizer) refused
//     the caller, a 401 or, for a policy that denies, a 403 (a failing
//     authorizer is logged as "Authorizer error" instead, a 500);
//   - "API Key ... not authorized because method 'GET /' requires API Key
//     and API Key is not associated with a Usage Plan ...": the API key
//     refusal, 403 (the same opening with "authorized because method ...
//     does not require API Key" is a request let through);
//   - "API Key ... exceeded throttle limit for API Stage ..." and "...
//     exceeded quota limit for API Stage ...": the usage plan's throttle
//     and quota, 429;
//   - "Request body does not match model schema for content type ...":
//     the request validator refusing the body, 400.
//
// Each is the gateway's wording alone; the request id after "Unauthorized
// request:" keeps an application's own "Unauthorized request: /path"
// message out, and none is read in a function's log.
func executionLogRefusalRules() []ruleSpec {
	return []ruleSpec{
		{lit: "unauthorized request: ", re: `unauthorized request: ` + requestIDPattern + `\b`, cause: CauseNot5xx, weight: wWeak, implied: impliedBelow500, layers: notFunction},
		{lit: "not authorized because method", re: `api key .*not authorized because method .* requires api key`, cause: CauseNot5xx, weight: wWeak, implied: 403, layers: notFunction},
		{lit: "limit for api stage", re: `exceeded (?:throttle|quota) limit for api stage`, cause: CauseNot5xx, weight: wWeak, implied: 429, layers: notFunction},
		{lit: "does not match model schema for content type", cause: CauseNot5xx, weight: wWeak, implied: 400, layers: notFunction},
	}
}

// mutualTLSRules: a custom domain that requires mutual TLS refusing the
// client's certificate, which the REST execution log words "Access denied.
// Reason: Could not find issuer for certificate", "... Client cert using an
// insecure Signature Algorithm" or "... self signed certificate" (the
// knowledge-center article on mutual TLS 403 errors). The client gets 403,
// and the certificate is the caller's, not a backend's.
func mutualTLSRules() []ruleSpec {
	return []ruleSpec{
		{lit: "access denied.", re: `access denied\.\s?reason:`, cause: CauseNot5xx, weight: wWeak, implied: 403},
	}
}

// platformEventRules: the Lambda platform's events in the JSON log format
// and the Telemetry API (platform.runtimeDone, platform.report,
// platform.initReport), whose "status" field says what the plain-text
// REPORT and INIT_REPORT lines say with "Status:": a timeout is the
// function's, an initialisation that ended in error or failure is the
// runtime not starting.
func platformEventRules() []ruleSpec {
	return []ruleSpec{
		{lit: "platform.", re: `"type"\s*:\s*"platform\.(?:runtimedone|report|initreport|initruntimedone|restoreruntimedone|restorereport)".*"status"\s*:\s*"timeout"`, cause: CauseLambdaFunctionTimeout, weight: 90},
		{lit: "platform.init", re: `"type"\s*:\s*"platform\.(?:initreport|initruntimedone)".*"status"\s*:\s*"(?:error|failure)"`, cause: CauseLambdaRuntimeCrash, weight: 70},
	}
}

// translatedTimeoutRules: the REST 504's "Endpoint request timed out" as
// the knowledge-center article on 5xx errors translates it (Japanese,
// Traditional and Simplified Chinese, Portuguese). Only people write it
// so, and their words weigh less than any log line.
func translatedTimeoutRules() []ruleSpec {
	to := CauseIntegrationTimeout
	p := personLayers
	return []ruleSpec{
		{lit: "エンドポイントリクエストがタイムアウト", cause: to, weight: wHint, implied: 504, layers: p},
		{lit: "端點請求", re: `端點請求已?逾時`, cause: to, weight: wHint, implied: 504, layers: p},
		{lit: "端点请求超时", cause: to, weight: wHint, implied: 504, layers: p},
		{lit: "tempo limite da solicitação do endpoint", cause: to, weight: wHint, implied: 504, layers: p},
	}
}

// configurationErrorWords: a person reporting "a configuration error and
// an HTTP 502", as the knowledge-center article on 502 errors of Lambda
// proxy integrations opens in each of its editions. The only
// configuration error a REST API answers with 502 is the response it
// cannot read (its other configuration errors are 500s; a function that
// failed is a "customer function error"), so the words name the malformed
// proxy response, weakly, and only beside the 502.
func configurationErrorWords() []ruleSpec {
	m := CauseLambdaMalformedProxyResponse
	p := personLayers
	return []ruleSpec{
		{lit: "configuration error", re: `configuration error[^.]{0,60}\b502\b|\b502\b[^.]{0,60}configuration error`, cause: m, weight: wWeak, layers: p},
		{lit: "設定エラー", re: `設定エラー[^。]{0,40}502|502[^。]{0,40}設定エラー`, cause: m, weight: wWeak, layers: p},
		{lit: "組態錯誤", re: `組態錯誤[^。]{0,40}502|502[^。]{0,40}組態錯誤`, cause: m, weight: wWeak, layers: p},
		{lit: "配置错误", re: `配置错误[^。]{0,40}502|502[^。]{0,40}配置错误`, cause: m, weight: wWeak, layers: p},
		{lit: "erro de configuração", re: `erro de configuração[^.]{0,60}\b502\b|\b502\b[^.]{0,60}erro de configuração`, cause: m, weight: wWeak, layers: p},
	}
}
