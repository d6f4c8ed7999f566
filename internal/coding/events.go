package coding

import (
	"strings"
	"time"

	"github.com/dyad-dev/dyad"
)

// builder collects the events of one sentence.
type builder struct {
	s       *sent
	explain bool
	evs     []dyad.Event
	exs     []Explanation
	lastSrc []dyad.Actor
	object  string // what the act being emitted names, see objectOf
	base    int    // events before this index belong to the caller (AppendCode)
	speech  bool   // the act being emitted only reports speech, see reportsSpeech
	said    uint64 // bit i: event base+i only reports speech
	cond    bool   // the act being emitted is the condition of another, see inCondition
	conds   uint64 // bit i: event base+i is a condition

	prio  uint8   // TABARI: the priority of the act being emitted
	prios []uint8 // TABARI: per event base+i, its priority
}

// actorsOf returns the actors of mention m: "the two sides" (Rule "both")
// stands for the two states named before it in the sentence ("the United
// States and Jordan agreed on a pact between the two countries", see
// twoStatesBefore), else for both states of the dyad. It stays within the
// inliner's budget (the pairs are found in prepare), so that the slice it
// returns for a plain mention does not reach the heap in groupActors.
func (s *sent) actorsOf(m int) []dyad.Actor {
	mm := &s.in.Mentions[m]
	if mm.Rule == "both" {
		var out []dyad.Actor
		d := s.in.Dyad
		if s.pairs != nil && s.pairs[m][0] != "" {
			d = s.pairs[m]
		}
		for _, c := range d {
			if c != "" {
				out = append(out, dyad.Actor{Text: mm.Text, Code: c, Country: c, Span: mm.Span})
			}
		}
		return out
	}
	return []dyad.Actor{mm.Actor}
}

// twoStatesBefore returns the states of the actor mentions before mention
// m when they are exactly two, else "", "". Places do not count.
func (s *sent) twoStatesBefore(m int) (string, string) {
	a, b := "", ""
	end := s.in.Mentions[m].Span.Start
	for i := range s.in.Mentions {
		mm := &s.in.Mentions[i]
		if mm.Span.Start >= end {
			break
		}
		c := mm.Country
		if mm.Rule == "both" || s.place[i] || c == "" || c == a || c == b {
			continue
		}
		switch {
		case a == "":
			a = c
		case b == "":
			b = c
		default:
			return "", ""
		}
	}
	if b == "" {
		return "", ""
	}
	return a, b
}

func (s *sent) groupActors(m int) []dyad.Actor {
	if r := s.in.refs; r != nil && r[m].m >= 0 {
		// a pronoun: what it stands for
		if !r[m].group {
			return s.actorsOf(int(r[m].m))
		}
		m = int(r[m].m)
	}
	// The members' actors go to the sentence's arena in the scratch: the
	// slices returned are only read, and capped so that an append copies.
	buf := s.sc.actors
	start := len(buf)
	g := s.group[m]
	for k := range s.group {
		if s.group[k] != g || s.mStart[k] < 0 || s.place[k] {
			continue
		}
		if mm := &s.in.Mentions[k]; mm.Rule != "both" {
			buf = append(buf, mm.Actor)
		} else {
			buf = append(buf, s.actorsOf(k)...)
		}
	}
	s.sc.actors = buf
	if len(buf) == start {
		return nil
	}
	return buf[start:len(buf):len(buf)]
}

func sameActor(a, b *dyad.Actor) bool {
	if a.Code == b.Code && a.Person == b.Person {
		return true
	}
	if a.Person != "" && a.Person == b.Person {
		return true
	}
	return a.Person == "" && b.Person == "" && a.Country != "" && a.Country == b.Country
}

// ofSources reports whether state c is the state of one of srcs, or
// whether some source has no state (the place says nothing then).
func (s *sent) ofSources(c string, srcs []dyad.Actor) bool {
	for i := range srcs {
		if srcs[i].Country == "" || srcs[i].Country == c {
			return true
		}
	}
	return false
}

// sameParty reports whether target t cannot be an act's target because it
// is the source src or of src's state. In a domestic sentence, one that
// names no actor of another state than the sources' (see domestic), a
// target of the source's state is kept when it is a sector of that state
// with another code than the source's ("police arrested opposition
// supporters"); the state itself ("reaffirmed the U.S. commitment") is
// never a target of its own agents.
func (s *sent) sameParty(t, src *dyad.Actor, srcs []dyad.Actor) bool {
	if !sameActor(t, src) && (t.Country == "" || t.Country != src.Country) {
		return false
	}
	if t.Code == src.Code || t.Code == t.Country || t.Person != "" && t.Person == src.Person {
		return true
	}
	return !s.domestic(srcs)
}

// domestic reports whether every actor mentioned in the sentence is of the
// one state of the sources srcs.
func (s *sent) domestic(srcs []dyad.Actor) bool {
	c := ""
	for i := range srcs {
		switch {
		case srcs[i].Country == "":
			return false
		case c == "":
			c = srcs[i].Country
		case srcs[i].Country != c:
			return false
		}
	}
	for i := range s.in.Mentions {
		mm := &s.in.Mentions[i]
		if mm.Rule == "both" || mm.Country != "" && mm.Country != c {
			return false
		}
	}
	return c != ""
}

// subjectBefore finds the subject of the verb group starting at token h:
// the nearest mention before it that is not governed by a preposition and
// is not a place. coord reports a coordinated verb ("met Wang and
// discussed …") whose subject is the previous verb's.
func (s *sent) subjectBefore(h int) (m int, coord bool, why string) {
	fallback := -1
	onlyAux := true
	for q := h - 1; q >= 0; q-- {
		w := s.toks[q].Norm
		if mi := s.mentAt[q]; mi >= 0 {
			mm := int(mi)
			q = s.mStart[mm]
			if s.place[mm] || s.modifier[mm] {
				onlyAux = false
				continue
			}
			if s.prepGoverned(mm) {
				if fallback < 0 {
					fallback = mm
				}
				onlyAux = false
				continue
			}
			return mm, false, "nearest mention before the verb"
		}
		switch {
		case w == ";" || w == ":":
			return fallback, false, "only a prepositional mention before the verb"
		case s.subordinator(q):
			return -1, false, ""
		case onlyAux && !s.c.Options.TABARI && personalPronoun(w):
			// "rejected a Senegalese plan, and said they also opposed
			// …": a pronoun subject stands for the sentence's subject,
			// not for the nearest mention.
			k := q - 1
			if k > 0 && s.toks[k].Norm == "THAT" {
				k--
			}
			if k > 0 && sayWords[s.toks[k].Norm] {
				// "inspectors said they needed …": the speaker
				if m, _, _ := s.subjectBefore(k); m >= 0 {
					return m, false, "pronoun " + w + ": the speaker"
				}
			}
			if m := s.firstSubject(q); m >= 0 {
				return m, false, "pronoun " + w + ": the sentence's first subject"
			}
		case w == "," && !onlyAux && !s.c.Options.TABARI && q+1 < h && h > 0 && s.toks[h-1].Norm == "TO" && s.mentAt[q+1] < 0 && articles[s.toks[q+1].Norm]:
			// ", an issue likely to dominate relations": the verb's
			// subject is the noun phrase after the comma, no actor.
			return -1, false, ""
		case (w == "THAT" || w == "THIS") && onlyAux && !s.c.Options.TABARI:
			// "as that would reward the regime": a demonstrative or
			// relative subject right before the verb group is no actor.
			return -1, false, ""
		case w == "AS" && !onlyAux && !s.c.Options.TABARI && q+1 < h && s.mentAt[q+1] < 0 && asClause(s.toks[q+1].Norm):
			// "resigned as the opposition threatened …": the clause
			// after AS has a subject of its own, and it is no actor.
			return -1, false, ""
		case !onlyAux && (w == "AFTER" || w == "BEFORE" || w == "SINCE") && s.mentAt[q] < 0:
			// "years after crowds burned down …": the verb has a subject
			// of its own in the subordinate clause, and it is no actor.
			return -1, false, ""
		}
		if w == "," && onlyAux && !s.c.Options.TABARI {
			if c := s.apposStart(q); c >= 0 {
				// "Pakistan, a key U.S. ally in …, has refused": the
				// subject is before the appositive.
				q = c
				continue
			}
		}
		if s.barrier[q] && onlyAux && (w == "AND" || w == "," || w == "BUT" || w == "THEN") {
			return -1, true, "coordinated with the previous verb"
		}
		if !aux[w] {
			onlyAux = false
		}
	}
	if fallback >= 0 {
		return fallback, false, "only a prepositional mention before the verb"
	}
	return -1, false, ""
}

