// Package record assembles the analyst's record from the store: it loads
// events (with analysts' corrections applied), their sentences and
// documents from internal/sqlite, and computes meetings, channels,
// commitments, positions, comparisons, the relations index and briefs with
// internal/analytics and internal/brief. The command line and the server
// call it; it reads no files and no flags: its settings are handed to it.
package record

import (
	"context"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/analytics"
	"github.com/dyad-dev/dyad/internal/brief"
	"github.com/dyad-dev/dyad/internal/coding"
	"github.com/dyad-dev/dyad/internal/sqlite"
	"github.com/dyad-dev/dyad/internal/text"
)

// Settings are the registries and weights the record is computed with.
type Settings struct {
	Registry []analytics.Channel    // the channel registry
	Weights  *analytics.IndexConfig // index weights and dynamics
	Library  *analytics.Library     // standard formulations
	Issues   *coding.Issues         // issue dictionary, for positions
	Codebook *coding.Codebook       // CAMEO names and values
}

// A Service computes the record from one database.
type Service struct {
	DB *sqlite.DB
	Settings
}

// A Lookup gives documents by ID, cached for one request, and CAMEO code
// names; it satisfies export.Lookup.
type Lookup struct {
	ctx   context.Context
	docs  *sqlite.DocumentService
	cache map[int64]*dyad.Document
	cb    *coding.Codebook
}

// NewLookup returns a lookup for one request.
func (s *Service) NewLookup(ctx context.Context) *Lookup {
	return &Lookup{ctx: ctx, docs: sqlite.NewDocumentService(s.DB), cache: map[int64]*dyad.Document{}, cb: s.Codebook}
}

// Document returns the document with the given ID (with its text), or nil
// when there is none.
func (l *Lookup) Document(id int64) *dyad.Document {
	if d, ok := l.cache[id]; ok {
		return d
	}
	d, err := l.docs.FindDocumentByID(l.ctx, id)
	if err != nil {
		d = nil // a missing document leaves fields empty; events keep their own spans
	}
	l.cache[id] = d
	return d
}

// CodeName returns the name of a CAMEO code, or "".
func (l *Lookup) CodeName(code string) string {
	if c, ok := l.cb.Lookup(code); ok {
		return c.Name
	}
	return ""
}

// PLOVERType returns the PLOVER type and mode of a CAMEO code, so the
// PLOVER export can write events by their frame (export.PLOVERLookup).
func (l *Lookup) PLOVERType(code string) (typ, mode string, ok bool) {
	c, ok := l.cb.Lookup(code)
	return c.PLOVER, c.Mode, ok
}

// Side returns the authoring side of a document, or "".
func (l *Lookup) Side(id int64) string {
	if d := l.Document(id); d != nil {
		return d.Side
	}
	return ""
}

// Reports pairs events with the sentence of their first report.
func (l *Lookup) Reports(events []*dyad.Event) []analytics.Report {
	out := make([]analytics.Report, 0, len(events))
	for _, ev := range events {
		r := analytics.Report{Event: ev}
		if d := l.Document(ev.DocID); d != nil {
			r.Text = d.Slice(ev.Span)
		}
		out = append(out, r)
	}
	return out
}

// Corrections returns every stored correction, oldest first.
func (s *Service) Corrections(ctx context.Context) ([]dyad.Correction, error) {
	return sqlite.NewCorrectionService(s.DB).FindCorrections(ctx, "")
}

// Events finds events with the analysts' event corrections applied; a
// corrected code brings its Goldstein value, quad class and PLOVER type.
func (s *Service) Events(ctx context.Context, f dyad.EventFilter, cs []dyad.Correction) ([]*dyad.Event, error) {
	events, _, err := sqlite.NewEventService(s.DB).FindEvents(ctx, f)
	if err != nil {
		return nil, err
	}
	out := analytics.ApplyEventCorrections(events, cs)
	for i, ev := range out {
		if ev == events[i] {
			continue
		}
		if code, ok := s.Codebook.Lookup(ev.CAMEO); ok {
			ev.Goldstein, ev.Quad, ev.PLOVER, ev.Mode = code.Goldstein, code.Quad, code.PLOVER, code.Mode
		}
	}
	return out, nil
}

// Meetings computes the dyad's meetings as of asOf (zero: no limit) from
// all its events up to then (a meeting's proposal may predate any period
// asked for), corrections applied.
func (s *Service) Meetings(ctx context.Context, d [2]string, asOf time.Time, lk *Lookup) ([]analytics.Meeting, error) {
	cs, err := s.Corrections(ctx)
	if err != nil {
		return nil, err
	}
	f := dyad.EventFilter{Dyad: &d}
	if !asOf.IsZero() {
		f.To = &asOf
	}
	events, err := s.Events(ctx, f, cs)
	if err != nil {
		return nil, err
	}
	return meetingsOf(lk.Reports(events), cs, lk), nil
}

