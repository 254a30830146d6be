package classifier

import (
	"bytes"
	"regexp"
)

// personLayers are the layers of a person's own words.
var personLayers = layersOf(LayerPerson, LayerUnknown)

// personGetsAnException is a person's verb of getting, throwing or
// failing with, then the class name of a language's own failure (Java's,
// JavaScript's, Python's, .NET's), its package before it or not, and Java's
// as people spell it in words ("null pointer exception"); the rule adds
// the class's ending.
const personGetsAnException = `\b(?:getting|got|get|gets|throwing|throws|threw|receiving|received|receive|fails? with|failed with|failing with) (?:an? |the )?(?:[a-z_$][\w$]*\.)*(?:null ?pointer ?|nullreference|type|reference|range|key|value|attribute|index|name|zerodivision|illegalargument|illegalstate|classcast|arrayindexoutofbounds|indexoutofrange|numberformat|unsupportedoperation|classnotfound|nosuchmethod|invalidoperation|argumentnull)`

// personLogsShowAFailure is a person saying the function's logs show it
// failing ("logs show my function was called and died", "Lambda logs
// showed 406 Not Acceptable errors from Supabase", "Lambda logs show a
// New Relic layer exception").
const personLogsShowAFailure = `\blogs? (?:show|shows|showed|said|say|says)\b[^.]{0,60}\b(?:errors?|exceptions?|died|crash(?:ed|es)?|stack ?traces?|tracebacks?)\b`

// logsShowNoFailure are the words of logs that show no failure.
var logsShowNoFailure = []string{"no exception", "without error", "without any error", "not any error", "nothing", "gateway log", "access log", "execution log"}

