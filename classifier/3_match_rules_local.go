package classifier

// localEmulatorRules are the words of the local API Gateways people run
// before deploying, which report the failures the gateway would answer
// with its own checks. Reports often show them beside, or instead of, the
// deployed API's lines; the status the emulator answered is its own, so
// none is implied.
//   - The SAM CLI's (sam local start-api, samcli/local/apigw/
//     local_apigw_service.py): a proxy response with keys outside the
//     documented shape ("Invalid API Gateway Response Keys: {...} in
//     {...}", alone in older releases, after "Invalid lambda response
//     received:" in newer), a statusCode that is no positive integer, no
//     body, any output it could not read ("Function <name> returned an
//     invalid response (must include one of: body, headers or statusCode
//     in the response object)", which the SAM CLI's documentation shows),
//     and a function stopped at its timeout. The keys it lists are
//     errorMessage and errorType when the function failed, and it cannot
//     read a failed function's output either: that failure is the
//     function's (its own lines name it), which the deployed gateway
//     reports as such, so those words stay weak or stand back.
//   - serverless-offline's (src/events/http/HttpServer.js and
//     src/lambda/LambdaFunction.js): a proxy response whose body is not a
//     string ("According to the API Gateway specs, the body content must
//     be stringified"), a request or response template it cannot render
//     ("Error while parsing template ..." and "... responseTemplate ..."),
//     a function stopped at its timeout ("[504] - Lambda timeout.") and a
//     handler that threw ("Unhandled exception in handler 'name'.").
//   - LocalStack's (services/apigateway/next_gen/execute_api/integrations/
//     aws.py): a proxy response it cannot read ("Lambda output should
//     follow the next JSON format"), and a Lambda proxy integration whose
//     method is not POST.
func localEmulatorRules() []ruleSpec {
	return []ruleSpec{
		{lit: "invalid lambda response received", cause: CauseLambdaMalformedProxyResponse, weight: wLikely, unless: "'errormessage'"},
		{lit: "lambda returned empty body", cause: CauseLambdaMalformedProxyResponse, weight: wLikely},
		{lit: "invalid api gateway response keys", cause: CauseLambdaMalformedProxyResponse, weight: wLikely, unless: "'errormessage'"},
		{lit: "statuscode must be a positive int", cause: CauseLambdaMalformedProxyResponse, weight: wLikely},
		{lit: "returned an invalid response (must include one of", cause: CauseLambdaMalformedProxyResponse, weight: wWeak},
		{lit: "timed out after", re: `function '[^']+' timed out after \d+ seconds`, cause: CauseLambdaFunctionTimeout, weight: wLikely},
		{lit: "the body content must be stringified", cause: CauseLambdaMalformedProxyResponse, weight: wLikely},
		{lit: "error while parsing ", re: `error while parsing (?:template|responsetemplate) ["']`, cause: CauseMappingTemplateError, weight: wLikely},
		{lit: "] - lambda timeout.", re: `\[504\] - lambda timeout\.`, cause: CauseLambdaFunctionTimeout, weight: wLikely},
		{lit: "unhandled exception in handler '", cause: CauseLambdaFunctionError, weight: wHint},
		{lit: "lambda output should follow the next json format", cause: CauseLambdaMalformedProxyResponse, weight: wLikely},
		{lit: "integration can only be used with the post integration method", cause: CauseIntegrationMethodNotPost, weight: wLikely},
	}
}
