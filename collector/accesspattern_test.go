package collector

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/apigw-triage/apigw-triage/emulator"
)

// Access log formats: the console's presets and the emulator's templates.
const (
	consoleCLF  = `$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] "$context.httpMethod $context.resourcePath $context.protocol" $context.status $context.responseLength $context.requestId`
	consoleJSON = `{ "requestId":"$context.requestId", "ip": "$context.identity.sourceIp", "caller":"$context.identity.caller", "user":"$context.identity.user","requestTime":"$context.requestTime", "httpMethod":"$context.httpMethod","resourcePath":"$context.resourcePath", "status":"$context.status","protocol":"$context.protocol", "responseLength":"$context.responseLength" }`
	consoleXML  = `<request id="$context.requestId"> <ip>$context.identity.sourceIp</ip> <caller>$context.identity.caller</caller> <user>$context.identity.user</user> <requestTime>$context.requestTime</requestTime> <httpMethod>$context.httpMethod</httpMethod> <resourcePath>$context.resourcePath</resourcePath> <status>$context.status</status> <protocol>$context.protocol</protocol> <responseLength>$context.responseLength</responseLength> </request>`
	consoleCSV  = `$context.identity.sourceIp,$context.identity.caller,$context.identity.user,$context.requestTime,$context.httpMethod,$context.resourcePath,$context.protocol,$context.status,$context.responseLength,$context.requestId`
	restCLF     = `$context.identity.sourceIp - - [$context.requestTime] "$context.httpMethod $context.resourcePath $context.protocol" $context.status $context.responseLength $context.requestId $context.integrationErrorMessage`
	httpCLF     = `$context.identity.sourceIp - - [$context.requestTime] "$context.httpMethod $context.routeKey $context.protocol" $context.status $context.responseLength $context.requestId $context.integrationErrorMessage`
	wsCLF       = `$context.identity.sourceIp - - [$context.requestTime] "$context.eventType $context.routeKey $context.connectionId" $context.status $context.requestId $context.integration.error`
	restJSON    = `{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","status":"$context.status","integrationStatus":"$context.integration.status","integrationErrorMessage":"$context.integrationErrorMessage","errorMessage":"$context.error.message"}`
)

func TestAccessFailurePattern(t *testing.T) {
	tests := []struct {
		name, format, want string
	}{
		{"console JSON", consoleJSON, `{ $.status = "5*" }`},
		{"JSON with integration status", restJSON, `{ $.status = "5*" }`},
		{"JSON status as a number", `{"requestId":"$context.requestId","status":$context.status,"ms":$context.responseLatency}`, `{ $.status >= 500 }`},
		{"JSON nested", `{"req":{"id":"$context.requestId"},"res":{"status":"$context.status","all":["$context.status"]}}`, `{ $.res.all[0] = "5*" || $.res.status = "5*" }`},
		{"JSON status twice", `{"status":"$context.status","code":$context.status}`, `{ $.code >= 500 || $.status = "5*" }`},
		{"JSON integration status only", `{"requestId":"$context.requestId","integrationStatus":"$context.integration.status"}`, `{ $.integrationStatus = "5*" }`},
		{"JSON unquoted text variable", `{"ip":$context.identity.sourceIp,"status":"$context.status"}`, ""},
		{"JSON unquoted latency", `{"status":"$context.status","latency":$context.integrationLatency}`, ""},
		{"JSON that does not parse", `{"status":"$context.status",}`, ""},
		{"JSON key a selector cannot name", `{"http.status":"$context.status"}`, ""},
		{"JSON status inside text", `{"s":"HTTP $context.status"}`, ""},
		{"JSON with escapes", `{"s":"$context.status","q":"\u0024context.status"}`, ""},
		{"console CLF", consoleCLF, `[f1, f2, f3, f4, f5, status=5*, ...]`},
		{"REST CLF", restCLF, `[f1, f2, f3, f4, f5, status=5*, ...]`},
		{"HTTP API CLF", httpCLF, `[f1, f2, f3, f4, f5, status=5*, ...]`},
		{"WebSocket CLF", wsCLF, `[f1, f2, f3, f4, f5, status=5*, ...]`},
		{"status first", `$context.status $context.error.message`, `[status=5*, ...]`},
		{"anchored at the right", `$context.error.message $context.status $context.requestId`, `[..., status=5*, f1]`},
		{"key=value fields", `requestId=$context.requestId status=$context.status err=$context.error.message`, `[f1, status="status=5*", ...]`},
		{"quoted status", `$context.requestId "$context.status"`, `[f1, status=5*, ...]`},
		{"console XML", consoleXML, ""},
		{"a quote opened before, at the right", `"$context.error.message" $context.status $context.requestId`, ""},
		{"spaces on both sides", `$context.error.message $context.status $context.error.message`, ""},
		{"console CSV", consoleCSV, ""},
		{"status twice", `$context.status $context.status`, ""},
		{"no status", `$context.requestId $context.integration.status`, ""},
		{"no format", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, why := accessFailurePattern(tc.format)
			if got != tc.want || (got == "") != (why != "") {
				t.Fatalf("pattern %q (why %q), want %q", got, why, tc.want)
			}
			if got != "" {
				checkPicksFailures(t, tc.format, got)
			}
		})
	}
}

