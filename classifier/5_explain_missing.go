package classifier

import (
	"strings"

	"github.com/apigw-triage/apigw-triage/stage"
)

// missing names the evidence that would have decided a diagnosis that is
// unknown or uncertain, so the reader knows what to switch on or fetch:
// execution logging at INFO, the access-log fields that carry integration
// and authorizer errors, the function's log group, and the status itself
// when nothing showed it (also next to a named cause: a line naming the
// cause does not say what the client got).
func (s *Session) missing(d Diagnosis) []string {
	var out []string
	if d.Status == StatusUnknown && s.st.lines > 0 {
		out = append(out, missingStatus)
	}
	if d.Cause != CauseUnknown && d.Confidence >= guessBelow {
		return out
	}
	if s.st.lines == 0 && s.hints.empty() {
		return []string{"no evidence was given: pass execution-log, access-log, Lambda-log lines or client output"}
	}
	api := d.APIType
	if api != stage.APIHTTP && s.st.execLines == 0 {
		if strings.EqualFold(s.hints.ExecutionLogging, "OFF") {
			out = append(out, "execution logging is OFF on the stage: set the logging level to INFO to see why API Gateway failed")
		} else {
			out = append(out, "execution-log lines at INFO level (log group API-Gateway-Execution-Logs_{api-id}/{stage}) for the failing requests (REST and WebSocket APIs)")
		}
	}
	if api == stage.APIHTTP || s.st.accessLines > 0 || s.hints.AccessLogFormat != "" {
		if !s.st.integErrVar && !strings.Contains(s.hints.AccessLogFormat, "integrationErrorMessage") &&
			!strings.Contains(s.hints.AccessLogFormat, "integration.error") {
			out = append(out, accessFieldsMissing(api))
		}
	}
	if s.st.lambdaLines == 0 {
		out = append(out, "the function's log group (/aws/lambda/{function}) for the failing minutes, if the integration is a Lambda function")
	}
	return out
}

// accessFieldsMissing names the access-log variables that carry
// integration and authorizer failures on the API type: a WebSocket stage
// has no $context.integrationErrorMessage, but $context.integration.error,
// and its records need the event and route to tell a refused $connect from
// a failed message.
func accessFieldsMissing(api stage.APIType) string {
	if api == stage.APIWebSocket {
		return "access-log fields $context.eventType, $context.routeKey, $context.integration.error, $context.integration.status and $context.authorizer.error: add them to the access log format to see which event failed and why"
	}
	return "access-log fields $context.integrationErrorMessage, $context.integration.status and $context.authorizer.error: add them to the access log format to see integration and authorizer failures"
}

// guessBelow is the confidence under which a named cause is a guess worth
// checking: the weakest calibrated kind (a program's weak line, a
// structural fallback) was right about two times in three on the training
// reports.
const guessBelow = 0.7

// missingStatus names the evidence of what the client received.
const missingStatus = "what the client received: the status line (curl -i), the browser's network tab, or the access log's $context.status"
