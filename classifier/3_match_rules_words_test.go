package classifier

import "testing"

// More of people's words for a cause, in the catalog's four languages.
func TestPeoplesWordsForCauses(t *testing.T) {
	checkWordings(t, []wording{
		{"6 MB", "Lambda has a hard payload limit of 6MB, so the original image gives a 502.", "lambda_payload_too_large", "502"},
		{"256 MB is memory", "The function has 256 MB of memory and the response fails with 502.", "unknown", "502"},
		{"0.6 MB is under it", "A 0.6 MB response body works; larger ones fail with 502.", "unknown", "502"},
		{"1,6 MB is under it", "O payload de 1,6 MB retorna erro 502.", "unknown", "502"},
		{"6 MB in brackets", "The response (6MB) fails with 502.", "lambda_payload_too_large", "502"},
		{"a large image", "A large image (PNG file > 2000x2000 px) is causing an error: {\"message\": \"Internal server error\"}", "lambda_payload_too_large", "502"},
		{"a big response payload", "Generating a big response payload with curl gives {\"message\": \"Internal server error\"}", "lambda_payload_too_large", "502"},
		{"a large upload is the request's", "Uploading a large image through the API answers 502.", "unknown", "502"},
		{"ja large image", "大きい画像をリサイズすると API Gateway が 502 を返します。", "lambda_payload_too_large", "502"},
		{"zh large image", "大图片调用接口就502。", "lambda_payload_too_large", "502"},
		{"throttled", "Under load the Lambda function was throttled and clients got 500.", "lambda_throttled", "500"},
		{"concurrency limit", "We hit the reserved concurrency limit and the API answered 500.", "lambda_throttled", "500"},
		{"cloudformation permission", "Adding an AWS::Lambda::Permission for apigateway.amazonaws.com fixed the 500 errors.", "lambda_invoke_permission", "500"},
		{"the trigger missing", "Lambda trigger not attached with API Gateway route. The API calls result in: `500 Internal Error`.", "lambda_invoke_permission", "500"},
		{"no api gateway trigger", "The function has no API Gateway trigger and the route answers 500.", "lambda_invoke_permission", "500"},
		{"another service's trigger", "The S3 trigger is not attached, and the API answers 500.", "unknown", "500"},
		{"a module import error", "The frontend got 502 Bad Gateway.\n- Lambda function returned \"Internal server error\"\n- Module import error in Lambda logs", "lambda_handler_misconfigured", "502"},
		{"the function returned the following error", "The Lambda function returned the following error: KeyError\nHTTP/1.1 500 Internal Server Error", "lambda_function_error", "500"},
		{"an adapter's message quoted short", "The BFF was returning \"Unable to determine event source\" errors and the API answered 500.", "lambda_function_error", "500"},
		{"never gets called", "The websocket answers Internal server error and the lambda handler never gets called.", "lambda_invoke_permission", "500"},
		{"an authorizer's function not called", "The HTTP API answers 500 and the authentication lambda is not called.", "unknown", "500"},
		{"a function not called by a name", "The handler function is not called app.handler, and the API answers 500.", "unknown", "500"},
		{"never invoking", "API Gateway returned `Internal Server Error` while never invoking Lambda at all.", "lambda_invoke_permission", "500"},
		{"permissions for the gateway", "IAM permissions are not being created for API Gateway to access the Lambda integration, and the route answers 500.", "lambda_invoke_permission", "500"},
		// (the API's own resource policy grants the gateway no call)
		{"the API's policy for the gateway", "The resource policy of the API has no permission for API Gateway to invoke it from our VPC endpoint; the call got 500.", "unknown", "500"},
		{"ja permission", "Lambda 呼び出しアクセス許可を REST API に追加すると 500 エラーが解消しました。", "lambda_invoke_permission", "500"},
		{"zh-TW permission", "新增 Lambda 調用權限後，500 錯誤就消失了。", "lambda_invoke_permission", "500"},
		{"pt-BR permission", "Adicionar uma permissão de invocação do Lambda resolveu o erro 500.", "lambda_invoke_permission", "500"},
		{"ja function timeout", "Lambda 関数がタイムアウトして 502 エラーになります。", "lambda_function_timeout", "502"},
		{"zh-TW function timeout", "Lambda 函數逾時，API Gateway 傳回 502。", "lambda_function_timeout", "502"},
		{"pt-BR function timeout", "A função Lambda atingiu o tempo limite e o API Gateway retornou 502.", "lambda_function_timeout", "502"},
		// a yes/no question guesses at a cause, in every language; a
		// wh-question takes the event it names as given, and a status a
		// question names still shows
		{"a yes/no question", "Could the Lambda be timing out, or is API Gateway timing out before the function finishes?", "unknown", "unknown"},
		{"a wh-question", "Why is API Gateway timing out before the function finishes?", "integration_timeout", "unknown"},
		{"a question and a finding", "Is it a timeout? The lambda is timing out.", "lambda_function_timeout", "unknown"},
		{"proxy format asked", "Is the Lambda proxy integration returning the wrong format? Do I need to return statusCode and headers?", "unknown", "unknown"},
		{"proxy format said", "The Lambda proxy integration is returning the wrong format.", "lambda_malformed_proxy_response", "unknown"},
		{"statusCode said", "You need to return statusCode and headers.", "lambda_malformed_proxy_response", "unknown"},
		{"proxy integration, another sentence", "We use a Lambda proxy integration! The client reads statusCode from the body.", "unknown", "unknown"},
		{"es asked", "¿O que falta un permiso de invocación?", "unknown", "unknown"},
		{"es said", "Falta un permiso de invocación.", "lambda_invoke_permission", "unknown"},
		{"pt asked", "Será que falta a permissão para invocar a função?", "unknown", "unknown"},
		{"pt said", "Falta a permissão para invocar a função.", "lambda_invoke_permission", "unknown"},
		{"ja asked", "統合タイムアウトでしょうか？", "unknown", "unknown"},
		{"ja asked why", "なぜ統合タイムアウトになるのでしょうか？", "integration_timeout", "unknown"},
		{"zh asked", "是不是集成超时？", "unknown", "unknown"},
		{"zh asked with 吗", "是集成超时吗？", "unknown", "unknown"},
		{"zh asked why", "为什么集成超时？", "integration_timeout", "unknown"},
		{"a status asked about", "Is it normal to get 502?", "unknown", "502"},
	})
}

// API Gateway's own throttling (account, stage, method or usage-plan
// limits) answers 429 before any function is called: a sentence naming it
// is not the function's throttling, while the function's throttling stays
// so beside the gateway's name.
func TestGatewaysThrottlingIsNotTheFunctions(t *testing.T) {
	for _, text := range []string{
		"API Gateway throttling kicks in before the Lambda function is invoked and clients get 504",
		"API Gateway is throttling invocations and we see 504",
		"Is API Gateway throttling the requests to my function? We get 504.",
		"The function is throttled by API Gateway and returns 504",
		"The stage's throttling limits are 10 requests per second for the function; clients get 504",
		"API Gateway のスロットリングで 504 エラーになります",
	} {
		if d := diagnoseText(t, text); d.Cause == CauseLambdaThrottled || d.Status != Status504 {
			t.Errorf("%q: got %s/%s, want 504 and not lambda_throttled", text, d.Status, d.Cause)
		}
	}
	checkWordings(t, []wording{
		{"function throttled", "Under load the Lambda function was throttled and clients got 500.", "lambda_throttled", "500"},
		{"function throttled, gateway named", "Under load the Lambda function was throttled and API Gateway answered 500.", "lambda_throttled", "500"},
		{"lambda throttling", "Lambda throttling made the API answer 500", "lambda_throttled", "500"},
		{"both named", "It was not API Gateway throttling: the Lambda function was throttled and the API answered 500.", "lambda_throttled", "500"},
	})
}

