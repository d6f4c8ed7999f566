package actors

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/text"
)

// A Loader accumulates dictionary files; Compile builds an immutable
// Dictionary from them. Files are read as they are added, and problems in
// them are kept as diagnostics until Compile returns them.
type Loader struct {
	// Stems makes a Phoenix or agent phrase without a trailing '_' match any
	// word its last word is a prefix of, as the TABARI manual specifies.
	// It must be set before files are added. It is off by default: see the
	// package documentation. It also reads TABARI's discard code [###]
	// (DiscardCode) as a code, for TABARI projects.
	Stems bool

	phoenix        []phxEntry
	phoenixPhrases []phxPhrase
	agents         []agent
	agentPhrases   []agentPhrase
	offices        []office
	persons        []person
	actorBlocks    []actorBlock
	// words of TABARI's <NOUN> and <ADJECTIVE> lists, as token Norms
	nouns, adjectives []string
	gapped            []gappedPhrase

	diags dyad.DiagnosticList
	tok   text.Tokenizer
	buf   []dyad.Token
	arena []string // backing store for phrase words
}

// NewLoader returns an empty Loader.
func NewLoader() *Loader {
	return &Loader{tok: text.Tokenizer{KeepPunct: true}}
}

func (l *Loader) diag(name string, line int, msg string) {
	l.diags = append(l.diags, dyad.Diagnostic{Source: name, Line: line, Msg: msg})
}

// A Dictionary is a compiled set of actor dictionaries. It is immutable
// and safe for concurrent use; taggers made by Doc hold the per-document
// state.
type Dictionary struct {
	root     *node
	phoenix  []phxEntry
	agents   []agent
	persons  []cperson
	offices  []coffice
	actors   []cactor
	nPhrases int
	opts     Options

	nouns, adjectives []string
	gapped            []gappedPhrase // TABARI phrases with blanks
	// gapFirst holds per gapped phrase the root's child for its first
	// word, or nil when the root has none: a sentence none of whose tokens
	// leads to that child cannot hold the phrase.
	gapFirst []*node
	// ctxAgent holds per agent whether its sector is one of ctxSectors
	// (contextMentions).
	ctxAgent []bool
	// tabari: read with Loader.Stems (a TABARI project), whose input
	// filter turns hyphens into blanks before actors are looked up.
	tabari bool
}

// Nouns returns the words of the <NOUN> lists of the TABARI actor files
// loaded (token Norms, sorted): nouns for TABARI's compound noun phrases
// ("sheep and goats"), which do not end a clause. A phrase of several
// words is listed by its last.
func (d *Dictionary) Nouns() []string { return d.nouns }

// Adjectives returns the words of the <ADJECTIVE> lists, as Nouns does:
// adjectives TABARI skips in compound actors ("the evil Gondor") and
// compound adjective phrases ("awful and evil").
func (d *Dictionary) Adjectives() []string { return d.adjectives }

// A cperson is a compiled person.
type cperson struct {
	person
	entry   string // "person Antony Blinken"
	tenures []tenure
}

// A tenure is a period a person held an office (YYYYMMDD, inclusive).
type tenure struct {
	office   int32
	from, to int
}

// A coffice is a compiled office.
type coffice struct {
	office
	entry string // "office usa.secstate"
	name  string // the first title: what Actor.Office says
}

// A cactor is a compiled actor block.
type cactor struct {
	actorBlock
	entry string // "actor USAMIL"
}

// Sizes reports how many entries, agents, people, offices, collective
// actors and phrases the dictionary holds.
func (d *Dictionary) Sizes() (entries, agents, people, offices, actors, phrases int) {
	return len(d.phoenix), len(d.agents), len(d.persons), len(d.offices), len(d.actors), d.nPhrases
}

// HasPerson reports whether the dictionary has a person block with the
// canonical name (compared case-insensitively).
func (d *Dictionary) HasPerson(name string) bool {
	for i := range d.persons {
		if strings.EqualFold(d.persons[i].name, name) {
			return true
		}
	}
	return false
}

// HasOffice reports whether the dictionary has an office block with id.
func (d *Dictionary) HasOffice(id string) bool {
	for i := range d.offices {
		if d.offices[i].id == id {
			return true
		}
	}
	return false
}

