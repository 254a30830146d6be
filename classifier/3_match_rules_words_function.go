package classifier

// What people say of the function behind the API: its answer's format,
// its errors, its handler setting, its memory, and what the tool that
// deployed it printed.

// malformedWords: the function's answer not in the format a proxy
// integration reads, as AWS words it in the knowledge-center article on
// 502s from Lambda proxy integrations ("the response to the API request
// isn't formatted correctly", "isn't in the required JSON format") and in
// the Lambda guide's page on errors behind API Gateway ("returns a
// response in the wrong format"), in each language those pages are
// published in. The subject is the response itself: "a 400 response
// because the request isn't formatted correctly" is the caller's request.
func malformedWords() []ruleSpec {
	p := personLayers
	mal := CauseLambdaMalformedProxyResponse
	return []ruleSpec{
		{lit: "format", re: `\b(?:response|output|return value|returned value|result)(?: (?:of|from|to) (?:the |my |your |our |a |an )?(?:lambda |api |function |proxy |handler )*(?:function|request|lambda|api|handler|call))?(?: body| object| payload)? (?:isn'?t|is not|wasn'?t|was not|aren'?t|are not)(?: being)? (?:(?:correctly|properly) formatted|formatted (?:correctly|properly)|in the (?:required|expected|correct|right|proper) (?:json )?format|json in the (?:correct|right|required) format)|\b(?:incorrectly|improperly|wrongly|badly) formatted (?:lambda |proxy |function |json )*(?:response|output)`, cause: mal, weight: wHint, layers: p},
		// the fields the article and the API Gateway guide's output format
		// for proxy integrations require: a body that is a string (an
		// object serialized with JSON.stringify or json.dumps) and a
		// statusCode
		{lit: "stringif", re: `\b(?:forgot|forget|forgetting|without|missing|didn'?t|did not|not|never)(?: to)? (?:call(?:ing)? )?(?:json\.)?stringif(?:y|ied|ying)`, cause: mal, weight: wHint, layers: p},
		{lit: "json.dumps", re: `\b(?:forgot|forget|forgetting|without|missing|didn'?t|did not|not|never)(?: to)? (?:call(?:ing)? )?json\.dumps`, cause: mal, weight: wHint, layers: p},
		{lit: "body", re: `\bbody\b[^.]{0,30}\b(?:was|is|as|being) (?:an? |the )?(?:object|dict|dictionary|map|json object|array|list)\b[^.]{0,20}\b(?:instead of|not|rather than) (?:an? |the )?string|\bbody\b[^.]{0,20}\b(?:must|should|needs? to|has to) be (?:an? |json )?(?:string|stringified|serialized)`, cause: mal, weight: wHint, layers: p},
		// the same of the whole answer, as people word a handler that
		// returns its object unserialized ("returns a response as JSON
		// not string"); an incoming payload is the request's. The answer
		// is the function's when the sentence says the function returned
		// it: a client's "receives the response as JSON not string" and a
		// mapping template's output are no proxy integration's answer.
		{lit: "string", re: `\b(?:lambdas?|functions?|handlers?)\b[^.]{0,40}\breturn(?:s|ed|ing)?\b[^.]{0,20}\b(?:response|output|result)\b[^.]{0,20}\b(?:as|is|was|being) (?:an? |the )?(?:json|object|dict|json object)\b[^.]{0,20}\b(?:instead of|not|rather than) (?:an? |the )?string`, except: inboundPayload, unless: "template", cause: mal, weight: wHint, layers: p},
		// the output format's headers, a map of single values (the guide;
		// lists belong in multiValueHeaders), said to have been a list in
		// the answer ("headers passed as array to result"): not a
		// request's headers, which a client sends
		{lit: "headers", re: `\bheaders\b[^.]{0,30}\b(?:as|is|was|were|are|being) (?:an? )?(?:array|list)\b[^.]{0,40}\b(?:should|must|needs? to|has to|instead of|rather than|not)\b[^.]{0,10}\b(?:an? )?(?:object|map|dict(?:ionary)?)\b`, except: inboundPayload, unless: "request header", unlessAlso: answerlessHeaders, cause: mal, weight: wHint, layers: p},
		{lit: "statuscode", re: `\b(?:response|output|return value|returned object|object|result)\b[^.]{0,30}\b(?:has no|had no|without|missing|lacks|lacked|lacking|(?:does|did)(?:n'?t| not) (?:have|include|contain|return))(?: an?| the| any)? ["'\x60]?statuscode`, cause: mal, weight: wHint, layers: p},
		// the function's answer not following the output format, as an
		// AWS expert words it on re:Post ("The response for a Lambda proxy
		// integration must conform to the format that API Gateway is
		// expecting") and people say it of what their function or adapter
		// returned ("does not respect API Gateway v1 format", "the handler
		// is not returning the correct response payload structure"); an
		// authorizer's answer has a format of its own, which personRules
		// read
		{lit: "format", re: conformWords + `format`, unless: "authori", except: inboundPayload, cause: mal, weight: wHint, layers: p},
		{lit: "structure", re: conformWords + `structure`, unless: "authori", except: inboundPayload, cause: mal, weight: wHint, layers: p},
		// the gateway's "Malformed Lambda proxy response" as people
		// paraphrase it ("a malformed proxy response error", "the lambda
		// response is malformed")
		{lit: "malformed", re: `\bmalformed (?:lambda )?(?:proxy )?(?:integration )?response|\b(?:lambda|proxy|function'?s?) response (?:is|was|being) malformed`, cause: mal, weight: wHint, layers: p},
		// ja: 正しくフォーマットされていない, 誤った形式でレスポンスが返された, 必須 JSON 形式でない
		{lit: "フォーマット", re: `(?:レスポンス|応答|戻り値|返り値|出力)[^。]{0,30}(?:正しく|適切に)フォーマットされていない`, cause: mal, weight: wHint, layers: p},
		{lit: "形式", re: `(?:誤った|不正な|正しくない)形式で[^。]{0,20}(?:レスポンス|応答)|(?:レスポンス|応答)[^。]{0,20}(?:正しい|必須の?)\s*(?:json\s*)?形式(?:の\s*json\s*)?(?:では|で)(?:ない|なく|ありません)`, cause: mal, weight: wHint, layers: p},
		// ko: 응답 형식이 올바르지 않은, 올바르게 형식이 지정되지 않은, 잘못된 형식으로 응답을 반환, 형식이 잘못된 Lambda 프록시 응답
		{lit: "형식", re: `(?:응답|출력|반환 ?값)[^.]{0,30}형식(?:이|을|에)?\s*(?:올바르지 않|잘못|맞지 않)|잘못된 형식(?:의|으로)[^.]{0,20}(?:응답|프록시)|(?:응답|출력)[^.]{0,20}(?:올바르게 형식이 지정되지 않|올바른 (?:json )?형식이 아니)|형식이 잘못된 (?:lambda )?(?:프록시 )?응답`, cause: mal, weight: wHint, layers: p},
		// zh-Hans: 返回格式错误的响应 (the format before the answer it qualifies)
		{lit: "格式", re: `格式(?:錯誤|错误|不正確|不正确|有誤|有误)的(?:回應|响应|回复|返回值|輸出|输出)`, cause: mal, weight: wHint, layers: p},
		// fr: n'est pas correctement formatée, n'est pas au format JSON requis, réponse de proxy Lambda malformée
		{lit: "format", re: `(?:réponse|sortie)(?: de (?:la |votre |ma )?(?:fonction(?: lambda)?|lambda))?(?: à la (?:demande|requête)(?: d'api)?)? (?:n'est pas|n'était pas) (?:correctement formatée|formatée correctement|bien formatée|au (?:bon )?format(?: json)?(?: (?:requis|attendu|approprié|correct))?)|(?:réponse|sortie)[^.]{0,20}(?:au|dans le|dans un) (?:mauvais format|format (?:incorrect|invalide|non valide))`, cause: mal, weight: wHint, layers: p},
		{lit: "formée", re: `(?:réponse|sortie)[^.]{0,30}(?:malformée|mal formée)`, cause: mal, weight: wHint, layers: p},
		// de: nicht richtig formatiert, nicht im erforderlichen JSON-Format, Antwort im falschen Format
		{lit: "format", re: `(?:antwort|ausgabe|rückgabe(?:wert)?)(?: (?:der|ihrer|meiner|auf die) [\w-]+)*? (?:ist |war )?nicht (?:(?:richtig|korrekt|ordnungsgemäß) formatiert|im (?:erforderlichen|richtigen|korrekten|erwarteten) (?:json-)?format)|(?:antwort|ausgabe)[^.]{0,20}(?:im|in einem) (?:falschen|ungültigen|fehlerhaften) format|(?:falsch|fehlerhaft|ungültig) formatierte (?:[\w]+-)?antwort`, cause: mal, weight: wHint, layers: p},
		// es: no tiene el formato correcto, no está formateada correctamente, con un formato incorrecto
		{lit: "format", re: `(?:respuesta|salida)(?: de (?:la |su |tu |mi )?(?:funci[oó]n(?: de)?(?: lambda)?|lambda))?(?: a la solicitud(?: de (?:la )?api)?)? (?:no tiene el formato (?:correcto|adecuado|requerido|esperado)|no est[aá] (?:correctamente |bien )?formateada|no est[aá] en el formato)|(?:respuesta|salida)[^.]{0,20}(?:con|en) (?:un |el )?formato (?:incorrecto|err[oó]neo|inv[aá]lido|no v[aá]lido|equivocado)`, cause: mal, weight: wHint, layers: p},
		{lit: "formada", re: `respuesta[^.]{0,30}mal ?formada`, cause: mal, weight: wHint, layers: p},
		// pt: não está formatada corretamente, não estiver no formato JSON
		{lit: "format", re: `(?:resposta|saída)[^.]{0,40}não (?:está|estiver|estava) (?:formatada corretamente|corretamente formatada|no formato (?:json )?(?:correto|necessário|esperado|exigido))`, cause: mal, weight: wHint, layers: p},
	}
}

