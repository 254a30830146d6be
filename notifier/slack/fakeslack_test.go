package slack

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"sync"
	"testing"

	slackapi "github.com/slack-go/slack"
	"github.com/slack-go/slack/slacktest"
)

// fakeMsg is one message the fake workspace holds.
type fakeMsg struct {
	Channel, TS, ThreadTS, Text, Blocks string
	Metadata                            slackapi.SlackMetadata
	Edits                               int
}

// fakeSlack is slacktest's server with the methods it lacks (chat.update,
// conversations.history and .replies, an incoming webhook) and with state,
// so tests can count what was posted. script holds handlers that answer the
// next requests to a path instead of the normal one (429s, 500s, ok:false).
type fakeSlack struct {
	t      *testing.T
	srv    *slacktest.Server
	mu     sync.Mutex
	msgs   []*fakeMsg
	seq    int
	script map[string][]http.HandlerFunc
	bodies []string
	calls  map[string]int // requests by path
	files  fakeFiles
}

const webhookPath = "/services/T000/B000/webhooksecretpath123"

func newFakeSlack(t *testing.T) *fakeSlack {
	f := &fakeSlack{t: t, script: map[string][]http.HandlerFunc{}, calls: map[string]int{}}
	f.srv = slacktest.NewTestServer(func(c slacktest.Customize) {
		c.Handle("/chat.postMessage", f.wrap("/chat.postMessage", f.post))
		c.Handle("/chat.update", f.wrap("/chat.update", f.update))
		c.Handle("/conversations.history", f.wrap("/conversations.history", f.history))
		c.Handle("/conversations.replies", f.wrap("/conversations.replies", f.replies))
		c.Handle(webhookPath, f.wrap(webhookPath, f.webhook))
		f.handleUploads(c)
	})
	f.srv.Start()
	t.Cleanup(f.srv.Stop)
	return f
}

func (f *fakeSlack) apiURL() string     { return f.srv.GetAPIURL() }
func (f *fakeSlack) webhookURL() string { return "http://" + f.srv.ServerAddr + webhookPath }

// then queues a handler for the next request to path.
func (f *fakeSlack) then(path string, h http.HandlerFunc) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.script[path] = append(f.script[path], h)
}

func (f *fakeSlack) wrap(path string, normal http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(strings.NewReader(string(body)))
		f.mu.Lock()
		f.bodies = append(f.bodies, r.Header.Get("Authorization")+" "+string(body))
		f.calls[path]++
		h := normal
		if q := f.script[path]; len(q) > 0 {
			h, f.script[path] = q[0], q[1:]
		}
		f.mu.Unlock()
		h(w, r)
	}
}

func reply(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

func (f *fakeSlack) store(m *fakeMsg) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.seq++
	m.TS = fmt.Sprintf("%d.%06d", t0.Unix(), f.seq) // Slack stamps with its own clock, here the tests'
	f.msgs = append(f.msgs, m)
	return m.TS
}

func formMsg(r *http.Request) *fakeMsg {
	_ = r.ParseForm()
	m := &fakeMsg{Channel: r.FormValue("channel"), ThreadTS: r.FormValue("thread_ts"), Text: r.FormValue("text"), Blocks: r.FormValue("blocks")}
	if md := r.FormValue("metadata"); md != "" {
		_ = json.Unmarshal([]byte(md), &m.Metadata)
	}
	if strings.HasPrefix(m.Channel, "#") {
		m.Channel = "C0ALERTS1"
	}
	return m
}

func (f *fakeSlack) post(w http.ResponseWriter, r *http.Request) {
	m := formMsg(r)
	ts := f.store(m)
	reply(w, map[string]any{"ok": true, "channel": m.Channel, "ts": ts})
}

