// Package classifier decides why API Gateway answered 5xx. It parses the
// evidence an incident leaves (REST execution logs, HTTP API access logs,
// Lambda logs, client output, and CloudWatch exports of them), recognises
// each cause of TAXONOMY.md by weighted signatures, diagnoses every request
// and then the incident, and attaches the remediation steps (en, ja, zh-TW,
// pt-BR) and the retry advice for API clients. It is pure: no I/O beyond the
// readers it is handed, no clock, no globals that change.
package classifier