// demandWords are the nouns and verbs whose THAT-clause says what someone
// is required to do ("demanded that Japan stop …"): its act is demanded.
var demandWords = buildDemandWords()

func buildDemandWords() map[string]bool {
	m := map[string]bool{"DEMANDS": true, "REQUESTS": true}
	for _, r := range []string{"DEMAND", "INSIST", "URGE", "REQUEST", "REQUIRE", "ORDER", "ASK"} {
		m[r] = true
		for _, f := range verbInflections(r) {
			m[f] = true
		}
	}
	return m
}

// demanded reports whether the verb at h is demanded rather than done:
// its verb group holds a modal of obligation (MUST, OUGHT, SHOULD outside
// a commitment's THAT-clause, NEED TO, HAVE TO; not a perfect modal,
// "should have acted"), or it stands in a
// THAT-clause of a demand word, up to 12 words back ("reiterated its
// demand today that Israel ease …").
func (s *sent) demanded(h int) bool {
	for q := h - 1; q >= 0 && q >= h-6; q-- {
		w := s.toks[q].Norm
		if w == "TO" && q > 0 {
			switch s.toks[q-1].Norm {
			case "NEED", "NEEDS", "HAVE", "HAS":
				return true
			}
		}
		if (w == "MUST" || w == "OUGHT" || w == "SHOULD" && !s.committedThat(q)) && s.toks[q+1].Norm != "HAVE" {
			// not "should HAVE acted", "must HAVE known": regret or
			// inference about the past
			return true
		}
		if !aux[w] {
			break
		}
	}
	for q := h - 1; q > 0 && q >= h-12; q-- {
		w := s.toks[q].Norm
		if w == "THAT" {
			for k := q - 1; k >= 0 && k >= q-3; k-- {
				if demandWords[s.toks[k].Norm] {
					return true
				}
				if s.barrier[k] || s.mentAt[k] >= 0 {
					break
				}
			}
			return false
		}
		if s.barrier[q] {
			return false
		}
	}
	return false
}

// inCondition reports whether the verb at h is in a condition clause: one
// opened by IF, UNLESS or WHETHER earlier in its clause, or by SHOULD at
// the start of the sentence ("Should Beijing agree, …"). A condition is
// not an act that happened, and it yields to the act it conditions ("China
// will impose sanctions if the United States sells arms": one event).
func (s *sent) inCondition(h int) bool {
	for q := h - 1; q >= 0; q-- {
		switch s.toks[q].Norm {
		case "IF", "UNLESS", "WHETHER":
			return true
		case "SHOULD":
			if q == 0 {
				return true
			}
		case ",", ";", ":":
			return false
		}
	}
	return false
}

// conditionSubject returns the subject of an IF or UNLESS clause after
// token p, or of one that opens the sentence before p, when it is an
// actor other than the sources, or -1.
func (s *sent) conditionSubject(p int, srcs []dyad.Actor) int {
	for q := p; q < s.n; q++ {
		switch w := s.toks[q].Norm; w {
		case "IF", "UNLESS":
			return s.objectAfter(q+1, s.n, srcs)
		case ";", ".", "BUT":
			q = s.n
		}
	}
	// "If the United States sells arms, China will retaliate": a
	// condition that opens the sentence, closed by a comma before p.
	if s.n > 0 && (s.toks[0].Norm == "IF" || s.toks[0].Norm == "UNLESS") {
		for q := 1; q < p; q++ {
			if s.toks[q].Norm == "," {
				return s.objectAfter(1, q, srcs)
			}
		}
	}
	return -1
}

// threatRoot reports whether code is a threat (CAMEO root 13).
func threatRoot(code string) bool { return len(code) >= 2 && code[:2] == "13" }

// conflictRoot reports whether code is a conflictual act (CAMEO roots
// 11-20), which made conditional is a threat (see dyad.Event.FrameCAMEO).
func conflictRoot(code string) bool {
	return len(code) >= 2 && (code[0] == '1' && code[1] >= '1' || code[:2] == "20")
}

// domesticRoot reports whether an act of CAMEO code code falls on
// someone even when no one is named: demands, disapproval, rejection,
// threats, protest, coercion and force (roots 10–14, 17–20) and eased
// restrictions (080, 081x).
func domesticRoot(code string) bool {
	if len(code) < 3 {
		return false
	}
	switch code[:2] {
	case "10", "11", "12", "13", "14", "17", "18", "19", "20":
		return true
	case "08":
		return code[2] == '0' || code[2] == '1'
	}
	return false
}

// protestRoot reports whether code is a protest (CAMEO root 14).
func protestRoot(code string) bool { return len(code) >= 2 && code[:2] == "14" }

// coerceRoot reports whether code is coercion or unconventional violence
// (CAMEO roots 17 and 18: arrests, restrictions, seizures, assaults),
// acts that always fall on someone, unlike the verbal acts of roots
// 10–13, which in diplomatic text are aimed at another state left
// unnamed, and military force (19, 20), often used abroad.
func coerceRoot(code string) bool {
	return len(code) >= 2 && (code[:2] == "17" || code[:2] == "18")
}

// ownStateAfter returns the first mention of the sources' state after
// token p in the verb's clause (commas and relative clauses do not end
// it; a conjunction or subordinator does), places included, with a code
// other than a source's, or -1.
func (s *sent) ownStateAfter(p int, srcs []dyad.Actor) int {
	for q := p; q < s.n; q++ {
		if m := s.mentAt[q]; m >= 0 {
			a := &s.in.Mentions[m].Actor
			if a.Country == srcs[0].Country && !hasCode(srcs, a.Code) {
				return int(m)
			}
			q = s.mEnd[m] - 1
			continue
		}
		if !s.barrier[q] {
			continue
		}
		switch s.toks[q].Norm {
		case ",", "THAT", "WHICH", "WHO", "WHOM", "WHERE":
		default:
			return -1
		}
	}
	return -1
}

