package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestLoadRefusesHugeInput(t *testing.T) {
	start := time.Now()
	_, err := Load("/dev/zero", func(string) string { return "" })
	if err == nil || !strings.Contains(err.Error(), "larger than 4 MiB") {
		t.Fatalf("Load(/dev/zero) = %v, want a size error", err)
	}
	t.Logf("/dev/zero refused in %s: %v", time.Since(start).Round(time.Millisecond), err)
}

func TestLongValueCutInError(t *testing.T) {
	long := strings.Repeat("x", 5<<20/10) + "\x1b[2J"
	_, err := Parse([]byte("slack:\n  channel: \""+long+"\"\n"), "c.yaml", func(string) string { return "" })
	if err == nil {
		t.Fatal("a 500 KB channel name was accepted")
	}
	if n := len(err.Error()); n > 4096 || strings.Contains(err.Error(), "\x1b") {
		t.Errorf("error is %d bytes or holds a raw escape: %.300q", n, err.Error())
	}
}

func TestWritableFilesWarned(t *testing.T) {
	dir := t.TempDir()
	token := filepath.Join(dir, "token")
	cfgPath := filepath.Join(dir, "c.yaml")
	if err := os.WriteFile(token, []byte("xoxb-1234-abcd"), 0o600); err != nil {
		t.Fatal(err)
	}
	text := "aws:\n  region: us-east-1\nslack:\n  token_file: " + token + "\n  channel: C0123ABCD\n"
	if err := os.WriteFile(cfgPath, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name             string
		cfgMode, tokMode os.FileMode
		want             []string
	}{
		{"owner only", 0o600, 0o600, nil},
		{"world-writable config", 0o666, 0o600, []string{"configuration file"}},
		{"group-writable token", 0o600, 0o620, []string{"slack.token_file"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_ = os.Chmod(cfgPath, tc.cfgMode)
			_ = os.Chmod(token, tc.tokMode)
			cfg, err := Load(cfgPath, func(string) string { return "" })
			if err != nil {
				t.Fatal(err)
			}
			if len(cfg.Warnings) != len(tc.want) {
				t.Fatalf("warnings %q, want %d", cfg.Warnings, len(tc.want))
			}
			for i, w := range tc.want {
				if !strings.Contains(cfg.Warnings[i], w) || !strings.Contains(cfg.Warnings[i], "chmod go-w") {
					t.Errorf("warning %q does not name %q", cfg.Warnings[i], w)
				}
			}
		})
	}
}