// Compile builds the Dictionary from every file added so far, with the
// diagnostics of loading and of cross-references (an office holder naming
// no person block). The Loader may be used again afterwards.
func (l *Loader) Compile() (*Dictionary, dyad.DiagnosticList) {
	d := &Dictionary{root: &node{m: make(map[string]*node, 1<<15)}, phoenix: append([]phxEntry(nil), l.phoenix...), agents: append([]agent(nil), l.agents...),
		nouns: sortedSet(l.nouns), adjectives: sortedSet(l.adjectives), gapped: slices.Clone(l.gapped), tabari: l.Stems}
	diags := append(dyad.DiagnosticList(nil), l.diags...)

	// People: a later block with the same name replaces an earlier one.
	byName := map[string]int32{}
	for _, p := range l.persons {
		key := strings.ToUpper(p.name)
		if i, ok := byName[key]; ok {
			d.persons[i] = cperson{person: p}
			continue
		}
		byName[key] = int32(len(d.persons))
		d.persons = append(d.persons, cperson{person: p})
	}
	for i := range d.persons {
		p := &d.persons[i]
		p.entry = "person " + p.name
		if w := nameWords(l.words(p.name)); len(w) > 0 {
			if p.family == "first" {
				p.surname = w[0]
			} else {
				p.surname = w[len(w)-1]
			}
		}
	}

	// Offices: a later block with the same ID replaces an earlier one.
	byID := map[string]int{}
	var offices []office
	for _, o := range l.offices {
		if i, ok := byID[o.id]; ok {
			offices[i] = o
			continue
		}
		byID[o.id] = len(offices)
		offices = append(offices, o)
	}
	for _, o := range offices {
		co := coffice{office: o, entry: "office " + o.id, name: o.id}
		if len(o.titles) > 0 {
			co.name = o.titles[0]
		}
		co.holders = nil
		oi := int32(len(d.offices))
		for _, h := range o.holders {
			pi, ok := byName[strings.ToUpper(h.name)]
			if !ok {
				diags = append(diags, dyad.Diagnostic{Source: o.src, Line: h.line,
					Msg: fmt.Sprintf("office %s: holder %q has no person block", o.id, h.name)})
				continue
			}
			h.person = pi
			co.holders = append(co.holders, h)
			d.persons[pi].tenures = append(d.persons[pi].tenures, tenure{office: oi, from: h.from, to: h.to})
		}
		d.offices = append(d.offices, co)
	}
	for _, a := range l.actorBlocks {
		e := "actor " + a.code
		if a.rule == "both" {
			e = "actor both"
		}
		d.actors = append(d.actors, cactor{actorBlock: a, entry: e})
	}

	d.build(l)
	d.ctxAgent = make([]bool, len(d.agents))
	for i := range d.agents {
		d.ctxAgent[i] = ctxSectors[sectorOf(d.agents[i].code)]
	}
	d.gapFirst = make([]*node, len(d.gapped))
	for i, g := range d.gapped {
		if len(g.chunks) > 1 || !g.stem { // a lone stem chunk may match a longer word
			d.gapFirst[i] = d.root.child(g.chunks[0][0])
		}
	}
	sortDiagnostics(diags)
	return d, diags
}

// sortDiagnostics orders diagnostics by file (in the order files were
// first reported) and line, keeping the order of those on one line.
func sortDiagnostics(diags dyad.DiagnosticList) {
	first := map[string]int{}
	for _, dg := range diags {
		if _, ok := first[dg.Source]; !ok {
			first[dg.Source] = len(first)
		}
	}
	sort.SliceStable(diags, func(i, j int) bool {
		a, b := diags[i], diags[j]
		if a.Source != b.Source {
			return first[a.Source] < first[b.Source]
		}
		return a.Line < b.Line
	})
}

// nameWords keeps the word tokens of a name (drops punctuation).
func nameWords(ws []string) []string {
	out := ws[:0:0]
	for _, w := range ws {
		if len(w) == 1 && !isUpperASCII(w[0]) {
			continue
		}
		out = append(out, w)
	}
	return out
}

