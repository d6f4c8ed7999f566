package coding

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dyad-dev/dyad"
)

// Options switch on TABARI's engine rules, for coding with a TABARI
// project's dictionaries and options file so that dyad codes what TABARI
// codes. The zero value is dyad's own behaviour; NewTABARIOptions returns
// TABARI's defaults, which ApplyTABARI then changes line by line.
type Options struct {
	// TABARI turns the rules below on. Without it the other fields are
	// ignored.
	TABARI bool
	// MinWords: a sentence with fewer words (a comma counts as a word) is
	// not coded (SET: MINIMUM WORDS; 0 for no minimum).
	MinWords int
	// Comma sets which comma-delimited nonrestrictive clauses are removed
	// before coding (COMMA:).
	Comma CommaOptions
	// DefaultSource and DefaultTarget are the codes of an event whose
	// source or target is not found (DEFAULT:). Without them such an event
	// is not coded: TABARI codes none with a missing actor.
	DefaultSource, DefaultTarget string
	// SourcePrior applies the default source whenever no actor comes before
	// the verb; without it an actor after the verb may be the source.
	SourcePrior bool
	// TargetAfter applies the default target whenever no actor follows the
	// verb; without it the second member of a compound source may be the
	// target.
	TargetAfter bool
	// ConvertAgents is TABARI's SET: CONVERT AGENTS. The coder does not
	// read it: the caller hands it to the actor tagger.
	ConvertAgents bool
	// CodeBy says which acts of a sentence are coded (SET: CODE BY …):
	// the first of each clause, the first of the sentence, or all.
	CodeBy CodeBy
}

// CodeBy is TABARI's SET: CODE BY switch.
type CodeBy uint8

// CodeBy values; the zero value is TABARI's default.
const (
	CodeByClause   CodeBy = iota // the first act of each conjunction-delimited clause
	CodeBySentence               // the first act of the sentence
	CodeAll                      // every act
)

// CommaOptions are the word counts, inclusive, of the comma-delimited
// clauses TABARI removes before coding: internal ones between two commas
// (Min–Max), the last one, from a comma to the end (EMin–EMax), and the
// first one, from the start to a comma (BMin–BMax; BMin > BMax never
// removes it). Commas inside a list of actors do not delimit clauses.
type CommaOptions struct {
	Off        bool
	Min, Max   int
	EMin, EMax int
	BMin, BMax int
}

// NewTABARIOptions returns TABARI's defaults (its manual, chapter 8):
// minimum 8 words, comma clauses of 2–10 words removed inside and at the
// end of a sentence, never at its start, no default actors.
func NewTABARIOptions() Options {
	return Options{TABARI: true, MinWords: 8,
		Comma: CommaOptions{Min: 2, Max: 10, EMin: 2, EMax: 10, BMin: 128, BMax: 0}}
}

