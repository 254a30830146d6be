package emulator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"time"
)

// Requests reach the handlers as a generic tree (from CBOR, JSON or an
// awsQuery form) and are decoded into structs through encoding/json. The
// flex types accept both a JSON number or bool and its string form, since
// awsQuery forms carry every value as a string.

// flexInt is an integer member.
type flexInt int64

// UnmarshalJSON accepts 60, 60.0 and "60".
func (f *flexInt) UnmarshalJSON(b []byte) error {
	s := string(bytes.Trim(b, `"`))
	if s == "" || s == "null" {
		return nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v != math.Trunc(v) {
		return fmt.Errorf("not an integer: %s", b)
	}
	*f = flexInt(v)
	return nil
}

// flexBool is a boolean member.
type flexBool bool

// UnmarshalJSON accepts true and "true".
func (f *flexBool) UnmarshalJSON(b []byte) error {
	v, err := strconv.ParseBool(string(bytes.Trim(b, `"`)))
	if err != nil {
		return fmt.Errorf("not a boolean: %s", b)
	}
	*f = flexBool(v)
	return nil
}

// flexTime is a timestamp member: epoch seconds (CBOR tag 1, JSON number)
// or an ISO 8601 string (awsQuery).
type flexTime struct{ time.Time }

// UnmarshalJSON accepts 1767225600, 1767225600.5 and "2026-01-01T00:00:00Z".
func (f *flexTime) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		return f.parseString(s)
	}
	v, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		return fmt.Errorf("not a timestamp: %s", b)
	}
	f.Time = time.UnixMilli(int64(math.Round(v * 1000))).UTC()
	return nil
}

func (f *flexTime) parseString(s string) error {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			f.Time = t.UTC()
			return nil
		}
	}
	if v, err := strconv.ParseFloat(s, 64); err == nil {
		f.Time = time.UnixMilli(int64(v * 1000)).UTC()
		return nil
	}
	return fmt.Errorf("not a timestamp: %q", s)
}

// decodeTree decodes a generic request tree into a request struct.
func decodeTree(tree any, v any) error {
	b, err := json.Marshal(tree)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}
