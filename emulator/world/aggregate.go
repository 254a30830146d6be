package world

import (
	"math"
	"sort"
	"strconv"
	"strings"
)

// Aggregate is the statistics of one period's samples. Samples holds the
// per-request values when the metric needs percentiles (latencies); it may
// be nil for counters such as 5XXError, whose percentiles are not asked for.
type Aggregate struct {
	Sum     float64
	Count   float64
	Min     float64
	Max     float64
	Samples []float64
}

// Add records one sample.
func (a *Aggregate) Add(v float64, keepSample bool) {
	if a.Count == 0 || v < a.Min {
		a.Min = v
	}
	if a.Count == 0 || v > a.Max {
		a.Max = v
	}
	a.Sum += v
	a.Count++
	if keepSample {
		a.Samples = append(a.Samples, v)
	}
}

// Stat computes a CloudWatch statistic: Sum, SampleCount, Average, Minimum,
// Maximum or pNN(.N). ok is false for an unknown statistic or a percentile
// of an aggregate without samples.
func (a Aggregate) Stat(stat string) (v float64, ok bool) {
	switch stat {
	case "Sum":
		return a.Sum, true
	case "SampleCount":
		return a.Count, true
	case "Average":
		if a.Count == 0 {
			return 0, false
		}
		return a.Sum / a.Count, true
	case "Minimum":
		return a.Min, true
	case "Maximum":
		return a.Max, true
	}
	p, isP := parsePercentile(stat)
	if !isP || len(a.Samples) == 0 {
		return 0, false
	}
	return percentile(a.Samples, p), true
}

// IsValidStat reports whether the emulator can compute the statistic.
func IsValidStat(stat string) bool {
	switch stat {
	case "Sum", "SampleCount", "Average", "Minimum", "Maximum":
		return true
	}
	_, ok := parsePercentile(stat)
	return ok
}

func parsePercentile(stat string) (float64, bool) {
	if !strings.HasPrefix(stat, "p") {
		return 0, false
	}
	p, err := strconv.ParseFloat(stat[1:], 64)
	if err != nil || p < 0 || p > 100 || math.IsNaN(p) {
		return 0, false
	}
	return p, true
}

// percentile uses the nearest-rank method, which is what CloudWatch's
// percentile statistics approximate for small sample sets.
func percentile(samples []float64, p float64) float64 {
	s := append([]float64(nil), samples...)
	sort.Float64s(s)
	rank := int(math.Ceil(p / 100 * float64(len(s))))
	if rank < 1 {
		rank = 1
	}
	return s[rank-1]
}
