package classifier

// gatewayPayloadWords name what API Gateway's 10 MB limit applies to, in
// English and as the API Gateway guide's Japanese, Korean and Chinese
// editions word the quotas page's "Payload size" (ペイロード, 페이로드,
// 负载, 負載) and a response (レスポンス, 응답, 响应, 響應).
const gatewayPayloadWords = `(payload|response|body|integration|ペイロード|レスポンス|페이로드|응답|负载|負載|响应|響應)`

func gatewayRules() []ruleSpec {
	return []ruleSpec{
		// (not the gateway refusing a request over it: "HTTP content length
		// exceeded 10485760 bytes" is REQUEST_TOO_LARGE, a 413)
		// (nor a local emulator's refusal of a request over the same 10 MB:
		// serverless-offline's hapi server answers 413 "Payload content
		// length greater than maximum allowed: 10485760")
		// (nor a function's own check of what it is given, "File size
		// 20971520 exceeds maximum 10485760 bytes": the function cannot
		// show the gateway's limit, which applies after it answered). The
		// number counts as a size in bytes or beside a limit's words, not
		// as a setting's value (a WAF size constraint's "Size": 10485760).
		{lit: "10485760", re: `10485760 ?bytes|(?:limit|maximum|max|exceed\w*|over|larger than|bigger than|more than)(?: is| of)?\W{1,20}10485760\b`, cause: CauseBackendPayloadTooLarge, weight: 85, unless: "content length exceeded", unlessAlso: []string{"greater than maximum allowed"}, layers: notFunction},
		// the quotas page's "Payload size" of 10 MB, in the guide's
		// editions as well: ペイロードサイズ, 페이로드 크기, 负载大小 (有效负载);
		// not in the function's own log, its own check of a size
		{lit: "10 mb", re: gatewayPayloadWords + sentenceGap + `{0,60}10 mb`, limit: true, cause: CauseBackendPayloadTooLarge, weight: 70, layers: notFunction},
		{lit: "10mb", re: gatewayPayloadWords + sentenceGap + `{0,60}10mb`, limit: true, cause: CauseBackendPayloadTooLarge, weight: 70, layers: notFunction},
		// (articles quote it without its last word: "Execution failed due to a timeout")
		{lit: "execution failed due to a timeout", cause: CauseIntegrationTimeout, weight: 90},
		// (the body of the gateway's 504; in a function's own log it is
		// what another API answered the function's call, which shows
		// nothing of what the API's client got)
		{lit: "endpoint request timed out", cause: CauseIntegrationTimeout, weight: 75, implied: 504, layers: notFunction},
		{lit: "endpoint request timed out", cause: CauseIntegrationTimeout, weight: 75, layers: layersOf(LayerFunction)},
		{lit: "integration_timeout", cause: CauseIntegrationTimeout, weight: 70},
		// the error response types HTTP APIs write into
		// $context.error.responseType, which name the failure themselves:
		// an answer of the Lambda function's that is no proxy response
		// (with "The response from the Lambda function doesn't match the
		// format that API Gateway expects" in $context.integration.error, as
		// the access log in middy's issue 1005 shows it), and the
		// integration's backend out of the gateway's network reach (a VPC
		// link's ENIs that reach no load balancer, a security group or
		// firewall that drops the gateway's connection, as several public
		// projects' notes record it). Not in the function's own log, whose
		// words for its own calls they are not; outside the gateway's logs
		// only as the response type's value (responseTypeValue): other
		// programs name errors of their own so, an HTTP proxy client's
		// malformed_proxy_response among them.
		{lit: "malformed_proxy_response", cause: CauseLambdaMalformedProxyResponse, weight: 90, layers: gatewayLogged},
		{lit: "malformed_proxy_response", re: responseTypeValue + `malformed_proxy_response\b`, cause: CauseLambdaMalformedProxyResponse, weight: 90, layers: notGatewayLogged &^ layersOf(LayerFunction)},
		{lit: "integration_network_failure", cause: CauseBackendConnectionError, weight: wSpecific, layers: gatewayLogged},
		{lit: "integration_network_failure", re: responseTypeValue + `integration_network_failure\b`, cause: CauseBackendConnectionError, weight: wSpecific, layers: notGatewayLogged &^ layersOf(LayerFunction)},
		// (not the timeout as a setting with its value, timeoutSetting)
		{lit: "integration", re: `integration (request )?(timed out|timeout)`, except: timeoutSetting, limit: true, cause: CauseIntegrationTimeout, weight: 70},
		{lit: "no match for output mapping", cause: CauseStatusMappingMissing, weight: 92},
		{lit: "output mapping refers to an invalid method response", cause: CauseStatusMappingMissing, weight: 92},
		{lit: "no default output mapping", cause: CauseStatusMappingMissing, weight: 85},
		// Lambda answers these when called with GET instead of POST; the
		// "Malformed Lambda proxy response" that follows is a consequence.
		// (not from a function's own SDK call, in its log or quoted by the
		// gateway: its call failing)
		{lit: "unable to determine service/operation name to be authorized", cause: CauseIntegrationMethodNotPost, weight: 100, unlessAlso: quotedFunctionError, layers: notFunction},
		{lit: "unknownoperationexception", cause: CauseIntegrationMethodNotPost, weight: 100, unlessAlso: quotedFunctionError, layers: notFunction},
		// The request's transformation failing is a mapping template's
		// failure by the developer guide, but the training reports that
		// show it were settled as often by giving the gateway its invoke
		// permission back (re-selecting the function in the console, which
		// saves the integration again too): 2 of 4. A line two causes share
		// names the likelier one below the confident band (0.8).
		{lit: "unable to transform request", cause: CauseMappingTemplateError, weight: wLikely},
		{lit: "unable to transform response", cause: CauseMappingTemplateError, weight: wStrong},
		// API Gateway's management API rejects a mapping it cannot parse
		// when the method, integration or gateway response is created
		// (BadRequestException "Invalid mapping expression specified:
		// Validation Result: warnings : [], errors : [...]" in the console,
		// the CLI, CloudFormation or Terraform): the change was refused, no
		// client got a 5xx from it. Only the execution log's words are a
		// request failing on a mapping.
		{lit: "invalid mapping expression", cause: CauseMappingTemplateError, weight: wSpecific, layers: layersOf(LayerGateway)},
		// the execution log's words as a person, a ticket or a copied
		// event quotes them: the management API never says "Execution
		// failed due to configuration error", so the quote is a request
		// failing on its mapping, as the execution log's own line is
		{lit: "configuration error: invalid mapping expression", cause: CauseMappingTemplateError, weight: wSpecific, layers: notFunction},
		{lit: "invalid mapping expression specified", cause: CauseNot5xx, weight: wWeak, implied: 400, unless: "execution failed", unlessAlso: runtimeErrorMarks, layers: notGateway},
		{lit: "validation result: warnings :", cause: CauseNot5xx, weight: wWeak, implied: 400, unless: "execution failed", unlessAlso: runtimeErrorMarks, layers: notGateway},
		// the template language's parser refusing a template (Velocity's
		// "Lexical error, Encountered: ... at unset[line 3, column 18]");
		// not in the function's own log, where it is a parser of the
		// function's failing (a JavaScript template or grammar library's
		// "Lexical error on line 1. Unrecognized text.")
		{lit: "lexical error", cause: CauseMappingTemplateError, weight: 60, layers: notFunction},
		// any other configuration error the gateway states about a request
		// or response template (a MOCK integration's template that sets
		// statusCode to a string among them) is a template's fault
		{lit: "template", re: `configuration error: [^\n]*\b(?:request|response|mapping) template`, cause: CauseMappingTemplateError, weight: wSpecific},
		// the error type of the AUTHORIZER_CONFIGURATION_ERROR gateway
		// response, whose default status is 500 (the developer guide's
		// gateway response types)
		{lit: "authorizerconfigurationexception", cause: CauseAuthorizerError, weight: 92, implied: 500},
		// what HTTP APIs log when an authorizer's answer has the wrong shape
		// (the HTTP API developer guide's $context.authorizer.error: "The
		// response from the Lambda Authorizer function doesn't match the
		// format that API Gateway expects"); a person showing "a response
		// from the Lambda authorizer" only introduces its answer
		{lit: "response from the lambda authorizer function", cause: CauseAuthorizerError, weight: 99},
		{lit: "authorizer error", cause: CauseAuthorizerError, weight: 92},
		{lit: "could not parse policy", cause: CauseAuthorizerError, weight: 90},
		{lit: "authorizer_configuration_error", cause: CauseAuthorizerError, weight: 85},
		{lit: "authorizer_failure", cause: CauseAuthorizerError, weight: wSpecific},
		{lit: "authorizerfunctionexception", cause: CauseAuthorizerError, weight: 85},
		{lit: "invalid policy document", cause: CauseAuthorizerError, weight: 60},
		{lit: "permission to assume the provided role", cause: CauseCredentialsRoleError, weight: wExplicit},
		// HTTP API integrationErrorMessage: "API Gateway doesn't have permissions
		// to assume the IAM role configured on the integration."
		{lit: "to assume the", re: `permissions? to assume the (iam )?role`, cause: CauseCredentialsRoleError, weight: wExplicit},
		{lit: "perform: sts:assumerole", cause: CauseCredentialsRoleError, weight: 99, layers: gatewayLogged},
		// (outside the gateway's logs and the function's, not an AWS SDK's
		// error for a call it made, botocore's "An error occurred
		// (AccessDenied) when calling the AssumeRole operation: User:
		// arn:aws:sts::...:assumed-role/... is not authorized to perform:
		// sts:AssumeRole": the gateway words its own failure to assume the
		// integration's role itself, and no SDK's error holds its calls; in
		// the function's log the same error is its own call failing, which
		// inFunction reads)
		{lit: "perform: sts:assumerole", cause: CauseCredentialsRoleError, weight: 99, unless: iamUserDenial, unlessAlso: deploymentRefused, layers: layersOf(LayerFunction)},
		{lit: "perform: sts:assumerole", cause: CauseCredentialsRoleError, weight: 99, unless: iamUserDenial, unlessAlso: notTheGatewaysCall, layers: notGatewayLogged &^ layersOf(LayerFunction)},
		// (not a person's or a client's: a login that failed says the same)
		{lit: "invalid credentials", cause: CauseCredentialsRoleError, weight: 60, unlessAlso: quotedFunctionError, layers: machineLogs},
		// (nor a Lambda function's error object, which a custom
		// integration's endpoint response and a test invoke show: its own
		// call was denied, a function error)
		// (IAM's denial names the action after a colon, "User: ARN is not
		// authorized to perform: ACTION on resource: ARN", the IAM user
		// guide's access-denied messages; "not authorized to perform this
		// operation" names no action and no role)
		{lit: "is not authorized to perform:", cause: CauseCredentialsRoleError, weight: 55, unless: "execute-api:invoke", unlessAlso: quotedFunctionError, layers: gatewayLogged},
		{lit: "is not authorized to perform:", cause: CauseCredentialsRoleError, weight: 55, unless: "execute-api:invoke", unlessAlso: append([]string{`"errormessage"`, iamUserDenial}, deploymentRefused...), layers: layersOf(LayerFunction)},
		{lit: "is not authorized to perform:", cause: CauseCredentialsRoleError, weight: 55, unless: "execute-api:invoke", unlessAlso: append([]string{`"errormessage"`, iamUserDenial}, notTheGatewaysCall...), layers: notGatewayLogged &^ layersOf(LayerFunction)},
		// (not Lambda's KMSAccessDenied or EC2AccessDenied: the function's key
		// or network set-up, not a role the gateway uses; nor Lambda's own
		// message for them, "Lambda was unable to decrypt the environment
		// variables because KMS access was denied. ... KMS Exception:
		// AccessDeniedException")
		{lit: "accessdenied", re: `(?:^|[^a-z0-9])accessdenied`, cause: CauseCredentialsRoleError, weight: 35, unlessAlso: append([]string{lambdaUnable}, quotedFunctionError...), layers: machineLogs & gatewayLogged},
		{lit: "accessdenied", re: `(?:^|[^a-z0-9])accessdenied`, cause: CauseCredentialsRoleError, weight: 35, unless: `"errormessage"`, unlessAlso: append([]string{iamUserDenial, lambdaUnable}, deploymentRefused...), layers: layersOf(LayerFunction)},
		{lit: "accessdenied", re: `(?:^|[^a-z0-9])accessdenied`, cause: CauseCredentialsRoleError, weight: 35, unless: `"errormessage"`, unlessAlso: append([]string{iamUserDenial, lambdaUnable}, notTheGatewaysCall...), layers: machineLogs &^ gatewayLogged &^ layersOf(LayerFunction)},
		// a program naming the VPC link is its failure; a person naming it
		// may only describe the setup (a timeout through the link is still
		// the integration timeout), so their words weigh as little as a
		// Cloud Map mention
		// (not the management API refusing an integration or a VPC link as
		// it is created, a BadRequestException: "For VpcLink VPC_LINK,
		// integration uri should be a valid ELB listener ARN or a valid
		// Cloud Map service ARN", "IntegrationTarget is required for
		// VpcLinkV2", "NLB ARN is malformed", as the CLI, Terraform and SST
		// print it; a change refused, which no request met)
		{lit: "vpc link", cause: CausePrivateIntegrationError, weight: 85, unless: "badrequestexception", layers: machineLogs &^ layersOf(LayerUnknown)},
		{lit: "vpclink", cause: CausePrivateIntegrationError, weight: 85, unless: "badrequestexception", layers: machineLogs &^ layersOf(LayerUnknown)},
		{lit: "vpc_link", cause: CausePrivateIntegrationError, weight: 85, unless: "badrequestexception", except: vpcLinkSetting, layers: machineLogs &^ layersOf(LayerUnknown)},
		// a line no writer is known of names the link's failure only with
		// words of failure: a diagram of the setup ("API GATEWAY --> VPC
		// LINK --> ALB --> FARGATE") is no program's message
		{lit: "vpc link", re: `vpc links?` + privateFailureWords, cause: CausePrivateIntegrationError, weight: 85, unless: "badrequestexception", except: vpcLinkCreation, layers: layersOf(LayerUnknown)},
		{lit: "vpclink", re: `vpclinks?` + privateFailureWords, cause: CausePrivateIntegrationError, weight: 85, unless: "badrequestexception", except: vpcLinkCreation, layers: layersOf(LayerUnknown)},
		{lit: "vpc_link", re: `vpc_links?` + privateFailureWords, cause: CausePrivateIntegrationError, weight: 85, unless: "badrequestexception", except: vpcLinkSetting + `|` + vpcLinkCreation, layers: layersOf(LayerUnknown)},
		// the integration's connection type as its configuration shows it
		// (get-integration's "connectionType": "VPC_LINK", Terraform's
		// connection_type, CloudFormation's ConnectionType): the setup, not
		// a failure; a timeout or a refused connection through the link
		// is still the timeout or the connection, and a line of failure
		// naming the link or its Cloud Map service says more, so it
		// weighs no more than a guess
		{lit: "vpc_link", re: vpcLinkSetting, cause: CausePrivateIntegrationError, weight: wGuess},
		{lit: "private integration", cause: CausePrivateIntegrationError, weight: 60, unless: "badrequestexception", layers: machineLogs &^ layersOf(LayerUnknown)},
		{lit: "badrequestexception", re: `\bvpc ?_?links?(?:v2)?\b|\bnlb arn\b`, cause: CauseNot5xx, weight: wWeak, implied: 400, unless: "execution failed", unlessAlso: runtimeErrorMarks, layers: notGateway},
		// a person's words name the link's failure only beside words of
		// failure in the same sentence: "API GATEWAY --> VPC LINK --> ALB",
		// "we use a VPC link to an NLB" describe the setup, which every
		// request of the API goes through, whatever failed (a 413 of the
		// gateway's own in front of it, a function error behind it)
		{lit: "vpc link", re: `vpc links?` + privateFailureWords, cause: CausePrivateIntegrationError, weight: wHint, unless: "badrequestexception", except: vpcLinkCreation, layers: personLayers},
		{lit: "vpclink", re: `vpclinks?` + privateFailureWords, cause: CausePrivateIntegrationError, weight: wHint, unless: "badrequestexception", except: vpcLinkCreation, layers: personLayers},
		{lit: "private integration", re: `private integrations?` + privateFailureWords, cause: CausePrivateIntegrationError, weight: wWeak, unless: "badrequestexception", layers: personLayers},
		// API Gateway said to fail to reach the load balancer a private
		// integration's VPC link points at ("unable to connect api gateway
		// to internal network load balancer", "API Gateway can't reach the
		// NLB", "API Gateway と NLB の間で通信できず"): the gateway reaches
		// an internal NLB or ALB only through a VPC link
		{lit: "gateway", re: gatewayToBalancer, cause: CausePrivateIntegrationError, weight: wWeak, layers: personLayers},
		{lit: "gateway", re: `api ?gateway[^。]{0,20}(?:nlb|alb|ロードバランサー?)[^。]{0,10}(?:通信|接続|疎通)(?:でき(?:ず|ない|ません)|に失敗)`, cause: CausePrivateIntegrationError, weight: wWeak, layers: personLayers},
		// API Gateway reaches a Cloud Map service only through a private
		// integration (an HTTP API's VPC link): naming it beside words of
		// failure names that path failing, weakly, so any message of
		// another step outweighs it; naming it alone names the setup
		{lit: "cloud map", re: `cloud map` + sentenceGap + `{0,80}` + failureWords + `|` + failureWords + sentenceGap + `{0,80}cloud map`, cause: CausePrivateIntegrationError, weight: wWeak},
		{lit: "cloudmap", re: `cloudmap` + sentenceGap + `{0,80}` + failureWords + `|` + failureWords + sentenceGap + `{0,80}cloudmap`, cause: CausePrivateIntegrationError, weight: wWeak},
		{lit: "execution failed due to an internal error", cause: CauseInternalServiceFailure, weight: 85},
		// "Execution failed due to configuration error: There was an internal
		// error while executing your request" is the VPC link failure of
		// repost.aws/knowledge-center/api-gateway-500-error-vpc; adjust turns
		// it back into an internal failure when the integration is known not
		// to be private.
		{lit: "configuration error: there was an internal error while executing", cause: CausePrivateIntegrationError, weight: 82},
		{lit: "an internal error while executing", cause: CauseInternalServiceFailure, weight: wLikely},
		{lit: "internalfailure", cause: CauseInternalServiceFailure, weight: wHint},
		// Lambda's Invoke API answered ServiceException (500): Lambda itself
		// failed, before or without running the function; its error body
		// says "Type": "Service" where the caller's mistakes say "User"
		{lit: "lambda invocation failed with status: 500", cause: CauseInternalServiceFailure, weight: wLikely},
		// and its 503, the Lambda API's common error ServiceUnavailable (the
		// service could not answer), as the same status of "Received
		// response. Status: 503" from Lambda's endpoint reads
		{lit: "lambda invocation failed with status: 503", cause: CauseInternalServiceFailure, weight: wLikely},
		{lit: `"type"`, re: `"type"\s*:\s*"service"`, cause: CauseInternalServiceFailure, weight: wHint, layers: gatewayLogs},
		// an AWS service behind the integration failed on its side
		// ("Service: AWSLambdaInternal; Status Code: 503; Error Code: ServiceUnavailableException")
		{lit: "serviceunavailableexception", cause: CauseInternalServiceFailure, weight: wHint},
		{lit: "internal failure", cause: CauseInternalServiceFailure, weight: wHint},
	}
}

