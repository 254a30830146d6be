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
		{"throttled", "Under load the Lambda function was throttled and clients got 500.", "lambda_throttled", "500"},
		{"concurrency limit", "We hit the reserved concurrency limit and the API answered 500.", "lambda_throttled", "500"},
		{"cloudformation permission", "Adding an AWS::Lambda::Permission for apigateway.amazonaws.com fixed the 500 errors.", "lambda_invoke_permission", "500"},
		{"ja permission", "Lambda 呼び出しアクセス許可を REST API に追加すると 500 エラーが解消しました。", "lambda_invoke_permission", "500"},
		{"zh-TW permission", "新增 Lambda 調用權限後，500 錯誤就消失了。", "lambda_invoke_permission", "500"},
		{"pt-BR permission", "Adicionar uma permissão de invocação do Lambda resolveu o erro 500.", "lambda_invoke_permission", "500"},
		{"ja function timeout", "Lambda 関数がタイムアウトして 502 エラーになります。", "lambda_function_timeout", "502"},
		{"zh-TW function timeout", "Lambda 函數逾時，API Gateway 傳回 502。", "lambda_function_timeout", "502"},
		{"pt-BR function timeout", "A função Lambda atingiu o tempo limite e o API Gateway retornou 502.", "lambda_function_timeout", "502"},
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
