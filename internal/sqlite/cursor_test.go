package sqlite_test

import (
	"testing"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/sqlite"
)

// TestFindEvents_AfterID pages events by id cursor: id order, no overlap
// or gap, and a total that counts every match wherever the cursor stands.
func TestFindEvents_AfterID(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	b := newBundle("cursor.txt", "Blinken met Wang Yi. Wang Yi met Blinken.")
	// Five events on days that run backwards, so date order and id order differ.
	base := b.Events[0]
	b.Events = nil
	for i := range 5 {
		e := base
		e.Date = time.Date(2023, 6, 30-i, 0, 0, 0, 0, time.UTC)
		e.DateEnd = e.Date
		b.Events = append(b.Events, e)
	}
	if _, err := sqlite.NewDocumentService(db).CreateDocument(ctx, b); err != nil {
		t.Fatal(err)
	}
	es := sqlite.NewEventService(db)
	byDate, total, err := es.FindEvents(ctx, dyad.EventFilter{})
	if err != nil || total != 5 || byDate[0].Date.After(byDate[4].Date) {
		t.Fatalf("FindEvents() = %d events (total %d), %v; want 5 in date order", len(byDate), total, err)
	}
	var seen []int64
	after := int64(0)
	for {
		page, total, err := es.FindEvents(ctx, dyad.EventFilter{AfterID: &after, Limit: 2})
		if err != nil {
			t.Fatal(err)
		}
		if total != 5 {
			t.Errorf("total with cursor %d = %d, want 5", after, total)
		}
		if len(page) == 0 {
			break
		}
		for _, e := range page {
			seen = append(seen, e.ID)
		}
		after = page[len(page)-1].ID
	}
	for i := 1; i < len(seen); i++ {
		if seen[i] <= seen[i-1] {
			t.Fatalf("ids %v not increasing", seen)
		}
	}
	if len(seen) != 5 {
		t.Errorf("cursor pages gave %d events, want 5: %v", len(seen), seen)
	}
}
