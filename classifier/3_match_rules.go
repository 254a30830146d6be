package classifier

import "sync"

// rule is one signature of a cause. Matching runs on the ASCII-lower-cased
// line: lit must occur in it (a literal is cheap and is what most AWS
// messages need); when re is set it runs only after lit matched, so a
// regular expression never scans an uninteresting line.
type rule struct {
	lit    []byte
	re     *guardedRegexp
	cause  Cause
	weight int // strength of the evidence, 1..100; the strongest wins
	// implied is the status a client saw, when the text itself says
	// (a gateway response body or reason phrase); 0 when it does not.
	implied int
	// notAfter, when set, rejects a match of re that directly follows it.
	// Go's regexp has no look-behind, and a leading alternation in re
	// would lose the literal-prefix scan that keeps matching fast.
	notAfter []byte
	// unless, when set, rejects the rule on a line that holds any of them.
	unless [][]byte
	// except, when set, takes its matches out of the line before lit and
	// re are looked for: the rule's word said of another actor (API
	// Gateway's own throttling is not the function's), while the same
	// line may still say it of the rule's actor.
	except *guardedRegexp
	// exceptCaller: except names a caller's own line (cliCallRefused),
	// which the function's log cannot hold: on a line of the function's
	// layer or between an invocation's START and END the same words are
	// the function's own call, and except is not applied.
	exceptCaller bool
	// layers are the layers whose lines can show the cause; empty is all.
	layers uint16
	// told: a person rule, whose words name a cause and not a status
	told bool
	// pairs are byte pairs of lit (up to maxLitPairs, spread over it from
	// its first to its last) that a line must hold for lit to occur in it.
	pairs []uint16
	// outlived: the rule names a Lambda timeout longer than the gateway's
	// wait (longTimeoutRules); re holds for the default timeouts, and a
	// configured timeout, when the matcher knows one, decides instead.
	outlived bool
}

// litPairs picks the byte pairs of a literal that the matcher checks first.
func litPairs(lit []byte) []uint16 {
	if len(lit) < 2 {
		return nil
	}
	pair := func(i int) uint16 { return uint16(lit[i])<<8 | uint16(lit[i+1]) }
	last := len(lit) - 2 // where the last pair starts
	k := min(last+1, maxLitPairs)
	out := make([]uint16, 0, k)
	for j := range k {
		out = append(out, pair(j*last/max(k-1, 1)))
	}
	return out
}

// maxLitPairs bounds the pairs checked for a literal. Three (the first,
// middle and last) let most short, common words through on every line of
// an execution log once the rules numbered five hundred; eight spread over
// the literal reject eight times as many before its scan, and a line
// missing one is still rejected at the first.
const maxLitPairs = 8

// implied5xx marks text that shows some 5xx without saying which: the
// REST API body {"message": "Internal server error"} is sent for 500 and 502.
const implied5xx = 5

// impliedBelow500 marks text that shows the client got an answer below 500
// without saying which: a browser that refused a response for its CORS
// headers. It counts only when nothing else in the request names a cause:
// a failing function's 502 lacks the headers too.
const impliedBelow500 = 4

// Weights. Explicit API Gateway configuration errors are the strongest,
// Lambda-reported error types come next, generic error shapes (a stack
// trace, an errorMessage field) are weak so that any specific line wins.
const (
	wExplicit = 95
	wStrong   = 88
	wSpecific = 80
	wLikely   = 65
	wHint     = 50
	wWeak     = 40
	wGuess    = 25
)

// wMalformedMessage is the weight of the gateway's own "Malformed Lambda
// proxy response": below the rules for an invocation Lambda refused (99,
// 100), whose error body the gateway read as the function's answer.
const wMalformedMessage = 98

// ruleSpec is the source form of a rule: pattern is a literal unless
// pattern and re are both given.
type ruleSpec struct {
	lit      string
	re       string
	cause    Cause
	weight   int
	implied  int
	notAfter string
	unless   string
	// unlessAlso are more literals that reject the rule, as unless does
	unlessAlso []string
	except     string
	layers     uint16
	outlived   bool
}

var (
	rulesOnce sync.Once
	ruleSet   []rule
)

