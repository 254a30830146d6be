package slack

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	slackapi "github.com/slack-go/slack"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/notifier"
)

var update = flag.Bool("update", false, "rewrite the golden Block Kit files in testdata")

// TestGoldenBlockKit pins the JSON of every kind of message. Run with
// -update after an intended change and review the diff.
func TestGoldenBlockKit(t *testing.T) {
	styles := map[string]style{"webhook": styleFull, "root": styleRoot, "reply": styleReply}
	for _, ev := range lifecycle() {
		for name, st := range styles {
			if st == styleReply && ev.Kind == notifier.KindOpened {
				continue // the opening event is the root, never a reply
			}
			t.Run(name+"_"+string(ev.Kind), func(t *testing.T) {
				m := render(fixedView(ev), st, mentionFor(ev))
				checkLimits(t, m)
				got, err := json.MarshalIndent(map[string]any{"text": m.Text, "blocks": m.Blocks}, "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				compareGolden(t, filepath.Join("testdata", name+"_"+string(ev.Kind)+".golden.json"), got)
			})
		}
	}
}

// fixedView is the event's view with the remediation text of the fixture
// rather than the catalog's, so catalog edits do not churn these files.
func fixedView(ev notifier.Event) notifier.View {
	v := notifier.NewView(ev, classifier.LangEN)
	v.CauseTitle, v.Steps = ev.Snapshot.Diagnosis.Remediation.Title, ev.Snapshot.Diagnosis.Remediation.Steps
	return v
}

// mentionFor gives the opening a mention, as a route matching 502 would.
func mentionFor(ev notifier.Event) string {
	r := Route{Mention: "S0ONCALL1", MentionStatuses: []classifier.Status{classifier.Status502}}
	return mention(r, ev)
}

func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if string(want) != string(got) {
		t.Errorf("%s differs (run go test -update and review the diff):\n%s", path, got)
	}
}

// checkLimits enforces Slack's documented Block Kit limits on a message.
func checkLimits(t *testing.T, m message) {
	t.Helper()
	if len(m.Blocks) > maxBlocks {
		t.Errorf("%d blocks", len(m.Blocks))
	}
	if utf8.RuneCountInString(m.Text) > maxMessageText {
		t.Errorf("text of %d characters", utf8.RuneCountInString(m.Text))
	}
	for i, b := range m.Blocks {
		switch b := b.(type) {
		case *slackapi.HeaderBlock:
			if n := utf8.RuneCountInString(b.Text.Text); n > maxHeaderText {
				t.Errorf("block %d: header of %d characters", i, n)
			}
		case *slackapi.SectionBlock:
			if b.Text != nil && utf8.RuneCountInString(b.Text.Text) > maxSectionText {
				t.Errorf("block %d: section of %d characters", i, utf8.RuneCountInString(b.Text.Text))
			}
			if len(b.Fields) > 10 {
				t.Errorf("block %d: %d fields", i, len(b.Fields))
			}
			for _, f := range b.Fields {
				if utf8.RuneCountInString(f.Text) > maxFieldText {
					t.Errorf("block %d: field of %d characters", i, utf8.RuneCountInString(f.Text))
				}
			}
		}
	}
}

// TestRenderSample writes a message to eyeball in Slack's Block Kit
// Builder when APIGW_TRIAGE_BLOCKKIT_SAMPLE names a file; it is not
// committed.
func TestRenderSample(t *testing.T) {
	path := os.Getenv("APIGW_TRIAGE_BLOCKKIT_SAMPLE")
	if path == "" {
		t.Skip("set APIGW_TRIAGE_BLOCKKIT_SAMPLE=FILE to write a Block Kit sample")
	}
	m := render(notifier.NewView(event(notifier.KindUpdated, 2), classifier.LangJA), styleFull, "S0ONCALL1")
	raw, _ := json.MarshalIndent(map[string]any{"blocks": m.Blocks}, "", "  ")
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		t.Fatal(err)
	}
}
