package main

import (
	"context"
	"fmt"
)

func runEmulate(_ context.Context, _ []string, s streams) int {
	fmt.Fprintln(s.stderr, "apigw-triage emulate: not built yet")
	return 1
}
