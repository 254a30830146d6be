package emulator

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	tagging "github.com/aws/aws-sdk-go-v2/service/resourcegroupstaggingapi"
	tagtypes "github.com/aws/aws-sdk-go-v2/service/resourcegroupstaggingapi/types"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go"

	"github.com/apigw-triage/apigw-triage/emulator/world"
)

func TestTaggingPaginator(t *testing.T) {
	_, ts := newTestServer(t, newFakeWorld())
	tc := tagging.NewFromConfig(sdkConfig(ts.URL, "AKIDTEST"))
	tests := []struct {
		name string
		in   *tagging.GetResourcesInput
		want int
	}{
		{"rest apis", &tagging.GetResourcesInput{ResourceTypeFilters: []string{"apigateway:restapis"}}, 5},
		{"whole service", &tagging.GetResourcesInput{ResourceTypeFilters: []string{"apigateway"}}, 11},
		{"tag filter", &tagging.GetResourcesInput{TagFilters: []tagtypes.TagFilter{{Key: aws.String("env"), Values: []string{"prod"}}}}, 5},
		{"no match", &tagging.GetResourcesInput{TagFilters: []tagtypes.TagFilter{{Key: aws.String("env"), Values: []string{"dev"}}}}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.in.ResourcesPerPage = aws.Int32(2)
			n := 0
			p := tagging.NewGetResourcesPaginator(tc, tt.in)
			for p.HasMorePages() {
				out, err := p.NextPage(testCtx(t))
				if err != nil {
					t.Fatal(err)
				}
				for _, m := range out.ResourceTagMappingList {
					if !strings.HasPrefix(*m.ResourceARN, "arn:aws:apigateway:us-east-1::/") || len(m.Tags) == 0 {
						t.Errorf("mapping %s %v", *m.ResourceARN, m.Tags)
					}
				}
				n += len(out.ResourceTagMappingList)
			}
			if n != tt.want {
				t.Errorf("got %d resources, want %d", n, tt.want)
			}
		})
	}
}

func TestAssumeRoleRoutesToAccount(t *testing.T) {
	_, ts := newTestServer(t, newFakeWorld())
	cfg := sdkConfig(ts.URL, "AKIDTEST")
	stsc := sts.NewFromConfig(cfg)
	id, err := stsc.GetCallerIdentity(testCtx(t), &sts.GetCallerIdentityInput{})
	if err != nil || *id.Account != acctA {
		t.Fatalf("default identity: %v %v", id, err)
	}
	cfg.Credentials = aws.NewCredentialsCache(stscreds.NewAssumeRoleProvider(stsc, "arn:aws:iam::"+acctB+":role/triage"))
	out, err := apigateway.NewFromConfig(cfg).GetRestApis(testCtx(t), &apigateway.GetRestApisInput{})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Items) != 1 || *out.Items[0].Id != "bapi01" {
		t.Errorf("assumed-role calls should see account B's APIs, got %+v", out.Items)
	}
	id, err = sts.NewFromConfig(cfg).GetCallerIdentity(testCtx(t), &sts.GetCallerIdentityInput{})
	if err != nil || *id.Account != acctB {
		t.Errorf("assumed identity: %v %v", id, err)
	}
	_, err = stsc.AssumeRole(testCtx(t), &sts.AssumeRoleInput{RoleArn: aws.String("arn:aws:iam::999999999999:role/x"), RoleSessionName: aws.String("s")})
	var ae smithy.APIError
	if !errors.As(err, &ae) || ae.ErrorCode() != "AccessDenied" {
		t.Errorf("unknown account: %v", err)
	}
}

