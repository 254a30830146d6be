package classifier

// answerKind is the shape of an answer, the first thing its confidence
// depends on.
type answerKind int

const (
	kindNoEvidence answerKind = iota // nothing recognised as evidence
	kindAbstain                      // cause unknown: nothing named one
	kindNamed                        // failed requests' lines named the cause
	kindMasked                       // a function failed under a 2xx answer
	kindMetrics                      // the metric context named the cause, no line
	kindAllClear                     // no request ended in 5xx
	kindLookAlike                    // a look-alike's words (refusedWithoutStatus), status not shown
	kindShown5xx                     // a 5xx shown next to a masked function error
)

// allClearBy is who showed that the requests ended below 500.
type allClearBy int

const (
	byPerson  allClearBy = iota // a person's words
	byProgram                   // a client's status line or a gateway body
	byGateway                   // the execution log's Method completed, an access record
)

// basis is what an answer's confidence is made from.
type basis struct {
	kind   answerKind
	weight int     // weight of the evidence that named the cause (fallbacks' included)
	shown  bool    // a line showed the status of the cause's requests
	told   bool    // the cause rests on a person's words
	logs   bool    // a program wrote at least one line of the evidence
	share  float64 // share of the failed requests the cause explains
	by     allClearBy
}

// rowBasis is the basis of an answer decided from a row of requests.
func (s *Session) rowBasis(r *causeRow, failed int) basis {
	b := basis{kind: kindNamed, weight: r.named.weight, shown: r.inferred < r.n, told: r.named.told, logs: s.logEvidence()}
	if failed > 0 {
		b.share = float64(r.n) / float64(failed)
	}
	switch {
	case r.cause == CauseUnknown || failed == 0:
		b.kind = kindAbstain
	case r.cause == CauseLambdaErrorMaskedAs200:
		b.kind = kindMasked
	case r.named.metrics:
		b.kind = kindMetrics // the logs showed the status at most
	}
	return b
}

// group is the evidence group whose training precision the answer gets.
func (b basis) group() evidenceGroup {
	switch b.kind {
	case kindNoEvidence:
		return groupNoEvidence
	case kindAbstain, kindLookAlike:
		return groupAbstain
	case kindMetrics:
		return groupMetrics
	case kindAllClear:
		return [...]evidenceGroup{byPerson: groupAllClearPerson, byProgram: groupAllClearProgram, byGateway: groupAllClearGateway}[b.by]
	case kindShown5xx:
		return groupProgramWeak // a function's error next to a 5xx no line ties to it
	}
	switch {
	case b.told || !b.logs:
		if b.weight >= wHint {
			return groupPersonStrong
		}
		return groupPersonWeak
	case b.weight < wSpecific || b.share < 1:
		return groupProgramWeak
	case b.shown:
		return groupProgramShown
	}
	return groupProgramInferred
}

// confidence is the answer's calibrated confidence: the precision its
// group has on the training reports (see calibration). The metric context
// is no part of any report, so the answers whose cause it named (alone, or
// for requests whose lines showed no more than the status) keep a figure
// from the weight of what the metrics show, below 0.7.
func (b basis) confidence() float64 {
	if g := b.group(); g != groupMetrics {
		return g.figure()
	}
	return round2(0.3 + 0.4*float64(b.weight)/100)
}
