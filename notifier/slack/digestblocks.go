package slack

import (
	"fmt"
	"strings"

	slackapi "github.com/slack-go/slack"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/notifier"
)

// maxDigestLines is how many incidents a digest lists one by one; the rest
// are counted ("…and 20 more"). With the header, the summary and that count
// it stays under Slack's 50 blocks, one section per incident so that each
// line can be edited on its own.
const maxDigestLines = maxBlocks - 10

// maxDigestText bounds a digest's notification text: a push notification
// shows the first hundred characters or so, the rest is for screen readers.
const maxDigestText = 1000

// Block IDs of a digest. The digest is edited by block: the line of an
// incident that changed, the header and the summary, nothing else.
const (
	blockDigestHead    = "digest-head"
	blockDigestSummary = "digest-summary"
	blockDigestMore    = "digest-more"
	lineBlockPrefix    = "inc:"
)

// digest is what a digest message shows: the incidents that opened at once
// and go to one channel.
type digest struct {
	Lang        classifier.Lang
	Views       []notifier.View
	IncidentIDs []string
	// Mentions are the user groups of the routes that asked for one; each
	// is mentioned once however many of its incidents the digest holds.
	Mentions []string
	// Threaded is set in bot mode, where each incident's details follow as
	// thread replies.
	Threaded bool
	Resolved int
}

// renderDigest builds the digest message: a header with the count, a
// summary (mentions, how many resolved, where the details are), one short
// section per incident, and the count of those not listed.
func renderDigest(dg digest) message {
	total := len(dg.Views)
	blocks := []slackapi.Block{digestHeader(dg.Lang, total, dg.Resolved)}
	if s := digestSummary(dg.Lang, dg.Mentions, total, dg.Resolved, dg.Threaded); s != nil {
		blocks = append(blocks, s)
	}
	for i, v := range dg.Views[:min(total, maxDigestLines)] {
		blocks = append(blocks, digestLine(v, dg.IncidentIDs[i]))
	}
	if more := total - maxDigestLines; more > 0 {
		blocks = append(blocks, slackapi.NewContextBlock(blockDigestMore,
			slackapi.NewTextBlockObject(slackapi.MarkdownType, fmt.Sprintf(digestLabel(dg.Lang, digestMore), more), false, false)))
	}
	return message{Text: digestText(dg), Blocks: blocks}
}

// digestHeader counts the incidents; its emoji turns to a check mark once
// every one of them is resolved.
func digestHeader(lang classifier.Lang, total, resolved int) *slackapi.HeaderBlock {
	e := ":rotating_light:"
	if total > 0 && resolved >= total {
		e = ":white_check_mark:"
	}
	text := truncate(e+" "+digestCount(lang, total), maxHeaderText)
	return slackapi.NewHeaderBlock(slackapi.NewTextBlockObject(slackapi.PlainTextType, text, true, false),
		slackapi.HeaderBlockOptionBlockID(blockDigestHead))
}

// digestCount is "7 incidents opened at once"; Japanese and Chinese put no
// space between the number and the counter word.
func digestCount(lang classifier.Lang, total int) string {
	sep := " "
	if lang == classifier.LangJA || lang == classifier.LangZhTW {
		sep = ""
	}
	return fmt.Sprintf("%d%s%s", total, sep, notifier.Label(lang, notifier.LabelDigest))
}

// digestSummary is the line under the header, or nil when it would be empty.
func digestSummary(lang classifier.Lang, mentions []string, total, resolved int, threaded bool) *slackapi.SectionBlock {
	var parts []string
	for _, m := range mentions {
		parts = append(parts, mentionMarkup(m))
	}
	if resolved > 0 {
		parts = append(parts, "*"+fmt.Sprintf(digestLabel(lang, digestResolved), resolved, total)+"*")
	}
	if threaded {
		parts = append(parts, digestLabel(lang, digestThread))
	}
	if len(parts) == 0 {
		return nil
	}
	s := section(strings.Join(parts, " · "))
	s.BlockID = blockDigestSummary
	return s
}

// digestLine is one incident in two short lines: status and API/stage,
// then the figure (error rate, or once resolved how long it was open) and
// the cause. The figure comes first so that a phone never wraps it alone
// onto a line of its own; the cause title may wrap.
func digestLine(v notifier.View, incidentID string) *slackapi.SectionBlock {
	e := ":rotating_light:"
	var second []string
	if v.Resolved {
		e = ":white_check_mark:"
		second = append(second, "_"+escapeMrkdwn(notifier.Label(v.Lang, notifier.LabelResolved))+"_")
		if open := fieldValue(v, notifier.LabelOpenFor); open != "" {
			second = append(second, escapeMrkdwn(notifier.Label(v.Lang, notifier.LabelOpenFor)+" "+open))
		}
	} else if rate := errorRate(v); rate != "" {
		second = append(second, escapeMrkdwn(rate))
	}
	second = append(second, escapeMrkdwn(v.CauseTitle))
	text := fmt.Sprintf("%s *%s · %s*\n%s", e, escapeMrkdwn(v.Status), escapeMrkdwn(v.Target), strings.Join(second, " · "))
	s := section(text)
	s.BlockID = lineBlockID(incidentID)
	return s
}

// lineBlockID names an incident's line; Slack allows 255 characters.
func lineBlockID(incidentID string) string {
	return truncate(lineBlockPrefix+incidentID, 255)
}

// fieldValue returns the value of the view's field with that label.
func fieldValue(v notifier.View, key notifier.LabelKey) string {
	label := notifier.Label(v.Lang, key)
	for _, f := range v.Fields {
		if f.Label == label {
			return f.Value
		}
	}
	return ""
}

// digestText is the push notification: the count, then the stages.
func digestText(dg digest) string {
	var b strings.Builder
	for _, m := range dg.Mentions {
		b.WriteString(mentionMarkup(m) + " ")
	}
	b.WriteString(escapeMrkdwn(digestCount(dg.Lang, len(dg.Views))) + ":")
	for i, v := range dg.Views {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(" " + escapeMrkdwn(v.Status+" "+v.Target))
		if b.Len() > maxDigestText {
			break
		}
	}
	return truncate(b.String(), maxDigestText)
}

// digestPlain is the fallback when Slack refuses the blocks.
func digestPlain(dg digest) message {
	lines := []string{digestText(dg)}
	for _, v := range dg.Views[:min(len(dg.Views), maxDigestLines)] {
		lines = append(lines, escapeMrkdwn(fmt.Sprintf("• %s %s: %s (%s)", v.Status, v.Target, v.CauseTitle, errorRate(v))))
	}
	if more := len(dg.Views) - maxDigestLines; more > 0 {
		lines = append(lines, fmt.Sprintf(digestLabel(dg.Lang, digestMore), more))
	}
	return message{Text: truncate(strings.Join(lines, "\n"), 3900)}
}
