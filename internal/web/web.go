// Package web serves the dashboard: server-rendered HTML pages of the
// analyst's record (the index chart, a timeline, the channel board,
// meetings with their readouts side by side, commitments, positions,
// documents with their coded events highlighted in place, and the brief).
// Every page reads without JavaScript; charts are inline SVG with a table
// beside them. It reads through interfaces it declares itself; cmd/dyad
// wires the stores in.
package web

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/analytics"
	"github.com/dyad-dev/dyad/internal/brief"
	"github.com/dyad-dev/dyad/internal/export"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Documents is the part of the document store the dashboard reads.
type Documents interface {
	FindDocumentByID(ctx context.Context, id int64) (*dyad.Document, error)
	FindDocuments(ctx context.Context, f dyad.DocumentFilter) ([]*dyad.Document, int, error)
	FindSentences(ctx context.Context, docID int64) ([]dyad.Sentence, error)
}

// Events is the part of the event store the dashboard reads.
type Events interface {
	FindEventByID(ctx context.Context, id int64) (*dyad.Event, error)
	FindEvents(ctx context.Context, f dyad.EventFilter) ([]*dyad.Event, int, error)
}

// Searcher runs full-text searches over stored sentences.
type Searcher interface {
	Search(ctx context.Context, query string, limit int) ([]dyad.Hit, error)
}

// Record computes the analyst's record. A zero asOf, from or to means no
// limit.
type Record interface {
	Lookup(ctx context.Context) export.Lookup
	Meetings(ctx context.Context, d [2]string, asOf time.Time) ([]analytics.Meeting, error)
	Channels(ctx context.Context, d [2]string, asOf time.Time) ([]analytics.ChannelState, error)
	Commitments(ctx context.Context, d [2]string, asOf time.Time) ([]analytics.Commitment, error)
	Positions(ctx context.Context, to time.Time) ([]analytics.Position, error)
	Compare(ctx context.Context, a, b *dyad.Document) (analytics.Comparison, error)
	Index(ctx context.Context, d [2]string, by analytics.Granularity, from, to time.Time) (*analytics.Index, error)
	Brief(ctx context.Context, d [2]string, from, to time.Time) (*brief.Brief, error)
}

// Corrections lists analysts' corrections of one kind ("" for all),
// oldest first.
type Corrections interface {
	FindCorrections(ctx context.Context, kind string) ([]dyad.Correction, error)
}

// A Job is an ingest running or done, as the dashboard shows it.
type Job struct {
	ID        string
	State     string // queued, running, done, failed
	Total     int
	Done      int
	Failed    int
	Errors    []string
	Documents []int64
	Created   time.Time
	Finished  time.Time
}

// Jobs lists the server's ingest jobs, newest first.
type Jobs interface {
	IngestJobs() []Job
}

// A Dashboard serves the pages. Set its fields, then call Handler.
type Dashboard struct {
	Documents   Documents
	Events      Events
	Search      Searcher
	Record      Record
	Jobs        Jobs        // optional: the ingest page shows nothing without it
	Corrections Corrections // optional: the corrections page shows nothing without it
	Dyad        [2]string   // the dyad shown by default, e.g. USA, CHN
	Logger      *slog.Logger
	// Now returns the current time; time.Now when nil (tests fix it).
	Now func() time.Time

	pages map[string]*template.Template
}

// pageNames are the templates under templates/, each rendered inside
// layout.html.
var pageNames = []string{"overview", "period", "timeline", "event", "channels", "meetings", "meeting",
	"commitments", "positions", "documents", "document", "search", "brief", "ingests", "corrections", "error"}

// Handler parses the templates and returns the dashboard's handler. It
// answers GET and HEAD only; the API takes every write.
func (d *Dashboard) Handler() (http.Handler, error) {
	if d.Logger == nil {
		return nil, errors.New("web: no Logger")
	}
	d.pages = make(map[string]*template.Template, len(pageNames))
	for _, name := range pageNames {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("web: template %s: %w", name, err)
		}
		d.pages[name] = t
	}
	static, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, fmt.Errorf("web: static files: %w", err)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /static/{file}", http.StripPrefix("/static/", staticFiles(http.FileServerFS(static))))
	for _, rt := range []struct {
		pattern string
		h       func(*http.Request) (string, any, error)
	}{
		{"/{$}", d.overview},
		{"/period", d.period},
		{"/timeline", d.timeline},
		{"/events/{id}", d.event},
		{"/channels", d.channels},
		{"/meetings", d.meetings},
		{"/meetings/{id}", d.meeting},
		{"/commitments", d.commitments},
		{"/positions", d.positions},
		{"/documents", d.documents},
		{"/documents/{id}", d.document},
		{"/search", d.search},
		{"/brief", d.brief},
		{"/ingests", d.ingests},
		{"/corrections", d.corrections},
	} {
		mux.Handle("GET "+rt.pattern, d.page(rt.h))
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, pattern := mux.Handler(r); pattern == "" {
			status := http.StatusNotFound
			msg := "There is no page at this address."
			if r.Method != http.MethodGet && r.Method != http.MethodHead {
				status, msg = http.StatusMethodNotAllowed, "The dashboard only reads; writes go through the API under /api/v1/."
				w.Header().Set("Allow", "GET, HEAD")
			}
			d.render(w, r, status, "error", errorPage{Status: status, Message: msg})
			return
		}
		mux.ServeHTTP(w, r)
	}), nil
}

// staticFiles marks embedded assets as cacheable for a day: they change
// only with the binary.
func staticFiles(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=86400")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		next.ServeHTTP(w, r)
	})
}

// errorPage is the view of a page that could not be shown.
type errorPage struct {
	Status  int
	Message string
}

// page adapts a page function: it returns the template name and its view,
// or an error that becomes an error page (400 for bad parameters, 404 for
// missing objects, 500, logged, for the rest).
func (d *Dashboard) page(h func(*http.Request) (string, any, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, view, err := h(r)
		if err != nil {
			status := http.StatusInternalServerError
			msg := "Internal error."
			switch dyad.ErrorCode(err) {
			case dyad.EINVALID:
				status, msg = http.StatusBadRequest, dyad.ErrorMessage(err)
			case dyad.ENOTFOUND:
				status, msg = http.StatusNotFound, dyad.ErrorMessage(err)
			default:
				d.Logger.LogAttrs(r.Context(), slog.LevelError, "internal error",
					slog.String("path", r.URL.Path), slog.String("error", err.Error()))
			}
			d.render(w, r, status, "error", errorPage{Status: status, Message: msg})
			return
		}
		d.render(w, r, http.StatusOK, name, view)
	})
}

// layoutView is what layout.html sees: the page's view and the shared
// navigation state.
type layoutView struct {
	Page string
	Dyad [2]string
	View any
}

// render executes the page into a buffer first, so that a template error
// is a clean 500 rather than half a page.
func (d *Dashboard) render(w http.ResponseWriter, r *http.Request, status int, name string, view any) {
	var buf bytes.Buffer
	err := d.pages[name].Execute(&buf, layoutView{Page: name, Dyad: d.Dyad, View: view})
	if err != nil {
		d.Logger.LogAttrs(r.Context(), slog.LevelError, "render", slog.String("page", name), slog.String("error", err.Error()))
		http.Error(w, "Internal error.", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "same-origin")
	// Only our own script and styles; inline SVG needs no exception.
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
	h.Set("Cache-Control", "no-cache")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w) // a failed write is the client gone
}

func (d *Dashboard) now() time.Time {
	if d.Now != nil {
		return d.Now()
	}
	return time.Now()
}
