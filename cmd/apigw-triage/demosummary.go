package main

import (
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/apigw-triage/apigw-triage/emulator/scenario"
	"github.com/apigw-triage/apigw-triage/incident"
	"github.com/apigw-triage/apigw-triage/notifier"
	"github.com/apigw-triage/apigw-triage/textsafe"
)

// writeSummary prints one row per episode the scenario played: the stage,
// the cause it played, how long after its start the daemon opened an
// incident, what it diagnosed, and how long after its end the incident was
// resolved. Times are emulated; now tells episodes still running.
func writeSummary(w io.Writer, eps []scenario.EpisodeInfo, incs []incident.Incident, now time.Time) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	_, _ = fmt.Fprintln(tw, "\nsummary (emulated time)")
	_, _ = fmt.Fprintln(tw, "stage\tplayed\tdetected after\tdiagnosed as\tresolved after\t")
	detected, right := 0, 0
	for _, ep := range eps {
		if ep.Start.After(now) {
			continue
		}
		inc, ok := matchIncident(ep, incs)
		det, diag, res := "not detected", "-", "-"
		if ok {
			detected++
			det = inc.Info.OpenedAt.Sub(ep.Start).Round(time.Second).String()
			diag = inc.Info.Diagnosis.Status.String() + " " + inc.Info.Diagnosis.Cause.String()
			if inc.Info.Diagnosis.Cause == ep.Cause {
				right++
			}
			res = resolvedAfter(inc, ep, now)
		}
		_, _ = fmt.Fprintf(tw, "%s\t%s %s\t%s\t%s\t%s\t\n", stageName(ep), ep.Status, ep.Cause, det, diag, res)
	}
	_ = tw.Flush()
	_, _ = fmt.Fprintf(w, "%d episodes played, %d detected, %d diagnosed as played\n", countStarted(eps, now), detected, right)
}

// stageName is the episode's API and stage as a terminal may show them: an
// API name is anyone's text, so it is escaped and kept short like every
// other sink's.
func stageName(ep scenario.EpisodeInfo) string {
	return textsafe.NoMentions(textsafe.Cut(notifier.OneLine(ep.APIName+"/"+ep.Stage), maxSummaryName))
}

// maxSummaryName bounds the stage column of the summary.
const maxSummaryName = 60

// matchIncident finds the incident of the episode's stage opened while the
// episode played (or soon after: CloudWatch publishes with a delay).
func matchIncident(ep scenario.EpisodeInfo, incs []incident.Incident) (incident.Incident, bool) {
	for _, inc := range incs {
		i := inc.Info
		if i.APIID != ep.APIID || i.Stage != ep.Stage || i.Account != ep.Account || i.Region != ep.Region {
			continue
		}
		if !i.OpenedAt.Before(ep.Start) && i.OpenedAt.Before(ep.End.Add(demoTail)) {
			return inc, true
		}
	}
	return incident.Incident{}, false
}

func resolvedAfter(inc incident.Incident, ep scenario.EpisodeInfo, now time.Time) string {
	switch {
	case !inc.Info.ResolvedAt.IsZero():
		return inc.Info.ResolvedAt.Sub(ep.End).Round(time.Second).String() + " after it ended"
	case ep.End.After(now):
		return "still playing"
	}
	return "still open"
}

func countStarted(eps []scenario.EpisodeInfo, now time.Time) int {
	n := 0
	for _, ep := range eps {
		if !ep.Start.After(now) {
			n++
		}
	}
	return n
}