// Throttling ruled out is no throttling: the Throttles metric at zero, a
// negation before the word.
func TestThrottlingRuledOut(t *testing.T) {
	checkWordings(t, []wording{
		{"the metric at zero", "The Lambda itself is completely healthy (Throttles=0, Errors=0) and the API answers 500.", "unknown", "500"},
		{"no throttles", "The function shows no throttles in CloudWatch, yet the API answers 500.", "unknown", "500"},
		{"never throttled", "The Lambda function was never throttled; the API answers 500.", "unknown", "500"},
		{"a count above zero", "The Lambda function shows Throttles=12 and the API answers 500.", "lambda_throttled", "500"},
	})
}

// The function's answer in another format than a proxy integration reads,
// as the knowledge-center article on 502s from Lambda proxy integrations
// and the Lambda guide's page on errors behind API Gateway word it in
// each of their editions; the caller's own request not formatted is not it.
func TestPeoplesWordsForAMalformedAnswer(t *testing.T) {
	mal := "lambda_malformed_proxy_response"
	checkWordings(t, []wording{
		{"en article", "If your Lambda function's response to the API request isn't formatted correctly, then API Gateway returns an HTTP 502 status code.", mal, "502"},
		{"en article, required format", "The response isn't in the required JSON format, so the API answers 502.", mal, "502"},
		{"en improperly formatted", "An improperly formatted Lambda response gives a 502.", mal, "502"},
		{"ja article", "API リクエストに対する Lambda 関数のレスポンスが正しくフォーマットされていない場合、API Gateway は HTTP 502 ステータスコードを返します。", mal, "502"},
		{"ja Lambda guide", "誤った形式でレスポンスが返された場合、API Gateway は 502 を返します。", mal, "502"},
		{"ja article, JSON format", "応答が正しい形式の JSON ではない場合は 502 エラーになります", mal, "502"},
		{"ko article", "Lambda 함수 권한이 올바르지 않거나 API 요청의 응답 형식이 올바르지 않은 경우, API Gateway가 HTTP 502 상태 코드를 반환합니다.", mal, "502"},
		{"ko earlier edition", "API 요청에 대한 Lambda 함수의 응답이 올바르게 형식이 지정되지 않은 경우 API Gateway는 HTTP 502 상태 코드를 반환합니다.", mal, "502"},
		{"ko Lambda guide", "함수가 잘못된 형식으로 응답을 반환하는 경우 API Gateway에서 502를 반환합니다.", mal, "502"},
		{"zh-Hans Lambda guide", "如果函数返回格式错误的响应，API Gateway 会返回 502。", mal, "502"},
		{"fr article", "Si la réponse de votre fonction Lambda à la demande d'API n'est pas correctement formatée, API Gateway renvoie un code d'état HTTP 502.", mal, "502"},
		{"fr article title", "erreurs HTTP 502 « Réponse de proxy Lambda malformée »", mal, "502"},
		{"de article", "Wenn die Antwort auf die API-Anfrage nicht richtig formatiert ist, antwortet API Gateway mit HTTP-Statuscode 502.", mal, "502"},
		{"de Lambda guide", "Wenn die Funktion eine Antwort im falschen Format zurückgibt, gibt API Gateway den Fehlercode 502 zurück.", mal, "502"},
		{"es wrong format", "Si la respuesta de la función no tiene el formato correcto, API Gateway devuelve 502.", mal, "502"},
		{"fr function's answer", "La réponse de la fonction n'est pas au format JSON requis, d'où l'erreur 502.", mal, "502"},
		{"es Lambda guide", "Si la función devuelve una respuesta con un formato incorrecto, API Gateway devuelve 502.", mal, "502"},
		{"pt-BR article", "Se a resposta da função não estiver formatada corretamente, o API Gateway retorna 502.", mal, "502"},
		{"the caller's request", "I get a 400 response because the request isn't formatted correctly.", "not_5xx", "none"},
	})
}

// More of the Lambda guide's and knowledge-center articles' words for a
// cause in the languages they are published in: a function error, the
// invoke permission, the function timing out or throttled, the
// integration's 29 seconds.
func TestPeoplesWordsInMoreLanguages(t *testing.T) {
	checkWordings(t, []wording{
		{"zh-Hans function error", "函数错误导致 API Gateway 返回 502。", "lambda_function_error", "502"},
		{"de function error", "Ein Funktionsfehler: API Gateway gibt 502 zurück.", "lambda_function_error", "502"},
		{"fr function error", "une erreur de fonction, et API Gateway renvoie 502", "lambda_function_error", "502"},
		{"es function error", "un error de función, y API Gateway devuelve 502", "lambda_function_error", "502"},
		{"ko function error", "함수 오류가 발생해 API Gateway에서 502가 반환됩니다.", "lambda_function_error", "502"},
		{"es invoke permission", "Para resolver este problema, debes agregar el permiso de invocación de Lambda a tu API de REST; hoy devuelve 500.", "lambda_invoke_permission", "500"},
		{"fr invoke permission", "API Gateway invoque la fonction sans autorisation d'appel Lambda et renvoie une erreur 500.", "lambda_invoke_permission", "500"},
		{"fr earlier edition", "l'API essaie d'invoquer la fonction sans la permission Lambda invoke: erreur 500", "lambda_invoke_permission", "500"},
		{"fr HTTP API article", "Le rôle IAM n'est pas autorisé à appeler l'intégration, erreur 500.", "lambda_invoke_permission", "500"},
		{"de invoke permission", "Die REST-API ruft die Funktion ohne Lambda-Aufrufberechtigung auf, Fehler 500.", "lambda_invoke_permission", "500"},
		{"de no permission to invoke", "API Gateway hat keine Berechtigung zum Aufrufen der Lambda-Funktion, Fehler 500", "lambda_invoke_permission", "500"},
		{"ko invoke permission", "REST API가 Lambda 호출 권한 없이 Lambda 함수를 호출하면 500 오류가 발생합니다.", "lambda_invoke_permission", "500"},
		{"ko newer edition", "Lambda 간접 호출 권한이 없어서 500 오류가 발생합니다.", "lambda_invoke_permission", "500"},
		{"zh-TW invoked without permission", "API Gateway REST API 未經許可調用 Lambda 函式時傳回 500。", "lambda_invoke_permission", "500"},
		{"es function timeout", "La función Lambda agotó el tiempo de espera y API Gateway devolvió 502.", "lambda_function_timeout", "502"},
		{"de function timeout", "Zeitüberschreitung der Lambda-Funktion, API Gateway antwortet mit 502.", "lambda_function_timeout", "502"},
		{"fr function timeout", "La fonction Lambda a expiré et API Gateway renvoie 502.", "lambda_function_timeout", "502"},
		{"ko function timeout", "Lambda 함수가 시간 초과되어 502 오류가 발생합니다.", "lambda_function_timeout", "502"},
		{"es throttled", "La función Lambda está siendo limitada y API Gateway devuelve 500.", "lambda_throttled", "500"},
		{"es throttling", "Por la limitación de la función, la API devuelve 500.", "lambda_throttled", "500"},
		{"fr throttled", "Pourquoi ma fonction Lambda est limitée ? L'API renvoie 500.", "lambda_throttled", "500"},
		{"fr a duration is no throttling", "La fonction est limitée à 15 minutes et l'API renvoie 500.", "unknown", "500"},
		{"de throttled", "Die Lambda-Funktion wird gedrosselt und API Gateway antwortet mit 500.", "lambda_throttled", "500"},
		{"de the gateway throttles", "Die Aufrufe der Lambda-Funktion werden durch API Gateway gedrosselt, Fehler 504.", "integration_timeout", "504"},
		{"ko throttled", "Lambda 함수가 스로틀링되어 API Gateway가 500을 반환합니다.", "lambda_throttled", "500"},
		{"de 29 seconds", "Nach 29 Sekunden bekomme ich einen 504.", "integration_timeout", "504"},
		{"fr 29 seconds", "Après 29 secondes, l'API renvoie une erreur.", "integration_timeout", "unknown"},
		{"ko 29 seconds", "29초 후에 API 호출이 실패합니다.", "integration_timeout", "unknown"},
		{"ko more than 30 is no second", "요청이 30초과 대기하면 API가 실패합니다.", "unknown", "unknown"},
	})
}

