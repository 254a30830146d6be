package collector

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	logtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"
)

// missingGroupsLogs refuses a StartQuery that names a group of missing,
// as CloudWatch Logs does ("Log group 'NAME' does not exist for account
// ID 'ID'"), naming the first such group or, with named set, that group
// whatever was asked; it records the groups of each call.
type missingGroupsLogs struct {
	logsAPI
	missing []string
	named   string
	calls   [][]string
}

func (f *missingGroupsLogs) StartQuery(_ context.Context, in *cloudwatchlogs.StartQueryInput, _ ...func(*cloudwatchlogs.Options)) (*cloudwatchlogs.StartQueryOutput, error) {
	f.calls = append(f.calls, slices.Clone(in.LogGroupNames))
	for _, g := range in.LogGroupNames {
		if slices.Contains(f.missing, g) {
			if f.named != "" {
				g = f.named
			}
			return nil, &logtypes.ResourceNotFoundException{Message: aws.String(fmt.Sprintf("Log group '%s' does not exist for account ID '111122223333'", g))}
		}
	}
	return &cloudwatchlogs.StartQueryOutput{QueryId: aws.String("q1")}, nil
}

// TestStartInsightsLeavesOutMissingGroups: a group StartQuery says does not
// exist is left out and the query asked again, each such group once; the
// groups past StartQuery's 50 then take the freed places; a refusal that
// names no group asked, or the last group missing, is the query's error.
func TestStartInsightsLeavesOutMissingGroups(t *testing.T) {
	var many []string
	for i := range insightsMaxGroups + 2 {
		many = append(many, fmt.Sprintf("/g/%02d", i))
	}
	wantMany := slices.DeleteFunc(slices.Clone(many), func(g string) bool { return g == "/g/01" || g == "/g/03" })
	for _, tt := range []struct {
		name      string
		groups    []string
		logs      *missingGroupsLogs
		wantCalls int
		want      []string // the groups the query reads; nil: an error
	}{
		{"none missing", []string{"/a", "/b"}, &missingGroupsLogs{}, 1, []string{"/a", "/b"}},
		{"one missing", []string{"/a", "/aws/lambda/never", "/b"}, &missingGroupsLogs{missing: []string{"/aws/lambda/never"}}, 2, []string{"/a", "/b"}},
		{"past the cap, two missing", many, &missingGroupsLogs{missing: []string{"/g/01", "/g/03"}}, 3, wantMany},
		{"every group missing", []string{"/a", "/b"}, &missingGroupsLogs{missing: []string{"/a", "/b"}}, 2, nil},
		{"a group not asked named", []string{"/a", "/b"}, &missingGroupsLogs{missing: []string{"/a"}, named: "/c"}, 1, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := &Collector{log: slog.New(slog.DiscardHandler)}
			id, read, err := c.startInsights(t.Context(), &region{logs: tt.logs}, "fields @message", tt.groups, time.Unix(0, 0), time.Unix(60, 0))
			if len(tt.logs.calls) != tt.wantCalls {
				t.Errorf("%d StartQuery calls, want %d", len(tt.logs.calls), tt.wantCalls)
			}
			if tt.want == nil {
				var nf *logtypes.ResourceNotFoundException
				if !errors.As(err, &nf) {
					t.Errorf("query %q, error %v; want the refusal", id, err)
				}
				return
			}
			if err != nil || id != "q1" || !slices.Equal(read, tt.want) {
				t.Errorf("query %q reading %v, error %v; want q1 reading %v", id, read, err, tt.want)
			}
		})
	}
}
