package classifier

import (
	"fmt"
)

// Status is the HTTP status API Gateway answered, restricted to the 5xx
// codes this tool explains; StatusNone when the evidence shows that the
// client got something other than a 5xx, StatusUnknown when nothing in the
// evidence shows what the client got.
type Status int

// The statuses a diagnosis can carry.
const (
	StatusUnknown Status = -1
	StatusNone    Status = 0
	Status500     Status = 500
	Status502     Status = 502
	Status503     Status = 503
	Status504     Status = 504
)

// Statuses returns every status value, StatusNone first. Callers that
// pre-create label sets iterate over it.
func Statuses() []Status {
	return []Status{StatusNone, Status500, Status502, Status503, Status504, StatusUnknown}
}

// String returns "500", "502", "503", "504", "none" or "unknown".
func (s Status) String() string {
	switch s {
	case Status500, Status502, Status503, Status504:
		return fmt.Sprintf("%d", int(s))
	case StatusUnknown:
		return "unknown"
	default:
		return "none"
	}
}

// Is5xx reports whether the status is one of the 5xx codes.
func (s Status) Is5xx() bool { return s >= Status500 }

// MarshalText encodes the status as its string form.
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText accepts "500", "502", "503", "504", "none" or "unknown".
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
