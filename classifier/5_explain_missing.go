package classifier

import "strings"

// missing names the evidence that would have decided a diagnosis that is
// unknown or uncertain, so the reader knows what to switch on or fetch.
func (s *Session) missing(d Diagnosis) []string {
	if d.Cause != CauseUnknown && d.Confidence >= 0.5 {
		return nil
	}
	if s.st.lines == 0 && s.hints == (Hints{}) {
		return []string{"no evidence was given: pass execution-log, access-log, Lambda-log lines or client output"}
	}
	var out []string
	api := d.APIType
	if api != APIHTTP && s.st.execLines == 0 {
		if strings.EqualFold(s.hints.ExecutionLogging, "OFF") {
			out = append(out, "execution logging is OFF on the stage: set the logging level to INFO or ERROR to see why API Gateway failed")
		} else {
			out = append(out, "REST execution-log lines (log group API-Gateway-Execution-Logs_{api-id}/{stage}) for the failing requests")
		}
	}
	if api == APIHTTP || s.st.accessLines > 0 || s.hints.AccessLogFormat != "" {
		if !s.st.integErrVar && !strings.Contains(s.hints.AccessLogFormat, "integrationErrorMessage") &&
			!strings.Contains(s.hints.AccessLogFormat, "integration.error") {
			out = append(out, "the access log format lacks $context.integrationErrorMessage (and $context.integration.status): add them to see integration failures")
		}
	}
	if s.st.lambdaLines == 0 {
		out = append(out, "Lambda function logs (/aws/lambda/<function>) for the failing requests, if the integration is a Lambda function")
	}
	return out
}