// ApplyTABARI changes o by one line of a TABARI .options file or one
// OPTION field of a validation record: "SET: MINIMUM WORDS = 4", "SET:
// CONVERT AGENTS = TRUE", "DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR]
// AFTER", "DEFAULT: OFF", "COMMA: MIN = 4 MAX = 6 …", "COMMA: OFF".
// Comments (// …), blank lines and the commands dyad has no use for
// (COMPLEX:, LABEL:, OUTPUT:, FORWARD:, other SET: switches) are accepted
// and ignored; a malformed value of a command dyad reads is an EINVALID
// error naming the line.
func (o *Options) ApplyTABARI(line string) error {
	line = strings.TrimSpace(line)
	if i := strings.Index(line, "//"); i >= 0 {
		line = strings.TrimSpace(line[:i])
	}
	cmd, rest, ok := strings.Cut(line, ":")
	if !ok {
		return nil
	}
	bad := func(why string) error {
		return dyad.Errorf(dyad.EINVALID, "tabari option %q: %s", line, why)
	}
	rest = strings.TrimSpace(rest)
	switch strings.ToUpper(strings.TrimSpace(cmd)) {
	case "SET":
		name, val, ok := strings.Cut(rest, "=")
		if !ok {
			switch strings.Join(strings.Fields(strings.ToUpper(rest)), " ") {
			case "CODE BY CLAUSE":
				o.CodeBy = CodeByClause
			case "CODE BY SENTENCE":
				o.CodeBy = CodeBySentence
			case "CODE ALL":
				o.CodeBy = CodeAll
			}
			return nil
		}
		name = strings.Join(strings.Fields(strings.ToUpper(name)), " ")
		val = strings.ToUpper(strings.TrimSpace(val))
		switch name {
		case "MINIMUM WORDS":
			n, err := strconv.Atoi(val)
			if err != nil || n < 0 {
				return bad("want a number of words")
			}
			o.MinWords = n
		case "CONVERT AGENT", "CONVERT AGENTS":
			b, err := tabariBool(val)
			if err != nil {
				return bad(err.Error())
			}
			o.ConvertAgents = b
		}
	case "DEFAULT":
		return o.applyDefault(rest, bad)
	case "COMMA":
		return o.applyComma(rest, bad)
	}
	return nil
}

func tabariBool(v string) (bool, error) {
	switch v {
	case "TRUE", "T":
		return true, nil
	case "FALSE", "F":
		return false, nil
	}
	return false, fmt.Errorf("want TRUE or FALSE, got %q", v)
}

// applyDefault reads "SOURCE [code] <PRIOR> TARGET [code] <AFTER>" or OFF.
func (o *Options) applyDefault(rest string, bad func(string) error) error {
	f := strings.Fields(strings.ToUpper(rest))
	if len(f) == 1 && f[0] == "OFF" {
		o.DefaultSource, o.DefaultTarget, o.SourcePrior, o.TargetAfter = "", "", false, false
		return nil
	}
	var which *string
	var flag *bool
	for _, w := range f {
		switch {
		case w == "SOURCE" || w == "SOURCE:":
			which, flag = &o.DefaultSource, &o.SourcePrior
		case w == "TARGET" || w == "TARGET:":
			which, flag = &o.DefaultTarget, &o.TargetAfter
		case w == "PRIOR" && flag == &o.SourcePrior, w == "AFTER" && flag == &o.TargetAfter:
			*flag = true
		case strings.HasPrefix(w, "[") && strings.HasSuffix(w, "]") && which != nil:
			*which = strings.TrimSpace(w[1 : len(w)-1])
		default:
			return bad(fmt.Sprintf("unexpected %q", w))
		}
	}
	return nil
}

// applyComma reads "MIN = n MAX = n EMIN = n EMAX = n BMIN = n BMAX = n"
// (any subset, any order) or OFF.
func (o *Options) applyComma(rest string, bad func(string) error) error {
	up := strings.ToUpper(rest)
	if strings.TrimSpace(up) == "OFF" {
		o.Comma.Off = true
		return nil
	}
	f := strings.Fields(strings.ReplaceAll(up, "=", " = "))
	for i := 0; i < len(f); i++ {
		if i+2 >= len(f) || f[i+1] != "=" {
			return bad("want NAME = number pairs")
		}
		n, err := strconv.Atoi(f[i+2])
		if err != nil {
			return bad(fmt.Sprintf("%s: want a number", f[i]))
		}
		switch f[i] {
		case "MIN":
			o.Comma.Min = n
		case "MAX":
			o.Comma.Max = n
		case "EMIN":
			o.Comma.EMin = n
		case "EMAX":
			o.Comma.EMax = n
		case "BMIN":
			o.Comma.BMin = n
		case "BMAX":
			o.Comma.BMax = n
		default:
			return bad(fmt.Sprintf("unknown limit %q", f[i]))
		}
		i += 2
	}
	o.Comma.Off = false
	return nil
}

