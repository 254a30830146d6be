package deploy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"gopkg.in/yaml.v3"
)

// overlays are the kustomizations a user applies; each must render a
// complete installation.
var overlays = []string{"kubernetes/base", "kubernetes/overlays/persistent", "kubernetes/overlays/sharded"}

// object is one rendered Kubernetes object.
type object = map[string]any

// rendered caches render's results: several tests read the same overlays,
// and each kustomize run costs most of a second. Callers do not modify them.
var rendered sync.Map // dir -> []object

// render runs kubectl kustomize on dir and returns its objects.
func render(t *testing.T, dir string) []object {
	t.Helper()
	if objs, ok := rendered.Load(dir); ok {
		return objs.([]object)
	}
	objs := kustomize(t, dir)
	rendered.Store(dir, objs)
	return objs
}

func kustomize(t *testing.T, dir string) []object {
	t.Helper()
	kubectl := requireTool(t, "kubectl")
	cmd := exec.Command(kubectl, "kustomize", dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("kubectl kustomize %s: %v\n%s", dir, err, stderr.String())
	}
	var objs []object
	dec := yaml.NewDecoder(bytes.NewReader(out))
	for {
		var o object
		if err := dec.Decode(&o); errors.Is(err, io.EOF) {
			return objs
		} else if err != nil {
			t.Fatalf("%s renders invalid YAML: %v", dir, err)
		}
		objs = append(objs, o)
	}
}

// find returns the only object of kind, failing the test otherwise.
func find(t *testing.T, objs []object, kind string) object {
	t.Helper()
	var found []object
	for _, o := range objs {
		if o["kind"] == kind {
			found = append(found, o)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d objects of kind %s, want 1", len(found), kind)
	}
	return found[0]
}

// workload returns the rendered Deployment or StatefulSet.
func workload(t *testing.T, objs []object) object {
	t.Helper()
	for _, o := range objs {
		if o["kind"] == "Deployment" || o["kind"] == "StatefulSet" {
			return o
		}
	}
	t.Fatal("renders neither a Deployment nor a StatefulSet")
	return nil
}

// at walks a path of map keys and list indexes through a decoded object.
func at(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			l, _ := v.([]any)
			if k >= len(l) {
				return nil
			}
			v = l[k]
		}
	}
	return v
}

// container returns the workload's daemon container.
func container(t *testing.T, w object) map[string]any {
	t.Helper()
	c, _ := at(w, "spec", "template", "spec", "containers", 0).(map[string]any)
	if c == nil {
		t.Fatal("workload has no container")
	}
	return c
}

// tempKustomization writes a kustomization.yaml into a temporary
// directory; body names this folder's kustomizations as {{deploy}}/...,
// replaced by a relative path (kustomize refuses absolute ones).
func tempKustomization(t *testing.T, body string) string {
	t.Helper()
	dir := t.TempDir()
	here, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(dir, here)
	if err != nil {
		t.Fatal(err)
	}
	body = strings.ReplaceAll(body, "{{deploy}}", filepath.ToSlash(rel))
	if err := os.WriteFile(filepath.Join(dir, "kustomization.yaml"), []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir
}

// placeholderImage is the image name the manifests use; kustomize's images
// entry maps it to the registry and tag the user pushed to.
const placeholderImage = "apigw-triage"

// TestImageSetThroughKustomize: the workload names the placeholder, the
// base kustomization maps it, and every overlay renders the mapped image.
func TestImageSetThroughKustomize(t *testing.T) {
	deployment := readYAML(t, "kubernetes/base/deployment.yaml")
	if got := at(deployment, "spec", "template", "spec", "containers", 0, "image"); got != placeholderImage {
		t.Fatalf("base deployment names image %v, want the placeholder %q", got, placeholderImage)
	}
	var want string
	for _, e := range at(readYAML(t, "kubernetes/base/kustomization.yaml"), "images").([]any) {
		if at(e, "name") == placeholderImage {
			want = fmt.Sprintf("%v:%v", at(e, "newName"), at(e, "newTag"))
		}
	}
	if want == "" {
		t.Fatalf("kubernetes/base/kustomization.yaml has no images entry for %q", placeholderImage)
	}
	for _, dir := range overlays {
		if got := at(container(t, workload(t, render(t, dir))), "image"); got != want {
			t.Errorf("%s runs image %v, want %s", dir, got, want)
		}
	}
	var td taskDefinition
	readJSON(t, "ecs/task-definition.json", &td)
	if got := td.ContainerDefinitions[0].Image; got != want {
		t.Errorf("ecs/task-definition.json runs image %s, want %s as in the kustomization", got, want)
	}
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range []string{"aws ecr get-login-password", "docker build", "docker push " + want, "images:"} {
		if !strings.Contains(string(readme), step) {
			t.Errorf("README does not show %q", step)
		}
	}
}

// TestDisruptionBudgetAllowsDrains: a budget that forbids evicting the only
// pod (minAvailable equal to the replicas) blocks every node drain.
func TestDisruptionBudgetAllowsDrains(t *testing.T) {
	for _, dir := range overlays {
		objs := render(t, dir)
		replicas, _ := at(workload(t, objs), "spec", "replicas").(int)
		spec := at(find(t, objs, "PodDisruptionBudget"), "spec")
		minAvail, hasMin := at(spec, "minAvailable").(int)
		maxUnavail, hasMax := at(spec, "maxUnavailable").(int)
		switch {
		case hasMin && minAvail >= replicas:
			t.Errorf("%s: minAvailable %d with %d replicas blocks node drains", dir, minAvail, replicas)
		case hasMax && maxUnavail < 1:
			t.Errorf("%s: maxUnavailable %d blocks node drains", dir, maxUnavail)
		case !hasMin && !hasMax:
			t.Errorf("%s: the PodDisruptionBudget sets neither an integer minAvailable nor maxUnavailable", dir)
		}
	}
}

// TestOperatorSelectsMonitoring: kube-prometheus-stack selects
// ServiceMonitors and PrometheusRules by the label release: <release name>.
func TestOperatorSelectsMonitoring(t *testing.T) {
	objs := render(t, "kubernetes/base")
	for _, kind := range []string{"ServiceMonitor", "PrometheusRule"} {
		if got := at(find(t, objs, kind), "metadata", "labels", "release"); got != "prometheus" {
			t.Errorf("%s has label release=%v, want prometheus", kind, got)
		}
	}
}
