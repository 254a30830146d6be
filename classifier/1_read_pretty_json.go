package classifier

import (
	"bytes"
	"encoding/json"
)

// A JSON record is often pasted pretty-printed, one field a line: `aws logs
// tail --format json` and `sam logs` indent a message that is JSON, and
// people paste access-log records from their editor. The lines of one
// object are gathered; a log record (an access-log record, a CloudWatch
// event, a Lambda JSON log record), the gateway's own response body
// ({"message": "..."}) and any object a tool printed as a message's pretty
// form (after its timestamp and stream) are read as the one line they were
// logged or sent as. Other lines, other objects among them (a response a
// person laid out, which the rules read field by field as people paste
// it), are read one by one, as before.

// Bounds of one gathered object: CloudWatch events are at most 256 KB, but a
// line is cut at maxLineBytes anyway. The raw lines kept to replay are
// bounded apart from the object's text: blank lines and code fences add
// nothing to it.
const (
	maxPrettyBytes = maxLineBytes
	maxPrettyRaw   = 256 << 10
	maxPrettyLines = 512
)

// prettyJSON is an object being gathered.
type prettyJSON struct {
	text  []byte   // the object so far, its lines joined
	raws  [][]byte // the raw lines, to read one by one if it is no object
	raw   int      // their bytes
	src   source
	depth int  // open braces and brackets
	inStr bool // inside a string
	esc   bool // after a backslash inside a string
	tool  bool // a tool printed it as a message, after its prefix
	// stamped: the tool's prefix stood alone on the line before, which was
	// counted as a line of its own
	stamped bool
}

// startPretty begins gathering at msg, a line that opens a JSON object it
// does not close, and reports whether it did.
// tool is whether a tool's prefix came before it, on its line or alone on
// the line before (stamped).
func (s *Session) startPretty(msg, raw []byte, src source, tool, stamped bool) bool {
	if s.replaying || len(msg) == 0 || msg[0] != '{' {
		return false
	}
	// scanned on the stack: most lines that open with "{" close it (a JSON
	// access log is all such lines), and need no gathering
	p := prettyJSON{src: src, tool: tool || stamped, stamped: stamped}
	p.scan(msg)
	if p.depth <= 0 {
		return false
	}
	p.text = bytes.Clone(msg)
	p.raws, p.raw = [][]byte{bytes.Clone(raw)}, len(raw)
	s.pretty = new(prettyJSON)
	*s.pretty = p
	return true
}

// continuePretty adds a raw line to the object being gathered; once the
// object closes it is read as one line, or its lines one by one when they
// are no JSON.
func (s *Session) continuePretty(raw []byte, src source) {
	p := s.pretty
	if src != p.src {
		s.flushPretty()
		s.addLine(raw, src)
		return
	}
	line := stripMarkupOnly(trimSpace(foldPresentation(trimSpace(raw))), s.st.paste)
	p.text = append(append(p.text, '\n'), line...)
	p.raws, p.raw = append(p.raws, bytes.Clone(raw)), p.raw+len(raw)
	p.scan(line)
	switch {
	case p.depth <= 0:
		s.pretty = nil
		if p.src == srcAuto {
			s.printedAnswer(p.text, p.text)
		}
		s.answerGathered(p.text)
		var one bytes.Buffer
		if json.Compact(&one, p.text) != nil {
			s.replay(p)
			return
		}
		line := one.Bytes()
		switch {
		case p.tool || gatewayBody(line):
			// one event, one line: its opening line was counted, and so was
			// the tool's prefix when it stood alone on the line before
			s.st.lines--
			if p.stamped {
				s.st.lines--
			}
			s.addLine(line, p.src)
		case !s.jsonLine(line, line, p.src):
			s.replay(p)
		}
	case len(p.text) > maxPrettyBytes || p.raw > maxPrettyRaw || len(p.raws) > maxPrettyLines:
		s.flushPretty()
	}
}

// flushPretty reads the lines of an object that never closed one by one.
func (s *Session) flushPretty() {
	if p := s.pretty; p != nil {
		s.pretty = nil
		s.answerGathered(p.text) // cut off: what came before the cut shows
		s.replay(p)
	}
}

// replay reads the gathered lines one by one; the first was counted when
// it opened the object, and is counted again now.
func (s *Session) replay(p *prettyJSON) {
	s.st.lines--
	s.replaying = true
	for _, raw := range p.raws {
		s.addLine(raw, p.src)
	}
	s.replaying = false
}

// gatewayBody reports whether an object is the gateway's standard response
// body: one key, "message".
func gatewayBody(obj []byte) bool {
	var m map[string]json.RawMessage
	if json.Unmarshal(obj, &m) != nil || len(m) != 1 {
		return false
	}
	_, ok := m["message"]
	return ok
}

// scan follows the nesting of the object through one more line.
func (p *prettyJSON) scan(b []byte) {
	for _, c := range b {
		switch {
		case p.esc:
			p.esc = false
		case p.inStr:
			p.esc = c == '\\'
			p.inStr = c != '"'
		case c == '"':
			p.inStr = true
		case c == '{' || c == '[':
			p.depth++
		case c == '}' || c == ']':
			p.depth--
		}
	}
}

// stripMarkupOnly removes the page's and the editor's markup (a quote, a
// gutter) from a line inside a gathered object, but none of the prefixes
// of stripLinePrefixes that would read a field of it as a message.
func stripMarkupOnly(b []byte, ctx pasteContext) []byte {
	for range maxPrefixes {
		if len(b) == 0 || b[0] == '"' {
			return b
		}
		next, ok := stripMarkup(b, ctx)
		if !ok {
			return b
		}
		if b[0] == '>' {
			ctx.quoted--
		}
		b = trimSpace(next)
	}
	return b
}
