package collector

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/resourcegroupstaggingapi"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"golang.org/x/time/rate"

	"github.com/apigw-triage/apigw-triage/stage"
)

// The collector's view of AWS: only the methods it calls, so tests fake
// them with small structs and the SDK clients satisfy them as they are.

// metricsAPI reads CloudWatch metrics.
type metricsAPI interface {
	GetMetricData(ctx context.Context, in *cloudwatch.GetMetricDataInput, opts ...func(*cloudwatch.Options)) (*cloudwatch.GetMetricDataOutput, error)
}

// logsAPI queries CloudWatch Logs.
type logsAPI interface {
	StartQuery(ctx context.Context, in *cloudwatchlogs.StartQueryInput, opts ...func(*cloudwatchlogs.Options)) (*cloudwatchlogs.StartQueryOutput, error)
	GetQueryResults(ctx context.Context, in *cloudwatchlogs.GetQueryResultsInput, opts ...func(*cloudwatchlogs.Options)) (*cloudwatchlogs.GetQueryResultsOutput, error)
	StopQuery(ctx context.Context, in *cloudwatchlogs.StopQueryInput, opts ...func(*cloudwatchlogs.Options)) (*cloudwatchlogs.StopQueryOutput, error)
	FilterLogEvents(ctx context.Context, in *cloudwatchlogs.FilterLogEventsInput, opts ...func(*cloudwatchlogs.Options)) (*cloudwatchlogs.FilterLogEventsOutput, error)
}

// restAPI discovers API Gateway REST APIs (v1).
type restAPI interface {
	GetRestApis(ctx context.Context, in *apigateway.GetRestApisInput, opts ...func(*apigateway.Options)) (*apigateway.GetRestApisOutput, error)
	GetStages(ctx context.Context, in *apigateway.GetStagesInput, opts ...func(*apigateway.Options)) (*apigateway.GetStagesOutput, error)
	GetResources(ctx context.Context, in *apigateway.GetResourcesInput, opts ...func(*apigateway.Options)) (*apigateway.GetResourcesOutput, error)
	GetIntegration(ctx context.Context, in *apigateway.GetIntegrationInput, opts ...func(*apigateway.Options)) (*apigateway.GetIntegrationOutput, error)
	GetAuthorizers(ctx context.Context, in *apigateway.GetAuthorizersInput, opts ...func(*apigateway.Options)) (*apigateway.GetAuthorizersOutput, error)
}

// httpAPI discovers API Gateway HTTP APIs (v2).
type httpAPI interface {
	GetApis(ctx context.Context, in *apigatewayv2.GetApisInput, opts ...func(*apigatewayv2.Options)) (*apigatewayv2.GetApisOutput, error)
	GetStages(ctx context.Context, in *apigatewayv2.GetStagesInput, opts ...func(*apigatewayv2.Options)) (*apigatewayv2.GetStagesOutput, error)
	GetIntegrations(ctx context.Context, in *apigatewayv2.GetIntegrationsInput, opts ...func(*apigatewayv2.Options)) (*apigatewayv2.GetIntegrationsOutput, error)
	GetRoutes(ctx context.Context, in *apigatewayv2.GetRoutesInput, opts ...func(*apigatewayv2.Options)) (*apigatewayv2.GetRoutesOutput, error)
	GetAuthorizers(ctx context.Context, in *apigatewayv2.GetAuthorizersInput, opts ...func(*apigatewayv2.Options)) (*apigatewayv2.GetAuthorizersOutput, error)
}

// lambdaAPI reads function configurations.
type lambdaAPI interface {
	GetFunctionConfiguration(ctx context.Context, in *lambda.GetFunctionConfigurationInput, opts ...func(*lambda.Options)) (*lambda.GetFunctionConfigurationOutput, error)
}

// taggingAPI finds resources by tag.
type taggingAPI interface {
	GetResources(ctx context.Context, in *resourcegroupstaggingapi.GetResourcesInput, opts ...func(*resourcegroupstaggingapi.Options)) (*resourcegroupstaggingapi.GetResourcesOutput, error)
}

// identityAPI names the account of the credentials. GetCallerIdentity
// needs no IAM permission (STS API reference), so the policy does not list
// it.
type identityAPI interface {
	GetCallerIdentity(ctx context.Context, in *sts.GetCallerIdentityInput, opts ...func(*sts.Options)) (*sts.GetCallerIdentityOutput, error)
}

// region is one account and region with its clients.
type region struct {
	// account is the account's key: its configured id, or "default" for
	// the ambient credentials' account.
	account, name string
	// accountName labels the account in messages.
	accountName string
	// callerAccount is the ambient credentials' account id, once STS has
	// named it; sts asks (nil: not asked).
	callerAccount string
	sts           identityAPI
	cw            metricsAPI
	logs          logsAPI
	rest          restAPI
	http          httpAPI
	lambda        lambdaAPI
	tagging       taggingAPI
	// filterLimit is shared by every region of the account: the
	// FilterLogEvents quota is per account.
	filterLimit *rate.Limiter
}

func (r *region) id() string { return r.account + "/" + r.name }

// identity names a stage of this account and region.
func (r *region) identity(t stage.APIType, apiID, apiName, stageName string) stage.Identity {
	id := stage.New(r.account, r.name, t, apiID, apiName, stageName)
	id.AccountName = r.accountName
	if r.callerAccount != "" {
		// The key stays "default/...": incidents stored under it go on.
		id.Account = r.callerAccount
		if id.AccountName == ambientAccount {
			id.AccountName = "" // the implicit name: the id says more
		}
	}
	return id
}
