package world

// AlarmedStage is a stage the emulated account watches with CloudWatch
// alarms of its own: the emulator evaluates them as the scenario plays and
// sends their state changes, as EventBridge would, to the alarm queue.
type AlarmedStage struct {
	Account string
	Region  string
	HTTP    bool // HTTP or WebSocket API: metrics keyed by ApiId, else REST by ApiName
	APIID   string
	APIName string
	Stage   string
	// ErrorMetric and LatencyMetric are what the team alarms on: 5XXError
	// or 5xx and Latency; a WebSocket stage, which has neither, alarms on
	// the error metric its failures count in and on IntegrationLatency.
	ErrorMetric   string
	LatencyMetric string
}

// AlarmSource is implemented by a Backend whose account has alarms; a
// Backend without it has none.
type AlarmSource interface {
	AlarmedStages() []AlarmedStage
}
