package deploy

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// stageMetrics returns the names of the metric families the code labels
// per stage, read from the prometheus.New*Vec calls of the repository's Go
// files: their label list is a []string literal or a variable set to one.
func stageMetrics(t *testing.T) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil || !bytes.Contains(src, []byte("prometheus.New")) {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, src, 0)
		if err != nil {
			return err
		}
		vecMetrics(f, out)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// vecMetrics adds the file's per-stage metric families to out.
func vecMetrics(f *ast.File, out map[string]bool) {
	lists := map[string][]string{} // variables holding label lists
	ast.Inspect(f, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
			for i, l := range as.Lhs {
				if id, ok := l.(*ast.Ident); ok {
					lists[id.Name] = stringList(as.Rhs[i])
				}
			}
		}
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) != 2 {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || !strings.HasPrefix(sel.Sel.Name, "New") || !strings.HasSuffix(sel.Sel.Name, "Vec") {
			return true
		}
		labels := stringList(call.Args[1])
		if id, ok := call.Args[1].(*ast.Ident); ok {
			labels = lists[id.Name]
		}
		if name := optsName(call.Args[0]); name != "" && contains(labels, "stage") {
			out[name] = true
		}
		return true
	})
}

// optsName returns the Name of a prometheus.*Opts literal.
func optsName(e ast.Expr) string {
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return ""
	}
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if k, isIdent := kv.Key.(*ast.Ident); ok && isIdent && k.Name == "Name" {
			if b, ok := kv.Value.(*ast.BasicLit); ok {
				s, _ := strconv.Unquote(b.Value)
				return s
			}
		}
	}
	return ""
}

// stringList returns the strings of a []string literal, or nil.
func stringList(e ast.Expr) []string {
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return nil
	}
	var out []string
	for _, el := range lit.Elts {
		if b, ok := el.(*ast.BasicLit); ok {
			s, _ := strconv.Unquote(b.Value)
			out = append(out, s)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// boundedQuery matches a query whose result has a bounded number of series:
// topk or bottomk at the top, or an aggregation at the top that keeps no
// stage label (sum by (cause) (...), max(...)).
var (
	topQuery  = regexp.MustCompile(`^(topk|bottomk)\s*\(`)
	aggPrefix = regexp.MustCompile(`^(sum|avg|min|max|count|group|stddev|stdvar)\s*(?:(by|without)\s*\(([^)]*)\))?\s*\(`)
	aggSuffix = regexp.MustCompile(`\)\s*(by|without)\s*\(([^)]*)\)\s*$`)
)

// perStageSeries says whether expr draws one series per stage.
func perStageSeries(expr string) bool {
	expr = strings.TrimSpace(expr)
	if topQuery.MatchString(expr) {
		return false
	}
	m := aggPrefix.FindStringSubmatch(expr)
	if m == nil {
		return true
	}
	mode, labels := m[2], m[3]
	if s := aggSuffix.FindStringSubmatch(expr); mode == "" && s != nil {
		mode, labels = s[1], s[2]
	}
	keepsStage := regexp.MustCompile(`\bstage\b`).MatchString(labels)
	return (mode == "by" && keepsStage) || (mode == "without" && !keepsStage)
}

// TestGrafanaPerStagePanelsUseTopK: at thousands of stages a panel that
// draws every stage is unreadable and slow; per-stage queries must select
// the top few.
func TestGrafanaPerStagePanelsUseTopK(t *testing.T) {
	metrics := stageMetrics(t)
	for _, m := range []string{"apigw_triage_stage_error_ratio", "apigw_triage_incident_open"} {
		if !metrics[m] {
			t.Fatalf("found no per-stage metric %s in the code (found %v); did the metrics move?", m, metrics)
		}
	}
	var d struct {
		Panels []struct {
			Title   string
			Targets []struct{ Expr string }
		}
	}
	readJSON(t, "grafana/apigw-triage.json", &d)
	for _, p := range d.Panels {
		for _, tg := range p.Targets {
			for m := range metrics {
				if regexp.MustCompile(`\b`+m+`\b`).MatchString(tg.Expr) && perStageSeries(tg.Expr) {
					t.Errorf("panel %q draws every stage (%s): wrap it in topk($top, ...)", p.Title, tg.Expr)
				}
			}
		}
	}
}

func TestPerStageSeries(t *testing.T) {
	for expr, want := range map[string]bool{
		`apigw_triage_stage_error_ratio{job=~"$job"}`:                   true,
		`topk($top, apigw_triage_stage_error_ratio{job=~"$job"})`:       false,
		`bottomk (5, apigw_triage_stage_requests)`:                      false,
		`sum by (cause) (apigw_triage_incident_open{job=~"$job"})`:      false,
		`sum(apigw_triage_incident_open)`:                               false,
		`max by (api, stage) (apigw_triage_incident_open)`:              true,
		`sum(apigw_triage_incident_open) by (stage)`:                    true,
		`sum without (cause) (apigw_triage_incident_open)`:              true,
		`sum without (stage, api, status) (apigw_triage_incident_open)`: false,
		`rate(apigw_triage_stage_requests[5m])`:                         true,
	} {
		if got := perStageSeries(expr); got != want {
			t.Errorf("perStageSeries(%s) = %v, want %v", expr, got, want)
		}
	}
}
