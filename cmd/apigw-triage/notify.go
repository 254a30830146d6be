package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/config"
	"github.com/apigw-triage/apigw-triage/daemon"
	"github.com/apigw-triage/apigw-triage/notifier"
	"github.com/apigw-triage/apigw-triage/stage"
)

// notifyTestTimeout bounds one delivery: long enough for Slack's
// rate-limit answer and one retry, short enough for a person waiting.
const notifyTestTimeout = 30 * time.Second

// runNotify is `apigw-triage notify test --config FILE`: it sends a sample
// incident, opened then resolved, to every sink the configuration names and
// reports each result, so the Slack and Alertmanager wiring can be checked
// before the first real incident.
func runNotify(ctx context.Context, args []string, s streams) int {
	fs := newCmdFlags("notify", "apigw-triage notify test --config FILE | --config-env VAR",
		"Sends a sample incident (opened, then resolved) to every configured sink: Slack (webhook or bot),\n"+
			"Alertmanager. Prints one line per sink and delivery; exit 0 when every delivery succeeded, 1 otherwise.",
		"apigw-triage notify test --config config.yaml")
	path := fs.String("config", "", "configuration file (YAML)")
	fromEnv := fs.String("config-env", "", "read the configuration from this environment variable instead of a file")
	if len(args) == 0 || args[0] != "test" {
		if code := fs.parse(args, s); code >= 0 {
			return code
		}
		return fs.usageError(s, "the only subcommand is test")
	}
	if code := fs.parse(args[1:], s); code >= 0 {
		return code
	}
	if (*path == "") == (*fromEnv == "") || fs.NArg() > 0 {
		return fs.usageError(s, "give --config FILE or --config-env VAR")
	}
	cfg, err := loadConfig(*path, *fromEnv, s.getenv)
	if err != nil {
		_, _ = fmt.Fprintln(s.stderr, strings.TrimRight(err.Error(), "\n"))
		return 1
	}
	return notifyTest(ctx, cfg, s)
}

// noSinkMessage is notify test's answer to a configuration without sinks.
const noSinkMessage = "apigw-triage notify test: no sink configured (set slack.webhook_url, slack.token or alertmanager.url)"

// notifyTest delivers the sample to each sink in turn and reports each result.
func notifyTest(ctx context.Context, cfg *config.Config, s streams) int {
	if !cfg.Slack.Enabled() && !cfg.Alertmanager.Enabled() {
		_, _ = fmt.Fprintln(s.stderr, noSinkMessage)
		return 1
	}
	sinks, err := daemon.Sinks(cfg, daemon.Env{Logger: daemon.NewLogger(s.stderr, cfg.Log)})
	if err != nil {
		_, _ = fmt.Fprintf(s.stderr, "apigw-triage notify test: %v\n", err)
		return 1
	}
	inc := sampleIncident(cfg, time.Now().UTC())
	failed := 0
	for _, sink := range sinks {
		state := notifier.SinkState{}
		for seq, kind := range []notifier.Kind{notifier.KindOpened, notifier.KindResolved} {
			err := deliverSample(ctx, sink, &state, inc, kind, seq+1)
			result := "ok"
			if err != nil {
				result, failed = "FAILED: "+oneLine(err), failed+1
			}
			_, _ = fmt.Fprintf(s.stdout, "%-12s %-8s %s\n", sink.Name(), kind, result)
		}
	}
	if failed > 0 {
		return 1
	}
	return 0
}

func deliverSample(ctx context.Context, sink notifier.Notifier, state *notifier.SinkState, inc notifier.Snapshot, kind notifier.Kind, seq int) error {
	ctx, cancel := context.WithTimeout(ctx, notifyTestTimeout)
	defer cancel()
	at := inc.OpenedAt
	if kind == notifier.KindResolved {
		at = time.Now().UTC()
		inc.ResolvedAt = at
	}
	id := "notify-test-" + inc.OpenedAt.Format("20060102T150405")
	d := &notifier.Delivery{
		Event:   notifier.Event{ID: fmt.Sprintf("%s/%d", id, seq), IncidentID: id, Seq: seq, Kind: kind, At: at, Snapshot: inc},
		State:   *state,
		Attempt: 1,
	}
	_, err := sink.Notify(ctx, d)
	*state = d.State
	return err
}

// sampleEvidence is what a Lambda proxy integration returning a bare string
// logs; the sample's diagnosis, remediation and backoff come from the real
// classifier, so the test message looks exactly like a real one.
const sampleEvidence = "(notify-test-1) Endpoint response body before transformations: \"ok\"\n" +
	"(notify-test-1) Execution failed due to configuration error: Malformed Lambda proxy response\n" +
	"(notify-test-1) Method completed with status: 502\n"

// sampleIncident is an incident on a stage named so that nobody mistakes it
// for a real one, in the configuration's first account and region.
func sampleIncident(cfg *config.Config, now time.Time) notifier.Snapshot {
	sess := classifier.NewSession(classifier.Hints{APIType: stage.APIREST})
	for _, l := range strings.Split(strings.TrimSpace(sampleEvidence), "\n") {
		sess.AddLine(l)
	}
	diag := sess.Diagnose(cfg.Slack.Lang)
	diag.Why = "Test notification from `apigw-triage notify test`: nothing is failing. " + diag.Why
	account := "123456789012"
	if len(cfg.Accounts) > 0 && cfg.Accounts[0].ID != "" {
		account = cfg.Accounts[0].ID
	}
	return notifier.Snapshot{
		Identity: stage.New(account, cfg.AWS.Region, stage.APIREST, "notifytest", "apigw-triage-notify-test", "test"),
		OpenedAt: now.Add(-5 * time.Minute),
		Figures: stage.Figures{WindowStart: now.Add(-5 * time.Minute), WindowEnd: now,
			ErrorRate: 0.25, Errors5xx: 30, Requests: 120, Latency: 180 * time.Millisecond, LatencyStatistic: "p99"},
		Diagnosis: diag,
	}
}
