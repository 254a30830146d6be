package classifier

import (
	"bytes"
	"encoding/json"
	"regexp"
)

// consolePrefix is the timestamp the API Gateway console's test invoke puts
// before each line ("Thu Apr 01 21:58:32 UTC 2021 : "). Pasted copies are
// sometimes mangled ("WE Aug 03 ..."), hence the loose day name.
var consolePrefix = regexp.MustCompile(`^[A-Za-z]{2,3},? [A-Za-z]{3} +\d{1,2} \d{2}:\d{2}:\d{2} [A-Za-z+0-9:]{2,9} \d{4} ?: ?`)

// maxPrefixes bounds the layers stripPrefixes removes from one line: a
// quote of a list item of a gutter of `aws logs tail` output of a Lambda
// runtime line has five.
const maxPrefixes = 8

// stripPrefixes removes what pages, exports, the CLI and the console put
// before a log message, layer by layer: markdown and editor markup (see
// stripMarkup), ISO and Insights timestamps, epoch milliseconds, the
// console prefix, the stream names of `aws logs tail` and `sam logs`, the
// CSV columns of exports and the `--output text` columns.
func stripPrefixes(b []byte) []byte {
	msg, _ := stripLinePrefixes(b, pasteContext{})
	return msg
}

// stripLinePrefixes is stripPrefixes for a line read after others, which
// tell how its "> " reads (ctx); quoted is how many markdown quote levels
// deep the line was.
func stripLinePrefixes(b []byte, ctx pasteContext) (msg []byte, quoted int) {
	b = trimSpace(b)
	for range maxPrefixes {
		if len(b) == 0 || !opensPrefix[b[0]] {
			return b, quoted
		}
		next, ok := stripMarkup(b, ctx)
		if ok && b[0] == '>' {
			quoted++
			ctx.quoted-- // only the levels of the quote before are forced
		}
		if !ok {
			next, ok = stripExportPrefix(b, ctx)
		}
		if !ok {
			return b, quoted
		}
		b = trimSpace(next)
	}
	return b, quoted
}

// opensPrefix holds the bytes a layer stripLinePrefixes removes can open
// with: markup's '>', '-', '*', '+', '•', '`', '~', a table's '|', a
// list's or gutter's digit, a timestamp's, stream's or column's digit or
// letter, a CSV or JSON quote. An execution log's "(request-id)" and a JSON record's "{" open
// none, and most lines of an export are those.
var opensPrefix = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = isDigit(byte(c)) || isLetter(byte(c))
	}
	for _, c := range []byte(">-*+`~\"|\xe2/[") {
		t[c] = true
	}
	return t
}()

// stripExportPrefix removes one export's or tool's columns before the
// message and reports whether it found any; ctx tells whether the line
// before opened a get-query-results message field.
func stripExportPrefix(b []byte, ctx pasteContext) ([]byte, bool) {
	if n := logGroupLen(b); n > 0 {
		return b[n:], true
	}
	if n := bracketedEpochLen(b); n > 0 {
		return b[n:], true
	}
	if c := b[0]; !isDigit(c) && !isLetter(c) && c != '"' {
		return b, false // every other prefix opens with a digit, a letter or a quote
	}
	if bytes.HasPrefix(b, []byte("EVENTS\t")) {
		return textOutputMessage(b), true
	}
	if bytes.HasPrefix(b, queryResultsText) {
		return queryResultsMessage(b)
	}
	if len(b) > 20 && isLetter(b[0]) && (b[2] == ' ' || b[3] == ' ') {
		if loc := consolePrefix.FindIndex(b[:min(len(b), 48)]); loc != nil {
			return b[loc[1]:], true
		}
	}
	if n := isoTimestampLen(b); n > 0 {
		n += zoneSuffixLen(b[n:])
		if n < len(b) && b[n] == ',' {
			return csvField(trimSpace(b[n+1:])), true
		}
		rest := skipLabelSet(trimSpace(b[n:]))
		if b[10] == ' ' {
			rest = skipShortStreamID(rest)
		}
		return skipStreamName(rest), true
	}
	if n := epochLen(b); n > 0 {
		if b[n] == ',' {
			return csvField(trimSpace(b[n+1:])), true
		}
		return b[n+1:], true
	}
	if rest := skipStreamName(b); len(rest) < len(b) {
		// a stream before the message (awslogs -G) or before the time
		// (`sam logs`: "2024/03/12/[$LATEST]5d4a... 2024-03-12T10:15:00.123000
		// message"), which the next layer strips
		return rest, true
	}
	if b[0] == '"' {
		if msg, ok := quotedTimestampCSV(b); ok {
			return msg, true
		}
		return jsonMessageField(b, ctx)
	}
	return b, false
}

