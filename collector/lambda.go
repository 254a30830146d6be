package collector

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
)

// functionCache remembers GetFunctionConfiguration answers during one
// discovery, so APIs sharing a function cost one call.
type functionCache struct {
	mu sync.Mutex
	fn map[string]Function
}

func newFunctionCache() *functionCache { return &functionCache{fn: map[string]Function{}} }

// get returns the function's timeout, memory and log group.
func (fc *functionCache) get(ctx context.Context, api lambdaAPI, name string) (Function, error) {
	fc.mu.Lock()
	f, ok := fc.fn[name]
	fc.mu.Unlock()
	if ok {
		return f, nil
	}
	out, err := api.GetFunctionConfiguration(ctx, &lambda.GetFunctionConfigurationInput{FunctionName: aws.String(name)})
	if err != nil {
		return Function{}, fmt.Errorf("function %s: %w", name, err)
	}
	f = Function{
		Name:     name,
		Timeout:  time.Duration(aws.ToInt32(out.Timeout)) * time.Second,
		MemoryMB: int(aws.ToInt32(out.MemorySize)),
		LogGroup: "/aws/lambda/" + name,
	}
	if out.LoggingConfig != nil && aws.ToString(out.LoggingConfig.LogGroup) != "" {
		f.LogGroup = aws.ToString(out.LoggingConfig.LogGroup)
	}
	fc.mu.Lock()
	fc.fn[name] = f
	fc.mu.Unlock()
	return f, nil
}

// functionName extracts the Lambda function name from an integration URI
// (arn:aws:apigateway:R:lambda:path/2015-03-31/functions/ARN/invocations,
// or a bare function ARN on HTTP APIs), after substituting the stage's
// ${stageVariables.x}. It returns "" for non-Lambda URIs and for variables
// the stage does not define.
func functionName(uri string, vars map[string]string) string {
	for k, v := range vars {
		uri = strings.ReplaceAll(uri, "${stageVariables."+k+"}", v)
	}
	_, rest, ok := strings.Cut(uri, ":function:")
	if !ok || strings.Contains(rest, "${") {
		return ""
	}
	if i := strings.IndexAny(rest, ":/"); i >= 0 {
		rest = rest[:i]
	}
	return rest
}

// logGroupFromARN returns the log group name of a CloudWatch Logs ARN
// (arn:aws:logs:R:A:log-group:NAME, optionally ending in ":*").
func logGroupFromARN(arn string) string {
	_, name, ok := strings.Cut(arn, ":log-group:")
	if !ok {
		return ""
	}
	return strings.TrimSuffix(name, ":*")
}

// stageFunctions resolves the Lambda functions behind a stage's
// integration URIs.
func (c *Collector) stageFunctions(ctx context.Context, r *region, fc *functionCache, uris []string, vars map[string]string) []Function {
	seen := map[string]bool{}
	var out []Function
	for _, u := range uris {
		name := functionName(u, vars)
		if name == "" || seen[name] {
			continue
		}
		seen[name] = true
		f, err := fc.get(ctx, r.lambda, name)
		if err != nil {
			// The stage is still monitored; only the evidence loses
			// the function's logs and timeout.
			c.log.Warn("lambda lookup failed", "account", r.account, "region", r.name, "function", name, "err", err)
			f = Function{Name: name, LogGroup: "/aws/lambda/" + name}
		}
		out = append(out, f)
	}
	return out
}
