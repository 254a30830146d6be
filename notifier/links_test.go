package notifier

import (
	"strings"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"

	"github.com/apigw-triage/apigw-triage/classifier"
)

func linkIncident(region string, api stage.APIType) Snapshot {
	t0 := time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)
	return Snapshot{
		Identity:  stage.Identity{Region: region, APIType: api, APIName: "orders api", APIID: "abc123", Stage: "prod"},
		Figures:   stage.Figures{WindowStart: t0, WindowEnd: t0.Add(5 * time.Minute)},
		Diagnosis: classifier.Diagnosis{RequestIDs: []string{"11111111-2222-3333-4444-555555555555", "bad id|x"}}}
}

func TestMetricsConsoleURL(t *testing.T) {
	for _, tc := range []struct {
		name, region string
		api          stage.APIType
		want         []string
	}{
		{"rest", "eu-west-1", stage.APIREST, []string{
			"https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#metricsV2:graph=~(metrics~(~(~'AWS*2fApiGateway~'5XXError~'ApiName~'orders*20api~'Stage~'prod~(stat~'Sum))",
			"~start~'2026-03-14T08*3a55*3a00.000Z~end~'2026-03-14T09*3a10*3a00.000Z~period~60)"}},
		{"http", "us-east-1", stage.APIHTTP, []string{"~'5xx~'ApiId~'abc123~'Stage~'prod"}},
		{"china", "cn-north-1", stage.APIREST, []string{"https://cn-north-1.console.amazonaws.cn/cloudwatch/home?region=cn-north-1#"}},
		{"govcloud", "us-gov-west-1", stage.APIREST, []string{"https://console.amazonaws-us-gov.com/cloudwatch/home?region=us-gov-west-1#"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkContains(t, "URL", MetricsConsoleURL(linkIncident(tc.region, tc.api)), tc.want...)
		})
	}
	if got := MetricsConsoleURL(linkIncident("eu-west-1\"><script>", stage.APIREST)); got != "" {
		t.Errorf("malformed region gave %q", got)
	}
}

func TestLogsInsightsURL(t *testing.T) {
	got := LogsInsightsURL(linkIncident("eu-west-1", stage.APIREST))
	checkContains(t, "URL", got,
		"#logsV2:logs-insights$3FqueryDetail$3D~(end~'2026-03-14T09*3a10*3a00.000Z~start~'2026-03-14T08*3a55*3a00.000Z~timeType~'ABSOLUTE~tz~'UTC~editorString~'fields*20*40timestamp",
		"like*20*2f11111111-2222-3333-4444-555555555555*2f",
		"~source~(~'API-Gateway-Execution-Logs_abc123*2fprod))")
	if strings.Contains(got, "bad") {
		t.Errorf("a malformed request id reached the query: %s", got)
	}
	if got := LogsInsightsURL(linkIncident("eu-west-1", stage.APIHTTP)); got != "" {
		t.Errorf("HTTP API without log groups gave %q", got)
	}
}
