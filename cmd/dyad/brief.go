package main

import (
	"context"
	"os"

	"github.com/dyad-dev/dyad"
)

// BriefCommand writes the analyst's brief for a period.
type BriefCommand struct {
	Env    *Env
	DB     string
	Dyad   string
	From   string
	To     string
	Format string
	Out    string
}

// Run parses args and writes the brief.
func (c *BriefCommand) Run(ctx context.Context, args []string) (err error) {
	fs := newFlagSet(c.Env, "brief", "--from YYYY-MM-DD --to YYYY-MM-DD [flags]",
		"Writes a brief for the period that answers four questions from the data:\n"+
			"what happened (meetings held and failed, agreements), the points of\n"+
			"disagreement by issue, the state of the channels, and what comes next\n"+
			"(pending commitments, expected meetings, what could derail them, the\n"+
			"index trend). Every statement is footnoted to its source sentences.")
	dbFlag(fs, c.Env, &c.DB)
	fs.StringVar(&c.Dyad, "dyad", DefaultDyad, "the pair of states, `A-B`")
	fs.StringVar(&c.From, "from", "", "first day `YYYY-MM-DD` (required)")
	fs.StringVar(&c.To, "to", "", "last day `YYYY-MM-DD` (required)")
	fs.StringVar(&c.Format, "format", "md", "output: md or html")
	fs.StringVar(&c.Out, "out", "", "write to `file` instead of stdout")
	if err := fs.Parse(args); err != nil {
		return err
	}
	d, err := parseDyad(c.Dyad)
	if err != nil {
		return err
	}
	from, err := parseDate("from", c.From)
	if err != nil {
		return err
	}
	to, err := parseDate("to", c.To)
	if err != nil {
		return err
	}
	if from.IsZero() || to.IsZero() || to.Before(from) {
		return dyad.Errorf(dyad.EINVALID, "brief needs --from and --to, with --to not before --from")
	}
	if c.Format != "md" && c.Format != "html" {
		return dyad.Errorf(dyad.EINVALID, "invalid --format %q: want md or html", c.Format)
	}
	svc, done, err := openService(c.Env, c.DB, &settingsFlags{})
	if err != nil {
		return err
	}
	defer done(&err)
	b, err := svc.Brief(ctx, d, from, to)
	if err != nil {
		return err
	}
	w := c.Env.Stdout
	if c.Out != "" {
		f, err := os.Create(c.Out)
		if err != nil {
			return err
		}
		defer closeFile(f, &err)
		w = f
	}
	if c.Format == "html" {
		return b.HTML(w)
	}
	return b.Markdown(w)
}
