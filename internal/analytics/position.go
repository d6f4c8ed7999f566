package analytics

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/dyad-dev/dyad"
)

// Statement classes.
const (
	ClassReiteration = "reiteration" // a standard formulation, or the actor's earlier wording
	ClassVariation   = "variation"   // a formulation of several parts with parts dropped, added or reordered
	ClassNew         = "new"         // no known formulation and no close earlier statement
)

// SimilarityThreshold is the Jaccard similarity of content words (stemmed,
// function words and reporting verbs left out) at or above which a
// statement repeats an earlier statement of the same actor on the same
// issue. 0.5 means at least half of the two sentences' distinct content
// words are shared: a reworded sentence with the same claim passes, two
// sentences on one topic making different claims do not.
const SimilarityThreshold = 0.5

// PositionHistory is how many of an actor's latest statements on an issue
// a new statement is compared with.
const PositionHistory = 500

// OmissionMinDocs is the number of earlier documents in which an actor
// must have used a formulation on an issue for its absence to be flagged
// (besides its use in more than half of them).
const OmissionMinDocs = 2

// A DocView is one stored document as positions and comparisons read it:
// its sentences with their text and issues, its actor mentions, and the
// events it reports.
type DocView struct {
	Doc       *dyad.Document
	Sentences []SentenceView
	Mentions  []dyad.Mention
	Events    []*dyad.Event // events this document reports, in any of its sentences
}

// A SentenceView is a sentence of a DocView with its text and the issues
// it is tagged with (the issue dictionary's tags and its events' issues).
type SentenceView struct {
	Index  int
	Span   dyad.Span
	Text   string
	Issues []string
}

// A DocRef names a document in evidence.
type DocRef struct {
	DocID     int64  `json:"doc_id"`
	Publisher string `json:"publisher,omitempty"`
	Side      string `json:"side,omitempty"`
	Kind      string `json:"kind,omitempty"`
	Date      string `json:"date,omitempty"` // YYYY-MM-DD
	Title     string `json:"title,omitempty"`
	Source    string `json:"source,omitempty"`
}

// RefOf returns the reference of a document.
func RefOf(d *dyad.Document) DocRef {
	r := DocRef{DocID: d.ID, Publisher: d.Publisher, Side: d.Side, Kind: d.Kind, Title: d.Title, Source: d.Source}
	if !d.Date.IsZero() {
		r.Date = d.Date.Format("2006-01-02")
	}
	return r
}

// A Cite is a sentence of a document: the evidence for a statement.
type Cite struct {
	DocRef
	Sentence int       `json:"sentence"`
	Span     dyad.Span `json:"span"`
}

// A Statement is one sentence in which an actor speaks on an issue, with
// its class against the library and the actor's earlier statements.
type Statement struct {
	Cite
	Actor string `json:"actor"`
	Issue string `json:"issue"`
	Text  string `json:"text"`
	Class string `json:"class"`
	// Formulations are the actor's own (or both sides') formulations
	// found; Borrowed are the other side's.
	Formulations []Match `json:"formulations,omitempty"`
	Borrowed     []Match `json:"borrowed,omitempty"`
	// Similar is the closest earlier statement of the actor on the issue
	// when it reaches SimilarityThreshold.
	Similar *Similar `json:"similar,omitempty"`
	// Reported says the actor is not the document's side: its words as
	// the other side (or a third party) reports them.
	Reported bool `json:"reported,omitempty"`
}

// Similar is an earlier statement and its similarity to a later one.
type Similar struct {
	Cite
	Text  string  `json:"text"`
	Score float64 `json:"score"`
}

// An Omission is a formulation an actor used on an issue in most of its
// earlier documents discussing the issue, missing from a document where
// the issue is discussed.
type Omission struct {
	Actor       string `json:"actor"`
	Issue       string `json:"issue"`
	Formulation string `json:"formulation"`
	Text        string `json:"text"`
	Doc         DocRef `json:"doc"`
	UsedIn      int    `json:"used_in"` // earlier documents that used it
	Of          int    `json:"of"`      // earlier documents of the actor on the issue
	// Last is the latest earlier statement that used it.
	Last Cite `json:"last"`
}

