package server

import (
	"bytes"
	"cmp"
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/analytics"
	"github.com/dyad-dev/dyad/internal/export"
)

// Page sizes.
const (
	DefaultLimit = 100
	MaxLimit     = 1000
)

// The pair of states when ?dyad= is not given.
const defaultA, defaultB = "USA", "CHN"

// query reads and checks query parameters; the first problem wins.
type query struct {
	r    *http.Request
	vals url.Values // parsed on first use
	err  error
}

func (q *query) str(name string) string {
	if q.vals == nil {
		q.vals = q.r.URL.Query()
	}
	return strings.TrimSpace(q.vals.Get(name))
}

func (q *query) fail(format string, args ...any) {
	if q.err == nil {
		q.err = dyad.Errorf(dyad.EINVALID, format, args...)
	}
}

// date parses a YYYY-MM-DD parameter; absent is the zero time.
func (q *query) date(name string) time.Time {
	s := q.str(name)
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		q.fail("Invalid %s %q: want YYYY-MM-DD.", name, s)
	}
	return t
}

// int parses a non-negative integer parameter with a default.
func (q *query) int(name string, def, max int) int {
	s := q.str(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > max {
		q.fail("Invalid %s %q: want a whole number from 0 to %d.", name, s, max)
		return def
	}
	return n
}

// id parses a positive int64 parameter; absent is 0.
func (q *query) id(name string) int64 {
	s := q.str(name)
	if s == "" {
		return 0
	}
	return q.parseID(name, s)
}

func (q *query) parseID(name, s string) int64 {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		q.fail("Invalid %s %q: want a positive whole number.", name, s)
		return 0
	}
	return n
}

// dyad parses ?dyad=A-B, USA-CHN by default.
func (q *query) dyad() [2]string {
	s := q.str("dyad")
	if s == "" {
		return [2]string{defaultA, defaultB}
	}
	d, ok := dyad.ParsePair(s)
	if !ok {
		q.fail("Invalid dyad %q: want two different 3-letter country codes such as USA-CHN.", s)
		return [2]string{defaultA, defaultB}
	}
	return d
}

// period checks that to is not before from.
func (q *query) period(from, to time.Time) {
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		q.fail("Invalid period: to is before from.")
	}
}

// documentJSON is a document with its text and sentences.
type documentJSON struct {
	*dyad.Document
	Text      string          `json:"text"`
	Sentences []dyad.Sentence `json:"sentences"`
}

type listJSON[T any] struct {
	Items  []T `json:"items"`
	Total  int `json:"total"`
	Limit  int `json:"limit"`
	Offset int `json:"offset"`
}

func (s *Server) handleDocuments(w http.ResponseWriter, r *http.Request) {
	q := &query{r: r}
	f := dyad.DocumentFilter{Limit: q.int("limit", DefaultLimit, MaxLimit), Offset: q.int("offset", 0, 1<<30)}
	if q.err != nil {
		s.error(w, r, q.err)
		return
	}
	docs, total, err := s.Documents.FindDocuments(r.Context(), f)
	if err != nil {
		s.error(w, r, err)
		return
	}
	s.json(w, r, listJSON[*dyad.Document]{Items: nonNil(docs), Total: total, Limit: f.Limit, Offset: f.Offset})
}

func (s *Server) handleDocument(w http.ResponseWriter, r *http.Request) {
	q := &query{r: r}
	id := q.parseID("document id", r.PathValue("id"))
	if q.err != nil {
		s.error(w, r, q.err)
		return
	}
	d, err := s.Documents.FindDocumentByID(r.Context(), id)
	if err != nil {
		s.error(w, r, err)
		return
	}
	sents, err := s.Documents.FindSentences(r.Context(), id)
	if err != nil {
		s.error(w, r, err)
		return
	}
	s.json(w, r, documentJSON{Document: d, Text: d.Text, Sentences: nonNil(sents)})
}

// eventsJSON is a page of events; Next is the cursor of the next page, ""
// after the last. appendEvents writes it.
type eventsJSON struct {
	Events []export.Record `json:"events"`
	// Total counts every match; it is sent with the first page only.
	Total *int   `json:"total,omitempty"`
	Next  string `json:"next"`
}

