package sqlite_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/sqlite"
)

func TestEventService_FindEvents(t *testing.T) {
	db := MustOpenDB(t)
	docs, events := sqlite.NewDocumentService(db), sqlite.NewEventService(db)
	ctx := t.Context()

	day := func(d int) time.Time { return docDate.AddDate(0, 0, d) }
	usa := dyad.Actor{Text: "Blinken", Code: "USAGOV", Country: "USA", Person: "Antony Blinken"}
	chn := dyad.Actor{Text: "Wang Yi", Code: "CHNGOV", Country: "CHN", Person: "Wang Yi"}
	pla := dyad.Actor{Text: "the PLA", Code: "CHNMIL", Country: "CHN"}
	rus := dyad.Actor{Text: "Russia", Code: "RUS", Country: "RUS"}
	mk := func(src dyad.Actor, tgt *dyad.Actor, cameo, plover string, st dyad.Status, from, to int, issues ...string) dyad.Event {
		return dyad.Event{Source: src, Target: tgt, CAMEO: cameo, PLOVER: plover, Quad: 1, Status: st,
			Date: day(from), DateEnd: day(to), DatePrecision: dyad.PrecisionDay, Issues: issues}
	}
	// Stored in this order, so event i has ID i+1.
	all := []dyad.Event{
		mk(usa, &chn, "040", "CONSULT", dyad.StatusOccurred, 0, 0, "taiwan"),            // 1
		mk(chn, &usa, "042", "CONSULT", dyad.StatusPlanned, 10, 12),                     // 2
		mk(pla, &usa, "1382", "THREATEN", dyad.StatusOccurred, 5, 5, "taiwan", "trade"), // 3
		mk(chn, &rus, "057", "AGREE", dyad.StatusOccurred, 20, 20),                      // 4
		mk(usa, nil, "010", "", dyad.StatusPostponed, 30, 30),                           // 5
	}
	text := "Blinken met Wang Yi."
	a := newBundle("a.txt", text)
	a.Events = all[:3]
	b := newBundle("b.txt", text+" Again.")
	b.Events = all[3:]
	for _, bb := range []*dyad.Bundle{a, b} {
		for i := range bb.Events {
			bb.Events[i].Span, bb.Events[i].Verb = bb.Sentences[0].Span, bb.Sentences[0].Span
		}
		if _, err := docs.CreateDocument(ctx, bb); err != nil {
			t.Fatal(err)
		}
	}

	ptrS := func(s string) *string { return &s }
	ptrT := func(t time.Time) *time.Time { return &t }
	ptrI := func(i int64) *int64 { return &i }
	status := func(s dyad.Status) *dyad.Status { return &s }
	tests := []struct {
		name      string
		filter    dyad.EventFilter
		want      []int64 // ids, in order
		wantTotal int
	}{
		{"All", dyad.EventFilter{}, []int64{1, 3, 2, 4, 5}, 5},
		{"Page", dyad.EventFilter{Offset: 1, Limit: 2}, []int64{3, 2}, 5},
		{"ID", dyad.EventFilter{ID: ptrI(4)}, []int64{4}, 1},
		{"DocID", dyad.EventFilter{DocID: &b.Doc.ID}, []int64{4, 5}, 2},
		{"DyadEitherDirection", dyad.EventFilter{Dyad: &[2]string{"chn", "USA"}}, []int64{1, 3, 2}, 3},
		{"DyadOther", dyad.EventFilter{Dyad: &[2]string{"RUS", "CHN"}}, []int64{4}, 1},
		{"FromOverlaps", dyad.EventFilter{From: ptrT(day(11))}, []int64{2, 4, 5}, 3},
		{"To", dyad.EventFilter{To: ptrT(day(5))}, []int64{1, 3}, 2},
		{"FromTo", dyad.EventFilter{From: ptrT(day(1)), To: ptrT(day(20))}, []int64{3, 2, 4}, 3},
		{"ActorCodePrefix", dyad.EventFilter{Actor: ptrS("CHNMIL")}, []int64{3}, 1},
		{"ActorCountryPrefix", dyad.EventFilter{Actor: ptrS("rus")}, []int64{4}, 1},
		{"ActorPerson", dyad.EventFilter{Actor: ptrS("blinken")}, []int64{1, 3, 2, 5}, 4},
		{"ActorNoWildcards", dyad.EventFilter{Actor: ptrS("%")}, nil, 0},
		{"TypeRoot", dyad.EventFilter{Type: ptrS("04")}, []int64{1, 2}, 2},
		{"TypeCode", dyad.EventFilter{Type: ptrS("138")}, []int64{3}, 1},
		{"TypePLOVER", dyad.EventFilter{Type: ptrS("consult")}, []int64{1, 2}, 2},
		{"Status", dyad.EventFilter{Status: status(dyad.StatusPostponed)}, []int64{5}, 1},
		{"Issue", dyad.EventFilter{Issue: ptrS("taiwan")}, []int64{1, 3}, 2},
		{"Combined", dyad.EventFilter{Issue: ptrS("taiwan"), Status: status(dyad.StatusOccurred), Type: ptrS("13")}, []int64{3}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, n, err := events.FindEvents(ctx, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, e := range got {
				ids = append(ids, e.ID)
				if len(e.Sources) != 1 {
					t.Errorf("event %d has %d sources, want 1", e.ID, len(e.Sources))
				}
			}
			if !reflect.DeepEqual(ids, tt.want) || n != tt.wantTotal {
				t.Errorf("FindEvents(%s) = %v (total %d), want %v (total %d)", tt.name, ids, n, tt.want, tt.wantTotal)
			}
		})
	}
}
