package classifier

import (
	"strings"
	"testing"
)

// presetCase is one access record as a documented format lays it out, and
// the status the client got.
type presetCase struct{ name, line, status string }

// The ids the rows use: a REST $context.requestId (a UUID), an
// extendedRequestId, a WebSocket connection id.
const (
	presetID    = "c0b4f1d3-8a2e-4f1b-9c7d-2e5a6b7c8d9e"
	presetExtID = "Jx1aBcDeFgHiJkL="
	presetConn  = "L0SM9cOFvHcCIhw="
)

// checkPresets reads each line alone and wants it read as one access
// record whose status the diagnosis shows.
func checkPresets(t *testing.T, cases []presetCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := NewSession(Hints{})
			if _, err := s.ReadFrom(strings.NewReader(c.line)); err != nil {
				t.Fatal(err)
			}
			if s.st.accessLines != 1 {
				t.Errorf("read %d access records, want 1", s.st.accessLines)
			}
			if got := s.Diagnose(LangEN).Status.String(); got != c.status {
				t.Errorf("status %s, want %s", got, c.status)
			}
		})
	}
}

// TestAccessLogPresets reads a record of every format API Gateway's
// console offers as a preset, as the developer guide lists them for each
// API type, with a 5xx and with other statuses.
func TestAccessLogPresets(t *testing.T) {
	const tm = "12/Mar/2024:10:15:01 +0000"
	checkPresets(t, []presetCase{
		// REST, the developer guide's "Access logging for REST APIs" today:
		// no space between the time and the quoted request, and
		// $context.extendedRequestId appended
		{"rest clf", `203.0.113.1 - - [` + tm + `]"GET /items HTTP/1.1" 502 36 ` + presetID + ` ` + presetExtID, "502"},
		{"rest clf, a 200", `203.0.113.1 - - [` + tm + `]"GET /items HTTP/1.1" 200 512 ` + presetID + ` ` + presetExtID, "none"},
		// REST, the guide's earlier "Set up CloudWatch API logging" page
		{"rest clf, earlier guide", `203.0.113.1 - - [` + tm + `] "GET /items HTTP/1.1" 504 41 ` + presetID, "504"},
		// REST, the same page's CloudFormation example: extendedRequestId first
		{"rest clf, extended id first", presetExtID + ` 203.0.113.1 - - [` + tm + `] "GET /items HTTP/1.1" 502 36 ` + presetID, "502"},
		// the request id put first, in a format of the user's
		{"rest clf, request id first", presetID + ` 203.0.113.1 - - [` + tm + `] "GET /items HTTP/1.1" 500 36`, "500"},
		{"rest clf, request id first, a 404", presetID + ` 203.0.113.1 - - [` + tm + `] "GET /items HTTP/1.1" 404 36`, "none"},
		{"rest json", `{ "requestId":"` + presetID + `", "extendedRequestId":"` + presetExtID + `","ip": "203.0.113.1", "caller":"-", "user":"-", "requestTime":"` + tm + `", "httpMethod":"GET", "resourcePath":"/items", "status":"502", "protocol":"HTTP/1.1", "responseLength":"36" }`, "502"},
		{"rest xml", `<request id="` + presetID + `"> <extendedRequestId>` + presetExtID + `</extendedRequestId> <ip>203.0.113.1</ip> <caller>-</caller> <user>-</user> <requestTime>` + tm + `</requestTime> <httpMethod>GET</httpMethod> <resourcePath>/items</resourcePath> <status>503</status> <protocol>HTTP/1.1</protocol> <responseLength>36</responseLength> </request>`, "503"},
		{"rest csv", `203.0.113.1,-,-,` + tm + `,GET,/items,HTTP/1.1,502,36,` + presetID + `,` + presetExtID, "502"},
		{"rest csv, a 200", `203.0.113.1,-,-,` + tm + `,GET,/items,HTTP/1.1,200,512,` + presetID + `,` + presetExtID, "none"},

		// HTTP APIs, the guide's "Configure logging for HTTP APIs"
		{"http clf", `203.0.113.1 - - [` + tm + `] "GET GET /items HTTP/1.1" 500 35 ` + presetExtID, "500"},
		{"http clf, a 200", `203.0.113.1 - - [` + tm + `] "GET GET /items HTTP/1.1" 200 35 ` + presetExtID, "none"},
		{"http json", `{ "requestId":"` + presetExtID + `", "ip": "203.0.113.1", "requestTime":"` + tm + `", "httpMethod":"GET","routeKey":"GET /items", "status":"503","protocol":"HTTP/1.1", "responseLength":"33" }`, "503"},
		{"http xml", `<request id="` + presetExtID + `"> <ip>203.0.113.1</ip> <requestTime>` + tm + `</requestTime> <httpMethod>GET</httpMethod> <routeKey>GET /items</routeKey> <status>504</status> <protocol>HTTP/1.1</protocol> <responseLength>41</responseLength> </request>`, "504"},
		{"http csv", `203.0.113.1,` + tm + `,GET,GET /items,HTTP/1.1,500,35,` + presetExtID, "500"},

		// WebSocket APIs, the guide's "Configure logging for WebSocket
		// APIs": no protocol and no response length
		{"websocket clf", `203.0.113.1 - - [` + tm + `] "MESSAGE sendmessage ` + presetConn + `" 500 ` + presetExtID, "500"},
		{"websocket clf, a connect", `203.0.113.1 - - [` + tm + `] "CONNECT $connect ` + presetConn + `" 200 ` + presetExtID, "none"},
		// the Serverless Framework's WebSocket format (its websockets
		// stage compiler): "$context.status  $context.requestId"
		{"websocket clf, serverless framework", `203.0.113.1 - - [` + tm + `] "MESSAGE sendmessage ` + presetConn + `" 502  ` + presetExtID, "502"},
		{"websocket json", `{"requestId":"` + presetExtID + `", "ip": "203.0.113.1", "caller":"-", "user":"-", "requestTime":"` + tm + `", "eventType":"MESSAGE", "routeKey":"sendmessage", "status":"500", "connectionId":"` + presetConn + `"}`, "500"},
		{"websocket xml", `<request id="` + presetExtID + `"> <ip>203.0.113.1</ip> <caller>-</caller> <user>-</user> <requestTime>` + tm + `</requestTime> <eventType>MESSAGE</eventType> <routeKey>sendmessage</routeKey> <status>500</status> <connectionId>` + presetConn + `</connectionId> </request>`, "500"},
		{"websocket csv", `203.0.113.1,-,-,` + tm + `,MESSAGE,sendmessage,` + presetConn + `,502,` + presetExtID, "502"},
		// a CSV record whose first field is empty (a format of the
		// user's opening with a variable the request did not set): the
		// comma the pre-filter looks for is the line's first byte
		{"rest csv, first field empty", `,-,-,` + tm + `,GET,/items,HTTP/1.1,502,36,` + presetID + `,` + presetExtID, "502"},
		{"websocket csv, first field empty", `,MESSAGE,sendmessage,` + presetConn + `,502,` + presetExtID, "502"},
		{"websocket csv, a connect", `203.0.113.1,-,-,` + tm + `,CONNECT,$connect,` + presetConn + `,200,` + presetExtID, "none"},

		// as pasted from the CloudWatch console (its timestamp column) and
		// from the CLI (`aws logs filter-log-events --output text`'s
		// EVENTS columns; `aws logs tail`'s timestamp and stream)
		{"console copy, clf", "2024-03-12T10:15:01.000+00:00\t203.0.113.1 - - [" + tm + `]"GET /items HTTP/1.1" 502 36 ` + presetID + ` ` + presetExtID, "502"},
		{"console copy, csv", "2024-03-12T10:15:01.000+00:00\t203.0.113.1,-,-," + tm + `,MESSAGE,sendmessage,` + presetConn + `,500,` + presetExtID, "500"},
		{"console copy, xml", "2024-03-12T10:15:01.000+00:00\t<request id=\"" + presetID + `"> <ip>203.0.113.1</ip> <status>502</status> <protocol>HTTP/1.1</protocol> </request>`, "502"},
		{"cli text output, clf", "EVENTS\t1710238501000\t203.0.113.1 - - [" + tm + `] "GET /items HTTP/1.1" 502 36 ` + presetID + "\t1710238501000", "502"},
		// `aws logs filter-log-events`' JSON: the record as an event's
		// message, its quotes escaped
		{"cli json, clf", `{"events":[{"logStreamName":"9f2c0a6c3e1b4d5f8a7b6c5d4e3f2a1b","timestamp":1710238501000,"message":"203.0.113.1 - - [` + tm + `]\"GET /items HTTP/1.1\" 502 36 ` + presetID + ` ` + presetExtID + `","ingestionTime":1710238501100,"eventId":"3792"}]}`, "502"},
		{"cli json, websocket csv", `{"events":[{"logStreamName":"9f2c0a6c3e1b4d5f8a7b6c5d4e3f2a1b","timestamp":1710238501000,"message":"203.0.113.1,-,-,` + tm + `,MESSAGE,sendmessage,` + presetConn + `,500,` + presetExtID + `","ingestionTime":1710238501100,"eventId":"3792"}]}`, "500"},
		{"cli tail, request id first", "2024-03-12T10:15:01.123000+00:00 9f2c0a6c3e1b4d5f8a7b6c5d4e3f2a1b " + presetID + ` 203.0.113.1 - - [` + tm + `] "GET /items HTTP/1.1" 504 36`, "504"},
	})
}

