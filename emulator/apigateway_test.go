package emulator

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apigateway"
	agtypes "github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	v2types "github.com/aws/aws-sdk-go-v2/service/apigatewayv2/types"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	lambdatypes "github.com/aws/aws-sdk-go-v2/service/lambda/types"

	"github.com/apigw-triage/apigw-triage/emulator/world"
)

func TestGetRestApisPaginator(t *testing.T) {
	_, ts := newTestServer(t, newFakeWorld())
	ag := apigateway.NewFromConfig(sdkConfig(ts.URL, "AKIDTEST"))
	var ids []string
	p := apigateway.NewGetRestApisPaginator(ag, &apigateway.GetRestApisInput{Limit: aws.Int32(2)})
	for p.HasMorePages() {
		out, err := p.NextPage(testCtx(t))
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range out.Items {
			ids = append(ids, *a.Id)
			if a.CreatedDate == nil || !a.CreatedDate.Equal(t0.AddDate(0, 0, -1)) || a.EndpointConfiguration.Types[0] != agtypes.EndpointTypeRegional {
				t.Errorf("api %s: created %v endpoint %v", *a.Id, a.CreatedDate, a.EndpointConfiguration)
			}
		}
	}
	if len(ids) != 5 || ids[0] != "api00" || ids[4] != "api04" {
		t.Errorf("ids = %v", ids)
	}
}

