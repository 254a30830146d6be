package collector

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	ltypes "github.com/aws/aws-sdk-go-v2/service/lambda/types"

	"github.com/apigw-triage/apigw-triage/clock"
)

// countingLambda answers GetFunctionConfiguration and counts the calls.
type countingLambda struct {
	calls int
	fail  bool
}

func (f *countingLambda) GetFunctionConfiguration(_ context.Context, in *lambda.GetFunctionConfigurationInput, _ ...func(*lambda.Options)) (*lambda.GetFunctionConfigurationOutput, error) {
	f.calls++
	if f.fail {
		return nil, errors.New("throttled")
	}
	return &lambda.GetFunctionConfigurationOutput{
		FunctionName: in.FunctionName, Timeout: aws.Int32(6), MemorySize: aws.Int32(256),
		LoggingConfig: &ltypes.LoggingConfig{LogGroup: aws.String("/custom/orders")},
	}, nil
}

// TestFunctionConfigurationReadOnTrip: discovery names the functions
// without calling Lambda; a trip reads their configuration once, and the
// answer is reused until the discovery refresh interval has passed.
func TestFunctionConfigurationReadOnTrip(t *testing.T) {
	const uri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:111122223333:function:orders/invocations"
	clk := clock.NewManual(t0)
	fake := &countingLambda{}
	r := &region{account: "111122223333", name: "us-east-1", lambda: fake}
	c := testCollector(t, clk, Thresholds{}, map[*region][]Stage{r: nil})

	fns := stageFunctions([]string{uri, uri}, nil)
	if len(fns) != 1 || fns[0].Name != "orders" || fns[0].LogGroup != "/aws/lambda/orders" || fns[0].Timeout != 0 {
		t.Fatalf("discovery functions = %+v, want orders with its default log group only", fns)
	}
	ctx := context.Background()
	got, failed := c.resolveFunctions(ctx, r, fns)
	if failed {
		t.Error("a lookup that answered reported as failed")
	}
	if got[0].Timeout != 6*time.Second || got[0].MemoryMB != 256 || got[0].LogGroup != "/custom/orders" {
		t.Errorf("resolved %+v", got[0])
	}
	c.resolveFunctions(ctx, r, fns)
	if fake.calls != 1 {
		t.Errorf("%d Lambda calls for two trips within the refresh interval, want 1", fake.calls)
	}
	clk.Advance(c.opts.Discovery.Refresh)
	c.resolveFunctions(ctx, r, fns)
	if fake.calls != 2 {
		t.Errorf("%d Lambda calls after the refresh interval, want 2", fake.calls)
	}

	fake.fail = true
	clk.Advance(c.opts.Discovery.Refresh)
	if got, failed := c.resolveFunctions(ctx, r, fns); !failed || got[0].LogGroup != "/aws/lambda/orders" || got[0].Timeout != 0 {
		t.Errorf("a failed lookup gives %+v (failed %v), want the name's defaults, failed", got[0], failed)
	}
}
