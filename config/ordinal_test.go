package config

import (
	"strings"
	"testing"
)

func TestShardIndexFromEnvironment(t *testing.T) {
	const src = "aws: {region: us-east-1}\nha:\n  shards: 3\n  shard_index: ${POD_INDEX}\n"
	tests := []struct {
		name, value string
		want        int
		err         string
	}{
		{"the pod-index label's number", "2", 2, ""},
		{"a StatefulSet pod name", "apigw-triage-1", 1, ""},
		{"zero", "0", 0, ""},
		{"unset", "", 0, "test.yaml:4:16: ha.shard_index: environment variable POD_INDEX is not set"},
		{"beyond the shards", "apigw-triage-3", 0, "ha.shard_index: must be between 0 and shards-1 (2), not 3"},
		{"no ordinal", "apigw-triage", 0, `environment variable POD_INDEX must hold a number or a pod name ending in -N, not "apigw-triage"`},
		{"negative", "-1", 0, "must hold a number or a pod name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := func(k string) string {
				if k == "POD_INDEX" {
					return tt.value
				}
				return ""
			}
			c, err := Parse([]byte(src), "test.yaml", env)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.HA.ShardIndex != tt.want {
				t.Errorf("ShardIndex = %d, want %d", c.HA.ShardIndex, tt.want)
			}
		})
	}
}

// TestOrdinalReferenceOnlyWhereAllowed: other keys refuse a reference and
// say where one is read, and a reference with other text around it is not
// a reference.
func TestOrdinalReferenceOnlyWhereAllowed(t *testing.T) {
	env := func(string) string { return "1" }
	for _, tt := range []struct{ src, want string }{
		{"aws: {region: us-east-1}\nha: {shards: \"${N}\"}\n", "ha.shards: ${N} is read from the environment only in secrets"},
		{"aws:\n  region: ${AWS_REGION}\n", "aws.region: ${AWS_REGION} is read from the environment only in secrets"},
		{"aws: {region: us-east-1}\nha: {shards: 2, shard_index: \"pod-${N}\"}\n", "must be an integer"},
	} {
		if _, err := Parse([]byte(tt.src), "test.yaml", env); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: err = %v, want %q", tt.src, err, tt.want)
		}
	}
}
