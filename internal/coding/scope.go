package coding

import (
	"sort"

	"github.com/dyad-dev/dyad"
)

// A namedPlace is a location named in the sentence: "in Beijing".
type namedPlace struct {
	tok     int // index of the IN/AT token
	text    string
	span    dyad.Span
	country string
}

// clauseBreaks end the clause an act belongs to, for deciding which date
// and place belong to it. Commas and "and" do not: appositives, lists and
// coordinated verbs ("met Wang and discussed …") share a clause's date and
// place, while "as discussed by X in Bali", "which …", "because …" or a
// parenthesis start another.
var clauseBreaks = map[string]bool{
	";": true, ":": true, "(": true, ")": true, "?": true, "!": true,
	"BUT": true, "WHILE": true, "WHEREAS": true, "WHICH": true, "WHO": true, "WHOM": true,
	"WHERE": true, "BECAUSE": true, "ALTHOUGH": true, "THOUGH": true, "THAT": true, "AS": true,
	"WHEN": true, "IF": true, "UNLESS": true, "UNTIL": true, "ONCE": true, "SINCE": true,
	"AFTER": true, "BEFORE": true, "FOLLOWING": true,
}

// tokenAt returns the index of the token that starts at or contains the
// byte offset off (the last token starting before it).
func (s *sent) tokenAt(off int) int {
	i := sort.Search(s.n, func(i int) bool { return s.toks[i].Span.Start > off })
	return max(i-1, 0)
}

// sameClause reports whether the tokens at a and b belong to one clause:
// no clause break lies between them. A date or place that opens the
// sentence ("On Monday, …", "In Beijing, …") belongs to every clause.
func (s *sent) sameClause(a, b int) bool {
	if a > b {
		a, b = b, a
	}
	if a <= 1 && s.opensSentence(a) {
		return true
	}
	for q := a + 1; q < b; q++ {
		if clauseBreaks[s.toks[q].Norm] && s.mentAt[q] < 0 {
			return false
		}
	}
	return true
}

// opensSentence reports whether the phrase at token q opens the sentence
// before any actor: "On Monday, …", "In Beijing, …", "Last week …".
func (s *sent) opensSentence(q int) bool {
	for k := 0; k < q; k++ {
		if s.mentAt[k] >= 0 {
			return false
		}
	}
	return true
}

// placeFor returns the place of the act whose verb is at token v: the
// nearest place in the same clause, or nil.
func (s *sent) placeFor(v int) *namedPlace {
	var best *namedPlace
	bestD := 0
	for i := range s.places {
		p := &s.places[i]
		if !s.sameClause(v, p.tok) {
			continue
		}
		d := p.tok - v
		if d < 0 {
			d = -d
		}
		if best == nil || d < bestD {
			best, bestD = p, d
		}
	}
	return best
}

// nominals are words after which a verb form is a noun or an adjective's
// head: "the issues", "of exchanges", "its conflict".
var nominals = map[string]bool{
	"THE": true, "A": true, "AN": true, "THIS": true, "THESE": true, "THOSE": true, "ITS": true,
	"HIS": true, "HER": true, "THEIR": true, "OUR": true, "MY": true, "YOUR": true, "'S": true,
	"ANY": true, "EACH": true, "EVERY": true, "NO": true, "SUCH": true, "MORE": true, "MOST": true,
	"OF": true, "ON": true, "IN": true, "FOR": true, "WITH": true, "ABOUT": true, "BETWEEN": true,
	"AMONG": true, "INTO": true, "FROM": true, "BY": true, "AT": true, "OVER": true, "UNDER": true,
	"AGAINST": true, "THROUGH": true, "WITHOUT": true, "DURING": true, "AFTER": true, "BEFORE": true,
}

// verbPosition reports whether the occurrence o can be a finite or
// infinitive verb, judged from the word before it: a subject mention, an
// auxiliary or "to", an adverb in -LY, or a past-tense form after a clause
// with an actor. After a determiner or a preposition it is a noun ("on
// regional issues", "the exchanges"); after any other word only a past
// form can be a verb ("Wang, who …, met").
func (s *sent) verbPosition(o *occ) bool {
	p := o.start - 1
	if p < 0 {
		return false
	}
	w := s.toks[p].Norm
	switch {
	case s.mentAt[p] >= 0:
		// "UN ARMS inspectors said": an -S form between a mention and a
		// plural noun is a noun modifying that noun
		return s.c.Options.TABARI || !s.nounCompound(o)
	case nominals[w]:
		return false
	case aux[w] || w == "TO" || w == "ALSO" || w == "JOINTLY" || len(w) > 4 && w[len(w)-2:] == "LY":
		return true
	}
	last := s.toks[o.end-1].Norm
	return len(last) > 2 && last[len(last)-2:] == "ED" && s.lastMentionBefore(o.start) >= 0
}