// cleanRunWords: the function ran to its end without an error, as its
// log showed the person, and the client still got a 5xx. The Lambda
// guide's page on errors behind API Gateway ("Handling Lambda errors with
// an API Gateway API") names the two answers of a function that ran: an
// error, or "a response in the wrong format"; a run that ended well leaves
// the second (a failure before the function, a permission or a throttle,
// leaves no run at all). It is personRules' "invocations were successful"
// in the other words people write it with: "the Lambda execution completed
// successfully according to CloudWatch", "the function returns without
// errors", and, beside the log it was read from, "when I examined the
// logs, the lambda function was working correctly". Not a run somewhere
// else than behind the API (the Lambda console's test, a direct invoke, a
// local run: a proxy response's format is not checked there), nor one said
// not to have ended so. A function that finished after the gateway's
// timeout is read as that timeout where the status or the gateway's
// message shows it (Session.decide, the integration timeout's rules).
func cleanRunWords() []ruleSpec {
	p := personLayers
	mal := CauseLambdaMalformedProxyResponse
	const ran = `\b(?:lambdas?|functions?|handlers?|invocations?|executions?)\b(?: \w+){0,2}? (?:completed|completes|finished|finishes|ran|runs|executed|executes|returned|returns|ended|ends) `
	const working = `\b(?:lambdas?|functions?|handlers?)\b(?: \w+){0,2}? (?:was|is|were|are) (?:working|running|executing) (?:correctly|fine|properly|as expected)\b`
	const logs = `\b(?:cloudwatch|logs?)\b`
	spec := func(lit, re string) ruleSpec {
		return ruleSpec{lit: lit, re: re, unless: cleanRunElsewhere[0], unlessAlso: cleanRunElsewhere[1:], except: cleanRunDenied, cause: mal, weight: wWeak, layers: p}
	}
	return []ruleSpec{
		spec("successfully", ran+`successfully\b`),
		spec("normally", ran+`normally\b`),
		spec("without", ran+`without (?:any )?(?:errors?|exceptions?)\b`),
		spec("working", logs+sentenceGap+`{0,60}`+working+`|`+working+sentenceGap+`{0,60}`+logs),
	}
}

