package classifier

import (
	"strings"
	"testing"
)

func TestAdviceFillReplacesKnownNamesInCommandsOnly(t *testing.T) {
	a := Advice{Steps: []string{
		"Add the permission for FUNCTION_NAME: `aws lambda add-permission --function-name FUNCTION_NAME --source-arn \"arn:aws:execute-api:REGION:ACCOUNT_ID:API_ID/*\"`",
		"`aws apigateway get-stage --rest-api-id REST_API_ID --stage-name STAGE` then `--reserved-concurrent-executions COUNT`",
	}}
	got := a.Fill(Names{FunctionName: "orders-fn", APIID: "a1b2c3", Region: "eu-west-1", Stage: "$default"})
	want0 := "Add the permission for FUNCTION_NAME: `aws lambda add-permission --function-name orders-fn --source-arn \"arn:aws:execute-api:eu-west-1:ACCOUNT_ID:a1b2c3/*\"`"
	if got.Steps[0] != want0 {
		t.Errorf("step 1:\n got %s\nwant %s", got.Steps[0], want0)
	}
	want1 := "`aws apigateway get-stage --rest-api-id a1b2c3 --stage-name $default` then `--reserved-concurrent-executions COUNT`"
	if got.Steps[1] != want1 {
		t.Errorf("step 2:\n got %s\nwant %s", got.Steps[1], want1)
	}
	if !strings.Contains(a.Steps[0], "--function-name FUNCTION_NAME") {
		t.Error("Fill modified its receiver")
	}
}

func TestAdviceFillLeavesUnsafeNames(t *testing.T) {
	a := Remediate(CauseLambdaInvokePermission, LangEN)
	got := a.Fill(Names{FunctionName: "x`rm -rf /`", APIID: "id\"; echo"})
	for i, s := range got.Steps {
		if s != a.Steps[i] {
			t.Errorf("step %d changed by unsafe names: %s", i+1, s)
		}
	}
}
