package incident

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/stage"
)

// BenchmarkObserveHealthyFleet is one poll of 2000 healthy stages: the
// common case must not touch the disk.
func BenchmarkObserveHealthyFleet(b *testing.B) {
	st, m := benchManager(b)
	defer st.Close()
	obs := make([]Observation, 2000)
	for i := range obs {
		obs[i] = Observation{
			Identity: stage.Identity{Key: fmt.Sprintf("a/r/api%d/prod", i), APIName: fmt.Sprintf("api%d", i), Stage: "prod"},
			Figures:  stage.Figures{Requests: 100},
		}
	}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		for _, o := range obs {
			if _, err := m.Observe(ctx, o); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/2000, "ns/stage")
}

// BenchmarkTransition is one opened or resolved transition with two sinks:
// a bbolt commit with its fsync.
func BenchmarkTransition(b *testing.B) {
	st, m := benchManager(b)
	defer st.Close()
	ctx := context.Background()
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		m.clk.(*clock.Manual).Advance(20 * time.Minute)
		if _, err := m.Observe(ctx, stageObs("prod", i%2 == 0)); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func benchManager(b *testing.B) (*Store, *Manager) {
	b.Helper()
	st, err := Open(filepath.Join(b.TempDir(), "s.db"), StoreOptions{})
	if err != nil {
		b.Fatal(err)
	}
	m, err := NewManager(st, ManagerOptions{Clock: clock.NewManual(t0), Registerer: noRegistry{}, Sinks: []string{"slack", "alertmanager"}})
	if err != nil {
		b.Fatal(err)
	}
	return st, m
}

// noRegistry accepts every collector; benchmarks do not scrape.
type noRegistry struct{}

func (noRegistry) Register(prometheus.Collector) error  { return nil }
func (noRegistry) MustRegister(...prometheus.Collector) {}
func (noRegistry) Unregister(prometheus.Collector) bool { return true }
