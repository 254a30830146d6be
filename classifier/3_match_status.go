package classifier

import (
	"bytes"
	"regexp"
	"strconv"
)

// verbEnd is a verb's ending in the Romance languages, accented letters
// included ("devolvió", "retornará", "renvoyé").
const verbEnd = `[\wà-ÿ]*`

// statusAdverb is a word people put between the verb and the code it
// names ("renvoie en fait 502", "antwortet eigentlich mit 502", "devuelve
// siempre 500", "retorna às vezes 502").
const statusAdverb = `(?: (?:en fait|en réalité|toujours|souvent|parfois|encore|maintenant|eigentlich|tatsächlich|immer|oft|manchmal|jetzt|nur|noch|en realidad|realmente|siempre|a veces|ahora|solo|sólo|todavía|na verdade|sempre|às vezes|agora|só|apenas|ainda))?`

// verbToCode is what may stand between a verb of getting or answering and
// the code it names: "back", "with", an article and the words that name a
// status ("sends back a 502", "returned with status code 404").
const verbToCode = `(?: back)?(?: with)?(?: an?| the| http| status| code| error| response| a status code| status code){0,3} ["'(\x60]?`

// statusPhrases find a status code where a client or a person shows it:
// "HTTP/1.1 502", "Server error 504", "the server responded with a status of
// 502", "Unexpected server response: 502" (wscat), "502 Bad Gateway",
// "returns a 504", "error 500" (the code also in quotes or markdown's
// backticks, \x60 in the patterns), and the same in Japanese, Chinese,
// Portuguese, Korean, Spanish, German and French. Each has one group: the
// code; codeShown drops a match that is a count or part of a larger
// number. Matching runs on the lower-cased line.
var statusPhrases = append([]*guardedRegexp{
	guard(`(?:^|[^\w.])http/\d(?:\.\d)? ([1-5]\d\d)\b`),
	guard(`unexpected server response:? \(?([1-5]\d\d)\b`),
	guard(`\bstatus(?: code)?(?: of| is| was|:|=| -| \|)? ?["\x60']?([1-5]\d\d)\b`), // (" |": a markdown table's cell)
	// the same with a colon after the verb ("status code was: 502", as
	// Karate and many scripts print it), a 4xx or 5xx only: "Status code
	// was: 127" is also how a process's exit is reported
	guard(`\bstatus(?: code)? (?:was|is): ?["\x60']?([45]\d\d)\b`),
	guard(`\b(?:server|http|client|aws http) error:? [(\x60'"]?([45]\d\d)\b`),
	// (and "an error of 413", "an error code of 403")
	guard(`\b(?:errors?|erros?|code|código|http|status code)(?: of)?[ :]+[\x60'"]?([45]\d\d)\b`),
	// (the code and its reason phrase joined by a colon or a dash too:
	// Cypress's "> 502: Bad Gateway" of a cy.request() that failed on its
	// status, "403 - Forbidden")
	guard(`\b([1-5]\d\d)[\x60'"]?(?::| -)? \(?(?:internal server error|internal errors?|bad gateway|service unavailable|gateway time-?out|forbidden|unauthorized|not found|gone|too many requests|bad request|ok)\b`),
	// the reason phrases of the other 4xx a client may get, after a code,
	// as RFC 9110's section 15 names them and the clients' status tables
	// word them: Node's http.STATUS_CODES and Spring's HttpStatus ("413
	// Payload Too Large", "422 Unprocessable Entity"), Go's net/http
	// StatusText and Python's http.HTTPStatus before 3.13 ("413 Request
	// Entity Too Large"), Python 3.13 ("413 Content Too Large"); API
	// Gateway answers 413 and 415 itself (REQUEST_TOO_LARGE,
	// UNSUPPORTED_MEDIA_TYPE), a proxy integration passes the others on
	guard(`\b([45]\d\d)[\x60'"]?(?::| -)? \(?(?:method not allowed|request time-?out|conflict|(?:payload|request entity|content) too large|(?:request-)?uri too long|unsupported media type|unprocessable (?:entity|content))\b`),
	// the code right before the body it came with, the gateway's
	// {"message": ...} (a status and its body as people and scripts print
	// a response: "Intermittent \x60500 {"message":"Internal Server
	// Error"}\x60 to the client", aws/aws-lambda-web-adapter issue 830;
	// "504 {"message": "Endpoint request timed out"}")
	guard(`(?:^|[^\w.:/-])([1-5]\d\d)[\x60'"]?:? ?\{\s*["']?message["']?\s*:`),
	// the code before the error type an AWS SDK names ("410 GoneException",
	// "429 TooManyRequestsException")
	guard(`\b([45]\d\d)[\x60'"]? \(?(?:gone|forbidden|unauthorized|notfound|badrequest|toomanyrequests|limitexceeded|payloadtoolarge|conflict)exception\b`),
	guard(`\b(?:returns|returned|returning|gets?|got|getting|receives?|received|receiving|yields?|yielded|responds?|responded|answers?|answered|throws?|gives?|gave|giving|see|saw|seeing|shows?|showed|comes?|came|coming|sends?|sent|sending|serves?|served|serving|results? in|resulted in|resulting in|leads? to|led to|leading to|causes?|caused|causing|ends? up with|ended up with)` + verbToCode + `([1-5]\d\d)\b`),
	// (and "return" after a plural subject or a modal, "the other two
	// return 404", "both routes return 502", "hitting the API will return
	// a 500": not after "to", what code or a wish does, "a branch to return
	// 404", nor opening a line, an instruction, "Return a 200 response";
	// a denial, "they don't return 404", is codeDenied's; and a 4xx or
	// 5xx only: "the other routes return 200" is what the requests that
	// did not fail got). The characters before the space say "not to"
	// without a loop over the word, which cost long lines of many codes
	// up to a third of their speed.
	guard(`(?:[^\so]|[^\st]o|\wto)\s+return` + verbToCode + `([45]\d\d)\b`),
	// (and with the protocol's name between, "a 403 HTTP error", "the
	// 502 HTTP status code", as people and clients' messages word it:
	// Amplify Swift's "triggers a 403 HTTP Error")
	guard(`\b([45]\d\d)s?[\x60'"]? (?:error|errors|response|responses|status|code|status code|erro|response code|server error|client error|issues?|problems?|failures?|http (?:errors?|status(?: code)?|responses?|codes?))\b`),
	// client libraries that print the code in a form of their own: Ruby's
	// 'Net::HTTPFatalError: 502 "Bad Gateway"', Dio's "Http status error
	// [504]", Gatling's "status.find.in(...), found 502", and a console's
	// request line (Postman, Chrome): method, URL, then the code (and the
	// clientStatusForms, appended below)
	guard(`net::http[a-z]*: ([1-5]\d\d)\b`),
	guard(`http status error \[([1-5]\d\d)\]`),
	guard(`status\.find\.[a-z]+\(.*\), (?:but actually )?found ([1-5]\d\d)\b`),
	guard(`(?:^|\s)(?:get|post|put|delete|patch|options|head) https?://\S+ (?:net::\S+ )?([1-5]\d\d)\b`),
	// (and Chrome's network error before the status, when the request line
	// was left out: "net::ERR_FAILED 502 (Bad Gateway)"; and the protocol
	// and the code written as one word, "HTTP500")
	guard(`\bnet::err_[a-z_]+ ([1-5]\d\d)\b`),
	guard(`\bhttp([1-5]\d\d)\b`),
	// the code in parentheses after the error it names ("internal error (500)")
	// (PowerShell's "The remote server returned an error: (502) Bad Gateway.";
	// not a method call in code that sets the status, Express's
	// res.status(401), which shows nothing a client got)
	// (and after the quote that closes the error's name: an "Internal
	// Server Error" (500) in the browser)
	guard(`(?:^|[^.\w])(?:errors?|status|code)["'\x60]?:?\s*\(([1-5]\d\d)\)`),
	// (and after the JSON body the client got: `{"message": "Internal
	// server error"} (502)`)
	guard(`"\s*\}["'\x60]?\s*\(([1-5]\d\d)\)`),
	// (and after "5xx", which the code in parentheses makes precise: "76
	// intermittent 5xx (503)", an incident note's words)
	guard(`\b5xxs?\s*\(([1-5]\d\d)\)`),
	// a pretty-printed access-log record, one field a line
	guard(`^"(?:status|httpstatus)"\s*:\s*"?([1-5]\d\d)\b`),
	// (and the code in Japanese's corner brackets, 「500」エラー, 「502」が
	// 返る, and before the reason phrase written with or without the long
	// vowel mark, "「500」のサーバエラーを返却する")
	guard(`(?:^|\D)([1-5]\d\d)(?:[\x60'"]|」|』)? ?(?:エラー|が返|のエラー|ステータス|錯誤|错误|error|에러|오류|응답|상태|が出|を返|として返|の?サーバー?エラー)`),
	// a number that "becomes" or "occurs" is as often a quantity reaching
	// a value ("同時リクエストが400になると", "メモリが512になった", "요청
	// 400이 발생하면"): those verbs take a 500 to 509 alone, so that no
	// count reads as a 4xx (an all-clear) or a memory size as a 5xx
	guard(`(?:^|\D)(50\d)[\x60'"]? ?(?:になり|になる|になっ|が発生)`),
	guard(`\b(50\d)(?:가|이)? ?발생`),
	// (and "error code" before the code, as the English "error code 502":
	// Japanese エラーコード, Chinese 错误码 and 錯誤碼, 错误代码 and 錯誤代碼)
	guard(`(?:ステータス(?:コード)?|レスポンス(?:コード)?|エラーコード|狀態碼|状态码|狀態|错误码|錯誤碼|错误代码|錯誤代碼|código de status|status http)[ :：はが为為是]*([1-5]\d\d)\b`),
	// how people write it in prose: the plural ("intermittent 502s",
	// "throwing 500s"), a failure "with" a code, the code as a noun after an
	// article and before a word that cannot be a unit ("a 502 from API
	// Gateway", not "a 500 MB file"), a line opening with the code ("502
	// when calling ..."), and the verbs of Chinese and Portuguese
	guard(`\b([45]\d\d)s\b`),
	guard(`\b(?:fail(?:s|ed|ing)?|errors|errored|erroring|dies|died|ends|ended|crash(?:es|ed)?|responding|throwing)(?: out)? (?:with|on)(?: an?| the| http| status| code| error)* ["'(\x60]?([1-5]\d\d)\b`),
	guard(`(?:^|\ban? )([45]\d\d) (?:from|when|whenever|on|for|back|after|while|if|every|each|instead|because|since)\b`),
	// the code as the subject of what it does ("the 502 happens only on
	// the first request", "where does the 502 come from"): after a
	// determiner, so that a count or a size ("500 requests happen", "256
	// appears in the log") is none. (A code that "went away" is a fix's
	// words: TestConsoleFixNamesTheInvokePermission.)
	guard(`\b(?:the|a|an|this|that|these|those|same|occasional|intermittent|random|sporadic)\s([45]\d\d)s? (?:(?:only|still|always|also|then|now|sometimes|again|just|randomly|intermittently) )?(?:happen(?:s|ed|ing)?|occur(?:s|red|ring)?|appear(?:s|ed|ing)?|show(?:s|ed)? up|persist(?:s|ed)?|come(?:s)? (?:from|back|up)|came (?:from|back|up)|(?:is|was|are|were|gets?|got) (?:returned|thrown|raised|sent))\b`),
	// the gateway refusing a request and the code it refused it with ("API
	// Gateway rejects the message with a 413"); with the gateway as the
	// verb's subject, so that a design ("we reject bad input with a 400")
	// or a wish in the passive ("so that it is not rejected with a 403")
	// is none (the proseForms read any subject's 5xx)
	guard(`\b(?:api ?gateway|apigw|the gateway)\b[^.;]{0,20}? reject(?:s|ed) [^.;]{0,40}?\bwith(?: an?| the| http| status| code| error){0,3} ["'(\x60]?([1-5]\d\d)\b`),
	guard(`\b(?:response|return|result|error) code(?: is| was| of|:|=)? ?["'\x60]?([1-5]\d\d)\b`),
	guard(`(?:回傳|傳回|返回|回應|回应|響應|响应|得到|收到|出现|出現|遇到|碰到)[^0-9。]{0,8}([1-5]\d\d)\b`),
	// 报 ("reports") right before its code: the character opens many
	// other words (报警 an alarm, 报文 a message, 报表 a report) that a
	// threshold or a size follows
	guard(`(?:报|報)(?:错|錯)?了?[\s:：]*["'\x60]?([1-5]\d\d)\b`),
	// (a verb's ending may be accented: "retornará", "devolvió")
	guard(`\b(?:retorn` + verbEnd + `|receb` + verbEnd + `|devolv` + verbEnd + `|respond` + verbEnd + `|toma\w*|tomo|tomei|tomou|deu|dá|dando)` + statusAdverb + `(?: (?:o|a|um|uma|com|erro|status|código|http))* ["'\x60]?([1-5]\d\d)\b`),
	// the other languages AWS publishes its articles in, as their editions
	// word the status ("HTTP-Statuscode 502", "HTTP-502-Fehler", "code
	// d'état HTTP 502", "código de estado HTTP 502", "502 상태 코드를
	// 반환합니다") and people write it ("Fehler 502", "erreur 502", "devuelve
	// 502", "obtengo un 502", "bekomme einen 502", "me da un 502", "me sale un
	// 502", "responde con 502", "gibt 502 zurück", "antwortet mit 502",
	// "répond 502")
	// (Korean writes the code after "status code", "response code" and
	// "error code" with a particle or without the space, as the Japanese
	// above: "상태 코드는 502", "응답 코드가 502", "상태코드 502", "오류 코드
	// 502", "에러 코드 502", as the Korean edition of the knowledge-center
	// article on REST API status codes writes "기본 응답 상태 코드는 200입니다")
	guard(`(?:\b(?:fehler(?:code)?|statuscode|erreurs?|code d'(?:état|erreur)|code de statut|c[oó]digo de (?:estado|error))|(?:상태|응답|오류|에러) ?코드(?:가|는|은|이)?)[ :-]*["'\x60]?([1-5]\d\d)\b`),
	guard(`\b([45]\d\d)[ -]?fehler`),
	guard(`\bhttp-([45]\d\d)(?:[^\w.]|$)`), // not a page's file name (http-404.html)
	// the protocol and the code joined by a slash ("a \"Server Error\"
	// (HTTP/500)", "it answered HTTP/502."), which no protocol version
	// is; not a path's segment ("/http/500/...") or a file's name
	guard(`(?:^|[^\w/])http/([45]\d\d)(?:[^\w./]|\.(?:\s|$)|$)`),
	guard(`\b([1-5]\d\d)(?:가|를|을|이)? ?(?:반환|뜨|뜹|떠|떴)`),
	// (German puts the subject after the verb when the sentence opens with
	// something else: "nach 29 Sekunden bekomme ich einen 504", "dann
	// antwortet API Gateway mit 502"; a Spanish or French ending may be
	// accented: "devolvió", "recibí", "renvoyé")
	guard(`\b(?:devuelv` + verbEnd + `|devolv` + verbEnd + `|recib` + verbEnd + `|obt[ei]n` + verbEnd + `|obtuv` + verbEnd + `|renvo` + verbEnd + `|re[çc]oi\w*|liefer[tn]|bekomm\w*|erh[äa]lt\w*|da|dan|sale|salen|respond` + verbEnd + `|contest` + verbEnd + `|gibt|gab|antwort\w*|r[ée]pond\w*|j'ai)(?: (?:ich|wir|man|es|sie|(?:das |der |die )?api(?: ?gateway)?))?` + statusAdverb + `(?: (?:un|una|el|la|le|une|einen|ein|eine|den|con|mit|avec|error|erreur|fehler|c[oó]digo|code|status|estado|http))* ["'\x60]?([1-5]\d\d)\b`),
}, compileAll(clientStatusForms)...)

