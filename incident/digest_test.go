package incident

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/apigw-triage/apigw-triage/notifier"
)

// digestSink records the size of every call.
type digestSink struct {
	fakeSink
	mu      sync.Mutex
	batches []int
}

func (s *digestSink) NotifyBatch(_ context.Context, ds []*notifier.Delivery) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.batches = append(s.batches, len(ds))
	for _, d := range ds {
		d.State.RootTS = "digest-" + d.Event.IncidentID
	}
	return false, nil
}

func (s *digestSink) Notify(ctx context.Context, d *notifier.Delivery) (bool, error) {
	s.mu.Lock()
	s.batches = append(s.batches, 1)
	s.mu.Unlock()
	return s.fakeSink.Notify(ctx, d)
}

func TestDigestOfOpenedEvents(t *testing.T) {
	tests := []struct {
		name        string
		stages      []string
		digestMin   int
		digestWait  time.Duration
		wantBatches []int
		wantWaits   []time.Duration
	}{
		{"a lone opened event waits for company, then goes alone", []string{"a"}, 2, 5 * time.Second, []int{1}, []time.Duration{5 * time.Second}},
		{"three opened at once go out as one digest", []string{"a", "b", "c"}, 2, 0, []int{3}, nil},
		{"a digest stops at another kind", []string{"a", "b", "a", "c"}, 2, 0, []int{2, 1, 1}, nil},
		{"below the minimum each goes alone", []string{"a", "b"}, 3, 0, []int{1, 1}, nil},
		{"digests off", []string{"a", "b", "c"}, 0, time.Minute, []int{1, 1, 1}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := storeWithTransitions(t, filepath.Join(t.TempDir(), "s.db"), tt.stages)
			defer st.Close()
			sink := &digestSink{}
			clk := &sleepClock{now: t0.Add(time.Duration(len(tt.stages)-1) * time.Second)}
			d, err := NewDispatcher(st, sink, DispatcherOptions{Clock: clk, Registerer: prometheus.NewRegistry(), DigestMin: tt.digestMin, DigestWait: tt.digestWait})
			if err != nil {
				t.Fatal(err)
			}
			runUntil(t, d, func() bool { return d.Depth() == 0 })
			if !equalInts(sink.batches, tt.wantBatches) {
				t.Errorf("batches %v, want %v", sink.batches, tt.wantBatches)
			}
			if got := clk.recorded(); !equalDurations(got, tt.wantWaits) {
				t.Errorf("waits %v, want %v", got, tt.wantWaits)
			}
			first, _ := st.Incidents(StateOpen, 0)
			if tt.wantBatches[0] > 1 {
				got, _ := st.sinkState(first[len(first)-1].ID, "fake")
				if got.RootTS == "" {
					t.Errorf("a digest's sink state was not saved")
				}
			}
		})
	}
}

// storeWithTransitions trips each listed stage in turn; a stage listed a
// second time resolves.
func storeWithTransitions(t *testing.T, path string, stages []string) *Store {
	t.Helper()
	clk := newManualAt()
	st, m := newTestManager(t, path, clk, "fake")
	seen := map[string]bool{}
	for i, s := range stages {
		observeAt(t, m, clk, secs(i), stageObs(s, !seen[s]))
		seen[s] = true
	}
	return st
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
