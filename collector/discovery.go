package collector

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/apigw-triage/apigw-triage/stage"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/resourcegroupstaggingapi"
	tagtypes "github.com/aws/aws-sdk-go-v2/service/resourcegroupstaggingapi/types"
	"golang.org/x/sync/errgroup"
)

// discoveryFanOut bounds concurrent per-API discovery calls in one region:
// the API Gateway control plane allows only a few GETs per second.
const discoveryFanOut = 4

// discovered is the cached discovery of one region.
type discovered struct {
	at     time.Time
	stages []Stage
}

// apiMeta is what the filters look at.
type apiMeta struct {
	typ             stage.APIType
	id, name        string
	tags            map[string]string
	account, region string // where it was found, for targets restricted to one
}

// discover lists the stages of one region that the targets or the
// discovery filters select.
func (c *Collector) discover(ctx context.Context, r *region) ([]Stage, error) {
	c.learnAccount(ctx, r)
	tagged, err := c.taggedAPIs(ctx, r)
	if err != nil {
		return nil, err
	}
	prev := c.previous(r)
	var rest, http []Stage
	if c.wantsType(stage.APIREST) {
		if rest, err = c.discoverREST(ctx, r, tagged, prev); err != nil {
			return nil, fmt.Errorf("REST APIs: %w", err)
		}
	}
	if c.wantsType(stage.APIHTTP) || c.wantsType(stage.APIWebSocket) {
		if http, err = c.discoverHTTP(ctx, r, tagged, prev); err != nil {
			return nil, fmt.Errorf("HTTP and WebSocket APIs: %w", err)
		}
	}
	out := concat([][]Stage{rest, http})
	c.warnCollisions(r, out)
	return out, nil
}

func (c *Collector) wantsType(t stage.APIType) bool {
	if len(c.opts.Targets) > 0 {
		for _, tg := range c.opts.Targets {
			if tg.APIType == t || tg.APIType == stage.APIUnknown {
				return true
			}
		}
		return false
	}
	ts := c.opts.Discovery.APITypes
	return len(ts) == 0 || slices.Contains(ts, t)
}

// selected applies the targets, or else the discovery filters, to an API.
// tagged is nil when no tag filter is configured.
func (c *Collector) selected(a apiMeta, tagged map[string]bool) bool {
	if len(c.opts.Targets) > 0 {
		return c.target(a) != nil
	}
	d := c.opts.Discovery
	if d.Include != nil && !d.Include.MatchString(a.name) {
		return false
	}
	if d.Exclude != nil && d.Exclude.MatchString(a.name) {
		return false
	}
	for k, v := range d.ExcludeTags {
		if have, ok := a.tags[k]; ok && have == v {
			return false
		}
	}
	if len(d.Tags) == 0 {
		return true
	}
	if tagged != nil {
		return tagged[a.id]
	}
	return tagsMatch(a.tags, d.Tags)
}

// target returns the target that names the API, if any.
func (c *Collector) target(a apiMeta) *Target {
	for i, tg := range c.opts.Targets {
		if (tg.APIType == a.typ || tg.APIType == stage.APIUnknown) && (tg.API == a.name || tg.API == a.id) &&
			(tg.Account == "" || tg.Account == a.account) && (tg.Region == "" || tg.Region == a.region) {
			return &c.opts.Targets[i]
		}
	}
	return nil
}

// stageSelected applies a target's stage list.
func (c *Collector) stageSelected(a apiMeta, stage string) bool {
	tg := c.target(a)
	if tg == nil || len(tg.Stages) == 0 {
		return true
	}
	return slices.Contains(tg.Stages, stage)
}

func tagFilter(k, v string) tagtypes.TagFilter {
	return tagtypes.TagFilter{Key: aws.String(k), Values: []string{v}}
}

func tagsMatch(have, want map[string]string) bool {
	for k, v := range want {
		if have[k] != v {
			return false
		}
	}
	return true
}

