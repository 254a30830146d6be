package emulator

import (
	"net/http"
	"regexp"
	"time"

	"github.com/apigw-triage/apigw-triage/emulator/world"
)

// CloudWatch limits, from the GetMetricData API reference
// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html).
const (
	maxMetricDataQueries = 500
	defaultMaxDatapoints = 100800
	listMetricsPageSize  = 500
)

// Query ids "must start with a lowercase letter" and hold letters, digits
// and underscores (GetMetricData API reference, MetricDataQuery.Id).
var queryIDRE = regexp.MustCompile(`^[a-z][a-zA-Z0-9_]*$`)

type metricDataInput struct {
	StartTime         flexTime
	EndTime           flexTime
	MetricDataQueries []metricQuery
	NextToken         string
	ScanBy            string
	MaxDatapoints     flexInt
}

type metricQuery struct {
	ID         string `json:"Id"`
	Label      string
	ReturnData *flexBool
	Period     flexInt
	Expression string
	AccountID  string `json:"AccountId"`
	MetricStat *metricStat
}

type metricStat struct {
	Metric metricJSON
	Period flexInt
	Stat   string
	Unit   string
}

type metricJSON struct {
	Namespace  string
	MetricName string
	Dimensions []dimJSON
}

type dimJSON struct {
	Name  string
	Value string
}

// metricSeries is one query's answer before paging.
type metricSeries struct {
	ID, Label  string
	Timestamps []time.Time
	Values     []float64
}

type metricDataResult struct {
	metricSeries
	StatusCode string
}

type metricDataOutput struct {
	Results   []metricDataResult
	NextToken string
}

func errInvalidParam(msg string) *apiError {
	return &apiError{Status: http.StatusBadRequest, Code: "InvalidParameterValueException", QueryCode: "InvalidParameterValue", Message: msg}
}

func errCWValidation(msg string) *apiError {
	return &apiError{Status: http.StatusBadRequest, Code: "ValidationException", QueryCode: "ValidationError", Message: msg}
}

func errInvalidNextToken() *apiError {
	return &apiError{Status: http.StatusBadRequest, Code: "InvalidNextToken", Message: "The service couldn't process your request because the NextToken is invalid."}
}

func errCWThrottle() *apiError {
	return &apiError{Status: http.StatusBadRequest, Code: "ThrottlingException", QueryCode: "Throttling", Message: "Rate exceeded"}
}

// getMetricData answers one GetMetricData call for the caller's account.
func (s *Server) getMetricData(c *call, in *metricDataInput) (*metricDataOutput, error) {
	if err := validateMetricData(in); err != nil {
		return nil, err
	}
	from, ok := decodePageToken(in.NextToken, "gmd")
	if !ok {
		return nil, errInvalidNextToken()
	}
	series, billed, err := s.evalQueries(c, in)
	if err != nil {
		return nil, err
	}
	s.stats.add(func(st *Stats) { st.MetricsRequested += int64(billed) })
	maxPoints := int(in.MaxDatapoints)
	if maxPoints <= 0 {
		maxPoints = defaultMaxDatapoints
	}
	return pageSeries(series, from, maxPoints), nil
}

func validateMetricData(in *metricDataInput) error {
	n := len(in.MetricDataQueries)
	if n > maxMetricDataQueries {
		return errCWValidation("1 validation error detected: Value at 'metricDataQueries' failed to satisfy constraint: Member must have length less than or equal to 500")
	}
	if n == 0 {
		return errCWValidation("1 validation error detected: Value at 'metricDataQueries' failed to satisfy constraint: Member must have length greater than or equal to 1")
	}
	if !in.StartTime.Before(in.EndTime.Time) {
		return errInvalidParam("The parameter StartTime must be less than the parameter EndTime.")
	}
	if in.ScanBy != "" && in.ScanBy != "TimestampAscending" && in.ScanBy != "TimestampDescending" {
		return errCWValidation("1 validation error detected: Value '" + in.ScanBy + "' at 'scanBy' failed to satisfy constraint: Member must satisfy enum value set: [TimestampDescending, TimestampAscending]")
	}
	seen := make(map[string]bool, n)
	for _, q := range in.MetricDataQueries {
		if err := validateQuery(q, seen); err != nil {
			return err
		}
	}
	return nil
}

