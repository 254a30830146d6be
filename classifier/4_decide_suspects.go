package classifier

import (
	"fmt"

	"github.com/apigw-triage/apigw-triage/stage"
)

// When no line names the cause of a 5xx, the tool abstains (cause
// unknown) and says which logs would decide. Until those logs are on, the
// on-call engineer still has to start somewhere: the suspects are the
// causes the public incident reports of the training part most often
// settled on for the same status on the same API type, with their shares.
// They are base rates of the symptom, not a diagnosis: the cause stays
// unknown, and no line of the evidence chose between them.

// Suspect is one cause a symptom's reports often had, and its share of them.
type Suspect struct {
	Cause Cause   `json:"cause"`
	Share float64 `json:"share"`
}

// symptom is what an abstention still knows: the status and the API type
// (APIUnknown: reports of every API type).
type symptom struct {
	api    stage.APIType
	status Status
}

// statusSome is a symptom's status when a 5xx showed without its code:
// REST's {"message": "Internal server error"} is sent with 500 and 502
// alike, so its reports are those of both.
const statusSome = StatusUnknown

func (k symptom) String() string { return fmt.Sprintf("%s %s", k.api, statusName(k.status)) }

// statusName is a symptom's status as the advice names it.
func statusName(s Status) string {
	if s == statusSome {
		return "500/502"
	}
	return s.String()
}

type causeCount struct {
	cause Cause
	n     int
}

// suspectRow is a symptom's reports on the training part (of) and its most
// frequent causes, most frequent first.
type suspectRow struct {
	of     int
	causes []causeCount
}

// suspectTable holds what the training part of testdata/real measured (the
// labels of 1382 reports, 2026-12; TestSuspectsFollowTheTrainingPart prints
// it again and fails when a cause left the top or its share moved more
// than five points). A symptom is ranked from 10 training reports, and
// names at most three causes, each the cause of at least two reports and
// a tenth of them.
var suspectTable = map[symptom]suspectRow{
	{stage.APIHTTP, Status500}:       {80, []causeCount{cc("lambda_function_error", 28), cc("authorizer_error", 10), cc("lambda_malformed_proxy_response", 10)}},
	{stage.APIHTTP, Status503}:       {15, []causeCount{cc("integration_timeout", 10), cc("lambda_throttled", 4)}},
	{stage.APIREST, Status500}:       {151, []causeCount{cc("lambda_function_error", 41), cc("lambda_invoke_permission", 33), cc("authorizer_error", 25)}},
	{stage.APIREST, statusSome}:      {318, []causeCount{cc("lambda_function_error", 88), cc("lambda_handler_misconfigured", 53), cc("lambda_malformed_proxy_response", 45)}},
	{stage.APIREST, Status502}:       {167, []causeCount{cc("lambda_function_error", 47), cc("lambda_handler_misconfigured", 47), cc("lambda_malformed_proxy_response", 44)}},
	{stage.APIREST, Status504}:       {65, []causeCount{cc("integration_timeout", 63)}},
	{stage.APIWebSocket, Status500}:  {14, []causeCount{cc("lambda_function_error", 4), cc("lambda_handler_misconfigured", 3), cc("lambda_invoke_permission", 3)}},
	{stage.APIWebSocket, statusSome}: {19, []causeCount{cc("lambda_function_error", 5), cc("lambda_handler_misconfigured", 5), cc("lambda_invoke_permission", 3)}},
	{stage.APIUnknown, Status500}:    {261, []causeCount{cc("lambda_function_error", 83), cc("lambda_invoke_permission", 44), cc("authorizer_error", 37)}},
	{stage.APIUnknown, statusSome}:   {455, []causeCount{cc("lambda_function_error", 144), cc("lambda_handler_misconfigured", 72), cc("lambda_malformed_proxy_response", 60)}},
	{stage.APIUnknown, Status502}:    {194, []causeCount{cc("lambda_function_error", 61), cc("lambda_handler_misconfigured", 54), cc("lambda_malformed_proxy_response", 48)}},
	{stage.APIUnknown, Status503}:    {18, []causeCount{cc("integration_timeout", 10), cc("lambda_throttled", 4), cc("lambda_function_error", 3)}},
	{stage.APIUnknown, Status504}:    {73, []causeCount{cc("integration_timeout", 71)}},
}

// cc names a cause of the table by its id.
func cc(id string, n int) causeCount {
	c, err := ParseCause(id)
	if err != nil {
		panic(err)
	}
	return causeCount{c, n}
}

// suspectsFor returns the suspects of a 5xx on the API type, or nil
// (status statusSome: a 5xx shown without its code), and the API type
// whose reports they come from: APIUnknown when the type's own reports of
// the status are too few and those of every type stand in.
func suspectsFor(api stage.APIType, status Status) ([]Suspect, stage.APIType) {
	row, ok := suspectTable[symptom{api, status}]
	if !ok {
		api = stage.APIUnknown
		row, ok = suspectTable[symptom{api, status}]
	}
	if !ok {
		return nil, api
	}
	out := make([]Suspect, 0, len(row.causes))
	for _, c := range row.causes {
		out = append(out, Suspect{Cause: c.cause, Share: round2(float64(c.n) / float64(row.of))})
	}
	return out, api
}
