package scenario

import (
	"github.com/apigw-triage/apigw-triage/classifier"
)

// latencyKind says where a failing request's time goes.
type latencyKind uint8

const (
	latNormal             latencyKind = iota // the backend's usual latency
	latFast                                  // the gateway fails before or right after the call
	latIntegrationTimeout                    // IntegrationLatency sits at the integration timeout
	latFunctionTimeout                       // the function runs until its own timeout
	latInit                                  // a failed cold start: a few hundred ms
	latSlow                                  // a huge response transfer: seconds
	latAuthorizer                            // the authorizer's failed cold start, before any integration
)

// needs is the integration a cause can happen on.
type needs uint8

const (
	needAny          needs = iota
	needLambda             // any Lambda integration
	needLambdaCustom       // a non-proxy Lambda integration (REST)
	needStageVar           // a Lambda integration named by a stage variable
	needBackend            // an HTTP or VPC link integration
	needVPCLink            // a VPC link integration
	needAWSService         // an AWS service integration (it runs with a role)
	needAuthorizer         // a route with a Lambda authorizer (a REST method, an HTTP API route, WebSocket $connect)
)

func (n needs) String() string {
	switch n {
	case needLambda:
		return "a Lambda integration"
	case needLambdaCustom:
		return "a lambda_custom integration"
	case needStageVar:
		return "a Lambda integration whose function is ${stageVariables.x}"
	case needBackend:
		return "an http_proxy or vpc_link integration"
	case needVPCLink:
		return "a vpc_link integration"
	case needAWSService:
		return "an aws_service integration"
	case needAuthorizer:
		return "a Lambda authorizer"
	default:
		return "any integration"
	}
}

// effect is what a cause does to one request: whether the function runs,
// fails or is throttled, and where the latency goes. The status comes from
// the taxonomy (classifier.Cause.Status), so the emulator and the
// classifier cannot disagree about it.
type effect struct {
	needs     needs
	invoked   bool // the Lambda function receives the invocation
	fnError   bool // the invocation counts in the Lambda Errors metric
	throttled bool // the invocation counts in the Lambda Throttles metric
	lat       latencyKind
}

// effects lists the causes the emulator can play.
var effects = map[classifier.Cause]effect{
	classifier.CauseLambdaMalformedProxyResponse: {needs: needLambda, invoked: true, lat: latNormal},
	classifier.CauseLambdaInvokePermission:       {needs: needLambda, lat: latFast},
	classifier.CauseStageVariablePermission:      {needs: needStageVar, lat: latFast},
	classifier.CauseLambdaPackagePermission:      {needs: needLambda, invoked: true, fnError: true, lat: latInit},
	classifier.CauseLambdaHandlerMisconfigured:   {needs: needLambda, invoked: true, fnError: true, lat: latInit},
	classifier.CauseLambdaFunctionError:          {needs: needLambda, invoked: true, fnError: true, lat: latNormal},
	classifier.CauseLambdaFunctionTimeout:        {needs: needLambda, invoked: true, fnError: true, lat: latFunctionTimeout},
	classifier.CauseLambdaRuntimeCrash:           {needs: needLambda, invoked: true, fnError: true, lat: latNormal},
	classifier.CauseLambdaOutOfMemory:            {needs: needLambda, invoked: true, fnError: true, lat: latNormal},
	classifier.CauseLambdaThrottled:              {needs: needLambda, throttled: true, lat: latFast},
	classifier.CauseStatusMappingMissing:         {needs: needLambdaCustom, invoked: true, fnError: true, lat: latNormal},
	classifier.CauseLambdaErrorMaskedAs200:       {needs: needLambdaCustom, invoked: true, fnError: true, lat: latNormal},
	classifier.CauseIntegrationMethodNotPost:     {needs: needLambda, lat: latFast},
	classifier.CauseBackendPayloadTooLarge:       {needs: needBackend, lat: latSlow},
	classifier.CausePrivateIntegrationError:      {needs: needVPCLink, lat: latFast},
	classifier.CauseIntegrationTimeout:           {needs: needAny, invoked: true, lat: latIntegrationTimeout},
	classifier.CauseBackendConnectionError:       {needs: needBackend, lat: latFast},
	classifier.CauseBackendUnavailable:           {needs: needBackend, lat: latNormal},
	classifier.CauseInternalServiceFailure:       {needs: needAny, lat: latFast},
	classifier.CauseLambdaPayloadTooLarge:        {needs: needLambda, invoked: true, fnError: true, lat: latSlow},
	classifier.CauseBackendTLSError:              {needs: needBackend, lat: latFast},
	classifier.CauseCredentialsRoleError:         {needs: needAWSService, lat: latFast},
	classifier.CauseAuthorizerError:              {needs: needAuthorizer, lat: latAuthorizer},
}

// fits reports whether a route and its integration can suffer the cause.
func (e effect) fits(r Route) bool {
	in := r.Integration
	lambda := in.Type == IntegrationLambdaProxy || in.Type == IntegrationLambdaCustom
	switch e.needs {
	case needAuthorizer:
		return r.Authorizer != ""
	case needLambda:
		return lambda
	case needLambdaCustom:
		return in.Type == IntegrationLambdaCustom
	case needStageVar:
		return lambda && stageVarName(in.Function) != ""
	case needBackend:
		return in.Type == IntegrationHTTPProxy || in.Type == IntegrationVPCLink
	case needVPCLink:
		return in.Type == IntegrationVPCLink
	case needAWSService:
		return in.Type == IntegrationAWSService
	default:
		return true
	}
}
