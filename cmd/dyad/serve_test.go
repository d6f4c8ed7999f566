package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
)

const scriptDoc = `source: https://example.org/readout-script
publisher: Example Ministry
date: 2024-03-13
kind: readout
side: US

Secretary Blinken met with Foreign Minister Wang Yi in Beijing on Tuesday. <script>alert(1)</script>
`

// TestServe starts `dyad serve` on a free loopback port over a database
// filled by `dyad ingest` and calls every endpoint.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "dyad.db")
	for i, text := range []string{readout, scriptDoc} {
		p := writeFile(t, dir, "doc"+string(rune('a'+i))+".txt", text)
		if _, stderr, err := runCmd(t, "", "ingest", "--db", db, p); err != nil {
			t.Fatalf("ingest: %v\n%s", err, stderr)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	urls := make(chan string, 1)
	done := make(chan error, 1)
	env := &Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }}
	go func() {
		done <- (&ServeCommand{Env: env, Ready: func(u string) { urls <- u }}).Run(ctx, []string{"--db", db, "--addr", "127.0.0.1:0"})
	}()
	var base string
	select {
	case base = <-urls:
	case err := <-done:
		t.Fatalf("serve: %v", err)
	}
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	}()

	tests := []struct {
		path, want string // want: a substring of the body
		status     int
	}{
		{"/api/v1/documents", `"total":2`, 200},
		{"/api/v1/documents/2", `"sentences":[`, 200},
		{"/api/v1/events", `"events":[`, 200},
		{"/api/v1/events?status=occurred&dyad=USA-CHN", `"next":""`, 200},
		{"/api/v1/events/1", `"cameo":`, 200},
		{"/api/v1/events/999", `"not_found"`, 404},
		{"/api/v1/search?q=Wang", `"hits":[`, 200},
		{"/api/v1/meetings", `"meetings":[`, 200},
		{"/api/v1/channels?as_of=2024-12-31", `"channels":[`, 200},
		{"/api/v1/commitments", `"commitments":[`, 200},
		{"/api/v1/positions?actor=USA", `"positions":[`, 200},
		{"/api/v1/compare?a=1&b=2", `"a":`, 200},
		{"/api/v1/compare?meeting=999", `"not_found"`, 404},
		{"/api/v1/index?by=month&from=2024-01-01&to=2024-06-30", `"points":[`, 200},
		{"/api/v1/index?by=month&from=2024-01-01&to=2024-06-30&explain=2024-03", `"period":"2024-03"`, 200},
		{"/api/v1/index?by=day", `"invalid"`, 400},
		{"/api/v1/brief?from=2024-01-01&to=2024-06-30", "", 200},
		{"/api/v1/brief?from=2024-01-01&to=2024-06-30&format=html", "<", 200},
		{"/api/v1/openapi.json", `"openapi"`, 200},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, err := http.Get(base + tt.path)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.status || !strings.Contains(string(body), tt.want) {
				t.Errorf("GET %s = %d %.300s, want %d with %q", tt.path, resp.StatusCode, body, tt.status, tt.want)
			}
			if strings.Contains(tt.path, "format=html") && !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
				t.Errorf("brief html Content-Type = %q", resp.Header.Get("Content-Type"))
			}
		})
	}

	// Document text with a script comes back escaped in JSON.
	resp, err := http.Get(base + "/api/v1/documents/2")
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var doc struct{ Text string }
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Text, "<script>") || strings.Contains(string(raw), "<script>") {
		t.Errorf("document 2: text has script %v, raw body has unescaped <script> %v", strings.Contains(doc.Text, "<script>"), strings.Contains(string(raw), "<script>"))
	}
}
