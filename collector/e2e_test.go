package collector

import (
	"context"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/emulator"
	"github.com/apigw-triage/apigw-triage/emulator/scenario"
	"github.com/apigw-triage/apigw-triage/emulator/world"
	"github.com/apigw-triage/apigw-triage/stage"
)

// faulty overrides the scenario's faults, to throttle a share of calls.
type faulty struct {
	*scenario.World
	throttle float64
}

func (f faulty) Faults() world.Faults {
	fs := f.World.Faults()
	fs.ThrottleShare = f.throttle
	return fs
}

// e2e is the real collector, through the real SDK, against the emulator.
type e2e struct {
	c   *Collector
	w   *scenario.World
	clk *clock.Manual
}

func newE2E(t testing.TB, name string, throttle float64) *e2e {
	t.Helper()
	sc, err := scenario.Builtin(name)
	if err != nil {
		t.Fatal(err)
	}
	return newE2EScenario(t, sc, throttle)
}

// newE2EScenario is newE2E on a scenario of the test's own.
func newE2EScenario(t testing.TB, sc *scenario.Scenario, throttle float64) *e2e {
	t.Helper()
	return newE2EWith(t, sc, throttle, nil)
}

// newE2EWith is newE2EScenario with the options changed by edit.
func newE2EWith(t testing.TB, sc *scenario.Scenario, throttle float64, edit func(*Options)) *e2e {
	t.Helper()
	clk := clock.NewManual(t0)
	w := scenario.NewWorld(sc, clk, t0)
	srv := httptest.NewServer(emulator.NewServer(faulty{w, throttle}, emulator.Options{Seed: 1}))
	t.Cleanup(srv.Close)
	acct := w.Accounts()[0]
	opts := Options{
		Clock:      clk,
		Registerer: prometheus.NewRegistry(),
		AWS: AWSOptions{
			EndpointURL: srv.URL, Region: w.Regions(acct)[0],
			Credentials: credentials.NewStaticCredentialsProvider("AKIDTEST", "SECRET", ""),
			MaxAttempts: 12, MaxBackoff: time.Millisecond,
		},
		Accounts: []Account{{ID: acct, Regions: w.Regions(acct)}},
		Logs:     LogsOptions{Insights: true},
	}
	if edit != nil {
		edit(&opts)
	}
	c, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return &e2e{c: c, w: w, clk: clk}
}

// evidence runs Evidence while moving the manual clock whenever the
// collector waits on it, as emulated time would pass.
func (e *e2e) evidence(t *testing.T, st Stage, start, end time.Time) *Evidence {
	t.Helper()
	defer passTime(e.clk)()
	ev, err := e.c.Evidence(context.Background(), st, start, end)
	if err != nil {
		t.Fatalf("Evidence %s: %v", st.Key, err)
	}
	return ev
}

func TestE2EDiscoversCatalog(t *testing.T) {
	e := newE2E(t, "catalog", 0)
	if _, err := e.c.Poll(context.Background()); err != nil {
		t.Fatal(err)
	}
	stages := e.c.Stages()
	sawDefault, sawWS := false, false
	for _, ep := range e.w.Episodes() {
		i := slices.IndexFunc(stages, func(s Stage) bool { return s.APIID == ep.APIID && s.Stage == ep.Stage })
		if i < 0 {
			t.Errorf("episode stage %s %s/%s not discovered", ep.APIType, ep.APIName, ep.Stage)
			continue
		}
		st := stages[i]
		if st.APIType != ep.APIType || st.APIName != ep.APIName {
			t.Errorf("stage %s: type %s name %q, want %s %q", st.Key, st.APIType, st.APIName, ep.APIType, ep.APIName)
		}
		if ep.Function != "" && !slices.ContainsFunc(st.Functions, func(f Function) bool { return f.Name == ep.Function }) {
			t.Errorf("stage %s: functions %+v lack %s", st.Key, st.Functions, ep.Function)
		}
		sawDefault = sawDefault || st.Stage == "$default"
		if st.APIType == stage.APIWebSocket && (st.LoggingLevel != "INFO" || st.ExecutionLogGroup == "") {
			t.Errorf("WebSocket stage %s: logging %q, execution log group %q", st.Key, st.LoggingLevel, st.ExecutionLogGroup)
		}
		// the failing route's integration and function name the commands
		if rt := st.RouteTargets[ep.Route]; st.APIType == stage.APIWebSocket && (rt.Function != ep.Function || rt.IntegrationID == "") {
			t.Errorf("WebSocket stage %s: route %s targets %+v, want function %s", st.Key, ep.Route, rt, ep.Function)
		}
		if rt := st.RouteTargets["$connect"]; st.APIType == stage.APIWebSocket && (rt.AuthorizerID == "" || rt.AuthorizerFunction != ep.APIName+"-auth") {
			t.Errorf("WebSocket stage %s: $connect targets %+v, want the authorizer %s-auth", st.Key, rt, ep.APIName)
		}
		sawWS = sawWS || st.APIType == stage.APIWebSocket
		if st.APIType == stage.APIHTTP && st.IntegrationID == "" {
			t.Errorf("HTTP API stage %s: its only integration's id was not discovered", st.Key)
		}
	}
	if !sawDefault || !sawWS {
		t.Errorf("$default HTTP API stage discovered: %v, WebSocket stage: %v", sawDefault, sawWS)
	}
	if err := e.c.Ready(); err != nil {
		t.Errorf("Ready() = %v", err)
	}
}