func meetingsOf(reports []analytics.Report, cs []dyad.Correction, lk *Lookup) []analytics.Meeting {
	return analytics.ApplyMeetingCorrections(analytics.Meetings(reports, lk.Side), cs)
}

// Channels computes the state of the dyad's channels as of asOf (zero: no
// limit). It reads every event, not only those between the two states:
// channels are often acted on by one side alone ("China suspended the
// climate talks").
func (s *Service) Channels(ctx context.Context, d [2]string, asOf time.Time, lk *Lookup) ([]analytics.ChannelState, error) {
	cs, err := s.Corrections(ctx)
	if err != nil {
		return nil, err
	}
	var f dyad.EventFilter
	if !asOf.IsZero() {
		f.To = &asOf
	}
	events, err := s.Events(ctx, f, cs)
	if err != nil {
		return nil, err
	}
	return s.channelsOf(ctx, d, asOf, lk.Reports(events), cs, lk), nil
}

func (s *Service) channelsOf(ctx context.Context, d [2]string, asOf time.Time, reports []analytics.Report, cs []dyad.Correction, lk *Lookup) []analytics.ChannelState {
	var chs []analytics.Channel
	for _, ch := range s.Settings.Registry {
		if ch.Dyad == d || ch.Dyad == [2]string{d[1], d[0]} {
			chs = append(chs, ch)
		}
	}
	states := analytics.ChannelStates(chs, reports, asOf)
	s.leadReasons(ctx, lk, states)
	return analytics.ApplyChannelCorrections(states, cs)
}

// leadReasons fills in, for suspensions and cancellations that state no
// reason of their own, the reason stated in their document's headline or
// lead: statements that list measures give the reason once, at the top
// ("Countermeasures in response to ..."). It reads each document's first
// two sentences once.
func (s *Service) leadReasons(ctx context.Context, lk *Lookup, states []analytics.ChannelState) {
	docs := sqlite.NewDocumentService(s.DB)
	cache := map[int64]string{}
	lead := func(id int64) string {
		if r, ok := cache[id]; ok {
			return r
		}
		r := ""
		if doc := lk.Document(id); doc != nil {
			if sents, err := docs.FindSentences(ctx, id); err == nil {
				for i := 0; i < len(sents) && i < 2 && r == ""; i++ {
					r = analytics.ReasonOf(doc.Slice(sents[i].Span))
				}
			}
		}
		cache[id] = r
		return r
	}
	for i := range states {
		for j := range states[i].Changes {
			ch := &states[i].Changes[j]
			if ch.Reason == "" && (ch.Status == dyad.StatusSuspended || ch.Status == dyad.StatusCancelled) {
				ch.Reason = lead(ch.Report.Event.DocID)
			}
		}
	}
}

// Commitments computes the dyad's commitments as of asOf (zero: no limit).
func (s *Service) Commitments(ctx context.Context, d [2]string, asOf time.Time, lk *Lookup) ([]analytics.Commitment, error) {
	cs, err := s.Corrections(ctx)
	if err != nil {
		return nil, err
	}
	f := dyad.EventFilter{Dyad: &d}
	if !asOf.IsZero() {
		f.To = &asOf
	}
	events, err := s.Events(ctx, f, cs)
	if err != nil {
		return nil, err
	}
	return analytics.ApplyCommitmentCorrections(analytics.Commitments(lk.Reports(events), asOf), cs), nil
}

// Index computes the relations index of the dyad.
func (s *Service) Index(ctx context.Context, d [2]string, by analytics.Granularity, from, to time.Time) (*analytics.Index, error) {
	cs, err := s.Corrections(ctx)
	if err != nil {
		return nil, err
	}
	f := dyad.EventFilter{Dyad: &d}
	if !from.IsZero() {
		f.From = &from
	}
	if !to.IsZero() {
		f.To = &to
	}
	events, err := s.Events(ctx, f, cs)
	if err != nil {
		return nil, err
	}
	return analytics.ComputeIndex(events, d, by, from, to, s.Settings.Weights), nil
}