// clientStatusForms are forms only a client library prints a status it got
// in, each as its source writes it, with one group: the code. A line in one
// of them is the client's (clientMarks holds them), and shows that code.
var clientStatusForms = []string{
	`\b([1-5]\d\d), message='`,                      // aiohttp ClientResponseError
	`^response\{protocol=[^,]*, code=([1-5]\d\d)\b`, // OkHttp's Response printed
	// and the exception OkHttp's recipes throw for an answer that is no
	// 2xx, IOException("Unexpected code " + response)
	`\bunexpected code response\{protocol=[^,]*, code=([1-5]\d\d)\b`,
	// and OkHttp's HttpLoggingInterceptor (okhttp3/logging), which logs each
	// response as "<-- 502 https://... (45ms)", the reason phrase before
	// the URL where HTTP/1.1 sent one, behind Android's logcat tag. It logs
	// every call, an app's successful ones too (its banners, its
	// settings, a cached image's 304), so a pasted logcat's 2xx and 3xx
	// lines are other calls' answers, not the failed one's: only 4xx and
	// 5xx are read
	`(?:^|\s)<-- ([45]\d\d)(?: [a-z][a-z' -]*)? https?://`,
	`^http\.codes\.([1-5]\d\d)\b`,                          // Artillery's counters
	`^\s*\[([1-5]\d\d)\]\s+\d+ responses`,                  // hey's status distribution
	`<response \[([1-5]\d\d)\b`,                            // Python requests' and httpx's Response printed (pytest's "where 502 = <Response [502]>.status_code" too)
	`response status code was unacceptable: ([1-5]\d\d)\b`, // Alamofire
	// Amplify's APIError.httpStatusError (Swift, and Flutter's ApiException
	// on iOS): "The HTTP response status code is [404]."
	`\bthe http response status code is \[([1-5]\d\d)\]`,
	// Java's java.net.http HttpResponse printed: "(GET https://...) 502"
	`^\((?:get|post|put|delete|patch|head|options) https?://\S+\) ([1-5]\d\d)\b`,
	// ofetch's FetchError (Nuxt's $fetch): "[GET] \"https://...\": 502 Bad Gateway"
	`\[(?:get|post|put|delete|patch|head|options)\] "[^"]*": ([1-5]\d\d)\b`,
	// the error a fetch() caller throws for a response that is not ok, as
	// MDN's fetch example words it and code adds the status to it
	// (throw new Error(\x60Network response was not ok: ${response.status}\x60),
	// printed "Error: Network response was not ok: 502 Bad Gateway")
	`network response was not ok[:,]? ?\(?([1-5]\d\d)\b`,
	// Laravel's HTTP client RequestException: "HTTP request returned status code 502"
	`http request returned status code ([1-5]\d\d)\b`,
	// Angular's HttpErrorResponse (packages/common/http/src/response.ts):
	// "Http failure response for <url>: 502 Bad Gateway", the reason
	// phrase "OK" or none where HTTP/2 sent none
	`\bhttp failure response for (?:\S+|\(unknown url\)): ([1-5]\d\d)\b`,
	// Tornado's HTTPClientError: "HTTP 502: Bad Gateway"
	`httpclienterror: http ([1-5]\d\d): `,
	// a response object with its status text beside the code: a HAR
	// entry's response, jQuery's jqXHR and Angular's HttpErrorResponse as
	// JSON.stringify or the console prints them
	`"?status"?\s*:\s*"?([1-5]\d\d)\b[^{}]{0,80}\bstatustext\b`,
	// the test of an authorizer (`aws apigateway test-invoke-authorizer`,
	// the TestInvokeAuthorizer API): "clientStatus", the status the client
	// would have got (0, which is no code, when the authorizer allowed it)
	`^\{?\s*"clientstatus"\s*:\s*([1-5]\d\d)\b`,
}

