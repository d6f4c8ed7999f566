package actors

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dyad-dev/dyad"
)

// maxDate is the open end of a date range, as YYYYMMDD.
const maxDate = 99991231

// A restriction is one bracketed code of a Phoenix entry: the code applies
// on days from..to inclusive (YYYYMMDD). Code "" is the null code.
type restriction struct {
	code     string
	from, to int
}

// A phxEntry is a Phoenix actor record: a primary phrase, its synonyms and
// its (date-restricted) codes.
type phxEntry struct {
	name   string // primary phrase without the trailing '_': "XI_JINPING"
	rs     []restriction
	def    string // default (unrestricted) code; "" is null
	hasDef bool
}

// resolve returns the code of e on day (YYYYMMDD); "" is the null code.
func (e *phxEntry) resolve(day int) string {
	for _, r := range e.rs {
		if r.from <= day && day <= r.to {
			return r.code
		}
	}
	if e.hasDef {
		return e.def
	}
	return ""
}

// A phrase is a dictionary phrase compiled to token Norms.
type phrase struct {
	words  []string
	stem   bool // last word is a TABARI stem (no trailing '_')
	plural bool // generate regular plurals of the last word
}

// lines calls fn for each line of r with its 1-based number. Lines that are
// not valid UTF-8 are decoded as Latin-1. A read error becomes a diagnostic
// after the lines read so far.
func (l *Loader) lines(name string, r io.Reader, fn func(n int, line string)) {
	b, err := io.ReadAll(r)
	l.linesOf(string(b), fn) // one copy; lines and words share it
	if err != nil {
		l.diag(name, 0, fmt.Sprintf("read: %v", err))
	}
}

// linesOf calls fn for each line of all, as lines does.
func (l *Loader) linesOf(all string, fn func(n int, line string)) {
	n := 0
	for len(all) > 0 {
		line := all
		if i := strings.IndexByte(all, '\n'); i >= 0 {
			line, all = all[:i], all[i+1:]
		} else {
			all = ""
		}
		n++
		line = strings.TrimRight(line, "\r")
		if !utf8.ValidString(line) {
			line = latin1(line)
		}
		fn(n, line)
	}
}

// latin1 decodes b as ISO 8859-1.
func latin1(b string) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/4)
	for i := 0; i < len(b); i++ {
		sb.WriteRune(rune(b[i]))
	}
	return sb.String()
}

// stripComment removes a '#' or ';' comment (TABARI accepts both). A '#'
// inside a code bracket is TABARI's discard code ([###]), not a comment.
func stripComment(s string) string {
	open := false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			open = true
		case ']':
			open = false
		case '#':
			if open {
				continue
			}
			return strings.TrimRight(s[:i], " \t")
		case ';':
			return strings.TrimRight(s[:i], " \t")
		}
	}
	return strings.TrimRight(s, " \t")
}

// AddPhoenix reads an actor dictionary in Phoenix/TABARI syntax. Problems
// become diagnostics naming name and the line; the rest of the file loads.
func (l *Loader) AddPhoenix(name string, r io.Reader) {
	b, err := io.ReadAll(r)
	l.addPhoenix(name, string(b))
	if err != nil {
		l.diag(name, 0, fmt.Sprintf("read: %v", err))
	}
}

