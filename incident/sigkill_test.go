package incident

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/apigw-triage/apigw-triage/notifier"
)

// crashChildEnv names the store a re-executed test binary delivers from
// before it is killed.
const crashChildEnv = "INCIDENT_SIGKILL_CHILD_STORE"

// fileSink posts to a file standing for the far side (a Slack channel) and
// makes retries idempotent the way the Slack sink does: a checkpointed
// RootTS means the root message exists.
type fileSink struct {
	remote string
	hang   bool // never return after posting: the process is killed there
}

func (s *fileSink) Name() string { return "fake" }

func (s *fileSink) Notify(_ context.Context, d *notifier.Delivery) (bool, error) {
	if d.State.RootTS != "" {
		return false, appendLine(s.remote, "reply "+d.Event.ID+" in "+d.State.RootTS)
	}
	d.State.RootPending = true
	if err := d.Checkpoint(d.State); err != nil {
		return true, err
	}
	if err := appendLine(s.remote, "root "+d.Event.ID); err != nil {
		return true, err
	}
	d.State.RootTS, d.State.RootPending = "1700000000.0001", false
	if err := d.Checkpoint(d.State); err != nil {
		return true, err
	}
	if s.hang {
		_ = appendLine(s.remote, "posted")
		select {}
	}
	return false, nil
}

func appendLine(path, line string) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(f, line)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// TestSIGKILLBetweenSinkAndBookkeeping kills a real process after the sink
// posted and before the outbox recorded it, then restarts on the same store.
func TestSIGKILLBetweenSinkAndBookkeeping(t *testing.T) {
	if path := os.Getenv(crashChildEnv); path != "" {
		crashChild(path)
		return
	}
	dir := t.TempDir()
	path, remote := filepath.Join(dir, "s.db"), filepath.Join(dir, "remote")
	if err := storeWithEvents(t, path, "prod").Close(); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestSIGKILLBetweenSinkAndBookkeeping$")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+path+"|"+remote)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { b, _ := os.ReadFile(remote); return strings.Contains(string(b), "posted") })
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()

	st, err := Open(path, StoreOptions{})
	if err != nil {
		t.Fatalf("restart after SIGKILL: %v", err)
	}
	defer st.Close()
	d := newTestDispatcher(t, st, &fileSink{remote: remote}, &sleepClock{now: t0}, prometheus.NewRegistry())
	runUntil(t, d, func() bool { return d.Depth() == 0 })
	b, _ := os.ReadFile(remote)
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	id := strings.TrimPrefix(lines[0], "root ")
	want := []string{"root " + id, "posted", "reply " + id + " in 1700000000.0001"}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("far side saw\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

// crashChild delivers from the store and hangs after posting, to be killed.
func crashChild(arg string) {
	path, remote, _ := strings.Cut(arg, "|")
	st, err := Open(path, StoreOptions{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	d, err := NewDispatcher(st, &fileSink{remote: remote, hang: true}, DispatcherOptions{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	_ = d.Run(context.Background())
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); !cond(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("condition not reached in 20 s")
		}
	}
}