// A Position is an actor's statements on one issue, oldest first, and
// the omissions flagged in them.
type Position struct {
	Actor      string      `json:"actor"`
	Issue      string      `json:"issue"`
	Statements []Statement `json:"statements"`
	Omissions  []Omission  `json:"omissions,omitempty"`
}

// Positions groups the statements in docs by actor and issue and classes
// each one.
//
// A sentence is a statement of an actor when it has an issue (its tags,
// its events' issues, or the issue of a library formulation it contains;
// format formulations such as "met with" do not count). Its actor is the
// document's side, unless all the verbal events of the sentence
// (statements, appeals, intents, demands, criticism, rejections, threats:
// CAMEO roots 01–03 and 10–13) have the other state as their source ("the
// Secretary said" in a PRC readout); in a document without a side, it is
// the single source country of the sentence's verbal events, or of all
// its events. Sentences without an actor are left out.
//
// A statement is a variation when a formulation of several parts is
// found with parts dropped or out of order, or with parts the actor did
// not use the last time it used the formulation; a reiteration when it
// contains another formulation of its actor (or of both sides), or when
// it is at least SimilarityThreshold similar to one of the actor's
// statements on the issue in an earlier document; new otherwise.
// Documents are taken in date order (then by ID).
//
// An omission is flagged for a document in which an actor speaks on an
// issue without a formulation that it used on that issue in more than
// half, and at least OmissionMinDocs, of its earlier documents speaking on
// the issue.
func Positions(docs []DocView, lib *Library) []Position {
	intern := interner{}
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		x, y := docs[order[a]].Doc, docs[order[b]].Doc
		if !x.Date.Equal(y.Date) {
			return x.Date.Before(y.Date)
		}
		return x.ID < y.ID
	})

	type group struct {
		pos     *Position
		history []prior          // earlier documents' statements, latest last
		docs    int              // earlier documents speaking on the issue
		used    map[string]int   // formulation → earlier documents using it
		last    map[string]*Cite // formulation → latest earlier use
	}
	groups := map[[2]string]*group{}
	get := func(actor, issue string) *group {
		k := [2]string{actor, issue}
		g := groups[k]
		if g == nil {
			g = &group{pos: &Position{Actor: actor, Issue: issue}, used: map[string]int{}, last: map[string]*Cite{}}
			groups[k] = g
		}
		return g
	}
	lastParts := map[[2]string][]string{} // actor, formulation → parts at its latest use

	for _, di := range order {
		v := docs[di]
		ref := RefOf(v.Doc)
		evs := sentenceEvents(v)
		type docUse struct {
			cites map[string]Cite // formulation → first use in this document
		}
		inDoc := map[[2]string]*docUse{}
		spoken := map[string]map[string]bool{} // actor → formulations used anywhere in the document
		var fresh []struct {
			k [2]string
			p prior
		}
		for _, s := range v.Sentences {
			actor, reported := speaker(v.Doc, evs[s.Index])
			if actor == "" {
				continue
			}
			matches := lib.Match(s.Text, s.Span.Start)
			issues := sentenceIssues(s, evs[s.Index], matches)
			if len(issues) == 0 {
				continue
			}
			var own, borrowed []Match
			for _, m := range matches {
				switch {
				case m.Kind == KindFormat:
				case m.Actor == "" || m.Actor == actor:
					own = append(own, m)
				default:
					borrowed = append(borrowed, m)
				}
			}
			if spoken[actor] == nil {
				spoken[actor] = map[string]bool{}
			}
			for i := range own {
				m := &own[i]
				spoken[actor][m.ID] = true
				if len(m.Elements) == 0 {
					continue
				}
				lk := [2]string{actor, m.ID}
				if prev, ok := lastParts[lk]; ok {
					for _, e := range m.Elements {
						if !contains(prev, e) {
							m.Added = append(m.Added, e)
						}
					}
				}
			}
			cite := Cite{DocRef: ref, Sentence: s.Index, Span: s.Span}
			words := intern.ids(contentWords(s.Text))
			for _, issue := range issues {
				g := get(actor, issue)
				st := Statement{Cite: cite, Actor: actor, Issue: issue, Text: s.Text, Formulations: own, Borrowed: borrowed,
					Reported: reported}
				st.Similar = mostSimilar(g.history, words)
				st.Class = classify(own, st.Similar)
				g.pos.Statements = append(g.pos.Statements, st)
				k := [2]string{actor, issue}
				u := inDoc[k]
				if u == nil {
					u = &docUse{cites: map[string]Cite{}}
					inDoc[k] = u
				}
				for _, m := range own {
					if _, ok := u.cites[m.ID]; !ok {
						u.cites[m.ID] = cite
					}
				}
				fresh = append(fresh, struct {
					k [2]string
					p prior
				}{k, prior{cite: cite, text: s.Text, words: words}})
			}
			for _, m := range own {
				if len(m.Elements) > 0 {
					lastParts[[2]string{actor, m.ID}] = m.Elements
				}
			}
		}
		// Omissions, then this document joins the history.
		keys := make([][2]string, 0, len(inDoc))
		for k := range inDoc {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(a, b int) bool {
			return keys[a][0] < keys[b][0] || keys[a][0] == keys[b][0] && keys[a][1] < keys[b][1]
		})
		for _, k := range keys {
			g := get(k[0], k[1])
			ids := make([]string, 0, len(g.used))
			for id := range g.used {
				ids = append(ids, id)
			}
			sort.Strings(ids)
			for _, id := range ids {
				n := g.used[id]
				if n < OmissionMinDocs || 2*n <= g.docs || spoken[k[0]][id] {
					continue
				}
				o := Omission{Actor: k[0], Issue: k[1], Formulation: id, Doc: ref, UsedIn: n, Of: g.docs, Last: *g.last[id]}
				if f := lib.Get(id); f != nil {
					o.Text = f.Text
				}
				g.pos.Omissions = append(g.pos.Omissions, o)
			}
		}
		for _, k := range keys {
			g := get(k[0], k[1])
			g.docs++
			for id, c := range inDoc[k].cites {
				g.used[id]++
				c := c
				g.last[id] = &c
			}
		}
		for _, f := range fresh {
			g := groups[f.k]
			g.history = append(g.history, f.p)
			if len(g.history) > PositionHistory {
				g.history = g.history[len(g.history)-PositionHistory:]
			}
		}
	}

	out := make([]Position, 0, len(groups))
	for _, g := range groups {
		out = append(out, *g.pos)
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Actor != out[b].Actor {
			return out[a].Actor < out[b].Actor
		}
		return out[a].Issue < out[b].Issue
	})
	return out
}

