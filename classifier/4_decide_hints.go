package classifier

import (
	"strings"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"
)

// contextHit is what the metric context alone shows, as evidence with a
// weight, so that explicit log lines can still outrank it.
func (s *Session) contextHit(api stage.APIType) hit {
	c := s.hints
	var h hit
	if c.IntegrationLatencyMax > 0 && s.latencyAtTimeout(c.IntegrationLatencyMax, nil, api) &&
		(c.LambdaTimeout == 0 || c.LambdaTimeout >= s.integrationTimeout(api)) {
		h = h.merge(hit{cause: CauseIntegrationTimeout, weight: wStrong})
	}
	if c.LambdaThrottles > 0 {
		h = h.merge(hit{cause: CauseLambdaThrottled, weight: 75})
	}
	if c.LambdaTimeout > 0 && c.LambdaDurationMax >= c.LambdaTimeout-100*time.Millisecond {
		h = h.merge(hit{cause: CauseLambdaFunctionTimeout, weight: 85})
	}
	return h
}

// withContext lets the metric context decide a request whose logs are
// weaker than what the metrics show, and reports whether it did. Metrics
// that name the cause a line named leave the line deciding: no report
// measured what they add to it.
func (s *Session) withContext(h hit, g *group) (hit, bool) {
	c := s.contextHit(s.apiType())
	if c.weight > h.weight && c.cause != h.cause && (h.weight < wSpecific || h.cause == CauseLambdaFunctionError) {
		h.cause, h.weight, h.told = c.cause, c.weight, false
		return h, true
	}
	return h, false
}

// adjust turns a permission error into the configuration mistake behind it
// when the stage configuration (or the evidence) shows which: a URI that
// names the function through a stage variable, or a Lambda integration
// whose HTTP method is not POST.
func (s *Session) adjust(c Cause, api stage.APIType) Cause {
	permission := c == CauseLambdaInvokePermission || c == CauseCredentialsRoleError
	if permission && s.lambdaMethodNotPost() {
		return CauseIntegrationMethodNotPost
	}
	if c == CausePrivateIntegrationError && strings.EqualFold(s.hints.ConnectionType, "INTERNET") {
		return CauseInternalServiceFailure
	}
	if c == CauseLambdaInvokePermission && api != stage.APIHTTP &&
		(strings.Contains(s.hints.IntegrationURI, "${stageVariables.") || s.st.stageVarRef) {
		return CauseStageVariablePermission
	}
	return c
}

func (s *Session) lambdaMethodNotPost() bool {
	c := s.hints
	m := strings.ToUpper(c.IntegrationHTTPMethod)
	if m == "" || m == "POST" {
		return false
	}
	// An AWS service integration (S3, Step Functions) may use any method;
	// only Lambda's Invoke needs POST. Without a URI, AWS_PROXY means Lambda.
	if c.IntegrationURI != "" {
		return strings.Contains(c.IntegrationURI, ":lambda:")
	}
	return strings.EqualFold(c.IntegrationType, "AWS_PROXY")
}

// excerptAdjust is adjust's reading of a permission error by a Lambda
// integration whose method is not POST, when a configuration excerpt in
// the evidence (configExcerpt) rather than the stage configuration shows
// the method: the excerpt shows the setup, not what the request met, so
// the answer it gives weighs as weak evidence whatever line named the
// permission error.
func (s *Session) excerptAdjust(h hit) hit {
	if s.st.excerptNotPost && (h.cause == CauseLambdaInvokePermission || h.cause == CauseCredentialsRoleError) {
		h.cause, h.weight, h.told = CauseIntegrationMethodNotPost, min(h.weight, wWeak), true
	}
	return h
}
