package actors_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/actors"
	"github.com/dyad-dev/dyad/internal/text"
)

// TestDocTagger_Reset checks that a tagger reused across documents, Reset
// before each, tags every document as a fresh one would: no person
// mentioned in an earlier document is a referent in a later one.
func TestDocTagger_Reset(t *testing.T) {
	d, _ := loadFixtures(t, false)
	type document struct {
		side  string
		date  string
		sents []string
	}
	docs := []document{
		{"", "2023-06-19", []string{"Wang Yi met Wang Huning.", "Wang said."}},
		// Fresh: Wang Yi, the one Wang in office; leaked: Wang Huning.
		{"", "2023-06-19", []string{"Wang said."}},
		{"USA", "2023-06-19", []string{"Lloyd Austin spoke.", "The Secretary left."}},
		// Fresh: two Secretaries in office, none mentioned: no mention.
		{"USA", "2023-06-19", []string{"The Secretary left."}},
		{"", "2023-06-19", []string{"Antony Blinken met Wang Yi and Qin Gang.", "Blinken thanked Wang and Minister Qin."}},
		{"CHN", "2023-06-19", []string{"Qin said.", "The President met him."}},
		{"", "2023-06-19", []string{"Later Qin Jian and Tom Blinken spoke; then Qin and Blinken left."}},
	}
	tk := text.Tokenizer{KeepPunct: true}
	for _, order := range []string{"forward", "backward"} {
		t.Run(order, func(t *testing.T) {
			ds := slices.Clone(docs)
			if order == "backward" {
				slices.Reverse(ds)
			}
			reused := d.Doc("")
			var all []dyad.Mention // every document's mentions, appended
			for _, doc := range ds {
				want := tagDoc(d, doc.side, day(doc.date), doc.sents...)
				reused.Reset(doc.side)
				for i, s := range doc.sents {
					toks := tk.Tokenize(s, dyad.Span{Start: 0, End: len(s)})
					n := len(all)
					all = reused.AppendTag(all, i, s, toks, day(doc.date))
					var got []string
					for _, m := range all[n:] {
						got = append(got, format(m))
					}
					if !slices.Equal(got, want[i]) {
						t.Errorf("after Reset(%q): AppendTag(%q) = %q, want %q as from a fresh tagger", doc.side, s, got, want[i])
					}
				}
			}
		})
	}
}

// TestDocTagger_AppendTag checks that AppendTag leaves the mentions already
// in dst alone, TABARI's gapped phrases included: a long mention before the
// sentence's own does not stop a gapped phrase from replacing the shorter
// mention it covers.
func TestDocTagger_AppendTag(t *testing.T) {
	l := actors.NewLoader()
	l.Stems = true
	l.AddPhoenix("t.actors", strings.NewReader(tabariProject))
	d, diags := l.Compile()
	if len(diags) > 0 {
		t.Fatalf("Compile: %v", diags)
	}
	d = d.With(actors.Options{TABARIAgents: true})
	const s = "He spoke on Ithilen state-run television."
	tk := text.Tokenizer{KeepPunct: true}
	toks := tk.Tokenize(s, dyad.Span{Start: 0, End: len(s)})
	prior := dyad.Mention{Sentence: 0, Actor: dyad.Actor{Code: "XXX", Span: dyad.Span{Start: 0, End: len(s)}}, Rule: "dict", Entry: "prior"}
	dst := make([]dyad.Mention, 1, 8)
	dst[0] = prior
	got := d.Doc("").AppendTag(dst, 1, s, toks, day("1995-01-01"))
	if len(got) != 2 || got[0] != prior || format(got[1]) != "Ithilen state-run television=ITHTV/dict" {
		t.Errorf("AppendTag([prior], %q) = %v, want prior then Ithilen state-run television=ITHTV/dict", s, got)
	}
	if want := d.Doc("").Tag(1, s, toks, day("1995-01-01")); !slices.Equal(got[1:], want) {
		t.Errorf("AppendTag(%q) = %v, want %v as from Tag", s, got[1:], want)
	}
}
