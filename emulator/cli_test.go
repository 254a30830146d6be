package emulator

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// awsCLI is one independent AWS client: the pip-installed CLI v1, whose
// botocore lists CloudWatch as smithy-rpc-v2-cbor, json and query and
// speaks awsJson1_0 (X-Amz-Target GraniteServiceVersion20100801.*), or
// Debian's CLI v2.9 (awsQuery for CloudWatch).
type awsCLI struct {
	name, path, major string
}

// findCLIs locates both CLIs; with CI set a missing one fails the test
// (CI installs them: pip install awscli, apt-get install awscli).
func findCLIs(t *testing.T) []awsCLI {
	t.Helper()
	var found []awsCLI
	candidates := []string{"/usr/bin/aws"}
	if p, err := exec.LookPath("aws"); err == nil {
		candidates = append(candidates, p)
	}
	if home, err := os.UserHomeDir(); err == nil {
		candidates = append(candidates, filepath.Join(home, ".pyenv", "shims", "aws"))
	}
	seen := map[string]bool{}
	for _, p := range candidates {
		out, err := exec.Command(p, "--version").CombinedOutput()
		if err != nil {
			continue
		}
		v := strings.Fields(string(out))
		if len(v) == 0 || !strings.HasPrefix(v[0], "aws-cli/") {
			continue
		}
		major := strings.TrimPrefix(v[0], "aws-cli/")[:1]
		if !seen[major] {
			seen[major] = true
			found = append(found, awsCLI{name: "cli-v" + major, path: p, major: major})
		}
	}
	for _, major := range []string{"1", "2"} {
		if !seen[major] {
			msg := "AWS CLI v" + major + " not found (v1: pip install awscli; v2: apt-get install awscli)"
			if os.Getenv("CI") != "" {
				t.Fatal(msg)
			}
			t.Log("skipping: " + msg)
		}
	}
	if len(found) == 0 {
		t.Skip("no AWS CLI on this machine")
	}
	return found
}

func (c awsCLI) run(t *testing.T, url string, args ...string) map[string]any {
	t.Helper()
	args = append(args, "--endpoint-url", url, "--output", "json", "--region", "us-east-1")
	cmd := exec.Command(c.path, args...)
	cmd.Env = append(os.Environ(), "AWS_ACCESS_KEY_ID=AKIDTEST", "AWS_SECRET_ACCESS_KEY=secret",
		"AWS_CONFIG_FILE=/dev/null", "AWS_SHARED_CREDENTIALS_FILE=/dev/null", "AWS_PAGER=",
		"AWS_EC2_METADATA_DISABLED=true", "AWS_MAX_ATTEMPTS=2")
	out, err := cmd.Output()
	if err != nil {
		stderr := ""
		if ee, ok := err.(*exec.ExitError); ok { //nolint:errorlint // only for the message
			stderr = string(ee.Stderr)
		}
		t.Fatalf("%s %v: %v\n%s", c.name, args, err, stderr)
	}
	var m map[string]any
	if err := json.Unmarshal(out, &m); err != nil {
		t.Fatalf("%s %v: output is not JSON: %s", c.name, args, out)
	}
	return m
}

func TestIndependentCLIs(t *testing.T) {
	if testing.Short() {
		t.Skip("runs external processes")
	}
	clis := findCLIs(t)
	s, ts := newTestServer(t, newFakeWorld())
	for _, c := range clis {
		t.Run(c.name, func(t *testing.T) {
			testCLIMetrics(t, c, ts.URL)
			testCLIInsights(t, c, ts.URL)
			testCLIAPIGateway(t, c, ts.URL)
		})
	}
	if st := s.Stats(); st.Calls["GetMetricData"] < int64(len(clis)) || st.Calls["StartQuery"] < int64(len(clis)) {
		t.Errorf("stats %+v do not show the CLI calls", st)
	}
}

func testCLIMetrics(t *testing.T, c awsCLI, url string) {
	queries := `[{"Id":"m","MetricStat":{"Metric":{"Namespace":"AWS/ApiGateway","MetricName":"5XXError",` +
		`"Dimensions":[{"Name":"ApiName","Value":"a"},{"Name":"Stage","Value":"prod"}]},"Period":60,"Stat":"Sum"}},` +
		`{"Id":"r","Expression":"m/2"}]`
	out := c.run(t, url, "cloudwatch", "get-metric-data", "--metric-data-queries", queries,
		"--start-time", t0.Add(-5*time.Minute).Format(time.RFC3339), "--end-time", t0.Format(time.RFC3339))
	results, _ := out["MetricDataResults"].([]any)
	if len(results) != 2 {
		t.Fatalf("get-metric-data: %v", out)
	}
	for i, want := range []float64{6, 3} {
		r := results[i].(map[string]any)
		vals, _ := r["Values"].([]any)
		stamps, _ := r["Timestamps"].([]any)
		if len(vals) != 5 || vals[0] != want || len(stamps) != 5 || r["StatusCode"] != "Complete" {
			t.Errorf("result %d = %v, want 5 values of %v", i, r, want)
		}
	}
	lm := c.run(t, url, "cloudwatch", "list-metrics", "--namespace", "AWS/Lambda")
	if ms, _ := lm["Metrics"].([]any); len(ms) != 1 {
		t.Errorf("list-metrics: %v", lm)
	}
}

func testCLIInsights(t *testing.T, c awsCLI, url string) {
	start := c.run(t, url, "logs", "start-query", "--log-group-name", execGroup,
		"--start-time", strconv.FormatInt(t0.Add(-2*time.Hour).Unix(), 10), "--end-time", strconv.FormatInt(t0.Unix(), 10),
		"--query-string", `parse @message "status: *" as status | filter status in ["502", "504"] | stats count(*) as n by status`)
	id, _ := start["queryId"].(string)
	res := c.run(t, url, "logs", "get-query-results", "--query-id", id)
	rows, _ := res["results"].([]any)
	stats, _ := res["statistics"].(map[string]any)
	if res["status"] != "Complete" || len(rows) != 2 || stats["recordsMatched"] != float64(20) {
		t.Errorf("get-query-results: %v", res)
	}
}

func testCLIAPIGateway(t *testing.T, c awsCLI, url string) {
	apis := c.run(t, url, "apigateway", "get-rest-apis")
	if items, _ := apis["items"].([]any); len(items) != 5 {
		t.Errorf("get-rest-apis: %v", apis)
	}
	stages := c.run(t, url, "apigateway", "get-stages", "--rest-api-id", "api00")
	items, _ := stages["item"].([]any)
	if len(items) != 1 {
		t.Fatalf("get-stages: %v", stages)
	}
	ms, _ := items[0].(map[string]any)["methodSettings"].(map[string]any)
	if all, _ := ms["*/*"].(map[string]any); all["loggingLevel"] != "INFO" {
		t.Errorf("get-stages methodSettings: %v", ms)
	}
	v2 := c.run(t, url, "apigatewayv2", "get-apis")
	if items, _ := v2["Items"].([]any); len(items) != 1 {
		t.Errorf("apigatewayv2 get-apis: %v", v2)
	}
}