// quotedTimestampCSV returns the message column of a CSV row whose every
// field is quoted, the timestamp too ("2024-03-12 10:15:00.000","msg"), as
// spreadsheets and CSV writers that quote all fields save an export.
func quotedTimestampCSV(b []byte) ([]byte, bool) {
	n := isoTimestampLen(b[1:])
	if n > 0 {
		n += zoneSuffixLen(b[1+n:])
	} else {
		for 1+n < len(b) && isDigit(b[1+n]) {
			n++
		}
		if n != 10 && n != 13 { // epoch seconds or milliseconds
			n = 0
		}
	}
	if n == 0 || len(b) < n+3 || b[1+n] != '"' || b[2+n] != ',' {
		return nil, false
	}
	return csvField(trimSpace(b[3+n:])), true
}

// queryResultsText opens a line of `aws logs get-query-results --output
// text` (awscli/text.py: each field/value pair of a row a line, "RESULTS",
// the field, the value, tab-separated; the value runs to the line's end).
var queryResultsText = []byte("RESULTS\t@")

// queryMetaFields are the fields Logs Insights adds to a row besides its
// message (its default query's and the @ptr of every row): lines of
// them hold no message.
var queryMetaFields = [][]byte{[]byte("timestamp\t"), []byte("ptr\t"), []byte("logStream\t"), []byte("log\t"), []byte("ingestionTime\t")}

// queryResultsMessage returns the value of a get-query-results text line
// of @message, nothing for a line of a field Insights adds (so that the
// lines of one message laid out over several stay together, as in the
// JSON output), and reports whether the line was either: a field a query
// named itself (status, errorMessage) is evidence as it is.
func queryResultsMessage(b []byte) ([]byte, bool) {
	field := b[len(queryResultsText):]
	if v, ok := bytes.CutPrefix(field, []byte("message\t")); ok {
		return v, true
	}
	for _, f := range queryMetaFields {
		if bytes.HasPrefix(field, f) {
			return nil, true
		}
	}
	return b, false
}

// messageFields are the keys under which the CLI's and the console's JSON
// hold a log message: an event's "message", an Insights row's "@message",
// and a get-query-results field's "value" (the last, valueField).
var messageFields = [][]byte{[]byte(`"message":`), []byte(`"@message":`), []byte(`"value":`)}

const (
	eventMessageField = 0
	valueField        = 2
)

// jsonMessageField returns the message of a line of pretty-printed JSON
// pasted without the rest of its document (`"message": "(id) Execution
// failed ...",`), unescaped, and reports whether the line was one. An
// event's "message" always has a field after it (ingestionTime); a lone
// `"message": "Forbidden"` is rather the gateway's own response body,
// which stays as it is. A "message" is a log message only in a CloudWatch
// event's shape, once the input showed another field of an event
// (eventField), and
// a "value" only in get-query-results' shape, right after the `"field":
// "@message",` of its pair (queryMessage): any other JSON (a function's
// own, an error a program printed, a task definition's environment) may
// hold a "message" or a "value" that no one logged.
func jsonMessageField(b []byte, ctx pasteContext) ([]byte, bool) {
	for i, k := range messageFields {
		if !bytes.HasPrefix(b, k) || (i == valueField && !ctx.queryMessage) || (i == eventMessageField && !ctx.eventField) {
			continue
		}
		v := trimSpace(b[len(k):])
		end := jsonStringEnd(v)
		if end < 0 || (i == eventMessageField && !bytes.HasPrefix(trimSpace(v[end:]), []byte(","))) {
			return b, false
		}
		var msg string
		if json.Unmarshal(v[:end], &msg) != nil || len(msg) > len(b) {
			return b, false // (only invalid UTF-8, which decoding replaces, grows)
		}
		return []byte(msg), true
	}
	return b, false
}

// opensQueryMessage reports whether msg is the `"field": "@message",` of a
// get-query-results pair, whose "value" follows on the next line of the
// CLI's pretty-printed output.
func opensQueryMessage(msg []byte) bool {
	k := []byte(`"field":`)
	return bytes.HasPrefix(msg, k) && bytes.HasPrefix(trimSpace(msg[len(k):]), []byte(`"@message"`))
}

// eventFields are the keys of a CloudWatch event besides its message, as
// filter-log-events and get-log-events print them (logStreamName and
// timestamp before the message, ingestionTime and eventId after it, in
// whichever order a tool sorts them).
var eventFields = [][]byte{[]byte(`"timestamp":`), []byte(`"logStreamName":`), []byte(`"ingestionTime":`), []byte(`"eventId":`), []byte(`"logGroupName":`)}