// cleanRunElsewhere are the places a function runs outside the API (a run
// there says nothing of the answer the gateway got), and the words of a
// run's length: one that ended well after the gateway stopped waiting
// ("it completed successfully after 35 seconds") is the gateway's timeout,
// which the integration timeout's rules read.
var cleanRunElsewhere = []string{"directly", "locally", "local ", "console", "offline", "on my machine", "test event", "authori", "second", "minute", "timeout", "timed out", "time out"}

// cleanRunDenied is a clean run said not to have happened ("the function
// never completed successfully", "isn't working properly"); taken out of
// the line first.
const cleanRunDenied = `\b(?:never|not|n't|no longer|hardly)\b (?:\w+ )?(?:completed|completes|finished|finishes|ran|runs|executed|executes|returned|returns|ended|ends|working|running|executing)\b`

// inboundPayload is a payload that comes in, not the function's answer:
// the client's request, the event the function receives, a queue's
// message. That one does not fit its format is a request refused, an
// event the function cannot read or a template's fault; taken out of the
// line first, it leaves only what is said of the answer.
const inboundPayload = `\b(?:request|event|input|incoming|message|sqs|sns) (?:payload|body)s?\b`

// answerlessHeaders are the words of headers no answer of the function's
// holds: a client's request, which its library sends.
var answerlessHeaders = []string{"request's header", "axios", "fetch(", "curl", "postman", "sends the header", "sent the header", "send the header"}

