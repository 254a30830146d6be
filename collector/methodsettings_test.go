package collector

import (
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	agtypes "github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	v2types "github.com/aws/aws-sdk-go-v2/service/apigatewayv2/types"
)

func TestRESTMethodSettingsOverrideTheStageDefault(t *testing.T) {
	routes := []Route{{Method: "GET", Resource: "/orders/{id}"}, {Method: "POST", Resource: "/pets"}, {Method: "GET", Resource: "/pets"}}
	tests := []struct {
		name      string
		settings  map[string]agtypes.MethodSetting
		level     string
		detailed  bool
		withRoute string
	}{
		{"nothing set", nil, "OFF", false, "[]"},
		{"stage default only", map[string]agtypes.MethodSetting{
			"*/*": {LoggingLevel: aws.String("ERROR"), MetricsEnabled: true},
		}, "ERROR", true, "[GET /orders/{id} POST /pets GET /pets]"},
		{"one method debugged, escaped key", map[string]agtypes.MethodSetting{
			"*/*":                {LoggingLevel: aws.String("OFF")},
			"~1orders~1{id}/GET": {LoggingLevel: aws.String("INFO"), MetricsEnabled: true},
		}, "INFO", true, "[GET /orders/{id}]"},
		{"one method turned off, plain key", map[string]agtypes.MethodSetting{
			"*/*":       {LoggingLevel: aws.String("ERROR"), MetricsEnabled: true},
			"pets/POST": {LoggingLevel: aws.String("OFF"), MetricsEnabled: false},
		}, "ERROR", true, "[GET /orders/{id} GET /pets]"},
		{"a key without a method is ignored", map[string]agtypes.MethodSetting{
			"pets/": {MetricsEnabled: true},
		}, "OFF", false, "[]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := foldRESTSettings(tt.settings)
			if s.level != tt.level || s.anyMetrics() != tt.detailed {
				t.Errorf("level %s, detailed metrics %v; want %s, %v", s.level, s.anyMetrics(), tt.level, tt.detailed)
			}
			if got := fmt.Sprint(s.metricsRoutes(routes)); got != tt.withRoute {
				t.Errorf("routes with metrics %s, want %s", got, tt.withRoute)
			}
		})
	}
}

func TestHTTPRouteSettingsOverrideTheDefault(t *testing.T) {
	on, off := aws.Bool(true), aws.Bool(false)
	st := v2types.Stage{
		DefaultRouteSettings: &v2types.RouteSettings{DetailedMetricsEnabled: off},
		RouteSettings:        map[string]v2types.RouteSettings{"GET /orders": {DetailedMetricsEnabled: on}, "$default": {}},
	}
	m := foldHTTPSettings(st)
	if !m.anyOn() || !m.on(Route{Key: "GET /orders"}) || m.on(Route{Key: "$default"}) || m.on(Route{Key: "POST /orders"}) {
		t.Errorf("folded %+v: want metrics for GET /orders only", m)
	}
	if foldHTTPSettings(v2types.Stage{}).anyOn() {
		t.Error("a stage with no settings has no detailed metrics")
	}
}