// postThenDrop stores the message and breaks the connection before the
// answer: Slack posted it, the client never learns its ts.
func (f *fakeSlack) postThenDrop(w http.ResponseWriter, r *http.Request) {
	f.store(formMsg(r))
	hj, ok := w.(http.Hijacker)
	if !ok {
		f.t.Fatal("no hijacker")
	}
	conn, _, _ := hj.Hijack()
	_ = conn.Close()
}

func (f *fakeSlack) update(w http.ResponseWriter, r *http.Request) {
	u := formMsg(r)
	ts := r.FormValue("ts")
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, m := range f.msgs {
		if m.Channel == u.Channel && m.TS == ts {
			m.Text, m.Blocks, m.Metadata = u.Text, u.Blocks, u.Metadata
			m.Edits++
			reply(w, map[string]any{"ok": true, "channel": m.Channel, "ts": ts})
			return
		}
	}
	reply(w, map[string]any{"ok": false, "error": "message_not_found"})
}

func (f *fakeSlack) list(r *http.Request, keep func(*fakeMsg) bool) []map[string]any {
	_ = r.ParseForm()
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []map[string]any
	for _, m := range f.msgs {
		latest := r.FormValue("latest")
		if m.Channel != r.FormValue("channel") || m.TS < r.FormValue("oldest") || (latest != "" && m.TS > latest) || !keep(m) {
			continue
		}
		e := map[string]any{"type": "message", "ts": m.TS, "text": m.Text, "thread_ts": m.ThreadTS}
		if m.Blocks != "" {
			e["blocks"] = json.RawMessage(m.Blocks)
		}
		if r.FormValue("include_all_metadata") == "1" {
			e["metadata"] = m.Metadata
		}
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i]["ts"].(string) > out[j]["ts"].(string) })
	return out
}

func (f *fakeSlack) history(w http.ResponseWriter, r *http.Request) {
	reply(w, map[string]any{"ok": true, "messages": f.list(r, func(m *fakeMsg) bool { return m.ThreadTS == "" })})
}

func (f *fakeSlack) replies(w http.ResponseWriter, r *http.Request) {
	ts := r.FormValue("ts")
	reply(w, map[string]any{"ok": true, "messages": f.list(r, func(m *fakeMsg) bool { return m.TS == ts || m.ThreadTS == ts })})
}

func (f *fakeSlack) webhook(w http.ResponseWriter, r *http.Request) {
	var wm slackapi.WebhookMessage
	body, _ := io.ReadAll(r.Body)
	if err := json.Unmarshal(body, &wm); err != nil {
		http.Error(w, "invalid_payload", http.StatusBadRequest)
		return
	}
	blocks, _ := json.Marshal(wm.Blocks)
	f.store(&fakeMsg{Channel: "webhook", Text: wm.Text, Blocks: string(blocks)})
	_, _ = io.WriteString(w, "ok")
}

// messages returns a copy of what the workspace holds.
func (f *fakeSlack) messages() []fakeMsg {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]fakeMsg, len(f.msgs))
	for i, m := range f.msgs {
		out[i] = *m
	}
	return out
}

// roots and threadReplies count by role.
func (f *fakeSlack) roots() []fakeMsg {
	var out []fakeMsg
	for _, m := range f.messages() {
		if m.ThreadTS == "" {
			out = append(out, m)
		}
	}
	return out
}

// threadReplies are the event replies of a thread: the evidence reply
// posted once under a new root is counted by evidenceReplies.
func (f *fakeSlack) threadReplies(rootTS string) []fakeMsg {
	var out []fakeMsg
	for _, m := range f.messages() {
		if m.ThreadTS == rootTS && m.Metadata.EventPayload["role"] != "evidence" {
			out = append(out, m)
		}
	}
	return out
}

func (f *fakeSlack) evidenceReplies(rootTS string) []fakeMsg {
	var out []fakeMsg
	for _, m := range f.messages() {
		if m.ThreadTS == rootTS && m.Metadata.EventPayload["role"] == "evidence" {
			out = append(out, m)
		}
	}
	return out
}
