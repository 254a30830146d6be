package insights

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func sampleEvents() []Event {
	msgs := []string{
		"(r1) Method completed with status: 502",
		"(r2) Method completed with status: 200",
		"(r3) Execution failed due to configuration error: Malformed Lambda proxy response",
		"(r3) Method completed with status: 502",
		"(r4) Method completed with status: 504",
		"REPORT RequestId: abc\tDuration: 12.5 ms\tStatus: timeout",
	}
	out := make([]Event, len(msgs))
	for i, m := range msgs {
		out[i] = Event{Time: t0.Add(time.Duration(i) * time.Minute), Message: m, Stream: fmt.Sprintf("s%d", i%2),
			Group: "g", Account: "111111111111", ID: fmt.Sprint(i)}
	}
	return out
}

func run(t *testing.T, q string, limit int) ([][]Field, Statistics) {
	t.Helper()
	pq, err := Parse(q)
	if err != nil {
		t.Fatalf("Parse(%q): %v", q, err)
	}
	r := pq.Start(limit)
	for _, e := range sampleEvents() {
		r.Add(e)
	}
	return r.Finish()
}

// col renders one column of the rows, "-" where absent.
func col(rows [][]Field, name string) string {
	var parts []string
	for _, row := range rows {
		v := "-"
		for _, f := range row {
			if f.Name == name {
				v = f.Value
			}
		}
		parts = append(parts, v)
	}
	return strings.Join(parts, ",")
}

func TestQueries(t *testing.T) {
	tests := []struct {
		name, query, column, want string
		matched                   int64
	}{
		{"filter regex", `fields @message | filter @message like /status: 5\d\d/ | parse @message "(*) *" as rid, rest`, "rid", "r1,r3,r4", 3},
		{"filter substring", `filter @message like "Malformed" | parse @message /\((?<rid>[^)]+)\)/`, "rid", "r3", 1},
		{"parse then equals", `parse @message "status: *" as status | filter status = 502`, "status", "502,502", 2},
		{"in list", `parse @message "status: *" as status | filter status in ["504", "200"]`, "status", "200,504", 2},
		{"not equal and or", `parse @message "status: *" as status | filter status != 200 and (status = 502 or status = 504)`, "status", "502,502,504", 3},
		{"not like", `filter not @message like /status/`, "@message", "(r3) Execution failed due to configuration error: Malformed Lambda proxy response,REPORT RequestId: abc\tDuration: 12.5 ms\tStatus: timeout", 2},
		{"sort desc limit", `parse @message "status: *" as status | filter ispresent(status) | sort status desc | limit 2`, "status", "504,502", 4},
		{"stats by", `parse @message "status: *" as status | filter ispresent(status) | stats count(*) as n by status | sort n desc`, "n", "2,1,1", 4},
		{"stats default name", `parse @message "status: *" as status | stats count(*) by status`, "count(*)", "2,1,2,1", 6},
		{"stats avg", `parse @message "Duration: * ms" as d | stats avg(d) as a, max(d)`, "a", "12.5", 6},
		{"dedup", `parse @message "(*) *" as rid, rest | filter ispresent(rid) | dedup rid`, "rid", "r1,r2,r3,r4", 5},
		{"fields projection", `fields @timestamp, @logStream | limit 1`, "@logStream", "s0", 6},
		{"bin", `stats count(*) as n by bin(5m)`, "bin(5m)", "2026-01-01 00:00:00.000,2026-01-01 00:05:00.000", 6},
		{"query limit", `fields @message`, "@ptr", "-", 6},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			limit := 0
			if tc.name == "query limit" {
				limit = 1
			}
			rows, st := run(t, tc.query, limit)
			got := col(rows, tc.column)
			if tc.name == "query limit" {
				if len(rows) != 1 || got == "-" {
					t.Fatalf("want 1 row with @ptr, got %v", rows)
				}
				return
			}
			if got != tc.want {
				t.Errorf("column %s = %q, want %q (rows %v)", tc.column, got, tc.want, rows)
			}
			if st.RecordsMatched != tc.matched || st.RecordsScanned != 6 {
				t.Errorf("stats = %+v, want matched %d scanned 6", st, tc.matched)
			}
		})
	}
}

func TestMalformed(t *testing.T) {
	tests := []struct {
		name, query string
		start       int
	}{
		{"unknown command", "fields @message | pattern @message", 18},
		{"unsupported function", "filter strlen(@message) > 3", 7},
		{"dangling and", "filter @message like /x/ and", 28},
		{"bad limit", "limit 0", 6},
		{"glob count mismatch", `parse @message "a * b *" as x`, 15},
		{"regex without names", `parse @message /(a)/`, 15},
		{"unterminated", `filter @message like "abc`, 21},
		{"computed fields", `fields concat(@message, "x")`, 13},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.query)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse(%q) = %v, want *Error", tc.query, err)
			}
			if e.Start != tc.start || e.End < e.Start || e.Line != 1 || e.Column != tc.start+1 {
				t.Errorf("error %+v, want start %d", e, tc.start)
			}
		})
	}
}

func TestErrorLine(t *testing.T) {
	_, err := Parse("fields @message\n| frobnicate")
	var e *Error
	if !errors.As(err, &e) || e.Line != 2 || e.Column != 3 {
		t.Fatalf("got %v", err)
	}
}