// isEventField reports whether msg is a line of a pretty-printed
// CloudWatch event other than its message, with a field after it. An
// event's times are milliseconds: a "timestamp" in ISO form is a Lambda
// JSON log record's or a program's, whose "message" no one logged as an
// event.
func isEventField(msg []byte) bool {
	if len(msg) == 0 || msg[0] != '"' || msg[len(msg)-1] != ',' {
		return false
	}
	for _, k := range eventFields {
		if !bytes.HasPrefix(msg, k) {
			continue
		}
		if v := trimSpace(msg[len(k):]); bytes.HasSuffix(k, []byte(`Time":`)) || bytes.Equal(k, eventFields[0]) {
			return len(v) > 0 && isDigit(v[0]) // timestamp, ingestionTime
		}
		return true
	}
	return false
}

// jsonStringEnd returns the length of the JSON string v opens with, or -1.
func jsonStringEnd(v []byte) int {
	if len(v) < 2 || v[0] != '"' {
		return -1
	}
	for i := 1; i < len(v); i++ {
		switch v[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return -1
}

// csvField returns the message column of a CSV export (a log group's, or
// a Logs Insights table's: 1579627365978,"(id) message" or 2024-03-12
// 10:15:00.000,"message",stream,log) with the CSV quoting undone. A quoted
// message that goes on past the line (a Lambda event ends with its
// newline) runs to the line's end. An unquoted one holds no comma, but a
// line that is no CSV at all may ("2024-03-12 10:15:00,123 msg, more"):
// only columns an export puts after the message are cut.
func csvField(b []byte) []byte {
	if len(b) == 0 || b[0] != '"' {
		if i := bytes.IndexByte(b, ','); i >= 0 && exportColumns(b[i+1:]) {
			return b[:i]
		}
		return b
	}
	b = b[1:]
	end := bytes.IndexByte(b, '"')
	if end < 0 {
		return b
	}
	if csvClosing(b, end) {
		return b[:end] // no doubled quote before the closing one: nothing to copy
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] == '"' {
			if csvClosing(b, i) {
				return out
			}
			if b[i+1] == '"' {
				i++
			}
		}
		out = append(out, b[i])
	}
	return out
}

// csvClosing reports whether the quote at i closes a CSV field: it ends the
// line or a comma follows. A quote before anything else (that is not a
// doubled quote) was no CSV writer's: a typographic quote of the message
// that reading folded to ASCII.
func csvClosing(b []byte, i int) bool {
	return i+1 == len(b) || b[i+1] == ','
}

// exportColumns reports whether b is the columns a Logs Insights export
// puts after @message: empty fields, stream names, "account:log-group"
// and numbers.
func exportColumns(b []byte) bool {
	for _, col := range bytes.Split(b, []byte(",")) {
		col = trimSpace(col)
		if len(col) > 0 && !isStreamName(col) && !allDigits(col) && !isAccountLog(col) {
			return false
		}
	}
	return true
}

// isAccountLog reports whether col is an Insights @log value,
// "account-id:log-group".
func isAccountLog(col []byte) bool {
	acct, _, ok := bytes.Cut(col, []byte(":"))
	return ok && len(acct) == 12 && allDigits(acct)
}

// zoneSuffixLen is the length of a zone written after a timestamp: the
// Serverless Framework's " (+00:00)", or " UTC".
func zoneSuffixLen(b []byte) int {
	if len(b) < 4 || b[0] != ' ' || (b[1] != '(' && b[1] != 'U' && b[1] != 'G') {
		return 0
	}
	if len(b) >= 9 && b[0] == ' ' && b[1] == '(' && (b[2] == '+' || b[2] == '-') && b[8] == ')' {
		return 9
	}
	if bytes.HasPrefix(b, []byte(" UTC")) || bytes.HasPrefix(b, []byte(" GMT")) {
		return 4
	}
	return 0
}

// isoTimestampLen returns the length of a leading "2021-04-01T21:58:32.123Z"
// or "2021-04-01 21:58:32.123" (Logs Insights) timestamp, or 0.
func isoTimestampLen(b []byte) int {
	if len(b) < 19 || b[4] != '-' || b[7] != '-' || (b[10] != 'T' && b[10] != ' ') || b[13] != ':' || b[16] != ':' {
		return 0
	}
	for _, i := range []int{0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18} {
		if !isDigit(b[i]) {
			return 0
		}
	}
	n := 19
	if n+1 < len(b) && b[n] == ',' && isDigit(b[n+1]) {
		n++ // log4j's and Python logging's milliseconds follow a comma
	}
	for n < len(b) && (isDigit(b[n]) || b[n] == '.' || b[n] == ':' || b[n] == '+' || b[n] == '-' || b[n] == 'Z') {
		n++
	}
	return n
}

// epochLen returns the length of leading epoch seconds or milliseconds
// followed by a separator, or 0.
func epochLen(b []byte) int {
	n := 0
	for n < len(b) && isDigit(b[n]) {
		n++
	}
	if (n == 10 || n == 13) && n < len(b) && (b[n] == '\t' || b[n] == ' ' || b[n] == ',') {
		return n
	}
	return 0
}

// bracketedEpochLen returns the length of the event time `zappa tail`
// prints before each message, epoch milliseconds in brackets and a space
// ("[1509032914734] Traceback (most recent call last):"), or 0.
func bracketedEpochLen(b []byte) int {
	if b[0] != '[' {
		return 0
	}
	n := 1
	for n < len(b) && isDigit(b[n]) {
		n++
	}
	if (n == 11 || n == 14) && n+1 < len(b) && b[n] == ']' && b[n+1] == ' ' {
		return n + 2
	}
	return 0
}

// maxStreamName bounds the search for the stream column: the names it
// drops are at most a date, "[$LATEST]" and a 32-hex id.
const maxStreamName = 96

// skipStreamName drops the stream column of `aws logs tail`: a 32-hex
// execution-log stream or a Lambda "2024/01/01/[$LATEST]abc" stream.
func skipStreamName(b []byte) []byte {
	if len(b) == 0 || !isHex(b[:1]) {
		return b // both kinds of stream name open with a hex digit
	}
	sp := 0
	for sp < len(b) && sp < maxStreamName && b[sp] != ' ' && b[sp] != '\t' {
		sp++
	}
	if sp == 0 || sp == maxStreamName {
		return b
	}
	if isStreamName(b[:sp]) {
		return trimSpace(b[sp:]) // nothing when the message is on the lines after
	}
	return b
}

// shortStreamIDLen is the length of the stream id `chalice logs` prints
// (chalice/logs.py: the six characters after the "]" of a Lambda stream's
// name, "logShortId", after str() of the event's datetime).
const shortStreamIDLen = 6

// skipShortStreamID drops the short stream id of `chalice logs`
// ("2024-03-12 10:15:00.123000 5d4a5b START RequestId: ..."). Six hex
// letters alone are rather a word ("facade", "decade"): the id must hold a
// digit.
func skipShortStreamID(b []byte) []byte {
	n := shortStreamIDLen
	if len(b) <= n || (b[n] != ' ' && b[n] != '\t') || !isHex(b[:n]) || !bytes.ContainsAny(b[:n], "0123456789") {
		return b
	}
	return trimSpace(b[n:])
}

// isStreamName reports whether tok is the name of an execution-log stream
// (32 hex digits) or of a Lambda stream ("2024/01/01/[$LATEST]<id>",
// "[12]" for a published version, the function's name before the bracket
// on newer runtimes). A stream name holds no space: a table's message
// cell that quotes "[$context.status]" is a message.
func isStreamName(tok []byte) bool {
	if bytes.ContainsAny(tok, " \t") {
		return false
	}
	if (len(tok) == 32 && isHex(tok)) || bytes.Contains(tok, []byte("[$")) {
		return true
	}
	open, end := bytes.IndexByte(tok, '['), bytes.IndexByte(tok, ']')
	return len(tok) > 11 && isDigit(tok[0]) && tok[4] == '/' && tok[7] == '/' && tok[10] == '/' && open > 0 && end > open
}

// textOutputMessage picks the message column of `aws logs ... --output
// text` ("EVENTS\t<ids and times>\t<message>\t<timestamp>"; the columns
// are the event's fields in alphabetical order): what lies between the
// leading numbers and stream name and the trailing timestamp, tabs of the
// message included.
func textOutputMessage(b []byte) []byte {
	b = b[len("EVENTS\t"):] // sliced, not split: no copy per line
	if i := bytes.LastIndexByte(b, '\t'); i >= 0 && allDigits(b[i+1:]) {
		b = b[:i]
	}
	for {
		i := bytes.IndexByte(b, '\t')
		if i < 0 || (!allDigits(b[:i]) && !isStreamName(b[:i])) {
			return trimSpace(b)
		}
		b = b[i+1:]
	}
}

// execRequestID splits "(request-id) message" and reports whether the line
// had that execution-log prefix. WebSocket APIs prefix their execution log
// with the connection id, base64 with a trailing "=" ("(L0SM9cOFvHcCIhw=) ").
// Pastes shorten or mask the id ("(abc)", "(xxx)"); a number of a few
// digits is none.
func execRequestID(b []byte) (id, msg []byte, ok bool) {
	if len(b) < 3 || b[0] != '(' {
		return nil, b, false
	}
	end := bytes.IndexByte(b[1:min(len(b), 70)], ')')
	if end <= 0 {
		return nil, b, false
	}
	id = b[1 : end+1]
	for _, c := range id {
		if !isLetter(c) && !isDigit(c) && c != '-' && c != '_' && c != '.' && c != '=' {
			return nil, b, false
		}
	}
	if len(id) < 8 && allDigits(id) {
		// a few digits in parentheses open a list's item, "(1) ...", or
		// a status before its reason phrase, "(502) Bad Gateway", never
		// an id the gateway writes (a UUID, a connection id in base64)
		return nil, b, false
	}
	rest := b[end+2:]
	if len(rest) > 0 && rest[0] == ' ' {
		rest = rest[1:]
	}
	return id, rest, true
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\r' || b[0] == '\n' || b[0] == 0xEF && bytes.HasPrefix(b, []byte("\xEF\xBB\xBF"))) {
		if b[0] == 0xEF {
			b = b[3:]
			continue
		}
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t' || b[len(b)-1] == '\r' || b[len(b)-1] == '\n') {
		b = b[:len(b)-1]
	}
	return b
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') }

func isHex(b []byte) bool {
	for _, c := range b {
		if !isDigit(c) && (c < 'a' || c > 'f') && (c < 'A' || c > 'F') {
			return false
		}
	}
	return true
}

func allDigits(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if !isDigit(c) {
			return false
		}
	}
	return true
}

