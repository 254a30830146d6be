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

// excerptMethod is an integration method, as the tools write the
// setting: a key opening its line (a YAML list's dash or a quote before
// it), or the CLI's flag anywhere; the literal "method" pre-filters it.
// (A sentence that quotes a request's "httpMethod: GET" is no setting.)
// Its first group is the bare key, OpenAPI's httpMethod, which other
// writers use for other things (openAPIMethod); the others the verb.
var excerptMethod = regexp.MustCompile(`^(?:- )?["']?(?:integration_?(?:http_?)?method|(httpmethod))["']?\s*[:=]\s*["']?(get|put|patch|delete|head|options|any|post)\b|--integration-(?:http-)?method(?:\s+|=)["']?(get|put|patch|delete|head|options|any|post)\b`)

// lambdaPath names a Lambda function's invocation action as an integration
// URI does; invokeARN is Terraform's attribute for that URI.
var (
	lambdaPath = []byte(":lambda:path/")
	invokeARN  = []byte("invoke_arn")
)

// excerptSpan is how many lines apart the method and the URI may stand and
// still be one integration's settings.
const excerptSpan = 10

// configExcerpt reads a line no program wrote for a Lambda integration set
// up with another method than POST; msg is the line, low the line
// lower-cased. It returns the hit when the line completes the pair.
func (s *Session) configExcerpt(msg, low []byte) hit {
	now := s.st.lines
	if bytes.Contains(low, []byte("method")) {
		if m := excerptMethod.FindSubmatchIndex(low); m != nil && (m[2] < 0 || openAPIMethod(msg)) {
			s.st.excerptMethodAt, s.st.excerptMethodIndent, s.st.excerptOpenAPI = now, s.st.indent, m[2] >= 0
			if verb := excerptVerb(low, m); verb == "post" {
				s.st.excerptMethodAt = 0 // the nearest method is the integration's: POST, as it should be
			}
		}
	}
	if path, arn := bytes.Contains(low, lambdaPath), bytes.Contains(low, invokeARN); path || arn {
		s.st.excerptLambdaAt, s.st.excerptLambdaIndent, s.st.excerptInvokeARN = now, s.st.indent, !path
	}
	m, l := s.st.excerptMethodAt, s.st.excerptLambdaAt
	if m == 0 || l == 0 || (m != now && l != now) || max(m, l)-min(m, l) > excerptSpan {
		return hit{}
	}
	if s.st.excerptOpenAPI && s.st.excerptInvokeARN {
		return hit{} // Terraform's attribute, OpenAPI's key: two writers, no one integration
	}
	if m != l && s.st.excerptMethodIndent != s.st.excerptLambdaIndent {
		// keys of one object stand at one indentation: the method of
		// `aws apigateway get-method`'s output is the method's own, a level
		// above its methodIntegration's uri
		return hit{}
	}
	s.st.excerptNotPost = true
	return hit{cause: CauseIntegrationMethodNotPost, weight: wWeak, told: true}
}

// openAPIMethod reports whether the line's key is OpenAPI's httpMethod as
// the extension x-amazon-apigateway-integration spells it: CloudFormation's
// HttpMethod (AWS::ApiGateway::Method) is the method's own, which clients
// call with any verb, beside the integration's IntegrationHttpMethod.
func openAPIMethod(msg []byte) bool {
	key := bytes.TrimLeft(bytes.TrimPrefix(msg, []byte("- ")), `"'`)
	return bytes.HasPrefix(key, []byte("httpMethod"))
}

// indentOf is the width of raw's leading spaces and tabs, after a
// markdown quote's markers: the level of a key in a configuration excerpt.
func indentOf(raw []byte) int {
	b := raw
	for len(b) > 0 && b[0] == '>' {
		b = bytes.TrimPrefix(b[1:], []byte(" "))
	}
	return len(b) - len(bytes.TrimLeft(b, " \t"))
}

// excerptVerb is the verb excerptMethod's match m found in low.
func excerptVerb(low []byte, m []int) string {
	for i := 4; i+1 < len(m); i += 2 {
		if m[i] >= 0 {
			return string(low[m[i]:m[i+1]])
		}
	}
	return ""
}
