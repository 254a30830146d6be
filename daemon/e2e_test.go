package daemon

import (
	"context"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/config"
	"github.com/apigw-triage/apigw-triage/emulator"
	"github.com/apigw-triage/apigw-triage/emulator/scenario"
	"github.com/apigw-triage/apigw-triage/incident"
	"github.com/apigw-triage/apigw-triage/notifier"
)

// catalogRun is the daemon, built from its configuration, against the
// emulator's catalog over loopback through the real SDK, on a manual clock.
type catalogRun struct {
	clk   *clock.Manual
	sc    *scenario.Scenario
	world *scenario.World
	emu   *emulator.Server
	d     *Daemon
	// seen is every incident observed open after a poll, by stage key, as
	// last seen (the diagnosis may be revised while it is open).
	seen map[string]incident.Incident
	// delivering, set while the outbox dispatchers run, holds the clock
	// while a notification waits to be delivered: a delivery takes a
	// moment of wall time (a store write), in which the clock, moved a
	// second at a time, would otherwise race ahead.
	delivering bool
}

// catalogSetup varies a catalog run.
type catalogSetup struct {
	scenario string                   // default "catalog"
	webhook  string                   // Slack incoming webhook stand-in, if any
	faults   func(*scenario.Scenario) // e.g. more throttling
	config   func(*config.Config)     // e.g. a shorter SDK backoff
	logger   *slog.Logger             // default: discard
	sinks    []notifier.Notifier      // added to the configured ones
}

func startCatalog(tb testing.TB, setup catalogSetup) *catalogRun {
	tb.Helper()
	start := time.Date(2026, 3, 10, 14, 0, 0, 0, time.UTC)
	clk := clock.NewManual(start)
	if setup.scenario == "" {
		setup.scenario = "catalog"
	}
	sc, err := scenario.Builtin(setup.scenario)
	if err != nil {
		tb.Fatal(err)
	}
	if setup.faults != nil {
		setup.faults(sc)
	}
	world := scenario.NewWorld(sc, clk, start)
	emu := emulator.NewServer(world, emulator.Options{Seed: 7})
	srv := httptest.NewServer(emu)
	tb.Cleanup(srv.Close)
	cfg := emulatorTestConfig(tb, srv.URL, world.Accounts()[0], filepath.Join(tb.TempDir(), "incidents.db"), setup.webhook)
	if setup.config != nil {
		setup.config(cfg)
	}
	d, closeStore, err := Build(cfg, Env{Clock: clk, Logger: setup.logger, ExtraSinks: setup.sinks})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = closeStore() })
	return &catalogRun{clk: clk, sc: sc, world: world, emu: emu, d: d, seen: map[string]incident.Incident{}}
}

// poll runs one poll, advancing the clock a second at a time while the
// collector waits on it (Logs Insights results), then moves to the next
// interval.
func (r *catalogRun) poll(ctx context.Context) {
	began := r.clk.Now()
	done := make(chan struct{})
	go func() { r.d.pollOnce(ctx); close(done) }()
	for {
		select {
		case <-done:
			for _, inc := range r.d.opts.Incidents.Open() {
				r.seen[inc.StageKey] = inc
			}
			for !r.delivered() {
				time.Sleep(200 * time.Microsecond)
			}
			r.clk.Set(began.Add(r.d.opts.Interval))
			return
		case <-time.After(200 * time.Microsecond):
			if r.clk.Waiters() > 0 && r.delivered() {
				r.clk.Advance(time.Second)
			}
		}
	}
}

// delivered says whether every notification enqueued so far has been
// delivered; always true when no dispatcher runs.
func (r *catalogRun) delivered() bool {
	if !r.delivering {
		return true
	}
	for _, run := range r.d.opts.Runners {
		if disp, ok := run.(*incident.Dispatcher); ok && disp.Depth() > 0 {
			return false
		}
	}
	return true
}

func (r *catalogRun) incidentOf(ep scenario.EpisodeInfo) (incident.Incident, bool) {
	inc, ok := r.seen[stageKeyOf(ep)]
	return inc, ok
}

func stageKeyOf(ep scenario.EpisodeInfo) string {
	return fmt.Sprintf("%s/%s/%s/%s/%s", ep.Account, ep.Region, ep.APIType, ep.APIID, ep.Stage)
}

