package classifier

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
)

// wordRules recognise more of how people name a cause, in the languages
// AWS publishes its guides and knowledge-center articles in: the fixes
// they name (the permission resource of each deployment tool, the console
// step that adds it), the limits they hit (Lambda's 6 MB response payload,
// the integration's 29 seconds), the events they saw (the function
// throttled, timing out, failing, answering in another format) and what
// their deployment tool printed. Like personRules they weigh less than any
// AWS message; the 6 MB limit is a number programs print too, and weighs
// as the 10 MB one does.
func wordRules() []ruleSpec {
	var all []ruleSpec
	for _, part := range [][]ruleSpec{payloadWords(), throttleWords(), invokePermissionWords(), consoleFixWords(), functionTimeoutWords(), integrationTimeoutWords(), gatewayTimeoutWords(), templateWords(), malformedWords(), cleanRunWords(), functionErrorWords(), maskedWords(), failedCallbackWords(), handlerWords(), memoryWords(), deployToolWords()} {
		all = append(all, part...)
	}
	return all
}

// payloadWords: Lambda's synchronous response payload limit is 6 MB
// (6291556 bytes), below API Gateway's own 10 MB. The 6 must open the
// number: "256 MB" of memory is not it, nor a "0.6 MB" response (or a
// Portuguese "1,6 MB") that is well under the limit. Beside the number,
// the words of the Lambda guide's quotas page ("Invocation payload
// (request and response)") as its editions write them: ペイロード and
// レスポンス, 负载 and 响应 (負載, 回應, 響應), carga útil and resposta,
// carga and respuesta, 페이로드 and 응답. The words and the number share a
// sentence: "What is the maximum response size? Is it 6 MB?" asks.
func payloadWords() []ruleSpec {
	const six = `(?:^|[^\w.,]|\D[.,])6`
	const before = `(payload|response|body|limit|ペイロード|レスポンス|応答|上限|制限|负载|負載|响应|響應|回應|回应|限制|carga|resposta|respuesta|limite|límite|페이로드|응답|제한)`
	const after = `(payload|response|limit|ペイロード|レスポンス|応答|上限|制限|负载|負載|响应|響應|回應|回应|限制|carga|resposta|respuesta|limite|límite|페이로드|응답|제한)`
	p := personLayers
	var all []ruleSpec
	// the unit as the quotas page writes it, and as people do: 6 MiB
	// (6,291,456 bytes is 6 MiB, the response limit 100 bytes more) and
	// megabytes spelt out
	for _, unit := range []string{" mb", "mb", " mib", "mib", " megabytes", " megabyte"} {
		all = append(all, ruleSpec{lit: "6" + unit, re: before + sentenceGap + `{0,60}` + six + unit + `\b|` + six + unit + `\b` + sentenceGap + `{0,40}` + after, except: underSix, cause: CauseLambdaPayloadTooLarge, weight: 70})
		// a person's size over it, without those words: "an image larger
		// than 6 MB", "over 6MB", ">6mb", 6MBを超える, 6MB以上, 超过 6MB,
		// 6MB 초과 (the issues of image resizers behind API Gateway, and
		// the training reports, word the failure so)
		all = append(all, ruleSpec{lit: "6" + unit, re: overSix + `6` + unit + `\b|` + six + unit + `\s?(?:を)?(?:超|以上)|` + six + unit + `\s?(?:를|을|가|이)?\s?(?:초과|이상|넘)`, cause: CauseLambdaPayloadTooLarge, weight: wHint, layers: p})
	}
	// the limit in bytes with its thousands grouped, as people copy it
	// from the quotas or the message ("6,291,556 bytes", "6.291.456")
	for _, sep := range []string{",", ".", " "} {
		all = append(all, ruleSpec{lit: "6" + sep + "291" + sep, re: `\b6` + regexp.QuoteMeta(sep) + `291` + regexp.QuoteMeta(sep) + `[45]56\b`, cause: CauseLambdaPayloadTooLarge, weight: 70})
	}
	return append(append(all, []ruleSpec{
		// Lambda's payload limit named without its number, by people:
		// "Lambda has a hard payload limit", "the Lambda response size
		// limit", "the payload limit of AWS Lambda", "the response is too
		// large for Lambda". Lambda must be named: API Gateway has payload
		// limits of its own (10 MB, a WebSocket frame's 128 KB). An
		// invocation is the payload's only with its size or payload named
		// (the quotas page's "Invocation payload"): "the Lambda concurrent
		// invocation limit" is its concurrency.
		{lit: "lambda", re: `\blambda(?:'s)?\b[^.]{0,50}?\b(?:(?:payload|response)s? (?:size |payload )?|invocation (?:size |payload (?:size )?))(?:limit|limitation|quota|maximum|restriction)s?\b|\b(?:(?:payload|response) (?:size |payload )?|invocation (?:size |payload (?:size )?))(?:limit|limitation|quota|restriction)s? (?:of|in|on|for|from) (?:the |an? |aws |your |our )*lambda\b|\blambda(?:'s)?\b[^.]{0,30}?\bmax(?:imum)? (?:allowed )?(?:response|payload|invocation)(?: payload)? size\b`, except: gatewayPayloadLimit + `|` + underSix, cause: CauseLambdaPayloadTooLarge, weight: wHint, layers: p},
		// the same in the quotas page's other editions, Lambda named:
		// ペイロードの上限, 负载限制 (負載限制), limite de carga útil,
		// límite de carga, 페이로드 한도
		{lit: "lambda", re: `\blambda\b[^。.]{0,40}(?:ペイロード|レスポンス|応答)(?:サイズ)?(?:の)?(?:上限|制限|クォータ)|(?:ペイロード|レスポンス|応答)(?:サイズ)?(?:の)?(?:上限|制限)[^。.]{0,20}\blambda\b`, cause: CauseLambdaPayloadTooLarge, weight: wHint, layers: p},
		{lit: "lambda", re: `\blambda\b[^。.]{0,40}(?:负载|負載|响应|響應|回應|回应)(?:大小)?(?:的)?(?:限制|上限|配额|配額)`, cause: CauseLambdaPayloadTooLarge, weight: wHint, layers: p},
		{lit: "lambda", re: `\blimite (?:de |do |da )?(?:tamanho (?:de |do |da )?)?(?:payload|carga útil|resposta)[^.]{0,30}\blambda\b|\blambda\b[^.]{0,40}\blimite (?:de |do |da )?(?:tamanho (?:de |do |da )?)?(?:payload|carga útil|resposta)\b`, cause: CauseLambdaPayloadTooLarge, weight: wHint, layers: p},
		{lit: "lambda", re: `\blímite (?:de |del )?(?:tamaño (?:de |del )?)?(?:payload|carga|respuesta)[^.]{0,30}\blambda\b|\blambda\b[^.]{0,40}\blímite (?:de |del )?(?:tamaño (?:de |del )?)?(?:payload|carga|respuesta)\b`, cause: CauseLambdaPayloadTooLarge, weight: wHint, layers: p},
		{lit: "lambda", re: `\blambda\b[^.]{0,40}(?:페이로드|응답)[^.]{0,10}(?:한도|제한)`, cause: CauseLambdaPayloadTooLarge, weight: wHint, layers: p},
		{lit: "too ", re: `\b(?:response|payload|body|output)s?(?: size| payload| body)? (?:is |was |are |were |being |gets |got )?too (?:large|big)(?: for| in| from| to return from)? (?:the |an? |aws |my |our |your )*lambda\b|\blambda(?: function)?'?s? (?:response|payload|output)s? (?:is |was |are |were |being )?too (?:large|big)\b`, except: gatewayPayloadLimit, cause: CauseLambdaPayloadTooLarge, weight: wHint, layers: p},
	}...), largeAnswerWords()...)
}