// words counts the words of a sentence as TABARI does for its minimum:
// word tokens and commas.
func words(toks []dyad.Token) int {
	n := 0
	for i := range toks {
		if toks[i].Kind == dyad.Word || toks[i].Norm == "," {
			n++
		}
	}
	return n
}

// dropCommaClauses returns in without the comma-delimited clauses the
// options remove: their tokens, the comma that opens (or, for the first
// clause, closes) each, and the mentions and dates inside them. A comma
// between two actor mentions ("Arnor, Osgiliath and Gondor") delimits no
// clause. in is not changed; it is returned as is when nothing is removed.
func (o *CommaOptions) dropCommaClauses(in *Input) *Input {
	toks := in.Tokens
	// Commas that delimit clauses.
	var commas []int
	for q := range toks {
		if toks[q].Norm != "," {
			continue
		}
		if q > 0 && q+1 < len(toks) && mentionEndsAt(in.Mentions, toks[q-1].Span.End) && mentionStartsAt(in.Mentions, toks[q+1].Span.Start) {
			continue
		}
		commas = append(commas, q)
	}
	if len(commas) == 0 {
		return in
	}
	drop := make([]bool, len(toks))
	count := func(a, b int) int { // words in toks[a:b]
		n := 0
		for q := a; q < b; q++ {
			if toks[q].Kind == dyad.Word {
				n++
			}
		}
		return n
	}
	any := false
	mark := func(a, b int) {
		for q := a; q < b; q++ {
			drop[q] = true
		}
		any = true
	}
	if n := count(0, commas[0]); n >= o.BMin && n <= o.BMax {
		mark(0, commas[0]+1)
	}
	for k := 0; k+1 < len(commas); k++ {
		if n := count(commas[k]+1, commas[k+1]); n >= o.Min && n <= o.Max {
			mark(commas[k], commas[k+1])
		}
	}
	last := commas[len(commas)-1]
	end := len(toks)
	for end > last+1 && toks[end-1].Kind == dyad.Punct && toks[end-1].Norm != "," {
		end-- // the full stop
	}
	if n := count(last+1, end); n >= o.EMin && n <= o.EMax {
		mark(last, end)
	}
	if !any {
		return in
	}
	out := *in
	out.Tokens = make([]dyad.Token, 0, len(toks))
	var gone []dyad.Span
	for q := range toks {
		if !drop[q] {
			out.Tokens = append(out.Tokens, toks[q])
			continue
		}
		if n := len(gone); n > 0 && q > 0 && drop[q-1] {
			gone[n-1].End = toks[q].Span.End
			continue
		}
		gone = append(gone, toks[q].Span)
	}
	inGone := func(sp dyad.Span) bool {
		for _, g := range gone {
			if sp.Start >= g.Start && sp.End <= g.End {
				return true
			}
		}
		return false
	}
	out.Mentions = nil
	for _, m := range in.Mentions {
		if !inGone(m.Span) {
			out.Mentions = append(out.Mentions, m)
		}
	}
	out.Dates = nil
	for _, d := range in.Dates {
		if !inGone(d.Span) {
			out.Dates = append(out.Dates, d)
		}
	}
	return &out
}

func mentionEndsAt(ms []dyad.Mention, off int) bool {
	for i := range ms {
		if ms[i].Span.End == off {
			return true
		}
	}
	return false
}

func mentionStartsAt(ms []dyad.Mention, off int) bool {
	for i := range ms {
		if ms[i].Span.Start == off {
			return true
		}
	}
	return false
}

// tabariBarriers end a clause under TABARI's rules: its conjunctions and
// the punctuation that ends a phrase.
var tabariBarriers = map[string]bool{
	";": true, ":": true, "(": true, ")": true, "\"": true, "?": true, "!": true, ".": true,
	"AND": true, "BUT": true, "OR": true, "NOR": true,
}

// A pronounRef says what the pronoun mention at the same index of
// Input.Mentions stands for: mention m, or its whole compound group.
type pronounRef struct {
	m     int32 // -1: not a pronoun
	group bool
}

