// Package insights evaluates the subset of the CloudWatch Logs Insights
// query language that the daemon uses, over the emulator's log events:
// fields, display, filter (like /re/, like "s", =~, comparisons, in [...],
// ispresent, and/or/not, parentheses), parse (glob and named-group regex),
// sort, limit, stats (count, sum, avg, min, max, by fields and bin) and
// dedup. Queries are compiled once with Parse; anything outside the subset
// is refused with an *Error that locates it, never answered approximately.
package insights

import (
	"encoding/base64"
	"time"
)

// Event is one log event offered to a query.
type Event struct {
	Time     time.Time
	Ingested time.Time
	Message  string
	Stream   string
	Group    string
	Account  string
	ID       string
}

// Field is one cell of a result row; values are strings, as in AWS.
type Field struct {
	Name  string
	Value string
}

// Statistics are the counters GetQueryResults reports.
type Statistics struct {
	RecordsMatched int64
	RecordsScanned int64
	BytesScanned   int64
}

// Run is one evaluation of a Query: feed events with Add, then Finish.
type Run struct {
	q       *Query
	limit   int
	prefix  []streamer
	rest    []stage
	records []*record
	stats   Statistics
}

// Start begins an evaluation that returns at most limit rows (the
// StartQuery limit; 0 means the AWS maximum of 10,000).
func (q *Query) Start(limit int) *Run {
	if limit <= 0 || limit > maxLimit {
		limit = maxLimit
	}
	r := &Run{q: q, limit: limit}
	i := 0
	for ; i < len(q.stages); i++ {
		s, ok := q.stages[i].(streamer)
		if !ok {
			break
		}
		r.prefix = append(r.prefix, s)
	}
	r.rest = q.stages[i:]
	return r
}

// Add scans one event.
func (r *Run) Add(e Event) {
	r.stats.RecordsScanned++
	r.stats.BytesScanned += int64(len(e.Message))
	rec := eventRecord(e)
	for _, s := range r.prefix {
		if !s.keep(rec) {
			return
		}
	}
	r.stats.RecordsMatched++
	r.records = append(r.records, rec)
}

// Finish runs the remaining stages and renders the rows.
func (r *Run) Finish() ([][]Field, Statistics) {
	recs := r.records
	for _, s := range r.rest {
		recs = s.run(recs)
	}
	recs = recs[:min(len(recs), r.limit)]
	cols, isStats := r.q.columns()
	rows := make([][]Field, 0, len(recs))
	for _, rec := range recs {
		rows = append(rows, render(rec, cols, !isStats))
	}
	return rows, r.stats
}

// defaultColumns are shown when no fields, display or stats command
// chooses: the built-in fields, then whatever parse extracted.
var defaultColumns = []string{"@timestamp", "@message", "@logStream", "@log"}

// columns returns the output columns chosen by the last fields, display
// or stats command and the parse commands after it (nil: default), and
// whether the rows are stats groups.
func (q *Query) columns() ([]string, bool) {
	var cols []string
	isStats := false
	for _, s := range q.stages {
		switch st := s.(type) {
		case *fieldsStage:
			cols, isStats = append([]string(nil), st.names...), false
		case *parseStage:
			if cols != nil && !isStats {
				cols = append(cols, st.names...) // parsed fields are shown too
			}
		case *statsStage:
			cols, isStats = nil, true
			for _, g := range st.by {
				cols = append(cols, g.name)
			}
			for _, a := range st.aggs {
				cols = append(cols, a.name)
			}
		}
	}
	return cols, isStats
}

func render(rec *record, cols []string, withPtr bool) []Field {
	if cols == nil {
		cols = append([]string(nil), defaultColumns...)
		for _, f := range rec.order {
			if f[0] != '@' {
				cols = append(cols, f)
			}
		}
	}
	row := make([]Field, 0, len(cols)+1)
	for _, c := range cols {
		if v, ok := rec.get(c); ok && c != "@ptr" {
			row = append(row, Field{Name: c, Value: v})
		}
	}
	if ptr, ok := rec.get("@ptr"); ok && withPtr {
		row = append(row, Field{Name: "@ptr", Value: ptr})
	}
	return row
}

func eventRecord(e Event) *record {
	r := newRecord(8)
	r.set("@timestamp", e.Time.UTC().Format(timestampLayout))
	r.set("@message", e.Message)
	r.set("@logStream", e.Stream)
	r.set("@log", e.Account+":"+e.Group)
	r.set("@ingestionTime", e.Ingested.UTC().Format(timestampLayout))
	r.set("@ptr", base64.RawStdEncoding.EncodeToString([]byte(e.Account+"/"+e.Group+"/"+e.Stream+"/"+e.ID)))
	return r
}
