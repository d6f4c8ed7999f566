package main

import (
	"context"
	"strconv"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/record"
	"github.com/dyad-dev/dyad/internal/sqlite"
)

// CompareCommand sets two accounts of one encounter side by side.
type CompareCommand struct {
	Env     *Env
	DB      string
	Library stringList
	Format  string
	Meeting int
	Dyad    string
}

// Run parses args and prints the comparison of two documents.
func (c *CompareCommand) Run(ctx context.Context, args []string) (err error) {
	fs := newFlagSet(c.Env, "compare", "[flags] DOC_ID DOC_ID | --meeting N",
		"Compares two accounts of one encounter, usually the two governments'\n"+
			"readouts of a meeting: the issues each mentions, with their sentences;\n"+
			"what only one side mentions (issues, actors, formulations, agreements);\n"+
			"how each characterises the talks (\"candid, substantive and constructive\"\n"+
			"vs \"candid, in-depth and constructive\"); how each frames the encounter\n"+
			"(a meeting or an \"informal contact\", at whose request); length and order\n"+
			"of topics. Document IDs are those of 'dyad docs'; --meeting N compares\n"+
			"the two sides' readouts of meeting N of 'dyad meetings'.")
	dbFlag(fs, c.Env, &c.DB)
	fs.Var(&c.Library, "library", "extra formulation library `file` (repeatable)")
	fs.StringVar(&c.Format, "format", "text", "output: text, md or json")
	fs.IntVar(&c.Meeting, "meeting", 0, "compare the two sides' readouts of meeting `N` ('dyad meetings')")
	fs.StringVar(&c.Dyad, "dyad", DefaultDyad, "with --meeting, the pair of states, `A-B`")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if c.Meeting != 0 {
		return c.runMeeting(ctx)
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
	svc, done, err := openService(c.Env, c.DB, &settingsFlags{library: c.Library})
	if err != nil {
		return err
	}
	defer done(&err)
	ds := sqlite.NewDocumentService(svc.DB)
	docs := make([]*dyad.Document, 2)
	for i, id := range ids {
		if docs[i], err = ds.FindDocumentByID(ctx, id); err != nil {
			return err
		}
	}
	return c.write(ctx, svc, docs)
}

// runMeeting compares the first readout of each side of one meeting.
func (c *CompareCommand) runMeeting(ctx context.Context) (err error) {
	d, err := parseDyad(c.Dyad)
	if err != nil {
		return err
	}
	switch c.Format {
	case "text", "md", "json":
	default:
		return dyad.Errorf(dyad.EINVALID, "--format %q: want text, md or json", c.Format)
	}
	svc, done, err := openService(c.Env, c.DB, &settingsFlags{library: c.Library})
	if err != nil {
		return err
	}
	defer done(&err)
	lk := svc.NewLookup(ctx)
	ms, err := svc.Meetings(ctx, d, time.Time{}, lk)
	if err != nil {
		return err
	}
	for _, m := range ms {
		if m.ID != c.Meeting {
			continue
		}
		docs := make([]*dyad.Document, 2)
		for _, r := range m.Readouts {
			for i, side := range d {
				if r.Side == side && docs[i] == nil {
					docs[i] = lk.Document(r.DocID)
				}
			}
		}
		if docs[0] == nil || docs[1] == nil {
			return dyad.Errorf(dyad.ENOTFOUND, "meeting %d has no readout from both %s and %s (its readouts: %v)", m.ID, d[0], d[1], m.Readouts)
		}
		return c.write(ctx, svc, docs)
	}
	return dyad.Errorf(dyad.ENOTFOUND, "no meeting %d (run 'dyad meetings' for the list)", c.Meeting)
}

func (c *CompareCommand) write(ctx context.Context, svc *record.Service, docs []*dyad.Document) error {
	cmp, err := svc.Compare(ctx, docs[0], docs[1])
	if err != nil {
		return err
	}
	switch c.Format {
	case "json":
		return cmp.WriteJSON(c.Env.Stdout)
	case "md":
		return cmp.WriteMarkdown(c.Env.Stdout)
	}
	return cmp.WriteText(c.Env.Stdout)
}