// pronounKinds are the pronouns TABARI coreferences (its manual, §7.7):
// 'f' stands for the first actor of the sentence, 'c' for the first
// compound actor, else the first actor. Possessives (ITS, HIS, HER,
// THEIR) are left alone: as determiners they belong to patterns ("* ITS
// VOICE FOR +") and are rarely an actor of the event.
var pronounKinds = map[string]byte{
	"HE": 'f', "SHE": 'f', "IT": 'f', "HIM": 'f',
	"THEY": 'c', "THEM": 'c',
}

// withPronouns returns in with a mention for each pronoun TABARI
// coreferences, standing for its antecedent, or in itself when there is
// none. A pronoun before every actor has no antecedent.
func withPronouns(in *Input) *Input {
	if len(in.Mentions) == 0 {
		return in
	}
	toks := in.Tokens
	// Mentions' first tokens and compound groups (mentions joined by
	// connectors, at least one not a comma).
	nm := len(in.Mentions)
	first := make([]int, nm)
	last := make([]int, nm)
	t := 0
	for m := range in.Mentions {
		for t < len(toks) && toks[t].Span.Start < in.Mentions[m].Span.Start {
			t++
		}
		first[m] = t
		k := t
		for k < len(toks) && toks[k].Span.End <= in.Mentions[m].Span.End {
			k++
		}
		last[m] = k
	}
	compound := -1 // first mention of the first compound group
	start, strong := 0, false
	for m := 1; m <= nm && compound < 0; m++ {
		joined, st := m < nm && last[m-1] < first[m], false
		for q := last[min(m, nm)-1]; joined && m < nm && q < first[m]; q++ {
			w := toks[q].Norm
			joined = connectors[w]
			st = st || joined && w != ","
		}
		if joined {
			strong = strong || st
			continue
		}
		if strong && m-1 > start {
			compound = start
		}
		start, strong = m, false
	}
	var out *Input
	var refs []pronounRef
	mi := 0 // next original mention
	add := func(m dyad.Mention, r pronounRef) {
		out.Mentions = append(out.Mentions, m)
		refs = append(refs, r)
	}
	for q := range toks {
		kind := pronounKinds[toks[q].Norm]
		if kind == 0 {
			continue
		}
		inMention := false
		for m := range in.Mentions {
			if sp := in.Mentions[m].Span; sp.Start <= toks[q].Span.Start && toks[q].Span.End <= sp.End {
				inMention = true
			}
		}
		if inMention || first[0] >= q {
			continue
		}
		ante, group := 0, false
		switch kind {
		case 'c':
			if compound >= 0 && first[compound] < q {
				ante, group = compound, true
			}
		}
		if out == nil {
			cp := *in
			out = &cp
			out.Mentions = make([]dyad.Mention, 0, nm+2)
			refs = make([]pronounRef, 0, nm+2)
		}
		// Original mentions before the pronoun, in order.
		for mi < nm && first[mi] < q {
			add(in.Mentions[mi], pronounRef{m: -1})
			mi++
		}
		pm := in.Mentions[ante]
		pm.Span, pm.Text, pm.Rule, pm.Entry = toks[q].Span, slice(in.Text, toks[q].Span), "pronoun", "pronoun for "+in.Mentions[ante].Text
		add(pm, pronounRef{m: int32(ante), group: group})
	}
	if out == nil {
		return in
	}
	for ; mi < nm; mi++ {
		add(in.Mentions[mi], pronounRef{m: -1})
	}
	// Antecedents by their new index.
	idx := make([]int32, nm)
	k := 0
	for i := range refs {
		if refs[i].m < 0 {
			idx[k] = int32(i)
			k++
		}
	}
	for i := range refs {
		if refs[i].m >= 0 {
			refs[i].m = idx[refs[i].m]
		}
	}
	out.refs = refs
	return out
}
