package main

import (
	"context"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/sqlite"
)

// BenchmarkDashboardPages loads each dashboard page on a database of
// 100,000 events (the load test's synthetic documents) and reports
// milliseconds per page, the first load (which computes the record) and
// the later ones (which find it kept): what an analyst waits for when the
// record is large. Run with -benchtime 3x.
func BenchmarkDashboardPages(b *testing.B) {
	path := filepath.Join(b.TempDir(), "pages.db")
	db := sqlite.NewDB(path)
	if err := db.Open(); err != nil {
		b.Fatal(err)
	}
	docs := sqlite.NewDocumentService(db)
	for batch := range 50 {
		var bs []*dyad.Bundle
		for k := range 20 {
			bs = append(bs, syntheticBundle(batch*20+k, 100))
		}
		if _, err := docs.CreateDocuments(b.Context(), bs); err != nil {
			b.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(b.Context())
	defer cancel()
	urls := make(chan string, 1)
	done := make(chan error, 1)
	env := &Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }}
	go func() {
		done <- (&ServeCommand{Env: env, Ready: func(u string) { urls <- u }}).Run(ctx, []string{"--db", path, "--addr", "127.0.0.1:0"})
	}()
	base := <-urls
	pages := []string{"/", "/period?period=2005-06", "/timeline", "/timeline?from=2005-01-01&to=2005-12-31",
		"/channels", "/meetings", "/commitments", "/positions", "/documents", "/documents/500", "/events/5000",
		"/brief?from=2005-06-01&to=2005-06-30"}
	load := func(p string) float64 {
		t0 := time.Now()
		resp, err := http.Get(base + p)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			b.Fatalf("GET %s = %d", p, resp.StatusCode)
		}
		return float64(time.Since(t0).Microseconds()) / 1000
	}
	// The first load computes the record; later ones find it kept (the
	// database has not changed).
	cold := make([]float64, len(pages))
	for i, p := range pages {
		cold[i] = load(p)
	}
	warm := make([]float64, len(pages))
	b.ResetTimer()
	for b.Loop() {
		for i, p := range pages {
			warm[i] += load(p)
		}
	}
	b.StopTimer()
	for i, p := range pages {
		name := strings.NewReplacer("/", "_", "?", "_", "=", "-", "&", "_").Replace(strings.TrimPrefix(p, "/"))
		if name == "" {
			name = "overview"
		}
		b.ReportMetric(cold[i], name+"-first-ms")
		b.ReportMetric(warm[i]/float64(b.N), name+"-ms")
	}
	cancel()
	<-done
}
