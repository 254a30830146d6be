package collector

import (
	"strconv"
	"time"

	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"

	"github.com/apigw-triage/apigw-triage/stage"
)

// maxQueriesPerCall is GetMetricData's fixed limit of MetricDataQuery items
// per call (CloudWatch quotas, "GetMetricData ... 500 metrics").
const maxQueriesPerCall = 500

// queryKind is one of the at most three steady-state queries of a stage.
type queryKind byte

// The steady-state queries: the 5xx metric's Sum (errors) and SampleCount
// (requests: every request is one 0-or-1 sample) and the latency
// percentile. Two statistics of one metric give both the rate's numerator
// and denominator, so the Count metric is never requested.
const (
	kindErrors   queryKind = 'e'
	kindRequests queryKind = 'n'
	kindLatency  queryKind = 'l'
)

// queryID encodes the stage's index and the kind; ids must start with a
// lower-case letter.
func queryID(stage int, k queryKind) string {
	return "s" + strconv.Itoa(stage) + string(k)
}

// parseQueryID is the inverse of queryID.
func parseQueryID(id string) (stage int, k queryKind, ok bool) {
	if len(id) < 3 || id[0] != 's' {
		return 0, 0, false
	}
	n, err := strconv.Atoi(id[1 : len(id)-1])
	if err != nil {
		return 0, 0, false
	}
	return n, queryKind(id[len(id)-1]), true
}

// stageQueries returns the queries of the given kinds of one stage.
func stageQueries(idx int, st Stage, th Thresholds, period time.Duration, kinds []queryKind) []cwtypes.MetricDataQuery {
	dimName, dimValue := st.MetricDimension()
	dims := []cwtypes.Dimension{dim(dimName, dimValue), dim("Stage", st.Stage)}
	if st.APIType == stage.APIWebSocket {
		return wsStageQueries(idx, dims, th, period, kinds)
	}
	qs := make([]cwtypes.MetricDataQuery, 0, len(kinds))
	for _, k := range kinds {
		metric, stat := st.ErrorMetric(), "Sum"
		switch k {
		case kindRequests:
			stat = "SampleCount"
		case kindLatency:
			metric, stat = "Latency", th.LatencyStat
		}
		qs = append(qs, mq(queryID(idx, k), "AWS/ApiGateway", metric, stat, dims, period))
	}
	return qs
}

// batches cuts queries into calls of at most 500: every call full but the
// last, so a poll makes the lower bound ceil(len/500) calls.
func batches(qs []cwtypes.MetricDataQuery) [][]cwtypes.MetricDataQuery {
	var out [][]cwtypes.MetricDataQuery
	for len(qs) > 0 {
		n := min(len(qs), maxQueriesPerCall)
		out = append(out, qs[:n:n])
		qs = qs[n:]
	}
	return out
}
