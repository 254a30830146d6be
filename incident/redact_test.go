package incident

import (
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	tests := []struct {
		name, in, want string
		secret         string
	}{
		{"webhook url in a client error",
			`Post "https://hooks.slack.com/services/T000/B000/XXXXSECRET": dial tcp: connection refused`,
			`Post "https://hooks.slack.com/<redacted>": dial tcp: connection refused`, "XXXXSECRET"},
		{"bot token", "auth failed for xoxb-1234-5678-abcdef", "auth failed for xoxb-<redacted>", "abcdef"},
		{"plain slack error kept", "slack: channel_not_found", "slack: channel_not_found", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := redact(tt.in)
			if got != tt.want {
				t.Errorf("redact = %q, want %q", got, tt.want)
			}
			if tt.secret != "" && strings.Contains(got, tt.secret) {
				t.Errorf("secret survived: %q", got)
			}
		})
	}
}