// rules returns the signatures, compiled once per process.
func rules() []rule {
	rulesOnce.Do(func() {
		specs := ruleSpecs()
		ruleSet = make([]rule, 0, len(specs))
		for _, s := range specs {
			r := rule{lit: []byte(s.lit), cause: s.cause, weight: s.weight, implied: s.implied, layers: s.layers, pairs: litPairs([]byte(s.lit)), outlived: s.outlived}
			r.told = s.layers == personLayers
			if s.notAfter != "" {
				r.notAfter = []byte(s.notAfter)
			}
			for _, u := range append([]string{s.unless}, s.unlessAlso...) {
				if u != "" {
					r.unless = append(r.unless, []byte(u))
				}
			}
			if s.re != "" {
				r.re = guardFind(s.re)
			}
			if s.except != "" {
				r.except = guard(s.except)
				r.exceptCaller = s.except == cliCallRefused
			}
			ruleSet = append(ruleSet, r)
		}
	})
	return ruleSet
}

// ruleSpecs is the signature table, grouped by cause in taxonomy order.
// Literals are lower case. Sources: the AWS messages of docs/taxonomy.md's
// evidence column, as AWS documents and knowledge-center articles show them.
func ruleSpecs() []ruleSpec {
	var all []ruleSpec
	for _, part := range [][]ruleSpec{lambdaRules(), runtimeRules(), functionRules(), localEmulatorRules(), gatewayRules(), backendRules(), personRules(), wordRules(), documentedRules(), websocketRules(), clientRules()} {
		all = append(all, part...)
	}
	return all
}

// cliCallRefused is the AWS CLI's report of a call an AWS service refused,
// on a line of its own: the CLI writes the text of botocore's ClientError
// ("An error occurred ({error_code}) when calling the {operation_name}
// operation{retry_info}: {error_message}", botocore/exceptions.py) to
// stderr after an empty line (aws-cli's clidriver.py), and AWS CLI v2's
// newer releases open it with "aws: [ERROR]: ". It is a person's own call
// from their machine: throttled, it says nothing of why the API answered
// 5xx. A function's log puts its runtime's level column or the exception's
// name before the same text ("[ERROR] ClientError: An error occurred"),
// and the gateway's log its own words, so the anchor keeps them.
const cliCallRefused = `^(?:aws: \[error\]: )?an error occurred \([a-z0-9.]+\) when calling the [a-z0-9]+ operation.*`

// personLayers are the layers of a person's own words.
var personLayers = layersOf(LayerPerson, LayerUnknown)

