package dates

import (
	"testing"

	"github.com/dyad-dev/dyad"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []token
	}{
		{"WordsAndNumbers", "June 19th, 2023", []token{
			{start: 0, end: 4, kind: tWord, cls: cMonth, val: 6, flag: fCap},
			{start: 5, end: 9, kind: tNum, val: 19, ndig: 2, flag: fOrd},
			{start: 9, end: 10, kind: tComma},
			{start: 11, end: 15, kind: tNum, val: 2023, ndig: 4},
		}},
		{"GroupedDecimalSuffix", "2,000 1.5 5G 123456", []token{
			{start: 0, end: 5, kind: tNum, val: 2, ndig: 1, flag: fBad},
			{start: 6, end: 9, kind: tNum, val: 1, ndig: 1, flag: fBad},
			{start: 10, end: 12, kind: tNum, val: 5, ndig: 1, flag: fBad},
			{start: 13, end: 19, kind: tNum, val: 1234, ndig: 6, flag: fBad},
		}},
		{"DecadeAndPlural", "1990s days", []token{
			{start: 0, end: 5, kind: tNum, val: 1990, ndig: 4, flag: fDecade},
			{start: 6, end: 10, kind: tWord, cls: cUnit, val: uDay, flag: fPlural},
		}},
		{"UnicodePunctuation", "18\u201319\u00a0China\u2019s \u201cQ3\u201d", []token{
			{start: 0, end: 2, kind: tNum, val: 18, ndig: 2},
			{start: 2, end: 5, kind: tDash},
			{start: 5, end: 7, kind: tNum, val: 19, ndig: 2},
			{start: 9, end: 14, kind: tWord, flag: fCap},
			{start: 14, end: 17, kind: tApos},
			{start: 17, end: 18, kind: tWord},
			{start: 19, end: 22, kind: tOther},
			{start: 22, end: 24, kind: tWord, cls: cQcode, val: 3, flag: fCap},
			{start: 24, end: 27, kind: tOther},
		}},
		{"NonASCIIWord", "Zürich mid-June", []token{
			{start: 0, end: 7, kind: tWord, flag: fCap},
			{start: 8, end: 11, kind: tWord, cls: kMid},
			{start: 11, end: 12, kind: tDash},
			{start: 12, end: 16, kind: tWord, cls: cMonth, val: 6, flag: fCap},
		}},
		{"TruncatedUTF8", "a\xe2\x80", []token{
			{start: 0, end: 3, kind: tWord},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tokenize(nil, tt.in, 0, len(tt.in))
			if len(got) != len(tt.want) {
				t.Fatalf("tokenize(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("tokenize(%q)[%d] = %+v, want %+v", tt.in, i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestFindNoAllocs checks that a sentence without a date costs no heap
// allocation: tokens live on the stack and words are looked up without
// copies.
func TestFindNoAllocs(t *testing.T) {
	text := "Secretary Blinken and Director Wang Yi Discussed The Need To Maintain Open Channels Of Communication across the full range of issues."
	var r Resolver
	var ref = fromDays(19527) // 2023-06-19
	allocs := testing.AllocsPerRun(100, func() {
		r.Find(text, spanOf(text), ref, ref)
	})
	if allocs != 0 {
		t.Errorf("Find(%q) allocates %v times, want 0", text, allocs)
	}
}

func spanOf(s string) dyad.Span { return dyad.Span{Start: 0, End: len(s)} }
