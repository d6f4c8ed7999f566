package analytics

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-dev/dyad"
)

// Formulation kinds.
const (
	KindPosition         = "position"         // a standard talking point on an issue
	KindCharacterisation = "characterisation" // how a side describes the talks
	KindFraming          = "framing"          // how a side frames an encounter or the relationship
	KindFormat           = "format"           // what a side calls the encounter (meeting, contact, call)
)

// A Formulation is a standard wording of a position, a characterisation
// of talks or a framing phrase, from the library of formulations
// (dictionaries/dyad.formulations.txt). A formulation of several parts
// ("the Taiwan Relations Act, the three Joint Communiqués and the Six
// Assurances") lists them as Elements, so that a dropped or reordered part
// is seen.
type Formulation struct {
	ID       string   `json:"id"`
	Actor    string   `json:"actor,omitempty"` // ISO-3 of the side that uses it; "" for both
	Issue    string   `json:"issue"`
	Kind     string   `json:"kind"`
	Text     string   `json:"text"`
	Variants []string `json:"variants,omitempty"`
	Elements []string `json:"elements,omitempty"` // canonical order; first wording of each part
	Min      int      `json:"min,omitempty"`      // parts that must occur; 0 without parts
	Note     string   `json:"note,omitempty"`
	Source   string   `json:"source"` // file and line of the block
	phrases  [][]string
	parts    [][][]string // per element, its wordings
}

// A Library is a set of formulations, matched against sentences.
type Library struct {
	Formulations []Formulation
	index        map[string][]phraseRef // first word → phrases starting with it
}

// phraseRef names one wording: of the formulation itself (part -1) or of
// one of its parts.
type phraseRef struct {
	f, part int
	words   []string
}

