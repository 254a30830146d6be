package emulator

import (
	"encoding/json"
	"fmt"
	"time"
)

// alarmTimeFormat is how CloudWatch writes state timestamps in alarm
// events, e.g. 2019-10-02T17:04:40.989+0000.
const alarmTimeFormat = "2006-01-02T15:04:05.000-0700"

// The EventBridge "CloudWatch Alarm State Change" event, as AWS sends it
// (CloudWatch user guide, "Alarm events and EventBridge").
type alarmEvent struct {
	Version    string      `json:"version"`
	ID         string      `json:"id"`
	DetailType string      `json:"detail-type"`
	Source     string      `json:"source"`
	Account    string      `json:"account"`
	Time       string      `json:"time"`
	Region     string      `json:"region"`
	Resources  []string    `json:"resources"`
	Detail     alarmDetail `json:"detail"`
}

type alarmDetail struct {
	AlarmName     string      `json:"alarmName"`
	State         alarmState  `json:"state"`
	PreviousState alarmState  `json:"previousState"`
	Configuration alarmConfig `json:"configuration"`
}

type alarmState struct {
	Value     string `json:"value"`
	Reason    string `json:"reason"`
	Timestamp string `json:"timestamp"`
}

type alarmConfig struct {
	Description string        `json:"description,omitempty"`
	Metrics     []alarmMetric `json:"metrics"`
}

type alarmMetric struct {
	ID         string           `json:"id"`
	MetricStat *alarmMetricStat `json:"metricStat,omitempty"`
	Expression string           `json:"expression,omitempty"`
	Label      string           `json:"label,omitempty"`
	Period     int              `json:"period,omitempty"`
	ReturnData bool             `json:"returnData"`
}

type alarmMetricStat struct {
	Metric struct {
		Namespace  string            `json:"namespace"`
		Name       string            `json:"name"`
		Dimensions map[string]string `json:"dimensions"`
	} `json:"metric"`
	Period int    `json:"period"`
	Stat   string `json:"stat"`
}

// alarmEventJSON renders a's change from prev (at prevAt) to its current state.
func alarmEventJSON(a *alarmDef, prev string, prevAt time.Time, reason, id string) string {
	ev := alarmEvent{
		Version: "0", ID: id, DetailType: "CloudWatch Alarm State Change", Source: "aws.cloudwatch",
		Account: a.account, Time: a.stateAt.UTC().Format(time.RFC3339), Region: a.region,
		Resources: []string{fmt.Sprintf("arn:aws:cloudwatch:%s:%s:alarm:%s", a.region, a.account, a.name)},
		Detail: alarmDetail{
			AlarmName:     a.name,
			State:         alarmState{Value: a.state, Reason: reason, Timestamp: a.stateAt.UTC().Format(alarmTimeFormat)},
			PreviousState: alarmState{Value: prev, Reason: "Threshold Crossed", Timestamp: prevAt.UTC().Format(alarmTimeFormat)},
			Configuration: alarmConfig{Metrics: a.configMetrics()},
		},
	}
	if prevAt.IsZero() {
		ev.Detail.PreviousState = alarmState{Value: "INSUFFICIENT_DATA", Reason: "Unchecked: Initial alarm creation", Timestamp: a.stateAt.UTC().Format(alarmTimeFormat)}
	}
	b, _ := json.Marshal(ev) //nolint:errchkjson // plain strings and maps cannot fail
	return string(b)
}

// configMetrics is the alarm's configuration.metrics in each alarm shape.
func (a *alarmDef) configMetrics() []alarmMetric {
	switch a.kind {
	case mathAlarm:
		return []alarmMetric{
			{ID: "e1", Expression: "100*m1/m2", Label: "5xx rate (%)", ReturnData: true},
			{ID: "m1", MetricStat: a.stat1(a.metric, "Sum")},
			{ID: "m2", MetricStat: a.stat1("Count", "Sum")},
		}
	case insightsAlarm:
		api, val := "ApiName", a.stage.APIName
		if a.stage.HTTP {
			api, val = "ApiId", a.stage.APIID
		}
		q := fmt.Sprintf(`SELECT SUM(%q) FROM SCHEMA("AWS/ApiGateway", %s, Stage) WHERE %s = '%s' AND Stage = '%s'`, a.metric, api, api, val, a.stage.Stage)
		return []alarmMetric{{ID: "q1", Expression: q, Label: "5xx", Period: 60, ReturnData: true}}
	}
	return []alarmMetric{{ID: "m1", MetricStat: a.stat1(a.metric, a.stat), ReturnData: true}}
}

func (a *alarmDef) stat1(name, stat string) *alarmMetricStat {
	ms := &alarmMetricStat{Period: 60, Stat: stat}
	ms.Metric.Namespace, ms.Metric.Name = "AWS/ApiGateway", name
	ms.Metric.Dimensions = map[string]string{"Stage": a.stage.Stage}
	for _, d := range a.metricID(name).Dims {
		ms.Metric.Dimensions[d.Name] = d.Value
	}
	return ms
}
