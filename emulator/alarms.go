package emulator

import (
	"fmt"
	"sync"
	"time"

	"github.com/apigw-triage/apigw-triage/emulator/world"
)

// AlarmQueueName is the SQS queue the emulated EventBridge rule sends
// "CloudWatch Alarm State Change" events to. It exists from the start in
// the default account and its first region; events of every account go
// there, as they do in AWS through a rule on a central event bus.
const AlarmQueueName = "apigw-triage-alarms"

// alarmCatchUp bounds the minutes evaluated after a gap between SQS calls
// (the emulator evaluates alarms only when something reads the queue).
const alarmCatchUp = 15

// alarmKind is how an alarm reads its metrics: the three shapes the daemon
// must map to a stage.
type alarmKind int

const (
	metricAlarm   alarmKind = iota // one metric, its dimensions name the stage
	mathAlarm                      // an expression over metrics that name the stage
	insightsAlarm                  // a Metrics Insights query whose WHERE names it
)

// alarmDef is one emulated CloudWatch alarm and its current state. It
// alarms when at least toAlarm of the last evalPeriods one-minute values
// reach threshold; missing data does not breach. Five periods, because
// the newest two or three minutes are not visible yet under the
// emulator's late-data model, as in CloudWatch.
type alarmDef struct {
	name            string
	account, region string
	kind            alarmKind
	stage           world.AlarmedStage
	metric          string // 5XXError, 5xx, Latency; WebSocket: IntegrationError or ExecutionError, IntegrationLatency
	stat            string // Sum or p99
	threshold       float64
	evalPeriods     int
	toAlarm         int
	state           string // OK or ALARM
	stateAt         time.Time
}

// alarmEval evaluates the alarms of the scenario once per emulated minute
// and sends each state change to the alarm queue.
type alarmEval struct {
	mu     sync.Mutex
	built  bool
	alarms []*alarmDef
	last   time.Time // the last minute evaluated
	queue  *sqsQueue
	seq    uint64
}

// alarmsFor builds the alarms a team would have on each alarmed stage: a
// 5xx alarm (plain metric, metric math error rate or Metrics Insights, in
// turn, so all three shapes occur) and a latency alarm.
func alarmsFor(stages []world.AlarmedStage) []*alarmDef {
	var out []*alarmDef
	for i, st := range stages {
		errMetric, latMetric := orDefault(st.ErrorMetric, "5XXError"), orDefault(st.LatencyMetric, "Latency")
		if st.HTTP && st.ErrorMetric == "" {
			errMetric = "5xx"
		}
		base := st.APIName + "-" + st.Stage
		if st.HTTP {
			base = st.APIID + "-" + st.Stage
		}
		kind := alarmKind(i % 3)
		if errMetric != "5XXError" && errMetric != "5xx" {
			kind = metricAlarm // a WebSocket stage has no Count for a rate, and a plain alarm is the usual one
		}
		errAlarm := &alarmDef{name: base + "-5xx", kind: kind, metric: errMetric, stat: "Sum", threshold: 1, evalPeriods: 5, toAlarm: 2}
		if kind == mathAlarm {
			errAlarm.name, errAlarm.threshold = base+"-5xx-rate", 1 // percent
		}
		lat := &alarmDef{name: base + "-latency-p99", kind: metricAlarm, metric: latMetric, stat: "p99", threshold: 5000, evalPeriods: 5, toAlarm: 3}
		for _, a := range []*alarmDef{errAlarm, lat} {
			a.account, a.region, a.stage, a.state = st.Account, st.Region, st, "OK"
			out = append(out, a)
		}
	}
	return out
}

// evaluate brings every alarm up to the current emulated minute.
func (e *alarmEval) evaluate(s *Server) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.built {
		e.build(s)
	}
	if e.queue == nil || len(e.alarms) == 0 {
		return
	}
	now := s.b.Now()
	cur := now.Truncate(time.Minute)
	if e.last.IsZero() || cur.Sub(e.last) > alarmCatchUp*time.Minute {
		e.last = cur.Add(-time.Minute)
	}
	for m := e.last.Add(time.Minute); !m.After(cur); m = m.Add(time.Minute) {
		for _, a := range e.alarms {
			e.step(s, a, m)
		}
		e.last = m
	}
}

// build makes the alarms and the queue on first use.
func (e *alarmEval) build(s *Server) {
	e.built = true
	src, ok := s.b.(world.AlarmSource)
	accs := s.b.Accounts()
	if !ok || len(accs) == 0 || len(s.b.Regions(accs[0])) == 0 {
		return
	}
	e.alarms = alarmsFor(src.AlarmedStages())
	e.queue = s.sqs.create(accs[0], s.b.Regions(accs[0])[0], AlarmQueueName, s.b.Now())
}

// step evaluates one alarm at minute m and sends its state change.
func (e *alarmEval) step(s *Server, a *alarmDef, m time.Time) {
	values := a.values(s.b, m)
	breaching := 0
	for _, v := range values {
		if v >= a.threshold {
			breaching++
		}
	}
	next := "OK"
	if breaching >= a.toAlarm {
		next = "ALARM"
	}
	if next == a.state {
		return
	}
	prev, prevAt := a.state, a.stateAt
	a.state, a.stateAt = next, m
	reason := fmt.Sprintf("Threshold Crossed: %d out of the last %d datapoints were greater than or equal to the threshold (%g).", breaching, a.evalPeriods, a.threshold)
	e.seq++
	body := alarmEventJSON(a, prev, prevAt, reason, uuidOf(e.seq, a.name))
	s.sqs.send(e.queue, body, s.b.Now())
}

// values returns the alarm's one-minute values in [m-evalPeriods, m), as
// CloudWatch shows them now; missing minutes are absent.
func (a *alarmDef) values(b world.Backend, m time.Time) []float64 {
	start := m.Add(-time.Duration(a.evalPeriods) * time.Minute)
	pts := b.Datapoints(a.account, a.region, a.metricID(a.metric), start, m, time.Minute)
	if a.kind != mathAlarm {
		var out []float64
		for _, p := range pts {
			if v, ok := p.Agg.Stat(a.stat); ok {
				out = append(out, v)
			}
		}
		return out
	}
	counts := map[time.Time]float64{}
	for _, p := range b.Datapoints(a.account, a.region, a.metricID("Count"), start, m, time.Minute) {
		counts[p.Time] = p.Agg.Sum
	}
	var out []float64
	for _, p := range pts {
		if n := counts[p.Time]; n > 0 {
			out = append(out, 100*p.Agg.Sum/n)
		}
	}
	return out
}

// metricID is the stage's metric: REST metrics by ApiName and Stage, HTTP
// API metrics by ApiId and Stage (dimensions sorted by name).
func (a *alarmDef) metricID(name string) world.MetricID {
	api := world.Dim{Name: "ApiName", Value: a.stage.APIName}
	if a.stage.HTTP {
		api = world.Dim{Name: "ApiId", Value: a.stage.APIID}
	}
	return world.MetricID{Namespace: "AWS/ApiGateway", Name: name, Dims: []world.Dim{api, {Name: "Stage", Value: a.stage.Stage}}}
}
