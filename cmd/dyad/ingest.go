package main

import (
	"context"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/ingest"
	"github.com/dyad-dev/dyad/internal/pipeline"
	"github.com/dyad-dev/dyad/internal/sqlite"
)

// IngestCommand reads files, folders, URLs and feeds into the database.
type IngestCommand struct {
	Env     *Env
	DB      string
	Workers int
	Dyad    string
	Dicts   stringList
	Meta    metaFlags
	Quiet   bool
}

// metaFlags are the document fields that flags may override.
type metaFlags struct {
	date, side, kind, publisher, title, lang string
}

func (m *metaFlags) register(fs interface {
	StringVar(*string, string, string, string)
}) {
	fs.StringVar(&m.date, "date", "", "document date `YYYY-MM-DD` (overrides the header and page metadata)")
	fs.StringVar(&m.side, "side", "", "authoring side, a country `code` such as USA or CHN")
	fs.StringVar(&m.kind, "kind", "", "document `kind`: readout, statement, transcript, news, …")
	fs.StringVar(&m.publisher, "publisher", "", "`publisher` name")
	fs.StringVar(&m.title, "title", "", "document `title`")
	fs.StringVar(&m.lang, "lang", "", "language `code` (en, zh)")
}

func (m *metaFlags) meta() (ingest.Meta, error) {
	d, err := parseDate("date", m.date)
	if err != nil {
		return ingest.Meta{}, err
	}
	return ingest.Meta{Date: d, Side: dyad.NormalizeSide(m.side), Kind: m.kind, Publisher: m.publisher, Title: m.title, Lang: m.lang}, nil
}

// Run parses args and ingests.
func (c *IngestCommand) Run(ctx context.Context, args []string) (err error) {
	fs := newFlagSet(c.Env, "ingest", "[flags] PATH|URL...",
		"Reads plain text, HTML, PDF and RSS/Atom files, folders (recursively) and\n"+
			"http(s) URLs; codes every document and stores it. A document already stored\n"+
			"with the same text is left unchanged; a changed text at the same source is\n"+
			"kept as a new version. Inputs that fail are reported and the rest go on;\n"+
			"the exit code is 1 when anything failed.")
	dbFlag(fs, c.Env, &c.DB)
	fs.IntVar(&c.Workers, "workers", runtime.NumCPU(), "documents analyzed at once")
	fs.StringVar(&c.Dyad, "dyad", DefaultDyad, "the pair of states coded, `A-B`")
	fs.Var(&c.Dicts, "dict", "extra dictionary `file` (repeatable; actors unless the name contains verb or issue)")
	fs.BoolVar(&c.Quiet, "quiet", false, "no progress bar")
	c.Meta.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return dyad.Errorf(dyad.EINVALID, "ingest needs at least one PATH or URL")
	}
	d, err := parseDyad(c.Dyad)
	if err != nil {
		return err
	}
	over, err := c.Meta.meta()
	if err != nil {
		return err
	}
	k, err := loadKnowledge(c.Dicts)
	if err != nil {
		return err
	}
	printDiagnostics(c.Env, k.Diagnostics)

	db, err := openDB(c.DB, true)
	if err != nil {
		return err
	}
	defer closeDB(db, &err)

	sum, err := ingestInputs(ctx, c.Env, db, newAnalyzer(k, d), c.Workers, fs.Args(), over, !c.Quiet)
	if err != nil {
		return err
	}
	printSummary(c.Env, c.DB, sum)
	if sum.Failed > 0 {
		return errPartial
	}
	return nil
}

// ingestInputs runs the pipeline over inputs and returns its summary.
func ingestInputs(ctx context.Context, env *Env, db *sqlite.DB, an *pipeline.Analyzer, workers int, inputs []string, over ingest.Meta, progress bool) (*pipeline.Summary, error) {
	r := ingest.NewReader()
	items := inputItems(ctx, r, inputs, over)
	p := &pipeline.Pipeline{Analyzer: an, Store: sqlite.NewDocumentService(db), Workers: workers}
	if progress && isTerminal(env.Stderr) {
		total := countInputs(inputs)
		bar := &progressBar{w: env.Stderr, total: total, start: time.Now()}
		p.OnProgress = bar.update
		defer bar.finish()
	}
	return p.Run(ctx, items)
}

// inputItems yields one item per file, URL or feed, streaming: a folder is
// walked one file at a time.
func inputItems(ctx context.Context, r *ingest.Reader, inputs []string, over ingest.Meta) iter.Seq[pipeline.Item] {
	return func(yield func(pipeline.Item) bool) {
		for _, in := range inputs {
			if isURL(in) {
				docs, err := r.Fetch(ctx, in, over)
				if !yield(pipeline.Item{Name: in, Docs: docs, Err: err}) {
					return
				}
				continue
			}
			in = filepath.Clean(in) // "docs/" and "docs" name the same folder
			abs, err := filepath.Abs(in)
			if err != nil {
				if !yield(pipeline.Item{Name: in, Err: err}) {
					return
				}
				continue
			}
			if _, err := os.Stat(abs); err != nil {
				if !yield(pipeline.Item{Name: in, Err: dyad.Errorf(dyad.ENOTFOUND, "%s: no such file or folder", in)}) {
					return
				}
				continue
			}
			dir, base := filepath.Dir(abs), filepath.Base(abs)
			for it := range r.Walk(os.DirFS(dir), base, over) {
				name := filepath.Join(filepath.Dir(in), it.Name)
				if !yield(pipeline.Item{Name: name, Docs: sourced(it.Docs, it.Name, name), Err: it.Err}) {
					return
				}
			}
		}
	}
}

// sourced replaces the walk's name for documents without a source of their
// own (no header "source:", not a feed item with a link) by the path as the
// user named it, so relative paths stay relative.
func sourced(docs []*dyad.Document, walkName, name string) []*dyad.Document {
	for _, d := range docs {
		if rest, ok := strings.CutPrefix(d.Source, walkName); ok && (rest == "" || rest[0] == '#') {
			d.Source = name + rest
		} else if d.Source == "" {
			d.Source = name
		}
	}
	return docs
}

func isURL(s string) bool {
	i := strings.Index(s, "://")
	if i <= 0 {
		return false
	}
	for _, c := range s[:i] {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '+' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

// countInputs counts the files under inputs, for the progress bar; it reads
// directory entries only.
func countInputs(inputs []string) int {
	n := 0
	for _, in := range inputs {
		if isURL(in) {
			n++
			continue
		}
		_ = filepath.WalkDir(in, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return nil // reported when the walk itself reads it
			}
			if d.IsDir() && p != in && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if !d.IsDir() && !strings.HasPrefix(d.Name(), ".") {
				n++
			}
			return nil
		})
	}
	return n
}

func printSummary(env *Env, dbPath string, sum *pipeline.Summary) {
	for _, f := range sum.Failures {
		msg := message(f.Err)
		if !strings.Contains(msg, f.Name) {
			msg = f.Name + ": " + msg // name the input once
		}
		fmt.Fprintf(env.Stderr, "dyad: %s\n", msg)
	}
	fmt.Fprintf(env.Stdout, "%d inputs: %d documents new, %d new versions, %d unchanged, %d failed; %d sentences, %d actor mentions, %d event reports -> %s\n",
		sum.Inputs, sum.Created, sum.NewVersions, sum.Unchanged, sum.Failed, sum.Sentences, sum.Mentions, sum.Events, dbPath)
}