// clientFetchWords are more of a browser's words for a request it could
// not make, which its TypeError carries, beside "failed to fetch".
var clientFetchWords = []string{"load failed", "networkerror"}

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
		{lit: "authori", re: `authori[sz]er[^.]{0,60}\b(fail(s|ed|ing)?|error|exception|throws?|crash(es|ed)?|invalid response)|(invalid|bad|malformed|wrong) (authori[sz]er|policy) response|authori[sz]er (did not|didn'?t|does not|doesn'?t) return`, except: packageNames + `|` + authorizerCreation, cause: CauseAuthorizerError, weight: wHint, layers: person},
		// the same in the guide's Japanese, Chinese and Portuguese words,
		// beside words of failure in the same sentence: "Lambda
		// オーソライザーによる認証を設定しました" only says an authorizer is
		// set up, which every request of the route meets, whatever failed
		{lit: "オーソライザー", re: `オーソライザー[^。]{0,40}(エラー|失敗|例外|不正|タイムアウト|できな|返さな|返していな|500)|(エラー|失敗|例外|不正|タイムアウト|500)[^。]{0,40}オーソライザー`, cause: CauseAuthorizerError, weight: wWeak, layers: person},
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
		// a program's exception a person says they get, by the class name
		// of a runtime's or a language's own failure ("I am getting
		// NullPointerException in VertxRequestHandler.java", "kept getting
		// a TypeError for a missing constructor"): the code failed, not
		// the gateway (not a browser's TypeError for a fetch it could not
		// make, nor an AWS service's exception, which is a call's refusal;
		// nor a parser's error, which a client meets on a body it could
		// not read as often as a function does)
		{lit: "exception", re: personGetsAnException + `exception\b`, unless: "failed to fetch", unlessAlso: clientFetchWords, cause: CauseLambdaFunctionError, weight: wWeak, layers: person},
		{lit: "error", re: personGetsAnException + `error\b`, unless: "failed to fetch", unlessAlso: clientFetchWords, cause: CauseLambdaFunctionError, weight: wWeak, layers: person},
		{lit: "log", re: personLogsShowAFailure, unless: "no error", unlessAlso: logsShowNoFailure, cause: CauseLambdaFunctionError, weight: wWeak, layers: person},
		{lit: "統合タイムアウト", cause: CauseIntegrationTimeout, weight: wHint, layers: person},
		{lit: "逾時", re: `整合[^。]{0,10}逾時|(29|30) ?秒[^。]{0,20}逾時`, limit: true, cause: CauseIntegrationTimeout, weight: wHint, layers: person},
		{lit: "超时", re: `集成[^。]{0,10}超时|(29|30) ?秒[^。]{0,20}超时`, limit: true, cause: CauseIntegrationTimeout, weight: wHint, layers: person},
		{lit: "tempo limite", re: `tempo limite (de|da) integração|integração[^.]{0,30}tempo limite|(29|30) segundos`, limit: true, cause: CauseIntegrationTimeout, weight: wHint, layers: person},
		{lit: "授權方", re: `授權方[^。]{0,30}(錯誤|失敗|例外|異常|逾時|無效|500)|(錯誤|失敗|例外|異常|逾時|無效|500)[^。]{0,30}授權方`, cause: CauseAuthorizerError, weight: wWeak, layers: person},
		{lit: "autorizador", re: `autorizador[^.]{0,60}\b(falh\w*|erros?|exceç\w*|inválid\w*|500)|\b(falh\w*|erros?|exceç\w*|inválid\w*|500)\b[^.]{0,60}autorizador`, cause: CauseAuthorizerError, weight: wWeak, layers: person},
		// the CLI's command as a person names it ("I forgot add-permission"),
		// not the command line run with its flags, nor a shell's prompt
		// before it: that adds the permission, as a template's
		// AWS::Lambda::Permission declares it (invokePermissionWords)
		{lit: "add-permission", except: ranAddPermission, cause: CauseLambdaInvokePermission, weight: wHint, layers: person},
		// the same missing permission in the other verbs people use for
		// the gateway's call ("API Gateway did not have permission to call
		// the Lambda function")
		{lit: "permission", re: `permissions? to (call|trigger|execute|access) (the |your |a |my |this |that |our )?(lambda|function)`, cause: CauseLambdaInvokePermission, weight: wHint, layers: person},
		// a 500 before the function ran: API Gateway could not invoke it
		// (a function that ran and failed answers 502 on REST APIs and
		// leaves its own log)
		// (and the gateway's part in it: "API Gateway returned Internal
		// Server Error while never invoking Lambda at all")
		{lit: "invoke", re: `(never|not|wasn'?t|isn'?t|is not|was not) (even |being |getting )?(invoked|triggered)`, cause: CauseLambdaInvokePermission, weight: wWeak, layers: person},
		// and "called" of the function itself ("the lambda handler never
		// gets called"), not of a name ("a file not called index.js"), nor
		// of an authorizer's function ("the authentication lambda is not
		// called"), which its own rules read
		{lit: "called", re: `\b(lambdas?|functions?|handlers?)\b( \w+)? (never|not|wasn'?t|isn'?t|is not|was not|didn'?t|did not|doesn'?t|does not) (even |being |getting |gets? |got )?called(?:[.,;:!?)]|$| (?:at all|by|from|when|for|any ?more|again|and|but|so|because|even|on|in|after|before|while)\b)`, unless: "authori", unlessAlso: []string{"authentic"}, cause: CauseLambdaInvokePermission, weight: wWeak, layers: person},
		{lit: "invoking", re: `\bnever (even )?invoking (the |my |our |your )?(lambda|function)\b`, cause: CauseLambdaInvokePermission, weight: wWeak, layers: person},
		{lit: "triggering", re: `\bnever (even )?triggering (the |my |our |your )?(lambda|function)\b`, cause: CauseLambdaInvokePermission, weight: wWeak, layers: person},
		{lit: "calling", re: `\bnever (even )?calling (the |my |our |your )?(lambda|function)\b`, cause: CauseLambdaInvokePermission, weight: wWeak, layers: person},
		// permissions said to be missing for the gateway's call of the
		// function ("IAM permissions not being created for API Gateway to
		// access the Lambda integration", "no permission for API Gateway
		// to invoke the function"; to access DynamoDB is a service
		// integration's role)
		{lit: "permission", re: `\bpermissions?\b[^.]{0,40}\bfor (the )?api ?gateway to (access|invoke|call|trigger|execute) (the |my |our |your |an? |its |http |proxy )*(lambdas?|functions?)\b`, cause: CauseLambdaInvokePermission, weight: wHint, unlessAlso: apiResourcePolicy, layers: person},
		{lit: "log", re: `(nothing|no entries|no logs?|nothing new) (shows? up |appears? )?in (the )?(cloudwatch|lambda|function'?s?)( logs?)?|no (cloudwatch |lambda |function )?logs (at all|were|are|show|for the function|appear(ed)?|showed up)`, cause: CauseLambdaInvokePermission, weight: wGuess + 10, layers: person},
		{lit: "resource-based policy", cause: CauseLambdaInvokePermission, weight: wWeak, unlessAlso: apiResourcePolicy, layers: person},
		{lit: "resource based policy", cause: CauseLambdaInvokePermission, weight: wWeak, unlessAlso: apiResourcePolicy, layers: person},
		// (the format of the proxy integration's request is the event the
		// function reads, not the answer it gives; the word, not the end of
		// "CloudFormation")
		{lit: "proxy", re: `proxy (integration|response)` + sentenceGap + `{0,80}(statuscode|status code|\bformat|string body|body (must|should) be a string)`, cause: CauseLambdaMalformedProxyResponse, weight: wHint, unless: "integration request", layers: person},
		{lit: "statuscode", re: `(must|should|needs? to|has to) return[^.]{0,40}statuscode`, cause: CauseLambdaMalformedProxyResponse, weight: wHint, layers: person},
		// the function ran and succeeded, and yet the client got a 5xx: the
		// gateway refused its answer (a failure before or around the function
		// leaves no successful invocation; a failing one leaves its error)
		// (an authorizer's function succeeding says nothing of the
		// integration's answer)
		{lit: "succe", re: `\b(lambdas?|functions?|invocations?|cloudwatch|logs?)\b[^.]{0,40}\b(were|was|is|are|look(s|ed)?|show(s|ed)?)\b[^.]{0,20}\b(successful|success|succeed(s|ed)?)\b`, unless: "authori", cause: CauseLambdaMalformedProxyResponse, weight: wWeak, layers: person},
		{lit: "healthy", re: `\b(lambdas?|functions?)\b[^.]{0,20}\b(look(s|ed)?|(is|was|were|are|seem(s|ed)?)( perfectly)?) healthy\b`, cause: CauseLambdaMalformedProxyResponse, weight: wWeak, layers: person},
		{lit: "second", re: `\b(29|30)[ -]?seconds?\b[^.]{0,60}(timeout|time out|limit|restriction|cap\b|maximum)|(timeout|time out|timed out|times out|timing out|limit|restriction|maximum)[^.]{0,60}\b(29|30)[ -]?seconds?\b`, except: functionTimeoutSetting, limit: true, cause: CauseIntegrationTimeout, weight: wLikely, layers: person},
		// the same with the seconds abbreviated ("times out after 30s",
		// "a 29 sec limit"), behind each number
		{lit: "29", re: `\b(29|30) ?(s|secs?)\b[^.]{0,60}(timeout|time out|limit|restriction|maximum)|(timeout|time out|timed out|times out|timing out|limit|restriction|maximum)[^.]{0,60}\b(29|30) ?(s|secs?)\b`, except: functionTimeoutSetting, limit: true, cause: CauseIntegrationTimeout, weight: wHint, layers: person},
		{lit: "30", re: `\b(29|30) ?(s|secs?)\b[^.]{0,60}(timeout|time out|limit|restriction|maximum)|(timeout|time out|timed out|times out|timing out|limit|restriction|maximum)[^.]{0,60}\b(29|30) ?(s|secs?)\b`, except: functionTimeoutSetting, limit: true, cause: CauseIntegrationTimeout, weight: wHint, layers: person},
		// (not the setting and its value, as the console and people write
		// it: "Integration timeout: 29000 ms", "we set the integration
		// timeout to 10 seconds", which every request of the method has)
		{lit: "integration timeout", except: timeoutSetting, limit: true, cause: CauseIntegrationTimeout, weight: wHint, layers: person},
		// ("Lambda timeouts get converted to 500": the plural is the events,
		// the singular most often the setting)
		{lit: "tim", re: `(lambda|function)('s)?( itself)? (is |was )?(timing out|timed out|times out|hit(s|ting)? (its|the) timeout)|\b(lambda|function) timeouts\b`, cause: CauseLambdaFunctionTimeout, weight: wHint, layers: person},
		{lit: "タイムアウト", re: `(29|30) ?秒`, limit: true, cause: CauseIntegrationTimeout, weight: wHint, layers: person},
		// the function failed and yet the client got 200: a custom (non-proxy)
		// Lambda integration without error mappings (the API Gateway guide's
		// "Handle Lambda errors in API Gateway"). The rule names the
		// function's failure; the 200 the same words show makes it
		// lambda_error_masked_as_200.
		// (the gateway's own answer is no failure of the function: "the
		// function returns 200 but API Gateway responds with Internal Server
		// Error" is a 5xx after a function that succeeded)
		{lit: "200", re: `\b200\b[^.;]{0,60}\b(errors?|errormessage|timed out|times out|time ?outs?|exceptions?|fail(s|ed|ure)?|throws?)\b|\b(errors?|errormessage|timed out|times out|time ?outs?|exceptions?|fail(s|ed|ure)?|throws?)\b[^.;]{0,60}\b(returns?|gets?|got|answers?|responds?)( back)?( with)?( an?| the| http| status| response| code| of)* 200\b`, except: gatewayAnswerPhrases + `|` + failedWith5xx, cause: CauseLambdaFunctionError, weight: wWeak, layers: person,
			// (a retry's 200 is another request's answer, not the failed
			// one's, and so is the 200 of the routes a person sets against
			// the one that fails: "the other endpoints return 200, only
			// this one fails"; a semicolon parts two clauses as a full stop
			// does)
			unless: "retry", unlessAlso: append(append([]string{}, retryWords...), "only ", "other ")},
		// the same in the words of that guide page and its translations: "Lambda
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
		// a 4xx's reason phrase as the answer someone got, without its code
		// ("when I go to /docs I get Not Found", "I get a Forbidden error",
		// the Korean "Not Found가 뜨는지": Not Found shows up)
		reasonGot("not found", 404), reasonGot("forbidden", 403), reasonGot("unauthorized", 401),
		reasonGot("bad request", 400), reasonGot("too many requests", 429),
	}
}

