package server_test

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/server"
)

// Tokens of the fake authenticator.
const (
	aliceToken   = "dyad_alice-secret"
	revokedToken = "dyad_revoked-secret"
)

// tokens is a fake Authenticator: token -> name; revoked tokens map to "".
type tokens map[string]string

func (ts tokens) Authenticate(_ context.Context, token string) (string, error) {
	if name := ts[token]; name != "" {
		return name, nil
	}
	return "", dyad.Errorf(dyad.ENOTFOUND, "no such token")
}

// ingester is a fake Ingester that stores each input as one document of
// st, and fails inputs that contain a NUL byte, as the real reader refuses
// binary files. With gate set, a job waits for a value from it first.
type ingester struct {
	st     *store
	gate   chan struct{}
	mu     sync.Mutex
	inputs []server.Input
}

func (ing *ingester) Ingest(ctx context.Context, inputs []server.Input, progress func(server.InputResult)) error {
	if ing.gate != nil {
		select {
		case <-ing.gate:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	for _, in := range inputs {
		ing.mu.Lock()
		ing.inputs = append(ing.inputs, in)
		ing.mu.Unlock()
		if bytes.IndexByte(in.Data, 0) >= 0 {
			progress(server.InputResult{Input: in.Name, Err: dyad.Errorf(dyad.EINVALID, "ingest: %s: binary file", in.Name)})
			continue
		}
		ing.st.mu.Lock()
		d := &dyad.Document{ID: int64(len(ing.st.docs) + 1), Source: cmp.Or(in.Meta.Source, in.Name), Title: in.Meta.Title, Text: string(in.Data)}
		ing.st.docs = append(ing.st.docs, d)
		ing.st.mu.Unlock()
		progress(server.InputResult{Input: in.Name, Documents: []int64{d.ID}})
	}
	return nil
}

// corrections is a fake CorrectionStore.
type corrections struct {
	mu   sync.Mutex
	list []dyad.Correction
}

func (cs *corrections) CreateCorrection(_ context.Context, c *dyad.Correction) error {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	c.ID, c.CreatedAt = int64(len(cs.list)+1), time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	cs.list = append(cs.list, *c)
	return nil
}

func (cs *corrections) FindCorrections(_ context.Context, kind string) ([]dyad.Correction, error) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	var out []dyad.Correction
	for _, c := range cs.list {
		if kind == "" || c.Kind == kind {
			out = append(out, c)
		}
	}
	return out, nil
}

// actors is a fake ActorFinder.
type actors []server.ActorCount

func (as actors) FindActors(_ context.Context, prefix string, limit int) ([]server.ActorCount, error) {
	var out []server.ActorCount
	for _, a := range as {
		if strings.HasPrefix(a.Code, prefix) && len(out) < limit {
			out = append(out, a)
		}
	}
	return out, nil
}

// writable is a running server with every write-side service faked.
type writable struct {
	base string
	st   *store
	ing  *ingester
	cs   *corrections
}

func startWritable(t *testing.T, configure func(*server.Server)) *writable {
	t.Helper()
	st := fixture()
	w := &writable{st: st, ing: &ingester{st: st}, cs: &corrections{}}
	s := &server.Server{MaxBodyBytes: 1024, MaxUploadBytes: 8 << 10, Documents: st, Events: st, Search: st, Record: st,
		Tokens: tokens{aliceToken: "alice", revokedToken: ""}, Ingester: w.ing, Corrections: w.cs,
		Actors: actors{{Code: "USAGOV", Name: "United States: government", Count: 5}, {Code: "CHNGOV", Count: 3}, {Code: "CHNMIL", Count: 1}},
		Logger: slog.New(slog.DiscardHandler)}
	if configure != nil {
		configure(s)
	}
	w.base = startServer(t, s)
	return w
}

// do sends a request with an optional bearer token and returns the
// response and its body.
func do(t *testing.T, method, url, token, contentType string, body io.Reader) (*http.Response, []byte) {
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
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

func postJSON(t *testing.T, url, token, body string) (*http.Response, []byte) {
	t.Helper()
	return do(t, "POST", url, token, "application/json", strings.NewReader(body))
}

// multipartBody builds an upload of files (name -> content) and optional meta.
func multipartBody(t *testing.T, meta string, files ...[2]string) (string, *bytes.Buffer) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if meta != "" {
		if err := mw.WriteField("meta", meta); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range files {
		fw, err := mw.CreateFormFile("file", f[0])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fw.Write([]byte(f[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	return mw.FormDataContentType(), &buf
}

// waitJob polls a job until it has finished.
func waitJob(t *testing.T, base string, id int64) server.Job {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		resp, body := get(t, fmt.Sprintf("%s/api/v1/ingests/%d", base, id))
		if resp.StatusCode != 200 {
			t.Fatalf("GET ingest %d = %d %s", id, resp.StatusCode, body)
		}
		var j server.Job
		if err := json.Unmarshal(body, &j); err != nil {
			t.Fatal(err)
		}
		if j.State == server.JobDone || j.State == server.JobFailed {
			return j
		}
		if time.Now().After(deadline) {
			t.Fatalf("job %d still %s", id, j.State)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func decodeJob(t *testing.T, body []byte) server.Job {
	t.Helper()
	var j server.Job
	if err := json.Unmarshal(body, &j); err != nil {
		t.Fatalf("job %q: %v", body, err)
	}
	return j
}

func TestServer_Auth(t *testing.T) {
	w := startWritable(t, nil)
	correctionBody := `{"kind":"meeting","key":"m1","field":"place","value":"Tianjin"}`
	tests := []struct {
		name, header string
		status       int
	}{
		{"Missing", "", 401},
		{"Unknown", "Bearer dyad_nobody", 401},
		{"Revoked", "Bearer " + revokedToken, 401},
		{"NotBearer", "Basic " + aliceToken, 401},
		{"Empty", "Bearer ", 401},
		{"Good", "Bearer " + aliceToken, 201},
		{"SchemeCase", "bearer " + aliceToken, 201},
	}
	var messages []string
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest("POST", w.base+"/api/v1/corrections", strings.NewReader(correctionBody))
			req.Header.Set("Content-Type", "application/json")
			if tt.header != "" {
				req.Header.Set("Authorization", tt.header)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.status {
				t.Fatalf("POST corrections with %q = %d %s, want %d", tt.header, resp.StatusCode, body, tt.status)
			}
			if tt.status == 401 {
				if errorCode(t, body) != "unauthorized" || resp.Header.Get("WWW-Authenticate") == "" {
					t.Errorf("401 body %s, WWW-Authenticate %q, want code unauthorized and a challenge", body, resp.Header.Get("WWW-Authenticate"))
				}
				if strings.Contains(string(body), aliceToken) || strings.Contains(string(body), "revoked-secret") {
					t.Errorf("401 body %s repeats the token", body)
				}
				if tt.name != "Missing" {
					messages = append(messages, string(body))
				}
			}
		})
	}
	// Every bad token gets the same answer: no hint which is revoked.
	for _, m := range messages[1:] {
		if m != messages[0] {
			t.Errorf("bad-token answers differ: %s vs %s", m, messages[0])
		}
	}
	// Reads stay open.
	if resp, body := get(t, w.base+"/api/v1/events"); resp.StatusCode != 200 {
		t.Errorf("GET events without a token = %d %s, want 200", resp.StatusCode, body)
	}
}

func TestServer_ReadTokenRequired(t *testing.T) {
	w := startWritable(t, func(s *server.Server) { s.ReadTokenRequired = true })
	tests := []struct {
		path, token string
		status      int
	}{
		{"/api/v1/events", "", 401},
		{"/api/v1/events", "dyad_nobody", 401},
		{"/api/v1/events", aliceToken, 200},
		{"/api/v1/ingests", "", 401},
		{"/api/v1/actors", aliceToken, 200},
		{"/api/v1/openapi.json", "", 200},
	}
	for _, tt := range tests {
		t.Run(tt.path+"/"+tt.token, func(t *testing.T) {
			resp, body := do(t, "GET", w.base+tt.path, tt.token, "", nil)
			if resp.StatusCode != tt.status {
				t.Errorf("GET %s with %q = %d %s, want %d", tt.path, tt.token, resp.StatusCode, body, tt.status)
			}
		})
	}
}

func TestServer_IngestText(t *testing.T) {
	w := startWritable(t, nil)
	resp, body := postJSON(t, w.base+"/api/v1/documents", aliceToken,
		`{"text":"Blinken met Wang Yi.","source":"https://example.org/r1","meta":{"title":"A readout","date":"2024-03-13","side":"US"}}`)
	if resp.StatusCode != 202 {
		t.Fatalf("POST documents = %d %s, want 202", resp.StatusCode, body)
	}
	j := decodeJob(t, body)
	if loc := resp.Header.Get("Location"); loc != fmt.Sprintf("/api/v1/ingests/%d", j.ID) {
		t.Errorf("Location = %q, want /api/v1/ingests/%d", loc, j.ID)
	}
	if j.Total != 1 || j.By != "alice" || j.CreatedAt.IsZero() || (j.State != server.JobQueued && j.State != server.JobRunning) {
		t.Errorf("new job = %+v, want 1 input by alice, queued", j)
	}
	j = waitJob(t, w.base, j.ID)
	if j.State != server.JobDone || j.Done != 1 || j.Failed != 0 || len(j.Documents) != 1 || j.FinishedAt.IsZero() {
		t.Fatalf("finished job = %+v, want done with one document", j)
	}
	resp, body = get(t, fmt.Sprintf("%s/api/v1/documents/%d", w.base, j.Documents[0]))
	if resp.StatusCode != 200 || !strings.Contains(string(body), "Blinken met Wang Yi.") || !strings.Contains(string(body), "https://example.org/r1") {
		t.Errorf("GET the new document = %d %s", resp.StatusCode, body)
	}
	in := w.ing.inputs[0]
	want := server.Meta{Source: "https://example.org/r1", Title: "A readout", Side: "USA", Date: time.Date(2024, 3, 13, 0, 0, 0, 0, time.UTC)}
	if !in.Text || in.Meta != want {
		t.Errorf("ingester got %+v, want posted text with meta %+v", in, want)
	}
	resp, body = get(t, w.base+"/api/v1/ingests")
	var list struct{ Ingests []server.Job }
	if err := json.Unmarshal(body, &list); err != nil || resp.StatusCode != 200 || len(list.Ingests) != 1 || list.Ingests[0].ID != j.ID {
		t.Errorf("GET ingests = %d %s, want the one job", resp.StatusCode, body)
	}
}

func TestServer_IngestUploadBadFileFailsAlone(t *testing.T) {
	w := startWritable(t, nil)
	ct, body := multipartBody(t, `{"kind":"readout"}`,
		[2]string{"a.txt", "Blinken met Wang Yi."},
		[2]string{"bad.bin", "PK\x03\x04\x00\x00binary"},
		[2]string{"c.html", "<p>Xi met Biden.</p>"})
	resp, b := do(t, "POST", w.base+"/api/v1/documents", aliceToken, ct, body)
	if resp.StatusCode != 202 {
		t.Fatalf("POST upload = %d %s, want 202", resp.StatusCode, b)
	}
	j := waitJob(t, w.base, decodeJob(t, b).ID)
	if j.State != server.JobDone || j.Total != 3 || j.Done != 3 || j.Failed != 1 || len(j.Documents) != 2 {
		t.Fatalf("job = %+v, want done, 3 inputs, 1 failed, 2 documents", j)
	}
	if len(j.Errors) != 1 || j.Errors[0].Input != "bad.bin" || !strings.Contains(j.Errors[0].Message, "binary") {
		t.Errorf("job errors = %+v, want bad.bin: binary file", j.Errors)
	}
	for _, id := range j.Documents {
		if resp, _ := get(t, fmt.Sprintf("%s/api/v1/documents/%d", w.base, id)); resp.StatusCode != 200 {
			t.Errorf("GET document %d = %d", id, resp.StatusCode)
		}
	}
	if k := w.ing.inputs[0].Meta.Kind; k != "readout" {
		t.Errorf("meta kind = %q, want readout on every file", k)
	}
}

func TestServer_IngestAllFailed(t *testing.T) {
	w := startWritable(t, nil)
	ct, body := multipartBody(t, "", [2]string{"bad.bin", "\x00\x01"})
	_, b := do(t, "POST", w.base+"/api/v1/documents", aliceToken, ct, body)
	if j := waitJob(t, w.base, decodeJob(t, b).ID); j.State != server.JobFailed || j.Failed != 1 {
		t.Errorf("job = %+v, want failed", j)
	}
}

func TestServer_WriteBodies(t *testing.T) {
	w := startWritable(t, nil)
	big := `{"text":"` + strings.Repeat("x", 9<<10) + `","source":"s"}`
	ctNoFile, noFile := multipartBody(t, `{"kind":"readout"}`)
	ctBadMeta, badMeta := multipartBody(t, `{"date":"March"}`, [2]string{"a.txt", "x"})
	ctBigFile, bigFile := multipartBody(t, "", [2]string{"a.txt", strings.Repeat("x", 9<<10)})
	tests := []struct {
		name, path, contentType string
		body                    io.Reader
		status                  int
		code                    string
	}{
		{"MalformedJSON", "/api/v1/documents", "application/json", strings.NewReader(`{"text":`), 400, "invalid"},
		{"EmptyBody", "/api/v1/documents", "application/json", strings.NewReader(``), 400, "invalid"},
		{"TrailingData", "/api/v1/documents", "application/json", strings.NewReader(`{"text":"a","source":"s"} {}`), 400, "invalid"},
		{"UnknownField", "/api/v1/documents", "application/json", strings.NewReader(`{"file":"/etc/passwd"}`), 400, "invalid"},
		{"URLAndText", "/api/v1/documents", "", strings.NewReader(`{"url":"https://example.org","text":"a"}`), 400, "invalid"},
		{"NoInput", "/api/v1/documents", "", strings.NewReader(`{"meta":{"kind":"readout"}}`), 400, "invalid"},
		{"FileURL", "/api/v1/documents", "", strings.NewReader(`{"url":"file:///etc/passwd"}`), 400, "invalid"},
		{"BadDate", "/api/v1/documents", "", strings.NewReader(`{"text":"a","meta":{"date":"13/03/2024"}}`), 400, "invalid"},
		{"WrongType", "/api/v1/documents", "text/plain", strings.NewReader(`hello`), 415, "unsupported_media_type"},
		{"UploadNoFile", "/api/v1/documents", ctNoFile, noFile, 400, "invalid"},
		{"UploadBadMeta", "/api/v1/documents", ctBadMeta, badMeta, 400, "invalid"},
		{"UploadTooLarge", "/api/v1/documents", ctBigFile, bigFile, 413, "too_large"},
		{"JSONTooLarge", "/api/v1/documents", "application/json", strings.NewReader(big), 413, "too_large"},
		// Corrections keep the 1 KiB limit of every other body.
		{"CorrectionTooLarge", "/api/v1/corrections", "application/json", strings.NewReader(`{"kind":"meeting","key":"m1","field":"place","value":"` + strings.Repeat("x", 2048) + `"}`), 413, "too_large"},
		{"CorrectionMalformed", "/api/v1/corrections", "application/json", strings.NewReader(`{"kind":`), 400, "invalid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := do(t, "POST", w.base+tt.path, aliceToken, tt.contentType, tt.body)
			if resp.StatusCode != tt.status || errorCode(t, body) != tt.code {
				t.Errorf("POST %s = %d %s, want %d %s", tt.path, resp.StatusCode, body, tt.status, tt.code)
			}
		})
	}
	// A body just under the upload limit is accepted although it is over
	// the general one.
	resp, body := postJSON(t, w.base+"/api/v1/documents", aliceToken, `{"text":"`+strings.Repeat("x", 4<<10)+`","source":"s"}`)
	if resp.StatusCode != 202 {
		t.Errorf("POST 4 KiB text = %d %s, want 202", resp.StatusCode, body)
	}
}

func TestServer_ReadsWhileJobRuns(t *testing.T) {
	w := startWritable(t, nil)
	w.ing.gate = make(chan struct{})
	_, b := postJSON(t, w.base+"/api/v1/documents", aliceToken, `{"text":"Blinken met Wang Yi.","source":"s1"}`)
	id := decodeJob(t, b).ID
	// The worker holds the job at the gate: reads are answered meanwhile.
	deadline := time.Now().Add(5 * time.Second)
	for {
		_, body := get(t, fmt.Sprintf("%s/api/v1/ingests/%d", w.base, id))
		if decodeJob(t, body).State == server.JobRunning {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("job never ran: %s", body)
		}
		time.Sleep(5 * time.Millisecond)
	}
	for _, p := range []string{"/api/v1/events?limit=5", "/api/v1/documents", "/api/v1/meetings", "/api/v1/ingests"} {
		if resp, body := get(t, w.base+p); resp.StatusCode != 200 {
			t.Errorf("GET %s while a job runs = %d %s", p, resp.StatusCode, body)
		}
	}
	w.ing.gate <- struct{}{}
	if j := waitJob(t, w.base, id); j.State != server.JobDone {
		t.Errorf("job = %+v, want done", j)
	}
}

func TestServer_IngestQueueFull(t *testing.T) {
	w := startWritable(t, nil)
	gate := make(chan struct{})
	w.ing.gate = gate
	t.Cleanup(func() { close(gate) }) // lets the queued jobs run out before shutdown
	busy := false
	for i := range server.MaxQueuedJobs + 2 {
		resp, body := postJSON(t, w.base+"/api/v1/documents", aliceToken, fmt.Sprintf(`{"text":"doc %d","source":"s%d"}`, i, i))
		if resp.StatusCode == 503 {
			if errorCode(t, body) != "busy" {
				t.Errorf("503 body %s, want code busy", body)
			}
			busy = true
			break
		}
		if resp.StatusCode != 202 {
			t.Fatalf("POST %d = %d %s", i, resp.StatusCode, body)
		}
	}
	if !busy {
		t.Errorf("%d jobs queued behind a stuck one, want 503 before", server.MaxQueuedJobs+2)
	}
}

func TestServer_Corrections(t *testing.T) {
	w := startWritable(t, nil)
	tests := []struct {
		name, body string
		status     int
	}{
		{"Meeting", `{"kind":"meeting","key":"m1","field":"place","value":"Tianjin","note":"the readout has the wrong city"}`, 201},
		{"ChannelSince", `{"kind":"channel","key":"usa-chn.dtl","field":"since","value":"2023-06-19"}`, 201},
		{"BadField", `{"kind":"meeting","key":"m1","field":"participants","value":"x"}`, 400},
		{"BadKind", `{"kind":"document","key":"1","field":"state","value":"x"}`, 400},
		{"BadDate", `{"kind":"channel","key":"usa-chn.dtl","field":"since","value":"June"}`, 400},
		{"BadStatus", `{"kind":"event","key":"k","field":"status","value":"maybe"}`, 400},
		{"NoKey", `{"kind":"meeting","field":"place","value":"x"}`, 400},
		{"AuthorSpoof", `{"kind":"meeting","key":"m1","field":"place","value":"x","author":"mallory"}`, 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := postJSON(t, w.base+"/api/v1/corrections", aliceToken, tt.body)
			if resp.StatusCode != tt.status {
				t.Fatalf("POST corrections %s = %d %s, want %d", tt.body, resp.StatusCode, body, tt.status)
			}
			if tt.status != 201 {
				return
			}
			var c dyad.Correction
			if err := json.Unmarshal(body, &c); err != nil {
				t.Fatal(err)
			}
			if c.ID == 0 || c.Author != "alice" || c.CreatedAt.IsZero() {
				t.Errorf("created correction = %+v, want an id, author alice and a time", c)
			}
		})
	}
	resp, body := get(t, w.base+"/api/v1/corrections?kind=meeting")
	var list struct{ Corrections []dyad.Correction }
	if err := json.Unmarshal(body, &list); err != nil || resp.StatusCode != 200 || len(list.Corrections) != 1 ||
		list.Corrections[0].Author != "alice" || list.Corrections[0].Note != "the readout has the wrong city" {
		t.Errorf("GET corrections?kind=meeting = %d %s, want alice's meeting correction", resp.StatusCode, body)
	}
	if resp, body := get(t, w.base+"/api/v1/corrections?kind=nope"); resp.StatusCode != 400 {
		t.Errorf("GET corrections?kind=nope = %d %s, want 400", resp.StatusCode, body)
	}
}

func TestServer_Actors(t *testing.T) {
	w := startWritable(t, nil)
	tests := []struct {
		query  string
		status int
		want   []string
	}{
		{"", 200, []string{"USAGOV", "CHNGOV", "CHNMIL"}},
		{"?q=chn", 200, []string{"CHNGOV", "CHNMIL"}},
		{"?q=CHN&limit=1", 200, []string{"CHNGOV"}},
		{"?q=%25", 400, nil},
		{"?limit=-1", 400, nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			resp, body := get(t, w.base+"/api/v1/actors"+tt.query)
			if resp.StatusCode != tt.status {
				t.Fatalf("GET actors%s = %d %s, want %d", tt.query, resp.StatusCode, body, tt.status)
			}
			if tt.status != 200 {
				return
			}
			var out struct{ Actors []server.ActorCount }
			if err := json.Unmarshal(body, &out); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, a := range out.Actors {
				got = append(got, a.Code)
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("GET actors%s = %v, want %v", tt.query, got, tt.want)
			}
		})
	}
}
