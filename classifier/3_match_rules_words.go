package classifier

// wordRules recognise more of how people name a cause, in the catalog's
// four languages: the fixes they name (the permission resource of each
// deployment tool), the limits they hit (Lambda's 6 MB response payload)
// and the events they saw (the function throttled, the function timing
// out). Like personRules they weigh less than any AWS message; the 6 MB
// limit is a number programs print too, and weighs as the 10 MB one does.
func wordRules() []ruleSpec {
	var all []ruleSpec
	for _, part := range [][]ruleSpec{payloadWords(), throttleWords(), invokePermissionWords(), functionTimeoutWords()} {
		all = append(all, part...)
	}
	return all
}

// payloadWords: Lambda's synchronous response payload limit is 6 MB
// (6291556 bytes), below API Gateway's own 10 MB. The 6 must open the
// number: "256 MB" of memory is not it, nor a "0.6 MB" response (or a
// Portuguese "1,6 MB") that is well under the limit.
func payloadWords() []ruleSpec {
	const six = `(?:^|[^\w.,]|\D[.,])6`
	return []ruleSpec{
		{lit: "6 mb", re: `(payload|response|body|limit)[^.]{0,60}` + six + ` mb\b|` + six + ` mb\b[^.]{0,40}(payload|response|limit)`, cause: CauseLambdaPayloadTooLarge, weight: 70},
		{lit: "6mb", re: `(payload|response|body|limit)[^.]{0,60}` + six + `mb\b|` + six + `mb\b[^.]{0,40}(payload|response|limit)`, cause: CauseLambdaPayloadTooLarge, weight: 70},
	}
}

// throttleWords: people saying the function was throttled or hit its
// concurrency (Lambda answers the gateway 429, which the client sees as a
// 500). API Gateway's own throttling (its account, stage, method or usage
// plan limits) answers the client 429 before any function is called, so a
// sentence naming it is not the function's throttling: gatewayThrottling
// takes it out of the line first.
func throttleWords() []ruleSpec {
	p := personLayers
	return []ruleSpec{
		{lit: "throttl", re: `\b(lambdas?|functions?|concurrency|invocations?)\b[^.]{0,40}\bthrottl(ed|ing|es)\b|\bthrottl(ed|ing)\b[^.]{0,40}\b(lambdas?|functions?|concurrency|invocations?)\b`, except: gatewayThrottling, cause: CauseLambdaThrottled, weight: wHint, layers: p},
		{lit: "concurrency", re: `(reserved|account|concurrent)[^.]{0,20}concurrency[^.]{0,30}(limit|reached|exceeded|exhausted)|concurrency limit`, cause: CauseLambdaThrottled, weight: wWeak, layers: p},
		{lit: "スロットリング", except: gatewayThrottling, cause: CauseLambdaThrottled, weight: wWeak, layers: p},
		{lit: "限流", except: gatewayThrottling, cause: CauseLambdaThrottled, weight: wWeak, layers: p},
		{lit: "limitação", re: `limitação[^.]{0,30}(lambda|função|simultaneidade)|(lambda|função)[^.]{0,30}limitad[ao]`, cause: CauseLambdaThrottled, weight: wWeak, layers: p},
	}
}

// gatewayThrottling is API Gateway named as the one that throttles: "API
// Gateway throttling", "API Gateway is throttling the requests", "the
// stage's throttling limits", "throttled by API Gateway", "usage plan
// throttling", and the same in Japanese and Chinese ("API Gateway の
// スロットリング", "API Gateway 限流").
const gatewayThrottling = `(?:api ?gateway|apigw|usage plans?|stage|method)(?:'s)?(?: (?:is|was|are|were|has been|had been|does|did|starts?|started|kicks? in|kicked in))?(?: (?:also|now|still|not|already))?(?: (?:default|account|account-level|request|rate|burst))? throttl(?:ed|es|ing|e)?|` +
	`throttl(?:ed|ing)(?: \w+){0,3}? (?:by|at|in|on) (?:the )?(?:api ?gateway|apigw|usage plan|stage)|` +
	`api ?gateway\s*(?:の|で|が|側の|的)?\s*(?:スロットリング|限流)`

// invokePermissionWords: the permission resource each tool writes for
// the gateway's call (CloudFormation's AWS::Lambda::Permission,
// Terraform's aws_lambda_permission, the CDK's grantInvoke and
// addPermission), and the knowledge-center articles' words for it in
// Japanese, Chinese and Portuguese.
func invokePermissionWords() []ruleSpec {
	p := personLayers
	inv := CauseLambdaInvokePermission
	return []ruleSpec{
		{lit: "aws::lambda::permission", cause: inv, weight: wWeak, layers: p},
		{lit: "aws_lambda_permission", cause: inv, weight: wWeak, layers: p},
		{lit: "grantinvoke", cause: inv, weight: wWeak, layers: p},
		{lit: "呼び出し", re: `呼び出し(アクセス)?許可`, cause: inv, weight: wHint, layers: p},
		{lit: "權限", re: `(呼叫|調用|叫用)(許可|權限)`, cause: inv, weight: wHint, layers: p},
		{lit: "权限", re: `(调用|叫用)权限`, cause: inv, weight: wHint, layers: p},
		{lit: "invocação", re: `permiss(ão|ões) de invocação`, cause: inv, weight: wHint, layers: p},
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
	}
}
