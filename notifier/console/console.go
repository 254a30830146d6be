// Package console is a sink that prints each notification, readably and
// with the same content as the Slack message, to an io.Writer. The demo
// uses it so that a first-time user sees what on-call would receive.
package console

import (
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/notifier"
)

var _ notifier.Notifier = (*Notifier)(nil)

// Notifier prints notifications. It is safe for concurrent use: each
// notification is written in one piece.
type Notifier struct {
	mu   sync.Mutex
	w    io.Writer
	lang func(notifier.Snapshot) classifier.Lang
}

// New returns a console sink writing to w. lang picks the language per
// incident; nil means English.
func New(w io.Writer, lang func(notifier.Snapshot) classifier.Lang) *Notifier {
	return &Notifier{w: w, lang: lang}
}

// Name returns "console".
func (n *Notifier) Name() string { return "console" }

// Notify prints the event. A failed write is not worth retrying (the
// terminal is gone), so retry is always false.
func (n *Notifier) Notify(_ context.Context, d *notifier.Delivery) (bool, error) {
	lang := classifier.LangEN
	if n.lang != nil {
		lang = n.lang(d.Event.Snapshot)
	}
	text := notifier.PlainText(notifier.NewView(d.Event, lang))
	n.mu.Lock()
	defer n.mu.Unlock()
	if _, err := io.WriteString(n.w, text); err != nil {
		return false, fmt.Errorf("console: %w", err)
	}
	return false, nil
}
