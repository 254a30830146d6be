# syntax=docker/dockerfile:1
# Build: a static binary, no cgo, paths trimmed, version stamped. CI builds
# the binary with exactly these flags (make build) so this file cannot rot
# unseen on machines without a Docker engine.
FROM golang:1.26.8-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" \
      -o /out/apigw-triage ./cmd/apigw-triage

# Run: distroless static ships CA certificates and a nonroot user (65532).
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/apigw-triage /usr/local/bin/apigw-triage
USER 65532:65532
WORKDIR /var/lib/apigw-triage
EXPOSE 9108
ENTRYPOINT ["/usr/local/bin/apigw-triage"]
CMD ["run", "--config", "/etc/apigw-triage/config.yaml"]
