package scenario

import (
	"encoding/json"
	"strings"
)

// Access log templates. The JSON ones follow the console's JSON preset with
// the error and integration variables added that diagnosis needs (an HTTP
// API's its Lambda authorizer's error too); CLF is
// the console's CLF preset followed by the integration error, as in real
// HTTP API captures.
// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging-variables.html
const (
	jsonRESTTemplate = `{"requestId":"$context.requestId","extendedRequestId":"$context.extendedRequestId","ip":"$context.identity.sourceIp","requestTime":"$context.requestTime","httpMethod":"$context.httpMethod","resourcePath":"$context.resourcePath","status":"$context.status","protocol":"$context.protocol","responseLength":"$context.responseLength","responseLatency":"$context.responseLatency","integrationLatency":"$context.integrationLatency","integrationStatus":"$context.integration.status","integrationErrorMessage":"$context.integrationErrorMessage","errorMessage":"$context.error.message","errorResponseType":"$context.error.responseType"}`
	jsonHTTPTemplate = `{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","requestTime":"$context.requestTime","httpMethod":"$context.httpMethod","routeKey":"$context.routeKey","status":"$context.status","protocol":"$context.protocol","responseLength":"$context.responseLength","responseLatency":"$context.responseLatency","integrationLatency":"$context.integrationLatency","integrationStatus":"$context.integration.status","integrationServiceStatus":"$context.integration.integrationStatus","integrationErrorMessage":"$context.integrationErrorMessage","errorMessage":"$context.error.message","authorizerError":"$context.authorizer.error","integrationRequestId":"$context.integration.requestId","dataProcessed":"$context.dataProcessed"}`
	clfRESTTemplate  = `$context.identity.sourceIp - - [$context.requestTime] "$context.httpMethod $context.resourcePath $context.protocol" $context.status $context.responseLength $context.requestId $context.integrationErrorMessage`
	clfHTTPTemplate  = `$context.identity.sourceIp - - [$context.requestTime] "$context.httpMethod $context.routeKey $context.protocol" $context.status $context.responseLength $context.requestId $context.integrationErrorMessage`
)

// accessTemplate is the stage's access log format as GetStages reports it.
func accessTemplate(al *AccessLog, http bool) string {
	if al == nil {
		return ""
	}
	switch {
	case al.Format == "json" && http:
		return jsonHTTPTemplate
	case al.Format == "json":
		return jsonRESTTemplate
	case al.Format == "clf" && http:
		return clfHTTPTemplate
	case al.Format == "clf":
		return clfRESTTemplate
	}
	return al.Format
}

// renderAccess substitutes $context variables; a variable without a value
// becomes "-", as API Gateway writes it. Inside a JSON template values are
// escaped so the record stays valid JSON.
func renderAccess(tmpl string, vars map[string]string) string {
	jsonMode := strings.HasPrefix(strings.TrimSpace(tmpl), "{")
	var b strings.Builder
	for {
		i := strings.Index(tmpl, "$context.")
		if i < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		b.WriteString(tmpl[:i])
		j := i + len("$context.")
		for j < len(tmpl) && isVarByte(tmpl[j]) {
			j++
		}
		for j > i+len("$context.") && tmpl[j-1] == '.' {
			j--
		}
		v, ok := vars[tmpl[i+len("$context."):j]]
		if !ok || v == "" {
			v = "-"
		}
		if jsonMode {
			q, _ := json.Marshal(v)
			v = string(q[1 : len(q)-1])
		}
		b.WriteString(v)
		tmpl = tmpl[j:]
	}
}

func isVarByte(c byte) bool {
	return c == '.' || c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
