package scenario

import (
	"fmt"
	"math"

	"github.com/apigw-triage/apigw-triage/classifier"
)

// line is one log event a request leaves, at ms after its arrival.
type line struct {
	ms  float64
	msg string
	err bool // an ERROR-level execution log event
}

// maxEventBytes: execution log events are cut at 1 KB and marked.
// https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html
const maxEventBytes = 1024

// execLines is the request's execution log at the stage's logging level,
// every message prefixed "(requestId) " as API Gateway writes it.
func (ri *reqInfo) execLines() []line {
	level := ri.s.stage.LoggingLevel
	if level == "OFF" {
		return nil
	}
	all := ri.execSequence()
	out := all[:0]
	for _, l := range all {
		isStatus := ri.r.status >= 500 && l.msg == fmt.Sprintf("Method completed with status: %d", ri.r.status)
		if level == "INFO" || l.err || isStatus && ri.s.stage.ErrorStatusLine {
			msg := "(" + ri.logPrefixID() + ") " + l.msg
			if len(msg) > maxEventBytes {
				msg = msg[:maxEventBytes] + " [TRUNCATED]"
			}
			l.msg = msg
			out = append(out, l)
		}
	}
	return out
}

// execSequence is the INFO sequence of a request, error lines marked.
func (ri *reqInfo) execSequence() []line {
	if ri.s.ws {
		return ri.wsSequence()
	}
	if ri.authorizerFails() {
		return ri.restAuthorizerFailure()
	}
	s := ri.s
	method, path := ri.method(), ri.path()
	uri := ri.endpointURI()
	stageRef := s.apiID + "/" + s.stage.Name
	ls := []line{
		{0, "Extended Request Id: " + ri.ext, false},
		{0, fmt.Sprintf("Verifying Usage Plan for request: %s. API Key:  API Stage: %s", ri.id, stageRef), false},
		{0, fmt.Sprintf("API Key authorized because method '%s %s' does not require API Key. Request will not contribute to throttle or quota limits", ri.rt.route.Method, ri.rt.route.Path), false},
		{0, fmt.Sprintf("Usage Plan check succeeded for API Key  and API Stage %s", stageRef), false},
		{1, "Starting execution for request: " + ri.id, false},
		{1, fmt.Sprintf("HTTP Method: %s, Resource Path: %s", method, path), false},
		{1, "Method request path: " + ri.pathParams(), false},
		{1, "Method request query string: {}", false},
		{1, fmt.Sprintf("Method request headers: {Accept=application/json, Host=%s.execute-api.%s.amazonaws.com, User-Agent=curl/8.5.0, X-Amzn-Trace-Id=Root=%s, X-Forwarded-For=%s, X-Forwarded-Port=443, X-Forwarded-Proto=https}", s.apiID, s.region, ri.trace, ri.sourceIP()), false},
		{1, "Method request body before transformations: " + ri.requestBody(), false},
		{2, "Endpoint request URI: " + uri, false},
		{2, ri.endpointRequestHeaders(method, path) + " [TRUNCATED]", false},
		{2, ri.endpointRequestBody(method, path), false},
		{3, "Sending request to " + uri, false},
	}
	return append(ls, ri.execOutcome()...)
}

