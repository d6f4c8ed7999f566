package analytics_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/dictionaries"
	"github.com/dyad-dev/dyad/internal/analytics"
	"github.com/dyad-dev/dyad/internal/coding"
	"github.com/dyad-dev/dyad/internal/text"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from current output")

// fixtureEvent is an event written by hand for a fixture: the sentence is
// the first one containing in.
type fixtureEvent struct {
	in             string
	src, tgt       string // country codes
	srcPer, tgtPer string
	cameo          string
	status         dyad.Status
	object         string
}

// loadView reads a fixture document (header lines "key: value", a blank
// line, the text) into a DocView: sentences from the segmenter, issues
// from the shipped issue dictionary, the given events, and mentions of
// the events' actors.
func loadView(t testing.TB, name string, id int64, evs []fixtureEvent) analytics.DocView {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	head, body, ok := strings.Cut(string(raw), "\n\n")
	if !ok {
		t.Fatalf("%s: no header", name)
	}
	doc := &dyad.Document{ID: id, Source: name, Text: body}
	for _, l := range strings.Split(head, "\n") {
		k, v, _ := strings.Cut(l, ":")
		v = strings.TrimSpace(v)
		switch k {
		case "source":
			doc.Source = v
		case "publisher":
			doc.Publisher = v
		case "kind":
			doc.Kind = v
		case "side":
			doc.Side = dyad.NormalizeSide(v)
		case "date":
			if doc.Date, err = time.Parse("2006-01-02", v); err != nil {
				t.Fatal(err)
			}
		}
	}
	issues, _, err := coding.LoadIssues(dictionaries.FS, "dyad.issues.txt")
	if err != nil {
		t.Fatal(err)
	}
	tok := text.Tokenizer{KeepPunct: true}
	v := analytics.DocView{Doc: doc}
	for _, s := range (&text.Segmenter{}).Segment(body) {
		v.Sentences = append(v.Sentences, analytics.SentenceView{Index: s.Index, Span: s.Span, Text: doc.Slice(s.Span),
			Issues: issues.Tag(tok.Tokenize(body, s.Span))})
	}
	for i, fe := range evs {
		si := -1
		for _, s := range v.Sentences {
			if strings.Contains(s.Text, fe.in) {
				si = s.Index
				break
			}
		}
		if si < 0 {
			t.Fatalf("%s: no sentence contains %q", name, fe.in)
		}
		s := v.Sentences[si]
		ev := &dyad.Event{ID: id*100 + int64(i), DocID: id, Sentence: si, Span: s.Span, CAMEO: fe.cameo, Status: fe.status, Object: fe.object,
			Date: doc.Date, DateEnd: doc.Date, Source: dyad.Actor{Code: fe.src + "GOV", Country: fe.src, Person: fe.srcPer}}
		if fe.tgt != "" {
			ev.Target = &dyad.Actor{Code: fe.tgt + "GOV", Country: fe.tgt, Person: fe.tgtPer}
		}
		v.Events = append(v.Events, ev)
		for _, a := range []*dyad.Actor{&ev.Source, ev.Target} {
			if a != nil {
				v.Mentions = append(v.Mentions, dyad.Mention{Sentence: si, Actor: *a})
			}
		}
	}
	return v
}

func fixtureViews(t testing.TB) (analytics.DocView, analytics.DocView) {
	us := loadView(t, "compare-us.txt", 1, []fixtureEvent{
		{in: "met with", src: "USA", srcPer: "Jane Doe", tgt: "CHN", tgtPer: "Wang Yi", cameo: "040", status: dyad.StatusOccurred},
		{in: "emphasized", src: "USA", srcPer: "Jane Doe", cameo: "010", status: dyad.StatusOccurred},
		{in: "raised concerns", src: "USA", srcPer: "Jane Doe", tgt: "CHN", cameo: "111", status: dyad.StatusOccurred},
		{in: "agreed to hold", src: "USA", srcPer: "Jane Doe", tgt: "CHN", tgtPer: "Wang Yi", cameo: "036", status: dyad.StatusPlanned, object: "talks on counternarcotics cooperation"},
		{in: "invited", src: "CHN", srcPer: "Wang Yi", tgt: "USA", cameo: "042", status: dyad.StatusProposed},
	})
	cn := loadView(t, "compare-cn.txt", 2, []fixtureEvent{
		{in: "informal contact", src: "CHN", srcPer: "Wang Yi", tgt: "USA", tgtPer: "Jane Doe", cameo: "040", status: dyad.StatusOccurred},
		{in: "critical juncture", src: "CHN", srcPer: "Wang Yi", cameo: "010", status: dyad.StatusOccurred},
		{in: "abide by", src: "CHN", srcPer: "Wang Yi", tgt: "USA", cameo: "020", status: dyad.StatusOccurred},
		{in: "maintain communication", src: "CHN", tgt: "USA", cameo: "036", status: dyad.StatusPlanned},
	})
	return us, cn
}

