package coding

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/text"
)

// Verbs is a compiled verb-pattern dictionary in the TABARI/PETRARCH-1
// language: synsets, verb blocks, verb forms and patterns. It is read-only
// after loading and safe for concurrent use.
type Verbs struct {
	// forms maps the Norm of a verb word to the verb forms headed by it,
	// later files first, longer phrases first.
	forms   map[string][]*verbForm
	synsets map[string]*synset
	blocks  []*block
	npat    int
	maxRank int // rank of the last file loaded: the local overrides
	// stems maps the first four letters of a TABARI stem (a verb root of
	// a file in TABARI's stemming convention, see read) to the stems
	// starting with them, longest first.
	stems map[string][]string
	// tabari: read with TABARI's semantics (LoadTABARIVerbs).
	tabari bool
	// discard holds the entries of forms whose code is the discard code
	// [###], in the same order: TABARI drops a sentence holding one.
	discard map[string][]*verbForm
}

// A block is a verb synonym block: `--- NAME [code] ---`.
type block struct {
	name     string
	code     string // default code, "---" for none
	rcode    string // reciprocal code of a [code:code] pair, or ""
	patterns []*pattern
	file     string
	rank     int   // load order of the file; later files rank higher
	prio     uint8 // TABARI: prioSubordinate ([023?]) or prioDominant ([031!])
}

// TABARI's code priorities (its manual, §6.6).
const (
	prioNormal      uint8 = iota
	prioSubordinate       // "?": coded only when nothing else is
	prioDominant          // "!": when coded, only dominant events are
)

// codePriority returns the TABARI priority a raw code ("023?") carries.
func codePriority(raw string) uint8 {
	c, _, _ := strings.Cut(strings.TrimSpace(raw), ":")
	switch {
	case strings.HasSuffix(c, "?"):
		return prioSubordinate
	case strings.HasSuffix(c, "!"):
		return prioDominant
	}
	return prioNormal
}

// A verbForm is one inflected form of a verb, possibly multi-word.
type verbForm struct {
	words []string // token Norms, consecutive
	head  int      // index of the verb word in words
	block *block
	code  string // the verb's own code, or "" for the block's
	rcode string
	text  string // as written in the dictionary
	// defText is the Pattern text of an event coded by the verb alone.
	defText string
	prio    uint8 // of the verb's own code
}

type synset struct {
	name    string
	members []string // TABARI: the members as written, patterns themselves
	plural  bool     // generate regular plurals of members
	phrases [][]string
	byFirst map[string][][]string // phrases by first word, longest first
	byLast  map[string][][]string // phrases by last word, longest first
	sig     sig                   // first words of all phrases
}

// index builds the lookup maps of a synset once it is complete.
func (sy *synset) index() {
	sy.byFirst = map[string][][]string{}
	sy.byLast = map[string][][]string{}
	sy.sig = sig{}
	for _, ph := range sy.phrases {
		sy.byFirst[ph[0]] = append(sy.byFirst[ph[0]], ph)
		sy.byLast[ph[len(ph)-1]] = append(sy.byLast[ph[len(ph)-1]], ph)
		sy.sig.add(ph[0])
	}
	for _, m := range []map[string][][]string{sy.byFirst, sy.byLast} {
		for k, v := range m {
			sort.SliceStable(v, func(i, j int) bool { return len(v[i]) > len(v[j]) })
			m[k] = v
		}
	}
}

type elemKind uint8

const (
	ekWord elemKind = iota
	ekSyn
	ekVerb     // '*'
	ekSource   // '$'
	ekTarget   // '+'
	ekCompound // '%'
	ekSkip     // '^'
)

type elem struct {
	kind  elemKind
	word  string
	exact bool // word followed by '_' in the dictionary: no stemming
	// prefix: the word followed by '~' in the dictionary (TABARI's
	// connector, "REAL~_PLEASANT") matches any word it begins.
	prefix bool
	syn    *synset
	adj    bool // must immediately follow the previous element
}

