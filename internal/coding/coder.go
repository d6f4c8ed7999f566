package coding

import (
	"io/fs"
	"strings"
	"time"

	"github.com/dyad-dev/dyad"
)

// Shipped dictionary paths inside package dictionaries' FS.
const (
	PhoenixVerbs = "phoenix/CAMEO.verbpatterns.150430.txt"
	DyadVerbs    = "dyad.verbs.txt"
	CAMEOCodes   = "icews/cameo-codes.csv"
	PLOVERMap    = "cameo-plover.txt"
	DyadIssues   = "dyad.issues.txt"
)

// Coder codes sentences into events. It holds no mutable state and is
// safe for concurrent use.
type Coder struct {
	Verbs    *Verbs
	Codebook *Codebook
	Issues   *Issues
	// Options switch on TABARI's rules; the zero value is dyad's own.
	Options Options
}

// Default builds a Coder from the shipped dictionaries in fsys (package
// dictionaries' FS). Diagnostics report malformed dictionary lines that
// were skipped.
func Default(fsys fs.FS) (*Coder, dyad.DiagnosticList, error) {
	v, diags, err := LoadVerbs(fsys, PhoenixVerbs, DyadVerbs)
	if err != nil {
		return nil, diags, err
	}
	cb, err := LoadCodebook(fsys, CAMEOCodes, PLOVERMap)
	if err != nil {
		return nil, diags, err
	}
	is, d, err := LoadIssues(fsys, DyadIssues)
	diags = append(diags, d...)
	if err != nil {
		return nil, diags, err
	}
	return &Coder{Verbs: v, Codebook: cb, Issues: is}, diags, nil
}

// Input is one sentence to code, with what earlier stages found in it.
type Input struct {
	Text     string             // the whole document text (spans index it)
	DocDate  time.Time          // fallback date
	Sentence dyad.Sentence      //
	Tokens   []dyad.Token       // of this sentence, tokenized with KeepPunct
	Mentions []dyad.Mention     // of this sentence, ordered
	Dates    []dyad.DateMention // of this sentence, ordered
	Dyad     [2]string          // the two states of the document's dyad: {"USA", "CHN"}
	// Side is the ISO-3 code of the document's author ("CHN"); a sentence
	// with no subject mention ("1. Canceling the talks.") takes Side+"GOV"
	// as its source.
	Side string

	refs []pronounRef // per mention, under TABARI's rules: what a pronoun stands for
}

// An Explanation says how one event was coded, for `dyad dict explain`.
type Explanation struct {
	Event   dyad.Event
	Pattern string   // "MEET_PEOPLE [040] - * WITH +", or the block default
	Verb    string   // the verb phrase as written
	Matched []string // token Norms the pattern matched besides the verb
	Source  string   // why this source
	Target  string   // why this target
	Status  string   // why this status
}

// Code returns the events of one sentence, in a deterministic order.
func (c *Coder) Code(in Input) []dyad.Event {
	evs, _ := c.code(in, false, nil, new(Scratch))
	return evs
}

// AppendCode appends the events of the sentence to dst and returns the
// extended slice, so a caller coding a whole document keeps one slice.
func (c *Coder) AppendCode(dst []dyad.Event, in Input) []dyad.Event {
	evs, _ := c.code(in, false, dst, new(Scratch))
	return evs
}

// AppendCodeScratch is AppendCode with working memory sc, reused from
// call to call by one goroutine (a pipeline worker). A nil sc is a fresh
// one.
func (c *Coder) AppendCodeScratch(dst []dyad.Event, in Input, sc *Scratch) []dyad.Event {
	if sc == nil {
		sc = new(Scratch)
	}
	evs, _ := c.code(in, false, dst, sc)
	return evs
}

// Explain returns, for each event of the sentence, how it was coded.
func (c *Coder) Explain(in Input) []Explanation {
	_, ex := c.code(in, true, nil, new(Scratch))
	return ex
}

// sent is the working state for one sentence.
type sent struct {
	c       *Coder
	in      *Input
	toks    []dyad.Token
	n       int
	mentAt  []int32 // token -> mention covering it, -1
	mStart  []int   // per mention: first token, -1 when it covers none
	mEnd    []int
	group   []int32 // per mention: first mention of its compound group
	place   []bool  // per mention: it is where the event happened, not who
	barrier []bool
	sig     sig

	places   []namedPlace // "in Beijing", in sentence order
	modifier []bool       // per mention: part of a pair such as "China-U.S." before a noun
	pairs    [][2]string  // per mention, nil if none has Rule "both": the states it stands for
	hasIf    bool
	stems    bool     // TABARI: a pattern word without '_' is a stem
	issues   []string // of the sentence, computed on first use
	tagged   bool
	sc       *Scratch // buffers reused across sentences; s is sc.s
}