// reasonGot is a 4xx's reason phrase after a verb of getting or showing
// it, and the phrase ending there ("I get Not Found", "it shows a
// Forbidden error", "getting message forbidden", an SDK's "a forbidden
// exception"), or before the Korean for showing up: the answer the client
// got. Not after "returns", which is as often what a handler was
// written to answer, nor the phrase inside other words ("module not found",
// "forbidden characters").
func reasonGot(phrase string, status int) ruleSpec {
	const got = `\b(?:get|gets|got|getting|receive|receives|received|receiving|see|sees|saw|seeing|shows?|showed|showing|responds? with|responded with|answers? with|answered with)(?: back)?(?: an?| the| http| status| error| response| message){0,3} `
	end := `["'\x60]?(?: errors?| exceptions?| responses?| status| page| messages?)?(?:[.,;:!)]|\s*$|\s+(?:from|when|whenever|on|for|in|instead|after|every|each|back|again)\b)`
	korean := `["'\x60]?(?:가|이)? ?(?:뜨|떠|떴|나와|나옵|나오)`
	return ruleSpec{lit: phrase, re: got + `["'\x60]?` + phrase + end + `|` + phrase + korean, cause: CauseNot5xx, weight: wWeak, implied: status, layers: personLayers}
}

// functionTimeoutSetting is the function's own timeout said with its value
// ("our Lambda timeout is set to 30 seconds", "the function's timeout of
// 30s"): the function's setting, which shows no request that ran that long
// nor the gateway's wait ending. So is a configuration file's timeout key
// with a comment after its value, whatever the comment says: the Bref
// template's serverless.yml, which many reports paste, writes "timeout: 28
// # in seconds (API Gateway has a timeout of 29 seconds)".
const functionTimeoutSetting = `\b(?:lambdas?|functions?)(?:'s)? timeouts?\b[^.]{0,20}?\b(?:29|30)[ -]?(?:seconds?|secs?|s)\b|\btimeout["']?\s*:\s*\d+\s*#.*`

