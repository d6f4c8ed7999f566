package actors

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-dev/dyad"
)

// Priorities break ties between candidates of equal length.
const (
	prioAgent   = 1 // country + agent noun
	prioPhoenix = 2 // Phoenix phrase
	prioTitled  = 3 // title + Phoenix name
	prioSurname = 4 // surname alone
	prioDyad    = 5 // dyad actor, office title, side, both
	prioPerson  = 6 // dyad person by name, possibly with a title
)

// maxDepth bounds nested look-ahead (country, title, chained title, "of"
// country, name).
const maxDepth = 6

// A DocTagger tags the sentences of one document, in order, keeping the
// coreference state: the people mentioned so far and when. It is not safe
// for concurrent use: make one per document, or one per worker and Reset it
// before each document.
type DocTagger struct {
	d    *Dictionary
	side string
	// seen holds per person the sequence number of the last mention. seq
	// only grows across the documents a reused tagger sees; a person was
	// mentioned in the current document when seen > base, the value of seq
	// when the document began, so Reset need not clear seen.
	seen []uint32
	seq  uint32
	base uint32
	bufs [maxDepth][]term
	offs []int32
	// surnames holds the people a surname may refer to; more than this many
	// namesakes are not told apart.
	surnames [16]hit
	ps       []int32
	// first holds, per token of the sentence being tagged, the root's child
	// for its Norm.
	first []*node
	// stemTerms holds the terms of the root's stems (TABARI) that the
	// tokens of the sentence match, those of token i at
	// stemTerms[stemOff[i]:stemOff[i+1]].
	stemTerms []term
	stemOff   []int32
	// nohy holds the tokens of the sentence without hyphens (TABARI).
	nohy []dyad.Token
}

// Doc returns a tagger for one document whose authoring side is side
// ("USA", "CHN" or ""). It keeps the coreference state across that
// document's sentences, which must be tagged in order.
func (d *Dictionary) Doc(side string) *DocTagger {
	t := &DocTagger{d: d, side: dyad.NormalizeSide(side), seen: make([]uint32, len(d.persons))}
	// One backing array for the look-ahead buffers; a buffer that outgrows
	// its share reallocates on its own.
	const per = 8
	all := make([]term, per*maxDepth)
	for k := range t.bufs {
		t.bufs[k] = all[k*per : k*per : (k+1)*per]
	}
	t.offs = make([]int32, 0, 8)
	t.ps = make([]int32, 0, 4)
	return t
}

// rebase is how far seq may grow before Reset clears seen and starts
// again from 0; no document comes near it.
const rebase = 1 << 31

// Reset readies t for a new document whose authoring side is side, as
// Doc would, keeping its buffers: a worker that tags many short documents
// reuses one tagger instead of allocating one per document. Nothing of
// the documents tagged before carries over.
func (t *DocTagger) Reset(side string) {
	t.side = dyad.NormalizeSide(side)
	if t.seq >= rebase {
		clear(t.seen)
		t.seq = 0
	}
	t.base = t.seq
}

// Dictionary returns the dictionary t tags with.
func (t *DocTagger) Dictionary() *Dictionary { return t.d }

// mentioned returns the sequence number of person p's last mention in the
// current document, 0 if none.
func (t *DocTagger) mentioned(p int32) uint32 {
	if n := t.seen[p]; n > t.base {
		return n
	}
	return 0
}

// A cand is a candidate mention starting at the token being scanned.
type cand struct {
	end    int // token index after the mention
	prio   int
	rank   int32
	block  bool  // a null-coded phrase: consumes its words, yields nothing
	person int32 // -1 when not a dyad person
	m      dyad.Mention
	entry2 string // second part of a composite entry ("OFFICIAL")
}

func (c *cand) better(o *cand) bool {
	if c.end != o.end {
		return c.end > o.end
	}
	if c.prio != o.prio {
		return c.prio > o.prio
	}
	return c.rank > o.rank
}