func (l *Loader) addPhoenix(name, src string) {
	// Reserve room: about one entry per two lines, one phrase per line.
	lines := strings.Count(src, "\n") + 1
	l.phoenix = slices.Grow(l.phoenix, lines/2)
	l.phoenixPhrases = slices.Grow(l.phoenixPhrases, lines)
	cur := -1 // index of the current entry in l.phoenix
	skipping := false
	var list *[]string // inside <NOUN> or <ADJECTIVE>: where its words go
	l.linesOf(src, func(n int, raw string) {
		line := stripComment(raw)
		body := strings.TrimLeft(line, " \t")
		if body == "" {
			return
		}
		switch {
		case strings.HasPrefix(body, "~FINISH"):
			skipping = true
			return
		case skipping:
			return
		case strings.HasPrefix(body, "</"):
			list = nil
			return
		case strings.HasPrefix(body, "<"):
			// <NOUN>, <ADJECTIVE>: words without codes; not actors.
			switch strings.ToUpper(strings.TrimSpace(strings.Trim(body, "<>"))) {
			case "NOUN", "NOUNS":
				list = &l.nouns
			case "ADJECTIVE", "ADJECTIVES":
				list = &l.adjectives
			}
			return
		case list != nil:
			if ws := l.words(strings.TrimRight(strings.TrimSpace(body), "_=")); len(ws) > 0 {
				*list = append(*list, ws[len(ws)-1])
			}
			return
		case body[0] == '[' || len(body) != len(line) && body[0] != '+':
			// An indented line: date restrictions of the current entry.
			if cur < 0 {
				l.diag(name, n, "code line before any entry")
				return
			}
			if err := l.addCodes(&l.phoenix[cur], body); err != nil {
				l.diag(name, n, err.Error())
			}
		case body[0] == '+':
			if cur < 0 {
				l.diag(name, n, "synonym before any entry")
				return
			}
			phr, codes := splitCodes(body)
			for _, p := range strings.Split(phr, "+") {
				if p = strings.TrimSpace(p); p == "" {
					continue
				}
				l.addPhoenixPhrase(name, n, cur, p)
			}
			if codes != "" {
				if err := l.addCodes(&l.phoenix[cur], codes); err != nil {
					l.diag(name, n, err.Error())
				}
			}
		default:
			phr, codes := splitCodes(body)
			phr = strings.TrimSpace(phr)
			l.phoenix = append(l.phoenix, phxEntry{name: strings.TrimRight(phr, "_")})
			cur = len(l.phoenix) - 1
			l.addPhoenixPhrase(name, n, cur, phr)
			if codes != "" {
				if err := l.addCodes(&l.phoenix[cur], codes); err != nil {
					l.diag(name, n, err.Error())
				}
			}
		}
	})
}

// splitCodes splits "PHRASE [CODE ...] [CODE]" at the first '['.
func splitCodes(s string) (phr, codes string) {
	if i := strings.IndexByte(s, '['); i >= 0 {
		return s[:i], strings.TrimSpace(s[i:])
	}
	if i := strings.IndexByte(s, ']'); i >= 0 {
		return s[:i], s[i:] // reported as a bracket error by addCodes
	}
	return s, ""
}

func (l *Loader) addPhoenixPhrase(name string, n, entry int, p string) {
	exact := strings.HasSuffix(p, "_")
	// TABARI: a phrase ending in '=' matches its last word exactly, with
	// no regular endings (its manual, §5.2.3).
	bare := strings.HasSuffix(p, "=")
	words := l.words(strings.TrimRight(p, "_="))
	if len(words) == 0 {
		l.diag(name, n, fmt.Sprintf("empty phrase %q", p))
		return
	}
	l.phoenixPhrases = append(l.phoenixPhrases, phxPhrase{
		entry:  int32(entry),
		phrase: phrase{words: words, stem: !exact && !bare && l.Stems, plural: !bare},
	})
	if p := strings.TrimSpace(strings.TrimRight(p, "_=")); l.Stems && strings.ContainsAny(p, " \t") {
		// TABARI: a blank in a phrase lets other words stand between
		// its parts ("PRINCE DOL_AMROTH" matches "Prince of Dol_Amroth").
		var chunks [][]string
		for _, c := range strings.Fields(p) {
			if ws := l.words(c); len(ws) > 0 {
				chunks = append(chunks, ws)
			}
		}
		if len(chunks) > 1 {
			l.gapped = append(l.gapped, gappedPhrase{entry: int32(entry), chunks: chunks, stem: !exact && !bare})
		}
	}
}

// A gappedPhrase is a TABARI actor phrase with blanks: its chunks (the
// words joined by '_') must come in order, with any words between them.
type gappedPhrase struct {
	entry  int32
	chunks [][]string
	stem   bool // the last word is a stem
}

// A phxPhrase is a phrase of a Phoenix entry.
type phxPhrase struct {
	entry int32
	phrase
}

// addCodes parses one or more bracketed codes "[CHNGOV >20121115] [CHN]"
// into e. On error nothing is added.
func (l *Loader) addCodes(e *phxEntry, s string) error {
	var rs []restriction
	def, hasDef := "", false
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		if s[0] != '[' {
			return fmt.Errorf("bad code bracket: %q", s)
		}
		end := strings.IndexByte(s, ']')
		if end < 0 {
			return fmt.Errorf("bad code bracket: missing ']' in %q", s)
		}
		r, restricted, err := parseRestriction(s[1:end], l.Stems)
		if err != nil {
			return err
		}
		if restricted {
			rs = append(rs, r)
		} else {
			def, hasDef = r.code, true
		}
		s = s[end+1:]
	}
	e.rs = append(e.rs, rs...)
	if hasDef {
		e.def, e.hasDef = def, true
	}
	return nil
}

