package incident

import (
	"github.com/apigw-triage/apigw-triage/classifier"
	"github.com/apigw-triage/apigw-triage/stage"
)

// Observation is what the daemon knows about one stage after one poll.
type Observation struct {
	// Identity is the stage; its Key identifies it across polls and
	// restarts, and the daemon keeps it stable.
	stage.Identity
	// Figures are those of the evaluated window.
	stage.Figures

	// Tripped is set while the thresholds say the stage is failing; Clear
	// once the clear condition (K clean periods) holds. Both false means
	// in between: an open incident stays open without a reminder.
	Tripped bool
	Clear   bool

	// Diagnosis is the classifier's answer when the daemon has one for this
	// poll (it classifies on a trip); nil keeps the incident's diagnosis.
	Diagnosis *classifier.Diagnosis
	// Scope is what the diagnosis's evidence covered (its window, the
	// failing method or route); it goes with the diagnosis it came with.
	Scope stage.EvidenceScope
	// EvidenceIncomplete is set when a read of the diagnosis's evidence
	// failed: it rests on part of the evidence. Such a diagnosis never
	// replaces one read in full, and the first read in full replaces it.
	EvidenceIncomplete bool
	// IncompleteReads names the reads that failed (with
	// EvidenceIncomplete); they go with the diagnosis they cost.
	IncompleteReads []stage.Read

	// Routes are the methods or routes that answered 5xx, worst first, when
	// the daemon pulled evidence of a stage with detailed metrics; empty
	// keeps the open incident's last breakdown.
	Routes []stage.RouteFigures
	// LogGroups are the log groups the evidence was read from; empty keeps
	// the incident's last ones.
	LogGroups []string
}
