package pipeline

import (
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/actors"
	"github.com/dyad-dev/dyad/internal/coding"
	"github.com/dyad-dev/dyad/internal/dates"
	"github.com/dyad-dev/dyad/internal/text"
)

// An Analyzer turns one document into a bundle: sentences, actor mentions,
// dates and coded events. It holds only read-only dictionaries, so one
// Analyzer serves every worker.
type Analyzer struct {
	Actors *actors.Dictionary
	Coder  *coding.Coder
	// Dyad is the pair of states whose relationship is coded; "the two
	// sides" expands to it.
	Dyad [2]string
	// Now supplies the reference date for documents without a date.
	Now func() time.Time
}

// Analyze returns the bundle for doc. It never fails: problems within the
// document are reported as diagnostics in the bundle.
func (a *Analyzer) Analyze(doc *dyad.Document) *dyad.Bundle {
	var (
		seg      text.Segmenter
		tok      = text.Tokenizer{KeepPunct: true}
		resolver dates.Resolver
	)
	b := &dyad.Bundle{Doc: doc}
	b.Sentences = seg.Segment(doc.Text)

	ref := doc.Date
	if ref.IsZero() {
		now := time.Now
		if a.Now != nil {
			now = a.Now
		}
		ref = now().UTC().Truncate(24 * time.Hour)
		b.Diagnostics = append(b.Diagnostics, dyad.Diagnostic{
			Source: doc.Source,
			Msg:    "document has no date; relative dates resolved against " + ref.Format("2006-01-02"),
		})
	}
	if doc.Lang != "" && doc.Lang != "en" {
		// Sentences are stored and searchable; coding needs English
		// dictionaries.
		b.Diagnostics = append(b.Diagnostics, dyad.Diagnostic{
			Source: doc.Source,
			Msg:    "language " + doc.Lang + " is stored and searchable but not coded",
		})
		return b
	}

	// Readouts average about one mention and one event per sentence:
	// sizing once avoids regrowing slices of large Event values.
	b.Mentions = make([]dyad.Mention, 0, len(b.Sentences))
	b.Events = make([]dyad.Event, 0, len(b.Sentences))
	tagger := a.Actors.Doc(doc.Side)
	var (
		toks   []dyad.Token
		anchor time.Time
	)
	for _, s := range b.Sentences {
		toks = tok.AppendTokens(toks[:0], doc.Text, s.Span)
		ds := resolver.Find(doc.Text, s.Span, ref, anchor)
		ms := tagger.Tag(s.Index, doc.Text, toks, ref)
		b.Mentions = append(b.Mentions, ms...)
		b.Events = a.Coder.AppendCode(b.Events, coding.Input{
			Text:     doc.Text,
			DocDate:  ref,
			Side:     doc.Side,
			Sentence: s,
			Tokens:   toks,
			Mentions: ms,
			Dates:    ds,
			Dyad:     a.Dyad,
		})
		// The last absolute date of this sentence anchors "five months
		// later" in the next ones.
		for _, d := range ds {
			if !d.Relative && !d.Open {
				anchor = d.Start
			}
		}
	}
	return b
}
