package classifier

// proseForms are more of the ways people write the status they got, each
// behind its literals: a failure and its code ("failed: 502", "request
// failed (502)", "the lambdas were failing (500)"), a response and its code
// ("Response: 502"), a timeout and its code ("504 timeout", "timeout 504",
// "Gateway Timeouts (504)"), and
// the code after the part of the API that answered it, as issue titles put
// it ("API Gateway 502", "APIGW 502 with Lambda proxy", "Lambda proxy
// integration 502"). The last two take a 500 to 509 only: "API 443" is a
// port and "a 500 timeout" a setting as often as a status. A timeout and a
// number after a colon is a setting, not a status: axios's and fetch
// wrappers' "timeout: 500" (milliseconds), a serverless.yml's or SAM
// template's "Timeout: 500" (seconds).
var proseForms = []litForm{
	form(`\bfail(?:ed|ure|s|ing)?(?:: ?| \()["'\x60]?([1-5]\d\d)\b`, "fail"),
	form(`\bresponse: ["'\x60]?([1-5]\d\d)\b`, "response:"),
	form(`\b(50\d)[ -]time-?outs?\b`, "time"),
	form(`\btime-?outs? \(?(50\d)\b`, "time"),
	// the same in Japanese, Chinese and Korean ("504タイムアウト", "タイム
	// アウト(504)", "接口超时 504", "504超时", "逾時 504", "504 타임아웃",
	// "시간 초과 504"), the words AWS's editions use for a timeout; a
	// length after it ("超时 500ms") is a setting, which countFollows drops
	form(`(?:^|\D)(50\d) ?(?:タイムアウト|超时|超時|逾时|逾時|타임아웃|시간 초과)`, cjkTimeoutWords...),
	form(`(?:タイムアウト|超时|超時|逾时|逾時|타임아웃|시간 초과) ?[(（]?(50\d)(?:\D|$)`, cjkTimeoutWords...),
	form(`\b(?:api ?gateway|apigw|api|gateway|endpoint|integration|lambda)s?:? ["'\x60]?(50\d)\b`, "api", "gateway", "endpoint", "integration", "lambda"),
	// (and the code before the gateway that sent it: "504 Via API
	// Gateway", "a 502 from API Gateway", a 500 to 509 only)
	form(`\b(50\d)s? (?:via|from|through|by) (?:the |an? )?(?:aws |amazon )?(?:api ?gateway|apigw)\b`, "via ", "from ", "through ", " by "),
	// a status compared as code does ("status code = 500"), a 5xx thrown
	// ("the endpoint is throwing 502"), one the answer is ("now it's a
	// 502") and one for a method or the calls ("403 for GET and 500 for
	// POST", "502 on every call"); the first a 4xx or 5xx only, as a 2xx
	// compared so is what code expects ("assert response.status == 200"),
	// and the last three a 500 to 509 only, so that no count reads as an
	// all-clear
	form(`\bstatus(?: ?code)? ?==? ?["'\x60]?([45]\d\d)\b`, "status"),
	form(`\bthrow(?:s|ing)?(?: an?| the)? ["'\x60]?(50\d)\b`, "throw"),
	// the bare verb, and its noun used as one ("but return a 500 service
	// error response", "the api gateway responses with 504"), a 500 to
	// 509 only: "return 404" is as often what a handler was written to do
	form(`\b(?:return|responses?)`+verbToCode+`(50\d)\b`, "return", "response"),
	// a request and, after an arrow, what it got, as people list a test's
	// calls ("GET /discounts → 403", "`POST /login` -> `500`"): a
	// 4xx or 5xx only, as the calls that worked are listed the same way
	form(`\b(?:get|post|put|patch|delete|head|options)\x60? +\x60?/\S*? ?\x60? ?(?:→|->|=>|⇒) ?["'\x60]?([45]\d\d)\b`, "→", "->", "=>", "⇒"),
	form(`\b(?:it'?s|it is|it was|that'?s|that is|that was) (?:an? |the )?["'\x60]?(50\d)\b`, "it's", "it is", "it was", "that's", "that is", "that was"),
	form(`\b(50\d)\)? (?:for|on) (?:the |a |every |all |some |each |any )?(?:get|post|put|patch|delete|options|head|requests?|calls?|endpoints?|routes?|paths?)\b`, " for ", " on "),
	// English, as the Chinese below: a 5xx that comes now and then or all
	// the time ("sometimes 502", "and occasionally a 504", "always 500"),
	// a 500 to 509 only ("sometimes 200 requests" is a load)
	form(`\b(?:sometimes|occasionally|intermittently|randomly|sporadically|always|constantly|frequently|often|usually|mostly) (?:an? |the )?["'\x60]?(50\d)\b`, "sometimes", "occasionally", "intermittently", "randomly", "sporadically", "always", "constantly", "frequently", "often", "usually", "mostly"),
	// Chinese: a 5xx that keeps coming ("一直502", "经常 504") and one that
	// came ("接口502了"), a 500 to 509 only ("用了500" is a quantity used)
	form(`(?:一直|总是|總是|老是|经常|經常|偶尔|偶爾|频繁|頻繁) ?(50\d)\b`, "一直", "总是", "總是", "老是", "经常", "經常", "偶尔", "偶爾", "频繁", "頻繁"),
	form(`(?:^|\D)(50\d) ?了`, "了"),
	// and after the call that got it, a 500 to 509 only: Japanese "API
	// Gateway経由だと502", "叩くと502" (calling it, a 502), Chinese "调用就502",
	// "调用会 502", Korean "호출하면 502", "502가 나요" (a 502 comes out)
	form(`(?:と|では|したら|ても) ?(50\d)(?:\D|$)`, "と", "では", "したら", "ても"),
	form(`(?:就|会|會|都|又) ?(50\d)(?:\D|$)`, "就", "会", "會", "都", "又"),
	form(`(?:하면|하니까|하니|했더니|했는데|할 때|시) ?(50\d)(?:\D|$)`, "하면", "하니", "했더니", "했는데", "할 때", "시"),
	form(`(?:^|\D)(50\d)(?:가|이)? ?(?:나요|납니다|나네요|났|나와|나옵|나고)`, "나"),
	// Japanese "502で返ってくる" (comes back as 502), a 500 to 509 only: "401
	// で返却することを想定" is a design that was meant, not an answer
	form(`(?:^|\D)(50\d) ?で返`, "で返"),
	// the verbs above with the one they answered between the verb and the
	// code ("the endpoint gives me a 502", "it threw us a 504"), the same
	// answer in the passive ("a 502 is returned", "502 was thrown", "a 504
	// comes back") and as what the answer is ("the response is a 502"),
	// and more of the verbs of Spanish ("me está dando un 502", "me
	// arroja un 502", "lanza un 502", "me regresa un 502"), the copula of
	// Portuguese ("o status é 502") and the Japanese of a failure with the
	// code ("502で失敗"; not "502レスポンスを返す", a design): a 500 to 509
	// only, so that no count or design reads as an all-clear
	form(`\b(?:gives?|gave|giving|throws?|threw|throwing|returns?|returned|returning|sends?|sent|sending|serves?|served|serving|shows?|showed|showing)(?: back)? (?:me|us|them|you)(?: back)?(?: an?| the| http| status| code| error){0,2} ["'(\x60]?(50\d)\b`, " me ", " us ", " them ", " you "),
	form(`(?:^|\W)(50\d)s?(?: status| error| response| status code| http status)?(?: (?:is|was|are|were|gets|got|is being|has been|have been|keeps being|will be|would be)) (?:returned|thrown|sent|given|received|raised|shown|served)\b`, "returned", "thrown", "sent", "given", "received", "raised", "shown", "served"),
	form(`(?:^|\W)(50\d)s?(?: error| response| status)? (?:comes|came|coming) back\b`, " back"),
	form(`\b(?:response|answer|result|reply|outcome)s? (?:is|was|are|were)(?: always| still| now| just| then| simply| actually)? (?:an? |the )?(?:http )?["'\x60]?(50\d)\b`, "response", "answer", "result", "reply", "outcome"),
	form(`\b(?:dando|arroj\w*|lanz\w*|regres\w*)(?: (?:un|una|el|la|um|uma|o|a|error|erro|código|status|http))* ["'\x60]?(50\d)\b`, "dando", "arroj", "lanz", "regres"),
	form(`\b(?:status|retorno|resposta|código|erro) (?:é|foi|era|fica) (?:um |uma |o |a |sempre )?["'\x60]?(50\d)\b`, " é ", " foi ", " era ", " fica "),
	form(`(?:^|\D)(50\d) ?で失敗`, "で失敗"),
	// a 5xx joined to a code below 500 the same sentence says came ("it
	// gives a 413 and then 502", "the API answers 400 Bad Request for bad
	// input, and 502 when the body is large", "returns 403 but sometimes
	// 504"): the first code's verb governs the second, which alone would
	// read as a number; without this the 4xx reads as the answer, an
	// all-clear. A 500 to 509 only, and not after "or" ("returns 400 or
	// 500 depending on the error" is what the code was written to answer).
	form(`\b(?:gives?|gave|giving|returns?|returned|returning|answers?|answered|responds?|responded|gets?|got|getting|throws?|threw|sends?|sent|shows?|showed|receives?|received|fails? with|failed with)(?: back)?(?: me| us)?(?: with)?(?: an?| the| http| status| code| error| response){0,3} ["'(\x60]?[1-4]\d\d\b[^.;!?]{0,60}?\b(?:and|then|but|followed by)\b(?: (?:then|later|sometimes|eventually|finally|also|occasionally|randomly|often|always|at other times|other times|an?|the|with|gets?|got|it|returns?|gives?|http|status|code|error))* ["'(\x60]?(50\d)\b`, " and ", "then", " but ", "followed by"),
	// the same in Spanish and Portuguese ("la API devuelve 400 y luego 502",
	// "a API retorna 400 e depois 502")
	form(`\b(?:devuelve|devolvió|retorna|retornou|responde|respondió|respondeu|da|dá|deu|dio)(?: (?:un|una|el|la|um|uma|o|a|error|erro|código|status|http)){0,3} ["'(\x60]?[1-4]\d\d\b[^.;!?]{0,60}?(?:\by|\be|\bpero|\bmas|\bluego|\bdespués|\bdepois)(?: (?:luego|después|depois|entonces|então|a veces|às vezes|un|una|um|uma|el|la|o|a|error|erro))* ["'(\x60]?(50\d)\b`, " y ", " e ", "pero", "mas ", "luego", "después", "depois"),
	// codes listed with the case each answers ("401 when the token is
	// missing, 500 when it is present"): the 5xx is one the API answers
	form(`\b[1-4]\d\d\b (?:when|whenever|if)\b[^.;]{0,60}?,? (?:and |but )?(?:an? |the )?(50\d) (?:when|whenever|if)\b`, "when", " if "),
	// a 5xx a person saw or received ("the client sees 502", "we
	// received a 504") and one the gateway made of the function's answer
	// ("API Gateway turns it into a 502", "it becomes a 500"), a 500 to
	// 509 only
	// a 5xx that some of the callers get while others get another answer
	// ("403 for some users, 502 for others", "some requests get 400,
	// others 504"), a 500 to 509 only
	form(`\b(50\d) for (?:the )?(?:others|some|the rest|other (?:users|clients|callers|customers|people|requests|calls))\b`, " for "),
	form(`\b(?:others|the rest)(?: (?:get|gets|got|see|sees|saw|receive|receives|received|return|returns|returned))?(?: an?| the)? ["'(\x60]?(50\d)\b`, "others", "the rest"),
	form(`\b(?:sees?|saw|seeing|receives?|received|receiving)(?: back)?(?: an?| the| http| status| code| error| response){0,3} ["'(\x60]?(50\d)\b`, "see", "saw", "receiv"),
	form(`\b(?:turns?|turned|turning|converts?|converted|converting|translates?|translated|transforms?|transformed)(?: (?:it|them|this|that|those))? (?:into|to)(?: an?| the| http| status| code| error| response){0,3} ["'(\x60]?(50\d)\b`, "turn", "conver", "transl", "transf"),
	form(`\b(?:becomes?|became|ends up as|ended up as)(?: an?| the| http| status| code| error| response){0,3} ["'(\x60]?(50\d)\b`, "bec", "ended up", "ends up"),
	// the status named with what it was the status of ("the returned
	// status code for this request was a 504", "the status code of these
	// calls is 502"), and a 5xx a request generated, produced or triggered
	// ("every API call generated a 500", "changing the template would
	// trigger a 500"), a 500 to 509 only: "the status code for success is
	// 200" is a convention, "generate 404 pages" a design; and the status
	// after a word that says which it was (the returned, the actual one),
	// not one that was expected or meant
	form(`\b(?:the|returned|actual|received|resulting|final|response|http) status(?: code)? (?:for|of) (?:this|that|these|those|the|each|every|all|my|our|its|their|an?)\b[\w -]{0,30}? (?:is|was|are|were)(?: always| still| now| then| just| actually)?(?: an?| the)? ["'\x60]?(50\d)\b`, "status"),
	form(`\b(?:generat|produc|trigger)(?:es|e|ed|ing|s)? (?:an?|the)(?: http| status| code| error| response){0,2} ["'(\x60]?(50\d)\b`, "generat", "produc", "trigger"),
	// a request rejected with a 5xx, whoever rejected it ("the API
	// rejected the request with a 502", "rejected by API Gateway with a
	// 500")
	form(`\breject(?:s|ed|ing)?\b[^.;]{0,40}?\bwith(?: an?| the| http| status| code| error){0,3} ["'(\x60]?(50\d)\b`, "reject"),
	// a request that timed out with a 5xx ("it timed out with a 504",
	// "requests started timing out after 29 seconds with a 504"), a 500 to
	// 509 only: "timeout with 500 ms" is a setting, "times out with a 200
	// in the logs" no failure the client saw
	form(`\b(?:time[sd]?|timing) ?out\b[^.;]{0,40}?\bwith(?: an?| the| http| status| code| error){0,3} ["'(\x60]?(50\d)\b`, "timeout", "time out", "timed out", "timedout", "times out", "timesout", "timing out", "timingout"),
	// a request that ends in a 5xx ("all three still ended in 500", "every
	// call ends in a 502"), a 500 to 509 only: what a name or a path ends
	// in ("ends in 404.html") is no answer
	form(`\b(?:ends?|ended|ending)(?: up)? in(?: an?| the| http| status| code| error| response){0,3} ["'(\x60]?(50\d)\b`, "ends", "ended", "ending"),
}

// cjkTimeoutWords are the literals of the Japanese, Chinese and Korean
// forms of a timeout and its code.
var cjkTimeoutWords = []string{"タイムアウト", "超时", "超時", "逾时", "逾時", "타임아웃", "시간 초과"}

// proseStatus returns the code the prose forms find in low, a 5xx before
// any other, or 0.
func proseStatus(low []byte) int {
	return formsCode(proseForms, low)
}
