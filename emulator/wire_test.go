package emulator

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/emulator/world"
)

// send makes one signed-looking request and returns status, headers, body.
func send(t *testing.T, method, u, ctype string, hdr map[string]string, body string) (int, http.Header, string) {
	t.Helper()
	req, _ := http.NewRequest(method, u, strings.NewReader(body))
	req.Header.Set("Content-Type", ctype)
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDTEST/20260101/eu-west-1/monitoring/aws4_request, SignedHeaders=host, Signature=x")
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

// TestQueryProtocol checks the awsQuery form of GetMetricData, the shape
// older SDKs and AWS CLI v2 use.
func TestQueryProtocol(t *testing.T) {
	_, ts := newTestServer(t, newFakeWorld())
	form := url.Values{
		"Action": {"GetMetricData"}, "Version": {"2010-08-01"},
		"StartTime": {t0.Add(-3 * time.Minute).Format(time.RFC3339)}, "EndTime": {t0.Format(time.RFC3339)},
		"ScanBy":                                                                 {"TimestampAscending"},
		"MetricDataQueries.member.1.Id":                                          {"m1"},
		"MetricDataQueries.member.1.ReturnData":                                  {"true"},
		"MetricDataQueries.member.1.MetricStat.Stat":                             {"Maximum"},
		"MetricDataQueries.member.1.MetricStat.Period":                           {"60"},
		"MetricDataQueries.member.1.MetricStat.Metric.Namespace":                 {"AWS/ApiGateway"},
		"MetricDataQueries.member.1.MetricStat.Metric.MetricName":                {"5XXError"},
		"MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name":  {"ApiName"},
		"MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Value": {"a"},
	}
	status, _, body := send(t, http.MethodPost, ts.URL+"/", "application/x-www-form-urlencoded", nil, form.Encode())
	want := "<Timestamps><member>2026-01-01T11:57:00Z</member><member>2026-01-01T11:58:00Z</member><member>2026-01-01T11:59:00Z</member></Timestamps><Values><member>3</member><member>3</member><member>3</member></Values><StatusCode>Complete</StatusCode>"
	if status != 200 || !strings.Contains(body, want) || !strings.Contains(body, "<GetMetricDataResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">") {
		t.Errorf("status %d body %s", status, body)
	}
}

// TestThrottleWire checks the bytes of each protocol's throttle answer.
func TestThrottleWire(t *testing.T) {
	f := newFakeWorld()
	f.setFaults(world.Faults{ThrottleShare: 1})
	_, ts := newTestServer(t, f)
	tests := []struct {
		name, path, ctype, body string
		hdr                     map[string]string
		status                  int
		header, headerVal, want string
	}{
		{"cbor", cborPathPrefix + "ListMetrics", "application/cbor", "", map[string]string{"Smithy-Protocol": "rpc-v2-cbor"},
			400, "X-Amzn-Query-Error", "Throttling;Sender", "ThrottlingException"},
		{"query", "/", "application/x-www-form-urlencoded", "Action=ListMetrics&Version=2010-08-01", nil,
			400, "Content-Type", "text/xml", "<Code>Throttling</Code>"},
		{"json1.0", "/", "application/x-amz-json-1.0", "{}", map[string]string{"X-Amz-Target": "GraniteServiceVersion20100801.ListMetrics"},
			400, "X-Amzn-Query-Error", "Throttling;Sender", `"__type":"ThrottlingException"`},
		{"logs", "/", "application/x-amz-json-1.1", "{}", map[string]string{"X-Amz-Target": "Logs_20140328.DescribeLogGroups"},
			400, "Content-Type", "application/x-amz-json-1.1", `"__type":"ThrottlingException"`},
		{"apigateway", "/restapis", "", "", nil, 429, "Retry-After", "1", "Too Many Requests"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			method := http.MethodPost
			if tc.ctype == "" {
				method = http.MethodGet
			}
			status, h, body := send(t, method, ts.URL+tc.path, tc.ctype, tc.hdr, tc.body)
			if status != tc.status || h.Get(tc.header) != tc.headerVal || !strings.Contains(body, tc.want) {
				t.Errorf("status %d %s=%q body %q", status, tc.header, h.Get(tc.header), body)
			}
		})
	}
}
