package coding

import (
	"fmt"
	"slices"
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
	// Forward is the sequence format of TABARI's FORWARD: command
	// ("^^*****NNN*SSS"), "" when forwarding is off. The coder does not
	// read it: the caller that codes records in order decides with
	// ForwardsTo which record continues which, and sets Forwarded.
	Forward string
	// Forwarded is the code of the first actor of the previous sentence
	// of the story: a pronoun that opens the first sentence of the
	// document, before any actor, stands for it (FORWARD:, its manual
	// §8.4). Set per document by the caller; "" for none.
	Forwarded string
	// Lexicon holds the <NOUN> and <ADJECTIVE> lists of the project's
	// actor files; nil for none.
	Lexicon *Lexicon
}

// A Lexicon is the words (token Norms, sorted) of the <NOUN> and
// <ADJECTIVE> lists of TABARI actor files (actors.Dictionary.Nouns):
// TABARI joins "the evil awful Gondor" to a compound actor and keeps the
// AND of "sheep and goats" or "awful and evil" from ending a clause (its
// manual, §7.5).
type Lexicon struct {
	Nouns, Adjectives []string
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
	case "FORWARD":
		f := strings.Fields(rest)
		o.Forward = ""
		if len(f) > 0 && !slices.Contains(f[1:], "OFF") {
			o.Forward = f[0]
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
// word tokens and commas; a possessive ending ("Gondor's") is part of its
// word.
func words(toks []dyad.Token) int {
	n := 0
	for i := range toks {
		if w := toks[i].Norm; toks[i].Kind == dyad.Word && !strings.HasPrefix(w, "'") || w == "," {
			n++
		}
	}
	return n
}

// dropCommaClauses returns in without the comma-delimited clauses the
// options remove: their tokens, the comma that opens (or, for the first
// clause, closes) each, and the mentions and dates inside them. A comma
// between two actor mentions ("Arnor, Osgiliath and Gondor", or with
// words mod allows before the second: "Mordor, the awful Fornost")
// delimits no clause. in is not changed; it is returned as is when
// nothing is removed.
func (o *CommaOptions) dropCommaClauses(in *Input, mod func(string) bool, sc *Scratch) *Input {
	toks := in.Tokens
	// Commas that delimit clauses.
	commas := sc.cmCommas[:0]
	defer func() { sc.cmCommas = commas[:0] }()
	for q := range toks {
		if toks[q].Norm != "," {
			continue
		}
		k := q + 1
		for k < len(toks) && mod(toks[k].Norm) && !mentionStartsAt(in.Mentions, toks[k].Span.Start) {
			k++
		}
		if q > 0 && k < len(toks) && mentionEndsAt(in.Mentions, toks[q-1].Span.End) && mentionStartsAt(in.Mentions, toks[k].Span.Start) {
			continue
		}
		commas = append(commas, q)
	}
	if len(commas) == 0 {
		return in
	}
	sc.cmDrop = grow(sc.cmDrop, len(toks))
	drop := sc.cmDrop
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
	closed := false // the last comma closed a removed clause
	for k := 0; k+1 < len(commas); k++ {
		closed = false
		if n := count(commas[k]+1, commas[k+1]); n >= o.Min && n <= o.Max {
			mark(commas[k], commas[k+1])
			closed = true
		}
	}
	last := commas[len(commas)-1]
	end := len(toks)
	for end > last+1 && toks[end-1].Kind == dyad.Punct && toks[end-1].Norm != "," {
		end-- // the full stop
	}
	if n := count(last+1, end); n >= o.EMin && n <= o.EMax && !closed {
		// (a comma that closed a removed clause opens no final one)
		mark(last, end)
	}
	if !any {
		return in
	}
	sc.cm = *in
	out := &sc.cm
	out.Tokens = sc.cmToks[:0]
	gone := sc.cmGone[:0]
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
	// Kept mentions and dates: nil when none, as the coder expects of
	// an Input built without them.
	ms := sc.cmMents[:0]
	for _, m := range in.Mentions {
		if !inGone(m.Span) {
			ms = append(ms, m)
		}
	}
	ds := sc.cmDates[:0]
	for _, d := range in.Dates {
		if !inGone(d.Span) {
			ds = append(ds, d)
		}
	}
	sc.cmToks, sc.cmGone, sc.cmMents, sc.cmDates = out.Tokens, gone, ms, ds
	out.Mentions, out.Dates = nil, nil
	if len(ms) > 0 {
		out.Mentions = ms
	}
	if len(ds) > 0 {
		out.Dates = ds
	}
	return out
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
	m     int32 // -1: not a pronoun; -2: a pronoun forwarded from the previous record
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
// none. A pronoun before every actor has no antecedent, unless fwd, the
// code forwarded from the previous record, is set: it then stands for fwd.
func withPronouns(in *Input, fwd string, sc *Scratch) *Input {
	if len(in.Mentions) == 0 && fwd == "" {
		return in
	}
	toks := in.Tokens
	// Mentions' first tokens and compound groups (mentions joined by
	// connectors, at least one not a comma).
	nm := len(in.Mentions)
	sc.ints = grow(sc.ints, 2*nm) // prepare clears them after
	first, last := sc.ints[:nm:nm], sc.ints[nm:2*nm:2*nm]
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
		if inMention {
			continue
		}
		if nm == 0 || first[0] >= q {
			if fwd == "" {
				continue
			}
			if out == nil {
				sc.pr = *in
				out = &sc.pr
				out.Mentions = sc.prMents[:0]
				refs = sc.prRefs[:0]
			}
			add(dyad.Mention{Sentence: in.Sentence.Index, Actor: dyad.Actor{Text: slice(in.Text, toks[q].Span), Code: fwd, Span: toks[q].Span},
				Rule: "pronoun", Entry: "forwarded from the previous record"}, pronounRef{m: -2})
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
			sc.pr = *in
			out = &sc.pr
			out.Mentions = sc.prMents[:0]
			refs = sc.prRefs[:0]
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
	sc.prMents, sc.prRefs = out.Mentions, refs
	// Antecedents by their new index.
	sc.prIdx = grow(sc.prIdx, nm)
	idx := sc.prIdx
	k := 0
	for i := range refs {
		if refs[i].m == -1 {
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

// withoutHyphens returns in without its hyphen tokens, which TABARI's
// input filter turns into blanks ("anti- Gondor" is ANTI GONDOR), or in
// itself when it has none.
func withoutHyphens(in *Input, sc *Scratch) *Input {
	k := 0
	for q := range in.Tokens {
		if in.Tokens[q].Norm == "-" {
			k++
		}
	}
	if k == 0 {
		return in
	}
	sc.hy = *in
	out := &sc.hy
	out.Tokens = sc.hyToks[:0]
	for _, t := range in.Tokens {
		if t.Norm != "-" {
			out.Tokens = append(out.Tokens, t)
		}
	}
	sc.hyToks = out.Tokens
	return out
}

// tabariSource finds the source of a verb at token h whose pattern set no
// source, by TABARI's default search (its manual, §5.8 and §7.6): in the
// first clause, the first actor of the sentence before the verb; in a
// later clause, an actor right after the conjunction that opens it, else
// the source of the clause before when that clause has a verb, else the
// first actor of this clause before the verb. An actor with the code of
// the target tgt (a mention index, -1 for none) is passed over. It
// returns a mention index or -1.
func (s *sent) tabariSource(h, tgt int) int {
	cs := s.clauseStart(h)
	if cs == 0 {
		return s.firstActor(0, h, tgt)
	}
	k := cs
	for k < h && s.c.Options.tabariModifier(s.toks[k].Norm) {
		k++
	}
	if m := s.mentAt[k]; k < h && m >= 0 && s.mStart[m] == k && !s.sameCode(int(m), tgt) {
		return int(m)
	}
	p := s.clauseStart(cs - 1)
	if !s.hasVerb(p, cs-1) {
		if m := s.firstActor(cs, h, tgt); m >= 0 {
			return m
		}
	}
	if p == 0 {
		return s.firstActor(0, cs-1, tgt)
	}
	return s.tabariSource(cs-1, tgt)
}

// clauseStart returns the first token of the clause of token h: clauses
// end at the barriers other than commas (TABARI's conjunctions and
// stops).
func (s *sent) clauseStart(h int) int {
	for h > 0 && !(s.barrier[h-1] && s.toks[h-1].Norm != ",") {
		h--
	}
	return h
}

// hasVerb reports whether a word of tokens [a, b) is a verb of the
// dictionary that TABARI does not read as a noun.
func (s *sent) hasVerb(a, b int) bool {
	for q := a; q < b; q++ {
		if w := s.toks[q].Norm; s.mentAt[q] < 0 && s.toks[q].Kind == dyad.Word &&
			(s.c.Verbs.HasForm(w) || s.c.Verbs.stemOf(w) != "") && !s.tabariNoun(q) {
			return true
		}
	}
	return false
}

// firstActor returns the first actor mention starting in tokens [a, b)
// whose code differs from the code of mention tgt (-1: any), or -1.
func (s *sent) firstActor(a, b, tgt int) int {
	for q := a; q < b; q++ {
		m := s.mentAt[q]
		if m < 0 || s.mStart[m] != q {
			continue
		}
		if !s.sameCode(int(m), tgt) {
			return int(m)
		}
		q = s.mEnd[m] - 1
	}
	return -1
}

// sameCode reports whether mentions m and t (t may be -1) have one code:
// whether the first actors of their groups (groupActors) have one.
func (s *sent) sameCode(m, t int) bool {
	if t < 0 {
		return false
	}
	a, ok := s.firstCode(m)
	if !ok {
		return false
	}
	b, ok := s.firstCode(t)
	return ok && a == b
}

// firstCode returns the code of groupActors(m)[0] without building the
// group, and whether the group has an actor.
func (s *sent) firstCode(m int) (string, bool) {
	if r := s.in.refs; r != nil && r[m].m >= 0 {
		if !r[m].group {
			a := s.actorsOf(int(r[m].m))
			if len(a) == 0 {
				return "", false
			}
			return a[0].Code, true
		}
		m = int(r[m].m)
	}
	g := s.group[m]
	for k := range s.group { // the members of m's group, in order
		if s.group[k] == g && s.mStart[k] >= 0 && !s.place[k] {
			if a := s.actorsOf(k); len(a) > 0 {
				return a[0].Code, true
			}
		}
	}
	return "", false
}

// tabariTargetBefore is TABARI's second target search, when no actor
// after the verb at token h will do: the first actor before the verb
// whose code differs from every source's, in the verb's clause. It
// returns a mention or -1.
func (s *sent) tabariTargetBefore(h int, srcs []dyad.Actor) int {
	for q := s.clauseStart(h); q < h; q++ {
		m := s.mentAt[q]
		if m < 0 || s.mStart[m] != q {
			continue
		}
		q = s.mEnd[m] - 1
		distinct := true
		for _, a := range s.groupActors(int(m)) {
			for i := range srcs {
				if a.Code == srcs[i].Code {
					distinct = false
				}
			}
		}
		if distinct {
			return int(m)
		}
	}
	return -1
}

// tabariNoun reports whether the word at token q is a noun by TABARI's
// rules (its manual, §7.4), and so no verb: it follows THE, A or AN, or it
// is capitalized inside a sentence that is not all capitals.
func (s *sent) tabariNoun(q int) bool {
	if q == 0 {
		return false
	}
	switch s.toks[q-1].Norm {
	case "THE", "A", "AN":
		return true
	}
	w := slice(s.in.Text, s.toks[q].Span)
	if w == "" || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for _, c := range []byte(slice(s.in.Text, s.in.Sentence.Span)) {
		if c >= 'a' && c <= 'z' {
			return true
		}
	}
	return false
}

// discards reports whether a sentence is dropped whole under TABARI's
// discard code (its manual, §6.3): it mentions an actor coded [###], or
// holds a verb or phrase whose own code is [###]. TABARI finds these as
// soon as it has looked the words up, before it removes comma-delimited
// clauses. Discard patterns are checked when they match.
func (c *Coder) discards(in *Input) bool {
	for i := range in.Mentions {
		if in.Mentions[i].Code == DiscardCode {
			return true
		}
	}
	toks := in.Tokens
	if len(c.Verbs.discard) == 0 {
		return false
	}
	for q := range toks {
		for _, f := range c.Verbs.discard[toks[q].Norm] {
			st := q - f.head
			if st < 0 || st+len(f.words) > len(toks) {
				continue
			}
			match := true
			for k, w := range f.words {
				match = match && toks[st+k].Norm == w
			}
			if match {
				return true
			}
		}
	}
	return false
}

// ForwardsTo reports whether, under the FORWARD: sequence format, the
// record whose identification is id continues the story of the record
// before it, prev: the story numbers (the N positions of the format) are
// equal and the sentence number (the S positions) is one more (its
// manual, §8.4). The format's leading '^' stand for the blanks before the
// identification, which ids do not hold. A format without N and S, or a
// number that is not one, continues nothing.
func ForwardsTo(format, prev, id string) bool {
	format = strings.TrimLeft(format, "^")
	pn, ps, ok1 := forwardNumbers(format, prev)
	n, sn, ok2 := forwardNumbers(format, id)
	return ok1 && ok2 && pn == n && sn == ps+1
}

// forwardNumbers reads the story and sentence numbers of id at the N and
// S positions of format.
func forwardNumbers(format, id string) (story, sentence int, ok bool) {
	var nd, sd int
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != 'N' && c != 'S' {
			continue
		}
		if i >= len(id) || id[i] < '0' || id[i] > '9' {
			return 0, 0, false
		}
		d := int(id[i] - '0')
		if c == 'N' {
			story, nd = story*10+d, nd+1
		} else {
			sentence, sd = sentence*10+d, sd+1
		}
	}
	return story, sentence, nd > 0 && sd > 0
}

// ForwardCode returns the code a mention forwards to the next sentence
// under FORWARD: the actor's own code without its agent (TABARI forwards
// "Fornost President" as FOR), taken as the state or, for an agent
// mention of a non-state actor, the first three letters of its code.
func ForwardCode(m *dyad.Mention) string {
	switch {
	case m.Country != "":
		return m.Country
	case m.Rule == "agent" && len(m.Code) > 3 && m.Code[0] != '~':
		return m.Code[:3]
	}
	return m.Code
}

// isNoun reports whether the token Norm w is a word of the <NOUN> list,
// with a regular plural or possessive ending.
func (o *Options) isNoun(w string) bool {
	if o.Lexicon == nil {
		return false
	}
	if _, ok := slices.BinarySearch(o.Lexicon.Nouns, w); ok {
		return true
	}
	for _, e := range [...]string{"S", "ES", "'S"} {
		if b, ok := strings.CutSuffix(w, e); ok && b != "" {
			if _, ok := slices.BinarySearch(o.Lexicon.Nouns, b); ok {
				return true
			}
		}
	}
	return false
}

// isAdjective reports whether the token Norm w is a word of the
// <ADJECTIVE> list.
func (o *Options) isAdjective(w string) bool {
	if o.Lexicon == nil {
		return false
	}
	_, ok := slices.BinarySearch(o.Lexicon.Adjectives, w)
	return ok
}

// tabariModifier reports whether the token Norm w may stand between a
// connector and the actor of a compound under TABARI's rules: a
// determiner or a listed adjective.
func (o *Options) tabariModifier(w string) bool {
	switch w {
	case "THE", "A", "AN":
		return true
	}
	return o.isAdjective(w)
}

// tabariCompoundWords clears the barriers of the conjunctions inside
// TABARI's compound noun and adjective phrases (its manual, §7.5.1): a
// listed noun, the conjunction, any listed adjectives and a listed noun
// ("sheep and evil awful goats"); a listed adjective, the conjunction and
// a listed adjective ("awful and evil").
func (s *sent) tabariCompoundWords() {
	o := &s.c.Options
	if o.Lexicon == nil {
		return
	}
	for q := 1; q+1 < s.n; q++ {
		if !s.barrier[q] || !tabariConjunction(s.toks[q].Norm) {
			continue
		}
		prev, next := s.toks[q-1].Norm, s.toks[q+1].Norm
		if o.isAdjective(prev) && o.isAdjective(next) {
			s.barrier[q] = false
			continue
		}
		if !o.isNoun(prev) {
			continue
		}
		k := q + 1
		for k < s.n && o.isAdjective(s.toks[k].Norm) {
			k++
		}
		if k < s.n && o.isNoun(s.toks[k].Norm) {
			s.barrier[q] = false
		}
	}
}

func tabariConjunction(w string) bool {
	return w == "AND" || w == "OR" || w == "BUT" || w == "NOR"
}

// tabariTargetAfter is TABARI's default target search (its manual, §5.8):
// the first actor after token p, to the end of the clause (commas do not
// end it), whose code differs from every source's. It returns a mention
// or -1.
func (s *sent) tabariTargetAfter(p int, srcs []dyad.Actor) int {
	for q := p; q < s.n; q++ {
		if s.barrier[q] && s.toks[q].Norm != "," {
			return -1
		}
		m := s.mentAt[q]
		if m < 0 || s.mStart[m] != q {
			continue
		}
		q = s.mEnd[m] - 1
		if s.distinctFrom(int(m), srcs) {
			return int(m)
		}
	}
	return -1
}

// distinctFrom reports whether an actor of mention m (of its compound)
// has a code that none of srcs has.
func (s *sent) distinctFrom(m int, srcs []dyad.Actor) bool {
	for _, a := range s.groupActors(m) {
		same := false
		for i := range srcs {
			same = same || a.Code == srcs[i].Code
		}
		if !same {
			return true
		}
	}
	return false
}

// patternFirst returns forms with the first one that has a pattern
// matching the verb at o moved to the front, or forms itself.
func (s *sent) patternFirst(o *occ, forms []*verbForm) []*verbForm {
	var mr matchResult
	for k, f := range forms {
		for _, p := range f.block.patterns {
			if !s.mayMatch(p) || !s.matchPattern(p, o.start, o.end, &mr) {
				continue
			}
			if k == 0 {
				return forms
			}
			out := make([]*verbForm, 0, len(forms))
			out = append(out, f)
			out = append(out, forms[:k]...)
			return append(out, forms[k+1:]...)
		}
	}
	return forms
}

// priorities returns, under TABARI's code priorities (its manual, §6.6),
// which of the sentence's events stay among those coded (by CODE BY):
// with a dominant event ([031!]) only the dominant ones, else with any
// other event all but the subordinate ones ([023?]). It returns nil when
// all stay.
func (b *builder) priorities(coded func(i int) bool) []bool {
	dominant, normal := false, false
	for i, p := range b.prios {
		if coded(i) {
			dominant = dominant || p == prioDominant
			normal = normal || p == prioNormal
		}
	}
	if !dominant && !normal {
		return nil
	}
	b.s.sc.keep = grow(b.s.sc.keep, len(b.prios))
	keep := b.s.sc.keep
	for i, p := range b.prios {
		keep[i] = dominant && p == prioDominant || !dominant && p != prioSubordinate
	}
	return keep
}
