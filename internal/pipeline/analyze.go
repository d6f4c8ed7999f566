package pipeline

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/actors"
	"github.com/dyad-dev/dyad/internal/coding"
	"github.com/dyad-dev/dyad/internal/dates"
	"github.com/dyad-dev/dyad/internal/text"
)

// An Analyzer turns one document into a bundle: sentences, actor mentions,
// dates and coded events. It holds read-only dictionaries, so one Analyzer
// serves every worker, and a pool of per-worker scratch buffers reused
// from document to document.
type Analyzer struct {
	Actors *actors.Dictionary
	Coder  *coding.Coder
	// Dyad is the pair of states whose relationship is coded; "the two
	// sides" expands to it.
	Dyad [2]string
	// Now supplies the reference date for documents without a date.
	Now func() time.Time

	// pool holds *scratch values, made on first use: what one Analyze
	// call needs and drops, kept for the next call on the same worker. A
	// one-sentence document (a news lead, a TABARI record) would otherwise
	// pay as much for allocating a tagger and buffers as for coding. It
	// is set atomically so that Analyzers built as struct literals need no
	// constructor; an Analyzer must not be copied after first use (build a
	// new one from its fields instead: go vet says so).
	pool atomic.Pointer[sync.Pool]
}

// scratchPool returns a's pool, making it on first use.
func (a *Analyzer) scratchPool() *sync.Pool {
	if p := a.pool.Load(); p != nil {
		return p
	}
	a.pool.CompareAndSwap(nil, new(sync.Pool))
	return a.pool.Load()
}

// scratch is the working memory of one Analyze call. Nothing in it
// outlives the call: the bundle gets copies of its slices, each sized
// once.
type scratch struct {
	sents  []dyad.Sentence
	toks   []dyad.Token         // every token of the document
	bounds []sentBounds         // per sentence
	dates  [][]dyad.DateMention // per sentence
	ms     []dyad.Mention       // every mention of the document
	evs    []dyad.Event
	norms  text.Norms
	tagger *actors.DocTagger
	coder  coding.Scratch
}

// sentBounds locates one sentence's tokens and mentions in a scratch.
type sentBounds struct {
	tok0, tok1 int
	m0, m1     int
}

// getScratch returns a scratch with a tagger for a document of the given
// side.
func (a *Analyzer) getScratch(side string) *scratch {
	sc, _ := a.scratchPool().Get().(*scratch)
	if sc == nil {
		sc = &scratch{}
	}
	if sc.tagger == nil || sc.tagger.Dictionary() != a.Actors {
		sc.tagger = a.Actors.Doc(side)
	} else {
		sc.tagger.Reset(side)
	}
	return sc
}

// putScratch empties sc and returns it to the pool. Until its next use it
// still refers to the last document (its text, through the tokens), which
// costs less than clearing it: one document per worker at most.
func (a *Analyzer) putScratch(sc *scratch) {
	sc.sents, sc.toks, sc.bounds = sc.sents[:0], sc.toks[:0], sc.bounds[:0]
	sc.dates, sc.ms, sc.evs = sc.dates[:0], sc.ms[:0], sc.evs[:0]
	a.scratchPool().Put(sc)
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
	english := doc.Lang == "" || doc.Lang == "en"
	if !english {
		// Sentences are stored and searchable; coding needs English
		// dictionaries.
		b.Diagnostics = append(b.Diagnostics, dyad.Diagnostic{
			Source: doc.Source,
			Msg:    "language " + doc.Lang + " is stored and searchable but not coded",
		})
	}

	sc := a.getScratch(doc.Side)
	defer a.putScratch(sc)
	sc.sents = seg.AppendSentences(sc.sents, doc.Text)
	if len(sc.sents) > 0 {
		b.Sentences = make([]dyad.Sentence, len(sc.sents))
		copy(b.Sentences, sc.sents)
	}
	if !english {
		return b
	}

	// First every sentence is tokenized, dated and tagged (the tagger and
	// the relative dates follow the document in order), then coded, so
	// that the mentions the coder reads are those of the bundle, which is
	// allocated once at its size.
	var anchor time.Time
	for _, s := range b.Sentences {
		bd := sentBounds{tok0: len(sc.toks), m0: len(sc.ms)}
		sc.toks = tok.AppendTokensNorms(sc.toks, doc.Text, s.Span, &sc.norms)
		bd.tok1 = len(sc.toks)
		toks := sc.toks[bd.tok0:bd.tok1:bd.tok1]
		ds := resolver.Find(doc.Text, s.Span, ref, anchor)
		sc.ms = sc.tagger.AppendTag(sc.ms, s.Index, doc.Text, toks, ref)
		bd.m1 = len(sc.ms)
		sc.bounds = append(sc.bounds, bd)
		sc.dates = append(sc.dates, ds)
		// The last absolute date of this sentence anchors "five months
		// later" in the next ones.
		for _, d := range ds {
			if !d.Relative && !d.Open {
				anchor = d.Start
			}
		}
	}
	b.Mentions = make([]dyad.Mention, len(sc.ms))
	copy(b.Mentions, sc.ms)
	for k, s := range b.Sentences {
		bd := sc.bounds[k]
		var ms []dyad.Mention
		if bd.m1 > bd.m0 {
			ms = b.Mentions[bd.m0:bd.m1:bd.m1]
		}
		sc.evs = a.Coder.AppendCodeScratch(sc.evs, coding.Input{
			Text:     doc.Text,
			DocDate:  ref,
			Side:     doc.Side,
			Sentence: s,
			Tokens:   sc.toks[bd.tok0:bd.tok1:bd.tok1],
			Mentions: ms,
			Dates:    sc.dates[k],
			Dyad:     a.Dyad,
		}, &sc.coder)
	}
	b.Events = make([]dyad.Event, len(sc.evs))
	copy(b.Events, sc.evs)
	return b
}