func (c *Coder) prepare(in *Input, sc *Scratch) *sent {
	n := len(in.Tokens)
	nm := len(in.Mentions)
	sc.ints = grow(sc.ints, 2*nm)
	sc.i32 = grow(sc.i32, n+nm)
	sc.bools = grow(sc.bools, n+2*nm)
	ints, i32, bools := sc.ints, sc.i32, sc.bools
	sc.s = sent{c: c, in: in, toks: in.Tokens, n: n,
		mentAt: i32[:n:n], group: i32[n : n+nm : n+nm], mStart: ints[:nm:nm], mEnd: ints[nm : 2*nm : 2*nm],
		barrier: bools[:n:n], place: bools[n : n+nm : n+nm], modifier: bools[n+nm : n+2*nm : n+2*nm], stems: c.Options.TABARI,
		places: sc.s.places[:0], sc: sc}
	sc.actors = sc.actors[:0]
	s := &sc.s
	for i := range s.mentAt {
		s.mentAt[i] = -1
	}
	// Mentions to token ranges.
	t := 0
	for m := range in.Mentions {
		sp := in.Mentions[m].Span
		s.mStart[m], s.mEnd[m] = -1, -1
		for t < n && s.toks[t].Span.Start < sp.Start {
			t++
		}
		k := t
		for k < n && s.toks[k].Span.End <= sp.End {
			if s.mentAt[k] < 0 {
				s.mentAt[k] = int32(m)
			}
			k++
		}
		if k > t {
			s.mStart[m], s.mEnd[m] = t, k
		}
		s.group[m] = int32(m)
	}
	// Compound groups: mentions joined only by connectors. A group joined
	// by commas alone is not a list ("Chinese firms, China would …") unless
	// an AND, "&" or hyphen joins it too.
	prev := -1
	var listed uint64 // bit g: group g has a non-comma connector
	for m := 0; m < nm; m++ {
		if s.mStart[m] < 0 {
			continue
		}
		if prev >= 0 && s.mStart[m] > s.mEnd[prev] {
			ok, strong := true, false
			for q := s.mEnd[prev]; q < s.mStart[m]; q++ {
				w := s.toks[q].Norm
				nor := c.Options.TABARI && w == "NOR" // "neither X nor Y"
				if !connectors[w] && !nor && !(c.Options.TABARI && c.Options.tabariModifier(w)) {
					ok = false
					break
				}
				strong = strong || w != "," && connectors[w] || nor
			}
			if ok {
				s.group[m] = s.group[prev]
				if strong && s.group[m] < 64 {
					listed |= 1 << s.group[m]
				}
			}
		}
		prev = m
	}
	for m := 0; m < nm; m++ {
		if g := s.group[m]; g != int32(m) && g < 64 && listed&(1<<g) == 0 {
			s.group[m] = int32(m)
		}
	}
	for q := 0; q < n; q++ {
		w := s.toks[q].Norm
		if s.toks[q].Kind == dyad.Word {
			s.sig.add(w)
		}
		if w == "IF" || w == "UNLESS" {
			s.hasIf = true
		}
		if s.isBarrier(w) && s.mentAt[q] < 0 && !s.adverbialOnce(q) {
			s.barrier[q] = true
			// inside a compound group: not a barrier
			if q > 0 && q+1 < n {
				a, b := s.lastMentionBefore(q), s.nextMentionAfter(q)
				if a >= 0 && b >= 0 && s.group[a] == s.group[b] {
					s.barrier[q] = false
				}
			}
		}
	}
	if c.Options.TABARI {
		s.tabariCompoundWords()
	}
	// A short parenthesis, usually an acronym ("Talks (DPCT)"), does not
	// end a clause.
	for q := 0; q < n; q++ {
		if s.toks[q].Norm != "(" {
			continue
		}
		for k := q + 1; k < n && k <= q+4; k++ {
			if s.toks[k].Norm == ")" {
				for j := q; j <= k; j++ {
					s.barrier[j] = false
				}
				break
			}
		}
	}
	s.markModifiers()
	// Places: known places and state mentions after IN/AT.
	for q := 0; q+1 < n; q++ {
		w := s.toks[q].Norm
		if w != "IN" && w != "AT" {
			continue
		}
		p := q + 1
		if p < n && s.toks[p].Norm == "THE" {
			p++
		}
		ln, cc := c.Issues.placeAt(s.toks, p)
		if m := s.mentAt[min(p, n-1)]; p < n && m >= 0 && s.mStart[m] == p {
			a := &in.Mentions[m]
			if ln > 0 || a.Rule == "metonym" {
				s.place[m] = true
				if ln == 0 {
					ln, cc = s.mEnd[m]-p, a.Country
				}
			}
		}
		if ln == 0 && !c.Options.TABARI {
			p, ln, cc = s.statePlaceAt(p)
		}
		if ln > 0 {
			sp := dyad.Span{Start: s.toks[p].Span.Start, End: s.toks[p+ln-1].Span.End}
			s.places = append(s.places, namedPlace{tok: q, text: slice(in.Text, sp), span: sp, country: cc})
		}
	}
	for i := range in.Mentions {
		if in.Mentions[i].Rule != "both" {
			continue
		}
		if a, b := s.twoStatesBefore(i); a != "" {
			if s.pairs == nil {
				s.pairs = make([][2]string, nm)
			}
			s.pairs[i] = [2]string{a, b}
		}
	}
	return s
}

// statePlaceAt finds a state or a city the dictionaries code as its state
// named after IN or AT and one to four lower-case words ("in the
// northern city of Kirkuk", "in the capital Kabul", "in central
// Baghdad"): it returns the mention's first token, length and state, or
// p, 0, "". The mention stays an actor mention; the phrase is also the
// act's place. A bare "in China" is left alone: after many verbs it is
// the act's object ("invested in China").
func (s *sent) statePlaceAt(p int) (int, int, string) {
	q := p
	for k := 0; k < 4 && q < s.n && s.mentAt[q] < 0; k++ {
		c := s.in.Text[s.toks[q].Span.Start]
		if s.toks[q].Kind != dyad.Word || c < 'a' || c > 'z' || s.barrier[q] || preps[s.toks[q].Norm] && s.toks[q].Norm != "OF" {
			return p, 0, ""
		}
		q++
	}
	if q == p || q >= s.n || s.mentAt[q] < 0 || s.mStart[s.mentAt[q]] != q {
		return p, 0, ""
	}
	m := s.mentAt[q]
	a := &s.in.Mentions[m].Actor
	if a.Code == "" || a.Code != a.Country || s.mEnd[m] < s.n && s.toks[s.mEnd[m]].Norm == "'S" {
		// a possessor is no place: "at the very core of China's interests"
		return p, 0, ""
	}
	return q, s.mEnd[m] - q, a.Country
}

