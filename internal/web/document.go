package web

import (
	"cmp"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dyad-dev/dyad"
)

// documentsPage is how many documents the list shows at once.
const documentsPage = 50

type documentsView struct {
	Docs       []*dyad.Document
	Total      int
	Prev, Next string
}

func (d *Dashboard) documents(r *http.Request) (string, any, error) {
	p := &params{r: r}
	offset := p.int("offset", 0)
	if p.err != nil {
		return "", nil, p.err
	}
	docs, total, err := d.Documents.FindDocuments(r.Context(), dyad.DocumentFilter{Offset: offset, Limit: documentsPage})
	if err != nil {
		return "", nil, err
	}
	v := documentsView{Docs: docs, Total: total}
	if offset > 0 {
		v.Prev = "/documents" + query("offset", strconv.Itoa(max(0, offset-documentsPage)))
	}
	if offset+len(docs) < total {
		v.Next = "/documents" + query("offset", strconv.Itoa(offset+len(docs)))
	}
	return "documents", v, nil
}

// A piece is a stretch of a sentence's text, marked or not. Templates
// escape it; nothing of the document reaches the page unescaped.
type piece struct {
	Text string
	Mark string // "", "verb", "actor" or "hit"
}

// An eventLink is a coded event shown beside the sentence that reports it.
type eventLink struct {
	ID     int64
	Label  string
	Status dyad.Status
}

// A docSentence is one sentence of the text, with the text before it (the
// spaces and line breaks between sentences) so the page shows the whole
// text as stored.
type docSentence struct {
	Index  int
	Gap    string
	Pieces []piece
	Events []eventLink
	Hits   int
}

type documentView struct {
	Doc       *dyad.Document
	Heading   string
	Meta      [][2]string
	Sentences []docSentence
	Tail      string
	Events    int
	Query     string
	Hits      int
	Versions  string
}

// heading names a document: its title, else who published it when, else
// its number.
func heading(doc *dyad.Document) string {
	switch {
	case doc.Title != "":
		return doc.Title
	case doc.Publisher != "" && !doc.Date.IsZero():
		return doc.Publisher + ", " + day(doc.Date)
	case doc.Publisher != "":
		return doc.Publisher
	}
	return "Document " + strconv.FormatInt(doc.ID, 10)
}

// maxDocEvents bounds the events loaded for one document page.
const maxDocEvents = 5000

func (d *Dashboard) document(r *http.Request) (string, any, error) {
	p := &params{r: r}
	id := p.id("document id", r.PathValue("id"))
	q := p.str("q")
	if p.err != nil {
		return "", nil, p.err
	}
	doc, err := d.Documents.FindDocumentByID(r.Context(), id)
	if err != nil {
		return "", nil, err
	}
	sents, err := d.Documents.FindSentences(r.Context(), id)
	if err != nil {
		return "", nil, err
	}
	events, _, err := d.Events.FindEvents(r.Context(), dyad.EventFilter{DocID: &id, Limit: maxDocEvents, SkipTotal: true})
	if err != nil {
		return "", nil, err
	}
	v := documentView{Doc: doc, Heading: heading(doc), Query: q, Events: len(events)}
	for _, kv := range [][2]string{{"Source", doc.Source}, {"Publisher", doc.Publisher}, {"Date", day(doc.Date)},
		{"Side", doc.Side}, {"Kind", doc.Kind}, {"Language", doc.Lang}, {"Format", doc.Format}} {
		if kv[1] != "" {
			v.Meta = append(v.Meta, kv)
		}
	}
	if doc.Version > 1 {
		v.Versions = "Version " + strconv.Itoa(doc.Version)
	}
	v.Sentences, v.Tail, v.Hits = highlight(doc, sents, events, q)
	return "document", v, nil
}

// A mark is a span of the text to highlight.
type mark struct {
	span dyad.Span
	kind string
}