// personRules recognise how people describe a cause in their own words
// (issue threads, answers, articles), in the four languages of the remediation catalog. They are
// weaker than any AWS message, so a log line always outranks them.
func personRules() []ruleSpec {
	person := personLayers
	return []ruleSpec{
		// (not a package's name: "@aws-cdk/aws-apigatewayv2-authorizers
		// caused an error" is an upgrade failing, no authorizer; the CDK's
		// authorizers module as each of its languages names it, and any
		// scoped npm package)
		{lit: "authori", re: `authori[sz]er[^.]{0,60}\b(fail(s|ed|ing)?|error|exception|throws?|crash(es|ed)?|invalid response)|(invalid|bad|malformed|wrong) (authori[sz]er|policy) response|authori[sz]er (did not|didn'?t|does not|doesn'?t) return`, except: packageNames, cause: CauseAuthorizerError, weight: wHint, layers: person},
		{lit: "オーソライザー", cause: CauseAuthorizerError, weight: wWeak, layers: person},
		{lit: "オーソライザーを呼び出す権限", cause: CauseAuthorizerError, weight: 60, layers: person},
		{lit: "を呼び出す権限", cause: CauseLambdaInvokePermission, weight: wHint, layers: person},
		{lit: "呼叫", re: `(沒有|没有|無|无)[^。]{0,20}(呼叫|調用|调用|叫用)[^。]{0,20}(許可|權限|权限)|(許可|權限|权限)[^。]{0,20}(呼叫|調用|调用|叫用)`, cause: CauseLambdaInvokePermission, weight: wHint, layers: person},
		{lit: "permiss", re: `(permissão|permissões) (para|de) invocar`, cause: CauseLambdaInvokePermission, weight: wHint, layers: person},
		{lit: "プロキシ", re: `プロキシ[^。]{0,40}(形式|フォーマット)[^。]{0,20}(不正|誤|違|返さない|返していない|になっていない|ではない)|(不正|誤った)[^。]{0,10}(形式|フォーマット)[^。]{0,30}プロキシ`, cause: CauseLambdaMalformedProxyResponse, weight: wHint, layers: person},
		// the function's output in another format than the proxy integration
		// reads, as the AWS guide and its translations say it
		{lit: "format", re: `\b(output|response|return value|returned value)\b[^.]{0,30}\b(of |in )?(a )?(different|wrong|invalid|incorrect|unexpected) format`, cause: CauseLambdaMalformedProxyResponse, weight: wHint, layers: person},
		{lit: "formato", re: `(saída|resposta|retorno)[^.]{0,30}formato (diferente|inválido|incorreto|errado)`, cause: CauseLambdaMalformedProxyResponse, weight: wHint, layers: person},
		{lit: "格式", re: `(輸出|输出|回應|响应|傳回值|返回值)[^。]{0,20}格式(不同|錯誤|错误|不正確|不正确)`, cause: CauseLambdaMalformedProxyResponse, weight: wHint, layers: person},
		{lit: "形式", re: `(戻り値|返り値|レスポンス|出力)[^。]{0,30}(形式|フォーマット)[^。]{0,20}(異な|違|返さない|返していない|になっていない|ではない)`, cause: CauseLambdaMalformedProxyResponse, weight: wHint, layers: person},
		{lit: "proxy", re: `resposta (de )?proxy[^.]{0,30}malformada|proxy[^.]{0,30}(mal formada|malformada)`, cause: CauseLambdaMalformedProxyResponse, weight: wHint, layers: person},
		{lit: "代理", re: `(格式錯誤|格式错误|格式不正確|格式不正确)[^。]{0,30}代理|代理[^。]{0,30}(格式錯誤|格式错误)`, cause: CauseLambdaMalformedProxyResponse, weight: wHint, layers: person},
		// "a function error", as the Lambda guide and its translations call a
		// request that failed inside the function (API Gateway answers it
		// with 502); the gateway's own "customer function error" is a log rule
		{lit: "function error", re: `\bfunction errors?\b`, cause: CauseLambdaFunctionError, weight: wWeak, layers: person},
		{lit: "関数エラー", cause: CauseLambdaFunctionError, weight: wWeak, layers: person},
		{lit: "錯誤", re: `(函數|函式)錯誤`, cause: CauseLambdaFunctionError, weight: wWeak, layers: person},
		{lit: "erro", re: `erros? (de|da|na) função`, cause: CauseLambdaFunctionError, weight: wWeak, layers: person},
		// "an error in the Lambda function", "an exception thrown by the
		// function" (not "no errors in the function's log")
		{lit: "function", re: `\b(errors?|exceptions?) (in|inside|thrown by|raised by|thrown in|raised in) (the |my |your |our |a )?(lambda )?function\b`, notAfter: "no ", cause: CauseLambdaFunctionError, weight: wWeak, layers: person},
		{lit: "統合タイムアウト", cause: CauseIntegrationTimeout, weight: wHint, layers: person},
		{lit: "逾時", re: `整合[^。]{0,10}逾時|(29|30) ?秒[^。]{0,20}逾時`, cause: CauseIntegrationTimeout, weight: wHint, layers: person},
		{lit: "tempo limite", re: `tempo limite (de|da) integração|integração[^.]{0,30}tempo limite|(29|30) segundos`, cause: CauseIntegrationTimeout, weight: wHint, layers: person},
		{lit: "授權方", cause: CauseAuthorizerError, weight: wWeak, layers: person},
		{lit: "autorizador", cause: CauseAuthorizerError, weight: wWeak, layers: person},
		{lit: "add-permission", cause: CauseLambdaInvokePermission, weight: wHint, layers: person},
		// the same missing permission in the other verbs people use for
		// the gateway's call ("API Gateway did not have permission to call
		// the Lambda function")
		{lit: "permission", re: `permissions? to (call|trigger|execute|access) (the |your |a |my |this |that |our )?(lambda|function)`, cause: CauseLambdaInvokePermission, weight: wHint, layers: person},
		// a 500 before the function ran: API Gateway could not invoke it
		// (a function that ran and failed answers 502 on REST APIs and
		// leaves its own log)
		{lit: "invoke", re: `(never|not|wasn'?t|isn'?t|is not|was not) (even |being |getting )?(invoked|triggered)`, cause: CauseLambdaInvokePermission, weight: wWeak, layers: person},
		{lit: "log", re: `(nothing|no entries|no logs?|nothing new) (shows? up |appears? )?in (the )?(cloudwatch|lambda|function'?s?)( logs?)?|no (cloudwatch |lambda |function )?logs (at all|were|are|show|for the function|appear(ed)?|showed up)`, cause: CauseLambdaInvokePermission, weight: wGuess + 10, layers: person},
		{lit: "resource-based policy", cause: CauseLambdaInvokePermission, weight: wWeak, layers: person},
		{lit: "resource based policy", cause: CauseLambdaInvokePermission, weight: wWeak, layers: person},
		// (the format of the proxy integration's request is the event the
		// function reads, not the answer it gives)
		{lit: "proxy", re: `proxy (integration|response)[^.]{0,80}(statuscode|status code|format|string body|body (must|should) be a string)`, cause: CauseLambdaMalformedProxyResponse, weight: wHint, unless: "integration request", layers: person},
		{lit: "statuscode", re: `(must|should|needs? to|has to) return[^.]{0,40}statuscode`, cause: CauseLambdaMalformedProxyResponse, weight: wHint, layers: person},
		// the function ran and succeeded, and yet the client got a 5xx: the
		// gateway refused its answer (a failure before or around the function
		// leaves no successful invocation; a failing one leaves its error)
		{lit: "succe", re: `\b(lambdas?|functions?|invocations?|cloudwatch|logs?)\b[^.]{0,40}\b(were|was|is|are|look(s|ed)?|show(s|ed)?)\b[^.]{0,20}\b(successful|success|succeed(s|ed)?)\b`, cause: CauseLambdaMalformedProxyResponse, weight: wWeak, layers: person},
		{lit: "healthy", re: `\b(lambdas?|functions?)\b[^.]{0,20}\b(look(s|ed)?|(is|was|were|are|seem(s|ed)?)( perfectly)?) healthy\b`, cause: CauseLambdaMalformedProxyResponse, weight: wWeak, layers: person},
		{lit: "second", re: `\b(29|30)[ -]?seconds?\b[^.]{0,60}(timeout|time out|limit)|(timeout|time out|timed out|limit)[^.]{0,60}\b(29|30)[ -]?seconds?\b`, cause: CauseIntegrationTimeout, weight: wLikely, layers: person},
		{lit: "integration timeout", cause: CauseIntegrationTimeout, weight: wHint, layers: person},
		// ("Lambda timeouts get converted to 500": the plural is the events,
		// the singular most often the setting)
		{lit: "tim", re: `(lambda|function)('s)?( itself)? (is |was )?(timing out|timed out|times out|hit(s|ting)? (its|the) timeout)|\b(lambda|function) timeouts\b`, cause: CauseLambdaFunctionTimeout, weight: wHint, layers: person},
		{lit: "タイムアウト", re: `(29|30) ?秒`, cause: CauseIntegrationTimeout, weight: wHint, layers: person},
		// the function failed and yet the client got 200: a custom (non-proxy)
		// Lambda integration without error mappings (seed 003). The rule
		// names the function's failure; the 200 the same words show makes it
		// lambda_error_masked_as_200.
		// (the gateway's own answer is no failure of the function: "the
		// function returns 200 but API Gateway responds with Internal Server
		// Error" is a 5xx after a function that succeeded)
		{lit: "200", re: `\b200\b[^.]{0,60}\b(errors?|errormessage|timed out|times out|time ?outs?|exceptions?|fail(s|ed|ure)?|throws?)\b|\b(errors?|errormessage|timed out|times out|time ?outs?|exceptions?|fail(s|ed|ure)?|throws?)\b[^.]{0,60}\b(returns?|gets?|got|answers?|responds?)( back)?( with)?( an?| the| http| status| response)* 200\b`, except: gatewayAnswerPhrases, cause: CauseLambdaFunctionError, weight: wWeak, layers: person,
			// (a retry's 200 is another request's answer, not the failed one's)
			unless: "retry", unlessAlso: retryWords},
		// the same in the words of seed 003 and its translations: "Lambda
		// errors are returned as 200 OK responses", "os erros do Lambda serão
		// retornados como respostas 200 OK", "錯誤預設會以 200 OK 回應傳回",
		// "エラーは 200 OK として返されます", "오류가 발생해도 200 OK"
		{lit: "200", re: `\b(errors?|exceptions?|failures?)\b[^.]{0,40}\b(returned|answered|sent|delivered|come back|comes back)( back)? (as|with)( an?| the| http| status)* 200\b`, cause: CauseLambdaFunctionError, weight: wWeak, implied: 200, layers: person},
		{lit: "200", re: `(erros?|exceç(ão|ões)|falhas?)\b[^.]{0,40}(retornad[oa]s?|devolvid[oa]s?) como (respostas? )?200\b`, cause: CauseLambdaFunctionError, weight: wWeak, implied: 200, layers: person},
		{lit: "200", re: `(錯誤|错误|例外|異常|异常)[^。]{0,30}(以|為|为)[^。]{0,10}200`, cause: CauseLambdaFunctionError, weight: wWeak, implied: 200, layers: person},
		{lit: "200", re: `(エラー|例外)[^。]{0,40}200[^。]{0,20}(として|で)[^。]{0,10}(返|帰)|200(以外|しか)[^。]{0,30}(返|帰)|[45]\d\d[^。]{0,20}返しても[^。]{0,60}200`, cause: CauseLambdaFunctionError, weight: wWeak, implied: 200, layers: person},
		{lit: "200", re: `(오류|에러|예외)[^.]{0,40}200`, cause: CauseLambdaFunctionError, weight: wWeak, implied: 200, layers: person},
		// and as people write it: "a API retorna 200 mesmo quando a Lambda
		// falha", "エラーが発生してもステータスコード200が返ってきます",
		// "發生錯誤時仍然回傳 200"
		{lit: "200", re: `(retorn\w*|devolv\w*|respond\w*)( (o|a|um|uma|com|status|código|http))* 200\b[^.]{0,60}\bmesmo (quando|que|se|com)\b[^.]{0,60}(falh\w*|erros?\b|exceç\w*|lanç\w*)|\bmesmo (quando|que|se|com)\b[^.]{0,60}(falh\w*|erros?\b|exceç\w*|lanç\w*)[^.]{0,60}(retorn\w*|devolv\w*|respond\w*)( (o|a|um|uma|com|status|código|http))* 200\b`, cause: CauseLambdaFunctionError, weight: wWeak, implied: 200, layers: person},
		{lit: "200", re: `(エラー|例外|失敗)[^。]{0,30}(ても|でも)[^。]{0,30}200[^。]{0,20}(返|帰)`, cause: CauseLambdaFunctionError, weight: wWeak, implied: 200, layers: person},
		{lit: "200", re: `(錯誤|错误|出錯|出错|例外|異常|异常|失敗|失败)[^。]{0,30}(仍然|仍|還是|还是|依然|卻|却)[^。]{0,16}200`, cause: CauseLambdaFunctionError, weight: wWeak, implied: 200, layers: person},
	}
}

