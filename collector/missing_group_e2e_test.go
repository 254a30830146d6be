package collector

import (
	"slices"
	"testing"
	"time"

	"github.com/apigw-triage/apigw-triage/emulator/scenario"
)

// TestE2EMissingLogGroupLeftOut: a log group of the stage that does not
// exist (a function never invoked, an authorizer that never ran, here an
// extra group) makes StartQuery refuse the whole query and FilterLogEvents
// refuse that group; the evidence is read from the groups that exist, is
// not marked incomplete, and the console's query names only those.
func TestE2EMissingLogGroupLeftOut(t *testing.T) {
	const missing = "/aws/lambda/never-invoked"
	for _, insights := range []bool{true, false} {
		name := map[bool]string{true: "Logs Insights", false: "FilterLogEvents"}[insights]
		t.Run(name, func(t *testing.T) {
			sc, err := scenario.Builtin("catalog")
			if err != nil {
				t.Fatal(err)
			}
			e := newE2EWith(t, sc, 0, func(o *Options) {
				o.Logs.Insights = insights
				o.Logs.ExtraLogGroups = []string{missing}
			})
			first := e.w.Episodes()[0]
			tripped := runCatalog(t, e, first.Start.Add(8*time.Minute))
			st := findStage(t, e.c.Stages(), first.APIID, first.Stage)
			at, ok := tripped[st.Key]
			if !ok {
				t.Fatalf("episode %s on %s never tripped", first.Cause, st.Key)
			}
			ev := e.evidence(t, st, first.Start, at)
			if len(ev.Events) == 0 {
				t.Fatal("no line read: the missing group cost the stage's evidence")
			}
			if len(ev.Incomplete) != 0 {
				t.Errorf("evidence marked incomplete %v; a group that does not exist lacks no line", ev.Incomplete)
			}
			if slices.Contains(ev.LogGroups, missing) || len(ev.LogGroups) == 0 {
				t.Errorf("log groups %v: want the stage's own, without %s", ev.LogGroups, missing)
			}
		})
	}
}
