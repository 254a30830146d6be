package alarms

import (
	"context"
	"fmt"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"
)

// deleteBatch deletes up to 10 messages; an entry SQS refuses is an error
// (the message comes back after its visibility timeout and, being in the
// book, is then deleted without effect).
func deleteBatch(ctx context.Context, c SQSAPI, queue string, receipts []string) error {
	entries := make([]sqstypes.DeleteMessageBatchRequestEntry, len(receipts))
	for i, r := range receipts {
		entries[i] = sqstypes.DeleteMessageBatchRequestEntry{Id: aws.String(strconv.Itoa(i)), ReceiptHandle: aws.String(r)}
	}
	out, err := c.DeleteMessageBatch(ctx, &sqs.DeleteMessageBatchInput{QueueUrl: aws.String(queue), Entries: entries})
	if err != nil {
		return fmt.Errorf("deleting alarm events: %w", err)
	}
	if len(out.Failed) > 0 {
		f := out.Failed[0]
		return fmt.Errorf("deleting alarm events: %d refused, first: %s: %s", len(out.Failed), aws.ToString(f.Code), aws.ToString(f.Message))
	}
	return nil
}
