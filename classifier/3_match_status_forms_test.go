package classifier

import (
	"strings"
	"testing"
)

// shownForm is a line as a person or a program writes a status in it, and
// the 5xx the session must take it to show (0: none, implied5xx: some 5xx
// without its code).
type shownForm struct{ name, line string }

// shown5xxOf reads text alone and returns the 5xx the session noted as shown.
func shown5xxOf(t *testing.T, text string) int {
	t.Helper()
	s := NewSession(Hints{})
	if _, err := s.ReadFrom(strings.NewReader(text)); err != nil {
		t.Fatal(err)
	}
	s.settle()
	return s.st.shown5xx
}

// checkShown checks that each form shows want.
func checkShown(t *testing.T, want int, forms []shownForm) {
	t.Helper()
	for _, f := range forms {
		t.Run(f.name, func(t *testing.T) {
			if got := shown5xxOf(t, f.line); got != want {
				t.Errorf("%q: shown 5xx %d, want %d", f.line, got, want)
			}
		})
	}
}

// TestShown5xxInPeoplesWords: the ways people write that they got a 5xx,
// which the guard against a false all-clear rests on.
func TestShown5xxInPeoplesWords(t *testing.T) {
	checkShown(t, 502, []shownForm{
		{"HTTP and the code", "HTTP 502"},
		{"HTTP and the code joined by a slash", `all responses return a "Server Error" (HTTP/502).`},
		{"HTTP and the code joined by a slash, the sentence's end", "Every call answered HTTP/502."},
		{"code and reason phrase", "502 Bad Gateway"},
		{"the code as a noun", "Sometimes the API returns a 502."},
		{"hitting a code", "We keep hitting a 502 on the login route"},
		{"plural", "intermittent 502s from the gateway"},
		{"now and then", "The API returns 200 for most calls, and sometimes 502."},
		{"status compared", "after the fix the status code = 502"},
		{"thrown", "now the endpoint is throwing 502"},
		// the bare verb and the noun for it (an issue's "but return a 500
		// service error response", "the api gateway responses with 504"),
		// a 500 to 509 only
		{"return, bare", "the APIs are invoked, but return a 502 to the web app"},
		{"responses with", "the api gateway responses with 502 (gateway timed out)"},
		{"what it is", "after the fix it's a 502"},
		{"for a method", "The API returns 403 for GET and 502 for POST"},
		{"in brackets, on every call", "then (502) on every call"},
		{"occasionally a code", "it works, but occasionally a 502 comes back"},
		{"error and the code", "error 502 Bad Gateway"},
		{"code errors", "Our users report 502 errors since Monday"},
		{"reason phrase, then the code", "the endpoint gives me Bad Gateway (502) on every call"},
		{"comes back with", "the request comes back with a 502"},
		{"came back", "it came back 502 again"},
		{"results in", "calling the route results in a 502"},
		{"leads to", "a cold start leads to a 502"},
		{"causes", "the new layer causes a 502 on every call"},
		{"ends up with", "the client ends up with 502"},
		{"giving", "API Gateway is giving 502"},
		{"sent", "the server sent 502"},
		{"failed and its code", "request failed: 502"},
		{"failed, the code in parentheses", "request failed (502)"},
		{"failing, the code in parentheses", "The lambdas were failing (502) with an exception"},
		{"response and its code", "Response: 502"},
		{"an issue title", "API Gateway 502 with Lambda proxy integration"},
		{"an abbreviated title", "APIGW 502 after deploy"},
		{"the code, then the gateway that sent it", "502 Via API Gateway"},
		{"a code from the gateway", "we get a 502 from API Gateway"},
		{"integration and its code", "Lambda proxy integration 502"},
		{"a markdown table", "| Status | 502 |"},
		{"code, dash, reason", "502 - Bad Gateway"},
		{"chrome's network error, then the code", "Then the request fails: net::ERR_FAILED 502 (Bad Gateway)"},
		{"protocol and code as one word", "The main request came back as HTTP502."},
	})
	checkShown(t, 504, []shownForm{
		{"code then timeout", "the gateway 504 timeout after 29 seconds"},
		{"timeout then code", "Timeout 504 on the export route"},
		{"timeouts then the code in parentheses", "Getting Gateway Timeouts (504), Despite Setting timeout_sec"},
	})
	checkShown(t, 504, []shownForm{
		{"got code and reason", "got 504 Gateway Timeout"},
		{"plural after a verb", "API returns 504s under load"},
	})
	checkShown(t, 503, []shownForm{{"status and the code", "status 503"}})
	checkShown(t, 500, []shownForm{
		{"error and the code", "error 500 when calling the endpoint"},
		{"quoted reason phrase, then the code", `I receive an "Internal Server Error" (500) in the browser.`},
	})
	// a 4xx in the same forms shows an answer below 500
	for _, line := range []string{"Response: 403", "403 - Forbidden", "request failed: 403", "the request comes back with a 403", "the API returns an error of 403", "an error code of 403"} {
		if got := statusShown(appendLower(nil, []byte(line)), nil); got != 403 {
			t.Errorf("%q: shown %d, want 403", line, got)
		}
	}
	checkShown(t, implied5xx, []shownForm{
		{"the class", "we see 5xx on every deploy"},
		{"reason phrase in a sentence", "the API answers Internal Server Error every time we call it"},
		{"REST body quoted in a sentence", `I get {"message": "Internal server error"} from the endpoint`},
		{"fr reason phrase", "L'API renvoie une erreur interne du serveur"},
		{"fr HTTP API article", "API Gateway renvoie un message « Erreur de serveur interne »"},
		{"de reason phrase", "Die API liefert einen internen Serverfehler"},
		{"es reason phrase", "La API devuelve un error interno del servidor"},
		{"ko reason phrase", "API 호출 시 내부 서버 오류가 발생합니다"},
		{"the class as 50x", "Some requests get 429 and the others get 50x errors."},
		{"the class as 50x, a status", "a 50X status on every other call"},
		{"the 5XXError metric rising", "The 5XXError metric is spiking on the stage while most clients see 403."},
		{"a rise in the 5XXError metric", "we saw an increase in 5XXError after the deploy"},
		{"the 5XXError alarm fired", "the 5XXError alarm fired twice tonight"},
	})
	// "50x" as a factor, nginx's error page, the metric's name in an alarm
	// definition: no answer at all
	for _, line := range []string{"We got a 50x speed-up with the new cache.", "error_page 500 502 503 504 /50x.html;", "MetricName: 5XXError", "alarm on 5XXError >= 1 for 5 minutes"} {
		if got := shown5xxOf(t, line); got != 0 {
			t.Errorf("%q: shown 5xx %d, want none", line, got)
		}
	}
	checkShown(t, 503, []shownForm{
		{"fr service unavailable", "l'API répond « Service indisponible »"},
		{"de service unavailable", "die API meldet Dienst nicht verfügbar"},
		{"es service unavailable", "la API responde Servicio no disponible"},
	})
}

