package daemon

import (
	"strconv"

	"context"
	"encoding/json"
	"fmt"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/collector"
	"github.com/apigw-triage/apigw-triage/emulator"
	"github.com/apigw-triage/apigw-triage/emulator/scenario"
	"github.com/apigw-triage/apigw-triage/incident"
)

// alarmRun is the daemon in alarm mode, built from its configuration,
// against the emulator (its CloudWatch alarms, EventBridge and SQS) over
// loopback through the real SDK, on a manual clock.
type alarmRun struct {
	clk   *clock.Manual
	world *scenario.World
	emu   *emulator.Server
	url   string
	state string
	d     *Daemon
	close func() error
	// quietGMD counts GetMetricData calls made during polls that tripped
	// no stage: screening calls, which alarm mode must not make.
	quietGMD     int64
	quietMetrics int64 // billed metrics of those calls
	polls        int
	tripped      bool // the running poll's result tripped a stage
}

func startAlarmRun(t testing.TB, scenarioName string) *alarmRun {
	t.Helper()
	start := time.Date(2026, 3, 10, 14, 0, 0, 0, time.UTC)
	clk := clock.NewManual(start)
	sc, err := scenario.Builtin(scenarioName)
	if err != nil {
		t.Fatal(err)
	}
	world := scenario.NewWorld(sc, clk, start)
	emu := emulator.NewServer(world, emulator.Options{Seed: 7, Clock: clk})
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	r := &alarmRun{clk: clk, world: world, emu: emu, url: srv.URL, state: filepath.Join(t.TempDir(), "incidents.db")}
	r.build(t)
	return r
}

// build makes a daemon from the configuration, as a process start does.
func (r *alarmRun) build(t testing.TB) {
	t.Helper()
	cfg := emulatorTestConfig(t, r.url, r.world.Accounts()[0], r.state, "")
	cfg.Alarms.QueueURL = r.url + "/" + r.world.Accounts()[0] + "/" + emulator.AlarmQueueName
	d, closeStore, err := Build(cfg, Env{Clock: r.clk, OnPoll: r.onPoll})
	if err != nil {
		t.Fatal(err)
	}
	r.d, r.close = d, closeStore
	t.Cleanup(func() { _ = closeStore() })
}

func (r *alarmRun) onPoll(res *collector.PollResult) {
	for _, sr := range res.Stages {
		r.tripped = r.tripped || sr.Tripped
	}
}

// restart closes the store, as a killed process leaves it, and builds a
// new daemon on the same store and alarm book.
func (r *alarmRun) restart(t testing.TB) {
	t.Helper()
	if err := r.close(); err != nil {
		t.Fatal(err)
	}
	r.build(t)
}

// poll runs one poll of the daemon.
func (r *alarmRun) poll(ctx context.Context) {
	before := r.emu.Stats()
	r.tripped = false
	r.drive(func() { r.d.pollOnce(ctx) })
	r.polls++
	if after := r.emu.Stats(); !r.tripped {
		r.quietGMD += after.Calls["GetMetricData"] - before.Calls["GetMetricData"]
		r.quietMetrics += after.MetricsRequested - before.MetricsRequested
	}
}

// drive runs fn, advancing the clock a second at a time while the daemon
// waits on it (the queue's long poll, Logs Insights results).
func (r *alarmRun) drive(fn func()) {
	done := make(chan struct{})
	go func() { fn(); close(done) }()
	for {
		select {
		case <-done:
			return
		case <-time.After(200 * time.Microsecond):
			if r.clk.Waiters() > 0 {
				r.clk.Advance(time.Second)
			}
		}
	}
}

// runUntil polls until the emulated clock reaches t.
func (r *alarmRun) runUntil(ctx context.Context, t time.Time) {
	for r.clk.Now().Before(t) {
		r.poll(ctx)
	}
}

// alarmIncident is an incident as /api/incidents shows it.
type alarmIncident struct {
	State     string    `json:"state"`
	Account   string    `json:"account"`
	Region    string    `json:"region"`
	APIType   string    `json:"api_type"`
	APIID     string    `json:"api_id"`
	Stage     string    `json:"stage"`
	OpenedAt  time.Time `json:"opened_at"`
	Diagnosis struct {
		Status classifier.Status `json:"status"`
		Cause  classifier.Cause  `json:"cause"`
	} `json:"diagnosis"`
	Timeline []incident.TimelineEntry `json:"timeline"`
}

// kinds counts an incident's notifications by kind.
func (inc alarmIncident) kinds() map[string]int {
	n := map[string]int{}
	for _, e := range inc.Timeline {
		n[e.Kind]++
	}
	return n
}

