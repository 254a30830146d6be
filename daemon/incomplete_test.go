package daemon

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/collector"
	"github.com/apigw-triage/apigw-triage/incident"
	"github.com/apigw-triage/apigw-triage/notifier"
	"github.com/apigw-triage/apigw-triage/stage"
)

// outageEvidence is a Collector whose one stage (a custom Lambda
// integration whose errors are answered 200) trips at every poll, and
// whose first evidence pull loses its logs, as a Logs Insights query
// throttled past the SDK's retries does; the later pulls read them.
type outageEvidence struct {
	clk    *clock.Manual
	mu     sync.Mutex
	starts []time.Time
}

func (o *outageEvidence) Poll(context.Context) (*collector.PollResult, error) {
	now := o.clk.Now()
	sr := collector.StageResult{Stage: collector.Stage{Identity: stage.Identity{Key: "k", APIType: stage.APIREST, APIName: "billing", Stage: "prod"}},
		Figures: stage.Figures{WindowStart: now.Add(-5 * time.Minute), WindowEnd: now.Add(-2 * time.Minute), Requests: 60},
		HasData: true, Tripped: true, Masked: true}
	return &collector.PollResult{At: now, Stages: []collector.StageResult{sr}}, nil
}

func (*outageEvidence) Ready() error { return nil }

func (o *outageEvidence) Evidence(_ context.Context, _ collector.Stage, start, end time.Time) (*collector.Evidence, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.starts = append(o.starts, start)
	ev := o.readable(start, end)
	if len(o.starts) == 1 {
		ev.Events, ev.Incomplete = nil, []stage.Read{collector.IncompleteLogs}
		return ev, errors.New("stage k: StartQuery: ThrottlingException: Rate exceeded")
	}
	return ev, nil
}

// readable is the stage's evidence read in full: a function error its
// integration answered 200.
func (*outageEvidence) readable(start, end time.Time) *collector.Evidence {
	ev := &collector.Evidence{LogGroups: []string{"API-Gateway-Execution-Logs_abc/prod"}, Scope: stage.EvidenceScope{Start: start, End: end}}
	at := start.Add(time.Minute)
	for _, m := range []string{
		"(7f3a) Endpoint response headers: {Content-Type=application/json, X-Amz-Function-Error=Unhandled}",
		`(7f3a) Endpoint response body before transformations: {"errorMessage":"card declined","errorType":"Error"}`,
		"(7f3a) Method completed with status: 200",
	} {
		ev.Events = append(ev.Events, classifier.LogEvent{Group: ev.LogGroups[0], Time: at, Message: m})
	}
	return ev
}

// recorder is a sink that records every delivery.
type recorder struct {
	mu  sync.Mutex
	got []notifier.Event
}

func (*recorder) Name() string { return "recorder" }

func (r *recorder) Notify(_ context.Context, d *notifier.Delivery) (bool, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, d.Event)
	return false, nil
}

func (r *recorder) events() []notifier.Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]notifier.Event(nil), r.got...)
}

// deliverAll runs a dispatcher over the store's outbox until it is empty,
// and returns what a recorder sink received.
func deliverAll(t *testing.T, st *incident.Store) []notifier.Event {
	t.Helper()
	sink := &recorder{}
	disp, err := incident.NewDispatcher(st, sink, incident.DispatcherOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { _ = disp.Run(ctx); close(done) }()
	for disp.Depth() > 0 {
		time.Sleep(time.Millisecond)
	}
	cancel()
	<-done
	return sink.events()
}

// TestPartialEvidenceIsReadAgain: an incident whose first evidence pull
// lost its logs is diagnosed from what was read (unknown), marked as
// resting on incomplete evidence, and read again at the next poll, from
// the window that opened it; the complete evidence (errors masked as 200)
// replaces the diagnosis in one update and clears the mark, and the polls
// after read nothing and send nothing until the re-diagnosis is due.
// Every notification reaches the sink once.
func TestPartialEvidenceIsReadAgain(t *testing.T) {
	t0 := time.Date(2026, 3, 10, 14, 0, 0, 0, time.UTC)
	clk := clock.NewManual(t0)
	st, mgr := openIncidents(t, incident.ManagerOptions{Clock: clk, OutboxClock: clock.Real{}, Registerer: prometheus.NewRegistry(), Sinks: []string{"recorder"}})
	col := &outageEvidence{clk: clk}
	d := &Daemon{opts: Options{Collector: col, Incidents: mgr, Clock: clk, Interval: time.Minute, RediagnoseEvery: 5,
		EvidenceConcurrency: 4, Lang: classifier.LangEN, AnnounceEarly: true},
		log: slog.New(slog.DiscardHandler), metrics: newMetrics(prometheus.NewRegistry()), reads: map[string]lastRead{}}

	type seen struct {
		cause      classifier.Cause
		incomplete bool
		seq, pulls int
	}
	var steps []seen
	for range 4 {
		d.pollOnce(context.Background())
		inc, _ := mgr.Lookup("k")
		steps = append(steps, seen{inc.Info.Diagnosis.Cause, inc.Info.EvidenceIncomplete, inc.Seq, len(col.starts)})
		clk.Advance(time.Minute)
	}
	want := []seen{
		{classifier.CauseUnknown, true, 2, 1}, // opened, then diagnosed from what was read
		{classifier.CauseLambdaErrorMaskedAs200, false, 3, 2},
		{classifier.CauseLambdaErrorMaskedAs200, false, 3, 2},
		{classifier.CauseLambdaErrorMaskedAs200, false, 3, 2},
	}
	for i := range want {
		if steps[i] != want[i] {
			t.Errorf("poll %d: %+v, want %+v", i+1, steps[i], want[i])
		}
	}
	if len(col.starts) == 2 && !col.starts[1].Equal(col.starts[0]) {
		t.Errorf("the second pull reads from %v, want the opening window's start %v", col.starts[1], col.starts[0])
	}

	got := deliverAll(t, st)
	kinds := map[string]int{}
	for _, ev := range got {
		kinds[ev.ID]++
	}
	if len(got) != 3 || len(kinds) != 3 {
		t.Fatalf("%d deliveries of %d events, want 3 of 3 (opened, diagnosed, corrected)", len(got), len(kinds))
	}
	if last := got[2].Snapshot; last.Diagnosis.Cause != classifier.CauseLambdaErrorMaskedAs200 || last.EvidenceIncomplete ||
		last.Previous == nil || last.Previous.Cause != classifier.CauseUnknown {
		t.Errorf("last notification: cause %s incomplete=%v previous %+v, want %s from complete evidence, replacing unknown",
			last.Diagnosis.Cause, last.EvidenceIncomplete, last.Previous, classifier.CauseLambdaErrorMaskedAs200)
	}
	if !got[1].Snapshot.EvidenceIncomplete {
		t.Error("the diagnosis from partial evidence was not marked so in its notification")
	}
}