// dotNetResponse is .NET's HttpResponseMessage printed ("StatusCode: 502,
// ReasonPhrase: 'Bad Gateway', ..."), a client's line.
const dotNetResponse = `^statuscode: ([1-5]\d\d), reasonphrase:`

// compileAll compiles each pattern.
func compileAll(patterns []string) []*guardedRegexp {
	res := make([]*guardedRegexp, len(patterns))
	for i, p := range patterns {
		res[i] = guard(p)
	}
	return res
}

// notClientStatus are contexts where a code is not what the client got: an
// AWS call behind the integration ("Status Code: 503; Error Code: ..."), a
// Lambda proxy response the function built, Lambda's own answer to the
// gateway ("Lambda execution failed with status 200"), the backend's
// answer to the gateway ("Received response. Status: 200", "Endpoint
// Response Status Code: 200" of a failed output mapping), a process's exit
// status ("Runtime exited with error: exit status 137"), a metric name, or
// Tornado's code 599, which its HTTP client uses when no HTTP response
// came ("HTTP 599: Timeout during request"), or a count of no 5xx at all
// (bombardier's "HTTP codes: 1xx - 0, 2xx - 9000, ..., 5xx - 0"), or
// the 101 a WebSocket client wanted before the status it names
// (coder/websocket's dial.go: "expected handshake response status code
// 101 but got 403"), or the browser's developer tools failing to load a
// source map (Firefox's "Source map error: Error: request failed with
// status 404"), which no page's request asked the API for.
// Each context takes its code with it: what is cut must leave no "http"
// before a bare code ("httpStatusCode: 403" of an AWS SDK for JavaScript
// error's $metadata, the function's own call, is not "http 403").
var notClientStatus = guard(`; status code: \d{3}; error code|exit (?:status|code):? \d+|"statuscode"\s*:\s*\d*|\w*statuscode:\s*\d*|\dxxerror|(?:execution|invocation) failed with status:? \d{3}|received response\. status: \d{3}|endpoint response status code: \d{3}|integration ?status:? \d{3}|\bhttp 599: |\b5xx\s*[-:=]\s*0(?:$|[^.,\d])|expected handshake response status code 101\b|^source map error: .*`)