// parseRestriction parses the inside of a code bracket: "CODE",
// "CODE <DATE", "CODE >DATE" or "CODE DATE-DATE". With tabari, CODE may be
// TABARI's discard code "###".
func parseRestriction(s string, tabari bool) (r restriction, restricted bool, err error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return r, false, fmt.Errorf("bad code bracket: empty []")
	}
	first, rest, _ := strings.Cut(s, " ")
	if i := strings.IndexByte(first, '\t'); i >= 0 {
		first, rest = first[:i], first[i+1:]+" "+rest
	}
	code, err := parseCode(first, tabari)
	if err != nil && tabari && first == DiscardCode {
		code, err = first, nil
	}
	if err != nil {
		return r, false, err
	}
	r.code = code
	cond := rest
	if strings.ContainsAny(cond, " \t") {
		cond = strings.Join(strings.Fields(cond), "")
	}
	if cond == "" {
		return r, false, nil
	}
	switch {
	case cond[0] == '<':
		d, err := parseDate(cond[1:])
		if err != nil {
			return r, false, err
		}
		r.from, r.to = 0, d
	case cond[0] == '>':
		d, err := parseDate(cond[1:])
		if err != nil {
			return r, false, err
		}
		r.from, r.to = d, maxDate
	default:
		a, b, ok := strings.Cut(cond, "-")
		if !ok {
			return r, false, fmt.Errorf("unparseable date restriction %q", cond)
		}
		from, err := parseDate(a)
		if err != nil {
			return r, false, err
		}
		to, err := parseDate(b)
		if err != nil {
			return r, false, err
		}
		r.from, r.to = from, to
	}
	return r, true, nil
}

// DiscardCode is TABARI's discard code: a sentence that mentions an actor
// with it codes no event. Only dictionaries read with Loader.Stems (TABARI
// projects) may use it.
const DiscardCode = "###"

// parseCode checks an actor code: upper-case letters and digits, "---" for
// the null code (returned as ""). A compound code "GME/GMW" keeps its first
// part, except with tabari: TABARI codes one event per code of a compound
// (manual §5.2), so the whole code is kept, each part checked.
func parseCode(s string, tabari bool) (string, error) {
	if s == "---" {
		return "", nil
	}
	if i := strings.IndexByte(s, '/'); i > 0 {
		if tabari {
			for _, part := range strings.Split(s, "/") {
				if !validCode(part) {
					return "", fmt.Errorf("bad code %q", s)
				}
			}
			return s, nil
		}
		s = s[:i]
	}
	if !validCode(s) {
		return "", fmt.Errorf("bad code %q", s)
	}
	return s, nil
}

func validCode(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isUpperASCII(c) && !('0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// parseDate parses YYMMDD (years 00–30 are 2000–2030, as in TABARI) or
// YYYYMMDD into YYYYMMDD.
func parseDate(s string) (int, error) {
	v := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, fmt.Errorf("unparseable date %q", s)
		}
		v = v*10 + int(s[i]-'0')
	}
	switch len(s) {
	case 6:
		yy := v / 10000
		if yy <= 30 {
			v += 20000000
		} else {
			v += 19000000
		}
	case 8:
	default:
		return 0, fmt.Errorf("unparseable date %q", s)
	}
	m, d := v/100%100, v%100
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, fmt.Errorf("unparseable date %q", s)
	}
	return v, nil
}

// words tokenizes a phrase with the document tokenizer and returns the
// Norms of its tokens. An underscore separates words as a blank does (the
// tokenizer splits at both alike); its own punctuation token is dropped, so
// Phoenix phrases need no rewriting and their words share the file's memory.
func (l *Loader) words(p string) []string {
	l.buf = l.tok.AppendTokens(l.buf[:0], p, dyad.Span{Start: 0, End: len(p)})
	if len(l.buf) == 0 {
		return nil
	}
	if cap(l.arena)-len(l.arena) < len(l.buf) {
		l.arena = make([]string, 0, max(16384, len(l.buf)))
	}
	start := len(l.arena)
	for _, t := range l.buf {
		// TABARI's input filter blanks hyphens, so its phrases have none
		if t.Norm != "_" && !(l.Stems && t.Norm == "-") {
			l.arena = append(l.arena, t.Norm)
		}
	}
	if len(l.arena) == start {
		return nil
	}
	return l.arena[start:len(l.arena):len(l.arena)]
}
