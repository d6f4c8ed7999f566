package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

var screenshotDir = flag.String("screenshot", "", "TestDashboardBrowser writes dashboard screenshots (PNG) into this `dir`")

// chromium finds the browser the end-to-end tests drive: $DYAD_CHROMIUM,
// else Debian's chromium on PATH. Without one the test is skipped, except
// under CI, where .ci/run installs it and its absence is a failure.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("DYAD_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no chromium on PATH: .ci/run installs Debian's chromium package for the browser tests")
	}
	t.Skip("no chromium on PATH (apt-get install chromium); skipping the browser test")
	return ""
}

// browser starts headless Chromium with the flags a closed network needs
// and returns a chromedp context; JavaScript dialogs fail the test (a
// script from a document must never run).
func browser(t *testing.T, ctx context.Context) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancel := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancel)
	bctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	err := chromedp.Listen(bctx, func(ev any) {
		if d, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			t.Errorf("a script opened a dialog: %q", d.Message)
			// Commands may not run inside the listener.
			go chromedp.Call(bctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	})
	if err != nil {
		t.Fatalf("listen to chromium: %v", err)
	}
	return bctx
}

// startServer serves a fresh database on a free loopback port and returns
// its URL and an API token for writes.
func startServer(t *testing.T, ctx context.Context) (base, token string) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "e2e.db")
	var out bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: io.Discard, Getenv: func(string) string { return "" }}
	if err := (&TokenCommand{Env: env}).Run(ctx, []string{"create", "--db", db, "--name", "e2e"}); err != nil {
		t.Fatalf("token create: %v", err)
	}
	for _, f := range strings.Fields(out.String()) {
		if strings.HasPrefix(f, "dyad_") {
			token = f
		}
	}
	if token == "" {
		t.Fatalf("token create printed no token: %q", out.String())
	}
	return serveDB(t, ctx, db), token
}