// TestShown5xxInClientsAndPages: a client's, a browser's or a server's own
// words for a 5xx, as their sources print them.
func TestShown5xxInClientsAndPages(t *testing.T) {
	checkShown(t, 502, []shownForm{
		{"chrome console", "Failed to load resource: the server responded with a status of 502 ()"},
		{"firefox network line", "XHR POST https://abc.execute-api.us-east-1.amazonaws.com/prod/items [HTTP/2 502 Bad Gateway 31ms]"},
		{"chrome error page", "HTTP ERROR 502"},
		{"chrome headers pane", "Status Code: 502 Bad Gateway"},
		{"powershell", "The remote server returned an error: (502) Bad Gateway."},
		{"axios", "Error: Request failed with status code 502"},
		{"nginx page title", "<title>502 Bad Gateway</title>"},
		{"nginx page heading", "<center><h1>502 Bad Gateway</h1></center>"},
		{"cloudfront page heading", "502 ERROR"},
	})
	checkShown(t, 504, []shownForm{
		{"cloudfront heading with reason", "<H1>504 Gateway Timeout ERROR</H1>"},
		{"REST timeout body", `the response is {"message": "Endpoint request timed out"}`},
	})
	checkShown(t, 503, []shownForm{{"HTTP API body", `curl prints {"message":"Service Unavailable"}`}})
	checkShown(t, 500, []shownForm{
		// aws-sdk-go v1's awserr.RequestFailure prints the status on a line of its own
		{"go sdk v1 request failure", "InternalServerError: Internal Server Error\n\tstatus code: 500, request id: 1b2c"},
	})
}

// TestShown5xxInTestRunnersAndLoadTools: the status a test's assertion or
// a load generator reports, as each prints it. An assertion names the code
// that came and the code wanted: only the first is read.
func TestShown5xxInTestRunnersAndLoadTools(t *testing.T) {
	checkShown(t, 502, []shownForm{
		// chai: "expected #{this} to equal #{exp}"
		{"chai", "AssertionError: expected 502 to equal 200"},
		{"chai deep", "AssertionError: expected 502 to deeply equal 200"},
		// Jest's and Playwright's matcher output
		{"jest", "expect(received).toBe(expected) // Object.is equality\n\nExpected: 200\nReceived: 502"},
		{"jest property", "Expected path: \"status\"\n\nExpected value: 200\nReceived value: 502"},
		// Node's assert.strictEqual(actual, expected)
		{"node assert", "AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:\n\n502 !== 200\n"},
		// Python's unittest assertEqual and pytest's rewritten assert
		{"unittest", "AssertionError: 502 != 200"},
		{"pytest", "E       assert 502 == 200\nE        +  where 502 = <Response [502]>.status_code"},
		// testify's Equal (assertions.go: "expected: %s\nactual  : %s") and xUnit's Assert.Equal
		{"testify", "Error:      \tNot equal: \n\t            \texpected: 200\n\t            \tactual  : 502"},
		{"xunit", "Assert.Equal() Failure\nExpected: 200\nActual:   502"},
		// JUnit 5 assertEquals, AssertJ, REST Assured's status expectation
		{"junit", "org.opentest4j.AssertionFailedError: expected: <200> but was: <502>"},
		{"assertj", "expected: 200\n but was: 502"},
		{"rest assured", "java.lang.AssertionError: 1 expectation failed.\nExpected status code <200> but was <502>."},
		// Postman's pm.response.to.have.status (chai-postman: "expected
		// response to have status code #{exp} but got #{act}") and
		// chai-http's expect(res).to.have.status ("expected #{this} to
		// have status code #{exp} but got #{act}")
		{"postman", "AssertionError: expected response to have status code 200 but got 502"},
		{"chai-http", "AssertionError: expected { Object (_events, _eventsCount, ...) } to have status code 200 but got 502"},
		// supertest lib/test.js _assertStatus
		{"supertest", "Error: expected 200 \"OK\", got 502 \"Bad Gateway\""},
		// Karate's status match
		{"karate", "status code was: 502, expected: 200, response time in milliseconds: 29014, url: https://abc123.execute-api.us-east-1.amazonaws.com/prod/items"},
		// Cypress's cy.request() failing on its status (the "> " of its message is a quote's)
		{"cypress", "CypressError: `cy.request()` failed on:\n\nhttps://abc123.execute-api.us-east-1.amazonaws.com/prod/items\n\nThe response we received from your web server was:\n\n  > 502: Bad Gateway"},
		// JMeter's Response Assertion: the received code, its differing characters in [[[ ]]]
		{"jmeter assertion", "Test failed: code expected to equal /\n\n****** received  : [[[502]]]\n\n****** comparison: [[[200]]]\n\n/"},
		// Locust's failure table: the requests exception of the failed request
		{"locust", "POST /items: HTTPError('502 Server Error: Bad Gateway for url: /items')"},
		// curl -v with --fail: the message after "* "
		{"curl -v --fail", "* The requested URL returned error: 502"},
	})
	checkShown(t, 500, []shownForm{
		// JMeter marks the characters of 500 that differ from 200
		{"jmeter assertion, partial diff", "****** received  : [[[5]]]00\n\n****** comparison: [[[2]]]00"},
		{"cypress 500", "> 500: Internal Server Error"},
	})
	checkShown(t, implied5xx, []shownForm{
		// bombardier's summary with some 5xx, and a share of them
		{"bombardier with 5xx", "HTTP codes:\n    1xx - 0, 2xx - 9000, 3xx - 0, 4xx - 0, 5xx - 1000\n    others - 0"},
		{"a share of 5xx", "5xx: 0.5% of the requests"},
	})
	checkShown(t, 504, []shownForm{
		{"curl -w response_code", "$ curl -s -o /dev/null -w '%{response_code}\\n' https://abc123.execute-api.us-east-1.amazonaws.com/prod/items\n504"},
	})
}

