package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"

	"github.com/apigw-triage/apigw-triage/classifier"
)

// gzipMagic starts every gzip stream (RFC 1952, 2.3.1); `aws logs` exports
// and S3 log archives are gzip.
var gzipMagic = []byte{0x1f, 0x8b}

// errInterrupted is returned when Ctrl-C (or SIGTERM) ends a read.
var errInterrupted = fmt.Errorf("interrupted: %w", context.Canceled)

// readInput feeds r into the session, gunzipping it when it starts with the
// gzip magic, and returns as soon as ctx ends even while a read blocks (a
// terminal waiting for input does not see Ctrl-C). The reading goroutine is
// then left to the process's exit, and the session must not be used.
func readInput(ctx context.Context, sess *classifier.Session, r io.Reader) error {
	done := make(chan error, 1)
	go func() { done <- feed(sess, r) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return errInterrupted
	}
}

func feed(sess *classifier.Session, r io.Reader) error {
	br := bufio.NewReader(r)
	if head, _ := br.Peek(len(gzipMagic)); bytes.Equal(head, gzipMagic) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fmt.Errorf("gzip: %w", err)
		}
		defer func() { _ = zr.Close() }() // read-only: nothing to lose
		if _, err := sess.ReadFrom(zr); err != nil {
			return fmt.Errorf("gzip: %w", err)
		}
		return nil
	}
	_, err := sess.ReadFrom(br)
	return err
}
