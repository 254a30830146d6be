package daemon

import (
	"maps"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/collector"
	"github.com/apigw-triage/apigw-triage/stage"
)

// TestStageContextWithoutEvidence: when no evidence could be read, the
// classifier still gets the stage's configured timeouts from the poll: the
// one its integrations share, or each method's when they differ (so that
// the stage's figures meet the longest of them, not the 29 s default).
func TestStageContextWithoutEvidence(t *testing.T) {
	differ := map[string]time.Duration{"GET /a": 45 * time.Second, "POST /b": time.Minute}
	tests := []struct {
		name   string
		stage  collector.Stage
		ev     *collector.Evidence
		want   time.Duration
		routes map[string]time.Duration
	}{
		{"no evidence, one timeout", collector.Stage{Integration: collector.IntegrationInfo{Timeout: 10 * time.Second}}, nil, 10 * time.Second, nil},
		{"no evidence, methods differ", collector.Stage{RouteTimeouts: differ}, nil, 0, differ},
		{"evidence, methods differ", collector.Stage{RouteTimeouts: differ},
			&collector.Evidence{Context: classifier.Hints{RouteTimeouts: differ}}, 0, differ},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.stage.Identity = stage.Identity{APIType: stage.APIREST}
			c := stageContext(collector.StageResult{Stage: tt.stage}, tt.ev)
			if c.IntegrationTimeout != tt.want || !maps.Equal(c.RouteTimeouts, tt.routes) {
				t.Errorf("timeout %s, route timeouts %v; want %s, %v", c.IntegrationTimeout, c.RouteTimeouts, tt.want, tt.routes)
			}
		})
	}
}
