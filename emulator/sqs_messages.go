package emulator

import (
	"strconv"
	"time"
)

// maxMessageBytes is SQS's default maximum message size.
const maxMessageBytes = 256 * 1024

func (s *Server) sendMessage(c *call) (any, error) {
	var in struct {
		QueueUrl    string //nolint:revive // the wire name
		MessageBody string
	}
	if err := decodeJSONInput(c, &in); err != nil {
		return nil, err
	}
	q, err := s.queueOf(c, in.QueueUrl)
	if err != nil {
		return nil, err
	}
	if in.MessageBody == "" || len(in.MessageBody) > maxMessageBytes {
		return nil, errSQSInvalid("InvalidParameterValue", "The message body must be 1 to 262144 bytes long.")
	}
	id := s.sqs.send(q, in.MessageBody, s.b.Now())
	return map[string]string{"MessageId": id, "MD5OfMessageBody": md5Hex(in.MessageBody)}, nil
}

type receiveInput struct {
	QueueUrl            string //nolint:revive // the wire name
	MaxNumberOfMessages *int
	WaitTimeSeconds     *int
	VisibilityTimeout   *int
}

// receiveMessage long-polls on the emulator's clock: it answers as soon as
// a message is visible, or empty once WaitTimeSeconds of emulated time
// have passed, re-checking the queue (and evaluating alarms) every tick.
func (s *Server) receiveMessage(c *call) (any, error) {
	var in receiveInput
	if err := decodeJSONInput(c, &in); err != nil {
		return nil, err
	}
	q, err := s.queueOf(c, in.QueueUrl)
	if err != nil {
		return nil, err
	}
	limit, wait, vis, err := receiveParams(in, q.visibility)
	if err != nil {
		return nil, err
	}
	deadline := s.b.Now().Add(wait)
	for {
		now := s.b.Now()
		if got := s.sqs.receive(q, limit, vis, now); len(got) > 0 || !now.Before(deadline) {
			return receiveOutput(got), nil
		}
		select {
		case <-c.r.Context().Done():
			return receiveOutput(nil), nil
		case <-s.tick():
		}
		s.alarms.evaluate(s)
	}
}

func receiveParams(in receiveInput, defVis time.Duration) (limit int, wait, vis time.Duration, err error) {
	limit, vis = 1, defVis
	if in.MaxNumberOfMessages != nil {
		limit = *in.MaxNumberOfMessages
		if limit < 1 || limit > 10 {
			return 0, 0, 0, errSQSInvalid("InvalidParameterValue", "Value "+strconv.Itoa(limit)+" for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.")
		}
	}
	if in.WaitTimeSeconds != nil {
		wait = time.Duration(*in.WaitTimeSeconds) * time.Second
		if wait < 0 || wait > maxWait {
			return 0, 0, 0, errSQSInvalid("InvalidParameterValue", "Value "+strconv.Itoa(*in.WaitTimeSeconds)+" for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.")
		}
	}
	if in.VisibilityTimeout != nil {
		if *in.VisibilityTimeout < 0 || *in.VisibilityTimeout > 43200 {
			return 0, 0, 0, errSQSInvalid("InvalidParameterValue", "Value for parameter VisibilityTimeout is invalid.")
		}
		vis = time.Duration(*in.VisibilityTimeout) * time.Second
	}
	return limit, wait, vis, nil
}

func receiveOutput(msgs []sqsMessage) map[string]any {
	out := make([]map[string]any, len(msgs))
	for i, m := range msgs {
		out[i] = map[string]any{
			"MessageId": m.id, "ReceiptHandle": m.receipt, "MD5OfBody": md5Hex(m.body), "Body": m.body,
			"Attributes": map[string]string{
				"ApproximateReceiveCount": strconv.Itoa(m.receives),
				"SentTimestamp":           strconv.FormatInt(m.sent.UnixMilli(), 10),
			},
		}
	}
	return map[string]any{"Messages": out}
}

func (s *Server) deleteMessage(c *call) (any, error) {
	var in struct {
		QueueUrl      string //nolint:revive // the wire name
		ReceiptHandle string
	}
	if err := decodeJSONInput(c, &in); err != nil {
		return nil, err
	}
	q, err := s.queueOf(c, in.QueueUrl)
	if err != nil {
		return nil, err
	}
	if !s.sqs.remove(q, in.ReceiptHandle) {
		return nil, errSQSInvalid("ReceiptHandleIsInvalid", "The input receipt handle is invalid.")
	}
	return map[string]any{}, nil
}

func (s *Server) deleteMessageBatch(c *call) (any, error) {
	var in struct {
		QueueUrl string //nolint:revive // the wire name
		Entries  []struct {
			ID            string `json:"Id"`
			ReceiptHandle string
		}
	}
	if err := decodeJSONInput(c, &in); err != nil {
		return nil, err
	}
	q, err := s.queueOf(c, in.QueueUrl)
	if err != nil {
		return nil, err
	}
	if len(in.Entries) == 0 || len(in.Entries) > 10 {
		return nil, errSQSInvalid("TooManyEntriesInBatchRequest", "A batch request holds 1 to 10 entries.")
	}
	ok, failed := []map[string]string{}, []map[string]any{}
	for _, e := range in.Entries {
		if s.sqs.remove(q, e.ReceiptHandle) {
			ok = append(ok, map[string]string{"Id": e.ID})
			continue
		}
		failed = append(failed, map[string]any{"Id": e.ID, "Code": "ReceiptHandleIsInvalid", "Message": "The input receipt handle is invalid.", "SenderFault": true})
	}
	return map[string]any{"Successful": ok, "Failed": failed}, nil
}

// tick is a long poll's re-check: an emulated second on the scenario's
// clock when the server has it, else a few wall milliseconds.
func (s *Server) tick() <-chan time.Time {
	if s.clk != nil {
		return s.clk.After(time.Second)
	}
	return time.After(5 * time.Millisecond)
}
