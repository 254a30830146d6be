// Package stage is the vocabulary every part of the daemon uses for one
// monitored API Gateway stage: the API type, the stage's identity (key,
// names, CloudWatch dimensions, log groups, console links) and the figures
// of an evaluated window. The collector fills them, the incident store
// keeps them and the notifiers show them; none of them copies the fields
// into a type of its own.
package stage
