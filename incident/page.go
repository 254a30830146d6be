package incident

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"time"

	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/notifier"
	"github.com/apigw-triage/apigw-triage/textsafe"
)

//go:embed page.html
var pageHTML string

// pageTemplate is the incident page. html/template escapes every value for
// its context; textsafe shows control, bidi and zero-width characters as
// escapes first, as every other sink does.
var pageTemplate = template.Must(template.New("page").Funcs(template.FuncMap{
	"safe": textsafe.Escape,
	"when": func(t time.Time) string {
		if t.IsZero() {
			return "-"
		}
		return t.UTC().Format("2006-01-02 15:04 UTC")
	},
	"pct": func(r float64) string { return fmt.Sprintf("%.1f%%", 100*r) },
}).Parse(pageHTML))

// pageIncident is one incident as the page shows it: the notification's
// view (the same figures, diagnosis and fix as the Slack message) and the
// timeline.
type pageIncident struct {
	ID       string
	Graph    string // the graph's path, "" without polled windows
	Open     bool
	View     notifier.View
	OpenedAt time.Time
	Resolved time.Time
	Timeline []TimelineEntry
}

// Page serves the incident page at / (open and recent incidents with their
// diagnosis, figures, graph, evidence, timeline and fix, as server-side
// HTML with no script) and each incident's graph at
// /incidents/{id}/graph.png.
func (m *Manager) Page() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /{$}", m.pageHandler())
	mux.Handle("GET /incidents/{id}/graph.png", m.graphHandler())
	return mux
}

// graphHandler draws one open or recent incident's graph from the windows
// the daemon polled.
func (m *Manager) graphHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		list, err := m.list("all")
		if err != nil {
			http.Error(w, "incident store unreadable", http.StatusInternalServerError)
			return
		}
		for i := range list {
			if list[i].ID != r.PathValue("id") {
				continue
			}
			var buf bytes.Buffer
			if err := list[i].WriteGraph(&buf); err != nil {
				http.Error(w, "drawing the graph failed", http.StatusInternalServerError)
				return
			}
			w.Header().Set("Content-Type", "image/png")
			_, _ = w.Write(buf.Bytes())
			return
		}
		http.NotFound(w, r)
	})
}

func (m *Manager) pageHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		list, err := m.list("all")
		if err != nil {
			http.Error(w, "incident store unreadable", http.StatusInternalServerError)
			return
		}
		data := struct {
			Generated time.Time
			Open      []pageIncident
			Recent    []pageIncident
		}{Generated: m.clk.Now()}
		for i := range list {
			p := pageFor(&list[i])
			if p.Open {
				data.Open = append(data.Open, p)
			} else {
				data.Recent = append(data.Recent, p)
			}
		}
		var buf bytes.Buffer
		if err := pageTemplate.Execute(&buf, data); err != nil {
			http.Error(w, "rendering the page failed", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'")
		_, _ = w.Write(buf.Bytes())
	})
}

func pageFor(inc *Incident) pageIncident {
	kind := notifier.KindOpened
	if !inc.Open() {
		kind = notifier.KindResolved
	}
	v := notifier.NewView(notifier.Event{Kind: kind, Snapshot: inc.Info}, classifier.LangEN)
	p := pageIncident{ID: inc.ID, Open: inc.Open(), View: v, OpenedAt: inc.Info.OpenedAt,
		Resolved: inc.Info.ResolvedAt, Timeline: inc.Timeline}
	if len(inc.Series) > 0 {
		p.Graph = "/incidents/" + url.PathEscape(inc.ID) + "/graph.png"
	}
	return p
}