// asClause reports whether AS followed by the word w opens a clause with a
// subject of its own ("as the opposition threatened", "as attempts to
// resolve the crisis failed"), not a comparison or a role ("as well as",
// "as part of").
func asClause(w string) bool {
	switch w {
	case "WELL", "SOON", "LONG", "MUCH", "MANY", "PART", "SUCH", "IF", "OF", "FAR", "A", "AN":
		return false
	}
	if personalPronoun(w) {
		// "as they continued …": the pronoun stands for an actor before
		return false
	}
	return !preps[w]
}

// articles open a noun phrase.
var articles = map[string]bool{"A": true, "AN": true, "THE": true}

// personalPronoun reports whether w is a subject pronoun that refers to
// an actor.
func personalPronoun(w string) bool {
	switch w {
	case "HE", "SHE", "THEY", "IT", "WE":
		return true
	}
	return false
}

// firstSubject returns the first mention before token q that could be a
// subject (not a place, a modifier or governed by a preposition), or -1.
func (s *sent) firstSubject(q int) int {
	for m := range s.in.Mentions {
		if s.mStart[m] < 0 || s.mStart[m] >= q {
			break
		}
		if !s.place[m] && !s.modifier[m] && !s.prepGoverned(m) {
			return m
		}
	}
	return -1
}

// hasCode reports whether one of as has code c.
func hasCode(as []dyad.Actor, c string) bool {
	for i := range as {
		if as[i].Code == c {
			return true
		}
	}
	return false
}

// apposStart returns the comma opening an appositive that the comma at
// token q closes ("Pakistan, a key U.S. ally in the war, has …"): a noun
// phrase opened by an article, with no other clause boundary in it, right
// after a mention. It returns -1 when there is none.
func (s *sent) apposStart(q int) int {
	for k := q - 1; k > 0 && k >= q-15; k-- {
		if !s.barrier[k] || s.mentAt[k] >= 0 {
			continue
		}
		if s.toks[k].Norm != "," || k+2 > q {
			return -1
		}
		switch s.toks[k+1].Norm {
		case "A", "AN", "THE":
		default:
			return -1
		}
		if s.mentAt[k-1] < 0 {
			return -1
		}
		return k
	}
	return -1
}

// prepGoverned reports whether mention m follows a preposition ("of
// China", "with Wang").
func (s *sent) prepGoverned(m int) bool {
	q := s.mStart[m] - 1
	if !s.c.Options.TABARI {
		q = s.nameChainStart(s.mStart[m]) - 1
	}
	for q >= 0 && (s.toks[q].Norm == "THE" || s.toks[q].Norm == "A") {
		q--
	}
	return q >= 0 && preps[s.toks[q].Norm]
}

// namesPlace reports whether mention m is a state or city named as a
// place phrase ("in the northern city of Kirkuk", see statePlaceAt),
// which no pattern's '$' makes a source. Under TABARI's rules no mention
// is.
func (s *sent) namesPlace(m int) bool {
	st := s.toks[s.mStart[m]].Span.Start
	for i := range s.places {
		if s.places[i].span.Start == st {
			return !s.c.Options.TABARI
		}
	}
	return false
}

// nameChainStart returns the first token of the chain of names that ends
// with the mention starting at token st: a name is part of the phrase of
// the mention before it when a possessive ('S), a name particle ("al-")
// or up to two lower-case words of a title that are no verbs join them
// ("loyal to Iraq's Al-Qaeda frontman Abu Musab al-Zarqawi" is one phrase
// after TO). Two mentions with nothing between them are not chained.
func (s *sent) nameChainStart(st int) int {
	for {
		q, joined, title := st-1, false, 0
		for q >= 0 && s.mentAt[q] < 0 {
			w, c := s.toks[q].Norm, s.in.Text[s.toks[q].Span.Start]
			switch {
			case w == "'S" || w == "-" || w == "AL" || w == "EL":
				joined = true
			case title < 2 && s.toks[q].Kind == dyad.Word && c >= 'a' && c <= 'z' &&
				!s.barrier[q] && !preps[w] && !aux[w] && !dets[w] && !sayWords[w] && len(s.c.Verbs.forms[w]) == 0:
				joined = true
				title++
			default:
				return st
			}
			q--
		}
		if q < 0 || !joined {
			return st
		}
		st = s.mStart[s.mentAt[q]]
	}
}

// objectAfter finds the nearest mention after token p in the clause that
// is not a place and not the source.
func (s *sent) objectAfter(p, limit int, srcs []dyad.Actor) int {
	for q := p; q < s.n && q < limit; q++ {
		if s.barrier[q] {
			if s.toks[q].Norm == "AND" && q+1 < s.n && s.toks[q+1].Norm == "OTHER" && !s.c.Options.TABARI {
				// "aerial photographs AND OTHER intelligence to
				// Macedonia": a list of objects, not a new clause
				continue
			}
			return -1
		}
		mi := s.mentAt[q]
		if mi < 0 {
			continue
		}
		m := int(mi)
		q = s.mEnd[m] - 1
		if s.place[m] {
			continue
		}
		a := &s.in.Mentions[m].Actor
		same := false
		for i := range srcs {
			if s.in.Mentions[m].Rule != "both" && s.sameParty(a, &srcs[i], srcs) {
				same = true
			}
		}
		if same {
			continue
		}
		// "China's foreign minister Wang": skip the possessor for the head.
		if e := s.mEnd[m]; e < s.n && s.toks[e].Norm == "'S" {
			for k := e + 1; k < s.n && k < e+5 && !s.barrier[k]; k++ {
				if s.mentAt[k] >= 0 {
					m = -1
					break
				}
			}
			if m < 0 {
				continue
			}
		}
		return m
	}
	return -1
}

// usedBefore reports whether the pattern matched one of the two words
// before token q (a preposition the pattern names, "- * ON +").
func (r *matchResult) usedBefore(q int) bool {
	for i := 0; i < r.nused; i++ {
		if u := r.used[i]; u == q-1 || u == q-2 {
			return true
		}
	}
	return false
}

// topicOf reports whether mention m is what a consultation is about, not
// who takes part: after ON, ABOUT, OVER, REGARDING or CONCERNING, with
// at most an article between ("exchanged views ON THE Ukraine crisis",
// "talked ABOUT Taiwan"). Outside TABARI's rules only.
func (s *sent) topicOf(m int) bool {
	if s.c.Options.TABARI {
		return false
	}
	q := s.mStart[m] - 1
	if q >= 0 && articles[s.toks[q].Norm] {
		q--
	}
	if q < 0 {
		return false
	}
	switch s.toks[q].Norm {
	case "ON", "ABOUT", "OVER", "REGARDING", "CONCERNING":
		return true
	}
	return false
}

// thatAfter returns the index of a THAT opening a clause after the verb
// ending at token p, with no mention or other boundary before it, or -1.
func (s *sent) thatAfter(p int) int {
	for q := p; q < s.n && q < p+6; q++ {
		if s.mentAt[q] >= 0 {
			return -1
		}
		if s.toks[q].Norm == "THAT" {
			return q
		}
		if s.barrier[q] {
			return -1
		}
	}
	return -1
}

