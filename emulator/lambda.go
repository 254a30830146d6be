package emulator

import (
	"net/http"
	"strings"

	"github.com/apigw-triage/apigw-triage/emulator/world"
)

// lambdaTimeLayout is Lambda's LastModified format.
const lambdaTimeLayout = "2006-01-02T15:04:05.000-0700"

var lambdaRoutes = []restRoute{
	route("GET", "/2015-03-31/functions/*/configuration", "GetFunctionConfiguration", (*Server).getFunctionConfiguration),
}

func (s *Server) routeLambda(c *call) {
	s.serveREST(c, "lambda", lambdaRoutes, &apiError{Status: http.StatusTooManyRequests, Code: "TooManyRequestsException",
		Message: "Rate exceeded", RetryAfter: 1, Extra: map[string]any{"Reason": "CallerRateLimitExceeded", "Type": "User"}})
}

// getFunctionConfiguration accepts a name, a full ARN or a partial ARN
// ("123456789012:function:name"), as Lambda does.
func (s *Server) getFunctionConfiguration(c *call, p []string) (any, error) {
	if s.b.Faults().LambdaDown(s.b.Now()) {
		return nil, &apiError{Status: http.StatusInternalServerError, Code: "ServiceException",
			Message: "An internal error occurred.", Extra: map[string]any{"Type": "Service"}}
	}
	name := p[0]
	if i := strings.LastIndex(name, "function:"); i >= 0 {
		name = name[i+len("function:"):]
	}
	for _, f := range s.b.Functions(c.account, c.region) {
		if f.Name == name || f.ARN == p[0] {
			return functionJSON(c, f), nil
		}
	}
	return nil, &apiError{Status: http.StatusNotFound, Code: "ResourceNotFoundException",
		Message: "Function not found: arn:aws:lambda:" + c.region + ":" + c.account + ":function:" + name,
		Extra:   map[string]any{"Type": "User"}}
}

func functionJSON(c *call, f world.Function) map[string]any {
	arn := f.ARN
	if arn == "" {
		arn = "arn:aws:lambda:" + c.region + ":" + c.account + ":function:" + f.Name
	}
	return map[string]any{
		"FunctionName": f.Name, "FunctionArn": arn, "Runtime": f.Runtime, "Handler": f.Handler,
		"Timeout": f.TimeoutSec, "MemorySize": f.MemoryMB, "Version": "$LATEST",
		"LastModified": f.LastModified.UTC().Format(lambdaTimeLayout),
		"Role":         "arn:aws:iam::" + c.account + ":role/" + f.Name + "-role",
		"State":        "Active", "LastUpdateStatus": "Successful", "PackageType": "Zip",
		"Architectures": []string{"x86_64"}, "CodeSize": 1024,
		"LoggingConfig": map[string]any{"LogGroup": orDefault(f.LogGroup, "/aws/lambda/"+f.Name), "LogFormat": "Text"},
	}
}
