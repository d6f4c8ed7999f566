package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/dictionaries"
	"github.com/dyad-dev/dyad/internal/actors"
	"github.com/dyad-dev/dyad/internal/analytics"
	"github.com/dyad-dev/dyad/internal/coding"
	"github.com/dyad-dev/dyad/internal/pipeline"
	"github.com/dyad-dev/dyad/internal/record"
	"github.com/dyad-dev/dyad/internal/sqlite"
)

// DefaultDB is the database path when neither --db nor DYAD_DB is given.
const DefaultDB = "dyad.db"

// DefaultDyad is the pair of states coded when --dyad is not given.
const DefaultDyad = "USA-CHN"

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(s string) error { *l = append(*l, s); return nil }

// newFlagSet returns a flag set that prints its usage to env.Stderr with a
// one-line synopsis and description.
func newFlagSet(env *Env, name, synopsis, about string) *flag.FlagSet {
	fs := flag.NewFlagSet("dyad "+name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "Usage: dyad %s %s\n\n%s\n\nFlags:\n", name, synopsis, about)
		fs.PrintDefaults()
	}
	return fs
}

// dbFlag adds --db with its documented default.
func dbFlag(fs *flag.FlagSet, env *Env, p *string) {
	def := DefaultDB
	if v := env.Getenv("DYAD_DB"); v != "" {
		def = v
	}
	fs.StringVar(p, "db", def, "SQLite database `path` (env DYAD_DB)")
}

// openDB opens the database at path; create says whether a missing file may
// be created (ingest) or is an error (queries).
func openDB(path string, create bool) (*sqlite.DB, error) {
	if !create && path != ":memory:" {
		if _, err := os.Stat(path); err != nil {
			return nil, dyad.Errorf(dyad.ENOTFOUND, "no database at %s (run 'dyad ingest' or 'dyad demo' first, or pass --db)", path)
		}
	}
	db := sqlite.NewDB(path)
	if err := db.Open(); err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return db, nil
}

// parseDyad parses "USA-CHN" into two country codes.
func parseDyad(s string) ([2]string, error) {
	a, b, ok := strings.Cut(strings.ToUpper(strings.TrimSpace(s)), "-")
	if !ok || len(a) != 3 || len(b) != 3 || a == b {
		return [2]string{}, dyad.Errorf(dyad.EINVALID, "invalid --dyad %q: want two different 3-letter country codes such as USA-CHN", s)
	}
	return [2]string{a, b}, nil
}

// parseDate parses a YYYY-MM-DD flag value; "" is the zero time.
func parseDate(name, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, dyad.Errorf(dyad.EINVALID, "invalid --%s %q: want YYYY-MM-DD", name, s)
	}
	return t, nil
}

// Knowledge is the compiled dictionaries a coding run needs.
type Knowledge struct {
	Actors *actors.Dictionary
	Coder  *coding.Coder
	// Diagnostics are problems in the user's own dictionary files.
	Diagnostics dyad.DiagnosticList
}

// loadKnowledge compiles the shipped dictionaries plus the user's files.
// A user file is an actor dictionary unless its name says it holds verbs
// ("verb"), agents ("agent") or issues ("issue").
func loadKnowledge(extra []string) (*Knowledge, error) {
	return loadKnowledgeFor(extra, false, false)
}

