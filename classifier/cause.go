package classifier

import (
	"fmt"

	"github.com/apigw-triage/apigw-triage/stage"
)

// Cause is one root cause of an API Gateway 5xx response. The set is closed:
// it is exactly the table of docs/taxonomy.md, and String never returns anything
// outside it, so a cause can be used as a Prometheus label value safely.
type Cause int

// The causes, in the order of the taxonomy table.
const (
	CauseUnknown Cause = iota
	CauseLambdaMalformedProxyResponse
	CauseLambdaInvokePermission
	CauseStageVariablePermission
	CauseStageVariableUnresolved
	CauseLambdaPackagePermission
	CauseLambdaHandlerMisconfigured
	CauseLambdaFunctionError
	CauseLambdaFunctionTimeout
	CauseLambdaRuntimeCrash
	CauseLambdaOutOfMemory
	CauseLambdaThrottled
	CauseLambdaPayloadTooLarge
	CauseBackendPayloadTooLarge
	CauseIntegrationTimeout
	CauseStatusMappingMissing
	CauseIntegrationMethodNotPost
	CauseMappingTemplateError
	CauseAuthorizerError
	CauseCredentialsRoleError
	CausePrivateIntegrationError
	CauseBackendTLSError
	CauseBackendConnectionError
	CauseBackendUnavailable
	CauseBackendThrottled
	CauseInternalServiceFailure
	CauseNot5xx
	// CauseLambdaErrorMaskedAs200 comes after not_5xx, outside the
	// taxonomy's order, so that the values of the older causes stay.
	CauseLambdaErrorMaskedAs200
	numCauses
)

// Retry says whether a client retry can help with a cause.
type Retry int

// Retry values, as the "retry" column of the taxonomy gives them.
const (
	RetryNo Retry = iota
	RetryYes
	RetryMaybe
	RetryNotApplicable
)

// String returns "no", "yes", "maybe" or "-".
func (r Retry) String() string {
	switch r {
	case RetryYes:
		return "yes"
	case RetryMaybe:
		return "maybe"
	case RetryNotApplicable:
		return "-"
	default:
		return "no"
	}
}

// causeInfo is one row of the taxonomy table.
type causeInfo struct {
	id    string
	rest  Status // status a REST API (v1) client receives; na where it cannot occur
	http  Status // status an HTTP API (v2) client receives; na where it cannot occur
	retry Retry
}

// na marks an API type on which a cause cannot occur (a "-" of the
// taxonomy): REST features such as stage variables in integration URIs and
// mapping templates do not exist for HTTP APIs.
const na Status = -2

