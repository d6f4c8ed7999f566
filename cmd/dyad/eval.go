package main

import (
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing/fstest"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/actors"
	"github.com/dyad-dev/dyad/internal/coding"
	"github.com/dyad-dev/dyad/internal/eval"
	"github.com/dyad-dev/dyad/internal/pipeline"
)

// EvalCommand runs an evaluation suite and prints its scores.
type EvalCommand struct {
	Env      *Env
	JSON     bool
	Examples int
}

// Run parses args and evaluates.
func (c *EvalCommand) Run(ctx context.Context, args []string) error {
	fs := newFlagSet(c.Env, "eval", "[flags] SUITE PATH",
		"Codes the records of an evaluation suite and scores the events found\n"+
			"against the expected ones (matching rules: go doc ./internal/eval).\n"+
			"Suites:\n"+
			"  plover  PLOVER gold-standard records (PLOVER_GSR_CAMEO*.json)\n"+
			"  petr    PETRARCH validation XML (its own dictionaries are used)\n"+
			"  tabari  TABARI .project file (its own dictionaries are used)\n"+
			"  dyad    a folder of dyad JSON Lines suites, or one .jsonl file\n"+
			"Prints a per-category report, or with --json one JSON object.")
	fs.BoolVar(&c.JSON, "json", false, "print one JSON object")
	fs.IntVar(&c.Examples, "examples", 20, "mismatches listed in the text report")
	// Flags may follow the arguments: parse, take one argument, repeat.
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
	if len(pos) != 2 {
		fs.Usage()
		return dyad.Errorf(dyad.EINVALID, "eval takes SUITE and PATH, got %d arguments", len(pos))
	}
	suite, path := pos[0], pos[1]
	rep, err := runSuite(suite, path)
	if err != nil {
		return err
	}
	if c.JSON {
		enc := json.NewEncoder(c.Env.Stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(rep)
	}
	return rep.WriteText(c.Env.Stdout, c.Examples)
}

// runSuite reads the suite at path, builds its coder and runs it.
func runSuite(name, path string) (*eval.Report, error) {
	s, dicts, err := readSuite(name, path)
	if err != nil {
		return nil, err
	}
	// PLOVER's gold codes the frame of an act that has no status (a
	// promise is AGREE, a refusal REJECT): score dyad's events in that
	// view. TABARI and PETRARCH code the act itself, and dyad's own suites
	// score statuses directly.
	if name == "tabari" {
		k, diags, err := suiteKnowledge(nil, dicts)
		if err != nil {
			return nil, err
		}
		rep := s.Run(&tabariCoder{k: k, analyzers: map[string]*pipeline.Analyzer{}})
		rep.Diagnostics = append(rep.Diagnostics, diags...)
		return rep, nil
	}
	cd, diags, err := suiteCoder(dicts, name == "plover")
	if err != nil {
		return nil, err
	}
	rep := s.Run(cd)
	rep.Diagnostics = append(rep.Diagnostics, diags...)
	return rep, nil
}

// A suite is a gold standard read from disk.
type suite interface {
	Run(eval.Coder) *eval.Report
}

// readSuite reads the named suite and the dictionaries it names (none for
// suites coded with the shipped ones).
func readSuite(name, path string) (suite, eval.Dictionaries, error) {
	switch name {
	case "plover":
		f, err := os.Open(path)
		if err != nil {
			return nil, eval.Dictionaries{}, dyad.Errorf(dyad.EINVALID, "plover suite: %v", err)
		}
		defer f.Close()
		s, err := eval.ReadPLOVER(f, path)
		return s, eval.Dictionaries{}, err
	case "petr":
		f, err := os.Open(path)
		if err != nil {
			return nil, eval.Dictionaries{}, dyad.Errorf(dyad.EINVALID, "petr suite: %v", err)
		}
		defer f.Close()
		s, err := eval.ReadPETR(f, path)
		if err != nil {
			return nil, eval.Dictionaries{}, err
		}
		s.Dictionaries.Dir = filepath.Dir(path)
		return s, s.Dictionaries, nil
	case "tabari":
		dir := filepath.Dir(path)
		s, err := eval.ReadTABARI(os.DirFS(dir), filepath.Base(path), path)
		if err != nil {
			return nil, eval.Dictionaries{}, err
		}
		s.Dictionaries.Dir = dir
		return s, s.Dictionaries, nil
	case "dyad":
		st, err := os.Stat(path)
		if err != nil {
			return nil, eval.Dictionaries{}, dyad.Errorf(dyad.EINVALID, "dyad suite: %v", err)
		}
		if st.IsDir() {
			s, err := eval.ReadDyad(os.DirFS(path), path)
			return s, eval.Dictionaries{}, err
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, eval.Dictionaries{}, err
		}
		defer f.Close()
		s, err := eval.ReadDyadFile(f, path)
		return s, eval.Dictionaries{}, err
	}
	return nil, eval.Dictionaries{}, dyad.Errorf(dyad.EINVALID, "unknown suite %q: want plover, petr, tabari or dyad", name)
}

// suiteCoder builds a coder: the shipped dictionaries, with the suite's own
// actor, agent and verb files replacing the shipped ones of their kind when
// it names any. The diagnostics are the problems in the suite's files.
func suiteCoder(d eval.Dictionaries, frames bool) (eval.Coder, []dyad.Diagnostic, error) {
	k, diags, err := suiteKnowledge(nil, d)
	if err != nil {
		return nil, nil, err
	}
	an := newAnalyzer(k, [2]string{"USA", "CHN"})
	return eval.CoderFunc(func(doc *dyad.Document) []dyad.Event {
		evs := an.Analyze(doc).Events
		if frames {
			evs = frameEvents(evs, k.Coder.Codebook)
		}
		return evs
	}), diags, nil
}

// frameEvents rewrites events by the code of their frame
// (Event.FrameCAMEO), with that code's PLOVER type, mode and Goldstein
// value; negated and hypothetical acts are dropped.
func frameEvents(evs []dyad.Event, cb *coding.Codebook) []dyad.Event {
	out := make([]dyad.Event, 0, len(evs))
	for _, ev := range evs {
		code := ev.FrameCAMEO()
		if code == "" {
			continue
		}
		if code != ev.CAMEO {
			ev.CAMEO = code
			if c, ok := cb.Lookup(code); ok {
				ev.PLOVER, ev.Mode, ev.Quad, ev.Goldstein = c.PLOVER, c.Mode, c.Quad, c.Goldstein
			}
		}
		out = append(out, ev)
	}
	return out
}

// suiteKnowledge loads the shipped dictionaries plus the user's files
// extra (as loadKnowledge does), then replaces the actor, agent and verb
// dictionaries with the suite's own d when it names any of that kind. The
// diagnostics are the problems in d's files.
func suiteKnowledge(extra []string, d eval.Dictionaries) (*Knowledge, []dyad.Diagnostic, error) {
	// The shipped dictionaries that d replaces are not compiled (a third
	// of the start-up with TABARI's CAMEO verbs).
	k, err := loadKnowledgeFor(extra, len(d.Actors)+len(d.Agents) > 0, len(d.Verbs) > 0)
	if err != nil {
		return nil, nil, err
	}
	var diags []dyad.Diagnostic
	fsys := os.DirFS(d.Dir)
	if len(d.Actors)+len(d.Agents) > 0 {
		l := actors.NewLoader()
		// TABARI reads a phrase without a trailing '_' as a stem.
		l.Stems = d.VerbSyntax == "tabari"
		for _, n := range d.Actors {
			if err := addDict(fsys, n, l.AddPhoenix); err != nil {
				return nil, nil, err
			}
		}
		for _, n := range d.Agents {
			if err := addDict(fsys, n, l.AddAgents); err != nil {
				return nil, nil, err
			}
		}
		dict, ds := l.Compile()
		diags = append(diags, ds...)
		k.Actors = dict
	}
	if len(d.Verbs) > 0 {
		var vfs fs.FS = fsys
		from := map[string][]int{} // converted line -> line of the TABARI file
		if d.VerbSyntax == "tabari" {
			m := fstest.MapFS{}
			for _, n := range d.Verbs {
				data, err := fs.ReadFile(fsys, n)
				if err != nil {
					return nil, nil, dyad.Errorf(dyad.EINVALID, "suite verb dictionary %s: %v", n, err)
				}
				conv, lines := eval.ConvertTABARIVerbsLines(data)
				m[n] = &fstest.MapFile{Data: conv}
				from[n] = lines
			}
			vfs = m
		}
		load := coding.LoadVerbs
		if d.VerbSyntax == "tabari" {
			load = coding.LoadTABARIVerbs
		}
		v, ds, err := load(vfs, d.Verbs...)
		if err != nil {
			return nil, nil, dyad.Errorf(dyad.EINVALID, "suite verb dictionary: %v", err)
		}
		for _, x := range ds {
			if ls := from[x.Source]; x.Line > 0 && x.Line <= len(ls) {
				x.Line = ls[x.Line-1] // the line the user wrote
			}
			diags = append(diags, x)
		}
		cd := *k.Coder
		cd.Verbs = v
		k.Coder = &cd
	}
	if d.VerbSyntax == "tabari" {
		// A TABARI project: TABARI's engine rules, as its options file
		// sets them.
		opts := coding.NewTABARIOptions()
		opts.Lexicon = &coding.Lexicon{Nouns: k.Actors.Nouns(), Adjectives: k.Actors.Adjectives()}
		if d.Options != "" {
			data, err := fs.ReadFile(fsys, d.Options)
			if err != nil {
				diags = append(diags, dyad.Diagnostic{Source: d.Options, Msg: "options file: " + unwrapPath(err) + "; TABARI's defaults apply"})
			}
			for i, line := range strings.Split(string(data), "\n") {
				if err := opts.ApplyTABARI(line); err != nil {
					diags = append(diags, dyad.Diagnostic{Source: d.Options, Line: i + 1, Msg: dyad.ErrorMessage(err)})
				}
			}
		}
		withTABARIOptions(k, opts)
	}
	return k, diags, nil
}

// withTABARIOptions sets k's coder and actor tagger to TABARI's rules
// under opts, sharing the dictionaries.
func withTABARIOptions(k *Knowledge, opts coding.Options) {
	cd := *k.Coder
	cd.Options = opts
	k.Coder = &cd
	k.Actors = k.Actors.With(actors.Options{TABARIAgents: true, ConvertAgents: opts.ConvertAgents})
}

// A tabariCoder codes the records of a TABARI suite under the options its
// OPTION records set, with one analyzer per set of options met. Records
// are coded in file order: under FORWARD: it keeps the previous record's
// ID and first actor.
type tabariCoder struct {
	k         *Knowledge
	analyzers map[string]*pipeline.Analyzer
	prevID    string
	prevFirst string // forward code of the previous record's first actor
}

// Code codes doc under the project's options.
func (c *tabariCoder) Code(doc *dyad.Document) []dyad.Event {
	return c.CodeTABARI(doc, nil)
}

// CodeTABARI codes doc under the project's options changed by options,
// in order. An option line that cannot be read is ignored.
func (c *tabariCoder) CodeTABARI(doc *dyad.Document, options []string) []dyad.Event {
	return c.analyze(doc, options).Events
}

// analyze analyzes doc as CodeTABARI codes it. Calls must come in record
// order, from one goroutine: under FORWARD: each record may continue the
// one before.
func (c *tabariCoder) analyze(doc *dyad.Document, options []string) *dyad.Bundle {
	key := strings.Join(options, "\n")
	an, ok := c.analyzers[key]
	if !ok {
		k := *c.k
		opts := k.Coder.Options
		for _, o := range options {
			_ = opts.ApplyTABARI(o) // unreadable: as TABARI, keep the previous setting
		}
		withTABARIOptions(&k, opts)
		an = newAnalyzer(&k, [2]string{"USA", "CHN"})
		c.analyzers[key] = an
	}
	if f := an.Coder.Options.Forward; f != "" && c.prevFirst != "" && coding.ForwardsTo(f, c.prevID, doc.Source) {
		// A pronoun opening this record stands for the previous
		// record's first actor.
		cd := *an.Coder
		cd.Options.Forwarded = c.prevFirst
		an = &pipeline.Analyzer{Actors: an.Actors, Coder: &cd, Dyad: an.Dyad, Now: an.Now}
	}
	b := an.Analyze(doc)
	c.prevID, c.prevFirst = doc.Source, ""
	if len(b.Mentions) > 0 {
		c.prevFirst = coding.ForwardCode(&b.Mentions[0])
	}
	return b
}

// addDict reads the dictionary name from fsys into add.
func addDict(fsys fs.FS, name string, add func(string, io.Reader)) error {
	f, err := fsys.Open(name)
	if err != nil {
		return dyad.Errorf(dyad.EINVALID, "suite dictionary %s: %v", name, err)
	}
	defer f.Close()
	add(name, f)
	return nil
}