// TestNoStatusInTestsAndLoadSummaries: a test's or a load run's numbers
// that are no status the client got: the code an assertion wanted, a check
// named after the status it wants (k6's "✗ status is 200" failed: the code
// was another), a count, a latency, an exit code.
func TestNoStatusInTestsAndLoadSummaries(t *testing.T) {
	checkShown(t, 0, []shownForm{
		{"jest expected", "Expected: 500"},
		{"jmeter comparison", "****** comparison: [[[502]]]"},
		{"k6 check failed", "✗ status is 200"},
		{"k6 check passed", "✓ is status 200"},
		{"k6 check of the docs", "✗ response code was 200"},
		{"k6 latency", "http_req_duration..............: avg=502.1ms min=120ms med=499ms max=1.2s"},
		{"k6 failure rate", "http_req_failed................: 10.00% ✓ 10       ✗ 90"},
		{"postman test name", `pm.test("Status code is 200", function () { pm.response.to.have.status(200); });`},
		{"ab count", "Complete requests:      500"},
		{"ab non-2xx", "Non-2xx responses:      12"},
		{"ab time per request", "Time per request:       502.123 [ms] (mean)"},
		{"wrk latency", "Latency   502.12ms  120.33ms   1.20s    68.00%"},
		{"wrk non-2xx", "Non-2xx or 3xx responses: 12"},
		// bombardier's summary of the codes: no 5xx at all
		{"bombardier without 5xx", "1xx - 0, 2xx - 59881, 3xx - 0, 4xx - 0, 5xx - 0"},
		{"a process's exit", "Service /usr/bin/chromedriver unexpectedly exited. Status code was: 127"},
		{"tornado without a response", "tornado.httpclient.HTTPClientError: HTTP 599: Timeout during request"},
		// an assertion's order is the test writer's: an expected 5xx put first is not read
		{"unittest expected first", "AssertionError: 200 != 502"},
	})
	checkStatuses(t, []statusCase{
		// a failed check is no all-clear: its 200 is the status wanted
		{"k6 check failing", "I ran the k6 script and the check 'status is 200' fails for 10% of requests", "unknown"},
		{"k6 summary", "     ✗ status is 200\n      ↳  90% — ✓ 90 / ✗ 10\n\n     checks.........................: 90.00% ✓ 90       ✗ 10", "unknown"},
		{"a 4xx the assertion got", "AssertionError: expected 403 to equal 200", "none"},
		// two 4xx compared (unittest's case.py, "%s != %s"; pytest's
		// rewritten assert): either side is a 4xx, and so is the answer
		{"unittest, two 4xx", "AssertionError: 403 != 413", "none"},
		{"unittest, two 4xx under a test's frame", "Traceback (most recent call last):\n  File \"/builds/app/test/integration_test.py\", line 1351, in _test_managed_access_indices\n    self.assertEqual(403 if managed else 200, response.status)\nAssertionError: 403 != 413", "none"},
		{"pytest, two 4xx", "E       assert 404 == 403", "none"},
		// a 2xx beside a 4xx says nothing of which came
		{"unittest, a 2xx and a 4xx", "AssertionError: 200 != 403", "unknown"},
		{"rest assured 404", "java.lang.AssertionError: 1 expectation failed.\nExpected status code <200> but was <404>.", "none"},
		// Postman's and chai-http's: the code got, not the 200 wanted (the
		// assertion's line opens as an exception does, and is the test's)
		{"postman 403", "AssertionError: expected response to have status code 200 but got 403", "none"},
		{"chai-http 401", "AssertionError: expected { Object (_events, _eventsCount, ...) } to have status code 200 but got 401", "none"},
		// (its negated assertion fails on the code that came)
		{"postman's negated assertion", "AssertionError: expected response to not have status code 403", "none"},
		// unittest's assertion under a test file's frame is read too
		{"unittest trace", "Traceback (most recent call last):\n  File \"/home/ci/app/tests/test_items.py\", line 12, in test_list\n    self.assertEqual(r.status_code, 200)\nAssertionError: 502 != 200", "502"},
		// a check's name does not hide the 5xx its run shows
		{"k6 check beside a 502", "✗ status is 200\nWARN[0030] Request Failed  error=\"status 502\"", "502"},
	})
}