// scan holds what one Tag call needs: the sentence, the day and the best
// candidate so far.
type scan struct {
	text  string
	toks  []dyad.Token
	today int
	best  cand
	// ctxAgent: a phrase found at some token (at) is an agent of
	// ctxSectors; blocked: a null-coded phrase of several words hid the
	// tokens after its first from at. With neither, contextMentions has
	// no bare agent noun to look at.
	ctxAgent, blocked bool
}

func (s *scan) consider(c cand) {
	if s.best.end < 0 || c.better(&s.best) {
		s.best = c
	}
}

// Tag returns the actor mentions in one sentence, in order and
// non-overlapping (the longest match wins; dyad entries beat Phoenix ones
// of equal length), resolved as of date. toks must come from
// text.Tokenizer{KeepPunct: true} over text; spans in the mentions are the
// tokens' spans, so they index whatever text the tokens index.
func (t *DocTagger) Tag(sent int, text string, toks []dyad.Token, date time.Time) []dyad.Mention {
	return t.AppendTag(nil, sent, text, toks, date)
}

// AppendTag is Tag appending the sentence's mentions to dst, which it
// returns extended; the mentions before len(dst) are left as they are. A
// caller collecting a document's mentions in one slice needs no slice per
// sentence.
func (t *DocTagger) AppendTag(dst []dyad.Mention, sent int, text string, toks []dyad.Token, date time.Time) []dyad.Mention {
	base := len(dst)
	out := dst
	if t.d.tabari {
		toks = t.withoutHyphens(toks)
	}
	s := scan{text: text, toks: toks, today: day(date)}
	t.first = t.first[:0]
	t.stemTerms, t.stemOff = t.stemTerms[:0], t.stemOff[:0]
	root := t.d.root
	for i := range toks {
		t.first = append(t.first, root.child(toks[i].Norm))
		t.stemOff = append(t.stemOff, int32(len(t.stemTerms)))
		if root.stems != nil {
			t.stemTerms = root.stems.match(toks[i].Norm, i+1, t.stemTerms)
		}
	}
	t.stemOff = append(t.stemOff, int32(len(t.stemTerms)))
	for i := 0; i < len(toks); {
		if toks[i].Kind == dyad.Punct {
			i++
			continue
		}
		s.best = cand{end: -1}
		t.at(&s, i)
		if s.best.end <= i {
			i++
			continue
		}
		if t.articleShadows(&s, i) {
			i++
			continue
		}
		c := &s.best
		if !c.block {
			m := c.m
			m.Sentence = sent
			m.Span = dyad.Span{Start: toks[i].Span.Start, End: toks[c.end-1].Span.End}
			if m.Span.Start >= 0 && m.Span.End <= len(text) && m.Span.Start <= m.Span.End {
				m.Text = text[m.Span.Start:m.Span.End]
			}
			if c.entry2 != "" {
				m.Entry = m.Entry + " + " + c.entry2
			}
			if out == nil {
				out = make([]dyad.Mention, 0, 4)
			}
			out = append(out, m)
			if c.person >= 0 {
				t.seq++
				t.seen[c.person] = t.seq
			}
		} else if c.end > i+1 {
			s.blocked = true
		}
		i = c.end
	}
	if len(t.d.gapped) > 0 && len(toks) > 0 {
		mine := t.gappedMentions(&s, sent, out[base:len(out):len(out)])
		out = append(out[:base], mine...)
	}
	if !t.d.tabari && !t.d.opts.TABARIAgents && !t.d.opts.ConvertAgents && len(toks) > 0 {
		mine := t.contextMentions(&s, sent, out[base:len(out):len(out)])
		out = append(out[:base], mine...)
	}
	return out
}

// articleShadows reports whether the best mention at token i begins with
// "the" and a longer one begins at the next word: entries that include
// the article ("the UN") must not cut short a longer name after it ("the
// UN High Commission for Refugees"), since the longest name wins wherever
// it starts. s.best is left as found at i. TABARI projects keep their own
// leftmost matching.
func (t *DocTagger) articleShadows(s *scan, i int) bool {
	if t.d.tabari || i+1 >= len(s.toks) || s.best.end <= i+1 || s.toks[i].Norm != "THE" {
		return false
	}
	held := s.best
	s.best = cand{end: -1}
	t.at(s, i+1)
	longer := s.best.end > held.end
	s.best = held
	return longer
}

