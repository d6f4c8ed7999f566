package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/dictionaries"
	"github.com/dyad-dev/dyad/internal/actors"
	"github.com/dyad-dev/dyad/internal/coding"
	"github.com/dyad-dev/dyad/internal/pipeline"
)

// analyzer loads the shipped dictionaries once per test binary.
var analyzer = sync.OnceValues(func() (*pipeline.Analyzer, error) {
	a, _, err := actors.Default(dictionaries.FS)
	if err != nil {
		return nil, err
	}
	c, _, err := coding.Default(dictionaries.FS)
	if err != nil {
		return nil, err
	}
	return &pipeline.Analyzer{Actors: a, Coder: c, Dyad: [2]string{"USA", "CHN"},
		Now: func() time.Time { return time.Date(2024, 1, 2, 15, 4, 5, 0, time.UTC) }}, nil
})

func mustAnalyzer(t testing.TB) *pipeline.Analyzer {
	t.Helper()
	a, err := analyzer()
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// store is a fake of the pipeline's Store: it keeps bundles in the order
// they are stored and reports a document seen before as unchanged.
type store struct {
	mu      sync.Mutex
	order   []string
	bundles map[string]*dyad.Bundle
	fail    string // Source whose storing fails
}

func (s *store) CreateDocument(_ context.Context, b *dyad.Bundle) (dyad.Outcome, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if b.Doc.Source == s.fail {
		return dyad.Unchanged, errors.New("disk full")
	}
	if s.bundles == nil {
		s.bundles = map[string]*dyad.Bundle{}
	}
	if _, ok := s.bundles[b.Doc.Hash]; ok {
		return dyad.Unchanged, nil
	}
	s.bundles[b.Doc.Hash] = b
	s.order = append(s.order, b.Doc.Source)
	return dyad.Created, nil
}

// batchStore adds all-or-nothing batches to store: a batch with the
// failing document stores nothing.
type batchStore struct {
	*store
	batches int
}

func (s *batchStore) CreateDocuments(ctx context.Context, bs []*dyad.Bundle) ([]dyad.Outcome, error) {
	for _, b := range bs {
		if b.Doc.Source == s.fail {
			return nil, errors.New("disk full")
		}
	}
	s.batches++
	outs := make([]dyad.Outcome, len(bs))
	for i, b := range bs {
		outs[i], _ = s.CreateDocument(ctx, b)
	}
	return outs, nil
}

func doc(source, date, text string) *dyad.Document {
	return &dyad.Document{Source: source, Hash: source + "#" + fmt.Sprint(len(text)), Date: day(date), Lang: "en", Side: "USA", Text: text}
}

func TestAnalyzer_Analyze(t *testing.T) {
	a := mustAnalyzer(t)
	d := doc("a.txt", "2023-06-19",
		"Secretary of State Antony J. Blinken met with Foreign Minister Qin Gang in Beijing on Sunday.\n\n"+
			"The Secretary said the two sides agreed to hold further talks.")
	b := a.Analyze(d)
	if len(b.Sentences) != 2 {
		t.Fatalf("Analyze: %d sentences, want 2", len(b.Sentences))
	}
	for _, m := range b.Mentions {
		if !m.Span.Valid(len(d.Text)) || !b.Sentences[m.Sentence].Span.Contains(m.Span) {
			t.Errorf("mention %+v: span outside its sentence", m)
		}
	}
	var met *dyad.Event
	for i := range b.Events {
		e := &b.Events[i]
		if !e.Span.Valid(len(d.Text)) || !e.Span.Contains(e.Verb) {
			t.Errorf("event %s %s: verb span %v outside sentence %v", e.CAMEO, e.Status, e.Verb, e.Span)
		}
		if e.Source.Person == "Antony Blinken" && e.Target != nil && e.Target.Person == "Qin Gang" && e.Sentence == 0 {
			met = e
		}
	}
	if met == nil {
		t.Fatalf("no Blinken -> Qin Gang event in sentence 0; events: %+v", b.Events)
	}
	if got, want := met.Root(), "04"; got != want {
		t.Errorf("meeting root = %s, want %s", got, want)
	}
	if got, want := met.Date, day("2023-06-18"); !got.Equal(want) || met.DateFromDoc {
		t.Errorf("meeting date = %s (from doc %v), want %s from 'on Sunday'", got.Format("2006-01-02"), met.DateFromDoc, want.Format("2006-01-02"))
	}
	if met.Status != dyad.StatusOccurred {
		t.Errorf("meeting status = %s, want occurred", met.Status)
	}
}

func TestAnalyzer_NoDate(t *testing.T) {
	a := mustAnalyzer(t)
	d := doc("nodate.txt", "2023-01-01", "Blinken met Wang Yi.")
	d.Date = time.Time{}
	b := a.Analyze(d)
	if len(b.Diagnostics) == 0 {
		t.Fatalf("Analyze of an undated document gave no diagnostic")
	}
	for _, e := range b.Events {
		if !e.Date.Equal(day("2024-01-02")) {
			t.Errorf("event date = %s, want the clock's day 2024-01-02", e.Date)
		}
	}
}

func TestAnalyzer_Chinese(t *testing.T) {
	a := mustAnalyzer(t)
	d := doc("zh.txt", "2023-06-19", "王毅会见布林肯。双方进行了坦诚、深入、建设性的沟通。")
	d.Lang = "zh"
	b := a.Analyze(d)
	if len(b.Sentences) != 2 || len(b.Events) != 0 {
		t.Errorf("Analyze(zh) = %d sentences, %d events; want 2 sentences stored and none coded", len(b.Sentences), len(b.Events))
	}
}

func items(docs ...*dyad.Document) func(func(pipeline.Item) bool) {
	return func(yield func(pipeline.Item) bool) {
		for _, d := range docs {
			if !yield(pipeline.Item{Name: d.Source, Docs: []*dyad.Document{d}}) {
				return
			}
		}
	}
}

func TestPipeline_Run(t *testing.T) {
	var docs []*dyad.Document
	for i := range 12 {
		docs = append(docs, doc(fmt.Sprintf("d%02d.txt", i), "2023-06-19", fmt.Sprintf("Blinken met Wang Yi in Beijing %s.", string(rune('a'+i)))))
	}
	bad := pipeline.Item{Name: "broken.pdf", Err: dyad.Errorf(dyad.EINVALID, "ingest: broken.pdf: broken PDF")}
	seq := func(yield func(pipeline.Item) bool) {
		for i, it := range slices.Collect(items(docs...)) {
			if i == 5 && !yield(bad) {
				return
			}
			if !yield(it) {
				return
			}
		}
		// the same document again: unchanged
		yield(pipeline.Item{Name: "again", Docs: []*dyad.Document{docs[0]}})
	}
	for _, tc := range []struct {
		workers int
		batch   bool
	}{{1, false}, {4, false}, {1, true}, {4, true}} {
		t.Run(fmt.Sprintf("workers=%d,batch=%v", tc.workers, tc.batch), func(t *testing.T) {
			st := &store{fail: "d07.txt"}
			var s pipeline.Store = st
			if tc.batch {
				s = &batchStore{store: st}
			}
			var progress []int
			p := &pipeline.Pipeline{Analyzer: mustAnalyzer(t), Store: s, Workers: tc.workers,
				OnProgress: func(pr pipeline.Progress) { progress = append(progress, pr.Done) }}
			sum, err := p.Run(t.Context(), seq)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Inputs != 14 || sum.Created != 11 || sum.Unchanged != 1 || sum.Failed != 2 {
				t.Errorf("Run: %+v; want 14 inputs, 11 created, 1 unchanged, 2 failed", sum)
			}
			var failed []string
			for _, f := range sum.Failures {
				failed = append(failed, f.Name)
			}
			if want := []string{"broken.pdf", "d07.txt"}; !reflect.DeepEqual(failed, want) {
				t.Errorf("failures = %q, want %q in input order", failed, want)
			}
			// Stored in input order whatever the scheduling.
			var want []string
			for _, d := range docs {
				if d.Source != "d07.txt" {
					want = append(want, d.Source)
				}
			}
			if !reflect.DeepEqual(st.order, want) {
				t.Errorf("stored order = %q, want %q", st.order, want)
			}
			if !slices.IsSorted(progress) || len(progress) == 0 || progress[len(progress)-1] != 14 {
				t.Errorf("progress = %v, want increasing reports up to 14", progress)
			}
		})
	}
}

func TestPipeline_Deterministic(t *testing.T) {
	run := func(workers int) map[string][]dyad.Event {
		st := &store{}
		docs := []*dyad.Document{
			doc("a", "2023-06-19", "Blinken met Wang Yi in Beijing on Monday. The two sides agreed to resume talks."),
			doc("b", "2023-02-03", "China postponed the visit. The Pentagon said China declined a call."),
			doc("c", "2022-08-05", "1. Canceling China-U.S. Theater Commanders Talk.\n\n2. Suspending China-U.S. talks on climate change."),
		}
		p := &pipeline.Pipeline{Analyzer: mustAnalyzer(t), Store: st, Workers: workers}
		if _, err := p.Run(t.Context(), items(docs...)); err != nil {
			t.Fatal(err)
		}
		out := map[string][]dyad.Event{}
		for _, b := range st.bundles {
			out[b.Doc.Source] = b.Events
		}
		return out
	}
	first := run(1)
	for range 3 {
		if got := run(3); !reflect.DeepEqual(got, first) {
			t.Fatalf("Run with 3 workers differs from 1 worker")
		}
	}
}

func TestPipeline_Cancel(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	infinite := func(yield func(pipeline.Item) bool) {
		for i := 0; ; i++ {
			if i == 3 {
				cancel()
			}
			if !yield(pipeline.Item{Name: fmt.Sprint(i), Docs: []*dyad.Document{doc(fmt.Sprint(i), "2023-01-01", "Wang met Blinken.")}}) {
				return
			}
		}
	}
	p := &pipeline.Pipeline{Analyzer: mustAnalyzer(t), Store: &store{}, Workers: 2}
	if _, err := p.Run(ctx, infinite); !errors.Is(err, context.Canceled) {
		t.Fatalf("Run after cancel = %v, want context.Canceled", err)
	}
}
