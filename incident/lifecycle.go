package incident

import (
	"fmt"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/config"
	"github.com/apigw-triage/apigw-triage/notifier"
)

// Rules are the lifecycle's knobs. Zero values take the defaults.
type Rules struct {
	// RepeatInterval is how long a still-failing incident waits after its
	// last notification before a reminder (default: slack.repeat_interval
	// of an empty configuration).
	RepeatInterval time.Duration
	// Cooldown is the flap guard: a stage that trips again less than
	// Cooldown after its incident resolved reopens that incident (an
	// "updated" notification in the same thread) instead of opening a new
	// one (default 15 min).
	Cooldown time.Duration
	// RateChangeFactor is the change in error rate, against the last
	// notified rate, that is worth an update on its own: doubled or halved
	// with the default 2.
	RateChangeFactor float64
}

// withDefaults fills in the zero knobs.
func (r Rules) withDefaults() Rules {
	if r.RepeatInterval <= 0 {
		r.RepeatInterval = config.Default().Slack.RepeatInterval
	}
	if r.Cooldown <= 0 {
		r.Cooldown = 15 * time.Minute
	}
	if r.RateChangeFactor <= 1 {
		r.RateChangeFactor = 2
	}
	return r
}

// decision is what one observation does to a stage's latest incident.
type decision struct {
	// next is the incident to persist; nil when nothing changed.
	next *Incident
	// kind is the notification to send; "" for none.
	kind notifier.Kind
	// isNew is set when next is a new incident that still needs an id.
	isNew bool
}

// decide is the lifecycle, as a pure function of the stage's latest
// incident (open, or resolved; nil when there is none), one observation,
// the time and the rules. It never changes prev.
func decide(prev *Incident, obs Observation, now time.Time, r Rules) decision {
	switch {
	case prev == nil || (!prev.Open() && now.Sub(prev.Info.ResolvedAt) >= r.Cooldown):
		if !obs.Tripped {
			return decision{}
		}
		return openNew(obs, now)
	case !prev.Open():
		if !obs.Tripped {
			return decision{}
		}
		return reopen(prev, obs, now)
	default:
		return confirmed(prev, advance(prev, obs, now, r), now)
	}
}

// openNew starts an incident. Without a diagnosis it opens as diagnosing,
// with the unknown cause, and the diagnosis that follows (diagnoseLate) is
// an update.
func openNew(obs Observation, now time.Time) decision {
	inc := &Incident{StageKey: obs.Key, State: StateOpen}
	inc.Info.OpenedAt = now
	inc.Info.Diagnosis.APIType = obs.APIType
	applyFigures(inc, obs, now)
	if obs.Diagnosis != nil {
		keepDiagnosis(inc, *obs.Diagnosis, obs)
	} else {
		inc.Info.Diagnosing = true
		inc.Info.Diagnosis.Status, inc.Info.Diagnosis.Cause = classifier.StatusUnknown, classifier.CauseUnknown
	}
	notified(inc, notifier.KindOpened, now, "")
	return decision{next: inc, kind: notifier.KindOpened, isNew: true}
}

// reopen brings back an incident resolved less than the cooldown ago.
func reopen(prev *Incident, obs Observation, now time.Time) decision {
	inc := prev.clone()
	inc.State = StateOpen
	inc.Info.ResolvedAt = time.Time{}
	inc.Reopened++
	inc.Info.Previous = nil
	inc.Info.Routes = nil // the last episode's routes say nothing of this one
	applyFigures(inc, obs, now)
	switch d := revise(inc, obs); {
	case inc.Info.Diagnosing && obs.Diagnosis != nil:
		// It resolved before its evidence was read: this is its first
		// diagnosis, taken as it comes.
		inc.Info.Diagnosing = false
		setDiagnosis(inc, *obs.Diagnosis, obs)
	case d != nil && changedFrom(inc.Info.Diagnosis.Status, inc.Info.Diagnosis.Cause, *d):
		setDiagnosis(inc, *d, obs)
	case d != nil:
		keepDiagnosis(inc, *d, obs)
	}
	notified(inc, notifier.KindUpdated, now, fmt.Sprintf("reopened within the cooldown (%d)", inc.Reopened))
	return decision{next: inc, kind: notifier.KindUpdated}
}

