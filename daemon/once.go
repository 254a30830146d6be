package daemon

import (
	"context"
	"log/slog"

	"github.com/prometheus/client_golang/prometheus"
	"golang.org/x/sync/errgroup"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/collector"
	"github.com/apigw-triage/apigw-triage/config"
)

// OnceResult is one poll and the diagnosis of each stage it found tripped,
// keyed by stage key.
type OnceResult struct {
	Poll      *collector.PollResult
	Diagnoses map[string]classifier.Diagnosis
}

// PollOnce is `run --once`: one poll with the configuration's collector,
// and a diagnosis of every tripped stage from its evidence, the way the
// daemon would make it. It opens no incident store, serves no HTTP and
// notifies nobody, so it can run beside a running daemon.
func PollOnce(ctx context.Context, cfg *config.Config, env Env) (*OnceResult, error) {
	if env.Clock == nil {
		env.Clock = clock.Real{}
	}
	if env.Logger == nil {
		env.Logger = slog.New(slog.DiscardHandler)
	}
	col, err := collector.New(collectorOptions(cfg, env, prometheus.NewRegistry()))
	if err != nil {
		return nil, err
	}
	res, err := col.Poll(ctx)
	if res == nil {
		return nil, err
	}
	out := &OnceResult{Poll: res, Diagnoses: map[string]classifier.Diagnosis{}}
	var tripped []collector.StageResult
	for _, sr := range res.Stages {
		if sr.Tripped {
			tripped = append(tripped, sr)
		}
	}
	diags := make([]classifier.Diagnosis, len(tripped))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(4)
	for i, sr := range tripped {
		g.Go(func() error {
			ev, evErr := col.Evidence(gctx, sr.Stage, sr.WindowStart, evidenceEnd(sr, env.Clock.Now()))
			if evErr != nil {
				env.Logger.Warn("evidence pull failed", "stage", sr.Stage.Key, "err", evErr)
			}
			diags[i] = classifyEvidence(sr, ev, cfg.Slack.Lang)
			return nil
		})
	}
	_ = g.Wait()
	for i, sr := range tripped {
		out.Diagnoses[sr.Stage.Key] = diags[i]
	}
	return out, err
}

// classifyEvidence diagnoses one stage from its evidence (nil when it could
// not be read: the classifier answers from the metric context alone).
func classifyEvidence(sr collector.StageResult, ev *collector.Evidence, lang classifier.Lang) classifier.Diagnosis {
	sess := classifier.NewSession(stageContext(sr, ev))
	if ev != nil {
		for _, e := range ev.Events {
			sess.AddEvent(e)
		}
	}
	return sess.Diagnose(lang)
}
