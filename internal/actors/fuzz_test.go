package actors_test

import (
	"sync"
	"testing"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/text"
)

// FuzzTag checks that mentions are in bounds, in order, non-overlapping,
// and carry their own text, whatever the input.
func FuzzTag(f *testing.F) {
	for _, s := range benchSentences {
		f.Add(s)
	}
	f.Add("State Councilor and Foreign Minister Qin Gang and, Secretary of")
	f.Add("the Chinese side's President of the")
	d, _ := loadFixtures(f, false)
	tk := text.Tokenizer{KeepPunct: true}
	f.Fuzz(func(t *testing.T, s string) {
		toks := tk.Tokenize(s, dyad.Span{Start: 0, End: len(s)})
		dt := d.Doc("USA")
		for k := 0; k < 2; k++ { // twice: the second pass has coreference state
			prev := 0
			for _, m := range dt.Tag(k, s, toks, day("2023-06-19")) {
				if m.Span.Start < prev || !m.Span.Valid(len(s)) {
					t.Fatalf("Tag(%q): span %v out of order or bounds (prev end %d)", s, m.Span, prev)
				}
				if m.Text != s[m.Span.Start:m.Span.End] {
					t.Fatalf("Tag(%q): text %q, span says %q", s, m.Text, s[m.Span.Start:m.Span.End])
				}
				if m.Code == "" && m.Rule != "both" {
					t.Fatalf("Tag(%q): mention %q without a code", s, m.Text)
				}
				prev = m.Span.End
			}
		}
	})
}

// TestConcurrentDocs tags documents from several goroutines sharing one
// Dictionary; run with -race.
func TestConcurrentDocs(t *testing.T) {
	d, _ := loadFixtures(t, false)
	want := tagDoc(d, "USA", day("2023-06-19"), benchSentences...)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			got := tagDoc(d, "USA", day("2023-06-19"), benchSentences...)
			for i := range got {
				if len(got[i]) != len(want[i]) {
					t.Errorf("concurrent Tag(%q) = %q, want %q", benchSentences[i], got[i], want[i])
				}
			}
		})
	}
	wg.Wait()
}