// advance moves an open incident on: resolved, updated, reminded, or only
// refreshed with the figures of the new window.
func advance(prev *Incident, obs Observation, now time.Time, r Rules) decision {
	inc := prev.clone()
	inc.Info.Previous = nil
	applyFigures(inc, obs, now)
	if obs.Clear {
		inc.State = StateResolved
		inc.Info.ResolvedAt = now
		notified(inc, notifier.KindResolved, now, "")
		return decision{next: inc, kind: notifier.KindResolved}
	}
	if dec, ok := applyDiagnosis(inc, obs, now); ok {
		return dec
	}
	if inc.Info.Diagnosing {
		// Its diagnosis is being pulled (this poll, or the next one after a
		// restart), and that update carries the new figures: a rate change
		// or a reminder before it would only repeat the announcement.
		return decision{next: inc}
	}
	if obs.Tripped && rateChanged(inc.LastNotifiedRate, obs.ErrorRate, r.RateChangeFactor) {
		notified(inc, notifier.KindUpdated, now, "error rate changed")
		return decision{next: inc, kind: notifier.KindUpdated}
	}
	if obs.Tripped && now.Sub(inc.LastNotifiedAt) >= r.RepeatInterval {
		notified(inc, notifier.KindReminder, now, "")
		return decision{next: inc, kind: notifier.KindReminder}
	}
	return decision{next: inc}
}

// diagnoseLate gives an open incident the diagnosis of evidence read after
// the observation that opened or moved it (see applyDiagnosis).
func diagnoseLate(prev *Incident, obs Observation, now time.Time) decision {
	if prev == nil || !prev.Open() || obs.Diagnosis == nil {
		return decision{}
	}
	inc := prev.clone()
	inc.Info.Previous = nil
	applyEvidence(inc, obs)
	if dec, ok := applyDiagnosis(inc, obs, now); ok {
		return dec
	}
	return confirmed(prev, decision{next: inc}, now)
}

// applyDiagnosis takes the observation's diagnosis, if any, into inc. The
// first diagnosis of an incident announced as diagnosing is an update
// whatever it says; a later one (see revise) is an update only when it
// changes the cause or status notified (ok is then set), else it is kept
// quietly as fresher evidence of the same answer. So a diagnosis from
// partial evidence that the complete evidence confirms notifies nothing
// (a confirmation, see confirmed), and one it corrects sends one update.
func applyDiagnosis(inc *Incident, obs Observation, now time.Time) (decision, bool) {
	if obs.Diagnosis == nil {
		return decision{}, false
	}
	if inc.Info.Diagnosing {
		// Taken as it comes, as by an opening that carries it. The unknown
		// cause it replaces is kept as Previous: an Alertmanager alert
		// labelled with it is resolved, not left firing beside the new one.
		inc.Info.Diagnosing = false
		setDiagnosis(inc, *obs.Diagnosis, obs)
		notified(inc, notifier.KindUpdated, now, "diagnosed")
		return decision{next: inc, kind: notifier.KindUpdated}, true
	}
	d := revise(inc, obs)
	if d == nil && inc.Info.EvidenceIncomplete && !obs.EvidenceIncomplete {
		// Read in full and finding no 5xx where the partial read named one
		// (see revise): the diagnosis stays marked and is read again, but
		// no read failed this time, so none is named as lacking (the
		// gauge and its alert blame a missing permission).
		inc.Info.IncompleteReads = nil
	}
	switch {
	case d != nil && changedFrom(inc.LastNotifiedStatus, inc.LastNotifiedCause, *d):
		setDiagnosis(inc, *d, obs)
		notified(inc, notifier.KindUpdated, now, "diagnosis changed")
		return decision{next: inc, kind: notifier.KindUpdated}, true
	case d != nil:
		keepDiagnosis(inc, *d, obs)
	}
	return decision{}, false
}

// revise returns the diagnosis an observation brings to an incident that
// already has one, or nil to keep the incident's. Evidence read in full
// outranks part of it: a diagnosis from partial evidence never replaces
// one from complete evidence, and the first one from complete evidence
// replaces a partial one as it comes (revision's guards keep an answer
// from weaker evidence; the partial answer is the weaker one), unless it
// finds no 5xx where the partial one named one (noFailureOver: the stage
// still trips, so that would be a false all-clear). Between two of the
// same standing, revision decides.
func revise(inc *Incident, obs Observation) *classifier.Diagnosis {
	switch {
	case obs.Diagnosis == nil:
		return nil
	case obs.EvidenceIncomplete && !inc.Info.EvidenceIncomplete:
		return nil
	case inc.Info.EvidenceIncomplete && !obs.EvidenceIncomplete:
		if noFailureOver(inc.Info.Diagnosis, obs.Diagnosis) {
			return nil
		}
		return obs.Diagnosis
	}
	return revision(inc.Info.Diagnosis, obs.Diagnosis)
}

// noFailureOver reports whether d finds no 5xx (StatusNone) where cur, the
// incident's diagnosis, named some status. Errors masked as 200 are the
// exception where cur named no 5xx: they are a failure the stage trips on
// (its functions' errors), and may replace it; never a 5xx one.
func noFailureOver(cur classifier.Diagnosis, d *classifier.Diagnosis) bool {
	masked := d.Cause == classifier.CauseLambdaErrorMaskedAs200 && !cur.Status.Is5xx()
	return d.Status == classifier.StatusNone && cur.Status != classifier.StatusNone && !masked
}

