// Package config loads apigw-triage's configuration: one strict path that
// reads the YAML file, rejects unknown keys, applies defaults, resolves
// secrets, compiles patterns, validates, and returns a normalised Config.
// Every problem is reported with its position as FILE:LINE:COL: key: message,
// all of them at once; the daemon refuses to start on any.
//
// config.example.yaml at the repository root documents every key with its
// default.
package config

import (
	"time"
)

// Config is the daemon's configuration after loading: defaults applied,
// secrets resolved, patterns compiled, every value validated. Code that reads
// it need not check anything again.
type Config struct {
	AWS AWS `yaml:"aws"`
	// Accounts are watched one by one. After loading there is always at
	// least one; an account with an empty RoleARN uses the ambient
	// credentials (environment, profile, instance or task role).
	Accounts []Account `yaml:"accounts"`
	// Regions are watched in every account that does not list its own.
	// After loading it holds at least AWS.Region.
	Regions []string `yaml:"regions"`
	// Targets are explicit API stages to watch. When they are given and
	// discovery.enabled is not written, discovery is off.
	Targets      []Target        `yaml:"targets"`
	Discovery    Discovery       `yaml:"discovery"`
	Thresholds   ThresholdConfig `yaml:"thresholds"`
	Collector    Collector       `yaml:"collector"`
	Logs         Logs            `yaml:"logs"`
	Slack        Slack           `yaml:"slack"`
	Alertmanager Alertmanager    `yaml:"alertmanager"`
	Server       Server          `yaml:"server"`
	Log          Log             `yaml:"log"`
	State        State           `yaml:"state"`
	Costs        Costs           `yaml:"costs"`
	HA           HA              `yaml:"ha"`
	Alarms       Alarms          `yaml:"alarms"`
	// Warnings are problems that do not stop the daemon (a configuration
	// or secret file others may write); run logs them, check-config prints
	// them.
	Warnings []string `yaml:"-"`
}

// AWS holds what every AWS client shares.
type AWS struct {
	// Region is the default region, used for STS and for Regions when that
	// list is empty.
	Region string `yaml:"region"`
	// EndpointURL, when set, sends every AWS service's requests to one
	// address: `apigw-triage emulate` in tests and demos.
	EndpointURL string `yaml:"endpoint_url"`
	// AccessKeyID and SecretAccessKey are static credentials; both or
	// neither. Empty means the SDK's default credential chain.
	AccessKeyID         string `yaml:"access_key_id"`
	SecretAccessKey     Secret `yaml:"secret_access_key"`
	SecretAccessKeyFile string `yaml:"secret_access_key_file"`
	// RetryMode is "standard" or "adaptive" (the SDK's retryers; adaptive
	// also slows the client down when AWS throttles).
	RetryMode string `yaml:"retry_mode"`
	// MaxAttempts bounds the tries of one call, the first included.
	MaxAttempts int `yaml:"max_attempts"`
	// MaxBackoff bounds the wait between two tries.
	MaxBackoff time.Duration `yaml:"max_backoff"`
}

// Account is one AWS account to watch.
type Account struct {
	// ID is the 12-digit account id; filled from RoleARN when omitted.
	// Empty only for the implicit account of the ambient credentials.
	ID string `yaml:"id"`
	// Name labels the account in messages; defaults to ID, or "default".
	Name string `yaml:"name"`
	// RoleARN is assumed through STS; empty means the ambient credentials.
	RoleARN string `yaml:"role_arn"`
	// ExternalID is passed to AssumeRole when the role's trust policy asks.
	ExternalID string `yaml:"external_id"`
	// Regions to watch in this account; after loading, never empty.
	Regions []string `yaml:"regions"`
}

// Server is the HTTP server for /metrics, /healthz, /readyz and /api/incidents.
type Server struct {
	// Listen is host:port. The default, 127.0.0.1:9108, does not expose
	// evidence (log lines in /api/incidents) beyond the host; containers set
	// 0.0.0.0:9108 so that Prometheus can scrape them.
	Listen string `yaml:"listen"`
	// ShutdownTimeout bounds a graceful shutdown (drain, flush, close).
	ShutdownTimeout time.Duration `yaml:"shutdown_timeout"`
}

// Log configures the process's slog logger.
type Log struct {
	Level  string `yaml:"level"`  // debug, info, warn or error
	Format string `yaml:"format"` // text or json
}

// State is the embedded incident store.
type State struct {
	// Path of the store file, relative to the working directory unless absolute.
	Path string `yaml:"path"`
	// Retention is how long resolved incidents are kept and listed.
	Retention time.Duration `yaml:"retention"`
}

// Costs are the AWS prices the cost estimate uses, in US dollars.
type Costs struct {
	// MetricsPer1000 is the GetMetricData price per 1,000 metrics requested.
	MetricsPer1000 float64 `yaml:"metrics_per_1000"`
	// InsightsPerGB is the Logs Insights price per GB scanned.
	InsightsPerGB float64 `yaml:"insights_per_gb"`
}

// HA splits the watched stages between replicas by a stable hash, so that
// two replicas never poll or notify the same stage.
type HA struct {
	Shards int `yaml:"shards"` // number of replicas; 1 means no sharding
	// ShardIndex is this replica's shard, 0..Shards-1. It may be written as
	// ${NAME}: the variable holds the number or a StatefulSet pod name
	// ending in -N, so one file serves every pod of the set.
	ShardIndex int `yaml:"shard_index"`
}