type pattern struct {
	elems  []elem
	verb   int // index of the '*' element
	code   string
	rcode  string
	text   string
	length int
	sig    sig       // words the sentence must have
	syns   []*synset // the sentence must have a word of each
	file   string
	line   int
	prio   uint8
}

// targetAfter reports whether an element after index k is the target '+'.
func (p *pattern) targetAfter(k int) bool {
	for _, e := range p.elems[k+1:] {
		if e.kind == ekTarget {
			return true
		}
	}
	return false
}

// hasWords reports whether the pattern has a word or synset besides the
// verb, as opposed to actor slots alone.
func (p *pattern) hasWords() bool {
	for _, e := range p.elems {
		if e.kind == ekWord || e.kind == ekSyn {
			return true
		}
	}
	return false
}

// LoadVerbs reads verb dictionaries from fsys, in order: later files add
// blocks and forms that take precedence over earlier ones for the same verb
// form (see the package documentation). Malformed lines are reported as
// diagnostics with file and line and skipped; the rest loads. The error is
// non-nil only when a file cannot be read.
func LoadVerbs(fsys fs.FS, names ...string) (*Verbs, dyad.DiagnosticList, error) {
	return loadVerbs(fsys, false, names)
}

// LoadTABARIVerbs reads verb dictionaries as LoadVerbs does, in the block
// syntax that eval.ConvertTABARIVerbs writes from TABARI's, with TABARI's
// meaning (its manual, chapters 5 and 6): '#' starts a comment only at the
// start of a line; event codes may hold letters ([174K]); [###] is the
// discard code, which drops the whole sentence; synset members are
// patterns themselves (blanks allow gaps, '_' joins, a member may name an
// earlier synset or hold '$' or '+'), and a synset adds nothing to the
// length that orders a verb's patterns.
func LoadTABARIVerbs(fsys fs.FS, names ...string) (*Verbs, dyad.DiagnosticList, error) {
	return loadVerbs(fsys, true, names)
}

func loadVerbs(fsys fs.FS, tabari bool, names []string) (*Verbs, dyad.DiagnosticList, error) {
	v := &Verbs{forms: make(map[string][]*verbForm, 8192), synsets: map[string]*synset{}, tabari: tabari}
	var diags dyad.DiagnosticList
	for rank, name := range names {
		f, err := fsys.Open(name)
		if err != nil {
			return nil, diags, fmt.Errorf("open verb dictionary %s: %w", name, err)
		}
		d, err := v.read(f, name, rank)
		f.Close()
		diags = append(diags, d...)
		if err != nil {
			return nil, diags, fmt.Errorf("read verb dictionary %s: %w", name, err)
		}
	}
	v.maxRank = len(names) - 1
	for _, sy := range v.synsets {
		sy.index()
	}
	for _, b := range v.blocks {
		sort.SliceStable(b.patterns, func(i, j int) bool { return b.patterns[i].length > b.patterns[j].length })
	}
	for _, rs := range v.stems {
		sort.SliceStable(rs, func(i, j int) bool { return len(rs[i]) > len(rs[j]) })
	}
	for k, fs := range v.forms {
		sort.SliceStable(fs, func(i, j int) bool {
			if fs[i].block.rank != fs[j].block.rank {
				return fs[i].block.rank > fs[j].block.rank
			}
			return len(fs[i].words) > len(fs[j].words)
		})
		v.forms[k] = fs
		for _, f := range fs {
			if code := cmp.Or(f.code, f.block.code); code == DiscardCode {
				if v.discard == nil {
					v.discard = map[string][]*verbForm{}
				}
				v.discard[k] = append(v.discard[k], f)
			}
		}
	}
	return v, diags, nil
}

// Patterns returns the number of patterns loaded.
func (v *Verbs) Patterns() int { return v.npat }

// Forms returns the number of distinct verb head words.
func (v *Verbs) Forms() int { return len(v.forms) }