// build fills the trie. The rank of a hit (its order) lets the tagger
// break ties: among Phoenix entries the first one loaded wins; among dyad
// entries the last one loaded wins.
func (d *Dictionary) build(l *Loader) {
	slab := &nodeSlab{}
	ins := func(words []string, h hit, p phrase) {
		if len(words) == 1 && len(words[0]) <= 3 {
			h.short = true
		}
		d.nPhrases++
		d.root.insert(words, h, p.stem, slab)
		if p.plural && !p.stem {
			w := words[len(words)-1]
			pl, n := plurals(w)
			for _, x := range pl[:n] {
				d.root.insertLast(words, x, h, false, slab)
			}
		}
	}
	for _, pp := range l.phoenixPhrases {
		// A one-word Phoenix phrase names a state, a place, a person or a
		// group, all written with a capital; in lower case it is the
		// common word some entries list as a synonym ("youth" for the
		// Basque group GAZTERIAK, "organization" for TANZIM, "male" for
		// the Maldives), so it matches only a word with a capital letter.
		// TABARI projects keep their own matching.
		lone := len(pp.words) == 1 && !l.Stems
		ins(pp.words, hit{kind: hitPhoenix, idx: pp.entry, order: -pp.entry, lone: lone}, pp.phrase)
	}
	for _, ap := range l.agentPhrases {
		ins(ap.words, hit{kind: hitAgent, idx: ap.agent, order: -ap.agent}, ap.phrase)
	}
	order := int32(0)
	for i := range d.persons {
		p := &d.persons[i]
		order++
		for _, nm := range append([]string{p.name}, p.aliases...) {
			if w := l.words(nm); len(w) > 0 {
				ins(w, hit{kind: hitPerson, idx: int32(i), order: order}, phrase{})
			}
		}
		if p.surname != "" {
			d.root.insert([]string{p.surname}, hit{kind: hitSurname, idx: int32(i), order: order}, false, slab)
		}
	}
	for i := range d.offices {
		order++
		for _, t := range d.offices[i].titles {
			if w := l.words(t); len(w) > 0 {
				ins(w, hit{kind: hitTitle, idx: int32(i), order: order}, phrase{})
			}
		}
	}
	for i := range d.actors {
		order++
		for _, nm := range d.actors[i].names {
			if w := l.words(nm); len(w) > 0 {
				ins(w, hit{kind: hitActor, idx: int32(i), order: order}, phrase{})
			}
		}
	}
	for _, h := range honorifics {
		d.root.insert(l.words(h), hit{kind: hitHonorific, idx: -1}, false, slab)
	}
	for _, b := range bothPhrases {
		d.root.insert(l.words(b), hit{kind: hitBoth, idx: -1}, false, slab)
	}
	// The root's map was made for the shipped dictionaries; a TABARI
	// project's few hundred first words would be scattered over its
	// 32,768 slots, and every token's look-up would miss the cache.
	if m := d.root.m; len(m) < 1<<13 {
		d.root.m = make(map[string]*node, len(m))
		for k, c := range m {
			d.root.m[k] = c
		}
	}
}

// honorifics may precede a name: "Mr. Wang", "Secretary Blinken".
var honorifics = []string{
	"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Madam", "Madame",
	"Secretary", "Minister", "President", "Vice President", "Premier", "Vice Premier",
	"General", "Gen", "Gen.", "Admiral", "Adm", "Adm.", "Ambassador", "Senator", "Sen.",
	"Representative", "Rep.", "Speaker", "Governor", "Director", "Chairman", "Chair",
	"Councilor", "Counselor", "Spokesperson", "Spokesman", "Spokeswoman",
	"Deputy Secretary", "Under Secretary", "Assistant Secretary", "Vice Minister",
	"Deputy Minister", "Vice Chairman", "Foreign Minister", "Defense Minister",
}

// bothPhrases name the two parties of the dyad at once.
var bothPhrases = []string{
	"the two sides", "both sides", "the two countries", "both countries",
	"the two nations", "both nations", "the two governments", "both governments",
	"the two militaries", "both militaries", "the two delegations", "both delegations",
	"the two leaders", "both leaders", "the two presidents", "both presidents",
}

// nonState lists three-letter CAMEO codes that are not states: codes that
// start with one of them have no Country.
var nonState = map[string]bool{
	"IGO": true, "NGO": true, "NGM": true, "MNC": true, "IMG": true, "UIS": true,
	"MED": true, "ELI": true, "REB": true, "INS": true, "UAF": true, "OPP": true,
	"SPY": true, "CRM": true, "CVL": true, "BUS": true, "EDU": true, "HLH": true,
	"REL": true, "MOS": true, "CHR": true, "BUD": true, "HIN": true, "JEW": true,
	"JAN": true, "SHI": true, "SUN": true, "SIK": true, "DOX": true, "ITH": true,
	"GOV": true, "MIL": true, "COP": true, "JUD": true, "LEG": true, "PTY": true,
	"AGR": true, "LAB": true, "DEV": true, "HRI": true, "REF": true, "ENV": true,
	"WEU": true, "AFR": true, "ASA": true, "BLK": true, "CRB": true, "CAU": true,
	"CFR": true, "CAS": true, "CEU": true, "EIN": true, "EAF": true, "EEU": true,
	"EUR": true, "LAM": true, "MEA": true, "MDT": true, "NAF": true, "NMR": true,
	"PGS": true, "SCN": true, "SAM": true, "SAS": true, "SEA": true, "SAF": true,
	"WAF": true, "WST": true,
	// INT (international, "INTREB") and BAH (Baha'i) are not states either.
	"INT": true, "BAH": true,
}

