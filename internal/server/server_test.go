package server_test

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/analytics"
	"github.com/dyad-dev/dyad/internal/brief"
	"github.com/dyad-dev/dyad/internal/export"
	"github.com/dyad-dev/dyad/internal/server"
)

// store is an in-memory fake of every interface the server reads. Its
// documents may be added by the ingester fake while reads run.
type store struct {
	mu     sync.Mutex
	docs   []*dyad.Document
	events []*dyad.Event
	fail   error // returned by Meetings
}

func (s *store) FindDocumentByID(_ context.Context, id int64) (*dyad.Document, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.docs {
		if d.ID == id {
			return d, nil
		}
	}
	return nil, dyad.Errorf(dyad.ENOTFOUND, "Document %d not found.", id)
}
func (s *store) FindDocuments(_ context.Context, f dyad.DocumentFilter) ([]*dyad.Document, int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.docs), len(s.docs), nil
}
func (s *store) FindSentences(context.Context, int64) ([]dyad.Sentence, error) { return nil, nil }
func (s *store) FindEventByID(_ context.Context, id int64) (*dyad.Event, error) {
	for _, e := range s.events {
		if e.ID == id {
			return e, nil
		}
	}
	return nil, dyad.Errorf(dyad.ENOTFOUND, "Event %d not found.", id)
}
func (s *store) FindEvents(_ context.Context, f dyad.EventFilter) ([]*dyad.Event, int, error) {
	// As the real store: date order (here, reversed ids) without a cursor;
	// with AfterID, the events after it in id order; Limit applies after.
	out := append([]*dyad.Event(nil), s.events...)
	if f.AfterID == nil {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	} else {
		slices.SortFunc(out, func(a, b *dyad.Event) int { return cmp.Compare(a.ID, b.ID) })
		i := 0
		for i < len(out) && out[i].ID <= *f.AfterID {
			i++
		}
		out = out[i:]
	}
	total := len(s.events)
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit]
	}
	return out, total, nil
}
func (s *store) Search(context.Context, string, int) ([]dyad.Hit, error) { return nil, nil }
func (s *store) Lookup(context.Context) export.Lookup                    { return nil }
func (s *store) Meetings(context.Context, [2]string, time.Time) ([]analytics.Meeting, error) {
	return nil, s.fail
}
func (s *store) Channels(context.Context, [2]string, time.Time) ([]analytics.ChannelState, error) {
	return nil, nil
}
func (s *store) Commitments(context.Context, [2]string, time.Time) ([]analytics.Commitment, error) {
	return nil, nil
}
func (s *store) Positions(context.Context, time.Time) ([]analytics.Position, error) { return nil, nil }
func (s *store) Compare(context.Context, *dyad.Document, *dyad.Document) (analytics.Comparison, error) {
	return analytics.Comparison{}, nil
}
func (s *store) Index(context.Context, [2]string, analytics.Granularity, time.Time, time.Time) (*analytics.Index, error) {
	return &analytics.Index{}, nil
}
func (s *store) Brief(context.Context, [2]string, time.Time, time.Time) (*brief.Brief, error) {
	return &brief.Brief{}, nil
}

// start runs a server over st on a free loopback port.
func start(t *testing.T, st *store, logs io.Writer) string {
	t.Helper()
	return startServer(t, &server.Server{MaxBodyBytes: 1024, Documents: st, Events: st, Search: st, Record: st,
		Logger: slog.New(slog.NewTextHandler(logs, nil))})
}

