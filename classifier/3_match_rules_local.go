package classifier

// localEmulatorRules are the words of the SAM CLI's local API Gateway
// (sam local start-api), which reports the failures the gateway would
// answer with its own checks: a proxy response with keys outside the
// documented shape or no body, and a function stopped at its timeout.
// Reports often show them beside, or instead of, the deployed API's lines.
func localEmulatorRules() []ruleSpec {
	return []ruleSpec{
		{lit: "invalid lambda response received", cause: CauseLambdaMalformedProxyResponse, weight: wLikely},
		{lit: "lambda returned empty body", cause: CauseLambdaMalformedProxyResponse, weight: wLikely},
		{lit: "timed out after", re: `function '[^']+' timed out after \d+ seconds`, cause: CauseLambdaFunctionTimeout, weight: wLikely},
	}
}
