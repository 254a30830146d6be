package console

import (
	"bytes"
	"strings"
	"testing"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/notifier"
	"github.com/apigw-triage/apigw-triage/stage"
)

func TestConsolePrintsReadableAndInert(t *testing.T) {
	var buf bytes.Buffer
	n := New(&buf, func(notifier.Snapshot) classifier.Lang { return classifier.LangJA })
	ev := notifier.Event{ID: "i/1", Kind: notifier.KindOpened, Snapshot: notifier.Snapshot{
		Identity: stage.Identity{Region: "ap-northeast-1", APIName: "shop", Stage: "prod"},
		Figures:  stage.Figures{ErrorRate: 0.5, Errors5xx: 5, Requests: 10},
		Diagnosis: classifier.Diagnosis{Status: classifier.Status504, Cause: classifier.CauseIntegrationTimeout,
			Confidence: 0.9, Evidence: []string{"Execution failed due to a timeout error \x1b[2J"}},
	}}
	if retry, err := n.Notify(t.Context(), &notifier.Delivery{Event: ev}); err != nil || retry {
		t.Fatalf("retry=%v err=%v", retry, err)
	}
	out := buf.String()
	for _, want := range []string{"インシデント発生", "504", "shop / prod", "エラー率", "50.0%", "integration_timeout", "Execution failed due to a timeout error"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b") {
		t.Errorf("terminal escape passed through:\n%q", out)
	}
}