// isBarrier reports whether the word w ends a clause. Under TABARI's
// rules only conjunctions and punctuation do (its manual, §5.5.3 and
// §7.6), and a comma that survives the removal of comma-delimited clauses
// ends nothing.
func (s *sent) isBarrier(w string) bool {
	if !s.c.Options.TABARI {
		return barrierWords[w]
	}
	if w == "," {
		return s.c.Options.Comma.Off
	}
	return tabariBarriers[w]
}

// adverbialOnce reports whether the token at q is the "once" of "once
// again" or "once more", an adverb rather than the conjunction that opens
// a clause ("once the talks end"). TABARI reads every ONCE as a word.
func (s *sent) adverbialOnce(q int) bool {
	if s.c.Options.TABARI || s.toks[q].Norm != "ONCE" || q+1 >= s.n {
		return false
	}
	next := s.toks[q+1].Norm
	return next == "AGAIN" || next == "MORE"
}

// subordinator reports whether the token at q opens a clause with its own
// subject.
func (s *sent) subordinator(q int) bool {
	return subordinators[s.toks[q].Norm] && !s.adverbialOnce(q)
}

func slice(text string, sp dyad.Span) string {
	if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
		return ""
	}
	return text[sp.Start:sp.End]
}

func (s *sent) lastMentionBefore(q int) int {
	for k := q - 1; k >= 0; k-- {
		if m := s.mentAt[k]; m >= 0 {
			return int(m)
		}
		if !connectors[s.toks[k].Norm] {
			return -1
		}
	}
	return -1
}

func (s *sent) nextMentionAfter(q int) int {
	for k := q + 1; k < s.n; k++ {
		if m := s.mentAt[k]; m >= 0 {
			return int(m)
		}
		if !connectors[s.toks[k].Norm] {
			return -1
		}
	}
	return -1
}

func (s *sent) isPlace(m int32) bool { return s.place[m] }

func (s *sent) groupSize(g int32) int {
	k := 0
	for m := range s.group {
		if s.group[m] == g && s.mStart[m] >= 0 && !s.place[m] {
			k++
		}
	}
	return k
}

func (s *sent) groupEnd(g int32) int {
	end := -1
	for m := range s.group {
		if s.group[m] == g && s.mEnd[m] > end {
			end = s.mEnd[m]
		}
	}
	return end
}

// occ is a verb or frame found in the sentence.
type occ struct {
	start, end int
	forms      []*verbForm // dictionary forms at this position, by priority
	fr         frame
	isFrame    bool
	governs    bool // a frame that governs an act
	modifier   bool // a noun modifying the act after it: "climate CHANGE talks"
}

func (s *sent) findOccs() []occ {
	out := s.sc.occs[:0]
	arena := s.sc.forms[:0] // the forms kept of each occ, one after another
	for i := 0; i < s.n; {
		if s.mentAt[i] >= 0 || s.toks[i].Kind != dyad.Word {
			i++
			continue
		}
		o := occ{start: i, end: i + 1}
		if fr, ln, ok := s.frameAt(i); ok && !s.c.Options.TABARI {
			o.fr, o.isFrame, o.end = fr, true, i+ln
		}
		best, matched := 0, 0
		list := s.c.Verbs.forms[s.toks[i].Norm]
		if s.c.Options.TABARI && len(list) > 0 && s.tabariNoun(i) {
			list = nil
		}
		stem := false
		if len(list) == 0 && s.c.Verbs.stems != nil && !(s.c.Options.TABARI && s.tabariNoun(i)) {
			if r := s.c.Verbs.stemOf(s.toks[i].Norm); r != "" {
				list, stem = s.c.Verbs.forms[r], true
			}
		}
		for _, f := range list {
			st := i - f.head
			en := st + len(f.words)
			if st < 0 || en > s.n || (stem && len(f.words) != 1) || (!stem && !s.wordsAt(f.words, st)) {
				continue
			}
			matched++
			if len(f.words) > best && !o.isFrame {
				best = len(f.words)
				o.start, o.end = st, en
			}
		}
		switch {
		case matched == 0:
		case matched == len(list) && (o.isFrame || best <= 1):
			// Every form applies: share the dictionary's read-only list.
			o.forms = list
		default:
			// Keep the forms that match, and of a multi-word phrase only
			// those spanning the chosen one.
			f0 := len(arena)
			for _, f := range list {
				st := i - f.head
				en := st + len(f.words)
				if st < 0 || en > s.n || (stem && len(f.words) != 1) || (!stem && !s.wordsAt(f.words, st)) {
					continue
				}
				if !o.isFrame && best > 1 && len(f.words) != best {
					continue
				}
				arena = append(arena, f)
			}
			o.forms = arena[f0:len(arena):len(arena)]
		}
		if o.isFrame || len(o.forms) > 0 {
			out = append(out, o)
			i = max(o.end, i+1)
			continue
		}
		i++
	}
	s.sc.occs, s.sc.forms = out, arena
	return out
}

func (s *sent) wordsAt(ws []string, st int) bool {
	for k, w := range ws {
		if s.toks[st+k].Norm != w || s.mentAt[st+k] >= 0 {
			return false
		}
	}
	return true
}

