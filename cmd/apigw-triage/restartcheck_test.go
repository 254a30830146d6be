package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/apigw-triage/apigw-triage/classifier"
)

// topLevel returns the channel's top-level messages.
func topLevel(msgs []standInMsg) []standInMsg {
	var out []standInMsg
	for _, m := range msgs {
		if m.ThreadTS == "" {
			out = append(out, m)
		}
	}
	return out
}

// resolvedThread reports whether the workspace shows a resolved incident:
// a root edited to the resolved state with a resolution reply in its thread
// (any root: a duplicate one is reported by checkOneThread, not waited on).
func resolvedThread(msgs []standInMsg) bool {
	for _, root := range topLevel(msgs) {
		if n := len(root.Edits); n == 0 || root.Edits[n-1].EventPayload["kind"] != "resolved" {
			continue
		}
		for _, m := range msgs {
			if m.ThreadTS == root.TS && m.kind() == "resolved" {
				return true
			}
		}
	}
	return false
}

// checkOneThread asserts the channel holds one incident's thread: one root,
// every other message a reply in its thread (and at most one evidence
// reply, posted under the root), each event posted once (the
// held post is the one kept, not posted again), one resolution, the root's
// last edit showing the resolved state, every message naming the
// scenario's cause.
func checkOneThread(t *testing.T, msgs []standInMsg, heldTS string) {
	t.Helper()
	held := false
	title := classifier.Remediate(classifier.CauseLambdaInvokePermission, classifier.LangEN).Title
	for _, m := range msgs {
		held = held || m.TS == heldTS
		if !strings.Contains(m.Text, title) {
			t.Errorf("message %s (%s) does not name the cause %q: %q", m.TS, m.kind(), title, m.Text)
		}
	}
	if !held {
		t.Errorf("the held post %s is not in the channel:\n%s", heldTS, describe(msgs))
	}
	roots := topLevel(msgs)
	if len(roots) != 1 {
		t.Fatalf("%d top-level messages, want exactly 1 root:\n%s", len(roots), describe(msgs))
	}
	root := roots[0]
	if root.Channel != restartChannel || root.role() != "root" || root.incident() == "" {
		t.Errorf("the top-level message is not the incident's root in %s:\n%s", restartChannel, describe(msgs))
	}
	posted := map[string]bool{}
	resolutions, evidence := 0, 0
	for _, m := range msgs {
		if m.TS == root.TS {
			continue
		}
		if m.role() == "evidence" && m.ThreadTS == root.TS {
			if evidence++; evidence > 1 {
				t.Errorf("the evidence was posted twice:\n%s", describe(msgs))
			}
			continue
		}
		if m.ThreadTS != root.TS || m.role() != "reply" || m.incident() != root.incident() {
			t.Errorf("message %s is not a reply in the root's thread %s:\n%s", m.TS, root.TS, describe(msgs))
		}
		id, _ := m.Metadata.EventPayload["event_id"].(string)
		if posted[id] {
			t.Errorf("event %s was posted twice:\n%s", id, describe(msgs))
		}
		posted[id] = true
		switch m.kind() {
		case "opened":
			t.Errorf("the opened event was posted again, as reply %s:\n%s", m.TS, describe(msgs))
		case "resolved":
			resolutions++
		}
	}
	if resolutions != 1 {
		t.Errorf("%d resolution replies, want 1:\n%s", resolutions, describe(msgs))
	}
	if n := len(root.Edits); n == 0 || root.Edits[n-1].EventPayload["kind"] != "resolved" || !strings.Contains(root.Text, "Resolved") {
		t.Errorf("the root was not edited to the resolved state (%d edits, text %q)", n, root.Text)
	}
}

// describe lists the messages for a failure message.
func describe(msgs []standInMsg) string {
	var b strings.Builder
	for _, m := range msgs {
		fmt.Fprintf(&b, "  ts=%s thread_ts=%q role=%s kind=%s incident=%s edits=%d\n",
			m.TS, m.ThreadTS, m.role(), m.kind(), m.incident(), len(m.Edits))
	}
	return b.String()
}