func TestRestStagesResourcesIntegration(t *testing.T) {
	_, ts := newTestServer(t, newFakeWorld())
	ag := apigateway.NewFromConfig(sdkConfig(ts.URL, "AKIDTEST"))
	ctx := testCtx(t)
	st, err := ag.GetStages(ctx, &apigateway.GetStagesInput{RestApiId: aws.String("api01")})
	if err != nil {
		t.Fatal(err)
	}
	ms := st.Item[0].MethodSettings["*/*"]
	if *st.Item[0].StageName != "prod" || !ms.MetricsEnabled || *ms.LoggingLevel != "INFO" || *st.Item[0].AccessLogSettings.Format != "$context.requestId" {
		t.Errorf("stage = %+v, settings %+v", st.Item[0], ms)
	}
	res, err := ag.GetResources(ctx, &apigateway.GetResourcesInput{RestApiId: aws.String("api01"), Embed: []string{"methods"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Items) != 2 || res.Items[1].ResourceMethods["GET"].MethodIntegration == nil {
		t.Fatalf("resources = %+v", res.Items)
	}
	integ, err := ag.GetIntegration(ctx, &apigateway.GetIntegrationInput{RestApiId: aws.String("api01"), ResourceId: aws.String("res1"), HttpMethod: aws.String("GET")})
	if err != nil {
		t.Fatal(err)
	}
	if integ.Type != agtypes.IntegrationTypeAwsProxy || integ.TimeoutInMillis != 29000 || *integ.HttpMethod != "POST" {
		t.Errorf("integration = %+v", integ)
	}
	_, err = ag.GetStages(ctx, &apigateway.GetStagesInput{RestApiId: aws.String("nope")})
	var nf *agtypes.NotFoundException
	if !errors.As(err, &nf) {
		t.Errorf("unknown api: %v", err)
	}
}

func TestHTTPAPIs(t *testing.T) {
	_, ts := newTestServer(t, newFakeWorld())
	v2 := apigatewayv2.NewFromConfig(sdkConfig(ts.URL, "AKIDTEST"))
	ctx := testCtx(t)
	apis, err := v2.GetApis(ctx, &apigatewayv2.GetApisInput{MaxResults: aws.String("10")})
	if err != nil {
		t.Fatal(err)
	}
	if len(apis.Items) != 1 || *apis.Items[0].ApiId != "h1" || apis.NextToken != nil || !apis.Items[0].CreatedDate.Equal(t0.Add(-3600e9)) {
		t.Fatalf("apis = %+v", apis.Items)
	}
	stages, err := v2.GetStages(ctx, &apigatewayv2.GetStagesInput{ApiId: aws.String("h1")})
	if err != nil {
		t.Fatal(err)
	}
	if *stages.Items[0].StageName != "$default" || !*stages.Items[0].DefaultRouteSettings.DetailedMetricsEnabled {
		t.Errorf("stages = %+v", stages.Items)
	}
	one, err := v2.GetStage(ctx, &apigatewayv2.GetStageInput{ApiId: aws.String("h1"), StageName: aws.String("$default")})
	if err != nil || *one.StageName != "$default" {
		t.Errorf("GetStage $default: %v", err)
	}
	integ, err := v2.GetIntegrations(ctx, &apigatewayv2.GetIntegrationsInput{ApiId: aws.String("h1")})
	if err != nil || len(integ.Items) != 1 || *integ.Items[0].PayloadFormatVersion != "2.0" {
		t.Errorf("integrations: %v %+v", err, integ)
	}
	routes, err := v2.GetRoutes(ctx, &apigatewayv2.GetRoutesInput{ApiId: aws.String("h1")})
	if err != nil || *routes.Items[0].RouteKey != "$default" || *routes.Items[0].Target != "integrations/i1" {
		t.Errorf("routes: %v %+v", err, routes)
	}
}

func TestLambdaGetFunctionConfiguration(t *testing.T) {
	_, ts := newTestServer(t, newFakeWorld())
	lc := lambda.NewFromConfig(sdkConfig(ts.URL, "AKIDTEST"))
	for _, name := range []string{"orders-fn", "arn:aws:lambda:us-east-1:111111111111:function:orders-fn"} {
		out, err := lc.GetFunctionConfiguration(testCtx(t), &lambda.GetFunctionConfigurationInput{FunctionName: aws.String(name)})
		if err != nil {
			t.Fatal(err)
		}
		if *out.Timeout != 10 || *out.LoggingConfig.LogGroup != "/aws/lambda/orders-fn" || out.Runtime != lambdatypes.RuntimePython312 {
			t.Errorf("%s: %+v", name, out)
		}
	}
	_, err := lc.GetFunctionConfiguration(testCtx(t), &lambda.GetFunctionConfigurationInput{FunctionName: aws.String("nope")})
	var nf *lambdatypes.ResourceNotFoundException
	if !errors.As(err, &nf) {
		t.Errorf("missing function: %v", err)
	}
}

// TestIntegrationTimeoutOnTheWire: the integration timeout reaches the
// real SDK clients as their deserialisers read it: REST Integration's
// timeoutInMillis an int32 (50 ms up, 29 s by default, more on Regional and
// private APIs after a quota increase); apigatewayv2's a *int32, 30 s by
// default for HTTP APIs and 29 s for WebSocket APIs (API Gateway quotas
// pages; the apigatewayv2 API reference's Integration).
func TestIntegrationTimeoutOnTheWire(t *testing.T) {
	tests := []struct {
		name     string
		protocol string // "" for a REST API
		millis   int    // what the world holds; 0 is unset
		want     int32
	}{
		{"REST raised past 29 s", "", 120000, 120000},
		{"REST lowered to the minimum", "", 50, 50},
		{"REST default", "", 0, 29000},
		{"HTTP lowered", "HTTP", 5000, 5000},
		{"HTTP default", "HTTP", 0, 30000},
		{"WebSocket lowered", "WEBSOCKET", 3000, 3000},
		{"WebSocket default", "WEBSOCKET", 0, 29000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeWorld()
			ctx := testCtx(t)
			if tt.protocol == "" {
				f.rest[acctA][1].Resources[1].Methods[0].Integration.TimeoutMillis = tt.millis
				_, ts := newTestServer(t, f)
				ag := apigateway.NewFromConfig(sdkConfig(ts.URL, "AKIDTEST"))
				got, err := ag.GetIntegration(ctx, &apigateway.GetIntegrationInput{RestApiId: aws.String("api01"), ResourceId: aws.String("res1"), HttpMethod: aws.String("GET")})
				if err != nil || got.TimeoutInMillis != tt.want {
					t.Errorf("GetIntegration: %v, timeoutInMillis %d, want %d", err, got.TimeoutInMillis, tt.want)
				}
				res, err := ag.GetResources(ctx, &apigateway.GetResourcesInput{RestApiId: aws.String("api01"), Embed: []string{"methods"}})
				if err != nil || res.Items[1].ResourceMethods["GET"].MethodIntegration.TimeoutInMillis != tt.want {
					t.Errorf("GetResources embed=methods: %v %+v, want %d", err, res.Items, tt.want)
				}
				return
			}
			f.http[0].ProtocolType, f.http[0].Integrations[0].TimeoutMillis = tt.protocol, tt.millis
			_, ts := newTestServer(t, f)
			v2 := apigatewayv2.NewFromConfig(sdkConfig(ts.URL, "AKIDTEST"))
			all, err := v2.GetIntegrations(ctx, &apigatewayv2.GetIntegrationsInput{ApiId: aws.String("h1")})
			if err != nil || len(all.Items) != 1 || aws.ToInt32(all.Items[0].TimeoutInMillis) != tt.want {
				t.Errorf("GetIntegrations: %v %+v, want %d", err, all, tt.want)
			}
			one, err := v2.GetIntegration(ctx, &apigatewayv2.GetIntegrationInput{ApiId: aws.String("h1"), IntegrationId: aws.String("i1")})
			if err != nil || aws.ToInt32(one.TimeoutInMillis) != tt.want {
				t.Errorf("GetIntegration: %v, want %d", err, tt.want)
			}
		})
	}
}

// TestRestAuthorizers: GetAuthorizers answers as the SDK's deserializer
// reads it (item, position; id, type, authorizerUri, identitySource as one
// string), paged by limit and position, and GetResources embeds a CUSTOM
// method's authorizationType and authorizerId.
func TestRestAuthorizers(t *testing.T) {
	f := newFakeWorld()
	api := &f.rest[acctA][1]
	uri := "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:111111111111:function:%s/invocations"
	for i, fn := range []string{"token-auth", "request-auth", "admin-auth"} {
		typ := map[bool]string{true: "TOKEN", false: "REQUEST"}[i == 0]
		api.Authorizers = append(api.Authorizers, world.Authorizer{ID: fmt.Sprintf("au%d", i), Name: fn, Type: typ,
			URI: fmt.Sprintf(uri, fn), IdentitySource: []string{"method.request.header.Authorization"}})
	}
	api.Resources[1].Methods[0].AuthorizationType, api.Resources[1].Methods[0].AuthorizerID = "CUSTOM", "au1"
	_, ts := newTestServer(t, f)
	ag := apigateway.NewFromConfig(sdkConfig(ts.URL, "AKIDTEST"))
	ctx := testCtx(t)
	var got []agtypes.Authorizer
	var position *string
	for pages := 0; ; pages++ {
		out, err := ag.GetAuthorizers(ctx, &apigateway.GetAuthorizersInput{RestApiId: aws.String("api01"), Limit: aws.Int32(2), Position: position})
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, out.Items...)
		if position = out.Position; position == nil {
			if pages != 1 {
				t.Errorf("%d pages of 2 for 3 authorizers, want 2", pages+1)
			}
			break
		}
	}
	if len(got) != 3 || *got[0].Id != "au0" || got[0].Type != agtypes.AuthorizerTypeToken || got[1].Type != agtypes.AuthorizerTypeRequest ||
		*got[2].AuthorizerUri != fmt.Sprintf(uri, "admin-auth") || *got[0].IdentitySource != "method.request.header.Authorization" {
		t.Errorf("authorizers %+v", got)
	}
	res, err := ag.GetResources(ctx, &apigateway.GetResourcesInput{RestApiId: aws.String("api01"), Embed: []string{"methods"}})
	if err != nil {
		t.Fatal(err)
	}
	if m := res.Items[1].ResourceMethods["GET"]; aws.ToString(m.AuthorizationType) != "CUSTOM" || aws.ToString(m.AuthorizerId) != "au1" {
		t.Errorf("method %+v, want CUSTOM with authorizer au1", m)
	}
	if _, err := ag.GetAuthorizers(ctx, &apigateway.GetAuthorizersInput{RestApiId: aws.String("nope")}); err == nil {
		t.Error("unknown API: no error")
	}
}

