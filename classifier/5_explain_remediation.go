package classifier

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// The remediation catalog is data, not code: one YAML file per language in
// catalog/, keyed by cause id, so that translators can edit text without
// touching Go. It is embedded so the binary needs no files at run time.
//
//go:embed catalog/*.yaml
var catalogFS embed.FS

// Limits that keep the text usable in Slack Block Kit (a section text holds
// 3000 characters; a step list of several steps must fit with the rest of
// the message, so each step stays short) and in a terminal title line.
const (
	maxTitleRunes = 80
	maxStepRunes  = 300
)

// catalogFile is one language's file.
type catalogFile struct {
	Lang   Lang                    `yaml:"lang"`
	Causes map[string]catalogEntry `yaml:"causes"`
	// Backoff holds the client retry notes for BackoffNote, keyed by
	// backoffNoteKey (a cause id, "not_retryable" or "retry_after").
	Backoff map[string]string `yaml:"backoff_notes"`
	// Notes are sentences the advice adds for an API type (noteAutoDeploy).
	Notes map[string]string `yaml:"notes"`
	// Labels are the fixed text around the advice in a notification (Label).
	Labels map[string]string `yaml:"labels"`
}

// catalogEntry is the advice for one cause in one language.
type catalogEntry struct {
	Title string   `yaml:"title"`
	Steps []string `yaml:"steps"`
}

// catalog maps each language to its parsed file.
type catalog map[Lang]*catalogFile

// loadedCatalog parses and validates the embedded catalog once. A broken
// catalog is a programming error that the package tests catch; at run time
// lookups degrade to English and then to the cause id instead of panicking.
var loadedCatalog = sync.OnceValues(func() (catalog, error) {
	return loadCatalog(catalogFS)
})

// Remediate returns the remediation for a cause in a language; unsupported
// languages fall back to English. Matching ignores case ("zh-tw") and falls
// back on the primary subtag ("ja-JP" is ja, "pt" is pt-BR). The returned
// steps are a copy the caller may modify.
func Remediate(c Cause, lang Lang) Advice {
	cat, _ := loadedCatalog()
	lang = resolveLang(lang)
	e, ok := cat.entry(lang, c)
	if !ok {
		lang = LangEN
		e, ok = cat.entry(lang, c)
	}
	if !ok {
		return Advice{Lang: lang, Title: c.String()}
	}
	return Advice{Lang: lang, Title: e.Title, Steps: slices.Clone(e.Steps)}
}

// entry returns the catalog entry of a cause in a language.
func (cat catalog) entry(lang Lang, c Cause) (catalogEntry, bool) {
	f, ok := cat[lang]
	if !ok {
		return catalogEntry{}, false
	}
	e, ok := f.Causes[c.String()]
	return e, ok
}

// resolveLang maps a requested language to a supported one, English when
// nothing matches.
func resolveLang(lang Lang) Lang {
	for _, l := range Langs() {
		if strings.EqualFold(string(l), string(lang)) {
			return l
		}
	}
	primary, _, _ := strings.Cut(string(lang), "-")
	for _, l := range Langs() {
		p, _, _ := strings.Cut(string(l), "-")
		if strings.EqualFold(p, primary) {
			return l
		}
	}
	return LangEN
}

// loadCatalog reads every language file from fsys and validates the whole.
// It returns what it could parse even when validation fails.
func loadCatalog(fsys fs.FS) (catalog, error) {
	cat := catalog{}
	var errs []string
	for _, l := range Langs() {
		name := "catalog/" + string(l) + ".yaml"
		f, err := parseCatalogFile(fsys, name)
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		if f.Lang != l {
			errs = append(errs, fmt.Sprintf("%s: lang is %q, want %q", name, f.Lang, l))
		}
		cat[l] = f
	}
	errs = append(errs, cat.validate()...)
	if len(errs) > 0 {
		return cat, fmt.Errorf("remediation catalog: %s", strings.Join(errs, "; "))
	}
	return cat, nil
}

// parseCatalogFile decodes one file strictly: unknown keys and duplicate
// cause ids are errors.
func parseCatalogFile(fsys fs.FS, name string) (*catalogFile, error) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	var f catalogFile
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &f, nil
}