// highlight cuts the document into sentences and each sentence into
// pieces: the verbs and actors of the events this document reported first,
// and the matches of q (ignoring case). Events are attached to every
// sentence of this document that reported them.
func highlight(doc *dyad.Document, sents []dyad.Sentence, events []*dyad.Event, q string) ([]docSentence, string, int) {
	bySentence := map[int][]eventLink{}
	var marks []mark
	for _, ev := range events {
		label := ev.Source.Code + " → "
		if ev.Target != nil {
			label += ev.Target.Code
		} else {
			label += "—"
		}
		label += " " + ev.CAMEO
		link := eventLink{ID: ev.ID, Label: label, Status: ev.Status}
		seen := false
		for _, s := range ev.Sources {
			if s.DocID == doc.ID && !slices.ContainsFunc(bySentence[s.Sentence], func(l eventLink) bool { return l.ID == ev.ID }) {
				bySentence[s.Sentence] = append(bySentence[s.Sentence], link)
				seen = true
			}
		}
		if !seen && ev.DocID == doc.ID {
			bySentence[ev.Sentence] = append(bySentence[ev.Sentence], link)
		}
		if ev.DocID == doc.ID {
			marks = append(marks, mark{ev.Verb, "verb"}, mark{ev.Source.Span, "actor"})
			if ev.Target != nil {
				marks = append(marks, mark{ev.Target.Span, "actor"})
			}
		}
	}
	total := 0
	if q != "" {
		for _, sp := range findFold(doc.Text, q) {
			marks = append(marks, mark{sp, "hit"})
		}
	}
	// Earlier first; at one start, the longer; drop what overlaps a mark
	// already kept (search hits come last, so events win).
	slices.SortStableFunc(marks, func(a, b mark) int {
		return cmp.Or(cmp.Compare(a.span.Start, b.span.Start), cmp.Compare(b.span.End, a.span.End))
	})
	kept := marks[:0]
	end := 0
	for _, m := range marks {
		if m.span.End <= m.span.Start || m.span.Start < end || m.span.End > len(doc.Text) {
			continue
		}
		kept = append(kept, m)
		end = m.span.End
	}
	out := make([]docSentence, 0, len(sents))
	pos, mi := 0, 0
	for _, s := range sents {
		if s.Span.Start < pos || s.Span.End > len(doc.Text) {
			continue // a damaged span: skip it rather than repeat text
		}
		ds := docSentence{Index: s.Index, Gap: doc.Text[pos:s.Span.Start], Events: bySentence[s.Index]}
		at := s.Span.Start
		for ; mi < len(kept) && kept[mi].span.Start < s.Span.End; mi++ {
			m := kept[mi]
			if m.span.Start < at || m.span.End > s.Span.End {
				continue // crosses a sentence boundary
			}
			if m.span.Start > at {
				ds.Pieces = append(ds.Pieces, piece{Text: doc.Text[at:m.span.Start]})
			}
			ds.Pieces = append(ds.Pieces, piece{Text: doc.Text[m.span.Start:m.span.End], Mark: m.kind})
			if m.kind == "hit" {
				ds.Hits++
				total++
			}
			at = m.span.End
		}
		if at < s.Span.End {
			ds.Pieces = append(ds.Pieces, piece{Text: doc.Text[at:s.Span.End]})
		}
		out = append(out, ds)
		pos = s.Span.End
	}
	return out, doc.Text[pos:], total
}

// findFold returns the spans of q in text, ignoring case (simple Unicode
// folding, rune by rune, so spans stay on text's own bytes).
func findFold(text, q string) []dyad.Span {
	if q == "" || !utf8.ValidString(q) {
		return nil
	}
	var out []dyad.Span
	for i := 0; i < len(text); {
		if n := prefixFold(text[i:], q); n > 0 {
			out = append(out, dyad.Span{Start: i, End: i + n})
			i += n
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return out
}

// prefixFold returns the length in bytes of the prefix of s equal to q
// ignoring case, or 0.
func prefixFold(s, q string) int {
	i := 0
	for _, qr := range q {
		if i >= len(s) {
			return 0
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != qr && !strings.EqualFold(string(r), string(qr)) {
			return 0
		}
		i += size
	}
	return i
}

type searchView struct {
	Query string
	Hits  []hitView
}

// A hitView is a search hit with its snippet cut at the match marks.
type hitView struct {
	dyad.Hit
	Pieces []piece
}

// maxHits bounds one search page.
const maxHits = 100

func (d *Dashboard) search(r *http.Request) (string, any, error) {
	p := &params{r: r}
	q := p.str("q")
	if p.err != nil {
		return "", nil, p.err
	}
	v := searchView{Query: q}
	if q == "" {
		return "search", v, nil
	}
	hits, err := d.Search.Search(r.Context(), q, maxHits)
	if err != nil {
		return "", nil, err
	}
	for _, h := range hits {
		v.Hits = append(v.Hits, hitView{Hit: h, Pieces: snippetPieces(h.Snippet)})
	}
	return "search", v, nil
}

// snippetPieces cuts a snippet at its match marks.
func snippetPieces(s string) []piece {
	var out []piece
	for s != "" {
		before, rest, ok := strings.Cut(s, dyad.SnippetStart)
		if before != "" {
			out = append(out, piece{Text: before})
		}
		if !ok {
			break
		}
		hit, after, _ := strings.Cut(rest, dyad.SnippetEnd)
		out = append(out, piece{Text: hit, Mark: "hit"})
		s = after
	}
	return out
}