// withoutHyphens returns toks without its hyphen tokens, as TABARI's
// input filter blanks them ("Al-Gore" is AL GORE), or toks itself when it
// has none. Mention spans are byte spans, so they still cover the hyphen.
func (t *DocTagger) withoutHyphens(toks []dyad.Token) []dyad.Token {
	if !slices.ContainsFunc(toks, isHyphen) {
		return toks
	}
	t.nohy = t.nohy[:0]
	for _, tk := range toks {
		if !isHyphen(tk) {
			t.nohy = append(t.nohy, tk)
		}
	}
	return t.nohy
}

func isHyphen(tk dyad.Token) bool { return tk.Norm == "-" }

// gappedMentions returns out with the mentions of TABARI phrases with
// blanks added: the first match of each phrase whose chunks come in order
// in the sentence, with other words but no comma or stop between. Such a mention replaces the
// shorter mentions it covers; one that overlaps a longer mention, or whose
// code is null on the day, is left out. Underscores in the text join
// words as blanks do ("Dol_Amroth").
func (t *DocTagger) gappedMentions(s *scan, sent int, out []dyad.Mention) []dyad.Mention {
	for gi := range t.d.gapped {
		if f := t.d.gapFirst[gi]; f != nil && !slices.Contains(t.first, f) {
			continue // no token is the phrase's first word
		}
		g := &t.d.gapped[gi]
		start, end := -1, -1
		for i := 0; i < len(s.toks) && start < 0; i++ {
			e := chunkAt(s.toks, i, g.chunks[0], g.stem && len(g.chunks) == 1)
			if e < 0 {
				continue
			}
			k := 1
			for j := e; j < len(s.toks) && k < len(g.chunks); j++ {
				if e2 := chunkAt(s.toks, j, g.chunks[k], g.stem && k == len(g.chunks)-1); e2 >= 0 {
					k++
					e, j = e2, e2-1
					continue
				}
				switch s.toks[j].Norm {
				case ",", ";", ":", ".", "?", "!", "(", ")":
					j = len(s.toks) // the words between are of one phrase
				}
			}
			if k == len(g.chunks) {
				start, end = i, e
			}
		}
		if start < 0 {
			continue
		}
		e := &t.d.phoenix[g.entry]
		code := e.resolve(s.today)
		if code == "" {
			continue
		}
		sp := dyad.Span{Start: s.toks[start].Span.Start, End: s.toks[end-1].Span.End}
		m := dyad.Mention{Sentence: sent, Actor: dyad.Actor{Code: code, Country: countryOf(code), Span: sp}, Rule: "dict", Entry: e.name}
		if sp.Start >= 0 && sp.End <= len(s.text) {
			m.Text = s.text[sp.Start:sp.End]
		}
		keep := out[:0:0]
		longer := false
		for _, o := range out {
			switch {
			case o.Span.End <= sp.Start || o.Span.Start >= sp.End:
				keep = append(keep, o)
			case o.Span.End-o.Span.Start >= sp.End-sp.Start:
				longer = true
			}
		}
		if longer {
			continue
		}
		k := 0
		for k < len(keep) && keep[k].Span.Start < sp.Start {
			k++
		}
		out = append(keep[:k:k], append([]dyad.Mention{m}, keep[k:]...)...)
	}
	return out
}

// chunkAt returns the token after the words ws matched from token i on,
// skipping "_" tokens between them, or -1. With stem the last word
// matches any word it begins.
func chunkAt(toks []dyad.Token, i int, ws []string, stem bool) int {
	for k, w := range ws {
		if k > 0 {
			for i < len(toks) && toks[i].Norm == "_" {
				i++
			}
		}
		if i >= len(toks) {
			return -1
		}
		n := toks[i].Norm
		if n != w && !(stem && k == len(ws)-1 && strings.HasPrefix(n, w)) {
			return -1
		}
		i++
	}
	return i
}