// sdkResponseError is the AWS SDK for Go's wording of the status the
// service it called answered ("https response error StatusCode: 502,
// RequestID: ...", a 5xx of which clientStatus alone keeps), and
// .NET's HttpResponseMessage printed ("StatusCode: 502, ReasonPhrase: 'Bad
// Gateway', ..."), which notClientStatus would otherwise take for a
// function's statusCode, and the exception of the client API Gateway
// generates for an API (aws-sdk-android's apigateway-core: ApiClientHandler
// throws ApiClientException with the status it got, its message worded by
// AmazonServiceException: "<body> (Service: <api>; Status Code: 403; Error
// Code: null; Request ID: ...)"), a call to the API itself, which
// notClientStatus would take for an AWS call behind the integration.
var sdkResponseError = []*guardedRegexp{
	guard(`response error statuscode: ([1-5]\d\d)\b`),
	guard(dotNetResponse),
	guard(generatedClientException + `.*\(service: [^;]*; status code: ([1-5]\d\d); error code`),
	guard(executeAPIException + `([1-5]\d\d); error code`),
}

// executeAPIException is AmazonServiceException's wording (the AWS SDK for
// Java 1.x's, which Java clients of an API built on it reuse) of an
// answer from execute-api, the service name a deployed API is signed and
// called under: a client's call to the API itself, and the status it got
// ("... (Service: execute-api; Status Code: 403; Error Code:
// InvalidSignatureException; ...)").
const executeAPIException = `\(service: execute-api; status code: `