// TestShown5xxInOtherLanguages: the sentence of AWS's article on 502s
// from REST APIs with Lambda proxy integration in each edition (en, ja,
// zh-TW, zh-CN, pt-BR, ko, es, de, fr), and people's own ways.
func TestShown5xxInOtherLanguages(t *testing.T) {
	checkShown(t, 502, []shownForm{
		{"en edition", "When I call my REST API, I receive a configuration error and an HTTP 502 status code."},
		{"ja edition", "REST API を呼び出すと、設定エラーおよび HTTP 502 ステータスコードが表示されます。"},
		{"zh-TW", "呼叫 REST API 時，收到組態錯誤和 HTTP 502 狀態碼。"},
		{"zh-CN", "调用 REST API 时，收到配置错误和 HTTP 502 状态码。"},
		{"pt-BR edition", "recebo um erro de configuração e um código de status HTTP 502."},
		{"ko edition", "REST API를 호출하면, 구성 오류와 HTTP 502 상태 코드가 표시됩니다."},
		{"ko earlier edition", "API를 호출하면 구성 오류 또는 502 상태 코드가 발생합니다."},
		{"ko returns", "API Gateway가 HTTP 502 상태 코드를 반환합니다."},
		{"es edition", "Cuando llamo a mi API de REST, aparece un error de configuración y un código de estado HTTP 502."},
		{"de edition", "Wenn ich meine REST-API aufrufe, erhalte ich einen Konfigurationsfehler und den HTTP-Statuscode 502."},
		{"de edition title", "Wie behebe ich HTTP-502-Fehler bei REST-APIs in API Gateway?"},
		{"fr edition", "Lorsque j'appelle mon API REST, je reçois une erreur de configuration et un code d'état HTTP 502."},
		{"fr earlier edition", "je reçois une erreur de configuration ou un code d'état 502."},
		{"fr re:Post edition", "je reçois une erreur de configuration et un code de statut HTTP 502."},
		{"ja error", "502エラーになります"},
		{"ja error returned", "502 エラーが返る"},
		{"ja sentence", "API を呼ぶと 502 エラーが返ってきます"},
		{"zh-TW error", "呼叫 API 時出現 502 錯誤"},
		{"zh-CN returns", "API 返回502"},
		{"zh-CN reported", "调用接口报502错误"},
		{"pt-BR error", "erro 502 ao chamar a API"},
		{"ko error", "API 호출 시 502 오류가 발생합니다"},
		{"ko error, loanword", "502 에러가 납니다"},
		{"ko response", "502 응답을 받습니다"},
		{"ko status code first", "상태 코드 502가 반환됩니다"},
		{"es code", "aparece un código de estado 502 al llamar a la API"},
		{"es returns", "El API devuelve 502 cuando llamo al endpoint"},
		{"es get", "obtengo un 502 al llamar la API"},
		{"es error", "Recibo un error 502 Bad Gateway"},
		{"de error", "Fehler 502 beim Aufruf der API"},
		{"de HTTP error", "HTTP-Fehler 502"},
		{"de code error", "502-Fehler beim Aufruf"},
		{"de error code", "Fehlercode 502"},
		{"fr error", "erreur 502 lors de l'appel"},
		{"fr error code", "code d'erreur 502"},
		{"ja becomes", "API Gateway で 502 になる"},
		{"ja comes out", "ときどき 502 が出ます"},
		{"ja occurs", "502 が発生します"},
		{"ja returns", "API Gateway が 502 を返します"},
		{"zh-CN appears", "调用接口出现 502"},
		{"zh-CN reports", "接口一直报 502"},
		{"zh-TW appears", "請求 API 時會出現 502"},
		{"pt-BR slang", "tomando 502 no API Gateway"},
		{"ko shows up", "API 호출 시 502가 뜹니다"},
		{"ja comes back as", "502で返ってくる"},
		{"ja response is", "レスポンスが502になる"},
		{"ja status is", "ステータスが502でした"},
		{"zh-CN status code is", "状态码为502"},
		{"zh-CN status code, copula", "状态码是502"},
		{"zh-TW status code is", "狀態碼為 502"},
		{"zh-CN keeps coming", "接口一直502"},
		{"zh-CN came", "接口502了"},
		{"pt-BR gave", "a API deu 502"},
		{"pt-BR giving", "está dando 502 na chamada"},
		{"es gives", "me da un 502 al llamar la API"},
		{"es comes out", "me sale un 502"},
		{"es answers with", "la API responde con 502"},
		{"de gives back", "die API gibt 502 zurück"},
		{"de answers with", "die API antwortet mit 502"},
		{"fr answers", "l'API répond 502"},
		{"es preterite returned", "API Gateway devolvió 502 al llamar la API"},
		{"es preterite got", "Obtuve un 502 al llamar la API"},
		{"es preterite received", "recibí un 502 de API Gateway"},
		{"pt-BR future, Lambda guide", "o API Gateway retornará um código de erro 502."},
		{"fr past participle", "l'API m'a renvoyé 502"},
		{"de subject after the verb", "Nach 29 Sekunden bekomme ich einen 502"},
		{"de gateway after the verb", "Dann antwortet API Gateway mit 502"},
		{"de the API after the verb", "Wenn das Limit erreicht ist, antwortet die API mit 502"},
		{"fr adverb", "mais l'API renvoie en fait 502"},
		{"de adverb", "aber die API antwortet eigentlich mit 502"},
		{"es adverb", "la API devuelve siempre 502 al llamar"},
		{"pt-BR adverb", "a API retorna às vezes 502"},
		{"ja after the call", "Lambdaを直接実行すると成功するのにAPI Gateway経由だと502"},
		{"ja calling it", "API Gatewayから叩くと502"},
		{"zh-CN at once", "通过API Gateway调用就502"},
		{"zh-CN will", "通过 API Gateway 调用会 502"},
		{"zh-CN all of them", "所有请求都502"},
		{"ko when calling", "API Gateway로 호출하면 502"},
		{"ko comes out", "API Gateway를 통해 호출하면 502가 나요"},
		// "status code", "response code" and "error code" before the code,
		// with a particle or without the space (the Korean edition of the
		// knowledge-center article on REST API status codes: "기본 응답
		// 상태 코드는 200입니다"), and "error code" in Japanese and Chinese
		{"ko status code, topic particle", "API 호출 시 상태 코드는 502입니다"},
		{"ko status code, subject particle", "상태 코드가 502로 반환됩니다"},
		{"ko status code, no space", "상태코드 502"},
		{"ko response code", "응답 코드 502"},
		{"ko error code", "오류 코드 502가 표시됩니다"},
		{"ko error code, loanword", "에러 코드: 502"},
		{"ja error code", "エラーコード 502 が返ってきました"},
		{"zh-CN error code", "错误码 502"},
		{"zh-TW error code", "錯誤碼：502"},
		{"zh-CN error code, long form", "错误代码为 502"},
	})
	checkShown(t, 503, []shownForm{{"ko reason phrase", "API가 503 Service Unavailable을 반환합니다"}})
	// a timeout and its code, as the English "504 timeout" and "timeout
	// 504", in the words AWS's editions use for a timeout
	checkShown(t, 504, []shownForm{
		{"ja code then timeout", "504タイムアウトになります"},
		{"ja timeout then the code in brackets", "タイムアウト(504)が発生"},
		{"ja full-width brackets", "タイムアウト（504）が発生しました"},
		{"zh-CN timeout then code", "接口超时 504"},
		{"zh-CN code then timeout", "调用 API 504超时"},
		{"zh-TW", "API 逾時 504"},
		{"ko code then timeout", "API 호출 시 504 타임아웃"},
		{"ko timeout then code", "시간 초과 504 오류"},
	})
	// an application's own error number is no status: five digits, or a
	// code that opens a larger number
	checkShown(t, 0, []shownForm{
		{"ko error code of five digits", "오류 코드 50214"},
		{"zh-CN error code of five digits", "错误码 50001"},
		{"ja error code of five digits", "エラーコード 50300"},
	})
	// Japanese "returned as" and "response code", and Korean "status
	// code" with its particle, which show a 2xx as well
	for _, line := range []string{"正常なHTTPレスポンスコード 200 として返却する", "レスポンスコードは200です", "기본 응답 상태 코드는 200입니다"} {
		if got := statusShown([]byte(line), nil); got != 200 {
			t.Errorf("%q: shown %d, want 200", line, got)
		}
	}
}

