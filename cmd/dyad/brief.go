package main

import (
	"context"
	"os"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/analytics"
	"github.com/dyad-dev/dyad/internal/brief"
	"github.com/dyad-dev/dyad/internal/sqlite"
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
	db, err := openDB(c.DB, false)
	if err != nil {
		return err
	}
	defer closeDB(db, &err)
	b, err := composeBrief(ctx, c.Env, db, d, from, to)
	if err != nil {
		return err
	}
	w := c.Env.Stdout
	if c.Out != "" {
		f, err := os.Create(c.Out)
		if err != nil {
			return err
		}
		defer func() {
			if cerr := f.Close(); cerr != nil && err == nil {
				err = cerr
			}
		}()
		w = f
	}
	if c.Format == "html" {
		return b.HTML(w)
	}
	return b.Markdown(w)
}

// composeBrief computes every object the brief draws on, as of the end of
// the period, from the dyad's events.
func composeBrief(ctx context.Context, env *Env, db *sqlite.DB, d [2]string, from, to time.Time) (*brief.Brief, error) {
	events, _, err := sqlite.NewEventService(db).FindEvents(ctx, dyad.EventFilter{Dyad: &d, To: &to})
	if err != nil {
		return nil, err
	}
	// Channels are often acted on by one side alone ("China suspended the
	// climate talks"): those events have no target and no dyad.
	all, _, err := sqlite.NewEventService(db).FindEvents(ctx, dyad.EventFilter{To: &to})
	if err != nil {
		return nil, err
	}
	lk, err := newStoreLookup(ctx, db)
	if err != nil {
		return nil, err
	}
	cs, err := corrections(ctx, db)
	if err != nil {
		return nil, err
	}
	if events, err = correctedEvents(events, cs); err != nil {
		return nil, err
	}
	if all, err = correctedEvents(all, cs); err != nil {
		return nil, err
	}
	reports := reportsOf(events, lk)
	side := func(id int64) string {
		if doc := lk.Document(id); doc != nil {
			return doc.Side
		}
		return ""
	}
	chs, err := (&ChannelsCommand{Env: env}).loadRegistry(d)
	if err != nil {
		return nil, err
	}
	cfg, err := (&IndexCommand{Env: env}).loadConfig()
	if err != nil {
		return nil, err
	}
	channels := analytics.ChannelStates(chs, reportsOf(all, lk), to)
	leadReasons(ctx, db, lk, channels)
	channels = analytics.ApplyChannelCorrections(channels, cs)
	lib, err := loadLibrary(env, nil)
	if err != nil {
		return nil, err
	}
	docs, _, err := sqlite.NewDocumentService(db).FindDocuments(ctx, dyad.DocumentFilter{To: &to})
	if err != nil {
		return nil, err
	}
	views, err := loadViews(ctx, db, latestVersions(docs))
	if err != nil {
		return nil, err
	}
	in := &brief.Input{
		Positions: analytics.Positions(views, lib),
		Dyad:      d, From: from, To: to,
		Meetings: analytics.ApplyMeetingCorrections(analytics.Meetings(reports, side), cs),
		Channels: channels,
		Commits:  analytics.ApplyCommitmentCorrections(analytics.Commitments(reports, to), cs),
		Index:    analytics.ComputeIndex(events, d, analytics.Month, from.AddDate(0, -3, 0), to, cfg),
		Reports:  reports,
		Docs:     lk.Document,
		Names:    lk.CodeName,
	}
	return brief.Write(in), nil
}
