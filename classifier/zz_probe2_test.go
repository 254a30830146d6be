package classifier

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/apigw-triage/apigw-triage/classifier/corpus"
)

func TestZZLayers(t *testing.T) {
	for _, c := range loadSide(t, corpus.Train) {
		s := NewSession(Hints{})
		if _, err := s.ReadFrom(bytes.NewReader(c.excerpt)); err != nil {
			t.Fatal(err)
		}
		d := s.Diagnose(LangEN)
		if d.Cause.String() != c.want.cause || d.Status.String() != c.want.status {
			t.Logf("%-25s logs=%v got %s/%s want %s/%s %s", layerNames(s.m.seen), s.logEvidence(), d.Status, d.Cause, c.want.status, c.want.cause, filepath.Base(c.file))
		}
	}
}
