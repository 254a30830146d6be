package daemon

import (
	"context"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/collector"
	"github.com/apigw-triage/apigw-triage/incident"
	"github.com/apigw-triage/apigw-triage/stage"
)

// slowEvidence is a Collector whose one stage trips and whose evidence
// pull answers only when the test releases it, as a Logs Insights query
// answers seconds later.
type slowEvidence struct {
	t0      time.Time
	started chan struct{}
	release chan struct{}
}

func (s *slowEvidence) Poll(context.Context) (*collector.PollResult, error) {
	sr := collector.StageResult{Stage: collector.Stage{Identity: stage.Identity{Key: "k", APIType: stage.APIREST, APIName: "orders", Stage: "prod"}},
		Figures: stage.Figures{WindowStart: s.t0.Add(-5 * time.Minute), WindowEnd: s.t0.Add(-2 * time.Minute),
			Requests: 60, Errors5xx: 30, ErrorRate: 0.5}, HasData: true, Tripped: true}
	return &collector.PollResult{At: s.t0, Stages: []collector.StageResult{sr}}, nil
}

func (*slowEvidence) Ready() error { return nil }

func (s *slowEvidence) Evidence(ctx context.Context, _ collector.Stage, _, _ time.Time) (*collector.Evidence, error) {
	close(s.started)
	select {
	case <-s.release:
	case <-ctx.Done():
	}
	return &collector.Evidence{LogGroups: []string{"/aws/lambda/orders"}, Events: []classifier.LogEvent{{
		Group: "API-Gateway-Execution-Logs_abc/prod", Time: s.t0,
		Message: "(0f1e) Execution failed due to configuration error: Malformed Lambda proxy response",
	}}}, nil
}

// announceRun is one poll of a daemon over slowEvidence.
type announceRun struct {
	clk *clock.Manual
	col *slowEvidence
	mgr *incident.Manager
	d   *Daemon
}