// walk returns the dictionary phrases starting at token i, using the
// buffer of the given depth.
func (t *DocTagger) walk(s *scan, depth, i int) []term {
	if depth >= maxDepth || i >= len(s.toks) {
		return nil
	}
	stems := t.stemTerms[t.stemOff[i]:t.stemOff[i+1]]
	t.bufs[depth] = t.d.root.walkFirst(t.first[i], stems, s.toks, i, t.bufs[depth][:0])
	return t.bufs[depth]
}

// at considers every candidate mention starting at token i.
func (t *DocTagger) at(s *scan, i int) {
	d := t.d
	terms := t.walk(s, 0, i)
	for _, tm := range terms {
		titled, state := false, false
		for _, h := range tm.hits {
			if h.kind == hitAgent && d.ctxAgent[h.idx] {
				s.ctxAgent = true
			}
			if (h.short || h.lone) && lowerWord(s.text, s.toks[i]) {
				continue
			}
			switch h.kind {
			case hitPhoenix:
				e := &d.phoenix[h.idx]
				code := e.resolve(s.today)
				c := cand{end: tm.end, prio: prioPhoenix, rank: h.order, person: -1}
				if code == "" {
					c.block = true
				} else {
					c.m = dyad.Mention{Actor: dyad.Actor{Code: code, Country: countryOf(code)}, Rule: "dict", Entry: e.name}
				}
				s.consider(c)
				if !state && (isStateCode(code) || d.opts.TABARIAgents && code != "") {
					state = true
					t.afterCountry(s, i, tm.end, code, e.name, 1)
				}
			case hitActor:
				a := &d.actors[h.idx]
				s.consider(cand{end: tm.end, prio: prioDyad, rank: h.order, person: -1,
					m: dyad.Mention{Actor: dyad.Actor{Code: a.code, Country: a.country}, Rule: a.rule, Entry: a.entry}})
				if !state && isStateCode(a.code) {
					state = true
					t.afterCountry(s, i, tm.end, a.code, a.entry, 1)
				}
			case hitPerson:
				s.consider(t.personCand(s, tm.end, h.idx, nil, "dict", prioPerson, h.order))
			case hitSurname:
				// handled below, once for all people sharing the surname
			case hitTitle, hitHonorific:
				titled = true
			case hitBoth:
				s.consider(cand{end: tm.end, prio: prioDyad, person: -1, m: dyad.Mention{Rule: "both", Entry: "both"}})
			case hitAgent:
				if d.opts.TABARIAgents || d.opts.ConvertAgents {
					t.agentCands(s, i, tm.end, h)
				}
			}
		}
		if tm.end == i+1 && capitalized(s.text, s.toks[i]) {
			t.surnameCand(s, i+1, tm.hits, nil, prioSurname, true)
		}
		if titled {
			t.titleCands(s, i, tm.end, tm.hits, "", 1)
		}
	}
}

// afterCountry considers what may follow a country mention that ends at
// token j: a title ("Chinese President", "China's top diplomat"), an agent
// noun ("Chinese officials") or "side" ("the Chinese side").
func (t *DocTagger) afterCountry(s *scan, i, j int, code, entry string, depth int) {
	if j < len(s.toks) && s.toks[j].Norm == "'S" {
		j++
	}
	if j >= len(s.toks) {
		return
	}
	if s.toks[j].Norm == "SIDE" {
		s.consider(cand{end: j + 1, prio: prioDyad, person: -1,
			m:      dyad.Mention{Actor: dyad.Actor{Code: code, Country: countryOf(code)}, Rule: "side", Entry: entry},
			entry2: "SIDE"})
	}
	former := false
	if t.d.opts.TABARIAgents {
		// "Arnor former security officials" (the manual, §5.4.1).
		former = i > 0 && s.toks[i-1].Norm == "FORMER"
		if s.toks[j].Norm == "FORMER" && j+1 < len(s.toks) {
			j++
			former = true
		}
	}
	for _, tm := range t.walk(s, depth, j) {
		titled := false
		for _, h := range tm.hits {
			switch h.kind {
			case hitTitle:
				titled = true
			case hitAgent:
				a := &t.d.agents[h.idx]
				c := composeAgent(code, t.agentOf(a, former))
				end := tm.end
				if t.d.opts.TABARIAgents {
					// "Bree Prime Minister Romendacil": a name of the same
					// actor after the agent is part of the mention.
					end = t.sameActorAt(s, depth+1, end, code)
				}
				s.consider(cand{end: end, prio: prioAgent, rank: h.order, person: -1,
					m:      dyad.Mention{Actor: dyad.Actor{Code: c, Country: countryOf(code)}, Rule: "agent", Entry: entry},
					entry2: a.name})
			}
		}
		if titled {
			t.titleCands(s, i, tm.end, tm.hits, code, depth+1)
		}
	}
}