// conformWords open the malformedWords patterns for an answer that does
// not follow the proxy output format: the answer, then a verb of
// conformity denied ("does not respect", "doesn't conform to", "isn't
// following"), or a function "not returning" the right one; the patterns
// add the word for the format.
const conformWords = `(?:\b(?:response|payload|output|result|return value|returned (?:value|object))s?\b[^.]{0,60}?\b(?:does not|doesn'?t|did not|didn'?t|do not|don'?t|is not|isn'?t|was not|wasn'?t|are not|aren'?t) (?:respect|follow|conform(?:ing)? to|comply with|adher(?:e|ing) to|match)(?:ing|s)?|\b(?:not|n'?t|never) return(?:ing|s|ed)?(?: an?| the)? (?:response |output |answer )?(?:in )?(?:the |an? )?(?:correct|right|proper|expected|required|valid))(?: (?:to )?(?:the |an? )?(?:api ?gateway(?:'s)? |apigw |aws )?(?:v1 |v2 |1\.0 |2\.0 |lambda |proxy |integration |expected |required |correct |right |proper |documented |json )*(?:response |output |payload )*)`

// functionErrorWords: "a function error", the Lambda guide's word for a
// request that failed inside the function (API Gateway answers it with
// 502), as its Simplified Chinese, German, French, Spanish and Korean
// editions write it (Japanese, Traditional Chinese and Portuguese are
// personRules').
func functionErrorWords() []ruleSpec {
	p := personLayers
	fe := CauseLambdaFunctionError
	return []ruleSpec{
		{lit: "函数错误", cause: fe, weight: wWeak, layers: p},
		{lit: "funktionsfehler", cause: fe, weight: wWeak, layers: p},
		{lit: "fonction", re: `\berreurs? (?:de|dans) (?:la |votre |ma )?fonction\b`, cause: fe, weight: wWeak, layers: p},
		{lit: "funci", re: `\berror(?:es)? (?:de|en) (?:la |su |tu |mi )?funci[oó]n\b`, cause: fe, weight: wWeak, layers: p},
		{lit: "함수 오류", cause: fe, weight: wWeak, layers: p},
		// English: an error or exception "in my lambda", a lambda or
		// handler that throws (an authorizer's is the authorizer's, which
		// personRules weigh more)
		{lit: "lambda", re: `\b(?:errors?|exceptions?) (?:in|inside|thrown by|raised by|thrown in|raised in|from) (?:the |my |your |our |a |this )?lambda\b`, notAfter: "no ", cause: fe, weight: wWeak, layers: p},
		{lit: "thr", re: `\b(?:lambda|function|handler)s? (?:throws?|threw|is throwing|was throwing)(?: an?| the)? (?:\w+ ?)?(?:errors?|exceptions?)\b`, cause: fe, weight: wWeak, layers: p},
		{lit: "rais", re: `\b(?:lambda|function|handler)s? (?:raises?|raised|is raising|was raising)(?: an?| the)? (?:\w+ ?)?(?:errors?|exceptions?)\b`, cause: fe, weight: wWeak, layers: p},
	}
}

// failedCallbackWords: a Node.js handler that ends its invocation with an
// error, as people paste the line: callback's first parameter is "the
// error payload for a failed lambda execution" (the Callback type of
// @types/aws-lambda, after the Lambda guide's Node.js handler page), and
// the older runtimes' context.fail(error) and context.done(error) end it
// the same way. Not callback(null, ...), a result; nor the error object's
// JSON a string, which a custom integration's selection pattern reads.
func failedCallbackWords() []ruleSpec {
	p := personLayers
	fe := CauseLambdaFunctionError
	return []ruleSpec{
		{lit: "callback(", re: `\bcallback\(\s*(?:new (?:\w+\.)?\w*error\b|err\b|error\b|e\b|ex\b)`, cause: fe, weight: wWeak, layers: p},
		{lit: "context.fail(", cause: fe, weight: wWeak, layers: p},
		{lit: "context.done(", re: `\bcontext\.done\(\s*(?:new (?:\w+\.)?\w*error\b|err\b|error\b|e\b|ex\b)`, cause: fe, weight: wWeak, layers: p},
	}
}

