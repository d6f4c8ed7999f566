package ingest_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/ingest"
)

var update = flag.Bool("update", false, "rewrite testdata/**/*.golden from current output")

// goldenDoc renders the fields of a document that a golden file checks.
func goldenDoc(d *dyad.Document) string {
	date := ""
	if !d.Date.IsZero() {
		date = d.Date.Format("2006-01-02")
	}
	return fmt.Sprintf("source: %s\ntitle: %s\npublisher: %s\ndate: %s\nlang: %s\nformat: %s\n---\n%s\n",
		d.Source, d.Title, d.Publisher, date, d.Lang, d.Format, d.Text)
}

// TestParse_HTMLGolden extracts each testdata/html/*.html page and compares
// metadata and text with its .golden file.
func TestParse_HTMLGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "html", "*.html"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no HTML fixtures: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			docs, err := ingest.NewReader().Parse(filepath.Base(file), data, ingest.Meta{})
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			got := goldenDoc(docs[0])
			golden := strings.TrimSuffix(file, ".html") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(want) {
				t.Errorf("Parse(%s) =\n%s\nwant\n%s", file, got, want)
			}
		})
	}
}

func TestParse_HTML(t *testing.T) {
	tests := []struct {
		name, in string
		want     string
	}{
		{"Paragraphs", "<p>One.</p><p>Two.</p>", "One.\n\nTwo."},
		{"HeadingOwnParagraph", "<h2>Head</h2>Text <b>bold</b>text.", "Head\n\nText boldtext."},
		{"Whitespace", "<p>  a \n\t b  </p>", "a b"},
		{"Entities", "<p>A&amp;B &lt;C&gt; &#8220;q&#8221; caf&eacute;</p>", "A&B <C> “q” café"},
		{"BR", "<p>line one<br>line two<br/><br>para</p>", "line one\nline two\n\npara"},
		{"Lists", "<ul><li>a<li>b</ul>", "a\n\nb"},
		{"ScriptStyle", "<p>x</p><script>var a = '<p>no</p>';</script><style>p{}</style><p>y</p>", "x\n\ny"},
		{"Hidden", `<p>x</p><div hidden>no</div><span aria-hidden="true">no</span><p>y</p>`, "x\n\ny"},
		{"NavClass", `<div class="nav-menu">no</div><div id="breadcrumb">no</div><p>text</p>`, "text"},
		{"MainContentKept", `<div class="main-content has-sidebar"><p>text</p></div>`, "text"},
		{"UnclosedP", "<p>one<p>two<div>three</div>", "one\n\ntwo\n\nthree"},
		{"StrayEndTags", "</div></p>text</span>", "text"},
		{"Pre", "<pre>a\n  b\n\nc</pre>", "a\n  b\n\nc"},
		{"TableCells", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a\nb\n\nc"},
		{"Comment", "<p>a<!-- hidden --> b</p>", "a b"},
		{"BadEntities", "<p>&#0;&#xD800;&bogus;x</p>", "\uFFFD\uFFFD&bogus;x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parseOne(t, "x.html", tt.in, ingest.Meta{})
			if d.Text != tt.want {
				t.Errorf("Parse(%q).Text = %q, want %q", tt.in, d.Text, tt.want)
			}
		})
	}
}

func TestParse_HTMLMetadata(t *testing.T) {
	tests := []struct {
		name, in                   string
		title, publisher, wantDate string
	}{
		{"TitleTag", "<title>Readout of the Call | Example Ministry</title><p>x</p>", "Readout of the Call", "", ""},
		{"H1Fallback", "<h1>Headline</h1><p>x</p>", "Headline", "", ""},
		{"OGBeatsTitle", `<title>T</title><meta property="og:title" content="OG"><p>x</p>`, "OG", "", ""},
		{"MetaDate", `<meta name="date" content="2023-06-19"><p>x</p>`, "", "", "2023-06-19"},
		{"PubdateLongForm", `<meta name="pubdate" content="June 19, 2023"><p>x</p>`, "", "", "2023-06-19"},
		{"TimeElement", `<p><time datetime="2022-08-05T10:00:00+08:00">Aug 5</time> x</p>`, "", "", "2022-08-05"},
		{"JSONLD", `<script type="application/ld+json">{"datePublished":"2023-02-03"}</script><p>x</p>`, "", "", "2023-02-03"},
		{"ArticleBeatsTime", `<meta property="article:published_time" content="2023-10-26"><time datetime="2020-01-01"></time><p>x</p>`, "", "", "2023-10-26"},
		{"BadDateIgnored", `<meta name="date" content="someday"><p>x</p>`, "", "", ""},
		{"Publisher", `<meta name="author" content="Press Office"><meta property="og:site_name" content="Site"><p>x</p>`, "", "Press Office", ""},
		{"SVGTitleIgnored", `<svg><title>icon</title></svg><h1>Real</h1><p>x</p>`, "Real", "", ""},
		{"EmptyTitleDoesNotSwallowText", `<title></title><h1>Head</h1><p>x</p>`, "Head", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parseOne(t, "x.html", tt.in, ingest.Meta{})
			date := ""
			if !d.Date.IsZero() {
				date = d.Date.Format("2006-01-02")
			}
			if d.Title != tt.title || d.Publisher != tt.publisher || date != tt.wantDate {
				t.Errorf("Parse(%q) title, publisher, date = %q, %q, %q, want %q, %q, %q",
					tt.in, d.Title, d.Publisher, date, tt.title, tt.publisher, tt.wantDate)
			}
		})
	}
}

