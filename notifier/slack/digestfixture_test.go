package slack

import (
	"fmt"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/notifier"
)

// stormCause is one kind of failure of the storm fixture.
type stormCause struct {
	status classifier.Status
	cause  classifier.Cause
	title  string
}

var stormCauses = []stormCause{
	{classifier.Status502, classifier.CauseLambdaFunctionError, "The Lambda function threw an error"},
	{classifier.Status504, classifier.CauseIntegrationTimeout, "The integration timed out"},
	{classifier.Status503, classifier.CauseBackendUnavailable, "The backend is unavailable"},
	{classifier.Status500, classifier.CauseAuthorizerError, "The Lambda authorizer failed"},
}

var stormAPIs = []string{"orders-api", "payments-api", "catalog", "checkout-http", "search", "users-api", "inventory"}

// stormEvent is the opened event of the i-th incident of a storm (from 1):
// different APIs and causes, as when a shared dependency fails.
func stormEvent(i int) notifier.Event {
	inc := incident()
	c := stormCauses[(i-1)%len(stormCauses)]
	inc.APIName = stormAPIs[(i-1)%len(stormAPIs)]
	if i > len(stormAPIs) {
		inc.APIName = fmt.Sprintf("%s-%d", inc.APIName, i)
	}
	inc.ErrorRate = 0.05 + float64(i%9)*0.04
	inc.Diagnosis.Status, inc.Diagnosis.Cause = c.status, c.cause
	inc.Diagnosis.Remediation.Title = c.title
	id := fmt.Sprintf("inc-20260314T092600Z-%d", i)
	return notifier.Event{ID: id + "#1", IncidentID: id, Seq: 1, Kind: notifier.KindOpened, At: t0, Snapshot: inc}
}

func storm(n int) []notifier.Event {
	out := make([]notifier.Event, n)
	for i := range out {
		out[i] = stormEvent(i + 1)
	}
	return out
}

// later is a later event of a storm incident.
func later(ev notifier.Event, kind notifier.Kind, seq int) notifier.Event {
	ev.Kind, ev.Seq = kind, seq
	ev.ID = fmt.Sprintf("%s#%d", ev.IncidentID, seq)
	ev.At = t0.Add(time.Duration(seq) * time.Minute)
	switch kind {
	case notifier.KindResolved:
		ev.Snapshot.ResolvedAt = t0.Add(41 * time.Minute)
		ev.Snapshot.ErrorRate, ev.Snapshot.Errors5xx = 0, 0
	case notifier.KindUpdated:
		prev := ev.Snapshot.Diagnosis
		ev.Snapshot.Previous = &prev
		ev.Snapshot.Diagnosis.Cause, ev.Snapshot.Diagnosis.Status = classifier.CauseLambdaFunctionTimeout, classifier.Status504
	}
	return ev
}

// outbox keeps each incident's saved sink state, as the incident store
// does, and delivers batches and single events from it.
type outbox struct{ saved map[string]notifier.SinkState }

func newOutbox() *outbox { return &outbox{saved: map[string]notifier.SinkState{}} }

// deliveries builds the sink's view of events, each with its saved state
// and a checkpoint that saves at once.
func (o *outbox) deliveries(evs []notifier.Event) []*notifier.Delivery {
	ds := make([]*notifier.Delivery, len(evs))
	for i, ev := range evs {
		id := ev.IncidentID
		st := o.saved[id]
		st.Extra = cloneExtra(st.Extra)
		ds[i] = &notifier.Delivery{Event: ev, State: st, Attempt: 1, Checkpoint: func(s notifier.SinkState) error {
			s.Extra = cloneExtra(s.Extra)
			o.saved[id] = s
			return nil
		}}
	}
	return ds
}

// batch delivers a digest and saves every state when NotifyBatch returns.
func (o *outbox) batch(t *testing.T, n *Notifier, evs []notifier.Event) (bool, error) {
	t.Helper()
	ds := o.deliveries(evs)
	retry, err := n.NotifyBatch(t.Context(), ds)
	for _, d := range ds {
		o.saved[d.Event.IncidentID] = d.State
	}
	return retry, err
}

// one delivers a single event.
func (o *outbox) one(t *testing.T, n *Notifier, ev notifier.Event) error {
	t.Helper()
	ds := o.deliveries([]notifier.Event{ev})
	_, err := n.Notify(t.Context(), ds[0])
	o.saved[ev.IncidentID] = ds[0].State
	return err
}