// handlerWords: the function's handler setting named as wrong, the first
// thing the article on proxy-integration 502s asks to verify ("the Lambda
// function handler name and configuration are valid"); what is wrong in
// the handler's code is not its setting.
func handlerWords() []ruleSpec {
	p := personLayers
	return []ruleSpec{
		// Runtime.HandlerNotFound in people's words, in English, Japanese,
		// Chinese and Korean
		{lit: "見つか", re: `ハンドラー?(?:関数)?(?:が|を)?見つか(?:らない|りません|らず)`, cause: CauseLambdaHandlerMisconfigured, weight: wHint, layers: p},
		{lit: "找不到", re: `找不到[^。]{0,6}(?:handler|处理程序|處理常式|处理函数|處理函式)|(?:handler|处理程序|處理常式|处理函数)[^。]{0,6}找不到`, cause: CauseLambdaHandlerMisconfigured, weight: wHint, layers: p},
		{lit: "찾을 수 없", re: `핸들러(?:를|가)? ?찾을 수 없`, cause: CauseLambdaHandlerMisconfigured, weight: wHint, layers: p},
		// the module failing to load in people's words ("Module import
		// error in Lambda logs", "an import error in the function"), the
		// runtime's Runtime.ImportModuleError: what failed in the function,
		// which outweighs a report's words for the function failing
		{lit: "import error", re: `\bmodule import errors?\b|\bimport errors? (?:in|from|of) (?:the |my |our |your )?(?:lambda|function)`, cause: CauseLambdaHandlerMisconfigured, weight: wHint + 5, layers: p},
		{lit: "handler", re: `\bhandler (?:was |is |could not be |cannot be |can'?t be )?not (?:found|be found)|\b(?:could not|couldn'?t|cannot|can'?t|unable to) find (?:the |my |your )?(?:lambda |function )?handler\b`, cause: CauseLambdaHandlerMisconfigured, weight: wHint, layers: p},
		{lit: "handler", re: `\bhandler(?: name| setting| path| configuration| config| property| field| string)? (?:is|was|were) (?:still |also )?(?:wrong|incorrect|misspelled|misconfigured|invalid|set wrong|set incorrectly|pointing to the wrong)|\b(?:wrong|incorrect|misspelled|misconfigured|invalid|mistyped) (?:lambda |function )?handler(?: name| setting| path| configuration| config| property| field| string)?\b|\b(?:typo|mistake) in the (?:lambda |function )?handler(?: name| setting| path)?\b|\b(?:fix(?:ed|ing)?|correct(?:ed|ing)?) the handler(?: name| setting| path| configuration| config| property| field| string)\b`, cause: CauseLambdaHandlerMisconfigured, weight: wHint, layers: p},
	}
}

// memoryWords: the function reaching its configured memory, which Lambda
// ends it for ("Runtime exited with error: signal: killed", Max Memory Used
// at the memory size), in people's words.
func memoryWords() []ruleSpec {
	return []ruleSpec{
		// the words for "out of memory" in the languages of Lambda's guide
		{lit: "メモリ不足", cause: CauseLambdaOutOfMemory, weight: wHint, layers: personLayers},
		{lit: "内存不足", cause: CauseLambdaOutOfMemory, weight: wHint, layers: personLayers},
		{lit: "記憶體不足", cause: CauseLambdaOutOfMemory, weight: wHint, layers: personLayers},
		{lit: "메모리 부족", cause: CauseLambdaOutOfMemory, weight: wHint, layers: personLayers},
		{lit: "mem", re: `\bsem memória|memória insuficiente|\bsin memoria\b|memoria insuficiente`, cause: CauseLambdaOutOfMemory, weight: wHint, layers: personLayers},
		{lit: "moire", re: `mémoire insuffisante|manque de mémoire`, cause: CauseLambdaOutOfMemory, weight: wHint, layers: personLayers},
		{lit: "speicher", re: `\bnicht (?:genug|genügend) (?:arbeits)?speicher|\bspeichermangel`, cause: CauseLambdaOutOfMemory, weight: wHint, layers: personLayers},
		{lit: "memory", re: `\b(?:hits?|hitting|reach(?:es|ed|ing)?|exceed(?:s|ed|ing)?) (?:its |the |my |our |their )?(?:configured |allocated )?memory (?:limit|size)\b|\bmemory (?:limit|size) (?:was |is |got |gets )?(?:exceeded|reached)`, cause: CauseLambdaOutOfMemory, weight: wHint, layers: personLayers},
	}
}

