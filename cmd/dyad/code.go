package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"os"
	"runtime"

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
	var data []byte
	if name == "-" {
		data, err = io.ReadAll(io.LimitReader(c.Env.Stdin, r.MaxBytes+1))
		if err == nil && int64(len(data)) > r.MaxBytes {
			err = dyad.Errorf(dyad.ETOOLARGE, "stdin: larger than %d bytes", r.MaxBytes)
		}
		name = "stdin"
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		return err
	}
	var docs []*dyad.Document
	if c.In == "tabari" {
		var diags []dyad.Diagnostic
		docs, diags, err = readTABARIDocs(data, name, over)
		if c.Diag {
			printDiagnostics(c.Env, diags)
		}
	} else {
		docs, err = r.Parse(name, data, over)
	}
	if err != nil {
		return err
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
	for _, doc := range docs {
		if doc.Source == "" {
			doc.Source = name
		}
	}

	w := bufio.NewWriter(c.Env.Stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	lk := codebookLookup{k}
	err = analyzeInOrder(docs, workers, analyze, func(doc *dyad.Document, b *dyad.Bundle) error {
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
				if err := writeTABARIEvent(w, doc, ev, name); err != nil {
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

// analyzeInOrder analyzes docs on workers goroutines (one when workers <
// 2) and calls emit with each document and its bundle in the order of
// docs, from the calling goroutine. It stops at the first error of emit
// and returns it. At most a few chunks of documents per worker are
// analyzed ahead of emit, which bounds the bundles held in memory.
func analyzeInOrder(docs []*dyad.Document, workers int, analyze func(*dyad.Document) *dyad.Bundle, emit func(*dyad.Document, *dyad.Bundle) error) error {
	if workers < 2 || len(docs) < 2 {
		for _, doc := range docs {
			if err := emit(doc, analyze(doc)); err != nil {
				return err
			}
		}
		return nil
	}
	const chunk = 64 // documents a worker takes at once
	nchunks := (len(docs) + chunk - 1) / chunk
	results := make([]chan []*dyad.Bundle, nchunks)
	for i := range results {
		results[i] = make(chan []*dyad.Bundle, 1)
	}
	jobs := make(chan int)
	done := make(chan struct{})
	defer close(done)
	ahead := make(chan struct{}, 4*workers) // chunks handed out, not yet emitted
	go func() {
		defer close(jobs)
		for i := range nchunks {
			select {
			case ahead <- struct{}{}:
			case <-done:
				return
			}
			select {
			case jobs <- i:
			case <-done:
				return
			}
		}
	}()
	for range min(workers, nchunks) {
		go func() {
			for i := range jobs {
				part := docs[i*chunk : min((i+1)*chunk, len(docs))]
				bs := make([]*dyad.Bundle, len(part))
				for k, doc := range part {
					bs[k] = analyze(doc)
				}
				results[i] <- bs // buffered: never blocks
			}
		}()
	}
	for i := range nchunks {
		bs := <-results[i]
		for k, b := range bs {
			if err := emit(docs[i*chunk+k], b); err != nil {
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