// Choosing the function again in the integration request makes the
// console add the invoke permission (the knowledge-center article on
// "Invalid permissions on Lambda function"): people who re-saved,
// re-selected or re-attached the integration name that fix. Redeploying
// the API fixes another fault, and so does the console's save of an
// integration method (Lambda is called with POST).
func TestConsoleFixNamesTheInvokePermission(t *testing.T) {
	inv := "lambda_invoke_permission"
	checkWordings(t, []wording{
		{"re-saved", "Re-saving the Lambda function in the integration request fixed the 500 errors.", inv, "500"},
		{"detach and reattach", "api_gatewayv2 integration throws 500 unless I detach/reattach", inv, "500"},
		{"reattached it", "I manually detached the integration, then reattached it and the 500 went away.", inv, "unknown"},
		{"re-added in the console", "Re-adding it in the console fixed the Internal server error.", inv, "500"},
		{"re-added trigger", "Re-adding the API Gateway trigger fixed the 500 errors.", inv, "500"},
		{"redeploy is not it", "Redeploying the API in the console fixed the 500 errors.", "unknown", "500"},
		{"a save is not it", "The integrations were broken but worked as soon as they were edited and saved in the console.", "unknown", "unknown"},
	})
}

// Zappa's status check after a deploy names a function that fails in
// front of the API, with a 500 or a 502; a 504 is the call's time running
// out, and the check says nothing of its cause.
func TestDeployToolWords(t *testing.T) {
	checkWordings(t, []wording{
		{"zappa 502", "Error: Warning! Status check on the deployed lambda failed. A GET request to '/' yielded a 502 response code.", "lambda_function_error", "502"},
		{"zappa 500", "Error: Warning! Status check on the deployed lambda failed. A GET request to '/' yielded a 500 response code.", "lambda_function_error", "500"},
		{"zappa 504", "Error: Warning! Status check on the deployed lambda failed. A GET request to '/' yielded a 504 response code.", "integration_timeout", "504"},
	})
}

// "It works when I invoke the function directly but not through API
// Gateway" is said of a malformed answer, of a function that fails on the
// gateway's event, of a masked error and of a missing permission alike:
// the words name no cause, and the diagnosis abstains.
func TestWorksDirectlyNamesNoCause(t *testing.T) {
	checkWordings(t, []wording{
		{"en console", "The Lambda function works when I test it in the Lambda console, but API Gateway returns 502.", "unknown", "502"},
		{"en directly", "The lambda works when I invoke it directly but API Gateway returns Internal server error", "unknown", "500"},
		{"ja directly", "Lambdaを直接実行すると成功するのにAPI Gateway経由だと502エラーになる", "unknown", "502"},
		{"pt-BR console", "funciona no console do Lambda mas via API Gateway retorna 500", "unknown", "500"},
		{"es console", "La función funciona en la consola de Lambda pero a través de API Gateway devuelve 502", "unknown", "502"},
	})
}

// English words for the fields a proxy integration's answer needs (a
// string body, a statusCode: the article on proxy-integration 502s and
// the API Gateway guide's output format), for a function that throws, for
// a handler setting named wrong (the article's first check), for a
// reserved concurrency of zero (the Lambda guide's concurrency page) and
// for the Lambda API's AddPermission.
func TestPeoplesWordsInEnglish(t *testing.T) {
	checkWordings(t, []wording{
		{"body not stringified", "I forgot to JSON.stringify the body, so API Gateway returned 502.", "lambda_malformed_proxy_response", "502"},
		{"json.dumps left out", "The handler returned the dict without calling json.dumps and the API answered 502.", "lambda_malformed_proxy_response", "502"},
		{"body an object", "The body was an object instead of a string and the API returned 502.", "lambda_malformed_proxy_response", "502"},
		{"response as json", "Have a lambda function which returns a response as JSON not string; the API answers 502.", "lambda_malformed_proxy_response", "502"},
		{"headers as an array", "Headers passed as array to result (should be an object to allow aws lambda proxy works normally): 502 internal server error", "lambda_malformed_proxy_response", "502"},
		{"request body as json is no fault", "The request body is sent as JSON, not a string, and the API answers 502.", "unknown", "502"},
		{"headers a list, multiValueHeaders", "multiValueHeaders take a list of values and the API answers 502.", "unknown", "502"},
		// an answer that is no function's: the client's reading of what it
		// got, a mapping template's output, a request's headers
		{"a client's response as json", "The client receives the response as JSON not string, so JSON.parse fails; the API answers 502.", "unknown", "502"},
		{"a mapping template's output", "My mapping template returns the response as JSON not string; the API answers 500.", "unknown", "500"},
		{"a request's headers as an array", "The request headers were passed as an array but should be an object; the API answers 502.", "unknown", "502"},
		{"a client library's headers", "Axios sends the headers as an array, it should be an object; the API answers 502.", "unknown", "502"},
		{"body must be a string", "The body must be a string; mine was a dict and I got a 502.", "lambda_malformed_proxy_response", "502"},
		{"no statusCode", "The response has no statusCode, so I get a 502.", "lambda_malformed_proxy_response", "502"},
		{"statusCode missing", "My function's output didn't include a statusCode and API Gateway returned 502.", "lambda_malformed_proxy_response", "502"},
		{"a stringified body is no fault", "I JSON.stringify the body and still get a 502.", "unknown", "502"},
		{"a masked 200 beside a 502", "The API returns 200 even when the lambda fails, and sometimes 502.", "lambda_function_error", "502"},
		{"the gateway's error after a 200", "The function returns 200 but API Gateway responds with Internal Server Error", "unknown", "500"},
		{"the gateway's timeout after a 200", "Test invoke returns 200 but the deployed stage answers with a gateway timeout.", "integration_timeout", "504"},
		{"a masked error", "The API returns 200 even when the function throws an exception.", "lambda_error_masked_as_200", "none"},
		{"a failure with its own 5xx beside a 200", "API Gateway returns HTTP 200 for OPTIONS but the POST fails with 500", "unknown", "500"},
		{"the 5xx first", "The POST failed with a 502 while the preflight returned 200.", "unknown", "502"},
		// a retry that succeeded is another request than the one that
		// failed: its 200 does not say the failure was answered 200 (the
		// client-retry advice of the 5xx knowledge-center article)
		{"a retry's 200", "Sometimes it fails, but if I retry it returns 200.", "unknown", "unknown"},
		{"the retry's 200 after a failure", "The first call fails and the retry returns 200.", "unknown", "unknown"},
		{"a second attempt's 200", "The request times out, and on the second attempt it returns 200.", "unknown", "unknown"},
		// nor is the 200 of the routes that work beside the one that fails
		{"the other routes' 200", "The GET endpoints return 200 without problems, only this route fails.", "unknown", "unknown"},
		{"other endpoints' 200", "The other endpoints return 200 but the orders endpoint fails.", "unknown", "unknown"},
		{"a semicolon's two clauses", "The health check returns 200; the orders route fails.", "unknown", "unknown"},
		{"exception in my lambda", "There is an unhandled exception in my lambda and the API returns 502.", "lambda_function_error", "502"},
		{"lambda throws", "The lambda throws an error and API Gateway answers 502.", "lambda_function_error", "502"},
		{"handler raises", "The handler raises a KeyError and the API answers 502.", "lambda_function_error", "502"},
		{"no errors in the lambda", "There are no errors in the lambda, yet the API returns 502.", "unknown", "502"},
		{"handler name wrong", "The handler name is wrong, so API Gateway returns 502.", "lambda_handler_misconfigured", "502"},
		{"wrong handler", "I had the wrong handler in template.yaml and got a 502.", "lambda_handler_misconfigured", "502"},
		{"handler code is not the setting", "I fixed the handler code and I still get a 502.", "unknown", "502"},
		{"reserved concurrency zero", "I set the reserved concurrency to 0 and now the API returns 500.", "lambda_throttled", "500"},
		{"reserved concurrency, CloudFormation", "ReservedConcurrentExecutions: 0 and every call returns 500", "lambda_throttled", "500"},
		{"reserved concurrency, Terraform", "reserved_concurrent_executions = 0 gives 500 on every call", "lambda_throttled", "500"},
		{"reserved concurrency ten", "reserved_concurrent_executions = 10 and the API returns 500", "unknown", "500"},
		// (the account's limit said with its value is a setting every
		// request has; said reached, it is the event)
		{"the account's concurrency limit as a setting", "Stage throttling is set to 10000 requests per second, and the account concurrency limit is 1000, so we should be well below any limits.\nHTTP/1.1 500 Internal Server Error", "unknown", "500"},
		{"the account's concurrency limit reached", "The account concurrency limit is 1000 and we reached it during the sale.\nHTTP/1.1 500 Internal Server Error", "lambda_throttled", "500"},
		{"addPermission", "Calling fn.addPermission for apigateway.amazonaws.com fixed the 500 errors.", "lambda_invoke_permission", "500"},
	})
}