// taggedAPIs asks the Tagging API for the API ids carrying every wanted
// tag. When the call fails it falls back to the tags GetRestApis and
// GetApis return (nil map), with a warning.
func (c *Collector) taggedAPIs(ctx context.Context, r *region) (map[string]bool, error) {
	want := c.opts.Discovery.Tags
	if len(want) == 0 || len(c.opts.Targets) > 0 {
		return nil, nil
	}
	in := &resourcegroupstaggingapi.GetResourcesInput{ResourceTypeFilters: []string{"apigateway:restapis", "apigateway:apis"}}
	for k, v := range want {
		in.TagFilters = append(in.TagFilters, tagFilter(k, v))
	}
	ids := map[string]bool{}
	p := resourcegroupstaggingapi.NewGetResourcesPaginator(r.tagging, in)
	var seen tokens
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			c.log.Warn("tagging lookup failed; filtering on the APIs' own tags", "account", r.account, "region", r.name, "err", err)
			return nil, nil
		}
		for _, m := range page.ResourceTagMappingList {
			ids[apiIDFromARN(aws.ToString(m.ResourceARN))] = true
		}
		if !seen.next(page.PaginationToken) {
			break
		}
	}
	if err := seen.cutShort("GetResources", "(tagging)"); err != nil {
		c.log.Warn("tagging lookup failed; filtering on the APIs' own tags", "account", r.account, "region", r.name, "op", "GetResources", "err", err)
		return nil, nil
	}
	return ids, nil
}

// apiIDFromARN takes the id out of arn:aws:apigateway:REGION::/restapis/ID
// or .../apis/ID.
func apiIDFromARN(arn string) string {
	i := strings.LastIndex(arn, "/")
	return arn[i+1:]
}

// warnCollisions logs REST APIs that share a name in one region: their
// metrics, keyed by ApiName, are merged by CloudWatch and cannot be told
// apart.
func (c *Collector) warnCollisions(r *region, stages []Stage) {
	ids := map[string]map[string]bool{}
	for _, s := range stages {
		if s.APIType != stage.APIREST {
			continue
		}
		if ids[s.APIName] == nil {
			ids[s.APIName] = map[string]bool{}
		}
		ids[s.APIName][s.APIID] = true
	}
	for name, set := range ids {
		if len(set) > 1 && c.firstWarning(r.id()+"/"+name) {
			c.log.Warn("REST APIs share a name; CloudWatch merges their metrics", "account", r.account, "region", r.name, "api", name, "count", len(set))
		}
	}
}

// forEach runs fn for every item with bounded fan-out; the first error
// cancels the rest.
func forEach[T any](ctx context.Context, items []T, fn func(context.Context, int, T) error) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(discoveryFanOut)
	for i, it := range items {
		g.Go(func() error { return fn(ctx, i, it) })
	}
	return g.Wait()
}

// firstWarning reports whether key has not been warned about yet, so that a
// condition found again at every discovery refresh is logged once.
func (c *Collector) firstWarning(key string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.warned[key] {
		return false
	}
	c.warned[key] = true
	return true
}

// stagesOf discovers the stages of every API with bounded fan-out and
// returns them in API order.
func stagesOf[T any](ctx context.Context, apis []T, fn func(context.Context, T) ([]Stage, error)) ([]Stage, error) {
	perAPI := make([][]Stage, len(apis))
	err := forEach(ctx, apis, func(ctx context.Context, i int, a T) error {
		st, err := fn(ctx, a)
		perAPI[i] = st
		return err
	})
	if err != nil {
		return nil, err
	}
	return concat(perAPI), nil
}

// concat joins the parts into one slice of exactly their length: a
// discovery of thousands of stages grown by append would leave up to
// twice the picture as garbage while the previous picture is still live.
func concat[T any](parts [][]T) []T {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	out := make([]T, 0, n)
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}
