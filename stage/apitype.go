package stage

import (
	"fmt"
	"strings"
)

// APIType is the kind of API Gateway API: REST (v1), HTTP (v2) or
// WebSocket (v2, protocol WEBSOCKET).
type APIType int

// API types. APIUnknown means neither given nor inferable from the evidence.
const (
	APIUnknown APIType = iota
	APIREST
	APIHTTP
	APIWebSocket
)

// String returns "REST", "HTTP", "WEBSOCKET" or "unknown".
func (a APIType) String() string {
	switch a {
	case APIREST:
		return "REST"
	case APIHTTP:
		return "HTTP"
	case APIWebSocket:
		return "WEBSOCKET"
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

// ParseAPIType accepts "REST", "HTTP", "WEBSOCKET", "auto" or "unknown" (case-insensitive);
// "auto" and "unknown" mean APIUnknown, to be inferred from the evidence.
func ParseAPIType(v string) (APIType, error) {
	switch strings.ToLower(v) {
	case "rest", "v1":
		return APIREST, nil
	case "http", "v2":
		return APIHTTP, nil
	case "websocket", "ws":
		return APIWebSocket, nil
	case "auto", "unknown", "":
		return APIUnknown, nil
	}
	return APIUnknown, fmt.Errorf("unknown API type %q (want REST, HTTP, WEBSOCKET or auto)", v)
}
