package ingest_test

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/ingest"
	"github.com/dyad-dev/dyad/internal/shared"
)

func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func parseOne(t *testing.T, name, in string, over ingest.Meta) *dyad.Document {
	t.Helper()
	docs, err := ingest.NewReader().Parse(name, []byte(in), over)
	if err != nil {
		t.Fatalf("Parse(%q, %q): %v", name, in, err)
	}
	if len(docs) != 1 {
		t.Fatalf("Parse(%q, %q) = %d documents, want 1", name, in, len(docs))
	}
	return docs[0]
}

func TestParse_Header(t *testing.T) {
	type fields struct {
		Source, Title, Publisher, Kind, Side, Lang string
		Date                                       time.Time
		Meta                                       map[string]string
		Text                                       string
	}
	tests := []struct {
		name string
		in   string
		over ingest.Meta
		want fields
	}{
		{
			name: "Full",
			in: "source: https://example.gov/readout\npublisher: Office of the Spokesperson\ndate: 2023-06-19\n" +
				"kind: readout\nside: US\ncompleteness: full\nnote: banner removed\n\nThe Secretary met the Director.\n",
			want: fields{Source: "https://example.gov/readout", Publisher: "Office of the Spokesperson",
				Kind: "readout", Side: "USA", Lang: "en", Date: day(2023, 6, 19),
				Meta: map[string]string{"completeness": "full", "note": "banner removed"},
				Text: "The Secretary met the Director."},
		},
		{
			name: "SourceWithComment",
			in:   "source: http://example.cn/n3/1.html (wire dispatch \"A meets B\")\nside: CN\n\nText.",
			want: fields{Source: "http://example.cn/n3/1.html", Side: "CHN", Lang: "en",
				Meta: map[string]string{"source_note": "(wire dispatch \"A meets B\")"}, Text: "Text."},
		},
		{
			name: "LongDate",
			in:   "date: June 19, 2023\ntitle: A Title\n\nBody.",
			want: fields{Source: "doc.txt", Title: "A Title", Date: day(2023, 6, 19), Lang: "en", Text: "Body."},
		},
		{
			name: "DayMonthYear",
			in:   "date: 5 August 2022\n\nBody.",
			want: fields{Source: "doc.txt", Date: day(2022, 8, 5), Lang: "en", Text: "Body."},
		},
		{
			name: "RFC3339KeepsLocalDay",
			in:   "date: 2023-10-26T23:52:00-04:00\n\nBody.",
			want: fields{Source: "doc.txt", Date: day(2023, 10, 26), Lang: "en", Text: "Body."},
		},
		{
			name: "UnknownKeysOnlyIsNotHeader",
			in:   "foo: bar\nbaz: qux\n\nBody.",
			want: fields{Source: "doc.txt", Lang: "en", Text: "foo: bar\nbaz: qux\n\nBody."},
		},
		{
			name: "ProseLineIsNotHeader",
			in:   "Note: the following is attributable to the spokesperson\n\nBody.",
			want: fields{Source: "doc.txt", Lang: "en", Text: "Note: the following is attributable to the spokesperson\n\nBody."},
		},
		{
			name: "MixedLinesIsNotHeader",
			in:   "date: 2023-06-19\nThe two sides met.\n\nBody.",
			want: fields{Source: "doc.txt", Lang: "en", Text: "date: 2023-06-19\nThe two sides met.\n\nBody."},
		},
		{
			name: "URLLineIsNotHeader",
			in:   "source: x\nhttps://example.gov/\n\nBody.",
			want: fields{Source: "doc.txt", Lang: "en", Text: "source: x\nhttps://example.gov/\n\nBody."},
		},
		{
			name: "CommandLineOverrides",
			in:   "source: https://example.gov/a\ndate: 2023-06-19\nside: US\nkind: readout\nlang: en\n\nBody.",
			over: ingest.Meta{Source: "https://example.gov/b", Side: "CN", Kind: "statement", Date: day(2024, 1, 2), Lang: "fr", Title: "T", Publisher: "P"},
			want: fields{Source: "https://example.gov/b", Title: "T", Publisher: "P", Kind: "statement", Side: "CHN",
				Lang: "fr", Date: day(2024, 1, 2), Text: "Body."},
		},
		{
			name: "CRLFHeader",
			in:   "\ufeffdate: 2023-02-03\r\nside: PRC\r\n\r\n\r\n\r\nBody line.\r\nSecond line.\r\n",
			want: fields{Source: "doc.txt", Side: "CHN", Lang: "en", Date: day(2023, 2, 3), Text: "Body line.\nSecond line."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parseOne(t, "doc.txt", tt.in, tt.over)
			got := fields{d.Source, d.Title, d.Publisher, d.Kind, d.Side, d.Lang, d.Date, d.Meta, d.Text}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Parse(%q) =\n%+v\nwant\n%+v", tt.in, got, tt.want)
			}
			sum := sha256.Sum256([]byte(d.Text))
			if d.Hash != hex.EncodeToString(sum[:]) {
				t.Errorf("Hash = %s, want SHA-256 of Text", d.Hash)
			}
			if d.Format != "txt" || d.Version != 0 {
				t.Errorf("Format, Version = %q, %d, want txt, 0", d.Format, d.Version)
			}
		})
	}
}

