package collector

import "testing"

func TestFunctionName(t *testing.T) {
	tests := []struct {
		name, uri string
		vars      map[string]string
		want      string
	}{
		{"REST proxy", "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders/invocations", nil, "orders"},
		{"alias", "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders:live/invocations", nil, "orders"},
		{"HTTP API bare ARN", "arn:aws:lambda:us-east-1:123456789012:function:pay", nil, "pay"},
		{"stage variable", "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}/invocations", map[string]string{"fn": "orders-v2"}, "orders-v2"},
		{"undefined stage variable", "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}/invocations", nil, ""},
		{"HTTP backend", "https://backend.example.com/orders", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := functionName(tt.uri, tt.vars); got != tt.want {
				t.Errorf("functionName = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLogGroupFromARN(t *testing.T) {
	tests := map[string]string{
		"arn:aws:logs:us-east-1:123456789012:log-group:/apigw/http-orders:*": "/apigw/http-orders",
		"arn:aws:logs:us-east-1:123456789012:log-group:access-logs":          "access-logs",
		"not-an-arn": "",
	}
	for arn, want := range tests {
		if got := logGroupFromARN(arn); got != want {
			t.Errorf("logGroupFromARN(%q) = %q, want %q", arn, got, want)
		}
	}
}
