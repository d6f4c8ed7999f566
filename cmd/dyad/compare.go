package main

import (
	"context"
	"strconv"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/analytics"
	"github.com/dyad-dev/dyad/internal/sqlite"
)

// CompareCommand sets two accounts of one encounter side by side.
type CompareCommand struct {
	Env     *Env
	DB      string
	Library stringList
	Format  string
}

// Run parses args and prints the comparison of two documents.
func (c *CompareCommand) Run(ctx context.Context, args []string) (err error) {
	fs := newFlagSet(c.Env, "compare", "[flags] DOC_ID DOC_ID",
		"Compares two accounts of one encounter, usually the two governments'\n"+
			"readouts of a meeting: the issues each mentions, with their sentences;\n"+
			"what only one side mentions (issues, actors, formulations, agreements);\n"+
			"how each characterises the talks (\"candid, substantive and constructive\"\n"+
			"vs \"candid, in-depth and constructive\"); how each frames the encounter\n"+
			"(a meeting or an \"informal contact\", at whose request); length and order\n"+
			"of topics. Document IDs are those of 'dyad docs'.")
	dbFlag(fs, c.Env, &c.DB)
	fs.Var(&c.Library, "library", "extra formulation library `file` (repeatable)")
	fs.StringVar(&c.Format, "format", "text", "output: text, md or json")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		fs.Usage()
		return dyad.Errorf(dyad.EINVALID, "compare takes two document IDs, got %d arguments", fs.NArg())
	}
	var ids [2]int64
	for i := range ids {
		id, err := strconv.ParseInt(fs.Arg(i), 10, 64)
		if err != nil || id <= 0 {
			return dyad.Errorf(dyad.EINVALID, "bad document ID %q (see 'dyad docs')", fs.Arg(i))
		}
		ids[i] = id
	}
	switch c.Format {
	case "text", "md", "json":
	default:
		return dyad.Errorf(dyad.EINVALID, "--format %q: want text, md or json", c.Format)
	}
	lib, err := loadLibrary(c.Env, c.Library)
	if err != nil {
		return err
	}
	db, err := openDB(c.DB, false)
	if err != nil {
		return err
	}
	defer closeDB(db, &err)
	ds := sqlite.NewDocumentService(db)
	docs := make([]*dyad.Document, 2)
	for i, id := range ids {
		if docs[i], err = ds.FindDocumentByID(ctx, id); err != nil {
			return err
		}
	}
	views, err := loadViews(ctx, db, docs)
	if err != nil {
		return err
	}
	cmp := analytics.Compare(views[0], views[1], lib)
	switch c.Format {
	case "json":
		return cmp.WriteJSON(c.Env.Stdout)
	case "md":
		return cmp.WriteMarkdown(c.Env.Stdout)
	}
	return cmp.WriteText(c.Env.Stdout)
}
