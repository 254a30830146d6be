package emulator

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// sqsTarget is the awsJson1_0 X-Amz-Target prefix of SQS, the protocol
// aws-sdk-go-v2/service/sqs speaks (it left awsQuery in 2023).
const sqsTarget = "AmazonSQS."

// maxWait is SQS's longest long poll (WaitTimeSeconds 20).
const maxWait = 20 * time.Second

type sqsOp func(s *Server, c *call) (any, error)

var sqsOps = map[string]sqsOp{
	"CreateQueue":        (*Server).createQueue,
	"GetQueueUrl":        (*Server).getQueueURL,
	"GetQueueAttributes": (*Server).getQueueAttributes,
	"SendMessage":        (*Server).sendMessage,
	"ReceiveMessage":     (*Server).receiveMessage,
	"DeleteMessage":      (*Server).deleteMessage,
	"DeleteMessageBatch": (*Server).deleteMessageBatch,
}

// serveSQS answers SQS in awsJson1_0; errors carry the awsQuery code in
// x-amzn-query-error, as SQS does for query-compatible clients.
func (s *Server) serveSQS(c *call) {
	c.service, c.op = "sqs", strings.TrimPrefix(c.r.Header.Get("X-Amz-Target"), sqsTarget)
	op, ok := sqsOps[c.op]
	if !ok {
		s.stats.count(c, false)
		s.sqsError(c, &apiError{Status: http.StatusBadRequest, Code: "com.amazonaws.sqs#UnsupportedOperation", Message: "Unsupported operation " + c.op})
		return
	}
	if !s.admit(c) {
		s.sqsError(c, &apiError{Status: http.StatusBadRequest, Code: "com.amazonaws.sqs#RequestThrottled", Message: "Rate exceeded", QueryCode: "RequestThrottled"})
		return
	}
	s.alarms.evaluate(s)
	out, err := op(s, c)
	if err != nil {
		s.sqsError(c, asAPIError(err))
		return
	}
	writeJSON(c, http.StatusOK, "application/x-amz-json-1.0", out)
}

func (s *Server) sqsError(c *call, e *apiError) {
	s.countError()
	if e.QueryCode != "" {
		c.w.Header().Set("X-Amzn-Query-Error", e.QueryCode+";Sender")
	}
	writeJSON(c, e.Status, "application/x-amz-json-1.0", map[string]any{"__type": e.Code, "message": e.Message})
}

func errNoQueue() *apiError {
	return &apiError{Status: http.StatusBadRequest, Code: "com.amazonaws.sqs#QueueDoesNotExist",
		Message: "The specified queue does not exist.", QueryCode: "AWS.SimpleQueueService.NonExistentQueue"}
}

func errSQSInvalid(code, msg string) *apiError {
	return &apiError{Status: http.StatusBadRequest, Code: "com.amazonaws.sqs#" + code, Message: msg, QueryCode: code}
}

// queueURL is the URL SQS gives a queue, on the host the client called.
func queueURL(c *call, account, name string) string {
	return "http://" + c.r.Host + "/" + account + "/" + name
}

// queueOf resolves a QueueUrl: its path names the account and the queue,
// the request's signing scope the region.
func (s *Server) queueOf(c *call, raw string) (*sqsQueue, error) {
	u, err := url.Parse(raw)
	if err != nil || raw == "" {
		return nil, errSQSInvalid("InvalidAddress", "The address "+strconv.Quote(raw)+" is not valid for this endpoint.")
	}
	account, name, ok := strings.Cut(strings.Trim(u.Path, "/"), "/")
	if !ok {
		return nil, errSQSInvalid("InvalidAddress", "The address "+strconv.Quote(raw)+" is not valid for this endpoint.")
	}
	q := s.sqs.get(account, c.region, name)
	if q == nil {
		return nil, errNoQueue()
	}
	return q, nil
}

type queueNameInput struct {
	QueueName              string
	QueueOwnerAWSAccountId string //nolint:revive // the wire name
	Attributes             map[string]string
}

func (s *Server) createQueue(c *call) (any, error) {
	var in queueNameInput
	if err := decodeJSONInput(c, &in); err != nil {
		return nil, err
	}
	if !validQueueName(in.QueueName) {
		return nil, errSQSInvalid("InvalidParameterValue", "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length")
	}
	q := s.sqs.create(c.account, c.region, in.QueueName, s.b.Now())
	if v, ok := in.Attributes["VisibilityTimeout"]; ok {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > 43200 {
			return nil, errSQSInvalid("InvalidAttributeValue", "Invalid value for the parameter VisibilityTimeout.")
		}
		s.sqs.mu.Lock()
		q.visibility = time.Duration(n) * time.Second
		s.sqs.mu.Unlock()
	}
	return map[string]string{"QueueUrl": queueURL(c, q.account, q.name)}, nil
}

func (s *Server) getQueueURL(c *call) (any, error) {
	var in queueNameInput
	if err := decodeJSONInput(c, &in); err != nil {
		return nil, err
	}
	account := c.account
	if in.QueueOwnerAWSAccountId != "" {
		account = in.QueueOwnerAWSAccountId
	}
	q := s.sqs.get(account, c.region, in.QueueName)
	if q == nil {
		return nil, errNoQueue()
	}
	return map[string]string{"QueueUrl": queueURL(c, q.account, q.name)}, nil
}

func (s *Server) getQueueAttributes(c *call) (any, error) {
	var in struct{ QueueUrl string } //nolint:revive // the wire name
	if err := decodeJSONInput(c, &in); err != nil {
		return nil, err
	}
	q, err := s.queueOf(c, in.QueueUrl)
	if err != nil {
		return nil, err
	}
	visible, inFlight := s.sqs.counts(q, s.b.Now())
	return map[string]any{"Attributes": map[string]string{
		"ApproximateNumberOfMessages":           strconv.Itoa(visible),
		"ApproximateNumberOfMessagesNotVisible": strconv.Itoa(inFlight),
		"VisibilityTimeout":                     strconv.Itoa(int(q.visibility / time.Second)),
		"CreatedTimestamp":                      strconv.FormatInt(q.created.Unix(), 10),
		"QueueArn":                              "arn:aws:sqs:" + q.region + ":" + q.account + ":" + q.name,
	}}, nil
}

func validQueueName(n string) bool {
	if n == "" || len(n) > 80 {
		return false
	}
	for _, r := range n {
		if !queueNameRune(r) {
			return false
		}
	}
	return true
}

func queueNameRune(r rune) bool {
	return r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}
