package stage

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestIdentityByAPIType(t *testing.T) {
	rest := New("111", "eu-west-1", APIREST, "abc123", "orders", "prod")
	http := New("111", "eu-west-1", APIHTTP, "h1t2p3", "orders", "$default")
	for _, tc := range []struct {
		name      string
		got, want string
	}{
		{"rest key", rest.Key, "111/eu-west-1/REST/abc123/prod"},
		{"http key", http.Key, "111/eu-west-1/HTTP/h1t2p3/$default"},
		{"rest error metric", rest.ErrorMetric(), "5XXError"},
		{"http error metric", http.ErrorMetric(), "5xx"},
		{"rest execution logs", rest.RESTExecutionLogGroup(), "API-Gateway-Execution-Logs_abc123/prod"},
		{"http has no execution logs", http.RESTExecutionLogGroup(), ""},
		{"rest label", rest.Label(), "orders"},
		{"http label", http.Label(), "orders (h1t2p3)"},
		{"no name", Identity{APIID: "x1"}.Label(), "x1"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %q, want %q", tc.name, tc.got, tc.want)
		}
	}
	if n, v := rest.MetricDimension(); n != "ApiName" || v != "orders" {
		t.Errorf("rest dimension %s=%s", n, v)
	}
	if n, v := http.MetricDimension(); n != "ApiId" || v != "h1t2p3" {
		t.Errorf("http dimension %s=%s", n, v)
	}
}

func TestConsoleLinks(t *testing.T) {
	t0 := time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)
	id := New("111", "cn-north-1", APIHTTP, "h1", "n", "$default")
	if got := id.MetricsConsoleURL(t0, t0.Add(time.Hour)); !strings.HasPrefix(got, "https://cn-north-1.console.amazonaws.cn/") ||
		!strings.Contains(got, "'ApiId~'h1~'Stage~'!default") {
		t.Errorf("metrics link %s", got)
	}
	if got := id.LogsInsightsURL(nil, "q", t0, t0); got != "" {
		t.Errorf("a link without log groups: %s", got)
	}
	bad := Identity{Region: "eu-west-1\"><x>"}
	if got := bad.MetricsConsoleURL(t0, t0); got != "" {
		t.Errorf("malformed region gave %s", got)
	}
}

// TestFiguresKeepTheStoredLatencyKey: incident stores written by earlier
// versions hold the latency as LatencyP99; it still reads.
func TestFiguresKeepTheStoredLatencyKey(t *testing.T) {
	var f Figures
	if err := json.Unmarshal([]byte(`{"LatencyP99":2300000000}`), &f); err != nil || f.Latency != 2300*time.Millisecond {
		t.Fatalf("latency %v, err %v", f.Latency, err)
	}
	if f.LatencyName() != "p99" {
		t.Errorf("statistic %q, want p99 for an old record", f.LatencyName())
	}
}