func TestCompare_Golden(t *testing.T) {
	lib := shippedLibrary(t)
	us, cn := fixtureViews(t)
	c := analytics.Compare(us, cn, lib)
	for _, f := range []struct {
		ext   string
		write func(*bytes.Buffer) error
	}{
		{"txt", func(b *bytes.Buffer) error { return c.WriteText(b) }},
		{"md", func(b *bytes.Buffer) error { return c.WriteMarkdown(b) }},
		{"json", func(b *bytes.Buffer) error { return c.WriteJSON(b) }},
	} {
		t.Run(f.ext, func(t *testing.T) {
			var got bytes.Buffer
			if err := f.write(&got); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "compare."+f.ext+".golden")
			if *update {
				if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("Compare output differs from %s (run with -update and review the diff)\ngot:\n%s", path, got.Bytes())
			}
		})
	}
}

// TestCompare checks the facts of the comparison that the golden files
// would let slip: each side's characterisation, framing and initiative,
// one-sided issues and evidence spans.
func TestCompare(t *testing.T) {
	lib := shippedLibrary(t)
	us, cn := fixtureViews(t)
	c := analytics.Compare(us, cn, lib)
	ids := func(fs []analytics.Found) []string {
		var out []string
		for _, f := range fs {
			out = append(out, f.ID)
		}
		return out
	}
	if c.A.Label != "USA" || c.B.Label != "CHN" {
		t.Errorf("labels = %s, %s; want USA, CHN", c.A.Label, c.B.Label)
	}
	tests := []struct {
		name string
		got  []string
		want string
	}{
		{"USCharacterisation", ids(c.A.Characterisations), "us.talks.candid-substantive-constructive"},
		{"CNCharacterisation", ids(c.B.Characterisations), "cn.talks.candid-in-depth-constructive"},
		{"USFormat", ids(c.A.Format), "any.format.meeting"},
		{"CNFormat", ids(c.B.Format), "any.format.informal-contact"},
		{"CNFraming", ids(c.B.Framing), "any.framing.at-request"},
		{"USStress", c.OnlyA.Formulations, "any.relations.manage-competition"},
		{"CNStress", c.OnlyB.Formulations, "cn.relations.downward-spiral"},
		{"USOnlyIssue", c.OnlyA.Issues, "ukraine"},
		{"CNOnlyIssue", c.OnlyB.Issues, "trade"},
		{"USOnlyAgreement", c.OnlyA.Agreements, "USA-CHN 036 planned: talks on counternarcotics cooperation"},
	}
	for _, tt := range tests {
		if !hasString(tt.got, tt.want) {
			t.Errorf("%s = %q, want %q among them", tt.name, tt.got, tt.want)
		}
	}
	if len(c.B.Initiative) != 1 || c.B.Initiative[0].By != "USA" {
		t.Errorf("CHN initiative = %+v, want the U.S. side", c.B.Initiative)
	}
	if len(c.A.Initiative) != 0 {
		t.Errorf("USA initiative = %+v, want none", c.A.Initiative)
	}
	for _, f := range c.A.Formulations {
		if f.ID == "us.taiwan.foundations" && !hasString(f.Dropped, "Six Assurances") {
			t.Errorf("us.taiwan.foundations dropped = %q, want Six Assurances", f.Dropped)
		}
	}
	if c.A.Words == 0 || c.A.Sentences != len(us.Sentences) || c.B.Words == 0 {
		t.Errorf("lengths = %d/%d, %d/%d", c.A.Sentences, c.A.Words, c.B.Sentences, c.B.Words)
	}
	for _, row := range c.Issues {
		for _, e := range append(append([]analytics.Excerpt{}, row.A...), row.B...) {
			if e.Text == "" || e.Span.Len() != len(e.Text) {
				t.Errorf("issue %s: excerpt %+v has no text or a wrong span", row.Issue, e)
			}
		}
	}
	for _, f := range c.B.Characterisations {
		if got := cn.Doc.Slice(f.Span); got != f.Text {
			t.Errorf("characterisation span %v = %q, want %q", f.Span, got, f.Text)
		}
	}
}
