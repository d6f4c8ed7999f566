package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
	"testing/fstest"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/dictionaries"
	"github.com/dyad-dev/dyad/internal/actors"
	"github.com/dyad-dev/dyad/internal/coding"
	"github.com/dyad-dev/dyad/internal/dates"
	"github.com/dyad-dev/dyad/internal/eval"
	"github.com/dyad-dev/dyad/internal/pipeline"
	"github.com/dyad-dev/dyad/internal/text"
)

// DictCommand groups the dictionary tools: check validates dictionary
// files, explain shows how a sentence is coded.
type DictCommand struct {
	Env *Env
}

const dictUsage = `Usage: dyad dict check [FILE...]
       dyad dict explain [flags] "SENTENCE" | -

Subcommands:

	check     validate dictionary files; list every problem as file:line: message
	explain   show why a sentence is coded as it is: tokens, actor mentions,
	          dates, and for each event its verb pattern and the reasons for
	          its source, target and status

Run 'dyad dict <subcommand> -h' for its flags.
`

// Run dispatches to the subcommand.
func (c *DictCommand) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(c.Env.Stderr, dictUsage)
		return dyad.Errorf(dyad.EINVALID, "dict needs a subcommand: check or explain")
	}
	switch args[0] {
	case "check":
		return (&DictCheckCommand{Env: c.Env}).Run(ctx, args[1:])
	case "explain":
		return (&DictExplainCommand{Env: c.Env}).Run(ctx, args[1:])
	case "-h", "-help", "--help", "help":
		fmt.Fprint(c.Env.Stderr, dictUsage)
		return flag.ErrHelp
	}
	fmt.Fprint(c.Env.Stderr, dictUsage)
	return dyad.Errorf(dyad.EINVALID, "unknown dict subcommand %q: want check or explain", args[0])
}

// DictCheckCommand validates dictionary files.
type DictCheckCommand struct {
	Env *Env
}