// countryOf returns the state of a code ("CHNGOV" → "CHN"), or "", as an
// ISO-3 code: the legacy codes Phoenix still writes are mapped to today's
// (legacyISO).
func countryOf(code string) string {
	if len(code) < 3 || !isCountry3(code[:3]) || nonState[code[:3]] {
		return ""
	}
	if iso, ok := legacyISO[code[:3]]; ok {
		return iso
	}
	return code[:3]
}

// legacyISO maps the country parts of Phoenix codes that are not the
// state's ISO 3166-1 code to that code: East Timor is TMP in Phoenix (its
// pre-2002 code), TLS in ISO; UNITA is ANGREB (Angola, ISO AGO); Wallis
// and Futuna is FRNWLF (France). Actor.Code keeps what Phoenix writes.
var legacyISO = map[string]string{
	"TMP": "TLS", "ANG": "AGO", "FRN": "FRA",
}

// The shipped dictionaries, relative to the root of package dictionaries' FS.
const (
	fileCountries     = "phoenix/Phoenix.Countries.actors.txt"
	fileInternational = "phoenix/Phoenix.International.actors.txt"
	fileMilNonState   = "phoenix/Phoenix.MilNonState.actors.txt"
	fileAgents        = "phoenix/Phoenix.agents.txt"
	fileDyad          = "dyad.actors.txt"
)

// Default loads the shipped set from fsys, laid out as package
// dictionaries' FS, with a few common agent nouns Phoenix lacks
// ("OFFICIAL [~GOV]"), then the extra files (paths in fsys), and compiles
// them. An extra file whose first non-comment line starts with "office ",
// "person " or "actor " is in dyad format; one named *agents* is an agents
// dictionary; any other is a Phoenix actor dictionary. Extra files load
// after the shipped ones, so their dyad entries win.
//
// The error reports a file that cannot be read; problems inside files are
// diagnostics.
func Default(fsys fs.FS, extra ...string) (*Dictionary, dyad.DiagnosticList, error) {
	l := NewLoader()
	for _, f := range []struct {
		name string
		add  func(string, io.Reader)
	}{
		{fileCountries, nil},
		{fileInternational, nil},
		{fileMilNonState, nil},
		{fileAgents, l.AddAgents},
		{fileDyad, l.AddDyad},
	} {
		b, err := fs.ReadFile(fsys, f.name)
		if err != nil {
			return nil, nil, fmt.Errorf("read actor dictionary %s: %w", f.name, err)
		}
		if f.add == nil {
			l.addPhoenix(f.name, string(b))
			continue
		}
		f.add(f.name, bytes.NewReader(b))
		if f.name == fileAgents {
			l.AddAgents(builtinAgentsName, strings.NewReader(builtinAgents))
		}
	}
	for _, name := range extra {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, nil, dyad.Errorf(dyad.EINVALID, "actor dictionary %s does not exist", name)
			}
			return nil, nil, fmt.Errorf("read actor dictionary %s: %w", name, err)
		}
		switch {
		case isDyadFormat(b):
			l.AddDyad(name, bytes.NewReader(b))
		case strings.Contains(strings.ToLower(path.Base(name)), "agents"):
			l.AddAgents(name, bytes.NewReader(b))
		default:
			l.AddPhoenix(name, bytes.NewReader(b))
		}
	}
	d, diags := l.Compile()
	return d, diags, nil
}

// isDyadFormat reports whether the first non-comment line of b starts a
// dyad block.
func isDyadFormat(b []byte) bool {
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		if line == "" {
			continue
		}
		return strings.HasPrefix(line, "office ") || strings.HasPrefix(line, "person ") || strings.HasPrefix(line, "actor ")
	}
	return false
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// sortedSet returns the distinct strings of ws, sorted; nil for none.
func sortedSet(ws []string) []string {
	if len(ws) == 0 {
		return nil
	}
	out := slices.Clone(ws)
	slices.Sort(out)
	return slices.Compact(out)
}
