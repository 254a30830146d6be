package slack

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/notifier"
)

func eventByID(evs []notifier.Event, id any) *notifier.Event {
	for i := range evs {
		if evs[i].ID == id {
			return &evs[i]
		}
	}
	return nil
}

// oncallFor502 routes every incident to the default channel and mentions
// the on-call group for 502s only.
func oncallFor502(notifier.Snapshot) Route {
	return Route{Mention: "S0ONCALL1", MentionStatuses: []classifier.Status{classifier.Status502}}
}

func newDigestBot(t *testing.T, f *fakeSlack, route func(notifier.Snapshot) Route) *Notifier {
	t.Helper()
	n, err := New(Options{
		Token: testToken, APIURL: f.apiURL(), Channel: "C0ALERTS1", Route: route, ChannelInterval: -1,
		Now: func() time.Time { return t0 },
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestDigestIsOneMessageWithTheDetailsInItsThread(t *testing.T) {
	f := newFakeSlack(t)
	o := newOutbox()
	evs := storm(7)
	if _, err := o.batch(t, newDigestBot(t, f, oncallFor502), evs); err != nil {
		t.Fatal(err)
	}
	roots := f.roots()
	if len(roots) != 1 {
		t.Fatalf("top-level messages = %d, want 1", len(roots))
	}
	root := roots[0]
	if root.Metadata.EventPayload["role"] != roleDigest || len(splitIDs(root.Metadata.EventPayload["event_ids"])) != 7 {
		t.Errorf("digest metadata = %v, want the 7 event ids", root.Metadata.EventPayload)
	}
	// Two of the seven are 502s; the group is mentioned once.
	if got := strings.Count(root.Text, "<!subteam^S0ONCALL1>"); got != 1 {
		t.Errorf("digest text mentions the group %d times, want 1: %q", got, root.Text)
	}
	replies := f.threadReplies(root.TS)
	if len(replies) != 7 {
		t.Fatalf("thread replies = %d, want 7", len(replies))
	}
	// The worst incident first, in the digest and in the thread.
	rate := 2.0
	for i, r := range replies {
		ev := eventByID(evs, r.Metadata.EventPayload["event_id"])
		if ev == nil || ev.Snapshot.ErrorRate > rate || strings.Contains(r.Text+r.Blocks, "subteam") {
			t.Fatalf("reply %d: metadata %v, text %q: want the next worst event, no mention", i, r.Metadata.EventPayload, r.Text)
		}
		rate = ev.Snapshot.ErrorRate
		if !strings.Contains(r.Blocks, ev.Snapshot.Diagnosis.Cause.String()) {
			t.Errorf("reply %d lacks its diagnosis", i)
		}
		if line := lineBlockID(ev.IncidentID); !strings.Contains(root.Blocks, fmt.Sprintf("%q", line)) {
			t.Errorf("digest lacks the line of %s", ev.IncidentID)
		}
	}
	for _, ev := range evs {
		st := o.saved[ev.IncidentID]
		if st.RootTS != root.TS || st.RootPending || st.Extra[extraDigest] == "" || st.Extra[extraDetail] != ev.ID {
			t.Errorf("%s: state %+v, want the digest as root, details shown", ev.IncidentID, st)
		}
	}
}

func TestDigestCrashAfterPostRecoversWithoutASecondDigest(t *testing.T) {
	f := newFakeSlack(t)
	o := newOutbox()
	evs := storm(7)
	f.then("/chat.postMessage", f.postThenDrop)
	if retry, err := o.batch(t, newDigestBot(t, f, nil), evs); err == nil || !retry {
		t.Fatalf("interrupted digest: retry=%v err=%v, want a retryable error", retry, err)
	}
	for _, ev := range evs {
		if st := o.saved[ev.IncidentID]; !st.RootPending || st.RootTS != "" {
			t.Fatalf("%s: checkpointed %+v, want RootPending without RootTS", ev.IncidentID, st)
		}
	}
	restarted := newDigestBot(t, f, nil)
	if _, err := o.batch(t, restarted, evs); err != nil {
		t.Fatalf("after restart: %v", err)
	}
	roots := f.roots()
	if len(roots) != 1 {
		t.Fatalf("top-level messages = %d, want exactly 1", len(roots))
	}
	if n := len(f.threadReplies(roots[0].TS)); n != 7 {
		t.Errorf("thread replies = %d, want 7", n)
	}
	for _, ev := range evs {
		if st := o.saved[ev.IncidentID]; st.RootTS != roots[0].TS || st.RootPending {
			t.Errorf("%s: state %+v, want the recovered digest", ev.IncidentID, st)
		}
	}
}

func TestDigestCrashAmongTheRepliesDoublesNone(t *testing.T) {
	f := newFakeSlack(t)
	o := newOutbox()
	evs := storm(7)
	for range 4 { // the digest and three replies go through, the fourth is lost
		f.then("/chat.postMessage", f.post)
	}
	f.then("/chat.postMessage", f.postThenDrop)
	if _, err := o.batch(t, newDigestBot(t, f, nil), evs); err == nil {
		t.Fatal("interrupted reply: no error")
	}
	if _, err := o.batch(t, newDigestBot(t, f, nil), evs); err != nil {
		t.Fatalf("redelivery: %v", err)
	}
	roots := f.roots()
	if len(roots) != 1 {
		t.Fatalf("top-level messages = %d, want 1", len(roots))
	}
	seen := map[any]int{}
	for _, r := range f.threadReplies(roots[0].TS) {
		seen[r.Metadata.EventPayload["event_id"]]++
	}
	for _, ev := range evs {
		if seen[ev.ID] != 1 {
			t.Errorf("%s: %d replies, want 1", ev.ID, seen[ev.ID])
		}
	}
}

func TestDigestFollowUpsLandInItsThreadAndEditTheirLine(t *testing.T) {
	f := newFakeSlack(t)
	o := newOutbox()
	n := newDigestBot(t, f, nil)
	evs := storm(7)
	if _, err := o.batch(t, n, evs); err != nil {
		t.Fatal(err)
	}
	before := f.roots()[0]
	steps := []notifier.Event{later(evs[2], notifier.KindResolved, 2), later(evs[4], notifier.KindUpdated, 2)}
	for _, ev := range steps {
		if err := o.one(t, n, ev); err != nil {
			t.Fatalf("%s: %v", ev.ID, err)
		}
	}
	roots := f.roots()
	if len(roots) != 1 {
		t.Fatalf("top-level messages = %d, want 1", len(roots))
	}
	digest := roots[0]
	replies := f.threadReplies(digest.TS)
	if len(replies) != 9 || replies[7].Metadata.EventPayload["event_id"] != steps[0].ID {
		t.Fatalf("thread: %d replies, 8th %v; want 9 with the resolution 8th", len(replies), replies[min(7, len(replies)-1)].Metadata.EventPayload)
	}
	resolvedLine := blockText(t, digest.Blocks, lineBlockID(evs[2].IncidentID))
	if !strings.Contains(resolvedLine, ":white_check_mark:") || !strings.Contains(resolvedLine, "Resolved") {
		t.Errorf("resolved line = %q", resolvedLine)
	}
	if got := blockText(t, digest.Blocks, lineBlockID(evs[4].IncidentID)); !strings.Contains(got, "504") {
		t.Errorf("updated line = %q, want the new status", got)
	}
	if got := blockText(t, digest.Blocks, blockDigestSummary); !strings.Contains(got, "1 of 7 resolved") {
		t.Errorf("summary = %q", got)
	}
	for _, i := range []int{0, 1, 3, 5, 6} {
		id := lineBlockID(evs[i].IncidentID)
		if blockText(t, before.Blocks, id) != blockText(t, digest.Blocks, id) {
			t.Errorf("line of %s changed", evs[i].IncidentID)
		}
	}
	if digest.Metadata.EventPayload["resolved_ids"] != evs[2].IncidentID || digest.Edits != 2 {
		t.Errorf("digest edited %d times, metadata %v", digest.Edits, digest.Metadata.EventPayload)
	}
}

func TestDigestAllResolvedTurnsTheHeader(t *testing.T) {
	f := newFakeSlack(t)
	o := newOutbox()
	n := newDigestBot(t, f, nil)
	evs := storm(3)
	if _, err := o.batch(t, n, evs); err != nil {
		t.Fatal(err)
	}
	for _, ev := range append(evs, evs[0]) { // a repeated resolution counts once
		if err := o.one(t, n, later(ev, notifier.KindResolved, 2)); err != nil {
			t.Fatal(err)
		}
	}
	blocks := f.roots()[0].Blocks
	if got := blockText(t, blocks, blockDigestHead); !strings.HasPrefix(got, ":white_check_mark:") {
		t.Errorf("header = %q", got)
	}
	if got := blockText(t, blocks, blockDigestSummary); !strings.Contains(got, "3 of 3 resolved") {
		t.Errorf("summary = %q", got)
	}
}

func TestDigestPerChannel(t *testing.T) {
	f := newFakeSlack(t)
	o := newOutbox()
	route := func(inc notifier.Snapshot) Route {
		switch inc.APIName {
		case "payments-api", "search":
			return Route{Channel: "C0PAYMENT1"}
		case "inventory":
			return Route{Channel: "C0STOCK001"}
		}
		return Route{}
	}
	if _, err := o.batch(t, newDigestBot(t, f, route), storm(7)); err != nil {
		t.Fatal(err)
	}
	byChannel := map[string][]fakeMsg{}
	for _, r := range f.roots() {
		byChannel[r.Channel] = append(byChannel[r.Channel], r)
	}
	tests := []struct {
		channel, role string
		replies       int
	}{
		{"C0ALERTS1", roleDigest, 4},
		{"C0PAYMENT1", roleDigest, 2},
		{"C0STOCK001", "root", 0}, // alone in its channel: the usual root message
	}
	for _, tt := range tests {
		t.Run(tt.channel, func(t *testing.T) {
			got := byChannel[tt.channel]
			if len(got) != 1 || got[0].Metadata.EventPayload["role"] != tt.role {
				t.Fatalf("top-level messages = %+v, want one %s", got, tt.role)
			}
			if n := len(f.threadReplies(got[0].TS)); n != tt.replies {
				t.Errorf("replies = %d, want %d", n, tt.replies)
			}
		})
	}
}

func TestDigestOneChannelFailingDoesNotHoldTheOthers(t *testing.T) {
	f := newFakeSlack(t)
	o := newOutbox()
	route := func(inc notifier.Snapshot) Route {
		if inc.APIName == "inventory" || inc.APIName == "users-api" {
			return Route{Channel: "C0GONE0001"} // the worst two, so the first post
		}
		return Route{}
	}
	f.then("/chat.postMessage", func(w http.ResponseWriter, _ *http.Request) {
		reply(w, map[string]any{"ok": false, "error": "channel_not_found"})
	})
	retry, err := o.batch(t, newDigestBot(t, f, route), storm(7))
	if err == nil || retry || !strings.Contains(err.Error(), "channel_not_found") {
		t.Fatalf("retry=%v err=%v, want the permanent error", retry, err)
	}
	roots := f.roots()
	if len(roots) != 1 || roots[0].Channel != "C0ALERTS1" || len(f.threadReplies(roots[0].TS)) != 5 {
		t.Fatalf("top-level messages %+v, want the other channel's digest with 5 replies", roots)
	}
}

func TestWebhookDigestIsOneMessage(t *testing.T) {
	f := newFakeSlack(t)
	n, err := New(Options{WebhookURL: f.webhookURL(), ChannelInterval: -1, Route: oncallFor502})
	if err != nil {
		t.Fatal(err)
	}
	evs := storm(7)
	if _, err := n.NotifyBatch(t.Context(), newOutbox().deliveries(evs)); err != nil {
		t.Fatal(err)
	}
	msgs := f.messages()
	if len(msgs) != 1 {
		t.Fatalf("webhook messages = %d, want 1", len(msgs))
	}
	for _, ev := range evs {
		if !strings.Contains(msgs[0].Blocks, ev.Snapshot.APIName) {
			t.Errorf("digest lacks %s", ev.Snapshot.APIName)
		}
	}
	if strings.Count(msgs[0].Text, "<!subteam^S0ONCALL1>") != 1 || strings.Contains(msgs[0].Blocks, "thread") {
		t.Errorf("text %q: want one mention and no pointer to a thread", msgs[0].Text)
	}
}

func TestDigestOfSixtyStaysWithinLimits(t *testing.T) {
	f := newFakeSlack(t)
	o := newOutbox()
	if _, err := o.batch(t, newDigestBot(t, f, oncallFor502), storm(60)); err != nil {
		t.Fatal(err)
	}
	roots := f.roots()
	if len(roots) != 1 || len(f.threadReplies(roots[0].TS)) != 60 {
		t.Fatalf("%d top-level messages, want 1 with 60 replies", len(roots))
	}
	m := renderDigest(goldenDigest(60, 0))
	checkLimits(t, m)
	if got := blockText(t, marshalBlocks(t, m), blockDigestMore); !strings.Contains(got, "and 20 more") {
		t.Errorf("overflow line = %q", got)
	}
	if n := utf8.RuneCountInString(m.Text); n > maxDigestText {
		t.Errorf("text of %d characters", n)
	}
}