// TestNoShown5xxInNumbers: three digits that are no status.
func TestNoShown5xxInNumbers(t *testing.T) {
	checkShown(t, 0, []shownForm{
		{"version", "version 5.0.2 of the SDK"},
		{"port", "listening on localhost:5020"},
		{"line number", "error at line 502 of handler.js"},
		{"python frame", `File "/var/task/app.py", line 502, in handler`},
		{"timestamp's milliseconds", "2024-03-12 10:15:01,502 ERROR [main] request failed"},
		{"time's milliseconds", "10:15:01,502 ERROR something failed"},
		{"count after got", "we got 502 items back from the query"},
		{"count after returned", "it returned 502 rows"},
		{"zh-CN count", "接口返回502条数据"},
		{"zh-CN count after a verb", "共有 502 条记录"},
		{"ja count", "調べたところ 502 件のログがありました"},
		{"count", "processed 502 records in 3 seconds"},
		{"a success", "HTTP/1.1 200 OK"},
		{"a path's segments", "GET https://httpbin.org/status/http/502/retry"},
		{"a file's name", "the error page is http/502.html in the bucket"},
		{"a status line's version", "HTTP/5.0 is no protocol anyone speaks"},
		{"a success after the fix", "after the fix the stage answers HTTP 200"},
		{"Lambda's report", "Duration: 502.33 ms\tBilled Duration: 503 ms"},
		{"a size", "the payload is 502 KB"},
		{"a duration", "took 504ms to answer"},
		{"an id", "order id 502 failed validation with 400"},
		{"es count", "recibimos 500 solicitudes por segundo"},
		{"de count", "ich erhalte 500 Einträge"},
		{"de times", "Fehler 500 mal pro Tag"},
		{"fr count", "je reçois 500 requêtes par seconde"},
		{"pt-BR count", "recebemos 500 requisições por segundo"},
		{"pt-BR duration", "a função toma 500 segundos"},
		{"zh-CN alarm threshold", "报警阈值设为 500"},
		{"zh-CN message size", "报文大小为 500 字节"},
		{"zh-CN more than a count", "出现 500 多个请求"},
		{"de count after gibt", "die Abfrage gibt 500 Einträge zurück"},
		{"es count after da", "la consulta me da 500 resultados"},
		{"pt-BR count after deu", "deu 500 requisições por segundo"},
		// a load, a limit or a setting after the verbs and nouns the prose forms read
		{"requests sent", "we sent 500 requests and saw errors"},
		{"concurrent users served", "serving 400 concurrent users"},
		{"invocations", "it leads to 500 invocations a minute"},
		{"a percentage", "CPU at 500% on the host"},
		{"concurrency", "Lambda 500 concurrent executions"},
		{"a timeout setting", "timeout 500 ms"},
		{"zh-CN timeout setting", "把超时 500ms 改成 3000ms"},
		{"ja timeout setting", "タイムアウト 500 ミリ秒"},
		{"ko timeout setting", "타임아웃 500초로 설정"},
		// a timeout and a number after a colon is a setting: axios's request
		// config (milliseconds), a serverless.yml function's or a SAM
		// template's Timeout (seconds)
		{"axios timeout config", "const client = axios.create({ baseURL: url, timeout: 500 });"},
		{"serverless.yml timeout", "    timeout: 500"},
		{"sam template timeout", "      Timeout: 503"},
		{"a decimal", "Lambda 502.5 ms"},
		{"a count after fail", "failed (500 times)"},
		{"a port", "Gateway 443 port"},
	})
}

