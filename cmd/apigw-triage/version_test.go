package main

import (
	"bytes"
	"context"
	"runtime/debug"
	"strings"
	"testing"
)

func TestFromBuildInfo(t *testing.T) {
	vcs := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "3e828f0576c6e24c2ad6f650e473f1696562a379"},
		{Key: "vcs.time", Value: "2026-12-01T17:41:37Z"},
		{Key: "vcs.modified", Value: "true"},
	}}
	tests := []struct {
		name, stamped string
		bi            *debug.BuildInfo
		ok            bool
		want          string
	}{
		{"go build in a checkout", "", vcs, true, "apigw-triage dev commit 3e828f0576c6e24c2ad6f650e473f1696562a379 (modified) built 2026-12-01T17:41:37Z go1.26.8"},
		{"release stamp wins", "v1.4.0", vcs, true, "apigw-triage v1.4.0 commit 3e828f0576c6e24c2ad6f650e473f1696562a379 (modified) built 2026-12-01T17:41:37Z go1.26.8"},
		{"go install module@version", "", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.3.0"}}, true, "apigw-triage v1.3.0 commit unknown built unknown go1.26.8"},
		{"no build information", "", nil, false, "apigw-triage dev commit unknown built unknown unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fromBuildInfo(tt.stamped, tt.bi, tt.ok).String(); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestVersionCommands(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		var out, errb bytes.Buffer
		code := dispatch(context.Background(), args, streams{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }})
		if code != 0 || !strings.HasPrefix(out.String(), "apigw-triage ") || !strings.Contains(out.String(), " commit ") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out.String(), errb.String())
		}
	}
}
