package text_test

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dyad-dev/dyad/internal/text"
)

// wrap hard-wraps every prose line of s (one that ends in terminal
// punctuation) at width runes, as a plain text or PDF export does. Headlines
// are left alone: a wrapped title-case headline is indistinguishable from a
// headline and a subtitle.
func wrap(s string, width int) string {
	var b strings.Builder
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		if !strings.ContainsAny(lastRune(strings.TrimSpace(line)), ".?!:\"”") {
			b.WriteString(line)
			continue
		}
		col := 0
		for j, word := range strings.Fields(line) {
			n := utf8.RuneCountInString(word)
			switch {
			case j == 0:
			case col+1+n > width:
				b.WriteByte('\n')
				col = 0
			default:
				b.WriteByte(' ')
				col++
			}
			b.WriteString(word)
			col += n
		}
	}
	return b.String()
}

func lastRune(s string) string {
	_, n := utf8.DecodeLastRuneInString(s)
	return s[len(s)-n:]
}

// TestSegmenter_Wrapped checks that hard-wrapping prose does not change its
// sentences: every corpus document, wrapped at several widths, segments into
// the same sentences as the original, line breaks read as spaces.
func TestSegmenter_Wrapped(t *testing.T) {
	var seg text.Segmenter
	for _, d := range readCorpus(t) {
		want := sentenceTexts(d.Body, seg.Segment(d.Body))
		for i := range want {
			want[i] = strings.Join(strings.Fields(want[i]), " ")
		}
		for _, width := range []int{45, 55, 60, 72, 80, 100} {
			in := wrap(d.Body, width)
			got := sentenceTexts(in, seg.Segment(in))
			for i := range got {
				got[i] = strings.ReplaceAll(got[i], "\n", " ")
			}
			if !slices.Equal(got, want) {
				t.Errorf("Segment(%s wrapped at %d):", d.Name, width)
				for i := range max(len(got), len(want)) {
					g, w := "", ""
					if i < len(got) {
						g = got[i]
					}
					if i < len(want) {
						w = want[i]
					}
					if g != w {
						t.Errorf("  sentence %d = %q\n  want %q", i, g, w)
						break
					}
				}
			}
		}
	}
}