// an act is one occurrence being coded.
type act struct {
	o      *occ
	head   int   // token where the clause's verb group starts (outermost frame or the act)
	frames []int // indexes into occs of governing frames, innermost first
	fwd    int   // index of a frame after the act ("the trip was postponed"), -1
	fwdNeg bool
	fwdFut bool
	object bool // a noun object of another verb: "criticized the visit"
	poss   bool // after a possessive: "its abuses", "Blinken's trip"
	appos  bool // in an appositive noun phrase: "Pakistan, a key U.S. ally in …,"
}

func (c *Coder) code(input Input, explain bool, dst []dyad.Event, sc *Scratch) ([]dyad.Event, []Explanation) {
	if c == nil || c.Verbs == nil || len(input.Tokens) == 0 {
		return dst, nil
	}
	sc.in0 = input
	in := &sc.in0
	if c.Options.TABARI {
		in = withoutHyphens(in, sc)
		if words(in.Tokens) < c.Options.MinWords || c.discards(in) {
			return dst, nil
		}
		if !c.Options.Comma.Off {
			in = c.Options.Comma.dropCommaClauses(in, c.Options.tabariModifier, sc)
			if len(in.Tokens) == 0 {
				return dst, nil
			}
		}
		fwd := ""
		if in.Sentence.Index == 0 {
			fwd = c.Options.Forwarded
		}
		in = withPronouns(in, fwd, sc)
	}
	s := c.prepare(in, sc)
	occs := s.findOccs()
	b := &builder{s: s, explain: explain, evs: dst, base: len(dst), prios: sc.prios[:0]}
	sc.consumed = grow(sc.consumed, s.n)
	consumed := sc.consumed
	discard := false // TABARI: a pattern with the discard code matched

	// Demands: "X said the U.S. must stop …".
	if !c.Options.TABARI {
		s.demands(occs, consumed, b)
	}

	// Attach frames to the acts they govern.
	acts := sc.acts[:0]
	for i := range occs {
		o := &occs[i]
		if consumed[o.start] {
			continue
		}
		if o.isFrame {
			if !s.preempts(o) {
				continue
			}
			o.isFrame = false
		}
		a := act{o: o, head: o.start, fwd: -1}
		var prev *act
		if len(acts) > 0 {
			prev = &acts[len(acts)-1]
		}
		s.backFrames(occs, i, &a, prev)
		s.fwdFrame(occs, i, &a)
		for _, f := range a.frames {
			occs[f].governs = true
		}
		if a.fwd >= 0 {
			occs[a.fwd].governs = true
		}
		acts = append(acts, a)
	}

	sc.acts = acts
	var mr matchResult
	sc.coded = grow(sc.coded, len(occs))
	coded := sc.coded
	codeAct := func(a *act) bool {
		o := a.o
		code, rcode, pat, patText := "", "", (*pattern)(nil), ""
		var prio uint8 // TABARI's priority of the code chosen
		upstreamDefault := false
		forms := o.forms
		if s.c.Options.TABARI && len(forms) > 1 {
			// TABARI tries the patterns of every root the word has
			// ("ATTACKED" and the stem ATTACK) before any default.
			forms = s.patternFirst(o, forms)
		}
		for _, f := range forms {
			for _, p := range f.block.patterns {
				if !s.mayMatch(p) {
					continue
				}
				if s.matchPattern(p, o.start, o.end, &mr) {
					pat = p
					break
				}
			}
			if pat != nil {
				code, rcode, patText, prio = pat.code, pat.rcode, pat.text, pat.prio
				// An upstream pattern of actor slots alone ("% *") says no
				// more than a default does.
				upstreamDefault = f.block.rank != s.c.Verbs.maxRank && !pat.hasWords()
				break
			}
			code, rcode, prio = f.code, f.rcode, f.prio
			if code == "" {
				code, rcode = f.block.code, f.block.rcode
			}
			patText = f.defText
			upstreamDefault = f.block.rank != s.c.Verbs.maxRank
			if code != "---" {
				break
			}
		}
		if upstreamDefault && !s.verbPosition(o) {
			// The upstream dictionaries were written for coders that parse
			// and know a noun from a verb; without a parser, their bare
			// verb defaults fire only where a verb can stand.
			return false
		}
		if pat == nil {
			mr = matchResult{src: -1, tgt: -1, comp: -1, end: o.end}
		}
		if code == DiscardCode {
			discard = true
			return false
		}
		if code == "" || code == "---" {
			return false
		}
		for k := 0; k < mr.nused; k++ {
			consumed[mr.used[k]] = true
		}
		for q := o.start; q < o.end; q++ {
			consumed[q] = true
		}
		b.prio = prio
		b.emitAct(a, occs, code, rcode, patText, &mr)
		return true
	}
	gov := -1     // end of the last verb that coded an event other than speech
	govRoot := "" // the CAMEO root of that event
	skipTo := -1  // acts before this token elaborate an event coded before them
	for ai := range acts {
		a := &acts[ai]
		if consumed[a.o.start] {
			continue
		}
		// dyad's noun readings of a verb word; TABARI has only its own
		// (tabariNoun, in findOccs).
		if !s.c.Options.TABARI && ((a.object || a.poss && a.fwd == -1) && !s.demandNoun(a) || a.o.modifier ||
			(len(a.frames) == 0 && s.topicNoun(a.o.start)) || (a.appos && a.fwd == -1)) {
			continue
		}
		if gov >= 0 && !s.c.Options.TABARI && s.duringAct(a.head) {
			// "clashed … during a brief visit to Eriador": the setting of
			// the event already coded, not an event of its own.
			continue
		}
		if gov >= 0 && !s.c.Options.TABARI && s.complement(gov, a) {
			// "demanded that the U.S. cancel …", "visited Dakar to
			// mediate": the governing verb's event says it all.
			continue
		}
		if !s.c.Options.TABARI && (a.head < skipTo || s.adjectival(a) || s.reducedRelative(a)) {
			continue
		}
		if !s.c.Options.TABARI && gov >= 0 && (s.reasonPhrase(a) || s.subordinate(gov, govRoot, a)) {
			// "opened fire, killing one and arresting 12", "freed the
			// hostages, whom they had taken": elaborations of an event;
			// "a hunger strike in protest of the government's refusal to
			// accept …": its reason. Not events of their own, and nor is
			// any act later in their clause ("charging Tokyo with
			// supporting …").
			skipTo = a.o.end
			for skipTo < s.n && !s.barrier[skipTo] {
				skipTo++
			}
			continue
		}
		if gov >= 0 && !s.c.Options.TABARI && s.precondition(gov, govRoot, a.head) {
			// "demanded a truce before allowing aid convoys in": what
			// a demand, refusal or threat waits for has not happened.
			continue
		}
		if !s.c.Options.TABARI && s.demanded(a.head) {
			// "X must allocate resources to help …": a demanded act
			// is no event (see emitAct), nor is its complement.
			gov, govRoot = a.o.end, ""
			continue
		}
		nev := len(b.evs)
		ok := codeAct(a)
		if ok && len(b.evs) > nev && !b.speechAt(len(b.evs)-1-b.base) {
			gov = a.o.end
			govRoot = b.evs[len(b.evs)-1].Root()
		}
		if !ok {
			// the act codes nothing: its frames code as verbs themselves
			for _, f := range a.frames {
				occs[f].governs = false
			}
			if a.fwd >= 0 {
				occs[a.fwd].governs = false
			}
		}
		for _, f := range a.frames {
			coded[f] = true
		}
	}
	for i := range occs {
		o := &occs[i]
		if o.isFrame && !o.governs && len(o.forms) > 0 && !consumed[o.start] {
			a := act{o: o, head: o.start, fwd: -1}
			codeAct(&a)
		}
	}
	sc.prios = b.prios
	if discard {
		return dst, nil
	}
	return b.finish()
}

