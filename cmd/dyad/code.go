package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"os"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/export"
	"github.com/dyad-dev/dyad/internal/ingest"
)

// CodeCommand codes one document without a database and prints its events
// as JSON Lines.
type CodeCommand struct {
	Env   *Env
	Dyad  string
	Dicts stringList
	Meta  metaFlags
	Diag  bool
}

// Run parses args and codes.
func (c *CodeCommand) Run(ctx context.Context, args []string) error {
	fs := newFlagSet(c.Env, "code", "[flags] [FILE|-]",
		"Codes one document (plain text, HTML, PDF; a header block is read) and\n"+
			"prints one JSON object per event on stdout, in document order. Reads stdin\n"+
			"when FILE is - or absent. Relative dates resolve against --date, else the\n"+
			"document's header date. The fields are documented in docs/formats.md.")
	fs.StringVar(&c.Dyad, "dyad", DefaultDyad, "the pair of states coded, `A-B`")
	fs.Var(&c.Dicts, "dict", "extra dictionary `file` (repeatable)")
	fs.BoolVar(&c.Diag, "diagnostics", false, "also print the document's diagnostics to stderr")
	c.Meta.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
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
	docs, err := r.Parse(name, data, over)
	if err != nil {
		return err
	}
	k, err := loadKnowledge(c.Dicts)
	if err != nil {
		return err
	}
	printDiagnostics(c.Env, k.Diagnostics)
	an := newAnalyzer(k, d)

	w := bufio.NewWriter(c.Env.Stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	lk := codebookLookup{k}
	for _, doc := range docs {
		if doc.Source == "" {
			doc.Source = name
		}
		b := an.Analyze(doc)
		if c.Diag {
			for _, dg := range b.Diagnostics {
				c.Env.Stderr.Write([]byte("dyad: " + dg.String() + "\n"))
			}
		}
		for i := range b.Events {
			if err := enc.Encode(export.NewRecord(&b.Events[i], doc.Text, lk)); err != nil {
				return err
			}
		}
	}
	return w.Flush()
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
