package incident

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/apigw-triage/apigw-triage/clock"
)

func TestRetention(t *testing.T) {
	tests := []struct {
		name         string
		opts         StoreOptions
		deliverFirst bool // drain the outbox before the last resolution
		wantKept     int
	}{
		{"at most RetainMax resolved incidents", StoreOptions{RetainMax: 2, RetainFor: 24 * time.Hour}, true, 2},
		{"older than RetainFor go", StoreOptions{RetainMax: 100, RetainFor: 90 * time.Minute}, true, 2},
		{"pending notifications keep their incident", StoreOptions{RetainMax: 1, RetainFor: time.Minute}, false, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := Open(filepath.Join(t.TempDir(), "s.db"), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			clk := clock.NewManual(t0)
			m, err := NewManager(st, ManagerOptions{Clock: clk, Registerer: prometheus.NewRegistry(), Sinks: []string{"fake"}})
			if err != nil {
				t.Fatal(err)
			}
			// Four stages, each open for a minute, one hour apart.
			for i, s := range []string{"a", "b", "c"} {
				observeAt(t, m, clk, time.Duration(i)*time.Hour, stageObs(s, true))
				observeAt(t, m, clk, time.Duration(i)*time.Hour+time.Minute, stageObs(s, false))
			}
			if tt.deliverFirst {
				d := newTestDispatcher(t, st, &fakeSink{}, &sleepClock{now: t0}, prometheus.NewRegistry())
				runUntil(t, d, func() bool { return d.Depth() == 0 })
			}
			observeAt(t, m, clk, 3*time.Hour, stageObs("d", true))
			observeAt(t, m, clk, 3*time.Hour+time.Minute, stageObs("d", false))
			resolved, err := st.Incidents(StateResolved, 0)
			if err != nil {
				t.Fatal(err)
			}
			if len(resolved) != tt.wantKept {
				t.Fatalf("%d resolved incidents kept, want %d", len(resolved), tt.wantKept)
			}
			if resolved[0].Info.Stage != "d" {
				t.Errorf("newest kept is %s, want d", resolved[0].Info.Stage)
			}
			if _, err := m.Observe(context.Background(), stageObs("a", true)); err != nil {
				t.Fatalf("a stage whose incident was pruned cannot trip again: %v", err)
			}
		})
	}
}
