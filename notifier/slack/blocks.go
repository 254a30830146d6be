package slack

import (
	"fmt"
	"strings"

	slackapi "github.com/slack-go/slack"

	"github.com/apigw-triage/apigw-triage/notifier"
)

// style is the shape of a message: the full state (a root message, a
// webhook message) or a short thread reply.
type style int

const (
	styleFull style = iota
	styleRoot
	styleReply
	// styleDetail is the full state as a thread reply: an incident's
	// details under the digest that announced it.
	styleDetail
)

// message is a rendered Slack message: the notification text (what a phone
// shows in the push notification, and the fallback) and the blocks.
type message struct {
	Text   string
	Blocks []slackapi.Block
}

// emoji returns the header's status emoji.
func emoji(v notifier.View) string {
	switch {
	case v.Resolved:
		return ":white_check_mark:"
	case v.Kind == notifier.KindUpdated:
		return ":arrows_counterclockwise:"
	case v.Kind == notifier.KindReminder:
		return ":hourglass_flowing_sand:"
	}
	return ":rotating_light:"
}

// headline is the state a root message shows: it is edited in place, so it
// says "Incident opened" (the words webhook mode uses for the same message)
// or "Resolved" rather than what the last event was.
func headline(v notifier.View, s style) string {
	if s != styleRoot {
		return v.Headline
	}
	if v.Resolved {
		return notifier.Label(v.Lang, notifier.LabelResolved)
	}
	return notifier.Label(v.Lang, notifier.LabelOpened)
}

// render builds the message for a view. mention is a validated user group
// ID or "".
func render(v notifier.View, s style, mention string) message {
	head := fmt.Sprintf("%s %s %s · %s", emoji(v), v.Status, headline(v, s), v.Target)
	var blocks []slackapi.Block
	if s == styleReply || s == styleDetail {
		blocks = append(blocks, section("*"+escapeMrkdwn(head)+"*"))
	} else {
		head = truncate(escapePlain(head), maxHeaderText)
		blocks = append(blocks, slackapi.NewHeaderBlock(slackapi.NewTextBlockObject(slackapi.PlainTextType, head, true, false)))
	}
	if top := topLine(v, mention); top != "" {
		blocks = append(blocks, section(top))
	}
	blocks = append(blocks, fieldsBlock(v))
	if s != styleReply || v.Kind == notifier.KindUpdated {
		blocks = append(blocks, diagnosisBlocks(v)...)
	}
	if links := linksBlock(v); links != nil && s != styleReply {
		blocks = append(blocks, links)
	}
	return message{Text: notificationText(v, mention), Blocks: blocks[:min(len(blocks), maxBlocks)]}
}

// topLine is the mention and what changed, above the figures.
func topLine(v notifier.View, mention string) string {
	var parts []string
	if mention != "" {
		parts = append(parts, mentionMarkup(mention))
	}
	if v.Change != "" {
		parts = append(parts, "*"+escapeMrkdwn(v.Change)+"*")
	}
	return strings.Join(parts, " ")
}

func section(text string) *slackapi.SectionBlock {
	return slackapi.NewSectionBlock(slackapi.NewTextBlockObject(slackapi.MarkdownType,
		truncate(text, maxSectionText), false, false), nil, nil)
}

func fieldsBlock(v notifier.View) *slackapi.SectionBlock {
	var fields []*slackapi.TextBlockObject
	for _, f := range v.Fields[:min(len(v.Fields), 10)] { // a section holds at most 10 fields
		text := "*" + escapeMrkdwn(f.Label) + "*\n" + escapeMrkdwn(f.Value)
		fields = append(fields, slackapi.NewTextBlockObject(slackapi.MarkdownType,
			truncate(text, maxFieldText), false, false))
	}
	return slackapi.NewSectionBlock(nil, fields, nil)
}