// incidents reads /api/incidents, open and resolved, by stage key.
func (r *alarmRun) incidents(t testing.TB) map[string][]alarmIncident {
	t.Helper()
	rec := httptest.NewRecorder()
	r.d.opts.IncidentsH.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/incidents?state=all", nil))
	var body struct {
		Incidents []alarmIncident `json:"incidents"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
		t.Fatalf("/api/incidents: %v: %s", err, rec.Body.String())
	}
	out := map[string][]alarmIncident{}
	for _, inc := range body.Incidents {
		key := fmt.Sprintf("%s/%s/%s/%s/%s", inc.Account, inc.Region, inc.APIType, inc.APIID, inc.Stage)
		out[key] = append(out[key], inc)
	}
	return out
}

// TestAlarmModeCatalog: every failure of the catalog raises its alarm; the
// daemon opens one incident per failing stage from the alarm alone,
// diagnoses it from the evidence as in polling mode, resolves it on OK,
// and never reads a metric to find a failing stage.
func TestAlarmModeCatalog(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end run of the catalog in alarm mode")
	}
	r := startAlarmRun(t, "catalog")
	ctx := context.Background()
	// The first half of the catalog: enough stages of every alarm shape,
	// at half the cost of the run.
	end := r.world.Start().Add(30 * time.Minute)
	r.runUntil(ctx, end)
	incs := r.incidents(t)
	failing := map[string]bool{}
	for _, ep := range r.world.Episodes() {
		key := stageKeyOf(ep)
		failing[key] = true
		if ep.End.Add(8*time.Minute).After(end) || ep.Status == classifier.StatusNone {
			continue // its alarm may not be back to OK yet; a masked 200 moves no 5xx alarm
		}
		list := incs[key]
		if len(list) != 1 {
			t.Errorf("%s/%s (%s): %d incidents, want 1", ep.APIName, ep.Stage, ep.Cause, len(list))
			continue
		}
		inc := list[0]
		if k := inc.kinds(); k["opened"] != 1 || k["resolved"] != 1 || inc.State != "resolved" {
			t.Errorf("%s/%s: notifications %v, state %s; want opened and resolved once", ep.APIName, ep.Stage, k, inc.State)
		}
		if got := inc.Diagnosis; got.Status != ep.Status || got.Cause != ep.Cause {
			t.Errorf("%s/%s: diagnosed %s %s, want %s %s", ep.APIName, ep.Stage, got.Status, got.Cause, ep.Status, ep.Cause)
		}
		t.Logf("%-45s opened %v after the episode began", ep.APIName+"/"+ep.Stage, inc.OpenedAt.Sub(ep.Start))
	}
	for key := range incs {
		if !failing[key] {
			t.Errorf("incident on %s, which had no failure", key)
		}
	}
	if r.quietGMD != 0 {
		t.Errorf("%d GetMetricData calls in polls that tripped nothing: alarm mode screened", r.quietGMD)
	}
	if n := r.emu.Stats().Calls["ReceiveMessage"]; n == 0 {
		t.Error("the daemon never received from the queue")
	}
	t.Logf("%d polls, %d GetMetricData calls in all (evidence only), %d ReceiveMessage", r.polls, r.emu.Stats().Calls["GetMetricData"], r.emu.Stats().Calls["ReceiveMessage"])
}

// withoutAck is the daemon's poll source with its acknowledgement cut
// off: the process dies after storing the incidents and before deleting
// the messages.
type withoutAck struct{ Collector }

// TestAlarmModeSurvivesRestart kills the daemon between receiving alarm
// events and storing what they change, then between storing and deleting
// them: no alarm is lost (the incident opens from the redelivered event)
// and none is repeated (one opened and one resolved notification).
func TestAlarmModeSurvivesRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end alarm mode with restarts")
	}
	r := startAlarmRun(t, "catalog")
	ctx := context.Background()
	first := r.world.Episodes()[0]
	key := stageKeyOf(first)

	// Killed after a receive that tripped the stage, before any store.
	for tripped := false; !tripped; {
		r.drive(func() {
			res, err := r.d.opts.Collector.Poll(ctx)
			if err != nil {
				t.Error(err)
			}
			for _, sr := range res.Stages {
				tripped = tripped || (sr.Tripped && sr.Stage.Key == key)
			}
		})
	}
	r.restart(t)

	// Killed after the incident is stored, before the delete.
	r.d.opts.Collector = withoutAck{r.d.opts.Collector}
	for {
		if _, open := r.d.opts.Incidents.Lookup(key); open {
			break
		}
		if r.clk.Now().After(first.End) {
			t.Fatalf("%s: no incident during its episode: the alarm received before the restart was lost", key)
		}
		r.poll(ctx)
	}
	r.restart(t)

	end := first.End.Add(10 * time.Minute)
	r.runUntil(ctx, end)
	incs := r.incidents(t)
	for _, ep := range r.world.Episodes() {
		k := stageKeyOf(ep)
		if ep.End.Add(8*time.Minute).After(end) || ep.Status == classifier.StatusNone {
			continue
		}
		if len(incs[k]) != 1 {
			t.Fatalf("%s: %d incidents, want 1", k, len(incs[k]))
		}
		inc := incs[k][0]
		if n := inc.kinds(); n["opened"] != 1 || n["resolved"] != 1 {
			t.Errorf("%s: notifications %v; want one opened and one resolved", k, n)
		}
		if inc.Diagnosis.Cause != ep.Cause {
			t.Errorf("%s: diagnosed %s, want %s", k, inc.Diagnosis.Cause, ep.Cause)
		}
	}
	if len(incs[key]) == 0 {
		t.Fatal("the first episode's incident was lost")
	}
	q := r.queueDepth(t)
	if q != 0 {
		t.Errorf("%d alarm events left in the queue after recovery", q)
	}
}

// queueDepth is the alarm queue's visible plus in-flight messages.
func (r *alarmRun) queueDepth(t testing.TB) int {
	t.Helper()
	c := sqs.NewFromConfig(aws.Config{
		Region: "us-east-1", BaseEndpoint: aws.String(r.url),
		Credentials: credentials.NewStaticCredentialsProvider("emulator", "emulator", ""),
	})
	out, err := c.GetQueueAttributes(context.Background(), &sqs.GetQueueAttributesInput{
		QueueUrl: aws.String(r.url + "/" + r.world.Accounts()[0] + "/" + emulator.AlarmQueueName), AttributeNames: []sqstypes.QueueAttributeName{"All"},
	})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := strconv.Atoi(out.Attributes["ApproximateNumberOfMessages"])
	b, _ := strconv.Atoi(out.Attributes["ApproximateNumberOfMessagesNotVisible"])
	return a + b
}
