package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/dyad-dev/dyad/examples"
	"github.com/dyad-dev/dyad/internal/ingest"
)

// BenchmarkLoadKnowledge measures what every coding command pays at start:
// compiling the shipped actor, agent, verb and issue dictionaries.
func BenchmarkLoadKnowledge(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loadKnowledge(nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIngest measures a whole ingest: files read from disk, analyzed
// and stored in SQLite, with one worker and with every core. Each
// iteration ingests the shipped examples, varied so each copy is a new
// document, into a fresh database.
func BenchmarkIngest(b *testing.B) {
	src, err := examples.FS.ReadDir(".")
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	const copies = 40
	for i := range copies {
		for _, e := range src {
			if filepath.Ext(e.Name()) != ".txt" {
				continue
			}
			data, err := examples.FS.ReadFile(e.Name())
			if err != nil {
				b.Fatal(err)
			}
			data = append(data, fmt.Sprintf("\n\nCopy %d of the example for the benchmark.\n", i)...)
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%02d-%s", i, e.Name())), data, 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	k, err := loadKnowledge(nil)
	if err != nil {
		b.Fatal(err)
	}
	an := newAnalyzer(k, [2]string{"USA", "CHN"})
	env := &Env{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }}
	for _, workers := range []int{1, runtime.NumCPU()} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			sentences := 0
			for i := 0; b.Loop(); i++ {
				db, err := openDB(filepath.Join(b.TempDir(), fmt.Sprintf("b%d.db", i)), true)
				if err != nil {
					b.Fatal(err)
				}
				sum, err := ingestInputs(b.Context(), env, db, an, workers, []string{dir}, ingest.Meta{}, false)
				if err != nil || sum.Failed > 0 {
					b.Fatalf("ingest: %v, %+v", err, sum)
				}
				sentences += sum.Sentences
				if err := db.Close(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(sentences)/b.Elapsed().Seconds(), "sentences/s")
		})
	}
}