// ingestFiles uploads files through the API and waits for the job.
func ingestFiles(t *testing.T, base, token string, files map[string][]byte) []int64 {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for name, data := range files {
		w, err := mw.CreateFormFile("file", name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, base+"/api/v1/documents", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var job struct {
		ID        int64   `json:"id"`
		State     string  `json:"state"`
		Documents []int64 `json:"documents"`
		Errors    []struct {
			Input, Message string
		} `json:"errors"`
	}
	err = json.NewDecoder(resp.Body).Decode(&job)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusAccepted {
		t.Fatalf("POST /api/v1/documents = %d, %v", resp.StatusCode, err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for job.State != "done" && job.State != "failed" {
		if time.Now().After(deadline) {
			t.Fatalf("ingest job %d still %s after 60 s", job.ID, job.State)
		}
		time.Sleep(100 * time.Millisecond)
		resp, err := http.Get(fmt.Sprintf("%s/api/v1/ingests/%d", base, job.ID))
		if err != nil {
			t.Fatal(err)
		}
		err = json.NewDecoder(resp.Body).Decode(&job)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	if job.State != "done" || len(job.Errors) > 0 {
		t.Fatalf("ingest job %d: %s, errors %v", job.ID, job.State, job.Errors)
	}
	return job.Documents
}

// TestDashboardBrowser is the dashboard's end-to-end test: a real server
// on a free port, documents ingested through the API, and headless
// Chromium loading every page and clicking from the index chart to an
// event and on to its document.
func TestDashboardBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	defer cancel()
	base, token := startServer(t, ctx)
	files := map[string][]byte{}
	paths, _ := filepath.Glob("../../examples/*.txt")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.Base(p)] = data
	}
	files["hostile.txt"] = []byte("title: Hostile <script>alert('title')</script>\ndate: 2023-06-20\nside: US\nkind: readout\n\n" +
		"Secretary Blinken met Wang Yi in Washington. <script>alert('x')</script><img src=x onerror=alert(1)> China urged the United States to stop.\n")
	docs := ingestFiles(t, base, token, files)
	if len(docs) != len(files) {
		t.Fatalf("ingested %d documents, want %d", len(docs), len(files))
	}
	bctx := browser(t, ctx)
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(bctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(bctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return strings.TrimSpace(s)
	}
	// follow clicks a link and waits for the page it opens.
	follow := func(sel string) {
		t.Helper()
		if _, err := chromedp.Run(bctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(chromedp.CSS(sel)))); err != nil {
			t.Fatalf("follow %s: %v", sel, err)
		}
	}
	location := func() string {
		t.Helper()
		loc, err := chromedp.Run(bctx, chromedp.Location())
		if err != nil {
			t.Fatal(err)
		}
		return loc
	}

	// Every page of the navigation loads and says what it is.
	pages := []struct{ path, h1 string }{
		{"/", "Relations index, USA–CHN"},
		{"/timeline", "Timeline"},
		{"/channels", "Channel board, USA–CHN"},
		{"/meetings", "Meetings, USA–CHN"},
		{"/meetings/1", ""},
		{"/commitments", "Commitments, USA–CHN"},
		{"/positions", "Positions per issue"},
		{"/documents", "Documents"},
		{"/brief", ""},
		{"/ingests", "Ingests"},
		{"/search?q=Taiwan", "Search"},
		{"/corrections", "Corrections"},
	}
	for _, p := range pages {
		do("load "+p.path, chromedp.Navigate(base+p.path), chromedp.WaitVisible(chromedp.CSS("main h1")))
		h1 := text("main h1")
		if p.h1 != "" && h1 != p.h1 {
			t.Errorf("%s: h1 = %q, want %q", p.path, h1, p.h1)
		}
		if title, err := chromedp.Run(bctx, chromedp.Title()); err != nil || strings.HasPrefix(title, "Error") {
			t.Errorf("%s: title %q, %v", p.path, title, err)
		}
	}

	// The ingest through the API shows on the ingest page, done, with
	// links to its documents.
	do("ingests", chromedp.Navigate(base+"/ingests"), chromedp.WaitVisible(chromedp.CSS("table.jobs")))
	if state := text("table.jobs tbody tr .job"); state != "done" {
		t.Errorf("ingest page: job state %q, want done", state)
	}
	if n := evalJS[int](t, bctx, `document.querySelectorAll('table.jobs a[href^="/documents/"]').length`); n != len(docs) {
		t.Errorf("ingest page links %d documents, want %d", n, len(docs))
	}

	// A correction posted through the API shows on the meeting it
	// corrects, with who made it.
	key := correctFirstMeeting(t, base, token, "Diaoyutai State Guesthouse")
	do("meeting 1", chromedp.Navigate(base+"/meetings/1"), chromedp.WaitVisible(chromedp.CSS("ul.corrections")))
	if got := text("ul.corrections li"); !strings.Contains(got, "Diaoyutai State Guesthouse") || !strings.Contains(got, "by e2e") {
		t.Errorf("meeting %s: correction shown as %q", key, got)
	}
	do("corrections", chromedp.Navigate(base+"/corrections"), chromedp.WaitVisible(chromedp.CSS("table.corrections")))
	if got := text("table.corrections tbody tr"); !strings.Contains(got, "e2e") || !strings.Contains(got, key) {
		t.Errorf("corrections page: first row %q", got)
	}

	// The index chart: click the busiest period, then its first event,
	// then the document that reported it.
	do("overview", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.ID("index-chart")))
	periods := evalJS[int](t, bctx, `document.querySelectorAll('#index-chart a.period').length`)
	label := evalJS[string](t, bctx, `(() => { let best = null;
		for (const a of document.querySelectorAll('#index-chart a.period')) {
			if (!best || +a.dataset.events > +best.dataset.events) best = a; }
		best.id = 'busiest'; return best.dataset.period; })()`)
	if periods == 0 || label == "" {
		t.Fatalf("index chart has %d periods, busiest %q", periods, label)
	}
	follow("#busiest")
	if h1, loc := text("main h1"), location(); h1 != "Events behind "+label || !strings.Contains(loc, "period="+label) {
		t.Fatalf("after clicking period %s: h1 %q at %s", label, h1, loc)
	}
	follow("a.event-link")
	eventTitle, quote := text("main h1"), text("ol.reports li q")
	if !strings.HasPrefix(eventTitle, "Event ") || quote == "" {
		t.Errorf("event page: h1 %q, quote %q", eventTitle, quote)
	}
	follow("a.doc-link")
	// The document opens at the reporting sentence, which carries the
	// event's tag and its highlighted verb.
	_, anchor, _ := strings.Cut(location(), "#")
	if !strings.HasPrefix(anchor, "s") {
		t.Fatalf("document link has no sentence anchor: %s", location())
	}
	if sentence := text("#" + anchor); sentence != quote {
		t.Errorf("document at #%s shows %q, want the event's sentence %q", anchor, sentence, quote)
	}
	if marks := evalJS[int](t, bctx, `document.querySelectorAll('article.doctext mark.verb').length`); marks == 0 {
		t.Error("document page highlights no verb")
	}
	t.Logf("index chart (%d periods) → period %s → %s → %s", periods, label, eventTitle, location())

	// Script in a document is text, never markup; no dialog opens (the
	// listener in browser fails the test if one does).
	hostile := int64(0)
	for _, id := range docs {
		do("document", chromedp.Navigate(fmt.Sprintf("%s/documents/%d", base, id)))
		if title, _ := chromedp.Run(bctx, chromedp.Title()); strings.Contains(title, "Hostile") {
			hostile = id
		}
	}
	if hostile == 0 {
		t.Fatal("the hostile document is not among the ingested ones")
	}
	do("hostile document", chromedp.Navigate(fmt.Sprintf("%s/documents/%d", base, hostile)), chromedp.WaitVisible(chromedp.CSS("article.doctext")))
	if body := text("article.doctext"); !strings.Contains(body, "<script>alert('x')</script>") {
		t.Errorf("hostile document: text %q lacks the script as text", body)
	}
	if n := evalJS[int](t, bctx, `document.querySelectorAll('main script, main img').length`); n != 0 {
		t.Errorf("hostile document: %d script or img elements in the page", n)
	}

	// Without JavaScript the overview still reads: the chart is SVG and
	// the table beside it lists every period with a link.
	if _, err := chromedp.Call(bctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	do("overview without JavaScript", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS("table.periods")))
	rows, err := chromedp.Run(bctx, chromedp.Nodes(chromedp.CSSAll("table.periods tbody tr")))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != periods {
		t.Errorf("without JavaScript: %d table rows, want %d periods", len(rows), periods)
	}
	if _, err := chromedp.Call(bctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: false}); err != nil {
		t.Fatal(err)
	}

	// Keyboard: the skip link is the first stop and leads to the content.
	do("timeline", chromedp.Navigate(base+"/timeline"), chromedp.WaitVisible(chromedp.CSS("main h1")), chromedp.KeyEvent("\t"))
	if focused := evalJS[string](t, bctx, `document.activeElement.textContent`); focused != "Skip to content" {
		t.Errorf("first Tab focuses %q, want the skip link", focused)
	}

	if *screenshotDir != "" {
		for name, path := range map[string]string{"dashboard.png": "/", "dashboard-document.png": fmt.Sprintf("/documents/%d", docs[0])} {
			do("screenshot "+path, chromedp.Navigate(base+path), chromedp.WaitVisible(chromedp.CSS("main h1")))
			png, err := chromedp.Run(bctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(*screenshotDir, name), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// correctFirstMeeting sets the place of the first meeting through the API
// and returns the meeting's key.
func correctFirstMeeting(t *testing.T, base, token, place string) string {
	t.Helper()
	resp, err := http.Get(base + "/api/v1/meetings")
	if err != nil {
		t.Fatal(err)
	}
	var meetings struct {
		Meetings []struct {
			ID  int    `json:"id"`
			Key string `json:"key"`
		} `json:"meetings"`
	}
	err = json.NewDecoder(resp.Body).Decode(&meetings)
	resp.Body.Close()
	if err != nil || len(meetings.Meetings) == 0 || meetings.Meetings[0].ID != 1 {
		t.Fatalf("GET /api/v1/meetings: %v, %+v", err, meetings)
	}
	key := meetings.Meetings[0].Key
	body, _ := json.Marshal(map[string]string{"kind": "meeting", "key": key, "field": "place", "value": place, "note": "browser test"})
	req, _ := http.NewRequest(http.MethodPost, base+"/api/v1/corrections", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("POST /api/v1/corrections = %d", resp.StatusCode)
	}
	return key
}

// evalJS evaluates a JavaScript expression in the page.
func evalJS[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}
