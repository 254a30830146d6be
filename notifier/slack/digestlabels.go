package slack

import "github.com/apigw-triage/apigw-triage/classifier"

// digestKey names a phrase only the digest uses, a key of the catalog's
// labels like the shared ones of package notifier.
type digestKey string

const (
	digestResolved digestKey = "digest_resolved" // "%d of %d resolved"
	digestThread   digestKey = "digest_thread"   // where the details are
	digestMore     digestKey = "digest_more"     // "…and %d more"
)

// digestLabel returns the phrase in the language, English when it has none.
func digestLabel(lang classifier.Lang, k digestKey) string {
	return classifier.Label(lang, string(k))
}