func newAnnounceRun(t *testing.T, early bool, wait time.Duration) *announceRun {
	t0 := time.Date(2026, 3, 10, 14, 0, 0, 0, time.UTC)
	clk := clock.NewManual(t0)
	st, err := incident.Open(filepath.Join(t.TempDir(), "s.db"), incident.StoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	mgr, err := incident.NewManager(st, incident.ManagerOptions{Clock: clk, Registerer: prometheus.NewRegistry()})
	if err != nil {
		t.Fatal(err)
	}
	col := &slowEvidence{t0: t0, started: make(chan struct{}), release: make(chan struct{})}
	d := &Daemon{opts: Options{Collector: col, Incidents: mgr, Clock: clk, Interval: time.Minute, RediagnoseEvery: 5,
		EvidenceConcurrency: 4, Lang: classifier.LangEN, AnnounceEarly: early, DiagnosisWait: wait},
		log: slog.New(slog.DiscardHandler), metrics: newMetrics(prometheus.NewRegistry()), reads: map[string]lastRead{}}
	return &announceRun{clk: clk, col: col, mgr: mgr, d: d}
}

// poll starts a poll and returns a channel closed when it has ended.
func (r *announceRun) poll() chan struct{} {
	done := make(chan struct{})
	go func() { r.d.pollOnce(context.Background()); close(done) }()
	<-r.col.started
	return done
}

// incidentWhile waits for the stage's incident while the evidence is
// still being read, or fails after a second of wall time.
func (r *announceRun) incidentWhile(t *testing.T) incident.Incident {
	t.Helper()
	for range 1000 {
		if inc, ok := r.mgr.Lookup("k"); ok {
			return inc
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatal("no incident opened while the evidence was being read")
	return incident.Incident{}
}

// TestDiagnosisWaitZeroAnnouncesAtOnce: with logs.diagnosis_wait 0 a trip
// opens its incident, announced as diagnosing, before its evidence is
// read; the diagnosis follows in the same poll as an update.
func TestDiagnosisWaitZeroAnnouncesAtOnce(t *testing.T) {
	r := newAnnounceRun(t, true, 0)
	done := r.poll()
	inc := r.incidentWhile(t)
	if !inc.Info.Diagnosing || inc.Seq != 1 {
		t.Fatalf("opened diagnosing=%v seq=%d, want an opened notification saying it is diagnosing", inc.Info.Diagnosing, inc.Seq)
	}
	close(r.col.release)
	<-done
	inc, _ = r.mgr.Lookup("k")
	if inc.Info.Diagnosing || inc.Info.Diagnosis.Cause != classifier.CauseLambdaMalformedProxyResponse || inc.Seq != 2 {
		t.Fatalf("after the evidence: diagnosing=%v cause=%s seq=%d, want the diagnosis sent as a second notification",
			inc.Info.Diagnosing, inc.Info.Diagnosis.Cause, inc.Seq)
	}
	if len(inc.Info.LogGroups) != 1 {
		t.Errorf("log groups %v, want the evidence's", inc.Info.LogGroups)
	}
}

// TestDiagnosisWaitHoldsTheAnnouncement: a wait longer than the evidence
// pull opens the incident with its diagnosis, in one notification; a pull
// longer than the wait opens it diagnosing when the wait is over; without
// AnnounceEarly (alarm mode) the incident waits for its evidence.
func TestDiagnosisWaitHoldsTheAnnouncement(t *testing.T) {
	t.Run("pull within the wait", func(t *testing.T) {
		checkHeldUntilDiagnosed(t, newAnnounceRun(t, true, 30*time.Second))
	})
	t.Run("pull longer than the wait", func(t *testing.T) {
		r := newAnnounceRun(t, true, 30*time.Second)
		done := r.poll()
		for r.clk.Waiters() == 0 {
			time.Sleep(time.Millisecond)
		}
		r.clk.Advance(30 * time.Second)
		if inc := r.incidentWhile(t); !inc.Info.Diagnosing {
			t.Error("opened with a diagnosis, yet the evidence is still being read")
		}
		close(r.col.release)
		<-done
	})
	t.Run("no early announcement", func(t *testing.T) {
		checkHeldUntilDiagnosed(t, newAnnounceRun(t, false, 0))
	})
}

// checkHeldUntilDiagnosed polls and checks that no incident opens while
// the evidence is read, and that one opened notification carries the
// diagnosis once it is.
func checkHeldUntilDiagnosed(t *testing.T, r *announceRun) {
	t.Helper()
	done := r.poll()
	time.Sleep(20 * time.Millisecond)
	if _, ok := r.mgr.Lookup("k"); ok {
		t.Fatal("incident opened while its evidence was being read")
	}
	close(r.col.release)
	<-done
	inc, ok := r.mgr.Lookup("k")
	if !ok || inc.Info.Diagnosing || inc.Seq != 1 || inc.Info.Diagnosis.Cause != classifier.CauseLambdaMalformedProxyResponse {
		t.Fatalf("open=%v diagnosing=%v seq=%d cause=%s, want one opened notification carrying the diagnosis",
			ok, inc.Info.Diagnosing, inc.Seq, inc.Info.Diagnosis.Cause)
	}
}

// TestReopenedIncidentIsDiagnosedAtOnce: with logs.diagnosis_wait 0 a
// stage that trips again within the cooldown, fewer than RediagnoseEvery
// polls after its last diagnosis, still has its evidence read in that
// poll: whether a stage needs a diagnosis is decided from its incident as
// the poll found it (resolved), not as the poll's own observation left it
// (reopened). The poll after, its open incident is not due again.
func TestReopenedIncidentIsDiagnosedAtOnce(t *testing.T) {
	r := newAnnounceRun(t, true, 0)
	rec := &windowRecorder{}
	r.d.opts.Collector = rec
	t0 := r.col.t0
	sr := collector.StageResult{Stage: collector.Stage{Identity: stage.Identity{Key: "k", APIType: stage.APIREST}},
		Figures: stage.Figures{WindowStart: t0.Add(-5 * time.Minute), WindowEnd: t0.Add(-2 * time.Minute), Requests: 60, Errors5xx: 30, ErrorRate: 0.5},
		HasData: true, Tripped: true}
	calm := sr
	calm.Tripped, calm.Clear = false, true
	for _, s := range []collector.StageResult{sr, calm, sr, sr} {
		r.d.polls++
		r.d.observe(context.Background(), &collector.PollResult{At: t0, Stages: []collector.StageResult{s}})
	}
	if inc, _ := r.mgr.Lookup("k"); !inc.Open() || inc.Reopened != 1 {
		t.Fatalf("open=%v reopened=%d, want the incident reopened", inc.Open(), inc.Reopened)
	}
	if len(rec.starts) != 2 {
		t.Errorf("%d evidence pulls, want 2: the opening's and the reopening's, none the poll after", len(rec.starts))
	}
}
