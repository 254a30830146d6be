package classifier

// proseForms are more of the ways people write the status they got, each
// behind its literals: a failure and its code ("failed: 502", "request
// failed (502)"), a response and its code ("Response: 502"), a timeout and
// its code ("504 timeout", "timeout 504"), and the code after the part of
// the API that answered it, as issue titles put it ("API Gateway 502",
// "APIGW 502 with Lambda proxy", "Lambda proxy integration 502"). The last
// two take a 500 to 509 only: "API 443" is a port and "a 500 timeout" a
// setting as often as a status.
var proseForms = []litForm{
	form(`\bfail(?:ed|ure|s)?(?:: ?| \()["'\x60]?([1-5]\d\d)\b`, "fail"),
	form(`\bresponse: ["'\x60]?([1-5]\d\d)\b`, "response:"),
	form(`\b(50\d)[ -]time-?outs?\b`, "time"),
	form(`\btime-?outs?:? \(?(50\d)\b`, "time"),
	form(`\b(?:api ?gateway|apigw|api|gateway|endpoint|integration|lambda)s?:? ["'\x60]?(50\d)\b`, "api", "gateway", "endpoint", "integration", "lambda"),
}

// proseStatus returns the code the prose forms find in low, a 5xx before
// any other, or 0.
func proseStatus(low []byte) int {
	return formsCode(proseForms, low)
}