// validate checks that every language has advice for every cause, with the
// same number of steps and the same commands as English, within the length
// limits, every backoff note, and the labels English has.
func (cat catalog) validate() []string {
	en, ok := cat[LangEN]
	if !ok {
		return []string{"no English catalog"}
	}
	var errs []string
	for _, l := range Langs() {
		f, ok := cat[l]
		if !ok {
			continue // reported by loadCatalog
		}
		for id := range f.Causes {
			if _, err := ParseCause(id); err != nil {
				errs = append(errs, fmt.Sprintf("%s: %v", l, err))
			}
		}
		for _, c := range Causes() {
			errs = append(errs, checkEntry(l, c, f.Causes[c.String()], en.Causes[c.String()])...)
		}
		errs = append(errs, checkBackoffNotes(l, f.Backoff)...)
		errs = append(errs, checkLabels(l, f.Labels, en.Labels)...)
		for _, k := range unansweredNotes[unansweredTLS:] {
			if !strings.Contains(f.Notes[k], "{line}") {
				errs = append(errs, fmt.Sprintf("%s: note %s lacks {line}", l, k))
			}
		}
		for _, ph := range []string{"{api}", "{status}", "{causes}"} {
			if !strings.Contains(f.Notes[noteUnknownSuspects], ph) {
				errs = append(errs, fmt.Sprintf("%s: note %s lacks %s", l, noteUnknownSuspects, ph))
			}
		}
		for _, k := range append([]string{noteAutoDeploy, noteConfiguredTimeout, noteConfiguredTimeoutFunction, noteUnknownReasonAct, noteUnknownReasonLambda, noteUnknownSuspects}, unansweredNotes[unansweredTLS:]...) {
			if msg := checkText(f.Notes[k], maxStepRunes); msg != "" {
				errs = append(errs, fmt.Sprintf("%s: note %s %s", l, k, msg))
			}
		}
		if msg := checkText(f.Notes[noteUnknownReasonTitle], maxTitleRunes); msg != "" {
			errs = append(errs, fmt.Sprintf("%s: note %s %s", l, noteUnknownReasonTitle, msg))
		}
		for _, ts := range timeoutSteps {
			if !strings.Contains(f.Notes[ts.note], "{timeout}") {
				errs = append(errs, fmt.Sprintf("%s: note %s lacks {timeout}", l, ts.note))
			}
		}
	}
	slices.Sort(errs)
	return errs
}

// checkEntry validates one language's entry against the English one.
func checkEntry(l Lang, c Cause, e, en catalogEntry) []string {
	where := fmt.Sprintf("%s: %s", l, c)
	var errs []string
	if msg := checkText(e.Title, maxTitleRunes); msg != "" {
		errs = append(errs, where+": title "+msg)
	}
	if len(e.Steps) == 0 {
		return append(errs, where+": no steps")
	}
	if len(e.Steps) != len(en.Steps) {
		return append(errs, fmt.Sprintf("%s: %d steps, English has %d", where, len(e.Steps), len(en.Steps)))
	}
	for i, s := range e.Steps {
		if msg := checkText(s, maxStepRunes); msg != "" {
			errs = append(errs, fmt.Sprintf("%s: step %d %s", where, i+1, msg))
		}
		if got, want := codeSpans(s), codeSpans(en.Steps[i]); !slices.Equal(got, want) {
			errs = append(errs, fmt.Sprintf("%s: step %d code %q, English has %q", where, i+1, got, want))
		}
	}
	return errs
}

// checkText returns what is wrong with a title or step, or "".
func checkText(s string, limit int) string {
	switch n := len([]rune(s)); {
	case strings.TrimSpace(s) == "":
		return "is empty"
	case n > limit:
		return fmt.Sprintf("has %d characters, limit %d", n, limit)
	case strings.ContainsAny(s, "\n\r"):
		return "spans lines"
	case strings.Count(s, "`")%2 != 0:
		return "has an unclosed backtick"
	}
	return ""
}

// codeSpans returns the `backtick` spans of a text, sorted, so that word
// order may differ between languages while commands stay identical.
func codeSpans(s string) []string {
	parts := strings.Split(s, "`")
	var spans []string
	for i := 1; i < len(parts); i += 2 {
		spans = append(spans, parts[i])
	}
	slices.Sort(spans)
	return spans
}
