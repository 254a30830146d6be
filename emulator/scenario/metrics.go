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
	mConnect
	mMessage
	mIntegrationError
	mExecutionError
	mClientError
)

func kindOf(name string, t target) metricKind {
	valid := restMetrics
	switch {
	case t.fn != nil:
		valid = lambdaMetrics
	case t.stage.http:
		valid = httpMetrics
	case t.stage.ws:
		valid = wsMetrics
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
	"ConnectCount": mConnect, "MessageCount": mMessage, "IntegrationError": mIntegrationError,
	"ExecutionError": mExecutionError, "ClientError": mClientError,
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
	return s.wsValue(kind, r, eff)
}

// wsValue is a WebSocket request's sample: every connect and message is
// one 0-or-1 sample of each count, so a minute with traffic has a
// datapoint of each, as the 5xx metrics of the other API types do.
func (s *stageRT) wsValue(kind metricKind, r *request, eff effect) (v float64, keep, ok bool) {
	key := s.routes[r.route].route.Path
	failed := r.ep >= 0 && r.status >= 500
	switch kind {
	case mConnect:
		return b2f(key == "$connect"), false, true
	case mMessage:
		return b2f(key != "$connect" && key != "$disconnect"), false, true
	case mIntegrationError:
		return b2f(failed && integrationAnswered(eff)), false, true
	case mExecutionError:
		return b2f(failed && !integrationAnswered(eff)), false, true
	case mClientError:
		return b2f(r.status >= 400 && r.status < 500), false, true
	}
	return 0, false, false
}

// integrationAnswered says whether a failure came back from the
// integration (IntegrationError) rather than from calling it: the function
// ran and failed, or Lambda answered 429.
func integrationAnswered(eff effect) bool {
	return eff.fnError || eff.throttled || eff.invoked && eff.lat != latIntegrationTimeout
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
