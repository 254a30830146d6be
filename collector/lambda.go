package collector

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
)

// cachedFunction is a function's configuration and when it was read.
type cachedFunction struct {
	f  Function
	at time.Time
}

// resolveFunctions reads the timeout, memory and log group of a tripped
// stage's functions. Discovery records only their names: the configuration
// matters only on a trip, and reading it at every discovery refresh would
// cost one Lambda call per function (2000 every 10 minutes for 2000
// stages). Answers are kept for the discovery refresh interval; a failed
// lookup leaves the defaults, is not cached and is tried again on the next
// read. failed is set when any lookup failed: the evidence then lacks that
// function's timeout and custom log group, and is incomplete.
func (c *Collector) resolveFunctions(ctx context.Context, r *region, fns []Function) (out []Function, failed bool) {
	out = make([]Function, len(fns))
	for i, f := range fns {
		var ok bool
		out[i], ok = c.function(ctx, r, f.Name)
		failed = failed || !ok
	}
	return out, failed
}

// function returns the named function's configuration, cached or read;
// ok is false when the read failed and only the name's defaults are known.
func (c *Collector) function(ctx context.Context, r *region, name string) (f Function, ok bool) {
	key, now := r.id()+"/"+name, c.clk.Now()
	c.mu.Lock()
	cf, cached := c.fns[key]
	c.mu.Unlock()
	if cached && now.Sub(cf.at) < c.opts.Discovery.Refresh {
		return cf.f, true
	}
	f, err := getFunction(ctx, r.lambda, name)
	if err != nil {
		// The evidence loses the function's timeout and custom log group:
		// the default group is searched meanwhile.
		c.log.Warn("lambda lookup failed", "account", r.account, "region", r.name, "function", name, "err", err)
		return namedFunction(name), false
	}
	c.mu.Lock()
	c.fns[key] = cachedFunction{f: f, at: now}
	c.mu.Unlock()
	return f, true
}

// getFunction returns the function's timeout, memory and log group.
func getFunction(ctx context.Context, api lambdaAPI, name string) (Function, error) {
	out, err := api.GetFunctionConfiguration(ctx, &lambda.GetFunctionConfigurationInput{FunctionName: aws.String(name)})
	if err != nil {
		return Function{}, fmt.Errorf("function %s: %w", name, err)
	}
	f := namedFunction(name)
	f.Timeout = time.Duration(aws.ToInt32(out.Timeout)) * time.Second
	f.MemoryMB = int(aws.ToInt32(out.MemorySize))
	if out.LoggingConfig != nil && aws.ToString(out.LoggingConfig.LogGroup) != "" {
		f.LogGroup = aws.ToString(out.LoggingConfig.LogGroup)
	}
	return f, nil
}

// namedFunctions are the named functions as namedFunction knows them.
func namedFunctions(names []string) []Function {
	out := make([]Function, 0, len(names))
	for _, n := range names {
		out = append(out, namedFunction(n))
	}
	return out
}

// namedFunction is what is known of a function from its name alone: its
// default log group.
func namedFunction(name string) Function {
	return Function{Name: name, LogGroup: "/aws/lambda/" + name}
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

// stageFunctions names the Lambda functions behind a stage's integration
// URIs; Evidence reads their configuration when the stage trips.
func stageFunctions(uris []string, vars map[string]string) []Function {
	seen := map[string]bool{}
	var out []Function
	for _, u := range uris {
		if name := functionName(u, vars); name != "" && !seen[name] {
			seen[name] = true
			out = append(out, namedFunction(name))
		}
	}
	return out
}
