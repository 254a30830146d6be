// Package graph draws an incident's picture: the stage's 5xx rate and its
// latency at the configured percentile over the windows the daemon polled,
// as a PNG for the Slack thread
// and the incident page. It renders with gonum.org/v1/plot, in process, from
// figures already held; it never calls AWS.
package graph
