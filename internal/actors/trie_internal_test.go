package actors

import (
	"slices"
	"strings"
	"testing"
)

// TestStemSet_Match checks the byte trie of a large stemSet against the
// definition: every stem that prefixes the word, in the order added.
func TestStemSet_Match(t *testing.T) {
	// Nested prefixes added out of order, bytes below and above the
	// first ones added, a non-ASCII prefix and the empty prefix last.
	prefixes := []string{"GONDOR", "GON", "G", "ROH", "ROHAN", "ZZ", "ABC", "A", "1", "ÉLY", "GONDORIANS", "-", "B", "BA", ""}
	var s stemSet
	for i, p := range prefixes {
		s.add(p, hit{idx: int32(i)})
	}
	s.add("GON", hit{idx: 99}) // a second hit on an existing stem
	if len(s.list) <= linearStems {
		t.Fatalf("%d stems: the test needs more than %d", len(s.list), linearStems)
	}
	tests := []struct {
		name, word string
	}{
		{"Nested", "GONDORIANS"},
		{"Middle", "GONDOLA"},
		{"Exact", "ROHAN"},
		{"Shorter", "RO"},
		{"BelowRange", "!X"},
		{"AboveRange", "ZZZ"},
		{"NonASCII", "ÉLYSÉE"},
		{"Digit", "1995"},
		{"Empty", ""},
		{"None", "QUIET"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want []int32
			for i := range s.list {
				if strings.HasPrefix(tt.word, s.list[i].prefix) {
					for _, h := range s.list[i].hits {
						want = append(want, h.idx)
					}
				}
			}
			var got []int32
			for _, tm := range s.match(tt.word, 7, nil) {
				if tm.end != 7 {
					t.Errorf("match(%q): term end %d, want 7", tt.word, tm.end)
				}
				for _, h := range tm.hits {
					got = append(got, h.idx)
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("match(%q) = %v, want %v", tt.word, got, want)
			}
		})
	}
}
