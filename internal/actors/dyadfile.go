package actors

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/dyad-dev/dyad"
)

// An office is an office whose holder changes over time.
type office struct {
	id      string // "usa.secstate"
	country string
	code    string
	level   dyad.Level
	titles  []string // as written; titles[0] names the office in Actor.Office
	holders []holder
	src     string
	line    int
}

// A holder held an office from..to inclusive (YYYYMMDD).
type holder struct {
	name     string
	person   int32 // index into Dictionary.persons, set by Compile
	from, to int
	line     int
}

// A person is a named individual.
type person struct {
	name    string // canonical full name
	country string
	aliases []string
	family  string // "first" or "last"
	code    string // code when holding no listed office
	surname string // Norm of the family name
}

// An actorBlock is a collective actor or metonym with one code.
type actorBlock struct {
	code    string
	country string
	names   []string
	rule    string
}

// levelRank orders levels from the top.
var levelRank = map[dyad.Level]int{
	dyad.LevelLeader: 0, dyad.LevelSenior: 1, dyad.LevelMinister: 2,
	dyad.LevelDeputy: 3, dyad.LevelOfficial: 4, dyad.LevelMilitary: 5,
}

// A block is a dyad block being read.
type block struct {
	kind, head string
	line       int
	keys       map[string][]kv
}

type kv struct {
	val  string
	line int
}

// AddDyad reads a file in dyad.actors.txt format (office, person and actor
// blocks; see the header of dictionaries/dyad.actors.txt). A later block
// with the same office ID, person name or actor code replaces an earlier
// one, so user files override the shipped one.
func (l *Loader) AddDyad(name string, r io.Reader) {
	var b *block
	flush := func() {
		if b != nil {
			l.dyadBlock(name, b)
			b = nil
		}
	}
	l.lines(name, r, func(n int, raw string) {
		line := raw
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			if strings.TrimSpace(raw) == "" {
				flush()
			}
			return
		}
		if k, v, ok := strings.Cut(line, " "); ok && (k == "office" || k == "person" || k == "actor") && !strings.HasSuffix(k, ":") {
			flush()
			b = &block{kind: k, head: strings.TrimSpace(v), line: n, keys: map[string][]kv{}}
			return
		}
		if line == "office" || line == "person" || line == "actor" {
			flush()
			l.diag(name, n, fmt.Sprintf("%s block without a name", line))
			b = &block{kind: "skip"}
			return
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			l.diag(name, n, fmt.Sprintf("expected \"key: value\" or a block header, got %q", line))
			return
		}
		if b == nil {
			l.diag(name, n, fmt.Sprintf("key %q outside a block", strings.TrimSpace(k)))
			return
		}
		k = strings.ToLower(strings.TrimSpace(k))
		if _, dup := b.keys[k]; dup && !listKeys[k] {
			l.diag(name, n, fmt.Sprintf("duplicate key %q", k))
		}
		b.keys[k] = append(b.keys[k], kv{val: strings.TrimSpace(v), line: n})
	})
	flush()
}

// listKeys may repeat: their values accumulate.
var listKeys = map[string]bool{"titles": true, "holders": true, "aliases": true, "names": true}

var blockKeys = map[string]map[string]bool{
	"office": {"country": true, "code": true, "level": true, "titles": true, "holders": true},
	"person": {"country": true, "aliases": true, "family": true, "code": true},
	"actor":  {"country": true, "names": true, "rule": true},
}

