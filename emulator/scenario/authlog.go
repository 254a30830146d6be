package scenario

import (
	"fmt"
	"math"

	"github.com/apigw-triage/apigw-triage/classifier"
)

// Lambda authorizers: every request to a route with one invokes the
// authorizer's function first (the emulated authorizers cache no policy,
// authorizerResultTtlInSeconds 0). In an authorizer_error episode the
// function fails its cold start with an import error, as a deployment
// that left a dependency out does; API Gateway, which reads the answer as
// the authorizer's result, answers the client 500.

// authorizerFails reports whether the request's authorizer failed it.
func (ri *reqInfo) authorizerFails() bool {
	return ri.failing && ri.cause == classifier.CauseAuthorizerError
}

// authLID is the Lambda request id of the authorizer's invocation.
func (ri *reqInfo) authLID() string { return uuidOf(mix(ri.h ^ 0x5e)) }

// restAuthorizerFailure is a REST request's execution log when its TOKEN
// authorizer fails, after a public capture of a Node.js authorizer's
// Runtime.ImportModuleError (the result body, then "Invalid JSON in
// response") and the captures of other authorizer failures, which end in
// "Authorizer error" and AuthorizerConfigurationException. The request
// ends there: no method request, no integration.
func (ri *reqInfo) restAuthorizerFailure() []line {
	uri := lambdaInvokeURL(ri.s.region, ri.rt.auth.arn)
	end := float64(ri.r.latency)
	return []line{
		{0, "Extended Request Id: " + ri.ext, false},
		{1, fmt.Sprintf("Starting authorizer: %s for request: %s", ri.rt.authID, ri.id), false},
		{1, "Incoming identity: ***" + ri.ext[:4], false},
		{2, "Endpoint request URI: " + uri, false},
		{3, "Sending request to " + uri, false},
		{end - 3, "Authorizer result body before parsing: " + ri.authorizerError().payload(ri.authLID()), false},
		{end - 2, `Execution failed due to configuration error: Invalid JSON in response: Unrecognized field "errorMessage" , not marked as ignorable`, true},
		{end - 1, "Execution failed due to configuration error: Authorizer error", true},
		{end - 1, "AuthorizerConfigurationException", true},
		{end, fmt.Sprintf("Method completed with status: %d", ri.r.status), false},
	}
}

// httpAuthorizerFormatError is an HTTP API's $context.authorizer.error for
// a simple-response authorizer's answer without isAuthorized, as a public
// troubleshooting note on an HTTP API's {"message":"Internal Server
// Error"} shows it (the HTTP API developer guide's wording of an answer in
// the wrong format, with the reason after it).
const httpAuthorizerFormatError = "The response from the Lambda Authorizer function doesn't match the format that API Gateway expects. Simple response did not include 'isAuthorized'"

// authorizerErrorVar is $context.authorizer.error of a request whose
// authorizer failed. REST and WebSocket APIs: "Authorizer error". An HTTP
// API: no capture shows what it writes when the authorizer's function
// fails; Lambda answers the invocation with the function's error object,
// which a REST API reads as the authorizer's answer (restAuthorizerFailure),
// and the emulator has an HTTP API read it so too: a simple-response
// authorizer's answer then lacks isAuthorized, which the note above words.
// For an IAM-policy authorizer no source gives the wording of an answer
// without a policy, and the variable stays empty ("-"): the authorizer's
// own log alone says why. Both unconfirmed.
func (ri *reqInfo) authorizerErrorVar() string {
	switch {
	case !ri.s.http:
		return "Authorizer error"
	case ri.rt.route.AuthorizerResponse == AuthorizerIAM:
		return ""
	}
	return httpAuthorizerFormatError
}

