package slack

import "github.com/apigw-triage/apigw-triage/classifier"

// digestKey names a phrase only the digest uses; the shared labels of
// package notifier hold the rest.
type digestKey int

const (
	digestResolved digestKey = iota // "%d of %d resolved"
	digestThread                    // where the details are
	digestMore                      // "…and %d more"
)

var digestLabels = map[classifier.Lang][3]string{
	classifier.LangEN:   {"%d of %d resolved", "Details of each incident in the thread.", "…and %d more"},
	classifier.LangJA:   {"%d / %d 件解決", "各インシデントの詳細はスレッドにあります。", "…ほか %d 件"},
	classifier.LangZhTW: {"已解決 %d / %d", "各事件的詳情在討論串中。", "…另有 %d 個"},
	classifier.LangPtBR: {"%d de %d resolvidos", "Detalhes de cada incidente na conversa.", "…e mais %d"},
}

// digestLabel returns the phrase in the language, English when it has none.
func digestLabel(lang classifier.Lang, k digestKey) string {
	t, ok := digestLabels[lang]
	if !ok {
		t = digestLabels[classifier.LangEN]
	}
	return t[k]
}