// generatedClientException is the exception API Gateway's generated
// Android and Java client throws for an answer that is no 2xx.
const generatedClientException = `mobileconnectors\.apigateway\.apiclientexception`

// metricRose is API Gateway's 5XXError metric said to have risen ("the
// 5XXError metric spiked", "an increase in 5XXError", "the 5XXError alarm
// fired"): the metric counts the 5xx answers the API sent, so its rise
// shows that clients got some. The metric's name alone is no answer
// (dashboards, alarm definitions and notClientStatus's "5xxerror").
var metricRose = regexp.MustCompile(`\b(?:spike[sd]?|spiking|increase[sd]?|increasing|jump(?:s|ed)?|surge[sd]?|rise|rose)\b[^.]{0,30}\b5xxerror|\b5xxerror\b[^.]{0,40}\b(?:spike[sd]?|spiking|increase[sd]|increasing|jump(?:s|ed)|surge[sd]|surging|rose|rising|went up|goes up|fired|triggered|in alarm|elevated)\b`)

// statusPhraseWords are the gateway's standard bodies and reason phrases
// without a code, in the four languages of the remediation catalog and the
// other languages AWS publishes its articles in (Korean, Spanish, French,
// German), with the status they mean. A REST API's "Internal server error"
// is sent for 500 and 502 alike, so it only says "some 5xx".
var statusPhraseWords = []struct {
	phrase []byte
	code   int
	// notAfter: the phrase right after it is another idea ("API Gateway
	// timeout" is the gateway's time limit, not the 504 reason phrase)
	notAfter []byte
}{
	{[]byte("internal server error"), implied5xx, nil},
	{[]byte("5xx"), implied5xx, nil},
	// the class as people also write it, "50x errors" (nginx's error page
	// for 500-504 is named 50x.html): only before the words of an answer,
	// for "50x" alone is as often a factor ("a 50x speed-up")
	{[]byte("50x error"), implied5xx, nil},
	{[]byte("50x response"), implied5xx, nil},
	{[]byte("50x status"), implied5xx, nil},
	{[]byte("50x code"), implied5xx, nil},
	// (not English "server error" alone: no gateway body or reason phrase
	// is worded so, and an application's own message for any failed call
	// is, "Server error. Please try again later."; with a code, requests'
	// "502 Server Error: Bad Gateway" and reqwest's "HTTP status server
	// error (502 Bad Gateway)", the code shows the status)
	{[]byte("サーバーエラー"), implied5xx, nil},
	// (Japanese also writes サーバ without the long vowel mark, as the
	// reason phrase's other order below, サーバ内部エラー)
	{[]byte("サーバエラー"), implied5xx, nil},
	{[]byte("伺服器錯誤"), implied5xx, nil},
	{[]byte("服务器错误"), implied5xx, nil},
	{[]byte("erro de servidor"), implied5xx, nil},
	{[]byte("erro no servidor"), implied5xx, nil},
	{[]byte("内部サーバーエラー"), implied5xx, nil},
	{[]byte("內部伺服器錯誤"), implied5xx, nil},
	{[]byte("内部服务器错误"), implied5xx, nil},
	{[]byte("erro interno do servidor"), implied5xx, nil},
	{[]byte("내부 서버 오류"), implied5xx, nil},
	// the same reason phrase in the other order, as the Chinese and
	// Japanese message tables of web frameworks and applications name a
	// 500 ("服务器内部错误", "伺服器內部錯誤", "サーバー内部エラー", and the
	// Japanese written without the long vowel mark, "サーバ内部エラー")
	{[]byte("服务器内部错误"), implied5xx, nil},
	{[]byte("伺服器內部錯誤"), implied5xx, nil},
	{[]byte("サーバー内部エラー"), implied5xx, nil},
	{[]byte("サーバ内部エラー"), implied5xx, nil},
	{[]byte("error interno del servidor"), implied5xx, nil},
	// French and German, as the HTTP API article's editions and people
	// write them ("Erreur interne du serveur", "interner Serverfehler")
	{[]byte("erreur interne du serveur"), implied5xx, nil},
	{[]byte("erreur de serveur"), implied5xx, nil},
	{[]byte("erreur serveur"), implied5xx, nil},
	{[]byte("serverfehler"), implied5xx, nil},
	{[]byte("service indisponible"), 503, nil},
	{[]byte("dienst nicht verfügbar"), 503, nil},
	{[]byte("bad gateway"), 502, nil},
	{[]byte("不正なゲートウェイ"), 502, nil},
	{[]byte("錯誤的閘道"), 502, nil},
	{[]byte("错误的网关"), 502, nil},
	{[]byte("gateway inválido"), 502, nil},
	{[]byte("잘못된 게이트웨이"), 502, nil},
	{[]byte("サービス利用不可"), 503, nil},
	{[]byte("服務無法使用"), 503, nil},
	{[]byte("服务不可用"), 503, nil},
	{[]byte("serviço indisponível"), 503, nil},
	{[]byte("서비스를 사용할 수 없음"), 503, nil},
	{[]byte("servicio no disponible"), 503, nil},
	{[]byte("ゲートウェイタイムアウト"), 504, nil},
	{[]byte("閘道逾時"), 504, nil},
	{[]byte("网关超时"), 504, nil},
	{[]byte("tempo limite do gateway"), 504, nil},
	{[]byte("게이트웨이 시간 초과"), 504, nil},
	// the knowledge-center article on 5xx errors names the statuses so in
	// its Japanese, Chinese and Portuguese editions ("Endpoint request
	// timed out" is the REST 504's body)
	{[]byte("不正ゲートウェイ"), 502, nil},
	{[]byte("錯誤閘道器"), 502, nil},
	{[]byte("gateway incorreto"), 502, nil},
	{[]byte("サービスは利用できません"), 503, nil},
	{[]byte("エンドポイントリクエストがタイムアウト"), 504, nil},
	{[]byte("端點請求已逾時"), 504, nil},
	{[]byte("端點請求逾時"), 504, nil},
	{[]byte("端点请求超时"), 504, nil},
	{[]byte("tempo limite da solicitação do endpoint"), 504, nil},
	{[]byte("service unavailable"), 503, nil},
	{[]byte("gateway timeout"), 504, []byte("api ")},
	{[]byte("gateway time-out"), 504, []byte("api ")},
	{[]byte("endpoint request timed out"), 504, nil},
	{[]byte("missing authentication token"), 403, nil},
	// the gateway's 4xx bodies' messages quoted alone, as people quote
	// what they got ('the error message displayed is: "Unauthorized"', 'the
	// response is "Not Found"'; a body, {"error":"unauthorized"}): the
	// quotes hold the whole phrase, so that a message that only holds the
	// words ("module not found") shows nothing
	{[]byte(`"unauthorized"`), 401, nil},
	{[]byte(`"forbidden"`), 403, nil},
	{[]byte(`"not found"`), 404, nil},
	// .NET's HttpStatusCode names after "status code" (RestSharp's
	// "Request failed with status code BadGateway")
	{[]byte("status code internalservererror"), 500, nil},
	{[]byte("status code badgateway"), 502, nil},
	{[]byte("status code serviceunavailable"), 503, nil},
	{[]byte("status code gatewaytimeout"), 504, nil},
	{[]byte("status code badrequest"), 400, nil},
	{[]byte("status code unauthorized"), 401, nil},
	{[]byte("status code forbidden"), 403, nil},
	{[]byte("status code notfound"), 404, nil},
	{[]byte("status code toomanyrequests"), 429, nil},
	{[]byte("method not allowed"), 405, nil},
	// Chrome's words for a WebSocket handshake answered 401 (Chromium's
	// net/websockets: "WebSocket connection to '...' failed: HTTP
	// Authentication failed; no valid credentials available"), the code it
	// does not print
	{[]byte("http authentication failed; no valid credentials available"), 401, nil},
}

