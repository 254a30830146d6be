package daemon

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/apigw-triage/apigw-triage/config"
)

// immutable sets or clears the file's immutable attribute: the kernel then
// refuses every write to it, through descriptors already open too, as a
// read-only or full disk would. Root alone may set it (CAP_LINUX_IMMUTABLE)
// and only on file systems that have it (ext4, xfs, btrfs).
func immutable(t *testing.T, path string, on bool) {
	t.Helper()
	flag := "-i"
	if on {
		flag = "+i"
	}
	if out, err := exec.Command("chattr", flag, path).CombinedOutput(); err != nil {
		if on && os.Getenv("CI") != "" {
			t.Fatalf("CI needs chattr on a file system with the immutable attribute: %v %s", err, out)
		}
		if on {
			t.Skipf("cannot make the store file read-only with chattr (needs root and ext4/xfs/btrfs): %v %s", err, out)
		}
		t.Fatalf("chattr -i: %v %s", err, out)
	}
}

// TestStoreRefusesWritesMidRun makes the incident store's file unwritable
// for part of a catalog run: readiness drops with the reason, the error
// counter rises, and once the file is writable again every incident of the
// run, those that opened and resolved during the outage included, is
// announced, none twice.
func TestStoreRefusesWritesMidRun(t *testing.T) {
	var path string
	r := startServedWith(t, catalogSetup{config: func(c *config.Config) {
		path = c.State.Path
		c.Slack.DigestThreshold = 0 // one message per transition, to count them
	}}, "")
	ctx := context.Background()
	r.pollUntilOpen(t)
	immutable(t, path, true)
	t.Cleanup(func() { _ = exec.Command("chattr", "-i", path).Run() })
	before := len(r.seen)
	for range 20 {
		r.poll(ctx)
	}
	openedDuring := len(r.seen) - before
	held := r.d.opts.Incidents.Held()
	readyErr := r.d.Ready()
	code, body := getStatus(t, "http://"+r.d.Addr()+"/readyz")
	errs := metricValue(t, r.scrape(t), "apigw_triage_store_errors_total")
	t.Logf("during the outage: %d incidents opened, %d changes held, /readyz %d %q, store errors %g",
		openedDuring, held, code, strings.TrimSpace(body), errs)
	if readyErr == nil || code != http.StatusServiceUnavailable || !strings.Contains(body, "refuses writes") {
		t.Errorf("readiness during the outage: %v, /readyz %d %q", readyErr, code, body)
	}
	if errs < 1 || held == 0 || openedDuring == 0 {
		t.Fatalf("the outage did not bite: %g store errors, %d held, %d opened", errs, held, openedDuring)
	}

	immutable(t, path, false)
	for range 10 {
		r.poll(ctx)
	}
	r.settle(t)
	if err := r.d.opts.Incidents.Healthy(); err != nil || r.d.opts.Incidents.Held() != 0 {
		t.Errorf("after the outage: %v, %d held", err, r.d.opts.Incidents.Held())
	}
	checkAnnouncedOnce(t, r)
}

// checkAnnouncedOnce compares what the webhook stand-in received with the
// incidents: one post per transition, no post twice, and every incident's
// notifications delivered with none pending or failed.
func checkAnnouncedOnce(t *testing.T, r *servedRun) {
	t.Helper()
	posts := r.bodies.all()
	distinct := map[string]bool{}
	for _, b := range posts {
		distinct[string(b)] = true
	}
	transitions := metricSum(t, r.scrape(t), "apigw_triage_incident_transitions_total")
	incidents := apiIncidents(t, r)
	t.Logf("after the outage: %d incidents, %g transitions, %d posts (%d distinct)", len(incidents), transitions, len(posts), len(distinct))
	if float64(len(posts)) != transitions || len(distinct) != len(posts) {
		t.Errorf("%d posts (%d distinct) for %g transitions", len(posts), len(distinct), transitions)
	}
	for _, inc := range incidents {
		if s := inc.Notifications["slack"]; s.Delivered == 0 || s.Pending != 0 || s.Failed != 0 {
			t.Errorf("incident %s (%s): slack delivered %d, pending %d, failed %d", inc.ID, inc.Stage, s.Delivered, s.Pending, s.Failed)
		}
	}
}

type apiIncident struct {
	ID            string `json:"id"`
	Stage         string `json:"stage"`
	Notifications map[string]struct {
		Delivered, Pending, Failed int
	} `json:"notifications"`
}

func apiIncidents(t *testing.T, r *servedRun) []apiIncident {
	t.Helper()
	code, body := getStatus(t, "http://"+r.d.Addr()+"/api/incidents?state=all")
	var doc struct{ Incidents []apiIncident }
	if err := json.Unmarshal([]byte(body), &doc); err != nil || code != http.StatusOK {
		t.Fatalf("/api/incidents: %d %v", code, err)
	}
	return doc.Incidents
}

func getStatus(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// metricValue returns the value of an unlabelled series in a scrape.
func metricValue(t *testing.T, scrape []byte, name string) float64 {
	t.Helper()
	return metricSum(t, scrape, name)
}

// metricSum adds the values of every series of a metric in a scrape.
func metricSum(t *testing.T, scrape []byte, name string) float64 {
	t.Helper()
	sum, found := 0.0, false
	for line := range bytes.Lines(scrape) {
		f := strings.Fields(string(line))
		if len(f) != 2 || (f[0] != name && !strings.HasPrefix(f[0], name+"{")) {
			continue
		}
		var v float64
		if err := json.Unmarshal([]byte(f[1]), &v); err != nil {
			t.Fatalf("%s: value %q", name, f[1])
		}
		sum, found = sum+v, true
	}
	if !found {
		t.Fatalf("no series of %s in /metrics", name)
	}
	return sum
}
