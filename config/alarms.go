package config

import "time"

// Alarms switches the daemon from polling CloudWatch to the alarms a team
// already has: an EventBridge rule sends their state changes to an SQS
// queue, and the daemon long-polls it instead of reading any metric to
// decide which stage fails (deploy/alarms has the rule and the queue).
type Alarms struct {
	// QueueURL is the queue's URL; empty (the default) keeps polling mode.
	QueueURL string `yaml:"queue_url"`
	// Wait is how long one ReceiveMessage waits for an event (SQS long
	// polling, 0 to 20s, whole seconds). An empty receive is a billed SQS
	// request: at 20s that is about 130,000 a month, inside the free tier;
	// 0 (short polling) returns at once and the daemon receives again
	// after collector.interval instead.
	Wait time.Duration `yaml:"wait"`
}

func (v *validator) alarms(a *Alarms) {
	if a.QueueURL != "" {
		v.httpURL("alarms.queue_url", a.QueueURL)
	}
	v.durationRange("alarms.wait", a.Wait, 0, 20*time.Second)
	if a.Wait%time.Second != 0 {
		v.add("alarms.wait", "must be whole seconds (SQS WaitTimeSeconds), not %s", fmtDuration(a.Wait))
	}
}