// largeAnswerWords: a failure people tie to the size of what the function
// answers, without naming the limit: "a large image (PNG file > 2000x2000
// px) is causing an error", "Large PNG image error", "generate a big
// response payload" and it fails. An image resizer or a report behind a
// Lambda proxy integration fails so when its answer passes Lambda's 6 MB;
// a large upload is the request's size, which API Gateway's 10 MB limit
// answers with 413 and the function's own code may refuse, so a line about
// sending or uploading is not read. A hint: the size is the person's
// reading, not a line of the limit.
func largeAnswerWords() []ruleSpec {
	const answer = `(?:images?|pngs?|jpe?gs?|gifs?|webps?|photos?|pictures?|thumbnails?|responses?|response (?:payload|body|bodies)|payloads?|result sets?|outputs?|downloads?)\b`
	upload := []string{"upload", "request", "sending", "send ", "post "}
	var all []ruleSpec
	for _, size := range []string{"larger?", "big(?:ger)?", "huge"} {
		all = append(all, ruleSpec{lit: size[:3], re: `\b` + size + `\b(?: [\w-]+)?? ` + answer, unless: upload[0], unlessAlso: upload[1:], cause: CauseLambdaPayloadTooLarge, weight: wHint, layers: personLayers})
	}
	return append(all,
		ruleSpec{lit: "high", re: `\bhigh[- ]res(?:olution)? ` + answer, unless: upload[0], unlessAlso: upload[1:], cause: CauseLambdaPayloadTooLarge, weight: wHint, layers: personLayers},
		// the same in the catalog's other languages: 大きい画像, 大きな
		// レスポンス, 高解像度の画像, 大图片, 较大的响应, 큰 이미지, 대용량 응답,
		// imagens grandes, respuestas muy grandes
		ruleSpec{lit: "大", re: `(?:大きい|大きな|高解像度の?)(?:画像|レスポンス|応答)|(?:大|较大的?|較大的?|大尺寸的?|高分辨率的?)(?:图片|图像|圖片|圖像|响应|響應|回应|回應)`, unless: "上传", unlessAlso: []string{"上傳", "アップロード"}, cause: CauseLambdaPayloadTooLarge, weight: wHint, layers: personLayers},
		ruleSpec{lit: "이미지", re: `(?:큰|대용량|고해상도) ?이미지`, unless: "업로드", cause: CauseLambdaPayloadTooLarge, weight: wHint, layers: personLayers},
		ruleSpec{lit: "응답", re: `(?:큰|대용량) ?응답`, unless: "업로드", cause: CauseLambdaPayloadTooLarge, weight: wHint, layers: personLayers},
		ruleSpec{lit: "grande", re: `\b(?:imagens?|imágenes?|imagen|respostas?|respuestas?) (?:muito |muy |mais |más )?grandes?\b`, unless: "upload", unlessAlso: []string{"envi", "subi"}, cause: CauseLambdaPayloadTooLarge, weight: wHint, layers: personLayers},
	)
}

