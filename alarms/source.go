package alarms

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"regexp"
	"sort"
	"sync"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/collector"
)

// SQSAPI is the part of the SQS client alarm mode calls.
type SQSAPI interface {
	ReceiveMessage(ctx context.Context, in *sqs.ReceiveMessageInput, opts ...func(*sqs.Options)) (*sqs.ReceiveMessageOutput, error)
	DeleteMessageBatch(ctx context.Context, in *sqs.DeleteMessageBatchInput, opts ...func(*sqs.Options)) (*sqs.DeleteMessageBatchOutput, error)
}

// Stages is what alarm mode asks of the collector: the discovered stages
// to map alarms onto, and the evidence of a stage, as in polling mode.
type Stages interface {
	Discover(ctx context.Context) ([]collector.Stage, []collector.TargetError)
	Evidence(ctx context.Context, st collector.Stage, start, end time.Time) (*collector.Evidence, error)
	EvidenceWindow(now time.Time) (start, end time.Time)
	Ready() error
}

// Options configure a Source.
type Options struct {
	QueueURL string
	// Wait is the long poll of one receive (0 to 20 s).
	Wait time.Duration
	// Repeat is how often a stage still in ALARM is reported again, so its
	// incident gets reminders and re-diagnoses: the daemon passes the
	// interval at which polling mode re-diagnoses an open incident.
	Repeat   time.Duration
	BookPath string
	SQS      SQSAPI
	Stages   Stages
	Clock    clock.Clock
	Logger   *slog.Logger
}

// Source is alarm mode's stand-in for the collector's Poll: each Poll is
// one receive from the queue, and its result holds the stages whose alarms
// changed (Tripped on ALARM, Clear once none of their alarms is in ALARM)
// and those still alarming. Ack deletes the messages once the daemon has
// stored what they changed.
type Source struct {
	opts Options
	log  *slog.Logger
	book *book

	mu       sync.Mutex
	pending  []pendingMsg
	reported map[string]time.Time // stage key -> last time reported tripped
}

// pendingMsg is a received message waiting for Ack. ev is nil for a message
// that changes nothing (not an alarm of ours, or stale): Ack only deletes it.
type pendingMsg struct {
	receipt string
	ev      *Event
	stages  []string
}

// New loads the book of applied alarm states and returns a Source.
func New(opts Options) (*Source, error) {
	if opts.SQS == nil || opts.Stages == nil || opts.QueueURL == "" {
		return nil, errors.New("alarms: queue URL, SQS client and stages are required")
	}
	if opts.Clock == nil {
		opts.Clock = clock.Real{}
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	b, err := loadBook(opts.BookPath)
	if err != nil {
		return nil, err
	}
	return &Source{opts: opts, log: opts.Logger, book: b, reported: map[string]time.Time{}}, nil
}

// Evidence is the collector's.
func (s *Source) Evidence(ctx context.Context, st collector.Stage, start, end time.Time) (*collector.Evidence, error) {
	return s.opts.Stages.Evidence(ctx, st, start, end)
}

// Ready is the collector's (its discovery of every region).
func (s *Source) Ready() error { return s.opts.Stages.Ready() }

// Poll receives up to 10 events, waiting up to Wait for the first.
func (s *Source) Poll(ctx context.Context) (*collector.PollResult, error) {
	out, err := s.opts.SQS.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{
		QueueUrl: aws.String(s.opts.QueueURL), MaxNumberOfMessages: 10,
		WaitTimeSeconds: int32(s.opts.Wait / time.Second),
	})
	if err != nil {
		return nil, fmt.Errorf("receiving alarm events: %w", err)
	}
	stages, failures := s.opts.Stages.Discover(ctx)
	now := s.opts.Clock.Now()
	res := &collector.PollResult{At: now, Failures: failures}
	if ctx.Err() != nil {
		return res, ctx.Err()
	}
	idx := indexStages(stages)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pending = s.pending[:0]
	states := maps.Clone(s.book.alarms)
	var touched []string
	for _, m := range sortedEvents(s.log, out) {
		p := s.admit(m, idx, states)
		s.pending = append(s.pending, p)
		touched = append(touched, p.stages...)
	}
	res.Stages = s.results(idx, states, touched, now)
	return res, nil
}

// admit decides what one received message does, applying it to states.
func (s *Source) admit(m received, idx map[StageRef][]collector.Stage, states map[string]applied) pendingMsg {
	p := pendingMsg{receipt: m.receipt}
	if m.ev == nil || stale(states, *m.ev) {
		return p
	}
	ev := *m.ev
	for _, ref := range ev.Stages {
		for _, st := range lookup(idx, ref) {
			p.stages = append(p.stages, st.Key)
		}
	}
	if len(p.stages) == 0 {
		// An alarm on another service's metric is expected (the rule
		// forwards every alarm); one on an unwatched stage is worth a word.
		lvl := slog.LevelDebug
		if len(ev.Stages) > 0 {
			lvl = slog.LevelWarn
		}
		s.log.Log(context.Background(), lvl, "alarm names no watched stage; deleted", "alarm", ev.Alarm, "account", ev.Account, "region", ev.Region)
		return p
	}
	p.ev = &ev
	states[ev.key()] = applied{State: ev.State, At: ev.StateAt, EventID: ev.ID, Stages: p.stages}
	s.log.Info("alarm state change", "alarm", ev.Alarm, "state", ev.State, "at", ev.StateAt, "stages", p.stages)
	return p
}