// composeAgent adds an agent's code to an actor code, skipping the
// three-letter parts the actor code already has (USAGOV + GOV is USAGOV).
func composeAgent(code string, a *agent) string {
	if strings.IndexByte(code, '/') >= 0 {
		// a TABARI compound code: the agent joins each of its codes
		parts := strings.Split(code, "/")
		for i, p := range parts {
			parts[i] = composeAgent(p, a)
		}
		return strings.Join(parts, "/")
	}
	add := ""
	for k := 0; k+3 <= len(a.code); k += 3 {
		part := a.code[k : k+3]
		if !hasPart(code, part) {
			add += part
		}
	}
	if len(a.code)%3 != 0 && !hasPart(code, a.code) {
		add = a.code
	}
	if add == "" {
		return code
	}
	if a.prefix {
		return add + code
	}
	return code + add
}

func hasPart(code, part string) bool {
	for k := 0; k+len(part) <= len(code); k += 3 {
		if code[k:k+len(part)] == part {
			return true
		}
	}
	return false
}

// titleCands considers mentions led by a title (or honorific) that spans
// tokens [i, end): the title chained with others by "and" or ",", then a
// name, or the title alone. country restricts the offices ("" for any).
func (t *DocTagger) titleCands(s *scan, i, end int, hits []hit, country string, depth int) {
	d := t.d
	offs := t.offs[:0]
	honor := false
	for _, h := range hits {
		switch h.kind {
		case hitTitle:
			if country == "" || d.offices[h.idx].country == country {
				offs = append(offs, h.idx)
			}
		case hitHonorific:
			honor = true
		}
	}
	if len(offs) == 0 && !honor {
		return
	}
	// Chained titles: "State Councilor and Foreign Minister".
	for k := 0; k < 3 && len(offs) > 0 && end+1 < len(s.toks); k++ {
		if sep := s.toks[end].Norm; sep != "AND" && sep != "," {
			break
		}
		// The longest title after the separator.
		var next term
		for _, tm := range t.walk(s, depth, end+1) {
			for _, h := range tm.hits {
				if h.kind == hitTitle && (country == "" || d.offices[h.idx].country == country) {
					next = tm
					break
				}
			}
		}
		if next.end == 0 {
			break
		}
		for _, h := range next.hits {
			if h.kind == hitTitle && (country == "" || d.offices[h.idx].country == country) {
				offs = append(offs, h.idx)
			}
		}
		end = next.end
	}
	// "President of China", "the Foreign Minister of the PRC".
	if country == "" && len(offs) > 0 && end+1 < len(s.toks) && s.toks[end].Norm == "OF" {
		j := end + 1
		if s.toks[j].Norm == "THE" {
			j++
		}
		if c, e := t.countryAt(s, depth, j); c != "" {
			n := 0
			for _, o := range offs {
				if d.offices[o].country == c {
					offs[n] = o
					n++
				}
			}
			if n > 0 {
				offs = offs[:n]
				end = e
			}
		}
	}
	t.offs = offs

	// A name after the title.
	named := false
	if end < len(s.toks) {
		for _, tm := range t.walk(s, depth, end) {
			for _, h := range tm.hits {
				switch h.kind {
				case hitPerson:
					c := t.personCand(s, tm.end, h.idx, offs, "dict", prioPerson, h.order)
					s.consider(c)
					named = true
				case hitPhoenix:
					if tm.end-end < 2 {
						continue
					}
					e := &d.phoenix[h.idx]
					code := e.resolve(s.today)
					if code == "" || isStateCode(code) {
						continue
					}
					s.consider(cand{end: tm.end, prio: prioTitled, rank: h.order, person: -1,
						m: dyad.Mention{Actor: dyad.Actor{Code: code, Country: countryOf(code)}, Rule: "dict", Entry: e.name}})
					named = true
				}
			}
			if tm.end == end+1 && capitalized(s.text, s.toks[end]) {
				if t.surnameCand(s, end+1, tm.hits, offs, prioPerson, false) {
					named = true
				}
			}
		}
	}
	if named {
		return
	}
	if len(offs) == 0 {
		// "the Secretary", "the Director": an honorific used as a title
		// refers back to someone already mentioned.
		if honor && i > 0 && s.toks[i-1].Norm == "THE" && !(end < len(s.toks) && nameLike(s.text, s.toks[end])) {
			t.backTitleCand(s, i, end)
		}
		return
	}
	// The title alone, unless a name we do not know follows it.
	if end < len(s.toks) && nameLike(s.text, s.toks[end]) {
		return
	}
	t.officeCand(s, end, offs)
}

