package emulator

import (
	"strings"

	"github.com/apigw-triage/apigw-triage/emulator/world"
)

// DescribeLogGroups limits (CloudWatch Logs API reference: limit 1..50).
const (
	defaultLogGroupsPage = 50
	maxLogGroupsPage     = 50
)

type describeLogGroupsInput struct {
	LogGroupNamePrefix  string `json:"logGroupNamePrefix"`
	LogGroupNamePattern string `json:"logGroupNamePattern"`
	Limit               int    `json:"limit"`
	NextToken           string `json:"nextToken"`
}

type logGroupJSON struct {
	LogGroupName      string `json:"logGroupName"`
	Arn               string `json:"arn"`
	LogGroupArn       string `json:"logGroupArn"`
	CreationTime      int64  `json:"creationTime"`
	RetentionInDays   int    `json:"retentionInDays,omitempty"`
	StoredBytes       int64  `json:"storedBytes"`
	MetricFilterCount int    `json:"metricFilterCount"`
	LogGroupClass     string `json:"logGroupClass"`
}

func (s *Server) describeLogGroups(c *call) (any, error) {
	var in describeLogGroupsInput
	if err := decodeJSONInput(c, &in); err != nil {
		return nil, err
	}
	if in.Limit < 0 || in.Limit > maxLogGroupsPage {
		return nil, errLogsInvalidParam("1 validation error detected: Value at 'limit' failed to satisfy constraint: Member must have value less than or equal to 50")
	}
	if in.LogGroupNamePrefix != "" && in.LogGroupNamePattern != "" {
		return nil, errLogsInvalidParam("LogGroupNamePrefix and LogGroupNamePattern are mutually exclusive.")
	}
	from, ok := decodePageToken(in.NextToken, "dlg")
	if !ok {
		return nil, errLogsInvalidParam("The specified nextToken is invalid.")
	}
	var match []world.LogGroup
	for _, g := range s.b.LogGroups(c.account, c.region) {
		if strings.HasPrefix(g.Name, in.LogGroupNamePrefix) && strings.Contains(g.Name, in.LogGroupNamePattern) {
			match = append(match, g)
		}
	}
	size := in.Limit
	if size == 0 {
		size = defaultLogGroupsPage
	}
	lo, hi, next := pageBounds(len(match), from, size, "dlg")
	out := map[string]any{"logGroups": s.logGroupsJSON(c, match[lo:hi])}
	if next != "" {
		out["nextToken"] = next
	}
	return out, nil
}

func (s *Server) logGroupsJSON(c *call, groups []world.LogGroup) []logGroupJSON {
	out := make([]logGroupJSON, len(groups))
	for i, g := range groups {
		arn := logGroupARN(c, g.Name)
		out[i] = logGroupJSON{
			LogGroupName: g.Name, Arn: arn + ":*", LogGroupArn: arn,
			CreationTime: g.Created.UnixMilli(), RetentionInDays: g.RetentionDays,
			StoredBytes: g.StoredBytes, LogGroupClass: "STANDARD",
		}
	}
	return out
}

func logGroupARN(c *call, name string) string {
	return "arn:aws:logs:" + c.region + ":" + c.account + ":log-group:" + name
}

// resolveLogGroup accepts a name or an ARN (logGroupIdentifier) and checks
// that the group exists.
func (s *Server) resolveLogGroup(c *call, ident string) (string, error) {
	name := ident
	if strings.HasPrefix(ident, "arn:") {
		_, after, _ := strings.Cut(ident, ":log-group:")
		name = strings.TrimSuffix(after, ":*")
	}
	for _, g := range s.b.LogGroups(c.account, c.region) {
		if g.Name == name {
			return name, nil
		}
	}
	return "", errLogsNotFound("The specified log group does not exist.")
}