// taxonomy is docs/taxonomy.md as data. Unknown's "any" is StatusNone,
// because the status then comes from the evidence, not from the cause.
// WebSocket APIs answer a failing $connect handshake as a REST API answers
// the same failure (the integration and authorizer machinery is REST's), so
// they take the REST column.
var taxonomy = [numCauses]causeInfo{
	CauseUnknown:                      {"unknown", StatusNone, StatusNone, RetryNotApplicable},
	CauseLambdaMalformedProxyResponse: {"lambda_malformed_proxy_response", Status502, Status500, RetryNo},
	CauseLambdaInvokePermission:       {"lambda_invoke_permission", Status500, Status500, RetryNo},
	CauseStageVariablePermission:      {"stage_variable_permission", Status500, na, RetryNo},
	CauseStageVariableUnresolved:      {"stage_variable_unresolved", Status500, na, RetryNo},
	CauseLambdaPackagePermission:      {"lambda_package_permission", Status502, Status500, RetryNo},
	CauseLambdaHandlerMisconfigured:   {"lambda_handler_misconfigured", Status502, Status500, RetryNo},
	CauseLambdaFunctionError:          {"lambda_function_error", Status502, Status500, RetryNo},
	CauseLambdaFunctionTimeout:        {"lambda_function_timeout", Status502, Status500, RetryMaybe},
	CauseLambdaRuntimeCrash:           {"lambda_runtime_crash", Status502, Status500, RetryNo},
	CauseLambdaOutOfMemory:            {"lambda_out_of_memory", Status502, Status500, RetryNo},
	CauseLambdaThrottled:              {"lambda_throttled", Status500, Status500, RetryYes},
	CauseLambdaPayloadTooLarge:        {"lambda_payload_too_large", Status502, Status500, RetryNo},
	CauseBackendPayloadTooLarge:       {"backend_payload_too_large", Status500, Status500, RetryNo},
	CauseIntegrationTimeout:           {"integration_timeout", Status504, Status503, RetryMaybe},
	CauseStatusMappingMissing:         {"status_mapping_missing", Status500, na, RetryNo},
	CauseIntegrationMethodNotPost:     {"integration_method_not_post", Status500, Status500, RetryNo},
	CauseMappingTemplateError:         {"mapping_template_error", Status500, na, RetryNo},
	CauseAuthorizerError:              {"authorizer_error", Status500, Status500, RetryNo},
	CauseCredentialsRoleError:         {"credentials_role_error", Status500, Status500, RetryNo},
	CausePrivateIntegrationError:      {"private_integration_error", Status500, Status503, RetryMaybe},
	CauseBackendTLSError:              {"backend_tls_error", Status500, Status500, RetryNo},
	CauseBackendConnectionError:       {"backend_connection_error", Status504, Status503, RetryYes},
	CauseBackendUnavailable:           {"backend_unavailable", Status503, Status503, RetryYes},
	CauseBackendThrottled:             {"backend_throttled", Status500, Status500, RetryYes},
	CauseInternalServiceFailure:       {"internal_service_failure", Status500, Status500, RetryYes},
	CauseNot5xx:                       {"not_5xx", StatusNone, StatusNone, RetryNotApplicable},
	CauseLambdaErrorMaskedAs200:       {"lambda_error_masked_as_200", StatusNone, na, RetryNo},
}

// String returns the cause's stable id (docs/taxonomy.md).
func (c Cause) String() string {
	if c < 0 || c >= numCauses {
		return taxonomy[CauseUnknown].id
	}
	return taxonomy[c].id
}

// MarshalText makes a Cause encode as its id in JSON and YAML.
func (c Cause) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText accepts a cause id.
func (c *Cause) UnmarshalText(b []byte) error {
	v, err := ParseCause(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// ParseCause returns the cause with the given id.
func ParseCause(id string) (Cause, error) {
	for c := range numCauses {
		if taxonomy[c].id == id {
			return c, nil
		}
	}
	return CauseUnknown, fmt.Errorf("unknown cause id %q", id)
}

// Causes returns every cause, in taxonomy order. Callers that pre-create
// label sets iterate over it.
func Causes() []Cause {
	out := make([]Cause, 0, numCauses)
	for c := range numCauses {
		out = append(out, c)
	}
	return out
}

// Status returns the status a client of the given API type usually
// receives for the cause. For stage.APIType Unknown it returns the REST status;
// WebSocket APIs take the REST status (the status of the $connect
// handshake). It returns StatusNone for unknown, not_5xx and
// lambda_error_masked_as_200, and where the cause cannot occur on that API
// type.
func (c Cause) Status(api stage.APIType) Status {
	st := c.column(api)
	if st == na {
		return StatusNone
	}
	return st
}

func (c Cause) column(api stage.APIType) Status {
	if c < 0 || c >= numCauses {
		return StatusNone
	}
	if api == stage.APIHTTP {
		return taxonomy[c].http
	}
	return taxonomy[c].rest
}

// AppliesTo reports whether the cause can occur on the given API type
// (several REST features, such as stage variables in integration URIs and
// mapping templates, do not exist for HTTP APIs).
func (c Cause) AppliesTo(api stage.APIType) bool {
	return c.column(api) != na
}

// Retry says whether a client retry can help with the cause.
func (c Cause) Retry() Retry {
	if c < 0 || c >= numCauses {
		return RetryNotApplicable
	}
	return taxonomy[c].retry
}