// notName lists capitalized words that may follow a title without being
// a name.
var notName = map[string]bool{
	"MONDAY": true, "TUESDAY": true, "WEDNESDAY": true, "THURSDAY": true, "FRIDAY": true,
	"SATURDAY": true, "SUNDAY": true, "ON": true, "IN": true, "AT": true, "AND": true,
	"THE": true, "OF": true, "SAID": true, "TO": true, "WITH": true,
}

// nameLike reports whether a token looks like part of a name: a
// capitalized word that is not a weekday or a function word.
func nameLike(text string, tk dyad.Token) bool {
	return tk.Kind == dyad.Word && capitalized(text, tk) && !notName[tk.Norm]
}

// countryAt returns the state code of a country mention at token j and
// its end, or "".
func (t *DocTagger) countryAt(s *scan, depth, j int) (string, int) {
	best, end := "", 0
	for _, tm := range t.walk(s, depth+1, j) {
		for _, h := range tm.hits {
			if code := t.hitCode(s, h); isStateCode(code) {
				best, end = code, tm.end
			}
		}
	}
	return best, end
}

// hitCode is the actor code of a Phoenix or dyad actor entry hit on the
// scan's day, or "" for other hits (agents, offices, people).
func (t *DocTagger) hitCode(s *scan, h hit) string {
	switch h.kind {
	case hitPhoenix:
		return t.d.phoenix[h.idx].resolve(s.today)
	case hitActor:
		return t.d.actors[h.idx].code
	}
	return ""
}

// officeCand considers the holder on the day of one of the offices named by
// a title that ends before token end (Rule "office").
func (t *DocTagger) officeCand(s *scan, end int, offs []int32) {
	d := t.d
	// People holding one of the offices on the day.
	ps := t.ps[:0]
	for _, o := range offs {
		if p := d.offices[o].holderOn(s.today); p >= 0 && !contains(ps, p) {
			ps = append(ps, p)
		}
	}
	t.ps = ps
	var p int32 = -1
	switch {
	case len(ps) == 1:
		p = ps[0]
	case len(ps) > 1:
		// The one mentioned last in the document.
		var last uint32
		for _, q := range ps {
			if n := t.mentioned(q); n > last {
				p, last = q, n
			}
		}
		if p < 0 && t.side != "" {
			// The office of the document's side.
			for _, q := range ps {
				for _, o := range offs {
					if d.offices[o].country == t.side && d.offices[o].holderOn(s.today) == q {
						if p >= 0 && p != q {
							return // still ambiguous
						}
						p = q
					}
				}
			}
		}
		if p < 0 {
			return
		}
	default:
		// Nobody on record: the office itself, when the title is unambiguous.
		o := offs[0]
		for _, x := range offs[1:] {
			if x != o {
				return
			}
		}
		of := &d.offices[o]
		s.consider(cand{end: end, prio: prioDyad, person: -1, m: dyad.Mention{
			Actor: dyad.Actor{Code: of.code, Country: of.country, Office: of.name, Level: of.level},
			Rule:  "office", Entry: of.entry}})
		return
	}
	c := t.personCand(s, end, p, offs, "office", prioDyad, 0)
	// Name the office the title named.
	if o := t.heldOf(s, p, offs); o >= 0 {
		c.m.Entry = d.offices[o].entry
	}
	s.consider(c)
}