// statusShown returns the status a client or person line shows, a 5xx
// before any other code, or 0.
func statusShown(low []byte, wishes *expectedMemo) int {
	// every pattern holds a code: most prose has none, and the patterns cost
	code := hasStatusCode(low)
	if code {
		for _, re := range sdkResponseError {
			if m := re.FindSubmatch(low); m != nil {
				return leadingInt(m[1])
			}
		}
		if c := handshakeRefusalStatus(low); c != 0 {
			return c // not the 101 the client wanted
		}
	}
	best := 0
	if bytes.Contains(low, []byte("xxerror")) && metricRose.Match(low) {
		best = implied5xx
	}
	if notClientStatus.Match(low) {
		low = notClientStatus.ReplaceAll(low, nil)
	}
	low = wishes.drop(dropCheckNames(low))
	best = mergeImplied(best, jmeterReceived(low)) // its code may be split by diff marks: no three digits in a row
	best = mergeImplied(best, generatedIOSClientStatus(low))
	if code {
		low = dropEmphasis(low) // (after JMeter's "******" marks are read)
		best = firstShown(best, low, codeShown, harnessStatus, clientErrorStatus, proseStatus)
	}
	if settled5xx(best) {
		return best
	}
	low = dropTimeoutLimits(low)
	var phrases [4]uint64
	for i := range members(statusPhraseIndex.candidates(low, phrases[:0])) {
		if p := &statusPhraseWords[i]; containsNotAfter(low, p.phrase, p.notAfter) {
			best = mergeImplied(best, p.code)
		}
	}
	if bytes.Contains(low, []byte("internal error")) && gotInternalError.Match(low) {
		best = mergeImplied(best, implied5xx)
	}
	return best
}

// firstShown merges into best what each reader finds in low, the readers
// in their order of precedence, and stops at a settled 5xx, which nothing
// read after it changes: on a long line full of codes the readers after
// the first that finds one are most of its cost.
func firstShown(best int, low []byte, readers ...func([]byte) int) int {
	for _, read := range readers {
		if settled5xx(best) {
			break
		}
		best = mergeImplied(best, read(low))
	}
	return best
}

// gotInternalError is the gateway's "Internal server error" as people
// shorten it, after a verb of getting it ("I get an internal error", "the
// URL produces an Internal Error", "fail with an Internal Error message"):
// some 5xx. Not the words alone, which are as often a service's own
// message ("We encountered an internal error. Please try again.") or a
// function's failure ("the handler hit an internal error").
var gotInternalError = regexp.MustCompile(`\b(?:get|gets|got|getting|receive|receives|received|receiving|produces?|produced|producing|returns?|returned|returning|fails? with|failed with|failing with)(?: back)?(?: an?| the)? internal error\b`)