// underSix is a size under Lambda's limit, or the limit ruled out: "well
// under Lambda's 6 MB payload limit", "far below the 6MB response limit",
// "it is not the 6 MB payload limit", 6MB未満, 6MB以下, 小于 6MB, 不到 6MB,
// 6MB 미만: a person ruling the limit out names no failure of it.
const underSix = `\b(?:under|below|within|less than|smaller than|lower than|short of)\s(?:the\s|lambda'?s?\s|aws\s|its\s)*6\s?(?:mb|mib|megabytes?)\b|\b(?:not|isn'?t|wasn'?t|nowhere near|far from)\s(?:the\s|lambda'?s?\s|aws\s|over\s|near\s)*6\s?(?:mb|mib|megabytes?)\b|(?:^|[^\d.,])6\s?(?:mb|mib)\s?(?:未満|以下|미만|이하|以内)|(?:小于|小於|低于|低於|不到|少于|少於)\s?6\s?(?:mb|mib)`

// overSix are the words that put a size over the number after them, in
// English and Chinese: "larger than", "over", "exceeds", ">", 超过, 大于;
// and the words that round the number ("larger than ~6 MB", "over about
// 6 MB", "超过约6MB").
const overSix = `(?:(?:larger|bigger|greater|more) than|\bover|\babove|\bexceed(?:s|ed|ing)?|\bbeyond|in excess of|>|超过|超過|大于|大於|多于|多於)\s?(?:the\s)?(?:(?:~|≈|約|约|about\s|around\s|approximately\s|approx\.?\s|roughly\s|some\s)\s?)?`

// sentenceGap is a character within one sentence: a full stop, a
// question mark or an exclamation mark (and their full-width forms) ends it.
const sentenceGap = `[^.。?？!！]`

// gatewayPayloadLimit is API Gateway's limit named beside Lambda's ("API
// Gateway's payload limit is 10 MB and Lambda's ..."): taken out of the
// line first, it leaves only what is said of Lambda.
const gatewayPayloadLimit = `api ?gateway(?:'s)?[^.]{0,30}?(?:payload|response|request|body) (?:size )?(?:limit|quota)s?(?: of| is)? ?(?:10 ?mb|128 ?kb)?`

// throttleWords: people saying the function was throttled or hit its
// concurrency (Lambda answers the gateway 429, which the client sees as a
// 500). API Gateway's own throttling (its account, stage, method or usage
// plan limits) answers the client 429 before any function is called, so a
// sentence naming it is not the function's throttling: gatewayThrottling
// takes it out of the line first, and so does noThrottles, the throttling
// ruled out ("completely healthy (Throttles=0, Errors=0)", "no throttles").
func throttleWords() []ruleSpec {
	p := personLayers
	return []ruleSpec{
		{lit: "throttl", re: `\b(lambdas?|functions?|concurrency|invocations?)\b[^.]{0,40}\bthrottl(ed|ing|es)\b|\bthrottl(ed|ing)\b[^.]{0,40}\b(lambdas?|functions?|concurrency|invocations?)\b`, except: gatewayThrottling + `|` + noThrottles, cause: CauseLambdaThrottled, weight: wHint, layers: p},
		{lit: "concurrency", re: `(reserved|account|concurrent)[^.]{0,20}concurrency[^.]{0,30}(limit|reached|exceeded|exhausted)|concurrency limit`, limit: true, cause: CauseLambdaThrottled, weight: wWeak, layers: p},
		// a reserved concurrency of zero throttles every invocation (the
		// Lambda guide's concurrency page; the console's Throttle button
		// sets it), as people say it and as CloudFormation, Terraform and
		// the Serverless Framework write it
		{lit: "concurren", re: `reserved concurrency[^.]{0,30}?(?:\bto|\bof|=|:|\bis|\bwas|\bat) ?["'\x60]?(?:0|zero)\b|\b(?:0|zero) reserved concurrency|reserved_?concurrent_?executions["']?\s*[:=]\s*["']?0\b|reservedconcurrency["']?\s*[:=]\s*["']?0\b`, cause: CauseLambdaThrottled, weight: wHint, layers: p},
		{lit: "スロットリング", except: gatewayThrottling, cause: CauseLambdaThrottled, weight: wWeak, layers: p},
		{lit: "限流", except: gatewayThrottling, cause: CauseLambdaThrottled, weight: wWeak, layers: p},
		{lit: "limitação", re: `limitação[^.]{0,30}(lambda|função|simultaneidade)|(lambda|função)[^.]{0,30}limitad[ao]`, cause: CauseLambdaThrottled, weight: wWeak, layers: p},
		// the function's concurrency limit in the words of the Lambda
		// guide's editions: 同時実行数の上限, 并发上限, 並行限制, 동시성 한도,
		// límite de simultaneidad, limite de simultaneidade, limite de
		// simultanéité, Gleichzeitigkeitslimit
		{lit: "同時実行", re: `同時実行(?:数)?(?:の)?(?:上限|制限|クォータ)`, cause: CauseLambdaThrottled, weight: wWeak, layers: p},
		{lit: "上限", re: `(?:并发|並行|並發)(?:数|數)?(?:的)?上限`, cause: CauseLambdaThrottled, weight: wWeak, layers: p},
		{lit: "限制", re: `(?:并发|並行|並發)(?:数|數)?(?:的)?限制`, cause: CauseLambdaThrottled, weight: wWeak, layers: p},
		{lit: "동시", re: `동시(?:성| 실행)[^.]{0,6}(?:한도|제한)`, cause: CauseLambdaThrottled, weight: wWeak, layers: p},
		{lit: "limite de simultan", cause: CauseLambdaThrottled, weight: wWeak, layers: p},
		{lit: "mite de simultaneidad", cause: CauseLambdaThrottled, weight: wWeak, layers: p},
		{lit: "mite de concurrencia", cause: CauseLambdaThrottled, weight: wWeak, layers: p},
		{lit: "gleichzeitigkeitslimit", cause: CauseLambdaThrottled, weight: wWeak, layers: p},
		// the Spanish, French, German and Korean editions of the Lambda
		// guide's throttling pages: "limitación de la función", "la
		// función está limitada", "limitation de la fonction", "la fonction
		// est limitée" (not "limitée à 15 minutes", a duration), "die
		// Lambda-Funktion wird gedrosselt", "함수가 스로틀링되어"; each
		// with the function as the one throttled, right by the word
		{lit: "limitaci", re: `limitaci[oó]n(?: controlada)? (?:de (?:la )?)?(?:funci[oó]n|lambda|simultaneidad|concurrencia)`, cause: CauseLambdaThrottled, weight: wWeak, layers: p},
		{lit: "limitad", re: `(?:funci[oó]n|lambda)(?: de lambda| lambda)? (?:est[aá] siendo |fue |ha sido |se ha |se |est[aá] )?limitad[ao]`, cause: CauseLambdaThrottled, weight: wWeak, layers: p},
		{lit: "limit", re: `limitation (?:de (?:la |votre )?)?(?:fonction|lambda|simultanéité)|(?:fonction|lambda)(?: lambda)? (?:est|a été|était|est-elle) limitée(?:[.,;:)!?]|$| (?:[^à]|$))`, cause: CauseLambdaThrottled, weight: wWeak, layers: p},
		{lit: "drossel", re: `(?:lambda|funktion)[^.]{0,30}(?:gedrosselt|drosselung)|drosselung (?:der|von|einer) (?:lambda-)?(?:funktion|lambda)`, except: gatewayDrosselung, cause: CauseLambdaThrottled, weight: wWeak, layers: p},
		{lit: "스로틀", re: `(?:lambda|함수|람다)[^.]{0,20}스로틀`, except: `api ?gateway\s*(?:의|에서|가|는)?\s*스로틀`, cause: CauseLambdaThrottled, weight: wWeak, layers: p},
	}
}