// Run parses args and checks the files.
func (c *DictCheckCommand) Run(ctx context.Context, args []string) error {
	fs := newFlagSet(c.Env, "dict check", "[FILE...]",
		"Loads each dictionary file as 'dyad code --dict' would and prints every\n"+
			"problem as file:line: message, then one summary line per file (what was\n"+
			"loaded, how many problems). A bad line never stops the rest of the file.\n"+
			"The kind of a file: dyad actors when its first line that is not a comment\n"+
			"starts with office, person or actor; verb patterns when its name contains\n"+
			"verb (PETRARCH-1 blocks, or TABARI's flat syntax for a .verbs file, which\n"+
			"is converted first); an issue dictionary when it contains issue; an agents\n"+
			"dictionary when it contains agents; otherwise Phoenix/TABARI actors.\n"+
			"Without FILE, checks the shipped dictionaries (upstream Phoenix files have\n"+
			"a few known malformed lines). The exit code is 1 when a FILE has problems.")
	if err := fs.Parse(args); err != nil {
		return err
	}
	w := bufio.NewWriter(c.Env.Stdout)
	ck := &checker{}
	if fs.NArg() == 0 {
		for _, name := range shippedDicts {
			ck.check(overlay{dictionaries.FS}, name, "dictionaries/"+name, shippedBase[name]).write(w)
		}
		cb, err := coding.LoadCodebook(dictionaries.FS, coding.CAMEOCodes, coding.PLOVERMap)
		if err != nil {
			fmt.Fprintf(w, "dictionaries/%s: %v\n", coding.CAMEOCodes, err)
		} else {
			fmt.Fprintf(w, "dictionaries/%s: %d CAMEO codes (with %s), 0 problems\n", coding.CAMEOCodes, cb.Len(), coding.PLOVERMap)
		}
		return w.Flush()
	}
	problems := 0
	for _, p := range fs.Args() {
		r := ck.check(overlay{dictionaries.FS}, diskPrefix+p, p, nil)
		r.write(w)
		problems += len(r.diags)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if problems > 0 {
		return errPartial
	}
	return nil
}

// shippedDicts are the shipped dictionary files that dyad loads, in the
// order it loads them.
var shippedDicts = []string{
	"phoenix/Phoenix.Countries.actors.txt",
	"phoenix/Phoenix.International.actors.txt",
	"phoenix/Phoenix.MilNonState.actors.txt",
	"phoenix/Phoenix.agents.txt",
	"dyad.actors.txt",
	coding.PhoenixVerbs,
	coding.DyadVerbs,
	coding.DyadIssues,
}

// shippedBase names, for a shipped file that refers to another, the files
// loaded before it (dyad's verbs use Phoenix synsets).
var shippedBase = map[string][]string{
	coding.DyadVerbs: {coding.PhoenixVerbs},
}

// userBase are the files loaded before a user file of a kind, as
// loadKnowledge does, so that references into them (an office holder
// defined in dyad.actors.txt, a synset of the Phoenix verbs) resolve.
var userBase = map[dictKind][]string{
	kindDyad:  {"dyad.actors.txt"},
	kindVerbs: {coding.PhoenixVerbs, coding.DyadVerbs},
}

// dictKind is what a dictionary file holds.
type dictKind int

const (
	kindPhoenix dictKind = iota
	kindAgents
	kindDyad
	kindVerbs
	kindTABARIVerbs
	kindIssues
)

func (k dictKind) String() string {
	switch k {
	case kindAgents:
		return "agents"
	case kindDyad:
		return "dyad actors"
	case kindVerbs:
		return "verb patterns"
	case kindTABARIVerbs:
		return "TABARI verbs, converted to PETRARCH-1 blocks"
	case kindIssues:
		return "issues"
	}
	return "Phoenix actors"
}

// kindOf says what the file name holds, by its name and content, in the
// order loadKnowledge and actors.Default decide.
func kindOf(name string, data []byte) dictKind {
	base := strings.ToLower(path.Base(name))
	switch {
	case strings.Contains(base, "verb"):
		if strings.HasSuffix(base, ".verbs") || !hasBlockLine(data) {
			return kindTABARIVerbs
		}
		return kindVerbs
	case strings.Contains(base, "issue"):
		return kindIssues
	case isDyadActors(data):
		return kindDyad
	case strings.Contains(base, "agents"):
		return kindAgents
	}
	return kindPhoenix
}

// hasBlockLine reports whether data has a PETRARCH-1 block line "--- ".
func hasBlockLine(data []byte) bool {
	for line := range bytes.Lines(data) {
		if bytes.HasPrefix(bytes.TrimSpace(line), []byte("---")) {
			return true
		}
	}
	return false
}

// isDyadActors reports whether the first line of data that is not blank or
// a '#' comment starts a dyad actor block.
func isDyadActors(data []byte) bool {
	for line := range bytes.Lines(data) {
		if i := bytes.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		s := string(bytes.TrimSpace(line))
		if s == "" {
			continue
		}
		return strings.HasPrefix(s, "office ") || strings.HasPrefix(s, "person ") || strings.HasPrefix(s, "actor ")
	}
	return false
}

// A checkReport is the result of checking one file.
type checkReport struct {
	display string
	kind    dictKind
	loaded  string // "1234 entries (567 phrases)"
	diags   dyad.DiagnosticList
}

// write prints the problems and the summary line.
func (r *checkReport) write(w io.Writer) {
	for _, d := range r.diags {
		fmt.Fprintln(w, d.String())
	}
	fmt.Fprintf(w, "%s: %s: %s loaded, %s\n", r.display, r.kind, r.loaded, plural(len(r.diags), "problem"))
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// checker checks files, keeping the verb patterns of base files so each
// is counted once.
type checker struct {
	basePatterns map[string]int
}

// check loads the file name from fsys (shown as display) after the files
// in base (nil: the defaults for its kind when name is a user file) and
// reports its problems. A file that cannot be read is one problem.
func (ck *checker) check(fsys fs.FS, name, display string, base []string) *checkReport {
	r := &checkReport{display: display}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		r.loaded = "nothing"
		r.diags = dyad.DiagnosticList{{Source: display, Msg: "cannot read: " + unwrapPath(err)}}
		return r
	}
	r.kind = kindOf(name, data)
	if base == nil && strings.HasPrefix(name, diskPrefix) {
		base = userBase[r.kind]
	}
	// own keeps the diagnostics of this file, named as the user named it.
	own := func(l dyad.DiagnosticList) {
		for _, d := range l {
			if d.Source == name {
				d.Source = display
				r.diags = append(r.diags, d)
			}
		}
	}
	switch r.kind {
	case kindPhoenix, kindAgents, kindDyad:
		l := actors.NewLoader()
		adder(l, r.kind)(name, bytes.NewReader(data))
		d, diags := l.Compile()
		entries, agents, people, offices, acts, phrases := d.Sizes()
		switch r.kind {
		case kindPhoenix:
			r.loaded = fmt.Sprintf("%d entries (%d phrases)", entries, phrases)
		case kindAgents:
			r.loaded = fmt.Sprintf("%d agents (%d phrases)", agents, phrases)
		case kindDyad:
			r.loaded = fmt.Sprintf("%d people, %d offices, %d actors (%d phrases)", people, offices, acts, phrases)
		}
		if len(base) > 0 {
			// Cross-references (office holders) resolve against base:
			// compile again with it and keep this file's problems.
			l := actors.NewLoader()
			for _, b := range base {
				bd, err := fs.ReadFile(fsys, b)
				if err != nil {
					return ck.fail(r, err)
				}
				l.AddDyad(b, bytes.NewReader(bd))
			}
			adder(l, r.kind)(name, bytes.NewReader(data))
			_, diags = l.Compile()
		}
		own(diags)
	case kindVerbs:
		v, diags, err := coding.LoadVerbs(fsys, append(append([]string(nil), base...), name)...)
		if err != nil {
			return ck.fail(r, err)
		}
		n, err := ck.patterns(fsys, base)
		if err != nil {
			return ck.fail(r, err)
		}
		r.loaded = plural(v.Patterns()-n, "pattern")
		own(diags)
	case kindTABARIVerbs:
		conv, lines := eval.ConvertTABARIVerbsLines(data)
		v, diags, err := coding.LoadVerbs(fstest.MapFS{name: {Data: conv}}, name)
		if err != nil {
			return ck.fail(r, err)
		}
		r.loaded = plural(v.Patterns(), "pattern")
		for i := range diags {
			if l := diags[i].Line; l > 0 && l <= len(lines) {
				diags[i].Line = lines[l-1]
			}
		}
		own(diags)
	case kindIssues:
		is, diags, err := coding.LoadIssues(fsys, name)
		if err != nil {
			return ck.fail(r, err)
		}
		r.loaded = plural(len(is.Names()), "issue")
		own(diags)
	}
	return r
}

// adder returns the method of l that reads an actor file of kind k.
func adder(l *actors.Loader, k dictKind) func(string, io.Reader) {
	switch k {
	case kindAgents:
		return l.AddAgents
	case kindDyad:
		return l.AddDyad
	}
	return l.AddPhoenix
}

// patterns returns the number of verb patterns in the files base.
func (ck *checker) patterns(fsys fs.FS, base []string) (int, error) {
	if len(base) == 0 {
		return 0, nil
	}
	key := strings.Join(base, "\x00")
	if n, ok := ck.basePatterns[key]; ok {
		return n, nil
	}
	v, _, err := coding.LoadVerbs(fsys, base...)
	if err != nil {
		return 0, err
	}
	if ck.basePatterns == nil {
		ck.basePatterns = map[string]int{}
	}
	ck.basePatterns[key] = v.Patterns()
	return v.Patterns(), nil
}

// fail records that r's file could not be loaded at all.
func (ck *checker) fail(r *checkReport, err error) *checkReport {
	r.loaded = "nothing"
	r.diags = append(r.diags, dyad.Diagnostic{Source: r.display, Msg: "cannot load: " + strings.ReplaceAll(err.Error(), diskPrefix, "")})
	return r
}

// unwrapPath returns the message of a *fs.PathError without its path,
// which the caller already names.
func unwrapPath(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

// readSentence returns the sentence of args, or stdin when args is empty
// or "-".
func readSentence(env *Env, args []string) (string, error) {
	if len(args) == 0 || len(args) == 1 && args[0] == "-" {
		data, err := io.ReadAll(io.LimitReader(env.Stdin, 1<<20+1))
		if err != nil {
			return "", fmt.Errorf("read stdin: %w", err)
		}
		if len(data) > 1<<20 {
			return "", dyad.Errorf(dyad.ETOOLARGE, "stdin: larger than 1 MiB; explain is for a sentence or a paragraph")
		}
		return strings.TrimSpace(string(data)), nil
	}
	return strings.TrimSpace(strings.Join(args, " ")), nil
}

// DictExplainCommand shows how a sentence is coded.
type DictExplainCommand struct {
	Env   *Env
	Dyad  string
	Date  string
	Side  string
	Dicts stringList
	JSON  bool
}

// Run parses args and explains.
func (c *DictExplainCommand) Run(ctx context.Context, args []string) error {
	fs := newFlagSet(c.Env, "dict explain", `[flags] "SENTENCE" | -`,
		"Codes the sentence (or paragraph; - or nothing reads stdin) with the same\n"+
			"dictionaries and analyzer as 'dyad code' and shows why: its tokens; each\n"+
			"actor mention with its span, code, person, office, level, the rule that\n"+
			"resolved it and the dictionary entry; each date expression resolved; and\n"+
			"for each event its CAMEO code and name, status, verb pattern (block, code,\n"+
			"pattern), the words matched, and why it has its source, target and status.\n"+
			"Relative dates resolve against --date, else today.")
	fs.StringVar(&c.Dyad, "dyad", DefaultDyad, "the pair of states coded, `A-B`")
	fs.StringVar(&c.Date, "date", "", "document date `YYYY-MM-DD` (relative dates resolve against it)")
	fs.StringVar(&c.Side, "side", "", "authoring side, a country `code` such as USA or CHN")
	fs.Var(&c.Dicts, "dict", "extra dictionary `file` (repeatable; as for 'dyad code')")
	fs.BoolVar(&c.JSON, "json", false, "print one JSON object")
	// Flags may follow the sentence.
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	d, err := parseDyad(c.Dyad)
	if err != nil {
		return err
	}
	date, err := parseDate("date", c.Date)
	if err != nil {
		return err
	}
	sentence, err := readSentence(c.Env, pos)
	if err != nil {
		return err
	}
	if sentence == "" {
		fs.Usage()
		return dyad.Errorf(dyad.EINVALID, "explain needs a sentence (or - to read it from stdin)")
	}
	k, err := loadKnowledge(c.Dicts)
	if err != nil {
		return err
	}
	printDiagnostics(c.Env, k.Diagnostics)
	rep := explain(newAnalyzer(k, d), sentence, date, dyad.NormalizeSide(c.Side))
	if c.JSON {
		enc := json.NewEncoder(c.Env.Stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(rep)
	}
	w := bufio.NewWriter(c.Env.Stdout)
	rep.writeText(w)
	return w.Flush()
}

// An explainReport is what 'dict explain' prints; its JSON form is the
// --json output.
type explainReport struct {
	Text        string            `json:"text"`
	Date        string            `json:"date"`
	DateNote    string            `json:"date_note,omitempty"`
	Side        string            `json:"side,omitempty"`
	Dyad        [2]string         `json:"dyad"`
	Sentences   []explainSentence `json:"sentences"`
	Diagnostics []dyad.Diagnostic `json:"diagnostics,omitempty"`
}

type explainSentence struct {
	Index    int              `json:"index"`
	Span     dyad.Span        `json:"span"`
	Text     string           `json:"text"`
	Tokens   []explainToken   `json:"tokens"`
	Mentions []explainMention `json:"mentions"`
	Dates    []explainDate    `json:"dates"`
	Events   []explainEvent   `json:"events"`
}

type explainToken struct {
	Index int       `json:"index"`
	Text  string    `json:"text"`
	Norm  string    `json:"norm"`
	Kind  string    `json:"kind"`
	Span  dyad.Span `json:"span"`
}

type explainMention struct {
	explainActor
	Span  dyad.Span `json:"span"`
	Rule  string    `json:"rule"`
	Entry string    `json:"entry,omitempty"`
}

type explainActor struct {
	Text    string     `json:"text"`
	Code    string     `json:"code"`
	Country string     `json:"country,omitempty"`
	Person  string     `json:"person,omitempty"`
	Office  string     `json:"office,omitempty"`
	Level   dyad.Level `json:"level,omitempty"`
}

type explainDate struct {
	Text      string         `json:"text"`
	Span      dyad.Span      `json:"span"`
	Start     string         `json:"start"`
	End       string         `json:"end"`
	Precision dyad.Precision `json:"precision"`
	Relative  bool           `json:"relative,omitempty"`
	Open      bool           `json:"open,omitempty"`
}

type explainEvent struct {
	CAMEO         string         `json:"cameo"`
	Name          string         `json:"cameo_name"`
	PLOVER        string         `json:"plover,omitempty"`
	Goldstein     float64        `json:"goldstein"`
	Status        dyad.Status    `json:"status"`
	Source        explainActor   `json:"source"`
	Target        *explainActor  `json:"target"`
	Date          string         `json:"date"`
	DateEnd       string         `json:"date_end"`
	DatePrecision dyad.Precision `json:"date_precision"`
	DateFromDoc   bool           `json:"date_from_doc,omitempty"`
	Pattern       explainPattern `json:"pattern"`
	Verb          string         `json:"verb"`
	VerbSpan      dyad.Span      `json:"verb_span"`
	Matched       []string       `json:"matched"`
	Why           explainWhy     `json:"why"`
	Issues        []string       `json:"issues,omitempty"`
	Location      string         `json:"location,omitempty"`
	Object        string         `json:"object,omitempty"`
}

// explainPattern is a verb pattern split into its parts: Raw
// "MEET [040] - * WITH +" is block MEET, code 040, text "- * WITH +".
type explainPattern struct {
	Raw   string `json:"raw"`
	Block string `json:"block"`
	Code  string `json:"code"`
	Text  string `json:"text"`
}

type explainWhy struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Status string `json:"status"`
}

// explain analyzes src as a document dated date (today when zero) from
// side, and explains every sentence of it.
func explain(an *pipeline.Analyzer, src string, date time.Time, side string) *explainReport {
	rep := &explainReport{Text: src, Side: side, Dyad: an.Dyad, Sentences: []explainSentence{}}
	if date.IsZero() {
		// Set here, not left to the analyzer, so the explanation and the
		// analysis resolve against the same day.
		date = time.Now().UTC().Truncate(24 * time.Hour)
		rep.DateNote = "no --date: relative dates resolve against today"
	}
	rep.Date = date.Format("2006-01-02")
	doc := &dyad.Document{Source: "explain", Text: src, Date: date, Side: side, Lang: "en", Format: "txt"}
	b := an.Analyze(doc)
	rep.Diagnostics = b.Diagnostics

	// The coder is run again on each sentence, with the mentions the
	// analyzer found, to get its reasons; tokens and dates are found the
	// way the analyzer finds them.
	var (
		tok      = text.Tokenizer{KeepPunct: true}
		resolver dates.Resolver
		anchor   time.Time
		next     int
	)
	for _, s := range b.Sentences {
		es := explainSentence{Index: s.Index, Span: s.Span, Text: doc.Slice(s.Span),
			Tokens: []explainToken{}, Mentions: []explainMention{}, Dates: []explainDate{}, Events: []explainEvent{}}
		toks := tok.Tokenize(doc.Text, s.Span)
		for i, t := range toks {
			es.Tokens = append(es.Tokens, explainToken{Index: i, Text: doc.Slice(t.Span), Norm: t.Norm, Kind: kindName(t.Kind), Span: t.Span})
		}
		first := next
		for next < len(b.Mentions) && b.Mentions[next].Sentence == s.Index {
			m := &b.Mentions[next]
			es.Mentions = append(es.Mentions, explainMention{explainActor: actorOf(&m.Actor), Span: m.Span, Rule: m.Rule, Entry: m.Entry})
			next++
		}
		ds := resolver.Find(doc.Text, s.Span, date, anchor)
		for _, d := range ds {
			es.Dates = append(es.Dates, explainDate{Text: doc.Slice(d.Span), Span: d.Span, Start: isoDay(d.Start), End: isoDay(d.End),
				Precision: d.Precision, Relative: d.Relative, Open: d.Open})
		}
		exs := an.Coder.Explain(coding.Input{Text: doc.Text, DocDate: date, Side: side, Sentence: s,
			Tokens: toks, Mentions: b.Mentions[first:next], Dates: ds, Dyad: an.Dyad})
		for i := range exs {
			es.Events = append(es.Events, explainEventOf(an.Coder, &exs[i]))
		}
		for _, d := range ds {
			if !d.Relative && !d.Open {
				anchor = d.Start
			}
		}
		rep.Sentences = append(rep.Sentences, es)
	}
	return rep
}

func explainEventOf(cd *coding.Coder, x *coding.Explanation) explainEvent {
	e := &x.Event
	ev := explainEvent{CAMEO: e.CAMEO, PLOVER: e.PLOVER, Goldstein: e.Goldstein, Status: e.Status,
		Source: actorOf(&e.Source), Date: isoDay(e.Date), DateEnd: isoDay(e.DateEnd), DatePrecision: e.DatePrecision,
		DateFromDoc: e.DateFromDoc, Pattern: splitPattern(x.Pattern), Verb: x.Verb, VerbSpan: e.Verb,
		Matched: x.Matched, Why: explainWhy{Source: x.Source, Target: x.Target, Status: x.Status},
		Issues: e.Issues, Location: e.Location, Object: e.Object}
	if ev.Matched == nil {
		ev.Matched = []string{}
	}
	if c, ok := cd.Codebook.Lookup(e.CAMEO); ok {
		ev.Name = c.Name
	}
	if e.Target != nil {
		t := actorOf(e.Target)
		ev.Target = &t
	}
	return ev
}

// splitPattern splits "BLOCK [CODE] - PATTERN" into its parts; a string
// not of that form is all Text.
func splitPattern(raw string) explainPattern {
	p := explainPattern{Raw: raw, Text: raw}
	i := strings.Index(raw, " [")
	if i < 0 {
		return p
	}
	j := strings.IndexByte(raw[i:], ']')
	if j < 0 {
		return p
	}
	p.Block = raw[:i]
	p.Code = strings.TrimSpace(raw[i+2 : i+j])
	p.Text = strings.TrimSpace(raw[i+j+1:])
	return p
}

func actorOf(a *dyad.Actor) explainActor {
	return explainActor{Text: a.Text, Code: a.Code, Country: a.Country, Person: a.Person, Office: a.Office, Level: a.Level}
}

func kindName(k dyad.TokenKind) string {
	switch k {
	case dyad.Number:
		return "number"
	case dyad.Punct:
		return "punct"
	}
	return "word"
}

func isoDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// writeText prints the report for a reader.
func (r *explainReport) writeText(w io.Writer) {
	fmt.Fprintf(w, "Date %s", r.Date)
	if r.DateNote != "" {
		fmt.Fprintf(w, " (%s)", r.DateNote)
	}
	side := r.Side
	if side == "" {
		side = "none"
	}
	fmt.Fprintf(w, ", side %s, dyad %s-%s\n", side, r.Dyad[0], r.Dyad[1])
	for _, d := range r.Diagnostics {
		fmt.Fprintln(w, "note:", d.Msg)
	}
	for _, s := range r.Sentences {
		fmt.Fprintf(w, "\nSentence %d [%d:%d]: %s\n", s.Index+1, s.Span.Start, s.Span.End, s.Text)

		fmt.Fprintf(w, "\nTokens (%d):\n", len(s.Tokens))
		line := " "
		for _, t := range s.Tokens {
			item := fmt.Sprintf(" %d:%s", t.Index, t.Text)
			if len(line)+len(item) > 78 {
				fmt.Fprintln(w, line)
				line = " "
			}
			line += item
		}
		fmt.Fprintln(w, line)

		fmt.Fprintf(w, "\nActor mentions (%d):\n", len(s.Mentions))
		for _, m := range s.Mentions {
			fmt.Fprintf(w, "  %q [%d:%d] %s\n", m.Text, m.Span.Start, m.Span.End, actorDetail(&m.explainActor))
			fmt.Fprintf(w, "      rule %s", m.Rule)
			if m.Entry != "" {
				fmt.Fprintf(w, ", entry %q", m.Entry)
			}
			fmt.Fprintln(w)
		}

		fmt.Fprintf(w, "\nDates (%d):\n", len(s.Dates))
		for _, d := range s.Dates {
			fmt.Fprintf(w, "  %q [%d:%d] -> %s", d.Text, d.Span.Start, d.Span.End, d.Start)
			if d.End != d.Start {
				fmt.Fprintf(w, " to %s", d.End)
			}
			fmt.Fprintf(w, " (%s", d.Precision)
			if d.Relative {
				fmt.Fprint(w, ", relative")
			}
			if d.Open {
				fmt.Fprint(w, ", open-ended")
			}
			fmt.Fprintln(w, ")")
		}

		fmt.Fprintf(w, "\nEvents (%d):\n", len(s.Events))
		for i, e := range s.Events {
			name := e.Name
			if name == "" {
				name = "(not in the codebook)"
			}
			fmt.Fprintf(w, "  %d. %s %s, %s, Goldstein %g\n", i+1, e.CAMEO, name, e.Status, e.Goldstein)
			fmt.Fprintf(w, "     pattern  %s", e.Pattern.Raw)
			if e.Pattern.Block != "" {
				fmt.Fprintf(w, "  (block %s, code %s)", e.Pattern.Block, e.Pattern.Code)
			}
			fmt.Fprintln(w)
			fmt.Fprintf(w, "     verb     %q [%d:%d]", e.Verb, e.VerbSpan.Start, e.VerbSpan.End)
			if len(e.Matched) > 0 {
				fmt.Fprintf(w, ", matched %s", strings.Join(e.Matched, " "))
			}
			fmt.Fprintln(w)
			fmt.Fprintf(w, "     source   %s: %s\n", actorDetail(&e.Source), orDash(e.Why.Source))
			if e.Target != nil {
				fmt.Fprintf(w, "     target   %s: %s\n", actorDetail(e.Target), orDash(e.Why.Target))
			} else {
				fmt.Fprintf(w, "     target   none: %s\n", orDash(e.Why.Target))
			}
			fmt.Fprintf(w, "     status   %s: %s\n", e.Status, orDash(e.Why.Status))
			fmt.Fprintf(w, "     date     %s", e.Date)
			if e.DateEnd != "" && e.DateEnd != e.Date {
				fmt.Fprintf(w, " to %s", e.DateEnd)
			}
			fmt.Fprintf(w, " (%s", e.DatePrecision)
			if e.DateFromDoc {
				fmt.Fprint(w, ", the document's date")
			}
			fmt.Fprintln(w, ")")
			if len(e.Issues) > 0 || e.Location != "" || e.Object != "" {
				fmt.Fprintf(w, "     also    ")
				if len(e.Issues) > 0 {
					fmt.Fprintf(w, " issues %s", strings.Join(e.Issues, ", "))
				}
				if e.Location != "" {
					fmt.Fprintf(w, " location %q", e.Location)
				}
				if e.Object != "" {
					fmt.Fprintf(w, " object %q", e.Object)
				}
				fmt.Fprintln(w)
			}
		}
	}
}

// actorDetail is "USAGOV Antony Blinken, Secretary of State (minister)".
func actorDetail(a *explainActor) string {
	s := a.Code
	if s == "" {
		s = "(both sides of the dyad)"
	}
	if a.Person != "" {
		s += " " + a.Person
	}
	if a.Office != "" {
		s += ", " + a.Office
	}
	if a.Level != "" {
		s += " (" + string(a.Level) + ")"
	}
	return s
}