// timeoutSetting is an integration's timeout given as a setting with its
// value: the console's "Integration timeout" field, the API's
// timeoutInMillis, Terraform's timeout_milliseconds and CloudFormation's
// TimeoutInMillis, and a person setting one ("set the integration timeout
// to 10 seconds").
const timeoutSetting = `(?:integration timeout|timeoutinmillis|timeout_milliseconds)(?:\s*\((?:ms|milliseconds|seconds)\))?["'\x60]?\s*(?:[:=]|is|was|of|set to|to)\s*["'\x60]?\d[\d,]*`

// apiResourcePolicy are words of the API's own resource-based policy (API
// Gateway resource policies: a source VPC endpoint or IP address allowed,
// a private API), which refuses callers with 403 and grants the gateway no
// call of the function.
var apiResourcePolicy = []string{"execute-api", "vpc endpoint", "vpce", "private api", "sourceip", "source ip", "ip address", "the api has", "api's resource", "api gateway resource"}

// retryWords are the words of a request sent again, whose answer is not
// the failed request's: "if I retry it returns 200" says a retry succeeded,
// not that the failure was answered 200 (the knowledge-center article on
// Internal server errors advises clients to retry with backoff).
var retryWords = []string{"retried", "retries", "retrying", "try again", "tried again", "second attempt", "next attempt", "another attempt"}

