package alarms

import (
	"errors"
	"fmt"
	"testing"
)

const envelope = `{"version":"0","id":"ev-1","detail-type":"%s","source":"aws.cloudwatch","account":"123456789012","region":"us-east-1","detail":{"alarmName":"a","state":{"value":"ALARM","timestamp":"2026-03-10T14:04:00.000+0000"},"configuration":{"metrics":%s}%s}}`

func event(detailType, metrics, extra string) []byte {
	return fmt.Appendf(nil, envelope, detailType, metrics, extra)
}

func TestParseMapsEveryAlarmShape(t *testing.T) {
	rest := StageRef{Account: "123456789012", Region: "us-east-1", API: "orders", Stage: "prod"}
	httpRef := StageRef{Account: "123456789012", Region: "us-east-1", HTTP: true, API: "a1b2c3", Stage: "$default"}
	tests := []struct {
		name, detail, metrics, extra string
		want                         []StageRef
	}{
		{"metric alarm, REST", detailAlarm,
			`[{"id":"m1","metricStat":{"metric":{"namespace":"AWS/ApiGateway","name":"5XXError","dimensions":{"ApiName":"orders","Stage":"prod"}},"period":60,"stat":"Sum"},"returnData":true}]`, "", []StageRef{rest}},
		{"metric alarm, HTTP", detailAlarm,
			`[{"id":"m1","metricStat":{"metric":{"namespace":"AWS/ApiGateway","name":"5xx","dimensions":{"ApiId":"a1b2c3","Stage":"$default"}}}}]`, "", []StageRef{httpRef}},
		{"metric math over detailed metrics", detailAlarm,
			`[{"id":"e1","expression":"100*m1/m2","returnData":true},{"id":"m1","metricStat":{"metric":{"namespace":"AWS/ApiGateway","name":"5XXError","dimensions":{"ApiName":"orders","Stage":"prod","Resource":"/x","Method":"GET"}}}},{"id":"m2","metricStat":{"metric":{"namespace":"AWS/ApiGateway","name":"Count","dimensions":{"ApiName":"orders","Stage":"prod"}}}}]`, "", []StageRef{rest}},
		{"Metrics Insights pinned to a stage", detailAlarm,
			`[{"id":"q1","expression":"SELECT SUM(\"5xx\") FROM SCHEMA(\"AWS/ApiGateway\", ApiId, Stage) WHERE ApiId = 'a1b2c3' AND Stage = '$default'","period":60}]`, "", []StageRef{httpRef}},
		{"Metrics Insights contributor", detailContributor,
			`[{"id":"q1","expression":"SELECT SUM(\"5XXError\") FROM SCHEMA(\"AWS/ApiGateway\", ApiName, Stage) GROUP BY ApiName, Stage"}]`,
			`,"alarmContributor":{"id":"c1","attributes":{"ApiName":"orders","Stage":"prod"}}`, []StageRef{rest}},
		{"Metrics Insights over many stages names none", detailAlarm,
			`[{"id":"q1","expression":"SELECT SUM(\"5XXError\") FROM SCHEMA(\"AWS/ApiGateway\", ApiName, Stage) WHERE Stage = 'a' OR Stage = 'b'"}]`, "", nil},
		{"another service's alarm names none", detailAlarm,
			`[{"id":"m1","metricStat":{"metric":{"namespace":"AWS/EC2","name":"CPUUtilization","dimensions":{"InstanceId":"i-1"}}}}]`, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev, err := Parse(event(tt.detail, tt.metrics, tt.extra))
			if err != nil {
				t.Fatal(err)
			}
			if len(ev.Stages) != len(tt.want) || (len(tt.want) > 0 && ev.Stages[0] != tt.want[0]) {
				t.Errorf("stages %+v, want %+v", ev.Stages, tt.want)
			}
			if ev.State != "ALARM" || ev.StateAt.IsZero() || ev.ID != "ev-1" {
				t.Errorf("event %+v", ev)
			}
		})
	}
}

func TestParseRejectsBadInput(t *testing.T) {
	for name, body := range map[string]string{
		"not json":     `<html>`,
		"no alarm":     `{"id":"x","detail-type":"CloudWatch Alarm State Change","source":"aws.cloudwatch","account":"1","region":"r","detail":{}}`,
		"bad state":    `{"id":"x","detail-type":"CloudWatch Alarm State Change","source":"aws.cloudwatch","account":"1","region":"r","detail":{"alarmName":"a","state":{"value":"MAYBE","timestamp":"2026-03-10T14:04:00.000+0000"}}}`,
		"bad time":     `{"id":"x","detail-type":"CloudWatch Alarm State Change","source":"aws.cloudwatch","account":"1","region":"r","detail":{"alarmName":"a","state":{"value":"OK","timestamp":"yesterday"}}}`,
		"another kind": `{"id":"x","detail-type":"EC2 Instance State-change Notification","source":"aws.ec2"}`,
	} {
		_, err := Parse([]byte(body))
		if err == nil {
			t.Errorf("%s: accepted", name)
		}
		if name == "another kind" && !errors.Is(err, ErrNotAlarm) {
			t.Errorf("%s: %v, want ErrNotAlarm (deleted, not left for the dead-letter queue)", name, err)
		}
	}
}

// TestInsightsQuoting: a stage name with a quote, written doubled in the
// query, maps to the real name.
func TestInsightsQuoting(t *testing.T) {
	refs := refsFromQuery("1", "r", `SELECT SUM("5XXError") FROM "AWS/ApiGateway" WHERE ApiName = 'o''brien' AND Stage = 'prod'`)
	if len(refs) != 1 || refs[0].API != "o'brien" {
		t.Errorf("refs %+v", refs)
	}
}