// prior is an earlier statement kept for similarity.
type prior struct {
	cite  Cite
	text  string
	words []uint32 // sorted interned content words
}

// interner numbers words once per Positions call, so comparing two
// statements merges sorted integers instead of strings: each statement is
// compared with up to PositionHistory earlier ones.
type interner map[string]uint32

// ids returns the sorted, distinct numbers of the sorted, distinct words.
func (in interner) ids(words []string) []uint32 {
	out := make([]uint32, len(words))
	for i, w := range words {
		id, ok := in[w]
		if !ok {
			id = uint32(len(in))
			in[w] = id
		}
		out[i] = id
	}
	slices.Sort(out)
	return out
}

func classify(own []Match, sim *Similar) string {
	for i := range own {
		if own[i].Varied() || len(own[i].Added) > 0 {
			return ClassVariation
		}
	}
	if len(own) > 0 || sim != nil {
		return ClassReiteration
	}
	return ClassNew
}

// mostSimilar returns the statement of history most similar to words, if
// it reaches SimilarityThreshold; the latest wins a tie.
func mostSimilar(history []prior, words []uint32) *Similar {
	var best *prior
	score := 0.0
	for i := len(history) - 1; i >= 0; i-- {
		if j := Jaccard(history[i].words, words); j > score {
			best, score = &history[i], j
		}
	}
	if best == nil || score < SimilarityThreshold {
		return nil
	}
	return &Similar{Cite: best.cite, Text: best.text, Score: float64(int(score*100+0.5)) / 100}
}