// execOutcome is what follows "Sending request": the response, the error
// lines of the cause, and the completion.
func (ri *reqInfo) execOutcome() []line {
	recv := float64(ri.r.intLat) + 3
	end := float64(ri.r.latency)
	status := int(ri.r.status)
	done := []line{{end, fmt.Sprintf("Method completed with status: %d", status), false}}
	fail := func(msg string) []line { return append([]line{{end - 1, msg, true}}, done...) }
	if !ri.failing {
		return append(ri.received(recv, 200, ri.successBody()), ri.completed(end, status)...)
	}
	switch ri.cause {
	case classifier.CauseLambdaMalformedProxyResponse:
		body := []string{`{"statusCode": 200, "body": {"orderId": 1234, "state": "shipped"}}`, `"Bad response"`, `{"statusCode": "200", "headers": {"Content-Type": "application/json"}, "multiValueHeaders": {"Set-Cookie": "a=1"}, "body": "{}"}`}[ri.h%3]
		return append(ri.received(recv, 200, body), fail("Execution failed due to configuration error: Malformed Lambda proxy response")...)
	case classifier.CauseLambdaInvokePermission, classifier.CauseStageVariablePermission:
		return fail("Execution failed due to configuration error: Invalid permissions on Lambda function")
	case classifier.CauseLambdaThrottled:
		return append([]line{{recv, fmt.Sprintf("Lambda invocation failed with status: 429. Lambda request id: %s", ri.lid), true}},
			fail("Execution failed due to configuration error: Rate Exceeded.")...)
	case classifier.CauseIntegrationMethodNotPost:
		body := "<AccessDeniedException>\n  <Message>Unable to determine service/operation name to be authorized</Message>\n</AccessDeniedException>\n"
		return append(append(ri.received(recv, 403, body), line{recv + 1, fmt.Sprintf("Lambda invocation failed with status: 403. Lambda request id: %s", ri.lid), true}),
			fail("Execution failed due to configuration error: Unable to determine service/operation name to be authorized")...)
	case classifier.CauseLambdaErrorMaskedAs200:
		// No integration response matches the error, so the default one
		// (200) passes the Lambda error payload through to the client.
		return append(ri.received(recv, 200, ri.functionError().payload(ri.lid)), ri.completed(end, status)...)
	case classifier.CauseStatusMappingMissing:
		e := ri.functionError()
		return append(ri.received(recv, 200, e.payload(ri.lid)),
			fail("Execution failed due to configuration error: No match for output mapping and no default output mapping configured. Endpoint Response Status Code: 200")...)
	case classifier.CauseBackendPayloadTooLarge:
		return fail(fmt.Sprintf("Execution failed due to configuration error: Integration response of reported length %d is larger than allowed maximum of 10485760 bytes.", 10485760+1+int(ri.h%4000000)))
	case classifier.CausePrivateIntegrationError:
		return fail("Execution failed due to configuration error: There was an internal error while executing your request")
	case classifier.CauseIntegrationTimeout:
		return fail("Execution failed due to a timeout error")
	case classifier.CauseBackendConnectionError:
		return fail("Execution failed due to configuration error: Network error communicating with endpoint")
	case classifier.CauseInternalServiceFailure:
		return fail("Execution failed due to an internal error")
	case classifier.CauseBackendTLSError:
		return fail("Execution failed due to configuration error: " + ri.tlsError())
	case classifier.CauseCredentialsRoleError:
		return fail("Execution failed due to configuration error: API Gateway does not have permission to assume the provided role " + ri.integrationRole())
	case classifier.CauseBackendUnavailable:
		return append(ri.received(recv, 503, "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>"), ri.completed(end, status)...)
	}
	e := ri.functionError() // the function ran and failed
	return append(ri.received(recv, 200, e.payload(ri.lid)),
		fail(fmt.Sprintf("Lambda execution failed with status 200 due to customer function error: %s. Lambda request id: %s", e.message, ri.lid))...)
}

// received is the integration's answer as the execution log shows it.
func (ri *reqInfo) received(ms float64, status int, body string) []line {
	headers := fmt.Sprintf("Endpoint response headers: {Date=%s, Content-Type=application/json, Content-Length=%d, Connection=keep-alive}",
		ri.at(ms).Format("Mon, 02 Jan 2006 15:04:05 GMT"), len(body))
	if ri.rt.fn != nil {
		fnErr := ""
		if ri.failing && ri.eff.fnError {
			fnErr = "X-Amz-Function-Error=Unhandled, "
		}
		headers = fmt.Sprintf("Endpoint response headers: {Date=%s, Content-Type=application/json, Content-Length=%d, Connection=keep-alive, x-amzn-RequestId=%s, %sx-amzn-Remapped-Content-Length=0, X-Amz-Executed-Version=$LATEST, X-Amzn-Trace-Id=root=%s;sampled=0}",
			ri.at(ms).Format("Mon, 02 Jan 2006 15:04:05 GMT"), len(body), ri.lid, fnErr, ri.trace)
	}
	return []line{
		{ms, fmt.Sprintf("Received response. Status: %d, Integration latency: %d ms", status, int(math.Round(float64(ri.r.intLat)))), false},
		{ms, headers, false},
		{ms, "Endpoint response body before transformations: " + body, false},
	}
}

// completed is the tail of a request whose status came from the integration.
func (ri *reqInfo) completed(end float64, status int) []line {
	ls := []line{
		{end, "Method response body after transformations: " + ri.responseBody(), false},
		{end, fmt.Sprintf("Method response headers: {Content-Type=application/json, X-Amzn-Trace-Id=Root=%s}", ri.trace), false},
		{end, "Successfully completed execution", false},
		{end, fmt.Sprintf("Method completed with status: %d", status), false},
	}
	if ri.rt.fn != nil || ri.rt.route.Integration.Type == IntegrationAWSService {
		ls = append(ls, line{end, "AWS Integration Endpoint RequestId : " + ri.lid, false})
	}
	return append(ls, line{end, "X-ray Tracing ID : " + ri.trace, false})
}