// stemOf returns the TABARI stem that the token Norm w begins with, the
// longest one, or "".
func (v *Verbs) stemOf(w string) string {
	if len(w) <= 4 {
		return ""
	}
	for _, r := range v.stems[w[:4]] {
		if len(r) < len(w) && strings.HasPrefix(w, r) {
			return r
		}
	}
	return ""
}

// HasForm reports whether w (a token Norm) heads a verb form.
func (v *Verbs) HasForm(w string) bool { return len(v.forms[w]) > 0 }

type reader struct {
	v     *Verbs
	file  string
	rank  int
	line  int
	diags dyad.DiagnosticList
	cur   *block
	syn   *synset  // synset being defined, nil when in a verb block
	roots []string // single-word verbs with generated forms
	exact bool     // a verb line ends in '_': TABARI's stemming convention
}

func (r *reader) errorf(format string, args ...any) {
	r.diags = append(r.diags, dyad.Diagnostic{Source: r.file, Line: r.line, Msg: fmt.Sprintf(format, args...)})
}

func (v *Verbs) read(rd io.Reader, file string, rank int) (dyad.DiagnosticList, error) {
	r := &reader{v: v, file: file, rank: rank}
	sc := bufio.NewScanner(rd)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		r.line++
		r.parseLine(sc.Text())
	}
	// TABARI treats every dictionary word as a stem unless it ends in
	// '_' ("RESTOR" matches RESTORE, "ACT_" only ACT); a file that marks
	// exact verbs that way has its other single-word verbs match as stems.
	if r.exact {
		if v.stems == nil {
			v.stems = map[string][]string{}
		}
		for _, root := range r.roots {
			if len(root) < 4 {
				continue
			}
			k := root[:4]
			dup := false
			for _, x := range v.stems[k] {
				dup = dup || x == root
			}
			if !dup {
				v.stems[k] = append(v.stems[k], root)
			}
		}
	}
	return r.diags, sc.Err()
}

func (r *reader) parseLine(s string) {
	if strings.HasPrefix(strings.TrimSpace(s), "---") {
		r.header(strings.TrimSpace(s))
		return
	}
	if r.v.tabari {
		if t := strings.TrimSpace(s); strings.HasPrefix(t, "#") || strings.HasPrefix(t, "/") {
			return
		}
	} else if i := strings.IndexByte(s, '#'); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	switch s[0] {
	case '&':
		name := strings.TrimSuffix(strings.Fields(s)[0], "_")
		if len(name) < 2 {
			r.errorf("empty synset name")
			r.syn = nil
			return
		}
		sy := r.v.synsets[name]
		if sy == nil {
			sy = &synset{name: name}
			r.v.synsets[name] = sy
		}
		sy.plural = !strings.HasSuffix(strings.Fields(s)[0], "_")
		r.syn = sy
	case '+':
		if r.syn != nil {
			r.synMember(s[1:])
			return
		}
		r.verbLine(s)
	case '-':
		r.syn = nil
		r.patternLine(s[1:])
	case '~':
		r.errorf("transformation lines (~) are not supported; line ignored")
	default:
		r.syn = nil
		r.verbLine(s)
	}
}

// header parses `--- NAME [code] ---`.
func (r *reader) header(s string) {
	r.syn = nil
	body := strings.TrimSpace(strings.Trim(s, "-"))
	if i := strings.IndexByte(body, '#'); i >= 0 && !r.v.tabari {
		body = strings.TrimSpace(body[:i])
	}
	name, code, rcode := body, "---", ""
	if i := strings.IndexByte(body, '['); i >= 0 {
		j := strings.IndexByte(body[i:], ']')
		if j < 0 {
			r.errorf("block header %q: missing ']'", s)
			r.cur = nil
			return
		}
		var ok bool
		code, rcode, ok = r.parseCode(body[i+1 : i+j])
		if !ok {
			r.errorf("block header %q: bad code", s)
			r.cur = nil
			return
		}
		name = strings.TrimSpace(body[:i])
	}
	if name == "" {
		r.errorf("block header without a name")
		r.cur = nil
		return
	}
	r.cur = &block{name: name, code: code, rcode: rcode, file: r.file, rank: r.rank}
	if i := strings.IndexByte(body, '['); i >= 0 && r.v.tabari {
		r.cur.prio = codePriority(body[i+1:])
	}
	r.v.blocks = append(r.v.blocks, r.cur)
}