// A function that ran to its end without an error behind a 5xx: the
// Lambda guide's "Handling Lambda errors with an API Gateway API" leaves a
// response in the wrong format as the answer of a function that ran and
// did not fail. Not a run outside the API, nor one said not to have ended
// well; a late end behind the gateway's timeout is that timeout.
func TestCleanRunInPeoplesWords(t *testing.T) {
	checkWordings(t, []wording{
		{"completed successfully per cloudwatch", "The Lambda execution completed successfully according to CloudWatch, yet the API answers 502.", "lambda_malformed_proxy_response", "502"},
		{"working correctly in the logs", "When I examined the logs, the lambda function was working correctly, but every call returns 500 Internal Server Error.", "lambda_malformed_proxy_response", "500"},
		{"returns without errors", "The handler returns without any errors and API Gateway still gives a 502.", "lambda_malformed_proxy_response", "502"},
		{"ended normally", "The invocation ended normally but the client gets 502 Bad Gateway.", "lambda_malformed_proxy_response", "502"},
		// look-alikes
		{"in the console", "The function completes successfully in the Lambda console but API Gateway returns 502.", "unknown", "502"},
		{"invoked directly", "The function runs without errors when I invoke it directly, but API Gateway returns 502.", "unknown", "502"},
		{"never ended well", "The function never completed successfully and the API returned 502.", "unknown", "502"},
		{"working, no log", "The lambda function was working correctly until yesterday; now the API returns 502.", "unknown", "502"},
		{"a long run", "The function completed successfully after 35 seconds, but the client got an error.", "unknown", "unknown"},
		{"finished after the timeout", "The function completes successfully, but the client gets {\"message\": \"Endpoint request timed out\"}", "integration_timeout", "504"},
	})
}

// A Node.js handler's line that ends the invocation with an error, as
// people paste it: callback's first parameter is the error payload of a
// failed execution (@types/aws-lambda's Callback), and so is the older
// context.fail's and context.done's.
func TestFailedCallbackInPastedCode(t *testing.T) {
	checkWordings(t, []wording{
		{"callback with an Error", "So I go like this: `callback(new Error('[400] Bad Request'))` and all I get is a 502 Bad Gateway.", "lambda_function_error", "502"},
		{"callback with the caught error", "    if (err) return callback(err);\nThe API answers 502.", "lambda_function_error", "502"},
		{"a typed error", "callback(new createError.BadRequest('bad input'))\nHTTP/1.1 502 Bad Gateway", "lambda_function_error", "502"},
		{"context.fail", "context.fail('Something went wrong');\nand the client gets {\"message\": \"Internal server error\"} with 502", "lambda_function_error", "502"},
		{"context.done with an error", "context.done(error, null);\nHTTP/1.1 502 Bad Gateway", "lambda_function_error", "502"},
		// look-alikes: a result, and the error's JSON as a string
		{"a result", "callback(null, {statusCode: 500, body: 'oops'});\nHTTP/1.1 502 Bad Gateway", "unknown", "502"},
		{"context.done with a result", "context.done(null, response);\nHTTP/1.1 502 Bad Gateway", "unknown", "502"},
		{"an errorful name", "callback(errors.length ? 400 : 200)\nHTTP/1.1 502 Bad Gateway", "unknown", "502"},
	})
}

