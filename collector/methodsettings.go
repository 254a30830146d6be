package collector

import (
	"maps"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	agtypes "github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	v2types "github.com/aws/aws-sdk-go-v2/service/apigatewayv2/types"
)

// restSettings is a REST stage's method settings folded into what the
// collector needs. "*/*" is the stage's default; an entry for one method,
// keyed "{resource path}/{HTTP method}" without the leading slash (and
// with "/" sometimes escaped as "~1"), overrides it for that method.
// Teams often enable INFO logging or detailed metrics on the one method
// they are debugging, so reading "*/*" alone would miss their evidence.
type restSettings struct {
	defaultMetrics bool
	metrics        map[string]bool // per-method override, keyed "GET /pets/{id}"
	level          string          // the most verbose level any method logs at
}

func foldRESTSettings(ms map[string]agtypes.MethodSetting) restSettings {
	out := restSettings{level: "OFF", metrics: map[string]bool{}}
	for key, s := range ms {
		if verbosity(aws.ToString(s.LoggingLevel)) > verbosity(out.level) {
			out.level = aws.ToString(s.LoggingLevel)
		}
		if key == "*/*" {
			out.defaultMetrics = s.MetricsEnabled
			continue
		}
		if method, ok := methodKey(key); ok {
			out.metrics[method] = s.MetricsEnabled
		}
	}
	return out
}

// verbosity orders the logging levels: a stage with any method at INFO has
// an execution log group holding that method's full request logs.
func verbosity(level string) int {
	switch level {
	case "INFO":
		return 2
	case "ERROR":
		return 1
	}
	return 0
}

// methodKey turns a method settings key into "GET /pets/{id}".
func methodKey(key string) (string, bool) {
	key = strings.ReplaceAll(key, "~1", "/")
	i := strings.LastIndexByte(key, '/')
	if i < 0 || i == len(key)-1 {
		return "", false
	}
	return key[i+1:] + " /" + strings.TrimPrefix(key[:i], "/"), true
}

// anyMetrics reports whether some method of the stage has detailed metrics.
func (s restSettings) anyMetrics() bool {
	return s.defaultMetrics || slices.Contains(slices.Collect(maps.Values(s.metrics)), true)
}

// metricsRoutes keeps the routes that have detailed metrics: per-method
// series exist only for those, and asking for the others would bill
// queries that can only come back empty.
func (s restSettings) metricsRoutes(routes []Route) []Route {
	var out []Route
	for _, r := range routes {
		on, ok := s.metrics[r.Method+" "+r.Resource]
		if (ok && on) || (!ok && s.defaultMetrics) {
			out = append(out, r)
		}
	}
	return out
}

// httpMetrics reports, per route key, whether an HTTP API stage has
// detailed metrics for it: defaultRouteSettings, overridden per route by
// routeSettings.
type httpMetrics struct {
	defaultOn bool
	routes    map[string]bool
}

func foldHTTPSettings(s v2types.Stage) httpMetrics {
	out := httpMetrics{routes: map[string]bool{}}
	if rs := s.DefaultRouteSettings; rs != nil {
		out.defaultOn = aws.ToBool(rs.DetailedMetricsEnabled)
	}
	for key, rs := range s.RouteSettings {
		if rs.DetailedMetricsEnabled != nil {
			out.routes[key] = *rs.DetailedMetricsEnabled
		}
	}
	return out
}

func (m httpMetrics) anyOn() bool {
	return m.defaultOn || slices.Contains(slices.Collect(maps.Values(m.routes)), true)
}

func (m httpMetrics) on(r Route) bool {
	if on, ok := m.routes[r.Key]; ok {
		return on
	}
	return m.defaultOn
}
