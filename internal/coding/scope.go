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
		return true
	case nominals[w]:
		return false
	case aux[w] || w == "TO" || w == "ALSO" || w == "JOINTLY" || len(w) > 4 && w[len(w)-2:] == "LY":
		return true
	}
	last := s.toks[o.end-1].Norm
	return len(last) > 2 && last[len(last)-2:] == "ED" && s.lastMentionBefore(o.start) >= 0
}
