// Package shared finds the development data that lives beside the
// repository in ../shared (peer dictionaries, gold-standard suites, the
// development corpus) for tests and benchmarks.
//
// A test that needs it calls Path. When the folder is missing the test is
// skipped with a message, except under CI (the CI environment variable is
// set), where a missing ../shared is a failure: CI must measure what it
// claims to.
package shared

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Path returns the absolute path of rel inside ../shared (for example
// "peers/tabari/Validate.project" or "corpus"), skipping or failing tb when
// it does not exist.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	p := filepath.Join(root(), rel)
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatalf("shared data %s is missing under CI: %v", p, err)
		}
		tb.Skipf("shared data %s not found (clone ../shared beside the repository): %v", p, err)
	}
	return p
}

// root is ../shared relative to the module root, found from this file's
// location so tests work from any package directory.
func root() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return filepath.Join("..", "shared")
	}
	// file is <module>/internal/shared/shared.go
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "shared")
}