// Views loads documents as positions and comparisons read them: sentences
// with their text and issues, mentions, and the events each reports.
func (s *Service) Views(ctx context.Context, docs []*dyad.Document) ([]analytics.DocView, error) {
	// A few documents: their own events; many: all events at once.
	var events []*dyad.Event
	es := sqlite.NewEventService(s.DB)
	if len(docs) < 10 {
		for _, d := range docs {
			id := d.ID
			evs, _, err := es.FindEvents(ctx, dyad.EventFilter{DocID: &id})
			if err != nil {
				return nil, err
			}
			events = append(events, evs...)
		}
	} else {
		var err error
		if events, _, err = es.FindEvents(ctx, dyad.EventFilter{}); err != nil {
			return nil, err
		}
	}
	byDoc := map[int64][]*dyad.Event{}
	for _, ev := range events {
		seen := map[int64]bool{}
		for _, src := range ev.Sources {
			if !seen[src.DocID] {
				seen[src.DocID] = true
				byDoc[src.DocID] = append(byDoc[src.DocID], ev)
			}
		}
	}
	ds := sqlite.NewDocumentService(s.DB)
	tok := text.Tokenizer{KeepPunct: true}
	views := make([]analytics.DocView, 0, len(docs))
	for _, d := range docs {
		if d.Text == "" {
			full, err := ds.FindDocumentByID(ctx, d.ID)
			if err != nil {
				return nil, err
			}
			d = full
		}
		sents, err := ds.FindSentences(ctx, d.ID)
		if err != nil {
			return nil, err
		}
		ms, err := ds.FindMentions(ctx, d.ID)
		if err != nil {
			return nil, err
		}
		v := analytics.DocView{Doc: d, Mentions: ms, Events: byDoc[d.ID]}
		for _, sn := range sents {
			v.Sentences = append(v.Sentences, analytics.SentenceView{Index: sn.Index, Span: sn.Span, Text: d.Slice(sn.Span),
				Issues: s.Issues.Tag(tok.Tokenize(d.Text, sn.Span))})
		}
		views = append(views, v)
	}
	return views, nil
}

// Positions computes every actor's positions from the latest version of
// each document dated up to to (zero: all).
func (s *Service) Positions(ctx context.Context, to time.Time) ([]analytics.Position, error) {
	var f dyad.DocumentFilter
	if !to.IsZero() {
		f.To = &to
	}
	docs, _, err := sqlite.NewDocumentService(s.DB).FindDocuments(ctx, f)
	if err != nil {
		return nil, err
	}
	views, err := s.Views(ctx, LatestVersions(docs))
	if err != nil {
		return nil, err
	}
	return analytics.Positions(views, s.Library), nil
}

// LatestVersions drops documents that a later version replaces.
func LatestVersions(docs []*dyad.Document) []*dyad.Document {
	replaced := map[int64]bool{}
	for _, d := range docs {
		if d.PrevID != 0 {
			replaced[d.PrevID] = true
		}
	}
	var out []*dyad.Document
	for _, d := range docs {
		if !replaced[d.ID] {
			out = append(out, d)
		}
	}
	return out
}

// Compare compares two documents.
func (s *Service) Compare(ctx context.Context, a, b *dyad.Document) (analytics.Comparison, error) {
	views, err := s.Views(ctx, []*dyad.Document{a, b})
	if err != nil {
		return analytics.Comparison{}, err
	}
	return analytics.Compare(views[0], views[1], s.Library), nil
}

// Brief composes the brief of the dyad for a period: every object as of
// its last day, the index from three months before it.
func (s *Service) Brief(ctx context.Context, d [2]string, from, to time.Time) (*brief.Brief, error) {
	lk := s.NewLookup(ctx)
	cs, err := s.Corrections(ctx)
	if err != nil {
		return nil, err
	}
	events, err := s.Events(ctx, dyad.EventFilter{Dyad: &d, To: &to}, cs)
	if err != nil {
		return nil, err
	}
	reports := lk.Reports(events)
	// Channels are often acted on by one side alone: they read every event.
	all, err := s.Events(ctx, dyad.EventFilter{To: &to}, cs)
	if err != nil {
		return nil, err
	}
	positions, err := s.Positions(ctx, to)
	if err != nil {
		return nil, err
	}
	in := &brief.Input{
		Dyad: d, From: from, To: to,
		Meetings:  meetingsOf(reports, cs, lk),
		Channels:  s.channelsOf(ctx, d, to, lk.Reports(all), cs, lk),
		Commits:   analytics.ApplyCommitmentCorrections(analytics.Commitments(reports, to), cs),
		Index:     analytics.ComputeIndex(events, d, analytics.Month, from.AddDate(0, -3, 0), to, s.Settings.Weights),
		Reports:   reports,
		Positions: positions,
		Docs:      lk.Document,
		Names:     lk.CodeName,
	}
	return brief.Write(in), nil
}