// retryWords are the words of a request sent again, whose answer is not
// the failed request's: "if I retry it returns 200" says a retry succeeded,
// not that the failure was answered 200 (the knowledge-center article on
// Internal server errors advises clients to retry with backoff).
var retryWords = []string{"retried", "retries", "retrying", "try again", "tried again", "second attempt", "next attempt", "another attempt"}

// runtimeErrorMarks are what a Lambda runtime writes about an error the
// function logged or failed with: the level column of its log lines
// (Python's "[ERROR]", Node.js's "<time>\t<id>\tERROR\t") and the error
// object of a failed invocation ("errorMessage", "errorType"). The
// management API's refusal of a change in one of them is the function's
// own call (a custom resource's, a deployer's) refused, which failed the
// function: no sign of what the API's clients got. (A deployment tool's
// output, the CLI's, Terraform's, or a Java tool's stack trace, carries
// none of them.)
var runtimeErrorMarks = []string{"[error]", "error\t", `"errormessage"`, `"errortype"`}

// quotedFunctionError marks a line where the gateway quotes a function's
// own error: REST's "Lambda execution failed with status 200 due to
// customer function error: ...", its access logs' "Lambda Customer
// Function Error:...", an HTTP API's "The Lambda function returned the
// following error: ...", and the function's error object as the
// integration's answer ("errorMessage"). A role, a token or a signature an
// AWS service refused there is the function's own call's, no credential of
// the gateway's.
var quotedFunctionError = []string{"customer function error", "lambda function returned the following error", `"errormessage"`}