// deployToolWords: what a deployment tool prints when the function it
// deployed fails behind the API. Zappa's deploy and update call the API
// once and print "Status check on the deployed lambda failed. A GET
// request to '/' yielded a 502 response code." (zappa/cli.py); its users'
// threads and READMEs trace a 500 or 502 to the app failing to load or
// run in the function (a syntax error, a package left out, a settings
// typo); a 504 is the call running out of time.
func deployToolWords() []ruleSpec {
	return []ruleSpec{
		{lit: "status check on the deployed lambda failed", re: `status check on the deployed lambda failed\. a get request to '[^']*' yielded a 50[02] response code`, cause: CauseLambdaFunctionError, weight: wWeak},
	}
}

// maskedWords: a failed function answered 200 by a custom (non-proxy)
// Lambda integration. The API Gateway guide's "Handle Lambda errors in API
// Gateway" says that without integration responses mapping them, "Lambda
// errors are returned as 200 OK responses by default", and that each
// integration response's selection pattern (the console's "Lambda Error
// Regex") is matched against the error's errorMessage; the knowledge-center
// article "Why does AWS Lambda return a 200 OK status code response in my
// REST API?" says the same. People word it as an API that only ever
// answers 200 beside the function they tested ("always return 200 ok
// response code", as the Japanese "200しか返ってきません" and "200以外の
// レスポンスが返却されない" do), and as a selection pattern that did not
// match the error ("the integration response's pattern is wrong", "the
// error regex does not match", "the regex for the error is not picked
// up"). The rules name the function's failure and the 200 it got; a 5xx
// the same report shows outranks the 200 (a request that failed). A
// question how to answer 200, and a retry's 200, are not the failed
// request's answer. An unmatched pattern leaves the default 200: beside a
// 5xx it names no failure of the function (the 5xx came from elsewhere,
// or a pattern matched what it should not), and the rule stays silent.
func maskedWords() []ruleSpec {
	p := personLayers
	fe := CauseLambdaFunctionError
	const only = `\b(?:always|only|just)\b (?:returns?|returned|returning|gets?|got|getting|answers?|answered|responds?|responded|gives?|gave)(?: back)?(?: with)?` + twoHundred +
		`|\b(?:returns?|returned|returning|gets?|got|getting|answers?|responds?|gives?)(?: back)?(?: with)? (?:always|only)` + twoHundred +
		`|\bnothing (?:but|other than|except|besides)` + twoHundred
	const fn = `\b(?:lambdas?|functions?|handlers?|errors?|exceptions?|fail(?:s|ed|ure|ing)?|throws?|threw|raised?)\b`
	const pattern = `\b(?:selection ?patterns?|(?:lambda )?error ?regex(?:es)?|regex(?:es)? for (?:the )?errors?|integration response(?:'s|s)?(?: template'?s?)? (?:patterns?|regex(?:es)?))\b`
	const unmatched = `(?:\bis (?:wrong|incorrect|broken)\b|\b(?:is |was |are |were )?(?:not|never) (?:being )?(?:matched|picked up|applied|triggered)\b|\b(?:does not|doesn'?t|did not|didn'?t|do not|don'?t|never|won'?t|fails? to|failed to)(?: properly| correctly| always)? (?:match|work|catch|pick|trigger|apply)\w*)`
	return []ruleSpec{
		{lit: "200", re: fn + sentenceGap + `{0,120}(?:` + only + `)|(?:` + only + `)` + sentenceGap + `{0,120}` + fn, unless: "retry", unlessAlso: append([]string{"how "}, retryWords...), cause: fe, weight: wWeak, implied: 200, layers: p},
		{lit: "pattern", re: pattern + `[^.]{0,40}?` + unmatched, unless: "50", unlessAlso: gatewayAnswerWords, cause: fe, weight: wWeak, implied: 200, layers: p},
		{lit: "regex", re: pattern + `[^.]{0,40}?` + unmatched, unless: "50", unlessAlso: gatewayAnswerWords, cause: fe, weight: wWeak, implied: 200, layers: p},
	}
}

// gatewayAnswerWords are the gateway's 5xx reason phrases, as
// gatewayAnswerPhrases spells them, for rules that must not fire beside one.
var gatewayAnswerWords = []string{"internal server error", "bad gateway", "service unavailable", "gateway timeout", "gateway time-out", "endpoint request timed out"}

// twoHundred is a 200 after the verb, with the words people put between
// ("a status code of 200", "the http 200 ok").
const twoHundred = `(?: an?| the| http| status| response| code| of)* 200\b`