func validateQuery(q metricQuery, seen map[string]bool) error {
	if !queryIDRE.MatchString(q.ID) {
		return errInvalidParam("The value " + q.ID + " for parameter MetricDataQueries.member.Id is invalid: it must start with a lowercase letter and contain only letters, numbers and underscores.")
	}
	if seen[q.ID] {
		return errInvalidParam("The values for parameter id in MetricDataQueries are not unique.")
	}
	seen[q.ID] = true
	if (q.MetricStat == nil) == (q.Expression == "") {
		return errInvalidParam("The parameter MetricDataQueries.member." + q.ID + " must contain exactly one of MetricStat or Expression.")
	}
	if q.MetricStat == nil {
		return nil
	}
	if !world.IsValidStat(q.MetricStat.Stat) {
		return errInvalidParam("The value " + q.MetricStat.Stat + " for parameter MetricDataQueries.member.MetricStat.Stat is not supported.")
	}
	p := q.MetricStat.Period
	if p <= 0 || (p%60 != 0 && p != 1 && p != 5 && p != 10 && p != 30) {
		return errInvalidParam("The parameter MetricDataQueries.member.MetricStat.Period must be 1, 5, 10, 30 or a multiple of 60.")
	}
	return nil
}

// evalQueries computes every query's series and counts the billed metrics.
func (s *Server) evalQueries(c *call, in *metricDataInput) ([]metricSeries, int, error) {
	byID := make(map[string]metricSeries, len(in.MetricDataQueries))
	billed := 0
	for _, q := range in.MetricDataQueries {
		if q.MetricStat == nil {
			continue
		}
		billed++
		byID[q.ID] = s.statSeries(c, q, in)
	}
	out := make([]metricSeries, 0, len(in.MetricDataQueries))
	for _, q := range in.MetricDataQueries {
		if q.Expression != "" {
			sr, err := evalExpression(q, byID, in.ScanBy)
			if err != nil {
				return nil, 0, err
			}
			byID[q.ID] = sr
		}
		if q.ReturnData == nil || bool(*q.ReturnData) {
			out = append(out, byID[q.ID])
		}
	}
	return out, billed, nil
}

func (s *Server) statSeries(c *call, q metricQuery, in *metricDataInput) metricSeries {
	ms := q.MetricStat
	id := world.MetricID{Namespace: ms.Metric.Namespace, Name: ms.Metric.MetricName}
	for _, d := range ms.Metric.Dimensions {
		id.Dims = append(id.Dims, world.Dim(d))
	}
	sortDims(id.Dims)
	period := time.Duration(ms.Period) * time.Second
	dps := s.b.Datapoints(c.account, c.region, id, in.StartTime.Time, in.EndTime.Time, period)
	sr := metricSeries{ID: q.ID, Label: q.Label}
	if sr.Label == "" {
		sr.Label = ms.Metric.MetricName
	}
	for _, dp := range dps {
		if v, ok := dp.Agg.Stat(ms.Stat); ok {
			sr.Timestamps = append(sr.Timestamps, dp.Time.UTC())
			sr.Values = append(sr.Values, v)
		}
	}
	if in.ScanBy != "TimestampAscending" {
		reverseSeries(&sr)
	}
	return sr
}

func reverseSeries(sr *metricSeries) {
	for i, j := 0, len(sr.Values)-1; i < j; i, j = i+1, j-1 {
		sr.Values[i], sr.Values[j] = sr.Values[j], sr.Values[i]
		sr.Timestamps[i], sr.Timestamps[j] = sr.Timestamps[j], sr.Timestamps[i]
	}
}