// runCatalog polls minute by minute through the first episodes and
// returns, per episode stage key, the time it first tripped.
func runCatalog(t *testing.T, e *e2e, until time.Time) map[string]time.Time {
	t.Helper()
	tripped := map[string]time.Time{}
	for e.clk.Now().Before(until) {
		res, err := e.c.Poll(context.Background())
		if err != nil {
			t.Fatalf("Poll at %s: %v", e.clk.Now(), err)
		}
		for _, sr := range res.Stages {
			if sr.Tripped && !sr.HasData {
				t.Fatalf("stage %s tripped without traffic", sr.Stage.Key)
			}
			if _, ok := tripped[sr.Stage.Key]; sr.Tripped && !ok {
				tripped[sr.Stage.Key] = e.clk.Now()
			}
		}
		e.clk.Advance(time.Minute)
	}
	return tripped
}

func TestE2ECatalogTripsWithEvidence(t *testing.T) {
	for _, tc := range []struct {
		name     string
		throttle float64
	}{{"clean", 0}, {"half of all calls throttled", 0.5}} {
		t.Run(tc.name, func(t *testing.T) {
			sc, err := scenario.Builtin("catalog")
			if err != nil {
				t.Fatal(err)
			}
			// The standard retryer: the adaptive one (the default) also
			// slows the client while half of all calls are throttled, which
			// costs minutes of wall time and proves nothing more here.
			e := newE2EWith(t, sc, tc.throttle, func(o *Options) { o.AWS.RetryMode = "standard" })
			first := e.w.Episodes()[0]
			tripped := runCatalog(t, e, first.Start.Add(8*time.Minute))
			st := findStage(t, e.c.Stages(), first.APIID, first.Stage)
			at, ok := tripped[st.Key]
			if !ok {
				t.Fatalf("episode %s on %s never tripped (tripped: %v)", first.Cause, st.Key, tripped)
			}
			ev := e.evidence(t, st, first.Start, at)
			lines := 0
			for _, l := range ev.Events {
				if slices.Contains(first.LogGroups, l.Group) && !l.Time.Before(first.Start.Add(-2*time.Minute)) {
					lines++
				}
			}
			if lines == 0 {
				t.Fatalf("evidence holds no line of the episode's log groups %v: %d events", first.LogGroups, len(ev.Events))
			}
			if ev.Context.Requests == 0 || ev.Context.Errors5xx == 0 {
				t.Errorf("evidence context lacks counts: %+v", ev.Context)
			}
			if thr := throttledAttempts(e.c); (tc.throttle > 0) != (thr > 0) {
				t.Errorf("throttled attempts = %v with throttle share %v", thr, tc.throttle)
			}
			t.Logf("%s: tripped %s after start, %d lines, %d bytes scanned, sample %q",
				first.Cause, at.Sub(first.Start), len(ev.Events), ev.BytesScanned, firstLine(ev.Events))
		})
	}
}

func findStage(t *testing.T, stages []Stage, apiID, stage string) Stage {
	t.Helper()
	for _, s := range stages {
		if s.APIID == apiID && s.Stage == stage {
			return s
		}
	}
	t.Fatalf("stage %s/%s not discovered", apiID, stage)
	return Stage{}
}

func firstLine(evs []classifier.LogEvent) string {
	for _, e := range evs {
		if failureRE.MatchString(e.Message) {
			return e.Message
		}
	}
	return ""
}

// throttledAttempts sums the throttled attempts the collector counted.
func throttledAttempts(c *Collector) float64 {
	n := 0.0
	for svc, ops := range awsOperations {
		for _, op := range ops {
			n += testutil.ToFloat64(c.metrics.awsRequests.WithLabelValues(svc, op, resultThrottled))
		}
	}
	return n
}

// passTime moves the manual clock a second whenever something waits on it,
// as emulated time would pass, until the returned stop is called.
func passTime(clk *clock.Manual) (stop func()) {
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-done:
				return
			case <-time.After(time.Millisecond):
				if clk.Waiters() > 0 {
					clk.Advance(time.Second)
				}
			}
		}
	}()
	return func() { close(done) }
}
