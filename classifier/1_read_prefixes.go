package classifier

import (
	"bytes"
	"regexp"
)

// consolePrefix is the timestamp the API Gateway console's test invoke puts
// before each line ("Thu Apr 01 21:58:32 UTC 2021 : "). Pasted copies are
// sometimes mangled ("WE Aug 03 ..."), hence the loose day name.
var consolePrefix = regexp.MustCompile(`^[A-Za-z]{2,3},? [A-Za-z]{3} +\d{1,2} \d{2}:\d{2}:\d{2} [A-Za-z+0-9:]{2,9} \d{4} ?: ?`)

// curlSent is what curl -v prints after "> ": the request line, its
// headers and the blank line that ends them; wscat prints a sent frame
// after it. Any other line after "> " is a markdown quote.
var curlSent = regexp.MustCompile(`^> (?:[A-Za-z0-9-]+: |(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS) |[{\[]|$)`)

// stripPrefixes removes what exports, the CLI and the console put before a
// log message: ISO and Insights timestamps, epoch milliseconds, the console
// prefix, the `aws logs tail` stream name and the `--output text` columns.
func stripPrefixes(b []byte) []byte {
	b = trimSpace(b)
	for len(b) > 1 && b[0] == '>' && b[1] == ' ' && !curlSent.Match(b) {
		b = trimSpace(b[2:]) // a quote of markdown ("> "): the quoted line speaks for itself
	}
	if bytes.HasPrefix(b, []byte("EVENTS\t")) {
		return textOutputMessage(b)
	}
	if len(b) > 20 && isLetter(b[0]) && (b[2] == ' ' || b[3] == ' ') {
		if loc := consolePrefix.FindIndex(b[:min(len(b), 48)]); loc != nil {
			return b[loc[1]:]
		}
	}
	if n := isoTimestampLen(b); n > 0 {
		if n < len(b) && b[n] == ',' {
			return csvField(trimSpace(b[n+1:]))
		}
		b = trimSpace(b[n:])
		return skipStreamName(b)
	}
	if n := epochLen(b); n > 0 {
		if b[n] == ',' {
			return csvField(trimSpace(b[n+1:]))
		}
		return trimSpace(b[n+1:])
	}
	return b
}

// csvField drops the quotes around the message column of a CSV export
// (a log group's or a Logs Insights table's: 1579627365978,"(id) message").
// The doubled quotes inside stay: the rules still find "errorType" in
// ""errorType"".
func csvField(b []byte) []byte {
	if len(b) > 1 && b[0] == '"' && b[len(b)-1] == '"' {
		return b[1 : len(b)-1]
	}
	return b
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
	if sp == 0 || sp == len(b) || sp == maxStreamName {
		return b
	}
	tok := b[:sp]
	if (len(tok) == 32 && isHex(tok)) || bytes.Contains(tok, []byte("[$")) {
		return trimSpace(b[sp:])
	}
	return b
}

// textOutputMessage picks the message column of `aws logs ... --output
// text` ("EVENTS\t<ids and times>\t<message>\t<timestamp>"): the longest
// column that is not a number or a stream name.
func textOutputMessage(b []byte) []byte {
	var best []byte
	for _, col := range bytes.Split(b[len("EVENTS\t"):], []byte("\t")) {
		if allDigits(col) || (len(col) == 32 && isHex(col)) || bytes.Contains(col, []byte("[$")) {
			continue
		}
		if len(col) > len(best) {
			best = col
		}
	}
	return trimSpace(best)
}

// execRequestID splits "(request-id) message" and reports whether the line
// had that execution-log prefix. WebSocket APIs prefix their execution log
// with the connection id, base64 with a trailing "=" ("(L0SM9cOFvHcCIhw=) ").
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
