package dates_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/dates"
	"github.com/dyad-dev/dyad/internal/shared"
)

// corpusSentences reads the development corpus and splits it naively on
// ". ", returning the text and the sentence spans.
func corpusSentences(b *testing.B) (string, []dyad.Span) {
	dir := shared.Path(b, "corpus")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		b.Fatalf("glob corpus: %v", err)
	}
	var sb strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatalf("read %s: %v", f, err)
		}
		sb.Write(data)
		sb.WriteString("\n\n")
	}
	text := sb.String()
	var spans []dyad.Span
	for start := 0; start < len(text); {
		end := strings.Index(text[start:], ". ")
		if end < 0 {
			spans = append(spans, dyad.Span{Start: start, End: len(text)})
			break
		}
		spans = append(spans, dyad.Span{Start: start, End: start + end + 1})
		start += end + 2
	}
	return text, spans
}

func BenchmarkFind(b *testing.B) {
	text, spans := corpusSentences(b)
	ref := time.Date(2023, 6, 19, 0, 0, 0, 0, time.UTC)
	var r dates.Resolver
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for _, s := range spans {
			r.Find(text, s, ref, time.Time{})
		}
		n += len(spans)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}
