package sqlite_test

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-dev/dyad/internal/cputime"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/sqlite"
)

// fullBundle sets every field the store keeps.
func fullBundle() *dyad.Bundle {
	text := "Secretary Blinken met Wang Yi in Beijing on June 19.\n\nThey discussed Taiwan. Blinken will return in the fall."
	b := newBundle("https://www.state.gov/readout-1", text)
	b.Doc.Meta = map[string]string{"completeness": "full", "note": "official readout"}
	at := strings.Index(text, "June 19")
	loc := strings.Index(text, "Beijing")
	e := &b.Events[0]
	e.Verb = dyad.Span{Start: strings.Index(text, "met"), End: strings.Index(text, "met") + 3}
	e.Mode = "visit"
	e.Context = []string{"diplomatic", "security"}
	e.DateSpan = &dyad.Span{Start: at, End: at + len("June 19")}
	e.DateFromDoc = false
	e.Issues = []string{"taiwan", "trade"}
	e.Location = "Beijing"
	e.LocationSpan = &dyad.Span{Start: loc, End: loc + len("Beijing")}
	e.Pattern = "MEET_PEOPLE [040] - * MEET +"
	// A planned event without a target, dated by a season.
	third := b.Sentences[2]
	b.Events = append(b.Events, dyad.Event{
		Sentence: third.Index, Span: third.Span, Verb: dyad.Span{Start: third.Span.Start + 13, End: third.Span.Start + 19},
		Source: b.Mentions[len(b.Mentions)-1].Actor, CAMEO: "042", PLOVER: "CONSULT", Quad: 1, Goldstein: 1.9,
		Status: dyad.StatusPlanned, Date: time.Date(2023, 9, 23, 0, 0, 0, 0, time.UTC),
		DateEnd: time.Date(2023, 12, 20, 0, 0, 0, 0, time.UTC), DatePrecision: dyad.PrecisionSeason,
	})
	b.Sentences[1].Para, b.Sentences[2].Para = 1, 1
	b.Diagnostics = []dyad.Diagnostic{
		{Source: b.Doc.Source, Line: 3, Span: &dyad.Span{Start: third.Span.Start, End: third.Span.End}, Msg: "no verb pattern matched"},
		{Source: b.Doc.Source, Msg: "unknown header field"},
	}
	return b
}

