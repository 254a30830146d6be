package deploy

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"sort"
	"strings"
	"testing"
)

// iamPrefix maps the SDK package of a collector method to its IAM service
// prefix. API Gateway's management API is authorised per HTTP verb
// (apigateway:GET), not per operation.
var iamPrefix = map[string]string{
	"cloudwatch":               "cloudwatch",
	"cloudwatchlogs":           "logs",
	"lambda":                   "lambda",
	"resourcegroupstaggingapi": "tag",
	"sts":                      "sts",
}

// noPermission are the actions AWS authorises for every principal, which
// a policy need not (and cannot usefully) allow: "No permissions are
// required to perform this operation" (STS API reference,
// GetCallerIdentity).
var noPermission = map[string]bool{"sts:GetCallerIdentity": true}

// collectorActions reads the small SDK interfaces the collector declares
// (collector/awsclients.go: every AWS operation it can call) and returns the
// IAM actions they need.
func collectorActions(t *testing.T) map[string]bool {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "../collector/awsclients.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	actions := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		it, ok := n.(*ast.InterfaceType)
		if !ok {
			return true
		}
		for _, m := range it.Methods.List {
			fn, ok := m.Type.(*ast.FuncType)
			if !ok || len(m.Names) == 0 || len(fn.Params.List) < 2 {
				continue
			}
			pkg := sdkPackage(fn.Params.List[1].Type)
			switch {
			case pkg == "apigateway" || pkg == "apigatewayv2":
				if !strings.HasPrefix(m.Names[0].Name, "Get") {
					t.Errorf("collector calls API Gateway %s, which is not a read (GET)", m.Names[0].Name)
				}
				actions["apigateway:GET"] = true
			case iamPrefix[pkg] != "":
				actions[iamPrefix[pkg]+":"+m.Names[0].Name] = true
			default:
				t.Errorf("no IAM mapping for %s.%s: add it to iamPrefix and the policy", pkg, m.Names[0].Name)
			}
		}
		return false
	})
	return actions
}

// sdkPackage returns "cloudwatch" for a parameter of type *cloudwatch.XInput.
func sdkPackage(e ast.Expr) string {
	if star, ok := e.(*ast.StarExpr); ok {
		e = star.X
	}
	if sel, ok := e.(*ast.SelectorExpr); ok {
		if id, ok := sel.X.(*ast.Ident); ok {
			return id.Name
		}
	}
	return ""
}

func policyActions(t *testing.T, path string) map[string]bool {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var p struct {
		Statement []struct {
			Effect string
			Action any
		}
	}
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	out := map[string]bool{}
	for _, s := range p.Statement {
		if s.Effect != "Allow" {
			continue
		}
		switch a := s.Action.(type) {
		case string:
			out[a] = true
		case []any:
			for _, v := range a {
				out[v.(string)] = true
			}
		}
	}
	return out
}

// TestIAMPolicyMatchesCollector keeps the policy and the code from
// drifting: every operation the collector can call is allowed, and nothing
// else is.
func TestIAMPolicyMatchesCollector(t *testing.T) {
	code := collectorActions(t)
	if len(code) < 5 {
		t.Fatalf("found only %d actions in collector/awsclients.go; did the interfaces move?", len(code))
	}
	policy := policyActions(t, "iam/apigw-triage-policy.json")
	for a := range code {
		if !policy[a] && !noPermission[a] {
			t.Errorf("the collector calls %s but iam/apigw-triage-policy.json does not allow it", a)
		}
	}
	for a := range policy {
		if !code[a] {
			t.Errorf("iam/apigw-triage-policy.json allows %s, which the collector never calls", a)
		}
		if !strings.Contains(a, ":Get") && !strings.Contains(a, ":Describe") && !strings.Contains(a, ":List") &&
			!strings.Contains(a, ":StartQuery") && !strings.Contains(a, ":StopQuery") &&
			!strings.Contains(a, ":FilterLogEvents") && a != "apigateway:GET" {
			t.Errorf("%s is not a read action", a)
		}
	}
	names := make([]string, 0, len(code))
	for a := range code {
		names = append(names, a)
	}
	sort.Strings(names)
	t.Logf("collector needs: %s", strings.Join(names, ", "))
}

// TestAssumeRolePolicyMatchesCollector: the collector assumes account roles
// through STS (collector/sdk.go), so the daemon's role may call only
// sts:AssumeRole, and the cross-account trust policy grants exactly that.
func TestAssumeRolePolicyMatchesCollector(t *testing.T) {
	src, err := os.ReadFile("../collector/sdk.go")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), "stscreds.NewAssumeRoleProvider") {
		t.Fatal("collector/sdk.go no longer assumes roles; update iam/apigw-triage-assume-roles-policy.json")
	}
	for _, f := range []string{"iam/apigw-triage-assume-roles-policy.json", "iam/cross-account-trust-policy.json"} {
		got := policyActions(t, f)
		if len(got) != 1 || !got["sts:AssumeRole"] {
			t.Errorf("%s allows %v, want exactly sts:AssumeRole", f, got)
		}
	}
}
