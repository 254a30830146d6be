package classifier

import (
	"bytes"
	"regexp"
)

// curlSent is what curl -v prints after "> " on its own: the request line
// (the headers after it are curl's only while a request is being sent, see
// stripQuote) and the blank line that ends them. Any other line after "> "
// is a markdown quote, but for the frames wscat sent (wscatSent).
var curlSent = regexp.MustCompile(`^> (?:(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS) \S+ HTTP/|$)`)

// wscatSent reports whether b is a JSON frame wscat printed as sent, in a
// paste where wscat ran: elsewhere a quoted "> {...}" or "> [...]" is a log
// record or an error object someone quoted.
func wscatSent(b []byte, ctx pasteContext) bool {
	return ctx.wscat && len(b) > 2 && (b[2] == '{' || b[2] == '[')
}

// runsWscat reports whether msg shows wscat at work, which opens
// pasteContext.wscat: its command, or the line it prints once connected.
func runsWscat(msg []byte) bool {
	return bytes.Contains(msg, []byte("wscat ")) || bytes.HasPrefix(msg, []byte("Connected (press CTRL+C to quit)"))
}

// shellPrompt is a shell's prompt before a command a person ran: "$ ",
// after the user, host and directory bash shows ("dev@laptop:~/orders$ ")
// and the virtual environment Python's venv puts before it ("(venv) $ ").
var shellPrompt = regexp.MustCompile(`^(?:\([\w.-]+\) ?)?(?:[\w.-]+@[\w.-]+(?::[^\s$]*)?)?\$ ?`)

// maxPromptBytes bounds where a prompt's "$" is looked for.
const maxPromptBytes = 80

// shellCommand returns the command after a shell's prompt in msg, and
// whether msg is one.
func shellCommand(msg []byte) ([]byte, bool) {
	if bytes.IndexByte(msg[:min(len(msg), maxPromptBytes)], '$') < 0 {
		return nil, false // (every line passes here: most hold no prompt)
	}
	loc := shellPrompt.FindIndex(msg)
	if loc == nil || loc[1] == len(msg) {
		return nil, false
	}
	return msg[loc[1]:], true
}

// buildTools are the package managers, image builders and deployment tools
// whose output people paste beside a failure: what they print is theirs,
// their own "ERROR: ..." lines among it (pip's resolver, Docker's
// daemon), not a function's log. (No HTTP client: curl's, HTTPie's and
// wget's output is an answer the API gave.)
var buildTools = map[string]bool{"pip": true, "pip3": true, "pipenv": true, "poetry": true, "npm": true, "yarn": true, "pnpm": true,
	"docker": true, "docker-compose": true, "terraform": true, "tofu": true, "sam": true, "cdk": true, "serverless": true, "sls": true,
	"make": true, "mvn": true, "./mvnw": true, "gradle": true, "./gradlew": true, "go": true, "cargo": true, "dotnet": true, "tsc": true}

// runsCode are the subcommands of those tools that run the function's
// code, or follow its log, on the developer's machine or in the cloud: what
// they print is the function's (sam local invoke, serverless invoke local,
// serverless logs, cdk watch, docker run of the image with the runtime
// interface emulator, go run, npm start).
var runsCode = map[string]bool{"invoke": true, "local": true, "logs": true, "log": true, "offline": true, "watch": true, "tail": true,
	"run": true, "start": true, "up": true, "exec": true, "attach": true, "test": true, "dev": true, "serve": true, "remote": true, "traces": true}