func (l *Loader) dyadBlock(name string, b *block) {
	if b.kind == "skip" {
		return
	}
	allowed := blockKeys[b.kind]
	for _, k := range sortedKeys(b.keys) {
		if !allowed[k] {
			l.diag(name, b.keys[k][0].line, fmt.Sprintf("unknown key %q in %s block", k, b.kind))
		}
	}
	get := func(k string) (string, int) {
		v, ok := b.keys[k]
		if !ok {
			return "", b.line
		}
		last := v[len(v)-1]
		return last.val, last.line
	}
	list := func(k string) []kv {
		var out []kv
		for _, v := range b.keys[k] {
			for _, item := range splitList(v.val) {
				out = append(out, kv{val: item, line: v.line})
			}
		}
		return out
	}
	vals := func(items []kv) []string {
		out := make([]string, len(items))
		for i, it := range items {
			out[i] = it.val
		}
		return out
	}
	country, cline := get("country")
	if country != "" && !isCountry3(country) {
		l.diag(name, cline, fmt.Sprintf("bad country %q (want an ISO-3 code)", country))
		return
	}
	switch b.kind {
	case "office":
		if country == "" {
			l.diag(name, b.line, fmt.Sprintf("office %s: missing country", b.head))
			return
		}
		code, line := get("code")
		if !validCode(code) {
			l.diag(name, line, fmt.Sprintf("office %s: bad code %q", b.head, code))
			return
		}
		o := office{id: b.head, country: country, code: code, src: name, line: b.line}
		lv, line := get("level")
		o.level = dyad.Level(strings.ToLower(lv))
		if _, ok := levelRank[o.level]; !ok && lv != "" {
			l.diag(name, line, fmt.Sprintf("office %s: unknown level %q", b.head, lv))
			o.level = dyad.LevelOther
		}
		o.titles = vals(list("titles"))
		for _, h := range list("holders") {
			hd, err := parseHolder(h.val)
			if err != nil {
				l.diag(name, h.line, fmt.Sprintf("office %s: %v", b.head, err))
				continue
			}
			hd.line = h.line
			o.holders = append(o.holders, hd)
		}
		l.offices = append(l.offices, o)
	case "person":
		p := person{name: b.head, country: country, family: "last"}
		p.aliases = vals(list("aliases"))
		if fam, line := get("family"); fam != "" {
			fam = strings.ToLower(fam)
			if fam != "first" && fam != "last" {
				l.diag(name, line, fmt.Sprintf("person %s: family must be first or last, got %q", b.head, fam))
			} else {
				p.family = fam
			}
		}
		if code, line := get("code"); code != "" {
			if !validCode(code) {
				l.diag(name, line, fmt.Sprintf("person %s: bad code %q", b.head, code))
			} else {
				p.code = code
			}
		}
		l.persons = append(l.persons, p)
	case "actor":
		a := actorBlock{code: b.head, country: country, rule: "dict"}
		rule, rline := get("rule")
		switch rule = strings.ToLower(rule); rule {
		case "":
		case "metonym", "side", "dict", "both":
			a.rule = rule
		default:
			l.diag(name, rline, fmt.Sprintf("actor %s: unknown rule %q", b.head, rule))
		}
		if a.rule == "both" {
			a.code = ""
		} else if !validCode(a.code) {
			l.diag(name, b.line, fmt.Sprintf("bad actor code %q", b.head))
			return
		}
		a.names = vals(list("names"))
		l.actorBlocks = append(l.actorBlocks, a)
	}
}

// parseHolder parses "2021-01-26..2025-01-20 Antony Blinken" or
// "2025-01-21.. Marco Rubio".
func parseHolder(s string) (holder, error) {
	rng, nm, ok := strings.Cut(s, " ")
	nm = strings.TrimSpace(nm)
	if !ok || nm == "" {
		return holder{}, fmt.Errorf("holder %q: want \"FROM..TO NAME\"", s)
	}
	a, b, ok := strings.Cut(rng, "..")
	if !ok {
		return holder{}, fmt.Errorf("holder %q: want \"FROM..TO NAME\"", s)
	}
	from, err := isoDay(a)
	if err != nil {
		return holder{}, fmt.Errorf("holder %q: %w", s, err)
	}
	to := maxDate
	if b != "" {
		if to, err = isoDay(b); err != nil {
			return holder{}, fmt.Errorf("holder %q: %w", s, err)
		}
	}
	if to < from {
		return holder{}, fmt.Errorf("holder %q: ends before it starts", s)
	}
	return holder{name: nm, from: from, to: to}, nil
}

func isoDay(s string) (int, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return 0, fmt.Errorf("unparseable date %q", s)
	}
	return day(t), nil
}

// day returns t as YYYYMMDD.
func day(t time.Time) int {
	y, m, d := t.Date()
	return y*10000 + int(m)*100 + d
}

func splitList(s string) []string {
	var out []string
	for _, v := range strings.Split(s, ";") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func isCountry3(s string) bool {
	return len(s) == 3 && isUpperASCII(s[0]) && isUpperASCII(s[1]) && isUpperASCII(s[2])
}
