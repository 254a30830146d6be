package slack

import (
	"encoding/json"
	"path/filepath"
	"testing"

	slackapi "github.com/slack-go/slack"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/notifier"
)

// goldenDigest is the digest of a storm of n, worst first as NotifyBatch
// orders it, with the first resolved of them resolved and the fixture's
// remediation titles.
func goldenDigest(n, resolved int) digest {
	dg := digest{Lang: classifier.LangEN, Threaded: true, Mentions: []string{"S0ONCALL1"}, Resolved: resolved}
	for i, d := range worstFirst(newOutbox().deliveries(storm(n))) {
		ev := d.Event
		if i < resolved {
			ev = later(ev, notifier.KindResolved, 2)
		}
		dg.Views = append(dg.Views, fixedView(ev))
		dg.IncidentIDs = append(dg.IncidentIDs, ev.IncidentID)
	}
	return dg
}

// TestGoldenDigest pins the digest's Block Kit JSON: as posted, after two
// resolutions, as a webhook message, and an incident's details reply.
func TestGoldenDigest(t *testing.T) {
	webhook := goldenDigest(7, 0)
	webhook.Threaded = false
	tests := []struct {
		name string
		m    message
	}{
		{"digest_opened", renderDigest(goldenDigest(7, 0))},
		{"digest_two_resolved", renderDigest(goldenDigest(7, 2))},
		{"digest_webhook", renderDigest(webhook)},
		{"digest_overflow", renderDigest(goldenDigest(45, 0))},
		{"detail_opened", render(fixedView(stormEvent(2)), styleDetail, "")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkLimits(t, tt.m)
			got, err := json.MarshalIndent(map[string]any{"text": tt.m.Text, "blocks": tt.m.Blocks}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			compareGolden(t, filepath.Join("testdata", tt.name+".golden.json"), got)
		})
	}
}

// marshalBlocks is a message's blocks as Slack receives them.
func marshalBlocks(t *testing.T, m message) string {
	t.Helper()
	raw, err := json.Marshal(m.Blocks)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// blockText returns the text of the block with that ID in a JSON array of
// blocks, or "" when there is none.
func blockText(t *testing.T, blocksJSON, id string) string {
	t.Helper()
	var blocks slackapi.Blocks
	if err := json.Unmarshal([]byte(blocksJSON), &blocks); err != nil {
		t.Fatalf("blocks: %v", err)
	}
	for _, b := range blocks.BlockSet {
		if b.ID() != id {
			continue
		}
		switch b := b.(type) {
		case *slackapi.HeaderBlock:
			return b.Text.Text
		case *slackapi.SectionBlock:
			return b.Text.Text
		case *slackapi.ContextBlock:
			out := ""
			for _, e := range b.ContextElements.Elements {
				if o, ok := e.(*slackapi.TextBlockObject); ok {
					out += o.Text
				}
			}
			return out
		}
	}
	return ""
}
