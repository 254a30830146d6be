package scenario

import (
	"fmt"

	"github.com/apigw-triage/apigw-triage/classifier"
)

// IAM message HTTP APIs log when API Gateway may not invoke the function,
// as seen in real access log captures.
const msgNoPermission = "The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration. Check the permissions and try again."

// accessLine renders the request's access log record, written when the
// response is sent.
func (ri *reqInfo) accessLine() line {
	tmpl := accessTemplate(ri.s.stage.AccessLog, ri.s.http)
	if ri.s.ws {
		tmpl = wsAccessTemplate(ri.s.stage.AccessLog)
	}
	return line{ms: float64(ri.r.latency), msg: renderAccess(tmpl, ri.accessVars())}
}

func (ri *reqInfo) accessVars() map[string]string {
	r := ri.r
	intStatus, svcStatus, intErr, errMsg := fmt.Sprint(r.status), "200", "", ""
	if ri.rt.fn == nil {
		svcStatus = intStatus
	}
	intLat := fmt.Sprint(int(r.intLat))
	if ri.failing && r.status >= 500 {
		intStatus, svcStatus, intErr, errMsg = ri.failureVars()
		if ri.cause == classifier.CauseIntegrationTimeout && ri.s.http {
			intLat = "-1" // HTTP APIs log -1 when the integration did not answer
		}
	}
	route := routeKey(ri.rt.route)
	authErr := ""
	if ri.authorizerFails() {
		// no integration ran
		authErr, intLat = ri.authorizerErrorVar(), ""
	}
	return map[string]string{
		"connectionId": ri.connectionID(), "eventType": ri.eventType(), "authorizer.error": authErr,
		"requestId": ri.id, "extendedRequestId": ri.ext, "identity.sourceIp": ri.sourceIP(),
		"requestTime": ri.t0.Format("02/Jan/2006:15:04:05 -0700"), "requestTimeEpoch": fmt.Sprint(ri.t0.UnixMilli()),
		"httpMethod": ri.method(), "routeKey": route, "resourcePath": ri.rt.route.Path, "path": ri.path(),
		"protocol": "HTTP/1.1", "status": fmt.Sprint(r.status), "responseLength": fmt.Sprint(r.bytes / 3),
		"responseLatency": fmt.Sprint(int(r.latency)), "integrationLatency": intLat, "integration.latency": intLat,
		"integration.status": intStatus, "integration.integrationStatus": svcStatus, "integrationStatus": svcStatus,
		"integrationErrorMessage": intErr, "integration.error": intErr,
		"error.message": errMsg, "error.messageString": quoteOrEmpty(errMsg), "error.responseType": responseType(r.status),
		"apiId": ri.s.apiID, "stage": ri.s.stage.Name, "domainName": ri.s.apiID + ".execute-api." + ri.s.region + ".amazonaws.com",
		"awsEndpointRequestId": ri.lidIfInvoked(), "integration.requestId": ri.lidIfInvoked(), "dataProcessed": fmt.Sprint(r.bytes),
	}
}

func (ri *reqInfo) lidIfInvoked() string {
	if ri.invoked() {
		return ri.lid
	}
	return ""
}

// failureVars are the integration and error variables of a failed request.
func (ri *reqInfo) failureVars() (intStatus, svcStatus, intErr, errMsg string) {
	errMsg = "Internal Server Error"
	if !ri.s.http {
		errMsg = "Internal server error"
	}
	switch ri.r.status {
	case 503:
		errMsg = "Service Unavailable"
	case 504:
		errMsg = "Endpoint request timed out"
	}
	switch ri.cause {
	case classifier.CauseLambdaInvokePermission, classifier.CauseStageVariablePermission, classifier.CauseIntegrationMethodNotPost:
		return "-", "-", msgNoPermission, errMsg
	case classifier.CauseLambdaMalformedProxyResponse:
		if ri.s.http {
			return "200", "200", `The response from the Lambda function doesn't match the format that API Gateway expects. Lambda body contains the wrong type for field "body"`, errMsg
		}
		return "200", "200", "Malformed Lambda proxy response", errMsg
	case classifier.CauseLambdaThrottled:
		return "-", "429", "Rate Exceeded.", errMsg
	case classifier.CauseBackendPayloadTooLarge:
		return "200", "200", "Integration response of reported length 11534336 is larger than allowed maximum of 10485760 bytes.", errMsg
	case classifier.CausePrivateIntegrationError:
		return "-", "-", "There was an internal error while executing your request", errMsg
	case classifier.CauseBackendConnectionError:
		return "-", "-", "Network error communicating with endpoint", errMsg
	case classifier.CauseBackendUnavailable:
		return "503", "503", "", ""
	case classifier.CauseBackendTLSError:
		return "-", "-", ri.tlsError(), errMsg
	case classifier.CauseCredentialsRoleError:
		if ri.s.http {
			// As an HTTP API wrote it in a public report, apostrophe and all.
			return "-", "-", "API Gateway doesn’t have permissions to assume the IAM role configured on the integration. Check the permissions and try again.", errMsg
		}
		return "-", "-", "API Gateway does not have permission to assume the provided role " + ri.integrationRole(), errMsg
	case classifier.CauseLambdaPayloadTooLarge:
		if !ri.s.http {
			// A REST API's access log in a public report: "Lambda Customer
			// Function Error:" then the Lambda error message.
			return "200", "200", "Lambda Customer Function Error:" + ri.functionError().message, errMsg
		}
	case classifier.CauseIntegrationTimeout, classifier.CauseInternalServiceFailure, classifier.CauseAuthorizerError:
		return "-", "-", "", errMsg
	}
	e := ri.functionError()
	return "200", "200", fmt.Sprintf("The Lambda function returned the following error: %s. Check your Lambda function code and try again.", e.errType), errMsg
}

func responseType(status uint16) string {
	switch {
	case status == 504:
		return "INTEGRATION_TIMEOUT"
	case status >= 500:
		return "DEFAULT_5XX"
	case status >= 400:
		return "DEFAULT_4XX"
	}
	return ""
}

func quoteOrEmpty(s string) string {
	if s == "" {
		return ""
	}
	return `"` + s + `"`
}
