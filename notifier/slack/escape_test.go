package slack

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/apigw-triage/apigw-triage/notifier"
)

// TestHostileTextIsInert puts attacker-controlled text everywhere AWS data
// reaches a message (evidence lines, the API name, the stage) and checks
// that nothing can ping, link, or escape its code block.
func TestHostileTextIsInert(t *testing.T) {
	hostile := []string{
		"<!channel> wake up", "<!here>", "<!everyone>", "<@U024BE7LH> look", "@channel @here @everyone",
		"<https://evil.example|click me>", "<!subteam^S999|@oncall>", "```\n*bold* escaped```",
		"& &amp; &lt;!channel&gt;", strings.Repeat("x", 5000), "\x1b[31mred\x1b[0m", "bad utf8 \xff\xfe",
	}
	ev := event(notifier.KindOpened, 1)
	ev.Snapshot.APIName = "<!channel>api"
	ev.Snapshot.Stage = "```prod"
	ev.Snapshot.Diagnosis.Evidence = hostile
	for _, st := range []style{styleFull, styleRoot, styleReply} {
		m := render(notifier.NewView(ev, "en"), st, "")
		checkLimits(t, m)
		raw, _ := json.Marshal(m.Blocks)
		var texts []string
		collectTexts(t, raw, &texts)
		texts = append(texts, m.Text)
		for _, txt := range texts {
			for _, bad := range []string{"<!", "<@", "<https://evil", "@channel", "@here", "@everyone"} {
				if strings.Contains(txt, bad) {
					t.Errorf("style %d: %q survived in %q", st, bad, truncate(txt, 200))
				}
			}
			if n := strings.Count(txt, "```"); n%2 != 0 {
				t.Errorf("style %d: unbalanced code fences (%d) in %q", st, n, truncate(txt, 300))
			}
		}
	}
}

// collectTexts gathers every "text" string in the blocks' JSON.
func collectTexts(t *testing.T, raw []byte, out *[]string) {
	t.Helper()
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if s, ok := x.(string); ok && k == "text" {
					*out = append(*out, s)
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(v)
}