// speechVerbAt reports whether tokens [vs, ve) hold a verb of saying.
func (s *sent) speechVerbAt(vs, ve int) bool {
	for q := vs; q < ve; q++ {
		if sayWords[s.toks[q].Norm] {
			return true
		}
	}
	return false
}

// passiveAgent returns the mention after BY when the verb at [vs, ve) is
// in the passive voice, and whether it is passive at all.
func (s *sent) passiveAgent(vs, ve int) (int, bool) {
	be := false
	for q := vs - 1; q >= 0 && q >= vs-4; q-- {
		w := s.toks[q].Norm
		if beForms[w] {
			be = true
			break
		}
		if !aux[w] {
			break
		}
	}
	if !participle(s.toks[ve-1].Norm) {
		return -1, false
	}
	if !be {
		// A reduced passive names its agent right after the participle:
		// "as discussed by Biden and Xi", "talks hosted by China".
		if ve+1 < s.n && s.toks[ve].Norm == "BY" {
			p := ve + 1
			if s.toks[p].Norm == "THE" && p+1 < s.n {
				p++
			}
			if m := s.mentAt[p]; m >= 0 && !s.place[m] {
				return int(m), true
			}
		}
		return -1, false
	}
	for q := ve; q < s.n && q <= ve+2; q++ {
		if s.toks[q].Norm == "BY" {
			p := q + 1
			if p < s.n && s.toks[p].Norm == "THE" {
				p++
			}
			if p < s.n && s.mentAt[p] >= 0 && !s.place[s.mentAt[p]] {
				return int(s.mentAt[p]), true
			}
			return -1, true
		}
		if s.barrier[q] || s.mentAt[q] >= 0 {
			break
		}
	}
	return -1, true
}

func participle(w string) bool {
	switch w {
	case "HELD", "MET", "MADE", "PUT", "CUT", "SET", "SHUT", "BROUGHT", "SOUGHT", "TOLD", "SAID", "SEEN",
		"GIVEN", "TAKEN", "BEGUN", "DONE", "FROZEN", "HIT", "LEFT", "SENT", "KEPT", "BUILT", "SIGNED":
		return true
	}
	n := len(w)
	return n > 3 && (w[n-2:] == "ED" || w[n-2:] == "EN")
}

// modality reads the auxiliaries before the verb group at h.
func (s *sent) modality(h int) (neg, fut, hyp bool, why string) {
	for q := h - 1; q >= 0 && q >= h-6; q-- {
		w := s.toks[q].Norm
		if s.mentAt[q] >= 0 || (s.barrier[q] && w != "THAT") {
			break
		}
		switch {
		case isNeg(w):
			neg, why = true, w
		case (w == "WILL" || w == "SHALL" || w == "'LL") && s.hasIf && !s.c.Options.TABARI:
			// "China will impose sanctions if …": a conditional
			// commitment, as "would … if" is.
			hyp, why = true, w+" with IF"
		case w == "WILL" || w == "SHALL" || w == "'LL":
			fut, why = true, w
		case w == "WOULD":
			if s.hasIf {
				hyp, why = true, "WOULD with IF"
			} else {
				fut, why = true, w
			}
		case w == "COULD" || w == "MIGHT" || w == "MAY":
			hyp, why = true, w
		case (w == "LIKELY" || w == "UNLIKELY") && q+1 < h && s.toks[q+1].Norm == "TO" && !s.c.Options.TABARI:
			// "an issue likely to dominate relations"
			hyp, why = true, w+" TO"
		case w == "SHOULD" && !s.c.Options.TABARI && s.committedThat(q):
			// "agreed that their countries should cooperate"
			fut, why = true, "SHOULD after a commitment"
		case w == "TO" && q > 0 && beForms[s.toks[q-1].Norm]:
			fut, why = true, s.toks[q-1].Norm+" TO"
		case aux[w]:
		default:
			q = -1
		}
	}
	// IF or UNLESS earlier in the same clause.
	for q := h - 1; q >= 0; q-- {
		w := s.toks[q].Norm
		if w == "IF" || w == "UNLESS" || w == "WHETHER" {
			return neg, fut, true, w
		}
		if w == "," || w == ";" || w == ":" {
			break
		}
	}
	return neg, fut, hyp, why
}

// committedThat reports whether the modal at token q is in a THAT-clause
// of a verb of commitment ("agreed on Wednesday that their countries
// SHOULD cooperate"): what was agreed is planned.
func (s *sent) committedThat(q int) bool {
	for k := q - 1; k > 0 && k >= q-10; k-- {
		if s.toks[k].Norm != "THAT" {
			if s.barrier[k] {
				return false
			}
			continue
		}
		for v := k - 1; v >= 0 && v >= k-5; v-- {
			switch s.toks[v].Norm {
			case "AGREED", "AGREE", "AGREES", "DECIDED", "DECIDE", "DECIDES", "PLEDGED", "PROMISED",
				"VOWED", "RESOLVED", "COMMITTED":
				return true
			}
			if s.barrier[v] || s.mentAt[v] >= 0 {
				return false
			}
		}
		return false
	}
	return false
}

// acceptWords are the forms of the verbs whose negation by their own
// subject is a refusal.
var acceptWords = map[string]bool{
	"ACCEPT": true, "ACCEPTS": true, "ACCEPTED": true, "ACCEPTING": true,
	"AGREE": true, "AGREES": true, "AGREED": true, "AGREEING": true,
}

// status decides what became of an act.
func (s *sent) status(a *act, occs []occ) (dyad.Status, string, *occ) {
	st, why := dyad.StatusOccurred, "reported act"
	var outer *occ
	if len(a.frames) > 0 {
		outer = &occs[a.frames[len(a.frames)-1]]
		st, why = outer.fr.status, "frame before the act"
	} else if a.fwd >= 0 {
		f := &occs[a.fwd]
		st, why = f.fr.status, "frame after the act"
	}
	neg, fut, hyp, mwhy := s.modality(a.head)
	if a.fwd != -1 {
		neg = neg || a.fwdNeg
		fut = fut || a.fwdFut && a.fwd == -2
	}
	// "Syria will not accept refugees if war starts": a refusal made on a
	// condition is still a refusal.
	refusal := neg && !s.c.Options.TABARI && outer == nil && acceptWords[s.toks[a.head].Norm]
	switch {
	case hyp && !refusal:
		return dyad.StatusHypothetical, "hypothetical: " + mwhy, outer
	case neg:
		if outer != nil && outer.fr.accept {
			return dyad.StatusDeclined, "negated " + s.toks[outer.start].Norm, outer
		}
		if refusal {
			// "Syria will not accept more refugees": a subject that
			// does not accept or agree refuses.
			return dyad.StatusDeclined, "negated " + s.toks[a.head].Norm, outer
		}
		return dyad.StatusNegated, "negation: " + mwhy, outer
	case fut:
		switch st {
		case dyad.StatusProposed, dyad.StatusDeclined, dyad.StatusNegated:
		default:
			return dyad.StatusPlanned, "future: " + mwhy, outer
		}
	}
	return st, why, outer
}

