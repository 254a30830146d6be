package daemon

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/config"
	"github.com/apigw-triage/apigw-triage/emulator/scenario"
	"github.com/apigw-triage/apigw-triage/incident"
	"github.com/apigw-triage/apigw-triage/notifier"
	"github.com/apigw-triage/apigw-triage/stage"
)

// maskedStage is the catalog's stage whose Lambda errors are answered 200:
// it fails from minute 35 for 10 minutes and trips at 40.
const maskedStage = "billing-masked-200"

// outageRun runs the catalog with maskedStage alone, over loopback through
// the real SDK, with the outage fault sets, for 45 polls, serving HTTP and
// delivering to a Slack incoming-webhook stand-in. It returns the stage's
// incident and checks that while the incident rested on incomplete
// evidence, the read that failed (read) was named where an on-call
// engineer looks: in the store (/api/incidents reads it), on /metrics
// (linted by promtool) and in a Slack message; and that the read in full
// after the outage cleared it.
func outageRun(t *testing.T, read stage.Read, fault func(*scenario.Faults)) incident.Incident {
	t.Helper()
	r := startServedWith(t, catalogSetup{
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
	}, "")
	ctx := context.Background()
	partial := false
	for range 45 {
		r.poll(ctx)
		for _, inc := range r.d.opts.Incidents.Open() {
			if inc.Info.EvidenceIncomplete && !partial {
				partial = true
				checkNamedRead(t, r, inc, read)
			}
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
	if d := inc.Info.Diagnosis; d.Cause != classifier.CauseLambdaErrorMaskedAs200 || inc.Info.EvidenceIncomplete || inc.Info.IncompleteReads != nil {
		t.Errorf("diagnosed %s %s, evidence incomplete=%v reads %v; want %s from evidence read in full after the outage",
			d.Status, d.Cause, inc.Info.EvidenceIncomplete, inc.Info.IncompleteReads, classifier.CauseLambdaErrorMaskedAs200)
	}
	r.settle(t)
	checkMessagesNamed(t, r, read)
	return inc
}

// checkNamedRead: the first incident marked incomplete names read, and only
// it, as the store and /metrics show it.
func checkNamedRead(t *testing.T, r *servedRun, inc incident.Incident, read stage.Read) {
	t.Helper()
	if want := []stage.Read{read}; !slices.Equal(inc.Info.IncompleteReads, want) {
		t.Errorf("incident marked incomplete names reads %v, want %v", inc.Info.IncompleteReads, want)
	}
	var listed struct {
		Incidents []struct {
			ID                 string       `json:"id"`
			EvidenceIncomplete bool         `json:"evidence_incomplete"`
			IncompleteReads    []stage.Read `json:"incomplete_reads"`
		} `json:"incidents"`
	}
	if err := json.Unmarshal(r.get(t, "/api/incidents?state=open"), &listed); err != nil {
		t.Fatal(err)
	}
	if l := listed.Incidents; len(l) != 1 || l[0].ID != inc.ID || !l[0].EvidenceIncomplete || !slices.Equal(l[0].IncompleteReads, []stage.Read{read}) {
		t.Errorf("/api/incidents lists %+v, want %s incomplete without %s", l, inc.ID, read)
	}
	body := r.scrape(t)
	for _, rd := range stage.Reads() {
		want := fmt.Sprintf("apigw_triage_incidents_evidence_incomplete{read=%q} %d", rd, map[bool]int{true: 1}[rd == read])
		if !bytes.Contains(body, []byte(want+"\n")) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	if bytes.Contains(body, fmt.Appendf(nil, "apigw_triage_evidence_reads_failed_total{read=%q} 0\n", read)) {
		t.Errorf("/metrics counts no failed %s read", read)
	}
	lint(t, body)
}

// checkMessagesNamed: a Slack message said what the failed read cost the
// diagnosis (the English sentence up to its first apostrophe, which JSON
// may escape), and that the diagnosis may change.
func checkMessagesNamed(t *testing.T, r *servedRun, read stage.Read) {
	t.Helper()
	sentence := strings.SplitN(notifier.Label(classifier.LangEN, notifier.IncompleteReadLabel(read)), "'", 2)[0]
	mayChange := notifier.Label(classifier.LangEN, notifier.LabelIncompleteMayChange)
	for _, b := range r.bodies.all() {
		var msg any
		if err := json.Unmarshal(b, &msg); err != nil {
			t.Fatalf("webhook body: %v", err)
		}
		if s := string(b); strings.Contains(s, sentence) && strings.Contains(s, mayChange) {
			return
		}
	}
	t.Errorf("no Slack message of %d says %q ... %q", len(r.bodies.all()), sentence, mayChange)
}

// TestDiagnosisOutlivesALogsOutage: maskedStage trips while CloudWatch
// Logs is out (every call answered 503 until the SDK gives up). Its
// incident is diagnosed from the metrics alone and marked as resting on
// incomplete evidence, naming the logs as the read that failed; once Logs
// answers again its evidence is read
// again, and the incident ends diagnosed from its logs, with one update
// naming the cause.
func TestDiagnosisOutlivesALogsOutage(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end run of a catalog stage")
	}
	inc := outageRun(t, stage.ReadLogs, func(f *scenario.Faults) {
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
// function's timeout and custom log group are missing), the incident
// naming the function lookup as the read that failed; once Lambda
// answers, the evidence is read again and the incident ends complete.
func TestFunctionLookupOutageIsReadAgain(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end run of a catalog stage")
	}
	outageRun(t, stage.ReadFunctions, func(f *scenario.Faults) {
		f.LambdaOutages = []scenario.Outage{{Start: scenario.D(36 * time.Minute), Duration: scenario.D(7 * time.Minute)}}
	})
}
