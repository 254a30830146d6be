package config

import (
	"strings"
	"testing"
)

// TestSummary: the line check-config prints counts in words people read
// ("1 account") and says how incidents are found: by polling every
// interval, or, with alarms.queue_url, from the alarms' state changes.
func TestSummary(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		want, not  []string
	}{
		{"one account, polling", "aws:\n  region: us-east-1\n",
			[]string{"1 account, 1 account-region, discovery of ", ", poll every 1m, "}, []string{"alarm mode"}},
		{"two regions, one target", "aws:\n  region: us-east-1\nregions: [us-east-1, eu-west-1]\ntargets:\n  - {api: orders, type: REST}\n",
			[]string{"1 account, 2 account-regions, 1 explicit target, "}, nil},
		{"alarm mode", "aws:\n  region: us-east-1\nalarms:\n  queue_url: https://sqs.us-east-1.amazonaws.com/123456789012/apigw-triage-alarms\n",
			[]string{", alarm mode (state changes from SQS, no metric polling), "}, []string{"poll every"}},
	} {
		c, err := Parse([]byte(tc.yaml), "config.yaml", func(string) string { return "" })
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		got := c.String()
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q holds no %q", tc.name, got, w)
			}
		}
		for _, n := range tc.not {
			if strings.Contains(got, n) {
				t.Errorf("%s: %q holds %q", tc.name, got, n)
			}
		}
	}
}