// authorizerError is the authorizer function's failed cold start, as its
// runtime writes it: Python's "Unable to import module" record, Node.js's
// "Cannot find module" Uncaught Exception.
func (ri *reqInfo) authorizerError() fnError {
	f := ri.rt.auth.fn
	if isNode(f.Runtime) {
		msg := "Error: Cannot find module 'jsonwebtoken'\nRequire stack:\n- /var/task/index.js\n- /var/runtime/index.mjs"
		iso := ri.at(4).Format("2006-01-02T15:04:05.000Z")
		return fnError{"Runtime.ImportModuleError", msg, nodeError(iso, "undefined", "Uncaught Exception", "Runtime.ImportModuleError", msg), "Runtime.ImportModuleError", "error"}
	}
	msg := "Unable to import module 'lambda_function': No module named 'jwt'"
	return fnError{"Runtime.ImportModuleError", msg, pyError("Runtime.ImportModuleError", msg, "-"), "Runtime.ImportModuleError", "error"}
}

// authorizerLambdaLines are the authorizer function's log events for the
// request: START, the allow it logs or its runtime's import error, END and
// REPORT, as lambdaLines writes an integration's.
func (ri *reqInfo) authorizerLambdaLines() []line {
	f := ri.rt.auth.fn
	legacy := f.LogFormat == "legacy"
	lid := ri.authLID()
	start, dur := 3.5, 2+float64(ri.h%1700)/100
	failing := ri.authorizerFails()
	if failing {
		dur = math.Max(1, float64(ri.r.latency)-start-4)
	}
	var ls []line
	if failing && !legacy {
		ls = append(ls, line{start - 1, fmt.Sprintf("INIT_START Runtime Version: %s.v41\tRuntime Version ARN: arn:aws:lambda:%s::runtime:%s", runtimeTag(f.Runtime), ri.s.region, hexOf(ri.rt.auth.key, 64)), false})
	}
	ls = append(ls, line{start, fmt.Sprintf("START RequestId: %s Version: $LATEST", lid), false})
	status, errType := "success", ""
	if failing {
		e := ri.authorizerError()
		ls = append(ls, line{start + dur - 1, e.logText, true})
		status, errType = e.status, e.reportT
	} else {
		ls = append(ls, line{start + dur/2, ri.authorizerAllow(start+dur/2, lid), false})
	}
	report := fmt.Sprintf("REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB\tMax Memory Used: %d MB",
		lid, dur, int(math.Ceil(dur)), f.MemoryMB, 38+int(ri.h%uint64(max(1, f.MemoryMB/4))))
	if failing {
		report += fmt.Sprintf("\tInit Duration: %.2f ms", math.Max(1, dur-2))
	}
	if !legacy {
		report += "\tStatus: " + status
		if errType != "" {
			report += "\tError Type: " + errType
		}
	}
	return append(ls, line{start + dur, "END RequestId: " + lid, false}, line{start + dur, report, false})
}

// authorizerAllow is what a healthy authorizer logs: the principal it
// allowed and the ARN its event names, the methodArn of REST and
// WebSocket authorizers' events, the routeArn of an HTTP API's payload
// format 2.0.
func (ri *reqInfo) authorizerAllow(ms float64, lid string) string {
	iso := ri.at(ms).Format("2006-01-02T15:04:05.000Z")
	target, field := ri.method()+ri.path(), "methodArn"
	switch {
	case ri.s.ws:
		target = ri.rt.route.Path
	case ri.s.http:
		field = "routeArn"
	}
	arn := fmt.Sprintf("arn:aws:execute-api:%s:%s:%s/%s/%s", ri.s.region, ri.s.account, ri.s.apiID, ri.s.stage.Name, target)
	if isNode(ri.rt.auth.fn.Runtime) {
		return fmt.Sprintf("%s\t%s\tINFO\tallow user-%d %s %s", iso, lid, 1000+ri.h%9000, field, arn)
	}
	return fmt.Sprintf("[INFO]\t%s\t%s\tallow user-%d %s %s", iso, lid, 1000+ri.h%9000, field, arn)
}
