package alarms

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/collector"
	"github.com/apigw-triage/apigw-triage/emulator"
	"github.com/apigw-triage/apigw-triage/emulator/scenario"
)

// stagesFake is a small fake of the collector: one REST stage.
type stagesFake struct{}

var orders = collector.Stage{Identity: stage.New("123456789012", "us-east-1", stage.APIREST, "id1", "orders", "prod")}

func (stagesFake) Discover(context.Context) ([]collector.Stage, []collector.TargetError) {
	return []collector.Stage{orders}, nil
}

func (stagesFake) Evidence(context.Context, collector.Stage, time.Time, time.Time) (*collector.Evidence, error) {
	return nil, nil
}
func (stagesFake) EvidenceWindow(now time.Time) (time.Time, time.Time) { return now, now }
func (stagesFake) Ready() error                                        { return nil }

type queueEnv struct {
	clk   *clock.Manual
	sqs   *sqs.Client
	queue string
	book  string
}

// newQueue serves an emulator with an empty scenario's queue over loopback.
func newQueue(t *testing.T) *queueEnv {
	t.Helper()
	start := time.Date(2026, 3, 10, 14, 0, 0, 0, time.UTC)
	clk := clock.NewManual(start)
	sc, err := scenario.Builtin("catalog")
	if err != nil {
		t.Fatal(err)
	}
	sc.Accounts[0].Regions[0].RestAPIs, sc.Accounts[0].Regions[0].HTTPAPIs = nil, nil
	w := scenario.NewWorld(sc, clk, start)
	srv := httptest.NewServer(emulator.NewServer(w, emulator.Options{Clock: clk}))
	t.Cleanup(srv.Close)
	c := sqs.NewFromConfig(aws.Config{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL),
		Credentials: credentials.NewStaticCredentialsProvider("k", "s", "")})
	out, err := c.CreateQueue(context.Background(), &sqs.CreateQueueInput{QueueName: aws.String("q")})
	if err != nil {
		t.Fatal(err)
	}
	return &queueEnv{clk: clk, sqs: c, queue: *out.QueueUrl, book: filepath.Join(t.TempDir(), "book")}
}

func (q *queueEnv) source(t *testing.T, wait time.Duration) *Source {
	t.Helper()
	s, err := New(Options{QueueURL: q.queue, Wait: wait, Repeat: time.Minute, BookPath: q.book, SQS: q.sqs, Stages: stagesFake{}, Clock: q.clk})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func (q *queueEnv) send(t *testing.T, id, state, at string) {
	t.Helper()
	body := `{"id":"` + id + `","detail-type":"CloudWatch Alarm State Change","source":"aws.cloudwatch","account":"123456789012","region":"us-east-1",` +
		`"detail":{"alarmName":"orders-5xx","state":{"value":"` + state + `","timestamp":"` + at + `"},` +
		`"configuration":{"metrics":[{"id":"m1","metricStat":{"metric":{"namespace":"AWS/ApiGateway","name":"5XXError","dimensions":{"ApiName":"orders","Stage":"prod"}}}}]}}}`
	if _, err := q.sqs.SendMessage(context.Background(), &sqs.SendMessageInput{QueueUrl: aws.String(q.queue), MessageBody: aws.String(body)}); err != nil {
		t.Fatal(err)
	}
}

// TestWaitIsTheLongPoll: alarms.wait decides how long an empty receive
// blocks on the clock: 0 returns at once, 20s only once 20 s have passed.
func TestWaitIsTheLongPoll(t *testing.T) {
	q := newQueue(t)
	if _, err := q.source(t, 0).Poll(context.Background()); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { _, err := q.source(t, 20*time.Second).Poll(context.Background()); done <- err }()
	waited := time.Duration(0)
	for {
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
			if waited < 20*time.Second {
				t.Fatalf("returned after %v of emulated time, want 20s", waited)
			}
			return
		case <-time.After(time.Millisecond):
			if q.clk.Waiters() > 0 {
				q.clk.Advance(time.Second)
				waited += time.Second
			}
		}
	}
}

// TestRedeliveryAndOrder: an acknowledged event received again (its delete
// was lost) changes nothing, and an older event arriving after a newer
// one is ignored, also across a restart (the book is reloaded).
func TestRedeliveryAndOrder(t *testing.T) {
	q := newQueue(t)
	ctx := context.Background()
	s := q.source(t, 0)
	q.send(t, "e1", "ALARM", "2026-03-10T14:04:00.000+0000")
	res, _ := s.Poll(ctx)
	if len(res.Stages) != 1 || !res.Stages[0].Tripped {
		t.Fatalf("ALARM: %+v", res.Stages)
	}
	if err := s.Ack(ctx, nil); err != nil {
		t.Fatal(err)
	}
	// Restart; then the same event again, and an OK older than the ALARM.
	s = q.source(t, 0)
	q.send(t, "e1", "ALARM", "2026-03-10T14:04:00.000+0000")
	q.send(t, "e0", "OK", "2026-03-10T14:03:00.000+0000")
	res, _ = s.Poll(ctx)
	for _, sr := range res.Stages {
		t.Errorf("a stale event reported the stage: %+v", sr)
	}
	// A stage whose incident could not be stored keeps its message.
	q.send(t, "e2", "OK", "2026-03-10T14:09:00.000+0000")
	res, _ = s.Poll(ctx)
	if len(res.Stages) != 1 || !res.Stages[0].Clear {
		t.Fatalf("OK: %+v", res.Stages)
	}
	if err := s.Ack(ctx, map[string]bool{orders.Key: true}); err != nil {
		t.Fatal(err)
	}
	q.clk.Advance(31 * time.Second)
	res, _ = s.Poll(ctx)
	if len(res.Stages) != 1 || !res.Stages[0].Clear {
		t.Fatalf("the OK whose incident was not stored did not come back: %+v", res.Stages)
	}
}
