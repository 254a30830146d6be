# The one test command is `make test`; .ci/run calls it, the README shows it.
GOLANGCI_LINT_VERSION := v2.15.0
GOBIN ?= $(shell go env GOPATH)/bin
GOLANGCI_LINT := $(GOBIN)/golangci-lint

.PHONY: test deps fmt-check vet lint unit exhaustive build fuzz bench

test: deps fmt-check vet lint build exhaustive unit

# Installs what the integration tests run against (Debian's prometheus,
# prometheus-alertmanager, awscli and chromium, and golangci-lint from the Go module
# proxy) when it is missing.
deps:
	@scripts/install-test-deps

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	go vet ./...

lint:
	$(GOLANGCI_LINT) run ./...

unit:
	go test -race -count=1 -timeout 60m ./...

# The classifier's exhaustive checks of its indexes and guards, on every
# line of the corpus: under the race detector (unit), which finds nothing
# in them and slows them twentyfold, they read a tenth of the lines.
# A renamed check would leave the pattern matching nothing, which go test
# passes: the step fails unless all four ran.
EXHAUSTIVE := TestGuardsKeepEveryMatch TestRuleIndexMatchesEveryRule TestCodeNeedsKeepEveryCode TestLitIndexesKeepEveryLiteral
exhaustive:
	@out=$$(go test -count=1 -v -run '^($(subst $(eval) ,|,$(EXHAUSTIVE)))$$' ./classifier) || { echo "$$out"; exit 1; }; \
	echo "$$out" | tail -n 1; \
	ran=$$(echo "$$out" | grep -c '^--- PASS'); \
	if [ "$$ran" -ne $(words $(EXHAUSTIVE)) ]; then echo "exhaustive: $$ran of $(words $(EXHAUSTIVE)) checks ran"; exit 1; fi

build:
	CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=$$(git describe --tags --always --dirty 2>/dev/null || echo dev)" -o bin/apigw-triage ./cmd/apigw-triage

# Runs every fuzz target for FUZZTIME each (default 30s).
FUZZTIME ?= 30s
fuzz:
	@scripts/fuzz-all $(FUZZTIME)

bench:
	go test -run '^$$' -bench . -benchmem ./...
