package collector

import "strings"

// An access log record is the stage's format with each $context variable
// replaced by its value, or by "-" when it has none. FilterLogEvents reads
// such a record through a pattern of one of three kinds (the CloudWatch
// Logs "filter pattern syntax" page), of which these are relied on:
//
//   - a JSON pattern, { $.status = "5*" || $.other.status >= 500 }, tests
//     the fields of a record that parses as JSON: a value in double quotes
//     is text, and its * at the end stands for any text; a bare number
//     compares numerically with a JSON number (whether also with a string
//     that spells one, the documentation does not say, so nothing here
//     relies on it). A missing field, or a record that is not JSON,
//     matches nothing.
//   - a space-delimited pattern, [f1, f2, status=5*, ...], names the
//     record's fields from the left: fields are cut at spaces, but what
//     stands between double quotes or between [ and ] is one field. "..."
//     stands for any number of fields; without it the counts must agree.
//   - text terms, the fallback, match words anywhere in the line.
//
// accessFailurePattern builds the pattern that picks the 5xx records of an
// access log written in format, or says why it cannot, and then the
// caller keeps the text pattern.
func accessFailurePattern(format string) (pattern, why string) {
	if strings.HasPrefix(strings.TrimSpace(format), "{") {
		return jsonStatusPattern(format)
	}
	return delimitedStatusPattern(format)
}

const statusVar = "context.status"

// integrationStatusVars stand in for the status in a format without it:
// what the integration answered is the nearest sign of a 5xx.
var integrationStatusVars = []string{"context.integration.status", "context.integrationStatus", "context.integration.integrationStatus"}

// numericVars are the variables that always render as a number, and so
// may stand outside quotes without breaking a JSON record: any other
// renders "-" when it has no value.
var numericVars = map[string]bool{
	statusVar: true, "context.requestTimeEpoch": true, "context.responseLatency": true, "context.responseLength": true,
}

// plainVars render without a space, a double quote or a bracket, so a
// field holding them is one field of a space-delimited record. spacedVars
// may hold spaces, but neither quotes nor brackets: inside quotes or
// brackets they still make one field.
var (
	plainVars = setOf("context.requestId", "context.extendedRequestId", "context.identity.sourceIp",
		"context.httpMethod", "context.resourcePath", "context.path", "context.protocol", statusVar,
		"context.responseLength", "context.responseLatency", "context.integrationLatency",
		"context.integration.latency", "context.integration.status", "context.integrationStatus",
		"context.integration.integrationStatus", "context.requestTimeEpoch", "context.apiId", "context.stage",
		"context.domainName", "context.domainPrefix", "context.accountId", "context.resourceId",
		"context.connectionId", "context.eventType", "context.awsEndpointRequestId",
		"context.integration.requestId", "context.dataProcessed", "context.xrayTraceId",
		"context.error.responseType", "context.identity.accountId", "context.identity.caller", "context.identity.user")
	spacedVars = setOf("context.requestTime", "context.routeKey")
)

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// templateVar returns the variable ("context.status") at s[i], where s[i]
// is '$', and its length with the '$'; "" when none starts there. A name
// runs over letters, digits, '_' and '.', less trailing dots, as API
// Gateway reads it.
func templateVar(s string, i int) (string, int) {
	j := i + 1
	if j >= len(s) || !isLetter(s[j]) {
		return "", 0
	}
	for j < len(s) && (isLetter(s[j]) || s[j] >= '0' && s[j] <= '9' || s[j] == '_' || s[j] == '.') {
		j++
	}
	for s[j-1] == '.' {
		j--
	}
	return s[i+1 : j], j - i
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// templateVars lists the variables of a piece of a format.
func templateVars(s string) []string {
	var out []string
	eachVar(s, func(_ int, v string) bool {
		out = append(out, v)
		return true
	})
	return out
}

// withoutVars is s less its variables: the format's own text.
func withoutVars(s string) string {
	var b strings.Builder
	last := 0
	eachVar(s, func(i int, v string) bool {
		b.WriteString(s[last:i])
		last = i + 1 + len(v)
		return true
	})
	b.WriteString(s[last:])
	return b.String()
}

// varIndex is where variable v first stands in s, or -1.
func varIndex(s, v string) int {
	at := -1
	eachVar(s, func(i int, name string) bool {
		if name == v {
			at = i
		}
		return at < 0
	})
	return at
}

// eachVar calls fn with each variable of s and where it starts, while fn
// returns true.
func eachVar(s string, fn func(i int, v string) bool) {
	for i := 0; i < len(s); i++ {
		if s[i] != '$' {
			continue
		}
		if v, n := templateVar(s, i); n > 0 {
			if !fn(i, v) {
				return
			}
			i += n - 1
		}
	}
}