// TestThrottleShapes checks each service's throttling error as the SDK
// sees it once retries are exhausted.
func TestThrottleShapes(t *testing.T) {
	f := newFakeWorld()
	f.setFaults(world.Faults{ThrottleShare: 1})
	s, ts := newTestServer(t, f)
	cfg := sdkConfig(ts.URL, "AKIDTEST")
	tests := []struct {
		name, code string
		call       func(ctx context.Context) error
	}{
		{"cloudwatch", "Throttling", func(ctx context.Context) error {
			_, err := cloudwatch.NewFromConfig(cfg).ListMetrics(ctx, &cloudwatch.ListMetricsInput{})
			return err
		}},
		{"logs", "ThrottlingException", func(ctx context.Context) error {
			_, err := cloudwatchlogs.NewFromConfig(cfg).DescribeLogGroups(ctx, &cloudwatchlogs.DescribeLogGroupsInput{})
			return err
		}},
		{"apigateway", "TooManyRequestsException", func(ctx context.Context) error {
			_, err := apigateway.NewFromConfig(cfg).GetRestApis(ctx, &apigateway.GetRestApisInput{})
			return err
		}},
		{"apigatewayv2", "TooManyRequestsException", func(ctx context.Context) error {
			_, err := apigatewayv2.NewFromConfig(cfg).GetApis(ctx, &apigatewayv2.GetApisInput{})
			return err
		}},
		{"lambda", "TooManyRequestsException", func(ctx context.Context) error {
			_, err := lambda.NewFromConfig(cfg).GetFunctionConfiguration(ctx, &lambda.GetFunctionConfigurationInput{FunctionName: aws.String("orders-fn")})
			return err
		}},
		{"tagging", "ThrottledException", func(ctx context.Context) error {
			_, err := tagging.NewFromConfig(cfg).GetResources(ctx, &tagging.GetResourcesInput{})
			return err
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := s.Stats().Throttled
			err := tc.call(testCtx(t))
			var ae smithy.APIError
			if !errors.As(err, &ae) || ae.ErrorCode() != tc.code || !strings.Contains(err.Error(), "exceeded maximum number of attempts") {
				t.Fatalf("err = %v, want %s after retries", err, tc.code)
			}
			if got := s.Stats().Throttled - before; got != 8 {
				t.Errorf("throttled attempts = %d, want 8 (every attempt retried)", got)
			}
		})
	}
}

func TestUnknownOperations(t *testing.T) {
	_, ts := newTestServer(t, newFakeWorld())
	tests := []struct {
		name, method, path, ctype, target, body string
		status                                  int
		code                                    string
	}{
		{"cbor", "POST", "/service/GraniteServiceVersion20100801/operation/PutMetricAlarm", "application/cbor", "", "", 404, "UnknownOperationException"},
		{"logs", "POST", "/", "application/x-amz-json-1.1", "Logs_20140328.DeleteLogGroup", "{}", 400, "UnknownOperationException"},
		{"rest", "DELETE", "/restapis/api00", "application/json", "", "", 404, "UnknownOperationException"},
		{"nowhere", "GET", "/nowhere", "", "", "", 404, "UnknownOperationException"},
		{"query", "POST", "/", "application/x-www-form-urlencoded", "", "Action=PutMetricData&Version=2010-08-01", 400, "InvalidAction"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(tc.method, ts.URL+tc.path, strings.NewReader(tc.body))
			req.Header.Set("Content-Type", tc.ctype)
			if tc.target != "" {
				req.Header.Set("X-Amz-Target", tc.target)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body := new(strings.Builder)
			_, _ = io.Copy(body, resp.Body)
			if resp.StatusCode != tc.status || !strings.Contains(body.String(), tc.code) || resp.Header.Get("X-Amzn-Requestid") == "" || resp.Header.Get("Date") == "" {
				t.Errorf("status %d body %q headers %v", resp.StatusCode, body, resp.Header)
			}
		})
	}
}

func TestStatsEndpoint(t *testing.T) {
	_, ts := newTestServer(t, newFakeWorld())
	if _, err := cloudwatch.NewFromConfig(sdkConfig(ts.URL, "AKIDTEST")).ListMetrics(testCtx(t), &cloudwatch.ListMetricsInput{}); err != nil {
		t.Fatal(err)
	}
	resp, err := http.Get(ts.URL + "/_emulator/stats")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var st map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&st); err != nil {
		t.Fatal(err)
	}
	calls, _ := st["calls"].(map[string]any)
	for _, k := range []string{"throttled", "metrics_requested", "insights_bytes_scanned"} {
		if _, ok := st[k]; !ok {
			t.Errorf("missing %s in %v", k, st)
		}
	}
	if calls["ListMetrics"] != float64(1) {
		t.Errorf("calls = %v", calls)
	}
}