func TestParse_BadHeaderDate(t *testing.T) {
	_, err := ingest.NewReader().Parse("notes/a.txt", []byte("\n\nsource: x\ndate: 19/06/2023\n\nBody."), ingest.Meta{})
	if err == nil {
		t.Fatal("Parse with a bad header date succeeded")
	}
	msg := dyad.ErrorMessage(err)
	if dyad.ErrorCode(err) != dyad.EINVALID || !strings.Contains(msg, "notes/a.txt:4:") || !strings.Contains(msg, "19/06/2023") {
		t.Errorf("error = %v, want EINVALID naming notes/a.txt:4 and the date", err)
	}
}

func TestParse_Normalise(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"Plain", "One line.", "One line."},
		{"BOM", "\ufeffText.", "Text."},
		{"CRLF", "a\r\nb\r\n", "a\nb"},
		{"CR", "a\rb\r\rc", "a\nb\n\nc"},
		{"LeadingTrailingBlank", "\n \n\t\nText.\n\n  \n", "Text."},
		{"CollapseBlankRuns", "a\n\n\n\n\nb\n \n\t\nc", "a\n\nb\n\nc"},
		{"KeepsIndentAndNBSP", "  a\u00a0b\n    c", "  a\u00a0b\n    c"},
		{"TrailingSpaceAtEnd", "a  \n\n", "a"},
		{"ZhLang", "中美双方同意继续沟通。", "中美双方同意继续沟通。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parseOne(t, "x.txt", tt.in, ingest.Meta{})
			if d.Text != tt.want {
				t.Errorf("Parse(%q).Text = %q, want %q", tt.in, d.Text, tt.want)
			}
		})
	}
}

func TestParse_Lang(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"The Secretary met Wang Yi.", "en"},
		{"王毅会见布林肯。Wang Yi met Blinken.", "zh"},
		{"Wang Yi (王毅) met Secretary Blinken in Beijing on Monday to discuss bilateral ties.", "en"},
		{"12345", "en"},
	}
	for _, tt := range tests {
		if got := parseOne(t, "x.txt", tt.in, ingest.Meta{}).Lang; got != tt.want {
			t.Errorf("Parse(%q).Lang = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParse_Rejects(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		code string
		want string // in the message
	}{
		{"Empty", nil, dyad.EINVALID, "empty document"},
		{"Whitespace", []byte(" \n\t\r\n \u00a0\n"), dyad.EINVALID, "empty document"},
		{"HeaderOnly", []byte("date: 2023-06-19\nside: US\n\n\n"), dyad.EINVALID, "empty document"},
		{"InvalidUTF8", []byte("abc\xffdef"), dyad.EINVALID, "invalid UTF-8 at byte offset 3"},
		{"InvalidUTF8AfterBOM", []byte("\ufeffab\xc3("), dyad.EINVALID, "invalid UTF-8 at byte offset 5"},
		{"NUL", []byte("ab\x00cd"), dyad.EINVALID, "binary data (NUL byte at offset 2)"},
		{"UTF16", []byte{0xff, 0xfe, 'a', 0, 'b', 0}, dyad.EINVALID, "binary data"},
		{"Controls", []byte("a\x01\x02\x03\x04b"), dyad.EINVALID, "control characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := ingest.NewReader().Parse("in/x.txt", tt.in, ingest.Meta{})
			if err == nil {
				t.Fatalf("Parse(%q) = %d docs, want error", tt.in, len(docs))
			}
			msg := dyad.ErrorMessage(err)
			if dyad.ErrorCode(err) != tt.code || !strings.HasPrefix(msg, "ingest: in/x.txt: ") || !strings.Contains(msg, tt.want) {
				t.Errorf("Parse(%q) error = %v, want %s containing %q", tt.in, err, tt.code, tt.want)
			}
		})
	}
}

