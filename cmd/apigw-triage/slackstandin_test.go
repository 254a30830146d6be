package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"sync"
	"testing"
	"time"

	slackapi "github.com/slack-go/slack"
)

// standInMsg is one message the stand-in workspace holds.
type standInMsg struct {
	Channel, TS, ThreadTS, Text string
	Blocks                      string // the blocks as posted (JSON)
	Metadata                    slackapi.SlackMetadata
	// Edits are the metadata of every chat.update of the message, in order.
	Edits []slackapi.SlackMetadata
}

// kind and role read the daemon's message metadata.
func (m standInMsg) kind() string { s, _ := m.Metadata.EventPayload["kind"].(string); return s }
func (m standInMsg) role() string { s, _ := m.Metadata.EventPayload["role"].(string); return s }
func (m standInMsg) incident() string {
	s, _ := m.Metadata.EventPayload["incident_id"].(string)
	return s
}

// slackStandIn is a Slack Web API workspace over loopback, for a daemon in
// another process: chat.postMessage, chat.update, conversations.history and
// conversations.replies (with message metadata), auth.test. It stamps
// messages with wall-clock timestamps as Slack does, so the daemon's
// "oldest" bound after a crash means what it means against Slack.
//
// The first chat.postMessage that hold accepts is stored and its answer
// withheld until the client goes away: Slack has the message, the client
// never learns its ts.
type slackStandIn struct {
	token string
	srv   *httptest.Server

	mu      sync.Mutex
	msgs    []*standInMsg
	seq     int
	badAuth int
	hold    func(standInMsg) bool // nil: hold nothing
	heldTS  string                // the held message's ts, once held
	held    chan struct{}         // closed once a post is stored and held
}

func newSlackStandIn(t *testing.T, token string, hold func(standInMsg) bool) *slackStandIn {
	s := &slackStandIn{token: token, hold: hold, held: make(chan struct{})}
	mux := http.NewServeMux()
	mux.HandleFunc("/api/auth.test", s.authed(s.authTest))
	mux.HandleFunc("/api/chat.postMessage", s.authed(s.post))
	mux.HandleFunc("/api/chat.update", s.authed(s.update))
	mux.HandleFunc("/api/conversations.history", s.authed(s.history))
	mux.HandleFunc("/api/conversations.replies", s.authed(s.replies))
	s.srv = httptest.NewServer(mux)
	t.Cleanup(s.srv.Close)
	return s
}

// apiURL is the value for slack.api_url.
func (s *slackStandIn) apiURL() string { return s.srv.URL + "/api/" }

func answer(w http.ResponseWriter, v map[string]any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// authed answers invalid_auth, as Slack does, unless the bot token comes as
// a bearer header or a "token" form field (slack-go sends either).
func (s *slackStandIn) authed(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		if r.Header.Get("Authorization") != "Bearer "+s.token && r.PostFormValue("token") != s.token {
			s.mu.Lock()
			s.badAuth++
			s.mu.Unlock()
			answer(w, map[string]any{"ok": false, "error": "invalid_auth"})
			return
		}
		h(w, r)
	}
}

func (s *slackStandIn) authTest(w http.ResponseWriter, _ *http.Request) {
	answer(w, map[string]any{"ok": true, "url": "https://standin.slack.com/", "team": "stand-in", "user": "apigw-triage", "team_id": "T0STANDIN", "user_id": "U0STANDIN"})
}

func formMessage(r *http.Request) *standInMsg {
	m := &standInMsg{Channel: r.FormValue("channel"), ThreadTS: r.FormValue("thread_ts"), Text: r.FormValue("text"), Blocks: r.FormValue("blocks")}
	if md := r.FormValue("metadata"); md != "" {
		_ = json.Unmarshal([]byte(md), &m.Metadata)
	}
	return m
}

func (s *slackStandIn) post(w http.ResponseWriter, r *http.Request) {
	m := formMessage(r)
	if m.Channel == "" {
		answer(w, map[string]any{"ok": false, "error": "channel_not_found"})
		return
	}
	s.mu.Lock()
	s.seq++
	m.TS = fmt.Sprintf("%d.%06d", time.Now().Unix(), s.seq)
	s.msgs = append(s.msgs, m)
	hold := s.heldTS == "" && s.hold != nil && s.hold(*m)
	if hold {
		s.heldTS = m.TS
	}
	s.mu.Unlock()
	if hold {
		close(s.held)
		<-r.Context().Done() // until the client is gone
		return
	}
	answer(w, map[string]any{"ok": true, "channel": m.Channel, "ts": m.TS})
}

func (s *slackStandIn) update(w http.ResponseWriter, r *http.Request) {
	u := formMessage(r)
	ts := r.FormValue("ts")
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, m := range s.msgs {
		if m.Channel == u.Channel && m.TS == ts {
			m.Text, m.Blocks, m.Metadata = u.Text, u.Blocks, u.Metadata
			m.Edits = append(m.Edits, u.Metadata)
			answer(w, map[string]any{"ok": true, "channel": m.Channel, "ts": ts, "text": m.Text})
			return
		}
	}
	answer(w, map[string]any{"ok": false, "error": "message_not_found"})
}

// list returns the channel's messages that keep accepts, newest first, no
// older than the request's "oldest", with metadata when asked for.
func (s *slackStandIn) list(r *http.Request, keep func(*standInMsg) bool) []map[string]any {
	oldest, _ := strconv.ParseFloat(r.FormValue("oldest"), 64)
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []map[string]any{}
	for _, m := range s.msgs {
		ts, _ := strconv.ParseFloat(m.TS, 64)
		if m.Channel != r.FormValue("channel") || ts < oldest || !keep(m) {
			continue
		}
		e := map[string]any{"type": "message", "ts": m.TS, "text": m.Text}
		if m.ThreadTS != "" {
			e["thread_ts"] = m.ThreadTS
		}
		if r.FormValue("include_all_metadata") == "1" {
			e["metadata"] = m.Metadata
		}
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i]["ts"].(string) > out[j]["ts"].(string) })
	return out
}

func (s *slackStandIn) history(w http.ResponseWriter, r *http.Request) {
	msgs := s.list(r, func(m *standInMsg) bool { return m.ThreadTS == "" })
	answer(w, map[string]any{"ok": true, "messages": msgs, "has_more": false})
}

func (s *slackStandIn) replies(w http.ResponseWriter, r *http.Request) {
	ts := r.FormValue("ts")
	msgs := s.list(r, func(m *standInMsg) bool { return m.TS == ts || m.ThreadTS == ts })
	answer(w, map[string]any{"ok": true, "messages": msgs, "has_more": false})
}

// messages returns a copy of what the workspace holds, in posting order.
func (s *slackStandIn) messages() []standInMsg {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]standInMsg, len(s.msgs))
	for i, m := range s.msgs {
		out[i] = *m
		out[i].Edits = append([]slackapi.SlackMetadata(nil), m.Edits...)
	}
	return out
}

// heldAndBadAuth returns the held message's ts and how many requests came
// without the bot token.
func (s *slackStandIn) heldAndBadAuth() (string, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.heldTS, s.badAuth
}
