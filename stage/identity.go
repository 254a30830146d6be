package stage

import "fmt"

// Identity names one API stage: where it lives and how CloudWatch and the
// console know it.
type Identity struct {
	// Key is account/region/type/apiID/stage: stable across restarts and
	// renames, so incidents can be keyed by it.
	Key     string
	Account string
	// AccountName labels the account in messages (accounts[].name); empty
	// shows the account id.
	AccountName string `json:",omitempty"`
	Region      string
	APIType     APIType
	APIName     string
	APIID       string
	Stage       string
	// IntegrationID names the HTTP API's only integration, "" otherwise.
	IntegrationID string `json:",omitempty"`
}

// New names a stage and gives it its key.
func New(account, region string, t APIType, apiID, apiName, stageName string) Identity {
	return Identity{
		Key:     fmt.Sprintf("%s/%s/%s/%s/%s", account, region, t, apiID, stageName),
		Account: account, Region: region, APIType: t, APIName: apiName, APIID: apiID, Stage: stageName,
	}
}

// MetricDimension returns the dimension CloudWatch keys the stage's API by:
// REST metrics by ApiName, HTTP and WebSocket API metrics by ApiId (API
// Gateway developer guide, "dimensions for metrics"). The other dimension
// is Stage.
func (id Identity) MetricDimension() (name, value string) {
	if id.APIType == APIHTTP || id.APIType == APIWebSocket {
		return "ApiId", id.APIID
	}
	return "ApiName", id.APIName
}

// ErrorMetric is the metric whose Sum is the 5xx count and whose
// SampleCount is the request count. WebSocket APIs have no 5xx metric:
// their errors are IntegrationError plus ExecutionError, and this names
// the first.
func (id Identity) ErrorMetric() string {
	switch id.APIType {
	case APIHTTP:
		return "5xx"
	case APIWebSocket:
		return "IntegrationError"
	}
	return "5XXError"
}

// RESTExecutionLogGroup is the log group API Gateway writes a REST stage's
// execution logs to; "" for HTTP APIs, which have none.
func (id Identity) RESTExecutionLogGroup() string {
	if id.APIType == APIHTTP || id.APIID == "" {
		return ""
	}
	return "API-Gateway-Execution-Logs_" + id.APIID + "/" + id.Stage
}

// AccountLabel is how messages name the account: "name (id)", or the id
// alone when the account has no name of its own.
func (id Identity) AccountLabel() string {
	if id.AccountName == "" || id.AccountName == id.Account {
		return id.Account
	}
	if id.Account == "" {
		return id.AccountName
	}
	return id.AccountName + " (" + id.Account + ")"
}

// Label is how metric and alert labels name the API, the same everywhere
// so that series join on api and stage: REST APIs by name, the key of their
// CloudWatch metrics; other APIs by name and id, because their metrics are
// keyed by id and two HTTP APIs may share a name and a "$default" stage.
func (id Identity) Label() string {
	switch {
	case id.APIName == "":
		return id.APIID
	case id.APIType != APIREST && id.APIID != "" && id.APIID != id.APIName:
		return id.APIName + " (" + id.APIID + ")"
	default:
		return id.APIName
	}
}
