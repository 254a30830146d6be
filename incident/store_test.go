package incident

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	bolt "go.etcd.io/bbolt"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/stage"
)

// newTestManager opens a store in dir and a manager on it.
func newTestManager(t *testing.T, path string, clk clock.Clock, sinks ...string) (*Store, *Manager) {
	t.Helper()
	st, err := Open(path, StoreOptions{LockTimeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	m, err := NewManager(st, ManagerOptions{Clock: clk, Registerer: prometheus.NewRegistry(), Sinks: sinks})
	if err != nil {
		st.Close()
		t.Fatal(err)
	}
	return st, m
}

func observeAt(t *testing.T, m *Manager, clk *clock.Manual, at time.Duration, obs Observation) Transition {
	t.Helper()
	clk.Set(t0.Add(at))
	tr, err := m.Observe(context.Background(), obs)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func stageObs(name string, trip bool) Observation {
	return Observation{
		Identity: stage.Identity{Key: "a/r/api/" + name, APIName: "api", Stage: name},
		Figures:  stage.Figures{ErrorRate: 0.5}, Tripped: trip, Clear: !trip,
		Diagnosis: diag(classifier.Status502, classifier.CauseLambdaFunctionError)}
}

func TestStoreReopenKeepsState(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	clk := clock.NewManual(t0)
	st, m := newTestManager(t, path, clk, "slack", "alertmanager")
	observeAt(t, m, clk, 0, stageObs("prod", true))
	observeAt(t, m, clk, 0, stageObs("beta", true))
	observeAt(t, m, clk, 5*time.Minute, stageObs("beta", false))
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	st, m = newTestManager(t, path, clk, "slack", "alertmanager")
	defer st.Close()
	open := m.Open()
	if len(open) != 1 || open[0].Info.Stage != "prod" || open[0].Seq != 1 {
		t.Fatalf("open after reopen = %+v", open)
	}
	resolved, err := st.Incidents(StateResolved, 0)
	if err != nil || len(resolved) != 1 || resolved[0].Info.Stage != "beta" || len(resolved[0].Timeline) != 2 {
		t.Fatalf("resolved after reopen = %+v, %v", resolved, err)
	}
	for _, sink := range []string{"slack", "alertmanager"} {
		if n, _ := st.depth(sink); n != 3 {
			t.Errorf("outbox %s depth = %d, want 3 (two opened, one resolved)", sink, n)
		}
	}
	// The flap rule survives the restart: beta trips again within the cooldown.
	tr := observeAt(t, m, clk, 6*time.Minute, stageObs("beta", true))
	if tr.Incident.ID != resolved[0].ID || tr.Kind != "updated" {
		t.Errorf("beta retrip = %s %s, want the same incident %s updated", tr.Incident.ID, tr.Kind, resolved[0].ID)
	}
}

// validStore writes a store with a few incidents and returns its path.
func validStore(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "state.db")
	clk := clock.NewManual(t0)
	st, m := newTestManager(t, path, clk, "slack")
	for i := range 30 {
		observeAt(t, m, clk, time.Duration(i)*time.Minute, stageObs(strings.Repeat("s", i+1), true))
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestStoreRefusesDamagedFiles(t *testing.T) {
	tests := []struct {
		name    string
		damage  func(t *testing.T, path string)
		wantErr string
	}{
		{"garbage", func(t *testing.T, p string) { write(t, p, bytes.Repeat([]byte("not a database "), 2000)) }, "not a valid store file"},
		{"short garbage", func(t *testing.T, p string) { write(t, p, []byte("hello")) }, "incident store"},
		{"empty file", func(t *testing.T, p string) { write(t, p, nil) }, "file is empty"},
		{"truncated to half", func(t *testing.T, p string) { truncate(t, p, 2) }, "truncated"},
		{"truncated to one page", func(t *testing.T, p string) { truncate(t, p, 0) }, "incident store"},
		{"pages overwritten", func(t *testing.T, p string) { scribble(t, p, 2*4096) }, "damaged file: page 2"},
		{"record that does not decode", func(t *testing.T, p string) { rawPut(t, p, bucketIncidents, "inc-x", "{not json") }, `record "inc-x"`},
		{"newer schema", func(t *testing.T, p string) { rawPut(t, p, bucketMeta, string(keySchema), "99") }, "schema version 99 is newer"},
		{"foreign bbolt file", func(t *testing.T, p string) {
			_ = os.Remove(p)
			rawPut(t, p, []byte("other"), "k", "v")
		}, "not an apigw-triage store"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := validStore(t)
			tt.damage(t, path)
			before, _ := os.ReadFile(path)
			st, err := Open(path, StoreOptions{LockTimeout: 100 * time.Millisecond})
			if err == nil {
				st.Close()
				t.Fatal("Open succeeded on a damaged file")
			}
			if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %q does not name the file and say %q", err, tt.wantErr)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(before, after) {
				t.Errorf("Open changed the damaged file (%d -> %d bytes)", len(before), len(after))
			}
		})
	}
}

func TestStoreLockedByAnotherHandle(t *testing.T) {
	path := validStore(t)
	st, err := Open(path, StoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	start := time.Now()
	_, err = Open(path, StoreOptions{LockTimeout: 200 * time.Millisecond})
	if err == nil || !strings.Contains(err.Error(), "locked by another process") || !strings.Contains(err.Error(), path) {
		t.Fatalf("second open: %v, want a lock error naming the file", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("second open took %s", d)
	}
}

func write(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// truncate cuts the file to its n/2 share, or to one 4 KiB page for n 0.
func truncate(t *testing.T, path string, n int64) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	size := int64(4096)
	if n > 0 {
		size = fi.Size() / n
	}
	if err := os.Truncate(path, size); err != nil {
		t.Fatal(err)
	}
}

func rawPut(t *testing.T, path string, bucket []byte, key, value string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucket)
		if err != nil {
			return err
		}
		return b.Put([]byte(key), []byte(value))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// scribble overwrites the file from offset on, keeping its size and both
// meta pages.
func scribble(t *testing.T, path string, offset int64) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := offset; i < int64(len(b)); i++ {
		b[i] = 0xAB
	}
	write(t, path, b)
}