// reciprocalRoots are the CAMEO roots whose acts between a compound
// subject go both ways: "Blinken and Wang discussed" is two consultations.
func reciprocalRoot(code string) bool {
	if len(code) < 2 {
		return false
	}
	switch code[:2] {
	case "03", "04", "05", "06":
		return true
	}
	return code == "019"
}

// failedAgreement reports whether a FAIL frame (word w) governs an act
// of agreement or settlement (CAMEO roots 03 and 05): a refusal.
func failedAgreement(w, code string) bool {
	switch w {
	case "FAIL", "FAILS", "FAILED", "FAILING":
	default:
		return false
	}
	return len(code) >= 2 && (code[:2] == "03" || code[:2] == "05")
}

// mutual reports whether a status describes an act both parties share,
// so paired codes apply: a cancelled meeting was cancelled by one side.
func mutual(st dyad.Status) bool {
	switch st {
	case dyad.StatusOccurred, dyad.StatusPlanned, dyad.StatusOngoing, dyad.StatusResumed:
		return true
	}
	return false
}

func (b *builder) emitAct(a *act, occs []occ, code, rcode, patText string, mr *matchResult) {
	s := b.s
	o := a.o
	b.object = s.objectOf(o.start, o.end)
	b.speech = s.reportsSpeech(o.start, o.end, code)
	defer func() { b.speech = false }()
	st, stWhy, outer := s.status(a, occs)
	if !s.c.Options.TABARI && s.demanded(a.head) {
		// "X must agree to changes", "its demand that Israel ease
		// restrictions": what is demanded has not happened; the demand
		// itself is coded from the modal (see demands) or the demand word.
		return
	}
	b.cond = !s.c.Options.TABARI && st == dyad.StatusHypothetical && s.inCondition(a.head)
	defer func() { b.cond = false }()
	if st == dyad.StatusNegated && outer != nil && !s.c.Options.TABARI && failedAgreement(s.toks[outer.start].Norm, code) {
		// "the two sides failed to reach agreement": CAMEO codes a
		// failure to agree or settle as a rejection (its FAIL TO AGREE,
		// FAILED TO ADOPT patterns).
		st, stWhy = dyad.StatusDeclined, "failed agreement: "+s.toks[outer.start].Norm
	}
	var srcs, tgts []dyad.Actor
	srcWhy, tgtWhy := "", ""
	pairwise := false

	// Passive voice on the verb group or on the frame after an act noun.
	agent, passive := s.passiveAgent(a.head, headEnd(a, occs))
	if !passive && a.fwd >= 0 {
		agent, passive = s.passiveAgent(occs[a.fwd].start, occs[a.fwd].end)
		passive = passive && agent >= 0
	}
	switch {
	case mr.comp >= 0:
		srcs, srcWhy, pairwise = s.groupActors(int(mr.comp)), "compound actor matched by %", true
	case mr.src >= 0 && !s.namesPlace(mr.src):
		srcs, srcWhy = s.groupActors(mr.src), "matched by $"
	case agent >= 0:
		srcs, srcWhy = s.groupActors(agent), "passive agent after BY"
	case passive:
		// passive without an agent: the subject is acted upon
	case s.c.Options.TABARI:
		if m := s.tabariSource(o.start, mr.tgt); m >= 0 {
			srcs, srcWhy = s.groupActors(m), "first actor of the clause (TABARI)"
		}
	default:
		m, coord, why := s.subjectBefore(a.head)
		if coord && len(b.lastSrc) > 0 {
			srcs, srcWhy = b.lastSrc, why
		} else if m >= 0 {
			srcs, srcWhy = s.groupActors(m), why
		}
	}
	tabari := s.c.Options.TABARI
	if tabari && len(srcs) == 0 && s.c.Options.DefaultSource != "" {
		if s.c.Options.SourcePrior || mr.tgt >= 0 {
			srcs, srcWhy = []dyad.Actor{{Code: s.c.Options.DefaultSource}}, "default source"
		} else if m := s.objectAfter(o.end, s.n, nil); m >= 0 {
			// TABARI is greedy: with no actor before the verb, the first
			// one after it is the source.
			srcs, srcWhy = s.actorsOf(m), "first actor after the verb (no DEFAULT PRIOR)"
			mr.tgt = -1
		} else {
			srcs, srcWhy = []dyad.Actor{{Code: s.c.Options.DefaultSource}}, "default source"
		}
	}
	if len(srcs) == 0 && s.in.Side != "" && !s.mentionBefore(a.head) {
		side := s.in.Side
		srcs, srcWhy = []dyad.Actor{{Text: side, Code: side + "GOV", Country: side}}, "no subject: the document's side"
	}
	if len(srcs) == 0 {
		return
	}
	b.lastSrc = srcs
	for _, x := range srcs {
		if x.Code == "" {
			return
		}
	}

	invite := outer != nil && outer.fr.invite
	declinedFrom := -1 // "rejected a U.S. offer to host …": the offerer
	if !s.c.Options.TABARI && outer != nil && outer.fr.status == dyad.StatusDeclined && outer.end < o.start {
		declinedFrom = s.objectAfter(outer.end, o.start, srcs)
	}
	switch {
	case pairwise:
	case invite:
		if m := s.objectAfter(outer.end, outer.end+3, srcs); m >= 0 {
			tgts, tgtWhy = s.groupActors(m), "invitee"
		} else if passive {
			if m, _, _ := s.subjectBefore(a.head); m >= 0 {
				tgts, tgtWhy = s.groupActors(m), "invitee (passive subject)"
			}
		}
		if code == "042" {
			code, rcode = "043", ""
		}
	case mr.tgt >= 0 && len(code) >= 2 && code[:2] == "04" && s.topicOf(mr.tgt) && !mr.usedBefore(s.mStart[mr.tgt]):
		// "exchanged views on the Ukraine crisis": the pattern's +
		// took the topic, not a party (a pattern may still name the
		// preposition itself).
	case mr.tgt >= 0 && (tabari || !passive || agent < 0 || s.group[mr.tgt] != s.group[agent]):
		tgts, tgtWhy = s.groupActors(mr.tgt), "matched by +"
	case passive:
		// "A camp for Congolese refugees was attacked by militiamen": a
		// '+' that matched the agent after BY is the source; the target
		// is the passive subject, or the group its place or thing is for.
		if m, _, _ := s.subjectBefore(a.head); m >= 0 {
			tgts, tgtWhy = s.groupActors(m), "passive subject"
		}
	case code == "010" || code == "012" || code == "013":
		q := o.end
		if q < s.n && s.toks[q].Norm == "TO" {
			q++
		}
		if q < s.n && s.mentAt[q] >= 0 && !s.place[s.mentAt[q]] {
			tgts, tgtWhy = s.groupActors(int(s.mentAt[q])), "addressee right after the verb"
		}
	case tabari:
		if m := s.tabariTargetAfter(o.end, srcs); m >= 0 {
			tgts, tgtWhy = s.groupActors(m), "first other actor after the verb (TABARI)"
		}
	default:
		if m := s.objectAfter(o.end, s.n, srcs); m >= 0 {
			if !(len(code) >= 2 && code[:2] == "04" && s.topicOf(m)) {
				tgts, tgtWhy = s.groupActors(m), "nearest mention after the verb"
			}
		} else if t := s.thatAfter(o.end); t >= 0 && !s.speechVerbAt(o.start, o.end) {
			// "demanded that Japan stop …": the subject of the clause.
			if m := s.objectAfter(t+1, s.n, srcs); m >= 0 {
				tgts, tgtWhy = s.groupActors(m), "subject of the THAT-clause"
			}
		} else if a.head < o.start {
			if m := s.objectAfter(a.head, o.start, srcs); m >= 0 {
				tgts, tgtWhy = s.groupActors(m), "mention between the frame and the act"
			}
		}
	}
	if declinedFrom >= 0 && !pairwise {
		// The author of a refused offer is the counterpart, unless the
		// act names a more specific one of the same state ("a U.S.
		// request for a call with Secretary Austin").
		from := s.groupActors(declinedFrom)
		same := false
		for i := range tgts {
			for j := range from {
				if tgts[i].Country != "" && tgts[i].Country == from[j].Country {
					same = true
				}
			}
		}
		if !same {
			tgts, tgtWhy = from, "author of the refused offer, between the refusal and the act"
		}
	}
	if tabari && len(tgts) == 0 && !pairwise && !passive && !invite {
		if m := s.tabariTargetBefore(o.start, srcs); m >= 0 {
			tgts, tgtWhy = s.groupActors(m), "first other actor before the verb (TABARI)"
		}
	}
	// Drop targets that are the source.
	k := 0
	for _, t := range tgts {
		keep := true
		for i := range srcs {
			if s.sameParty(&t, &srcs[i], srcs) {
				keep = false
			}
		}
		if keep {
			tgts[k] = t
			k++
		}
	}
	tgts = tgts[:k]
	if !tabari && len(tgts) == 0 && mr.comp < 0 && !passive && (threatRoot(code) || st == dyad.StatusHypothetical && conflictRoot(code)) {
		// "threatened to stop the talks if the United States goes
		// ahead", "will cut off aid unless the junta steps down": a
		// threat, and a conflictual act made conditional, fall on the one
		// whose act is the condition.
		if m := s.conditionSubject(o.end, srcs); m >= 0 {
			tgts, tgtWhy = s.groupActors(m), "subject of the threat's condition"
		}
	}
	if !tabari && len(tgts) == 0 && mr.comp < 0 && !passive && !invite && domesticRoot(code) && s.domestic(srcs) {
		// "Turkish authorities imposed a curfew in Cizre", "threatened
		// to ban Ugandan opposition candidates": a coercive act in a
		// sentence about one state falls on that state.
		if m := s.ownStateAfter(o.end, srcs); m >= 0 {
			t := s.in.Mentions[m].Actor
			tgts, tgtWhy = append(tgts, t), "the source's own state, named after the verb (domestic act)"
		}
	}
	if !tabari && len(tgts) == 0 && mr.comp < 0 && !passive && !invite && domesticRoot(code) {
		// "fired shells at targets in Jericho", "killed the deputy chief
		// in southern Lebanon": a coercive act falls on the state where
		// it took place.
		if loc := s.placeFor(a.head); loc != nil && loc.country != "" {
			tgts, tgtWhy = []dyad.Actor{{Text: loc.text, Code: loc.country, Country: loc.country, Span: loc.span}}, "state of the place "+loc.text
		}
	}
	if !tabari && len(tgts) == 0 && mr.comp < 0 && !passive && !invite && coerceRoot(code) && s.domestic(srcs) {
		// "the government ordered the opposition newspaper to suspend
		// publication", "police detained hundreds": coercion or
		// unconventional violence that names no one it falls on, in a
		// sentence that names no state but the source's, falls on that
		// state.
		c := srcs[0].Country
		tgts, tgtWhy = []dyad.Actor{{Code: c, Country: c}}, "the source's own state (domestic coercion, no target named)"
	}
	if !tabari && len(tgts) == 0 && mr.comp < 0 && !passive && !invite && protestRoot(code) && s.domestic(srcs) {
		// "Young Algerians blocked roads", "students staged a hunger
		// strike": a protest that names no one it is aimed at, in a
		// sentence about one state, is aimed at that state's government.
		c := srcs[0].Country
		tgts, tgtWhy = []dyad.Actor{{Code: c + "GOV", Country: c}}, "government of the protesters' own state (domestic protest)"
	}
	forward := false // TABARI: the compound source is its own target, first to last only
	switch {
	case tabari && !pairwise && len(tgts) == 0 && len(srcs) >= 2 && !(s.c.Options.TargetAfter && s.c.Options.DefaultTarget != ""):
		pairwise, forward = true, true
	case len(tgts) > 0 || len(srcs) < 2 || !reciprocalRoot(code):
	case tabari && s.c.Options.TargetAfter && s.c.Options.DefaultTarget != "":
		// TABARI: no actor after the verb takes the default target.
	default:
		pairwise = true
	}
	// An arrival or meeting in a city of another state, with no
	// counterpart named, is a visit to that state: "arrived in Beijing".
	if len(tgts) == 0 && !pairwise && len(code) >= 2 && code[:2] == "04" {
		if loc := s.placeFor(a.head); loc != nil && loc.country != "" && !s.ofSources(loc.country, srcs) {
			tgts, tgtWhy = []dyad.Actor{{Text: loc.text, Code: loc.country + "GOV", Country: loc.country, Span: loc.span}}, "state of the place "+loc.text
		}
	}
	// A consultation needs a counterpart: "traveled to Beijing to meet
	// officials" is one visit, not also a meeting with no one.
	if len(tgts) == 0 && !pairwise && len(code) >= 2 && code[:2] == "04" && st == dyad.StatusOccurred {
		return
	}

	verb := dyad.Span{Start: s.toks[min(a.head, o.start)].Span.Start, End: s.toks[o.end-1].Span.End}
	var matched []string
	if b.explain {
		for i := 0; i < mr.nused; i++ {
			matched = append(matched, s.toks[mr.used[i]].Norm)
		}
	}
	add := func(src dyad.Actor, tgt *dyad.Actor, code string) {
		ex := Explanation{Pattern: patText, Verb: slice(s.in.Text, verb), Matched: matched,
			Source: srcWhy, Target: tgtWhy, Status: stWhy}
		if tabari && (compoundCode(src.Code) || (tgt != nil && compoundCode(tgt.Code))) {
			b.addCompound(src, tgt, code, st, verb, ex)
			return
		}
		b.add(src, tgt, code, st, verb, ex)
	}
	switch {
	case pairwise:
		for i := range srcs {
			for j := range srcs {
				distinct := srcs[i].Country != srcs[j].Country
				if tabari {
					// TABARI drops only a pair with one code
					distinct = srcs[i].Code != srcs[j].Code
				}
				if i != j && distinct && (tabari || !sameActor(&srcs[i], &srcs[j])) && !(forward && j < i) {
					t := srcs[j]
					c := code
					if tabari && j < i && rcode != "" {
						// TABARI's [044:045] on a compound: the later
						// member acts on the earlier with the second code
						c = rcode
					}
					add(srcs[i], &t, c)
				}
			}
		}
	case len(tgts) == 0 && tabari && s.c.Options.DefaultTarget != "":
		for _, x := range srcs {
			add(x, &dyad.Actor{Code: s.c.Options.DefaultTarget}, code)
		}
	case len(tgts) == 0 && tabari:
		// TABARI codes no event with a missing target.
	case len(tgts) == 0:
		for _, x := range srcs {
			add(x, nil, code)
		}
	default:
		for _, x := range srcs {
			for _, t := range tgts {
				t := t
				add(x, &t, code)
				if rcode != "" && mutual(st) {
					src := x
					add(t, &src, rcode)
				}
			}
		}
	}
}

