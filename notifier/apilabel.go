package notifier

import "github.com/apigw-triage/apigw-triage/classifier"

// APILabel is how metric and alert labels name an API, the same everywhere
// so that series join on api and stage: REST APIs by name, the key of their
// CloudWatch metrics; HTTP APIs by name and id, because their metrics are
// keyed by id and two HTTP APIs may share a name and a "$default" stage.
func APILabel(t classifier.APIType, name, id string) string {
	switch {
	case name == "":
		return id
	case t == classifier.APIHTTP && id != "" && id != name:
		return name + " (" + id + ")"
	default:
		return name
	}
}
