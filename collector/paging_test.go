package collector

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/emulator/scenario"
	"github.com/apigw-triage/apigw-triage/stage"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	v2types "github.com/aws/aws-sdk-go-v2/service/apigatewayv2/types"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

// wideRoutes is more routes than maxRoutes, and more routes and
// integrations than one apigatewayv2 page of the 500 the collector asks
// for, so that discovery has to follow nextToken and keep every route's
// timeout.
const wideRoutes = 520

// wsRoutes is more WebSocket routes than maxRoutes, fewer than a page.
const wsRoutes = 60

// wideScenario is an HTTP API of wideRoutes routes, each with its own
// integration, the even ones timing out after 5 s and the odd ones after
// 10 s, with detailed metrics on; and a WebSocket API of wsRoutes routes.
func wideScenario() string {
	b := scenarioHead("http_apis", "wide")
	for i := range wideRoutes {
		fmt.Fprintf(b, "              - {method: GET, path: /r%03d, integration: {type: http_proxy, uri: \"https://r%03d.example.com\", timeout: %ds}}\n", i, i, wideTimeout(i)/time.Second)
	}
	b.WriteString(`            stages:
              - {name: $default, detailed_metrics: true}
        websocket_apis:
          - name: chat
            routes:
`)
	for i := range wsRoutes {
		fmt.Fprintf(b, "              - {path: action%03d, integration: {type: http_proxy, uri: \"https://ws%03d.example.com\"}}\n", i, i)
	}
	b.WriteString(`            stages:
              - {name: prod}
`)
	return b.String()
}

// scenarioHead starts a scenario of one account and region whose one API
// of the kind (http_apis, rest_apis) is named api, up to its routes.
func scenarioHead(kind, api string) *strings.Builder {
	var b strings.Builder
	fmt.Fprintf(&b, `accounts:
  - id: "111122223333"
    regions:
      - name: eu-west-1
        %s:
          - name: %s
            routes:
`, kind, api)
	return &b
}

func wideTimeout(i int) time.Duration {
	if i%2 == 0 {
		return 5 * time.Second
	}
	return 10 * time.Second
}

// TestE2EDiscoveryReadsEveryPage: through the real SDK, the emulator pages
// GetIntegrations as the service does, and discovery reads every page and
// every route (not the first maxRoutes) for the routes' timeouts, while
// the detailed metrics' routes stay bounded. The pages are paid for once:
// the polls that follow reuse the discovery.
func TestE2EDiscoveryReadsEveryPage(t *testing.T) {
	sc, err := scenario.Parse([]byte(wideScenario()), "wide.yaml")
	if err != nil {
		t.Fatal(err)
	}
	e := newE2EScenario(t, sc, 0)
	e.pollMinutes(t, 3)
	st := findStageByName(t, e.c.Stages(), "wide")
	if len(st.RouteTimeouts) != wideRoutes {
		t.Errorf("%d route timeouts, want %d", len(st.RouteTimeouts), wideRoutes)
	}
	for i := range wideRoutes {
		key := fmt.Sprintf("GET /r%03d", i)
		if got := st.RouteTimeouts[key]; got != wideTimeout(i) {
			t.Errorf("%s: timeout %s, want %s", key, got, wideTimeout(i))
		}
	}
	if len(st.Routes) != maxRoutes {
		t.Errorf("%d routes for detailed metrics, want maxRoutes (%d)", len(st.Routes), maxRoutes)
	}
	if ws := findStageByName(t, e.c.Stages(), "chat"); len(ws.RouteTargets) != wsRoutes {
		t.Errorf("%d WebSocket route targets, want %d", len(ws.RouteTargets), wsRoutes)
	}
	// the wide API's two pages and the chat API's one, in the one
	// discovery the later polls reuse
	for _, op := range []string{"GetIntegrations", "GetRoutes"} {
		if n := testutil.ToFloat64(e.c.metrics.awsRequests.WithLabelValues("ApiGatewayV2", op, resultSuccess)); n != 3 {
			t.Errorf("%v %s calls, want 3 (every page, once)", n, op)
		}
	}
}

func findStageByName(t *testing.T, stages []Stage, api string) Stage {
	t.Helper()
	for _, st := range stages {
		if st.APIName == api {
			return st
		}
	}
	t.Fatalf("%s not discovered", api)
	return Stage{}
}

// repeatingRoutes answers every GetRoutes with one route and the same
// next token, as a faulty service or proxy might.
type repeatingRoutes struct {
	httpAPI
	calls int
}

func (f *repeatingRoutes) GetRoutes(context.Context, *apigatewayv2.GetRoutesInput, ...func(*apigatewayv2.Options)) (*apigatewayv2.GetRoutesOutput, error) {
	f.calls++
	return &apigatewayv2.GetRoutesOutput{
		Items:     []v2types.Route{{RouteKey: aws.String(fmt.Sprintf("GET /r%d", f.calls)), Target: aws.String("integrations/a")}},
		NextToken: aws.String("same"),
	}, nil
}

