package daemon

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/collector"
	"github.com/apigw-triage/apigw-triage/incident"
	"github.com/apigw-triage/apigw-triage/stage"
)

// deniedEvidence is outageEvidence's tripping stage whose Logs Insights
// query is refused in the polls denied names, as AccessDenied on
// logs:StartQuery is until someone fixes the policy, and read in full in
// the others. It records the poll of every evidence read.
type deniedEvidence struct {
	*outageEvidence
	denied func(poll int) bool
	mu     sync.Mutex
	polls  int
	reads  []int
}

func (e *deniedEvidence) Poll(ctx context.Context) (*collector.PollResult, error) {
	e.mu.Lock()
	e.polls++
	e.mu.Unlock()
	return e.outageEvidence.Poll(ctx)
}

func (e *deniedEvidence) Evidence(ctx context.Context, st collector.Stage, start, end time.Time) (*collector.Evidence, error) {
	e.mu.Lock()
	poll := e.polls
	e.reads = append(e.reads, poll)
	e.mu.Unlock()
	ev := e.readable(start, end)
	if !e.denied(poll) {
		return ev, nil
	}
	ev.Events, ev.Incomplete = nil, []stage.Read{collector.IncompleteLogs}
	return ev, errors.New("stage k: StartQuery: AccessDeniedException: not authorized to perform: logs:StartQuery")
}

// TestPartialReadsBackOff: while a stage's logs cannot be read, its
// incident's evidence is read again 1, 2, 4, ... polls after each failed
// read, at most RediagnoseEvery (5) polls apart: polls 1, 2, 4, 8, 13, 18,
// 23 and 28 in the first 28, where reading at every poll cost 28 queries.
// The read in full at poll 28 names the cause in one update and resets
// the count: when the re-diagnosis at 33 fails, the next read is 1 poll
// later, then 2, then 4. Every notification reaches the sink once.
func TestPartialReadsBackOff(t *testing.T) {
	t0 := time.Date(2026, 3, 10, 14, 0, 0, 0, time.UTC)
	clk := clock.NewManual(t0)
	st, mgr := openIncidents(t, incident.ManagerOptions{Clock: clk, OutboxClock: clock.Real{}, Registerer: prometheus.NewRegistry(), Sinks: []string{"recorder"}})
	col := &deniedEvidence{outageEvidence: &outageEvidence{clk: clk}, denied: func(p int) bool { return p < 27 || p > 29 }}
	d := &Daemon{opts: Options{Collector: col, Incidents: mgr, Clock: clk, Interval: time.Minute, RediagnoseEvery: 5,
		EvidenceConcurrency: 4, Lang: classifier.LangEN, AnnounceEarly: true},
		log: slog.New(slog.DiscardHandler), metrics: newMetrics(prometheus.NewRegistry()), reads: map[string]lastRead{}}

	states := map[int]string{}
	for poll := 1; poll <= 40; poll++ {
		d.pollOnce(context.Background())
		inc, _ := mgr.Lookup("k")
		states[poll] = fmt.Sprintf("%s incomplete=%v", inc.Info.Diagnosis.Cause, inc.Info.EvidenceIncomplete)
		clk.Advance(time.Minute)
	}
	if want := []int{1, 2, 4, 8, 13, 18, 23, 28, 33, 34, 36, 40}; !slices.Equal(col.reads, want) {
		t.Errorf("evidence read at polls %v, want %v", col.reads, want)
	}
	for poll, want := range map[int]string{
		27: fmt.Sprintf("%s incomplete=true", classifier.CauseUnknown),
		28: fmt.Sprintf("%s incomplete=false", classifier.CauseLambdaErrorMaskedAs200),
		40: fmt.Sprintf("%s incomplete=false", classifier.CauseLambdaErrorMaskedAs200),
	} {
		if states[poll] != want {
			t.Errorf("after poll %d: %s, want %s", poll, states[poll], want)
		}
	}

	got := deliverAll(t, st)
	ids := map[string]bool{}
	for _, ev := range got {
		ids[ev.ID] = true
	}
	if len(got) != 3 || len(ids) != 3 {
		t.Errorf("%d deliveries of %d events, want 3 of 3 (opened, diagnosed in part, corrected)", len(got), len(ids))
	}
}

// TestRereadGap: 1, 2, 4, ... polls after failed reads in a row, never
// more than the re-diagnosis interval.
func TestRereadGap(t *testing.T) {
	tests := []struct {
		name                string
		failed, limit, want int
	}{
		{"after one failed read", 1, 5, 1},
		{"after two", 2, 5, 2},
		{"after three", 3, 5, 4},
		{"after four, capped", 4, 5, 5},
		{"after a hundred, capped", 100, 5, 5},
		{"a power of two as the cap", 4, 8, 8},
		{"re-diagnosis at every poll", 3, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := rereadGap(tt.failed, tt.limit); got != tt.want {
				t.Errorf("rereadGap(%d, %d) = %d, want %d", tt.failed, tt.limit, got, tt.want)
			}
		})
	}
}

// TestFirstReadRestartsTheCount: the failed reads an earlier incident of
// the stage counted do not lengthen the wait of a new incident's first
// failed read; a read in full resets the count.
func TestFirstReadRestartsTheCount(t *testing.T) {
	d := &Daemon{opts: Options{RediagnoseEvery: 5}, reads: map[string]lastRead{}}
	for range 4 {
		d.recordRead("k", false, true)
	}
	d.recordRead("k", true, true)
	if got := d.reads["k"].failed; got != 1 {
		t.Errorf("a new incident's first failed read counts %d failed reads, want 1", got)
	}
	d.recordRead("k", false, true)
	d.recordRead("k", false, false)
	if got := d.reads["k"].failed; got != 0 {
		t.Errorf("after a read in full %d failed reads count, want 0", got)
	}
}