// runsBuildTool reports whether cmd, a command run after a shell's prompt
// (shellCommand), runs one of buildTools ("pip install -r
// requirements.txt", "python -m pip ...", "npx cdk deploy", "sudo docker
// build ."), and not one of its subcommands that runs the function
// (runsCode; "npm run build" builds).
func runsBuildTool(cmd []byte) bool {
	f := bytes.Fields(bytes.ToLower(cmd))
	for len(f) > 1 && (string(f[0]) == "sudo" || string(f[0]) == "npx") {
		f = f[1:]
	}
	if len(f) > 2 && bytes.HasPrefix(f[0], []byte("python")) && string(f[1]) == "-m" && string(f[2]) == "pip" {
		f = f[2:]
	}
	if len(f) == 0 || !buildTools[string(f[0])] {
		return false
	}
	for i, w := range f[1:] {
		if w, _, _ = bytes.Cut(w, []byte("-")); len(w) == 0 {
			continue // a flag
		}
		if string(w) == "run" && i+2 < len(f) && string(f[i+2]) == "build" {
			continue
		}
		if runsCode[string(w)] {
			return false
		}
	}
	return true
}

// curlHeader is a request header curl -v prints after its request line.
var curlHeader = regexp.MustCompile(`^> [A-Za-z0-9-]+: `)

// pasteContext is what the lines before tell about the one being read.
type pasteContext struct {
	// curl: the line before was curl -v sending a request, whose headers
	// ("> Host: ...") follow; without it, "> Error: ..." is a quoted line
	curl bool
	// quoted: the line before was in a markdown quote this many levels
	// deep, and so is this one if it opens with as many ">", whatever
	// follows (a quoted "> {...}" body is no frame wscat sent)
	quoted int
	// bareStamp: the line before held a tool's timestamp or stream and no
	// message, which `aws logs tail --format json` prints before a message
	// it lays out as JSON on the lines after
	bareStamp bool
	// queryMessage: the line before was the `"field": "@message",` of a
	// get-query-results pair, so this line's "value" holds the message
	queryMessage bool
	// eventField: a line before was a field of a CloudWatch event
	// (`"timestamp": 1710238500000,`), so the input holds events and a
	// "message" line holds an event's message. It outlasts blank lines and
	// other lines: a console or a CSV export puts its own lines between the
	// fields of one event. The end of an input forgets it (settle).
	eventField bool
	// wscat: a line before ran wscat or showed it connected, so "> {...}"
	// is a frame it sent. It outlasts blank lines and other lines, as
	// eventField does.
	wscat bool
	// toolRun: a line before ran a build or package tool after a shell's
	// prompt (runsBuildTool), and no block has ended since (a blank line,
	// a code fence) nor has another command been run: the lines are that
	// tool's output
	toolRun bool
	// table: the field table the lines are in, which reads its rows
	// (fieldTable.row); nil where no session reads the line
	table *fieldTable
	// harResponse: the line opened a HAR entry's response object
	// (`"response": {`), whose first field the browsers write is the
	// status they recorded; harStatus: the line before did, so this line
	// is that field, a browser's record of a request (notePaste)
	harResponse, harStatus bool
}

// stripMarkup removes one layer of what a page or an editor puts around a
// pasted line (markdown's quote, list marker, code fence or code span, an
// editor's line-number gutter) and reports whether it found one. The line
// inside speaks for itself.
func stripMarkup(b []byte, ctx pasteContext) ([]byte, bool) {
	if len(b) == 0 {
		return b, false
	}
	switch c := b[0]; {
	case c == '>':
		return stripQuote(b, ctx)
	case c == '-' || c == '*' || c == '+':
		if len(b) == 1 || b[1] == ' ' {
			return b[1:], true // a list item ("- ", "* ", "+ ")
		}
	case c == 0xE2 && bytes.HasPrefix(b, []byte("•")):
		return b[len("•"):], true
	case c == '`' || c == '~':
		return stripCode(b)
	case c == '"':
		if len(b) == 1 || b[1] == ',' {
			return nil, true // the close of a CSV field whose message ended with a newline
		}
		return stripQuotedLine(b)
	case isDigit(c):
		return stripNumbering(b)
	case c == '|':
		if ctx.table != nil {
			if rec, ok := ctx.table.row(b); ok {
				return rec, true
			}
		}
		return stripTableRow(b)
	}
	return b, false
}

