// Package deploy holds the deployment manifests; its tests keep them valid
// and in step with the code: JSON parses, kustomize renders, promtool accepts
// the rules, and the PrometheusRule carries exactly the rules file.
package deploy

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/apigw-triage/apigw-triage/config"
)

// requireTool returns the path of an external program. In CI a missing
// program fails the test: the test command installs it, so absence is a bug.
func requireTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s not found on PATH; `make deps` installs it", name)
	}
	t.Skipf("%s not found on PATH (run `make deps`)", name)
	return ""
}

func readYAML(t *testing.T, path string) any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := yaml.Unmarshal(b, &v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return v
}

func TestPrometheusRuleCarriesRulesFile(t *testing.T) {
	rules := readYAML(t, "prometheus/apigw-triage.rules.yml")
	pr := readYAML(t, "kubernetes/base/prometheusrule.yaml").(map[string]any)
	if !reflect.DeepEqual(pr["spec"], rules) {
		t.Fatal("kubernetes/base/prometheusrule.yaml spec differs from prometheus/apigw-triage.rules.yml; copy the groups over")
	}
}

func TestPromtoolAcceptsRules(t *testing.T) {
	promtool := requireTool(t, "promtool")
	out, err := exec.Command(promtool, "check", "rules", "prometheus/apigw-triage.rules.yml").CombinedOutput()
	if err != nil {
		t.Fatalf("promtool check rules: %v\n%s", err, out)
	}
}

func TestJSONFilesParse(t *testing.T) {
	files, err := filepath.Glob("*/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no JSON files found: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

func TestGrafanaDashboardShape(t *testing.T) {
	b, err := os.ReadFile("grafana/apigw-triage.json")
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		UID    string `json:"uid"`
		Panels []struct {
			ID      int    `json:"id"`
			Title   string `json:"title"`
			Targets []struct {
				Expr string `json:"expr"`
			} `json:"targets"`
		} `json:"panels"`
	}
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	if d.UID == "" || len(d.Panels) == 0 {
		t.Fatal("dashboard needs a uid and panels")
	}
	ids := map[int]bool{}
	for _, p := range d.Panels {
		if ids[p.ID] {
			t.Errorf("panel id %d used twice", p.ID)
		}
		ids[p.ID] = true
		for _, tg := range p.Targets {
			if !strings.Contains(tg.Expr, "apigw_triage_") {
				t.Errorf("panel %q queries no apigw_triage_ metric: %s", p.Title, tg.Expr)
			}
		}
	}
}

func TestKustomizeRenders(t *testing.T) {
	kubectl := requireTool(t, "kubectl")
	for _, dir := range overlays {
		out, err := exec.Command(kubectl, "kustomize", dir).CombinedOutput()
		if err != nil {
			t.Fatalf("kubectl kustomize %s: %v\n%s", dir, err, out)
		}
		s := string(out)
		for _, want := range []string{"readOnlyRootFilesystem: true", "runAsNonRoot: true",
			"path: /readyz", "path: /healthz", "kind: PrometheusRule", "kind: ServiceMonitor",
			"kind: PodDisruptionBudget", "kind: NetworkPolicy", "eks.amazonaws.com/role-arn", "name: apigw-triage-config"} {
			if !strings.Contains(s, want) {
				t.Errorf("%s renders without %q", dir, want)
			}
		}
		if dir == "kubernetes/overlays/persistent" && !strings.Contains(s, "claimName: apigw-triage-state") {
			t.Errorf("%s does not mount the PersistentVolumeClaim", dir)
		}
	}
}

// TestShippedConfigsLoad checks every configuration file shipped under
// deploy/ with the daemon's own loader; secrets come from stand-in values.
func TestShippedConfigsLoad(t *testing.T) {
	files, err := filepath.Glob("kubernetes/*/config.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no configuration files found: %v", err)
	}
	env := map[string]string{"SLACK_TOKEN": "xoxb-000000000000-stand-in"}
	for _, f := range files {
		if _, err := config.Load(f, func(k string) string { return env[k] }); err != nil {
			t.Errorf("%v", err)
		}
	}
}

// TestDockerfileBuildsLikeCI: no Docker engine runs on the build machines,
// so CI builds the binary with `make build`; the Dockerfile must use exactly
// the same flags for that build to speak for the image.
func TestDockerfileBuildsLikeCI(t *testing.T) {
	const flags = `CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=`
	for _, f := range []string{"../Dockerfile", "../Makefile"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), flags) {
			t.Errorf("%s does not build with %s...", f, flags)
		}
	}
	b, _ := os.ReadFile("../Dockerfile")
	for _, want := range []string{"USER 65532", "distroless/static", "AS build"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("Dockerfile lacks %q", want)
		}
	}
	if strings.Contains(string(b), ":latest") {
		t.Error("Dockerfile uses a latest tag")
	}
}
