package main

import (
	"context"
	"time"

	"github.com/apigw-triage/apigw-triage/emulator/scenario"
	"github.com/apigw-triage/apigw-triage/incident"
)

// settled reports whether the scenario has played out by now: every
// episode has ended and the incident it opened has resolved. With
// detectedOnly, an episode no incident was opened for counts as played out
// (a fleet plays episodes below the thresholds, which nothing detects).
func settled(eps []scenario.EpisodeInfo, incs []incident.Incident, now time.Time, detectedOnly bool) bool {
	for _, ep := range eps {
		if ep.End.After(now) {
			return false
		}
		inc, ok := matchIncident(ep, incs)
		if !ok && detectedOnly {
			continue
		}
		if !ok || inc.Info.ResolvedAt.IsZero() {
			return false
		}
	}
	return true
}

// settleCheck is how often, in wall time, the demo looks whether the
// scenario has played out.
const settleCheck = 500 * time.Millisecond

// stopWhenSettled calls stop once the scenario has played out, or, once
// the estimated wall time is up, once every incident it opened has
// resolved. The estimate alone is not enough: on a busy machine the
// daemon's polls fall behind the emulated clock, and a summary printed on
// the estimate would show incidents still open that resolve a moment later.
func stopWhenSettled(ctx context.Context, stop func(), estimate time.Duration, eps []scenario.EpisodeInfo, recent func() ([]incident.Incident, error), now func() time.Time) {
	t := time.NewTicker(settleCheck)
	defer t.Stop()
	begun := time.Now()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		incs, err := recent()
		if err == nil && settled(eps, incs, now(), time.Since(begun) >= estimate) {
			stop()
			return
		}
	}
}