// eventFilter reads the filters of `dyad events`.
func (q *query) eventFilter() dyad.EventFilter {
	var f dyad.EventFilter
	if q.str("dyad") != "" {
		d := q.dyad()
		f.Dyad = &d
	}
	if t := q.date("from"); !t.IsZero() {
		f.From = &t
	}
	if t := q.date("to"); !t.IsZero() {
		f.To = &t
	}
	if f.From != nil && f.To != nil {
		q.period(*f.From, *f.To)
	}
	if v := q.str("actor"); v != "" {
		f.Actor = &v
	}
	if v := q.str("type"); v != "" {
		f.Type = &v
	}
	if v := q.str("status"); v != "" {
		st := dyad.Status(strings.ToLower(v))
		if !dyad.ValidStatus(st) {
			q.fail("Invalid status %q.", v)
		}
		f.Status = &st
	}
	if v := q.str("issue"); v != "" {
		f.Issue = &v
	}
	return f
}

// handleEvents lists events in id order after the cursor ?after=ID. Ids
// only grow, so a page boundary never moves: pages neither overlap nor
// skip events, even while events are added.
func (s *Server) handleEvents(w http.ResponseWriter, r *http.Request) {
	q := &query{r: r}
	f := q.eventFilter()
	after := q.id("after")
	limit := q.int("limit", DefaultLimit, MaxLimit)
	if limit == 0 {
		limit = DefaultLimit
	}
	if q.err != nil {
		s.error(w, r, q.err)
		return
	}
	// One more than the page says whether there is a next one.
	f.AfterID, f.Limit, f.SkipTotal = &after, limit+1, after > 0
	page, total, err := s.Events.FindEvents(r.Context(), f)
	if err != nil {
		s.error(w, r, err)
		return
	}
	next := ""
	if len(page) > limit {
		page = page[:limit]
		next = strconv.FormatInt(page[limit-1].ID, 10)
	}
	var tp *int
	if !f.SkipTotal {
		tp = &total
	}
	// A page of real readouts takes about 1.1 KB per event.
	bp, _ := s.bodies.Get().(*[]byte)
	if bp == nil {
		b := make([]byte, 0, 256+1280*len(page))
		bp = &b
	}
	body := appendEvents((*bp)[:0], page, s.Record.Lookup(r.Context()), tp, next)
	s.send(w, r, "application/json; charset=utf-8", body)
	// send has written the body out (the writers copy it), so the buffer
	// can serve the next request; an outsized one is left to the GC.
	if cap(body) <= maxPooledBody {
		*bp = body[:0]
		s.bodies.Put(bp)
	}
}

// maxPooledBody bounds the buffers kept for reuse.
const maxPooledBody = 1 << 20

// appendEvents appends a page of events as s.json writes eventsJSON, byte
// for byte, but with export.Record.AppendJSON instead of encoding/json's
// reflection, and without building the page's records first: the event
// list is the API's busiest endpoint.
func appendEvents(b []byte, events []*dyad.Event, lk export.Lookup, total *int, next string) []byte {
	b = append(b, `{"events":[`...)
	for i, ev := range events {
		if i > 0 {
			b = append(b, ',')
		}
		rec := export.NewRecord(ev, "", lk)
		b = rec.AppendJSON(b)
	}
	b = append(b, ']')
	if total != nil {
		b = append(b, `,"total":`...)
		b = strconv.AppendInt(b, int64(*total), 10)
	}
	// The cursor is an event id: digits, which need no escaping.
	b = append(b, `,"next":"`...)
	b = append(b, next...)
	return append(b, "\"}\n"...)
}

func (s *Server) records(ctx context.Context, events []*dyad.Event) []export.Record {
	lk := s.Record.Lookup(ctx)
	out := make([]export.Record, len(events))
	for i, ev := range events {
		out[i] = export.NewRecord(ev, "", lk)
	}
	return out
}

func (s *Server) handleEvent(w http.ResponseWriter, r *http.Request) {
	q := &query{r: r}
	id := q.parseID("event id", r.PathValue("id"))
	if q.err != nil {
		s.error(w, r, q.err)
		return
	}
	ev, err := s.Events.FindEventByID(r.Context(), id)
	if err != nil {
		s.error(w, r, err)
		return
	}
	s.json(w, r, s.records(r.Context(), []*dyad.Event{ev})[0])
}

