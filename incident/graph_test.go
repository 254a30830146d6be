package incident

import (
	"testing"

	"github.com/apigw-triage/apigw-triage/stage"
)

// TestGraphNamesTheStagesErrors: a WebSocket stage's rate panel does not
// claim 5xx responses; a REST or HTTP stage's keeps the graph's 5xx name.
func TestGraphNamesTheStagesErrors(t *testing.T) {
	for api, want := range map[stage.APIType]string{stage.APIREST: "", stage.APIHTTP: "", stage.APIWebSocket: "error rate"} {
		var inc Incident
		inc.Info.APIType = api
		if got := inc.graphInput().RateName; got != want {
			t.Errorf("%s: rate panel %q, want %q", api, got, want)
		}
	}
}
