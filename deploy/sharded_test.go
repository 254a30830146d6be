package deploy

import (
	"fmt"
	"path"
	"reflect"
	"strconv"
	"testing"

	"github.com/apigw-triage/apigw-triage/config"
)

// The downward API sources of a pod's ordinal: the label Kubernetes 1.28+
// puts on StatefulSet pods, and the pod's name, which ends in -<ordinal>.
const (
	podIndexLabel = "metadata.labels['apps.kubernetes.io/pod-index']"
	podNameField  = "metadata.name"
)

// TestShardedOverlayShardsByOrdinal renders overlays/sharded, alone and
// with the pod-name fallback for older clusters, and loads the rendered
// configuration as each pod of the StatefulSet would see it: every pod must
// get a different shard index, its own ordinal, and shards must equal the
// replicas.
func TestShardedOverlayShardsByOrdinal(t *testing.T) {
	fallback := tempKustomization(t, "resources:\n  - {{deploy}}/kubernetes/overlays/sharded\n"+
		"components:\n  - {{deploy}}/kubernetes/components/pod-name-ordinal\n")
	for _, tc := range []struct{ dir, source string }{
		{"kubernetes/overlays/sharded", podIndexLabel},
		{fallback, podNameField},
	} {
		objs := render(t, tc.dir)
		sts := find(t, objs, "StatefulSet")
		replicas, _ := at(sts, "spec", "replicas").(int)
		if replicas < 2 {
			t.Fatalf("StatefulSet runs %d replicas; sharding needs at least 2", replicas)
		}
		cfgText := renderedConfig(t, objs, sts)
		var statePath string
		for ordinal := range replicas {
			env := podEnv(t, sts, tc.source, ordinal)
			cfg, err := config.Parse([]byte(cfgText), "sharded config.yaml", func(k string) string { return env[k] })
			if err != nil {
				t.Fatalf("pod %d: %v", ordinal, err)
			}
			if cfg.HA.Shards != replicas || cfg.HA.ShardIndex != ordinal {
				t.Errorf("pod %d runs as shard %d of %d, want %d of %d", ordinal, cfg.HA.ShardIndex, cfg.HA.Shards, ordinal, replicas)
			}
			statePath = cfg.State.Path
		}
		checkClaimPerPod(t, sts, statePath)
	}
}

// podEnv is the environment of pod ordinal: the variables whose value the
// downward API takes from source, and stand-ins for secrets.
func podEnv(t *testing.T, sts object, source string, ordinal int) map[string]string {
	t.Helper()
	env := map[string]string{"SLACK_TOKEN": "xoxb-000000000000-stand-in"}
	values := map[string]string{
		podIndexLabel: strconv.Itoa(ordinal),
		podNameField:  fmt.Sprintf("%s-%d", at(sts, "metadata", "name"), ordinal),
	}
	found := false
	for _, e := range at(container(t, sts), "env").([]any) {
		fp, _ := at(e, "valueFrom", "fieldRef", "fieldPath").(string)
		if fp == "" {
			continue
		}
		if fp != source {
			t.Errorf("%v takes %s, want %s", at(e, "name"), fp, source)
		}
		env[at(e, "name").(string)] = values[fp]
		found = true
	}
	if !found {
		t.Fatal("no environment variable comes from the pod's ordinal")
	}
	return env
}

// renderedConfig returns the config.yaml of the ConfigMap the workload mounts.
func renderedConfig(t *testing.T, objs []object, w object) string {
	t.Helper()
	var name string
	for _, v := range at(w, "spec", "template", "spec", "volumes").([]any) {
		if n, ok := at(v, "configMap", "name").(string); ok {
			name = n
		}
	}
	for _, o := range objs {
		if o["kind"] == "ConfigMap" && at(o, "metadata", "name") == name {
			if s, ok := at(o, "data", "config.yaml").(string); ok {
				return s
			}
		}
	}
	t.Fatalf("the workload mounts ConfigMap %q, which renders without config.yaml", name)
	return ""
}

// checkClaimPerPod: the incident store's folder is a volume claim template
// (one PersistentVolumeClaim per pod), not a pod volume shared or lost.
func checkClaimPerPod(t *testing.T, sts object, statePath string) {
	t.Helper()
	dir := path.Dir(statePath)
	var volume string
	for _, m := range at(container(t, sts), "volumeMounts").([]any) {
		if at(m, "mountPath") == dir {
			volume, _ = at(m, "name").(string)
		}
	}
	if volume == "" {
		t.Fatalf("nothing is mounted at %s, the folder of state.path", dir)
	}
	for _, v := range at(sts, "spec", "template", "spec", "volumes").([]any) {
		if at(v, "name") == volume {
			t.Errorf("%s is a pod volume (%v), not a claim per pod", volume, v)
		}
	}
	claims := at(sts, "spec", "volumeClaimTemplates")
	if !reflect.DeepEqual(at(claims, 0, "metadata", "name"), volume) ||
		!reflect.DeepEqual(at(claims, 0, "spec", "accessModes"), []any{"ReadWriteOnce"}) {
		t.Errorf("volumeClaimTemplates %v do not claim %s ReadWriteOnce", claims, volume)
	}
}

// TestShardedConfigIsBasePlusHA keeps the sharded overlay's configuration
// in step with the base's: the same apart from the ha section.
func TestShardedConfigIsBasePlusHA(t *testing.T) {
	base := readYAML(t, "kubernetes/base/config.yaml").(map[string]any)
	sharded := readYAML(t, "kubernetes/overlays/sharded/config.yaml").(map[string]any)
	if sharded["ha"] == nil {
		t.Fatal("the sharded configuration has no ha section")
	}
	delete(sharded, "ha")
	if !reflect.DeepEqual(base, sharded) {
		t.Errorf("kubernetes/overlays/sharded/config.yaml differs from the base's beyond ha:\nbase    %v\nsharded %v", base, sharded)
	}
}
