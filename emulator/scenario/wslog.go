package scenario

import (
	"fmt"

	"github.com/apigw-triage/apigw-triage/classifier"
)

// WebSocket execution logs: each event is prefixed with the connection id
// and names the event type and route key before the integration request,
// whose lines are a REST API's. The exact wording of these WebSocket lines
// is not confirmed against a documented capture (see README.md).

// connectionID is the WebSocket connection the request belongs to, in the
// base64 form API Gateway gives connection ids ("L0SM9cOFvHcCIhw="). Each
// emulated event has a connection of its own.
func (ri *reqInfo) connectionID() string { return extendedID(mix(ri.h ^ 0x4d)) }

// logPrefixID is what the execution log puts in parentheses: the request
// id (REST), the connection id (WebSocket).
func (ri *reqInfo) logPrefixID() string {
	if ri.s.ws {
		return ri.connectionID()
	}
	return ri.id
}

// eventType is $context.eventType of the route: CONNECT, DISCONNECT or
// MESSAGE.
func (ri *reqInfo) eventType() string {
	switch ri.rt.route.Path {
	case "$connect":
		return "CONNECT"
	case "$disconnect":
		return "DISCONNECT"
	}
	return "MESSAGE"
}

// wsSequence is the INFO sequence of one WebSocket event.
func (ri *reqInfo) wsSequence() []line {
	s := ri.s
	key := ri.rt.route.Path
	stageRef := s.apiID + "/" + s.stage.Name
	ls := []line{
		{0, "Extended Request Id: " + ri.ext, false},
		{0, fmt.Sprintf("Verifying Usage Plan for request: %s. API Key:  API Stage: %s", ri.id, stageRef), false},
		{0, fmt.Sprintf("API Key authorized because route '%s' does not require API Key. Request will not contribute to throttle or quota limits", key), false},
		{0, fmt.Sprintf("Usage Plan check succeeded for API Key  and API Stage %s", stageRef), false},
		{1, "Starting execution for request: " + ri.id, false},
		{1, fmt.Sprintf("WebSocket Event Type: %s, Route key: %s, Connection Id: %s", ri.eventType(), key, ri.connectionID()), false},
	}
	if ri.failing && ri.cause == classifier.CauseAuthorizerError {
		return append(ls, ri.authorizerFailure()...)
	}
	uri := ri.endpointURI()
	ls = append(ls,
		line{2, "Endpoint request URI: " + uri, false},
		line{2, ri.endpointRequestHeaders("POST", "") + " [TRUNCATED]", false},
		line{2, "Endpoint request body after transformations: " + ri.wsEventBody(), false},
		line{3, "Sending request to " + uri, false},
	)
	return append(ls, ri.execOutcome()...)
}

// authorizerFailure is the $connect authorizer's failure: the Lambda
// REQUEST authorizer threw instead of returning a policy, so the
// handshake is refused with 500 and the route's integration never runs.
func (ri *reqInfo) authorizerFailure() []line {
	uri := lambdaInvokeURL(ri.s.region, ri.rt.auth.arn)
	end := float64(ri.r.latency)
	return []line{
		{1, fmt.Sprintf("Starting authorizer: %s for request: %s", ri.rt.authID, ri.id), false},
		{1, "Incoming identity: {token=" + ri.ext[:4] + "****}", false},
		{2, "Endpoint request URI: " + uri, false},
		{3, "Sending request to " + uri, false},
		{end - 1, "Execution failed due to configuration error: Authorizer error", true},
		{end, fmt.Sprintf("Method completed with status: %d", ri.r.status), false},
	}
}

// wsEventBody is the Lambda proxy event of a WebSocket route, cut as the
// execution log cuts long bodies.
func (ri *reqInfo) wsEventBody() string {
	body := ""
	if ri.eventType() == "MESSAGE" {
		body = fmt.Sprintf(`,"body":"{\"action\":\"%s\",\"orderId\":%d}"`, ri.rt.route.Path, 1000+ri.h%9000)
	}
	return fmt.Sprintf(`{"requestContext":{"routeKey":"%s","eventType":"%s","extendedRequestId":"%s","requestTime":"%s","stage":"%s","connectionId":"%s","requestId":"%s","domainName":"%s.execute-api.%s.amazonaws.com","apiId":"%s"},"isBase64Encoded":false%s} [TRUNCATED]`,
		ri.rt.route.Path, ri.eventType(), ri.ext, ri.t0.Format("02/Jan/2006:15:04:05 -0700"), ri.s.stage.Name,
		ri.connectionID(), ri.id, ri.s.apiID, ri.s.region, ri.s.apiID, body)
}

// WebSocket access log formats: $context.connectionId, eventType and
// routeKey name the event; integration.error and authorizer.error carry
// what failed.
const (
	jsonWSTemplate = `{"requestId":"$context.requestId","connectionId":"$context.connectionId","eventType":"$context.eventType","routeKey":"$context.routeKey","ip":"$context.identity.sourceIp","requestTime":"$context.requestTime","status":"$context.status","integrationStatus":"$context.integration.status","integrationLatency":"$context.integration.latency","integrationError":"$context.integration.error","errorMessage":"$context.error.message","authorizerError":"$context.authorizer.error"}`
	clfWSTemplate  = `$context.identity.sourceIp - - [$context.requestTime] "$context.eventType $context.routeKey $context.connectionId" $context.status $context.requestId $context.integration.error`
)

// wsAccessTemplate is a WebSocket stage's access log format.
func wsAccessTemplate(al *AccessLog) string {
	switch {
	case al == nil:
		return ""
	case al.Format == "json":
		return jsonWSTemplate
	case al.Format == "clf":
		return clfWSTemplate
	}
	return al.Format
}