// compoundCode reports whether code is a TABARI coded compound
// ("GME/GMW", manual §6.5.1).
func compoundCode(code string) bool { return strings.IndexByte(code, '/') >= 0 }

// maxCompoundEvents is the most events TABARI codes from one act's coded
// compounds (manual §6.5.1).
const maxCompoundEvents = 64

// addCompound adds one event per pair of codes of a TABARI coded compound
// source and target ("THE_SHIRE [FRO/BIL/SAM]"), sources outer, in the
// order of the codes; a pair with one code is skipped.
func (b *builder) addCompound(src dyad.Actor, tgt *dyad.Actor, code string, st dyad.Status, verb dyad.Span, ex Explanation) {
	n := 0
	for sc := range strings.SplitSeq(src.Code, "/") {
		x := src
		x.Code = sc
		if tgt == nil {
			if n++; n > maxCompoundEvents {
				return
			}
			b.add(x, nil, code, st, verb, ex)
			continue
		}
		for tc := range strings.SplitSeq(tgt.Code, "/") {
			if tc == sc {
				continue
			}
			if n++; n > maxCompoundEvents {
				return
			}
			t := *tgt
			t.Code = tc
			b.add(x, &t, code, st, verb, ex)
		}
	}
}

func headEnd(a *act, occs []occ) int {
	if len(a.frames) > 0 {
		return occs[a.frames[len(a.frames)-1]].end
	}
	return a.o.end
}

