package stage

import "time"

// EvidenceScope is what a diagnosis's evidence covered: the window its
// logs and metrics were read over, and the method or route that failed
// most often in those logs. Messages label the evidence's counts with the
// window, and fill the method into the remediation commands.
type EvidenceScope struct {
	Start time.Time `json:",omitzero"`
	End   time.Time `json:",omitzero"`
	// Method and Resource name the REST API method the most failed
	// requests of the logs called ("GET", "/items/{id}"); ResourceID is
	// that resource's id from discovery (GetResources), empty when the
	// path matched none of the API's resources.
	Method     string `json:",omitempty"`
	Resource   string `json:",omitempty"`
	ResourceID string `json:",omitempty"`
	// Route is the HTTP or WebSocket API route key the most failed
	// requests matched ("GET /items", "$default").
	Route string `json:",omitempty"`
	// IntegrationID and Function are that route's integration and the
	// Lambda function it invokes (or that method's function), when
	// discovery knows them (WebSocket APIs, whose routes each have an
	// integration of their own, and APIs with Lambda authorizers); when
	// the logs named no method or route and the authorizers' logs were
	// read too, Function is the stage's only integrated function.
	IntegrationID string `json:",omitempty"`
	Function      string `json:",omitempty"`
	// AuthorizerID and AuthorizerFunction are that route's Lambda
	// authorizer and its function, if it has one; when the logs named no
	// method or route, the stage's only Lambda authorizer, if it has one.
	AuthorizerID       string `json:",omitempty"`
	AuthorizerFunction string `json:",omitempty"`
}

// Resource is one resource of a REST API: its id and path ("/items/{id}").
type Resource struct {
	ID   string
	Path string
}
