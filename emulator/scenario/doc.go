// Package scenario is the emulator's scenario engine: it describes an
// emulated AWS estate (accounts, regions, REST and HTTP APIs, stages,
// integrations, Lambda functions), the traffic each stage receives and the
// failure episodes that hit it, and plays it on a clock as a world.Backend.
//
// Everything is generated on demand from the seed, per stage and minute,
// so a large fleet costs little memory: the metrics CloudWatch would show
// (with its publication delay and late completion) and every log line the
// requests leave, in AWS's own formats (REST execution logs at the stage's
// level, access logs in the stage's format, Lambda START/END/REPORT lines
// and runtime errors). README.md documents the YAML format.
package scenario
