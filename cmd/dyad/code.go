package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"os"
	"runtime"
	"strings"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/export"
	"github.com/dyad-dev/dyad/internal/ingest"
	"github.com/dyad-dev/dyad/internal/pipeline"
)

// CodeCommand codes one document without a database and prints its events
// as JSON Lines.
type CodeCommand struct {
	Env   *Env
	Dyad  string
	Dicts stringList
	Meta  metaFlags
	Diag  bool
	// In is the input format: "" (detected) or "tabari" (TABARI text
	// records); Out is "jsonl" or "tabari" (TABARI event lines); Project
	// is a TABARI .project file whose dictionaries replace the shipped ones.
	In, Out, Project string
	// Workers is how many documents (TABARI records) are coded at once;
	// the output keeps input order whatever it is.
	Workers int
}

// Run parses args and codes.
func (c *CodeCommand) Run(ctx context.Context, args []string) error {
	fs := newFlagSet(c.Env, "code", "[flags] [FILE|-]",
		"Codes one document (plain text, HTML, PDF; a header block is read) and\n"+
			"prints one JSON object per event on stdout, in document order. Reads stdin\n"+
			"when FILE is - or absent. Relative dates resolve against --date, else the\n"+
			"document's header date. The fields are documented in docs/formats.md.\n\n"+
			"For side-by-side runs with TABARI: --in tabari reads TABARI text records\n"+
			"(a line \"YYMMDD ID\", the sentence on the next lines, a blank line; /* */\n"+
			"comments are dropped), each coded as a document dated by its record;\n"+
			"--out tabari prints TABARI's tab-separated event lines (date YYMMDD,\n"+
			"source, target, CAMEO code, (name), matched text) instead of JSON; and\n"+
			"--project uses the actor, agent and verb dictionaries of a TABARI\n"+
			".project file in place of the shipped ones (with any input format).\n"+
			"Records are coded on --workers goroutines and printed in input order;\n"+
			"under the project's FORWARD: option they are coded one after the other,\n"+
			"as a pronoun opening a record may stand for the previous record's actor.")
	fs.StringVar(&c.Dyad, "dyad", DefaultDyad, "the pair of states coded, `A-B`")
	fs.Var(&c.Dicts, "dict", "extra dictionary `file` (repeatable)")
	fs.BoolVar(&c.Diag, "diagnostics", false, "also print the document's diagnostics to stderr")
	fs.StringVar(&c.In, "in", "", "input `format`: tabari for TABARI text records (default: detected)")
	fs.StringVar(&c.Out, "out", "jsonl", "output `format`: jsonl or tabari")
	fs.StringVar(&c.Project, "project", "", "TABARI .project `file` whose dictionaries are used")
	fs.IntVar(&c.Workers, "workers", runtime.NumCPU(), "documents or records coded at once")
	c.Meta.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if c.In != "" && c.In != "tabari" {
		return dyad.Errorf(dyad.EINVALID, "invalid --in %q: want tabari (or nothing to detect the format)", c.In)
	}
	if c.Out != "jsonl" && c.Out != "tabari" {
		return dyad.Errorf(dyad.EINVALID, "invalid --out %q: want jsonl or tabari", c.Out)
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return dyad.Errorf(dyad.EINVALID, "code takes one FILE (or - for stdin), got %d", fs.NArg())
	}
	d, err := parseDyad(c.Dyad)
	if err != nil {
		return err
	}
	over, err := c.Meta.meta()
	if err != nil {
		return err
	}
	name := "-"
	if fs.NArg() == 1 {
		name = fs.Arg(0)
	}
	r := ingest.NewReader()
	in, err := readInput(c.Env.Stdin, name, r.MaxBytes)
	if err != nil {
		return err
	}
	if name == "-" {
		name = "stdin"
	}
	var (
		ndocs int
		docAt func(int) *dyad.Document
	)
	if c.In == "tabari" {
		td, diags, err := readTABARIDocs(in, name, over)
		if err != nil {
			return err
		}
		if c.Diag {
			printDiagnostics(c.Env, diags)
		}
		ndocs, docAt = td.n, td.doc
	} else {
		docs, err := r.Parse(name, []byte(in), over)
		if err != nil {
			return err
		}
		for _, doc := range docs {
			if doc.Source == "" {
				doc.Source = name
			}
		}
		ndocs, docAt = len(docs), func(i int) *dyad.Document { return docs[i] }
	}
	var (
		k      *Knowledge
		labels map[string]string
	)
	if c.Project != "" {
		proj, diags, err := readProject(c.Project)
		if err != nil {
			return err
		}
		printDiagnostics(c.Env, diags)
		labels = proj.Labels
		if k, diags, err = suiteKnowledge(c.Dicts, proj.Dictionaries); err != nil {
			return err
		}
		if c.Diag {
			printDiagnostics(c.Env, diags)
		}
	} else if k, err = loadKnowledge(c.Dicts); err != nil {
		return err
	}
	printDiagnostics(c.Env, k.Diagnostics)
	an := newAnalyzer(k, d)
	analyze, workers := an.Analyze, c.Workers
	if o := k.Coder.Options; o.TABARI && o.Forward != "" {
		// FORWARD: a record may continue the one before: code them in
		// order, as 'eval tabari' does.
		tc := &tabariCoder{k: k, analyzers: map[string]*pipeline.Analyzer{"": an}}
		analyze = func(doc *dyad.Document) *dyad.Bundle { return tc.analyze(doc, nil) }
		workers = 1
	}

	w := bufio.NewWriter(c.Env.Stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	lk := codebookLookup{k}
	var line []byte // one TABARI event line, reused
	err = analyzeEach(ndocs, docAt, workers, analyze, func(doc *dyad.Document, b *dyad.Bundle) error {
		if c.Diag {
			for _, dg := range b.Diagnostics {
				c.Env.Stderr.Write([]byte("dyad: " + dg.String() + "\n"))
			}
		}
		for i := range b.Events {
			ev := &b.Events[i]
			if c.Out == "tabari" {
				name := lk.CodeName(ev.CAMEO)
				if labels != nil {
					// As TABARI: the project's label, none when it has none.
					name = labels[ev.CAMEO]
				}
				line = appendTABARIEvent(line[:0], doc, ev, name)
				if _, err := w.Write(line); err != nil {
					return err
				}
				continue
			}
			rec := export.NewRecord(ev, doc.Text, lk)
			if c.In == "tabari" {
				// Name the record each event came from.
				rec.Sources = []export.SourceRecord{{Document: doc.Source, Side: doc.Side, Sentence: ev.Sentence,
					Span: [2]int{ev.Span.Start, ev.Span.End}}}
			}
			if err := enc.Encode(rec); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return w.Flush()
}

// readInput reads the file name whole, or stdin (at most max bytes) when
// name is "-". It reads into a string: TABARI records' texts are then
// substrings of it, not copies (on 200,000 records, a copy of the file
// cost as much as reading it).
func readInput(stdin io.Reader, name string, max int64) (string, error) {
	var b strings.Builder
	if name == "-" {
		if _, err := io.Copy(&b, io.LimitReader(stdin, max+1)); err != nil {
			return "", err
		}
		if int64(b.Len()) > max {
			return "", dyad.Errorf(dyad.ETOOLARGE, "stdin: larger than %d bytes", max)
		}
		return b.String(), nil
	}
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		b.Grow(int(fi.Size()) + 1) // +1: the read that sees the end
	}
	if _, err := io.Copy(&b, f); err != nil {
		return "", err
	}
	return b.String(), nil
}

// analyzeEach analyzes the n documents doc(0) … doc(n-1) on workers
// goroutines (one when workers < 2) and calls emit with each document and
// its bundle in that order, from the calling goroutine. It stops at the
// first error of emit and returns it. Each document is asked of doc once,
// by the goroutine that analyzes it (doc must be safe to call from
// several at once), so documents made by doc live only until they are
// emitted. At most a few chunks of documents per worker are analyzed
// ahead of emit, which bounds the bundles held in memory.
func analyzeEach(n int, doc func(int) *dyad.Document, workers int, analyze func(*dyad.Document) *dyad.Bundle, emit func(*dyad.Document, *dyad.Bundle) error) error {
	if workers < 2 || n < 2 {
		for i := range n {
			d := doc(i)
			if err := emit(d, analyze(d)); err != nil {
				return err
			}
		}
		return nil
	}
	const chunk = 64 // documents a worker takes at once
	type done struct {
		docs    []*dyad.Document
		bundles []*dyad.Bundle
	}
	nchunks := (n + chunk - 1) / chunk
	results := make([]chan done, nchunks)
	for i := range results {
		results[i] = make(chan done, 1)
	}
	jobs := make(chan int)
	stop := make(chan struct{})
	defer close(stop)
	ahead := make(chan struct{}, 4*workers) // chunks handed out, not yet emitted
	go func() {
		defer close(jobs)
		for i := range nchunks {
			select {
			case ahead <- struct{}{}:
			case <-stop:
				return
			}
			select {
			case jobs <- i:
			case <-stop:
				return
			}
		}
	}()
	for range min(workers, nchunks) {
		go func() {
			for i := range jobs {
				lo, hi := i*chunk, min((i+1)*chunk, n)
				r := done{docs: make([]*dyad.Document, hi-lo), bundles: make([]*dyad.Bundle, hi-lo)}
				for k := range r.docs {
					r.docs[k] = doc(lo + k)
					r.bundles[k] = analyze(r.docs[k])
				}
				results[i] <- r // buffered: never blocks
			}
		}()
	}
	for i := range nchunks {
		r := <-results[i]
		for k, b := range r.bundles {
			if err := emit(r.docs[k], b); err != nil {
				return err
			}
		}
		<-ahead
	}
	return nil
}

// codebookLookup names CAMEO codes from the loaded codebook; it knows no
// documents (code runs without a database).
type codebookLookup struct{ k *Knowledge }

func (l codebookLookup) Document(int64) *dyad.Document { return nil }

func (l codebookLookup) CodeName(code string) string {
	if c, ok := l.k.Coder.Codebook.Lookup(code); ok {
		return c.Name
	}
	return ""
}
