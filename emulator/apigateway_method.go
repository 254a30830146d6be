package emulator

import (
	"github.com/apigw-triage/apigw-triage/emulator/world"
)

func (s *Server) findMethod(c *call, p []string) (world.Resource, world.Method, error) {
	a, err := s.findRestAPI(c, p[0])
	if err != nil {
		return world.Resource{}, world.Method{}, err
	}
	for _, r := range a.Resources {
		if r.ID != p[1] {
			continue
		}
		for _, m := range r.Methods {
			if m.HTTPMethod == p[2] {
				return r, m, nil
			}
		}
		return r, world.Method{}, errAPIGWNotFound("Invalid Method identifier specified")
	}
	return world.Resource{}, world.Method{}, errAPIGWNotFound("Invalid Resource identifier specified")
}

func (s *Server) getMethod(c *call, p []string) (any, error) {
	r, m, err := s.findMethod(c, p)
	if err != nil {
		return nil, err
	}
	return methodJSON(r, m), nil
}

func (s *Server) getIntegration(c *call, p []string) (any, error) {
	r, m, err := s.findMethod(c, p)
	if err != nil {
		return nil, err
	}
	if m.Integration == nil {
		return nil, errAPIGWNotFound("No integration defined for method")
	}
	return restIntegrationJSON(r, *m.Integration), nil
}

func methodJSON(r world.Resource, m world.Method) map[string]any {
	out := map[string]any{
		"httpMethod": m.HTTPMethod, "authorizationType": orDefault(m.AuthorizationType, "NONE"),
		"apiKeyRequired": false,
	}
	setIf(out, "authorizerId", m.AuthorizerID)
	if m.Integration != nil {
		out["methodIntegration"] = restIntegrationJSON(r, *m.Integration)
	}
	return out
}

// restIntegrationJSON renders an Integration; the 29 s default timeout is
// API Gateway's REST integration maximum
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html).
func restIntegrationJSON(r world.Resource, in world.Integration) map[string]any {
	timeout := in.TimeoutMillis
	if timeout == 0 {
		timeout = 29000
	}
	out := map[string]any{
		"type": in.Type, "timeoutInMillis": timeout, "cacheNamespace": r.ID,
		"cacheKeyParameters": []string{}, "passthroughBehavior": "WHEN_NO_MATCH",
		"connectionType": orDefault(in.ConnectionType, "INTERNET"),
	}
	setIf(out, "httpMethod", in.HTTPMethod)
	setIf(out, "uri", in.URI)
	setIf(out, "connectionId", in.ConnectionID)
	setIf(out, "credentials", in.Credentials)
	return out
}

func setIf(m map[string]any, k, v string) {
	if v != "" {
		m[k] = v
	}
}

func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

func orEmpty(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}