// noThrottles is throttling ruled out: the Throttles metric at zero
// ("Throttles=0", "Throttles: 0", "0 throttles") and a negation before it
// ("no throttling", "not throttled", "without being throttled").
const noThrottles = `throttl\w*\s*[=:]\s*0\b|\b(?:0|zero|no|not|never|without)\s+(?:being\s+|been\s+|any\s+)?throttl\w*`

// gatewayDrosselung is API Gateway named as the one that throttles, in
// German ("API Gateway drosselt", "durch API Gateway gedrosselt").
const gatewayDrosselung = `api ?gateway[^.]{0,20}(?:drosselt|gedrosselt|drosselung)|drosselung (?:durch|von|bei|in) (?:der |dem )?api ?gateway`

// gatewayThrottling is API Gateway named as the one that throttles: "API
// Gateway throttling", "API Gateway is throttling the requests", "the
// stage's throttling limits", "throttled by API Gateway", "usage plan
// throttling", and the same in Japanese and Chinese ("API Gateway の
// スロットリング", "API Gateway 限流").
const gatewayThrottling = `(?:api ?gateway|apigw|usage plans?|stage|method)(?:'s)?(?: (?:is|was|are|were|has been|had been|does|did|starts?|started|kicks? in|kicked in))?(?: (?:also|now|still|not|already))?(?: (?:default|account|account-level|request|rate|burst))? throttl(?:ed|es|ing|e)?|` +
	`throttl(?:ed|ing)(?: \w+){0,3}? (?:by|at|in|on) (?:the )?(?:api ?gateway|apigw|usage plan|stage)|` +
	`api ?gateway\s*(?:の|で|が|側の|的)?\s*(?:スロットリング|限流)`

// declaredPermission is the invoke permission as code declares it:
// CloudFormation's and SAM's resource type, Terraform's resource block and
// its references, and a call of the CDK's or an SDK's.
const declaredPermission = `type["'\x60]?\s*:\s*["'\x60]?(?:aws::)?lambda::permission|resource\s+"aws_lambda_permission"|aws_lambda_permission\.[a-z_]|\.(?:grantinvoke|addpermission)\(|addpermissioncommand\(`

// ranAddPermission is the Lambda CLI's add-permission as a command line
// runs it: after a shell's prompt, or followed by its flags.
const ranAddPermission = `^(?:[$#>%] ?)?aws lambda add-permission\b.*|\badd-permission\s+--[a-z-]+.*`

