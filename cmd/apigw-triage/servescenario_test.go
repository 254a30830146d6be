package main

import (
	"net/http/httptest"
	"testing"

	"github.com/apigw-triage/apigw-triage/emulator"
	"github.com/apigw-triage/apigw-triage/emulator/scenario"
)

// serveScenario serves the scenario file through the emulator on loopback,
// its time zero clk's, for a daemon run as its own process; it returns
// the emulator's URL and the account of its default credentials.
func serveScenario(t *testing.T, path string, clk anchoredClock) (url, account string) {
	t.Helper()
	sc, err := scenario.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	world := scenario.NewWorld(sc, clk, clk.zero)
	emu := httptest.NewServer(emulator.NewServer(world, emulator.Options{Seed: 1}))
	t.Cleanup(emu.Close)
	return emu.URL, world.Accounts()[0]
}
