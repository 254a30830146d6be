package alarms

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Detail types of the events the EventBridge rule forwards.
const (
	detailAlarm       = "CloudWatch Alarm State Change"
	detailContributor = "CloudWatch Alarm Contributor State Change"
)

// stateTimeFormat is how CloudWatch writes state timestamps in alarm
// events, e.g. 2019-10-02T17:04:40.989+0000.
const stateTimeFormat = "2006-01-02T15:04:05.000-0700"

// Event is one alarm state change, reduced to what alarm mode needs.
type Event struct {
	ID      string // the EventBridge event id
	Account string
	Region  string
	Alarm   string // the alarm's name
	// Contributor is the time series of a multi-time-series (Metrics
	// Insights) alarm that changed state; "" for the alarm as a whole.
	Contributor string
	State       string // ALARM, OK or INSUFFICIENT_DATA
	StateAt     time.Time
	// Stages are the stages the alarm watches, from its metrics.
	Stages []StageRef
}

// key names the alarm (or its contributor) across events.
func (e Event) key() string {
	k := e.Account + "/" + e.Region + "/" + e.Alarm
	if e.Contributor != "" {
		k += "#" + e.Contributor
	}
	return k
}

// wireEvent is the EventBridge envelope with the alarm's detail.
type wireEvent struct {
	ID         string     `json:"id"`
	DetailType string     `json:"detail-type"`
	Source     string     `json:"source"`
	Account    string     `json:"account"`
	Region     string     `json:"region"`
	Detail     wireDetail `json:"detail"`
}

type wireDetail struct {
	AlarmName string `json:"alarmName"`
	State     struct {
		Value     string `json:"value"`
		Timestamp string `json:"timestamp"`
	} `json:"state"`
	Configuration struct {
		Metrics []wireMetric `json:"metrics"`
	} `json:"configuration"`
	// AlarmContributor is set on contributor events of Metrics Insights
	// alarms: its attributes are the contributing series' dimensions.
	AlarmContributor *struct {
		ID         string            `json:"id"`
		Attributes map[string]string `json:"attributes"`
	} `json:"alarmContributor"`
}

type wireMetric struct {
	ID         string `json:"id"`
	Expression string `json:"expression"`
	MetricStat *struct {
		Metric struct {
			Namespace  string            `json:"namespace"`
			Name       string            `json:"name"`
			Dimensions map[string]string `json:"dimensions"`
		} `json:"metric"`
	} `json:"metricStat"`
}

// ErrNotAlarm is returned for a well-formed event of another kind, which
// the queue should not carry (the rule filters on the detail type).
var ErrNotAlarm = errors.New("not a CloudWatch alarm state change")

// Parse reads one SQS message body. The stages it names may be none: an
// alarm on some other metric.
func Parse(body []byte) (Event, error) {
	var w wireEvent
	if err := json.Unmarshal(body, &w); err != nil {
		return Event{}, fmt.Errorf("alarm event: %w", err)
	}
	if w.Source != "aws.cloudwatch" || (w.DetailType != detailAlarm && w.DetailType != detailContributor) {
		return Event{}, fmt.Errorf("%w: source %q, detail-type %q", ErrNotAlarm, w.Source, w.DetailType)
	}
	ev := Event{ID: w.ID, Account: w.Account, Region: w.Region, Alarm: w.Detail.AlarmName, State: w.Detail.State.Value}
	if ev.ID == "" || ev.Alarm == "" || ev.Account == "" || ev.Region == "" {
		return Event{}, errors.New("alarm event: id, account, region and detail.alarmName are required")
	}
	switch ev.State {
	case "ALARM", "OK", "INSUFFICIENT_DATA":
	default:
		return Event{}, fmt.Errorf("alarm event: unknown state %q", ev.State)
	}
	at, err := time.Parse(stateTimeFormat, w.Detail.State.Timestamp)
	if err != nil {
		return Event{}, fmt.Errorf("alarm event: state timestamp: %w", err)
	}
	ev.StateAt = at.UTC()
	if c := w.Detail.AlarmContributor; c != nil {
		ev.Contributor = c.ID
		ev.Stages = refsFromDims(ev.Account, ev.Region, c.Attributes)
		return ev, nil
	}
	ev.Stages = refsFromMetrics(ev.Account, ev.Region, w.Detail.Configuration.Metrics)
	return ev, nil
}
