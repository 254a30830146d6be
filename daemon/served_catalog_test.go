package daemon

import (
	"context"
	"testing"
	"time"
)

// TestServedCatalog serves the daemon on one run of the catalog, scraped by
// a real Prometheus, and checks what it serves once incidents are open:
// Prometheus's view of it, the metrics contract, promtool's lint, and the
// incident page in a headless browser. One run, since each check needs the
// same dozen polls before the first incident opens.
func TestServedCatalog(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end run of the catalog with Prometheus and a browser")
	}
	r := startServed(t)
	// Prometheus starts while the daemon polls: its scrape manager applies
	// new targets only every five seconds.
	began := time.Now()
	prom := startPrometheus(t, r.d.Addr())
	polls := r.pollUntilOpen(t)
	t.Run("prometheus", func(t *testing.T) { checkPrometheusScrape(t, r, prom, polls, began) })
	t.Run("contract", func(t *testing.T) { checkContractMetricNames(t, r) })
	t.Run("promtool", func(t *testing.T) { checkPromtool(t, r) })
	for range 6 { // a few windows more, so the page's graphs have a line
		r.poll(context.Background())
	}
	t.Run("page in chromium", func(t *testing.T) { checkIncidentPage(t, r) })
}
