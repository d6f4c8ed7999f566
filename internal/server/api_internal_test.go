package server

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/export"
)

// fixedLookup gives one document and names every code.
type fixedLookup struct{ doc *dyad.Document }

func (l fixedLookup) Document(id int64) *dyad.Document {
	if id == l.doc.ID {
		return l.doc
	}
	return nil
}
func (fixedLookup) CodeName(string) string { return "Consult <in person> & more" }

// TestAppendEvents checks that the event list is written as encoding/json
// writes eventsJSON.
func TestAppendEvents(t *testing.T) {
	lk := fixedLookup{&dyad.Document{ID: 1, Source: "https://example.org/a?x=1&y=<2>", Publisher: "state.gov", Side: "USA",
		Text: "Blinken met \"Wang Yi\" in Beijing.\u2028"}}
	day := time.Date(2023, 6, 18, 0, 0, 0, 0, time.UTC)
	ev := func(id int64) *dyad.Event {
		return &dyad.Event{ID: id, DocID: 1, Key: "k", Span: dyad.Span{Start: 0, End: 36}, Verb: dyad.Span{Start: 8, End: 11},
			Source: dyad.Actor{Text: "Blinken", Code: "USAGOV", Country: "USA", Person: "Antony Blinken"},
			Target: &dyad.Actor{Text: "Wang Yi", Code: "CHNGOV", Country: "CHN"}, CAMEO: "040", PLOVER: "CONSULT",
			Quad: 1, Goldstein: 1, Status: dyad.StatusOccurred, Date: day, DateEnd: day, Issues: []string{"taiwan"},
			Sources: []dyad.EventSource{{DocID: 1, Sentence: 0, Span: dyad.Span{Start: 0, End: 36}}, {DocID: 9}}}
	}
	total := 1234
	tests := []struct {
		name   string
		events []*dyad.Event
		total  *int
		next   string
		lk     export.Lookup
	}{
		{"Empty", nil, &total, "", lk},
		{"FirstPage", []*dyad.Event{ev(1), ev(2)}, &total, "2", lk},
		{"NextPage", []*dyad.Event{ev(3)}, nil, "", lk},
		{"NoLookup", []*dyad.Event{ev(4), {ID: 5}}, nil, "5", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := eventsJSON{Events: []export.Record{}, Total: tt.total, Next: tt.next}
			for _, e := range tt.events {
				page.Events = append(page.Events, export.NewRecord(e, "", tt.lk))
			}
			want, err := json.Marshal(page)
			if err != nil {
				t.Fatal(err)
			}
			want = append(want, '\n')
			if got := appendEvents(nil, tt.events, tt.lk, tt.total, tt.next); !bytes.Equal(got, want) {
				t.Errorf("appendEvents = %s\nwant %s", got, want)
			}
		})
	}
}