// invokePermissionWords: the permission resource each tool writes for
// the gateway's call (CloudFormation's AWS::Lambda::Permission,
// Terraform's aws_lambda_permission, the CDK's grantInvoke and
// addPermission, the Lambda API's AddPermission), and the knowledge-center articles' words for it in
// Japanese, Chinese and Portuguese.
func invokePermissionWords() []ruleSpec {
	p := personLayers
	// the resource as a template or code declares it is the permission
	// being there, the opposite of its lack: only a person's sentence
	// naming it (as the fix, or as what was missing) counts, not
	// CloudFormation's "Type: AWS::Lambda::Permission", Terraform's
	// resource "aws_lambda_permission" or a reference to one, nor the
	// CDK's or an SDK's call (fn.grantInvoke(...), addPermission(...)),
	// which a line of code may read like a sentence with
	said := layersOf(LayerPerson)
	inv := CauseLambdaInvokePermission
	return []ruleSpec{
		{lit: "aws::lambda::permission", except: declaredPermission, cause: inv, weight: wWeak, layers: said},
		{lit: "aws_lambda_permission", except: declaredPermission, cause: inv, weight: wWeak, layers: said},
		{lit: "grantinvoke", except: declaredPermission, cause: inv, weight: wWeak, layers: said},
		// the Lambda API's AddPermission, as the SDKs and the CDK name it
		{lit: "addpermission", except: declaredPermission, cause: inv, weight: wWeak, layers: said},
		// the gateway's "Invalid permissions on Lambda function" as people
		// paraphrase it, and a permission error on the gateway's call
		{lit: "invalid permission", re: `invalid permissions?\b[^.]{0,30}\b(?:lambda|function)`, unless: "authori", cause: inv, weight: wHint, layers: p},
		{lit: "permission", re: `\bpermissions? (?:error|issue|problem)s? (?:when |while )?(?:invoking|calling|triggering) (?:the |my |a |your )?(?:lambda|function)`, cause: inv, weight: wWeak, layers: p},
		// the function's API Gateway trigger missing: the Lambda console
		// lists a trigger for each service its resource-based policy lets
		// invoke it ("Lambda trigger not attached with API Gateway route",
		// "the API Gateway trigger is not there"), so a route without one
		// has no permission to call the function
		{lit: "trigger", re: `\btriggers?\b[^.]{0,30}\b(?:is |was |are |were )?(?:not|never|isn'?t|wasn'?t) (?:present|attached|added|created|there|shown|showing|listed)\b[^.]{0,40}\bapi ?gateway\b|\bapi ?gateway\b[^.]{0,40}\btriggers?\b[^.]{0,30}\b(?:is |was |are |were )?(?:not|never|isn'?t|wasn'?t) (?:present|attached|added|created|there|shown|showing|listed)\b|\b(?:no |missing (?:the |an? )?)api ?gateway triggers?\b`, cause: inv, weight: wHint, layers: p},
		{lit: "呼び出し", re: `呼び出し(アクセス)?許可`, cause: inv, weight: wHint, layers: p},
		// and in the verb's dictionary form, as the same articles' editions
		// write it: "関数を呼び出すアクセス許可", "関数を呼び出すためのアクセス許可" (not
		// the authorizer's, "オーソライザーを呼び出す...")
		{lit: "を呼び出す", re: `を呼び出す(?:ための)?アクセス許可`, unless: "オーソライザー", cause: inv, weight: wHint, layers: p},
		{lit: "權限", re: `(呼叫|調用|叫用)(許可|權限)`, cause: inv, weight: wHint, layers: p},
		{lit: "权限", re: `(调用|叫用)权限`, cause: inv, weight: wHint, layers: p},
		{lit: "invocação", re: `permiss(ão|ões) de invocação`, cause: inv, weight: wHint, layers: p},
		// the same articles' Spanish, French, German and Korean editions
		// ("permiso de invocación de Lambda", "autorisation d'appel
		// Lambda", "la permission Lambda invoke", "Lambda-Aufrufberechtigung",
		// "Lambda 호출 권한", "간접 호출 권한") and their HTTP API article
		// ("n'est pas autorisé à appeler l'intégration"); Traditional
		// Chinese "未經許可調用" (invoked without permission)
		{lit: "invoca", re: `permisos? (?:de|para) (?:la )?invocaci[oó]n|permisos? (?:para|de) invocar|sin (?:el |los )?permisos?[^.]{0,30}invoca`, cause: inv, weight: wHint, layers: p},
		{lit: "autoris", re: `autorisations? (?:d'appel|d'invocation|d'invoquer|d'appeler|pour (?:appeler|invoquer))|(?:n'est pas autorisée?|n'a pas (?:les|des) autorisations nécessaires|ne dispose pas des autorisations nécessaires) (?:à|pour) (?:appeler|invoquer) (?:l'intégration|la fonction|votre fonction)`, cause: inv, weight: wHint, layers: p},
		{lit: "permission", re: `permissions? (?:lambda invoke|d'invoquer|d'appeler|d'invocation)`, cause: inv, weight: wHint, layers: p},
		{lit: "aufrufberechtigung", cause: inv, weight: wHint, layers: p},
		{lit: "berechtigung", re: `(?:keine|ohne|fehlende)[^.]{0,30}berechtigung(?:en)?[^.]{0,40}(?:aufzurufen|aufrufen|zum aufruf)|berechtigung(?:en)? zum aufrufen`, cause: inv, weight: wHint, layers: p},
		{lit: "호출", re: `(?:간접 )?호출 권한|호출할 (?:수 있는 )?권한`, cause: inv, weight: wHint, layers: p},
		// the permission missing in more of the words issue reports use:
		// the template's resource without its "AWS::" ("only the $connect
		// route gets a Lambda::Permission resource") and the permission named
		// by its action and said missing ("the lambda execute permission
		// not being in place"; one created is no fault)
		{lit: "lambda::permission", except: declaredPermission, cause: inv, weight: wWeak, layers: said},
		{lit: "permission", re: `\blambda (?:invoke|execute) permissions?\b[^.]{0,30}?\b(?:not|never|missing|wasn'?t|weren'?t|isn'?t|aren'?t)\b|\b(?:missing|no|without|lacks?|lacking|forgot)\b[^.]{0,20}?\blambda (?:invoke|execute) permissions?\b`, cause: inv, weight: wWeak, layers: p},
		{lit: "未經許可", re: `未經許可(?:調用|呼叫|叫用)`, cause: inv, weight: wHint, layers: p},
		{lit: "未经许可", re: `未经许可(?:调用|叫用)`, cause: inv, weight: wHint, layers: p},
	}
}

