package collector

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"
	"unsafe"
)

// A refresh that finds every stage unchanged returns the same picture,
// each stage sharing the previous one's memory.
func TestDiscoveryRefreshKeepsUnchangedStages(t *testing.T) {
	e := newE2E(t, "catalog", 0)
	first, failures := e.c.Discover(context.Background())
	if len(failures) > 0 || len(first) == 0 {
		t.Fatalf("discovery: %d stages, failures %v", len(first), failures)
	}
	e.clk.Advance(e.c.opts.Discovery.Refresh + time.Minute)
	again, failures := e.c.Discover(context.Background())
	if len(failures) > 0 || !reflect.DeepEqual(first, again) {
		t.Fatalf("a refresh changed the picture (failures %v)", failures)
	}
	for i := range again {
		if unsafe.StringData(again[i].Key) != unsafe.StringData(first[i].Key) {
			t.Errorf("stage %s was rebuilt, not kept", again[i].Key)
		}
	}
}

// A stage that changed keeps its new value; one that did not, its old.
func TestKeepReplacesOnlyEqualStages(t *testing.T) {
	old := []Stage{restStage("a", "r", "one"), restStage("a", "r", "two")}
	prev := unchanged{old[0].Key: &old[0], old[1].Key: &old[1]}
	fresh := []Stage{restStage("a", "r", "one"), restStage("a", "r", "two"), restStage("a", "r", "three")}
	fresh[0].Key = strings.Clone(fresh[0].Key)
	fresh[1].LoggingLevel = "ERROR"
	got := prev.keep(fresh)
	if unsafe.StringData(got[0].Key) != unsafe.StringData(old[0].Key) {
		t.Error("an unchanged stage was not kept")
	}
	if got[1].LoggingLevel != "ERROR" || got[2].APIName != "three" {
		t.Errorf("a changed or new stage lost its value: %+v", got[1:])
	}
}