// packageNames are the names of software packages and modules, which may
// hold a cause's word without naming the cause: an npm scoped package
// (@scope/name) and the CDK's API Gateway v2 authorizers module as
// TypeScript, Python and Java name it (aws-cdk-lib/aws-apigatewayv2-authorizers,
// aws_cdk.aws_apigatewayv2_authorizers, software.amazon.awscdk.services.apigatewayv2.authorizers).
const packageNames = `@[a-z0-9][\w.-]*/[\w./-]+|[\w./-]*apigatewayv2[-_.]authorizers\b`

// authorizerCreation is an authorizer that a deployment or an import could
// not create (the import API's warning "Unable to create Authorizer
// 'MyJwt': Caught exception when connecting to https://...", "failed to
// create the authorizer"): a change that did not apply, which no request
// met, not an authorizer failing on a request.
const authorizerCreation = `\b(?:unable to|could ?not|couldn'?t|cannot|can'?t|fail(?:s|ed)? to) create (?:the |an? )?(?:jwt |lambda |cognito )?authori[sz]er\b[^.]*`

// failedWith5xx is a failure that names its own 5xx status ("the POST fails
// with 500"): beside a 200 it is another request's answer, not a failure
// the 200 masked.
const failedWith5xx = `\bfail(s|ed|ing)? with( an?| http| status| code| the| error)* 5\d\d\b`

// gatewayAnswerPhrases are the reason phrases and bodies of the gateway's
// own 5xx answers, which hold the words "error" and "timeout" without
// being the function's.
const gatewayAnswerPhrases = `internal server errors?|server errors?|bad gateway|service unavailable|gateway time-?outs?|endpoint request timed out`

// guessMarks are what a line must hold to hold a yes/no question: its
// question mark, or the Chinese and Japanese words that end one.
var guessMarks = [][]byte{[]byte("?"), []byte("？"), []byte("吗"), []byte("嗎"), []byte("是不是"), []byte("でしょうか"), []byte("ですか"), []byte("かな")}

// dropGuesses removes a person's yes/no questions from low: "Is API
// Gateway timing out before the function finishes?", "Could this be a
// permissions issue?", "¿O que falta un permiso de invocación?",
// "タイムアウトの問題でしょうか", "是不是权限问题" ask whether a cause is
// the one, which the asker does not know; the events a wh-question names
// ("why does it return 502", "how do I avoid the timeout") are given.
func dropGuesses(low []byte) []byte {
	if !containsAny(low, guessMarks) {
		return low
	}
	var spans [][]int
	for s := 0; s < len(low); {
		e := sentenceEnd(low, s)
		if guessed(low[s:e]) {
			spans = append(spans, []int{s, e})
		}
		s = e
	}
	return dropSpans(low, spans, func([]int) bool { return false })
}