func (s *sent) mentionBefore(h int) bool {
	for q := 0; q < h; q++ {
		if m := s.mentAt[q]; m >= 0 && !s.place[m] && !s.modifier[m] {
			return true
		}
	}
	return false
}

// ownDemand reports whether a demand by x on t is one on itself: the same
// actor, or (outside TABARI's rules) x's own state as a whole; a demand on
// a sector of one's own state stands ("rebels said the army must …").
func (s *sent) ownDemand(x, t *dyad.Actor) bool {
	if s.c.Options.TABARI {
		return sameActor(x, t) || x.Country != "" && x.Country == t.Country
	}
	return x.Code == t.Code && x.Person == t.Person || x.Person != "" && x.Person == t.Person ||
		x.Country != "" && x.Country == t.Country && t.Code == t.Country
}

// headedBy returns the mention that opens the noun phrase ending at token
// p, up to four words back ("the U.S. and other developed nations",
// "Kagame and his ruling party", "Japan's ships"), or -1: the words
// between are no auxiliaries, no THAT and no barrier but AND.
func (s *sent) headedBy(p int) int32 {
	for k := p; k >= 0 && k >= p-4; k-- {
		if x := s.mentAt[k]; x >= 0 {
			if k < p && s.mEnd[x] == k+1 {
				return x
			}
			return -1
		}
		w := s.toks[k].Norm
		if s.barrier[k] && w != "AND" || w == "THAT" || aux[w] || isNeg(w) {
			return -1
		}
	}
	return -1
}

// demands codes "X said (that) the U.S. must …" as a demand by the speaker
// on the U.S., and consumes the verbs of the demanded clause.
func (s *sent) demands(occs []occ, consumed []bool, b *builder) {
	for q := 1; q < s.n; q++ {
		w := s.toks[q].Norm
		ln := 1
		switch {
		case demandModals[w]:
		case (w == "NEEDS" || w == "NEED" || w == "HAS" || w == "HAVE") && q+1 < s.n && s.toks[q+1].Norm == "TO":
			ln = 2
		default:
			continue
		}
		p := q - 1
		for p >= 0 && s.toks[p].Norm == "SIDE" && s.mentAt[p] < 0 {
			p--
		}
		mi := s.mentAt[p]
		if mi < 0 && !s.c.Options.TABARI {
			mi = s.headedBy(p)
		}
		if mi < 0 || s.mEnd[mi] != p+1 && s.mentAt[p] >= 0 || s.place[mi] {
			continue
		}
		m := int(mi)
		tgts := s.groupActors(m)
		// The speaker: subject of the nearest statement verb before.
		var srcs []dyad.Actor
		why := ""
		sv, se := 0, 0 // the speaker's verb, consumed once the demand is coded
		for i := len(occs) - 1; i >= 0; i-- {
			o := &occs[i]
			if o.start >= s.mStart[m] || len(o.forms) == 0 {
				continue
			}
			c := o.forms[0].code
			if c == "" {
				c = o.forms[0].block.code
			}
			if !strings.HasPrefix(c, "01") && !strings.HasPrefix(c, "02") && !s.speechVerbAt(o.start, o.end) &&
				(s.c.Options.TABARI || s.thatAfter(o.end) < 0) {
				// a verb of saying, or any verb with a THAT-clause
				// ("concluded that the U.S. must …")
				continue
			}
			if sm, _, _ := s.subjectBefore(o.start); sm >= 0 {
				srcs, why = s.groupActors(sm), "speaker of reported speech"
				sv, se = o.start, o.end
			}
			break
		}
		if len(srcs) == 0 && s.in.Side != "" && !s.mentionBefore(s.mStart[m]) {
			side := s.in.Side
			srcs, why = []dyad.Actor{{Text: side, Code: side + "GOV", Country: side}}, "document's side states the demand"
		}
		if len(srcs) == 0 {
			continue
		}
		end := q + ln
		for end < s.n {
			t := s.toks[end].Norm
			if t == ";" || t == "." || t == ":" {
				break
			}
			if s.barrier[end] && end+1 < s.n && s.mentAt[end+1] >= 0 {
				break
			}
			end++
		}
		for k := q; k < end; k++ {
			consumed[k] = true
		}
		verb := dyad.Span{Start: s.toks[q].Span.Start, End: s.toks[q+ln-1].Span.End}
		_, _, hyp, _ := s.modality(s.mStart[m])
		st := dyad.StatusOccurred
		if hyp {
			st = dyad.StatusHypothetical
		}
		nev := len(b.evs)
		for _, x := range srcs {
			for _, t := range tgts {
				if s.ownDemand(&x, &t) {
					continue
				}
				t := t
				b.add(x, &t, "100", st, verb, Explanation{Pattern: "reported demand [100] - $ SAID + " + w + " *",
					Verb: slice(s.in.Text, verb), Source: why, Target: "subject of " + w, Status: "demand stated"})
			}
		}
		if len(b.evs) > nev || s.c.Options.TABARI {
			for k := sv; k < se; k++ {
				consumed[k] = true
			}
		}
		q = end
	}
}

