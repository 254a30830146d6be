package classifier

// Remediate returns the remediation for a cause in a language; unsupported
// languages fall back to English.
//
// Placeholder until the catalog lands: the title is the cause id, no steps.
func Remediate(c Cause, lang Lang) Advice {
	return Advice{Lang: lang, Title: c.String()}
}
