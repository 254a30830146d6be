package classifier

import (
	"bytes"
	"encoding/json"
	"html"
	"slices"
)

// A table whose header names a log record's fields: Logs Insights results
// of a query that picked fields (`fields @timestamp, status,
// error_responseType`), copied from the console as markdown:
//
//	| @timestamp | status | error_responseType | integration_requestId |
//	| --- | --- | --- | --- |
//	| 2026-03-03 14:31:39.722 | 504 | INTEGRATION_TIMEOUT | - |
//
// Each row is the record it shows, under the header's names, and is read
// as that record written as JSON: an access log's fields make it an access
// record, whatever else the query picked. A table whose header names fewer
// than minTableFields of the fields the records are read for is a person's
// own (a memory size against its results) and stays text.

// minTableFields is the fewest known fields a header names to be a record's.
const minTableFields = 2

// maxTableColumns bounds the columns a header is kept for.
const maxTableColumns = 32

// fieldTable is the header of the table being read, if any; touched
// tells whether the line being read was a table's row at all (a line that
// is none ends the table).
type fieldTable struct {
	names   [][]byte // the header's cells, as written; nil outside a table
	touched bool
}

// row reads b, a line whose outer markup is gone, as a row of a field
// table: a header starts one (the row is read as empty: nothing more to
// read of it, also when read again), the header's rule is empty too, and a
// row of as many cells becomes its record as JSON. A row of another table
// ends the one being read and ok is false: it is read as it is.
func (t *fieldTable) row(b []byte) (rec []byte, ok bool) {
	cells, isRow := tableCells(b)
	if !isRow {
		return nil, false
	}
	t.touched = true
	if t.names != nil {
		switch {
		case sameCells(cells, t.names) || isTableRule(cells):
			return nil, true
		case len(cells) == len(t.names):
			return t.record(cells), true
		}
	}
	if h := fieldHeader(cells); h != nil {
		t.names = h
		return nil, true
	}
	if !numbersOnly(cells) {
		t.names = nil
	}
	return nil, false
}

// numbersOnly reports whether cells hold numbers or nothing: the CLI's
// columns after a message that ended with a newline, on a line of their
// own, which leave the table being read as it was.
func numbersOnly(cells [][]byte) bool {
	for _, c := range cells {
		if len(c) > 0 && !allDigits(c) {
			return false
		}
	}
	return true
}

// keep marks the line being read as one that does not end the table: a
// blank line or a tool's timestamp alone, which exports put between the
// events whose messages are the rows.
func (t *fieldTable) keep() {
	t.touched = true
}

// endLine is called after each line: a line that was no row ends the table.
func (t *fieldTable) endLine() {
	if !t.touched {
		t.names = nil
	}
	t.touched = false
}

// tableCells splits a markdown table's row ("| a | b |") into its cells;
// ok is false for a line that is no such row (the CLI's "||" tables have
// their own reader). The closing bar may be missing, as markdown allows
// and as a tool that cuts the columns after a message leaves it.
func tableCells(line []byte) (cells [][]byte, ok bool) {
	if len(line) < 2 || line[0] != '|' || line[1] == '|' {
		return nil, false
	}
	inner := line[1:]
	if inner[len(inner)-1] == '|' {
		inner = inner[:len(inner)-1]
	}
	for len(cells) <= maxTableColumns {
		i := bytes.IndexByte(inner, '|')
		if i < 0 {
			return append(cells, trimSpace(inner)), true
		}
		cells = append(cells, trimSpace(inner[:i]))
		inner = inner[i+1:]
	}
	return nil, false
}

// isTableRule reports whether cells are the rule under a header ("| --- |
// :---: |").
func isTableRule(cells [][]byte) bool {
	for _, c := range cells {
		if len(bytes.Trim(c, "-:")) != 0 || !bytes.Contains(c, []byte("-")) {
			return false
		}
	}
	return true
}

// sameCells reports whether a and b are the same cells.
func sameCells(a, b [][]byte) bool {
	return slices.EqualFunc(a, b, bytes.Equal)
}

// fieldHeader returns cells when they are a header naming at least
// minTableFields of the fields a record is read for, a status among them;
// else nil.
func fieldHeader(cells [][]byte) [][]byte {
	known, status := 0, false
	var key []byte
	for _, c := range cells {
		key = appendNormKey(key[:0], c)
		f, ok := fieldNamed(key)
		if !ok {
			continue
		}
		known++
		status = status || f == fStatus || f == fStatusCode || f == fHTTPStatus
	}
	if known < minTableFields || !status {
		return nil
	}
	names := make([][]byte, len(cells))
	for i, c := range cells {
		names[i] = bytes.Clone(c) // the line's buffer is reused
	}
	return names
}

// record writes a row as the JSON object of its header's names. Insights
// escapes a slash in a cell as "&#x2f;", which is undone.
func (t *fieldTable) record(cells [][]byte) []byte {
	b := []byte{'{'}
	for i, c := range cells {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, string(t.names[i]))
		b = append(b, ':')
		b = appendJSONString(b, html.UnescapeString(string(c)))
	}
	return append(b, '}')
}

// appendJSONString appends s as a JSON string.
func appendJSONString(b []byte, s string) []byte {
	q, _ := json.Marshal(s) // a string always marshals
	return append(b, q...)
}
