package collector

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/resourcegroupstaggingapi"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	"golang.org/x/time/rate"
)

// baseConfig is the aws.Config every client starts from.
func baseConfig(a AWSOptions, m *metrics, log *slog.Logger) (aws.Config, error) {
	opts := []func(*awsconfig.LoadOptions) error{
		awsconfig.WithRegion(a.Region),
		awsconfig.WithLogger(sdkLogger{log: log}),
		awsconfig.WithRetryer(func() aws.Retryer { return newRetryer(a) }),
		awsconfig.WithAPIOptions([]func(*middleware.Stack) error{m.countAttempts}),
	}
	if a.Credentials != nil {
		opts = append(opts, awsconfig.WithCredentialsProvider(a.Credentials))
	}
	if a.HTTPClient != nil {
		opts = append(opts, awsconfig.WithHTTPClient(a.HTTPClient))
	}
	if a.EndpointURL != "" {
		opts = append(opts, awsconfig.WithBaseEndpoint(a.EndpointURL))
	}
	cfg, err := awsconfig.LoadDefaultConfig(context.Background(), opts...)
	if err != nil {
		return aws.Config{}, fmt.Errorf("aws config: %w", err)
	}
	if cfg.Credentials != nil {
		cfg.Credentials = hintedCredentials{inner: cfg.Credentials}
	}
	return cfg, nil
}

// newRetryer is the SDK's retryer of the configured mode. Both back off
// exponentially with jitter on the SDK's throttle codes
// (ThrottlingException, TooManyRequestsException, ...) and CloudWatch's
// "LimitExceeded"; "adaptive" also lowers the client's own request rate
// while AWS throttles. The client-side retry quota is off: our calls are
// few and paced by the poll loop, and a quota emptied by a throttling
// burst would turn throttles into lost polls.
func newRetryer(a AWSOptions) aws.Retryer {
	standard := func(o *retry.StandardOptions) {
		o.MaxAttempts = a.MaxAttempts
		o.MaxBackoff = a.MaxBackoff
		o.RateLimiter = ratelimit.None
	}
	if a.RetryMode == "adaptive" {
		return retry.AddWithErrorCodes(retry.NewAdaptiveMode(func(o *retry.AdaptiveModeOptions) {
			o.StandardOptions = append(o.StandardOptions, standard)
		}), "LimitExceeded")
	}
	return retry.AddWithErrorCodes(retry.NewStandard(standard), "LimitExceeded")
}

// accountConfig assumes the account's role, when it has one.
func accountConfig(base aws.Config, acc Account) aws.Config {
	if acc.RoleARN == "" {
		return base
	}
	cfg := base.Copy()
	prov := stscreds.NewAssumeRoleProvider(sts.NewFromConfig(base), acc.RoleARN, func(o *stscreds.AssumeRoleOptions) {
		if acc.ExternalID != "" {
			o.ExternalID = aws.String(acc.ExternalID)
		}
		o.RoleSessionName = "apigw-triage"
	})
	cfg.Credentials = aws.NewCredentialsCache(prov)
	return cfg
}

// identityClient is the STS client that names the ambient credentials'
// account; nil for an account whose id is configured (a role's id is in
// its ARN).
func identityClient(cfg aws.Config, acc Account) identityAPI {
	if acc.ID != ambientAccount {
		return nil
	}
	return sts.NewFromConfig(cfg)
}

// newRegion builds the real SDK clients of one account and region.
func newRegion(cfg aws.Config, acc Account, name string, limit *rate.Limiter) *region {
	cfg = cfg.Copy()
	cfg.Region = name
	return &region{
		account:     acc.ID,
		accountName: acc.Name,
		name:        name,
		cw:          cloudwatch.NewFromConfig(cfg),
		logs:        cloudwatchlogs.NewFromConfig(cfg),
		rest:        apigateway.NewFromConfig(cfg),
		http:        apigatewayv2.NewFromConfig(cfg),
		lambda:      lambda.NewFromConfig(cfg),
		tagging:     resourcegroupstaggingapi.NewFromConfig(cfg),
		sts:         identityClient(cfg, acc),
		filterLimit: limit,
	}
}

// countAttempts adds a finalize step after the retry loop, so it sees
// every attempt, and counts it by service, operation and result.
func (m *metrics) countAttempts(stack *middleware.Stack) error {
	return stack.Finalize.Add(middleware.FinalizeMiddlewareFunc("apigwTriageCountAttempts",
		func(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
			out, md, err := next.HandleFinalize(ctx, in)
			svc, op := middleware.GetServiceID(ctx), middleware.GetOperationName(ctx)
			m.awsRequests.WithLabelValues(svc, op, attemptResult(err)).Inc()
			return out, md, err
		}), middleware.After)
}

// attemptResult classifies an attempt's error with the SDK's own list of
// throttle codes.
func attemptResult(err error) string {
	if err == nil {
		return resultSuccess
	}
	var ae smithy.APIError
	if errors.As(err, &ae) {
		if _, ok := retry.DefaultThrottleErrorCodes[ae.ErrorCode()]; ok || ae.ErrorCode() == "LimitExceeded" {
			return resultThrottled
		}
	}
	return resultError
}
