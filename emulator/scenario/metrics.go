package scenario

import (
	"slices"
	"sort"
	"time"

	"github.com/apigw-triage/apigw-triage/emulator/world"
)

// Late data: CloudWatch shows a minute's datapoint one to three minutes
// after the minute ends (minute.delay), at first with part of the
// requests, and completes it over settleTime more.
const (
	settleTime   = 4 * time.Minute
	firstVisible = 0.6
)

// visibleShare is the share of a minute's requests CloudWatch shows lag
// after the minute ended.
func visibleShare(lag, delay time.Duration) float32 {
	if lag < delay {
		return 0
	}
	return float32(min(1, firstVisible+(1-firstVisible)*float64(lag-delay)/float64(settleTime)))
}

// metricKind is what one metric measures per request.
type metricKind uint8

const (
	mNone metricKind = iota
	m5xx
	m4xx
	mCount
	mLatency
	mIntLatency
	mData
	mInvocations
	mErrors
	mThrottles
	mDuration
)

func kindOf(name string, t target) metricKind {
	valid := restMetrics
	switch {
	case t.fn != nil:
		valid = lambdaMetrics
	case t.stage.http:
		valid = httpMetrics
	}
	if !slices.Contains(valid, name) {
		return mNone
	}
	return metricKinds[name]
}

var metricKinds = map[string]metricKind{
	"5XXError": m5xx, "5xx": m5xx, "4XXError": m4xx, "4xx": m4xx, "Count": mCount,
	"Latency": mLatency, "IntegrationLatency": mIntLatency, "DataProcessed": mData,
	"Invocations": mInvocations, "Errors": mErrors, "Throttles": mThrottles, "Duration": mDuration,
}

// Datapoints aggregates the visible requests of the metric's stages or
// function per period. Minutes without requests have no datapoint.
func (w *World) Datapoints(account, region string, m world.MetricID, start, end time.Time, period time.Duration) []world.Datapoint {
	st := w.res[regionKey{account, region}]
	if st == nil || period <= 0 {
		return nil
	}
	ts := st.targets[metricKey(m.Namespace, m.Dims)]
	if len(ts) == 0 || kindOf(m.Name, ts[0]) == mNone {
		return nil
	}
	kind := kindOf(m.Name, ts[0])
	now := w.Now()
	if end.After(now) {
		end = now
	}
	buckets := map[int64]*world.Aggregate{}
	startMs, endMs, periodMs := start.UnixMilli(), end.UnixMilli(), period.Milliseconds()
	for min := floorDiv(startMs, 60000); min*60000 < endMs; min++ {
		lag := now.Sub(time.UnixMilli((min + 1) * 60000))
		for _, t := range ts {
			w.addMinute(t, kind, min, lag, startMs, endMs, periodMs, buckets)
		}
	}
	return sortedBuckets(buckets)
}

func (w *World) addMinute(t target, kind metricKind, min int64, lag time.Duration, startMs, endMs, periodMs int64, buckets map[int64]*world.Aggregate) {
	stages := []*stageRT{t.stage}
	if t.fn != nil {
		stages = stages[:0]
		for _, i := range t.fn.stages {
			stages = append(stages, w.stages[i])
		}
	}
	for _, s := range stages {
		mm := w.minuteOf(s, min)
		share := visibleShare(lag, mm.delay)
		if share <= 0 {
			continue
		}
		for i := range mm.reqs {
			r := &mm.reqs[i]
			at := min*60000 + int64(r.at)
			if r.vis >= share || at < startMs || at >= endMs ||
				t.route >= 0 && int(r.route) != t.route ||
				t.fn != nil && s.routes[r.route].fn != t.fn {
				continue
			}
			v, keep, ok := s.value(kind, r)
			if !ok {
				continue
			}
			b := floorDiv(at, periodMs) * periodMs
			agg := buckets[b]
			if agg == nil {
				agg = &world.Aggregate{}
				buckets[b] = agg
			}
			agg.Add(v, keep)
		}
	}
}

// value is one request's sample of a metric; ok is false when the request
// adds no sample (a function metric of a request that never ran it).
func (s *stageRT) value(kind metricKind, r *request) (v float64, keep, ok bool) {
	var eff effect
	if r.ep >= 0 {
		eff = s.episodes[r.ep].eff
	}
	switch kind {
	case m5xx:
		return b2f(r.status >= 500), false, true
	case m4xx:
		return b2f(r.status >= 400 && r.status < 500), false, true
	case mCount:
		return 1, false, true
	case mLatency:
		return float64(r.latency), true, true
	case mIntLatency:
		return float64(r.intLat), true, true
	case mData:
		return float64(r.bytes), false, true
	case mInvocations:
		return 1, false, r.fnDur > 0
	case mErrors:
		return b2f(eff.fnError), false, r.fnDur > 0
	case mThrottles:
		return 1, false, eff.throttled
	case mDuration:
		return float64(r.fnDur), true, r.fnDur > 0
	}
	return 0, false, false
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func sortedBuckets(b map[int64]*world.Aggregate) []world.Datapoint {
	out := make([]world.Datapoint, 0, len(b))
	for ms, a := range b {
		out = append(out, world.Datapoint{Time: time.UnixMilli(ms).UTC(), Agg: *a})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Time.Before(out[j].Time) })
	return out
}
