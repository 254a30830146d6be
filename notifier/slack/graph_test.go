package slack

import (
	"bytes"
	"errors"
	"log/slog"
	"net/http"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/graph"
	"github.com/apigw-triage/apigw-triage/notifier"
)

// drawn is a real graph of a few windows.
func drawn(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	pts := []graph.Point{{At: t0, ErrorRate: 0.1, Latency: time.Second}, {At: t0.Add(time.Minute), ErrorRate: 0.5, Latency: 2 * time.Second}}
	if err := graph.PNG(&buf, graph.Input{Title: "orders / prod", Points: pts}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func newGraphBot(t *testing.T, f *fakeSlack, logs *bytes.Buffer, g func(string) ([]byte, error)) *Notifier {
	t.Helper()
	n, err := New(Options{
		Token: testToken, APIURL: f.apiURL(), Channel: "C0ALERTS1", ChannelInterval: -1,
		Logger: slog.New(slog.NewTextHandler(logs, nil)), Now: func() time.Time { return t0 }, Graph: g,
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestBotUploadsGraphIntoThreadOnce(t *testing.T) {
	f := newFakeSlack(t)
	png := drawn(t)
	asked := 0
	n := newGraphBot(t, f, &bytes.Buffer{}, func(id string) ([]byte, error) {
		asked++
		if id != event(notifier.KindOpened, 1).IncidentID {
			t.Errorf("graph asked for %q", id)
		}
		return png, nil
	})
	events := lifecycle()
	for i := range events {
		events[i].Snapshot.LatencyStatistic = "p95"
	}
	var s store
	s.deliverAll(t, n, events)
	files := f.completedFiles()
	if len(files) != 1 || asked != 1 {
		t.Fatalf("files shared %d, graph drawn %d times; want 1 each (only with the root)", len(files), asked)
	}
	roots := f.roots()
	if len(roots) != 1 || files[0].Channel != "C0ALERTS1" || files[0].ThreadTS != roots[0].TS {
		t.Errorf("file %s in %s thread %q; want the root's thread %q in C0ALERTS1", files[0].ID, files[0].Channel, files[0].ThreadTS, roots[0].TS)
	}
	// The stage is watched at p95: the title says so, not p99.
	if want := "Error rate · p95 latency"; files[0].Title != want {
		t.Errorf("graph titled %q; want %q", files[0].Title, want)
	}
	if !bytes.Contains(files[0].Data, png) {
		t.Errorf("the uploaded body (%d bytes) does not hold the graph's %d bytes", len(files[0].Data), len(png))
	}
}

func TestBotGraphFailureNeitherBlocksNorRepeats(t *testing.T) {
	for name, setup := range map[string]func(*fakeSlack) func(string) ([]byte, error){
		"upload url refused": func(f *fakeSlack) func(string) ([]byte, error) {
			f.then("/files.getUploadURLExternal", func(w http.ResponseWriter, _ *http.Request) {
				reply(w, map[string]any{"ok": false, "error": "not_allowed_token_type"})
			})
			return func(string) ([]byte, error) { return drawn(t), nil }
		},
		"upload target down": func(f *fakeSlack) func(string) ([]byte, error) {
			f.then(uploadPath, func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusInternalServerError) })
			return func(string) ([]byte, error) { return drawn(t), nil }
		},
		"not drawn": func(*fakeSlack) func(string) ([]byte, error) {
			return func(string) ([]byte, error) { return nil, errors.New("no polled windows") }
		},
	} {
		t.Run(name, func(t *testing.T) {
			f := newFakeSlack(t)
			var logs bytes.Buffer
			n := newGraphBot(t, f, &logs, setup(f))
			var s store
			retry, err := s.deliver(t, n, event(notifier.KindOpened, 1))
			if err != nil || retry {
				t.Fatalf("delivery: retry=%v err=%v; a graph failure must not fail the message", retry, err)
			}
			if len(f.roots()) != 1 || len(f.completedFiles()) != 0 || s.saved.RootTS == "" {
				t.Fatalf("roots %d, files %d, state %+v; want the one root and no file", len(f.roots()), len(f.completedFiles()), s.saved)
			}
			if !bytes.Contains(logs.Bytes(), []byte("slack graph")) {
				t.Errorf("the failure was not logged:\n%s", logs.String())
			}
		})
	}
}
