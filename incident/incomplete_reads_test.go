package incident

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/stage"
)

// lacking is an observation whose evidence was read without the reads rs.
func lacking(obs Observation, rs ...stage.Read) Observation {
	obs = partial(obs)
	obs.IncompleteReads = rs
	return obs
}

// TestIncidentKeepsTheReadsItsDiagnosisLacks: the reads that failed go
// with the diagnosis they cost: named while it stands, replaced by those of
// the partial diagnosis that replaces it, cleared by the first read in
// full, and never brought in by a partial read that does not replace a
// complete diagnosis.
func TestIncidentKeepsTheReadsItsDiagnosisLacks(t *testing.T) {
	rules := Rules{}.withDefaults()
	fnErr := diag(classifier.Status502, classifier.CauseLambdaFunctionError)
	unknown := diag(classifier.StatusUnknown, classifier.CauseUnknown)
	steps := []struct {
		name string
		obs  Observation
		want []stage.Read
	}{
		{"opened without the function lookup", lacking(tripped(0.5, unknown), stage.ReadFunctions), []stage.Read{stage.ReadFunctions}},
		{"read again, the logs fail too (named in a fixed order, once)", lacking(tripped(0.5, unknown), stage.ReadLogs, stage.ReadFunctions, stage.ReadLogs), []stage.Read{stage.ReadFunctions, stage.ReadLogs}},
		{"a read a later version names is not kept", lacking(tripped(0.5, unknown), stage.Read("tags"), stage.ReadMetrics), []stage.Read{stage.ReadMetrics}},
		{"read in full", tripped(0.5, fnErr), nil},
		{"a partial read never replaces a complete diagnosis", lacking(tripped(0.5, unknown), stage.ReadLogs), nil},
	}
	var inc *Incident
	for i, s := range steps {
		d := decide(inc, s.obs, t0.Add(time.Duration(i)*time.Minute), rules)
		if d.next != nil {
			inc = d.next
		}
		if got := inc.Info.IncompleteReads; !slices.Equal(got, s.want) {
			t.Fatalf("%s: incomplete reads %v, want %v", s.name, got, s.want)
		}
		if inc.Info.EvidenceIncomplete != (len(s.want) > 0) {
			t.Errorf("%s: evidence incomplete=%v with reads %v", s.name, inc.Info.EvidenceIncomplete, s.want)
		}
	}
}

// TestStoredIncompleteReadsSurviveARestart: the reads are stored with the
// incident; a record written before they were (no IncompleteReads key in
// its info, its outbox event alike) still loads, marked incomplete without
// naming a read, and the next read in full unmarks it.
func TestStoredIncompleteReadsSurviveARestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	clk := clock.NewManual(t0)
	unknown := diag(classifier.StatusUnknown, classifier.CauseUnknown)
	st, m := newTestManager(t, path, clk, "fake")
	tr := observeAt(t, m, clk, 0, lacking(tripped(0.5, unknown), stage.ReadLogs))
	st.Close()

	st, m = newTestManager(t, path, clk, "fake")
	inc, ok := m.Lookup(testStage.Key)
	if !ok || !slices.Equal(inc.Info.IncompleteReads, []stage.Read{stage.ReadLogs}) {
		t.Fatalf("after a restart: open=%v reads %v, want [logs]", ok, inc.Info.IncompleteReads)
	}
	st.Close()

	// The previous version's record: the same JSON without the new key.
	for _, b := range [][]byte{bucketIncidents, bucketOutbox} {
		dropKey(t, path, b, "IncompleteReads")
	}
	st, m = newTestManager(t, path, clk, "fake")
	defer st.Close()
	inc, ok = m.Lookup(testStage.Key)
	if !ok || inc.ID != tr.Incident.ID || !inc.Info.EvidenceIncomplete || inc.Info.IncompleteReads != nil {
		t.Fatalf("old record: open=%v id %q incomplete=%v reads %v; want %s, incomplete, no read named",
			ok, inc.ID, inc.Info.EvidenceIncomplete, inc.Info.IncompleteReads, tr.Incident.ID)
	}
	pending, err := st.head("fake", 10)
	if err != nil || len(pending) != 1 || !pending[0].Event.Snapshot.EvidenceIncomplete {
		t.Fatalf("old outbox: %d pending, err %v; want the opening, marked incomplete", len(pending), err)
	}
	observeAt(t, m, clk, time.Minute, tripped(0.5, diag(classifier.Status502, classifier.CauseLambdaFunctionError)))
	if inc, _ = m.Lookup(testStage.Key); inc.Info.EvidenceIncomplete {
		t.Error("a read in full left the old record marked incomplete")
	}
}