// complement reports whether act a stands in the complement of the verb
// ending at token gov: an infinitive ("visited Dakar TO mediate"), a
// THAT-clause ("demanded THAT the U.S. cancel …") or a gerund after OF or
// FOR ("accused Japan OF violating …"), with no clause boundary between.
func (s *sent) complement(gov int, a *act) bool {
	h := a.head
	if h <= gov || h-gov > 24 {
		return false
	}
	that := false
	for q := gov; q < h; q++ {
		w := s.toks[q].Norm
		if w == "(" && !s.c.Options.TABARI {
			// a parenthesis is transparent: "a grant of 580 million
			// shillings (64.45 million dollars) to finance …"
			for q < h && s.toks[q].Norm != ")" {
				q++
			}
			continue
		}
		if w == "THAT" && s.mentAt[q] < 0 && !that && (q == gov || s.toks[q-1].Norm != ",") {
			that = true
			continue
		}
		if s.barrier[q] {
			return false
		}
	}
	p := h - 1
	for p > gov && aux[s.toks[p].Norm] && s.toks[p].Norm != "TO" {
		p--
	}
	switch w := s.toks[p].Norm; {
	case w == "TO" && s.mentAt[p] < 0:
		return true
	case (w == "OF" || w == "FOR") && strings.HasSuffix(s.toks[h].Norm, "ING"):
		return true
	}
	return that && s.mentionBetween(gov, h)
}

// precondition reports whether the act at h stands in a BEFORE or UNTIL
// clause (its subject's own or a gerund) of the event coded up to gov,
// when that event is a demand, a refusal or a threat (CAMEO roots 10, 12,
// 13): it is what the demand, refusal or threat waits for, not an act that
// happened.
func (s *sent) precondition(gov int, govRoot string, h int) bool {
	switch govRoot {
	case "10", "12", "13":
	default:
		return false
	}
	for q := h - 1; q >= gov; q-- {
		switch w := s.toks[q].Norm; w {
		case "BEFORE", "UNTIL":
			return true
		case ";", ".", ":", "AND", "BUT", "WHILE", "WHICH", "WHO", "WHEN":
			return false
		}
	}
	return false
}

// adjectival reports whether an act no frame governs is a participle
// used as an adjective: glued by a hyphen to the word before it
// ("Vietnamese-led forces", "U.S.-backed talks") or a form in -ED between
// an article and the word it modifies ("the divided island").
func (s *sent) adjectival(a *act) bool {
	if len(a.frames) > 0 || a.fwd != -1 {
		return false
	}
	q := a.o.start
	if s.hyphenGlued(q) {
		return true
	}
	if a.o.end-a.o.start != 1 || q == 0 || a.o.end >= s.n {
		return false
	}
	switch s.toks[q-1].Norm {
	case "THE", "A", "AN":
	default:
		return false
	}
	w := s.toks[q].Norm
	next := s.toks[a.o.end]
	return len(w) > 4 && w[len(w)-2:] == "ED" && next.Kind == dyad.Word && s.mentAt[a.o.end] < 0 &&
		!s.barrier[a.o.end] && !preps[next.Norm]
}

