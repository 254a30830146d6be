package classifier

import (
	"encoding/json"
	"errors"
	"strings"
)

var errNotJSONDocument = errors.New("not a CloudWatch Logs JSON document")

// cliEvent is one event of filter-log-events or get-log-events.
type cliEvent struct {
	LogGroupName  string `json:"logGroupName"`
	LogStreamName string `json:"logStreamName"`
	Message       string `json:"message"`
}

// resultField is one column of a get-query-results row.
type resultField struct {
	Field string `json:"field"`
	Value string `json:"value"`
}

// readDocument reads one top-level JSON value.
func (s *Session) readDocument(dec *json.Decoder) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch tok {
	case json.Delim('['):
		return s.readArray(dec)
	case json.Delim('{'):
	default:
		return errNotJSONDocument
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return err
		}
		switch key {
		case "events", "results":
			if err := expectDelim(dec, '['); err != nil {
				return err
			}
			err = s.readArray(dec)
		default:
			var skip json.RawMessage
			err = dec.Decode(&skip)
		}
		if err != nil {
			return err
		}
	}
	_, err = dec.Token()
	return err
}

func expectDelim(dec *json.Decoder, d json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if tok != d {
		return errNotJSONDocument
	}
	return nil
}

// readArray reads the elements of an array whose '[' was consumed: events
// (objects) or Insights rows (arrays of field/value pairs).
func (s *Session) readArray(dec *json.Decoder) error {
	for dec.More() {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return err
		}
		s.addElement(raw)
	}
	_, err := dec.Token()
	return err
}

func (s *Session) addElement(raw json.RawMessage) {
	if len(raw) == 0 {
		return
	}
	switch raw[0] {
	case '[':
		var row []resultField
		if json.Unmarshal(raw, &row) == nil {
			s.addRow(row)
		}
	case '{':
		var ev cliEvent
		if json.Unmarshal(raw, &ev) == nil && ev.Message != "" {
			s.AddEvent(LogEvent{Group: ev.LogGroupName, Stream: ev.LogStreamName, Message: ev.Message})
			return
		}
		if msg, ok := rowMessage(raw); ok {
			s.AddEvent(LogEvent{Message: msg})
			return
		}
		s.addLine(raw, srcAuto)
	}
}

// rowMessage returns the message of a get-query-results pair whose field
// is @message, an element of an array that was pasted without the results
// around it (one row).
func rowMessage(raw json.RawMessage) (string, bool) {
	var f resultField
	if json.Unmarshal(raw, &f) != nil || f.Field != "@message" {
		return "", false
	}
	return f.Value, true
}

// addRow adds one Logs Insights row; @log is "account-id:log-group".
func (s *Session) addRow(row []resultField) {
	var ev LogEvent
	for _, f := range row {
		switch f.Field {
		case "@message":
			ev.Message = f.Value
		case "@log":
			ev.Group = strings.TrimPrefix(f.Value, accountPrefix(f.Value))
		case "@logStream":
			ev.Stream = f.Value
		}
	}
	if ev.Message != "" {
		s.AddEvent(ev)
	}
}
