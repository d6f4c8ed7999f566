package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// serveForTest runs `dyad serve` over db on a free loopback port until the
// test ends and returns its URL.
func serveForTest(t *testing.T, db string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	urls := make(chan string, 1)
	done := make(chan error, 1)
	env := &Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }}
	go func() {
		done <- (&ServeCommand{Env: env, Ready: func(u string) { urls <- u }}).Run(ctx, append([]string{"--db", db, "--addr", "127.0.0.1:0"}, args...))
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	select {
	case u := <-urls:
		return u
	case err := <-done:
		t.Fatalf("serve: %v", err)
	}
	return ""
}

// apiCall sends a request with an optional token and decodes a JSON
// answer into out when it is not nil.
func apiCall(t *testing.T, method, url, token, contentType string, body io.Reader, out any) int {
	t.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if out != nil && resp.StatusCode < 300 {
		if err := json.Unmarshal(raw, out); err != nil {
			t.Fatalf("%s %s: %v in %s", method, url, err, raw)
		}
	}
	return resp.StatusCode
}

// ingestJob is the part of a job the tests read.
type ingestJob struct {
	ID        int64
	State     string
	Total     int
	Done      int
	Failed    int
	By        string
	Documents []int64
	Errors    []struct{ Input, Message string }
}

// waitIngest polls a job until it has finished; between polls it checks
// that reads are answered.
func waitIngest(t *testing.T, base string, id int64) ingestJob {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		var j ingestJob
		if st := apiCall(t, "GET", fmt.Sprintf("%s/api/v1/ingests/%d", base, id), "", "", nil, &j); st != 200 {
			t.Fatalf("GET ingest %d = %d", id, st)
		}
		if j.State == "done" || j.State == "failed" {
			return j
		}
		if st := apiCall(t, "GET", base+"/api/v1/events?limit=5", "", "", nil, nil); st != 200 {
			t.Errorf("GET events during job %d = %d", id, st)
		}
		if time.Now().After(deadline) {
			t.Fatalf("job %d still %s", id, j.State)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestServe_Writes creates a token, ingests through the API (an upload
// with a bad file and posted text), corrects a meeting and checks that the
// correction shows, with the token's name, in what the API computes.
func TestServe_Writes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "w.db")
	out, stderr, err := runCmd(t, "", "token", "create", "--db", db, "--name", "analyst")
	if err != nil {
		t.Fatalf("token create: %v\n%s", err, stderr)
	}
	token := strings.TrimSpace(out)
	base := serveForTest(t, db)

	// Writes need the token; reads do not.
	if st := apiCall(t, "POST", base+"/api/v1/documents", "", "application/json", strings.NewReader(`{"text":"x","source":"s"}`), nil); st != 401 {
		t.Errorf("POST documents without a token = %d, want 401", st)
	}
	if st := apiCall(t, "POST", base+"/api/v1/documents", "dyad_"+strings.Repeat("A", 43), "application/json", strings.NewReader(`{"text":"x","source":"s"}`), nil); st != 401 {
		t.Errorf("POST documents with an unknown token = %d, want 401", st)
	}

	// An upload: a readout and a binary file, which fails alone.
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for _, f := range [][2]string{{"readout.txt", readout}, {"photo.jpg", "\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01"}} {
		w, err := mw.CreateFormFile("file", f[0])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(f[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	var j ingestJob
	if st := apiCall(t, "POST", base+"/api/v1/documents", token, mw.FormDataContentType(), &body, &j); st != 202 {
		t.Fatalf("POST upload = %d, want 202", st)
	}
	j = waitIngest(t, base, j.ID)
	if j.State != "done" || j.Total != 2 || j.Failed != 1 || len(j.Documents) != 1 || j.By != "analyst" ||
		len(j.Errors) != 1 || j.Errors[0].Input != "photo.jpg" {
		t.Fatalf("upload job = %+v, want done, photo.jpg failed, one document, by analyst", j)
	}
	var doc struct{ Text, Source string }
	if st := apiCall(t, "GET", fmt.Sprintf("%s/api/v1/documents/%d", base, j.Documents[0]), "", "", nil, &doc); st != 200 ||
		!strings.Contains(doc.Text, "Wang Yi") || doc.Source != "https://example.org/readout-1" {
		t.Errorf("GET uploaded document = %d %+v", st, doc)
	}

	// Posted text, with its source and meta.
	text := `{"text":"Foreign Minister Wang Yi held talks with U.S. Secretary of State Antony Blinken in Washington on Monday.","source":"https://example.org/cn-1","meta":{"date":"2024-03-12","side":"CN","kind":"readout"}}`
	if st := apiCall(t, "POST", base+"/api/v1/documents", token, "application/json", strings.NewReader(text), &j); st != 202 {
		t.Fatalf("POST text = %d, want 202", st)
	}
	if j = waitIngest(t, base, j.ID); j.State != "done" || len(j.Documents) != 1 {
		t.Fatalf("text job = %+v, want done with one document", j)
	}
	var meta struct{ Source, Side string }
	apiCall(t, "GET", fmt.Sprintf("%s/api/v1/documents/%d", base, j.Documents[0]), "", "", nil, &meta)
	if meta.Source != "https://example.org/cn-1" || meta.Side != "CHN" {
		t.Errorf("posted document = %+v, want its source and side CHN", meta)
	}

	// A correction, recorded with the token's name and applied.
	var ms struct {
		Meetings []struct {
			Key, State, Place string
			Corrections       []struct{ Author, Value string }
		}
	}
	apiCall(t, "GET", base+"/api/v1/meetings", "", "", nil, &ms)
	if len(ms.Meetings) == 0 {
		t.Fatal("no meeting found in the ingested readouts")
	}
	key := ms.Meetings[0].Key
	corr := fmt.Sprintf(`{"kind":"meeting","key":%q,"field":"place","value":"Tianjin","note":"wrong city"}`, key)
	var c struct {
		ID     int64
		Author string
	}
	if st := apiCall(t, "POST", base+"/api/v1/corrections", token, "application/json", strings.NewReader(corr), &c); st != 201 || c.Author != "analyst" {
		t.Fatalf("POST correction = %d %+v, want 201 by analyst", st, c)
	}
	if st := apiCall(t, "POST", base+"/api/v1/corrections", token, "application/json",
		strings.NewReader(fmt.Sprintf(`{"kind":"meeting","key":%q,"field":"participants","value":"x"}`, key)), nil); st != 400 {
		t.Errorf("POST a correction of participants = %d, want 400", st)
	}
	apiCall(t, "GET", base+"/api/v1/meetings", "", "", nil, &ms)
	if m := ms.Meetings[0]; m.Place != "Tianjin" || len(m.Corrections) != 1 || m.Corrections[0].Author != "analyst" {
		t.Errorf("meeting after correction = %+v, want place Tianjin corrected by analyst", m)
	}
	out, _, err = runCmd(t, "", "corrections", "--db", db)
	if err != nil || !strings.Contains(out, "analyst") || !strings.Contains(out, "Tianjin") {
		t.Errorf("dyad corrections = %v:\n%s", err, out)
	}

	// Actors of the stored events, named.
	var as struct {
		Actors []struct {
			Code, Name string
			Count      int
		}
	}
	if st := apiCall(t, "GET", base+"/api/v1/actors?q=usa", "", "", nil, &as); st != 200 || len(as.Actors) == 0 {
		t.Fatalf("GET actors?q=usa = %d %+v", st, as)
	}
	for _, a := range as.Actors {
		if !strings.HasPrefix(a.Code, "USA") || a.Count == 0 {
			t.Errorf("actor %+v, want a USA code with events", a)
		}
		if a.Code == "USAGOV" && a.Name != "United States of America: government" {
			t.Errorf("USAGOV name = %q", a.Name)
		}
	}

	// The token was used; once revoked it no longer writes.
	if out, _, _ := runCmd(t, "", "token", "list", "--db", db); strings.Contains(out, "never") {
		t.Errorf("token list after use:\n%s", out)
	}
	if _, _, err := runCmd(t, "", "token", "revoke", "--db", db, "analyst"); err != nil {
		t.Fatal(err)
	}
	if st := apiCall(t, "POST", base+"/api/v1/corrections", token, "application/json", strings.NewReader(corr), nil); st != 401 {
		t.Errorf("POST correction with a revoked token = %d, want 401", st)
	}
}

func TestServe_ReadTokenRequired(t *testing.T) {
	db := filepath.Join(t.TempDir(), "r.db")
	out, _, err := runCmd(t, "", "token", "create", "--db", db, "--name", "reader")
	if err != nil {
		t.Fatal(err)
	}
	base := serveForTest(t, db, "--read-token-required")
	if st := apiCall(t, "GET", base+"/api/v1/documents", "", "", nil, nil); st != 401 {
		t.Errorf("GET documents without a token = %d, want 401", st)
	}
	if st := apiCall(t, "GET", base+"/api/v1/documents", strings.TrimSpace(out), "", nil, nil); st != 200 {
		t.Errorf("GET documents with a token = %d, want 200", st)
	}
}