// ParseFormulations reads a formulation library (the format is documented
// in dictionaries/dyad.formulations.txt). Problems are diagnostics naming
// the line; the other formulations still load.
func ParseFormulations(name string, r io.Reader) (*Library, dyad.DiagnosticList, error) {
	var (
		lib   Library
		diags dyad.DiagnosticList
		cur   *Formulation
		start int
		seen  = map[string]int{}
	)
	bad := func(line int, format string, args ...any) {
		diags = append(diags, dyad.Diagnostic{Source: name, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	flush := func() {
		if cur == nil {
			return
		}
		f := cur
		cur = nil
		if len(f.Elements) > 0 {
			if f.Min == 0 {
				f.Min = min(2, len(f.Elements))
			}
			if f.Min > len(f.Elements) {
				bad(start, "formulation %s: min %d is more than its %d elements", f.ID, f.Min, len(f.Elements))
				return
			}
			if f.Text == "" {
				f.Text = strings.Join(f.Elements, "; ")
			}
		} else {
			f.Min = 0
			if f.Text == "" {
				bad(start, "formulation %s: no text or elements to match", f.ID)
				return
			}
			f.phrases = append(f.phrases, matchWords(f.Text))
			for _, v := range f.Variants {
				f.phrases = append(f.phrases, matchWords(v))
			}
		}
		if f.Issue == "" {
			bad(start, "formulation %s: missing issue", f.ID)
			return
		}
		for _, p := range f.phrases {
			if len(p) == 0 {
				bad(start, "formulation %s: a wording has no words", f.ID)
				return
			}
		}
		if prev, ok := seen[f.ID]; ok {
			bad(start, "formulation %s: already defined at line %d", f.ID, prev)
			return
		}
		seen[f.ID] = start
		lib.Formulations = append(lib.Formulations, *f)
	}
	lr := newRegistryLines(r)
	for n, line := range lr.all() {
		if id, ok := strings.CutPrefix(line, "formulation "); ok {
			flush()
			id = strings.TrimSpace(id)
			if id == "" || strings.ContainsAny(id, " \t") {
				bad(n, "bad formulation ID %q (want one word)", id)
				continue
			}
			cur, start = &Formulation{ID: id, Kind: KindPosition, Source: fmt.Sprintf("%s:%d", name, n)}, n
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok || cur == nil {
			bad(n, "expected \"formulation ID\" or \"key: value\", got %q", line)
			continue
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		switch k {
		case "actor":
			switch a := strings.ToUpper(v); {
			case a == "ANY" || a == "BOTH" || a == "":
				cur.Actor = ""
			case len(a) == 3:
				cur.Actor = a
			default:
				bad(n, "bad actor %q (want an ISO-3 code or any)", v)
			}
		case "issue":
			cur.Issue = strings.ToLower(v)
		case "kind":
			switch v {
			case KindPosition, KindCharacterisation, KindFraming, KindFormat:
				cur.Kind = v
			default:
				bad(n, "bad kind %q (want position, characterisation, framing or format)", v)
			}
		case "text":
			cur.Text = v
		case "variants":
			for _, s := range strings.Split(v, ";") {
				if s = strings.TrimSpace(s); s != "" {
					cur.Variants = append(cur.Variants, s)
				}
			}
		case "elements":
			for _, e := range strings.Split(v, ";") {
				var alts [][]string
				first := ""
				for _, a := range strings.Split(e, "|") {
					if a = strings.TrimSpace(a); a == "" {
						continue
					}
					if first == "" {
						first = a
					}
					if w := matchWords(a); len(w) > 0 {
						alts = append(alts, w)
					}
				}
				if len(alts) == 0 {
					continue
				}
				cur.Elements = append(cur.Elements, first)
				cur.parts = append(cur.parts, alts)
			}
		case "min":
			m, err := strconv.Atoi(v)
			if err != nil || m < 1 {
				bad(n, "bad min %q (want a positive number of elements)", v)
				continue
			}
			cur.Min = m
		case "note":
			cur.Note = v
		default:
			bad(n, "unknown key %q", k)
		}
	}
	flush()
	if err := lr.err(); err != nil {
		return nil, diags, fmt.Errorf("read %s: %w", name, err)
	}
	sort.SliceStable(diags, func(i, j int) bool { return diags[i].Line < diags[j].Line })
	lib.reindex()
	return &lib, diags, nil
}

// Merge returns a library with the formulations of l and then of more; a
// formulation of more with an ID already in l replaces it, so a user's file
// can correct the shipped one.
func (l *Library) Merge(more *Library) *Library {
	out := &Library{}
	pos := map[string]int{}
	for _, src := range []*Library{l, more} {
		if src == nil {
			continue
		}
		for _, f := range src.Formulations {
			if i, ok := pos[f.ID]; ok {
				out.Formulations[i] = f
				continue
			}
			pos[f.ID] = len(out.Formulations)
			out.Formulations = append(out.Formulations, f)
		}
	}
	out.reindex()
	return out
}

// Get returns the formulation with the given ID, or nil.
func (l *Library) Get(id string) *Formulation {
	if l == nil {
		return nil
	}
	for i := range l.Formulations {
		if l.Formulations[i].ID == id {
			return &l.Formulations[i]
		}
	}
	return nil
}

func (l *Library) reindex() {
	l.index = map[string][]phraseRef{}
	for i := range l.Formulations {
		f := &l.Formulations[i]
		for _, p := range f.phrases {
			l.index[p[0]] = append(l.index[p[0]], phraseRef{f: i, part: -1, words: p})
		}
		for j, alts := range f.parts {
			for _, p := range alts {
				l.index[p[0]] = append(l.index[p[0]], phraseRef{f: i, part: j, words: p})
			}
		}
	}
}

// A Match is a formulation found in a sentence.
type Match struct {
	ID    string `json:"id"`
	Actor string `json:"actor,omitempty"`
	Issue string `json:"issue"`
	Kind  string `json:"kind"`
	// Span is where the wording is in the document (from the first to the
	// last word of the parts found); Text is that stretch as written.
	Span dyad.Span `json:"span"`
	Text string    `json:"text"`
	// For formulations of several parts: the parts found, in the order of
	// the sentence; those of the canonical list that are missing; and
	// whether the parts found are out of canonical order.
	Elements  []string `json:"elements,omitempty"`
	Dropped   []string `json:"dropped,omitempty"`
	Reordered bool     `json:"reordered,omitempty"`
	// Added lists the parts found that the actor did not use the last time
	// it used the formulation (set by Positions).
	Added []string `json:"added,omitempty"`
}

// Varied reports whether a formulation of several parts was found with a
// part dropped or out of order.
func (m *Match) Varied() bool { return len(m.Dropped) > 0 || m.Reordered }

// Match returns the formulations found in text, which starts at byte
// offset off of its document (spans are absolute). Matching is on whole
// words, ignoring case, accents, punctuation, hyphens, possessive 's and
// the words "and", "or", "the", "a" and "an", with light stemming (see
// stem), so "candid, substantive, and constructive" matches "candid,
// substantive and constructive" and "responsibly managing the competition"
// matches "responsibly manage competition". A formulation of several parts
// is found when at least Min of its parts occur. The result is in library
// order.
func (l *Library) Match(text string, off int) []Match {
	if l == nil || len(l.Formulations) == 0 {
		return nil
	}
	toks := scanWords(text, off, true)
	type hit struct{ start, end int } // token indexes, end exclusive
	whole := map[int]hit{}            // formulation → first hit of a wording
	parts := map[[2]int]hit{}         // formulation, part → first hit
	for i := range toks {
		for _, ref := range l.index[toks[i].stem] {
			if !wordsAt(toks, i, ref.words) {
				continue
			}
			h := hit{i, i + len(ref.words)}
			if ref.part < 0 {
				if old, ok := whole[ref.f]; !ok || h.start < old.start || h.start == old.start && h.end > old.end {
					whole[ref.f] = h
				}
				continue
			}
			k := [2]int{ref.f, ref.part}
			if _, ok := parts[k]; !ok {
				parts[k] = h
			}
		}
	}
	var out []Match
	for fi := range l.Formulations {
		f := &l.Formulations[fi]
		m := Match{ID: f.ID, Actor: f.Actor, Issue: f.Issue, Kind: f.Kind}
		if len(f.parts) == 0 {
			h, ok := whole[fi]
			if !ok {
				continue
			}
			m.Span = dyad.Span{Start: toks[h.start].start, End: toks[h.end-1].end}
		} else {
			type found struct {
				part int
				h    hit
			}
			var fs []found
			for j := range f.parts {
				if h, ok := parts[[2]int{fi, j}]; ok {
					fs = append(fs, found{j, h})
				} else {
					m.Dropped = append(m.Dropped, f.Elements[j])
				}
			}
			if len(fs) < f.Min {
				continue
			}
			sort.Slice(fs, func(a, b int) bool { return fs[a].h.start < fs[b].h.start })
			first, last := fs[0].h.start, fs[0].h.end
			for k, x := range fs {
				m.Elements = append(m.Elements, f.Elements[x.part])
				if k > 0 && x.part < fs[k-1].part {
					m.Reordered = true
				}
				last = max(last, x.h.end)
			}
			m.Span = dyad.Span{Start: toks[first].start, End: toks[last-1].end}
		}
		m.Text = text[m.Span.Start-off : m.Span.End-off]
		out = append(out, m)
	}
	return out
}

func wordsAt(toks []word, i int, words []string) bool {
	if i+len(words) > len(toks) {
		return false
	}
	for k, w := range words {
		if toks[i+k].stem != w {
			return false
		}
	}
	return true
}

// A word is one word of a sentence: its stem and its byte span.
type word struct {
	stem       string
	start, end int
	stop       bool // a function word, left out of similarity
}

// glue words are skipped by matching: "candid, substantive, and
// constructive" is "candid, substantive and constructive".
var glue = map[string]bool{"and": true, "or": true, "the": true, "a": true, "an": true, "s": true}

// stopWords are left out of the content words compared by similarity:
// function words and the verbs that introduce reported speech.
var stopWords = map[string]bool{
	"about": true, "also": true, "are": true, "as": true, "at": true, "be": true, "been": true, "between": true,
	"both": true, "but": true, "by": true, "can": true, "for": true, "from": true, "had": true, "has": true,
	"have": true, "he": true, "her": true, "his": true, "in": true, "into": true, "is": true, "it": true,
	"its": true, "of": true, "on": true, "our": true, "she": true, "should": true, "that": true,
	"their": true, "them": true, "they": true, "this": true, "those": true, "to": true, "was": true, "we": true,
	"were": true, "which": true, "while": true, "who": true, "will": true, "with": true, "would": true,
	"said": true, "says": true, "say": true, "stressed": true, "noted": true, "added": true, "told": true,
	"underscored": true, "emphasized": true, "emphasised": true, "reiterated": true, "made": true, "clear": true,
	"side": true, "sides": true, "two": true,
}

// matchWords returns the stems of the words of a library wording, glue
// words left out.
func matchWords(s string) []string {
	ws := scanWords(s, 0, true)
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.stem
	}
	return out
}

// scanWords splits text into words: runs of letters and digits, with
// accents folded and dotted abbreviations joined ("U.S." is "us"). It
// skips glue words when skipGlue is set. off is added to every span.
func scanWords(text string, off int, skipGlue bool) []word {
	var out []word
	var b []byte
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		b = b[:0]
		seg := 0 // runes in the current dot-separated segment
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				b = utf8.AppendRune(b, fold(r))
				i += n
				seg++
				continue
			}
			// U.S., P.R.C.: a dot after a single letter and before a
			// letter joins them into one word.
			if r == '.' && seg == 1 && i+1 < len(text) && isASCIILetter(text[i+1]) {
				i++
				seg = 0
				continue
			}
			break
		}
		end := i
		raw := string(b)
		if skipGlue && glue[raw] {
			continue
		}
		out = append(out, word{stem: stem(raw), start: start + off, end: end + off, stop: stopWords[raw] || glue[raw]})
	}
	return out
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isWordRune(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r > 127 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// fold lower-cases r and strips the accents of Latin letters.
func fold(r rune) rune {
	if 'A' <= r && r <= 'Z' {
		return r + 'a' - 'A'
	}
	if r < 128 {
		return r
	}
	r = unicode.ToLower(r)
	switch {
	case 'à' <= r && r <= 'å':
		return 'a'
	case r == 'ç':
		return 'c'
	case 'è' <= r && r <= 'ë':
		return 'e'
	case 'ì' <= r && r <= 'ï':
		return 'i'
	case r == 'ñ':
		return 'n'
	case 'ò' <= r && r <= 'ö':
		return 'o'
	case 'ù' <= r && r <= 'ü':
		return 'u'
	}
	return r
}

// stem strips common English endings so that inflections of one word
// meet: "managing", "managed", "manage" → "manag"; "stabilise",
// "stabilize" → "stabiliz"; "communiqués" → "communiqu". It is applied
// alike to the library and to the text, so it need only be consistent.
func stem(w string) string {
	n := len(w)
	switch {
	case n <= 3:
		return w
	case n > 4 && strings.HasSuffix(w, "ies"):
		w = w[:n-3] + "y"
	case n > 5 && strings.HasSuffix(w, "ing"):
		w = w[:n-3]
	case n > 4 && strings.HasSuffix(w, "ed"):
		w = w[:n-2]
	case n > 4 && strings.HasSuffix(w, "es"):
		w = w[:n-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		w = w[:n-1]
	}
	if n := len(w); n > 4 && w[n-1] == 'e' {
		w = w[:n-1]
	}
	if n := len(w); n > 5 && strings.HasSuffix(w, "is") {
		w = w[:n-1] + "z"
	}
	return w
}
