// Package classifier decides why API Gateway answered 5xx. Its files are
// numbered in the order of its pipeline:
//
//  1. read (1_read_*.go): stream the evidence line by line, from plain text
//     or the JSON of the CloudWatch Logs CLI, with bounded memory; undo how
//     a line was pasted (a page's typographic quotes and entities, a
//     terminal's colours, markdown quotes, lists and code, an editor's
//     gutter), strip the timestamps and columns tools and exports put
//     before a message and open the JSON objects they put around one (a
//     CloudWatch event, a Logs Insights row), so that the answer does not
//     depend on where the evidence was copied from; a JSON log record is
//     read in one pass for the fields the rules use;
//  2. attribute (2_attribute_*.go): say who wrote each line (the gateway's
//     execution or access log, the Lambda platform, the function, an
//     authorizer, a client, a CDN or a person) and group lines by request;
//  3. match (3_match_*.go): find the causes of docs/taxonomy.md that a line
//     can show on its layer, and the status it shows; the rule type and its
//     matching are in 3_match_rules.go, the rule tables in
//     3_match_rules_*.go by what they read (Lambda, the gateway, backends,
//     the function, runtimes, clients, people and other actors), the
//     status sources in 3_match_status*.go;
//  4. decide (4_decide_*.go): the cause and status of every request, then
//     of the incident, abstaining (cause unknown) when no line names one,
//     and the confidence: the precision that kind of answer has on the
//     training reports (4_decide_calibration.go);
//  5. explain (5_explain_*.go): the why, the missing evidence, the
//     remediation steps (en, ja, zh-TW, pt-BR) in the API type's own CLI,
//     the names a caller knows filled in, the client backoff advice, and
//     the text and JSON reports.
//
// session.go holds the state the steps share; cause.go and status.go the
// vocabulary (causes, statuses, API types). The package is pure: no I/O
// beyond the readers it is handed, no clock, no globals that change.
package classifier
