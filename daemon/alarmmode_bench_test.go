package daemon

import (
	"context"
	"testing"
	"time"
)

// BenchmarkAlarmModeCost runs the first half hour of the catalog in alarm
// mode and reports what the daemon itself is billed for in CloudWatch, per
// watched stage and per 60 s of emulated time (the polling interval it
// replaces): screening metrics (those read in polls that tripped nothing,
// which must be 0), all billed metrics (evidence of the alarmed stages
// included), that in dollars per stage-month at $0.01 per 1,000 metrics,
// and the SQS receives per minute (one queue for the whole daemon).
func BenchmarkAlarmModeCost(b *testing.B) {
	for b.Loop() {
		r := startAlarmRun(b, "catalog")
		ctx := context.Background()
		end := r.world.Start().Add(30 * time.Minute)
		r.runUntil(ctx, end)
		minutes := end.Sub(r.world.Start()).Minutes()
		stages := float64(r.stageCount())
		st := r.emu.Stats()
		perPoll := float64(st.MetricsRequested) / stages / minutes
		b.ReportMetric(float64(r.quietMetrics)/stages/minutes, "screening_metrics/stage/poll")
		b.ReportMetric(perPoll, "billed_metrics/stage/poll")
		b.ReportMetric(perPoll*43200*0.01/1000, "$/stage-month")
		b.ReportMetric(float64(st.Calls["ReceiveMessage"])/minutes, "sqs_receives/min")
		b.ReportMetric(stages, "stages")
	}
}

// stageCount is the number of stages the scenario has, all watched.
func (r *alarmRun) stageCount() int {
	n := 0
	for _, acct := range r.world.Accounts() {
		for _, reg := range r.world.Regions(acct) {
			for _, a := range r.world.RestAPIs(acct, reg) {
				n += len(a.Stages)
			}
			for _, a := range r.world.HTTPAPIs(acct, reg) {
				n += len(a.Stages)
			}
		}
	}
	return n
}
