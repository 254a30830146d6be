// Package alertmanager is an optional sink that pushes incidents to
// Prometheus Alertmanager's v2 API, so teams that route everything through
// Alertmanager (silences, inhibitions, PagerDuty) see them there. Firing
// alerts are re-sent every poll with an endsAt a few intervals ahead and
// resolved alerts are sent with endsAt now, as Alertmanager's docs/alerts_api.md asks.
package alertmanager

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/config"
	"github.com/apigw-triage/apigw-triage/notifier"
)

var _ notifier.Notifier = (*Notifier)(nil)

// Options configure the sink.
type Options struct {
	// URL is Alertmanager's base URL (http://alertmanager:9093); it may
	// carry basic-auth credentials, so it never appears in an error.
	URL string
	// Interval is the daemon's poll interval; firing alerts end
	// ResendFactor intervals after each send (default 3).
	Interval     time.Duration
	ResendFactor int
	Lang         classifier.Lang
	// Severity is the severity label (default "critical").
	Severity string
	// RunbookURL, when set, becomes runbook_url with "#<cause>" appended.
	RunbookURL string
	// BearerToken, when set, is sent as "Authorization: Bearer <token>",
	// for an Alertmanager behind an authenticating proxy.
	BearerToken string
	// Timeout bounds one POST (default: the configuration's).
	Timeout    time.Duration
	HTTPClient *http.Client
	Logger     *slog.Logger
	Now        func() time.Time
}

// Notifier posts alerts to Alertmanager.
type Notifier struct {
	opts Options
}

// New returns the sink.
func New(opts Options) (*Notifier, error) {
	if opts.URL == "" {
		return nil, errors.New("alertmanager: url is required")
	}
	opts.URL = strings.TrimSuffix(opts.URL, "/")
	if opts.Interval <= 0 {
		opts.Interval = time.Minute
	}
	if opts.ResendFactor <= 0 {
		opts.ResendFactor = 3
	}
	if opts.Lang == "" {
		opts.Lang = classifier.LangEN
	}
	if opts.Severity == "" {
		opts.Severity = "critical"
	}
	if opts.Timeout <= 0 {
		opts.Timeout = config.Default().Alertmanager.Timeout
	}
	opts.HTTPClient = notifier.HTTPClient(opts.HTTPClient, opts.Timeout)
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Notifier{opts: opts}, nil
}

// Name returns "alertmanager".
func (n *Notifier) Name() string { return "alertmanager" }

// Notify sends the incident's alert for a transition. When an update
// changed the cause or status, the alert under the old labels is resolved
// in the same request, so it does not linger until its endsAt.
func (n *Notifier) Notify(ctx context.Context, d *notifier.Delivery) (bool, error) {
	inc := d.Event.Snapshot
	if d.Event.Kind == notifier.KindResolved && inc.ResolvedAt.IsZero() {
		inc.ResolvedAt = d.Event.At
	}
	alerts := []Alert{n.alert(inc)}
	if p := inc.Previous; p != nil && (p.Cause != inc.Diagnosis.Cause || p.Status != inc.Diagnosis.Status) {
		old := alerts[0]
		old.Labels = n.labels(inc, *p)
		old.EndsAt = n.opts.Now()
		alerts = append(alerts, old)
	}
	return n.post(ctx, alerts)
}

// Refresh re-sends every open incident's alert; the daemon calls it every
// poll so Alertmanager keeps them firing.
func (n *Notifier) Refresh(ctx context.Context, open []notifier.Snapshot) error {
	if len(open) == 0 {
		return nil
	}
	alerts := make([]Alert, 0, len(open))
	for _, inc := range open {
		alerts = append(alerts, n.alert(inc))
	}
	_, err := n.post(ctx, alerts)
	return err
}

// post sends alerts; 5xx, 429 and network errors are worth retrying, other
// answers are not (a 400 will be a 400 again).
func (n *Notifier) post(ctx context.Context, alerts []Alert) (bool, error) {
	body, err := json.Marshal(alerts)
	if err != nil {
		return false, fmt.Errorf("alertmanager: encode alerts: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, n.opts.URL+"/api/v2/alerts", bytes.NewReader(body))
	if err != nil {
		return false, notifier.Redact(fmt.Errorf("alertmanager: %w", err), n.opts.URL)
	}
	req.Header.Set("Content-Type", "application/json")
	if n.opts.BearerToken != "" {
		req.Header.Set("Authorization", "Bearer "+n.opts.BearerToken)
	}
	resp, err := n.opts.HTTPClient.Do(req)
	if err != nil {
		err = notifier.Redact(fmt.Errorf("alertmanager: %w", err), n.opts.URL)
		n.opts.Logger.Warn("alertmanager post failed", "alerts", len(alerts), "err", err)
		return true, err
	}
	defer func() { _ = resp.Body.Close() }()
	msg, _ := io.ReadAll(io.LimitReader(resp.Body, 256))
	if resp.StatusCode/100 == 2 {
		return false, nil
	}
	err = fmt.Errorf("alertmanager: HTTP %d: %s", resp.StatusCode, notifier.OneLine(strings.ToValidUTF8(string(msg), "?")))
	n.opts.Logger.Warn("alertmanager refused alerts", "alerts", len(alerts), "err", err)
	if resp.StatusCode == http.StatusTooManyRequests {
		if secs, perr := strconv.Atoi(resp.Header.Get("Retry-After")); perr == nil && secs >= 0 {
			return true, &notifier.RetryAfterError{After: time.Duration(secs) * time.Second, Err: err}
		}
		return true, err
	}
	return resp.StatusCode >= 500, err
}