// nounCompound reports whether the verb occurrence o is an -S form
// followed by a plural noun that is no verb, mention or function word
// ("UN ARMS inspectors"), so a noun modifying that noun.
func (s *sent) nounCompound(o *occ) bool {
	w := s.toks[o.end-1].Norm
	if o.end >= s.n || len(w) < 3 || w[len(w)-1] != 'S' {
		return false
	}
	n := s.toks[o.end]
	x := n.Norm
	return n.Kind == dyad.Word && s.mentAt[o.end] < 0 && len(x) > 3 && x[len(x)-1] == 'S' &&
		!s.c.Verbs.HasForm(x) && !nominals[x] && !aux[x] && !preps[x]
}

// markModifiers finds mentions written as a hyphenated pair before a noun,
// "China-U.S. talks", "U.S.-China relations": the pair says whose talks or
// relations they are and is never the subject of a verb.
func (s *sent) markModifiers() {
	if len(s.modifier) == len(s.in.Mentions) {
		clear(s.modifier) // the scratch's, from prepare
	} else {
		s.modifier = make([]bool, len(s.in.Mentions))
	}
	for m := 0; m+1 < len(s.in.Mentions); m++ {
		a, b := s.mEnd[m], s.mStart[m+1]
		if a < 0 || b != a+1 || s.toks[a].Norm != "-" {
			continue
		}
		// Written solid: no space around the hyphen.
		if s.toks[a-1].Span.End != s.toks[a].Span.Start || s.toks[a].Span.End != s.toks[b].Span.Start {
			continue
		}
		// Followed by a word that is not a verb of the sentence's pair.
		if e := s.mEnd[m+1]; e < s.n && s.toks[e].Kind == dyad.Word && s.mentAt[e] < 0 {
			s.modifier[m], s.modifier[m+1] = true, true
		}
	}
}

// topicPreps introduce what a nominal act is about: "talks ON climate
// change", "cooperation AGAINST transnational crime".
var topicPreps = map[string]bool{"ON": true, "AGAINST": true, "REGARDING": true, "CONCERNING": true}

// objectOf names the thing a nominal act in tokens [h, end) is: the capitalised words
// of a mechanism's name before the act noun ("Theater Commanders Talk",
// "Defense Policy Coordination Talks") and a topic after it ("cooperation
// on the repatriation of illegal immigrants"). A verb ("met", "agreed")
// has no object: it returns "".
func (s *sent) objectOf(h, end int) string {
	if h >= end || end > s.n {
		return ""
	}
	e := end - 1
	// Only nouns name things: a head preceded by its subject or an
	// auxiliary, or in -ED, is a verb.
	head := s.toks[e].Norm
	if len(head) > 2 && head[len(head)-2:] == "ED" {
		return ""
	}
	if h > 0 && (s.mentAt[h-1] >= 0 && !s.modifier[s.mentAt[h-1]] || aux[s.toks[h-1].Norm]) {
		return ""
	}
	start, end := h, e+1
	for q := h - 1; q > 0; q-- {
		tk := s.toks[q]
		if tk.Kind != dyad.Word || s.mentAt[q] >= 0 || !capitalizedAt(s.in.Text, tk.Span.Start) || nominals[tk.Norm] {
			break
		}
		start = q
	}
	if end < s.n && topicPreps[s.toks[end].Norm] {
		k := end + 1
		for k < s.n && k < end+8 && s.toks[k].Kind == dyad.Word && s.mentAt[k] < 0 && !barrierWords[s.toks[k].Norm] {
			k++
		}
		if k > end+1 {
			end = k
		}
	}
	if start == h && end == e+1 {
		return ""
	}
	return slice(s.in.Text, dyad.Span{Start: s.toks[start].Span.Start, End: s.toks[end-1].Span.End})
}

// capitalizedAt reports whether the text at i starts with an upper-case
// ASCII letter.
func capitalizedAt(text string, i int) bool {
	return i < len(text) && 'A' <= text[i] && text[i] <= 'Z'
}