// consoleFixWords: choosing the function again in the integration request
// (or re-adding the trigger) makes the console add the permission the
// gateway invokes the function with, as the knowledge-center article on
// "Invalid permissions on Lambda function" shows; people write that
// re-saving, re-selecting or detaching and re-attaching the integration
// in the console fixed their 500s. Redeploying the API is another fix
// (of a stage that serves an old deployment) and is not among the verbs.
func consoleFixWords() []ruleSpec {
	p := personLayers
	inv := CauseLambdaInvokePermission
	const again = `\bre-?(?:sav(?:e|ed|es|ing)|select(?:ed|ing|s)?|attach(?:ed|ing|es)?|add(?:ed|ing|s)?|enter(?:ed|ing|s)?|cho(?:ose|se|osing)|link(?:ed|ing|s)?)\b`
	return []ruleSpec{
		{lit: "integration", re: again + `[^.]{0,40}\bintegrations?\b|\bintegrations?\b[^.]{0,40}` + again, cause: inv, weight: wWeak, layers: p},
		{lit: "trigger", re: again + `[^.]{0,40}\b(?:api gateway |apigw |api )?triggers?\b`, cause: inv, weight: wWeak, layers: p},
		{lit: "console", re: again + `[^.]{0,40}\bconsole\b`, cause: inv, weight: wWeak, layers: p},
	}
}

// functionTimeoutWords: the function reaching its own timeout, in
// Japanese, Chinese and Portuguese (English is personRules').
func functionTimeoutWords() []ruleSpec {
	p := personLayers
	to := CauseLambdaFunctionTimeout
	return []ruleSpec{
		{lit: "タイムアウト", re: `(lambda|関数)\s*(関数)?\s*(が|は)\s*タイムアウト(し|する|に)`, cause: to, weight: wHint, layers: p},
		{lit: "逾時", re: `(lambda|函數|函式)\s*(函數|函式)?\s*(執行)?逾時`, cause: to, weight: wHint, layers: p},
		{lit: "超时", re: `(lambda|函数)\s*(函数)?\s*(执行)?超时`, cause: to, weight: wHint, layers: p},
		{lit: "tempo limite", re: `(função|lambda)[^.]{0,30}(atingiu|excedeu|esgotou) o tempo limite`, cause: to, weight: wHint, layers: p},
		// Spanish, German, French and Korean, the function (not the
		// integration) named as the one that timed out, and the Lambda
		// guide's translations of "Task timed out" ("Zeitüberschreitung der
		// Aufgabe", "작업 시간 초과")
		{lit: "tiempo de espera", re: `funci[oó]n(?: de)?(?: lambda)?[^.]{0,20}(?:agot[oó]|excedi[oó]|super[oó]|alcanz[oó]) (?:el|su) tiempo de espera|se agot[oó] el tiempo de espera de la funci[oó]n`, cause: to, weight: wHint, layers: p},
		{lit: "zeitüberschreitung", re: `zeitüberschreitung (?:der|bei der) (?:lambda-)?(?:funktion|aufgabe)|(?:lambda-)?funktion (?:hat|hatte) (?:eine )?zeitüberschreitung|funktion (?:läuft|lief) in (?:eine|ein) (?:zeitüberschreitung|timeout)`, cause: to, weight: wHint, layers: p},
		{lit: "fonction", re: `fonction(?: lambda)? (?:a expiré|expire|a dépassé (?:son|le) délai|dépasse (?:son|le) délai)|délai d'(?:expiration|attente) de la fonction(?: lambda)? (?:a été )?(?:dépassé|atteint|expiré)`, cause: to, weight: wHint, layers: p},
		{lit: "시간 초과", re: `함수(?:가|의|는)? ?(?:실행 )?(?:시간 초과|제한 시간(?:을|이)? 초과)|작업 시간 초과`, cause: to, weight: wHint, layers: p},
		{lit: "타임아웃", re: `함수(?:가|의|는)? ?타임아웃`, cause: to, weight: wHint, layers: p},
	}
}

// gatewayTimeoutWords: API Gateway named as the one that timed out ("the
// API Gateway timeout", "API Gateway timed out waiting for the lambda",
// "a timeout error on API Gateway"), its limit in the milliseconds of the
// integration's timeoutInMillis ("29,000 ms"), and a call that takes
// "more than 30 seconds": the gateway gave up on its integration (its
// authorizer's timeout is not among the words). Not a request "to API
// Gateway" that timed out: the subject is the caller's request, whose own
// wait may have ended first, and the gateway that gave up answers 504.
func gatewayTimeoutWords() []ruleSpec {
	p := personLayers
	return []ruleSpec{
		{lit: "gateway", re: `\bapi ?gateway(?:'s)?(?: integration| request| hard| default| max(?:imum)?)? (?:timeouts?|time-outs?|timed out|times out|timing out)\b|\bapi ?gateway (?:to|would|will) time ?out\b|\b(?:time-?outs?|time outs?|timed out|time-?out errors?|time out errors?) (?:on|from|at|in|by|of|with) (?:the |my |our |your |an? )?(?:aws )?api ?gateway\b`, notAfter: "to ", unless: "authori", limit: true, cause: CauseIntegrationTimeout, weight: wHint, layers: p},
		{lit: "apigw", re: `\bapigw(?:'s)? (?:timeouts?|timed out|times out)\b`, limit: true, cause: CauseIntegrationTimeout, weight: wHint, layers: p},
		{lit: "29", re: `\b29,?000 ?(?:ms|milliseconds)\b`, except: timeoutSetting, limit: true, cause: CauseIntegrationTimeout, weight: wHint, layers: p},
		// a call that takes longer than the gateway waits
		{lit: "than", re: `\b(?:more|longer) than (?:29|30)[ -]?(?:seconds?|secs?|s)\b`, cause: CauseIntegrationTimeout, weight: wHint, layers: p},
		// no answer for as long as the gateway waits ("API Gateway not
		// getting a response back for nearly 30 seconds", "no response
		// within 29 seconds")
		{lit: "respon", re: `\b(?:no|not (?:getting|receiving|get|receive)|never (?:gets?|got|receives?|received)|without) (?:a |any )?(?:response|answer|reply)(?: back)? (?:for|in|within|after) (?:nearly |almost |about |around |roughly |over |more than )?(?:29|30)[ -]?(?:seconds?|secs?|s)\b`, cause: CauseIntegrationTimeout, weight: wHint, layers: p},
	}
}