// API Gateway named as the one that timed out, its limit in milliseconds,
// a mapping template named invalid, a MOCK integration (whose only 5xx is
// its template's), and a browser's CORS refusal in the words people quote
// of it.
func TestPeoplesWordsForTheGateway(t *testing.T) {
	checkWordings(t, []wording{
		{"the gateway's timeout", "We hit the API Gateway timeout on long requests.", "integration_timeout", "unknown"},
		{"a timeout on the gateway", "How to avoid timeout error on API Gateway for the first call?", "integration_timeout", "unknown"},
		{"the gateway timed out", "API Gateway timed out waiting for the lambda and returned 504.", "integration_timeout", "504"},
		{"milliseconds", "API Gateway only admits 29,000 ms as maximum delay.", "integration_timeout", "unknown"},
		{"an authorizer's timeout is the authorizer's", "The authorizer timed out on API Gateway and I got 500.", "authorizer_error", "500"},
		{"the authorizer failed", "Our custom authorizer fails with an error on every call.", "authorizer_error", "unknown"},
		// (a package's name holds the word: the CDK's authorizers module,
		// an npm scoped package, failing to install is no authorizer)
		{"the CDK's authorizers module", "Adding the new @aws-cdk/aws-apigatewayv2-authorizers caused an error related to a version conflict.", "unknown", "unknown"},
		// (nor an authorizer that an import could not create: no request met it)
		{"an authorizer not created", "Unable to create Authorizer 'MyJwtAuthorizer': Caught exception when connecting to https://oidc.example.com/.well-known/openid-configuration", "unknown", "unknown"},
		{"an authorizer failing on requests", "The JWT authorizer fails with an exception on every request and the API answers 500.", "authorizer_error", "500"},
		{"the CDK's module in Python", "Importing aws_cdk.aws_apigatewayv2_authorizers fails with an error.", "unknown", "unknown"},
		{"a scoped package", "Upgrading @acme/api-authorizer-utils failed with an error.", "unknown", "unknown"},
		{"the function's timeout stays", "The lambda times out after 3 seconds and API Gateway returns 502.", "lambda_function_timeout", "502"},
		{"VTL wrong", "The VTL syntax in the response template is wrong and API Gateway answers 500.", "mapping_template_error", "500"},
		{"velocity template invalid", "The velocity template is invalid, so the API returns 500.", "mapping_template_error", "500"},
		{"mapping template syntax error", "The mapping template has a syntax error and the API answers 500.", "mapping_template_error", "500"},
		{"invalid mapping template", "An invalid mapping template gives 500 on every call.", "mapping_template_error", "500"},
		{"a mock integration", "The OPTIONS method uses a mock integration with an application/json template, and a form-encoded preflight gets 500.", "mapping_template_error", "500"},
		{"the integration type", "The child method's integration type is MOCK and calling it returns Internal Server Error (500).", "mapping_template_error", "500"},
		{"ko mock picked", "$default 라우트에 Mock을 선택했는데 메시지마다 500 Internal Server Error가 옵니다.", "mapping_template_error", "500"},
		{"a mocked module is no integration", "No module named 'shared.ad_connector_mock' and the API answers 502.", "lambda_handler_misconfigured", "502"},
		{"a test's mock is no integration", "In the unit test I mock the DynamoDB client; deployed, the API answers 502.", "unknown", "502"},
		{"a selection pattern is not the template", "Lambda integration response template's pattern is wrong and the API returns 500.", "unknown", "500"},
		{"chrome's reason alone", "No 'Access-Control-Allow-Origin' header is present on the requested resource.", "not_5xx", "unknown"},
		{"firefox's reason", "Reason: CORS header 'Access-Control-Allow-Origin' missing.", "not_5xx", "unknown"},
		{"firefox's reason with a 502", "Reason: CORS header ‘Access-Control-Allow-Origin’ missing. Status code: 502.", "unknown", "502"},
	})
}

// The gateway's and Lambda's messages as people paraphrase them
// ("a malformed proxy response error", "an invalid permissions error on
// the lambda", "the handler was not found"), the function at its memory
// limit, and a call longer than the gateway waits.
func TestPeoplesParaphrases(t *testing.T) {
	checkWordings(t, []wording{
		{"malformed proxy response", "The API returns 502 with a malformed proxy response error.", "lambda_malformed_proxy_response", "502"},
		{"response is malformed", "API Gateway says the lambda response is malformed and returns 502.", "lambda_malformed_proxy_response", "502"},
		{"invalid permissions", "Got an invalid permissions error on the lambda, the API returns 500.", "lambda_invoke_permission", "500"},
		{"an authorizer's invalid permissions", "Invalid permissions on the authorizer lambda, the API returns 500.", "authorizer_error", "500"},
		{"permission error invoking", "There is a permission error invoking the lambda from API Gateway, so we get 500.", "lambda_invoke_permission", "500"},
		{"handler not found", "The handler was not found, so the API returns 502.", "lambda_handler_misconfigured", "502"},
		{"cannot find the handler", "Lambda cannot find the handler and API Gateway returns 502.", "lambda_handler_misconfigured", "502"},
		{"memory limit", "Lambda hits its memory limit and API Gateway returns 502.", "lambda_out_of_memory", "502"},
		{"a memory size is no failure", "We have a memory limit of 512 MB and the API returns 502.", "unknown", "502"},
		{"longer than the gateway waits", "The lambda takes more than 30 seconds to respond and the API returns 504.", "integration_timeout", "504"},
		{"longer, REST 502", "The request takes more than 30 seconds and the API returns 502.", "lambda_function_timeout", "502"},
	})
}

// The function out of memory, at its concurrency limit, or without the
// handler its setting names, in the words of the Lambda guide's editions.
func TestPeoplesWordsForTheFunctionInMoreLanguages(t *testing.T) {
	oom, thr, hdl := "lambda_out_of_memory", "lambda_throttled", "lambda_handler_misconfigured"
	checkWordings(t, []wording{
		{"ja out of memory", "Lambdaがメモリ不足で落ちて502になります", oom, "502"},
		{"zh-Hans out of memory", "Lambda 内存不足，API Gateway 返回 502", oom, "502"},
		{"zh-TW out of memory", "Lambda 記憶體不足，API Gateway 傳回 502", oom, "502"},
		{"ko out of memory", "Lambda 메모리 부족으로 502 오류가 발생합니다", oom, "502"},
		{"pt-BR out of memory", "A função Lambda ficou sem memória e a API retornou 502", oom, "502"},
		{"es out of memory", "La función Lambda se quedó sin memoria y la API devolvió 502", oom, "502"},
		{"fr out of memory", "La fonction Lambda manque de mémoire et l'API renvoie 502", oom, "502"},
		{"de out of memory", "Die Lambda-Funktion hat nicht genug Arbeitsspeicher, die API antwortet mit 502", oom, "502"},
		{"ja concurrency limit", "同時実行数の上限に達して500エラーになります", thr, "500"},
		{"zh-Hans concurrency limit", "达到并发上限后 API Gateway 返回 500", thr, "500"},
		{"zh-TW concurrency limit", "達到並行限制後 API Gateway 傳回 500", thr, "500"},
		{"ko concurrency limit", "동시성 한도에 도달하면 API가 500을 반환합니다", thr, "500"},
		{"pt-BR concurrency limit", "Se a função atingir o limite de simultaneidade, a API retorna 500", thr, "500"},
		{"es concurrency limit", "Al alcanzar el límite de simultaneidad, la API devuelve 500", thr, "500"},
		{"fr concurrency limit", "Quand la limite de simultanéité est atteinte, l'API renvoie 500", thr, "500"},
		{"de concurrency limit", "Wenn das Gleichzeitigkeitslimit erreicht ist, antwortet die API mit 500", thr, "500"},
		{"ja handler not found", "ハンドラーが見つからないと言われて502になります", hdl, "502"},
		{"zh-Hans handler not found", "找不到 handler，API Gateway 返回 502", hdl, "502"},
		{"ko handler not found", "핸들러를 찾을 수 없어 502 오류가 발생합니다", hdl, "502"},
	})
}