// TestNoStatusInQuantities: a person's sentence whose number is a count,
// a limit reached or a size, in the languages whose status phrases read
// the number after a verb or before "becomes" and "occurs", shows no
// status: no count is a 4xx (an all-clear) and no memory size a 5xx.
func TestNoStatusInQuantities(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"ja requests reaching a number", "同時リクエストが400になると API が失敗します", "unknown"},
		{"ja memory size", "メモリが512になったのに、API がタイムアウトします", "unknown"},
		{"ko requests occurring", "동시 요청 400이 발생하면 API가 실패합니다", "unknown"},
		{"fr rows", "la requête renvoie 404 lignes, puis l'API échoue", "unknown"},
		{"de requests a minute", "Wir bekommen 429 Anfragen pro Minute und die API bricht ab", "unknown"},
		{"es requests a second", "recibimos 500 solicitudes por segundo y la API falla", "unknown"},
		{"en a latency now and then", "The latency is sometimes 500 ms and the API fails", "unknown"},
		{"en a wait it is", "it's a 500 ms wait and then the API fails", "unknown"},
		{"en a rate it is", "that is 500 requests per second and the API fails", "unknown"},
		{"en a count for each", "the function handles 500 for each user and the API fails", "unknown"},
		{"en a count returned", "the query can return 500 rows and the API fails", "unknown"},
		{"en a 4xx the code returns", "the handler has a branch to return 404 and the API fails", "unknown"},
		{"en a margin of error", "an error of 400 ms in the timer and the API fails", "unknown"},
		{"ja a concurrency that is", "同時実行数が500だとエラーになる", "unknown"},
		{"zh-CN requests over a count", "超过 500 个请求就报错", "unknown"},
		{"zh-CN all of them in ms", "所有请求都500ms以上然后失败", "unknown"},
		{"ko people at three", "오후 3시 500명이 접속하면 API가 실패합니다", "unknown"},
		{"de subject after the verb, requests", "Jetzt bekommen wir 429 Anfragen pro Minute und die API bricht ab", "unknown"},
		{"es preterite, requests", "recibió 404 solicitudes por segundo y la API falla", "unknown"},
		{"an error page's file name", "CloudFront serves http-404.html and the API fails", "unknown"},
		{"ja a design that was meant", "HTTPレスポンスコードを 401 で返却することを想定したが、API が失敗します", "unknown"},
	})
}

// TestReturnAfterASubject: people write "return" without its -s after a
// plural subject, a quoted path or a modal, and the code after it is what
// the API answered ("the other two return 404": a training report's
// stale routes, another's custom domain path); after "to", opening a line
// (an instruction) or denied it shows nothing, so that no code a program
// or a wish names is an all-clear, and a 2xx after it is what the
// requests that did not fail got.
func TestReturnAfterASubject(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"a plural subject", "But only /vibe-check responds. The other two return 404 despite having identical configuration.", "none"},
		{"quoted paths", "API Gateway: `/refine-profile` and `/generate-briefing` return 404", "none"},
		{"a modal", "Calling the stage without the resource path will return `404` since the path is invalid.", "none"},
		{"after to", "the handler has a branch to return 404 and the API fails", "unknown"},
		{"opening a line", "Return 404 on a missing item, and the API fails", "unknown"},
		{"denied", "The routes don't return 404 and the API fails", "unknown"},
		{"a 2xx, the requests that did not fail", "The GET endpoints return 200 without problems; only this route fails.\n[ERROR] KeyError: 'body'", "unknown"},
	})
}

// TestArrowAfterARequest: the status a request got after an arrow, as
// people list a test's calls: a 4xx or 5xx only, since the calls that
// worked are listed the same way, and only after a method and a path (an
// arrow after anything else is as often code).
func TestArrowAfterARequest(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"method, path, arrow", "GET /discounts → 403 \"Invalid key=value pair\" ❌", "none"},
		{"quoted, and a time", "a smoke test of the live stack: `POST /login` → `500` in 0.18 s", "500"},
		{"an ascii arrow", "POST /orders -> 502", "502"},
		{"a fat arrow", "DELETE /items/42 => 504 after 29 s", "504"},
		{"a 2xx, a call that worked", "POST /auth/signin → 200 ✅\n[ERROR] KeyError: 'body'", "unknown"},
		{"no request before it", "I changed memorySize: 256 -> 512 and it still fails", "unknown"},
	})
}

// TestStatusExpectedInCode: a status compared with == is what a person
// says they got ("now status code = 500") when it is a 4xx or 5xx, but a
// 2xx compared so is what code expects (a test's or a script's assertion,
// "assert response.status == 200"), not what the API answered: beside the
// failure the assertion raised, reading it would answer an all-clear.
func TestStatusExpectedInCode(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"a script's assertion", "Traceback (most recent call last):\n  File \"/home/me/check.py\", line 12, in <module>\n    assert response.status == 200\nAssertionError: upstream failed", "unknown"},
		{"a 5xx compared", "after the fix the status code = 502", "502"},
		{"a 4xx compared", "now status == 403", "none"},
	})
}

