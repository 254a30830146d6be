package slack

import (
	"context"
	"fmt"
	"time"

	slackapi "github.com/slack-go/slack"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/notifier"
)

var _ notifier.Notifier = (*Notifier)(nil)

// Notifier is the Slack sink.
type Notifier struct {
	opts    Options
	api     *slackapi.Client // nil in webhook mode
	limiter *limiter
	metrics *metrics
}

// New returns a Slack sink. It fails on incomplete options and when the
// metrics cannot be registered (a second sink on the same registry).
func New(opts Options) (*Notifier, error) {
	opts, err := opts.defaults()
	if err != nil {
		return nil, err
	}
	m, err := newMetrics(opts.Registerer)
	if err != nil {
		return nil, err
	}
	n := &Notifier{opts: opts, limiter: newLimiter(opts.ChannelInterval), metrics: m}
	if opts.Token != "" {
		// No OptionRetry: the outbox owns retries and Retry-After.
		n.api = slackapi.New(opts.Token, slackapi.OptionAPIURL(opts.APIURL), slackapi.OptionHTTPClient(opts.HTTPClient))
	}
	return n, nil
}

// Name returns "slack".
func (n *Notifier) Name() string { return "slack" }

// Notify delivers one event. In bot mode it keeps d.State (the channel and
// root message of the incident) current and checkpoints it before every post
// it could not take back.
func (n *Notifier) Notify(ctx context.Context, d *notifier.Delivery) (bool, error) {
	if d.Event.Kind.EditOnly() {
		return n.confirm(ctx, d)
	}
	if n.api == nil {
		return n.notifyWebhook(ctx, d)
	}
	return n.notifyBot(ctx, d)
}

// route returns the incident's route with defaults filled in.
func (n *Notifier) route(inc notifier.Snapshot) Route {
	var r Route
	if n.opts.Route != nil {
		r = n.opts.Route(inc)
	}
	if r.Channel == "" {
		r.Channel = n.opts.Channel
	}
	if r.Lang == "" {
		r.Lang = classifier.LangEN
	}
	return r
}

// mention returns the user group to mention for an event, or "". A
// resolution never pings anyone.
func mention(r Route, ev notifier.Event) string {
	if ev.Kind == notifier.KindResolved || !r.mentions(ev.Snapshot.Diagnosis) {
		return ""
	}
	return r.Mention
}

// observe records a request's result and tags its error with the method.
func (n *Notifier) observe(method string, err error) error {
	n.metrics.requests.WithLabelValues(method, result(err)).Inc()
	if err == nil {
		return nil
	}
	return &methodError{method: method, err: err}
}

// methodError names the Slack method that failed.
type methodError struct {
	method string
	err    error
}

func (e *methodError) Error() string { return e.method + ": " + e.err.Error() }
func (e *methodError) Unwrap() error { return e.err }

// checkpoint persists the state before an irreversible post.
func checkpoint(d *notifier.Delivery) error {
	if d.Checkpoint == nil {
		return nil
	}
	if err := d.Checkpoint(d.State); err != nil {
		return fmt.Errorf("slack: checkpoint before posting: %w", err)
	}
	return nil
}

// setExtra sets or, with an empty value, deletes a key of the state's Extra.
func setExtra(s *notifier.SinkState, key, value string) {
	if value == "" {
		delete(s.Extra, key)
		return
	}
	if s.Extra == nil {
		s.Extra = map[string]string{}
	}
	s.Extra[key] = value
}

// slackTS formats an instant as a Slack timestamp bound (seconds.micros).
func slackTS(t time.Time) string {
	return fmt.Sprintf("%d.%06d", t.Unix(), t.Nanosecond()/1000)
}