// parseCode parses a code as the file's syntax allows.
func (r *reader) parseCode(s string) (code, rcode string, ok bool) {
	if r.v.tabari {
		return parseTABARICode(s)
	}
	return parseCode(s)
}

// parseTABARICode parses a TABARI event code: letters and digits
// ("042", "174K"), "---", the discard code "###", or a pair "042:043".
func parseTABARICode(s string) (code, rcode string, ok bool) {
	s = strings.TrimSpace(s)
	code, rcode, _ = strings.Cut(s, ":")
	code, rcode = strings.TrimSpace(code), strings.TrimSpace(rcode)
	code = strings.TrimSuffix(strings.TrimSuffix(code, "?"), "!")
	if rcode == "---" {
		rcode = ""
	}
	alnum := func(c string) bool {
		if c == "" {
			return false
		}
		for i := 0; i < len(c); i++ {
			if b := c[i]; !(b >= '0' && b <= '9' || b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z') {
				return false
			}
		}
		return true
	}
	if code != "---" && code != DiscardCode && !alnum(code) || rcode != "" && !alnum(rcode) {
		return "", "", false
	}
	return code, rcode, true
}

// DiscardCode is TABARI's discard code: a sentence in which a verb or
// pattern with it matches codes no event.
const DiscardCode = "###"

// parseCode parses "042", "---", "042:043".
func parseCode(s string) (code, rcode string, ok bool) {
	s = strings.TrimSpace(s)
	code = s
	if i := strings.IndexByte(s, ':'); i >= 0 {
		code, rcode = strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:])
		if !validCode(rcode) && rcode != "---" {
			return "", "", false
		}
		if rcode == "---" {
			rcode = ""
		}
	}
	code = strings.TrimSuffix(strings.TrimSuffix(code, "?"), "!")
	if code != "---" && !validCode(code) {
		return "", "", false
	}
	return code, rcode, true
}

func (r *reader) synMember(s string) {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, ';'); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	if r.v.tabari && s != "" && !strings.ContainsAny(s, "%^*[]{}") {
		// TABARI: a member is a piece of pattern, expanded where the
		// synset is used; an earlier synset it names must exist.
		for _, f := range strings.FieldsFunc(s, func(c rune) bool { return c == ' ' || c == '_' }) {
			if strings.HasPrefix(f, "&") && (r.v.synsets[f] == nil || r.v.synsets[f] == r.syn) {
				r.errorf("synset %s: member %q names no earlier synset", r.syn.name, s)
				return
			}
		}
		r.syn.members = append(r.syn.members, s)
		return
	}
	if s == "" || strings.ContainsAny(s, "$+%^*[]{}") {
		r.errorf("synset %s: bad member %q", r.syn.name, s)
		return
	}
	noPlural := strings.HasSuffix(s, "_") || !r.syn.plural
	words := phraseWords(strings.TrimSuffix(s, "_"))
	if len(words) == 0 {
		r.errorf("synset %s: empty member", r.syn.name)
		return
	}
	// A member may reference an earlier synset as a whole phrase.
	if len(words) == 1 && strings.HasPrefix(s, "&") {
		if ref := r.v.synsets[strings.TrimSuffix(s, "_")]; ref != nil && ref != r.syn {
			r.syn.phrases = append(r.syn.phrases, ref.phrases...)
			return
		}
		r.errorf("synset %s: unknown synset %s", r.syn.name, s)
		return
	}
	r.syn.phrases = append(r.syn.phrases, words)
	if !noPlural {
		last := words[len(words)-1]
		for _, p := range nounPlurals(last) {
			w := append(append([]string(nil), words[:len(words)-1]...), p)
			r.syn.phrases = append(r.syn.phrases, w)
		}
	}
}

