package config

import (
	"regexp"
	"strings"
	"testing"
)

const exampleFile = "../config.example.yaml"

// TestExampleLoads: config.example.yaml is a contract; it loads with no
// environment at all, as CI's check-config runs it.
func TestExampleLoads(t *testing.T) {
	if _, err := Load(exampleFile, func(string) string { return "" }); err != nil {
		t.Fatalf("config.example.yaml: %v", err)
	}
}

// TestExampleShowsDefaults: every value the example writes is the default,
// as its comments claim: it loads to the same configuration as a file that
// only sets the two keys that have no default (the region, and the channel
// the example suggests).
func TestExampleShowsDefaults(t *testing.T) {
	example, err := Load(exampleFile, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	minimal := mustParse(t, "aws: {region: "+example.AWS.Region+"}\nslack: {channel: \""+example.Slack.Channel+"\"}")
	if got, want := example.Redacted(), minimal.Redacted(); got != want {
		t.Errorf("config.example.yaml differs from the defaults:\n%s\n--- defaults\n%s", got, want)
	}
}

// TestExampleDocumentsEveryKey: each key of the schema is written in the
// example, as a key or in a commented-out sample.
func TestExampleDocumentsEveryKey(t *testing.T) {
	text := mustRead(t, exampleFile)
	for _, key := range Keys() {
		name := key[strings.LastIndexAny(key, ".]")+1:]
		if !regexp.MustCompile(`(?m)[\s{,-]` + regexp.QuoteMeta(name) + `:`).MatchString(text) {
			t.Errorf("config.example.yaml does not show %s", key)
		}
	}
}