// Jaccard returns the size of the intersection of two sorted sets of
// distinct values over the size of their union (0 for two empty sets).
// Positions compares interned word numbers; any ordered type works.
func Jaccard[T cmp.Ordered](a, b []T) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 0
	}
	i, j, inter := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			inter++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// ContentWords returns the sorted, distinct stems of the content words of
// s: what similarity compares.
func ContentWords(s string) []string { return contentWords(s) }

func contentWords(s string) []string {
	ws := scanWords(s, 0, false)
	out := make([]string, 0, len(ws))
	for _, w := range ws {
		if !w.stop && len(w.stem) >= 3 {
			out = append(out, w.stem)
		}
	}
	sort.Strings(out)
	return compactStrings(out)
}

func compactStrings(s []string) []string {
	if len(s) < 2 {
		return s
	}
	j := 1
	for i := 1; i < len(s); i++ {
		if s[i] != s[j-1] {
			s[j] = s[i]
			j++
		}
	}
	return s[:j]
}

func contains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// sentenceEvents returns the events of a document by the index of the
// sentence that reports them there.
func sentenceEvents(v DocView) map[int][]*dyad.Event {
	out := map[int][]*dyad.Event{}
	for _, ev := range v.Events {
		found := false
		for _, s := range ev.Sources {
			if s.DocID == v.Doc.ID {
				out[s.Sentence] = append(out[s.Sentence], ev)
				found = true
			}
		}
		if !found && ev.DocID == v.Doc.ID {
			out[ev.Sentence] = append(out[ev.Sentence], ev)
		}
	}
	return out
}

// verbal reports whether an event is something said: a statement, appeal,
// intent, demand, criticism, rejection or threat.
func verbal(ev *dyad.Event) bool {
	switch ev.Root() {
	case "01", "02", "03", "10", "11", "12", "13":
		return true
	}
	return false
}

// speaker returns the actor of a sentence with events evs in doc (see
// Positions), and whether it differs from the document's side.
func speaker(doc *dyad.Document, evs []*dyad.Event) (string, bool) {
	sources := func(all bool) []string {
		var out []string
		for _, ev := range evs {
			if c := ev.Source.Country; c != "" && (all || verbal(ev)) && !contains(out, c) {
				out = append(out, c)
			}
		}
		return out
	}
	side := doc.Side
	if side != "" {
		if vs := sources(false); len(vs) > 0 && !contains(vs, side) && len(vs) == 1 {
			return vs[0], true
		}
		return side, false
	}
	if vs := sources(false); len(vs) == 1 {
		return vs[0], true
	}
	if vs := sources(true); len(vs) == 1 {
		return vs[0], true
	}
	return "", false
}

// sentenceIssues returns the sorted issues of a sentence: its tags, its
// events' issues and the issues of the formulations in it.
func sentenceIssues(s SentenceView, evs []*dyad.Event, ms []Match) []string {
	var out []string
	add := func(is ...string) {
		for _, i := range is {
			if i = strings.TrimSpace(i); i != "" && !contains(out, i) {
				out = append(out, i)
			}
		}
	}
	add(s.Issues...)
	for _, ev := range evs {
		add(ev.Issues...)
	}
	for _, m := range ms {
		if m.Kind != KindFormat {
			add(m.Issue)
		}
	}
	sort.Strings(out)
	return out
}