// verbLine parses a verb: `WORD {FORMS} [code]`, `+MULTI_WORD {…}`, `WIRE_+TAP`.
func (r *reader) verbLine(s string) {
	if r.cur == nil {
		r.errorf("verb %q before any verb block", s)
		return
	}
	if i := strings.IndexByte(s, ';'); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	code, rcode := "", ""
	var prio uint8
	if i := strings.IndexByte(s, '['); i >= 0 {
		j := strings.IndexByte(s[i:], ']')
		if j < 0 {
			r.errorf("verb %q: missing ']'", s)
			return
		}
		if r.v.tabari {
			prio = codePriority(s[i+1 : i+j])
		}
		var ok bool
		code, rcode, ok = r.parseCode(s[i+1 : i+j])
		if !ok {
			r.errorf("verb %q: bad code", s)
			return
		}
		s = strings.TrimSpace(s[:i] + s[i+j+1:])
	}
	var irregular []string
	hasBraces := false
	if i := strings.IndexByte(s, '{'); i >= 0 {
		j := strings.IndexByte(s, '}')
		if j < i {
			r.errorf("verb %q: missing '}'", s)
			return
		}
		hasBraces = true
		irregular = strings.Fields(s[i+1 : j])
		s = strings.TrimSpace(s[:i] + s[j+1:])
	}
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 1 && (hasBraces || strings.Contains(s, "_") || strings.Contains(s, "+")) {
		r.errorf("verb line %q: want one verb phrase", s)
		return
	}
	// TABARI writes multi-word verbs with blanks, "BURN DOWN": the first
	// word is the verb.
	base := strings.Join(f, "_")
	add := func(phrase string) bool {
		vf, ok := r.form(phrase)
		if !ok {
			r.errorf("verb form %q: bad phrase", phrase)
			return false
		}
		vf.code, vf.rcode, vf.prio = code, rcode, prio
		if code == "" {
			vf.prio = r.cur.prio
		}
		dc := code
		if dc == "" {
			dc = r.cur.code
			if r.cur.rcode != "" {
				dc += ":" + r.cur.rcode
			}
		} else if rcode != "" {
			dc += ":" + rcode
		}
		vf.defText = r.cur.name + " [" + dc + "] - " + phrase + " (verb default)"
		r.v.forms[vf.words[vf.head]] = append(r.v.forms[vf.words[vf.head]], vf)
		return true
	}
	if !add(base) {
		return
	}
	if !strings.Contains(base, "+") {
		switch n := strings.Count(base, "_"); {
		case n == 0 && !hasBraces:
			if ws := wordNorms(base); len(ws) == 1 {
				r.roots = append(r.roots, ws[0])
			}
		case n == 1 && strings.HasSuffix(base, "_"):
			r.exact = true
		}
	}
	if hasBraces {
		for _, p := range irregular {
			if strings.HasSuffix(p, "+") || strings.Count(p, "+") > 1 {
				r.errorf("verb form %q: misplaced '+'", p)
				continue
			}
			if strings.Contains(base, "+") && !strings.Contains(p, "+") && strings.Contains(p, "_") {
				r.errorf("verb form %q: multi-word form without '+'", p)
				continue
			}
			add(p)
		}
		return
	}
	// Regular forms of the verb word.
	words := strings.Split(base, "_")
	h := 0
	for i, w := range words {
		if strings.HasPrefix(w, "+") {
			h = i
		}
	}
	root := strings.TrimPrefix(words[h], "+")
	for _, form := range verbInflections(root) {
		ws := append([]string(nil), words...)
		if strings.HasPrefix(words[h], "+") {
			ws[h] = "+" + form
		} else {
			ws[h] = form
		}
		add(strings.Join(ws, "_"))
	}
}

