package main

import (
	"context"
	"fmt"
)

func runDaemon(_ context.Context, _ []string, s streams) int {
	fmt.Fprintln(s.stderr, "apigw-triage run: not built yet")
	return 1
}