func TestDocumentService_CreateDocument(t *testing.T) {
	db := MustOpenDB(t)
	docs, events := sqlite.NewDocumentService(db), sqlite.NewEventService(db)
	ctx := t.Context()

	b := fullBundle()
	want := *b.Doc
	out, err := docs.CreateDocument(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	if out != dyad.Created {
		t.Errorf("CreateDocument() = %v, want %v", out, dyad.Created)
	}
	if b.Doc.ID == 0 || b.Doc.Version != 1 || b.Doc.PrevID != 0 || !b.Doc.IngestedAt.Equal(now) {
		t.Errorf("CreateDocument() set ID=%d Version=%d PrevID=%d IngestedAt=%v, want an ID, 1, 0, %v",
			b.Doc.ID, b.Doc.Version, b.Doc.PrevID, b.Doc.IngestedAt, now)
	}
	want.ID, want.Version, want.IngestedAt = b.Doc.ID, 1, now

	t.Run("Document", func(t *testing.T) {
		got, err := docs.FindDocumentByID(ctx, b.Doc.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(*got, want) {
			t.Errorf("FindDocumentByID(%d) = %+v, want %+v", b.Doc.ID, *got, want)
		}
	})
	t.Run("Sentences", func(t *testing.T) {
		got, err := docs.FindSentences(ctx, b.Doc.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, b.Sentences) {
			t.Errorf("FindSentences(%d) = %v, want %v", b.Doc.ID, got, b.Sentences)
		}
	})
	t.Run("Mentions", func(t *testing.T) {
		got, err := docs.FindMentions(ctx, b.Doc.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, b.Mentions) {
			t.Errorf("FindMentions(%d) = %+v, want %+v", b.Doc.ID, got, b.Mentions)
		}
		for _, m := range got {
			if s := b.Doc.Slice(m.Span); s != m.Text {
				t.Errorf("mention %q: Slice(%v) = %q", m.Text, m.Span, s)
			}
		}
	})
	t.Run("Diagnostics", func(t *testing.T) {
		got, err := docs.FindDiagnostics(ctx, b.Doc.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, b.Diagnostics) {
			t.Errorf("FindDiagnostics(%d) = %+v, want %+v", b.Doc.ID, got, b.Diagnostics)
		}
	})
	t.Run("Events", func(t *testing.T) {
		got, n, err := events.FindEvents(ctx, dyad.EventFilter{DocID: &b.Doc.ID})
		if err != nil {
			t.Fatal(err)
		}
		if n != len(b.Events) || len(got) != len(b.Events) {
			t.Fatalf("FindEvents(DocID) = %d events (total %d), want %d", len(got), n, len(b.Events))
		}
		for i, g := range got {
			w := b.Events[i] // both ordered by date
			if w.ID == 0 || w.Key == "" || w.DocID != b.Doc.ID {
				t.Errorf("event %d: CreateDocument set ID=%d Key=%q DocID=%d", i, w.ID, w.Key, w.DocID)
			}
			w.Sources = []dyad.EventSource{{DocID: b.Doc.ID, Sentence: w.Sentence, Span: w.Span,
				Publisher: b.Doc.Publisher, Side: b.Doc.Side, DocDate: b.Doc.Date}}
			if !reflect.DeepEqual(*g, w) {
				t.Errorf("event %d = %+v\nwant %+v", i, *g, w)
			}
			byID, err := events.FindEventByID(ctx, g.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(byID, g) {
				t.Errorf("FindEventByID(%d) = %+v, want %+v", g.ID, byID, g)
			}
		}
		if got[0].Key != b.Events[0].ComputeKey() {
			t.Errorf("stored key = %q, want ComputeKey() = %q", got[0].Key, b.Events[0].ComputeKey())
		}
	})
	t.Run("NotFound", func(t *testing.T) {
		if _, err := docs.FindDocumentByID(ctx, 999); dyad.ErrorCode(err) != dyad.ENOTFOUND {
			t.Errorf("FindDocumentByID(999) = %v, want ENOTFOUND", err)
		}
		if _, err := events.FindEventByID(ctx, 999); dyad.ErrorCode(err) != dyad.ENOTFOUND {
			t.Errorf("FindEventByID(999) = %v, want ENOTFOUND", err)
		}
	})
}

func TestDocumentService_CreateDocument_Invalid(t *testing.T) {
	db := MustOpenDB(t)
	docs := sqlite.NewDocumentService(db)
	tests := []struct {
		name   string
		mutate func(b *dyad.Bundle)
	}{
		{"NoDocument", func(b *dyad.Bundle) { b.Doc = nil }},
		{"NoSource", func(b *dyad.Bundle) { b.Doc.Source = "" }},
		{"SentenceOutOfText", func(b *dyad.Bundle) { b.Sentences[0].Span.End = len(b.Doc.Text) + 1 }},
		{"UnknownStatus", func(b *dyad.Bundle) { b.Events[0].Status = "maybe" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBundle("a.txt", "Blinken met Wang Yi.")
			tt.mutate(b)
			if _, err := docs.CreateDocument(t.Context(), b); dyad.ErrorCode(err) != dyad.EINVALID {
				t.Errorf("CreateDocument() = %v, want EINVALID", err)
			}
		})
	}
}

// tableCounts returns the row count of every table.
func tableCounts(tb testing.TB, db *sqlite.DB) map[string]int {
	tb.Helper()
	m := make(map[string]int)
	for _, table := range []string{"documents", "sentences", "sentences_fts", "mentions", "events", "event_sources", "diagnostics"} {
		m[table] = countRows(tb, db.DSN, table)
	}
	return m
}

func TestDocumentService_CreateDocument_Idempotent(t *testing.T) {
	db := MustOpenDB(t)
	docs := sqlite.NewDocumentService(db)
	if _, err := docs.CreateDocument(t.Context(), fullBundle()); err != nil {
		t.Fatal(err)
	}
	first := tableCounts(t, db)

	b := fullBundle()
	b.Doc.Source = "elsewhere.txt" // same text (hash) from another place
	db.Now = func() time.Time { return now.Add(time.Hour) }
	out, err := docs.CreateDocument(t.Context(), b)
	if err != nil {
		t.Fatal(err)
	}
	if out != dyad.Unchanged {
		t.Errorf("CreateDocument(same hash) = %v, want %v", out, dyad.Unchanged)
	}
	if b.Doc.ID != 1 || b.Doc.Version != 1 || !b.Doc.IngestedAt.Equal(now) {
		t.Errorf("CreateDocument(same hash) set ID=%d Version=%d IngestedAt=%v, want the stored 1, 1, %v",
			b.Doc.ID, b.Doc.Version, b.Doc.IngestedAt, now)
	}
	if got := tableCounts(t, db); !reflect.DeepEqual(got, first) {
		t.Errorf("row counts after storing the same hash = %v, want %v", got, first)
	}
}

func TestDocumentService_CreateDocument_Versions(t *testing.T) {
	db := MustOpenDB(t)
	docs := sqlite.NewDocumentService(db)
	ctx := t.Context()
	texts := []string{"Blinken met Wang Yi.", "Blinken met Wang Yi in Beijing.", "Blinken met Xi Jinping."}
	wantOut := []dyad.Outcome{dyad.Created, dyad.NewVersion, dyad.NewVersion}
	var ids []int64
	for i, text := range texts {
		b := newBundle("https://www.state.gov/readout", text)
		out, err := docs.CreateDocument(ctx, b)
		if err != nil {
			t.Fatal(err)
		}
		if out != wantOut[i] {
			t.Errorf("CreateDocument(version %d) = %v, want %v", i+1, out, wantOut[i])
		}
		var prev int64
		if i > 0 {
			prev = ids[i-1]
		}
		if b.Doc.Version != i+1 || b.Doc.PrevID != prev {
			t.Errorf("version %d: Version=%d PrevID=%d, want %d, %d", i+1, b.Doc.Version, b.Doc.PrevID, i+1, prev)
		}
		ids = append(ids, b.Doc.ID)
	}
	source := "https://www.state.gov/readout"
	got, n, err := docs.FindDocuments(ctx, dyad.DocumentFilter{Source: &source})
	if err != nil || n != 3 || len(got) != 3 {
		t.Fatalf("FindDocuments(Source) = %d docs (total %d), %v; want 3", len(got), n, err)
	}
	stored, err := docs.FindDocumentByID(ctx, ids[1])
	if err != nil {
		t.Fatal(err)
	}
	if stored.Version != 2 || stored.PrevID != ids[0] {
		t.Errorf("FindDocumentByID(%d) Version=%d PrevID=%d, want 2, %d", ids[1], stored.Version, stored.PrevID, ids[0])
	}

	// Deleting the middle version links the third to the first.
	if err := docs.DeleteDocument(ctx, ids[1]); err != nil {
		t.Fatal(err)
	}
	third, err := docs.FindDocumentByID(ctx, ids[2])
	if err != nil {
		t.Fatal(err)
	}
	if third.PrevID != ids[0] {
		t.Errorf("after deleting version 2, version 3 PrevID = %d, want %d", third.PrevID, ids[0])
	}
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}

func TestDocumentService_CreateDocument_EventDedup(t *testing.T) {
	db := MustOpenDB(t)
	docs, events := sqlite.NewDocumentService(db), sqlite.NewEventService(db)
	ctx := t.Context()

	us := newBundle("us.txt", "Secretary Blinken met Wang Yi in Beijing. Both sides spoke.")
	cn := newBundle("cn.txt", "On the same day, Blinken met Wang Yi. 布林肯访华。")
	cn.Doc.Publisher, cn.Doc.Side, cn.Doc.Lang = "fmprc.gov.cn", "CHN", "zh"
	for _, b := range []*dyad.Bundle{us, cn} {
		if _, err := docs.CreateDocument(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	if us.Events[0].ID != cn.Events[0].ID {
		t.Fatalf("event IDs = %d and %d, want one event", us.Events[0].ID, cn.Events[0].ID)
	}
	if got := countRows(t, db.DSN, "events"); got != 1 {
		t.Errorf("events rows = %d, want 1", got)
	}
	if got := countRows(t, db.DSN, "event_sources"); got != 2 {
		t.Errorf("event_sources rows = %d, want 2", got)
	}
	e, err := events.FindEventByID(ctx, us.Events[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []dyad.EventSource{
		{DocID: us.Doc.ID, Sentence: 0, Span: us.Sentences[0].Span, Publisher: "state.gov", Side: "USA", DocDate: docDate},
		{DocID: cn.Doc.ID, Sentence: 0, Span: cn.Sentences[0].Span, Publisher: "fmprc.gov.cn", Side: "CHN", DocDate: docDate},
	}
	if !reflect.DeepEqual(e.Sources, want) {
		t.Errorf("Sources = %+v, want %+v", e.Sources, want)
	}
	if e.DocID != us.Doc.ID || cn.Events[0].DocID != us.Doc.ID {
		t.Errorf("event DocID = %d (bundle %d), want the first report's %d", e.DocID, cn.Events[0].DocID, us.Doc.ID)
	}
}

func TestDocumentService_CreateDocument_AllOrNothing(t *testing.T) {
	db := MustOpenDB(t)
	docs := sqlite.NewDocumentService(db)
	ctx := t.Context()
	if _, err := docs.CreateDocument(ctx, newBundle("ok.txt", "Biden met Xi Jinping.")); err != nil {
		t.Fatal(err)
	}
	before := tableCounts(t, db)

	tests := []struct {
		name   string
		mutate func(b *dyad.Bundle)
	}{
		// The last event breaks a CHECK after the document, its sentences,
		// mentions and first events are written.
		{"EventGoldstein", func(b *dyad.Bundle) { b.Events[len(b.Events)-1].Goldstein = 99 }},
		{"MentionSpan", func(b *dyad.Bundle) { m := &b.Mentions[len(b.Mentions)-1]; m.Span.End = m.Span.Start - 1 }},
		{"DiagnosticLine", func(b *dyad.Bundle) { b.Diagnostics = []dyad.Diagnostic{{Line: -1, Msg: "x"}} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBundle("bad.txt", "Blinken met Wang Yi. Wang Yi met Blinken. Biden met Wang Yi.")
			tt.mutate(b)
			if _, err := docs.CreateDocument(ctx, b); err == nil {
				t.Fatal("CreateDocument() = nil, want error")
			}
			if b.Doc.ID != 0 || b.Events[0].ID != 0 {
				t.Errorf("failed CreateDocument set Doc.ID=%d, Events[0].ID=%d; want 0", b.Doc.ID, b.Events[0].ID)
			}
			if got := tableCounts(t, db); !reflect.DeepEqual(got, before) {
				t.Errorf("row counts after failed CreateDocument = %v, want %v", got, before)
			}
			if err := db.IntegrityCheck(ctx); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestDocumentService_DeleteDocument(t *testing.T) {
	db := MustOpenDB(t)
	docs, events := sqlite.NewDocumentService(db), sqlite.NewEventService(db)
	ctx := t.Context()

	first := newBundle("first.txt", "Blinken met Wang Yi. Biden met Xi Jinping.")
	second := newBundle("second.txt", "Blinken met Wang Yi.")
	for _, b := range []*dyad.Bundle{first, second} {
		if _, err := docs.CreateDocument(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	shared, own := first.Events[0].ID, first.Events[1].ID

	if err := docs.DeleteDocument(ctx, first.Doc.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := docs.FindDocumentByID(ctx, first.Doc.ID); dyad.ErrorCode(err) != dyad.ENOTFOUND {
		t.Errorf("FindDocumentByID(deleted) = %v, want ENOTFOUND", err)
	}
	if _, err := events.FindEventByID(ctx, own); dyad.ErrorCode(err) != dyad.ENOTFOUND {
		t.Errorf("FindEventByID(event only the deleted document reported) = %v, want ENOTFOUND", err)
	}
	e, err := events.FindEventByID(ctx, shared)
	if err != nil {
		t.Fatalf("FindEventByID(event also reported elsewhere) = %v", err)
	}
	if e.DocID != second.Doc.ID || len(e.Sources) != 1 || e.Sources[0].DocID != second.Doc.ID {
		t.Errorf("shared event DocID=%d Sources=%+v, want it to point at document %d only", e.DocID, e.Sources, second.Doc.ID)
	}
	for table, want := range map[string]int{"documents": 1, "sentences": 1, "sentences_fts": 1, "mentions": 2, "events": 1, "event_sources": 1} {
		if got := countRows(t, db.DSN, table); got != want {
			t.Errorf("%s rows = %d, want %d", table, got, want)
		}
	}
	if hits, err := docs.Search(ctx, "Xi", 10); err != nil || len(hits) != 0 {
		t.Errorf("Search(Xi) after delete = %v, %v; want no hits", hits, err)
	}
	if err := docs.DeleteDocument(ctx, first.Doc.ID); dyad.ErrorCode(err) != dyad.ENOTFOUND {
		t.Errorf("DeleteDocument(deleted) = %v, want ENOTFOUND", err)
	}
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}

func TestDocumentService_CreateDocument_Concurrent(t *testing.T) {
	db := MustOpenDB(t)
	docs := sqlite.NewDocumentService(db)
	ctx := t.Context()
	const workers, perWorker = 8, 5
	var wg sync.WaitGroup
	errs := make(chan error, workers*perWorker*2)
	for w := range workers {
		wg.Go(func() {
			for i := range perWorker {
				// Every document reports the shared meeting, and one of its own.
				text := fmt.Sprintf("Blinken met Wang Yi. Report %d-%d: Biden met Xi Jinping.", w, i)
				b := newBundle(fmt.Sprintf("w%d/%d.txt", w, i), text)
				b.Events[1].Date = docDate.AddDate(0, 0, w*perWorker+i+1)
				if _, err := docs.CreateDocument(ctx, b); err != nil {
					errs <- err
				}
				// Reads keep working while the others write.
				if _, _, err := docs.FindDocuments(ctx, dyad.DocumentFilter{Limit: 5}); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	want := map[string]int{"documents": workers * perWorker, "events": 1 + workers*perWorker, "event_sources": 2 * workers * perWorker}
	for table, n := range want {
		if got := countRows(t, db.DSN, table); got != n {
			t.Errorf("%s rows = %d, want %d", table, got, n)
		}
	}
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}

func TestDocumentService_FindDocuments(t *testing.T) {
	db := MustOpenDB(t)
	docs := sqlite.NewDocumentService(db)
	ctx := t.Context()
	dates := []time.Time{docDate.AddDate(0, 0, 2), {}, docDate, docDate.AddDate(0, 0, 1)}
	var ids []int64
	for i, d := range dates {
		b := newBundle(fmt.Sprintf("%d.txt", i), fmt.Sprintf("Blinken met Wang Yi %d.", i))
		b.Doc.Date = d
		if i == 3 {
			b.Doc.Side = "CHN"
		}
		if _, err := docs.CreateDocument(ctx, b); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, b.Doc.ID)
	}
	ptr := func(t time.Time) *time.Time { return &t }
	side, hash := "PRC", ""
	tests := []struct {
		name      string
		filter    dyad.DocumentFilter
		want      []int64
		wantTotal int
	}{
		{"All", dyad.DocumentFilter{}, []int64{ids[2], ids[3], ids[0], ids[1]}, 4},
		{"Page", dyad.DocumentFilter{Offset: 1, Limit: 2}, []int64{ids[3], ids[0]}, 4},
		{"ID", dyad.DocumentFilter{ID: &ids[1]}, []int64{ids[1]}, 1},
		{"Hash", dyad.DocumentFilter{Hash: &hash}, nil, 0},
		{"Side", dyad.DocumentFilter{Side: &side}, []int64{ids[3]}, 1},
		{"From", dyad.DocumentFilter{From: ptr(docDate.AddDate(0, 0, 1))}, []int64{ids[3], ids[0]}, 2},
		{"To", dyad.DocumentFilter{To: ptr(docDate)}, []int64{ids[2]}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, n, err := docs.FindDocuments(ctx, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			var gotIDs []int64
			for _, d := range got {
				gotIDs = append(gotIDs, d.ID)
				if (d.Text != "") != (tt.filter.ID != nil) {
					t.Errorf("document %d Text = %q; want text only when filtering by ID", d.ID, d.Text)
				}
			}
			if !reflect.DeepEqual(gotIDs, tt.want) || n != tt.wantTotal {
				t.Errorf("FindDocuments(%s) = %v (total %d), want %v (total %d)", tt.name, gotIDs, n, tt.want, tt.wantTotal)
			}
		})
	}
}

func TestDocumentService_Stats(t *testing.T) {
	db := MustOpenDB(t)
	docs := sqlite.NewDocumentService(db)
	ctx := t.Context()
	if _, err := docs.CreateDocument(ctx, fullBundle()); err != nil {
		t.Fatal(err)
	}
	got, err := docs.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := &sqlite.Stats{
		Documents: 1, Sentences: 3, Mentions: 4, Events: 2, EventSources: 2,
		ByStatus:    map[string]int{"occurred": 1, "planned": 1},
		ByRoot:      map[string]int{"04": 2},
		ByPublisher: map[string]int{"state.gov": 1},
		First:       docDate,
		Last:        time.Date(2023, 12, 20, 0, 0, 0, 0, time.UTC),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Stats() = %+v, want %+v", got, want)
	}
}

func TestDocumentService_CreateDocuments(t *testing.T) {
	db := MustOpenDB(t)
	docs := sqlite.NewDocumentService(db)
	ctx := t.Context()

	t.Run("AllOrNothing", func(t *testing.T) {
		bad := newBundle("bad.txt", "Biden met Xi Jinping.")
		bad.Events[0].Quad = 7
		_, err := docs.CreateDocuments(ctx, []*dyad.Bundle{newBundle("a.txt", "Blinken met Wang Yi."), bad})
		if err == nil {
			t.Fatal("CreateDocuments() = nil, want error")
		}
		if got := countRows(t, db.DSN, "documents"); got != 0 {
			t.Errorf("documents rows after failed batch = %d, want 0", got)
		}
	})

	t.Run("Outcomes", func(t *testing.T) {
		a := newBundle("a.txt", "Blinken met Wang Yi.")
		again := newBundle("a-copy.txt", "Blinken met Wang Yi.")
		next := newBundle("a.txt", "Blinken met Wang Yi again.")
		got, err := docs.CreateDocuments(ctx, []*dyad.Bundle{a, again, next})
		if err != nil {
			t.Fatal(err)
		}
		want := []dyad.Outcome{dyad.Created, dyad.Unchanged, dyad.NewVersion}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("CreateDocuments() = %v, want %v", got, want)
		}
		if again.Doc.ID != a.Doc.ID || next.Doc.PrevID != a.Doc.ID || next.Events[0].ID != a.Events[0].ID {
			t.Errorf("IDs: a=%d again=%d next.PrevID=%d; events %d, %d", a.Doc.ID, again.Doc.ID, next.Doc.PrevID,
				a.Events[0].ID, next.Events[0].ID)
		}
	})
}

// benchBundle is a realistic readout: 40 sentences, 30 mentions, 15 events.
func benchBundle(n int) *dyad.Bundle {
	var sb strings.Builder
	for i := range 40 {
		switch {
		case i < 15:
			fmt.Fprintf(&sb, "In meeting %d of round %d, Blinken met Wang Yi to discuss cross-strait issues, trade, fentanyl and military channels. ", i, n)
		default:
			fmt.Fprintf(&sb, "Paragraph %d of readout %d notes that both sides agreed to maintain open lines of communication. ", i, n)
		}
	}
	b := newBundle(fmt.Sprintf("bench/%d.txt", n), sb.String())
	for i := range b.Events {
		b.Events[i].Date = docDate.AddDate(0, 0, n)
		b.Events[i].CAMEO = fmt.Sprintf("04%d", i%10)
		b.Events[i].Key = fmt.Sprintf("%d/%d", n, i)
	}
	return b
}

func BenchmarkCreateDocument(b *testing.B) {
	benchmarkCreate(b, 1)
}

// BenchmarkCreateDocuments stores 8 documents per transaction.
func BenchmarkCreateDocuments(b *testing.B) {
	benchmarkCreate(b, 8)
}

func benchmarkCreate(b *testing.B, batch int) {
	db := MustOpenDB(b)
	docs := sqlite.NewDocumentService(db)
	ctx := b.Context()
	bundles := make([]*dyad.Bundle, b.N*batch)
	for i := range bundles {
		bundles[i] = benchBundle(i)
	}
	if s, m, e := len(bundles[0].Sentences), len(bundles[0].Mentions), len(bundles[0].Events); s != 40 || m != 30 || e != 15 {
		b.Fatalf("bench bundle has %d sentences, %d mentions, %d events; want 40, 30, 15", s, m, e)
	}
	b.ResetTimer()
	start, cpu := time.Now(), cputime.Process()
	for i := range b.N {
		var err error
		if batch == 1 {
			_, err = docs.CreateDocument(ctx, bundles[i])
		} else {
			_, err = docs.CreateDocuments(ctx, bundles[i*batch:(i+1)*batch])
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	sentences := float64(40 * batch * b.N)
	b.ReportMetric(sentences/time.Since(start).Seconds(), "sentences/s")
	// Per core: CPU time of the process (all threads, SQLite's and the
	// GC's included), which a loaded machine distorts less than wall time.
	if used := cputime.Process() - cpu; used > 0 {
		b.ReportMetric(sentences/used.Seconds(), "sentences/cpu-s")
	}
}