func TestParse_TooLarge(t *testing.T) {
	r := ingest.NewReader()
	r.MaxBytes = 10
	_, err := r.Parse("big.txt", []byte("0123456789A"), ingest.Meta{})
	if dyad.ErrorCode(err) != dyad.ETOOLARGE || !strings.Contains(dyad.ErrorMessage(err), "big.txt: 11 bytes") {
		t.Errorf("Parse(11 bytes, MaxBytes 10) error = %v, want ETOOLARGE naming big.txt and 11 bytes", err)
	}
}

func TestParse_Format(t *testing.T) {
	const page = "<!DOCTYPE html><html><head><title>Page</title></head><body><p>Hello there.</p></body></html>"
	const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><item><title>Item</title><description>Hello.</description></item></channel></rss>`
	const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry><title>E</title><content>Hello.</content></entry></feed>`
	tests := []struct {
		name, file, in, want string
	}{
		{"TxtExt", "a.txt", "Hello.", "txt"},
		{"TextExt", "a.text", "Hello.", "txt"},
		{"MdExt", "a.MD", "# Hello", "txt"},
		{"TxtExtKeepsMarkup", "a.txt", page, "txt"},
		{"HTMLExt", "a.html", "<p>Hello.</p>", "html"},
		{"HTMExt", "a.htm", "Hello.", "html"},
		{"XHTMLExt", "a.xhtml", page, "html"},
		{"SniffHTML", "download", page, "html"},
		{"SniffHTMLFragment", "noext", "  <div><p>Hello.</p></div>", "html"},
		{"SniffText", "README", "Hello <world>.", "txt"},
		{"SniffTextAngle", "x", "<3 this", "txt"},
		{"RSSExt", "a.rss", rss, "rss"},
		{"XMLExtRSS", "a.xml", rss, "rss"},
		{"SniffRSS", "feed", rss, "rss"},
		{"AtomExt", "a.atom", atom, "atom"},
		{"SniffAtom", "feed", atom, "atom"},
		{"UnknownExtSniffs", "page.php", page, "html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := ingest.NewReader().Parse(tt.file, []byte(tt.in), ingest.Meta{})
			if err != nil {
				t.Fatalf("Parse(%q, %q): %v", tt.file, tt.in, err)
			}
			if got := docs[0].Format; got != tt.want {
				t.Errorf("Parse(%q, %q).Format = %q, want %q", tt.file, tt.in, got, tt.want)
			}
		})
	}
}

func TestParse_NotAFeed(t *testing.T) {
	tests := []struct {
		name, file, in, want string
	}{
		{"OtherXML", "a.xml", `<?xml version="1.0"?><catalog><book/></catalog>`, "neither RSS nor Atom (root element <catalog>)"},
		{"SniffedOtherXML", "data", `<?xml version="1.0"?><catalog><book/></catalog>`, "neither RSS nor Atom"},
		{"NotXML", "a.rss", "just words", "not XML"},
		{"NoItems", "a.rss", `<rss><channel><title>T</title></channel></rss>`, "feed has no items"},
		{"AllEmpty", "a.rss", `<rss><channel><title>T</title><item><description> </description></item><item/></channel></rss>`, "all 2 feed items have no text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ingest.NewReader().Parse(tt.file, []byte(tt.in), ingest.Meta{})
			msg := dyad.ErrorMessage(err)
			if dyad.ErrorCode(err) != dyad.EINVALID || !strings.HasPrefix(msg, "ingest: "+tt.file+": ") || !strings.Contains(msg, tt.want) {
				t.Errorf("Parse(%q) error = %v, want EINVALID containing %q", tt.in, err, tt.want)
			}
		})
	}
}