// Lambda's payload limit as people name it: beside the 6 MB in the words
// of the Lambda guide's quotas page as its editions write them, or by
// name without the number. API Gateway's own limits (10 MB, a WebSocket
// frame's 128 KB) are not it, nor a function slow to answer.
func TestPeoplesWordsForLambdasPayloadLimit(t *testing.T) {
	const (
		p    = "lambda_payload_too_large"
		resp = "HTTP/1.1 502 Bad Gateway\n{\"message\": \"Internal server error\"}\n"
	)
	checkWordings(t, []wording{
		// the quotas page's "Invocation payload (request and response)":
		// 呼び出しペイロード (リクエストとレスポンス), 调用负载（请求和响应）,
		// carga útil de invocação (solicitação e resposta), 호출 페이로드
		{"japanese", resp + "Lambdaのレスポンスが6MBを超えるとエラーになります。", p, "502"},
		{"chinese", resp + "Lambda 函数的响应超过 6MB 限制。", p, "502"},
		{"portuguese", resp + "A resposta da função Lambda ultrapassa o limite de 6 MB.", p, "502"},
		{"korean", resp + "Lambda 응답이 6MB 제한을 넘었습니다.", p, "502"},
		// the unit and the number as people write them (6,291,456 bytes
		// is 6 MiB)
		{"mib", resp + "The response is over 6 MiB.", p, "502"},
		{"megabytes", resp + "A body of more than 6 megabytes fails.", p, "502"},
		{"grouped bytes", resp + "The response limit is 6,291,556 bytes.", p, "502"},
		{"memory in mib", resp + "We have 256 MiB of memory and the response fails.", "unknown", "502"},
		{"by name", resp + "The response exceeds the Lambda payload limit.", p, "502"},
		{"by name, japanese", resp + "Lambdaのペイロードの上限を超えたため失敗しました。", p, "502"},
		{"by name, chinese", resp + "Lambda 的响应大小限制导致失败。", p, "502"},
		{"by name, portuguese", resp + "O erro vem do limite de payload do Lambda.", p, "502"},
		{"by name, spanish", resp + "Es el límite de carga útil de Lambda.", p, "502"},
		{"by name, korean", resp + "Lambda 페이로드 한도를 넘었습니다.", p, "502"},
		{"concurrency limit, japanese", resp + "Lambdaの同時実行数の上限に達しました。", "lambda_throttled", "502"},
		{"by name, size limit", resp + "We hit the Lambda response size limit on large exports.", p, "502"},
		{"limit of lambda", resp + "It is the payload limit of AWS Lambda.", p, "502"},
		{"maximum size", resp + "Lambda's maximum response size is exceeded when the list is long.", p, "502"},
		{"too large for lambda", resp + "The response is too large for Lambda.", p, "502"},
		{"lambda response too large", resp + "The Lambda response was too large to return.", p, "502"},
		// (look-alikes)
		{"gateway's 10 MB", resp + "API Gateway's payload limit is 10 MB, so the upload never reaches our Lambda.", "backend_payload_too_large", "502"},
		{"slow, not large", resp + "The response time of our Lambda is too long on cold starts.", "unknown", "502"},
		{"payload without lambda", resp + "The response payload is too big.", "unknown", "502"},
		{"invocations, not their payload", resp + "We hit the Lambda concurrent invocation limit during the sale.", "unknown", "502"},
		{"invocation quota", resp + "Our Lambda reached its invocation quota for the account.", "unknown", "502"},
		{"invocation payload", resp + "The Lambda invocation payload limit applies to the response.", p, "502"},
		// a size over the limit without the quotas page's words
		// (image-resizer-service issue 19's ">6mb image", the
		// image-optimization sample's "over 6MB", zenn.dev's 6MB以上)
		{"larger than", resp + "Serving an image larger than 6MB fails.", p, "502"},
		{"over", resp + "Large (over 6MB) image handling", p, "502"},
		{"greater-than sign", resp + "the original sized image of an >6mb image", p, "502"},
		// (the number rounded: context-ontology-accelerator issue 143's
		// "larger than ~6 MB")
		{"larger than about", resp + "Any ontology larger than ~6 MB is unreachable through the API.", p, "502"},
		{"over around", resp + "Responses over around 6 MB fail.", p, "502"},
		{"japanese over", resp + "6MBを超えるファイルを返すとエラーになります。", p, "502"},
		{"japanese or more", resp + "6MB以上のデータを返却するとエラーになります。", p, "502"},
		{"chinese over", resp + "返回超过 6MB 的文件时报错。", p, "502"},
		{"korean over", resp + "6MB를 초과하는 파일을 반환하면 오류가 납니다.", p, "502"},
		{"16 MB is not it", resp + "Files over 16MB fail.", "unknown", "502"},
		// (the limit ruled out: a size under it, or the limit denied)
		{"well under it", resp + "The response is only 1 MB, well under Lambda's 6 MB payload limit.", "unknown", "502"},
		{"far below it", resp + "The body is 200 KB, far below the 6MB response limit.", "unknown", "502"},
		{"not it", resp + "It is not the 6 MB payload limit: the response is tiny.", "unknown", "502"},
		{"under it, japanese", resp + "レスポンスは6MB未満なので上限ではありません。", "unknown", "502"},
		{"under it, chinese", resp + "响应小于 6MB，不是负载限制的问题。", "unknown", "502"},
		{"under it, korean", resp + "응답은 6MB 미만이라 제한 문제가 아닙니다.", "unknown", "502"},
		{"below it", resp + "Images well below 6MB fail too.", "unknown", "502"},
	})
}

// The function's answer said not to follow the proxy output format, with a
// verb of conformity denied or a function "not returning" the right one
// (re:Post's "must conform to the format that API Gateway is expecting",
// the Knowledge Center's "isn't in the required format"). An authorizer's
// answer, or a request, is not the function's answer.
func TestPeoplesWordsForAnAnswerOutOfFormat(t *testing.T) {
	const (
		m    = "lambda_malformed_proxy_response"
		resp = "HTTP/1.1 502 Bad Gateway\n{\"message\": \"Internal server error\"}\n"
	)
	checkWordings(t, []wording{
		{"does not respect", resp + "The response payload with the cookie property does not respect API Gateway v1 format.", m, "502"},
		{"does not conform", resp + "My Lambda response doesn't conform to the expected format.", m, "502"},
		{"not following", resp + "The output of the adapter isn't following the proxy integration format.", m, "502"},
		{"not returning the structure", resp + "The function handler is not returning the correct response payload structure.", m, "502"},
		{"never returns the format", resp + "The wrapped handler never returns the expected proxy response format.", m, "502"},
		// (the sentence is a person's even where it names a CDN's header)
		{"beside a header it names", "The API returns a 502 error page with the header `X-Cache: Error from cloudfront`, which is usually related to the function handler not returning the correct response payload structure.", m, "502"},
		// (look-alikes)
		{"authorizer's format", resp + "The authorizer is not returning the correct response format.", "unknown", "502"},
		{"not the right data", resp + "Our API is not returning the correct data.", "unknown", "502"},
		{"the request's payload", resp + "The request payload does not match the expected JSON format, so the mapping template fails.", "unknown", "502"},
		{"the event's payload", resp + "The event payload the function receives does not match the v2 format.", "unknown", "502"},
		{"a queue message's payload", resp + "The SQS message payload isn't following the expected format.", "unknown", "502"},
		{"the answer beside the request", resp + "The request payload is fine, but the response payload does not conform to the proxy format.", m, "502"},
	})
}

