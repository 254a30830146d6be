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
// labels of 1446 reports, 2026-12; TestSuspectsFollowTheTrainingPart prints
// it again and fails when a cause left the top or its share moved more
// than five points). A symptom is ranked from 10 training reports, and
// names at most three causes, each the cause of at least two reports and
// a tenth of them.
var suspectTable = map[symptom]suspectRow{
	{stage.APIHTTP, Status500}:       {88, []causeCount{cc("lambda_function_error", 29), cc("authorizer_error", 11), cc("lambda_malformed_proxy_response", 11)}},
	{stage.APIHTTP, Status503}:       {16, []causeCount{cc("integration_timeout", 11), cc("lambda_throttled", 4)}},
	{stage.APIREST, Status500}:       {160, []causeCount{cc("lambda_function_error", 45), cc("lambda_invoke_permission", 36), cc("authorizer_error", 25)}},
	{stage.APIREST, statusSome}:      {338, []causeCount{cc("lambda_function_error", 93), cc("lambda_handler_misconfigured", 54), cc("lambda_malformed_proxy_response", 54)}},
	{stage.APIREST, Status502}:       {178, []causeCount{cc("lambda_malformed_proxy_response", 52), cc("lambda_function_error", 48), cc("lambda_handler_misconfigured", 48)}},
	{stage.APIREST, Status504}:       {68, []causeCount{cc("integration_timeout", 67)}},
	{stage.APIWebSocket, Status500}:  {15, []causeCount{cc("lambda_function_error", 4), cc("lambda_invoke_permission", 4), cc("lambda_handler_misconfigured", 3)}},
	{stage.APIWebSocket, statusSome}: {21, []causeCount{cc("lambda_function_error", 7), cc("lambda_handler_misconfigured", 4), cc("lambda_invoke_permission", 4)}},
	{stage.APIUnknown, Status500}:    {281, []causeCount{cc("lambda_function_error", 88), cc("lambda_invoke_permission", 50), cc("authorizer_error", 38)}},
	{stage.APIUnknown, statusSome}:   {490, []causeCount{cc("lambda_function_error", 152), cc("lambda_handler_misconfigured", 73), cc("lambda_malformed_proxy_response", 70)}},
	{stage.APIUnknown, Status502}:    {209, []causeCount{cc("lambda_function_error", 64), cc("lambda_malformed_proxy_response", 56), cc("lambda_handler_misconfigured", 54)}},
	{stage.APIUnknown, Status503}:    {18, []causeCount{cc("integration_timeout", 11), cc("lambda_throttled", 4), cc("lambda_function_error", 2)}},
	{stage.APIUnknown, Status504}:    {75, []causeCount{cc("integration_timeout", 74)}},
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