func TestReader_Walk(t *testing.T) {
	fsys := fstest.MapFS{
		"docs/a.txt":             {Data: []byte("date: 2023-06-19\nside: US\n\nAlpha text.")},
		"docs/b/page.html":       {Data: []byte("<html><body><p>Beta text.</p></body></html>")},
		"docs/b/zz.txt":          {Data: []byte("Zeta text.")},
		"docs/bin.dat":           {Data: []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2}},
		"docs/empty.txt":         {Data: []byte("\n  \n")},
		"docs/latin1.txt":        {Data: []byte("caf\xe9")},
		"docs/large.txt":         {Data: []byte(strings.Repeat("x", 200))},
		"docs/.hidden.txt":       {Data: []byte("Hidden text.")},
		"docs/.git/config":       {Data: []byte("Hidden dir.")},
		"docs/feed.xml":          {Data: []byte(`<rss><channel><title>F</title><item><title>One</title><link>https://x.example/1</link></item><item><title>Two</title></item></channel></rss>`)},
		"other/never-walked.txt": {Data: []byte("Other.")},
	}
	r := ingest.NewReader()
	r.MaxBytes = 180

	type result struct {
		docs int
		err  string
	}
	got := map[string]result{}
	var order []string
	for it := range r.Walk(fsys, "docs", ingest.Meta{Source: "ignored for directories"}) {
		order = append(order, it.Name)
		res := result{docs: len(it.Docs)}
		if it.Err != nil {
			res.err = dyad.ErrorMessage(it.Err)
			if !strings.Contains(res.err, it.Name) {
				t.Errorf("error for %s does not name it: %q", it.Name, res.err)
			}
		}
		for _, d := range it.Docs {
			if d.Source == "ignored for directories" {
				t.Errorf("%s: Source = %q, want the file's own source", it.Name, d.Source)
			}
		}
		got[it.Name] = res
	}
	wantOrder := []string{"docs/a.txt", "docs/b/page.html", "docs/b/zz.txt", "docs/bin.dat",
		"docs/empty.txt", "docs/feed.xml", "docs/large.txt", "docs/latin1.txt"}
	if !reflect.DeepEqual(order, wantOrder) {
		t.Errorf("Walk order = %q, want %q", order, wantOrder)
	}
	wantErr := map[string]string{
		"docs/bin.dat":    "binary data",
		"docs/empty.txt":  "empty document",
		"docs/latin1.txt": "invalid UTF-8 at byte offset 3",
		"docs/large.txt":  "200 bytes is more than the limit of 180 bytes",
	}
	for name, res := range got {
		if w, ok := wantErr[name]; ok {
			if !strings.Contains(res.err, w) || res.docs != 0 {
				t.Errorf("Walk item %s = %+v, want error containing %q", name, res, w)
			}
			continue
		}
		if res.err != "" || res.docs == 0 {
			t.Errorf("Walk item %s = %+v, want documents", name, res)
		}
	}
	if got["docs/feed.xml"].docs != 2 {
		t.Errorf("feed.xml gave %d docs, want 2", got["docs/feed.xml"].docs)
	}
}

func TestReader_WalkFileRootAndMissing(t *testing.T) {
	fsys := fstest.MapFS{"a.txt": {Data: []byte("Alpha.")}}
	r := ingest.NewReader()
	var items []ingest.Item
	for it := range r.Walk(fsys, "a.txt", ingest.Meta{Source: "given"}) {
		items = append(items, it)
	}
	if len(items) != 1 || items[0].Err != nil || items[0].Docs[0].Source != "given" {
		t.Errorf("Walk(file) = %+v, want one item with Source given", items)
	}
	items = nil
	for it := range r.Walk(fsys, "nope", ingest.Meta{}) {
		items = append(items, it)
	}
	if len(items) != 1 || dyad.ErrorCode(items[0].Err) != dyad.ENOTFOUND || !strings.Contains(dyad.ErrorMessage(items[0].Err), "nope") {
		t.Errorf("Walk(missing) = %+v, want one ENOTFOUND item naming it", items)
	}
	// Stopping early stops the walk.
	fsys["b.txt"] = &fstest.MapFile{Data: []byte("Beta.")}
	n := 0
	for range r.Walk(fsys, ".", ingest.Meta{}) {
		n++
		break
	}
	if n != 1 {
		t.Errorf("Walk yielded %d items after break, want 1", n)
	}
}

