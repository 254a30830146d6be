// Package classifier decides why API Gateway answered 5xx. Its pipeline,
// in the order of its files:
//
//   - read (readfrom.go, readjson.go, prefix.go): stream the evidence line by
//     line, from plain text or the JSON of the CloudWatch Logs CLI, with
//     bounded memory;
//   - attribute (attribute.go, parse_*.go): say who wrote each line (the
//     gateway's execution or access log, the Lambda platform, the function,
//     an authorizer, a client, a CDN or a person) and group lines by request;
//   - match (rules.go, match.go, status_evidence.go): find the causes of
//     docs/taxonomy.md a line can show on its layer, and the status it shows;
//   - decide (decide.go, context_rules.go, collect.go, aggregate.go): the
//     cause and status of every request, then of the incident, abstaining
//     (cause unknown) when no line names a cause;
//   - explain (diagnose.go, missing.go, remediation.go, advice_api.go,
//     names.go, backoff.go, report.go): the why, the missing evidence, the
//     remediation steps (en, ja, zh-TW, pt-BR) for the API type and the
//     client backoff advice.
//
// It is pure: no I/O beyond the readers it is handed, no clock, no globals
// that change.
package classifier