// emphasisMarks are markdown's strong emphasis, which issue templates and
// write-ups put around a label or the code itself ("**Status**: 502",
// "returning **502**", "__502__"; CommonMark's emphasis and strong
// emphasis, both delimiters).
var emphasisMarks = [][]byte{[]byte("**"), []byte("__")}

// dropEmphasis removes markdown's strong emphasis from a line, so that
// the status phrases read the words inside as written plainly. Most lines
// hold none, and keep their bytes.
func dropEmphasis(low []byte) []byte {
	if !containsAny(low, emphasisMarks) {
		return low
	}
	out := make([]byte, 0, len(low))
	for i := 0; i < len(low); i++ {
		if i+1 < len(low) && (low[i] == '*' || low[i] == '_') && low[i+1] == low[i] {
			i++
			continue
		}
		out = append(out, low[i])
	}
	return out
}

// statusPhraseIndex finds the statusPhraseWords a line may hold in one
// scan: most lines hold none, and they are many.
var statusPhraseIndex = newLitIndex(func() [][]byte {
	var out [][]byte
	for _, p := range statusPhraseWords {
		out = append(out, p.phrase)
	}
	return out
}())

// gatewayTimeoutLimit is "gateway timeout" as the name of the gateway's
// time limit, not the 504's reason phrase, as people write it of the
// integration timeout (29 seconds on a REST API, 30 on an HTTP API; the
// developer guide's quotas): with its length before or after it ("the
// 29-second gateway timeout", "a gateway timeout of 29 seconds", "the
// gateway timeout is 30s"), as a setting ("the gateway timeout limit",
// "increase the gateway timeout"). "API Gateway timeout after 30
// seconds" is the same limit, which the phrase's notAfter keeps out;
// "a gateway timeout after 29 seconds" is the answer that came.
var gatewayTimeoutLimit = regexp.MustCompile(`\b\d+(?:\.\d+)?[ -]?(?:s|secs?|seconds?|ms|milliseconds?)[ -]gateway time-?outs?\b` +
	`|\bgateway time-?outs? (?:of|is|was|at|=|:)? ?\d+(?:\.\d+)? ?(?:s|secs?|seconds?|ms|milliseconds?)\b` +
	`|\b(?:increas|rais|extend|set|chang|configur|adjust|bump|lengthen|lower|reduc)\w* (?:up )?(?:the |its |our |my |your |a )?gateway time-?outs?\b` +
	`|\bgateway time-?outs? (?:limits?|settings?|values?|periods?|durations?|configuration|quotas?)\b`)

// dropTimeoutLimits removes the gateway's time limit named "gateway
// timeout" from low (gatewayTimeoutLimit), so that only the reason
// phrase reads as a 504.
func dropTimeoutLimits(low []byte) []byte {
	if !bytes.Contains(low, []byte("gateway time")) {
		return low // most lines
	}
	return gatewayTimeoutLimit.ReplaceAll(low, nil)
}

// codeShown returns the code the status phrases find in low, a 5xx before
// any other, or 0.
func codeShown(low []byte) int {
	best := 0
	var spots codeSpots
	spotsOf(low, &spots)
	v := &lineView{b: low}
	for _, re := range statusPhrases {
		if !re.code.fits(low, &spots) {
			continue // no code where the pattern takes one
		}
		for _, m := range re.findAllSubmatchIndexIn(v, 4) {
			start, end := m[2], m[3]
			if inLargerNumber(low, start) || countFollows(low[end:]) || (low[start] < '5' && (codesDesign(low[:start]) || codeDenied(low[:start], low[end:]) || othersCode(low, start, end))) {
				continue
			}
			code, err := strconv.Atoi(string(low[start:end]))
			if err == nil {
				best = mergeImplied(best, code)
			}
		}
	}
	return best
}

// designOpening is a relative clause that says what a function was written
// to answer ("a basic handler function which returns 200 OK", "a Lambda
// that responds with 404 for unknown ids"): the code's design, not what a
// client got. Below 500 only: a 5xx said so is still a failure seen.
var designOpening = regexp.MustCompile(`\b(?:functions?|handlers?|lambdas?) (?:which|that) (?:[\w-]+ ){1,4}["'(\x60]?$`)

// codesDesign reports whether the text before a code ends in a
// designOpening and its verb.
func codesDesign(before []byte) bool {
	return (bytes.Contains(before, []byte("which ")) || bytes.Contains(before, []byte("that "))) && designOpening.Match(before)
}

// inLargerNumber reports whether the three digits at start end a larger
// number: a log line's milliseconds ("10:15:01,502 ERROR"), a decimal
// ("1.502 errors") or a thousands group. A pattern's \b sees a boundary
// after the separator, so this is checked by hand.
func inLargerNumber(low []byte, start int) bool {
	if start < 2 {
		return false
	}
	sep := low[start-1]
	return (sep == ',' || sep == '.' || sep == ':') && isDigit(low[start-2])
}

