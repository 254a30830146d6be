package config

import (
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/apigw-triage/apigw-triage/textsafe"
)

// ordinalKeys are the integer keys that may be written as one ${NAME}
// reference. ha.shard_index must differ between replicas that share one
// manifest and one configuration file (a StatefulSet's pods), so each pod
// supplies it through its environment.
var ordinalKeys = map[string]bool{"ha.shard_index": true}

// wholeEnvRef is a value that is exactly one ${NAME} reference.
var wholeEnvRef = regexp.MustCompile(`^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$`)

// ordinalRef records a ${NAME} reference written for an ordinal key, to be
// resolved by the validator with the rest of the environment. It reports
// whether n was such a reference.
func (d *decoder) ordinalRef(n *yaml.Node, path string) bool {
	if !ordinalKeys[path] || n.ShortTag() != "!!str" {
		return false
	}
	m := wholeEnvRef.FindStringSubmatch(n.Value)
	if m == nil {
		return false
	}
	d.refs[path] = m[1]
	return true
}

// podNameOrdinal is the ordinal at the end of a StatefulSet pod's name
// (apigw-triage-2), for clusters whose pods lack the pod-index label.
var podNameOrdinal = regexp.MustCompile(`[a-z0-9]-(\d{1,6})$`)

// parseOrdinal reads a variable that holds a replica's ordinal: a
// non-negative integer, or a StatefulSet pod name ending in -N.
func parseOrdinal(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if m := podNameOrdinal.FindStringSubmatch(s); m != nil {
		s = m[1]
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 0
}

// ordinal resolves the reference recorded for key, if any, into *dst.
func (v *validator) ordinal(key string, dst *int) {
	name, ok := v.refs[key]
	if !ok {
		return
	}
	val := ""
	if v.getenv != nil {
		val = v.getenv(name)
	}
	if val == "" {
		v.add(key, "environment variable %s is not set", name)
		v.failed[key] = true
		return
	}
	n, ok := parseOrdinal(val)
	if !ok {
		v.add(key, "environment variable %s must hold a number or a pod name ending in -N, not %q", name, textsafe.Cut(val, 64))
		v.failed[key] = true
		return
	}
	*dst = n
}
