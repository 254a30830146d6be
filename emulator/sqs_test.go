package emulator

import (
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"
)

// TestSQSLifecycle drives a queue through the real SDK: the SDK checks
// every MD5 the emulator returns, so a wrong checksum fails the call.
func TestSQSLifecycle(t *testing.T) {
	f := newFakeWorld()
	_, ts := newTestServer(t, f)
	c := sqs.NewFromConfig(sdkConfig(ts.URL, "AKIDTEST"))
	ctx := testCtx(t)
	cq, err := c.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("work"), Attributes: map[string]string{"VisibilityTimeout": "60"}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.GetQueueUrl(ctx, &sqs.GetQueueUrlInput{QueueName: aws.String("work")})
	if err != nil || *got.QueueUrl != *cq.QueueUrl {
		t.Fatalf("GetQueueUrl = %v, %v; want %s", got, err, *cq.QueueUrl)
	}
	for _, body := range []string{`{"a":1}`, "héllo <b>"} {
		if _, err := c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: cq.QueueUrl, MessageBody: aws.String(body)}); err != nil {
			t.Fatal(err)
		}
	}
	r1, err := c.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: cq.QueueUrl, MaxNumberOfMessages: 10})
	if err != nil || len(r1.Messages) != 2 || *r1.Messages[1].Body != "héllo <b>" {
		t.Fatalf("receive = %+v, %v", r1, err)
	}
	// In flight: a second receive sees nothing until the visibility
	// timeout passes on the emulator's clock, then the same messages with
	// new receipt handles and a receive count of 2.
	if r, _ := c.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: cq.QueueUrl, MaxNumberOfMessages: 10}); len(r.Messages) != 0 {
		t.Fatalf("in-flight messages received again: %d", len(r.Messages))
	}
	f.advance(61 * time.Second)
	r2, err := c.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: cq.QueueUrl, MaxNumberOfMessages: 10,
		MessageSystemAttributeNames: []sqstypes.MessageSystemAttributeName{"All"}})
	if err != nil || len(r2.Messages) != 2 || r2.Messages[0].Attributes["ApproximateReceiveCount"] != "2" {
		t.Fatalf("redelivery = %+v, %v", r2, err)
	}
	// The stale handle no longer deletes; the new ones do.
	if _, err := c.DeleteMessage(ctx, &sqs.DeleteMessageInput{QueueUrl: cq.QueueUrl, ReceiptHandle: r1.Messages[0].ReceiptHandle}); err != nil {
		t.Fatal(err)
	}
	del, err := c.DeleteMessageBatch(ctx, &sqs.DeleteMessageBatchInput{QueueUrl: cq.QueueUrl, Entries: []sqstypes.DeleteMessageBatchRequestEntry{
		{Id: aws.String("0"), ReceiptHandle: r2.Messages[0].ReceiptHandle},
		{Id: aws.String("1"), ReceiptHandle: r2.Messages[1].ReceiptHandle},
	}})
	if err != nil || len(del.Successful) != 2 || len(del.Failed) != 0 {
		t.Fatalf("delete batch = %+v, %v", del, err)
	}
	attrs, err := c.GetQueueAttributes(ctx, &sqs.GetQueueAttributesInput{QueueUrl: cq.QueueUrl, AttributeNames: []sqstypes.QueueAttributeName{"All"}})
	if err != nil || attrs.Attributes["ApproximateNumberOfMessages"] != "0" || attrs.Attributes["ApproximateNumberOfMessagesNotVisible"] != "0" {
		t.Fatalf("attributes = %v, %v", attrs, err)
	}
}

// TestSQSLongPollOnEmulatedClock: a receive with WaitTimeSeconds waits on
// the emulator's clock, not the wall clock, and returns when a message
// arrives.
func TestSQSLongPollOnEmulatedClock(t *testing.T) {
	f := newFakeWorld()
	_, ts := newTestServer(t, f)
	c := sqs.NewFromConfig(sdkConfig(ts.URL, "AKIDTEST"))
	ctx := testCtx(t)
	cq, err := c.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("wait")})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan *sqs.ReceiveMessageOutput, 1)
	go func() {
		out, _ := c.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: cq.QueueUrl, WaitTimeSeconds: 20})
		done <- out
	}()
	select {
	case <-done:
		t.Fatal("a 20 s long poll returned before the emulated clock moved")
	case <-time.After(100 * time.Millisecond):
	}
	if _, err := c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: cq.QueueUrl, MessageBody: aws.String("x")}); err != nil {
		t.Fatal(err)
	}
	if out := <-done; out == nil || len(out.Messages) != 1 {
		t.Fatalf("long poll did not return the message: %+v", out)
	}
	go func() {
		out, _ := c.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: cq.QueueUrl, WaitTimeSeconds: 20})
		done <- out
	}()
	time.Sleep(20 * time.Millisecond)
	f.advance(21 * time.Second)
	if out := <-done; out == nil || len(out.Messages) != 0 {
		t.Fatalf("empty long poll = %+v", out)
	}
}

func TestSQSErrors(t *testing.T) {
	_, ts := newTestServer(t, newFakeWorld())
	c := sqs.NewFromConfig(sdkConfig(ts.URL, "AKIDTEST"))
	ctx := testCtx(t)
	_, err := c.GetQueueUrl(ctx, &sqs.GetQueueUrlInput{QueueName: aws.String("missing")})
	var nq *sqstypes.QueueDoesNotExist
	if !errors.As(err, &nq) {
		t.Errorf("missing queue: %v, want QueueDoesNotExist", err)
	}
	if _, err := c.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("bad name!")}); err == nil {
		t.Error("invalid queue name accepted")
	}
	cq, _ := c.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("q")})
	if _, err := c.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: cq.QueueUrl, WaitTimeSeconds: 21}); err == nil {
		t.Error("WaitTimeSeconds 21 accepted")
	}
	if _, err := c.DeleteMessage(ctx, &sqs.DeleteMessageInput{QueueUrl: cq.QueueUrl, ReceiptHandle: aws.String("garbage")}); err == nil {
		t.Error("malformed receipt handle accepted")
	}
}
