package daemon

import (
	"context"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/config"
	"github.com/apigw-triage/apigw-triage/emulator/scenario"
	"github.com/apigw-triage/apigw-triage/incident"
	"github.com/apigw-triage/apigw-triage/notifier"
)

// maskedStage is the catalog's stage whose Lambda errors are answered 200:
// it fails from minute 35 for 10 minutes and trips at 40.
const maskedStage = "billing-masked-200"

// outageRun runs the catalog with maskedStage alone, over loopback through
// the real SDK, with the outage fault sets, for 45 polls. It returns the
// stage's incident and whether an open incident was ever marked as resting
// on incomplete evidence.
func outageRun(t *testing.T, fault func(*scenario.Faults)) (inc incident.Incident, partial bool) {
	t.Helper()
	r := startCatalog(t, catalogSetup{
		faults: func(sc *scenario.Scenario) {
			reg := &sc.Accounts[0].Regions[0]
			reg.HTTPAPIs, reg.WebSocketAPIs = nil, nil
			for _, a := range reg.RestAPIs {
				if a.Name == maskedStage {
					reg.RestAPIs = []scenario.API{a}
				}
			}
			sc.Faults.ThrottleShare = 0
			fault(&sc.Faults)
		},
		config: func(c *config.Config) { c.AWS.MaxBackoff = 5 * time.Millisecond },
	})
	ctx := context.Background()
	for range 45 {
		r.poll(ctx)
		for _, inc := range r.d.opts.Incidents.Open() {
			partial = partial || inc.Info.EvidenceIncomplete
		}
	}
	eps := r.world.Episodes()
	if len(eps) != 1 || eps[0].APIName != maskedStage {
		t.Fatalf("episodes %+v, want only %s's", eps, maskedStage)
	}
	inc, ok := r.incidentOf(eps[0])
	if !ok {
		t.Fatal("no incident")
	}
	for _, e := range inc.Timeline {
		t.Logf("%s %s %s %s %q", e.At.Format(time.TimeOnly), e.Kind, e.Status, e.Cause, e.Note)
	}
	if !partial {
		t.Fatal("no open incident was ever marked as diagnosed from incomplete evidence")
	}
	if d := inc.Info.Diagnosis; d.Cause != classifier.CauseLambdaErrorMaskedAs200 || inc.Info.EvidenceIncomplete {
		t.Errorf("diagnosed %s %s, evidence incomplete=%v; want %s from evidence read in full after the outage",
			d.Status, d.Cause, inc.Info.EvidenceIncomplete, classifier.CauseLambdaErrorMaskedAs200)
	}
	return inc, partial
}

// TestDiagnosisOutlivesALogsOutage: maskedStage trips while CloudWatch
// Logs is out (every call answered 503 until the SDK gives up). Its
// incident is diagnosed from the metrics alone and marked as resting on
// incomplete evidence; once Logs answers again its evidence is read
// again, and the incident ends diagnosed from its logs, with one update
// naming the cause.
func TestDiagnosisOutlivesALogsOutage(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end run of a catalog stage")
	}
	inc, _ := outageRun(t, func(f *scenario.Faults) {
		f.LogsOutages = []scenario.Outage{{Start: scenario.D(36 * time.Minute), Duration: scenario.D(7 * time.Minute)}}
	})
	named := 0
	for _, e := range inc.Timeline {
		if e.Kind == string(notifier.KindUpdated) && e.Cause == classifier.CauseLambdaErrorMaskedAs200 {
			named++
		}
	}
	if named != 1 {
		t.Errorf("%d updates named %s, want 1", named, classifier.CauseLambdaErrorMaskedAs200)
	}
}

// TestFunctionLookupOutageIsReadAgain: maskedStage trips while Lambda
// answers GetFunctionConfiguration with ServiceException. Its evidence is
// read from the function's default log group and marked incomplete (the
// function's timeout and custom log group are missing); once Lambda
// answers, the evidence is read again and the incident ends complete.
func TestFunctionLookupOutageIsReadAgain(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end run of a catalog stage")
	}
	outageRun(t, func(f *scenario.Faults) {
		f.LambdaOutages = []scenario.Outage{{Start: scenario.D(36 * time.Minute), Duration: scenario.D(7 * time.Minute)}}
	})
}
