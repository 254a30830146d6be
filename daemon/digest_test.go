package daemon

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/config"
	"github.com/apigw-triage/apigw-triage/emulator/scenario"
	"github.com/apigw-triage/apigw-triage/incident"
)

// TestDigestOfIncidentsOpeningInOnePoll: with digest_threshold 2, the
// incidents that one poll of the catalog opens reach the Slack webhook as
// one digest that names each of them, not as a message each. The catalog's
// failures begin a minute or more apart, so the first three REST stages'
// are moved to begin together, as when a shared dependency fails.
func TestDigestOfIncidentsOpeningInOnePoll(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end run of the catalog")
	}
	r := startServedWith(t, catalogSetup{
		faults: alignFirstEpisodes(3),
		config: func(c *config.Config) {
			c.Slack.DigestThreshold, c.Slack.DigestWindow = 2, 300*time.Millisecond
		},
	}, "")
	known := map[string]bool{}
	digests := 0
	// The aligned failures open together within a few minutes of their
	// start; the polls after that would only add single openings.
	until := firstEpisodeStart(r.world.Episodes()).Add(8 * time.Minute)
	for r.clk.Now().Before(until) {
		before := len(r.bodies.all())
		r.poll(context.Background())
		var fresh []incident.Incident
		for _, inc := range r.d.opts.Incidents.Open() {
			if !known[inc.ID] {
				known[inc.ID] = true
				fresh = append(fresh, inc)
			}
		}
		r.settle(t)
		opened := openedPosts(t, r.bodies.all()[before:])
		if len(fresh) < 2 {
			continue
		}
		digests++
		if len(opened) != 1 {
			t.Fatalf("%d incidents opened in one poll, %d opening posts, want 1 digest", len(fresh), len(opened))
		}
		if want := fmt.Sprintf("%d incidents opened at once", len(fresh)); !strings.Contains(opened[0], want) {
			t.Errorf("digest %q does not say %q", opened[0], want)
		}
		for _, inc := range fresh {
			if !strings.Contains(opened[0], inc.Info.APIName+" / "+inc.Info.Stage) {
				t.Errorf("digest lacks %s / %s", inc.Info.APIName, inc.Info.Stage)
			}
		}
	}
	if digests == 0 {
		t.Fatal("no poll of the catalog opened two incidents at once")
	}
	t.Logf("%d digests for %d incidents", digests, len(known))
}

// firstEpisodeStart is when the earliest failure episode begins.
func firstEpisodeStart(eps []scenario.EpisodeInfo) time.Time {
	var first time.Time
	for _, ep := range eps {
		if first.IsZero() || ep.Start.Before(first) {
			first = ep.Start
		}
	}
	return first
}

// alignFirstEpisodes makes the failure episodes of the first n REST stages
// that have one begin and end with the first of them.
func alignFirstEpisodes(n int) func(*scenario.Scenario) {
	return func(sc *scenario.Scenario) {
		var first *scenario.Episode
		for i := range sc.Accounts[0].Regions[0].RestAPIs {
			api := &sc.Accounts[0].Regions[0].RestAPIs[i]
			for j := range api.Stages {
				for k := range api.Stages[j].Episodes {
					ep := &api.Stages[j].Episodes[k]
					if first == nil {
						first = ep
					} else if n > 0 {
						ep.Start, ep.Duration = first.Start, first.Duration
					}
					n--
				}
			}
		}
	}
}

// settle waits until every dispatcher's outbox is empty. A dispatcher
// that backs off after failures (a store outage) sleeps on the manual
// clock, so when its outbox has not moved for a while and something waits
// on the clock, emulated time moves on as it would in a real run.
func (r *servedRun) settle(t *testing.T) {
	t.Helper()
	for _, run := range r.d.opts.Runners {
		d, ok := run.(*incident.Dispatcher)
		if !ok {
			continue
		}
		// A stuck outbox fails; a slow one (the race detector on a busy
		// machine, hundreds of held changes) does not: the minute counts
		// from the last delivery, not from the start.
		depth, moved, delivered := d.Depth(), time.Now(), time.Now()
		for d.Depth() > 0 {
			if time.Since(delivered) > 60*time.Second {
				t.Fatalf("outbox stuck: nothing delivered for 60 s (%d left)", d.Depth())
			}
			if n := d.Depth(); n != depth {
				depth, moved, delivered = n, time.Now(), time.Now()
			} else if next, ok := r.clk.Next(); ok && time.Since(moved) > 500*time.Millisecond {
				// Blocked on the clock: move it to the first deadline, a
				// backoff of minutes included, rather than stepping there
				// on a machine too busy to take many steps in a minute.
				r.clk.Set(next)
				moved = time.Now()
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
}

// openedPosts returns the webhook messages that announce an opening (a
// single incident's or a digest), as their text and blocks.
func openedPosts(t *testing.T, bodies [][]byte) []string {
	t.Helper()
	var out []string
	for _, b := range bodies {
		var msg struct{ Text string }
		if err := json.Unmarshal(b, &msg); err != nil {
			t.Fatalf("webhook body: %v", err)
		}
		if strings.Contains(msg.Text, "Incident opened") || strings.Contains(msg.Text, "opened at once") {
			out = append(out, msg.Text+"\n"+string(bytes.ReplaceAll(b, []byte(`\u003e`), []byte(">"))))
		}
	}
	return out
}
