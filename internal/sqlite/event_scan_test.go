package sqlite_test

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/sqlite"
)

// checkEventRoundTrip stores an event whose every string is s, reported by
// two documents, and checks that FindEventByID and FindEvents give it back
// exactly: the store packs a row's columns into JSON and unpacks them, and
// no string may change on the way (quotes, escapes, control characters,
// invalid UTF-8).
func checkEventRoundTrip(t *testing.T, db *sqlite.DB, s string) {
	t.Helper()
	ctx := t.Context()
	docs, events := sqlite.NewDocumentService(db), sqlite.NewEventService(db)
	mk := func(source string) *dyad.Bundle {
		b := newBundle(source, "Blinken met Wang Yi. "+source)
		b.Doc.Publisher, b.Doc.Side = s, s
		sp := b.Sentences[0].Span
		e := dyad.Event{Span: sp, Verb: dyad.Span{Start: 8, End: 11}, CAMEO: "040", PLOVER: s, Mode: s, Context: []string{s, "x"},
			Quad: 1, Goldstein: -7.2, Status: dyad.StatusOccurred,
			Source: dyad.Actor{Text: s, Code: s, Country: s, Person: s, Office: s, Level: dyad.Level(s), Span: dyad.Span{Start: 0, End: 7}},
			Target: &dyad.Actor{Text: s, Code: s, Country: s, Person: s, Office: s, Level: dyad.Level(s), Span: dyad.Span{Start: 12, End: 19}},
			Date:   docDate, DateEnd: docDate.AddDate(0, 0, 2), DatePrecision: dyad.Precision(s), DateSpan: &dyad.Span{Start: 1, End: 2},
			Issues: []string{s}, Location: s, LocationSpan: &dyad.Span{Start: 3, End: 4}, Pattern: s, Object: s}
		e.Key = "k" // every document reports the same event
		b.Events = []dyad.Event{e}
		return b
	}
	// Stored in the order a, b, c (ids ascending), reports are ordered by
	// document date, undated last: b, a, c.
	a, b, c := mk("a.txt"), mk("b.txt"), mk("c.txt")
	a.Doc.Date, c.Doc.Date = docDate.AddDate(0, 0, 1), time.Time{}
	if _, err := docs.CreateDocuments(ctx, []*dyad.Bundle{a, b, c}); err != nil {
		t.Fatal(err)
	}
	ids := []int64{a.Doc.ID, b.Doc.ID, c.Doc.ID}
	want := a.Events[0]
	want.DocID, want.Sentence = ids[0], 0
	// Lists are stored as JSON, which replaces invalid UTF-8.
	want.Context, want.Issues = viaJSON(t, want.Context), viaJSON(t, want.Issues)
	for _, bb := range []*dyad.Bundle{b, a, c} {
		want.Sources = append(want.Sources, dyad.EventSource{DocID: bb.Doc.ID, Sentence: 0, Span: bb.Events[0].Span,
			Publisher: s, Side: s, DocDate: bb.Doc.Date})
	}
	all, _, err := events.FindEvents(ctx, dyad.EventFilter{DocID: &ids[1]})
	if err != nil || len(all) != 1 {
		t.Fatalf("FindEvents(doc %d) = %d events, %v; want 1", ids[1], len(all), err)
	}
	want.ID = all[0].ID
	got, err := events.FindEventByID(ctx, want.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range []*dyad.Event{got, all[0]} {
		if !reflect.DeepEqual(*g, want) {
			t.Errorf("stored %q, read back\n %#v\nwant %#v", s, *g, want)
		}
	}
}

func viaJSON(t *testing.T, l []string) []string {
	t.Helper()
	buf, err := json.Marshal(l)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	if err := json.Unmarshal(buf, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestEventService_RoundTripStrings(t *testing.T) {
	tests := []struct{ name, s string }{
		{"Plain", "Wang Yi"},
		{"Empty", ""},
		{"Quotes", `say "no" \ and \"yes\"`},
		{"Controls", "a\nb\tc\rd\x00e\x01f\x1f\b\f"},
		{"HTML", "<script>&amp;</script>"},
		{"Unicode", "中国外交部 é \u2028\u2029 \U0001F600"},
		{"InvalidUTF8", "bad \xff\xfe \xc3( end"},
		{"JSONish", `["null",1,{"a":null}]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkEventRoundTrip(t, mustOpenDSN(t, sqlite.MemoryDSN), tt.s)
		})
	}
}

func FuzzEventService_RoundTrip(f *testing.F) {
	for _, s := range []string{"Wang Yi", `"\`, "\x00\xff", "\u2028<&>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkEventRoundTrip(t, mustOpenDSN(t, sqlite.MemoryDSN), s)
	})
}