// TestHTTPAuthorizers: an HTTP API's Lambda REQUEST authorizers reach the
// SDK as its restjson deserializer reads the apigatewayv2 Authorizer
// (authorizerId, authorizerType, authorizerUri, identitySource as a list,
// authorizerPayloadFormatVersion, enableSimpleResponses), paged by
// maxResults and nextToken, and GetRoutes gives the route's CUSTOM
// authorizationType and authorizerId; a WebSocket authorizer, which has
// no payload format, carries neither field.
func TestHTTPAuthorizers(t *testing.T) {
	f := newFakeWorld()
	uri := "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:111111111111:function:%s/invocations"
	api := &f.http[0]
	api.Authorizers = []world.Authorizer{
		{ID: "au0", Name: "simple-auth", URI: fmt.Sprintf(uri, "simple-auth"), IdentitySource: []string{"$request.header.Authorization"}, PayloadFormatVersion: "2.0", SimpleResponses: true},
		{ID: "au1", Name: "policy-auth", URI: fmt.Sprintf(uri, "policy-auth"), IdentitySource: []string{"$request.header.Authorization"}, PayloadFormatVersion: "2.0"},
	}
	api.Routes[0].AuthorizationType, api.Routes[0].AuthorizerID = "CUSTOM", "au1"
	f.http = append(f.http, world.HTTPAPI{ID: "w1", Name: "chat", ProtocolType: "WEBSOCKET",
		Routes:      []world.Route{{ID: "r9", RouteKey: "$connect", AuthorizationType: "CUSTOM", AuthorizerID: "au9"}},
		Authorizers: []world.Authorizer{{ID: "au9", Name: "chat-auth", URI: fmt.Sprintf(uri, "chat-auth"), IdentitySource: []string{"route.request.querystring.token"}}}})
	_, ts := newTestServer(t, f)
	v2 := apigatewayv2.NewFromConfig(sdkConfig(ts.URL, "AKIDTEST"))
	ctx := testCtx(t)
	var got []v2types.Authorizer
	var token *string
	for pages := 1; ; pages++ {
		out, err := v2.GetAuthorizers(ctx, &apigatewayv2.GetAuthorizersInput{ApiId: aws.String("h1"), MaxResults: aws.String("1"), NextToken: token})
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, out.Items...)
		if token = out.NextToken; token == nil {
			if pages != 2 {
				t.Errorf("%d pages of 1 for 2 authorizers", pages)
			}
			break
		}
	}
	if len(got) != 2 {
		t.Fatalf("authorizers %+v, want 2", got)
	}
	for i, a := range got {
		if aws.ToString(a.AuthorizerId) != api.Authorizers[i].ID || a.AuthorizerType != v2types.AuthorizerTypeRequest ||
			aws.ToString(a.AuthorizerUri) != api.Authorizers[i].URI || !slices.Equal(a.IdentitySource, []string{"$request.header.Authorization"}) ||
			aws.ToString(a.AuthorizerPayloadFormatVersion) != "2.0" || a.EnableSimpleResponses == nil || *a.EnableSimpleResponses != (i == 0) ||
			aws.ToInt32(a.AuthorizerResultTtlInSeconds) != 0 {
			t.Errorf("authorizer %d: %+v", i, a)
		}
	}
	routes, err := v2.GetRoutes(ctx, &apigatewayv2.GetRoutesInput{ApiId: aws.String("h1")})
	if err != nil {
		t.Fatal(err)
	}
	if r := routes.Items[0]; aws.ToString(r.AuthorizerId) != "au1" || r.AuthorizationType != v2types.AuthorizationTypeCustom {
		t.Errorf("route %+v, want CUSTOM with authorizer au1", r)
	}
	ws, err := v2.GetAuthorizers(ctx, &apigatewayv2.GetAuthorizersInput{ApiId: aws.String("w1")})
	if err != nil {
		t.Fatal(err)
	}
	if a := ws.Items[0]; len(ws.Items) != 1 || a.AuthorizerPayloadFormatVersion != nil || a.EnableSimpleResponses != nil || a.AuthorizerType != v2types.AuthorizerTypeRequest {
		t.Errorf("WebSocket authorizers %+v, want one REQUEST authorizer without a payload format", ws.Items)
	}
}
