package main

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// BenchmarkDashboardPages loads each dashboard page on a database of
// 100,000 events (the load test's synthetic documents) and reports
// milliseconds per page, the first load (which computes the record) and
// the later ones (which find it kept): what an analyst waits for when the
// record is large. Run with -benchtime 3x.
func BenchmarkDashboardPages(b *testing.B) {
	base := serveDB(b, b.Context(), syntheticDB(b, "pages.db"))
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
}
