package deploy

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"testing"

	"gopkg.in/yaml.v3"
)

// sqsAction is the IAM action of an SQS operation: the batch delete is
// authorised as sqs:DeleteMessage.
func sqsAction(op string) string {
	if op == "DeleteMessageBatch" {
		return "sqs:DeleteMessage"
	}
	return "sqs:" + op
}

// alarmModeActions reads the SQS interface alarm mode declares
// (alarms/source.go: every SQS operation it can call).
func alarmModeActions(t *testing.T) map[string]bool {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "../alarms/source.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		ts, ok := n.(*ast.TypeSpec)
		if !ok || ts.Name.Name != "SQSAPI" {
			return true
		}
		for _, m := range ts.Type.(*ast.InterfaceType).Methods.List {
			out[sqsAction(m.Names[0].Name)] = true
		}
		return false
	})
	return out
}

// TestIAMAlarmPolicyMatchesAlarmMode: the alarm-mode policy allows every
// SQS operation the daemon calls, and nothing else.
func TestIAMAlarmPolicyMatchesAlarmMode(t *testing.T) {
	code := alarmModeActions(t)
	if len(code) < 2 {
		t.Fatalf("found %v in alarms/source.go; did the SQSAPI interface move?", code)
	}
	policy := policyActions(t, "iam/apigw-triage-alarms-policy.json")
	for a := range code {
		if !policy[a] {
			t.Errorf("alarm mode calls %s but the policy does not allow it", a)
		}
	}
	for a := range policy {
		if !code[a] {
			t.Errorf("the policy allows %s, which alarm mode never calls", a)
		}
	}
}

// TestAlarmTemplate checks what alarm mode relies on in the CloudFormation
// template: the rule forwards alarm state changes, only that rule may send
// to the queue, unreadable events end in a dead-letter queue, and a message
// stays hidden longer than an evidence pull takes.
func TestAlarmTemplate(t *testing.T) {
	b, err := os.ReadFile("alarms/apigw-triage-alarms.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var tpl struct {
		Resources map[string]struct {
			Type       string         `yaml:"Type"`
			Properties map[string]any `yaml:"Properties"`
		} `yaml:"Resources"`
	}
	if err := yaml.Unmarshal(b, &tpl); err != nil {
		t.Fatal(err)
	}
	rule := tpl.Resources["AlarmStateChangeRule"].Properties
	pattern, _ := rule["EventPattern"].(map[string]any)
	if !listHas(pattern["detail-type"], "CloudWatch Alarm State Change") || !listHas(pattern["source"], "aws.cloudwatch") {
		t.Errorf("rule pattern %v does not select CloudWatch alarm state changes", pattern)
	}
	q := tpl.Resources["AlarmQueue"].Properties
	if v, _ := q["VisibilityTimeout"].(int); v < 120 {
		t.Errorf("VisibilityTimeout %v: shorter than an evidence pull can take", q["VisibilityTimeout"])
	}
	if _, ok := q["RedrivePolicy"]; !ok {
		t.Error("no dead-letter queue: an unreadable event would be received forever")
	}
	doc, _ := tpl.Resources["AlarmQueuePolicy"].Properties["PolicyDocument"].(map[string]any)
	stmts, _ := doc["Statement"].([]any)
	if len(stmts) != 1 {
		t.Fatalf("queue policy: %d statements, want 1", len(stmts))
	}
	s := stmts[0].(map[string]any)
	principal, _ := s["Principal"].(map[string]any)
	cond, _ := s["Condition"].(map[string]any)
	if s["Action"] != "sqs:SendMessage" || principal["Service"] != "events.amazonaws.com" || cond["ArnEquals"] == nil {
		t.Errorf("queue policy statement %v: want only EventBridge, only SendMessage, only from the rule", s)
	}
}

func listHas(list any, want string) bool {
	l, _ := list.([]any)
	for _, v := range l {
		if v == want {
			return true
		}
	}
	return false
}
