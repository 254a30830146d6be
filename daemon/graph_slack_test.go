package daemon

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/config"
)

// botStandIn is a Slack Web API over loopback for the bot mode: root posts
// and replies, edits, empty look-ups, and files.uploadV2's three steps.
type botStandIn struct {
	srv      *httptest.Server
	mu       sync.Mutex
	seq      int
	roots    map[string]bool     // ts of root messages
	uploaded map[string][]byte   // file id -> uploaded body
	shared   map[string][][]byte // thread ts -> the bodies of the files shared there
}

func newBotStandIn(t *testing.T) *botStandIn {
	b := &botStandIn{roots: map[string]bool{}, uploaded: map[string][]byte{}, shared: map[string][][]byte{}}
	mux := http.NewServeMux()
	answer := func(w http.ResponseWriter, v map[string]any) {
		v["ok"] = true
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(v)
	}
	mux.HandleFunc("/api/chat.postMessage", func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		b.mu.Lock()
		b.seq++
		ts := fmt.Sprintf("%d.%06d", time.Now().Unix(), b.seq)
		if r.FormValue("thread_ts") == "" {
			b.roots[ts] = true
		}
		b.mu.Unlock()
		answer(w, map[string]any{"channel": r.FormValue("channel"), "ts": ts})
	})
	mux.HandleFunc("/api/chat.update", func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		answer(w, map[string]any{"channel": r.FormValue("channel"), "ts": r.FormValue("ts")})
	})
	for _, m := range []string{"conversations.history", "conversations.replies"} {
		mux.HandleFunc("/api/"+m, func(w http.ResponseWriter, _ *http.Request) { answer(w, map[string]any{"messages": []any{}}) })
	}
	mux.HandleFunc("/api/files.getUploadURLExternal", func(w http.ResponseWriter, _ *http.Request) {
		b.mu.Lock()
		b.seq++
		id := fmt.Sprintf("F%06d", b.seq)
		b.mu.Unlock()
		answer(w, map[string]any{"file_id": id, "upload_url": b.srv.URL + "/upload?file=" + id})
	})
	mux.HandleFunc("/upload", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		b.mu.Lock()
		b.uploaded[r.URL.Query().Get("file")] = body
		b.mu.Unlock()
		_, _ = io.WriteString(w, "OK")
	})
	mux.HandleFunc("/api/files.completeUploadExternal", func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		var files []struct{ ID string }
		_ = json.Unmarshal([]byte(r.FormValue("files")), &files)
		b.mu.Lock()
		for _, f := range files {
			b.shared[r.FormValue("thread_ts")] = append(b.shared[r.FormValue("thread_ts")], b.uploaded[f.ID])
		}
		b.mu.Unlock()
		answer(w, map[string]any{"files": []map[string]any{{"id": "F", "title": "graph"}}})
	})
	b.srv = httptest.NewServer(mux)
	t.Cleanup(b.srv.Close)
	return b
}

// graphs counts the PNGs shared into root messages' threads (a digest's
// thread holds one per incident it announced) and lists the roots whose
// thread holds none.
func (b *botStandIn) graphs() (pngs int, missing []string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for ts := range b.roots {
		n := 0
		for _, f := range b.shared[ts] {
			if bytes.Contains(f, []byte("\x89PNG\r\n\x1a\n")) {
				n++
			}
		}
		if n == 0 {
			missing = append(missing, ts)
		}
		pngs += n
	}
	return pngs, missing
}

// TestBotModeGraphInEveryThread runs the daemon in bot mode against the
// emulator's catalog: every new incident gets its graph, a PNG, uploaded
// into its thread: under its own root message, or under its details in
// the thread of the digest that announced it with others.
func TestBotModeGraphInEveryThread(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end run of the catalog")
	}
	slack := newBotStandIn(t)
	r := startCatalog(t, catalogSetup{config: func(c *config.Config) {
		c.Slack.Token, c.Slack.WebhookURL = config.NewSecret("xoxb-test-token"), config.Secret{}
		c.Slack.APIURL, c.Slack.Channel, c.Slack.MinInterval = slack.srv.URL+"/api/", "C0ALERTS1", -1
		// Each incident its own root: the catalog opens five or more at
		// once early on, which would otherwise make one digest root.
		c.Slack.DigestThreshold = 0
	}})
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for _, run := range r.d.opts.Runners {
		wg.Go(func() {
			if err := run.Run(ctx); err != nil && !errors.Is(err, context.Canceled) {
				t.Errorf("dispatcher: %v", err)
			}
		})
	}
	t.Cleanup(func() { cancel(); wg.Wait() })
	r.pollUntilOpen(t)
	for range 6 { // a few more incidents open meanwhile
		r.poll(context.Background())
	}
	opened := len(r.d.opts.Incidents.Open())
	deadline := time.Now().Add(30 * time.Second)
	for {
		pngs, missing := slack.graphs()
		if pngs >= opened && len(missing) == 0 {
			t.Logf("%d incidents open, %d graphs in their threads", opened, pngs)
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d incidents open, %d graphs in their threads, %d threads without one", opened, pngs, len(missing))
		}
		time.Sleep(50 * time.Millisecond)
	}
}