// deploymentRefused marks a CloudFormation stack event that failed (its
// ResourceStatus CREATE_FAILED, UPDATE_FAILED or DELETE_FAILED, and the
// registry resource handlers' "Resource handler returned message: ..."),
// as the console, the CLI, the CDK and SAM print a deployment: an IAM
// denial there is the deployment's own role refused a change, which no
// request met, and names no role or permission of the API's.
var deploymentRefused = []string{"create_failed", "update_failed", "delete_failed", "resource handler returned message"}

// iamUserDenial is the principal of IAM's denial when an IAM user made the
// call ("User: arn:aws:iam::123456789012:user/dev is not authorized to
// perform: ...", the IAM user guide's access-denied messages): a person's
// own CLI or SDK call, or a deployment tool's, from a workstation or CI.
// What the gateway calls with is its service principal or the role the
// integration assumes, an assumed-role session (arn:aws:sts::...:
// assumed-role/...), so outside the gateway's logs such a denial is no
// permission of the API's (the gateway passing a caller's own credentials
// on logs it in its execution log).
const iamUserDenial = ":user/"

// packageNames are the names of software packages and modules, which may
// hold a cause's word without naming the cause: an npm scoped package
// (@scope/name) and the CDK's API Gateway v2 authorizers module as
// TypeScript, Python and Java name it (aws-cdk-lib/aws-apigatewayv2-authorizers,
// aws_cdk.aws_apigatewayv2_authorizers, software.amazon.awscdk.services.apigatewayv2.authorizers).
const packageNames = `@[a-z0-9][\w.-]*/[\w./-]+|[\w./-]*apigatewayv2[-_.]authorizers\b`

