package coding

import (
	"bufio"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/dyad-dev/dyad"
)

// Issues tags sentences with issue names ("taiwan", "trade", …) and knows
// the places ("Beijing" in CHN) that locate events. It is read-only after
// loading.
type Issues struct {
	names    []string          // sorted; bit i of a tag set is names[i]
	terms    map[string][]term // by first word and its plurals
	prefixes []term            // terms whose only word is a prefix
	places   map[string][]place
}

type term struct {
	words  []string
	prefix bool // the last word matches as a prefix ("semiconductor*")
	issue  int
}

type place struct {
	words   []string
	country string
}

// LoadIssues reads an issue dictionary (dyad.issues.txt format, see its
// header): `issue NAME` opens a block, `terms: a; b; …` adds terms to it,
// and `place CODE: City; City` lists places in the state CODE. Malformed
// lines become diagnostics.
func LoadIssues(fsys fs.FS, name string) (*Issues, dyad.DiagnosticList, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, nil, fmt.Errorf("open issue dictionary %s: %w", name, err)
	}
	defer f.Close()
	type rawTerm struct {
		words  []string
		prefix bool
		issue  string
	}
	var (
		diags dyad.DiagnosticList
		raw   []rawTerm
		cur   string
		set   = map[string]bool{}
		is    = &Issues{terms: map[string][]term{}, places: map[string][]place{}}
	)
	sc := bufio.NewScanner(f)
	line := 0
	bad := func(format string, args ...any) {
		diags = append(diags, dyad.Diagnostic{Source: name, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	for sc.Scan() {
		line++
		s := sc.Text()
		if i := strings.IndexByte(s, '#'); i >= 0 {
			s = s[:i]
		}
		s = strings.TrimSpace(s)
		switch {
		case s == "":
		case strings.HasPrefix(s, "issue "):
			cur = strings.TrimSpace(s[len("issue "):])
			if cur == "" || strings.ContainsAny(cur, " \t;:") {
				bad("bad issue name %q", cur)
				cur = ""
				continue
			}
			set[cur] = true
		case strings.HasPrefix(s, "terms:"):
			if cur == "" {
				bad("terms outside an issue block")
				continue
			}
			for _, t := range strings.Split(s[len("terms:"):], ";") {
				t = strings.TrimSpace(t)
				if t == "" {
					continue
				}
				prefix := strings.HasSuffix(t, "*")
				ws := issueWords(strings.TrimSuffix(t, "*"))
				if len(ws) == 0 {
					bad("empty term %q", t)
					continue
				}
				raw = append(raw, rawTerm{words: ws, prefix: prefix, issue: cur})
			}
		case strings.HasPrefix(s, "place "):
			body := s[len("place "):]
			i := strings.IndexByte(body, ':')
			if i < 0 {
				bad("place line without ':'")
				continue
			}
			cc := strings.TrimSpace(body[:i])
			if len(cc) != 3 {
				bad("bad country code %q", cc)
				continue
			}
			for _, p := range strings.Split(body[i+1:], ";") {
				ws := issueWords(strings.TrimSpace(p))
				if len(ws) == 0 {
					continue
				}
				is.places[ws[0]] = append(is.places[ws[0]], place{words: ws, country: cc})
			}
		default:
			bad("unknown line %q", s)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, diags, fmt.Errorf("read issue dictionary %s: %w", name, err)
	}
	for n := range set {
		is.names = append(is.names, n)
	}
	sort.Strings(is.names)
	if len(is.names) > 64 {
		return nil, diags, dyad.Errorf(dyad.EINVALID, "issue dictionary %s: more than 64 issues", name)
	}
	idx := map[string]int{}
	for i, n := range is.names {
		idx[n] = i
	}
	for _, r := range raw {
		t := term{words: r.words, prefix: r.prefix, issue: idx[r.issue]}
		if r.prefix && len(r.words) == 1 {
			is.prefixes = append(is.prefixes, t)
			continue
		}
		w := r.words[0]
		for _, k := range []string{w, w + "S", w + "ES", w + "'S"} {
			is.terms[k] = append(is.terms[k], t)
		}
	}
	for k, ps := range is.places {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].words) > len(ps[j].words) })
		is.places[k] = ps
	}
	return is, diags, nil
}

// issueWords tokenizes a term without hyphens, so "one-China" and
// "one China" are the same term.
func issueWords(s string) []string {
	var out []string
	for _, w := range phraseWords(s) {
		if w != "-" {
			out = append(out, w)
		}
	}
	return out
}

// Names returns the issue names, sorted.
func (is *Issues) Names() []string { return is.names }

// Tag returns the sorted issue names whose terms occur in toks.
func (is *Issues) Tag(toks []dyad.Token) []string {
	if is == nil {
		return nil
	}
	var bits uint64
	for i := range toks {
		if toks[i].Kind == dyad.Punct {
			continue
		}
		for _, t := range is.terms[toks[i].Norm] {
			if bits&(1<<t.issue) == 0 && termAt(toks, i, t.words, t.prefix) {
				bits |= 1 << t.issue
			}
		}
		for _, t := range is.prefixes {
			if bits&(1<<t.issue) == 0 && termAt(toks, i, t.words, t.prefix) {
				bits |= 1 << t.issue
			}
		}
	}
	if bits == 0 {
		return nil
	}
	out := make([]string, 0, 2)
	for i, n := range is.names {
		if bits&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return out
}

// termAt reports whether words occur at toks[i:], skipping hyphens. Words
// match exactly or with a plural ending; a prefix term's last word matches
// any word it begins.
func termAt(toks []dyad.Token, i int, words []string, prefix bool) bool {
	k := 0
	for ; i < len(toks) && k < len(words); i++ {
		if toks[i].Kind == dyad.Punct && toks[i].Norm == "-" {
			continue
		}
		w, t := words[k], toks[i].Norm
		if t != w && !plural(t, w) && !(prefix && k == len(words)-1 && strings.HasPrefix(t, w)) {
			return false
		}
		k++
	}
	return k == len(words)
}

func plural(t, w string) bool {
	if !strings.HasPrefix(t, w) {
		return false
	}
	switch t[len(w):] {
	case "S", "ES", "'S":
		return true
	}
	return false
}

// placeAt returns the length in tokens and the country of a known place
// starting at toks[i], or 0.
func (is *Issues) placeAt(toks []dyad.Token, i int) (int, string) {
	if is == nil || i >= len(toks) {
		return 0, ""
	}
	for _, p := range is.places[toks[i].Norm] {
		if i+len(p.words) > len(toks) {
			continue
		}
		ok := true
		for k, w := range p.words {
			if toks[i+k].Norm != w {
				ok = false
				break
			}
		}
		if ok {
			return len(p.words), p.country
		}
	}
	return 0, ""
}
