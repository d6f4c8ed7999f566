package text_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/shared"
	"github.com/dyad-dev/dyad/internal/text"
)

var update = flag.Bool("update", false, "rewrite testdata/corpus/*.golden from current output")

// corpusDoc is one file of ../shared/corpus: its header fields and its body.
type corpusDoc struct {
	Name      string // file name without ".txt"
	Publisher string
	Body      string // everything after the header block
}

// readCorpus reads every document of the shared development corpus.
func readCorpus(tb testing.TB) []corpusDoc {
	tb.Helper()
	dir := shared.Path(tb, "corpus")
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		tb.Fatalf("glob corpus %s: %v", dir, err)
	}
	if len(paths) == 0 {
		tb.Fatalf("corpus %s: no *.txt files", dir)
	}
	var docs []corpusDoc
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatalf("read corpus file: %v", err)
		}
		header, body, ok := strings.Cut(string(b), "\n\n")
		if !ok {
			tb.Fatalf("corpus file %s: no blank line after the header", p)
		}
		d := corpusDoc{Name: strings.TrimSuffix(filepath.Base(p), ".txt"), Body: body}
		for line := range strings.SplitSeq(header, "\n") {
			if v, ok := strings.CutPrefix(line, "publisher:"); ok {
				d.Publisher = strings.TrimSpace(v)
			}
		}
		docs = append(docs, d)
	}
	return docs
}

// usPublisher reports whether a corpus document comes from the U.S.
// government, whose texts are public domain and may be kept in testdata.
func usPublisher(publisher string) bool { return strings.HasPrefix(publisher, "U.S. ") }

// renderSentences writes one sentence per line: span, paragraph and the text
// with line breaks shown as "\n".
func renderSentences(body string, ss []dyad.Sentence) []byte {
	var b bytes.Buffer
	for _, s := range ss {
		line := strings.ReplaceAll(body[s.Span.Start:s.Span.End], "\n", `\n`)
		fmt.Fprintf(&b, "%d:%d p%d %s\n", s.Span.Start, s.Span.End, s.Para, line)
	}
	return b.Bytes()
}

// TestSegmenter_Golden segments the U.S. government documents of the corpus
// and compares with testdata/corpus/<name>.golden (go test -update rewrites).
func TestSegmenter_Golden(t *testing.T) {
	var seg text.Segmenter
	n := 0
	for _, d := range readCorpus(t) {
		if !usPublisher(d.Publisher) {
			continue // not ours to copy: see TestSegmenter_CorpusStructure
		}
		n++
		t.Run(d.Name, func(t *testing.T) {
			ss := seg.Segment(d.Body)
			if msg := checkSentences(d.Body, ss); msg != "" {
				t.Fatalf("Segment(%s): %s", d.Name, msg)
			}
			got := renderSentences(d.Body, ss)
			golden := filepath.Join("testdata", "corpus", d.Name+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden file (run go test -update to create it): %v", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Segment(%s) differs from %s (go test -update rewrites it)\ngot:\n%s\nwant:\n%s", d.Name, golden, got, want)
			}
		})
	}
	if n != 5 {
		t.Errorf("found %d U.S. government corpus documents, want 5", n)
	}
}

