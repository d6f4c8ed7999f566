package server_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/export"
	"github.com/dyad-dev/dyad/internal/server"
)

// docLookup is an export.Lookup over a fixed set of documents.
type docLookup map[int64]*dyad.Document

func (l docLookup) Document(id int64) *dyad.Document { return l[id] }
func (l docLookup) CodeName(code string) string {
	if code == "040" {
		return "Consult, not specified below"
	}
	return ""
}

// lookupStore is the store fake with a real lookup, as the record service
// gives one.
type lookupStore struct {
	*store
	lk docLookup
}

func (s lookupStore) Lookup(context.Context) export.Lookup { return s.lk }

// BenchmarkServer_Events serves one page of the event list, 50 events from
// two documents with their reports, gzipped, through the whole handler
// chain (access log, body limit, gzip, ETag) with the store faked: the
// server's own share of an API request.
func BenchmarkServer_Events(b *testing.B) {
	st, lk := &store{}, docLookup{}
	for d := int64(1); d <= 2; d++ {
		text := fmt.Sprintf("Readout %d. Secretary Blinken met Director Wang Yi in Beijing on trade & Taiwan.", d)
		lk[d] = &dyad.Document{ID: d, Source: fmt.Sprintf("https://www.state.gov/readout-%d/", d), Publisher: "state.gov", Side: "USA", Text: text}
		st.docs = append(st.docs, lk[d])
	}
	for i := int64(1); i <= 60; i++ {
		doc := 1 + i%2
		sp := dyad.Span{Start: 11, End: len(lk[doc].Text)}
		day := time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(i))
		st.events = append(st.events, &dyad.Event{ID: i, DocID: doc, Key: fmt.Sprintf("%016x", i*7919), Sentence: 1, Span: sp, Verb: dyad.Span{Start: 31, End: 34},
			Source: dyad.Actor{Text: "Blinken", Code: "USAGOV", Country: "USA", Person: "Antony Blinken", Level: "minister"},
			Target: &dyad.Actor{Text: "Wang Yi", Code: "CHNGOV", Country: "CHN", Person: "Wang Yi", Office: "Director"},
			CAMEO:  "040", PLOVER: "CONSULT", Mode: "visit", Quad: 1, Goldstein: 1, Status: dyad.StatusOccurred,
			Date: day, DateEnd: day, DatePrecision: dyad.PrecisionDay, Issues: []string{"taiwan", "trade"}, Location: "Beijing",
			Sources: []dyad.EventSource{{DocID: doc, Sentence: 1, Span: sp, Publisher: "state.gov", Side: "USA", DocDate: day}}})
	}
	ls := lookupStore{st, lk}
	s := &server.Server{Documents: ls, Events: ls, Search: ls, Record: ls, Logger: slog.New(slog.DiscardHandler)}
	h := s.Handler()
	req := httptest.NewRequest("GET", "/api/v1/events?limit=50&after=3", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusOK || w.Body.Len() == 0 {
			b.Fatalf("GET events = %d (%d bytes)", w.Code, w.Body.Len())
		}
	}
}
