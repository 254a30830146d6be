package emulator

import (
	"net/http"
	"strings"

	"github.com/apigw-triage/apigw-triage/emulator/world"
)

// cborPathPrefix is the Smithy RPC v2 path of CloudWatch: the service
// shape name GraniteServiceVersion20100801 (reference §1.2).
const cborPathPrefix = "/service/GraniteServiceVersion20100801/operation/"

// cwResult is a CloudWatch answer that can be put in either protocol.
type cwResult interface {
	cbor() map[string]any
	xml(reqID string) any
}

// cloudwatchOp decodes and runs one CloudWatch operation.
func (s *Server) cloudwatchOp(c *call, tree any) (cwResult, error) {
	switch c.op {
	case "GetMetricData":
		var in metricDataInput
		if err := decodeTree(tree, &in); err != nil {
			return nil, errSerialization(err.Error())
		}
		return s.getMetricData(c, &in)
	case "ListMetrics":
		var in listMetricsInput
		if err := decodeTree(tree, &in); err != nil {
			return nil, errSerialization(err.Error())
		}
		return s.listMetrics(c, &in)
	}
	return nil, nil
}

func isCloudWatchOp(op string) bool { return op == "GetMetricData" || op == "ListMetrics" }

// routeCBOR serves CloudWatch in Smithy RPC v2 CBOR, the protocol of the
// pinned SDK and of botocore's CLI v1.
func (s *Server) routeCBOR(c *call) {
	c.service, c.op = "cloudwatch", strings.TrimPrefix(c.r.URL.Path, cborPathPrefix)
	if !isCloudWatchOp(c.op) {
		s.stats.count(c, false)
		s.cborError(c, &apiError{Status: http.StatusNotFound, Code: "UnknownOperationException", Message: "Unknown operation " + c.op})
		return
	}
	if !s.admit(c) {
		s.cborError(c, errCWThrottle())
		return
	}
	tree, err := decodeCBOR(c.body)
	if err != nil {
		s.cborError(c, errSerialization(err.Error()))
		return
	}
	res, err := s.cloudwatchOp(c, tree)
	if err != nil {
		s.cborError(c, asAPIError(err))
		return
	}
	body := encodeCBOR(res.cbor())
	h := c.w.Header()
	h.Set("Content-Type", "application/cbor")
	h.Set("Smithy-Protocol", "rpc-v2-cbor")
	c.w.WriteHeader(http.StatusOK)
	_, _ = c.w.Write(body)
}

func (s *Server) cborError(c *call, e *apiError) {
	s.countError()
	writeCBORError(c, e)
}

func (o *metricDataOutput) cbor() map[string]any {
	results := make([]any, len(o.Results))
	for i, r := range o.Results {
		results[i] = map[string]any{
			"Id": r.ID, "Label": r.Label, "StatusCode": r.StatusCode,
			"Timestamps": r.Timestamps, "Values": r.Values, "Messages": []any{},
		}
	}
	m := map[string]any{"MetricDataResults": results, "Messages": []any{}}
	if o.NextToken != "" {
		m["NextToken"] = o.NextToken
	}
	return m
}

func (o *listMetricsOutput) cbor() map[string]any {
	metrics := make([]any, len(o.Metrics))
	for i, mt := range o.Metrics {
		metrics[i] = map[string]any{"Namespace": mt.Namespace, "MetricName": mt.Name, "Dimensions": dimsAny(mt.Dims)}
	}
	m := map[string]any{"Metrics": metrics}
	if o.NextToken != "" {
		m["NextToken"] = o.NextToken
	}
	return m
}

func dimsAny(dims []world.Dim) []any {
	out := make([]any, len(dims))
	for i, d := range dims {
		out[i] = map[string]any{"Name": d.Name, "Value": d.Value}
	}
	return out
}