// templateWords: a mapping template (VTL, the Velocity Template Language
// API Gateway's request and response templates are written in) named as
// invalid or wrong: the gateway fails to transform the request or the
// response with it and answers 500.
func templateWords() []ruleSpec {
	p := personLayers
	const tmpl = `\b(?:vtl|velocity(?: template)?|(?:body )?mapping templates?|request templates?|response templates?|requesttemplates|responsetemplates)\b`
	return []ruleSpec{
		// (not an integration response's selection pattern named wrong:
		// that maps a function's error to a status, or fails to)
		{lit: "templat", re: tmpl + `[^.]{0,40}?\b(?:is |was |are |were |has |had |contains? |with )?(?:an? )?(?:invalid|wrong|incorrect|broken|malformed|not valid|syntax errors?)\b|\b(?:invalid|broken|malformed|incorrect|wrong) ` + tmpl, unless: "pattern", cause: CauseMappingTemplateError, weight: wHint, layers: p},
		// a MOCK integration has no backend: the only 5xx it answers is its
		// template's (a request template without a statusCode, none for the
		// request's content type, a binary body it cannot convert), as a
		// person names the integration in English or picks it in a Korean or
		// Japanese console walk-through ("Mock을 선택", "Mockを選択")
		{lit: "mock", re: `\bmock ?integrations?\b|\bmock\b[^.]{0,30}\bintegration\b|\bintegration (?:type )?(?:is |of |: ?)?["'\x60]?mock\b|\bmock(?:을|를|으로|로|を|で)`, cause: CauseMappingTemplateError, weight: wWeak, layers: p},
		{lit: "vtl", re: `\b(?:invalid|broken|malformed|incorrect|wrong) vtl\b|\bvtl\b[^.]{0,40}?\b(?:is |was |are |were |has |had )?(?:an? )?(?:invalid|wrong|incorrect|broken|malformed|not valid|syntax errors?)\b`, cause: CauseMappingTemplateError, weight: wHint, layers: p},
	}
}

// integrationTimeoutWords: the integration's 29-second limit (the API
// Gateway guide's quotas, in each of its editions) as a bare number of
// seconds in German, French, Spanish, Portuguese and Korean; the words
// around it in English, Japanese, Chinese, Portuguese and Spanish are
// personRules'. A Korean "초" that opens "초과" (exceeds) is no second.
func integrationTimeoutWords() []ruleSpec {
	p := personLayers
	it := CauseIntegrationTimeout
	return []ruleSpec{
		{lit: "sekunden", re: `\b(?:29|30) ?sekunden`, limit: true, cause: it, weight: wHint, layers: p},
		{lit: "secondes", re: `\b(?:29|30) ?secondes`, limit: true, cause: it, weight: wHint, layers: p},
		{lit: "segundos", re: `\b(?:29|30) ?segundos`, limit: true, cause: it, weight: wHint, layers: p},
		{lit: "초", re: `(?:^|\D)(?:29|30) ?초(?:[^과]|$)`, limit: true, cause: it, weight: wHint, layers: p},
	}
}

// unreachedLimits removes from low the sentences that name a limit without
// it being reached: as a setting with its value ("the integration timeout
// is 29 seconds", "the account concurrency limit is 1000", "the payload
// size limit of 10 MB", "o tempo limite está configurado em 15 minutos"),
// or with what was measured under it ("our requests take about 2 seconds,
// well under the 29 second limit", "a requisição leva uns 2 segundos",
// "只需要大约 2 秒", "約 2 秒で終わります"). Every request of the API has
// such a limit; only one that ran into it shows the limit's failure, so a
// sentence that says it was reached ("exceeds the 10 MB limit", "hit the
// 29 second timeout", "took longer than 29 seconds", "a função demora 40
// segundos", a 413 or a 5xx) is kept.
func unreachedLimits(low []byte) []byte {
	if !limitMarks.any(low) {
		return low
	}
	var spans [][]int
	for s := 0; s < len(low); {
		e := sentenceEnd(low, s)
		if sent := low[s:e]; limitWords(sent) && (limitSetting.Match(sent) || measuredUnder(sent)) && !limitReached.Match(sent) && !measuredOver(sent) {
			spans = append(spans, []int{s, e})
		}
		s = e
	}
	return dropSpans(low, spans, func([]int) bool { return false })
}

// limitWords reports whether a sentence may name a limit's value or one
// under it: each pattern needs a digit, but underLimit's "below any
// limits".
func limitWords(sent []byte) bool {
	return bytes.ContainsAny(sent, "0123456789") || bytes.Contains(sent, []byte("limit"))
}