// form compiles one verb phrase ("+MEET_WITH", "WIRE_+TAP", "MEET").
func (r *reader) form(phrase string) (*verbForm, bool) {
	parts := strings.Split(phrase, "_")
	vf := &verbForm{block: r.cur, text: phrase, head: -1}
	for _, p := range parts {
		if p == "" {
			continue
		}
		isHead := strings.HasPrefix(p, "+")
		toks := wordNorms(strings.TrimPrefix(p, "+"))
		if len(toks) == 0 {
			return nil, false
		}
		if isHead {
			vf.head = len(vf.words)
		}
		vf.words = append(vf.words, toks...)
	}
	if len(vf.words) == 0 {
		return nil, false
	}
	if vf.head < 0 {
		vf.head = 0 // no '+': the first word is the verb
	}
	return vf, true
}

// patternLine parses `WORDS * WORDS [code] ` (after the leading '-').
func (r *reader) patternLine(s string) {
	if r.cur == nil {
		r.errorf("pattern before any verb block")
		return
	}
	i := strings.LastIndexByte(s, '[')
	j := strings.LastIndexByte(s, ']')
	if i < 0 || j < i {
		r.errorf("pattern %q: missing [code]", strings.TrimSpace(s))
		return
	}
	code, rcode, ok := r.parseCode(s[i+1 : j])
	if !ok {
		r.errorf("pattern %q: bad code %q", strings.TrimSpace(s), s[i+1:j])
		return
	}
	body := strings.TrimSpace(s[:i])
	text := r.cur.name + " [" + s[i+1:j] + "] - " + body
	if strings.IndexByte(body, '{') < 0 && !r.v.tabari {
		r.pattern(body, text, code, rcode)
		return
	}
	variants, ok := expandAlternation(body)
	if !ok {
		r.errorf("pattern %q: bad {a | b} alternation", body)
		return
	}
	for _, v := range variants {
		if !r.v.tabari || strings.IndexByte(v, '&') < 0 {
			r.pattern(v, text, code, rcode)
			continue
		}
		// TABARI: one pattern per synset member, as long as the
		// pattern's own words.
		length := patternLength(v)
		expanded, ok := r.expandSynsets(v)
		if !ok {
			r.errorf("pattern %q: more than %d synset expansions", body, maxSynsetExpansions)
			return
		}
		for _, x := range expanded {
			if r.pattern(x, text, code, rcode) {
				r.cur.patterns[len(r.cur.patterns)-1].length = length
			}
		}
	}
}

// maxSynsetExpansions bounds the patterns one pattern line with TABARI
// synsets expands to.
const maxSynsetExpansions = 4096

// expandSynsets rewrites a pattern body with TABARI synset designators
// ("* &TIETYPES_TIES") into one body per member of each, recursively
// (members may name earlier synsets). The connectors around a designator
// stay with each member. An unknown synset is left for pattern to report.
func (r *reader) expandSynsets(body string) ([]string, bool) {
	out := []string{body}
	for k := 0; k < len(out); k++ {
		b := out[k]
		i := strings.IndexByte(b, '&')
		if i < 0 {
			continue
		}
		j := i + 1
		for j < len(b) && b[j] != ' ' && b[j] != '_' && b[j] != '\t' {
			j++
		}
		sy := r.v.synsets[b[i:j]]
		if sy == nil || len(sy.members) == 0 {
			continue
		}
		if len(out)+len(sy.members) > maxSynsetExpansions {
			return nil, false
		}
		vs := make([]string, 0, len(sy.members))
		for _, m := range sy.members {
			vs = append(vs, b[:i]+m+b[j:])
		}
		out = append(out[:k], append(vs, out[k+1:]...)...)
		k--
	}
	return out, true
}

// patternLength is TABARI's length of a pattern body: the letters and
// digits of its words, without synset designators and actor tokens (its
// manual, §5.7.1).
func patternLength(body string) int {
	n := 0
	for _, w := range strings.FieldsFunc(body, func(c rune) bool { return c == ' ' || c == '_' || c == '\t' }) {
		if w[0] == '&' {
			continue
		}
		for i := 0; i < len(w); i++ {
			if c := w[i]; c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
				n++
			}
		}
	}
	return n
}