func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) {
	q := &query{r: r}
	text := q.str("q")
	limit := q.int("limit", 50, MaxLimit)
	if text == "" {
		q.fail("Search needs q.")
	}
	if q.err != nil {
		s.error(w, r, q.err)
		return
	}
	hits, err := s.Search.Search(r.Context(), text, limit)
	if err != nil {
		s.error(w, r, err)
		return
	}
	s.json(w, r, map[string]any{"hits": nonNil(hits)})
}

func (s *Server) handleMeetings(w http.ResponseWriter, r *http.Request) {
	q := &query{r: r}
	d, asOf := q.dyad(), q.date("as_of")
	if q.err != nil {
		s.error(w, r, q.err)
		return
	}
	ms, err := s.Record.Meetings(r.Context(), d, asOf)
	if err != nil {
		s.error(w, r, err)
		return
	}
	s.json(w, r, map[string]any{"meetings": nonNil(ms)})
}

func (s *Server) handleChannels(w http.ResponseWriter, r *http.Request) {
	q := &query{r: r}
	d, asOf := q.dyad(), q.date("as_of")
	if q.err != nil {
		s.error(w, r, q.err)
		return
	}
	cs, err := s.Record.Channels(r.Context(), d, asOf)
	if err != nil {
		s.error(w, r, err)
		return
	}
	s.json(w, r, map[string]any{"channels": nonNil(cs)})
}

func (s *Server) handleCommitments(w http.ResponseWriter, r *http.Request) {
	q := &query{r: r}
	d, asOf := q.dyad(), q.date("as_of")
	if q.err != nil {
		s.error(w, r, q.err)
		return
	}
	cs, err := s.Record.Commitments(r.Context(), d, asOf)
	if err != nil {
		s.error(w, r, err)
		return
	}
	s.json(w, r, map[string]any{"commitments": nonNil(cs)})
}

func (s *Server) handlePositions(w http.ResponseWriter, r *http.Request) {
	q := &query{r: r}
	actor, issue, to := dyad.NormalizeSide(q.str("actor")), q.str("issue"), q.date("to")
	if q.err != nil {
		s.error(w, r, q.err)
		return
	}
	all, err := s.Record.Positions(r.Context(), to)
	if err != nil {
		s.error(w, r, err)
		return
	}
	out := []analytics.Position{}
	for _, p := range all {
		if (actor == "" || p.Actor == actor) && (issue == "" || p.Issue == issue) {
			out = append(out, p)
		}
	}
	s.json(w, r, map[string]any{"positions": out})
}

func (s *Server) handleCompare(w http.ResponseWriter, r *http.Request) {
	q := &query{r: r}
	a, b, meeting := q.id("a"), q.id("b"), q.id("meeting")
	d := q.dyad()
	switch {
	case meeting != 0 && (a != 0 || b != 0):
		q.fail("Compare takes a and b, or meeting, not both.")
	case meeting == 0 && (a == 0 || b == 0):
		q.fail("Compare needs two document ids a and b, or a meeting.")
	}
	if q.err != nil {
		s.error(w, r, q.err)
		return
	}
	docs, err := s.compareDocs(r.Context(), d, a, b, meeting)
	if err != nil {
		s.error(w, r, err)
		return
	}
	c, err := s.Record.Compare(r.Context(), docs[0], docs[1])
	if err != nil {
		s.error(w, r, err)
		return
	}
	s.json(w, r, c)
}

