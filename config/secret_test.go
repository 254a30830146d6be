package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"testing"
)

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestSecretsNeverPrinted loads configurations holding a secret in every
// secret field (inline, from the environment, from a file) and checks that
// no way of printing the config or its errors shows one.
func TestSecretsNeverPrinted(t *testing.T) {
	fileSecret := strings.TrimSpace(mustRead(t, "testdata/slack_token"))
	secrets := []string{fileSecret, "xoxb-env-token-2d8c", "hook-secret-9c1d", "am-token-4b2e", "am-user-5a7f", "test-secret"}

	t.Run("loaded config", func(t *testing.T) {
		for _, f := range []string{"testdata/full.ok.yaml", "testdata/webhook.ok.yaml"} {
			c, err := Load(f, testEnv)
			if err != nil {
				t.Fatal(err)
			}
			var logged bytes.Buffer
			slog.New(slog.NewJSONHandler(&logged, nil)).Info("config", "slack", c.Slack, "token", c.Slack.Token, "am", c.Alertmanager)
			js, _ := json.Marshal(c)
			outputs := map[string]string{
				"Redacted": c.Redacted(), "String": c.String(), "json": string(js), "slog": logged.String(),
				"%v": fmt.Sprintf("%v", *c), "%+v": fmt.Sprintf("%+v", *c), "%#v": fmt.Sprintf("%#v", *c),
				"%s token": fmt.Sprintf("%s %q %x", c.Slack.Token, c.Slack.WebhookURL, c.AWS.SecretAccessKey),
			}
			assertNoSecret(t, outputs, secrets)
		}
	})
	t.Run("values were resolved", func(t *testing.T) {
		c, _ := Load("testdata/full.ok.yaml", testEnv)
		if c.Slack.Token.Value() != fileSecret || c.Alertmanager.BearerToken.Value() != "am-token-4b2e" {
			t.Fatal("secrets not resolved from file and environment")
		}
		if !strings.Contains(c.Redacted(), "token: <secret>") {
			t.Errorf("Redacted does not show <secret>:\n%s", c.Redacted())
		}
	})
	t.Run("errors", func(t *testing.T) {
		src := `
aws: {region: us-east-1, secret_access_key: test-secret}
slack:
  token: am-user-5a7f
  webhook_url: hook-secret-9c1d
  routes: [{match: {api: x}, channel: "#x"}]
alertmanager:
  bearer_token: ${AM_TOKEN}-${NOT_SET}
`
		_, err := Parse([]byte(src), "leak.yaml", testEnv)
		if err == nil {
			t.Fatal("expected errors")
		}
		if !strings.Contains(err.Error(), "slack.token: must be a bot token") || !strings.Contains(err.Error(), "NOT_SET") {
			t.Fatalf("the secrets were not checked: %v", err)
		}
		assertNoSecret(t, map[string]string{"error": err.Error()}, secrets)
	})
}

func assertNoSecret(t *testing.T, outputs map[string]string, secrets []string) {
	t.Helper()
	for name, out := range outputs {
		for _, s := range secrets {
			if strings.Contains(out, s) {
				t.Errorf("%s shows secret %q:\n%s", name, s, out)
			}
		}
	}
}

func TestExpandEnv(t *testing.T) {
	env := func(k string) string { return map[string]string{"A": "1", "B_2": "two"}[k] }
	tests := []struct {
		in, want string
		missing  []string
	}{
		{"${A}", "1", nil},
		{"x-${A}-${B_2}", "x-1-two", nil},
		{"$A and $${A", "$A and $${A", nil}, // only ${NAME} is a reference
		{"${A}${C}${D}", "1", []string{"C", "D"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, missing := expandEnv(tt.in, env)
			if got != tt.want || fmt.Sprint(missing) != fmt.Sprint(tt.missing) {
				t.Errorf("expandEnv(%q) = %q, %v; want %q, %v", tt.in, got, missing, tt.want, tt.missing)
			}
		})
	}
}

// TestBareEnvReferenceInSecret: a secret written as $NAME, as a shell would
// expand it, is refused with the braced form to write; a $ inside a longer
// value stays as written (generated tokens hold them).
func TestBareEnvReferenceInSecret(t *testing.T) {
	env := func(string) string { return "https://hooks.slack.com/services/T0/B0/X" }
	_, err := Parse([]byte("aws:\n  region: us-east-1\nslack:\n  webhook_url: $SLACK_WEBHOOK_URL\n"), "test.yaml", env)
	if err == nil || !strings.Contains(err.Error(), "slack.webhook_url: write ${SLACK_WEBHOOK_URL}: only the braced form is read from the environment") {
		t.Errorf("$SLACK_WEBHOOK_URL: err = %v", err)
	}
	c, err := Parse([]byte("aws:\n  region: us-east-1\nalertmanager:\n  url: http://am:9093\n  bearer_token: ab$cd$EF\n"), "test.yaml", env)
	if err != nil || c.Alertmanager.BearerToken.Value() != "ab$cd$EF" {
		t.Errorf("a token holding $: err = %v", err)
	}
}