// TestSegmenter_CorpusStructure checks every corpus document, including the
// ones that may not be copied into the repository, by structure alone.
func TestSegmenter_CorpusStructure(t *testing.T) {
	type shape struct {
		sentences, paras int
		// perPara[i] is the number of sentences of paragraph i; nil: unchecked.
		perPara []int
	}
	// Sentence and paragraph counts verified by reading each document.
	want := map[string]shape{
		"01-us-state-blinken-beijing-visit-summary":          {11, 5, []int{1, 1, 4, 4, 1}},
		"02-us-state-blinken-wang-yi-beijing":                {6, 3, []int{1, 2, 3}},
		"04-cn-xinhua-wang-yi-meets-blinken":                 {8, 7, []int{1, 1, 2, 1, 1, 1, 1}},
		"05-us-embassy-blinken-xi-before-meeting-transcript": {18, 6, []int{2, 1, 5, 2, 4, 4}},
		"06-cn-xinhua-xi-meets-blinken":                      {12, 9, []int{1, 1, 2, 1, 1, 1, 2, 2, 1}},
		"07-cn-mfa-countermeasures-pelosi-visit":             {11, 10, []int{1, 2, 1, 1, 1, 1, 1, 1, 1, 1}},
		"08-cn-mfa-spokesperson-airship-force-majeure":       {5, 1, []int{5}},
		"26-us-state-blinken-wang-yi-washington-oct26":       {10, 7, []int{1, 1, 1, 1, 4, 1, 1}},
		"27-us-state-blinken-wang-yi-washington-oct27":       {13, 8, []int{1, 1, 1, 1, 4, 1, 2, 2}},
		"28-cn-mfa-sanctions-on-pelosi":                      {4, 1, []int{4}},
	}
	var seg text.Segmenter
	for _, d := range readCorpus(t) {
		t.Run(d.Name, func(t *testing.T) {
			ss := seg.Segment(d.Body)
			if msg := checkSentences(d.Body, ss); msg != "" {
				t.Fatalf("Segment(%s): %s", d.Name, msg)
			}
			w, ok := want[d.Name]
			if !ok {
				t.Skipf("no expected shape for %s", d.Name)
			}
			perPara := make([]int, 0, w.paras)
			for _, s := range ss {
				for len(perPara) <= s.Para {
					perPara = append(perPara, 0)
				}
				perPara[s.Para]++
			}
			if len(ss) != w.sentences || len(perPara) != w.paras || fmt.Sprint(perPara) != fmt.Sprint(w.perPara) {
				t.Errorf("Segment(%s) = %d sentences in %d paragraphs %v, want %d in %d %v",
					d.Name, len(ss), len(perPara), perPara, w.sentences, w.paras, w.perPara)
			}
			// A sentence that ends inside a line ends with terminal
			// punctuation (or a closing quote or bracket after it).
			for i := 0; i+1 < len(ss); i++ {
				if ss[i].Para != ss[i+1].Para || strings.Contains(d.Body[ss[i].Span.End:ss[i+1].Span.Start], "\n") {
					continue // paragraph or line end: a headline or dateline may stand alone
				}
				body := d.Body[ss[i].Span.Start:ss[i].Span.End]
				if strings.TrimRight(body, "\"”’)") == body && !strings.ContainsAny(body[len(body)-1:], ".?!:") {
					t.Errorf("Segment(%s): sentence %d ends mid-paragraph without terminal punctuation: %q",
						d.Name, i, body)
				}
			}
		})
	}
}

// TestSegmenter_Countermeasures checks the shape of the PRC countermeasures
// statement (07) without copying it: a headline, a lead paragraph of two
// sentences ending in a colon, then eight numbered measures of one sentence
// each, numbered 1 to 8.
func TestSegmenter_Countermeasures(t *testing.T) {
	var doc *corpusDoc
	docs := readCorpus(t)
	for i := range docs {
		if strings.HasPrefix(docs[i].Name, "07-") {
			doc = &docs[i]
		}
	}
	if doc == nil {
		t.Fatal("corpus document 07 not found")
	}
	var seg text.Segmenter
	ss := seg.Segment(doc.Body)
	got := sentenceTexts(doc.Body, ss)
	if len(got) != 11 {
		t.Fatalf("Segment(07) = %d sentences, want 11", len(got))
	}
	firstPara, _, _ := strings.Cut(doc.Body, "\n")
	if got[0] != firstPara || strings.ContainsAny(got[0], ".:") {
		t.Errorf("Segment(07)[0] = %q, want the whole headline line %q", got[0], firstPara)
	}
	if ss[1].Para != 1 || ss[2].Para != 1 || !strings.HasSuffix(got[1], ".") || !strings.HasSuffix(got[2], ":") {
		t.Errorf("Segment(07)[1:3] = %q, want the two lead sentences of paragraph 1, the second ending in ':'", got[1:3])
	}
	for i, s := range got[3:] {
		marker := fmt.Sprintf("%d. ", i+1)
		if !strings.HasPrefix(s, marker) || !strings.HasSuffix(s, ".") || ss[3+i].Para != 2+i || strings.Contains(s, "\n") {
			t.Errorf("Segment(07)[%d] = %q, want one whole measure starting %q in paragraph %d", 3+i, s, marker, 2+i)
		}
	}
}