// maxAlternatives bounds the patterns one line with {a | b} groups expands to.
const maxAlternatives = 64

// expandAlternation rewrites a pattern body with TABARI alternation groups,
// "* FOR { SANCTIONS | BOYCOTT }", into one body per alternative. Words
// joined to a group by '_' stay joined to each alternative.
func expandAlternation(body string) ([]string, bool) {
	out := []string{body}
	for k := 0; k < len(out); k++ {
		b := out[k]
		i := strings.IndexByte(b, '{')
		if i < 0 {
			continue
		}
		j := strings.IndexByte(b[i:], '}')
		if j < 0 {
			return nil, false
		}
		j += i
		alts := strings.Split(b[i+1:j], "|")
		if len(out)+len(alts) > maxAlternatives || strings.ContainsAny(b[i+1:j], "{") {
			return nil, false
		}
		pre, post := b[:i], b[j+1:]
		var vs []string
		for _, a := range alts {
			a = strings.TrimSpace(a)
			if a == "" {
				return nil, false
			}
			vs = append(vs, pre+a+post)
		}
		// replace out[k] by its expansions and look at it again
		out = append(out[:k], append(vs, out[k+1:]...)...)
		k--
	}
	return out, true
}

// pattern compiles one pattern body (without alternation) into the
// current block and reports whether it was added.
func (r *reader) pattern(body, text, code, rcode string) bool {
	p := &pattern{code: code, rcode: rcode, file: r.file, line: r.line, verb: -1, text: text}
	if r.v.tabari {
		if i := strings.LastIndexByte(text, '['); i >= 0 {
			p.prio = codePriority(text[i+1:])
		}
	}
	var buf [8]string
	for _, chunk := range strings.Fields(body) {
		pieces := splitUnderscores(buf[:0], chunk)
		for k, pc := range pieces {
			adj := k > 0
			if pc == "" {
				// trailing '_': the previous word matches exactly.
				if k > 0 && len(p.elems) > 0 && p.elems[len(p.elems)-1].kind == ekWord {
					p.elems[len(p.elems)-1].exact = true
				}
				continue
			}
			switch {
			case pc == "*":
				if p.verb >= 0 {
					r.errorf("pattern %q: more than one '*'", body)
					return false
				}
				p.verb = len(p.elems)
				p.elems = append(p.elems, elem{kind: ekVerb, adj: adj})
			case pc == "$":
				p.elems = append(p.elems, elem{kind: ekSource, adj: adj})
			case pc == "+":
				p.elems = append(p.elems, elem{kind: ekTarget, adj: adj})
			case pc == "%":
				p.elems = append(p.elems, elem{kind: ekCompound, adj: adj})
			case pc == "^":
				p.elems = append(p.elems, elem{kind: ekSkip, adj: adj})
			case pc[0] == '&':
				sy := r.v.synsets[pc]
				if sy == nil {
					r.errorf("pattern %q: undefined synset %s", body, pc)
					return false
				}
				p.elems = append(p.elems, elem{kind: ekSyn, syn: sy, adj: adj})
				p.length += len(pc) - 1
			case strings.ContainsAny(pc, "{}()|*$%^+"):
				r.errorf("pattern %q: unsupported token %q", body, pc)
				return false
			default:
				prefix := len(pc) > 1 && strings.HasSuffix(pc, "~")
				toks := wordNorms(strings.TrimSuffix(pc, "~"))
				if len(toks) == 0 {
					continue
				}
				// TABARI: a word joined by '_' to the next is whole, not
				// a stem (its manual, §5.2.2).
				exact := r.v.tabari && !prefix && k+1 < len(pieces)
				for t, w := range toks {
					p.elems = append(p.elems, elem{kind: ekWord, word: w, adj: adj || t > 0, prefix: prefix && t == len(toks)-1, exact: exact && t == len(toks)-1})
					p.length += len(w)
				}
			}
		}
	}
	if p.verb < 0 {
		r.errorf("pattern %q: missing verb marker '*'", body)
		return false
	}
	for _, e := range p.elems {
		switch e.kind {
		case ekWord:
			if r.v.tabari && !e.exact && len(e.word) < 3 {
				// a short TABARI stem ("IN" matches INTO) has no
				// three-letter prefix to require
				continue
			}
			p.sig.add(e.word)
		case ekSyn:
			p.syns = append(p.syns, e.syn)
		}
	}
	r.cur.patterns = append(r.cur.patterns, p)
	r.v.npat++
	return true
}

