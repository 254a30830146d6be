package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestCheckConfig(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	writeConfigFile(t, bad, "aws:\n  region: us-east-1\n  regoin: x\ncollector:\n  period: 90s\n")
	secret := filepath.Join(dir, "secret.yaml")
	writeConfigFile(t, secret, "aws: {region: us-east-1}\nslack:\n  token: ${TOKEN}\n  channel: \"#ops\"\n")
	env := func(k string) string {
		switch k {
		case "TOKEN":
			return "xoxb-test-secret-31a9"
		case "GOOD_CONFIG": // as an ECS task gets it from SSM for run --config-env
			return "aws: {region: us-east-1}\nslack:\n  token: ${TOKEN}\n  channel: \"#ops\"\n"
		case "BAD_CONFIG":
			return "aws:\n  region: us-east-1\n  regoin: x\n"
		}
		return ""
	}
	fromEnv := regexp.MustCompile(`^\$BAD_CONFIG:3:3: aws.regoin: unknown key`)
	position := regexp.MustCompile(`^` + regexp.QuoteMeta(bad) + `:\d+:\d+: [a-z_.\[\]0-9]+: [a-z]`)

	tests := []struct {
		name       string
		args       []string
		code       int
		stdout     string // substring expected on standard output
		stderrLine *regexp.Regexp
		stderrN    int // lines expected on standard error
	}{
		{name: "example is valid", args: []string{"../../config.example.yaml"}, code: 0, stdout: "config.example.yaml: ok: 1 account, 1 account-region, "},
		{name: "errors with positions", args: []string{bad}, code: 1, stderrLine: position, stderrN: 2},
		{name: "print redacts", args: []string{"--print", secret}, code: 0, stdout: "token: <secret>"},
		{name: "missing file", args: []string{filepath.Join(dir, "nope.yaml")}, code: 1, stderrN: 1},
		{name: "no file", args: nil, code: 2},
		{name: "two files", args: []string{bad, bad}, code: 2},
		{name: "unknown flag", args: []string{"--nope", bad}, code: 2},
		{name: "config from the environment", args: []string{"--print", "--config-env", "GOOD_CONFIG"}, code: 0, stdout: "$GOOD_CONFIG: ok: 1 account, "},
		{name: "errors in the environment's config", args: []string{"--config-env", "BAD_CONFIG"}, code: 1, stderrLine: fromEnv, stderrN: 1},
		{name: "unset config variable", args: []string{"--config-env", "UNSET"}, code: 1, stderrN: 1},
		{name: "file and config variable", args: []string{"--config-env", "GOOD_CONFIG", bad}, code: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := runCheckConfig(context.Background(), tt.args, streams{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr, getenv: env})
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr.String())
			}
			if !strings.Contains(stdout.String(), tt.stdout) {
				t.Errorf("stdout %q does not contain %q", stdout.String(), tt.stdout)
			}
			if strings.Contains(stdout.String()+stderr.String(), "xoxb-test-secret") {
				t.Errorf("a secret was printed:\n%s%s", stdout.String(), stderr.String())
			}
			if tt.code == 2 && !strings.Contains(stderr.String(), "usage: apigw-triage check-config") {
				t.Errorf("no usage on stderr: %q", stderr.String())
			}
			if tt.stderrN == 0 {
				return
			}
			lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
			if len(lines) != tt.stderrN {
				t.Errorf("%d stderr lines, want %d:\n%s", len(lines), tt.stderrN, stderr.String())
			}
			for _, l := range lines {
				if tt.stderrLine != nil && !tt.stderrLine.MatchString(l) {
					t.Errorf("stderr line %q does not match %s", l, tt.stderrLine)
				}
			}
		})
	}
}

func writeConfigFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}
