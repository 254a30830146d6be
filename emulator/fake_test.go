package emulator

import (
	"context"
	"fmt"
	"net/http/httptest"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/apigw-triage/apigw-triage/emulator/world"
)

const (
	acctA = "111111111111"
	acctB = "222222222222"
)

var t0 = time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)

// fakeWorld is a small, fixed world.Backend: every metric has one
// datapoint per period with samples 1, 2, 3 until now, and account B
// owns a different REST API from account A.
type fakeWorld struct {
	mu      sync.Mutex
	now     time.Time
	faults  world.Faults
	rest    map[string][]world.RestAPI
	http    []world.HTTPAPI
	fns     []world.Function
	metrics []world.MetricID
	groups  []world.LogGroup
	events  map[string][]world.Event
}

func (f *fakeWorld) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

func (f *fakeWorld) advance(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.now = f.now.Add(d)
}

func (f *fakeWorld) setFaults(fl world.Faults) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.faults = fl
}

func (f *fakeWorld) Faults() world.Faults {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.faults
}

func (f *fakeWorld) Accounts() []string                      { return []string{acctA, acctB} }
func (f *fakeWorld) Regions(string) []string                 { return []string{"us-east-1"} }
func (f *fakeWorld) RestAPIs(acct, _ string) []world.RestAPI { return f.rest[acct] }
func (f *fakeWorld) HTTPAPIs(string, string) []world.HTTPAPI { return f.http }
func (f *fakeWorld) Functions(string, string) []world.Function {
	return f.fns
}
func (f *fakeWorld) Metrics(string, string) []world.MetricID   { return f.metrics }
func (f *fakeWorld) LogGroups(string, string) []world.LogGroup { return f.groups }

func (f *fakeWorld) Datapoints(_, _ string, m world.MetricID, start, end time.Time, period time.Duration) []world.Datapoint {
	if m.Name == "NoData" {
		return nil
	}
	now := f.Now()
	var out []world.Datapoint
	for t := start.Truncate(period); t.Before(end) && t.Before(now); t = t.Add(period) {
		if t.Before(start) {
			continue
		}
		var a world.Aggregate
		for _, v := range []float64{1, 2, 3} {
			a.Add(v, true)
		}
		out = append(out, world.Datapoint{Time: t, Agg: a})
	}
	return out
}

func (f *fakeWorld) LogEvents(_, _, group string, start, end time.Time, fn func(world.Event) bool) {
	now := f.Now()
	for _, e := range f.events[group] {
		if !e.Time.Before(start) && e.Time.Before(end) && !e.Ingested.After(now) {
			if !fn(e) {
				return
			}
		}
	}
}

// newFakeWorld builds the fixture world.
func newFakeWorld() *fakeWorld {
	f := &fakeWorld{now: t0, rest: map[string][]world.RestAPI{}, events: map[string][]world.Event{}}
	for i := range 5 {
		f.rest[acctA] = append(f.rest[acctA], fakeRestAPI(fmt.Sprintf("api%02d", i), fmt.Sprintf("orders-%d", i)))
	}
	f.rest[acctB] = []world.RestAPI{fakeRestAPI("bapi01", "billing")}
	f.http = []world.HTTPAPI{{ID: "h1", Name: "http-orders", ProtocolType: "HTTP", Created: t0.Add(-time.Hour),
		Tags:   map[string]string{"team": "orders"},
		Stages: []world.HTTPStage{{Name: "$default", AutoDeploy: true, Created: t0, Updated: t0, DetailedMetrics: true}},
		Integrations: []world.Integration{{ID: "i1", Type: "AWS_PROXY", URI: "arn:aws:lambda:us-east-1:111111111111:function:orders-fn",
			PayloadFormatVersion: "2.0", TimeoutMillis: 30000}},
		Routes: []world.Route{{ID: "r1", RouteKey: "$default", Target: "integrations/i1"}}}}
	f.fns = []world.Function{{Name: "orders-fn", Runtime: "python3.12", Handler: "app.handler", TimeoutSec: 10, MemoryMB: 128, LastModified: t0}}
	for i := range 1200 {
		f.metrics = append(f.metrics, world.MetricID{Namespace: "AWS/ApiGateway", Name: "5XXError",
			Dims: []world.Dim{{Name: "ApiName", Value: fmt.Sprintf("api-%04d", i)}, {Name: "Stage", Value: "prod"}}})
	}
	f.metrics = append(f.metrics, world.MetricID{Namespace: "AWS/Lambda", Name: "Errors", Dims: []world.Dim{{Name: "FunctionName", Value: "orders-fn"}}})
	f.addLogs()
	return f
}

