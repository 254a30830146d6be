package daemon

import (
	"context"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/config"
	"github.com/apigw-triage/apigw-triage/emulator/scenario"
	"github.com/apigw-triage/apigw-triage/notifier"
)

// TestDiagnosisOutlivesALogsOutage: the catalog's stage whose Lambda
// errors are answered 200 trips while CloudWatch Logs is out (every call
// answered 503 until the SDK gives up), over loopback through the real
// SDK. Its incident is diagnosed from the metrics alone and marked as
// resting on incomplete evidence; once Logs answers again its evidence is
// read again, and the incident ends diagnosed from its logs, with one
// update naming the cause.
func TestDiagnosisOutlivesALogsOutage(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end run of a catalog stage")
	}
	const api = "billing-masked-200" // fails from minute 35 for 10 minutes, trips at 40
	r := startCatalog(t, catalogSetup{
		faults: func(sc *scenario.Scenario) {
			reg := &sc.Accounts[0].Regions[0]
			reg.HTTPAPIs, reg.WebSocketAPIs = nil, nil
			for _, a := range reg.RestAPIs {
				if a.Name == api {
					reg.RestAPIs = []scenario.API{a}
				}
			}
			sc.Faults.ThrottleShare = 0
			sc.Faults.LogsOutages = []scenario.Outage{{Start: scenario.D(36 * time.Minute), Duration: scenario.D(7 * time.Minute)}}
		},
		config: func(c *config.Config) { c.AWS.MaxBackoff = 5 * time.Millisecond },
	})
	ctx := context.Background()
	partial := false
	for range 45 {
		r.poll(ctx)
		for _, inc := range r.d.opts.Incidents.Open() {
			partial = partial || inc.Info.EvidenceIncomplete
		}
	}
	eps := r.world.Episodes()
	if len(eps) != 1 || eps[0].APIName != api {
		t.Fatalf("episodes %+v, want only %s's", eps, api)
	}
	inc, ok := r.incidentOf(eps[0])
	if !ok {
		t.Fatal("no incident")
	}
	if d := inc.Info.Diagnosis; d.Cause != classifier.CauseLambdaErrorMaskedAs200 || inc.Info.EvidenceIncomplete {
		t.Errorf("diagnosed %s %s, evidence incomplete=%v; want %s from the logs read after the outage",
			d.Status, d.Cause, inc.Info.EvidenceIncomplete, classifier.CauseLambdaErrorMaskedAs200)
	}
	named := 0
	for _, e := range inc.Timeline {
		t.Logf("%s %s %s %s %q", e.At.Format(time.TimeOnly), e.Kind, e.Status, e.Cause, e.Note)
		if e.Kind == string(notifier.KindUpdated) && e.Cause == classifier.CauseLambdaErrorMaskedAs200 {
			named++
		}
	}
	if !partial {
		t.Fatal("no open incident was ever marked as diagnosed from incomplete evidence")
	}
	if named != 1 {
		t.Errorf("%d updates named %s, want 1", named, classifier.CauseLambdaErrorMaskedAs200)
	}
}
