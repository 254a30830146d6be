package daemon

import (
	"log/slog"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/apigw-triage/apigw-triage/clock"
	"github.com/apigw-triage/apigw-triage/config"
	"github.com/apigw-triage/apigw-triage/notifier"
)

// Sinks builds the notification sinks a configuration names, exactly as the
// daemon would (routes, languages, HTTP client), for `notify test`. Their
// metrics go to a registry of their own that nothing serves.
func Sinks(cfg *config.Config, env Env) ([]notifier.Notifier, error) {
	if env.Clock == nil {
		env.Clock = clock.Real{}
	}
	if env.Logger == nil {
		env.Logger = slog.New(slog.DiscardHandler)
	}
	sinks, _, err := buildSinks(cfg, env, prometheus.NewRegistry(), nil)
	return sinks, err
}
