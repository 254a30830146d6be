package slack

import (
	"testing"

	"github.com/apigw-triage/apigw-triage/classifier"
)

// TestDigestLabelsAreInTheCatalog checks that the digest's own phrases
// have text in every language of the catalog.
func TestDigestLabelsAreInTheCatalog(t *testing.T) {
	for _, k := range []digestKey{digestResolved, digestThread, digestMore} {
		for _, lang := range classifier.Langs() {
			if digestLabel(lang, k) == "" {
				t.Errorf("digest label %q has no text in %s", k, lang)
			}
		}
	}
}
