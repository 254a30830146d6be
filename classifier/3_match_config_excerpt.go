package classifier

import (
	"bytes"
	"regexp"
)

// A configuration excerpt (a Terraform resource, a CloudFormation or SAM
// template, an OpenAPI definition, a CLI call) shows how the API is set
// up, not what happened to a request: a setup the documentation rules out
// is a strong clue, never a record of the failure, so it weighs as a
// person's words below wHint (the calibration's weak evidence) and any
// line that names the failure outranks it.
//
// The one read here: a Lambda integration whose integration method is not
// POST. The API Gateway developer guide's "Lambda integrations for REST
// APIs" sets the integration's HTTP method to POST, "according to the
// specification of the Lambda service action for function invocations",
// and its x-amazon-apigateway-integration object says of httpMethod: "For
// Lambda function invocations, the value must be POST"; Lambda answers
// another method with "Unable to determine service/operation name to be
// authorized". The method is read as each tool writes it (Terraform's
// integration_http_method and, for HTTP APIs, integration_method;
// CloudFormation's IntegrationHttpMethod and IntegrationMethod; the CLI's
// --integration-http-method and --integration-method; OpenAPI's httpMethod)
// and counts only within a few lines of a Lambda function's invocation URI
// (".../lambda:path/2015-03-31/functions/.../invocations", or Terraform's
// invoke_arn attribute), the same integration's block: an HTTP or AWS
// service integration may use any method.

// excerptMethod is an integration method other than POST, as the tools
// write the setting: a key opening its line (a YAML list's dash or a
// quote before it), or the CLI's flag anywhere; the literal "method"
// pre-filters it. (A sentence that quotes a request's "httpMethod: GET" is
// no setting.)
var excerptMethod = regexp.MustCompile(`^(?:- )?["']?(?:integration_?(?:http_?)?method|httpmethod)["']?\s*[:=]\s*["']?(?:get|put|patch|delete|head|options|any)\b|--integration-(?:http-)?method(?:\s+|=)["']?(?:get|put|patch|delete|head|options|any)\b`)

// lambdaInvocationURI names a Lambda function's invocation action, as an
// integration URI does.
var lambdaInvocationURI = [][]byte{[]byte(":lambda:path/"), []byte("invoke_arn")}

// excerptSpan is how many lines apart the method and the URI may stand and
// still be one integration's settings.
const excerptSpan = 10

// configExcerpt reads a line no program wrote for a Lambda integration set
// up with another method than POST; low is the line lower-cased. It
// returns the hit when the line completes the pair.
func (s *Session) configExcerpt(low []byte) hit {
	now := s.st.lines
	if bytes.Contains(low, []byte("method")) && excerptMethod.Match(low) {
		s.st.excerptMethodAt = now
	}
	if containsAny(low, lambdaInvocationURI) {
		s.st.excerptLambdaAt = now
	}
	m, l := s.st.excerptMethodAt, s.st.excerptLambdaAt
	if m == 0 || l == 0 || (m != now && l != now) || max(m, l)-min(m, l) > excerptSpan {
		return hit{}
	}
	s.st.excerptNotPost = true
	return hit{cause: CauseIntegrationMethodNotPost, weight: wWeak, told: true}
}