// endpointResponseBody opens the execution-log line that quotes the
// integration's answer to the gateway, not the gateway's to its client.
const endpointResponseBody = "endpoint response body before transformations"

// gatewayAnswerPhrases are the reason phrases and bodies of the gateway's
// own 5xx answers, which hold the words "error" and "timeout" without
// being the function's.
const gatewayAnswerPhrases = `internal server errors?|server errors?|bad gateway|service unavailable|gateway time-?outs?|endpoint request timed out`

// errorTypeNamed is the x-amzn-ErrorType header before the error type it
// names: as a client prints it ("x-amzn-ErrorType: ForbiddenException",
// curl -i; a response's headers as JSON, "\"x-amzn-errortype\":
// \"ForbiddenException\""), as the Knowledge Center's article on 403 errors
// from API Gateway tabulates it ("x-amzn-errortype" = "AccessDeniedException")
// and as people quote it ("the x-amzn-errortype value is
// \"ForbiddenException\""). Not the unquoted "x-amzn-ErrorType=" of an
// execution log's "Endpoint response headers: {...}", the integration's
// answer to the gateway.
const errorTypeNamed = `x-amzn-errortype(?::|["'\x60]\s*[:=]|(?: header)?(?: value)? (?:is|was|of|shows|says|returns|returned):?)\s*["'\x60]?\s*`

// errorTypeShown are the literals of errorTypeNamed's forms, for the rules
// that a client's x-amzn-ErrorType turns away (the gateway's own 4xx is no
// service's throttling) while the execution log's unquoted
// "x-amzn-ErrorType=" of an AWS service integration's answer still counts.
var errorTypeShown = []string{"x-amzn-errortype:", `x-amzn-errortype"`, "x-amzn-errortype'", "x-amzn-errortype\x60", "x-amzn-errortype "}

