package text_test

import (
	"strings"
	"testing"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/text"
)

// corpusText returns the bodies of all corpus documents, concatenated as
// paragraphs of one text.
func corpusText(b *testing.B) string {
	var sb strings.Builder
	for _, d := range readCorpus(b) {
		sb.WriteString(d.Body)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

// reportPerSentence reports throughput in sentences: sentences per second and
// nanoseconds per sentence.
func reportPerSentence(b *testing.B, sentences int) {
	total := float64(sentences) * float64(b.N)
	if sec := b.Elapsed().Seconds(); sec > 0 {
		b.ReportMetric(total/sec, "sentences/s")
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/total, "ns/sentence")
	}
}

func BenchmarkSegment(b *testing.B) {
	in := corpusText(b)
	var seg text.Segmenter
	buf := seg.AppendSentences(nil, in)
	n := len(buf)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		buf = seg.AppendSentences(buf[:0], in)
	}
	reportPerSentence(b, n)
}

func BenchmarkTokenize(b *testing.B) {
	in := corpusText(b)
	var seg text.Segmenter
	ss := seg.Segment(in)
	tk := text.Tokenizer{KeepPunct: true}
	var buf []dyad.Token
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range ss {
			buf = tk.AppendTokens(buf[:0], in, s.Span)
		}
	}
	reportPerSentence(b, len(ss))
}

// BenchmarkSegmentTokenize is the whole text stage: segment, then tokenize
// every sentence.
func BenchmarkSegmentTokenize(b *testing.B) {
	in := corpusText(b)
	var seg text.Segmenter
	tk := text.Tokenizer{KeepPunct: true}
	ss := seg.AppendSentences(nil, in)
	n := len(ss)
	var buf []dyad.Token
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		ss = seg.AppendSentences(ss[:0], in)
		for _, s := range ss {
			buf = tk.AppendTokens(buf[:0], in, s.Span)
		}
	}
	reportPerSentence(b, n)
}
