package classifier

import (
	"fmt"
	"strings"
)

// Status is the HTTP status API Gateway answered, restricted to the 5xx
// codes this tool explains, or StatusNone when the evidence shows no 5xx.
type Status int

// The statuses a diagnosis can carry.
const (
	StatusNone Status = 0
	Status500  Status = 500
	Status502  Status = 502
	Status503  Status = 503
	Status504  Status = 504
)

// Statuses returns every status value, StatusNone first. Callers that
// pre-create label sets iterate over it.
func Statuses() []Status {
	return []Status{StatusNone, Status500, Status502, Status503, Status504}
}

// String returns "500", "502", "503", "504" or "none".
func (s Status) String() string {
	switch s {
	case Status500, Status502, Status503, Status504:
		return fmt.Sprintf("%d", int(s))
	default:
		return "none"
	}
}

// MarshalText encodes the status as its string form.
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText accepts "500", "502", "503", "504" or "none".
func (s *Status) UnmarshalText(b []byte) error {
	v, err := ParseStatus(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// ParseStatus parses a status string.
func ParseStatus(v string) (Status, error) {
	for _, s := range Statuses() {
		if s.String() == v {
			return s, nil
		}
	}
	return StatusNone, fmt.Errorf("unknown status %q", v)
}

// APIType is the kind of API Gateway API: REST (v1) or HTTP (v2).
type APIType int

// API types. APIUnknown means neither given nor inferable from the evidence.
const (
	APIUnknown APIType = iota
	APIREST
	APIHTTP
)

// String returns "REST", "HTTP" or "unknown".
func (a APIType) String() string {
	switch a {
	case APIREST:
		return "REST"
	case APIHTTP:
		return "HTTP"
	default:
		return "unknown"
	}
}

// MarshalText encodes the API type as its string form.
func (a APIType) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// UnmarshalText accepts the forms ParseAPIType accepts.
func (a *APIType) UnmarshalText(b []byte) error {
	v, err := ParseAPIType(string(b))
	if err != nil {
		return err
	}
	*a = v
	return nil
}

// ParseAPIType accepts "REST", "HTTP", "auto" or "unknown" (case-insensitive);
// "auto" and "unknown" mean APIUnknown, to be inferred from the evidence.
func ParseAPIType(v string) (APIType, error) {
	switch strings.ToLower(v) {
	case "rest", "v1":
		return APIREST, nil
	case "http", "v2":
		return APIHTTP, nil
	case "auto", "unknown", "":
		return APIUnknown, nil
	}
	return APIUnknown, fmt.Errorf("unknown API type %q (want REST, HTTP or auto)", v)
}