// diagnosisBlocks are the cause, evidence, remediation and backoff advice;
// a resolved incident keeps the cause and the fix (what to change so it does
// not come back) but drops the client retry advice.
func diagnosisBlocks(v notifier.View) []slackapi.Block {
	l := func(k notifier.LabelKey) string { return escapeMrkdwn(notifier.Label(v.Lang, k)) }
	diag := fmt.Sprintf("*%s:* %s  `%s`  (%s %.0f%%)", l(notifier.LabelDiagnosis),
		escapeMrkdwn(v.CauseTitle), escapeCode(v.CauseID), l(notifier.LabelConfidence), v.Confidence*100)
	if v.Diagnosing {
		diag = fmt.Sprintf("*%s:* %s", l(notifier.LabelDiagnosis), escapeMrkdwn(v.CauseTitle))
	}
	if v.Why != "" {
		diag += "\n_" + escapeMrkdwn(strings.ReplaceAll(v.Why, "_", " ")) + "_"
	}
	if len(v.Breakdown) > 0 {
		diag += "\n*" + escapeMrkdwn(v.BreakdownTitle) + ":*"
		for _, b := range v.Breakdown {
			diag += "\n• " + escapeMrkdwn(b)
		}
	}
	out := []slackapi.Block{section(diag)}
	if len(v.Routes) > 0 && !v.Resolved {
		routes := "*" + escapeMrkdwn(v.RoutesTitle) + "*"
		for _, r := range v.Routes {
			routes += "\n• " + escapeMrkdwn(r)
		}
		out = append(out, section(routes))
	}
	if len(v.Evidence) > 0 {
		out = append(out, section(codeBlock(l(notifier.LabelEvidence), v.Evidence)))
	}
	if len(v.Steps) > 0 {
		steps := "*" + l(notifier.LabelRemediation) + "*"
		for i, st := range v.Steps {
			steps += fmt.Sprintf("\n%d. %s", i+1, escapeMrkdwn(notifier.OneLine(st)))
		}
		out = append(out, section(steps))
	}
	if v.Backoff != "" && !v.Resolved {
		out = append(out, section("*"+l(notifier.LabelBackoff)+"*\n"+escapeMrkdwn(v.Backoff)))
	}
	return out
}

// codeBlock puts lines in a ``` block, cutting whole lines so the block is
// always closed within the section limit.
func codeBlock(title string, lines []string) string {
	const room = maxSectionText - 16
	out := "*" + title + "*\n```"
	for _, line := range lines {
		line = escapeCode(line)
		if len(out)+len(line)+5 > room {
			break
		}
		out += line + "\n"
	}
	return strings.TrimSuffix(out, "\n") + "```"
}

func linksBlock(v notifier.View) slackapi.Block {
	var links []string
	if v.MetricsURL != "" {
		links = append(links, link(v.MetricsURL, notifier.Label(v.Lang, notifier.LabelMetrics)))
	}
	if v.LogsURL != "" {
		links = append(links, link(v.LogsURL, notifier.Label(v.Lang, notifier.LabelLogs)))
	}
	if len(links) == 0 {
		return nil
	}
	return slackapi.NewContextBlock("", slackapi.NewTextBlockObject(slackapi.MarkdownType,
		truncate(strings.Join(links, "  ·  "), maxSectionText), false, false))
}

// link builds <url|text>; the URL is ours, but |, < and > would still end
// it early, so they are percent-encoded.
func link(u, text string) string {
	u = strings.NewReplacer("|", "%7C", "<", "%3C", ">", "%3E", " ", "%20").Replace(u)
	return "<" + u + "|" + strings.NewReplacer("|", "¦").Replace(escapeMrkdwn(text)) + ">"
}

// notificationText is the message's top-level text: what a push
// notification shows, and what screen readers read.
func notificationText(v notifier.View, mention string) string {
	t := fmt.Sprintf("%s %s · %s: %s", v.Status, v.Headline, v.Target, v.CauseTitle)
	if rate := errorRate(v); rate != "" {
		t += " — " + rate // the rate carries its window in parentheses
	}
	t = escapeMrkdwn(t)
	if mention != "" {
		t = mentionMarkup(mention) + " " + t
	}
	return truncate(t, maxMessageText)
}

func errorRate(v notifier.View) string {
	if len(v.Fields) == 0 {
		return ""
	}
	return v.Fields[0].Label + " " + v.Fields[0].Value
}

// plainMessage is the fallback when Slack refuses the blocks: the same
// content as text, bounded well under the 40000-character limit.
func plainMessage(v notifier.View, mention string) message {
	t := escapeMrkdwn(notifier.PlainText(v))
	if mention != "" {
		t = mentionMarkup(mention) + " " + t
	}
	return message{Text: truncate(t, 3900)}
}