func fakeRestAPI(id, name string) world.RestAPI {
	integ := &world.Integration{Type: "AWS_PROXY", HTTPMethod: "POST", TimeoutMillis: 29000,
		URI: "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:111111111111:function:orders-fn/invocations"}
	return world.RestAPI{ID: id, Name: name, Created: t0.Add(-24 * time.Hour), EndpointType: "REGIONAL",
		Tags: map[string]string{"team": "orders"},
		Stages: []world.RestStage{{Name: "prod", DeploymentID: "d1", Created: t0, Updated: t0, LoggingLevel: "INFO",
			DetailedMetrics: true, AccessLogARN: "arn:aws:logs:us-east-1:111111111111:log-group:access", AccessLogFormat: "$context.requestId",
			Tags: map[string]string{"env": "prod"}}},
		Resources: []world.Resource{{ID: "root", Path: "/"},
			{ID: "res1", ParentID: "root", Path: "/orders", PathPart: "orders", Methods: []world.Method{{HTTPMethod: "GET", AuthorizationType: "NONE", Integration: integ}}}}}
}

// addLogs writes one execution-log group with events spread over two
// hours (none in the first 40 minutes, so early FilterLogEvents pages are
// empty) and four small groups for paging.
func (f *fakeWorld) addLogs() {
	exec := "API-Gateway-Execution-Logs_api00/prod"
	f.groups = append(f.groups, world.LogGroup{Name: exec, Created: t0.Add(-48 * time.Hour), RetentionDays: 14})
	for i := range 4 {
		f.groups = append(f.groups, world.LogGroup{Name: fmt.Sprintf("/aws/lambda/fn-%d", i), Created: t0.Add(-48 * time.Hour)})
	}
	statuses := []int{200, 502, 200, 504, 200, 500}
	for i := range 60 {
		ts := t0.Add(-80*time.Minute + time.Duration(i)*time.Minute)
		st := statuses[i%len(statuses)]
		f.events[exec] = append(f.events[exec], world.Event{Time: ts, Ingested: ts.Add(time.Second),
			Stream: fmt.Sprintf("stream-%d", i%3), EventID: fmt.Sprint(i),
			Message: fmt.Sprintf("(req-%02d) Method completed with status: %d", i, st)})
	}
	sort.Slice(f.groups, func(i, j int) bool { return f.groups[i].Name < f.groups[j].Name })
}

// newTestServer serves a fake world over loopback.
func newTestServer(t testing.TB, f *fakeWorld) (*Server, *httptest.Server) {
	t.Helper()
	s := NewServer(f, Options{Seed: 7})
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return s, ts
}

// sdkConfig is the test configuration of reference §3.1: static keys, the
// emulator as endpoint, fast retries without a client-side retry quota.
func sdkConfig(url, accessKey string) aws.Config {
	return aws.Config{
		Region:       "us-east-1",
		Credentials:  credentials.NewStaticCredentialsProvider(accessKey, "SECRET", ""),
		BaseEndpoint: aws.String(url),
		Retryer: func() aws.Retryer {
			return retry.NewStandard(func(o *retry.StandardOptions) {
				o.MaxAttempts = 8
				o.MaxBackoff = time.Millisecond
				o.RateLimiter = ratelimit.None
			})
		},
	}
}

func testCtx(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}
