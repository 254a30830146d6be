package collector

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	v2types "github.com/aws/aws-sdk-go-v2/service/apigatewayv2/types"

	"github.com/apigw-triage/apigw-triage/stage"
)

// TestWebSocketScreenReadsBothErrorMetrics: a WebSocket stage is screened
// on IntegrationError and ExecutionError (it has no 5xx metric), read in
// full on ConnectCount and MessageCount, and the halves add up per period,
// a missing half counting as none.
func TestWebSocketScreenReadsBothErrorMetrics(t *testing.T) {
	st := Stage{Identity: stage.New("111122223333", "us-east-1", stage.APIWebSocket, "ws12345678", "chat", "production")}
	th := Thresholds{LatencyStat: "p99"}
	names := func(kinds []queryKind) []string {
		var out []string
		for _, q := range stageQueries(3, st, th, time.Minute, kinds) {
			out = append(out, aws.ToString(q.Id)+"="+aws.ToString(q.MetricStat.Metric.MetricName)+"/"+aws.ToString(q.MetricStat.Stat))
		}
		return out
	}
	if got := names(reads{screen: true}.kinds(false)); len(got) != 2 || got[0] != "s3e=IntegrationError/Sum" || got[1] != "s3x=ExecutionError/Sum" {
		t.Errorf("screen %v", got)
	}
	full := names(reads{screen: true, count: true, latency: true}.kinds(true))
	want := []string{"s3n=ConnectCount/Sum", "s3m=MessageCount/Sum", "s3l=IntegrationLatency/p99"}
	if len(full) != len(want) {
		t.Fatalf("full read %v, want %v", full, want)
	}
	for i := range want {
		if full[i] != want[i] {
			t.Errorf("full read %v, want %v", full, want)
		}
	}
	s := newSeries()
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	s.set(t0, kindErrors, 2)
	s.set(t0, kindErrorsB, 3)
	s.set(t0, kindRequestsB, 40) // messages, no connect that minute
	p := s.at(t0.Unix())
	if p.errors != 5 || p.requests != 40 || !p.traffic() {
		t.Errorf("period %+v: want 5 errors of 40 requests", p)
	}
	s.forget(t0, t0.Add(time.Minute), []queryKind{kindErrors})
	if p := s.at(t0.Unix()); p.errors != 0 || p.hasErrors || p.requests != 40 {
		t.Errorf("after forgetting the errors: %+v", p)
	}
}

// routesCounter is an httpAPI holding one WebSocket stage with detailed
// metrics and one route, counting the GetRoutes calls.
type routesCounter struct {
	httpAPI
	getRoutes int
}

func (f *routesCounter) GetStages(context.Context, *apigatewayv2.GetStagesInput, ...func(*apigatewayv2.Options)) (*apigatewayv2.GetStagesOutput, error) {
	return &apigatewayv2.GetStagesOutput{Items: []v2types.Stage{{StageName: aws.String("production"),
		DefaultRouteSettings: &v2types.RouteSettings{DetailedMetricsEnabled: aws.Bool(true)}}}}, nil
}

func (f *routesCounter) GetIntegrations(context.Context, *apigatewayv2.GetIntegrationsInput, ...func(*apigatewayv2.Options)) (*apigatewayv2.GetIntegrationsOutput, error) {
	return &apigatewayv2.GetIntegrationsOutput{}, nil
}

func (f *routesCounter) GetRoutes(context.Context, *apigatewayv2.GetRoutesInput, ...func(*apigatewayv2.Options)) (*apigatewayv2.GetRoutesOutput, error) {
	f.getRoutes++
	return &apigatewayv2.GetRoutesOutput{Items: []v2types.Route{{RouteKey: aws.String("$default")}}}, nil
}

// TestWebSocketRoutesReadOnce: a WebSocket API's routes, read for their
// targets, serve its detailed metrics too: one GetRoutes per API and
// discovery, not two.
func TestWebSocketRoutesReadOnce(t *testing.T) {
	api := &routesCounter{}
	c := &Collector{}
	r := &region{account: "111122223333", name: "us-east-1", http: api}
	got, err := c.httpAPIStages(context.Background(), r, apiMeta{typ: stage.APIWebSocket, id: "ws12345678", name: "chat"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || len(got[0].Routes) != 1 || got[0].Routes[0].Key != "$default" {
		t.Fatalf("stages %+v, want one with the $default route", got)
	}
	if api.getRoutes != 1 {
		t.Errorf("%d GetRoutes calls, want 1", api.getRoutes)
	}
}