// heldOf returns the highest-level office of offs that p held on the day,
// or -1.
func (t *DocTagger) heldOf(s *scan, p int32, offs []int32) int32 {
	best := int32(-1)
	for _, tn := range t.d.persons[p].tenures {
		if tn.from <= s.today && s.today <= tn.to && (offs == nil || contains(offs, tn.office)) {
			if best < 0 || levelRank[t.d.offices[tn.office].level] < levelRank[t.d.offices[best].level] {
				best = tn.office
			}
		}
	}
	return best
}

// personCand resolves person p mentioned by tokens up to end: the office
// held on the day, preferring those in prefer, the highest level first.
func (t *DocTagger) personCand(s *scan, end int, p int32, prefer []int32, rule string, prio int, rank int32) cand {
	d := t.d
	pp := &d.persons[p]
	a := dyad.Actor{Country: pp.country, Person: pp.name}
	o := int32(-1)
	if len(prefer) > 0 {
		o = t.heldOf(s, p, prefer)
	}
	if o < 0 {
		o = t.heldOf(s, p, nil)
	}
	if o >= 0 {
		of := &d.offices[o]
		a.Code, a.Office, a.Level = of.code, of.name, of.level
		if a.Country == "" {
			a.Country = of.country
		}
	} else {
		a.Code = pp.code
		if a.Code == "" && pp.country != "" {
			a.Code = pp.country + "ELI"
		}
	}
	return cand{end: end, prio: prio, rank: rank, person: p, m: dyad.Mention{Actor: a, Rule: rule, Entry: pp.entry}}
}

// surnameCand resolves a surname ending before token end to one of the
// people in hits that have it: a holder of one of the offices in prefer,
// else the one mentioned last in the document, else the only one in office
// on the day. It reports whether it found someone.
//
// A surname that is part of someone else's full name is not theirs: a
// family-first surname followed by a capitalized word ("Wang Wenbin"), or,
// when bare, a family-last surname preceded by one ("Tom Blinken").
func (t *DocTagger) surnameCand(s *scan, end int, hits []hit, prefer []int32, prio int, bare bool) bool {
	d := t.d
	nextName := end < len(s.toks) && nameLike(s.text, s.toks[end])
	prevName := bare && end-2 > 0 && nameLike(s.text, s.toks[end-2])
	n := 0
	for _, h := range hits {
		if h.kind != hitSurname {
			continue
		}
		if fam := d.persons[h.idx].family; fam == "first" && nextName || fam == "last" && prevName {
			continue
		}
		t.surnames[n] = h
		n++
		if n == len(t.surnames) {
			break
		}
	}
	hits = t.surnames[:n]
	p, rule := int32(-1), ""
	if len(prefer) > 0 {
		for _, h := range hits {
			if h.kind != hitSurname {
				continue
			}
			if t.heldOf(s, h.idx, prefer) >= 0 {
				if p >= 0 && p != h.idx {
					p = -1
					break
				}
				p, rule = h.idx, "office"
			}
		}
		if p >= 0 && t.mentioned(p) > 0 {
			rule = "coref"
		}
	}
	if p < 0 {
		var last uint32
		for _, h := range hits {
			if h.kind == hitSurname && t.mentioned(h.idx) > last {
				p, last, rule = h.idx, t.mentioned(h.idx), "coref"
			}
		}
	}
	if p < 0 {
		n := 0
		for _, h := range hits {
			if h.kind == hitSurname && t.heldOf(s, h.idx, nil) >= 0 {
				p, rule = h.idx, "dict"
				n++
			}
		}
		if n != 1 {
			p = -1
		}
	}
	if p < 0 {
		return false
	}
	s.consider(t.personCand(s, end, p, prefer, rule, prio, 0))
	return true
}