// sentenceEnd is where the sentence from s ends: after its question mark,
// exclamation mark or full stop (one before a space or the line's end, not
// the one of a file's name or a version), their full-width forms, or
// before the Spanish "¿" or "¡" that opens the next one.
func sentenceEnd(low []byte, s int) int {
	for i := s; i < len(low); i++ {
		switch c := low[i]; {
		case c == '?' || c == '!':
			return i + 1
		case c == '.' && (i+1 == len(low) || low[i+1] == ' ' || low[i+1] == '\t'):
			return i + 1
		case c == 0xE3 && bytes.HasPrefix(low[i:], []byte("。")), c == 0xEF && (bytes.HasPrefix(low[i:], []byte("？")) || bytes.HasPrefix(low[i:], []byte("！"))):
			return i + 3
		case c == 0xC2 && i > s && (bytes.HasPrefix(low[i:], []byte("¿")) || bytes.HasPrefix(low[i:], []byte("¡"))):
			return i
		}
	}
	return len(low)
}

// guessed reports whether a sentence is a yes/no question: one asked with
// a question mark after an auxiliary verb or "or" ("is", "could", "do",
// "or is"), a hedge ("maybe", "perhaps") or their Spanish and Portuguese
// equivalents ("¿será que", "pode ser", "¿es", "¿o"); a Japanese one ending
// in でしょうか, ですか or かな; a Chinese one ending in 吗, holding 是不是
// or asking "or" (还是) — none asking why, how or what.
func guessed(sent []byte) bool {
	t := bytes.TrimLeft(sent, " \t>*-_\"'`(#¿¡")
	end := bytes.TrimRight(t, " \t\"'`)*_")
	if (bytes.HasSuffix(end, []byte("?")) || bytes.HasSuffix(end, []byte("？"))) && guessStart.Match(t) && !askedWhy.Match(t) {
		return true
	}
	body := bytes.TrimRight(end, "?？。！!")
	switch {
	case bytes.HasSuffix(body, []byte("でしょうか")) || bytes.HasSuffix(body, []byte("ですか")) || bytes.HasSuffix(body, []byte("かな")):
		return !askedWhyJa.Match(body)
	case bytes.HasSuffix(body, []byte("吗")) || bytes.HasSuffix(body, []byte("嗎")) || bytes.Contains(body, []byte("是不是")) ||
		len(body) < len(end) && (bytes.HasPrefix(body, []byte("还是")) || bytes.HasPrefix(body, []byte("還是")) || bytes.HasPrefix(body, []byte("或者"))):
		return !askedWhyZh.Match(body)
	}
	return false
}

// guessStart is the first word of a yes/no question, in English, Spanish
// and Portuguese.
var guessStart = regexp.MustCompile(`^(?:is|are|was|were|could|can|might|may|should|would|do|does|did|will|has|have|or|maybe|perhaps|isn't|aren't|wasn't|couldn't|can't|doesn't|didn't|won't|wouldn't|será|sera|puede|podría|podria|es|está|o|pode|poderia|é|É|ou|talvez)(?:[\s,]|$)`)

// askedWhy: a question that asks why, how or what takes the event it
// names as given ("Does anyone know why the function times out?", "Is
// there a way to raise the 29 second limit?", "Is it normal that it times
// out?").
var askedWhy = regexp.MustCompile(`\b(?:why|how|what|which|where|who|know|idea|explain|reason|way|normal|expected)\b|por ?qu[eéê]|c[oó]mo\b|d[oó]nde\b|\bonde\b`)

var (
	askedWhyJa = regexp.MustCompile(`なぜ|どうして|どこ|どう|何|なに|いつ|どれ|どの|誰`)
	askedWhyZh = regexp.MustCompile(`为什么|為什麼|为何|為何|怎么|怎麼|如何|哪|什么|什麼`)
)