// loadKnowledgeFor is loadKnowledge for a caller that replaces the actor
// dictionary (noActors) or the verb dictionary (noVerbs) with its own:
// the shipped dictionary of that kind is then not compiled, unless extra
// names files of that kind (they are loaded over the shipped ones as
// loadKnowledge does, so that their problems are still reported). The
// Knowledge's Actors or Coder.Verbs are then nil for the caller to set.
func loadKnowledgeFor(extra []string, noActors, noVerbs bool) (*Knowledge, error) {
	var actorFiles []string
	var verbFiles []string
	var issueFiles []string
	for _, p := range extra {
		if _, err := os.Stat(p); err != nil {
			return nil, dyad.Errorf(dyad.EINVALID, "dictionary %s: %v", p, err)
		}
		base := strings.ToLower(filepath.Base(p))
		switch {
		case strings.Contains(base, "verb"):
			verbFiles = append(verbFiles, p)
		case strings.Contains(base, "issue"):
			issueFiles = append(issueFiles, p)
		default:
			actorFiles = append(actorFiles, p)
		}
	}
	k := &Knowledge{}
	fsys := overlay{dictionaries.FS}
	// The actor and verb dictionaries compile independently; doing both at
	// once takes the start-up of every coding command from the sum of the
	// two to the longer one.
	var (
		wg         sync.WaitGroup
		actorDiags dyad.DiagnosticList
		actorErr   error
	)
	if !noActors || len(actorFiles) > 0 {
		wg.Go(func() {
			k.Actors, actorDiags, actorErr = actors.Default(fsys, diskNames(actorFiles)...)
		})
	}
	var diags dyad.DiagnosticList
	var err error
	if !noVerbs || len(verbFiles) > 0 {
		k.Coder, diags, err = coding.Default(dictionaries.FS)
	} else {
		k.Coder, diags, err = shippedCoderWithoutVerbs()
	}
	wg.Wait()
	if actorErr != nil {
		return nil, fmt.Errorf("actor dictionaries: %w", actorErr)
	}
	if err != nil {
		return nil, fmt.Errorf("verb dictionaries: %w", err)
	}
	k.Diagnostics = append(k.Diagnostics, userDiagnostics(actorDiags)...)
	k.Diagnostics = append(k.Diagnostics, userDiagnostics(diags)...)
	if len(verbFiles) > 0 {
		names := append([]string{"phoenix/CAMEO.verbpatterns.150430.txt", "dyad.verbs.txt"}, diskNames(verbFiles)...)
		v, diags, err := coding.LoadVerbs(fsys, names...)
		if err != nil {
			return nil, fmt.Errorf("verb dictionaries: %w", err)
		}
		k.Diagnostics = append(k.Diagnostics, userDiagnostics(diags)...)
		k.Coder.Verbs = v
	}
	if len(issueFiles) > 0 {
		// The last issue file given replaces the shipped one.
		is, diags, err := coding.LoadIssues(fsys, diskNames(issueFiles)[len(issueFiles)-1])
		if err != nil {
			return nil, fmt.Errorf("issue dictionary: %w", err)
		}
		k.Diagnostics = append(k.Diagnostics, userDiagnostics(diags)...)
		k.Coder.Issues = is
	}
	return k, nil
}

// shippedCoderWithoutVerbs is coding.Default without its verb
// dictionary: the shipped codebook and issues, for a caller that brings
// its own verbs.
func shippedCoderWithoutVerbs() (*coding.Coder, dyad.DiagnosticList, error) {
	cb, err := coding.LoadCodebook(dictionaries.FS, coding.CAMEOCodes, coding.PLOVERMap)
	if err != nil {
		return nil, nil, err
	}
	is, diags, err := coding.LoadIssues(dictionaries.FS, coding.DyadIssues)
	if err != nil {
		return nil, diags, err
	}
	return &coding.Coder{Codebook: cb, Issues: is}, diags, nil
}

// diskPrefix marks names that overlay resolves on disk rather than in the
// embedded dictionaries.
const diskPrefix = "disk:"

func diskNames(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = diskPrefix + p
	}
	return out
}

// userDiagnostics keeps the diagnostics of the user's own files: problems
// in the shipped upstream files are listed by 'dyad dict check'.
func userDiagnostics(l dyad.DiagnosticList) dyad.DiagnosticList {
	var out dyad.DiagnosticList
	for _, d := range l {
		if strings.HasPrefix(d.Source, diskPrefix) {
			d.Source = strings.TrimPrefix(d.Source, diskPrefix)
			out = append(out, d)
		}
	}
	return out
}

// overlay is the embedded dictionaries plus files on disk named with
// diskPrefix, so loaders that read an fs.FS see both.
type overlay struct{ embedded fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	if p, ok := strings.CutPrefix(name, diskPrefix); ok {
		return os.Open(p)
	}
	return o.embedded.Open(name)
}

// newAnalyzer builds the analyzer for a dyad from loaded knowledge.
func newAnalyzer(k *Knowledge, d [2]string) *pipeline.Analyzer {
	return &pipeline.Analyzer{Actors: k.Actors, Coder: k.Coder, Dyad: d}
}

// printDiagnostics writes user dictionary problems to stderr as warnings.
func printDiagnostics(env *Env, l dyad.DiagnosticList) {
	for _, d := range l {
		fmt.Fprintln(env.Stderr, "dyad: warning:", d.String())
	}
}

// closeDB closes db, keeping the first error.
func closeDB(db *sqlite.DB, err *error) {
	if cerr := db.Close(); cerr != nil && *err == nil {
		*err = cerr
	}
}

// settingsFlags are the registry, library and weights files a command may
// add to or replace the shipped ones with.
type settingsFlags struct {
	registry stringList // extra channel registries
	library  stringList // extra formulation libraries
	index    string     // index weights replacing the shipped file
}