// holderOn returns the person holding o on day, or -1; when terms overlap
// the one that began last wins.
func (o *coffice) holderOn(day int) int32 {
	p, from := int32(-1), -1
	for _, h := range o.holders {
		if h.from <= day && day <= h.to && h.from > from {
			p, from = h.person, h.from
		}
	}
	return p
}

func contains(xs []int32, x int32) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// isStateCode reports whether code is a bare state code ("CHN").
func isStateCode(code string) bool {
	return len(code) == 3 && countryOf(code) != ""
}

// capitalized reports whether the token's text starts with an upper-case
// letter.
func capitalized(text string, tk dyad.Token) bool {
	if tk.Span.Start < 0 || tk.Span.Start >= len(text) {
		return false
	}
	c := text[tk.Span.Start]
	if c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(text[tk.Span.Start:])
	return unicode.IsUpper(r)
}

// lowerWord reports whether the token's text has no upper-case ASCII
// letter ("us" as opposed to "US").
func lowerWord(text string, tk dyad.Token) bool {
	if tk.Span.Start < 0 || tk.Span.End > len(text) {
		return false
	}
	for k := tk.Span.Start; k < tk.Span.End; k++ {
		if c := text[k]; 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// backTitleCand resolves a bare honorific used as a title ("the
// Secretary", "the Director", "the President") to the person mentioned
// most recently in the document whose office on the day carries that
// title: after "Secretary of State Antony Blinken", "the Secretary" is
// Blinken. With no such person there is no mention.
func (t *DocTagger) backTitleCand(s *scan, i, end int) {
	var p int32 = -1
	var last uint32
	for q, seen := range t.seen {
		if seen <= last || seen <= t.base {
			continue
		}
		if t.titleHeld(s, int32(q), i, end) {
			p, last = int32(q), seen
		}
	}
	if p < 0 {
		return
	}
	c := t.personCand(s, end, p, nil, "coref", prioDyad, 0)
	s.consider(c)
}

// titleHeld reports whether person p held on the day an office one of
// whose titles starts with the words of tokens [i, end), after at most a
// country qualifier: "the Secretary" is the holder of "Secretary of State",
// not of "General Secretary"; "the Foreign Minister" the holder of
// "Chinese Foreign Minister".
func (t *DocTagger) titleHeld(s *scan, p int32, i, end int) bool {
	for _, tn := range t.d.persons[p].tenures {
		if tn.from > s.today || s.today > tn.to {
			continue
		}
		for _, title := range t.d.offices[tn.office].titles {
			if t.titleStarts(s, title, i, end) {
				return true
			}
		}
	}
	return false
}

// qualifiers may stand before a title's head: "Chinese Foreign Minister".
var qualifiers = []string{"U.S.", "US", "AMERICAN", "AMERICA'S", "CHINESE", "CHINA'S", "PRC", "TAIWAN'S", "TAIWANESE", "THE"}

// isQualifier reports whether w is one of qualifiers, ignoring case.
func isQualifier(w string) bool {
	for _, q := range qualifiers {
		if strings.EqualFold(w, q) {
			return true
		}
	}
	return false
}

// titleStarts reports whether title begins with the norms of tokens
// [i, end), after an optional qualifier word.
func (t *DocTagger) titleStarts(s *scan, title string, i, end int) bool {
	// Walk the title's words in place: this runs for every title of every
	// office of the people mentioned, so it must not allocate.
	pos := 0
	next := func() string {
		for pos < len(title) && title[pos] == ' ' {
			pos++
		}
		st := pos
		for pos < len(title) && title[pos] != ' ' {
			pos++
		}
		return title[st:pos]
	}
	w := next()
	if isQualifier(w) {
		w = next()
	}
	for k := i; k < end; k++ {
		if w == "" || !strings.EqualFold(strings.TrimSuffix(w, "."), strings.TrimSuffix(s.toks[k].Norm, ".")) {
			return false
		}
		w = next()
	}
	return true
}
