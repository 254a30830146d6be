package emulator

import (
	"github.com/apigw-triage/apigw-triage/emulator/world"
)

type listMetricsInput struct {
	Namespace      string
	MetricName     string
	Dimensions     []dimJSON
	NextToken      string
	RecentlyActive string
}

type listMetricsOutput struct {
	Metrics   []world.MetricID
	NextToken string
}

// listMetrics filters the account's metrics; a dimension filter without a
// value matches any value of that dimension (ListMetrics API reference).
func (s *Server) listMetrics(c *call, in *listMetricsInput) (*listMetricsOutput, error) {
	if in.RecentlyActive != "" && in.RecentlyActive != "PT3H" {
		return nil, errInvalidParam("The parameter RecentlyActive must be PT3H.")
	}
	from, ok := decodePageToken(in.NextToken, "lm")
	if !ok {
		return nil, errInvalidNextToken()
	}
	var match []world.MetricID
	for _, m := range s.b.Metrics(c.account, c.region) {
		if metricMatches(m, in) {
			match = append(match, m)
		}
	}
	lo, hi, next := pageBounds(len(match), from, listMetricsPageSize, "lm")
	return &listMetricsOutput{Metrics: match[lo:hi], NextToken: next}, nil
}

func metricMatches(m world.MetricID, in *listMetricsInput) bool {
	if in.Namespace != "" && m.Namespace != in.Namespace {
		return false
	}
	if in.MetricName != "" && m.Name != in.MetricName {
		return false
	}
	for _, f := range in.Dimensions {
		if !hasDim(m.Dims, f) {
			return false
		}
	}
	return true
}

func hasDim(dims []world.Dim, f dimJSON) bool {
	for _, d := range dims {
		if d.Name == f.Name && (f.Value == "" || d.Value == f.Value) {
			return true
		}
	}
	return false
}
