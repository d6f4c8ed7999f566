package server

import (
	"net/http"
	"strings"
)

// A Route is one endpoint of the API: its method, its ServeMux path pattern
// and what it returns. The OpenAPI document describes exactly these.
type Route struct {
	Method  string
	Pattern string // Go 1.22 ServeMux path, e.g. "/api/v1/events/{id}"
	Summary string
	handler http.HandlerFunc
}

// Routes returns the API's endpoints, in the order they are registered.
// It is the one list of routes: Handler registers these, and the OpenAPI
// test checks the document against them.
func (s *Server) Routes() []Route {
	return []Route{
		{"GET", openAPIPath, "This API's OpenAPI 3 description.", s.handleOpenAPI},
		{"GET", documentsPath, "Stored documents, newest first (limit, offset).", s.handleDocuments},
		{"POST", documentsPath, "Ingest documents in the background (url, text or file upload); 202 with the job.", s.handleDocumentsPost},
		{"GET", "/api/v1/documents/{id}", "One document with its text and sentences.", s.handleDocument},
		{"GET", "/api/v1/events", "Events by id, filtered, with a cursor (after, limit).", s.handleEvents},
		{"GET", "/api/v1/events/{id}", "One event with its reports.", s.handleEvent},
		{"GET", "/api/v1/search", "Full-text search over sentences (q, limit).", s.handleSearch},
		{"GET", "/api/v1/meetings", "The dyad's meetings.", s.handleMeetings},
		{"GET", "/api/v1/channels", "The dyad's channels as of a date (as_of).", s.handleChannels},
		{"GET", "/api/v1/commitments", "The dyad's commitments as of a date (as_of).", s.handleCommitments},
		{"GET", "/api/v1/positions", "Positions per actor and issue (actor, issue).", s.handlePositions},
		{"GET", "/api/v1/compare", "Two documents compared (a, b) or a meeting's readouts (meeting).", s.handleCompare},
		{"GET", "/api/v1/index", "The relations index (by, from, to, explain).", s.handleIndex},
		{"GET", "/api/v1/brief", "The brief for a period (from, to, format=md|html).", s.handleBrief},
		{"GET", "/api/v1/actors", "Actor codes of stored events with their counts (q, limit).", s.handleActors},
		{"GET", ingestsPath, "Ingest jobs, newest first.", s.handleIngests},
		{"GET", ingestsPath + "/{id}", "One ingest job and its progress.", s.handleIngest},
		{"GET", "/api/v1/corrections", "Analysts' corrections, oldest first (kind).", s.handleCorrections},
		{"POST", "/api/v1/corrections", "Store a correction; its author is the token's name.", s.handleCorrectionsPost},
	}
}

// Handler returns the server's HTTP handler: the routes wrapped in access
// logging, the body limits and gzip. Writes, and reads when
// ReadTokenRequired is set, need an API token.
func (s *Server) Handler() http.Handler {
	return s.logAccess(s.limitBodies(gzipped(s.routes())))
}

// routes registers every Route on a ServeMux. Requests that match no route
// get a JSON 404, or a JSON 405 when only the method is wrong.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	for _, rt := range s.Routes() {
		mux.HandleFunc(rt.Method+" "+rt.Pattern, s.guard(rt))
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Everything outside the API is the dashboard's, when there is one.
		if s.UI != nil && r.URL.Path != "/api" && !strings.HasPrefix(r.URL.Path, "/api/") {
			s.UI.ServeHTTP(w, r)
			return
		}
		h, pattern := mux.Handler(r)
		if pattern != "" {
			mux.ServeHTTP(w, r)
			return
		}
		// No route: ask the mux what it would say (404, 405 with Allow,
		// or a redirect to the cleaned path) and say it in JSON.
		rec := &statusRecorder{header: http.Header{}}
		h.ServeHTTP(rec, r)
		switch rec.status {
		case http.StatusMethodNotAllowed:
			w.Header().Set("Allow", rec.header.Get("Allow"))
			s.error(w, r, errMethod(r.Method))
		case http.StatusMovedPermanently, http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
			http.Redirect(w, r, rec.header.Get("Location"), rec.status)
		default:
			s.error(w, r, errNoRoute(r.URL.Path))
		}
	})
}

// statusRecorder keeps the status and headers a handler writes, and drops
// its body.
type statusRecorder struct {
	header http.Header
	status int
}

func (r *statusRecorder) Header() http.Header { return r.header }
func (r *statusRecorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
}
func (r *statusRecorder) Write(b []byte) (int, error) {
	r.WriteHeader(http.StatusOK)
	return len(b), nil
}
