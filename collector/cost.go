package collector

import "time"

// costState accumulates the billed usage since the last poll ended:
// metrics requested (steady state and evidence) and Insights bytes.
type costState struct {
	metrics int64
	bytes   int64
}

// month is the 30-day month the projection uses.
const month = 30 * 24 * time.Hour

// bytesPerGB is the GB of CloudWatch Logs pricing (2^30 bytes).
const bytesPerGB = 1 << 30

// monthlyCost projects the usage of one poll interval to a month: the
// metrics requested and the bytes scanned per poll, times polls per month,
// times the list prices.
func monthlyCost(metricsPerPoll, bytesPerPoll float64, interval time.Duration, p Prices) float64 {
	if interval <= 0 {
		return 0
	}
	polls := float64(month) / float64(interval)
	return polls * (metricsPerPoll/1000*p.PerThousandMetrics + bytesPerPoll/bytesPerGB*p.PerGBScanned)
}

func (c *Collector) countMetrics(n int) {
	c.mu.Lock()
	c.cost.metrics += int64(n)
	c.mu.Unlock()
}

func (c *Collector) countBytes(n int64) {
	c.metrics.bytesScanned.Add(float64(n))
	c.mu.Lock()
	c.cost.bytes += n
	c.mu.Unlock()
}

// closeCostPeriod publishes the projection from the usage since the last
// poll and starts a new period.
func (c *Collector) closeCostPeriod() {
	c.mu.Lock()
	usage := c.cost
	c.cost = costState{}
	c.mu.Unlock()
	c.metrics.monthlyCost.Set(monthlyCost(float64(usage.metrics), float64(usage.bytes), c.opts.Interval, c.opts.Prices))
}
