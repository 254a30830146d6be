package classifier

import "strings"

// SawEvidence reports whether anything added so far was recognised as API
// Gateway, Lambda or client output. A command reading a file the user named
// tells "nothing readable" (wrong file, wrong format) from a diagnosis.
func (s *Session) SawEvidence() bool { return s.sawEvidence() }

// SawOnlySuccess reports whether the input, holding no evidence of a
// failure or a refusal, showed a program's 2xx answer (a `curl -i` of a
// request that worked). That is still nothing to diagnose: a 2xx alone is
// no incident, and read as an all-clear it would turn a report whose
// failure went unread into a false one. A command says so rather than that
// it recognised nothing.
func (s *Session) SawOnlySuccess() bool {
	if s.sawEvidence() {
		return false
	}
	for _, g := range s.live {
		if !g.lambda && is2xx(g.status) && !g.toldStatus {
			return true
		}
	}
	return false
}

// UnansweredNote says, in lang, what the input showed when it holds no
// evidence of an answer but a client's line without one (one of the kinds
// of unansweredKind: a TLS failure, a host not reached, a failed fetch, a
// WebSocket closed without a code, ...): the line, what it means and
// where to look next. It is "" when the input held evidence or no such
// line, so that a command can say what it saw rather than that it
// recognised nothing.
func (s *Session) UnansweredNote(lang Lang) string {
	if s.st.unanswered.kind == unansweredNone || s.sawEvidence() {
		return ""
	}
	return s.unansweredWhy(lang)
}

// unansweredWhy is the sentence of the client's line without an answer,
// with the line in it.
func (s *Session) unansweredWhy(lang Lang) string {
	u := s.st.unanswered
	return strings.ReplaceAll(catalogNote(lang, u.kind.note()), "{line}", quoteMessage(u.line))
}
