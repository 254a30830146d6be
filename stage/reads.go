package stage

import "slices"

// Read is one of the reads that make up a tripped stage's evidence. When
// one fails (throttled past the SDK's retries, an AWS error, a query that
// outlived logs.query_timeout), the diagnosis rests on the others: the
// collector names it, the incident keeps it with the diagnosis it cost,
// and the notifiers say what it cost.
type Read string

// The reads of a stage's evidence, a closed set: metric label values and
// message texts are made from it.
const (
	// ReadFunctions is Lambda GetFunctionConfiguration of the integrated
	// functions: their timeout (which tells a function timeout from the
	// gateway's) and a custom log group (LoggingConfig.LogGroup).
	ReadFunctions Read = "functions"
	// ReadMetrics is CloudWatch GetMetricData over the evidence window:
	// counts, latency maxima, the functions' Errors, Throttles, Duration.
	ReadMetrics Read = "metrics"
	// ReadLogs is the Logs Insights query (or the FilterLogEvents
	// look-ups) over the stage's log groups.
	ReadLogs Read = "logs"
)

// Reads returns every read, in the order messages name them.
func Reads() []Read { return []Read{ReadFunctions, ReadMetrics, ReadLogs} }

// String returns the read's name.
func (r Read) String() string { return string(r) }

// KnownReads returns the known reads among rs, each once, in the order of
// Reads; nil when there is none.
func KnownReads(rs []Read) []Read {
	var out []Read
	for _, r := range Reads() {
		if slices.Contains(rs, r) {
			out = append(out, r)
		}
	}
	return out
}