// reducedRelative reports whether an act no frame governs is a past
// participle after a noun that describes that noun ("militiamen ARMED
// with machetes", "a program for Bosnia AIMED at …", "property SEIZED by
// the army"): a participle with no auxiliary, followed by a preposition,
// whose noun phrase is the object of an earlier verb in the clause,
// directly or through prepositional phrases. A subject at the start of a
// clause ("as the army SEIZED the town", "Troops from Chad ARMED with …
// attacked") is not one.
//
// A form in -ING right after a noun ("food aid to refugees FLEEING the
// war") is read the same way whatever follows it: with no auxiliary it
// cannot be the clause's own verb.
func (s *sent) reducedRelative(a *act) bool {
	q := a.o.start
	if len(a.frames) > 0 || a.fwd != -1 || a.o.end-q != 1 || q < 2 || a.o.end >= s.n {
		return false
	}
	ing := ingForm(s.toks[q].Norm)
	if !ing && !pastForm(s.toks[q].Norm) {
		return false
	}
	switch nx := s.toks[a.o.end].Norm; {
	case ing || preps[nx] || nx == "OUT" || nx == "UP":
	default:
		return false
	}
	p := q - 1
	if w := s.toks[p].Norm; s.barrier[p] || aux[w] || isNeg(w) || s.toks[p].Kind != dyad.Word && s.mentAt[p] < 0 ||
		ing && s.mentAt[p] < 0 && !pluralNoun(w) {
		// After a singular word an -ING form is more often a noun
		// ("a car BOMBING", "a declaration DEMANDING").
		return false
	}
	// walk the noun phrase (and the phrases it is part of) back to the
	// verb that governs it
	for k := p; k >= 0 && k >= q-16; k-- {
		if m := s.mentAt[k]; m >= 0 {
			k = s.mStart[m]
			continue
		}
		w := s.toks[k].Norm
		switch {
		case preps[w]:
		case s.barrier[k] || s.subordinator(k) || aux[w]:
			return false
		case k < p && s.c.Verbs.HasForm(w) && !nominals[w]:
			if k > 0 && nominals[s.toks[k-1].Norm] && !preps[s.toks[k-1].Norm] || w[len(w)-1] == 'S' {
				// an adjective or a noun in the noun phrase: "the
				// DIVIDED island", "the Greek SIDES of"
				continue
			}
			return true
		}
	}
	return false
}

// reasonPhrase reports whether act a is headed by the noun of a phrase
// that gives the reason for an act before it: IN PROTEST, IN RETALIATION,
// IN RESPONSE or IN SOLIDARITY followed by a preposition ("in protest
// AGAINST the ban", "in retaliation FOR the raid").
func (s *sent) reasonPhrase(a *act) bool {
	h := a.head
	if h < 1 || h+1 >= s.n || s.toks[h-1].Norm != "IN" {
		return false
	}
	switch s.toks[h].Norm {
	case "PROTEST", "RETALIATION", "RESPONSE", "SOLIDARITY":
	default:
		return false
	}
	switch s.toks[h+1].Norm {
	case "OF", "AGAINST", "AT", "OVER", "FOR", "TO", "WITH":
		return true
	}
	return false
}

// ingForm reports whether w is a form in -ING of more than five letters
// ("fleeing", not "king" or "thing").
func ingForm(w string) bool {
	n := len(w)
	return n > 5 && w[n-3:] == "ING"
}

// pluralNoun reports whether w looks like a plural noun: more than three
// letters ending in S but not SS, US or IS ("refugees", not "press",
// "status" or "crisis"), and no word of a closed class.
func pluralNoun(w string) bool {
	n := len(w)
	if n <= 3 || w[n-1] != 'S' || preps[w] || aux[w] || articles[w] {
		return false
	}
	switch w[n-2:] {
	case "SS", "US", "IS":
		return false
	}
	return true
}

// subordinate reports whether an act after the verb ending at token gov,
// which coded an event of CAMEO root root, elaborates that event rather
// than being one: the content of a demand, refusal or threat in a
// THAT-clause right after it ("demanded that its partners refuse to
// recognize …", whatever the clause's subject), a participle clause after
// a comma (", killing one person and arresting 12", ", charging its
// neighbor with …") or a relative clause (", whom they had taken
// hostage", "guerrillas who overran it"). For the last two only an act the
// clause's own verb heads counts: ", agreeing to hold talks" still codes
// the talks.
func (s *sent) subordinate(gov int, root string, a *act) bool {
	h := a.head
	if h <= gov {
		return false
	}
	switch root {
	case "10", "12", "13":
		if t := s.thatAfter(gov); t >= 0 && h-t <= 14 {
			q := t + 1
			for q < h && !s.barrier[q] {
				q++
			}
			if q == h {
				return true
			}
		}
	}
	// a past participle clause: ", expected to be joined later by
	// Italian vessels", ", backed by the army"
	k := h
	for k > gov+1 && (aux[s.toks[k-1].Norm] || frames[s.toks[k-1].Norm] != nil) && s.mentAt[k-1] < 0 {
		k--
	}
	if k > gov+1 && s.toks[k-1].Norm == "," && pastForm(s.toks[k].Norm) && s.mentAt[k] < 0 {
		return true
	}
	if len(a.frames) > 0 {
		return false
	}
	if ing := strings.HasSuffix(s.toks[h].Norm, "ING"); ing && h > gov+1 {
		switch s.toks[h-1].Norm {
		case ",":
			return true
		case "AND":
			// a second participle: ", killing one AND arresting 12"
			for q := h - 2; q > gov && q >= h-12; q-- {
				if s.toks[q].Norm == "," {
					return q+1 < h && strings.HasSuffix(s.toks[q+1].Norm, "ING")
				}
				if s.barrier[q] {
					return false
				}
			}
		}
	}
	// the nearest clause opener before the act
	for q := h - 1; q >= gov; q-- {
		if !s.barrier[q] {
			continue
		}
		switch s.toks[q].Norm {
		case "WHO", "WHOM", "WHICH", "WHOSE":
			return true
		}
		return false
	}
	return false
}

