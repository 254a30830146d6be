package emulator

import (
	"encoding/json"
	"net/http"
	"strings"
)

// X-Amz-Target prefixes of the awsJson1_1 services (reference §1.3).
const (
	logsTarget    = "Logs_20140328."
	taggingTarget = "ResourceGroupsTaggingAPI_20170126."
)

// jsonOp is one awsJson1_1 operation: it decodes its own input from the
// raw body and returns the output to marshal.
type jsonOp func(s *Server, c *call) (any, error)

var logsOps = map[string]jsonOp{
	"StartQuery":        (*Server).startQuery,
	"GetQueryResults":   (*Server).getQueryResults,
	"StopQuery":         (*Server).stopQuery,
	"FilterLogEvents":   (*Server).filterLogEvents,
	"DescribeLogGroups": (*Server).describeLogGroups,
}

var taggingOps = map[string]jsonOp{
	"GetResources": (*Server).getTaggedResources,
}

// routeJSON serves CloudWatch Logs and Resource Groups Tagging (awsJson1_1)
// and CloudWatch in awsJson1_0.
func (s *Server) routeJSON(c *call) {
	target := c.r.Header.Get("X-Amz-Target")
	if strings.HasPrefix(target, sqsTarget) {
		s.serveSQS(c)
		return
	}
	if strings.HasPrefix(target, cloudwatchTarget) {
		s.serveCloudWatchJSON(c)
		return
	}
	var ops map[string]jsonOp
	var throttle *apiError
	switch {
	case strings.HasPrefix(target, logsTarget):
		c.service, c.op, ops = "logs", strings.TrimPrefix(target, logsTarget), logsOps
		throttle = &apiError{Status: http.StatusBadRequest, Code: "ThrottlingException", Message: "Rate exceeded"}
	case strings.HasPrefix(target, taggingTarget):
		c.service, c.op, ops = "tagging", strings.TrimPrefix(target, taggingTarget), taggingOps
		throttle = &apiError{Status: http.StatusBadRequest, Code: "ThrottledException", Message: "Rate exceeded"}
	default:
		c.service, c.op = "unknown", target
	}
	op, ok := ops[c.op]
	if !ok {
		s.stats.count(c, false)
		s.jsonError(c, &apiError{Status: http.StatusBadRequest, Code: "UnknownOperationException", Message: "Unknown operation " + target})
		return
	}
	if !s.admit(c) {
		s.jsonError(c, throttle)
		return
	}
	if c.service == "logs" && s.b.Faults().LogsDown(s.b.Now()) {
		s.jsonError(c, &apiError{Status: http.StatusServiceUnavailable, Code: "ServiceUnavailableException", Message: "The service is unavailable. Please try again later."})
		return
	}
	out, err := op(s, c)
	if err != nil {
		s.jsonError(c, asAPIError(err))
		return
	}
	writeJSON(c, http.StatusOK, "application/x-amz-json-1.1", out)
}

func (s *Server) jsonError(c *call, e *apiError) {
	s.countError()
	writeJSONError(c, e)
}

// decodeJSONInput decodes an awsJson request body; "{}" or nothing is a
// valid empty input.
func decodeJSONInput(c *call, v any) error {
	if len(strings.TrimSpace(string(c.body))) == 0 {
		return nil
	}
	if err := json.Unmarshal(c.body, v); err != nil {
		return errSerialization("cannot decode request: " + err.Error())
	}
	return nil
}

func errLogsInvalidParam(msg string) *apiError {
	return &apiError{Status: http.StatusBadRequest, Code: "InvalidParameterException", Message: msg}
}

func errLogsNotFound(msg string) *apiError {
	return &apiError{Status: http.StatusBadRequest, Code: "ResourceNotFoundException", Message: msg}
}
