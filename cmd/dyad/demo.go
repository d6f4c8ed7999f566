package main

import (
	"context"
	"fmt"
	"iter"
	"runtime"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/examples"
	"github.com/dyad-dev/dyad/internal/ingest"
	"github.com/dyad-dev/dyad/internal/pipeline"
	"github.com/dyad-dev/dyad/internal/server"
	"github.com/dyad-dev/dyad/internal/sqlite"
)

// DemoCommand ingests the shipped example documents and shows what was found.
type DemoCommand struct {
	Env *Env
	DB  string
}

// Run parses args and runs the demo.
func (c *DemoCommand) Run(ctx context.Context, args []string) (err error) {
	fs := newFlagSet(c.Env, "demo", "[flags]",
		"Ingests the example documents shipped with dyad (U.S. readouts and a\n"+
			"transcript of Secretary Blinken's June 2023 Beijing visit and Wang Yi's\n"+
			"October 2023 Washington visit) into a database, then prints the events\n"+
			"found, their statuses and sources. Running it again changes nothing.")
	fs.StringVar(&c.DB, "db", "dyad-demo.db", "SQLite database `path` for the demo")
	if err := fs.Parse(args); err != nil {
		return err
	}
	k, err := loadKnowledge(nil)
	if err != nil {
		return err
	}
	d, _ := parseDyad(DefaultDyad)
	db, err := openDB(c.DB, true)
	if err != nil {
		return err
	}
	defer closeDB(db, &err)

	r := ingest.NewReader()
	items := func(yield func(pipeline.Item) bool) {
		for it := range r.Walk(examples.FS, ".", ingest.Meta{}) {
			if !yield(pipeline.Item{Name: "examples/" + it.Name, Docs: it.Docs, Err: it.Err}) {
				return
			}
		}
	}
	p := &pipeline.Pipeline{Analyzer: newAnalyzer(k, d), Store: sqlite.NewDocumentService(db), Workers: runtime.NumCPU()}
	sum, err := p.Run(ctx, iter.Seq[pipeline.Item](items))
	if err != nil {
		return err
	}
	printSummary(c.Env, c.DB, sum)

	events, total, err := sqlite.NewEventService(db).FindEvents(ctx, dyad.EventFilter{})
	if err != nil {
		return err
	}
	lk, err := newLookup(ctx, db)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.Env.Stdout, "\n%d events (a date with * fell back to the document date):\n\n", total)
	writeEventTable(c.Env.Stdout, events, lk)
	fmt.Fprintf(c.Env.Stdout, "\nNext, for example:\n")
	for _, next := range []string{
		"meetings", "channels --as-of 2023-06-19", "commitments",
		"brief --from 2023-06-15 --to 2023-06-22", "index --by month",
		"events --status planned", `search "open channels"`, "export --format gdelt",
	} {
		fmt.Fprintf(c.Env.Stdout, "  dyad %s --db %s\n", next, c.DB)
	}
	fmt.Fprintf(c.Env.Stdout, "  dyad serve --db %s   (then open http://%s/ for the dashboard)\n", c.DB, server.DefaultAddr)
	if sum.Failed > 0 {
		return errPartial
	}
	return nil
}