// A failed function answered 200 by a custom (non-proxy) Lambda
// integration (the API Gateway guide's "Handle Lambda errors in API
// Gateway" and the knowledge-center article on 200 OK responses from
// REST APIs): an API that only ever answers 200 beside the function, a
// failure still answered with "a status code of 200", and a selection
// pattern that did not match the error. A 5xx the same words show is a
// request that failed, and a question how to do it names no failure.
func TestMaskedErrorWordings(t *testing.T) {
	checkWordings(t, []wording{
		{"still a status code of 200", "If the function fails, you will still get a status code of 200 on the request.", "lambda_error_masked_as_200", "none"},
		{"always returns 200", "I tested the function through API Gateway and the response code always returns 200 ok.", "lambda_error_masked_as_200", "none"},
		{"returns only 200", "The lambda throws an error but the API returns only 200.", "lambda_error_masked_as_200", "none"},
		{"nothing but 200", "Whatever error my handler raises, I get nothing but 200.", "lambda_error_masked_as_200", "none"},
		{"pattern is wrong", "Lambda integration response template's pattern is wrong.", "lambda_error_masked_as_200", "none"},
		{"error regex not matching", "The Lambda Error Regex doesn't match the errorMessage.", "lambda_error_masked_as_200", "none"},
		{"selection pattern not picked up", "The selectionPattern for the error is not picked up.", "lambda_error_masked_as_200", "none"},
		{"a pattern beside a 5xx", "The selection pattern doesn't match and the API answers Bad Gateway.", "unknown", "502"},
		{"a 502 beside it", "The lambda throws an error and the API only returns 200, sometimes 502.", "lambda_function_error", "502"},
		{"a question how", "How do I make my Lambda always return 200?", "unknown", "unknown"},
		{"a selection pattern that matches", "The selection pattern matches the error and the API returns 400.", "not_5xx", "none"},
		{"no failure named", "The health check always returns 200.", "unknown", "unknown"},
		{"a retry's 200", "The function fails, but if I retry it only returns 200.", "unknown", "unknown"},
	})
}

// The integration's timeout in more of people's words: a timeout "on my
// AWS API Gateway", a call "causing API Gateway to time out", its "30
// second restriction" (the API Gateway guide's quotas: 29 seconds), the
// seconds abbreviated, and the limit in Simplified Chinese, Portuguese and
// Spanish.
func TestGatewayTimeoutMoreWordings(t *testing.T) {
	checkWordings(t, []wording{
		{"time out errors on my api gateway", "How I solved time out errors on my AWS api gateway", "integration_timeout", "unknown"},
		{"causing api gateway to timeout", "Our lambda functions query slow sites, causing API gateway to timeout.", "integration_timeout", "unknown"},
		{"30 second restriction", "API Gateway has a hard 30 second restriction on requests.", "integration_timeout", "unknown"},
		{"times out after 29 seconds", "The API times out after 29 seconds.", "integration_timeout", "unknown"},
		{"times out after 30s", "My API times out after 30s even though the Lambda timeout is 5 minutes.", "integration_timeout", "unknown"},
		{"a 29 sec limit", "There is a 29 sec limit on the integration.", "integration_timeout", "unknown"},
		{"no response for nearly 30 seconds", "There was a 5xx error caused by APIGateway not getting a response back for nearly 30 seconds.", "integration_timeout", "504"},
		{"no response within 29 s", "The client got a 504: no response within 29s from the backend.", "integration_timeout", "504"},
		{"no response for 3 seconds", "The page shows no response for 3 seconds, then loads.", "unknown", "unknown"},
		{"zh-Hans 29 秒超时", "API Gateway 的 29 秒超时限制", "integration_timeout", "unknown"},
		{"pt-BR 29 segundos", "O API Gateway tem um limite de 29 segundos e a função demora 40 segundos.", "integration_timeout", "unknown"},
		{"es 29 segundos", "API Gateway corta la conexión a los 29 segundos.", "integration_timeout", "unknown"},
		{"a function's own 3 s", "The lambda times out after 3s and the API returns 502.", "lambda_function_timeout", "502"},
		{"30s without a timeout", "The report takes 30s to render.", "unknown", "unknown"},
		{"not a timeout", "The function does not time out; it finishes in 2 seconds.", "unknown", "unknown"},
		// the caller's request to the gateway timing out is the caller's
		// wait ending (aws-sdk-go-v2 issue 1534: a function's own call to
		// an API); the gateway that gave up answers 504
		{"a request to API Gateway times out", "The request to API Gateway times out without any indication as to what could be wrong.", "unknown", "unknown"},
		{"calls to API Gateway timed out", "Calls to API Gateway timed out from the mobile app.", "unknown", "unknown"},
	})
}

// "CloudFormation" holds "format" without naming the proxy response's
// format (serverless issue 9525: a method of a Lambda proxy integration
// deployed before its invoke permission).
func TestCloudFormationIsNoFormat(t *testing.T) {
	checkWordings(t, []wording{
		{"proxy integration and CloudFormation", "When creating an API gateway method using the lambda proxy integration, the method isn't set to depend on the lambda permission in the CloudFormation code.", "unknown", "unknown"},
		{"proxy response format", "The proxy response has the wrong format, and the API answers 502.", "lambda_malformed_proxy_response", "502"},
	})
}

// The gateway's permission to invoke the function, missing, in more of
// the words issue reports use (the knowledge-center article on "Invalid
// permissions on Lambda function"): the template's resource without its
// "AWS::" and the permission named by its action and said missing. One
// created, an authorizer's and a service integration's role are not it.
func TestInvokePermissionMoreWordings(t *testing.T) {
	checkWordings(t, []wording{
		{"Lambda::Permission", "Only the $connect route gets a Lambda::Permission resource; the others answer 500.", "lambda_invoke_permission", "500"},
		{"execute permission not in place", "The lambda execute permission is not in place after the first deploy.", "lambda_invoke_permission", "unknown"},
		{"missing invoke permission", "We were missing the lambda invoke permission.", "lambda_invoke_permission", "unknown"},
		{"an invoke permission created", "I created the stack along with lambda invoke permissions.", "unknown", "unknown"},
		{"an authorizer never called", "The authentication lambda is not called and the API answers 500.", "unknown", "500"},
		{"a service integration's role", "IAM permissions for API Gateway to access DynamoDB are missing.", "unknown", "unknown"},
	})
}

// The authorizer named in the Japanese, Chinese and Portuguese editions of
// the developer guide's words ("Lambda オーソライザー", "Lambda 授權方",
// "autorizador do Lambda") names a failure only beside words of failure in
// the same sentence; a sentence saying the API has one describes the setup.
func TestAuthorizerNamedInOtherLanguages(t *testing.T) {
	checkWordings(t, []wording{
		// (dev.classmethod.jp's note of an HTTP API's authorizer: the
		// setup sentence above the question)
		{"ja setup", "API Gateway の HTTP API で、Lambda オーソライザーによる認証を設定しました。", "unknown", "unknown"},
		{"zh setup", "我們在 REST API 上設定了 Lambda 授權方。", "unknown", "unknown"},
		{"pt setup", "Configurei um autorizador do Lambda na API REST.", "unknown", "unknown"},
		{"ja failing", "Lambda オーソライザーがエラーを返しています。", "authorizer_error", "unknown"},
		{"zh failing", "Lambda 授權方傳回錯誤。", "authorizer_error", "unknown"},
		{"pt failing", "O autorizador do Lambda falha em todas as chamadas.", "authorizer_error", "unknown"},
	})
}