// compareDocs finds documents a and b, or the first readout of each side
// of the meeting.
func (s *Server) compareDocs(ctx context.Context, d [2]string, a, b, meeting int64) ([2]*dyad.Document, error) {
	var docs [2]*dyad.Document
	if meeting == 0 {
		for i, id := range [2]int64{a, b} {
			doc, err := s.Documents.FindDocumentByID(ctx, id)
			if err != nil {
				return docs, err
			}
			docs[i] = doc
		}
		return docs, nil
	}
	ms, err := s.Record.Meetings(ctx, d, time.Time{})
	if err != nil {
		return docs, err
	}
	for _, m := range ms {
		if int64(m.ID) != meeting {
			continue
		}
		for _, ro := range m.Readouts {
			for i, side := range d {
				if ro.Side == side && docs[i] == nil {
					doc, err := s.Documents.FindDocumentByID(ctx, ro.DocID)
					if err != nil {
						return docs, err
					}
					docs[i] = doc
				}
			}
		}
		if docs[0] == nil || docs[1] == nil {
			return docs, dyad.Errorf(dyad.ENOTFOUND, "Meeting %d has no readout from both %s and %s.", meeting, d[0], d[1])
		}
		return docs, nil
	}
	return docs, dyad.Errorf(dyad.ENOTFOUND, "Meeting %d not found.", meeting)
}

// pointJSON is one period of one direction of the index, with its
// events' contributions under ?explain=.
type pointJSON struct {
	analytics.PeriodRow
	Contributions []contributionJSON `json:"contributions,omitempty"`
}

// contributionJSON is one event's part in a period (with ?explain=).
type contributionJSON struct {
	Event        export.Record `json:"event"`
	LevelWeight  float64       `json:"level_weight"`
	StatusFactor float64       `json:"status_factor"`
	Value        float64       `json:"value"`
}

func (s *Server) handleIndex(w http.ResponseWriter, r *http.Request) {
	q := &query{r: r}
	d := q.dyad()
	by := analytics.Granularity(cmp.Or(q.str("by"), "month"))
	if by != analytics.Week && by != analytics.Month && by != analytics.Quarter {
		q.fail("Invalid by %q: want week, month or quarter.", by)
	}
	from, to := q.date("from"), q.date("to")
	q.period(from, to)
	explain := q.str("explain")
	if q.err != nil {
		s.error(w, r, q.err)
		return
	}
	idx, err := s.Record.Index(r.Context(), d, by, from, to)
	if err != nil {
		s.error(w, r, err)
		return
	}
	lk := s.Record.Lookup(r.Context())
	points := []pointJSON{}
	for _, row := range idx.Rows() {
		if explain != "" && row.Period != explain {
			continue
		}
		j := pointJSON{PeriodRow: row}
		if explain != "" {
			for _, c := range row.Point.Contributions {
				j.Contributions = append(j.Contributions, contributionJSON{Event: export.NewRecord(c.Event, "", lk),
					LevelWeight: c.LevelWeight, StatusFactor: c.StatusFactor, Value: c.Value})
			}
		}
		points = append(points, j)
	}
	if explain != "" && len(points) == 0 {
		s.error(w, r, dyad.Errorf(dyad.ENOTFOUND, "No period %q in the index (labels look like 2023-06, 2023-Q2 or 2023-W25).", explain))
		return
	}
	s.json(w, r, map[string]any{"dyad": idx.Dyad, "by": idx.By, "points": points})
}

func (s *Server) handleBrief(w http.ResponseWriter, r *http.Request) {
	q := &query{r: r}
	d, from, to := q.dyad(), q.date("from"), q.date("to")
	format := cmp.Or(q.str("format"), "md")
	if q.err == nil && (from.IsZero() || to.IsZero()) {
		q.fail("Brief needs from and to.")
	}
	q.period(from, to)
	if format != "md" && format != "html" {
		q.fail("Invalid format %q: want md or html.", format)
	}
	if q.err != nil {
		s.error(w, r, q.err)
		return
	}
	b, err := s.Record.Brief(r.Context(), d, from, to)
	if err != nil {
		s.error(w, r, err)
		return
	}
	var buf bytes.Buffer
	ct := "text/markdown; charset=utf-8"
	if format == "html" {
		ct = "text/html; charset=utf-8"
		err = b.HTML(&buf)
	} else {
		err = b.Markdown(&buf)
	}
	if err != nil {
		s.error(w, r, err)
		return
	}
	s.send(w, r, ct, buf.Bytes())
}

// nonNil returns l, or an empty slice for nil, so JSON says [] not null.
func nonNil[T any](l []T) []T {
	if l == nil {
		return []T{}
	}
	return l
}
