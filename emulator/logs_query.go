package emulator

import (
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/apigw-triage/apigw-triage/emulator/insights"
)

// defaultMaxConcurrentQueries is the Logs Insights quota of concurrent
// queries per account and region
// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html).
const defaultMaxConcurrentQueries = 100

// maxQueryLogGroups is StartQuery's limit on logGroupNames/Identifiers.
const maxQueryLogGroups = 50

type startQueryInput struct {
	LogGroupName        string   `json:"logGroupName"`
	LogGroupNames       []string `json:"logGroupNames"`
	LogGroupIdentifiers []string `json:"logGroupIdentifiers"`
	QueryString         string   `json:"queryString"`
	StartTime           *int64   `json:"startTime"`
	EndTime             *int64   `json:"endTime"`
	Limit               int      `json:"limit"`
}

// insightsQuery is one started query; its status is a function of the
// emulated clock, and it is evaluated once, on the first poll after it
// completes.
type insightsQuery struct {
	id, account, region string
	groups              []string
	start, end          time.Time
	q                   *insights.Query
	limit               int
	created             time.Time
	cancelled, done     bool
	rows                [][]insights.Field
	stats               insights.Statistics
}

type queryStore struct {
	mu  sync.Mutex
	m   map[string]*insightsQuery
	seq int
}

func newQueryStore() *queryStore { return &queryStore{m: map[string]*insightsQuery{}} }

// status is the AWS status of q at now for a completion delay.
func (q *insightsQuery) status(now time.Time, delay time.Duration) string {
	elapsed := now.Sub(q.created)
	switch {
	case q.cancelled:
		return "Cancelled"
	case q.done || elapsed >= delay:
		return "Complete"
	case elapsed < delay/4:
		return "Scheduled"
	}
	return "Running"
}

func (s *Server) startQuery(c *call) (any, error) {
	var in startQueryInput
	if err := decodeJSONInput(c, &in); err != nil {
		return nil, err
	}
	q, err := s.newInsightsQuery(c, &in)
	if err != nil {
		return nil, err
	}
	st := s.queries
	st.mu.Lock()
	defer st.mu.Unlock()
	s.evictQueries()
	if err := s.checkConcurrency(c); err != nil {
		return nil, err
	}
	st.seq++
	q.id = fmt.Sprintf("%08x-%04x-%04x-%04x-%012x", splitmix64(uint64(st.seq))>>32, st.seq>>16&0xffff, st.seq&0xffff, 0x8000|st.seq&0xfff, st.seq)
	st.m[q.id] = q
	s.stats.add(func(x *Stats) { x.InsightsQueries++ })
	return map[string]any{"queryId": q.id}, nil
}

func (s *Server) newInsightsQuery(c *call, in *startQueryInput) (*insightsQuery, error) {
	groups, err := s.queryGroups(c, in)
	if err != nil {
		return nil, err
	}
	if in.StartTime == nil || in.EndTime == nil || *in.StartTime > *in.EndTime {
		return nil, errLogsInvalidParam("startTime and endTime are required and startTime must not be after endTime.")
	}
	if in.Limit < 0 || in.Limit > 10000 {
		return nil, errLogsInvalidParam("1 validation error detected: Value at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000")
	}
	pq, err := insights.Parse(in.QueryString)
	if err != nil {
		return nil, malformedQuery(err)
	}
	// endTime is inclusive at one-second resolution.
	return &insightsQuery{account: c.account, region: c.region, groups: groups,
		start: time.Unix(*in.StartTime, 0), end: time.Unix(*in.EndTime+1, 0),
		q: pq, limit: in.Limit, created: s.b.Now()}, nil
}

func (s *Server) queryGroups(c *call, in *startQueryInput) ([]string, error) {
	idents := in.LogGroupNames
	set := 0
	for _, n := range []int{len(in.LogGroupName), len(in.LogGroupNames), len(in.LogGroupIdentifiers)} {
		if n > 0 {
			set++
		}
	}
	switch {
	case set != 1:
		return nil, errLogsInvalidParam("Exactly one of logGroupName, logGroupNames or logGroupIdentifiers must be specified.")
	case in.LogGroupName != "":
		idents = []string{in.LogGroupName}
	case len(in.LogGroupIdentifiers) > 0:
		idents = in.LogGroupIdentifiers
	}
	if len(idents) > maxQueryLogGroups {
		return nil, errLogsInvalidParam("A query can specify up to 50 log groups.")
	}
	groups := make([]string, 0, len(idents))
	for _, id := range idents {
		g, err := s.resolveLogGroup(c, id)
		if err != nil {
			return nil, errLogsNotFound("Log group '" + id + "' does not exist for account ID '" + c.account + "'")
		}
		groups = append(groups, g)
	}
	return groups, nil
}

// malformedQuery shapes a compile error like AWS's MalformedQueryException.
func malformedQuery(err error) *apiError {
	e := &apiError{Status: http.StatusBadRequest, Code: "MalformedQueryException", Message: err.Error()}
	var ie *insights.Error
	if errors.As(err, &ie) {
		e.Extra = map[string]any{"queryCompileError": map[string]any{
			"location": map[string]any{"startCharOffset": ie.Start, "endCharOffset": ie.End},
			"message":  ie.Error(),
		}}
	}
	return e
}

// checkConcurrency refuses a query over the account's concurrent quota;
// the caller holds the store lock.
func (s *Server) checkConcurrency(c *call) error {
	f := s.b.Faults()
	limit := f.MaxConcurrentQueries
	if limit <= 0 {
		limit = defaultMaxConcurrentQueries
	}
	now, running := s.b.Now(), 0
	for _, q := range s.queries.m {
		if q.account == c.account && q.region == c.region && isActive(q.status(now, f.InsightsDelay)) {
			running++
		}
	}
	if running >= limit {
		return &apiError{Status: http.StatusBadRequest, Code: "LimitExceededException",
			Message: fmt.Sprintf("Account maximum query concurrency limit of [%d] reached.", limit)}
	}
	return nil
}

// queryRetention bounds how long, in emulated time, results stay
// retrievable, so that long fast-clock runs do not accumulate every query.
// (AWS keeps them for 7 days; no client polls that late.)
const queryRetention = 24 * time.Hour

// evictQueries drops old queries; the caller holds the store lock.
func (s *Server) evictQueries() {
	cutoff := s.b.Now().Add(-queryRetention)
	for id, q := range s.queries.m {
		if q.created.Before(cutoff) {
			delete(s.queries.m, id)
		}
	}
}

func isActive(status string) bool { return status == "Scheduled" || status == "Running" }
