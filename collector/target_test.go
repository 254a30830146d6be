package collector

import (
	"testing"

	"github.com/apigw-triage/apigw-triage/stage"
)

func TestTargetRestrictedToAccountAndRegion(t *testing.T) {
	c := &Collector{opts: Options{Targets: []Target{
		{APIType: stage.APIREST, API: "orders", Region: "eu-west-1"},
		{APIType: stage.APIHTTP, API: "h1t2p3", Account: "111122223333"},
	}}}
	tests := []struct {
		name string
		meta apiMeta
		want bool
	}{
		{"REST target in its region", apiMeta{typ: stage.APIREST, name: "orders", account: "1", region: "eu-west-1"}, true},
		{"REST target elsewhere", apiMeta{typ: stage.APIREST, name: "orders", account: "1", region: "us-east-1"}, false},
		{"HTTP target by id in its account", apiMeta{typ: stage.APIHTTP, id: "h1t2p3", account: "111122223333", region: "us-east-1"}, true},
		{"HTTP target in another account", apiMeta{typ: stage.APIHTTP, id: "h1t2p3", account: "444455556666", region: "us-east-1"}, false},
		{"same name, other API type", apiMeta{typ: stage.APIHTTP, name: "orders", region: "eu-west-1"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.selected(tt.meta, nil); got != tt.want {
				t.Errorf("selected = %v, want %v", got, tt.want)
			}
		})
	}
}
