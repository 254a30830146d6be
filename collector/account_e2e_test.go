package collector

import (
	"context"
	"strings"
	"testing"

	"github.com/apigw-triage/apigw-triage/emulator/scenario"
)

// TestE2EAmbientAccountNamedBySTS: with no account configured, the
// collector asks STS (GetCallerIdentity, through the real SDK against the
// emulator) which account the credentials belong to: the stages name
// that id, not "default", while their keys keep "default" so stored
// incidents carry on.
func TestE2EAmbientAccountNamedBySTS(t *testing.T) {
	sc, err := scenario.Parse([]byte(oneRouteFails), "one-route.yaml")
	if err != nil {
		t.Fatal(err)
	}
	e := newE2EWith(t, sc, 0, func(o *Options) {
		o.AWS.Regions, o.Accounts = o.Accounts[0].Regions, nil
	})
	want := e.w.Accounts()[0]
	if _, err := e.c.Poll(context.Background()); err != nil {
		t.Fatal(err)
	}
	stages := e.c.Stages()
	if len(stages) == 0 {
		t.Fatal("no stage discovered")
	}
	for _, st := range stages {
		if st.Account != want || st.AccountLabel() != want || !strings.HasPrefix(st.Key, ambientAccount+"/") {
			t.Errorf("stage %s: account %q labelled %q, want %s under the key %q", st.Key, st.Account, st.AccountLabel(), want, ambientAccount)
		}
		if e.c.regionOf(st) == nil {
			t.Errorf("stage %s: no region found for its evidence", st.Key)
		}
	}
}
