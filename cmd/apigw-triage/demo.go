package main

import (
	"context"
	"fmt"
)

func runDemo(_ context.Context, _ []string, s streams) int {
	fmt.Fprintln(s.stderr, "apigw-triage demo: not built yet")
	return 1
}
