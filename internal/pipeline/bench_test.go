package pipeline_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-dev/dyad/internal/cputime"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/ingest"
	"github.com/dyad-dev/dyad/internal/shared"
)

// corpusDocs reads the development corpus as documents.
func corpusDocs(b testing.TB) []*dyad.Document {
	dir := shared.Path(b, "corpus")
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		b.Fatal(err)
	}
	r := ingest.NewReader()
	var docs []*dyad.Document
	for _, p := range paths {
		if filepath.Base(p) == "README.md" {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		ds, err := r.Parse(p, data, ingest.Meta{})
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, ds...)
	}
	return docs
}

// BenchmarkAnalyze measures coding from text in memory to events, with
// segmentation, tokenization, actors and dates included, on one core.
func BenchmarkAnalyze(b *testing.B) {
	a := mustAnalyzer(b)
	docs := corpusDocs(b)
	sentences, bytes := 0, 0
	for _, d := range docs {
		sentences += len(a.Analyze(d).Sentences)
		bytes += len(d.Text)
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cputime.Process()
	for b.Loop() {
		for _, d := range docs {
			a.Analyze(d)
		}
	}
	cpu := cputime.Process() - cpu0
	b.ReportMetric(float64(sentences*b.N)/b.Elapsed().Seconds(), "sentences/s")
	// On a busy machine CPU time is the figure to compare: sentences per
	// second on one core is 1e6 / cpu-µs/sentence.
	b.ReportMetric(float64(cpu.Nanoseconds())/1e3/float64(sentences*b.N), "cpu-µs/sentence")
}