func TestParse_HTMLHostile(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // a substring of the text
	}{
		{"DeepNesting", strings.Repeat("<div>", 20000) + "deep text" + strings.Repeat("</div>", 20000), "deep text"},
		{"DeepUnclosed", strings.Repeat("<span><b>", 10000) + "unclosed", "unclosed"},
		{"EmptyFlood", strings.Repeat("<div></div>", 50000) + "<p>after flood</p>", "after flood"},
		{"ManyAttributes", "<p " + strings.Repeat(`a="b" `, 20000) + ">attrs</p>", "attrs"},
		{"HugeAttribute", `<p title="` + strings.Repeat("x", 5<<20) + `">big</p><p>next</p>`, ""},
		{"UnterminatedComment", "<p>kept</p><!-- " + strings.Repeat("x", 1000), "kept"},
		{"UnterminatedTag", "<p>kept</p><div class='" + strings.Repeat("x", 1000), "kept"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := ingest.NewReader().Parse("hostile.html", []byte(tt.in), ingest.Meta{})
			if err != nil {
				if tt.want != "" {
					t.Fatalf("Parse: %v", err)
				}
				return
			}
			if !strings.Contains(docs[0].Text, tt.want) || !utf8.ValidString(docs[0].Text) {
				t.Errorf("Parse(%s).Text = %.100q, want it to contain %q", tt.name, docs[0].Text, tt.want)
			}
		})
	}
}

// FuzzHTML checks that HTML extraction never panics and that its text is
// valid, normalised UTF-8.
func FuzzHTML(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "html", "*.html"))
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("<p>a<br>b</p><div><p>c</div></p>"))
	f.Add([]byte("<svg><p>x</svg><title>t</title><pre>\r\n a</pre>"))
	r := ingest.NewReader()
	r.MaxDepth = 16
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := r.Parse("f.html", data, ingest.Meta{})
		if err != nil {
			if dyad.ErrorCode(err) == dyad.EINTERNAL {
				t.Fatalf("Parse: internal error %v", err)
			}
			return
		}
		checkDoc(t, docs[0])
	})
}

// checkDoc checks the invariants of every document: valid UTF-8, "\n" line
// ends, no leading or trailing blank lines, not empty, title valid.
func checkDoc(t *testing.T, d *dyad.Document) {
	t.Helper()
	if !utf8.ValidString(d.Text) || !utf8.ValidString(d.Title) || !utf8.ValidString(d.Publisher) {
		t.Fatalf("invalid UTF-8 in %+v %q", d, d.Text)
	}
	if strings.ContainsRune(d.Text, '\r') {
		t.Fatalf("Text has \\r: %q", d.Text)
	}
	if strings.TrimSpace(d.Text) == "" {
		t.Fatalf("Text is empty")
	}
	if strings.HasPrefix(d.Text, "\n") || strings.HasSuffix(d.Text, "\n") || strings.Contains(d.Text, "\n\n\n") {
		t.Fatalf("Text is not normalised: %q", d.Text)
	}
	if len(d.Hash) != 64 || d.Source == "" || d.Format == "" {
		t.Fatalf("fields missing: %+v", d)
	}
}

func BenchmarkParse_HTML(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "html", "state-readout.html"))
	if err != nil {
		b.Fatal(err)
	}
	// A page of realistic size: the fixture's body repeated.
	page := strings.Replace(string(data), "<p>The two sides agreed", strings.Repeat("<p>The Secretary emphasized the importance of maintaining open channels of communication across the full range of issues.</p>\n", 200)+"<p>The two sides agreed", 1)
	r := ingest.NewReader()
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Parse("bench.html", []byte(page), ingest.Meta{}); err != nil {
			b.Fatal(err)
		}
	}
}
