package classifier

// queryRefusalCodes are the query APIs' codes for a request they cannot
// read (SNS, SQS), as a pattern: the codes the gateway-logged rules of
// serviceIntegrationRules read one literal each, for the pass-through
// forms, whose literal is the field around them.
const queryRefusalCodes = `(?:malformedinput|invalidparameter(?:value)?|missingparameter|invalid(?:parametercombination|action|httprequest|queryparameter)|missingaction|malformedquerystring|conflictingqueryparameter)`

// serviceIntegrationRules read an AWS service integration's answer (SQS,
// SNS, DynamoDB, Step Functions, Kinesis, EventBridge, S3, and Lambda
// called as a custom integration) as the gateway logs it: the execution
// log's "Endpoint response body before transformations", or the error it
// quotes after "Execution failed due to configuration error". Who is at
// fault follows from the error code the service's API reference gives:
//   - the role the integration assumes may not call the action
//     (AccessDenied, AccessDeniedException, SNS's AuthorizationError, "is
//     not authorized to perform"): credentials_role_error, which the
//     gateway tables read already;
//   - the service could not read the request the integration's request
//     template built (a field missing or of the wrong type, a body that is
//     not the JSON or query form the action takes): ValidationException,
//     SerializationException, the query APIs' InvalidParameterValue,
//     InvalidParameter and MissingParameter (and SQS's other common errors
//     of a request it cannot read: InvalidParameterCombination,
//     InvalidAction, MissingAction, InvalidHttpRequest,
//     InvalidQueryParameter, MalformedQueryString,
//     ConflictingQueryParameter), Step Functions'
//     InvalidExecutionInput and InvalidArn (the state machine's ARN is a
//     field of the template's body), Lambda's InvalidRequestContentException
//     (a custom integration's payload that is not JSON): the template's
//     fault, mapping_template_error;
//   - the service throttled the call (the query APIs' Throttling code, whose
//     message "Rate exceeded" would otherwise read as Lambda's):
//     backend_throttled; its own failures (InternalFailure,
//     ServiceUnavailable) are internal_service_failure, read by the
//     gateway tables.
//
// A function's own SDK call failing with the same codes is the function's
// error: these rules read only the gateway's logs (and on the caller's
// side only the wire forms of the service's answer, which the integration
// passed through and an SDK does not print), and not a Lambda
// function's error object there (a custom Lambda integration's endpoint
// response is the function's answer: {"errorMessage": ..., "errorType":
// "ValidationException"} is its own call failing), nor the gateway quoting
// a function's error (REST's "due to customer function error: An error
// occurred (ValidationException) when calling the PutItem operation", its
// access logs' "Lambda Customer Function Error:", and an HTTP API's
// integrationErrorMessage "The Lambda function returned the following
// error: ... Check your Lambda function code and try again."). Lambda's validation of
// a function name ("... at 'functionName' failed to satisfy constraint")
// is the integration URI, not a template.
func serviceIntegrationRules() []ruleSpec {
	tpl := func(lit, re string) ruleSpec {
		return ruleSpec{lit: lit, re: re, cause: CauseMappingTemplateError, weight: wLikely, unless: "'functionname'", unlessAlso: []string{`"errormessage"`, "customer function error", "lambda function returned the following error"}, layers: gatewayLogged}
	}
	constraint := tpl("failed to satisfy constraint", `\bvalidation errors? detected: value .*? at '[^']+' failed to satisfy constraint`)
	constraint.unlessAlso = append([]string{"'qualifier'"}, constraint.unlessAlso...)
	return []ruleSpec{
		tpl("validationexception", `\bvalidationexception\b`),
		tpl("serializationexception", `\bserializationexception\b`),
		tpl("invalidparameter", `\binvalidparameter(?:value)?\b`),
		tpl("missingparameter", `\bmissingparameter\b`),
		tpl("invalid", `\binvalid(?:parametercombination|action|httprequest|queryparameter)\b`),
		tpl("missingaction", `\bmissingaction\b`),
		tpl("malformedquerystring", `\bmalformedquerystring\b`),
		tpl("conflictingqueryparameter", `\bconflictingqueryparameter\b`),
		tpl("invalidexecutioninput", ""),
		tpl("invalidarn", `\binvalidarn\b`),
		tpl("invalidrequestcontentexception", ""),
		// the messages of the same errors, when the body was cut before the
		// code (DynamoDB's ValidationException, a JSON protocol's
		// SerializationException)
		tpl("one or more parameter values were invalid", ""),
		tpl("start of structure or map found where not expected", ""),
		tpl("start of list found where not expected", ""),
		tpl("malformedinput", `\bmalformedinput\b`),
		// (and SQS's own words for MissingParameter and
		// InvalidParameterValue, Step Functions' for InvalidExecutionInput,
		// and the JSON protocol's for ValidationException, "N validation
		// error(s) detected: Value ... at '<field>' failed to satisfy
		// constraint", not of the function name or qualifier Lambda took
		// from the integration URI)
		tpl("the request must contain the parameter", ""),
		tpl("for parameter ", `\bvalue .{0,200}? for parameter \w+ is invalid\b`),
		tpl("invalid state machine execution input", ""),
		// (Lambda's message for InvalidRequestContentException, in Lambda's
		// answer, {"Type":"User",...}, or the gateway's configuration error
		// that quotes it: the gateway's own 400 for a client's body that is
		// not JSON says the same words)
		tpl("could not parse payload into json", `"type"\s*:\s*"user"|configuration error: could not parse`),
		constraint,
		// the same refusals as the client got them, the integration's
		// answer passed through: the query APIs' error body ("Code":
		// "InvalidParameter" in its JSON form, <Code>...</Code> in its XML
		// form) and the JSON protocol's "__type" (the Coral namespace
		// before the name), never how an SDK prints its error
		{lit: `"code"`, re: `"code"\s*:\s*"` + queryRefusalCodes + `"`, cause: CauseMappingTemplateError, weight: wLikely, layers: callerSide},
		{lit: "<code>", re: `<code>` + queryRefusalCodes + `</code>`, cause: CauseMappingTemplateError, weight: wLikely, layers: callerSide},
		{lit: "com.amazon.coral.service#serializationexception", cause: CauseMappingTemplateError, weight: wLikely, layers: callerSide},
		{lit: "authorizationerror", re: `\bauthorizationerror\b`, cause: CauseCredentialsRoleError, weight: wLikely, unless: `"errormessage"`, layers: gatewayLogged},
		{lit: "<code>throttling</code>", cause: CauseBackendThrottled, weight: 75, layers: gatewayLogged},
	}
}