// startServer runs s on a free loopback port until the test ends.
func startServer(t *testing.T, s *server.Server) string {
	t.Helper()
	s.Addr = "127.0.0.1:0"
	if err := s.Open(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	return s.URL()
}

func fixture() *store {
	st := &store{docs: []*dyad.Document{{ID: 1, Source: "a", Text: "Hello."}}}
	for i := int64(1); i <= 25; i++ {
		st.events = append(st.events, &dyad.Event{ID: i, DocID: 1, CAMEO: "040", Status: dyad.StatusOccurred})
	}
	return st
}

func get(t *testing.T, url string, hdr ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := http.DefaultTransport.RoundTrip(req) // no automatic gzip or redirects
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

func errorCode(t *testing.T, body []byte) string {
	t.Helper()
	var e struct {
		Error struct{ Code, Message string }
	}
	if err := json.Unmarshal(body, &e); err != nil {
		t.Fatalf("error body %q: %v", body, err)
	}
	return e.Error.Code
}

func TestServer_Errors(t *testing.T) {
	base := start(t, fixture(), io.Discard)
	tests := []struct {
		name, path string
		status     int
		code       string
	}{
		{"UnknownRoute", "/api/v1/nope", 404, "not_found"},
		{"Root", "/", 404, "not_found"},
		{"UnknownDocument", "/api/v1/documents/99", 404, "not_found"},
		{"BadDocumentID", "/api/v1/documents/abc", 400, "invalid"},
		{"NegativeID", "/api/v1/events/-1", 400, "invalid"},
		{"BadDate", "/api/v1/events?from=2024-13-01", 400, "invalid"},
		{"BadStatus", "/api/v1/events?status=maybe", 400, "invalid"},
		{"BadDyad", "/api/v1/meetings?dyad=US-CN", 400, "invalid"},
		{"BadLimit", "/api/v1/documents?limit=-5", 400, "invalid"},
		{"EncodedDots", "/api/v1/documents/%2e%2e", 400, "invalid"},
		{"BriefNoPeriod", "/api/v1/brief", 400, "invalid"},
		{"SearchNoQuery", "/api/v1/search", 400, "invalid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := get(t, base+tt.path)
			if resp.StatusCode != tt.status || errorCode(t, body) != tt.code {
				t.Errorf("GET %s = %d %s, want %d %s", tt.path, resp.StatusCode, body, tt.status, tt.code)
			}
		})
	}
}

func TestServer_MethodAndBody(t *testing.T) {
	base := start(t, fixture(), io.Discard)
	resp, err := http.Post(base+"/api/v1/events", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 405 || resp.Header.Get("Allow") == "" || errorCode(t, body) != "method_not_allowed" {
		t.Errorf("POST /api/v1/events = %d (Allow %q) %s, want 405", resp.StatusCode, resp.Header.Get("Allow"), body)
	}
	resp, err = http.Post(base+"/api/v1/events", "application/json", bytes.NewReader(make([]byte, 4096)))
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 413 || errorCode(t, body) != "too_large" {
		t.Errorf("POST 4 KiB = %d %s, want 413", resp.StatusCode, body)
	}
}

func TestServer_PathTricks(t *testing.T) {
	base := start(t, fixture(), io.Discard)
	for _, p := range []string{"/api/v1/documents/../../etc/passwd", "/api/v1/documents/%2e%2e/%2e%2e/etc/passwd", "/api/v1/..%2f..%2fetc/passwd"} {
		resp, err := http.Get(base + p) // follows the mux's clean-path redirect
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode < 400 || resp.StatusCode >= 500 || strings.Contains(string(body), "root:") {
			t.Errorf("GET %s = %d %s, want a clean 4xx", p, resp.StatusCode, body)
		}
	}
}

func TestServer_InternalErrorDoesNotLeak(t *testing.T) {
	st := fixture()
	st.fail = errors.New("disk I/O error at /secret/path.db")
	var logs bytes.Buffer
	base := start(t, st, &logs)
	resp, body := get(t, base+"/api/v1/meetings")
	if resp.StatusCode != 500 || strings.Contains(string(body), "secret") || !strings.Contains(string(body), "Internal error.") {
		t.Errorf("GET meetings = %d %s, want 500 Internal error.", resp.StatusCode, body)
	}
	if !strings.Contains(logs.String(), "/secret/path.db") {
		t.Errorf("log %q lacks the internal error", logs.String())
	}
	if !strings.Contains(logs.String(), "status=500") || !strings.Contains(logs.String(), "duration=") {
		t.Errorf("access log %q lacks status and duration", logs.String())
	}
}

func TestServer_ETagAndGzip(t *testing.T) {
	base := start(t, fixture(), io.Discard)
	resp, body := get(t, base+"/api/v1/events?limit=5")
	etag := resp.Header.Get("ETag")
	if resp.StatusCode != 200 || etag == "" {
		t.Fatalf("GET events = %d, ETag %q", resp.StatusCode, etag)
	}
	resp, b2 := get(t, base+"/api/v1/events?limit=5", "If-None-Match", etag)
	if resp.StatusCode != 304 || len(b2) != 0 {
		t.Errorf("GET with If-None-Match = %d (%d bytes), want 304 and no body", resp.StatusCode, len(b2))
	}
	resp, gz := get(t, base+"/api/v1/events?limit=5", "Accept-Encoding", "gzip")
	if resp.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("Content-Encoding = %q, want gzip", resp.Header.Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	plain, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(plain, body) {
		t.Errorf("gunzipped body = %q (%v), want %q", plain, err, body)
	}
	resp, _ = get(t, base+"/api/v1/events?limit=5", "Accept-Encoding", "gzip", "If-None-Match", etag)
	if resp.StatusCode != 304 {
		t.Errorf("gzip + If-None-Match = %d, want 304", resp.StatusCode)
	}
}

func TestServer_EventCursor(t *testing.T) {
	base := start(t, fixture(), io.Discard)
	var seen []int64
	after := ""
	for pages := 0; ; pages++ {
		if pages > 5 {
			t.Fatal("cursor does not end")
		}
		_, body := get(t, base+"/api/v1/events?limit=10&after="+after)
		var page struct {
			Events []struct{ ID int64 }
			Total  int
			Next   string
		}
		if err := json.Unmarshal(body, &page); err != nil {
			t.Fatal(err)
		}
		for _, e := range page.Events {
			seen = append(seen, e.ID)
		}
		if page.Next == "" {
			break
		}
		after = page.Next
	}
	for i, id := range seen {
		if id != int64(i+1) {
			t.Fatalf("pages gave ids %v, want 1..25 once each in order", seen)
		}
	}
	if len(seen) != 25 {
		t.Errorf("pages gave %d events, want 25", len(seen))
	}
}

// TestOpenAPI checks that the OpenAPI document names exactly the routes.
func TestOpenAPI(t *testing.T) {
	var doc struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(server.OpenAPI(), &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi = %q, want 3.x", doc.OpenAPI)
	}
	documented := map[string]bool{}
	for path, ops := range doc.Paths {
		for m := range ops {
			documented[strings.ToUpper(m)+" "+path] = true
		}
	}
	registered := map[string]bool{}
	for _, rt := range (&server.Server{}).Routes() {
		k := rt.Method + " " + rt.Pattern
		registered[k] = true
		if !documented[k] {
			t.Errorf("route %s is not in openapi.json", k)
		}
	}
	for k := range documented {
		if !registered[k] {
			t.Errorf("openapi.json documents %s, which is not a route", k)
		}
	}
	base := start(t, fixture(), io.Discard)
	resp, body := get(t, base+"/api/v1/openapi.json")
	if resp.StatusCode != 200 || !bytes.Equal(body, server.OpenAPI()) {
		t.Errorf("GET openapi.json = %d, %d bytes", resp.StatusCode, len(body))
	}
}
