package classifier

import (
	"strings"
	"testing"
)

// insightsTable is Logs Insights results of a query over an access log that
// picked fields, copied from the console as markdown.
const insightsTable = `| @timestamp | sourceIp | method | path_str | error_responseType | status | latency | integration_requestId |
| --- | --- | --- | --- | --- | --- | --- | --- |
| 2026-03-03 14:31:39.722 | 198.51.100.7 | GET | &#x2f;index&#x2f;bundles | INTEGRATION_TIMEOUT | 504 | 29009 | - |
| 2026-03-03 14:32:11.030 | 198.51.100.7 | GET | &#x2f;index&#x2f;bundles | INTEGRATION_TIMEOUT | 504 | 29011 | - |`

// A row of a table whose header names a record's fields is that record:
// its status and error type are the access log's. (Rows without request
// ids that read alike count as one request, as such records do.)
func TestFieldTableRowsAreRecords(t *testing.T) {
	d := diagnoseText(t, insightsTable)
	if d.Status != Status504 || d.Cause != CauseIntegrationTimeout {
		t.Errorf("got %s/%s, want 504/integration_timeout", d.Status, d.Cause)
	}
	if len(d.Evidence) == 0 || !strings.Contains(d.Evidence[0], "| INTEGRATION_TIMEOUT | 504 |") {
		t.Errorf("got evidence %q, want the rows as they were written", d.Evidence)
	}
}

// An access log's variables that ended empty are written "-", and a
// query may rename the rest (httpMethod as method): a header that names
// one of the variables only access logs have still makes its rows access
// records, and so does a JSON record that holds one, empty or not. A
// record without any (a body with a status) is none.
func TestEmptyAccessVariablesNameARecord(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       Status
	}{
		{"table", "| @timestamp | sourceIp | method | path_str | error_responseType | status | latency |\n| --- | --- | --- | --- | --- | --- | --- |\n| 2026-03-26 18:51:46.006 | 198.51.100.7 | GET | &#x2f;repository&#x2f;files | - | 503 | 7291 |", Status503},
		{"json record", `{"sourceIp":"198.51.100.7","method":"GET","error_responseType":"-","status":"503","latency":"7291"}`, Status503},
		{"json record, integration status", `{"status":"502","integrationStatus":"-","ip":"198.51.100.7"}`, Status502},
		{"a body with a status", `{"status":"503","message":"try again later"}`, StatusUnknown},
	} {
		if d := diagnoseText(t, c.text); d.Status != c.want {
			t.Errorf("%s: got %s/%s, want status %s", c.name, d.Status, d.Cause, c.want)
		}
	}
}

// Without the header, the same rows show no record's fields; under a
// person's own header (one field name, no status), neither.
func TestTablesThatNameNoRecord(t *testing.T) {
	rows := strings.SplitN(insightsTable, "\n", 3)[2]
	for name, text := range map[string]string{
		"no header":       rows,
		"a status alone":  "| status | count |\n| --- | --- |\n| INTEGRATION_TIMEOUT 504 | 29009 |",
		"no status field": "| path | latency |\n| --- | --- |\n| /index | 504 |",
	} {
		if d := diagnoseText(t, text); d.Status == Status504 {
			t.Errorf("%s: got %s/%s, want no 504 read from the table", name, d.Status, d.Cause)
		}
	}
}

// A row of another width ends the table: the lines after it are read as
// they are, not under the header's names.
func TestFieldTableEndsAtAnotherRow(t *testing.T) {
	s := NewSession(Hints{})
	s.AddLine("| @timestamp | status | error_responseType |")
	s.AddLine("| --- | --- | --- |")
	if s.table.names == nil {
		t.Fatal("the header was not taken as a field table's")
	}
	s.AddLine("| a | b |")
	if s.table.names != nil {
		t.Error("a row of two cells under a header of three kept the table")
	}
}

// Cells holding JSON's own characters make a record that still parses;
// the slash Insights escapes is a slash again.
func TestFieldTableCellsAreEscaped(t *testing.T) {
	tab := &fieldTable{names: [][]byte{[]byte(`st"atus`), []byte("requestId"), []byte("path")}}
	got := string(tab.record([][]byte{[]byte(`5"0\4`), []byte("a\x00b"), []byte("&#x2f;index")}))
	want := `{"st\"atus":"5\"0\\4","requestId":"a\u0000b","path":"/index"}`
	if got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// The end of an input forgets the table: another file of the same report
// opens with rows of its own.
func TestFieldTableEndsWithTheInput(t *testing.T) {
	s := NewSession(Hints{})
	s.AddLine("| @timestamp | status | error_responseType |")
	s.settle()
	if s.table.names != nil {
		t.Error("the table outlived the input it was read from")
	}
}