// failureWords are the words of a person saying that something failed,
// the statuses of a failed request among them.
const failureWords = `\b(?:fail(?:s|ed|ing|ures?)?|errors?|broken|unhealthy|inactive|unavailable|unreachable|refused|invalid|time ?outs?|timed out|times out|timing out|not (?:work(?:s|ing)?|reachable|available|connect(?:ed|ing)?)|(?:does|did|is|was)n'?t work(?:ing)?|(?:can ?not|can'?t|could ?not|couldn'?t|unable to) (?:reach|connect|resolve|route)|5\d\d)\b`

// gatewayToBalancer is API Gateway failing to reach a load balancer, the
// gateway first or second in the sentence.
const gatewayToBalancer = `api ?gateway\b[^.]{0,30}?\b(?:can ?not|can'?t|could ?not|couldn'?t|unable to|fails? to|failed to|not able to|does ?n[o']t) (?:connect|reach|talk|communicate|route)\b[^.]{0,30}?` + balancer +
	`|\b(?:can ?not|can'?t|could ?not|couldn'?t|unable to|fails? to|failed to|not able to) (?:connect|link) (?:the |my |our )?api ?gateway to (?:the |an? |my |our )?[^.]{0,20}?` + balancer

// balancer names an Elastic Load Balancing load balancer.
const balancer = `\b(?:nlbs?|albs?|(?:internal |private )?(?:network|application) load ?balancers?|internal load ?balancers?)\b`