// results are the stages an event touched, and the stages still alarming
// that were last reported an interval ago or more.
func (s *Source) results(idx map[StageRef][]collector.Stage, states map[string]applied, touched []string, now time.Time) []collector.StageResult {
	byKey := map[string]collector.Stage{}
	for _, sts := range idx {
		for _, st := range sts {
			byKey[st.Key] = st
		}
	}
	start, end := s.opts.Stages.EvidenceWindow(now)
	done := map[string]bool{}
	var out []collector.StageResult
	add := func(key string) {
		st, ok := byKey[key]
		if !ok || done[key] {
			return
		}
		done[key] = true
		on := alarming(states, key)
		out = append(out, collector.StageResult{Stage: st, Figures: stage.Figures{WindowStart: start, WindowEnd: end}, Tripped: on, Clear: !on})
		if on {
			s.reported[key] = now
		} else {
			delete(s.reported, key)
		}
	}
	for _, k := range touched {
		add(k)
	}
	for k, at := range s.reported {
		if now.Sub(at) >= s.opts.Repeat {
			add(k)
		}
	}
	return out
}

// Ack records the applied states of the messages of the last Poll whose
// stages were all stored (none in failed), then deletes those messages.
// The others come back after the queue's visibility timeout.
func (s *Source) Ack(ctx context.Context, failed map[string]bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var receipts []string
	for _, p := range s.pending {
		if anyFailed(p.stages, failed) {
			continue
		}
		if p.ev != nil {
			s.book.alarms[p.ev.key()] = applied{State: p.ev.State, At: p.ev.StateAt, EventID: p.ev.ID, Stages: p.stages}
		}
		receipts = append(receipts, p.receipt)
	}
	s.pending = s.pending[:0]
	if len(receipts) == 0 {
		return nil
	}
	if err := s.book.save(); err != nil {
		return err
	}
	return s.delete(ctx, receipts)
}

// delete removes messages in batches of 10, SQS's maximum.
func (s *Source) delete(ctx context.Context, receipts []string) error {
	var errs []error
	for len(receipts) > 0 {
		n := min(10, len(receipts))
		if err := deleteBatch(ctx, s.opts.SQS, s.opts.QueueURL, receipts[:n]); err != nil {
			errs = append(errs, err)
		}
		receipts = receipts[n:]
	}
	return errors.Join(errs...)
}

func anyFailed(keys []string, failed map[string]bool) bool {
	for _, k := range keys {
		if failed[k] {
			return true
		}
	}
	return false
}

// lookup finds the stages an alarm's reference names. Events name the
// account by id; a stage of the ambient account (configured without an
// id) is indexed under no account and matches any.
func lookup(idx map[StageRef][]collector.Stage, ref StageRef) []collector.Stage {
	out := idx[ref]
	ref.Account = ""
	return append(out[:len(out):len(out)], idx[ref]...)
}

// indexStages maps each stage by the reference its metrics use.
func indexStages(stages []collector.Stage) map[StageRef][]collector.Stage {
	idx := map[StageRef][]collector.Stage{}
	for _, st := range stages {
		ref := StageRef{Account: st.Account, Region: st.Region, API: st.APIName, Stage: st.Stage}
		if !accountID.MatchString(ref.Account) {
			ref.Account = ""
		}
		if st.APIType != stage.APIREST { // HTTP and WebSocket metrics are keyed by ApiId
			ref.HTTP, ref.API = true, st.APIID
		}
		idx[ref] = append(idx[ref], st)
	}
	return idx
}

var accountID = regexp.MustCompile(`^[0-9]{12}$`)

// received is one message and the event it holds (nil: not for us).
type received struct {
	receipt string
	ev      *Event
}

// sortedEvents parses the messages and orders them by state time, because
// a standard queue does not keep order. A message that does not parse is
// left in the queue (so after maxReceiveCount it lands in the dead-letter
// queue, for a person to read) and is not returned.
func sortedEvents(log *slog.Logger, out *sqs.ReceiveMessageOutput) []received {
	var rs []received
	for _, m := range out.Messages {
		ev, err := Parse([]byte(aws.ToString(m.Body)))
		switch {
		case errors.Is(err, ErrNotAlarm):
			log.Warn("queue message is not an alarm state change; deleted", "message_id", aws.ToString(m.MessageId))
			rs = append(rs, received{receipt: aws.ToString(m.ReceiptHandle)})
		case err != nil:
			log.Error("unreadable alarm event left in the queue", "message_id", aws.ToString(m.MessageId), "err", err)
		default:
			rs = append(rs, received{receipt: aws.ToString(m.ReceiptHandle), ev: &ev})
		}
	}
	sort.SliceStable(rs, func(i, j int) bool { return stateAt(rs[i]).Before(stateAt(rs[j])) })
	return rs
}

func stateAt(r received) time.Time {
	if r.ev == nil {
		return time.Time{}
	}
	return r.ev.StateAt
}