// duringAct reports whether the act at token q is the object of DURING
// ("during a brief private visit"), with only modifiers between.
func (s *sent) duringAct(q int) bool {
	for k := q - 1; k >= 0 && k >= q-5; k-- {
		w := s.toks[k].Norm
		if w == "DURING" {
			return true
		}
		if s.barrier[k] || s.mentAt[k] >= 0 || aux[w] {
			return false
		}
	}
	return false
}

// mentionBetween reports whether an actor mention lies in tokens [a, b).
func (s *sent) mentionBetween(a, b int) bool {
	for q := a; q < b; q++ {
		if m := s.mentAt[q]; m >= 0 && !s.place[m] {
			return true
		}
	}
	return false
}

// nounLike reports whether a verb occurrence may be a noun modifying the
// next word ("climate CHANGE talks", "TRADE talks"): an uninflected form
// not preceded by its subject or an auxiliary.
func (s *sent) nounLike(o *occ) bool {
	w := s.toks[o.end-1].Norm
	if strings.HasSuffix(w, "ED") || strings.HasSuffix(w, "ING") {
		return false
	}
	p := o.start - 1
	return p < 0 || s.mentAt[p] < 0 && !aux[s.toks[p].Norm]
}

// speechVerb reports whether a verb is a verb of saying (CAMEO root 01).
func speechVerb(o *occ) bool {
	if len(o.forms) == 0 {
		return false
	}
	c := o.forms[0].code
	if c == "" {
		c = o.forms[0].block.code
	}
	return len(c) >= 2 && c[:2] == "01"
}

// topicNoun reports whether the act at q is the topic of a preposition
// ("an agreement on climate cooperation", "concern about abuses").
func (s *sent) topicNoun(q int) bool {
	if v := s.toks[q].Norm; len(v) > 4 && v[len(v)-2:] == "ED" {
		// a past form is a verb: "on Thursday demanded"
		return false
	}
	if !s.c.Options.TABARI && q > 0 && q+1 < s.n && s.mentAt[q-1] >= 0 && !s.place[s.mentAt[q-1]] &&
		(s.mentAt[q+1] >= 0 || nominals[s.toks[q+1].Norm] && !preps[s.toks[q+1].Norm]) {
		// a verb between its subject and its object: "a group of
		// Moroccan diplomats HELD a meeting"
		return false
	}
	for k := q - 1; k >= 0 && k >= q-6; k-- {
		w := s.toks[k].Norm
		if s.mentAt[k] >= 0 {
			continue
		}
		if s.inDate(k) {
			// the preposition governs a date: "on Monday"
			return false
		}
		switch w {
		case "ON", "ABOUT", "REGARDING", "CONCERNING", "OVER", "AT", "OF":
			return true
		case "IN", "FOR":
			if w == "FOR" || !(k > 0 && k+1 < q && articles[s.toks[k+1].Norm]) {
				// "her role IN rioting", "arrested in Lebanon FOR
				// collaborating with Israel": a gerund after a noun and
				// IN or FOR is a topic, after a verb an act ("persisted
				// in attacking")
				if !s.c.Options.TABARI && k == q-1 && k > 0 && strings.HasSuffix(s.toks[q].Norm, "ING") {
					b := s.toks[k-1].Norm
					if s.mentAt[k-1] >= 0 || !(pastForm(b) || strings.HasSuffix(b, "ING") || s.c.Verbs.HasForm(b)) {
						return true
					}
				}
				break
			}
			// "the blackmail in the negotiations": the setting of what
			// is said, not an event
			if !s.c.Options.TABARI && k > 0 && k+1 < q && articles[s.toks[k+1].Norm] {
				// but "took part IN the talks", "participated IN the
				// negotiations": IN after a verb or PART joins the act
				b := s.toks[k-1].Norm
				verb := b == "PART" || b == "ROLE" || s.mentAt[k-1] >= 0 ||
					(pastForm(b) || strings.HasSuffix(b, "ING") || s.c.Verbs.HasForm(b)) &&
						!(k >= 2 && nominals[s.toks[k-2].Norm] && !preps[s.toks[k-2].Norm])
				if !verb {
					return true
				}
			}
		}
		if s.barrier[k] || aux[w] || s.c.Verbs.HasForm(w) {
			return false
		}
	}
	return false
}

// demandNoun reports whether an act noun after a possessive is a demand
// whose content follows in a THAT-clause: "reiterated its demand that
// Israel ease …" says what the demand is, so it is an event.
func (s *sent) demandNoun(a *act) bool {
	if len(a.o.forms) == 0 {
		return false
	}
	c := a.o.forms[0].code
	if c == "" {
		c = a.o.forms[0].block.code
	}
	return len(c) >= 2 && c[:2] == "10" && s.thatAfter(a.o.end) >= 0
}

// pastForm reports whether w is a regular past form or participle
// ("demanded", "armed").
func pastForm(w string) bool {
	return len(w) > 4 && w[len(w)-2:] == "ED"
}

// inDate reports whether token q lies in a date mention.
func (s *sent) inDate(q int) bool {
	off := s.toks[q].Span.Start
	for i := range s.in.Dates {
		if sp := s.in.Dates[i].Span; sp.Start <= off && off < sp.End {
			return true
		}
	}
	return false
}

// preempts reports whether a frame occurrence is coded by a pattern of the
// last-loaded (local) dictionary instead: "declined to comment" [011].
func (s *sent) preempts(o *occ) bool {
	if len(o.forms) == 0 {
		return false
	}
	f := o.forms[0]
	if f.block.rank != s.c.Verbs.maxRank {
		return false
	}
	var mr matchResult
	for _, p := range f.block.patterns {
		if s.mayMatch(p) && s.matchPattern(p, o.start, o.end, &mr) {
			return p.code != "---"
		}
	}
	return false
}

