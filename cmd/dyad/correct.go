package main

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/correction"
	"github.com/dyad-dev/dyad/internal/sqlite"
)

// CorrectCommand stores an analyst's correction.
type CorrectCommand struct {
	Env    *Env
	DB     string
	Note   string
	Author string
}

// Run parses args and stores the correction.
func (c *CorrectCommand) Run(ctx context.Context, args []string) (err error) {
	fs := newFlagSet(c.Env, "correct", "[flags] KIND KEY FIELD VALUE",
		"Stores a correction to something dyad computed, where the machine got it\n"+
			"wrong. It is kept apart from what it corrects and applied again every\n"+
			"time meetings, channels, commitments, the index and briefs are computed,\n"+
			"so it survives recomputation; the latest correction of a field wins.\n\n"+
			"  event       KEY from 'dyad events --format json' (key); FIELD status, cameo, source, target, date\n"+
			"  meeting     KEY from 'dyad meetings' (KEY column); FIELD state, place, format\n"+
			"  channel     KEY is the channel ID; FIELD state, since (YYYY-MM-DD), by\n"+
			"  commitment  KEY from 'dyad commitments' (KEY column); FIELD status, deadline (YYYY-MM-DD)")
	dbFlag(fs, c.Env, &c.DB)
	fs.StringVar(&c.Note, "note", "", "why: the evidence for the correction")
	author := c.Env.Getenv("USER")
	if author == "" {
		author = "analyst"
	}
	fs.StringVar(&c.Author, "author", author, "who makes the correction (default $USER)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 4 {
		fs.Usage()
		return dyad.Errorf(dyad.EINVALID, "correct needs KIND KEY FIELD VALUE, got %d arguments", fs.NArg())
	}
	corr := &dyad.Correction{Kind: fs.Arg(0), Key: fs.Arg(1), Field: fs.Arg(2), Value: fs.Arg(3), Note: c.Note, Author: c.Author}
	if err := correction.Check(corr); err != nil {
		return err
	}
	db, err := openDB(c.DB, false)
	if err != nil {
		return err
	}
	defer closeDB(db, &err)
	if err := sqlite.NewCorrectionService(db).CreateCorrection(ctx, corr); err != nil {
		return err
	}
	fmt.Fprintf(c.Env.Stdout, "correction %d: %s %s: %s = %q by %s\n", corr.ID, corr.Kind, corr.Key, corr.Field, corr.Value, corr.Author)
	return nil
}

// CorrectionsCommand lists stored corrections.
type CorrectionsCommand struct {
	Env  *Env
	DB   string
	Kind string
}

// Run parses args and lists corrections.
func (c *CorrectionsCommand) Run(ctx context.Context, args []string) (err error) {
	fs := newFlagSet(c.Env, "corrections", "[flags]", "Lists the analysts' corrections, oldest first: who changed what, when and why.")
	dbFlag(fs, c.Env, &c.DB)
	fs.StringVar(&c.Kind, "kind", "", "only corrections of this `kind` (event, meeting, channel, commitment)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	db, err := openDB(c.DB, false)
	if err != nil {
		return err
	}
	defer closeDB(db, &err)
	cs, err := sqlite.NewCorrectionService(db).FindCorrections(ctx, c.Kind)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(c.Env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tWHEN\tAUTHOR\tKIND\tKEY\tFIELD\tVALUE\tNOTE")
	for _, x := range cs {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", x.ID, x.CreatedAt.Format("2006-01-02 15:04"), x.Author, x.Kind, x.Key, x.Field, x.Value, truncate(x.Note, 50))
	}
	return tw.Flush()
}
