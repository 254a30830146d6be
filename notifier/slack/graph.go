package slack

import (
	"bytes"
	"context"
	"fmt"
	"time"

	slackapi "github.com/slack-go/slack"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/notifier"
)

// uploadTimeout bounds the graph's upload (three calls: upload URL, the
// file, completion), so a slow file service cannot hold the outbox.
const uploadTimeout = 20 * time.Second

// uploadGraph puts the incident's graph into its thread with Slack's
// files.uploadV2 flow (files.getUploadURLExternal, the upload, then
// files.completeUploadExternal). It is best effort: the message is what
// on-call needs, so a failure is logged and never returned, and the
// delivery is neither delayed by a retry nor repeated.
func (n *Notifier) uploadGraph(ctx context.Context, d *notifier.Delivery) {
	if n.opts.Graph == nil || n.api == nil {
		return
	}
	id := d.Event.IncidentID
	png, err := n.opts.Graph(id)
	if err != nil || len(png) == 0 {
		n.opts.Logger.Warn("slack graph not drawn", "incident", id, "err", err)
		return
	}
	ctx, cancel := context.WithTimeout(ctx, uploadTimeout)
	defer cancel()
	title := graphTitle(n.route(d.Event.Snapshot).Lang, d.Event.Snapshot)
	_, err = n.api.UploadFileContext(ctx, slackapi.UploadFileParameters{
		Reader: bytes.NewReader(png), FileSize: len(png), Filename: "apigw-triage-graph.png",
		Title: title, AltTxt: title,
		Channel: d.State.Channel, ThreadTimestamp: d.State.RootTS,
	})
	_ = n.observe(methodUpload, err)
	if err != nil {
		n.opts.Logger.Warn("slack graph upload failed; the message stands without it", "incident", id, "channel", d.State.Channel, "err", err)
	}
}

// graphTitle names the graph's two panels in the route's language: the
// error rate, and the latency at the statistic the stage is watched at
// (its configured percentile, not always p99).
func graphTitle(lang classifier.Lang, in notifier.Snapshot) string {
	latency := fmt.Sprintf(notifier.Label(lang, notifier.LabelLatency), in.LatencyName())
	return notifier.Label(lang, notifier.LabelErrorRate) + " · " + latency
}
