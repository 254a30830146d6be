package daemon

import (
	"context"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/collector"
	"github.com/apigw-triage/apigw-triage/incident"
)

// windowRecorder is a Collector that records the evidence windows asked for.
type windowRecorder struct{ starts, ends []time.Time }

func (*windowRecorder) Poll(context.Context) (*collector.PollResult, error) { return nil, nil }
func (*windowRecorder) Ready() error                                        { return nil }
func (w *windowRecorder) Evidence(_ context.Context, _ collector.Stage, start, end time.Time) (*collector.Evidence, error) {
	w.starts, w.ends = append(w.starts, start), append(w.ends, end)
	return &collector.Evidence{}, nil
}

// TestRediagnosisReadsOnlyRecentEvidence: the first diagnosis reads the
// poll window; the re-diagnosis of an incident open for an hour reads the
// last RediagnoseEvery intervals, not the whole hour again (Logs Insights
// bills every byte scanned).
func TestRediagnosisReadsOnlyRecentEvidence(t *testing.T) {
	t0 := time.Date(2026, 3, 10, 14, 0, 0, 0, time.UTC)
	clk := clock.NewManual(t0)
	_, mgr := openIncidents(t, incident.ManagerOptions{Clock: clk, Registerer: prometheus.NewRegistry()})
	rec := &windowRecorder{}
	d := &Daemon{opts: Options{Collector: rec, Incidents: mgr, Clock: clk, Interval: time.Minute, RediagnoseEvery: 5, Lang: classifier.LangEN},
		log: slog.New(slog.DiscardHandler), metrics: newMetrics(prometheus.NewRegistry()), reads: map[string]lastRead{}}
	sr := collector.StageResult{Stage: collector.Stage{Identity: stage.Identity{Key: "k", APIType: stage.APIREST}},
		Figures: stage.Figures{WindowStart: t0.Add(-5 * time.Minute), WindowEnd: t0.Add(-2 * time.Minute)}, Tripped: true}
	pull := func() diagnosed {
		start, _, _ := d.evidenceStart(sr)
		return d.diagnose(context.Background(), sr, start)
	}

	dg := pull()
	if _, err := mgr.Observe(context.Background(), observation(sr, dg)); err != nil {
		t.Fatal(err)
	}
	clk.Advance(time.Hour)
	sr.WindowStart, sr.WindowEnd = sr.WindowStart.Add(time.Hour), sr.WindowEnd.Add(time.Hour)
	pull()

	if len(rec.starts) != 2 {
		t.Fatalf("%d evidence pulls, want 2", len(rec.starts))
	}
	if want := t0.Add(-5 * time.Minute); !rec.starts[0].Equal(want) {
		t.Errorf("first diagnosis reads from %v, want the poll window's start %v", rec.starts[0], want)
	}
	if want := sr.WindowEnd.Add(-5 * time.Minute); !rec.starts[1].Equal(want) {
		t.Errorf("re-diagnosis reads from %v, want %v (the last 5 intervals)", rec.starts[1], want)
	}
	// An early trip rests on minutes newer than the window's end: the
	// evidence reaches the end of the current minute.
	clk.Advance(30 * time.Second)
	pull()
	if want := clk.Now().Truncate(time.Minute).Add(time.Minute); !rec.ends[2].Equal(want) {
		t.Errorf("evidence ends at %v, want the current minute's end %v, past the window's end %v", rec.ends[2], want, sr.WindowEnd)
	}
}

// openIncidents is a store in the test's temporary directory, closed when
// the test ends, and an incident manager over it.
func openIncidents(t *testing.T, o incident.ManagerOptions) (*incident.Store, *incident.Manager) {
	t.Helper()
	st, err := incident.Open(filepath.Join(t.TempDir(), "s.db"), incident.StoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	mgr, err := incident.NewManager(st, o)
	if err != nil {
		t.Fatal(err)
	}
	return st, mgr
}
