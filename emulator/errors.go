package emulator

import (
	"encoding/json"
	"encoding/xml"
	"net/http"
	"strconv"
)

// apiError is an AWS error before it is put into a protocol's shape.
type apiError struct {
	Status int
	// Code is the error shape name (__type, x-amzn-ErrorType).
	Code string
	// QueryCode is the legacy awsQuery code of an @awsQueryCompatible
	// service (CloudWatch), sent in X-Amzn-Query-Error and used as the
	// awsQuery <Code>; empty means Code.
	QueryCode string
	Message   string
	// Receiver marks a server-side fault; the default is Sender.
	Receiver bool
	// RetryAfter, in seconds, sets the Retry-After header when positive.
	RetryAfter int
	// Extra members of the JSON error body (e.g. queryCompileError).
	Extra map[string]any
}

func (e *apiError) Error() string { return e.Code + ": " + e.Message }

func (e *apiError) fault() string {
	if e.Receiver {
		return "Receiver"
	}
	return "Sender"
}

func (e *apiError) queryCode() string {
	if e.QueryCode != "" {
		return e.QueryCode
	}
	return e.Code
}

func errSerialization(msg string) *apiError {
	return &apiError{Status: http.StatusBadRequest, Code: "SerializationException", Message: msg}
}

// asAPIError turns any handler error into an apiError; unexpected errors
// become the generic 500 AWS services answer with.
func asAPIError(err error) *apiError {
	if e, ok := err.(*apiError); ok { //nolint:errorlint // handlers return *apiError unwrapped
		return e
	}
	return &apiError{Status: http.StatusInternalServerError, Code: "InternalFailure", Message: err.Error(), Receiver: true}
}

func (s *Server) countError() { s.stats.add(func(st *Stats) { st.Errors++ }) }

func setRetryAfter(c *call, e *apiError) {
	if e.RetryAfter > 0 {
		c.w.Header().Set("Retry-After", strconv.Itoa(e.RetryAfter))
	}
}

// writeCBORError writes a Smithy RPC v2 CBOR error of a query-compatible
// service: __type plus both message spellings, and X-Amzn-Query-Error so
// the SDK reports the legacy code (reference §1.2).
func writeCBORError(c *call, e *apiError) {
	h := c.w.Header()
	h.Set("Content-Type", "application/cbor")
	h.Set("Smithy-Protocol", "rpc-v2-cbor")
	h.Set("X-Amzn-Query-Error", e.queryCode()+";"+e.fault())
	setRetryAfter(c, e)
	c.w.WriteHeader(e.Status)
	_, _ = c.w.Write(encodeCBOR(map[string]any{"__type": e.Code, "message": e.Message, "Message": e.Message}))
}

// writeJSONError writes an awsJson1_1 error: __type and message in the body.
func writeJSONError(c *call, e *apiError) {
	body := map[string]any{"__type": e.Code, "message": e.Message}
	for k, v := range e.Extra {
		body[k] = v
	}
	setRetryAfter(c, e)
	writeJSON(c, e.Status, "application/x-amz-json-1.1", body)
}

// writeRESTError writes a restJson1 error: the code in x-amzn-ErrorType and
// __type, the message under both spellings (API Gateway reads "message",
// Lambda's modelled errors "Message").
func writeRESTError(c *call, e *apiError) {
	c.w.Header().Set("X-Amzn-Errortype", e.Code)
	body := map[string]any{"__type": e.Code, "message": e.Message, "Message": e.Message}
	for k, v := range e.Extra {
		body[k] = v
	}
	setRetryAfter(c, e)
	writeJSON(c, e.Status, "application/json", body)
}

type queryErrorXML struct {
	XMLName   xml.Name `xml:"ErrorResponse"`
	Xmlns     string   `xml:"xmlns,attr,omitempty"`
	Type      string   `xml:"Error>Type"`
	Code      string   `xml:"Error>Code"`
	Message   string   `xml:"Error>Message"`
	RequestID string   `xml:"RequestId"`
}

// writeQueryError writes an awsQuery XML error.
func writeQueryError(c *call, xmlns string, e *apiError) {
	setRetryAfter(c, e)
	writeXML(c, e.Status, queryErrorXML{Xmlns: xmlns, Type: e.fault(), Code: e.queryCode(), Message: e.Message, RequestID: c.reqID})
}

func writeJSON(c *call, status int, contentType string, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status, b = http.StatusInternalServerError, []byte(`{"message":"emulator: cannot encode response"}`)
	}
	c.w.Header().Set("Content-Type", contentType)
	c.w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	c.w.WriteHeader(status)
	_, _ = c.w.Write(b)
}

func writeXML(c *call, status int, v any) {
	b, err := xml.Marshal(v)
	if err != nil {
		status, b = http.StatusInternalServerError, []byte("<ErrorResponse/>")
	}
	c.w.Header().Set("Content-Type", "text/xml")
	c.w.WriteHeader(status)
	_, _ = c.w.Write([]byte(xml.Header))
	_, _ = c.w.Write(b)
}
