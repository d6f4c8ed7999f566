package web_test

import (
	"context"
	"flag"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/dictionaries"
	"github.com/dyad-dev/dyad/internal/analytics"
	"github.com/dyad-dev/dyad/internal/brief"
	"github.com/dyad-dev/dyad/internal/export"
	"github.com/dyad-dev/dyad/internal/web"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// The fake record: two documents (one from each side, the second with
// script in its text), three events and the analytics built on them.
var (
	day1 = time.Date(2023, 6, 18, 0, 0, 0, 0, time.UTC)
	day2 = time.Date(2023, 6, 19, 0, 0, 0, 0, time.UTC)
	day3 = time.Date(2023, 7, 7, 0, 0, 0, 0, time.UTC)
)

const (
	textA = "Secretary Blinken met Director Wang Yi in Beijing. They discussed Taiwan."
	textB = "Wang Yi met Blinken. <script>alert('x')</script> China urged the US to stop."
)

type fake struct {
	cfg    *analytics.IndexConfig
	docs   []*dyad.Document
	sents  map[int64][]dyad.Sentence
	events []*dyad.Event
}

func newFake() *fake {
	a := &dyad.Document{ID: 1, Source: "state.gov/a", Title: "Blinken meets Wang", Side: "USA", Kind: "readout", Lang: "en", Format: "txt", Date: day1, Version: 1, Text: textA}
	b := &dyad.Document{ID: 2, Source: "fmprc/b", Side: "CHN", Kind: "readout", Lang: "en", Format: "txt", Date: day2, Version: 1, Text: textB}
	span := func(text, s string) dyad.Span {
		i := strings.Index(text, s)
		return dyad.Span{Start: i, End: i + len(s)}
	}
	sa := []dyad.Sentence{{Index: 0, Span: span(textA, "Secretary Blinken met Director Wang Yi in Beijing.")}, {Index: 1, Span: span(textA, "They discussed Taiwan.")}}
	sb := []dyad.Sentence{{Index: 0, Span: span(textB, "Wang Yi met Blinken.")}, {Index: 1, Span: span(textB, "<script>alert('x')</script> China urged the US to stop.")}}
	usa := dyad.Actor{Code: "USAGOV", Country: "USA", Person: "Antony Blinken", Level: dyad.LevelMinister, Span: span(textA, "Secretary Blinken")}
	chn := dyad.Actor{Code: "CHNGOV", Country: "CHN", Person: "Wang Yi", Level: dyad.LevelMinister, Span: span(textA, "Director Wang Yi")}
	meet := &dyad.Event{ID: 1, DocID: 1, Sentence: 0, Span: sa[0].Span, Verb: span(textA, "met"), Source: usa, Target: &chn,
		CAMEO: "040", Quad: 1, Goldstein: 1, Status: dyad.StatusOccurred, Date: day1, DateEnd: day1, DatePrecision: dyad.PrecisionDay,
		Sources: []dyad.EventSource{{DocID: 1, Sentence: 0, Span: sa[0].Span}, {DocID: 2, Sentence: 0, Span: sb[0].Span}}}
	chnB := chn
	chnB.Span = span(textB, "China")
	usB := dyad.Actor{Code: "USA", Country: "USA", Span: span(textB, "US")}
	urge := &dyad.Event{ID: 2, DocID: 2, Sentence: 1, Span: sb[1].Span, Verb: span(textB, "urged"), Source: chnB, Target: &usB,
		CAMEO: "1011", Quad: 3, Goldstein: -4, Status: dyad.StatusOccurred, Date: day2, DateEnd: day2, Issues: []string{"taiwan"},
		Sources: []dyad.EventSource{{DocID: 2, Sentence: 1, Span: sb[1].Span}}}
	visit := &dyad.Event{ID: 3, DocID: 1, Sentence: 1, Span: sa[1].Span, Verb: span(textA, "discussed"), Source: usa, Target: &chn,
		CAMEO: "036", Quad: 1, Goldstein: 4, Status: dyad.StatusPlanned, Date: day3, DateEnd: day3,
		Sources: []dyad.EventSource{{DocID: 1, Sentence: 1, Span: sa[1].Span}}}
	return &fake{docs: []*dyad.Document{b, a}, sents: map[int64][]dyad.Sentence{1: sa, 2: sb}, events: []*dyad.Event{meet, urge, visit}}
}

func (f *fake) FindDocumentByID(_ context.Context, id int64) (*dyad.Document, error) {
	for _, d := range f.docs {
		if d.ID == id {
			return d, nil
		}
	}
	return nil, dyad.Errorf(dyad.ENOTFOUND, "Document %d not found.", id)
}
func (f *fake) FindDocuments(_ context.Context, _ dyad.DocumentFilter) ([]*dyad.Document, int, error) {
	return f.docs, len(f.docs), nil
}
func (f *fake) FindSentences(_ context.Context, id int64) ([]dyad.Sentence, error) {
	return f.sents[id], nil
}
func (f *fake) FindEventByID(_ context.Context, id int64) (*dyad.Event, error) {
	for _, e := range f.events {
		if e.ID == id {
			return e, nil
		}
	}
	return nil, dyad.Errorf(dyad.ENOTFOUND, "Event %d not found.", id)
}
func (f *fake) FindEvents(_ context.Context, flt dyad.EventFilter) ([]*dyad.Event, int, error) {
	var out []*dyad.Event
	for _, e := range f.events {
		if flt.DocID != nil && !reportedIn(e, *flt.DocID) {
			continue
		}
		if flt.Status != nil && e.Status != *flt.Status {
			continue
		}
		out = append(out, e)
	}
	total := len(out)
	out = out[min(flt.Offset, total):]
	if flt.Limit > 0 && len(out) > flt.Limit {
		out = out[:flt.Limit]
	}
	return out, total, nil
}

func reportedIn(e *dyad.Event, doc int64) bool {
	for _, s := range e.Sources {
		if s.DocID == doc {
			return true
		}
	}
	return false
}

func (f *fake) Search(_ context.Context, q string, _ int) ([]dyad.Hit, error) {
	return []dyad.Hit{{DocID: 2, Sentence: 1, Snippet: "<script>alert('x')</script> China " + dyad.SnippetStart + q + dyad.SnippetEnd + " the US", Source: "fmprc/b", Date: day2}}, nil
}

type lookup struct{ f *fake }

func (l lookup) Document(id int64) *dyad.Document {
	d, _ := l.f.FindDocumentByID(context.Background(), id)
	return d
}
func (l lookup) CodeName(code string) string {
	return map[string]string{"040": "Consult", "1011": "Demand economic cooperation", "036": "Express intent to meet"}[code]
}

func (f *fake) Lookup(context.Context) export.Lookup { return lookup{f} }

func (f *fake) report(id int64) analytics.Report {
	ev, _ := f.FindEventByID(context.Background(), id)
	d := lookup{f}.Document(ev.DocID)
	return analytics.Report{Event: ev, Text: d.Slice(ev.Span)}
}

func (f *fake) Meetings(context.Context, [2]string, time.Time) ([]analytics.Meeting, error) {
	ev := f.events[0]
	return []analytics.Meeting{{ID: 1, Key: "m1", Pair: [2]string{"USA", "CHN"}, Participants: []dyad.Actor{ev.Source, *ev.Target},
		Start: day1, End: day1, State: analytics.MeetingHeld, Place: "Beijing", Format: "visit",
		Steps:       []analytics.Step{{Date: day1, Status: dyad.StatusOccurred, By: "Antony Blinken", Report: f.report(1)}},
		Readouts:    []analytics.Readout{{DocID: 1, Side: "USA"}, {DocID: 2, Side: "CHN"}},
		Corrections: []dyad.Correction{{Kind: dyad.CorrectMeeting, Key: "m1", Field: "place", Value: "Beijing <Diaoyutai>", Author: "alice", Note: "per the Chinese readout", CreatedAt: day2}}}}, nil
}

func (f *fake) Channels(context.Context, [2]string, time.Time) ([]analytics.ChannelState, error) {
	return []analytics.ChannelState{
		{Channel: analytics.Channel{ID: "mmca", Name: "Military Maritime Consultative Agreement talks", Kind: "military"},
			State: analytics.ChannelSuspended, Since: day2, By: "CHNGOV",
			Changes: []analytics.Change{{Date: day1, State: analytics.ChannelActive, Status: dyad.StatusOccurred, Report: f.report(1)},
				{Date: day2, State: analytics.ChannelSuspended, Status: dyad.StatusSuspended, By: "CHNGOV", Reason: "after the visit", Report: f.report(2)}}},
		{Channel: analytics.Channel{ID: "hotline", Name: "Defense Telephone Link", Kind: "hotline"}, State: analytics.ChannelUnknown},
	}, nil
}

func (f *fake) Commitments(context.Context, [2]string, time.Time) ([]analytics.Commitment, error) {
	ev := f.events[2]
	return []analytics.Commitment{{Promise: f.report(3), Owner: ev.Source, Counterpart: ev.Target, Deadline: day3, Stated: true, Status: analytics.CommitmentPending}}, nil
}

func (f *fake) Positions(context.Context, time.Time) ([]analytics.Position, error) {
	st := func(class, text string) analytics.Statement {
		return analytics.Statement{Cite: analytics.Cite{DocRef: analytics.DocRef{DocID: 2, Date: "2023-06-19", Side: "CHN"}, Sentence: 1},
			Actor: "CHN", Issue: "taiwan", Text: text, Class: class}
	}
	return []analytics.Position{{Actor: "CHN", Issue: "taiwan",
		Statements: []analytics.Statement{st(analytics.ClassReiteration, "China urged the US to stop."), st(analytics.ClassNew, "<b>bold</b> claim")},
		Omissions:  []analytics.Omission{{Actor: "CHN", Issue: "taiwan", Formulation: "one-china", Text: "one-China principle", Doc: analytics.DocRef{DocID: 2}, UsedIn: 3, Of: 4, Last: analytics.Cite{DocRef: analytics.DocRef{DocID: 1}}}}}}, nil
}

func (f *fake) Compare(_ context.Context, a, b *dyad.Document) (analytics.Comparison, error) {
	return analytics.Comparison{A: analytics.Account{Label: a.Side}, B: analytics.Account{Label: b.Side},
		Issues: []analytics.IssueRow{{Issue: "taiwan", B: []analytics.Excerpt{{Sentence: 1, Text: "China urged the US to stop."}}},
			{Issue: "talks", A: []analytics.Excerpt{{Sentence: 0, Text: "Blinken met Wang."}}, B: []analytics.Excerpt{{Sentence: 0, Text: "Wang Yi met Blinken."}}}},
		OnlyB: analytics.Difference{Issues: []string{"taiwan"}}}, nil
}

func (f *fake) Index(_ context.Context, d [2]string, by analytics.Granularity, from, to time.Time) (*analytics.Index, error) {
	var events []*dyad.Event
	for _, e := range f.events {
		if (from.IsZero() || !e.Date.Before(from)) && (to.IsZero() || !e.Date.After(to)) {
			events = append(events, e)
		}
	}
	return analytics.ComputeIndex(events, d, by, from, to, f.cfg), nil
}

func (f *fake) Brief(_ context.Context, d [2]string, from, to time.Time) (*brief.Brief, error) {
	return &brief.Brief{Title: "USA–CHN brief", Period: "June 2023",
		Sections: []brief.Section{{Title: "What happened", Paras: []brief.Para{{Text: "Blinken met Wang Yi <in Beijing>.", Notes: []int{1}}}}},
		Notes:    []brief.Note{{N: 1, DocID: 1, Publisher: "State", Side: "USA", Date: day1, Sentence: 0, Quote: "Secretary Blinken met Director Wang Yi in Beijing."}}}, nil
}

type corrections []dyad.Correction

func (c corrections) FindCorrections(_ context.Context, kind string) ([]dyad.Correction, error) {
	var out []dyad.Correction
	for _, x := range c {
		if kind == "" || x.Kind == kind {
			out = append(out, x)
		}
	}
	return out, nil
}

type jobs []web.Job

func (j jobs) IngestJobs() []web.Job { return j }

func newDashboard(t *testing.T) http.Handler {
	t.Helper()
	f := newFake()
	cf, err := dictionaries.FS.Open("dyad.index.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer cf.Close()
	if f.cfg, _, err = analytics.ParseIndexConfig("dyad.index.txt", cf); err != nil {
		t.Fatal(err)
	}
	d := &web.Dashboard{Documents: f, Events: f, Search: f, Record: f, Dyad: [2]string{"USA", "CHN"},
		Jobs: jobs{{ID: "j1", State: "running", Total: 4, Done: 1, Errors: []string{"bad.bin: binary file"}, Documents: []int64{2}, Created: day1}},
		Corrections: corrections{{Kind: dyad.CorrectMeeting, Key: "m1", Field: "place", Value: "<Diaoyutai>", Author: "alice", CreatedAt: day1},
			{Kind: dyad.CorrectChannel, Key: "mmca", Field: "state", Value: "active", Author: "bob", Note: "resumed per readout", CreatedAt: day2}},
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Now:    func() time.Time { return time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC) }}
	h, err := d.Handler()
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func get(t *testing.T, h http.Handler, method, target string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	return rec
}

func TestPages(t *testing.T) {
	h := newDashboard(t)
	tests := []struct {
		name   string
		target string
		status int
		want   []string
	}{
		{"overview", "/", 200, []string{`id="index-chart"`, `href="/period?by=month&amp;dyad=USA-CHN&amp;period=2023-06"`, "USA → CHN", "2023-07", "Meetings in this period"}},
		{"overview by quarter", "/?by=quarter&from=2023-01-01&to=2023-12-31", 200, []string{"2023-Q2", "2023-Q3"}},
		{"period", "/period?period=2023-06", 200, []string{"Events behind 2023-06", `href="/events/1"`, `href="/events/2"`, "1011 Demand economic cooperation"}},
		{"timeline", "/timeline", 200, []string{"Meeting: Antony Blinken (USAGOV)", `href="/events/3"`, "Events 1–3 of 3"}},
		{"timeline by status", "/timeline?status=planned", 200, []string{`href="/events/3"`, "Events 1–1 of 1"}},
		{"event", "/events/1", 200, []string{"Event 1: 040 Consult", "Reported in 2 sentences", `href="/documents/2#s0"`}},
		{"channels", "/channels", 200, []string{"Military Maritime Consultative Agreement talks", `class="state-active"`, `class="state-suspended"`, "after the visit", "1 channels have no event"}},
		{"meetings", "/meetings", 200, []string{`href="/meetings/1"`, "Beijing"}},
		{"meeting", "/meetings/1", 200, []string{"The two readouts side by side", `class="only only-b"`, "only in CHN", "Issue: talks", "set to <b>Beijing &lt;Diaoyutai&gt;</b> by alice on 2023-06-19 00:00: per the Chinese readout"}},
		{"commitments", "/commitments", 200, []string{"pending (1)", "036 Express intent to meet", "2023-07-07"}},
		{"commitments filtered", "/commitments?status=fulfilled", 200, []string{"No commitments with status fulfilled"}},
		{"positions", "/positions", 200, []string{`<span class="class class-reiteration">reiteration</span>`, `class-new`, "one-china", "used in 3 of 4"}},
		{"documents", "/documents", 200, []string{"2 documents", `href="/documents/1"`, "Blinken meets Wang"}},
		{"document", "/documents/1", 200, []string{`<mark class="verb">met</mark>`, `<mark class="actor">Secretary Blinken</mark>`, `id="s1"`, `href="/events/3"`}},
		{"document search", "/documents/1?q=taiwan", 200, []string{`<mark class="hit">Taiwan</mark>`, "1 matches"}},
		{"search", "/search?q=urged", 200, []string{`<mark class="hit">urged</mark>`, `href="/documents/2#s1"`}},
		{"brief default period", "/brief", 200, []string{`name="from" value="2023-07-01"`, `name="to" value="2023-07-31"`}},
		{"brief from only", "/brief?from=2023-06-10", 200, []string{`name="to" value="2023-07-09"`}},
		{"brief", "/brief?from=2023-06-01&to=2023-06-30", 200, []string{"What happened", `href="#n1"`, "Blinken met Wang Yi &lt;in Beijing&gt;."}},
		{"ingests", "/ingests", 200, []string{"j1", `data-refresh="2"`, "bad.bin: binary file", `href="/documents/2"`}},
		{"corrections", "/corrections", 200, []string{"bob", "resumed per readout", "&lt;Diaoyutai&gt;", "2023-06-19 00:00"}},
		{"corrections by kind", "/corrections?kind=meeting", 200, []string{"alice"}},
		{"bad correction kind", "/corrections?kind=fish", 400, []string{"Invalid kind"}},
		{"static", "/static/style.css", 200, []string{".doctext"}},
		{"no page", "/nowhere", 404, []string{"There is no page at this address."}},
		{"no static listing", "/static/", 404, []string{"There is no page at this address."}},
		{"no templates", "/static/templates/layout.html", 404, []string{"There is no page at this address."}},
		{"no escape from static", "/static/..%2fweb.go", 404, []string{"404"}},
		{"no document", "/documents/99", 404, []string{"Document 99 not found."}},
		{"no meeting", "/meetings/7", 404, []string{"Meeting 7 not found"}},
		{"bad id", "/events/abc", 400, []string{"Invalid event id"}},
		{"bad date", "/?from=2023-13-01", 400, []string{"Invalid from"}},
		{"bad dyad", "/?dyad=USA", 400, []string{"Invalid dyad"}},
		{"bad status", "/timeline?status=maybe", 400, []string{"Invalid status"}},
		{"reversed period", "/brief?from=2023-06-30&to=2023-06-01", 400, []string{"ends (2023-06-01) before it starts"}},
		{"no period", "/period?period=1999-01", 404, []string{"No period"}},
		{"long parameter", "/search?q=" + strings.Repeat("x", 300), 400, []string{"too long"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := get(t, h, http.MethodGet, tt.target)
			body := rec.Body.String()
			if rec.Code != tt.status {
				t.Fatalf("GET %s = %d, want %d\n%s", tt.target, rec.Code, tt.status, body)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("GET %s: body lacks %q", tt.target, w)
				}
			}
		})
	}
}

// TestEscaping: document text, quotes and statements are always shown
// escaped; the page never carries the document's markup.
func TestEscaping(t *testing.T) {
	h := newDashboard(t)
	for _, target := range []string{"/documents/2", "/events/2", "/search?q=%3Cscript%3E", "/timeline", "/period?period=2023-06", "/positions", "/channels"} {
		t.Run(target, func(t *testing.T) {
			rec := get(t, h, http.MethodGet, target)
			if rec.Code != 200 {
				t.Fatalf("GET %s = %d", target, rec.Code)
			}
			body := rec.Body.String()
			for _, bad := range []string{"<script>alert", "<b>bold</b>"} {
				if strings.Contains(body, bad) {
					t.Errorf("GET %s: unescaped %q in the page", target, bad)
				}
			}
			if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
				t.Errorf("GET %s: Content-Security-Policy = %q", target, csp)
			}
		})
	}
}

func TestMethods(t *testing.T) {
	h := newDashboard(t)
	tests := []struct {
		method, target string
		status         int
	}{
		{http.MethodHead, "/", 200},
		{http.MethodPost, "/", 405},
		{http.MethodDelete, "/documents/1", 405},
		{http.MethodPut, "/static/app.js", 405},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.target, func(t *testing.T) {
			rec := get(t, h, tt.method, tt.target)
			if rec.Code != tt.status {
				t.Errorf("%s %s = %d, want %d", tt.method, tt.target, rec.Code, tt.status)
			}
		})
	}
}

// TestGolden pins the overview's chart and the document page: layout
// changes show up as a diff to review (go test ./internal/web -update).
func TestGolden(t *testing.T) {
	h := newDashboard(t)
	for _, tt := range []struct{ name, target string }{{"overview", "/"}, {"document", "/documents/1"}, {"meeting", "/meetings/1"}} {
		t.Run(tt.name, func(t *testing.T) {
			got := get(t, h, http.MethodGet, tt.target).Body.Bytes()
			path := filepath.Join("testdata", tt.name+".html")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if string(got) != string(want) {
				t.Errorf("GET %s differs from %s; rerun with -update and review the diff", tt.target, path)
			}
		})
	}
}