// The invoke permission as a template or code declares it (CloudFormation's
// resource type, Terraform's aws_lambda_permission, the CDK's grantInvoke,
// the Lambda API's AddPermission as the SDKs call it, the CLI's
// add-permission as a command line runs it) is the permission
// being there; a person's sentence naming it as the fix or as what was
// missing still names the cause.
func TestInvokePermissionDeclaredInCode(t *testing.T) {
	const got500 = "HTTP/1.1 500 Internal Server Error\n"
	checkWordings(t, []wording{
		{"CloudFormation resource", got500 + "Resources:\n  InvokePermission:\n    Type: AWS::Lambda::Permission\n    Properties:\n      Action: lambda:InvokeFunction", "unknown", "500"},
		{"CloudFormation JSON", got500 + "\"InvokePermission\": { \"Type\": \"AWS::Lambda::Permission\", \"Properties\": { \"Action\": \"lambda:InvokeFunction\" } }", "unknown", "500"},
		{"Terraform resource", got500 + "resource \"aws_lambda_permission\" \"apigw\" {\n  action = \"lambda:InvokeFunction\"\n}", "unknown", "500"},
		{"Terraform reference", got500 + "  depends_on = [aws_lambda_permission.apigw]", "unknown", "500"},
		{"CDK call", got500 + "  fn.grantInvoke(new iam.ServicePrincipal('apigateway.amazonaws.com'));", "unknown", "500"},
		{"SDK call", got500 + "  await lambda.send(new AddPermissionCommand({ FunctionName: name, Action: 'lambda:InvokeFunction' }));", "unknown", "500"},
		// the CLI's add-permission run, after a prompt or with its flags
		// (continued over lines with backslashes), and its output
		{"CLI call", got500 + "$ aws lambda add-permission --function-name orders --statement-id apigw --action lambda:InvokeFunction --principal apigateway.amazonaws.com", "unknown", "500"},
		{"CLI call without a prompt", got500 + "aws lambda add-permission --function-name orders \\\n  --statement-id apigw --action lambda:InvokeFunction \\\n  --principal apigateway.amazonaws.com", "unknown", "500"},
		{"CLI call's output", got500 + "{\n    \"Statement\": \"{\\\"Sid\\\":\\\"apigw\\\",\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":{\\\"Service\\\":\\\"apigateway.amazonaws.com\\\"},\\\"Action\\\":\\\"lambda:InvokeFunction\\\"}\"\n}", "unknown", "500"},
		{"a person naming the CLI's", got500 + "I forgot to run aws lambda add-permission for the API.", "lambda_invoke_permission", "500"},
		{"a person naming it missing", got500 + "The stack never created an AWS::Lambda::Permission for the API.", "lambda_invoke_permission", "500"},
		{"a person naming the CDK's", got500 + "I forgot to call grantInvoke for the API Gateway principal.", "lambda_invoke_permission", "500"},
	})
}

// The integration's timeout as a setting with its value (the console's
// "Integration timeout" field, the API's timeoutInMillis, Terraform's
// timeout_milliseconds, a person setting it) is what every request of the
// method has, not a request that timed out; the same words of a request
// timing out, and the HTTP API access log's integrationErrorMessage, still
// name it.
func TestIntegrationTimeoutSetting(t *testing.T) {
	const got500 = "HTTP/1.1 500 Internal Server Error\n"
	checkWordings(t, []wording{
		{"console field", got500 + "Integration timeout: 29000 ms", "unknown", "500"},
		{"a person setting it", got500 + "We set the integration timeout to 10 seconds.", "unknown", "500"},
		{"get-integration", got500 + "    \"timeoutInMillis\": 29000,", "unknown", "500"},
		{"Terraform", got500 + "  timeout_milliseconds = 29000", "unknown", "500"},
		{"a request that timed out", "I get an integration timeout after 29 seconds.\nHTTP/1.1 504 Gateway Timeout", "integration_timeout", "504"},
		{"the limit hit", "Requests that run past the 29,000 ms limit fail.", "integration_timeout", "unknown"},
		// the gateway's limit said with its value, or with a shorter run
		// measured beside it, in English, Portuguese, Chinese and
		// Japanese; one hit, or a run measured over it, is the event
		{"the timeout with its value", got500 + "The integration timeout is 29 seconds.", "unknown", "500"},
		{"the limit and a shorter run", got500 + "API Gateway has a 29 second limit, but our requests normally take about 2 seconds.", "unknown", "500"},
		{"well under the limit", got500 + "Our requests take about 2 seconds, well under the 29 second limit.", "unknown", "500"},
		{"pt the limit and a shorter run", got500 + "O API Gateway tem limite de 29 segundos, mas a requisição leva uns 2 segundos.", "unknown", "500"},
		{"zh the limit and a shorter run", got500 + "API Gateway 有 29 秒的超时限制，但我们的请求只需要大约 2 秒。", "unknown", "500"},
		{"ja the limit and a shorter run", got500 + "API Gateway には 29 秒のタイムアウト制限がありますが、リクエストは約 2 秒で終わります。", "unknown", "500"},
		{"the timeout hit", got500 + "We hit the 29 second timeout.", "integration_timeout", "500"},
		{"longer than the limit", got500 + "The request took longer than 29 seconds.", "integration_timeout", "500"},
		{"a run measured over the limit", got500 + "The function takes 40 seconds, over the 29 second limit.", "integration_timeout", "500"},
		{"pt a run measured over the limit", got500 + "O API Gateway tem um limite de 29 segundos e a função demora 40 segundos.", "integration_timeout", "500"},
		{"HTTP API access log", "{\"status\":\"503\",\"integrationErrorMessage\":\"Integration timeout\"}", "integration_timeout", "503"},
	})
}

// A function's timeout said with its value is the function's setting, and
// an API's resource-based policy (API Gateway resource policies) grants
// no call of the function: neither shows a request failing.
func TestSettingsNamedInASetup(t *testing.T) {
	const got500 = "\nHTTP/1.1 500 Internal Server Error"
	checkWordings(t, []wording{
		{"the function's timeout of 30 seconds", "Our Lambda timeout is set to 30 seconds." + got500, "unknown", "500"},
		{"the function's timeout of 30s", "The function's timeout is 30s." + got500, "unknown", "500"},
		{"a function that times out at 30 seconds", "The lambda times out after 30 seconds." + got500, "integration_timeout", "500"},
		{"a configuration's timeout key and its comment", "functions:\n  api:\n    handler: index.php\n    timeout: 28 # in seconds (API Gateway has a timeout of 29 seconds)" + got500, "unknown", "500"},
		{"the same words as a sentence", "API Gateway has a timeout of 29 seconds, and our requests run longer." + got500, "integration_timeout", "500"},
		{"the API's resource policy", "The API has a resource-based policy that allows only our VPC endpoint." + got500, "unknown", "500"},
		{"the function's resource-based policy", "The function's resource-based policy had no statement for apigateway.amazonaws.com." + got500, "lambda_invoke_permission", "500"},
	})
}

// TestReasonPhraseGot: a 4xx's reason phrase people say they got, without
// its code, is that answer (named an error, an exception or a message,
// before or after it); the phrase inside other words, or after
// "returns" (a handler's design), is none; a 5xx beside it outranks it.
func TestReasonPhraseGot(t *testing.T) {
	checkWordings(t, []wording{
		{"get not found", "When I go to /docs I get Not Found", "not_5xx", "none"},
		{"a forbidden error", "I get a Forbidden error", "not_5xx", "none"},
		{"unauthorized from the api", "Getting Unauthorized from the API", "not_5xx", "none"},
		{"a forbidden exception", "Get a forbidden exception", "not_5xx", "none"},
		{"the message named first", "Deployment went well, however I kept getting message forbidden.", "not_5xx", "none"},
		{"ko not found shows up", "/docs로 진입하면 Not Found가 뜨는지 궁금합니다", "not_5xx", "none"},
		{"a module not found", "I get Module not found when deploying", "unknown", "unknown"},
		{"forbidden characters", "We see forbidden characters in the path", "unknown", "unknown"},
		{"a handler's design", "The handler returns not found.", "unknown", "unknown"},
		{"beside a 5xx", "I get Not Found, and then a 502 on retry", "unknown", "502"},
	})
}