// TestFunctionLinesWithAnAccessRecord keeps a function's own log line, a
// Lambda runtime's request id column before what it printed, the
// function's even when what it printed reads like an access record: the
// runtimes part the id from the message with a tab, with a level between
// (Node.js: "<time>\t<id>\tINFO\t...", Python's logging: "[INFO]\t<time>\t<id>\t...").
func TestFunctionLinesWithAnAccessRecord(t *testing.T) {
	const rec = `203.0.113.1 - - [12/Mar/2024:10:15:01 +0000] "GET /items HTTP/1.1" 502 36 -`
	for _, c := range []struct{ name, line string }{
		{"node runtime line", "2024-03-12T10:15:01.000Z\t" + presetID + "\tINFO\t" + rec},
		{"node runtime line, tabs pasted as spaces", "2024-03-12T10:15:01.000Z " + presetID + " INFO " + rec},
		{"python logging line", "[INFO]\t2024-03-12T10:15:01.000Z\t" + presetID + "\t" + rec},
		{"runtime line of an older node", "2024-03-12T10:15:01.000Z\t" + presetID + "\t" + rec},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := NewSession(Hints{})
			if _, err := s.ReadFrom(strings.NewReader(c.line)); err != nil {
				t.Fatal(err)
			}
			if s.st.accessLines != 0 || s.st.lambdaLines != 1 {
				t.Errorf("read %d access records and %d function lines, want 0 and 1", s.st.accessLines, s.st.lambdaLines)
			}
		})
	}
}
