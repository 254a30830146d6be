package alertmanager

import (
	"strings"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/notifier"
	"github.com/apigw-triage/apigw-triage/textsafe"
)

// AlertName is the alertname label of every alert this sink sends.
const AlertName = "APIGatewayIncident"

// maxAnnotation bounds each annotation: Alertmanager stores and forwards
// them verbatim, and receivers such as Slack cut long ones anyway.
const maxAnnotation = 4096

// maxLabel bounds each label value: labels are indexed by Alertmanager and
// shown in every receiver's title, and an API name is at most 1024 bytes.
const maxLabel = 1024

// Alert is one postable alert of the Alertmanager v2 API
// (api/v2/openapi.yaml, postableAlert).
type Alert struct {
	Labels       map[string]string `json:"labels"`
	Annotations  map[string]string `json:"annotations,omitempty"`
	StartsAt     time.Time         `json:"startsAt,omitzero"`
	EndsAt       time.Time         `json:"endsAt,omitzero"`
	GeneratorURL string            `json:"generatorURL,omitempty"`
}

// labels identify the alert: Alertmanager deduplicates on the label set, so
// they hold nothing that changes while the incident's cause stays the same.
func (n *Notifier) labels(inc notifier.Snapshot, d classifier.Diagnosis) map[string]string {
	api := inc.APIName
	if api == "" {
		api = inc.APIID
	}
	l := map[string]string{
		"alertname": AlertName, "api": api, "stage": inc.Stage, "region": inc.Region,
		"status": d.Status.String(), "cause": d.Cause.String(), "severity": n.opts.Severity,
	}
	if inc.APIID != "" {
		l["api_id"] = inc.APIID
	}
	if inc.Account != "" {
		l["account"] = inc.Account
	}
	for k, v := range l {
		l[k] = textsafe.CutBytes(safe(v), maxLabel)
	}
	return l
}

// alert builds the alert for an incident as of now; a resolved incident
// ends now, an open one a few poll intervals from now, so it resolves by
// itself if the daemon stops re-sending it (the alerts API contract).
func (n *Notifier) alert(inc notifier.Snapshot) Alert {
	now := n.opts.Now()
	v := notifier.NewView(notifier.Event{Snapshot: inc, Kind: notifier.KindOpened}, n.opts.Lang)
	a := Alert{
		Labels: n.labels(inc, inc.Diagnosis), StartsAt: inc.OpenedAt,
		EndsAt: now.Add(time.Duration(n.opts.ResendFactor) * n.opts.Interval), GeneratorURL: v.MetricsURL,
	}
	if !inc.ResolvedAt.IsZero() {
		a.EndsAt = now
	}
	a.Annotations = annotations(v, n.runbook(inc.Diagnosis.Cause))
	return a
}

func annotations(v notifier.View, runbook string) map[string]string {
	var desc []string
	if v.Why != "" {
		desc = append(desc, safe(v.Why))
	}
	for _, f := range v.Fields {
		desc = append(desc, safe(f.Label+": "+f.Value))
	}
	if len(v.Evidence) > 0 {
		desc = append(desc, safe("Evidence: "+v.Evidence[0]))
	}
	if v.LogsURL != "" {
		desc = append(desc, safe("Logs: "+v.LogsURL))
	}
	steps := make([]string, len(v.Steps))
	for i, s := range v.Steps {
		steps[i] = safe(s)
	}
	a := map[string]string{
		"summary":     safe(v.Status + " on " + v.Target + ": " + v.CauseTitle),
		"description": strings.Join(desc, "\n"),
		"remediation": strings.Join(steps, "\n"),
		"backoff":     safe(v.Backoff),
		"runbook_url": safe(runbook),
		// Which reads the diagnosis lacks, for templates that show it
		// apart from the description (which ends its why with it). An
		// annotation, not a label: labels are the alert's identity, and
		// this comes and goes while the incident stays the same alert.
		"evidence_incomplete": safe(v.Incomplete),
	}
	for k, val := range a {
		if val == "" {
			delete(a, k)
			continue
		}
		a[k] = textsafe.CutBytes(val, maxAnnotation)
	}
	return a
}

// safe makes one line of an annotation or label safe for every receiver:
// Alertmanager's Slack receiver pastes it into mrkdwn unescaped, so mention
// and link syntax is neutralised along with control, bidi and zero-width
// characters (the line feeds between lines are this sink's own).
func safe(s string) string {
	return textsafe.NoMentions(notifier.OneLine(s))
}

// runbook returns the runbook link for a cause, "" when none is configured.
func (n *Notifier) runbook(c classifier.Cause) string {
	if n.opts.RunbookURL == "" {
		return ""
	}
	return n.opts.RunbookURL + "#" + c.String()
}
