package notifier

import (
	"slices"
	"strings"
	"testing"

	"github.com/apigw-triage/apigw-triage/classifier"
)

func routeEvent(routes []RouteFigures) Event {
	return Event{Kind: KindOpened, Incident: Incident{
		APIType: classifier.APIREST, APIName: "orders", Stage: "prod", Region: "us-east-1",
		ErrorRate: 0.3, Errors5xx: 60, Requests: 200, Routes: routes,
		Diagnosis: classifier.Diagnosis{Status: classifier.Status502, Cause: classifier.CauseLambdaFunctionError, Confidence: 0.9},
	}}
}

func TestViewFailingRoutes(t *testing.T) {
	many := []RouteFigures{
		{"GET /orders/{id}", 42, 57}, {"POST /orders", 8, 100}, {"GET /a", 3, 3}, {"GET /b", 2, 50},
		{"GET /c", 1, 1000}, {"GET /d", 1, 2},
	}
	for _, tc := range []struct {
		name   string
		lang   classifier.Lang
		routes []RouteFigures
		want   []string
	}{
		{"top five", classifier.LangEN, many, []string{
			"GET /orders/{id}  42 of 57 (74%)", "POST /orders  8 of 100 (8%)", "GET /a  3 of 3 (100%)",
			"GET /b  2 of 50 (4%)", "GET /c  1 of 1000 (0%)",
		}},
		{"localized", classifier.LangPtBR, many[:1], []string{"GET /orders/{id}  42 de 57 (74%)"}},
		{"request count unknown", classifier.LangEN, []RouteFigures{{"$default", 5, 0}}, []string{"$default  5"}},
		{"routes without 5xx or name skipped", classifier.LangEN, []RouteFigures{{"GET /ok", 0, 10}, {"", 3, 4}, {"GET /x", 1, 2}}, []string{"GET /x  1 of 2 (50%)"}},
		{"no detailed metrics", classifier.LangEN, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := NewView(routeEvent(tc.routes), tc.lang)
			if !slices.Equal(v.Routes, tc.want) {
				t.Errorf("routes = %q, want %q", v.Routes, tc.want)
			}
		})
	}
}

func TestPlainTextFailingRoutes(t *testing.T) {
	for _, lang := range []classifier.Lang{classifier.LangEN, classifier.LangJA, classifier.LangZhTW, classifier.LangPtBR} {
		t.Run(string(lang), func(t *testing.T) {
			title := Label(lang, LabelFailingRoutes) + ":"
			with := PlainText(NewView(routeEvent([]RouteFigures{{"GET /orders/{id}", 42, 57}}), lang))
			i := strings.Index(with, title)
			if i < 0 {
				t.Fatalf("no %q section:\n%s", title, with)
			}
			if !strings.Contains(with[i:], "\n    - GET /orders/{id}  42 ") {
				t.Errorf("the route is not listed under %q:\n%s", title, with)
			}
			without := PlainText(NewView(routeEvent(nil), lang))
			if strings.Contains(without, title) || strings.Contains(without, "/orders/") {
				t.Errorf("a message without detailed metrics mentions routes:\n%s", without)
			}
			resolved := routeEvent([]RouteFigures{{"GET /orders/{id}", 42, 57}})
			resolved.Kind = KindResolved
			if txt := PlainText(NewView(resolved, lang)); strings.Contains(txt, title) {
				t.Errorf("a resolution lists failing routes:\n%s", txt)
			}
		})
	}
}

// TestFailingRouteNameIsOneLine: route names are user-defined, so a name
// cannot add lines to a message or move a terminal's cursor.
func TestFailingRouteNameIsOneLine(t *testing.T) {
	v := NewView(routeEvent([]RouteFigures{{"GET /a\n\x1b[2J" + strings.Repeat("x", 500), 1, 1}}), classifier.LangEN)
	if len(v.Routes) != 1 || strings.Contains(v.Routes[0], "\n") || len(v.Routes[0]) > 4*maxRouteText {
		t.Fatalf("routes = %q, want one bounded line", v.Routes)
	}
	if txt := PlainText(v); strings.Contains(txt, "\x1b") {
		t.Errorf("plain text keeps the escape: %q", txt)
	}
}
