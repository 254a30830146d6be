package main

import (
	"context"
	"fmt"
)

func runCheckConfig(_ context.Context, _ []string, s streams) int {
	fmt.Fprintln(s.stderr, "apigw-triage check-config: not built yet")
	return 1
}
