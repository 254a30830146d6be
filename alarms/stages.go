package alarms

import (
	"regexp"
	"strings"
)

// apigwNamespace is the namespace of API Gateway's metrics.
const apigwNamespace = "AWS/ApiGateway"

// StageRef names a stage the way its metrics do: REST APIs by ApiName,
// HTTP and WebSocket APIs by ApiId, all with Stage.
type StageRef struct {
	Account string
	Region  string
	HTTP    bool   // keyed by ApiId: an HTTP or WebSocket API
	API     string // the API's name (REST) or id (HTTP, WebSocket)
	Stage   string
}

// refsFromMetrics maps an alarm's metrics to the stages they measure: a
// metric alarm's one metric, a metric-math alarm's metrics (the
// expression only combines them), a Metrics Insights alarm's WHERE.
func refsFromMetrics(account, region string, ms []wireMetric) []StageRef {
	var out []StageRef
	for _, m := range ms {
		switch {
		case m.MetricStat != nil && m.MetricStat.Metric.Namespace == apigwNamespace:
			out = appendRef(out, refsFromDims(account, region, m.MetricStat.Metric.Dimensions)...)
		case m.Expression != "":
			out = appendRef(out, refsFromQuery(account, region, m.Expression)...)
		}
	}
	return out
}

// refsFromDims maps one series' dimensions to its stage; none without a
// Stage and an ApiName or ApiId (an account-wide metric).
func refsFromDims(account, region string, dims map[string]string) []StageRef {
	stage := dims["Stage"]
	if stage == "" {
		return nil
	}
	if id := dims["ApiId"]; id != "" {
		return []StageRef{{Account: account, Region: region, HTTP: true, API: id, Stage: stage}}
	}
	if name := dims["ApiName"]; name != "" {
		return []StageRef{{Account: account, Region: region, API: name, Stage: stage}}
	}
	return nil
}

var (
	insightsFrom = regexp.MustCompile(`(?i)\bFROM\s+(?:SCHEMA\(\s*)?"?AWS/ApiGateway"?`)
	insightsEq   = regexp.MustCompile(`(?i)\b(ApiName|ApiId|Stage)\s*=\s*'((?:[^']|'')*)'`)
)

// refsFromQuery maps a Metrics Insights query over AWS/ApiGateway whose
// WHERE pins one stage (ApiName or ApiId, and Stage, compared with =).
// A query grouping many stages names none here: its contributor events
// carry each series' dimensions instead.
func refsFromQuery(account, region, q string) []StageRef {
	if !insightsFrom.MatchString(q) {
		return nil
	}
	dims := map[string]string{}
	for _, m := range insightsEq.FindAllStringSubmatch(q, -1) {
		k := map[string]string{"apiname": "ApiName", "apiid": "ApiId", "stage": "Stage"}[strings.ToLower(m[1])]
		v := strings.ReplaceAll(m[2], "''", "'")
		if prev, dup := dims[k]; dup && prev != v {
			return nil // "Stage = 'a' OR Stage = 'b'": more than one stage
		}
		dims[k] = v
	}
	return refsFromDims(account, region, dims)
}

func appendRef(out []StageRef, refs ...StageRef) []StageRef {
	for _, r := range refs {
		dup := false
		for _, o := range out {
			dup = dup || o == r
		}
		if !dup {
			out = append(out, r)
		}
	}
	return out
}
