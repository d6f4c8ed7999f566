package sqlite

import (
	"path/filepath"
	"sync"
	"testing"

	"github.com/dyad-dev/dyad"
)

// TestReadStatements_Bounded checks that queries beyond the cache's bound
// run unprepared, and that many readers sharing a small pool neither
// deadlock (statements are prepared outside any transaction) nor race.
func TestReadStatements_Bounded(t *testing.T) {
	db := NewDB(filepath.Join(t.TempDir(), "dyad.db"))
	db.MaxReadStatements = 2
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	text := "Blinken met Wang Yi."
	b := &dyad.Bundle{Doc: &dyad.Document{Source: "a.txt", Hash: "a", Text: text, Format: "txt"},
		Sentences: []dyad.Sentence{{Span: dyad.Span{End: len(text)}}}}
	for i := range 30 {
		e := dyad.Event{Span: b.Sentences[0].Span, CAMEO: "040", Quad: 1, Status: dyad.StatusOccurred,
			Source: dyad.Actor{Code: "USAGOV", Country: "USA"}, Target: &dyad.Actor{Code: "CHNGOV", Country: "CHN"}, Object: string(rune('a' + i))}
		e.Key = e.ComputeKey()
		b.Events = append(b.Events, e)
	}
	if _, err := NewDocumentService(db).CreateDocument(t.Context(), b); err != nil {
		t.Fatal(err)
	}
	es := NewEventService(db)
	status, typ := dyad.StatusOccurred, "04"
	filters := []dyad.EventFilter{
		{Limit: 5},
		{Status: &status, SkipTotal: true},
		{Type: &typ, Dyad: &[2]string{"USA", "CHN"}},
		{DocID: &b.Doc.ID, Limit: 3, Offset: 2},
	}
	want := []int{5, 30, 30, 3}
	var wg sync.WaitGroup
	for g := range 16 {
		wg.Go(func() {
			for i := range 10 {
				k := (g + i) % len(filters)
				got, _, err := es.FindEvents(t.Context(), filters[k])
				if err != nil || len(got) != want[k] {
					t.Errorf("FindEvents(filter %d) = %d events, %v; want %d", k, len(got), err, want[k])
					return
				}
			}
		})
	}
	wg.Wait()
	db.reads.mu.Lock()
	n := len(db.reads.byText)
	db.reads.mu.Unlock()
	if n != 2 {
		t.Errorf("cache holds %d statements, want its bound 2", n)
	}
}
