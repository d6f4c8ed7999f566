package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-dev/dyad/internal/cputime"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/sqlite"
)

// syntheticBundle is one stored document with n events between the two
// states on distinct days, so each event has its own key.
func syntheticBundle(doc, n int) *dyad.Bundle {
	text := fmt.Sprintf("Synthetic readout %d for the load test.", doc)
	sp := dyad.Span{Start: 0, End: len(text)}
	b := &dyad.Bundle{Doc: &dyad.Document{Source: fmt.Sprintf("load/%d.txt", doc), Hash: fmt.Sprintf("load-%d", doc),
		Text: text, Format: "txt", Lang: "en", Side: "USA", Date: time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)},
		Sentences: []dyad.Sentence{{Index: 0, Span: sp}}}
	for i := range n {
		d := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, doc*n+i)
		e := dyad.Event{Span: sp, Verb: sp, CAMEO: "040", PLOVER: "CONSULT", Quad: 1, Goldstein: 1, Status: dyad.StatusOccurred,
			Source: dyad.Actor{Code: "USAGOV", Country: "USA"}, Target: &dyad.Actor{Code: "CHNGOV", Country: "CHN"},
			Date: d, DateEnd: d, DatePrecision: dyad.PrecisionDay}
		e.Key = e.ComputeKey()
		b.Events = append(b.Events, e)
	}
	return b
}

// syntheticDB writes the load tests' database: 1,000 documents of 100
// events each, 100,000 events in all, stored 20 documents a transaction.
func syntheticDB(tb testing.TB, name string) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), name)
	db := sqlite.NewDB(path)
	if err := db.Open(); err != nil {
		tb.Fatal(err)
	}
	docs := sqlite.NewDocumentService(db)
	for batch := range 50 {
		var bs []*dyad.Bundle
		for k := range 20 {
			bs = append(bs, syntheticBundle(batch*20+k, 100))
		}
		if _, err := docs.CreateDocuments(tb.Context(), bs); err != nil {
			tb.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		tb.Fatal(err)
	}
	return path
}

// serveDB runs `dyad serve` on the database at path, on a free loopback
// port, until ctx ends or the test does, and returns its URL.
func serveDB(tb testing.TB, ctx context.Context, path string) string {
	tb.Helper()
	urls := make(chan string, 1)
	done := make(chan error, 1)
	env := &Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }}
	sctx, stop := context.WithCancel(ctx)
	go func() {
		done <- (&ServeCommand{Env: env, Ready: func(u string) { urls <- u }}).Run(sctx, []string{"--db", path, "--addr", "127.0.0.1:0"})
	}()
	tb.Cleanup(func() {
		stop()
		if err := <-done; err != nil {
			tb.Errorf("serve: %v", err)
		}
	})
	select {
	case u := <-urls:
		return u
	case err := <-done:
		tb.Fatalf("serve: %v", err)
		return ""
	}
}

// BenchmarkServeEvents loads the API's event list on a database of 100,000
// events while documents are being stored: 8 clients on loopback page
// through /api/v1/events with the cursor. It reports requests per second,
// the median and 99th-percentile latency and the process's CPU time per
// request. Run with -benchtime 1x; it is bounded to 2,000 requests.
func BenchmarkServeEvents(b *testing.B) {
	path := syntheticDB(b, "load.db")
	ctx, cancel := context.WithCancel(b.Context())
	defer cancel()
	base := serveDB(b, ctx, path)

	// An ingest runs meanwhile: a document of 20 events every 10 ms.
	writer := sqlite.NewDB(path)
	if err := writer.Open(); err != nil {
		b.Fatal(err)
	}
	defer writer.Close()
	var wg sync.WaitGroup
	wctx, stopWriter := context.WithCancel(ctx)
	wg.Go(func() {
		ws := sqlite.NewDocumentService(writer)
		for i := 0; ; i++ {
			select {
			case <-wctx.Done():
				return
			case <-time.After(10 * time.Millisecond):
			}
			if _, err := ws.CreateDocument(wctx, syntheticBundle(100000+i, 20)); err != nil && wctx.Err() == nil {
				b.Error(err)
				return
			}
		}
	})

	const clients, total = 8, 2000
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	b.ResetTimer()
	for b.Loop() {
		var mu sync.Mutex
		var lat []time.Duration
		start, cpu0 := time.Now(), cputime.Process()
		var cg sync.WaitGroup
		for c := range clients {
			cg.Go(func() {
				after := int64(c * 10000)
				for range total / clients {
					t0 := time.Now()
					u := base + "/api/v1/events?limit=50"
					if after > 0 {
						u += fmt.Sprintf("&after=%d", after)
					}
					resp, err := client.Get(u)
					if err != nil {
						b.Error(err)
						return
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 200 {
						b.Errorf("status %d", resp.StatusCode)
						return
					}
					d := time.Since(t0)
					mu.Lock()
					lat = append(lat, d)
					mu.Unlock()
					after = (after + 50) % 100000
				}
			})
		}
		cg.Wait()
		elapsed, cpu := time.Since(start), cputime.Process()-cpu0
		slices.Sort(lat)
		b.ReportMetric(float64(len(lat))/elapsed.Seconds(), "req/s")
		b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
		b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
		// CPU time of the whole process (server, clients and ingest) per
		// request: unlike req/s, it hardly moves when other processes
		// compete for the cores. 0 where it is not measured.
		if cpu > 0 {
			b.ReportMetric(float64(cpu.Microseconds())/float64(len(lat)), "cpu-µs/req")
		}
	}
	b.StopTimer()
	stopWriter()
	wg.Wait()
}
