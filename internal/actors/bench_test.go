package actors_test

import (
	"testing"

	"github.com/dyad-dev/dyad/dictionaries"
	"github.com/dyad-dev/dyad/internal/actors"
)

// BenchmarkDefault compiles the shipped dictionaries (about 65,000 lines).
func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := actors.Default(dictionaries.FS); err != nil {
			b.Fatal(err)
		}
	}
}