// stripQuote removes a markdown (or e-mail) quote marker, but not the "> "
// before what curl -v sent or wscat typed, unless the line continues a
// quote (see pasteContext).
func stripQuote(b []byte, ctx pasteContext) ([]byte, bool) {
	switch {
	case len(b) == 1 || b[1] == '>':
		return b[1:], true
	case b[1] != ' ':
	case ctx.quoted > 0 || (!curlSent.Match(b) && !wscatSent(b, ctx) && (!ctx.curl || !curlHeader.Match(b))):
		return b[2:], true
	}
	return b, false
}

// stripCode removes a code fence line ("```log", "~~~") whole, and the
// backticks of a code span around the line.
func stripCode(b []byte) ([]byte, bool) {
	fence := isFence(b)
	if fence && bytes.IndexByte(b, ' ') < 0 && (len(b) < 6 || !bytes.HasSuffix(b, b[:3])) {
		return nil, true // the fence and its info string ("```json")
	}
	if b[0] != '`' && !fence {
		return b, false
	}
	mark := b[0]
	for len(b) > 0 && b[0] == mark {
		b = b[1:]
	}
	for len(b) > 0 && b[len(b)-1] == mark {
		b = b[:len(b)-1]
	}
	return b, true
}

// isFence reports whether b opens with a code fence ("```", "~~~").
func isFence(b []byte) bool {
	return bytes.HasPrefix(b, []byte("```")) || bytes.HasPrefix(b, []byte("~~~"))
}

// blockBreak reports whether line is a code fence, quoted or not, or a
// quote's empty line (">", "> >"): where a page's block of text ends.
func blockBreak(line []byte) bool {
	b := bytes.TrimLeft(line, "> ")
	return isFence(b) || len(b) == 0
}

// maxNumbering bounds the digits of a list number or a gutter's line number.
const maxNumbering = 6

// stripNumbering removes a numbered list's "12. " or "12) " and an editor's
// or pager's gutter ("12 | ", "12 │ ").
func stripNumbering(b []byte) ([]byte, bool) {
	n := 0
	for n < len(b) && n < maxNumbering && isDigit(b[n]) {
		n++
	}
	if n == len(b) || n == maxNumbering {
		return b, false
	}
	if c := b[n]; c != '.' && c != ')' && c != ' ' && c != '\t' && c != '|' && c != 0xE2 {
		return b, false // a timestamp's "2024-", a time's "10:" (most lines: keep it quick)
	}
	if (b[n] == '.' || b[n] == ')') && n <= 3 && (n+1 == len(b) || b[n+1] == ' ') {
		return b[n+1:], true
	}
	rest := trimSpace(b[n:])
	for _, bar := range [][]byte{[]byte("|"), []byte("│"), []byte("┃")} {
		if bytes.HasPrefix(rest, bar) && (len(rest) == len(bar) || rest[len(bar)] == ' ' || rest[len(bar)] == '\t') {
			return rest[len(bar):], true
		}
	}
	return b, false
}

// maxRowNumber bounds the digits of a table's row-number column.
const maxRowNumber = 6

// stripTableRow removes the cells a markdown or console table puts around
// a log message and reports whether the row was one: the time cell of the
// CloudWatch console's log events table pasted as a table ("| 2024-08-08T
// 01:25:24.460Z | RequestId: ... Error: Runtime exited ..."), and the
// Logs Insights results exported or copied as markdown ("| 2024-05-21
// 19:48:44.709 | {...} | stream | 123456789012:group |"), with a row
// number before the time and the columns after @message cut. A row whose
// first cell is no time or row number is a table of people's own (a
// memory size, a status) and stays as it is.
func stripTableRow(b []byte) ([]byte, bool) {
	if len(b) > 1 && b[1] == '|' {
		return stripCLITableRow(b)
	}
	rest := trimSpace(b[1:])
	if n := rowNumberLen(rest); n > 0 {
		rest = trimSpace(rest[n+1:])
	}
	n := isoTimestampLen(rest)
	if n > 0 {
		n += zoneSuffixLen(rest[n:])
	} else {
		n = epochLen(rest)
	}
	if n == 0 {
		return b, false
	}
	rest = trimSpace(rest[n:])
	if len(rest) == 0 || rest[0] != '|' {
		return b, false
	}
	return tableMessage(trimSpace(rest[1:])), true
}

