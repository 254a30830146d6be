package classifier

// SawEvidence reports whether anything added so far was recognised as API
// Gateway, Lambda or client output. A command reading a file the user named
// tells "nothing readable" (wrong file, wrong format) from a diagnosis.
func (s *Session) SawEvidence() bool { return s.sawEvidence() }
