package main

import (
	"context"
	"fmt"
	"runtime/debug"
)

// version is the release, stamped with -ldflags "-X main.version=v1.2.3" by
// release builds; otherwise the module version from the build information
// (set by `go install module@version`), else "dev".
var version = ""

// buildInfo is what `apigw-triage version` prints.
type buildInfo struct {
	Version, Commit, Date, Go string
	Modified                  bool
}

// readBuildInfo reads the version and the VCS stamps that `go build` records
// in the binary (vcs.revision, vcs.time, vcs.modified), so a binary built
// from a checkout names its commit without any -ldflags.
func readBuildInfo() buildInfo {
	bi, ok := debug.ReadBuildInfo()
	return fromBuildInfo(version, bi, ok)
}

// fromBuildInfo prefers the stamped version, then the module's (a release
// tag, or the pseudo-version Go derives from the commit).
func fromBuildInfo(stamped string, bi *debug.BuildInfo, ok bool) buildInfo {
	b := buildInfo{Version: stamped, Commit: "unknown", Date: "unknown", Go: "unknown"}
	if !ok {
		return b.withDefaults()
	}
	b.Go = bi.GoVersion
	if b.Version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		b.Version = bi.Main.Version
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			b.Commit = s.Value
		case "vcs.time":
			b.Date = s.Value
		case "vcs.modified":
			b.Modified = s.Value == "true"
		}
	}
	return b.withDefaults()
}

func (b buildInfo) withDefaults() buildInfo {
	if b.Version == "" {
		b.Version = "dev"
	}
	return b
}

// String is the one line `version` prints.
func (b buildInfo) String() string {
	commit := b.Commit
	if b.Modified {
		commit += " (modified)"
	}
	return fmt.Sprintf("apigw-triage %s commit %s built %s %s", b.Version, commit, b.Date, b.Go)
}

func runVersion(_ context.Context, args []string, s streams) int {
	fs := newCmdFlags("version", "apigw-triage version",
		"Prints the version, the commit and the commit's date recorded by the Go build, and the Go version.",
		"apigw-triage version", "apigw-triage --version")
	if code := fs.parseNoArgs(args, s); code >= 0 {
		return code
	}
	_, _ = fmt.Fprintln(s.stdout, readBuildInfo())
	return 0
}
