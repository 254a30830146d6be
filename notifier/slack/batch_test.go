package slack_test

import (
	"github.com/apigw-triage/apigw-triage/incident"
	"github.com/apigw-triage/apigw-triage/notifier/slack"
)

// The outbox hands digests to the sink through this interface.
var _ incident.BatchNotifier = (*slack.Notifier)(nil)