// add builds one event.
func (b *builder) add(src dyad.Actor, tgt *dyad.Actor, code string, st dyad.Status, verb dyad.Span, ex Explanation) {
	s := b.s
	in := s.in
	vt := s.tokenAt(verb.Start)
	loc := s.placeFor(vt)
	// Meetings: where they happened says who visited and who hosted.
	if loc != nil && loc.country != "" && tgt != nil && src.Country != "" && tgt.Country != "" && src.Country != tgt.Country {
		switch code {
		case "040", "042", "043", "044":
			switch loc.country {
			case tgt.Country:
				code = "042"
			case src.Country:
				code = "043"
			default:
				code = "044"
			}
		}
	}
	ev := dyad.Event{
		Sentence: in.Sentence.Index,
		Span:     in.Sentence.Span,
		Verb:     verb,
		Source:   src,
		Target:   tgt,
		CAMEO:    code,
		Status:   st,
		Pattern:  ex.Pattern,
		Object:   b.object,
	}
	if loc != nil {
		sp := loc.span
		ev.Location, ev.LocationSpan = loc.text, &sp
	}
	if cd, ok := b.s.c.Codebook.Lookup(code); ok {
		ev.PLOVER, ev.Mode, ev.Quad, ev.Goldstein = cd.PLOVER, cd.Mode, cd.Quad, cd.Goldstein
		if len(cd.Context) > 0 {
			ev.Context = append([]string(nil), cd.Context...)
		}
	} else {
		ev.Quad = quadClass(code)
	}
	// Date: the date mention nearest the verb within its clause.
	best, bestD := -1, 0
	for i := range in.Dates {
		if !s.sameClause(vt, s.tokenAt(in.Dates[i].Span.Start)) {
			continue
		}
		d := dist(in.Dates[i].Span, verb)
		if best < 0 || d < bestD {
			best, bestD = i, d
		}
	}
	if best >= 0 {
		dm := &in.Dates[best]
		sp := dm.Span
		ev.Date, ev.DateEnd, ev.DatePrecision, ev.DateSpan = dm.Start, dm.End, dm.Precision, &sp
		if ev.Status == dyad.StatusOccurred && !in.DocDate.IsZero() && dm.Start.After(day(in.DocDate)) {
			ev.Status = dyad.StatusPlanned
			ex.Status = "date after the document date"
		}
	} else {
		d := day(in.DocDate)
		ev.Date, ev.DateEnd, ev.DatePrecision, ev.DateFromDoc = d, d, dyad.PrecisionDay, true
	}
	if !s.tagged {
		s.issues, s.tagged = s.c.Issues.Tag(in.Tokens), true
	}
	if len(s.issues) > 0 {
		ev.Issues = append([]string(nil), s.issues...)
	}
	if i := len(b.evs) - b.base; b.speech && i < 64 {
		b.said |= 1 << i
	}
	if i := len(b.evs) - b.base; b.cond && i < 64 {
		b.conds |= 1 << i
	}
	b.evs = append(b.evs, ev)
	if b.explain {
		b.exs = append(b.exs, ex)
	}
	if s.c.Options.TABARI {
		b.prios = append(b.prios, b.prio)
	}
}

// condAt reports whether event base+i is the condition of another act.
func (b *builder) condAt(i int) bool {
	return i < 64 && b.conds&(1<<i) != 0
}

// speechAt reports whether event base+i only reports speech.
func (b *builder) speechAt(i int) bool {
	if i < 64 {
		return b.said&(1<<i) != 0
	}
	return b.evs[b.base+i].CAMEO == "010"
}

func day(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func dist(a, b dyad.Span) int {
	switch {
	case a.End <= b.Start:
		return b.Start - a.End
	case b.End <= a.Start:
		return a.Start - b.End
	}
	return 0
}

// finish drops subordinate statements and duplicates and computes keys.
func (b *builder) finish() ([]dyad.Event, []Explanation) {
	mine := b.evs[b.base:]
	other := false // statements yield to other events (TABARI: its priorities do)
	main := false  // conditions yield to the act they condition
	for i := range mine {
		if !b.speechAt(i) && !b.s.c.Options.TABARI {
			other = true
			main = main || !b.condAt(i)
		}
	}
	first := b.firstActs(mine, other)
	var keep []bool // TABARI's code priorities
	if len(b.prios) > 0 {
		keep = b.priorities(func(i int) bool { return first == nil || first[b.clauseOf(&mine[i])].has(mine[i].Verb.Start) })
	}
	// Filter in place: the write index never passes the read index.
	evs := mine[:0]
	var exs []Explanation
	for i := range mine {
		ev := mine[i]
		if other && b.speechAt(i) {
			continue
		}
		if main && b.condAt(i) {
			continue
		}
		if keep != nil && !keep[i] {
			continue
		}
		if first != nil && !first[b.clauseOf(&ev)].has(ev.Verb.Start) {
			continue
		}
		ev.Key = ev.ComputeKey()
		dup := false
		for k := range evs {
			dup = dup || evs[k].Key == ev.Key
		}
		if dup {
			continue
		}
		evs = append(evs, ev)
		if b.explain {
			ex := b.exs[i]
			ex.Event = ev
			exs = append(exs, ex)
		}
	}
	return b.evs[:b.base+len(evs)], exs
}

// actStart is the verb offset of the first act coded in a clause; -1
// when none.
type actStart int

func (a actStart) has(off int) bool { return int(a) == off }

// clauseOf returns the clause of ev's verb under TABARI's CODE BY rule:
// clauses end at conjunctions that are barriers; with CODE BY SENTENCE
// the sentence is one clause.
func (b *builder) clauseOf(ev *dyad.Event) int {
	s := b.s
	if s.c.Options.CodeBy == CodeBySentence {
		return 0
	}
	q := s.tokenAt(ev.Verb.Start)
	k := 0
	for i := 0; i < q && i < s.n; i++ {
		if s.barrier[i] && conjunctions[s.toks[i].Norm] {
			k++
		}
	}
	return k
}

// conjunctions delimit TABARI's clauses.
var conjunctions = map[string]bool{"AND": true, "BUT": true, "OR": true, "NOR": true}

// firstActs returns, under TABARI's rules with CODE BY CLAUSE or
// SENTENCE, the verb offset of the first act coded in each clause (TABARI
// codes only that one), indexed by clause; nil otherwise. Statements
// dropped for other events (other) do not count.
func (b *builder) firstActs(mine []dyad.Event, other bool) []actStart {
	o := &b.s.c.Options
	if !o.TABARI || o.CodeBy == CodeAll || len(mine) < 2 {
		return nil
	}
	first := b.s.sc.first[:0]
	// TABARI: a subordinate event ([023?]) is first only in a clause
	// without another event.
	normal := b.s.sc.normal[:0]
	defer func() { b.s.sc.first, b.s.sc.normal = first[:0], normal[:0] }()
	for i := range b.prios {
		c := b.clauseOf(&mine[i])
		for len(normal) <= c {
			normal = append(normal, false)
		}
		normal[c] = normal[c] || b.prios[i] != prioSubordinate
	}
	for i := range mine {
		if other && b.speechAt(i) {
			continue
		}
		c := b.clauseOf(&mine[i])
		if i < len(b.prios) && b.prios[i] == prioSubordinate && normal[c] {
			continue
		}
		for len(first) <= c {
			first = append(first, -1)
		}
		if v := mine[i].Verb.Start; first[c] < 0 || v < int(first[c]) {
			first[c] = actStart(v)
		}
	}
	if len(first) == 0 {
		return nil // no filter, as before any clause had a first act
	}
	return first
}
