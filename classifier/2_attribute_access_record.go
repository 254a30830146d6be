package classifier

// The fields of a JSON log record that the classifier reads, under their
// normalised names: a record's format is its writer's (an access log's is
// the user's own), so "integration.error", "integrationErrorMessage" and
// "integration_error" all become the key without punctuation, lower case,
// and a field of a nested object is named after its parent too
// ({"integration": {"status": ...}} is integrationstatus). Only these are
// kept; a record's other fields are read past.
type field uint8

const (
	fMessage field = iota
	fLogGroupName
	fLog
	fLogStreamName
	fIngestionTime
	fEventID
	fPtr
	fTimestamp
	fType
	fLevel
	fStatus
	fStatusCode
	fHTTPStatus
	fRequestID
	fAWSRequestID
	fExtendedRequestID
	fRouteKey
	fHTTPMethod
	fResourcePath
	fPath
	fIntegrationErrorMessage
	fIntegrationError
	fIntegrationStatus
	fIntegrationIntegrationStatus
	fIntegrationLatency
	fIntegrationRequestID
	fAWSEndpointRequestID
	fResponseLength
	fErrorMessage
	fErrorMessageString
	fError
	fErrorResponseType
	fResponseType
	fAuthorizerError
	fAuthError
	fRecordStatus
	fRecordErrorType
	fRecordRequestID
	fRecordPhase
	fEventType
	fConnectionID
	fResultRaw
	fSourceMessage
	fAttributesMessage
	numFields
)

// fieldNames are the normalised names of the fields, by field.
var fieldNames = [numFields]string{
	"message", "loggroupname", "log", "logstreamname", "ingestiontime", "eventid", "ptr", "timestamp",
	"type", "level", "status", "statuscode", "httpstatus", "requestid", "awsrequestid", "extendedrequestid",
	"routekey", "httpmethod", "resourcepath", "path", "integrationerrormessage", "integrationerror",
	"integrationstatus", "integrationintegrationstatus", "integrationlatency", "integrationrequestid",
	"awsendpointrequestid", "responselength", "errormessage", "errormessagestring", "error",
	"errorresponsetype", "responsetype", "authorizererror", "autherror", "recordstatus",
	"recorderrortype", "recordrequestid", "recordphase", "eventtype", "connectionid",
	"resultraw", "sourcemessage", "attributesmessage",
}

// fieldsByLen lists the fields by the length of their names: finding a
// key among the few of its length is cheaper than hashing it, and every
// key of every record is looked up.
var fieldsByLen = func() (t [32][]field) {
	for f, name := range fieldNames {
		t[len(name)] = append(t[len(name)], field(f))
	}
	return t
}()

// fieldNamed finds the field a normalised key names.
func fieldNamed(key []byte) (field, bool) {
	if len(key) >= len(fieldsByLen) {
		return 0, false
	}
	for _, f := range fieldsByLen[len(key)] {
		if string(key) == fieldNames[f] {
			return f, true
		}
	}
	return 0, false
}

// the set of present fields is one word
var _ [64 - numFields]struct{}

// accessRecord is a log record read field by field: the known fields'
// values, and which of them the record holds at all (a field logged empty
// still shows that the format has the variable).
type accessRecord struct {
	val     [numFields]string
	present uint64
	// msgObject is the object a top-level "@message" holds (a Logs
	// Insights row saved as JSON whose message was JSON), in the line read
	msgObject []byte
}

// get returns the first value among fs that is neither empty nor "-" (an
// access log's empty variable).
func (r *accessRecord) get(fs ...field) string {
	for _, f := range fs {
		if v := r.val[f]; v != "" && v != "-" {
			return v
		}
	}
	return ""
}

// namesAccessVariable reports whether the record holds a field only an
// access log's format writes, empty ("-") or not: the error's response
// type, the integration's status, latency, request id or error, the
// extended request id, the route key ($context variables no other log
// has). A record that ended well writes "-" for most of them, and a Logs
// Insights query may rename the rest (`httpMethod as method`).
func (r *accessRecord) namesAccessVariable() bool {
	for _, f := range [...]field{fErrorResponseType, fIntegrationErrorMessage, fIntegrationStatus, fIntegrationLatency, fIntegrationRequestID, fExtendedRequestID, fRouteKey} {
		if r.has(f) {
			return true
		}
	}
	return false
}

// has reports whether the record holds f, empty or not.
func (r *accessRecord) has(f field) bool {
	return r.present&(1<<f) != 0
}

func (r *accessRecord) set(f field, v string) {
	r.val[f] = v
	r.present |= 1 << f
}

// appendNormKey appends a key's normalised form: its ASCII letters, lower
// case, and digits.
func appendNormKey(dst, k []byte) []byte {
	for _, c := range k {
		if n := keyBytes[c]; n != 0 {
			dst = append(dst, n)
		}
	}
	return dst
}

// keyBytes maps a byte of a key to its normalised form, 0 to drop it.
var keyBytes = func() (t [256]byte) {
	for c := range 256 {
		if l := lower(byte(c)); isDigit(l) || ('a' <= l && l <= 'z') {
			t[c] = l
		}
	}
	return t
}()
