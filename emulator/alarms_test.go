package emulator

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/emulator/scenario"
)

// TestAlarmEventsFollowEpisodes plays the catalog and reads the alarm
// queue through the SDK: every failing stage's 5xx alarm goes to ALARM
// during its episode and back to OK after it, in all three alarm shapes.
func TestAlarmEventsFollowEpisodes(t *testing.T) {
	start := time.Date(2026, 3, 10, 14, 0, 0, 0, time.UTC)
	clk := clock.NewManual(start)
	sc, err := scenario.Builtin("catalog")
	if err != nil {
		t.Fatal(err)
	}
	w := scenario.NewWorld(sc, clk, start)
	ts := httptest.NewServer(NewServer(w, Options{}))
	t.Cleanup(ts.Close)
	c := sqs.NewFromConfig(sdkConfig(ts.URL, "AKIDTEST"))
	ctx := testCtx(t)
	q, err := c.GetQueueUrl(ctx, &sqs.GetQueueUrlInput{QueueName: aws.String(AlarmQueueName)})
	if err != nil {
		t.Fatal(err)
	}
	var events []alarmEvent
	last := start
	for _, ep := range w.Episodes() {
		last = maxT(last, ep.End)
	}
	for clk.Now().Before(last.Add(10 * time.Minute)) {
		clk.Advance(30 * time.Second)
		out, err := c.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: q.QueueUrl, MaxNumberOfMessages: 10})
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range out.Messages {
			var ev alarmEvent
			if err := json.Unmarshal([]byte(*m.Body), &ev); err != nil {
				t.Fatalf("event body: %v", err)
			}
			events = append(events, ev)
			_, _ = c.DeleteMessage(ctx, &sqs.DeleteMessageInput{QueueUrl: q.QueueUrl, ReceiptHandle: m.ReceiptHandle})
		}
	}
	alarmed, cleared, shapes := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, ev := range events {
		if ev.DetailType != "CloudWatch Alarm State Change" || ev.Source != "aws.cloudwatch" {
			t.Fatalf("event %+v", ev)
		}
		if !strings.Contains(ev.Detail.AlarmName, "-5xx") {
			continue
		}
		switch ev.Detail.State.Value {
		case "ALARM":
			alarmed[ev.Detail.AlarmName] = true
		case "OK":
			cleared[ev.Detail.AlarmName] = alarmed[ev.Detail.AlarmName]
		}
		shapes[shapeOf(ev.Detail.Configuration.Metrics)] = true
	}
	// A failure clients see as 200 (lambda_error_masked_as_200) moves no
	// 5xx alarm: every other failing stage's does.
	want := 0
	for _, ep := range w.Episodes() {
		if ep.Status != classifier.StatusNone {
			want++
		}
	}
	if len(alarmed) != want {
		t.Errorf("%d 5xx alarms went to ALARM, want one per stage failing with 5xx (%d)", len(alarmed), want)
	}
	for name := range alarmed {
		if !cleared[name] {
			t.Errorf("%s never went back to OK", name)
		}
	}
	for _, s := range []string{"metric", "math", "insights"} {
		if !shapes[s] {
			t.Errorf("no %s alarm event", s)
		}
	}
}

func shapeOf(ms []alarmMetric) string {
	switch {
	case len(ms) > 1:
		return "math"
	case ms[0].Expression != "":
		return "insights"
	}
	return "metric"
}

func maxT(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