// revision returns the diagnosis an observation brings to an incident that
// already has one, or nil. A diagnosis finding no 5xx (StatusNone) does not
// replace a 5xx one: the stage still trips on its metrics, so the evidence
// missed the failures (a recovering stage's newest log lines are successes),
// and "no 5xx" posted as the incident's new cause would mislead; only Clear
// ends an incident. The one exception is errors masked as 200 replacing a
// diagnosis that named no status: they are a failure the stage trips on
// (its functions' errors), not the absence of one. Likewise a diagnosis
// that found nothing at all (no status, no cause: the evidence since the
// last one was empty or unreadable) does not replace one that named a cause.
func revision(cur classifier.Diagnosis, d *classifier.Diagnosis) *classifier.Diagnosis {
	if d != nil && noFailureOver(cur, d) {
		return nil
	}
	foundNothing := d != nil && d.Status == classifier.StatusUnknown && d.Cause == classifier.CauseUnknown
	if foundNothing && cur.Cause != classifier.CauseUnknown {
		return nil
	}
	return d
}

// changedFrom reports whether a diagnosis says something new against a
// status and cause: another dominant cause or another status.
func changedFrom(status classifier.Status, cause classifier.Cause, cur classifier.Diagnosis) bool {
	return cause != cur.Cause || status != cur.Status
}

// rateChanged reports a change of at least factor either way. A zero rate
// on either side (latency-only trips) never counts.
func rateChanged(last, cur, factor float64) bool {
	if last <= 0 || cur <= 0 {
		return false
	}
	return cur >= last*factor || cur <= last/factor
}

// setDiagnosis replaces the current diagnosis, with the scope and the
// completeness of the observation's evidence, and keeps the old one as
// Previous, for "cause changed" messages.
func setDiagnosis(inc *Incident, d classifier.Diagnosis, obs Observation) {
	old := inc.Info.Diagnosis
	inc.Info.Previous = &old
	keepDiagnosis(inc, d, obs)
}

// keepDiagnosis takes a diagnosis with the scope and the completeness of
// the observation's evidence, without keeping the one it replaces. The
// reads that failed are those of the diagnosis kept: a read in full
// clears them, a partial read kept instead of a complete diagnosis never
// reaches here (see revise).
func keepDiagnosis(inc *Incident, d classifier.Diagnosis, obs Observation) {
	inc.Info.Diagnosis, inc.Info.Scope = cloneDiagnosis(d), obs.Scope
	inc.Info.EvidenceIncomplete = obs.EvidenceIncomplete
	inc.Info.IncompleteReads = nil
	if obs.EvidenceIncomplete {
		inc.Info.IncompleteReads = stage.KnownReads(obs.IncompleteReads)
	}
}

// applyFigures takes the stage and the figures of the window.
func applyFigures(inc *Incident, obs Observation, now time.Time) {
	i := &inc.Info
	i.Identity, i.Figures = obs.Identity, obs.Figures
	if obs.Requests > 0 && (i.Peak.WindowEnd.IsZero() || obs.ErrorRate > i.Peak.ErrorRate) {
		i.Peak = obs.Figures
	}
	applyEvidence(inc, obs)
	inc.addSample(obs)
	inc.LastSeenAt = now
}

// applyEvidence takes the routes and log groups the evidence read.
func applyEvidence(inc *Incident, obs Observation) {
	i := &inc.Info
	if len(obs.Routes) > 0 {
		// Only polls that pulled evidence bring routes; the others keep
		// the last breakdown. A fresh copy, never shared with the caller.
		i.Routes = append([]stage.RouteFigures(nil), obs.Routes[:min(len(obs.Routes), maxRoutes)]...)
	}
	if len(obs.LogGroups) > 0 {
		i.LogGroups = append([]string(nil), obs.LogGroups...)
	}
}

// maxRoutes bounds the failing routes an incident keeps: more than a
// message shows, few enough to keep the stored record small.
const maxRoutes = 10

// notified records a notification: the next sequence number, what it said,
// and a timeline entry.
func notified(inc *Incident, kind notifier.Kind, now time.Time, note string) {
	inc.Seq++
	inc.LastNotifiedAt = now
	inc.LastNotifiedRate = inc.Info.ErrorRate
	inc.LastNotifiedStatus = inc.Info.Diagnosis.Status
	inc.LastNotifiedCause = inc.Info.Diagnosis.Cause
	inc.addTimeline(TimelineEntry{
		At: now, Kind: string(kind), Note: note,
		Status: inc.Info.Diagnosis.Status, Cause: inc.Info.Diagnosis.Cause,
		ErrorRate: inc.Info.ErrorRate,
	})
}