// TestListingEndsOnRepeatedToken: a token the service gave before ends
// the listing instead of paging forever.
func TestListingEndsOnRepeatedToken(t *testing.T) {
	f := &repeatingRoutes{}
	done := make(chan struct{})
	var routes []Route
	var err error
	go func() {
		defer close(done)
		routes, err = httpRoutes(context.Background(), f, "a1")
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("GetRoutes listing did not end on a repeated token")
	}
	if err != nil || f.calls != 2 || len(routes) != 2 {
		t.Errorf("%d calls, routes %v, err %v; want 2 calls (the second repeats the token), 2 routes", f.calls, routes, err)
	}
}

// TestTokensBound: a service that keeps giving new tokens is asked for at
// most maxPages pages.
func TestTokensBound(t *testing.T) {
	var seen tokens
	n := 1
	for seen.next(aws.String(fmt.Sprint(n))) {
		n++
	}
	if n != maxPages {
		t.Errorf("%d pages asked for, want maxPages (%d)", n, maxPages)
	}
}

// restResources is more resources than one GetResources page of the 500
// the collector asks for (limit's maximum), so that the REST discovery has
// to follow position.
const restResources = 520

// TestE2ERESTDiscoveryFollowsPosition: through the real SDK, the emulator
// pages GetResources by limit and position, as API Gateway does, and
// discovery reads every page: every method's timeout is known.
func TestE2ERESTDiscoveryFollowsPosition(t *testing.T) {
	b := scenarioHead("rest_apis", "many")
	for i := range restResources {
		fmt.Fprintf(b, "              - {method: GET, path: /r%03d, integration: {type: http_proxy, timeout: %ds}}\n", i, wideTimeout(i)/time.Second)
	}
	b.WriteString(`            stages:
              - {name: prod}
`)
	sc, err := scenario.Parse([]byte(b.String()), "many.yaml")
	if err != nil {
		t.Fatal(err)
	}
	e := newE2EScenario(t, sc, 0)
	if _, err := e.c.Poll(context.Background()); err != nil {
		t.Fatal(err)
	}
	st := findStageByName(t, e.c.Stages(), "many")
	if len(st.RouteTimeouts) != restResources {
		t.Errorf("%d method timeouts, want %d", len(st.RouteTimeouts), restResources)
	}
	if got := st.RouteTimeouts[fmt.Sprintf("GET /r%03d", restResources-1)]; got != wideTimeout(restResources-1) {
		t.Errorf("the last page's method: timeout %s, want %s", got, wideTimeout(restResources-1))
	}
	if n := testutil.ToFloat64(e.c.metrics.awsRequests.WithLabelValues("API Gateway", "GetResources", resultSuccess)); n != 2 {
		t.Errorf("%v GetResources calls, want 2 (the root and %d resources, in pages of 500)", n, restResources)
	}
}

// pager gives, call after call, the tokens tok names, never an empty one
// unless tok does.
type pager struct {
	tok   func(call int) string
	calls int
}

func (p *pager) next() *string {
	p.calls++
	return aws.String(p.tok(p.calls))
}

// pagedResources answers GetResources with the pager's positions.
type pagedResources struct {
	restAPI
	pager
}

func (f *pagedResources) GetResources(context.Context, *apigateway.GetResourcesInput, ...func(*apigateway.Options)) (*apigateway.GetResourcesOutput, error) {
	return &apigateway.GetResourcesOutput{Position: f.next()}, nil
}

// pagedMetrics does the same with GetMetricData's NextToken.
type pagedMetrics struct{ pager }

func (f *pagedMetrics) GetMetricData(context.Context, *cloudwatch.GetMetricDataInput, ...func(*cloudwatch.Options)) (*cloudwatch.GetMetricDataOutput, error) {
	return &cloudwatch.GetMetricDataOutput{NextToken: f.next()}, nil
}

// pagedAPIs answers GetApis with no API and the pager's NextToken.
type pagedAPIs struct {
	httpAPI
	pager
}

func (f *pagedAPIs) GetApis(context.Context, *apigatewayv2.GetApisInput, ...func(*apigatewayv2.Options)) (*apigatewayv2.GetApisOutput, error) {
	return &apigatewayv2.GetApisOutput{NextToken: f.next()}, nil
}