// privateFailureWords, after a private integration's name, are words of
// failure in the same sentence, on either side of the name.
const privateFailureWords = sentenceGap + `{0,80}` + failureWords + `|` + failureWords + sentenceGap + `{0,80}(?:vpc[ _]?links?|private integrations?)`

// vpcLinkCreation is a VPC link being created or deployed ("VpcLink
// creation failing", "the creation step for the VpcLink", "deploying the
// VPC link", Terraform's "Error: creating API Gateway VPC Link (...):
// waiting for completion: FAILED: ..."): a change the management API
// refused or that is still under way, which no request met; taken out of
// a person's line, the failure words beside it name no failure of the
// link's traffic.
const vpcLinkCreation = `\bvpc[ _]?links?(?:v2)?\s+(?:creation|create|creating|deployment|deploying|provisioning)\b|\b(?:creat\w*|deploy\w*|provision\w*)(?:\s+step)?\s+(?:of\s+|for\s+)?(?:the\s+|a\s+|an\s+|my\s+|our\s+)?(?:new\s+)?(?:api gateway (?:v2 )?)?vpc[ _]?links?(?:v2)?\b`

// vpcLinkSetting is an integration's connection type set to a VPC link, in
// the configuration's words: the API Gateway API's connectionType, its
// CloudFormation and Terraform spellings, and a write-up's "Connection
// Type: VPC_LINK".
const vpcLinkSetting = `connection[ _]?type["'\x60*]*\s*[:=]\s*["'\x60*]*vpc_link\b`

// notTheGatewaysCall mark an IAM denial, outside the gateway's logs and the
// function's, as a call no API Gateway integration made: a deployment's
// own role refused a change (deploymentRefused), or an AWS SDK's error for
// a call its caller made (sdkCallRefused: a person's CLI, a script, a
// function's log pasted without its runtime's columns). The gateway words
// its own failures with the integration's role itself ("API Gateway does
// not have permission to assume the provided role") and quotes a service's
// refusal of the role in its execution log, which these rules read apart.
var notTheGatewaysCall = append(append([]string{}, deploymentRefused...), sdkCallRefused...)

// responseTypeValue is an access log's error response type field
// ($context.error.responseType, under the name the log's format gives it:
// "errorResponseType", "responseType") before its value, as a record
// pasted into a report or a person quoting it shows it.
const responseTypeValue = `responsetype["'\x60]?\s*(?:[:=]|is|was)\s*["'\x60]?`
