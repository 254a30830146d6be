package notifier

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"testing"

	"github.com/apigw-triage/apigw-triage/classifier"
)

// TestEveryLabelKeyIsInTheCatalog reads the LabelKey constants from the
// source, so that a key added here without its text in the catalog (whose
// own tests keep the languages consistent) fails.
func TestEveryLabelKeyIsInTheCatalog(t *testing.T) {
	keys := labelKeyConstants(t, "labels.go")
	if len(keys) < 20 {
		t.Fatalf("found %d LabelKey constants in labels.go, want all of them", len(keys))
	}
	for _, k := range keys {
		for _, lang := range classifier.Langs() {
			if Label(lang, k) == "" {
				t.Errorf("label %q has no text in %s", k, lang)
			}
		}
	}
	if got := Label(classifier.LangJA, LabelResolved); got == Label(classifier.LangEN, LabelResolved) {
		t.Errorf("Japanese label %q is the English one", got)
	}
	if got, want := Label("fr", LabelResolved), Label(classifier.LangEN, LabelResolved); got != want {
		t.Errorf("unsupported language: %q, want the English %q", got, want)
	}
}

// labelKeyConstants returns the values of the constants of type LabelKey
// declared in a file of this package.
func labelKeyConstants(t *testing.T, file string) []LabelKey {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var keys []LabelKey
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Values) != 1 {
			return true
		}
		if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "LabelKey" {
			return true
		}
		if lit, ok := vs.Values[0].(*ast.BasicLit); ok {
			v, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatal(err)
			}
			keys = append(keys, LabelKey(v))
		}
		return true
	})
	return keys
}
