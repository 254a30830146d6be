package collector

import (
	"time"

	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"

	"github.com/apigw-triage/apigw-triage/stage"
)

// WebSocket APIs publish no 5xx metric and no Latency. Their errors are
// IntegrationError (the integration answered an error) plus ExecutionError
// (calling the integration failed), their traffic ConnectCount plus
// MessageCount, their latency IntegrationLatency; all by ApiId and Stage
// (and Route with detailed metrics). Each pair is read as two billed
// metrics and added here rather than in metric math, whose sum drops a
// period where one of the two has no datapoint (a minute of messages
// without a connect).
var (
	wsErrorMetrics   = [2]string{"IntegrationError", "ExecutionError"}
	wsRequestMetrics = [2]string{"ConnectCount", "MessageCount"}
)

// The second halves of the WebSocket pairs, stored beside kindErrors and
// kindRequests and added to them.
const (
	kindErrorsB   queryKind = 'x'
	kindRequestsB queryKind = 'm'
)

// wsStageQueries are stageQueries for a WebSocket stage: the screen reads
// both error metrics (2 billed metrics), the full read both counts and
// IntegrationLatency.
func wsStageQueries(idx int, dims []cwtypes.Dimension, th Thresholds, period time.Duration, kinds []queryKind) []cwtypes.MetricDataQuery {
	qs := make([]cwtypes.MetricDataQuery, 0, 2*len(kinds))
	for _, k := range kinds {
		switch k {
		case kindErrors:
			qs = append(qs, mq(queryID(idx, kindErrors), "AWS/ApiGateway", wsErrorMetrics[0], "Sum", dims, period),
				mq(queryID(idx, kindErrorsB), "AWS/ApiGateway", wsErrorMetrics[1], "Sum", dims, period))
		case kindRequests:
			qs = append(qs, mq(queryID(idx, kindRequests), "AWS/ApiGateway", wsRequestMetrics[0], "Sum", dims, period),
				mq(queryID(idx, kindRequestsB), "AWS/ApiGateway", wsRequestMetrics[1], "Sum", dims, period))
		case kindLatency:
			qs = append(qs, mq(queryID(idx, kindLatency), "AWS/ApiGateway", "IntegrationLatency", th.LatencyStat, dims, period))
		}
	}
	return qs
}

// pairQueries reads an error and a request pair of metrics over dims,
// adding each pair into errs and reqs: for a WebSocket stage the two
// metrics of each pair, for the others the 5xx metric's Sum and
// SampleCount.
func pairQueries(st Stage, id string, dims []cwtypes.Dimension, period time.Duration, errs, reqs func(*Evidence, []float64)) []contextQuery {
	if st.APIType != stage.APIWebSocket {
		return []contextQuery{
			{mq(id+"e", "AWS/ApiGateway", st.ErrorMetric(), "Sum", dims, period), errs},
			{mq(id+"n", "AWS/ApiGateway", st.ErrorMetric(), "SampleCount", dims, period), reqs},
		}
	}
	return []contextQuery{
		{mq(id+"e", "AWS/ApiGateway", wsErrorMetrics[0], "Sum", dims, period), errs},
		{mq(id+"x", "AWS/ApiGateway", wsErrorMetrics[1], "Sum", dims, period), errs},
		{mq(id+"n", "AWS/ApiGateway", wsRequestMetrics[0], "Sum", dims, period), reqs},
		{mq(id+"m", "AWS/ApiGateway", wsRequestMetrics[1], "Sum", dims, period), reqs},
	}
}
