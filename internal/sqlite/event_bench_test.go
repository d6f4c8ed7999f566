package sqlite_test

import (
	"fmt"
	"testing"

	"github.com/dyad-dev/dyad/internal/cputime"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/sqlite"
)

// pageBundle is a document reporting n events between the two states on
// distinct days, as the API load test stores them.
func pageBundle(doc, n int) *dyad.Bundle {
	b := newBundle(fmt.Sprintf("page/%d.txt", doc), fmt.Sprintf("Readout %d: Blinken met Wang Yi.", doc))
	sp := b.Sentences[0].Span
	b.Events = nil
	for i := range n {
		d := docDate.AddDate(0, 0, doc*n+i)
		e := dyad.Event{Span: sp, Verb: sp, CAMEO: "040", PLOVER: "CONSULT", Quad: 1, Goldstein: 1, Status: dyad.StatusOccurred,
			Source: dyad.Actor{Code: "USAGOV", Country: "USA"}, Target: &dyad.Actor{Code: "CHNGOV", Country: "CHN"},
			Date: d, DateEnd: d, DatePrecision: dyad.PrecisionDay, Issues: []string{"trade"}}
		e.Key = e.ComputeKey()
		b.Events = append(b.Events, e)
	}
	return b
}

// BenchmarkEventService_FindEventsPage reads one page of the API's event
// list (51 events after a cursor, with their reports) from 5,000 events.
func BenchmarkEventService_FindEventsPage(b *testing.B) {
	db := MustOpenDB(b)
	docs := sqlite.NewDocumentService(db)
	var bs []*dyad.Bundle
	for d := range 50 {
		bs = append(bs, pageBundle(d, 100))
	}
	if _, err := docs.CreateDocuments(b.Context(), bs); err != nil {
		b.Fatal(err)
	}
	es := sqlite.NewEventService(db)
	after, n, cpu := int64(0), 0, cputime.Process()
	for b.Loop() {
		n++
		a := after
		evs, _, err := es.FindEvents(b.Context(), dyad.EventFilter{AfterID: &a, Limit: 51, SkipTotal: true})
		if err != nil || len(evs) != 51 || len(evs[0].Sources) != 1 {
			b.Fatalf("FindEvents(after %d) = %d events, %v", a, len(evs), err)
		}
		after = (after + 50) % 4900
	}
	// CPU time per page: steadier than wall time on a shared machine.
	b.ReportMetric(float64((cputime.Process()-cpu).Nanoseconds())/float64(n), "cpu-ns/op")
}
