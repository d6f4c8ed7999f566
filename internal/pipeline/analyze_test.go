package pipeline_test

import (
	"reflect"
	"sync"
	"testing"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/pipeline"
)

// reuseDocs are documents whose analysis depends on what a tagger has seen:
// surnames and bare titles resolve to people mentioned before in the same
// document, never in an earlier one.
func reuseDocs(t *testing.T) []*dyad.Document {
	zh := doc("zh.txt", "2023-06-19", "王毅会见布林肯。双方进行了坦诚的沟通。")
	zh.Lang = "zh"
	chn := doc("chn.txt", "2023-06-19", "The President met Secretary Blinken. Wang said the two sides agreed to talk.")
	chn.Side = "CHN"
	docs := []*dyad.Document{
		doc("a.txt", "2023-06-19", "Wang Yi met Wang Huning in Beijing.\n\nWang said China would host Blinken next month."),
		doc("b.txt", "2023-06-19", "Wang said China would host Blinken next month. Later, Wang met him."),
		doc("c.txt", "2023-06-19", "Lloyd Austin spoke with Li Shangfu. The Secretary urged talks."),
		doc("d.txt", "2023-06-19", "The Secretary urged talks with China."),
		zh,
		chn,
		doc("empty.txt", "2023-06-19", ""),
		doc("e.txt", "2023-10-26", "Secretary of State Antony J. Blinken hosted Foreign Minister Wang Yi in Washington. The Secretary and Director Wang discussed fentanyl; they agreed to meet again on Friday."),
	}
	return append(docs, corpusDocs(t)...)
}

// TestAnalyzer_Reuse checks that an Analyzer reusing its scratch (its
// tagger, tokens and buffers) from document to document, on one worker or
// several at once, gives each document the bundle a fresh Analyzer gives
// it.
func TestAnalyzer_Reuse(t *testing.T) {
	a := mustAnalyzer(t)
	docs := reuseDocs(t)
	want := make([]*dyad.Bundle, len(docs))
	for i, d := range docs {
		fresh := &pipeline.Analyzer{Actors: a.Actors, Coder: a.Coder, Dyad: a.Dyad, Now: a.Now}
		want[i] = fresh.Analyze(d)
	}
	check := func(t *testing.T, an *pipeline.Analyzer, i int) {
		t.Helper()
		if got := an.Analyze(docs[i]); !reflect.DeepEqual(got, want[i]) {
			t.Errorf("Analyze(%s) after other documents = %+v, want %+v", docs[i].Source, got, want[i])
		}
	}
	t.Run("sequential", func(t *testing.T) {
		an := &pipeline.Analyzer{Actors: a.Actors, Coder: a.Coder, Dyad: a.Dyad, Now: a.Now}
		for round := range 2 {
			for k := range docs {
				i := k
				if round == 1 {
					i = len(docs) - 1 - k
				}
				check(t, an, i)
			}
		}
	})
	t.Run("concurrent", func(t *testing.T) {
		an := &pipeline.Analyzer{Actors: a.Actors, Coder: a.Coder, Dyad: a.Dyad, Now: a.Now}
		var wg sync.WaitGroup
		for w := range 4 {
			wg.Go(func() {
				for k := range 3 * len(docs) {
					check(t, an, (k+w*5)%len(docs))
				}
			})
		}
		wg.Wait()
	})
	// Bundles already returned keep their values while the Analyzer goes on.
	t.Run("bundles stay", func(t *testing.T) {
		an := &pipeline.Analyzer{Actors: a.Actors, Coder: a.Coder, Dyad: a.Dyad, Now: a.Now}
		got := make([]*dyad.Bundle, len(docs))
		for i, d := range docs {
			got[i] = an.Analyze(d)
		}
		for i := range docs {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Errorf("bundle of %s changed while later documents were analyzed", docs[i].Source)
			}
		}
	})
}

// TestAnalyzer_AnalyzeAllocs checks that an Analyzer does not pay the
// per-document setup (a tagger, token and mention buffers) again for each
// document: a warm Analyzer allocates less than a new one by at least what
// Dictionary.Doc allocates.
func TestAnalyzer_AnalyzeAllocs(t *testing.T) {
	a := mustAnalyzer(t)
	d := doc("one.txt", "2023-06-19", "Chinese officials said they would not meet the delegation.")
	tagger := testing.AllocsPerRun(20, func() { a.Actors.Doc("USA") })
	cold := testing.AllocsPerRun(20, func() {
		an := &pipeline.Analyzer{Actors: a.Actors, Coder: a.Coder, Dyad: a.Dyad, Now: a.Now}
		an.Analyze(d)
	})
	an := &pipeline.Analyzer{Actors: a.Actors, Coder: a.Coder, Dyad: a.Dyad, Now: a.Now}
	warm := testing.AllocsPerRun(50, func() { an.Analyze(d) })
	if tagger == 0 || cold-warm < tagger {
		t.Errorf("Analyze(%q): %v allocations warm, %v with a new Analyzer; want a difference of at least Dictionary.Doc's %v",
			d.Text, warm, cold, tagger)
	}
}