// TestPaginatorsEndOnARepeatedToken: the SDK paginators' loops end, as the
// NextToken loops written out do, at a token the service gave before:
// the SDK's own check is off unless asked for (StopOnDuplicateToken), and
// sees only the token just before when it is on; GetMetricData is billed
// per metric of every page. A service that keeps giving new tokens is
// asked for maxPages pages, and the listing cut there is an error: what
// it read is partial.
func TestPaginatorsEndOnARepeatedToken(t *testing.T) {
	for _, tt := range []struct {
		name  string
		tok   func(int) string
		calls int
		cut   bool
	}{
		{"the same token", func(int) string { return "same" }, 2, false},
		{"alternating tokens", func(n int) string { return fmt.Sprint("t", n%2) }, 3, false},
		{"new tokens", func(n int) string { return fmt.Sprint("t", n) }, maxPages, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan struct{})
			rest, cw := &pagedResources{pager: pager{tok: tt.tok}}, &pagedMetrics{pager{tok: tt.tok}}
			var errs [2]error
			c := testCollector(t, clock.NewManual(t0), Thresholds{}, nil)
			go func() {
				defer close(done)
				_, _, _, errs[0] = restIntegrations(context.Background(), rest, "a1")
				errs[1] = c.getMetricData(context.Background(), cw, nil, t0, t0.Add(time.Minute), func([]cwtypes.MetricDataResult) {})
			}()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("a paginator did not end")
			}
			if rest.calls != tt.calls || cw.calls != tt.calls {
				t.Errorf("GetResources %d calls, GetMetricData %d; want %d each", rest.calls, cw.calls, tt.calls)
			}
			for i, op := range []string{"GetResources", "GetMetricData"} {
				var pc *pageCapError
				if cut := errors.As(errs[i], &pc); cut != tt.cut || (cut && pc.op != op) || (!tt.cut && errs[i] != nil) {
					t.Errorf("%s: error %v, want a cut at the page cap: %v", op, errs[i], tt.cut)
				}
			}
		})
	}
}

// endsAfter gives a new token for the first n-1 pages and none after: a
// listing of n pages.
func endsAfter(n int) func(int) string {
	return func(call int) string {
		if call >= n {
			return ""
		}
		return fmt.Sprint("t", call)
	}
}

// newTokens never ends: a service that keeps giving new tokens.
func newTokens(call int) string { return fmt.Sprint("t", call) }

// pageEnds are the two ways a listing stops past its first page: of
// itself, complete, or cut at maxPages.
var pageEnds = []struct {
	name string
	tok  func(int) string
	cut  bool
}{
	{"the last page has no token", endsAfter(3), false},
	{"new tokens past the cap", newTokens, true},
}

// TestEvidenceMetricsCutAtPageCap: evidence metrics whose GetMetricData
// read stopped at maxPages are partial, and the evidence says so as for a
// failed read; a read that ends of itself, however many pages, does not.
func TestEvidenceMetricsCutAtPageCap(t *testing.T) {
	for _, tt := range pageEnds {
		t.Run(tt.name, func(t *testing.T) {
			r := &region{account: "111", name: "us-east-1", cw: &pagedMetrics{pager{tok: tt.tok}}}
			st := restStage("111", "us-east-1", "billing")
			c := testCollector(t, clock.NewManual(t0), DefaultThresholds(), map[*region][]Stage{r: {st}})
			ev, _ := c.Evidence(context.Background(), st, t0, t0.Add(5*time.Minute))
			if ev == nil {
				t.Fatal("no evidence")
			}
			if got := slices.Contains(ev.Incomplete, IncompleteMetrics); got != tt.cut {
				t.Errorf("incomplete %v, want metrics named: %v", ev.Incomplete, tt.cut)
			}
		})
	}
}

// TestDiscoveryCutAtPageCapNotKept: a discovery listing stopped at
// maxPages fails the region's discovery, logged at WARN with the
// operation, and is not cached, so the next poll lists again; a listing
// that ends of itself is cached.
func TestDiscoveryCutAtPageCapNotKept(t *testing.T) {
	for _, tt := range pageEnds {
		t.Run(tt.name, func(t *testing.T) {
			r := &region{account: "111", name: "us-east-1", http: &pagedAPIs{pager: pager{tok: tt.tok}}}
			c := testCollector(t, clock.NewManual(t0), DefaultThresholds(), nil)
			var logs bytes.Buffer
			c.log = slog.New(slog.NewTextHandler(&logs, nil))
			c.opts.Discovery.APITypes = []stage.APIType{stage.APIHTTP}
			c.regions = append(c.regions, r)
			_, failures := c.Discover(context.Background())
			var pc *pageCapError
			failed := len(failures) == 1 && errors.As(failures[0].Err, &pc) && pc.op == "GetApis"
			if failed != tt.cut || (!tt.cut && len(failures) > 0) {
				t.Errorf("failures %v, want the GetApis listing cut: %v", failures, tt.cut)
			}
			warned := strings.Contains(logs.String(), "level=WARN") && strings.Contains(logs.String(), "op=GetApis")
			if warned != tt.cut {
				t.Errorf("log %q, want a WARN naming GetApis: %v", logs.String(), tt.cut)
			}
			if cached := c.disc[r.id()] != nil; cached == tt.cut {
				t.Errorf("discovery cached: %v, want %v", cached, !tt.cut)
			}
		})
	}
}
