//go:build !unix

// Package cputime reads the CPU time the process has used, so that
// benchmarks can report CPU per operation on a busy, shared machine, where
// wall time says little.
package cputime

import "time"

// Process returns 0: CPU time is not measured on this system.
func Process() time.Duration { return 0 }
