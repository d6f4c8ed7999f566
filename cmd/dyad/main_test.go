package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/shared"
	"github.com/dyad-dev/dyad/internal/sqlite"
)

// runCmd runs the command line args with the given stdin and returns
// stdout, stderr and the error.
func runCmd(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}
	err := run(context.Background(), args, env)
	return out.String(), errOut.String(), err
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const readout = `source: https://example.org/readout-1
publisher: Example Ministry
date: 2024-03-12
kind: readout
side: US

Secretary of State Antony J. Blinken met with Foreign Minister Wang Yi in Washington on Monday.

The Secretary stressed the importance of keeping lines of communication open. The two sides agreed to hold further talks.
`

func TestCode_JSONLines(t *testing.T) {
	out, _, err := runCmd(t, readout, "code", "-")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) == 0 || lines[0] == "" {
		t.Fatal("code printed no events")
	}
	text := readout[strings.Index(readout, "\n\n")+2:]
	text = strings.TrimSpace(text)
	found := false
	for _, l := range lines {
		var r map[string]any
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("line %q is not JSON: %v", l, err)
		}
		for _, k := range []string{"sentence", "span", "text", "source", "target", "cameo", "plover", "mode", "status", "date", "date_end", "date_precision", "goldstein", "issues"} {
			if _, ok := r[k]; !ok {
				t.Errorf("line lacks field %q: %s", k, l)
			}
		}
		span := r["span"].([]any)
		s, e := int(span[0].(float64)), int(span[1].(float64))
		if got := text[s:e]; got != r["text"] {
			t.Errorf("span [%d,%d] slices %q, want the sentence %q", s, e, got, r["text"])
		}
		src := r["source"].(map[string]any)
		if src["person"] == "Antony Blinken" && r["date"] == "2024-03-11" && strings.HasPrefix(r["cameo"].(string), "04") {
			found = true
		}
	}
	if !found {
		t.Errorf("no meeting by Blinken dated Monday 2024-03-11 in:\n%s", out)
	}
}