// countNouns are the words that make three digits a count, not a status:
// "got 502 items", "returned 502 rows", "返回502条数据", "502件", and the
// same in the languages whose verbs the status phrases read ("recibimos
// 500 solicitudes", "erhalte 500 Einträge", "reçois 500 requêtes",
// "recebemos 500 requisições", "Fehler 500 mal", "出现 500 多个请求"), and
// a load or a limit ("sent 500 requests", "serving 400 concurrent users",
// "leads to 500 invocations", "500%"), and a length in milliseconds in
// Japanese, Chinese and Korean ("500 ミリ秒", "500毫秒", "500밀리초").
var countNouns = regexp.MustCompile(`^(?: ?(?:` +
	`items?|rows?|records?|entries|lines|bytes|kb|mb|ms|milliseconds|seconds|times|users|messages|events|objects|files|documents|results|characters|` +
	`requests|calls|invocations|executions|connections|clients|tests|checks|transactions|concurrent|iterations|retries|attempts|workers|threads|instances|customers|orders|pages|rps|tps|qps|percent|minutes|hours|days|` +
	`solicitudes|peticiones|registros|resultados|elementos|mensajes|usuarios|filas|líneas|segundos|milisegundos|veces|eventos|archivos|llamadas|` +
	`requisições|solicitações|itens|mensagens|usuários|linhas|milissegundos|vezes|arquivos|chamadas|` +
	`anfragen|einträge|ergebnisse|zeilen|sekunden|millisekunden|mal|nachrichten|benutzer|datensätze|aufrufe|elemente|dateien|` +
	`requêtes|lignes|résultats|enregistrements|secondes|millisecondes|fois|utilisateurs|éléments|appels|fichiers|événements` +
	`)\b| ?(?:多|余|餘)?(?:条|個|个|件|行|回|次|秒|ミリ秒|毫秒|字节|개|건|번|명|초|밀리초)|%)`)

// countFollows reports whether what follows a code makes it a count.
func countFollows(after []byte) bool {
	return countNouns.Match(after)
}

// hasStatusCode reports whether low holds three digits in a row, the
// first of them 1 to 5: the code every status pattern holds.
func hasStatusCode(low []byte) bool {
	run := 0
	for _, c := range low {
		switch {
		case !isDigit(c):
			run = 0
		case run > 0 || ('1' <= c && c <= '5'):
			run++
		}
		if run == 3 {
			return true
		}
	}
	return false
}

// containsNotAfter reports whether phrase occurs in low other than right
// after notAfter (any occurrence when notAfter is empty).
func containsNotAfter(low, phrase, notAfter []byte) bool {
	for off := 0; ; {
		i := bytes.Index(low[off:], phrase)
		if i < 0 {
			return false
		}
		if !bytes.HasSuffix(low[:off+i], notAfter) || len(notAfter) == 0 {
			return true
		}
		off += i + len(phrase)
	}
}

// namesServerCode reports whether a person's line (low, lower-cased)
// names a 500 to 504 as a number of its own that no status form reads:
// "and now a 502", "still 502", "接口502", "504超时". Such a line does not
// show the status, but it keeps a person's other words from being the
// all-clear: "none" needs positive evidence of an answer below 500, and a
// person who names a 5xx beside it has not given it. A number that is a
// quantity is none of these (a unit or a count after it, "500 ms", "500
// requests"; a larger number, "10:15:01,502", "5.0.4"; a setting,
// "timeout: 504", "limit=500"; an issue's number, "#502"), nor is a
// status only wished for (dropExpected) or a code the line's code sets
// (setsStatus), nor one notClientStatus reads as no client's answer.
func namesServerCode(low []byte, wishes *expectedMemo) bool {
	if !serverCodeAlone(low) || setsStatus(low) {
		return false // most lines: the patterns below cost
	}
	if notClientStatus.Match(low) {
		low = notClientStatus.ReplaceAll(low, nil)
	}
	return serverCodeAlone(wishes.drop(dropCheckNames(low)))
}

// serverCodeAlone reports whether low holds a 500 to 504 that stands
// alone (codeStandsAlone).
func serverCodeAlone(low []byte) bool {
	for i := bytes.Index(low, []byte("50")); i >= 0 && i+3 <= len(low); {
		if c := low[i+2]; '0' <= c && c <= '4' && codeStandsAlone(low, i) {
			return true
		}
		j := bytes.Index(low[i+1:], []byte("50"))
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// codeStandsAlone reports whether the three digits at low[i:i+3] are a
// number of their own that no quantity reading explains (namesServerCode).
func codeStandsAlone(low []byte, i int) bool {
	if i > 0 && !wordBefore(low[:i]) {
		return false
	}
	after := low[i+3:] // (the plural, "502s", the prose forms read)
	if len(after) > 0 && (isWordByte(after[0]) || after[0] == '%') {
		return false
	}
	return !opensDecimal(after) && !countFollows(low[i+3:]) && !quantity(low[i:i+3], low[i+3:])
}

// wordBefore reports whether what precedes a number (before, not empty)
// leaves it a word of its own: a space, an opening quote or bracket, or a
// letter of a script written without spaces (Japanese, Chinese, Korean),
// but no digit, letter, separator of a larger number or value (".", ",",
// ":", "=", "-", "/"), currency or issue mark, nor a colon or an equals
// sign before the space or the quote ("timeout: 504", a JSON or YAML
// value, "statusCode": "500"), nor the parenthesis of a call (Express's
// res.status(500), a handler's code).
func wordBefore(before []byte) bool {
	n := len(before)
	c := before[n-1]
	switch {
	case c >= 0x80:
		return true
	case c == ' ' || c == '\t':
		t := bytes.TrimRight(before, " \t")
		return len(t) == 0 || (t[len(t)-1] != ':' && t[len(t)-1] != '=')
	case c == '"' || c == '\'':
		// (a quote that opens the line is a value whose key
		// notClientStatus cut, "statusCode": "500")
		t := bytes.TrimRight(before[:n-1], " \t")
		return len(t) > 0 && t[len(t)-1] != ':' && t[len(t)-1] != '='
	case c == '(':
		return n == 1 || !isWordByte(before[n-2])
	}
	return bytes.IndexByte([]byte("`[*"), c) >= 0
}