// settings loads the shipped registries and weights plus the user's files,
// printing problems in the user's files as warnings.
func (f *settingsFlags) settings(env *Env) (*record.Settings, error) {
	s := &record.Settings{}
	var diags dyad.DiagnosticList
	parse := func(name string, user bool, p func(string, io.Reader) (dyad.DiagnosticList, error)) error {
		var r io.ReadCloser
		var err error
		if user {
			r, err = os.Open(name)
		} else {
			r, err = dictionaries.FS.Open(name)
		}
		if err != nil {
			return dyad.Errorf(dyad.EINVALID, "%s: %v", name, err)
		}
		defer r.Close()
		dl, err := p(name, r)
		diags = append(diags, dl...)
		return err
	}
	chans := func(name string, r io.Reader) (dyad.DiagnosticList, error) {
		chs, dl, err := analytics.ParseChannels(name, r)
		s.Registry = append(s.Registry, chs...)
		return dl, err
	}
	lib := func(name string, r io.Reader) (dyad.DiagnosticList, error) {
		l, dl, err := analytics.ParseFormulations(name, r)
		if s.Library == nil {
			s.Library = l
		} else if l != nil {
			s.Library = s.Library.Merge(l)
		}
		return dl, err
	}
	idx := func(name string, r io.Reader) (dyad.DiagnosticList, error) {
		cfg, dl, err := analytics.ParseIndexConfig(name, r)
		s.Weights = cfg
		return dl, err
	}
	if err := parse("dyad.channels.txt", false, chans); err != nil {
		return nil, err
	}
	for _, p := range f.registry {
		if err := parse(p, true, chans); err != nil {
			return nil, err
		}
	}
	if err := parse("dyad.formulations.txt", false, lib); err != nil {
		return nil, err
	}
	for _, p := range f.library {
		if err := parse(p, true, lib); err != nil {
			return nil, err
		}
	}
	if f.index == "" {
		if err := parse("dyad.index.txt", false, idx); err != nil {
			return nil, err
		}
	} else if err := parse(f.index, true, idx); err != nil {
		return nil, err
	}
	var err error
	if s.Issues, _, err = coding.LoadIssues(dictionaries.FS, "dyad.issues.txt"); err != nil {
		return nil, err
	}
	if s.Codebook, err = coding.LoadCodebook(dictionaries.FS, "icews/cameo-codes.csv", "cameo-plover.txt"); err != nil {
		return nil, err
	}
	printDiagnostics(env, diags)
	return s, nil
}

// service opens the record service on db with the settings.
func service(env *Env, db *sqlite.DB, f *settingsFlags) (*record.Service, error) {
	s, err := f.settings(env)
	if err != nil {
		return nil, err
	}
	return &record.Service{DB: db, Settings: *s}, nil
}

// openService opens the database at path (which must exist) and the
// record service over it. done closes the database, keeping the first
// error in *err: call it deferred.
func openService(env *Env, path string, f *settingsFlags) (svc *record.Service, done func(*error), err error) {
	db, err := openDB(path, false)
	if err != nil {
		return nil, nil, err
	}
	if svc, err = service(env, db, f); err != nil {
		db.Close() // the settings error is the one to report
		return nil, nil, err
	}
	return svc, func(err *error) { closeDB(db, err) }, nil
}

// closeFile closes an output file, keeping the first error in *err: a
// failed close can mean the file was not written.
func closeFile(f *os.File, err *error) {
	if cerr := f.Close(); cerr != nil && *err == nil {
		*err = cerr
	}
}

// evidence is an event in JSON output as the evidence for something: a
// channel's change of state, a step of a meeting's life.
type evidence struct {
	Date     string `json:"date"`
	Status   string `json:"status"`
	State    string `json:"state,omitempty"` // the state it led to, for channels
	By       string `json:"by"`
	Reason   string `json:"reason,omitempty"`
	EventID  int64  `json:"event_id"`
	DocID    int64  `json:"doc_id"`
	Sentence int    `json:"sentence"`
	Span     [2]int `json:"span"`
	Text     string `json:"text"`
}

func evidenceOf(r analytics.Report, state, by, reason string) evidence {
	ev := r.Event
	return evidence{Date: ev.Date.Format("2006-01-02"), Status: string(ev.Status), State: state, By: by, Reason: reason,
		EventID: ev.ID, DocID: ev.DocID, Sentence: ev.Sentence, Span: [2]int{ev.Span.Start, ev.Span.End}, Text: r.Text}
}

// writeJSON writes v as indented JSON, leaving <, > and & as they are
// (the output is data, not HTML).
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
