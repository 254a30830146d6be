package emulator

import (
	"net/http"
	"slices"
	"sort"
	"strings"
)

// Resource Groups Tagging GetResources page size (API reference:
// ResourcesPerPage 1..100).
const (
	defaultTaggingPage = 50
	maxTaggingPage     = 100
)

type taggingInput struct {
	TagFilters []struct {
		Key    string
		Values []string
	}
	ResourceTypeFilters []string
	PaginationToken     string
	ResourcesPerPage    int
}

type taggedResource struct {
	arn, typ string
	tags     map[string]string
}

type tagJSON struct {
	Key   string
	Value string
}

type tagMappingJSON struct {
	ResourceARN string
	Tags        []tagJSON
}

func errTaggingInvalid(msg string) *apiError {
	return &apiError{Status: http.StatusBadRequest, Code: "InvalidParameterException", Message: msg}
}

// getTaggedResources lists the tagged API Gateway resources; an empty
// PaginationToken ends the listing, as in AWS.
func (s *Server) getTaggedResources(c *call) (any, error) {
	var in taggingInput
	if err := decodeJSONInput(c, &in); err != nil {
		return nil, err
	}
	if in.ResourcesPerPage < 0 || in.ResourcesPerPage > maxTaggingPage {
		return nil, errTaggingInvalid("ResourcesPerPage must be between 1 and 100.")
	}
	from, ok := decodePageToken(in.PaginationToken, "tag")
	if !ok {
		return nil, &apiError{Status: http.StatusBadRequest, Code: "PaginationTokenExpiredException", Message: "The pagination token is invalid or expired."}
	}
	var match []tagMappingJSON
	for _, r := range s.taggedResources(c) {
		if typeSelected(r.typ, in.ResourceTypeFilters) && tagsSelected(r.tags, &in) {
			match = append(match, tagMappingJSON{ResourceARN: r.arn, Tags: tagList(r.tags)})
		}
	}
	size := in.ResourcesPerPage
	if size == 0 {
		size = defaultTaggingPage
	}
	lo, hi, next := pageBounds(len(match), from, size, "tag")
	return map[string]any{"ResourceTagMappingList": append([]tagMappingJSON{}, match[lo:hi]...), "PaginationToken": next}, nil
}

func (s *Server) taggedResources(c *call) []taggedResource {
	prefix := "arn:aws:apigateway:" + c.region + "::"
	var out []taggedResource
	add := func(arn, typ string, tags map[string]string) {
		if len(tags) > 0 {
			out = append(out, taggedResource{arn: arn, typ: typ, tags: tags})
		}
	}
	for _, a := range s.b.RestAPIs(c.account, c.region) {
		add(prefix+"/restapis/"+a.ID, "apigateway:restapis", a.Tags)
		for _, st := range a.Stages {
			add(prefix+"/restapis/"+a.ID+"/stages/"+st.Name, "apigateway:restapis/stages", st.Tags)
		}
	}
	for _, a := range s.b.HTTPAPIs(c.account, c.region) {
		add(prefix+"/apis/"+a.ID, "apigateway:apis", a.Tags)
		for _, st := range a.Stages {
			add(prefix+"/apis/"+a.ID+"/stages/"+st.Name, "apigateway:apis/stages", st.Tags)
		}
	}
	return out
}

// typeSelected: a filter "apigateway" selects every resource of the
// service, "apigateway:restapis" that type exactly.
func typeSelected(typ string, filters []string) bool {
	if len(filters) == 0 {
		return true
	}
	svc, _, _ := strings.Cut(typ, ":")
	return slices.Contains(filters, typ) || slices.Contains(filters, svc)
}

// tagsSelected: every filter must match; a filter's values are
// alternatives, and no values means the key must exist.
func tagsSelected(tags map[string]string, in *taggingInput) bool {
	for _, f := range in.TagFilters {
		v, ok := tags[f.Key]
		if !ok || (len(f.Values) > 0 && !slices.Contains(f.Values, v)) {
			return false
		}
	}
	return true
}

func tagList(tags map[string]string) []tagJSON {
	out := make([]tagJSON, 0, len(tags))
	for k, v := range tags {
		out = append(out, tagJSON{Key: k, Value: v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}
