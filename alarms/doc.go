// Package alarms is the daemon's alarm mode: instead of reading metrics to
// find failing stages, it takes the state changes of the CloudWatch alarms
// a team already has, sent by an EventBridge rule to an SQS queue. It maps
// each alarm to its API stage by the alarm's dimensions and hands the
// daemon the stages that alarm or recover, in the collector's own result
// type, so evidence, diagnosis and the incident lifecycle are those of
// polling mode. A message is deleted only once the incident it changed is
// stored; a book of the alarm states already applied makes a redelivered
// or out-of-order event harmless.
package alarms
