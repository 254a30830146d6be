package notifier

import (
	"net/http"
	"time"
)

// HTTPClient returns a client that gives up on one request after timeout:
// a copy of c (which may carry the caller's transport) with that timeout,
// or a new client when c is nil. The sinks' timeout keys act through it,
// whoever supplied the client.
func HTTPClient(c *http.Client, timeout time.Duration) *http.Client {
	out := &http.Client{}
	if c != nil {
		cp := *c
		out = &cp
	}
	out.Timeout = timeout
	return out
}