func TestReader_ReadFile(t *testing.T) {
	fsys := fstest.MapFS{"dir/x.md": {Data: []byte("title: T\n\n# Heading\n\nText.")}, "dir/sub": {Mode: 0o755 | 1<<31}}
	r := ingest.NewReader()
	d, err := r.ReadFile(fsys, "dir/x.md", ingest.Meta{})
	if err != nil || d[0].Title != "T" || d[0].Text != "# Heading\n\nText." || d[0].Source != "dir/x.md" {
		t.Errorf("ReadFile(dir/x.md) = %+v, %v", d, err)
	}
	if _, err := r.ReadFile(fsys, "missing.txt", ingest.Meta{}); dyad.ErrorCode(err) != dyad.ENOTFOUND {
		t.Errorf("ReadFile(missing) error = %v, want ENOTFOUND", err)
	}
	if _, err := r.ReadFile(fsys, "dir", ingest.Meta{}); dyad.ErrorCode(err) != dyad.EINVALID {
		t.Errorf("ReadFile(dir) error = %v, want EINVALID", err)
	}
}

// TestReader_Corpus ingests the development corpus and checks the header
// blocks.
func TestReader_Corpus(t *testing.T) {
	dir := shared.Path(t, "corpus")
	r := ingest.NewReader()
	n := 0
	for it := range r.Walk(os.DirFS(dir), ".", ingest.Meta{}) {
		if filepath.Ext(it.Name) != ".txt" {
			continue
		}
		n++
		if it.Err != nil {
			t.Errorf("%s: %v", it.Name, it.Err)
			continue
		}
		d := it.Docs[0]
		raw, err := os.ReadFile(filepath.Join(dir, it.Name))
		if err != nil {
			t.Fatal(err)
		}
		if d.Side != "USA" && d.Side != "CHN" {
			t.Errorf("%s: Side = %q, want USA or CHN", it.Name, d.Side)
		}
		wantSide := map[string]string{"us": "USA", "cn": "CHN"}[it.Name[3:5]]
		if d.Side != wantSide {
			t.Errorf("%s: Side = %q, want %q", it.Name, d.Side, wantSide)
		}
		if d.Date.IsZero() || d.Publisher == "" || d.Kind == "" || !strings.HasPrefix(d.Source, "http") || d.Meta["completeness"] == "" {
			t.Errorf("%s: header not parsed: %+v", it.Name, d)
		}
		// The text is what follows the header's blank line.
		_, body, _ := strings.Cut(string(raw), "\n\n")
		if !strings.HasPrefix(body, d.Text[:min(len(d.Text), 40)]) || strings.Contains(d.Text[:min(len(d.Text), 200)], "completeness:") {
			t.Errorf("%s: text does not start after the header: %q", it.Name, d.Text[:min(len(d.Text), 80)])
		}
		if d.Lang != "en" || d.Format != "txt" {
			t.Errorf("%s: Lang, Format = %q, %q", it.Name, d.Lang, d.Format)
		}
		if strings.HasPrefix(it.Name, "01-") {
			if !d.Date.Equal(day(2023, 6, 19)) || d.Kind != "readout" || d.Meta["completeness"] != "partial (excerpts)" {
				t.Errorf("01: Date, Kind, Meta = %v, %q, %v", d.Date, d.Kind, d.Meta)
			}
			if !strings.HasPrefix(d.Text, "The following is attributable to Spokesperson Matthew Miller:") {
				t.Errorf("01: text starts %q", d.Text[:60])
			}
		}
	}
	if n < 10 {
		t.Errorf("read %d corpus files, want 10", n)
	}
}
