package text_test

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-dev/dyad"
)

// checkSentences returns a description of the first broken invariant of the
// sentences ss of text, or "": spans non-empty, in bounds, ordered and
// non-overlapping, not starting or ending with whitespace; Index counting
// from 0; Para counting from 0 and rising by one exactly at blank lines;
// nothing but whitespace left outside the sentences.
func checkSentences(text string, ss []dyad.Sentence) string {
	prevEnd, prevPara := 0, 0
	for i, s := range ss {
		switch {
		case !s.Span.Valid(len(text)):
			return fmt.Sprintf("sentence %d: span %v invalid for text of length %d", i, s.Span, len(text))
		case s.Span.Start < prevEnd:
			return fmt.Sprintf("sentence %d: span %v overlaps or precedes the previous one ending at %d", i, s.Span, prevEnd)
		case s.Index != i:
			return fmt.Sprintf("sentence %d: Index = %d", i, s.Index)
		}
		body := text[s.Span.Start:s.Span.End]
		if r, _ := utf8.DecodeRuneInString(body); unicode.IsSpace(r) {
			return fmt.Sprintf("sentence %d %q starts with whitespace", i, body)
		}
		if r, _ := utf8.DecodeLastRuneInString(body); unicode.IsSpace(r) {
			return fmt.Sprintf("sentence %d %q ends with whitespace", i, body)
		}
		gap := text[prevEnd:s.Span.Start]
		if !isSpace(gap) {
			return fmt.Sprintf("sentence %d: text %q before it is in no sentence", i, gap)
		}
		want := prevPara
		if i == 0 {
			want = 0
		} else if hasBlankLine(gap) {
			want = prevPara + 1
		}
		if s.Para != want {
			return fmt.Sprintf("sentence %d %q: Para = %d, want %d (gap %q)", i, body, s.Para, want, gap)
		}
		prevEnd, prevPara = s.Span.End, s.Para
	}
	if rest := text[prevEnd:]; !isSpace(rest) {
		return fmt.Sprintf("text %q after the last sentence is in no sentence", rest)
	}
	return ""
}

// checkTokens returns a description of the first broken invariant of the
// tokens ts of text within span, or "": spans non-empty, within span and the
// text, ordered and non-overlapping; Norm non-empty; Kind known.
func checkTokens(text string, span dyad.Span, ts []dyad.Token) string {
	lo, hi := max(span.Start, 0), min(span.End, len(text))
	prevEnd := lo
	for i, t := range ts {
		switch {
		case !t.Span.Valid(len(text)):
			return fmt.Sprintf("token %d: span %v invalid for text of length %d", i, t.Span, len(text))
		case t.Span.Start < lo || t.Span.End > hi:
			return fmt.Sprintf("token %d: span %v outside %v", i, t.Span, span)
		case t.Span.Start < prevEnd:
			return fmt.Sprintf("token %d: span %v overlaps or precedes the previous one ending at %d", i, t.Span, prevEnd)
		case t.Norm == "":
			return fmt.Sprintf("token %d %q: empty Norm", i, text[t.Span.Start:t.Span.End])
		case t.Kind > dyad.Punct:
			return fmt.Sprintf("token %d: unknown kind %d", i, t.Kind)
		}
		if r, _ := utf8.DecodeRuneInString(text[t.Span.Start:t.Span.End]); unicode.IsSpace(r) {
			return fmt.Sprintf("token %d %q starts with whitespace", i, text[t.Span.Start:t.Span.End])
		}
		prevEnd = t.Span.End
	}
	return ""
}

func isSpace(s string) bool { return strings.TrimFunc(s, unicode.IsSpace) == "" && utf8.ValidString(s) }

// hasBlankLine reports whether the whitespace gap holds a blank line: two
// line feeds with only whitespace between.
func hasBlankLine(gap string) bool {
	i := strings.IndexByte(gap, '\n')
	return i >= 0 && strings.IndexByte(gap[i+1:], '\n') >= 0
}
