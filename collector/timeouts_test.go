package collector

import (
	"maps"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/apigw-triage/apigw-triage/emulator/scenario"
	"github.com/apigw-triage/apigw-triage/stage"
)

// TestRouteTimeouts: one timeout shared by every integration is the
// stage's; differing ones are each method's or route's. Defaults (an unset
// timeout): REST and WebSocket 29 s, HTTP APIs 30 s (the apigatewayv2
// Integration's timeoutInMillis; the REST quotas page).
func TestRouteTimeouts(t *testing.T) {
	sec := func(n int) time.Duration { return time.Duration(n) * time.Second }
	tests := []struct {
		name   string
		typ    stage.APIType
		integ  []IntegrationInfo
		routes []Route
		want   map[string]time.Duration // nil: the stage's one timeout
		stage  time.Duration            // EffectiveTimeout
		// LongestTimeout: what the stage's own figures are measured against
		longest time.Duration
	}{
		{"REST methods agree", stage.APIREST, []IntegrationInfo{{Type: "AWS_PROXY", Timeout: sec(60), route: "GET /a"}, {Type: "AWS_PROXY", Timeout: sec(60), route: "POST /b"}}, nil, nil, sec(60), sec(60)},
		{"REST unset is the 29 s default", stage.APIREST, []IntegrationInfo{{Type: "AWS_PROXY", route: "GET /a"}, {Type: "HTTP", Timeout: sec(29), route: "GET /b"}}, nil, nil, sec(29), sec(29)},
		{"REST methods differ", stage.APIREST, []IntegrationInfo{{Type: "AWS_PROXY", Timeout: sec(60), route: "GET /a"}, {Type: "HTTP", Timeout: sec(5), route: "ANY /b"}, {route: "OPTIONS /b"}},
			nil, map[string]time.Duration{"GET /a": sec(60), "ANY /b": sec(5)}, 0, sec(60)},
		{"HTTP routes differ", stage.APIHTTP, []IntegrationInfo{{Type: "HTTP_PROXY", Timeout: sec(2), ID: "i1"}, {Type: "HTTP_PROXY", ID: "i2"}},
			[]Route{{Key: "GET /fast", target: "integrations/i1"}, {Key: "GET /slow", target: "integrations/i2"}, {Key: "GET /none"}},
			map[string]time.Duration{"GET /fast": sec(2), "GET /slow": sec(30)}, 0, sec(30)},
		{"HTTP unset is the 30 s default", stage.APIHTTP, []IntegrationInfo{{Type: "AWS_PROXY", ID: "i1"}, {Type: "HTTP_PROXY", Timeout: sec(30), ID: "i2"}}, nil, nil, sec(30), sec(30)},
		{"WebSocket routes differ", stage.APIWebSocket, []IntegrationInfo{{Type: "AWS_PROXY", Timeout: 50 * time.Millisecond, ID: "i1"}, {Type: "AWS_PROXY", ID: "i2"}},
			[]Route{{Key: "sendmessage", target: "integrations/i1"}, {Key: "$default", target: "integrations/i2"}},
			map[string]time.Duration{"sendmessage": 50 * time.Millisecond, "$default": sec(29)}, 0, sec(29)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := routeTimeouts(tt.integ, tt.routes, tt.typ)
			if (got == nil) != (tt.want == nil) || !maps.Equal(got, tt.want) {
				t.Errorf("route timeouts %v, want %v", got, tt.want)
			}
			st := Stage{Identity: stage.Identity{APIType: tt.typ}, Integration: dominant(tt.integ), RouteTimeouts: got}
			if to := st.EffectiveTimeout(); to != tt.stage {
				t.Errorf("stage timeout %s, want %s", to, tt.stage)
			}
			if to := st.LongestTimeout(); to != tt.longest {
				t.Errorf("longest timeout %s, want %s", to, tt.longest)
			}
		})
	}
}