// TestNoAllClearBesideOtherRequests: a report whose lines show a 5xx for
// one request and a 2xx or 4xx for another is not an all-clear, whichever
// comes first and whoever shows each.
func TestNoAllClearBesideOtherRequests(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"curl: 200 then 502", "$ curl -i https://abc.execute-api.us-east-1.amazonaws.com/prod/health\nHTTP/1.1 200 OK\n\n" +
			"$ curl -i https://abc.execute-api.us-east-1.amazonaws.com/prod/items\nHTTP/1.1 502 Bad Gateway\n{\"message\": \"Internal server error\"}", "502"},
		{"curl: 502 then 200", "HTTP/1.1 502 Bad Gateway\nx-amzn-RequestId: 1\n\nHTTP/1.1 200 OK\nx-amzn-RequestId: 2", "502"},
		{"access log 200, a person's 504", "{\"requestId\":\"a1\",\"status\":\"200\",\"routeKey\":\"GET /health\"}\nthe POST route answers 504 Gateway Timeout", "504"},
		{"csv access log 200 and 502", "203.0.113.1,12/Mar/2024:10:15:01 +0000,GET,GET /health,HTTP/1.1,200,2,AqCiOhxcLPEEMIA=\n" +
			"203.0.113.1,12/Mar/2024:10:15:02 +0000,GET,GET /items,HTTP/1.1,502,35,AqCiOhxcLPEEMIB=", "502"},
		{"access log 403 and 502", "{\"requestId\":\"a1\",\"status\":\"403\",\"routeKey\":\"GET /health\"}\n{\"requestId\":\"a2\",\"status\":\"502\",\"routeKey\":\"GET /items\"}", "502"},
		{"gateway's 403 body, then 503", "HTTP/1.1 403 Forbidden\n{\"message\":\"Missing Authentication Token\"}\nHTTP/2 503", "503"},
		{"execution log 200, browser 502", "(11111111-2222-3333-4444-555555555555) Method completed with status: 200\n" +
			"GET https://abc.execute-api.us-east-1.amazonaws.com/prod/items 502 (Bad Gateway)", "502"},
		{"console 404 and 502", "Failed to load resource: the server responded with a status of 404 ()\nFailed to load resource: the server responded with a status of 502 ()", "502"},
		{"masked error and a person's 500", "HTTP/1.1 200 OK\n{\"errorMessage\": \"boom\", \"errorType\": \"Error\"}\nthe other endpoint returns a 500", "500"},
		{"throttled 429 and 504s", "HTTP/1.1 429 Too Many Requests\n{\"message\":\"Too Many Requests\"}\nand sometimes 504s", "504"},
		{"a 502 then fixed to 200", "the login route got HTTP 502 last night; after redeploying it answers HTTP 200", "502"},
		{"curl 502, then 200 after the fix", "HTTP/1.1 502 Bad Gateway\n\nafter the fix:\nHTTP/1.1 200 OK", "502"},
		{"a person's 403, then a 500 for POST", "The API returns 403 for GET and 500 for POST", "500"},
		{"a person's 403, then a status compared", "First I got 403, now status code = 500", "500"},
		{"a person's 403, then a 502 thrown", "First I got 403, now the endpoint is throwing 502", "502"},
		{"a person's 403, then what it is", "First I got 403, after the fix it's a 502", "502"},
		{"a person's 200, then sometimes a 502", "The API returns 200 even when the lambda fails, and sometimes 502.", "502"},
	})
}

// TestShown5xxInMoreOfPeoplesGrammar: the verbs people write a 5xx with,
// with the one the API answered between the verb and the code (a training
// report's "was giving me 502 errors"), in the passive, and as what the
// answer is; more verbs of Spanish, Portuguese's copula and Japanese's
// failure with the code. Counts and designs after the same words show none.
func TestShown5xxInMoreOfPeoplesGrammar(t *testing.T) {
	checkShown(t, 502, []shownForm{
		{"verb, whom, code", "the endpoint gives me a 502"},
		{"past verb, whom, code", "it threw us a 502"},
		{"verb, whom, back", "API Gateway sends me back a 502"},
		{"passive", "a 502 is returned whenever the function runs long"},
		{"passive past", "502 was returned by the stage"},
		{"passive, another verb", "a 502 was sent to the client"},
		{"comes back", "and a 502 comes back instead of the page"},
		{"the code happens", "The 502 happens only on the first request after a deploy."},
		{"the code shows up", "This 502 shows up when we call the stage."},
		{"where the code comes from", "Where does the 502 come from?"},
		{"the code persists", "The intermittent 502s still appear after the fix."},
		{"the answer is", "the response is a 502"},
		{"the answer was", "The result was 502 again."},
		{"es dando", "me está dando un 502 al llamar a la API"},
		{"es arroja", "la API me arroja un 502"},
		{"es lanza", "API Gateway lanza un 502"},
		{"es regresa", "el endpoint me regresa un 502"},
		{"pt-BR copula", "o status é 502 em todas as chamadas"},
		{"ja failure with the code", "リクエストが502で失敗します"},
	})
	checkShown(t, 0, []shownForm{
		{"a count given", "it gives me 500 results per page"},
		{"a count happens", "The 500 requests happen in one burst."},
		{"a count returned", "500 records were returned by the query"},
		{"a count sent", "500 messages are sent per second"},
		{"a duration is", "the response is 500 ms slower"},
		{"a size is", "the response was 502 characters long"},
		{"es count", "la consulta me está dando 500 resultados"},
		{"pt-BR count", "o retorno é 500 registros"},
		{"pt-BR a 2xx", "o status é 200"},
		{"ja a design", "500レスポンスを返すように実装した"},
		{"ja a memory size", "メモリ500MBで失敗"},
	})
}