// backFrames finds the frames governing occs[i] to its left: "agreed to
// resume military talks", "declined a U.S. request for a call".
func (s *sent) backFrames(occs []occ, i int, a *act, prev *act) {
	o := &occs[i]
	j := i - 1
	budget := 8
	det, poss := false, false
	left := o.start // first token of the act's noun phrase so far
	dyadRules := !s.c.Options.TABARI
	// A past form is a finite verb, not a noun: "its allies demanded".
	past := dyadRules && o.end-o.start == 1 && pastForm(s.toks[o.start].Norm)
	defer func() { a.poss = poss && len(a.frames) == 0 && !past }()
	for q := o.start - 1; q >= 0 && budget > 0; q-- {
		if s.toks[q].Norm == ")" && !s.barrier[q] {
			// A short parenthesis is transparent: "Agreement (MMCA) meetings".
			k := q
			for k > 0 && s.toks[k].Norm != "(" {
				k--
			}
			if left == q+1 {
				left = k
			}
			q = k
			continue
		}
		if s.barrier[q] && s.mentAt[q] < 0 {
			// "agreed to resume X and to hold Y": a coordinated
			// infinitive shares the frames of the previous act.
			if w := s.toks[q].Norm; (w == "AND" || w == ",") && q+1 < s.n && s.toks[q+1].Norm == "TO" && len(a.frames) == 0 && prev != nil {
				a.frames = append(a.frames, prev.frames...)
				a.head = prev.head
			}
			// ", a key U.S. ally in …": a noun phrase opened by an
			// article after a comma names, it does not report.
			if dyadRules && det && !past && len(a.frames) == 0 && s.toks[q].Norm == "," && q+1 < s.n {
				switch s.toks[q+1].Norm {
				case "A", "AN", "THE":
					a.appos = true
				}
			}
			return
		}
		for j >= 0 && occs[j].end > q+1 {
			j--
		}
		if j >= 0 && occs[j].end == q+1 {
			f := &occs[j]
			if dyadRules && !f.isFrame && f.end == left && f.end-f.start == 1 && pastForm(s.toks[f.start].Norm) &&
				f.start > 0 && nominals[s.toks[f.start-1].Norm] && !preps[s.toks[f.start-1].Norm] {
				// a participle modifying the act: "its ARMED struggle",
				// "the OCCUPIED territories"
				f.modifier = true
				left = f.start
				q = f.start
				j--
				continue
			}
			if !f.isFrame && f.end == left && !det && !poss && !past && s.nounLike(f) {
				// a noun modifying the act: "climate change talks"
				f.modifier = true
				left = f.start
				q = f.start
				j--
				continue
			}
			if !f.isFrame {
				// another verb governs this act: a noun after a determiner
				// is its object ("criticized the visit"), except after a
				// verb of saying, where it opens the reported clause.
				if len(a.frames) == 0 && (poss || det && !speechVerb(f)) {
					a.object = true
				}
				return
			}
			a.frames = append(a.frames, j)
			a.head = f.start
			q = f.start
			j--
			budget = 8
			continue
		}
		w := s.toks[q].Norm
		if stopPreps[w] {
			return
		}
		switch w {
		case "THE", "A", "AN", "THIS", "THESE", "THAT":
			det = true
		case "ALL", "ANY", "EVERY", "EACH", "SOME":
			// "boycott all official contact"
			det = det || dyadRules
		case "ITS", "THEIR", "HIS", "HER", "OUR", "'S":
			poss = true
		}
		if s.mentAt[q] >= 0 {
			q = s.mStart[s.mentAt[q]]
			budget--
			continue
		}
		if aux[w] && !dets[w] {
			return
		}
		budget--
	}
}

// fwdFrame finds what became of an act noun to its right: "the trip was
// postponed", "talks resumed", "the visit will take place".
func (s *sent) fwdFrame(occs []occ, i int, a *act) {
	o := &occs[i]
	j := i + 1
	q0 := o.end
	// Skip a prepositional phrase: "the visit TO CHINA was postponed".
	if q0 < s.n && preps[s.toks[q0].Norm] {
		for k := q0; k < s.n && k < q0+10; k++ {
			w := s.toks[k].Norm
			if s.barrier[k] || aux[w] && !preps[w] || frames[w] != nil {
				q0 = k
				break
			}
			if s.mentAt[k] < 0 && s.c.Verbs.HasForm(w) && !preps[w] && !dets[w] {
				return
			}
		}
	}
	for q := q0; q < s.n && q < q0+6; q++ {
		if s.barrier[q] || s.mentAt[q] >= 0 {
			return
		}
		w := s.toks[q].Norm
		for j < len(occs) && occs[j].start < q {
			j++
		}
		if j < len(occs) && occs[j].start == q {
			if occs[j].isFrame && !occs[j].fr.needTo {
				a.fwd = j
				return
			}
			if !happen[w] {
				return
			}
		}
		switch {
		case isNeg(w):
			a.fwdNeg = true
		case w == "WILL" || w == "SHALL" || (w == "WOULD" && !s.hasIf):
			a.fwdFut = true
		case happen[w]:
			if !a.fwdNeg && !a.fwdFut {
				return
			}
			a.fwd = -2 // closed by a happen word: keep the flags
			return
		case aux[w]:
		default:
			a.fwdNeg, a.fwdFut = false, false
			return
		}
	}
	a.fwdNeg, a.fwdFut = false, false
}