// checkPicksFailures: the pattern, read as FilterLogEvents reads it,
// matches the format's record of a 502 and not of a 200.
func checkPicksFailures(t *testing.T, format, pattern string) {
	t.Helper()
	for status, want := range map[string]bool{"502": true, "200": false} {
		rec := renderAccessRecord(format, status)
		got, err := emulator.MatchFilterPattern(pattern, rec)
		if err != nil || got != want {
			t.Fatalf("format %q: pattern %q on %q = %v, %v; want %v", format, pattern, rec, got, err, want)
		}
	}
}

// renderAccessRecord writes a record of format as API Gateway would, the
// status (and the integration's) given, every other variable at its
// worst for the pattern: spaces where a variable may hold them, and
// quotes and brackets where it may hold anything. In a JSON format, values
// are escaped as JSON.
func renderAccessRecord(format, status string) string {
	jsonMode := strings.HasPrefix(strings.TrimSpace(format), "{")
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		v, n := "", 0
		if format[i] == '$' {
			v, n = templateVar(format, i)
		}
		if n == 0 {
			b.WriteByte(format[i])
			continue
		}
		val := worstValue(v, status)
		if jsonMode {
			q, _ := json.Marshal(val)
			val = string(q[1 : len(q)-1])
		}
		b.WriteString(val)
		i += n - 1
	}
	return b.String()
}

func worstValue(v, status string) string {
	switch {
	case v == statusVar || slices.Contains(integrationStatusVars, v):
		return status
	case numericVars[v]:
		return "7"
	case plainVars[v]:
		return "v-1"
	case spacedVars[v]:
		return "GET /a b"
	}
	return `x "y" [z] w`
}

// FuzzAccessFailurePattern: the format comes from the stage's AWS
// configuration, so any text may arrive. No format makes the builder
// panic, and every pattern it builds parses and picks the format's 5xx
// records and no 2xx record, whatever the other variables hold.
func FuzzAccessFailurePattern(f *testing.F) {
	for _, s := range []string{consoleCLF, consoleJSON, consoleXML, consoleCSV, restCLF, httpCLF, wsCLF, restJSON,
		`{"a":[{"b":$context.status}]}`, `x=$context.status "$context.error.message"`, `[$context.status] $context.path`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, format string) {
		pattern, why := accessFailurePattern(format)
		if (pattern == "") == (why == "") {
			t.Fatalf("format %q: pattern %q and reason %q", format, pattern, why)
		}
		if pattern != "" {
			checkPicksFailures(t, format, pattern)
		}
	})
}