var dictTokenizer = text.Tokenizer{KeepPunct: true}

// wordNorms tokenizes one dictionary word the way sentence text is
// tokenized: "CEASE-FIRE" is CEASE, "-", FIRE.
func wordNorms(w string) []string {
	if isUpperWord(w) {
		// Most dictionary words: one token, its Norm the word itself.
		return []string{strings.Clone(w)}
	}
	toks := dictTokenizer.Tokenize(w, dyad.Span{Start: 0, End: len(w)})
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		out = append(out, strings.Clone(t.Norm))
	}
	return out
}

// isUpperWord reports whether w is one or more ASCII capital letters.
func isUpperWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return w != ""
}

// splitUnderscores appends the pieces of s between '_' to dst, as
// strings.Split(s, "_") returns them, and returns dst.
func splitUnderscores(dst []string, s string) []string {
	for {
		i := strings.IndexByte(s, '_')
		if i < 0 {
			return append(dst, s)
		}
		dst = append(dst, s[:i])
		s = s[i+1:]
	}
}

// phraseWords splits a phrase on '_' and blanks and tokenizes each word.
func phraseWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == '_' || r == ' ' }) {
		out = append(out, wordNorms(w)...)
	}
	return out
}

// verbInflections returns the regular forms of an English verb root:
// -S, -ED, -ING (with the usual spelling rules), and the doubled-consonant
// forms for short roots ending consonant-vowel-consonant.
func verbInflections(root string) []string {
	n := len(root)
	if n == 0 {
		return nil
	}
	last := root[n-1]
	var out []string
	switch {
	case strings.HasSuffix(root, "S") || strings.HasSuffix(root, "X") || strings.HasSuffix(root, "Z") ||
		strings.HasSuffix(root, "CH") || strings.HasSuffix(root, "SH"):
		out = append(out, root+"ES")
	case last == 'Y' && n > 1 && !isVowel(root[n-2]):
		out = append(out, root[:n-1]+"IES")
	default:
		out = append(out, root+"S")
	}
	switch {
	case last == 'E':
		out = append(out, root+"D")
		if strings.HasSuffix(root, "EE") || strings.HasSuffix(root, "YE") || strings.HasSuffix(root, "OE") {
			out = append(out, root+"ING")
		} else {
			out = append(out, root[:n-1]+"ING")
		}
	case last == 'Y' && n > 1 && !isVowel(root[n-2]):
		out = append(out, root[:n-1]+"IED", root+"ING")
	default:
		out = append(out, root+"ED", root+"ING")
		if n >= 3 && !isVowel(last) && isVowel(root[n-2]) && !isVowel(root[n-3]) && !strings.ContainsRune("WXY", rune(last)) {
			out = append(out, root+string(last)+"ED", root+string(last)+"ING")
		}
	}
	return out
}

// nounPlurals returns the regular plural of a noun.
func nounPlurals(w string) []string {
	n := len(w)
	if n < 2 {
		return nil
	}
	switch {
	case strings.HasSuffix(w, "SS") || strings.HasSuffix(w, "X") || strings.HasSuffix(w, "CH") || strings.HasSuffix(w, "SH"):
		return []string{w + "ES"}
	case w[n-1] == 'Y' && !isVowel(w[n-2]):
		return []string{w[:n-1] + "IES"}
	case w[n-1] == 'S':
		return nil
	}
	return []string{w + "S"}
}

func isVowel(c byte) bool { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' }
