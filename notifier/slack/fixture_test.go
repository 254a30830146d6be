package slack

import (
	"bytes"
	"fmt"
	"log/slog"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/notifier"
)

const testToken = "xoxb-1111-2222-SeCrEtToKeN"

var t0 = time.Date(2026, 3, 14, 9, 26, 0, 0, time.UTC)

// incident is a REST API failing with Lambda function errors.
func incident() notifier.Snapshot {
	return notifier.Snapshot{
		Identity: stage.New("123456789012", "eu-west-1", stage.APIREST, "a1b2c3d4e5", "orders-api", "prod"),
		OpenedAt: t0,
		Figures: stage.Figures{
			WindowStart: t0.Add(-5 * time.Minute), WindowEnd: t0, PeriodStart: t0.Add(-time.Minute), Period: time.Minute,
			ErrorRate: 0.125, Errors5xx: 300, Requests: 2400, Latency: 2300 * time.Millisecond,
		},
		Scope: stage.EvidenceScope{Start: t0.Add(-10 * time.Minute), End: t0, Method: "POST", Resource: "/orders", ResourceID: "x7k2p9"},
		Diagnosis: classifier.Diagnosis{
			Status: classifier.Status502, Cause: classifier.CauseLambdaFunctionError, Confidence: 0.92,
			APIType: stage.APIREST, RequestIDs: []string{"4f1c2d3e-aaaa-bbbb-cccc-0123456789ab"},
			Evidence: []string{
				"(4f1c2d3e-aaaa-bbbb-cccc-0123456789ab) Endpoint response body before transformations: {\"errorMessage\":\"boom\"}",
				"(4f1c2d3e-aaaa-bbbb-cccc-0123456789ab) Lambda execution failed with status 200 due to customer function error: boom",
			},
			Remediation: classifier.Advice{Lang: classifier.LangEN, Title: "The Lambda function threw an error",
				Steps: []string{"Open the function's logs for the request ids above.", "Fix the error or return a 5xx proxy response yourself."}},
			Backoff:   classifier.BackoffHint{Jitter: "none", Note: "Retrying will not help: the function fails for these inputs."},
			Why:       "Lambda reported a function error for 300 of 300 failed requests.",
			Breakdown: []classifier.BreakdownRow{{Cause: classifier.CauseLambdaFunctionError, Status: classifier.Status502, Requests: 20}},
			Failed:    20,
		},
	}
}

// event returns the incident's event of a kind, with the figures that kind
// would carry.
func event(kind notifier.Kind, seq int) notifier.Event {
	inc := incident()
	switch kind {
	case notifier.KindUpdated:
		prev := inc.Diagnosis
		inc.Previous = &prev
		inc.Diagnosis.Cause, inc.Diagnosis.Status = classifier.CauseLambdaFunctionTimeout, classifier.Status504
		inc.Diagnosis.Breakdown = []classifier.BreakdownRow{
			{Cause: classifier.CauseLambdaFunctionTimeout, Status: classifier.Status504, Requests: 40},
			{Cause: classifier.CauseLambdaFunctionError, Status: classifier.Status502, Requests: 12},
		}
		inc.LikelyTimeout, inc.Latency = true, 29*time.Second
		inc.Routes = []stage.RouteFigures{
			{Route: "POST /orders", Errors5xx: 38, Requests: 41},
			{Route: "GET /orders/{id}", Errors5xx: 14, Requests: 230},
		}
	case notifier.KindReminder:
		inc.WindowStart, inc.WindowEnd = t0.Add(55*time.Minute), t0.Add(time.Hour)
	case notifier.KindResolved:
		inc.Peak = inc.Figures
		inc.ResolvedAt = t0.Add(83 * time.Minute)
		inc.ErrorRate, inc.Errors5xx = 0, 0
		inc.WindowStart, inc.WindowEnd, inc.PeriodStart = t0.Add(78*time.Minute), t0.Add(83*time.Minute), t0.Add(82*time.Minute)
	}
	return notifier.Event{
		ID: fmt.Sprintf("inc-1/%d", seq), IncidentID: "inc-1", Seq: seq, Kind: kind,
		At: t0.Add(time.Duration(seq) * time.Minute), Snapshot: inc,
	}
}

// lifecycle is an incident's events in order.
func lifecycle() []notifier.Event {
	return []notifier.Event{
		event(notifier.KindOpened, 1), event(notifier.KindUpdated, 2),
		event(notifier.KindReminder, 3), event(notifier.KindResolved, 4),
	}
}

// newBot returns a bot-mode sink against the fake, logging into logs.
func newBot(t *testing.T, f *fakeSlack, logs *bytes.Buffer) *Notifier {
	t.Helper()
	if logs == nil {
		logs = &bytes.Buffer{}
	}
	n, err := New(Options{
		Token: testToken, APIURL: f.apiURL(), Channel: "C0ALERTS1", ChannelInterval: -1,
		Logger: slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Now:    func() time.Time { return t0 },
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// store is the outbox's bookkeeping as the sink sees it: the last state
// checkpointed or saved after a delivery.
type store struct{ saved notifier.SinkState }

// deliver runs one delivery from the saved state, as the outbox would, and
// saves the state when Notify returns. A crash is a lost answer: the state
// saved is then what the sink knew, RootPending and no RootTS.
func (s *store) deliver(t *testing.T, n *Notifier, ev notifier.Event) (bool, error) {
	t.Helper()
	d := &notifier.Delivery{Event: ev, State: s.saved, Attempt: 1,
		Checkpoint: func(st notifier.SinkState) error { s.saved = st; return nil }}
	d.State.Extra = cloneExtra(s.saved.Extra)
	retry, err := n.Notify(t.Context(), d)
	s.saved = d.State
	return retry, err
}

// deliverAll delivers events in order, as the dispatcher would, failing
// the test at the first error.
func (s *store) deliverAll(t *testing.T, n *Notifier, events []notifier.Event) {
	t.Helper()
	for _, ev := range events {
		if _, err := s.deliver(t, n, ev); err != nil {
			t.Fatalf("%s: %v", ev.Kind, err)
		}
	}
}

func cloneExtra(m map[string]string) map[string]string {
	if m == nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
