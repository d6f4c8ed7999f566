package ingest_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/ingest"
)

func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<html><head><title>Readout</title></head><body><nav>Menu</nav><p>The Secretary met the Minister.</p></body></html>`))
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/page", http.StatusFound)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/to-ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.org/file.txt", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/text", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("date: 2023-06-19\nside: CN\n\nPlain text."))
	})
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(`<rss><channel><title>F</title><item><title>A</title></item><item><title>B</title></item></channel></rss>`))
	})
	mux.HandleFunc("/doc.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write(buildPDF("PDF Title", []string{"Text of the PDF."}))
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte(strings.Repeat("a", 1000)))
	})
	mux.HandleFunc("/big-stream", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		for range 20 {
			w.Write([]byte(strings.Repeat("a", 100)))
			w.(http.Flusher).Flush() // chunked: no Content-Length
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/error", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusInternalServerError)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestReader_Fetch(t *testing.T) {
	srv := newServer(t)
	tests := []struct {
		name, path              string
		format, source, text    string
		wantDocs                int
		side, title, wantSource string
	}{
		{name: "HTML", path: "/page", format: "html", text: "The Secretary met the Minister.", wantDocs: 1, title: "Readout", wantSource: "/page"},
		{name: "RedirectFinalURL", path: "/moved", format: "html", text: "The Secretary met the Minister.", wantDocs: 1, title: "Readout", wantSource: "/page"},
		{name: "TextWithHeader", path: "/text", format: "txt", text: "Plain text.", wantDocs: 1, side: "CHN", wantSource: "/text"},
		{name: "Feed", path: "/feed", format: "rss", text: "A", wantDocs: 2, title: "A", wantSource: "/feed#1"},
		{name: "PDFSniffed", path: "/doc.pdf", format: "pdf", text: "Text of the PDF.", wantDocs: 1, title: "PDF Title", wantSource: "/doc.pdf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := ingest.NewReader().Fetch(t.Context(), srv.URL+tt.path, ingest.Meta{})
			if err != nil {
				t.Fatalf("Fetch(%s): %v", tt.path, err)
			}
			if len(docs) != tt.wantDocs {
				t.Fatalf("Fetch(%s) = %d docs, want %d", tt.path, len(docs), tt.wantDocs)
			}
			d := docs[0]
			checkDoc(t, d)
			if d.Format != tt.format || d.Text != tt.text || d.Side != tt.side || d.Title != tt.title || d.Source != srv.URL+tt.wantSource {
				t.Errorf("Fetch(%s) = %+v %q", tt.path, d, d.Text)
			}
		})
	}
}

func TestReader_FetchErrors(t *testing.T) {
	srv := newServer(t)
	tests := []struct {
		name, url string
		code      string
		want      string
	}{
		{"FileScheme", "file:///etc/passwd", dyad.EINVALID, `unsupported URL scheme "file"`},
		{"FTPScheme", "ftp://example.org/x", dyad.EINVALID, `unsupported URL scheme "ftp"`},
		{"JavaScript", "javascript:alert(1)", dyad.EINVALID, `unsupported URL scheme "javascript"`},
		{"NoScheme", "example.org/page", dyad.EINVALID, "unsupported URL scheme"},
		{"BadURL", "http://[::1", dyad.EINVALID, "bad URL"},
		{"NoHost", "http:///path", dyad.EINVALID, "no host"},
		{"RedirectLoop", srv.URL + "/loop", dyad.EINVALID, "more than 5 redirects"},
		{"RedirectToFTP", srv.URL + "/to-ftp", dyad.EINVALID, "redirect to ftp://example.org/file.txt, which is not an http or https URL"},
		{"NotFound", srv.URL + "/missing", dyad.ENOTFOUND, "HTTP status 404 Not Found"},
		{"ServerError", srv.URL + "/error", dyad.EINVALID, "HTTP status 500 Internal Server Error"},
		{"TooLargeContentLength", srv.URL + "/big", dyad.ETOOLARGE, "1000 bytes is more than the limit of 500 bytes"},
		{"TooLargeStream", srv.URL + "/big-stream", dyad.ETOOLARGE, "more than the limit of 500 bytes"},
		{"Timeout", srv.URL + "/slow", dyad.EINVALID, "timed out after 100ms"},
		{"Refused", "http://127.0.0.1:1/x", dyad.EINVALID, "fetch:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ingest.NewReader()
			r.MaxBytes = 500
			r.Timeout = 10 * time.Second
			if tt.name == "Timeout" {
				r.Timeout = 100 * time.Millisecond
			}
			docs, err := r.Fetch(t.Context(), tt.url, ingest.Meta{})
			if err == nil {
				t.Fatalf("Fetch(%s) = %d docs, want error", tt.url, len(docs))
			}
			msg := dyad.ErrorMessage(err)
			if dyad.ErrorCode(err) != tt.code || !strings.HasPrefix(msg, "ingest: "+tt.url+": ") || !strings.Contains(msg, tt.want) {
				t.Errorf("Fetch(%s) error = %q (%s), want %s containing %q", tt.url, msg, dyad.ErrorCode(err), tt.code, tt.want)
			}
		})
	}
}

func TestReader_FetchCancelled(t *testing.T) {
	srv := newServer(t)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := ingest.NewReader().Fetch(ctx, srv.URL+"/page", ingest.Meta{})
	if !errors.Is(err, context.Canceled) || dyad.ErrorCode(err) != dyad.EINVALID {
		t.Errorf("Fetch(cancelled) error = %v, want context.Canceled in the chain", err)
	}
}

func TestReader_FetchCustomClient(t *testing.T) {
	srv := newServer(t)
	r := ingest.NewReader()
	r.Client = srv.Client()
	r.MaxRedirects = 0
	_, err := r.Fetch(t.Context(), srv.URL+"/moved", ingest.Meta{})
	if !strings.Contains(dyad.ErrorMessage(err), "not followed") {
		t.Errorf("Fetch with MaxRedirects 0 error = %v, want redirect not followed", err)
	}
	r.MaxRedirects = 1
	docs, err := r.Fetch(t.Context(), srv.URL+"/moved", ingest.Meta{Source: "https://given.example/"})
	if err != nil || docs[0].Source != "https://given.example/" {
		t.Errorf("Fetch with Meta.Source = %v, %v, want the given source", docs, err)
	}
}
