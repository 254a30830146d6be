package emulator

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// cloudwatchTarget is the awsJson1_0 X-Amz-Target prefix of CloudWatch,
// the protocol botocore (AWS CLI v1) chooses among CloudWatch's three.
const cloudwatchTarget = "GraniteServiceVersion20100801."

// serveCloudWatchJSON serves CloudWatch in awsJson1_0. Errors carry the
// query-compatible header like the CBOR ones do.
func (s *Server) serveCloudWatchJSON(c *call) {
	c.service, c.op = "cloudwatch", strings.TrimPrefix(c.r.Header.Get("X-Amz-Target"), cloudwatchTarget)
	const ctype = "application/x-amz-json-1.0"
	fail := func(e *apiError) {
		s.countError()
		c.w.Header().Set("X-Amzn-Query-Error", e.queryCode()+";"+e.fault())
		writeJSON(c, e.Status, ctype, map[string]any{"__type": e.Code, "message": e.Message})
	}
	if !isCloudWatchOp(c.op) {
		s.stats.count(c, false)
		fail(&apiError{Status: http.StatusBadRequest, Code: "UnknownOperationException", Message: "Unknown operation " + c.op})
		return
	}
	if !s.admit(c) {
		fail(errCWThrottle())
		return
	}
	var tree any = map[string]any{}
	if len(c.body) > 0 {
		if err := json.Unmarshal(c.body, &tree); err != nil {
			fail(errSerialization(err.Error()))
			return
		}
	}
	res, err := s.cloudwatchOp(c, tree)
	if err != nil {
		fail(asAPIError(err))
		return
	}
	writeJSON(c, http.StatusOK, ctype, epochJSON(res.cbor()))
}

// epochJSON converts the timestamps of a response tree to the epoch
// seconds awsJson uses.
func epochJSON(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = epochJSON(e)
		}
		return x
	case []any:
		for i, e := range x {
			x[i] = epochJSON(e)
		}
		return x
	case time.Time:
		return float64(x.UnixMilli()) / 1000
	case []time.Time:
		out := make([]float64, len(x))
		for i, t := range x {
			out[i] = float64(t.UnixMilli()) / 1000
		}
		return out
	}
	return v
}
