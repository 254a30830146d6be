package main

import (
	"context"
	"time"

	"github.com/apigw-triage/apigw-triage/emulator/scenario"
	"github.com/apigw-triage/apigw-triage/incident"
)

// settled reports whether the scenario has played out by now: every
// episode has ended and the incident it opened has resolved.
func settled(eps []scenario.EpisodeInfo, incs []incident.Incident, now time.Time) bool {
	for _, ep := range eps {
		if ep.End.After(now) {
			return false
		}
		inc, ok := matchIncident(ep, incs)
		if !ok || inc.Info.ResolvedAt.IsZero() {
			return false
		}
	}
	return true
}

// settleCheck is how often, in wall time, the demo looks whether the
// scenario has played out.
const settleCheck = 500 * time.Millisecond

// stopWhenSettled calls stop once the scenario has played out. The demo's
// length in wall time is only an estimate: on a busy machine the daemon's
// polls fall behind the emulated clock, and a summary printed on the
// estimate would show incidents still open that resolve a moment later.
func stopWhenSettled(ctx context.Context, stop func(), eps []scenario.EpisodeInfo, recent func() ([]incident.Incident, error), now func() time.Time) {
	t := time.NewTicker(settleCheck)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		incs, err := recent()
		if err == nil && settled(eps, incs, now()) {
			stop()
			return
		}
	}
}
