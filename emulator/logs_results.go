package emulator

import (
	"github.com/apigw-triage/apigw-triage/emulator/insights"
	"github.com/apigw-triage/apigw-triage/emulator/world"
)

type queryIDInput struct {
	QueryID string `json:"queryId"`
}

type resultFieldJSON struct {
	Field string `json:"field"`
	Value string `json:"value"`
}

func (s *Server) lookupQuery(c *call) (*insightsQuery, error) {
	var in queryIDInput
	if err := decodeJSONInput(c, &in); err != nil {
		return nil, err
	}
	q, ok := s.queries.m[in.QueryID]
	if !ok || q.account != c.account {
		return nil, errLogsNotFound("Query does not exist.")
	}
	return q, nil
}

// getQueryResults reports the status on the emulated clock and, once
// complete, the rows; results are empty while Scheduled or Running.
func (s *Server) getQueryResults(c *call) (any, error) {
	s.queries.mu.Lock()
	defer s.queries.mu.Unlock()
	q, err := s.lookupQuery(c)
	if err != nil {
		return nil, err
	}
	status := q.status(s.b.Now(), s.b.Faults().InsightsDelay)
	if status == "Complete" && !q.done {
		s.evaluate(q)
	}
	results := make([][]resultFieldJSON, 0, len(q.rows))
	if status == "Complete" {
		for _, row := range q.rows {
			r := make([]resultFieldJSON, len(row))
			for i, f := range row {
				r[i] = resultFieldJSON{Field: f.Name, Value: f.Value}
			}
			results = append(results, r)
		}
	}
	return map[string]any{
		"status":        status,
		"results":       results,
		"statistics":    statisticsJSON(q, len(results)),
		"queryLanguage": "CWLI",
	}, nil
}

func statisticsJSON(q *insightsQuery, n int) map[string]any {
	return map[string]any{
		"recordsMatched":   float64(q.stats.RecordsMatched),
		"recordsScanned":   float64(q.stats.RecordsScanned),
		"bytesScanned":     float64(q.stats.BytesScanned),
		"logGroupsScanned": float64(len(q.groups)),
		"resultCount":      n,
	}
}

// evaluate runs the query over its groups' events; the store lock is held.
func (s *Server) evaluate(q *insightsQuery) {
	run := q.q.Start(q.limit)
	for _, g := range q.groups {
		s.b.LogEvents(q.account, q.region, g, q.start, q.end, func(e world.Event) bool {
			run.Add(insights.Event{Time: e.Time, Ingested: e.Ingested, Message: e.Message,
				Stream: e.Stream, Group: g, Account: q.account, ID: e.EventID})
			return true
		})
	}
	q.rows, q.stats = run.Finish()
	q.done = true
	s.stats.add(func(st *Stats) { st.InsightsBytesScanned += q.stats.BytesScanned })
}

func (s *Server) stopQuery(c *call) (any, error) {
	s.queries.mu.Lock()
	defer s.queries.mu.Unlock()
	q, err := s.lookupQuery(c)
	if err != nil {
		return nil, err
	}
	if !isActive(q.status(s.b.Now(), s.b.Faults().InsightsDelay)) {
		return nil, errLogsInvalidParam("Query " + q.id + " is not running.")
	}
	q.cancelled = true
	return map[string]any{"success": true}, nil
}
