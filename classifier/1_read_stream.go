package classifier

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
)

// readBufSize is the line reader's buffer; longer lines are cut (see
// maxLineBytes) so memory stays flat on any input.
const readBufSize = 64 << 10

// maxJSONValue bounds one JSON value the document reader buffers (an
// event or a result row); CloudWatch events are at most 256 KB.
const maxJSONValue = 4 << 20

// ReadFrom reads evidence until EOF: lines of any format AddLine accepts,
// or the JSON of `aws logs filter-log-events`, `get-log-events` and
// `get-query-results` (several documents may follow each other). It
// streams with bounded memory and returns the bytes read; only a read
// error is an error — input it cannot parse is skipped. Input that starts
// with a byte order mark is read in the encoding it names (withoutBOM);
// the count is of the bytes read from r.
func (s *Session) ReadFrom(r io.Reader) (int64, error) {
	raw := &countingReader{r: r}
	cr := &countingReader{r: withoutBOM(raw)} // bounds a JSON value in UTF-8 bytes
	br := bufio.NewReaderSize(cr, readBufSize)
	var err error
	if looksLikeDocument(br) {
		err = s.readDocuments(br, cr)
	} else {
		err = s.readLines(br)
	}
	s.settle()
	if errors.Is(err, io.EOF) {
		err = nil
	}
	return raw.n, err
}

// readLines feeds each line to the session; a line longer than the buffer
// is cut at maxLineBytes and the rest of it skipped, but for a string field
// of test-invoke-method's output, which streams (streamField).
func (s *Session) readLines(br *bufio.Reader) error {
	for {
		line, err := br.ReadSlice('\n')
		if key, at, ok := s.streamedField(line, errors.Is(err, bufio.ErrBufferFull)); ok {
			if err = s.streamField(br, key, line, at, err); err != nil {
				return err
			}
			continue
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			s.addLine(line, srcAuto)
			if err = skipRestOfLine(br); err != nil {
				return err
			}
			continue
		}
		if len(line) > 0 {
			s.addLine(line, srcAuto)
		}
		if err != nil {
			return err
		}
	}
}

func skipRestOfLine(br *bufio.Reader) error {
	for {
		_, err := br.ReadSlice('\n')
		if !errors.Is(err, bufio.ErrBufferFull) {
			return err
		}
	}
}

// documentKeys are the first keys of the CLI's JSON answers, and of the
// search APIs of Elasticsearch and OpenSearch ("took", "_scroll_id").
var documentKeys = [][]byte{
	[]byte(`"events"`), []byte(`"results"`), []byte(`"searchedLogStreams"`), []byte(`"nextToken"`),
	[]byte(`"nextForwardToken"`), []byte(`"nextBackwardToken"`), []byte(`"statistics"`), []byte(`"queryLanguage"`),
	[]byte(`"took"`), []byte(`"_scroll_id"`),
}

// looksLikeDocument peeks at the input: a CLI JSON answer starts with one
// of documentKeys (or is an array of events or rows), where JSON-lines
// access logs start with a record's own keys.
func looksLikeDocument(br *bufio.Reader) bool {
	head, _ := br.Peek(4096)
	head = trimSpace(head)
	if len(head) < 2 {
		return false
	}
	rest := trimSpace(head[1:])
	switch head[0] {
	case '[':
		return len(rest) > 0 && (rest[0] == '{' || rest[0] == '[')
	case '{':
		for _, k := range documentKeys {
			if bytes.HasPrefix(rest, k) {
				return true
			}
		}
		if datadogLogs(rest, head) {
			return true
		}
		return bytes.HasPrefix(rest, []byte(`"status"`)) && !bytes.Contains(rest[:min(len(rest), 40)], []byte(`"status": "`)) &&
			bytes.Contains(head, []byte(`"results"`))
	}
	return false
}

// datadogLogs reports whether a document opens as Datadog's Logs API v2
// answer: "data", an array of objects, each an event's "attributes" and
// its "type": "log". A pasted body that opens with "data" (a GraphQL
// answer, an object) is no document.
func datadogLogs(rest, head []byte) bool {
	after, ok := bytes.CutPrefix(rest, []byte(`"data"`))
	if !ok {
		return false
	}
	after = trimSpace(after)
	if len(after) < 2 || after[0] != ':' {
		return false
	}
	after = trimSpace(after[1:])
	if len(after) < 2 || after[0] != '[' {
		return false
	}
	el := trimSpace(after[1:])
	if len(el) == 0 || el[0] != '{' {
		return false
	}
	// (an event opens with its attributes, which hold a message of any
	// length, before its "type")
	return bytes.HasPrefix(trimSpace(el[1:]), []byte(`"attributes"`)) ||
		bytes.Contains(head, []byte(`"type":"log"`)) || bytes.Contains(head, []byte(`"type": "log"`))
}

// readDocuments walks JSON documents token by token, so a multi-GB answer
// is never held whole; on a syntax error the rest is read as lines.
func (s *Session) readDocuments(br *bufio.Reader, cr *countingReader) error {
	dec := json.NewDecoder(br)
	cr.dec = dec
	for {
		err := s.readDocument(dec)
		if err == nil {
			continue
		}
		if errors.Is(err, io.EOF) || errors.Is(err, errValueTooLarge) || cr.err != nil {
			return err
		}
		cr.dec = nil
		return s.readLines(bufio.NewReaderSize(io.MultiReader(dec.Buffered(), br), readBufSize))
	}
}

var errValueTooLarge = errors.New("a JSON value is larger than 4 MiB")

// countingReader counts bytes and stops a JSON decoder that would buffer
// more than maxJSONValue for one value.
type countingReader struct {
	r   io.Reader
	n   int64
	dec *json.Decoder
	err error
}

func (c *countingReader) Read(p []byte) (int, error) {
	if c.dec != nil && c.n-c.dec.InputOffset() > maxJSONValue {
		c.err = errValueTooLarge
		return 0, c.err
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	if err != nil && !errors.Is(err, io.EOF) {
		c.err = err
	}
	return n, err
}