// TestStageLatencyNearTheLongestTimeout: a stage's latency percentile is
// the stage's figure, so with methods whose integration timeouts differ
// (the REST quotas page: each integration's timeoutInMillis, 50 ms up, past
// 29 s after a quota increase) it is "near the timeout" against the
// longest of them, not the dominant integration's or the 29 s default.
func TestStageLatencyNearTheLongestTimeout(t *testing.T) {
	sec := func(n int) time.Duration { return time.Duration(n) * time.Second }
	tests := []struct {
		name      string
		dominant  time.Duration // the dominant integration's timeout
		routes    map[string]time.Duration
		latencyMS float64
		want      bool
	}{
		{"5 s and 10 s methods, p99 at 9.8 s", sec(5), map[string]time.Duration{"GET /a": sec(5), "POST /b": sec(10)}, 9800, true},
		{"5 s and 10 s methods, p99 at 4.9 s: maybe a slow 10 s method", sec(5), map[string]time.Duration{"GET /a": sec(5), "POST /b": sec(10)}, 4900, false},
		{"45 s and 60 s methods, p99 at 30 s", 0, map[string]time.Duration{"GET /a": sec(45), "POST /b": sec(60)}, 30000, false},
		{"45 s and 60 s methods, p99 at 58 s", 0, map[string]time.Duration{"GET /a": sec(45), "POST /b": sec(60)}, 58000, true},
		{"one 29 s timeout, p99 at 28 s", sec(29), nil, 28000, true},
	}
	now := time.Date(2026, 3, 14, 9, 30, 30, 0, time.UTC)
	w := pollWindow(now, time.Minute, 0, 5)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := Stage{Identity: stage.Identity{APIType: stage.APIREST}, Integration: IntegrationInfo{Type: "AWS_PROXY", Timeout: tt.dominant}, RouteTimeouts: tt.routes}
			s := newSeries()
			at := w.end.Add(-time.Minute)
			s.set(at, kindRequests, 100)
			s.set(at, kindErrors, 10)
			s.set(at, kindLatency, tt.latencyMS)
			res := evaluateStage(st, Thresholds{}.withDefaults(), s, w)
			if res.Latency != msDuration(tt.latencyMS) || res.LikelyTimeout != tt.want {
				t.Errorf("latency %s likely timeout %v, want %v", res.Latency, res.LikelyTimeout, tt.want)
			}
		})
	}
}

// routeTimeoutScenario: an HTTP API whose routes' timeouts differ (no
// detailed metrics, so only the timeouts need its routes) and one whose
// integrations agree (its routes are not asked for).
const routeTimeoutScenario = `accounts:
  - id: "111122223333"
    regions:
      - name: eu-west-1
        http_apis:
          - name: search
            routes:
              - {method: GET, path: /fast, integration: {type: http_proxy, uri: "https://fast.example.com", timeout: 2s}}
              - {method: GET, path: /slow, integration: {type: http_proxy, uri: "https://slow.example.com"}}
            stages:
              - {name: $default}
          - name: carts
            routes:
              - {method: GET, path: /carts, integration: {type: http_proxy, uri: "https://carts.example.com", timeout: 10s}}
              - {method: PUT, path: /carts, integration: {type: http_proxy, uri: "https://carts.example.com", timeout: 10s}}
            stages:
              - {name: $default}
        rest_apis:
          - name: jobs
            routes:
              - {method: POST, path: /jobs, integration: {type: http_proxy, timeout: 120s}}
              - {method: GET, path: "/jobs/{id}", integration: {type: http_proxy}}
            stages:
              - {name: prod}
`

// TestE2EDiscoversRouteTimeouts: discovery reads each integration's
// timeout through the real SDK from the emulator, with one GetRoutes call
// for the API whose timeouts differ and none for the one whose agree, and
// no call on the polls that reuse the discovery.
func TestE2EDiscoversRouteTimeouts(t *testing.T) {
	sc, err := scenario.Parse([]byte(routeTimeoutScenario), "route-timeouts.yaml")
	if err != nil {
		t.Fatal(err)
	}
	e := newE2EScenario(t, sc, 0)
	e.pollMinutes(t, 3)
	want := map[string]map[string]time.Duration{
		"search": {"GET /fast": 2 * time.Second, "GET /slow": 30 * time.Second},
		"carts":  nil,
		"jobs":   {"POST /jobs": 120 * time.Second, "GET /jobs/{id}": 29 * time.Second},
	}
	for _, st := range e.c.Stages() {
		w, ok := want[st.APIName]
		if !ok {
			continue
		}
		delete(want, st.APIName)
		if (st.RouteTimeouts == nil) != (w == nil) || !maps.Equal(st.RouteTimeouts, w) {
			t.Errorf("%s: route timeouts %v, want %v", st.APIName, st.RouteTimeouts, w)
		}
		if st.APIName == "carts" && st.EffectiveTimeout() != 10*time.Second {
			t.Errorf("carts: stage timeout %s, want 10s", st.EffectiveTimeout())
		}
		if cx := stageContext(st); !maps.Equal(cx.RouteTimeouts, w) || (w != nil) != (cx.IntegrationTimeout == 0) {
			t.Errorf("%s: classifier hints %s %v", st.APIName, cx.IntegrationTimeout, cx.RouteTimeouts)
		}
	}
	if len(want) > 0 {
		t.Errorf("not discovered: %v", want)
	}
	if n := testutil.ToFloat64(e.c.metrics.awsRequests.WithLabelValues("ApiGatewayV2", "GetRoutes", resultSuccess)); n != 1 {
		t.Errorf("%v GetRoutes calls, want 1 (the search API's, in the one discovery)", n)
	}
}
