package scenario

import "github.com/apigw-triage/apigw-triage/emulator/world"

var _ world.AlarmSource = (*World)(nil)

// AlarmedStages lists the stages that have a failure episode: the ones a
// team would have put CloudWatch alarms on after their first outage.
// Alarming every healthy stage too would only cost evaluations that never
// change state.
func (w *World) AlarmedStages() []world.AlarmedStage {
	var out []world.AlarmedStage
	for _, s := range w.stages {
		if len(s.episodes) == 0 {
			continue
		}
		a := world.AlarmedStage{
			Account: s.account, Region: s.region, HTTP: s.http || s.ws,
			APIID: s.apiID, APIName: s.apiName, Stage: s.stage.Name,
			ErrorMetric: "5XXError", LatencyMetric: "Latency",
		}
		switch {
		case s.http:
			a.ErrorMetric = "5xx"
		case s.ws:
			a.ErrorMetric, a.LatencyMetric = "ExecutionError", "IntegrationLatency"
			if integrationAnswered(s.episodes[0].eff) {
				a.ErrorMetric = "IntegrationError"
			}
		}
		out = append(out, a)
	}
	return out
}