// limitMarks are the literals a sentence naming a limit's setting or a
// value under it holds.
var limitMarks = newLitIndex([][]byte{[]byte("limit"), []byte("timeout"), []byte("concurrency"), []byte("maximum"), []byte("quota"),
	[]byte("set to"), []byte("configured"), []byte("configurado"), []byte("under "), []byte("below "), []byte("within "), []byte("less than "),
	[]byte("take"), []byte("took"), []byte("leva"), []byte("demora"), []byte("tarda"), []byte("需要"), []byte("耗时"), []byte("耗時"), []byte("秒で"), []byte("秒程度で"),
	[]byte("超时"), []byte("逾時"), []byte("限制"), []byte("上限"), []byte("タイムアウト"), []byte("制限")})

// limitSetting is a limit given its value as a setting is: "the
// integration timeout is 29 seconds", "the account concurrency limit is
// 1000", "a payload size limit of 10 MB", "throttling is set to 10000", in
// English, Portuguese, Spanish, Chinese and Japanese.
var limitSetting = regexp.MustCompile(`\b(?:timeouts?|time ?limits?|limits?|quotas?|maximum|concurrency|restrictions?)(?: (?:limit|size|value|setting))?(?: for \S+)? (?:is|are|was|were|of|=|:|at) (?:set to |configured (?:to|at|as) |only |just |about |around )?\d|\b(?:set|configured) (?:to|at|as) \d` +
	`|(?:limite|tempo limite|timeout|límite|tiempo de espera)(?: [^\s.]+){0,3}? (?:é|es|de|em|en|está configurad[oa] (?:em|en|para|a)|configurad[oa] (?:em|en|para|a)) ?\d` +
	`|(?:超时|逾時|限制|上限|并发|並發)(?:时间|時間)?(?:设置|設定|设定)?(?:为|為|是)\s?\d|(?:タイムアウト|制限|上限)(?:値)?(?:は|を)\s?\d+\s?(?:秒|分|mb)(?:に設定|です|でした)`)

// limitReached are the words of a limit reached or of a request failing
// on it, in the same languages: a sentence holding them names the event.
var limitReached = regexp.MustCompile(`\b(?:exceed\w*|over|above|beyond|past|longer|more than|larger|bigger|greater|too (?:large|big|long|slow)|hit|hits|hitting|reach\w*|fail\w*|errors?|timed out|times out|timing out|cut off|killed|413|5\d\d)\b` +
	`|ultrapass\w*|exced\w*|excede\w*|超过|超過|超出|超时了|逾時了|超え|を超|達し|失败|失敗|错误|錯誤|エラー`)

// measuredValue is a request's duration as a person measured it: "take(s)
// about 2 seconds", "run in 800 ms", "leva uns 2 segundos", "需要大约 2
// 秒", "約 2 秒で終わります"; its first group is the number, its second
// the unit.
var measuredValue = regexp.MustCompile(`\b(?:takes?|took|taking|runs? in|ran in|finish(?:es|ed)? in|complete[sd]? in|respond(?:s|ed)? in|returns? in|lasts?)\b(?: [a-z]+){0,2}? (?:about |around |roughly |approximately |only |just |under |less than |~)*(\d+(?:[.,]\d+)?) ?(ms|milliseconds?|s|secs?|seconds?)\b` +
	`|\b(?:leva|levam|demora|demoram|tarda|tardan|dura|duram)\b(?: [^\s\d.]+){0,2}? (\d+(?:[.,]\d+)?) ?(ms|s|segundos?)\b` +
	`|(?:需要|耗时|耗時|用时|用時|花费|花費)(?:大约|大約|约|約|只要|仅|僅)?\s?(\d+(?:\.\d+)?)\s?(毫秒|秒|ms|s)` +
	`|(?:約|およそ)?\s?(\d+(?:\.\d+)?)\s?(ミリ秒|秒|ms)(?:程度|ほど|くらい|ぐらい)?で(?:終わ|完了|返|応答|処理)`)

// measuredUnder reports whether a sentence measures a request under the
// gateway's 29 seconds, or puts a value under a limit ("well under the 29
// second limit", "far below the 10 MB payload limit").
func measuredUnder(sent []byte) bool {
	if underLimit.Match(sent) {
		return true
	}
	for _, m := range measuredSeconds(sent) {
		if m < 29 {
			return true
		}
	}
	return false
}

// measuredOver reports whether a sentence measures a request at or over
// the gateway's 29 seconds ("a função demora 40 segundos").
func measuredOver(sent []byte) bool {
	for _, m := range measuredSeconds(sent) {
		if m >= 29 {
			return true
		}
	}
	return false
}

// measuredSeconds are the durations measuredValue finds, in seconds.
func measuredSeconds(sent []byte) []float64 {
	var out []float64
	for _, m := range measuredValue.FindAllSubmatch(sent, -1) {
		for g := 1; g+1 < len(m); g += 2 {
			if m[g] == nil {
				continue
			}
			n, err := strconv.ParseFloat(strings.Replace(string(m[g]), ",", ".", 1), 64)
			if err != nil {
				continue
			}
			if u := string(m[g+1]); u == "ms" || strings.HasPrefix(u, "milli") || u == "毫秒" || u == "ミリ秒" {
				n /= 1000
			}
			out = append(out, n)
		}
	}
	return out
}

// underLimit is a value put under a limit: "well under the 29 second
// limit", "far below the 10 MB payload limit", "within the 29 seconds".
var underLimit = regexp.MustCompile(`\b(?:under|below|within|less than|short of|nowhere near|far from)\s(?:the\s|api gateway'?s?\s|its\s|any\s)*(?:(?:29|30)[ -]?(?:seconds?|secs?|s)|10\s?(?:mb|mib|megabytes?)|limits?)\b`)
