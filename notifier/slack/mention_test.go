package slack

import (
	"strings"
	"testing"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/notifier"
)

// TestConfiguredMentionSyntax: slack.mention is written in Slack's syntax
// (the configuration validates it so); the sink mentions it as written, and
// a bare user group id as before.
func TestConfiguredMentionSyntax(t *testing.T) {
	v := notifier.NewView(event(notifier.KindOpened, 1), classifier.LangEN)
	for m, want := range map[string]string{
		"S0ONCALL1": "<!subteam^S0ONCALL1> ", "<!subteam^S0ONCALL1>": "<!subteam^S0ONCALL1> ",
		"<@U0123ABCD>": "<@U0123ABCD> ", "<!here>": "<!here> ",
	} {
		if !(Route{Mention: m}).mentions(classifier.Diagnosis{}) {
			t.Errorf("%s: not mentioned", m)
		}
		if got := notificationText(v, m); !strings.HasPrefix(got, want) {
			t.Errorf("%s: text %q, want it to start with %q", m, got, want)
		}
	}
	for _, bad := range []string{"<https://evil.example|x>", "here", "<!subteam^S1><!here>"} {
		if (Route{Mention: bad}).mentions(classifier.Diagnosis{}) {
			t.Errorf("%q mentioned", bad)
		}
	}
}
