package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/apigw-triage/apigw-triage/stage"

	"gopkg.in/yaml.v3"
)

// Load reads and checks the configuration file at path. getenv resolves
// ${NAME} references in secrets (os.Getenv in production). On any problem
// it returns nil and an Errors listing every problem found; a file that
// cannot be read is an Errors of one.
func Load(path string, getenv func(string) string) (*Config, error) {
	data, err := readConfigFile(path)
	if err != nil {
		return nil, Errors{{File: path, Line: 1, Col: 1, Msg: "cannot read configuration: " + fileError(err)}}
	}
	cfg, err := Parse(data, path, getenv)
	if err != nil {
		return nil, err
	}
	if w := writableWarning("configuration file", path); w != "" {
		cfg.Warnings = append([]string{w}, cfg.Warnings...)
	}
	return cfg, nil
}

// Parse checks a configuration held in memory; filename is used in error
// positions, and relative *_file paths are read relative to the working
// directory, as for Load.
func Parse(data []byte, filename string, getenv func(string) string) (*Config, error) {
	p := newProblems(filename)
	root, ok := parseYAML(data, p)
	if !ok {
		return nil, p.result()
	}
	cfg := Default()
	d := newDecoder(p)
	if root != nil {
		p.pos[""] = position{value: root}
		d.decode(root, reflect.ValueOf(&cfg).Elem(), "")
	}
	v := &validator{p: p, failed: d.failed, refs: d.refs, getenv: getenv}
	v.config(&cfg)
	if err := p.result(); err != nil {
		return nil, err
	}
	cfg.Warnings = v.warnings
	return &cfg, nil
}

// parseYAML parses exactly one YAML document; it returns nil for an empty
// file, which means "all defaults".
func parseYAML(data []byte, p *problems) (*yaml.Node, bool) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, true
		}
		syntaxError(p, err, data)
		return nil, false
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == nil:
		p.at(&next, "", "a configuration file holds one yaml document, found another")
		return nil, false
	case !errors.Is(err, io.EOF):
		syntaxError(p, err, data)
		return nil, false
	}
	if len(doc.Content) == 0 {
		return nil, true
	}
	return doc.Content[0], true
}

// yamlLine finds the line yaml.v3 puts in its syntax errors; it gives no column.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func syntaxError(p *problems, err error, data []byte) {
	msg := err.Error()
	line := 1
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		if n, convErr := strconv.Atoi(m[1]); convErr == nil {
			line = n
		}
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	if strings.Contains(msg, "cannot start any token") && indentedWithTab(data, line) {
		msg += ": a tab; YAML indents with spaces only"
	}
	p.at(&yaml.Node{Line: line, Column: 1}, "", "yaml syntax error: %s", msg)
}

// indentedWithTab reports whether the 1-based line's indentation holds a
// tab, which YAML refuses with a scanner message that names no tab.
func indentedWithTab(data []byte, line int) bool {
	lines := bytes.SplitN(data, []byte("\n"), line+1)
	if line < 1 || line > len(lines) {
		return false
	}
	l := lines[line-1]
	return bytes.IndexByte(l[:len(l)-len(bytes.TrimLeft(l, " \t"))], '\t') >= 0
}

// String summarises a loaded configuration in one line, for check-config
// and the daemon's start-up log.
func (c *Config) String() string {
	regions := 0
	for _, a := range c.Accounts {
		regions += len(a.Regions)
	}
	watch := "discovery of " + typeNames(c.Discovery.APITypes)
	if !c.Discovery.Enabled {
		watch = count(len(c.Targets), "explicit target")
	} else if len(c.Targets) > 0 {
		watch += " and " + count(len(c.Targets), "explicit target")
	}
	trigger := "poll every " + fmtDuration(c.Collector.Interval)
	if c.Alarms.QueueURL != "" {
		trigger = "alarm mode (state changes from SQS, no metric polling)"
	}
	if c.HA.Shards > 1 {
		// a ${POD_INDEX} read from this environment: say which shard it is
		watch += fmt.Sprintf(" (shard_index %d of %d shards)", c.HA.ShardIndex, c.HA.Shards)
	}
	return fmt.Sprintf("%s, %s, %s, %s, slack %s, alertmanager %s, listen %s",
		count(len(c.Accounts), "account"), count(regions, "account-region"), watch, trigger,
		c.slackMode(), onOff(c.Alertmanager.Enabled()), c.Server.Listen)
}

// count is "1 account", "2 accounts": the summary is read by people.
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func (c *Config) slackMode() string {
	switch {
	case c.Slack.Token.IsSet():
		return "bot token to " + c.Slack.Channel
	case c.Slack.WebhookURL.IsSet():
		return "webhook"
	}
	return "off"
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

// Redacted returns the configuration as YAML, every default filled in and
// every secret shown as <secret>: what the daemon runs with, safe to print.
func (c *Config) Redacted() string {
	shown := *c
	// a URL's user information is a credential (Go's HTTP client sends it
	// as basic auth); its password prints as url.URL.Redacted writes it
	shown.AWS.EndpointURL = redactURL(c.AWS.EndpointURL)
	shown.Slack.APIURL = redactURL(c.Slack.APIURL)
	shown.Alertmanager.URL = redactURL(c.Alertmanager.URL)
	shown.Alertmanager.RunbookURL = redactURL(c.Alertmanager.RunbookURL)
	b, err := yaml.Marshal(&shown)
	if err != nil {
		return fmt.Sprintf("# cannot print configuration: %v\n", err)
	}
	return string(b)
}

// redactURL hides the password of a URL's user information, or the user
// name when it stands alone (a token written as the user).
func redactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.User == nil {
		return s
	}
	if _, ok := u.User.Password(); !ok {
		u.User = url.User("xxxxx")
		return u.String()
	}
	return u.Redacted()
}

func typeNames(ts []stage.APIType) string {
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = t.String()
	}
	return strings.Join(names, " and ") + " APIs"
}
