package emulator

import (
	"maps"
	"sync"
)

// Stats are the emulator's counters since start, served at
// GET /_emulator/stats (docs/interfaces.md).
type Stats struct {
	// Calls counts HTTP attempts per operation name (e.g. GetMetricData),
	// throttled ones included, summed over services.
	Calls map[string]int64 `json:"calls"`
	// CallsByService splits Calls by service, because GetStages exists in
	// both API Gateway versions.
	CallsByService map[string]map[string]int64 `json:"calls_by_service"`
	// Throttled counts calls answered with an injected throttling error.
	Throttled int64 `json:"throttled"`
	// MetricsRequested counts billed GetMetricData metrics: one per
	// MetricStat query per call (https://aws.amazon.com/cloudwatch/pricing/).
	MetricsRequested int64 `json:"metrics_requested"`
	// InsightsBytesScanned sums bytesScanned of completed Insights queries,
	// the quantity Logs Insights bills.
	InsightsBytesScanned int64 `json:"insights_bytes_scanned"`
	// InsightsQueries counts accepted StartQuery calls.
	InsightsQueries int64 `json:"insights_queries"`
	// Errors counts calls answered with any error, throttles included.
	Errors int64 `json:"errors"`
}

// statsCounter is the mutable side of Stats.
type statsCounter struct {
	mu sync.Mutex
	s  Stats
}

func newStatsCounter() *statsCounter {
	return &statsCounter{s: Stats{Calls: map[string]int64{}, CallsByService: map[string]map[string]int64{}}}
}

func (sc *statsCounter) count(c *call, throttled bool) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	sc.s.Calls[c.op]++
	bySvc := sc.s.CallsByService[c.service]
	if bySvc == nil {
		bySvc = map[string]int64{}
		sc.s.CallsByService[c.service] = bySvc
	}
	bySvc[c.op]++
	if throttled {
		sc.s.Throttled++
	}
}

func (sc *statsCounter) add(f func(*Stats)) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	f(&sc.s)
}

// Stats returns a snapshot of the counters.
func (s *Server) Stats() Stats {
	sc := s.stats
	sc.mu.Lock()
	defer sc.mu.Unlock()
	out := sc.s
	out.Calls = maps.Clone(sc.s.Calls)
	out.CallsByService = make(map[string]map[string]int64, len(sc.s.CallsByService))
	for k, v := range sc.s.CallsByService {
		out.CallsByService[k] = maps.Clone(v)
	}
	return out
}
