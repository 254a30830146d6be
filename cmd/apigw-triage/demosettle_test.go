package main

import (
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/emulator/scenario"
	"github.com/apigw-triage/apigw-triage/incident"
)

// TestSettled: the demo stops only once every episode has ended and the
// incident it opened has resolved, not when the estimated wall time is up.
func TestSettled(t *testing.T) {
	t0 := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	ep := scenario.EpisodeInfo{Account: "1", Region: "r", APIID: "a", Stage: "prod", Start: t0, End: t0.Add(10 * time.Minute)}
	opened := incident.Incident{}
	opened.Info.Account, opened.Info.Region, opened.Info.APIID, opened.Info.Stage = "1", "r", "a", "prod"
	opened.Info.OpenedAt = t0.Add(3 * time.Minute)
	resolved := opened
	resolved.Info.ResolvedAt = t0.Add(13 * time.Minute)
	for _, c := range []struct {
		name         string
		incs         []incident.Incident
		now          time.Time
		detectedOnly bool
		want         bool
	}{
		{"still playing", []incident.Incident{resolved}, t0.Add(5 * time.Minute), false, false},
		{"never detected", nil, t0.Add(20 * time.Minute), false, false},
		{"never detected, past the estimate", nil, t0.Add(20 * time.Minute), true, true},
		{"still open", []incident.Incident{opened}, t0.Add(20 * time.Minute), false, false},
		{"still open, past the estimate", []incident.Incident{opened}, t0.Add(20 * time.Minute), true, false},
		{"resolved", []incident.Incident{resolved}, t0.Add(14 * time.Minute), false, true},
	} {
		if got := settled([]scenario.EpisodeInfo{ep}, c.incs, c.now, c.detectedOnly); got != c.want {
			t.Errorf("%s: settled %v, want %v", c.name, got, c.want)
		}
	}
}