// TestCatalog is the product's promise end to end, on one run of the
// catalog shared by its checks: every failure of the catalog is detected
// and diagnosed with the status and cause its episode injected, and every
// one recovers; incidents name their failing routes where the stage has
// detailed metrics.
func TestCatalog(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end run of the catalog")
	}
	r := startCatalog(t, catalogSetup{})
	ctx := context.Background()
	for range 70 {
		r.poll(ctx)
	}
	t.Run("every failure diagnosed", func(t *testing.T) { checkEveryFailureDiagnosed(t, r) })
	t.Run("incidents carry routes", func(t *testing.T) { checkIncidentsCarryRoutes(t, r) })
}

// checkEveryFailureDiagnosed: see TestCatalog.
func checkEveryFailureDiagnosed(t *testing.T, r *catalogRun) {
	episodes := map[string]bool{}
	for _, ep := range r.world.Episodes() {
		episodes[stageKeyOf(ep)] = true
	}
	// No false trips: the night stage without traffic, the healthy stages
	// and late, revised datapoints never open an incident.
	for key, inc := range r.seen {
		if !episodes[key] {
			t.Errorf("incident on %s, which had no failure episode: %s %s", key, inc.Info.Diagnosis.Status, inc.Info.Diagnosis.Cause)
		}
	}
	for _, ep := range r.world.Episodes() {
		name := fmt.Sprintf("%s/%s(%s)", ep.APIName, ep.Stage, ep.Cause)
		inc, ok := r.incidentOf(ep)
		if !ok {
			t.Errorf("%s: no incident", name)
			continue
		}
		if len(inc.Info.LogGroups) == 0 {
			t.Errorf("%s: the incident names no log group, so messages link to no evidence", name)
		}
		got := inc.Info.Diagnosis
		if got.Status != ep.Status || got.Cause != ep.Cause {
			t.Errorf("%s: diagnosed %s %s, want %s %s", name, got.Status, got.Cause, ep.Status, ep.Cause)
		}
		if _, open := r.d.opts.Incidents.Lookup(stageKeyOf(ep)); open {
			t.Errorf("%s: still open after the episode ended at %s", name, ep.End.Format(time.TimeOnly))
		}
		t.Logf("%-45s detected %v after the episode began", name, inc.Info.OpenedAt.Sub(ep.Start))
	}
}

// TestCatalogUnderHeavyThrottling: with half of all AWS calls answered with
// the service's throttling error, the SDK's retries absorb it; detection is
// delayed at most, and no incident is lost.
func TestCatalogUnderHeavyThrottling(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end run of the catalog")
	}
	r := startCatalog(t, catalogSetup{
		faults: func(sc *scenario.Scenario) { sc.Faults.ThrottleShare = 0.5 },
		// The SDK's backoff is wall time; keep it short so the test is quick,
		// with enough attempts that 0.5^attempts is negligible (the retryer
		// is the standard one, as in every emulated run).
		config: func(c *config.Config) { c.AWS.MaxBackoff, c.AWS.MaxAttempts = 20*time.Millisecond, 12 },
	})
	ctx := context.Background()
	for range 45 {
		r.poll(ctx)
	}
	if n := throttledAttempts(t, r.d); n < 50 {
		t.Fatalf("only %v throttled attempts counted: the fault was not injected", n)
	}
	for _, ep := range r.world.Episodes() {
		if ep.Start.After(r.clk.Now().Add(-8 * time.Minute)) {
			continue // too recent to have tripped yet
		}
		inc, ok := r.incidentOf(ep)
		switch {
		case !ok:
			t.Errorf("%s/%s (%s): lost under throttling", ep.APIName, ep.Stage, ep.Cause)
		case inc.Info.Diagnosis.Cause != ep.Cause:
			t.Errorf("%s/%s: diagnosed %s, want %s", ep.APIName, ep.Stage, inc.Info.Diagnosis.Cause, ep.Cause)
		}
	}
}

// throttledAttempts sums apigw_triage_aws_requests_total{result="throttled"}.
func throttledAttempts(t *testing.T, d *Daemon) float64 {
	t.Helper()
	mfs, err := d.opts.Registry.Gather()
	if err != nil {
		t.Fatal(err)
	}
	var n float64
	for _, mf := range mfs {
		if mf.GetName() != "apigw_triage_aws_requests_total" {
			continue
		}
		for _, m := range mf.GetMetric() {
			for _, l := range m.GetLabel() {
				if l.GetName() == "result" && l.GetValue() == "throttled" {
					n += m.GetCounter().GetValue()
				}
			}
		}
	}
	return n
}
