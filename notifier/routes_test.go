package notifier

import (
	"slices"
	"strings"
	"testing"

	"github.com/apigw-triage/apigw-triage/stage"

	"github.com/apigw-triage/apigw-triage/classifier"
)

func routeEvent(routes []stage.RouteFigures) Event {
	return Event{Kind: KindOpened, Snapshot: Snapshot{
		Identity:  stage.Identity{APIType: stage.APIREST, APIName: "orders", Stage: "prod", Region: "us-east-1"},
		Figures:   stage.Figures{ErrorRate: 0.3, Errors5xx: 60, Requests: 200},
		Routes:    routes,
		Diagnosis: classifier.Diagnosis{Status: classifier.Status502, Cause: classifier.CauseLambdaFunctionError, Confidence: 0.9},
	}}
}

func TestViewFailingRoutes(t *testing.T) {
	many := []stage.RouteFigures{
		{Route: "GET /orders/{id}", Errors5xx: 42, Requests: 57}, {Route: "POST /orders", Errors5xx: 8, Requests: 100}, {Route: "GET /a", Errors5xx: 3, Requests: 3}, {Route: "GET /b", Errors5xx: 2, Requests: 50},
		{Route: "GET /c", Errors5xx: 1, Requests: 1000}, {Route: "GET /d", Errors5xx: 1, Requests: 2},
	}
	for _, tc := range []struct {
		name   string
		lang   classifier.Lang
		routes []stage.RouteFigures
		want   []string
	}{
		{"top five", classifier.LangEN, many, []string{
			"GET /orders/{id}  42 of 57 (74%)", "POST /orders  8 of 100 (8%)", "GET /a  3 of 3 (100%)",
			"GET /b  2 of 50 (4%)", "GET /c  1 of 1000 (0%)",
		}},
		{"localized", classifier.LangPtBR, many[:1], []string{"GET /orders/{id}  42 de 57 (74%)"}},
		{"request count unknown", classifier.LangEN, []stage.RouteFigures{{Route: "$default", Errors5xx: 5, Requests: 0}}, []string{"$default  5"}},
		{"routes without 5xx or name skipped", classifier.LangEN, []stage.RouteFigures{{Route: "GET /ok", Errors5xx: 0, Requests: 10}, {Route: "", Errors5xx: 3, Requests: 4}, {Route: "GET /x", Errors5xx: 1, Requests: 2}}, []string{"GET /x  1 of 2 (50%)"}},
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
			with := PlainText(NewView(routeEvent([]stage.RouteFigures{{Route: "GET /orders/{id}", Errors5xx: 42, Requests: 57}}), lang))
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
			resolved := routeEvent([]stage.RouteFigures{{Route: "GET /orders/{id}", Errors5xx: 42, Requests: 57}})
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
	v := NewView(routeEvent([]stage.RouteFigures{{Route: "GET /a\n\x1b[2J" + strings.Repeat("x", 500), Errors5xx: 1, Requests: 1}}), classifier.LangEN)
	if len(v.Routes) != 1 || strings.Contains(v.Routes[0], "\n") || len(v.Routes[0]) > 4*maxRouteText {
		t.Fatalf("routes = %q, want one bounded line", v.Routes)
	}
	if txt := PlainText(v); strings.Contains(txt, "\x1b") {
		t.Errorf("plain text keeps the escape: %q", txt)
	}
}