// dropKey rewrites every JSON record of a bucket (and of its nested
// buckets) without key, wherever it appears, as a previous version wrote
// them.
func dropKey(t *testing.T, path string, bucket []byte, key string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	dropped := 0
	var walk func(b *bolt.Bucket) error
	walk = func(b *bolt.Bucket) error {
		return b.ForEach(func(k, v []byte) error {
			if v == nil {
				return walk(b.Bucket(k))
			}
			var rec any
			if json.Unmarshal(v, &rec) != nil {
				return nil
			}
			if !strings.Contains(string(v), `"`+key+`"`) {
				return nil
			}
			dropped++
			out, err := json.Marshal(without(rec, key))
			if err != nil {
				return err
			}
			return b.Put(k, out)
		})
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucket)
		if b == nil {
			return fmt.Errorf("no bucket %s", bucket)
		}
		return walk(b)
	})
	if err != nil {
		t.Fatal(err)
	}
	if dropped == 0 {
		t.Fatalf("no record of %s holds %q: the test no longer writes the old form", bucket, key)
	}
}

func without(v any, key string) any {
	switch x := v.(type) {
	case map[string]any:
		delete(x, key)
		for k, e := range x {
			x[k] = without(e, key)
		}
	case []any:
		for i, e := range x {
			x[i] = without(e, key)
		}
	}
	return v
}

// TestIncompleteEvidenceGauge: apigw_triage_incidents_evidence_incomplete
// counts the open incidents whose diagnosis lacks each read, every read's
// series there at 0 from the start, and follows them back to 0 when a read
// in full or the resolution ends the incident's partial standing.
func TestIncompleteEvidenceGauge(t *testing.T) {
	st, err := Open(filepath.Join(t.TempDir(), "s.db"), StoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	reg := prometheus.NewRegistry()
	clk := clock.NewManual(t0)
	m, err := NewManager(st, ManagerOptions{Clock: clk, Registerer: reg})
	if err != nil {
		t.Fatal(err)
	}
	unknown := diag(classifier.StatusUnknown, classifier.CauseUnknown)
	other := func(obs Observation) Observation {
		obs.Identity = stage.Identity{Key: "a/r/api/dev", APIName: "api", Stage: "dev"}
		return obs
	}
	steps := []struct {
		name                   string
		obs                    Observation
		functions, metrics, lg float64
	}{
		{"nothing open", quiet(), 0, 0, 0},
		{"prod opens without its function lookup and logs", lacking(tripped(0.5, unknown), stage.ReadFunctions, stage.ReadLogs), 1, 0, 1},
		{"dev opens without its logs", other(lacking(tripped(0.5, unknown), stage.ReadLogs)), 1, 0, 2},
		{"prod read again, only its metrics fail", lacking(tripped(0.5, unknown), stage.ReadMetrics), 0, 1, 1},
		{"prod read in full", tripped(0.5, diag(classifier.Status502, classifier.CauseLambdaFunctionError)), 0, 0, 1},
		{"dev resolves", other(cleared()), 0, 0, 0},
	}
	for i, s := range steps {
		observeAt(t, m, clk, time.Duration(i)*time.Minute, s.obs)
		want := fmt.Sprintf(`# HELP apigw_triage_incidents_evidence_incomplete %s
# TYPE apigw_triage_incidents_evidence_incomplete gauge
apigw_triage_incidents_evidence_incomplete{read="functions"} %g
apigw_triage_incidents_evidence_incomplete{read="logs"} %g
apigw_triage_incidents_evidence_incomplete{read="metrics"} %g
`, helpOf(t, reg, "apigw_triage_incidents_evidence_incomplete"), s.functions, s.lg, s.metrics)
		if err := testutil.GatherAndCompare(reg, strings.NewReader(want), "apigw_triage_incidents_evidence_incomplete"); err != nil {
			t.Errorf("after %s: %v", s.name, err)
		}
	}
}

// helpOf returns a registered metric's help text.
func helpOf(t *testing.T, reg *prometheus.Registry, name string) string {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() == name {
			return mf.GetHelp()
		}
	}
	t.Fatalf("%s is not registered", name)
	return ""
}