// isUUID reports whether b is a canonical 8-4-4-4-12 UUID, the form of
// Lambda and API Gateway request ids.
func isUUID(b []byte) bool {
	if len(b) != 36 || b[8] != '-' || b[13] != '-' || b[18] != '-' || b[23] != '-' {
		return false
	}
	return isHex(b[:8]) && isHex(b[9:13]) && isHex(b[14:18]) && isHex(b[19:23]) && isHex(b[24:])
}

// skipLabelSet drops the stream labels Grafana Loki's logcli prints
// between an entry's time and its line (`{app="orders", level="error"}`,
// `{}` when every label is common to the streams and printed apart):
// names of letters, digits and underscores, each = a quoted value. A JSON
// record's keys are quoted and followed by ':', so a record after a
// timestamp is left as it is.
func skipLabelSet(b []byte) []byte {
	if len(b) > 2 && b[0] == '{' && b[1] == '}' && b[2] == ' ' {
		return trimSpace(b[3:]) // no label but the common ones, which logcli prints apart
	}
	if len(b) < 5 || b[0] != '{' {
		return b
	}
	i := 1
	for {
		start := i
		for i < len(b) && (isLetter(b[i]) || b[i] == '_' || (i > start && isDigit(b[i]))) {
			i++
		}
		if i == start || i+1 >= len(b) || b[i] != '=' || b[i+1] != '"' {
			return b
		}
		q := jsonScan{b: b, i: i + 1} // the value's opening quote
		if _, closed := q.str(); !closed {
			return b
		}
		i = q.i
		switch {
		case i < len(b) && b[i] == '}':
			return trimSpace(b[i+1:])
		case i+1 < len(b) && b[i] == ',':
			i++
			for i < len(b) && b[i] == ' ' {
				i++
			}
		default:
			return b
		}
	}
}

// logGroupNames open the names of the log groups that awslogs prints
// before each event's stream and message ("/aws/lambda/orders-api
// 2024/03/12/[$LATEST]5d4a... START RequestId: ..."): a function's, an
// execution log's, and the prefixes deploy tools give access logs' groups.
// Another access log group is named by its owner and is not recognised.
var logGroupNames = [][]byte{[]byte("/aws/lambda/"), []byte("API-Gateway-Execution-Logs_"), []byte("/aws/apigateway/"), []byte("/aws/vendedlogs/")}

// logGroupLen returns the length of a leading log group name and the
// spaces after it, or 0.
func logGroupLen(b []byte) int {
	if b[0] != '/' && b[0] != 'A' {
		return 0
	}
	for _, g := range logGroupNames {
		if !bytes.HasPrefix(b, g) {
			continue
		}
		sp := bytes.IndexByte(b, ' ')
		if sp <= len(g) || len(trimSpace(b[sp:])) == 0 {
			return 0
		}
		return len(b) - len(trimSpace(b[sp:]))
	}
	return 0
}
