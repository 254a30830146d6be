package daemon

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/emulator"
	"github.com/apigw-triage/apigw-triage/notifier"
)

// BenchmarkCatalogDetection runs the whole catalog through the daemon, its
// notifications delivered to a sink that notes when each arrived, and
// reports in emulated time how long after an episode's first failing
// minute, and after the data proving it first became visible in
// CloudWatch (a minute shows 1 to 3 minutes after it ends, at first in
// part), its incident was opened, the on-call was first told (the opened
// notification delivered), and told the cause (the first notification
// carrying the diagnosis delivered). Every episode must end diagnosed
// with its cause.
func BenchmarkCatalogDetection(b *testing.B) {
	for b.Loop() {
		sink := &arrivals{first: map[string]time.Time{}, diagnosed: map[string]time.Time{}}
		r := startCatalog(b, catalogSetup{sinks: []notifier.Notifier{sink}})
		sink.clk, r.delivering = r.clk, true
		stop := runDispatchers(r.d)
		ctx := context.Background()
		for range 45 {
			r.poll(ctx)
		}
		stop()
		var opened, told, diagnosed detection
		for _, ep := range r.world.Episodes() {
			inc, ok := r.incidentOf(ep)
			if !ok || inc.Info.Diagnosis.Cause != ep.Cause {
				b.Fatalf("%s/%s: not diagnosed as %s", ep.APIName, ep.Stage, ep.Cause)
			}
			// A failure answered as 200 leaves no 5xx to prove it: it
			// counts from its start only.
			proof, proven := proofVisible(r.sc, r.world.Start(), ep)
			for _, m := range []struct {
				d  *detection
				at time.Time
			}{{&opened, inc.Info.OpenedAt}, {&told, sink.at(sink.first, inc.StageKey)}, {&diagnosed, sink.at(sink.diagnosed, inc.StageKey)}} {
				if m.at.IsZero() {
					b.Fatalf("%s/%s: no notification delivered", ep.APIName, ep.Stage)
				}
				m.d.add(m.at.Sub(ep.Start), m.at.Sub(proof), proven)
			}
		}
		opened.report(b, "")
		told.report(b, "notified-")
		diagnosed.report(b, "diagnosed-")
		reportEvidenceCost(b, r.emu.Stats(), len(r.world.Episodes()))
		b.ReportMetric(float64(len(r.world.Episodes())), "episodes")
	}
}

// reportEvidenceCost states what pulling the evidence of the catalog's
// incidents cost in CloudWatch Logs, per incident: the Insights queries
// started, the bytes they scanned (what Logs Insights bills), that in
// dollars at $0.005 per GB, and the Logs API calls made (queries, their
// result reads and FilterLogEvents pages).
func reportEvidenceCost(b *testing.B, st emulator.Stats, incidents int) {
	n := float64(max(incidents, 1))
	calls := st.CallsByService["logs"]
	var logsCalls int64
	for _, c := range calls {
		logsCalls += c
	}
	b.ReportMetric(float64(st.InsightsQueries)/n, "insights_queries/incident")
	b.ReportMetric(float64(st.InsightsBytesScanned)/n, "bytes_scanned/incident")
	b.ReportMetric(float64(st.InsightsBytesScanned)/n/(1<<30)*0.005, "$/incident")
	b.ReportMetric(float64(logsCalls)/n, "logs_calls/incident")
}

// runDispatchers delivers the daemon's outbox while the benchmark polls;
// the returned function stops them and waits.
func runDispatchers(d *Daemon) func() {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for _, r := range d.opts.Runners {
		wg.Go(func() { _ = r.Run(ctx) })
	}
	return func() { cancel(); wg.Wait() }
}

// arrivals is a sink that notes, by stage, the emulated time its first
// notification arrived and the first carrying a diagnosis.
type arrivals struct {
	clk              *clock.Manual
	mu               sync.Mutex
	first, diagnosed map[string]time.Time
}

func (*arrivals) Name() string { return "arrivals" }

func (a *arrivals) Notify(_ context.Context, d *notifier.Delivery) (bool, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	key, now := d.Event.Snapshot.Key, a.clk.Now()
	if _, ok := a.first[key]; !ok {
		a.first[key] = now
	}
	if _, ok := a.diagnosed[key]; !ok && !d.Event.Snapshot.Diagnosing {
		a.diagnosed[key] = now
	}
	return false, nil
}

func (a *arrivals) at(m map[string]time.Time, key string) time.Time {
	a.mu.Lock()
	defer a.mu.Unlock()
	return m[key]
}

// detection sums detection times over episodes.
type detection struct {
	sum, worst, sumProof, worstProof time.Duration
	n, proven                        int
}

func (d *detection) add(fromStart, fromProof time.Duration, proven bool) {
	d.sum += fromStart
	d.worst = max(d.worst, fromStart)
	d.n++
	if proven {
		d.sumProof += fromProof
		d.worstProof = max(d.worstProof, fromProof)
		d.proven++
	}
}

// report states the mean and worst, from the start and after the proof,
// under units prefixed by what was measured ("" for the incident's opening).
func (d *detection) report(b *testing.B, what string) {
	b.ReportMetric(d.sum.Seconds()/float64(max(d.n, 1)), what+"emulated-s/detection")
	b.ReportMetric(d.worst.Seconds(), "worst-"+what+"emulated-s/detection")
	b.ReportMetric(d.sumProof.Seconds()/float64(max(d.proven, 1)), what+"after-proof-s/detection")
	b.ReportMetric(d.worstProof.Seconds(), "worst-"+what+"after-proof-s/detection")
}
