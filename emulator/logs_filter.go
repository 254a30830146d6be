package emulator

import (
	"encoding/base64"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/apigw-triage/apigw-triage/emulator/world"
)

// FilterLogEvents limits (API reference: limit 1..10000, pages up to 1 MB).
const (
	maxFilterEvents = 10000
	maxFilterBytes  = 1 << 20
	// minFilterSlice is the least emulated time one page searches. AWS
	// searches in chunks and may answer an empty page with a nextToken;
	// searching a quarter of the window per page reproduces that.
	minFilterSlice = 10 * time.Minute
)

type filterLogEventsInput struct {
	LogGroupName        string   `json:"logGroupName"`
	LogGroupIdentifier  string   `json:"logGroupIdentifier"`
	StartTime           *int64   `json:"startTime"`
	EndTime             *int64   `json:"endTime"`
	FilterPattern       string   `json:"filterPattern"`
	Limit               int      `json:"limit"`
	NextToken           string   `json:"nextToken"`
	LogStreamNames      []string `json:"logStreamNames"`
	LogStreamNamePrefix string   `json:"logStreamNamePrefix"`
}

type logEventJSON struct {
	LogStreamName string `json:"logStreamName"`
	Timestamp     int64  `json:"timestamp"`
	Message       string `json:"message"`
	IngestionTime int64  `json:"ingestionTime"`
	EventID       string `json:"eventId"`
}

// filterCursor is where the next page resumes: the first millisecond not
// fully read, the events of that millisecond already read, and the window.
type filterCursor struct {
	ms, skip   int64
	start, end int64
}

func (s *Server) filterLogEvents(c *call) (any, error) {
	in, group, err := s.filterInput(c)
	if err != nil {
		return nil, err
	}
	fp, err := parseFilterPattern(in.FilterPattern)
	if err != nil {
		return nil, err
	}
	cur, err := s.filterStart(in)
	if err != nil {
		return nil, err
	}
	limit := in.Limit
	if limit == 0 {
		limit = maxFilterEvents
	}
	events, next := s.filterPage(c, group, in, fp, cur, limit)
	out := map[string]any{"events": events, "searchedLogStreams": []any{}}
	if next != nil {
		out["nextToken"] = next.encode()
	}
	return out, nil
}

func (s *Server) filterInput(c *call) (*filterLogEventsInput, string, error) {
	var in filterLogEventsInput
	if err := decodeJSONInput(c, &in); err != nil {
		return nil, "", err
	}
	if (in.LogGroupName == "") == (in.LogGroupIdentifier == "") {
		return nil, "", errLogsInvalidParam("Exactly one of logGroupName or logGroupIdentifier must be specified.")
	}
	if len(in.LogStreamNames) > 0 && in.LogStreamNamePrefix != "" {
		return nil, "", errLogsInvalidParam("logStreamNames and logStreamNamePrefix are mutually exclusive.")
	}
	if in.Limit < 0 || in.Limit > maxFilterEvents {
		return nil, "", errLogsInvalidParam("1 validation error detected: Value at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000")
	}
	group, err := s.resolveLogGroup(c, in.LogGroupName+in.LogGroupIdentifier)
	return &in, group, err
}

func (s *Server) filterStart(in *filterLogEventsInput) (filterCursor, error) {
	if in.NextToken != "" {
		cur, ok := decodeFilterCursor(in.NextToken)
		if !ok {
			return cur, errLogsInvalidParam("The specified nextToken is invalid.")
		}
		return cur, nil
	}
	cur := filterCursor{end: s.b.Now().UnixMilli() + 1}
	if in.StartTime != nil {
		cur.start = *in.StartTime
	}
	if in.EndTime != nil {
		cur.end = *in.EndTime
	}
	if cur.start >= cur.end {
		return cur, errLogsInvalidParam("endTime must be greater than startTime.")
	}
	cur.ms = cur.start
	return cur, nil
}

// filterPage reads one page: matching events from the cursor until the
// limit, the byte cap or the end of this page's time slice.
func (s *Server) filterPage(c *call, group string, in *filterLogEventsInput, fp logMatcher, cur filterCursor, limit int) ([]logEventJSON, *filterCursor) {
	slice := max(minFilterSlice.Milliseconds(), (cur.end-cur.start)/4)
	sliceEnd := min(cur.ms+slice, cur.end)
	events := []logEventJSON{}
	var next *filterCursor
	bytes, atMs, lastMs := 0, int64(0), int64(-1)
	s.b.LogEvents(c.account, c.region, group, time.UnixMilli(cur.ms), time.UnixMilli(sliceEnd), func(e world.Event) bool {
		ms := e.Time.UnixMilli()
		if ms != lastMs {
			lastMs, atMs = ms, 0
		}
		atMs++
		if ms == cur.ms && atMs <= cur.skip {
			return true
		}
		if !streamSelected(e.Stream, in) || !fp.match(e.Message) {
			return true
		}
		if len(events) >= limit || bytes+len(e.Message) > maxFilterBytes {
			next = &filterCursor{ms: ms, skip: atMs - 1, start: cur.start, end: cur.end}
			return false
		}
		bytes += len(e.Message)
		events = append(events, eventJSON(e))
		return true
	})
	if next == nil && sliceEnd < cur.end {
		next = &filterCursor{ms: sliceEnd, start: cur.start, end: cur.end}
	}
	return events, next
}

func streamSelected(stream string, in *filterLogEventsInput) bool {
	if len(in.LogStreamNames) > 0 {
		return slices.Contains(in.LogStreamNames, stream)
	}
	return strings.HasPrefix(stream, in.LogStreamNamePrefix)
}

func eventJSON(e world.Event) logEventJSON {
	return logEventJSON{LogStreamName: e.Stream, Timestamp: e.Time.UnixMilli(), Message: e.Message,
		IngestionTime: e.Ingested.UnixMilli(), EventID: e.EventID}
}

func (fc filterCursor) encode() string {
	return base64.RawURLEncoding.EncodeToString(fmt.Appendf(nil, "fle:%d:%d:%d:%d", fc.ms, fc.skip, fc.start, fc.end))
}

func decodeFilterCursor(tok string) (filterCursor, bool) {
	b, err := base64.RawURLEncoding.DecodeString(tok)
	if err != nil {
		return filterCursor{}, false
	}
	var fc filterCursor
	n, err := fmt.Sscanf(string(b), "fle:%d:%d:%d:%d", &fc.ms, &fc.skip, &fc.start, &fc.end)
	return fc, err == nil && n == 4 && fc.start <= fc.ms && fc.ms <= fc.end
}