// minEventNumber is the fewest digits of the numbers the CLI prints in an
// event's row: epoch milliseconds (ingestionTime, timestamp) have 13, an
// eventId more. Fewer is a number of people's own.
const minEventNumber = 13

// stripCLITableRow removes the cells `aws logs filter-log-events` and
// `get-log-events` put around a message under `--output table` (awscli/
// formatter.py TableFormatter, awscli/table.py): the events are a section
// one level in, so a row opens and closes with "||", and its cells are the
// event's fields in key order ("||  eventId  |  ingestionTime  |
// logStreamName  |  message  |  timestamp  ||"). A single event is laid
// out one field a row ("||  message  |  (id) ...  ||"). A header row or a
// title opens with no number, stream name or "message" cell and stays.
func stripCLITableRow(b []byte) ([]byte, bool) {
	rest := trimSpace(b[2:])
	skipped := false
	for {
		i := bytes.IndexByte(rest, '|')
		if i < 0 {
			break
		}
		cell := trimSpace(rest[:i])
		if (len(cell) >= minEventNumber && allDigits(cell)) || isStreamName(cell) {
			rest, skipped = trimSpace(rest[i+1:]), true
			continue
		}
		if !skipped && bytes.Equal(cell, []byte("message")) {
			return tableMessage(trimSpace(rest[i+1:])), true
		}
		break
	}
	if !skipped {
		return b, false
	}
	return tableMessage(rest), true
}

// rowNumberLen returns the length of a leading row-number cell ("12 |"),
// up to its bar, or 0.
func rowNumberLen(b []byte) int {
	n := 0
	for n < len(b) && n < maxRowNumber && isDigit(b[n]) {
		n++
	}
	if n == 0 || n == maxRowNumber {
		return 0
	}
	bar := n
	for bar < len(b) && (b[bar] == ' ' || b[bar] == '\t') {
		bar++
	}
	if bar == n || bar == len(b) || b[bar] != '|' {
		return 0
	}
	return bar
}

// tableMessage drops the row's closing bar and, in a row that has one,
// the cells after the message that an Insights export adds (@logStream,
// @log, numbers, empty cells), the way csvField drops a CSV export's. A
// row pasted without its closing bar (the console's table) has none.
func tableMessage(b []byte) []byte {
	if len(b) == 0 || b[len(b)-1] != '|' {
		return b
	}
	b = trimSpace(b[:len(b)-1])
	for {
		i := bytes.LastIndexByte(b, '|')
		if i < 0 {
			return b
		}
		col := trimSpace(b[i+1:])
		if len(col) > 0 && !isStreamName(col) && !allDigits(col) && !isAccountLog(col) {
			return b
		}
		b = trimSpace(b[:i])
	}
}

// stripQuotedLine removes the double quotes a person or a page puts around
// a log line it quotes (`"Execution failed due to configuration error:
// ..."`, as Knowledge Center articles quote the execution log), and the
// opening quote of a quoted block of console lines, whose closing quote
// ends its last line ("\"Thu May 04 19:50:21 UTC 2024 : Execution failed
// ..."). A line with another double quote inside is JSON or CSV, which the
// export readers take apart, and stays.
func stripQuotedLine(b []byte) ([]byte, bool) {
	in := b[1:]
	end := len(in)
	for end > 0 && (in[end-1] == '.' || in[end-1] == ',' || in[end-1] == ';') {
		end--
	}
	if end > 0 && in[end-1] == '"' && bytes.IndexByte(in[:end-1], '"') < 0 {
		return in[:end-1], true
	}
	if bytes.IndexByte(in, '"') >= 0 || len(in) < 20 || !isLetter(in[0]) {
		return b, false
	}
	if consolePrefix.Match(in[:min(len(in), 48)]) {
		return in, true
	}
	return b, false
}
