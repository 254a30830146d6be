package daemon

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/apigw-triage/apigw-triage/alarms"
	"github.com/apigw-triage/apigw-triage/collector"
	"github.com/apigw-triage/apigw-triage/config"
	"github.com/apigw-triage/apigw-triage/incident"
	"github.com/apigw-triage/apigw-triage/notifier/alertmanager"
	"github.com/apigw-triage/apigw-triage/notifier/slack"
)

// wired is what one configuration becomes: the options every part is
// built from, as Build makes them.
type wired struct {
	col    collector.Options
	slack  slack.Options
	am     alertmanager.Options
	alarms alarms.Options
	mgr    incident.ManagerOptions
	disp   incident.DispatcherOptions
	path   string
	store  incident.StoreOptions
	d      Options
	log    string // a debug line logged through the configured logger
}

// marker is one key's proof: a file that writes a marker value into the
// key, and what the part that acts on the key received.
type marker struct {
	key  string
	yaml string // {dir} is a directory holding the secret files
	got  func(w wired) any
	want any
}

func TestEveryKeyArrivesWhereItActs(t *testing.T) {
	dir := t.TempDir()
	for name, v := range map[string]string{
		"aws_secret": "sk-file-marker\n", "slack_token": "xoxb-file-marker\n",
		"slack_hook": "https://hooks.example.com/file-marker\n", "am_token": "am-file-marker\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(v), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	covered := map[string]bool{}
	for _, m := range markers() {
		covered[m.key] = true
		t.Run(m.key, func(t *testing.T) {
			src := strings.ReplaceAll(m.yaml, "{dir}", dir)
			if !strings.HasPrefix(src, "aws:") {
				src = "aws: {region: us-east-1}\n" + src
			}
			cfg, err := config.Parse([]byte(src), "marker.yaml", func(string) string { return "" })
			if err != nil {
				t.Fatalf("the marker file does not load: %v", err)
			}
			if got := m.got(wire(t, cfg)); !reflect.DeepEqual(got, m.want) {
				t.Errorf("%s: the part that acts got %#v, want the marker %#v", m.key, got, m.want)
			}
		})
	}
	for _, k := range leafKeys() {
		if !covered[k] {
			t.Errorf("%s: no marker proves that it reaches the code (add one to markers)", k)
		}
	}
	for k := range covered {
		if !slicesContains(leafKeys(), k) {
			t.Errorf("%s: a marker for a key the configuration does not have", k)
		}
	}
}

// TestExampleKeysHaveMarkers walks the YAML of config.example.yaml: a key
// written there without a marker fails, whatever the schema says.
func TestExampleKeysHaveMarkers(t *testing.T) {
	raw, err := os.ReadFile("../config.example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	covered := map[string]bool{}
	for _, m := range markers() {
		covered[m.key] = true
	}
	for _, k := range config.Keys() {
		if !slicesContains(leafKeys(), k) {
			covered[k] = true // a section: its keys have their own markers
		}
	}
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		switch n.Kind {
		case yaml.DocumentNode:
			walk(n.Content[0], path)
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				walk(n.Content[i+1], strings.TrimPrefix(path+"."+n.Content[i].Value, "."))
			}
			if len(n.Content) == 0 && path != "" && !covered[path] {
				t.Errorf("%s: written in config.example.yaml without a marker", path)
			}
		case yaml.SequenceNode:
			for _, c := range n.Content {
				if c.Kind == yaml.MappingNode {
					walk(c, path+"[]")
				}
			}
			if !covered[path] {
				t.Errorf("%s: written in config.example.yaml without a marker", path)
			}
		default:
			if !covered[path] {
				t.Errorf("%s: written in config.example.yaml without a marker", path)
			}
		}
	}
	walk(&doc, "")
}

// TestRemovedKeysSayWhy: a key that never acted is refused with its reason.
func TestRemovedKeysSayWhy(t *testing.T) {
	_, err := config.Parse([]byte("aws: {region: us-east-1}\nlogs: {http_access_log_format: json}\n"), "m.yaml", func(string) string { return "" })
	if err == nil || !strings.Contains(err.Error(), "logs.http_access_log_format: removed: ") {
		t.Errorf("err = %v, want the key refused with its reason", err)
	}
}

// leafKeys are the configuration's keys that hold a value, not a section.
func leafKeys() []string {
	keys := config.Keys()
	var out []string
	for _, k := range keys {
		section := false
		for _, o := range keys {
			if strings.HasPrefix(o, k+".") || strings.HasPrefix(o, k+"[].") {
				section = true
				break
			}
		}
		if !section {
			out = append(out, k)
		}
	}
	return out
}

func slicesContains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}