func TestCode_DateFlagOverridesHeader(t *testing.T) {
	out, _, err := runCmd(t, readout, "code", "--date", "2024-04-02", "-")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, `"date":"2024-04-01"`) {
		t.Errorf("with --date 2024-04-02 the Monday meeting should be 2024-04-01:\n%s", out)
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"UnknownCommand", []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"BadDate", []string{"code", "--date", "19 June", "-"}, "invalid --date"},
		{"BadDyad", []string{"code", "--dyad", "USA", "-"}, "invalid --dyad"},
		{"NoDB", []string{"events", "--db", filepath.Join(dir, "none.db")}, "no database at"},
		{"BadStatus", []string{"events", "--status", "maybe"}, "invalid --status"},
		{"IngestNothing", []string{"ingest", "--db", filepath.Join(dir, "x.db")}, "at least one PATH"},
		{"BadFormat", []string{"export", "--db", filepath.Join(dir, "x.db"), "--format", "xls"}, "no database at"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := runCmd(t, "", tt.args...)
			if err == nil || !strings.Contains(message(err), tt.want) {
				t.Errorf("run(%q) = %v, want an error containing %q", tt.args, err, tt.want)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	for _, cmd := range []string{"demo", "ingest", "code", "events", "search", "docs", "stats", "export"} {
		t.Run(cmd, func(t *testing.T) {
			_, stderr, err := runCmd(t, "", cmd, "-h")
			if !errors.Is(err, flag.ErrHelp) {
				t.Fatalf("%s -h = %v, want flag.ErrHelp", cmd, err)
			}
			if !strings.Contains(stderr, "Usage: dyad "+cmd) {
				t.Errorf("%s -h printed %q, want a usage line", cmd, stderr)
			}
		})
	}
	out, _, err := runCmd(t, "", "help")
	if err != nil || !strings.Contains(out, "Commands:") {
		t.Errorf("help = %v, %q", err, out)
	}
}

// TestIngest_BadInputs ingests a folder with good and bad files: the good
// ones are stored, each bad one is reported by name, the exit says some
// failed, and the database stays consistent.
func TestIngest_BadInputs(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeFile(t, in, "a-readout.txt", readout)
	writeFile(t, in, "b-binary.txt", "\x00\x01\x02ELF\x00\x00")
	writeFile(t, in, "c-empty.txt", "  \n\n")
	writeFile(t, in, "d-invalid.txt", "Blinken met Wang \xff\xfe in Beijing.")
	writeFile(t, in, "e-broken.pdf", "%PDF-1.4\n1 0 obj <<>> garbage")
	writeFile(t, in, "f-feed.xml", "<rss><channel><item><title>Not closed")
	writeFile(t, in, "g-news.html", `<html><head><title>Talks</title><meta property="article:published_time" content="2024-05-02"></head>
<body><nav>Home | About</nav><article><h1>Talks in Beijing</h1><p>Chinese Defense Minister Dong Jun held a video call with Secretary of Defense Lloyd Austin on Thursday.</p><script>alert(1)</script></article><footer>Copyright</footer></body></html>`)
	db := filepath.Join(dir, "t.db")

	out, stderr, err := runCmd(t, "", "ingest", "--db", db, "--quiet", in)
	if !errors.Is(err, errPartial) {
		t.Fatalf("ingest = %v, want errPartial; stderr:\n%s", err, stderr)
	}
	for _, name := range []string{"b-binary.txt", "c-empty.txt", "d-invalid.txt", "e-broken.pdf", "f-feed.xml"} {
		if !strings.Contains(stderr, name) {
			t.Errorf("stderr does not name %s:\n%s", name, stderr)
		}
	}
	if !strings.Contains(out, "2 documents new") || !strings.Contains(out, "5 failed") {
		t.Errorf("summary = %q, want 2 new and 5 failed", out)
	}

	// URLs that cannot be fetched fail by name; the rest goes on.
	_, stderr, err = runCmd(t, "", "ingest", "--db", db, "--quiet", "ftp://example.org/x.txt", "http://127.0.0.1:1/none", filepath.Join(in, "a-readout.txt"))
	if !errors.Is(err, errPartial) || !strings.Contains(stderr, `unsupported URL scheme "ftp"`) || !strings.Contains(stderr, "http://127.0.0.1:1/none") {
		t.Errorf("bad URLs = %v:\n%s", err, stderr)
	}
	if strings.Count(stderr, "ftp://example.org/x.txt") != 1 {
		t.Errorf("the failed input should be named once:\n%s", stderr)
	}

	// Idempotent: again, nothing new.
	out, _, _ = runCmd(t, "", "ingest", "--db", db, "--quiet", filepath.Join(in, "a-readout.txt"), filepath.Join(in, "g-news.html"))
	if !strings.Contains(out, "0 documents new") || !strings.Contains(out, "2 unchanged") {
		t.Errorf("second ingest summary = %q, want 0 new, 2 unchanged", out)
	}

	sdb := sqlite.NewDB(db)
	if err := sdb.Open(); err != nil {
		t.Fatal(err)
	}
	defer sdb.Close()
	if err := sdb.IntegrityCheck(t.Context()); err != nil {
		t.Errorf("IntegrityCheck after a batch with failures: %v", err)
	}

	// The HTML page lost its chrome and kept its date.
	out, _, err = runCmd(t, "", "docs", "--db", db)
	if err != nil || !strings.Contains(out, "2024-05-02") || !strings.Contains(out, "2 documents") {
		t.Errorf("docs = %v:\n%s", err, out)
	}
	out, _, err = runCmd(t, "", "search", "--db", db, "video call")
	if err != nil || !strings.Contains(out, "1 hits") {
		t.Errorf("search = %v:\n%s", err, out)
	}
	out, _, err = runCmd(t, "", "search", "--db", db, "Copyright")
	if err != nil || !strings.Contains(out, "0 hits") {
		t.Errorf("search for footer text = %v:\n%s (page chrome must not be stored)", err, out)
	}
}

// TestDemo runs the quick-start command and the query commands on its
// database.
func TestDemo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	out, stderr, err := runCmd(t, "", "demo", "--db", db)
	if err != nil {
		t.Fatalf("demo = %v\n%s", err, stderr)
	}
	if !strings.Contains(out, "5 documents new") || !strings.Contains(out, "Antony Blinken") {
		t.Errorf("demo output lacks the summary or Blinken:\n%s", out)
	}
	out2, _, err := runCmd(t, "", "demo", "--db", db)
	if err != nil || !strings.Contains(out2, "5 unchanged") {
		t.Errorf("second demo = %v, want 5 unchanged:\n%s", err, out2)
	}

	out, _, err = runCmd(t, "", "events", "--db", db, "--actor", "Wang Yi", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var r struct {
			Source, Target *struct{ Person string }
			Sources        []struct{ Document string }
		}
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("events json line %q: %v", l, err)
		}
		if (r.Source == nil || r.Source.Person != "Wang Yi") && (r.Target == nil || r.Target.Person != "Wang Yi") {
			t.Errorf("--actor 'Wang Yi' returned an event without him: %s", l)
		}
		if len(r.Sources) == 0 || r.Sources[0].Document == "" {
			t.Errorf("event without its source document: %s", l)
		}
		n++
	}
	if n == 0 {
		t.Error("no events with Wang Yi in the demo")
	}

	for _, f := range []string{"gdelt", "icews", "plover", "csv", "jsonl"} {
		out, _, err := runCmd(t, "", "export", "--db", db, "--format", f)
		if err != nil || len(out) == 0 {
			t.Errorf("export --format %s = %v, %d bytes", f, err, len(out))
		}
		if f == "gdelt" {
			for _, row := range strings.Split(strings.TrimSpace(out), "\n") {
				if n := len(strings.Split(row, "\t")); n != 61 {
					t.Fatalf("gdelt row has %d columns, want 61: %q", n, row)
				}
			}
		}
	}
	out, _, err = runCmd(t, "", "stats", "--db", db)
	if err != nil || !strings.Contains(out, "documents      5") {
		t.Errorf("stats = %v:\n%s", err, out)
	}
}

// TestCode_Corpus codes the development corpus and checks the facts an
// analyst would list (issue: the countermeasures statement yields
// cancellations and suspensions by China against the United States).
func TestCode_Corpus(t *testing.T) {
	dir := shared.Path(t, "corpus")
	out, _, err := runCmd(t, "", "code", filepath.Join(dir, "07-cn-mfa-countermeasures-pelosi-visit.txt"))
	if err != nil {
		t.Fatal(err)
	}
	counts := map[dyad.Status]int{}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var r struct {
			Status dyad.Status
			Source struct{ Country string }
			Target *struct{ Country string }
		}
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatal(err)
		}
		if r.Status == dyad.StatusCancelled || r.Status == dyad.StatusSuspended {
			if r.Source.Country != "CHN" || r.Target == nil || r.Target.Country != "USA" {
				t.Errorf("%s event not CHN -> USA: %s", r.Status, l)
			}
			counts[r.Status]++
		}
	}
	if counts[dyad.StatusCancelled] < 3 || counts[dyad.StatusSuspended] < 5 {
		t.Errorf("countermeasures: %d cancelled, %d suspended; want the 3 cancelled dialogues and 5 suspended kinds of cooperation:\n%s",
			counts[dyad.StatusCancelled], counts[dyad.StatusSuspended], out)
	}
}
