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
		case "events", "results", "data":
			// (data: Datadog's Logs API v2 answer, its events in an array)
			if err := expectDelim(dec, '['); err != nil {
				return err
			}
			err = s.readArray(dec)
		case "hits":
			err = s.readHits(dec)
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

// readHits reads the "hits" object of an Elasticsearch or OpenSearch
// search answer, whose own "hits" array holds the events.
func (s *Session) readHits(dec *json.Decoder) error {
	if err := expectDelim(dec, '{'); err != nil {
		return err
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return err
		}
		if key == "hits" {
			if err := expectDelim(dec, '['); err != nil {
				return err
			}
			err = s.readArray(dec)
		} else {
			var skip json.RawMessage
			err = dec.Decode(&skip)
		}
		if err != nil {
			return err
		}
	}
	_, err := dec.Token()
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
		// an event, or a get-query-results pair of an array that was
		// pasted without the results around it (one row): decoded once
		// for both
		var el struct {
			cliEvent
			resultField
		}
		err := json.Unmarshal(raw, &el)
		switch {
		case err == nil && el.Message != "":
			s.AddEvent(LogEvent{Group: el.LogGroupName, Stream: el.LogStreamName, Message: el.Message})
		case err == nil && el.Field == "@message":
			s.AddEvent(LogEvent{Message: el.Value})
		default:
			s.addLine(raw, srcAuto)
		}
	}
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