// clientRules recognise what a client saw: gateway response bodies, reason
// phrases and x-amzn-ErrorType values. Most only imply a status. The
// gateway's own 4xx answers (a resource policy or IAM authorization that
// denies the caller, a bad signature, request validation, a request over
// 10 MB) are not_5xx, weakly, so that any 5xx cause in the same request
// outranks them.
func clientRules() []ruleSpec {
	return []ruleSpec{
		// a request whose execution failed ended in some 5xx, whether or
		// not its last line was kept
		{lit: "execution failed due to", implied: implied5xx},
		{lit: "perform: execute-api:invoke", cause: CauseNot5xx, weight: wWeak, implied: 403},
		// a signed request refused: the caller's own, unless the gateway
		// logged it as its integration's answer (an AWS service integration
		// signing with credentials that are not valid, which the client
		// gets as a 500) or the function's log holds it (its own call to
		// an AWS service refused, botocore's "An error occurred
		// (UnrecognizedClientException) when calling the Query operation:
		// The security token included in the request is invalid", which
		// inFunction reads as the function failing on a dependency)
		{lit: "security token included in the request is invalid", cause: CauseNot5xx, weight: wWeak, implied: 403, layers: callerSide},
		{lit: "signature expired", cause: CauseNot5xx, weight: wWeak, implied: 403, layers: callerSide},
		{lit: "the request signature we calculated does not match", cause: CauseNot5xx, weight: wWeak, implied: 403, layers: callerSide},
		{lit: "security token included in the request is invalid", cause: CauseCredentialsRoleError, weight: wLikely, unlessAlso: quotedFunctionError, layers: gatewayOrFunction},
		{lit: "signature expired", cause: CauseCredentialsRoleError, weight: wLikely, unlessAlso: quotedFunctionError, layers: gatewayOrFunction},
		{lit: "the request signature we calculated does not match", cause: CauseCredentialsRoleError, weight: wLikely, unlessAlso: quotedFunctionError, layers: gatewayOrFunction},
		// the gateway's IncompleteSignatureException for an Authorization
		// header that is no signature, in both of its wordings: "Invalid
		// key=value pair (missing equal-sign) in Authorization header
		// (hashed with SHA-256 and encoded with Base64): '...'" and, for a
		// bearer token, "'<token>' not a valid key=value pair (missing
		// equal-sign) in Authorization header: 'Bearer <token>'."
		{lit: "valid key=value pair", re: `(?:invalid|not a valid) key=value pair`, cause: CauseNot5xx, weight: wWeak, implied: 403},
		{lit: "invalid request body", cause: CauseNot5xx, weight: wWeak, implied: 400},
		// a non-proxy integration's template read a body that is not JSON:
		// the gateway answers 400 before calling the backend (not Lambda's
		// InvalidRequestContentException refusing a payload in the same
		// words: the integration's, which the gateway states as a
		// configuration error, or a person's own invoke, no answer of the
		// API's)
		{lit: "could not parse request body into json", cause: CauseNot5xx, weight: wWeak, implied: 400, unless: "invalidrequestcontentexception", unlessAlso: []string{"configuration error", `"type":"user"`}},
		{lit: "missing required request parameters", cause: CauseNot5xx, weight: wWeak, implied: 400},
		{lit: "http content length exceeded", cause: CauseNot5xx, weight: wWeak, implied: 413},
		{lit: "internalservererrorexception", implied: implied5xx},
		// the error type header of the gateway's own 4xx answers, as a client
		// shows it ("x-amzn-ErrorType: ForbiddenException"; errorTypeNamed)
		{lit: "x-amzn-errortype", re: errorTypeNamed + `(forbidden|accessdenied|missingauthenticationtoken)exception`, cause: CauseNot5xx, weight: wWeak, implied: 403},
		{lit: "x-amzn-errortype", re: errorTypeNamed + `unauthorizedexception`, cause: CauseNot5xx, weight: wWeak, implied: 401},
		{lit: "x-amzn-errortype", re: errorTypeNamed + `badrequestexception`, cause: CauseNot5xx, weight: wWeak, implied: 400},
		{lit: "x-amzn-errortype", re: errorTypeNamed + `notfoundexception`, cause: CauseNot5xx, weight: wWeak, implied: 404},
		{lit: "x-amzn-errortype", re: errorTypeNamed + `(limitexceeded|toomanyrequests)exception`, cause: CauseNot5xx, weight: wWeak, implied: 429},
		{lit: "x-amzn-errortype", re: errorTypeNamed + `requesttoolargeexception`, cause: CauseNot5xx, weight: wWeak, implied: 413},
		// and of its AUTHORIZER_CONFIGURATION_ERROR response, a 500 (the
		// authorizer failed or answered something that is not a policy)
		{lit: "authorizerconfigurationexception", re: `x-amzn-errortype[:= ]\s*\**\s*authorizerconfigurationexception`, implied: 500},
		// a browser refused a response for its CORS headers (Chrome,
		// Firefox, Safari); a refused preflight ("does not have HTTP ok
		// status") may be a 5xx, and Firefox's "did not succeed" means no
		// response at all. A response without the headers shows no status:
		// the gateway's own 5xx answers (a malformed proxy response, a
		// timeout, an authorizer's failure) carry no CORS headers unless
		// its gateway responses add them, so only a refusal of headers the
		// response did carry shows an answer the API meant to give. The
		// browsers print the status next to it when there is one.
		{lit: "blocked by cors policy", cause: CauseNot5xx, weight: wWeak, unless: "http ok status"},
		{lit: "cross-origin request blocked", cause: CauseNot5xx, weight: wWeak, unless: "did not succeed"},
		{lit: "is not allowed by access-control-allow-origin", cause: CauseNot5xx, weight: wWeak},
		// the same refusal's reason as Chrome ends it and as Firefox words
		// it, without the first half people leave out, the header's name in
		// either quote: the browsers print single quotes, pages that quote
		// them often double ones (the Knowledge Center's API Gateway CORS
		// article, api-gateway-cors-errors, in its Spanish edition)
		{lit: "access-control-allow-origin", re: `no ['"]access-control-allow-origin['"] header is present`, cause: CauseNot5xx, weight: wWeak},
		{lit: "cors header", re: `cors header ['"]access-control-allow-origin['"] missing`, cause: CauseNot5xx, weight: wWeak},
		{lit: "access-control-allow-", re: `access-control-allow-origin.? header (?:has a value|contains multiple values)|header in the response must not be the wildcard|is not allowed by access-control-allow-(?:headers|methods) in preflight response`, cause: CauseNot5xx, weight: wWeak, implied: impliedBelow500},
		{lit: "cors header", re: `cors header .access-control-allow-origin. does not match|did not find method in cors header|missing token .* in cors header`, cause: CauseNot5xx, weight: wWeak, implied: impliedBelow500},
		// a WebSocket client that got the 101 handshake and refused it for
		// its subprotocol or accept header (the ws library's
		// lib/websocket.js, that wscat prints; Chrome's handshake check):
		// the gateway answered, with no 5xx
		{lit: "server sent ", re: `server sent (?:no subprotocol|an invalid subprotocol|a subprotocol but none was requested)`, cause: CauseNot5xx, weight: wWeak, implied: impliedBelow500},
		{lit: "invalid sec-websocket-accept header", cause: CauseNot5xx, weight: wWeak, implied: impliedBelow500},
		{lit: "sent non-empty 'sec-websocket-protocol' header but no response was received", cause: CauseNot5xx, weight: wWeak, implied: impliedBelow500},
		{lit: "missingauthenticationtokenexception", implied: 403},
		{lit: "missing authentication token", implied: 403},
		// the body of the gateway's AUTHORIZER_CONFIGURATION_ERROR and
		// AUTHORIZER_FAILURE responses (500): {"message": null}, the
		// $context.error.messageString an authorizer failure leaves empty
		{lit: `"message"`, re: `\{\s*"message"\s*:\s*null\s*\}`, cause: CauseAuthorizerError, weight: wHint, implied: 500},
		// a web framework in the function caught the error and answered
		// 500 itself (Chalice's body)
		{lit: `"code"`, re: `"code"\s*:\s*"internalservererror"\s*,\s*"message"\s*:\s*"an internal server error occurred`, cause: CauseLambdaFunctionError, weight: wHint, implied: 500},
		// Chalice's answer, with its own error code, when a view raises
		// ChaliceViewError (its early releases answered every uncaught
		// exception so); a code no other software prints
		{lit: "chaliceviewerror", re: `"code"\s*:\s*"chaliceviewerror"`, cause: CauseLambdaFunctionError, weight: wHint, implied: 500},
		// (these bodies, reason phrases and codes show a status only where
		// the function did not write them: in its own log they are what its
		// own call to a dependency got, an axios "Request failed with status
		// code 502" among them)
		// (and the 4xx bodies of REQUEST_TOO_LARGE and UNSUPPORTED_MEDIA_TYPE)
		// (nor where the execution log quotes the integration's answer,
		// "Endpoint response body before transformations: ...": the
		// backend's body, which the method's integration response or the
		// proxy integration turns into the client's answer, a 200 of a
		// custom integration's mapping among them; the README's test
		// invoke's endpoint response)
		{lit: `"message"`, re: `"message"\s*:\s*"(` + gatewayMessages + `)`, weight: 0, unless: endpointResponseBody, layers: notFunction},
		// the same body after a client parsed it and printed the object:
		// Node.js's util.inspect and a browser console ({ message:
		// 'Forbidden', connectionId: '...' }, a WebSocket frame or axios's
		// error.response.data) and Python's repr of json.loads ({'message':
		// 'Forbidden', ...}), each string in single quotes
		{lit: `message: '`, re: `(?:^|[{,]\s*)message: '(` + gatewayMessages + `)'`, weight: 0, unless: endpointResponseBody, layers: notFunction},
		{lit: `'message': '`, re: `'message': '(` + gatewayMessages + `)'`, weight: 0, unless: endpointResponseBody, layers: notFunction},
		// the same reason phrases in the "detail" body web frameworks in
		// the function answer with (FastAPI, Django REST framework)
		{lit: `"detail"`, re: `"detail"\s*:\s*"(internal server error|service unavailable|forbidden|unauthorized|not found)"`, weight: 0, unless: endpointResponseBody, layers: notFunction},
		{lit: "5", re: `\b(50[0234]) (?:internal server error|bad gateway|service unavailable|gateway time-?out)\b`, unless: endpointResponseBody, layers: notFunction},
		// not after "; ": "(Service: X; Status Code: 503; Error Code: ...)" is
		// the status of an AWS call behind the integration, not the client's;
		// nor Lambda's answer to the gateway ("Lambda invocation failed with
		// status: 502"), which the gateway answers with a 5xx of its own.
		{lit: "status", re: `status(?: code)?[: ]+(50[0234])\b`, notAfter: "; ", unless: "invocation failed with status", layers: notFunction},
	}
}

// gatewayMessages are the messages of API Gateway's own answers (its
// gateway responses' bodies and a WebSocket API's frames), lower-cased, as
// the body rules read them.
const gatewayMessages = `internal server error|endpoint request timed out|service unavailable|bad gateway|gateway time-?out|forbidden|unauthorized|too many requests|limit exceeded|not found|user is not authorized|request too long|request entity too large|unsupported media type`