// TestNoAllClearForAnyPairOfForms pairs each form of an answer below 500
// with each form of a 5xx, in both orders: whichever writer shows each, a
// report that shows a 5xx anywhere is never answered none.
func TestNoAllClearForAnyPairOfForms(t *testing.T) {
	below := []string{
		"HTTP/1.1 403 Forbidden",                                                   // curl -i
		`{"message":"Missing Authentication Token"}`,                               // MISSING_AUTHENTICATION_TOKEN's body
		"x-amzn-ErrorType: ForbiddenException",                                     // its header, as curl shows it
		`"x-amzn-errortype" = "AccessDeniedException"`,                             // as the Knowledge Center's 403 article tabulates it
		"error: Unexpected server response: 401",                                   // wscat (the ws library)
		"AxiosError: Request failed with status code 429",                          // axios lib/core/settle.js
		"(11111111-2222-3333-4444-555555555555) Method completed with status: 200", // the execution log
		`{"requestId":"a1","status":"403","routeKey":"GET /health"}`,               // an access record
		"The client is not authorized to perform this operation.",                  // the gateway's refused authorization
		"I get a 403 Forbidden",                                                    // a person
		"Status: 200 OK",                                                           // the console's test, Postman
		"UnauthorizedException: Unauthorized",                                      // Amplify v6's RestApiError
		"AssertionError: expected response to have status code 200 but got 403",    // Postman's status assertion
		"the request triggers a 403 HTTP Error",                                    // a person
		`403 {"message":"Forbidden"}`,                                              // a code and its body
		"The Canonical String for this request should have been",                   // a SigV4 refusal's later line
	}
	above := []string{
		`{"message": "Internal server error"}`,      // REST DEFAULT_5XX
		`{"message":"Internal Server Error"}`,       // HTTP API 500
		`{"message":"Service Unavailable"}`,         // HTTP API 503
		`{"message": "Endpoint request timed out"}`, // REST 504
		"502 Bad Gateway", "504 Gateway Timeout",    // reason phrases with their codes
		"Bad Gateway", "Gateway Timeout", "Service Unavailable", // and without
		"内部サーバーエラー", "サーバー内部エラー", "内部服务器错误", "服务器内部错误", "伺服器內部錯誤", "Erro interno do servidor",
		"不正なゲートウェイ", "错误的网关", "端点请求超时", "tempo limite do gateway",
		"HTTP/2 502",
		"x-amzn-ErrorType: InternalServerErrorException",
		"x-amzn-ErrorType: AuthorizerConfigurationException",
		`{"message": null}`, // an authorizer's failure
		"(11111111-2222-3333-4444-666666666666) Method completed with status: 502",
		`{"requestId":"a2","status":"504","routeKey":"GET /items"}`,
		"the other route returns 5xx",
		`{"message": "Internal server error", "connectionId":"abc=", "requestId":"def="}`, // a WebSocket route's failure
		"Execution failed due to configuration error: Malformed Lambda proxy response",
		"curl: (22) The requested URL returned error: 503",
	}
	for _, b := range below {
		for _, a := range above {
			for _, in := range []string{b + "\n" + a, a + "\n" + b} {
				if d := diagnoseText(t, in); d.Status == StatusNone {
					t.Errorf("%q: answered none (%s)", in, d.Why)
				}
			}
		}
	}
}

// TestShown5xxJoinedToACodeBelow500: a 5xx written after a code below 500
// that the same verb governs ("it gives a 413 and then 502"), in the
// languages of the remediation catalog, codes listed with the case each
// answers or the callers each reaches, a 5xx a person saw, and one the
// gateway made of the function's answer. Without them the code below 500 reads as the answer: an
// all-clear. A 5xx after "or", a count and a duration show none.
func TestShown5xxJoinedToACodeBelow500(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"then", "The endpoint works for small payloads; for large ones it gives a 413 and then 502.", "502"},
		{"and, after a clause", "The API answers 400 Bad Request for bad input, and 502 when the body is large.", "502"},
		{"but sometimes", "The API returns 403 but sometimes 504.", "504"},
		{"es y luego", "La API devuelve 400 y luego 502.", "502"},
		{"pt-BR e depois", "A API retorna 400 e depois 502.", "502"},
		{"a list of cases", "Status 401 when the token is missing, 500 when it is present.", "500"},
		{"the client sees", "I return a 400 from my lambda but the client sees 502.", "502"},
		{"turned into", "My lambda returns a 404 and API gateway turns it into a 502.", "502"},
		{"becomes", "The 404 from my function becomes a 502.", "502"},
		{"for others", "403 for some users, 502 for others.", "502"},
		{"others get", "Some requests get 400, others 504.", "504"},
	})
	checkShown(t, 0, []shownForm{
		{"a design with or", "The handler returns 400 or 500 depending on the error."},
		{"a count after and", "It returns 200 and then 500 records."},
		{"a duration after then", "It returns 200 and then 500 ms later the page loads."},
		{"a count seen", "We saw 500 requests per second."},
		{"a count for others", "We reserve 500 for other teams."},
		{"others' count", "Others 500 users."},
	})
}

// A code in a relative clause on a function is what it was written to
// answer ("a basic handler function which returns 200 OK"), not what a
// client got; a 5xx said so is still one seen, and the same verb outside
// such a clause still shows its code.
func TestAFunctionsDesignShowsNoStatus(t *testing.T) {
	for _, c := range []struct {
		line string
		want int
	}{
		{"Basic HTTP handler function which returns 200 OK:", 0},
		{"We have a Lambda that responds with a 404 for unknown ids.", 0},
		{"I have a lambda that returns 502 sometimes.", 502},
		{"It returns 200 OK.", 200},
		{"I call the function and that returns 200 OK.", 200},
	} {
		if got := codeShown([]byte(strings.ToLower(c.line))); got != c.want {
			t.Errorf("%q: code %d, want %d", c.line, got, c.want)
		}
	}
}
