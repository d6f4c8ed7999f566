package text_test

import (
	"slices"
	"testing"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/text"
)

// fuzzSeeds are the starting points of both fuzz targets: the hard cases of
// the table tests (failing inputs found by fuzzing live in testdata/fuzz/).
var fuzzSeeds = []string{
	"",
	"Xi met Biden. They talked.",
	"Wang held talks with the U.S. The two sides agreed.\n\nBoth left.",
	"Secretary of State Antony J. Blinken met Gen. Li on Dec. 20 at 10 a.m. on Monday.",
	"The following is attributable to Spokesperson Matthew Miller:\n\n1. Canceling China-U.S. Theater Commanders Talk\n2) Suspending talks.\n(3) More.",
	"He said, \"We will compete.\" Then he left. “Yes.” ‘No.’",
	"PRESIDENT XI:  (Via interpreter) Mr. Secretary, welcome.\nSECRETARY BLINKEN:  Thank you.",
	"中美双方同意继续对话。王毅会见了布林肯！“好。”双方会谈了吗？",
	"Growth was 3.5 percent... or 1,000 troops… [...] The end [...]",
	"Headline Without Stop\nJune 20, 2023\nwrapped prose that goes on\nand on, with\nQin Gang.",
	"China's O'Brien don't O’Brien 1990's 5th G20 U.S.-China e.g. Ph.D. Zürich cafe\u0301",
	" \r\n\t\u00a0\u3000\u2028\n\n.\n\n?!",
	"a.\nb.\nA. W. Bush\niv. v)",
	"Xi\xffmet \xe2\x80 Biden.\xe3\x80\x82",
}

func FuzzSegment(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var seg text.Segmenter
		ss := seg.Segment(in)
		if msg := checkSentences(in, ss); msg != "" {
			t.Fatalf("Segment(%q) = %v: %s", in, ss, msg)
		}
		tk := text.Tokenizer{KeepPunct: true}
		var buf []dyad.Token
		for _, s := range ss {
			buf = tk.AppendTokens(buf[:0], in, s.Span)
			if msg := checkTokens(in, s.Span, buf); msg != "" {
				t.Fatalf("Tokenize(%q, %v) = %v: %s", in, s.Span, buf, msg)
			}
		}
	})
}

func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, 0, len(s), true)
		f.Add(s, 1, len(s)-1, false)
	}
	f.Fuzz(func(t *testing.T, in string, start, end int, keepPunct bool) {
		tk := text.Tokenizer{KeepPunct: keepPunct}
		span := dyad.Span{Start: start, End: end}
		ts := tk.Tokenize(in, span)
		if msg := checkTokens(in, span, ts); msg != "" {
			t.Fatalf("Tokenize(%q, %v) = %v: %s", in, span, ts, msg)
		}
		// Punctuation is the only difference KeepPunct makes.
		other := text.Tokenizer{KeepPunct: !keepPunct}
		var words, otherWords int
		for _, x := range ts {
			if x.Kind != dyad.Punct {
				words++
			}
		}
		for _, x := range other.Tokenize(in, span) {
			if x.Kind != dyad.Punct {
				otherWords++
			}
		}
		if words != otherWords {
			t.Fatalf("Tokenize(%q, %v): %d words with KeepPunct=%v, %d without", in, span, words, keepPunct, otherWords)
		}
		// A Norms reused across calls gives the same tokens, and the
		// Norms of the first call survive the second.
		var norms text.Norms
		first := tk.AppendTokensNorms(nil, in, span, &norms)
		second := tk.AppendTokensNorms(nil, in, span, &norms)
		if !slices.Equal(first, ts) || !slices.Equal(second, ts) {
			t.Fatalf("AppendTokensNorms(%q, %v) = %v then %v, want %v", in, span, first, second, ts)
		}
	})
}
