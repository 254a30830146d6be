package daemon

import (
	"net/url"
	"regexp"

	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/apigw-triage/apigw-triage/alarms"
	"github.com/apigw-triage/apigw-triage/collector"
	"github.com/apigw-triage/apigw-triage/config"
)

// pollSource is what the daemon polls: the collector, or in alarm mode
// the alarm queue, with the collector behind it for discovery and evidence.
func pollSource(cfg *config.Config, env Env, col *collector.Collector) (Collector, error) {
	a := cfg.Alarms
	if a.QueueURL == "" {
		return col, nil
	}
	sdk := col.SDKConfig()
	if r := queueRegion(a.QueueURL); r != "" {
		sdk.Region = r
	}
	o := alarmOptions(cfg, env)
	o.SQS, o.Stages = sqs.NewFromConfig(sdk), col
	return alarms.New(o)
}

// alarmOptions are the alarm source's options but its clients.
func alarmOptions(cfg *config.Config, env Env) alarms.Options {
	a := cfg.Alarms
	return alarms.Options{
		QueueURL: a.QueueURL, Wait: a.Wait, Repeat: cfg.Logs.RediagnoseInterval,
		BookPath: cfg.State.Path + ".alarms",
		Clock:    env.Clock, Logger: env.Logger.With("component", "alarms"),
	}
}

// sqsHost is an SQS endpoint host: sqs.<region>.amazonaws.com (or the
// legacy <region>.queue.amazonaws.com), whose region the client must sign for.
var sqsHost = regexp.MustCompile(`^(?:sqs\.([a-z0-9-]+)|([a-z0-9-]+)\.queue)\.amazonaws\.com(?:\.cn)?$`)

// queueRegion is the region of a queue URL; "" for another host (the
// emulator), which keeps aws.region.
func queueRegion(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	m := sqsHost.FindStringSubmatch(u.Hostname())
	if m == nil {
		return ""
	}
	return m[1] + m[2]
}
