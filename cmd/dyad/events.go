package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/dictionaries"
	"github.com/dyad-dev/dyad/internal/coding"
	"github.com/dyad-dev/dyad/internal/export"
	"github.com/dyad-dev/dyad/internal/record"
	"github.com/dyad-dev/dyad/internal/sqlite"
)

// filterFlags are the event filters shared by events and export.
type filterFlags struct {
	dyad, from, to, actor, typ, status, issue string
	limit, offset                             int
}

func (f *filterFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.dyad, "dyad", "", "only events between two states, `A-B` (either direction)")
	fs.StringVar(&f.from, "from", "", "only events on or after `YYYY-MM-DD`")
	fs.StringVar(&f.to, "to", "", "only events on or before `YYYY-MM-DD`")
	fs.StringVar(&f.actor, "actor", "", "only events whose source or target matches an actor `code` prefix, country or person")
	fs.StringVar(&f.typ, "type", "", "only events of a CAMEO code prefix (04, 042) or PLOVER `type` (CONSULT)")
	fs.StringVar(&f.status, "status", "", "only events with this `status` ("+statusList()+")")
	fs.StringVar(&f.issue, "issue", "", "only events tagged with this `issue` (taiwan, trade, …)")
}

func statusList() string {
	s := make([]string, len(dyad.Statuses))
	for i, x := range dyad.Statuses {
		s[i] = string(x)
	}
	return strings.Join(s, ", ")
}

func (f *filterFlags) filter() (dyad.EventFilter, error) {
	var ef dyad.EventFilter
	if f.dyad != "" {
		d, err := parseDyad(f.dyad)
		if err != nil {
			return ef, err
		}
		ef.Dyad = &d
	}
	if f.from != "" {
		t, err := parseDate("from", f.from)
		if err != nil {
			return ef, err
		}
		ef.From = &t
	}
	if f.to != "" {
		t, err := parseDate("to", f.to)
		if err != nil {
			return ef, err
		}
		ef.To = &t
	}
	if f.actor != "" {
		ef.Actor = &f.actor
	}
	if f.typ != "" {
		ef.Type = &f.typ
	}
	if f.status != "" {
		s := dyad.Status(strings.ToLower(f.status))
		if !dyad.ValidStatus(s) {
			return ef, dyad.Errorf(dyad.EINVALID, "invalid --status %q: want one of %s", f.status, statusList())
		}
		ef.Status = &s
	}
	if f.issue != "" {
		ef.Issue = &f.issue
	}
	ef.Limit, ef.Offset = f.limit, f.offset
	return ef, nil
}

// newLookup returns a cached document lookup for one command, with the
// shipped codebook's names.
func newLookup(ctx context.Context, db *sqlite.DB) (*record.Lookup, error) {
	cb, err := coding.LoadCodebook(dictionaries.FS, "icews/cameo-codes.csv", "cameo-plover.txt")
	if err != nil {
		return nil, fmt.Errorf("codebook: %w", err)
	}
	return (&record.Service{DB: db, Settings: record.Settings{Codebook: cb}}).NewLookup(ctx), nil
}

// EventsCommand lists stored events.
type EventsCommand struct {
	Env    *Env
	DB     string
	Format string
	Filter filterFlags
}

// Run parses args and lists events.
func (c *EventsCommand) Run(ctx context.Context, args []string) (err error) {
	fs := newFlagSet(c.Env, "events", "[flags]",
		"Lists stored events, oldest first, with their status and how many reports\n"+
			"(sentences in documents) support each.")
	dbFlag(fs, c.Env, &c.DB)
	fs.StringVar(&c.Format, "format", "table", "output `format`: table, json (JSON Lines) or csv")
	fs.IntVar(&c.Filter.limit, "limit", 0, "at most `N` events (0: all)")
	fs.IntVar(&c.Filter.offset, "offset", 0, "skip the first `N` events")
	c.Filter.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return dyad.Errorf(dyad.EINVALID, "events takes no arguments (got %q); use flags", fs.Args())
	}
	ef, err := c.Filter.filter()
	if err != nil {
		return err
	}
	db, err := openDB(c.DB, false)
	if err != nil {
		return err
	}
	defer closeDB(db, &err)
	events, total, err := sqlite.NewEventService(db).FindEvents(ctx, ef)
	if err != nil {
		return err
	}
	lk, err := newLookup(ctx, db)
	if err != nil {
		return err
	}
	switch c.Format {
	case "table":
		writeEventTable(c.Env.Stdout, events, lk)
		fmt.Fprintf(c.Env.Stdout, "%d of %d events\n", len(events), total)
		return nil
	case "json", "jsonl":
		return export.Write(c.Env.Stdout, "jsonl", events, lk)
	case "csv":
		return export.Write(c.Env.Stdout, "csv", events, lk)
	}
	return dyad.Errorf(dyad.EINVALID, "invalid --format %q: want table, json or csv", c.Format)
}

// writeEventTable prints events as an aligned table for reading.
func writeEventTable(w io.Writer, events []*dyad.Event, lk export.Lookup) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATE\tSTATUS\tSOURCE\tTARGET\tCAMEO\tEVENT\tN\tSENTENCE")
	for _, ev := range events {
		target := "-"
		if ev.Target != nil {
			target = actorLabel(ev.Target)
		}
		text := export.NewRecord(ev, "", lk).Text
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", ev.ID, dateLabel(ev), ev.Status,
			actorLabel(&ev.Source), target, ev.CAMEO, truncate(lk.CodeName(ev.CAMEO), 28), max(len(ev.Sources), 1), truncate(text, 70))
	}
	tw.Flush()
}

func actorLabel(a *dyad.Actor) string {
	if a.Person != "" {
		return a.Code + " (" + a.Person + ")"
	}
	return a.Code
}

func dateLabel(ev *dyad.Event) string {
	s := ev.Date.Format("2006-01-02")
	if !ev.DateEnd.IsZero() && !ev.DateEnd.Equal(ev.Date) {
		s += ".." + ev.DateEnd.Format("01-02")
	}
	if ev.DateFromDoc {
		s += "*"
	}
	return s
}

// truncate shortens s to n runes with an ellipsis, on one line.
func truncate(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
