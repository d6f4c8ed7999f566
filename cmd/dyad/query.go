package main

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/export"
	"github.com/dyad-dev/dyad/internal/sqlite"
)

// SearchCommand searches stored sentences.
type SearchCommand struct {
	Env   *Env
	DB    string
	Limit int
}

// Run parses args and searches.
func (c *SearchCommand) Run(ctx context.Context, args []string) (err error) {
	fs := newFlagSet(c.Env, "search", "[flags] QUERY",
		"Full-text search over the sentences of every stored document, English and\n"+
			"Chinese. Plain words match all of them; FTS5 syntax (\"exact phrase\", OR,\n"+
			"NOT, prefix*) is accepted.")
	dbFlag(fs, c.Env, &c.DB)
	fs.IntVar(&c.Limit, "limit", 20, "at most `N` hits")
	if err := fs.Parse(args); err != nil {
		return err
	}
	q := strings.TrimSpace(strings.Join(fs.Args(), " "))
	if q == "" {
		fs.Usage()
		return dyad.Errorf(dyad.EINVALID, "search needs a QUERY")
	}
	db, err := openDB(c.DB, false)
	if err != nil {
		return err
	}
	defer closeDB(db, &err)
	hits, err := sqlite.NewDocumentService(db).Search(ctx, q, c.Limit)
	if err != nil {
		return err
	}
	for _, h := range hits {
		fmt.Fprintf(c.Env.Stdout, "doc %d, sentence %d [%d:%d] %s %s\n    %s\n", h.DocID, h.Sentence, h.Span.Start, h.Span.End,
			h.Date.Format("2006-01-02"), h.Source, h.Snippet)
	}
	fmt.Fprintf(c.Env.Stdout, "%d hits\n", len(hits))
	return nil
}

// DocsCommand lists stored documents.
type DocsCommand struct {
	Env *Env
	DB  string
	ID  int64
}

// Run parses args and lists documents.
func (c *DocsCommand) Run(ctx context.Context, args []string) (err error) {
	fs := newFlagSet(c.Env, "docs", "[flags]", "Lists stored documents, or prints one with --id.")
	dbFlag(fs, c.Env, &c.DB)
	fs.Int64Var(&c.ID, "id", 0, "print the document with this `id`: metadata, then its sentences")
	if err := fs.Parse(args); err != nil {
		return err
	}
	db, err := openDB(c.DB, false)
	if err != nil {
		return err
	}
	defer closeDB(db, &err)
	svc := sqlite.NewDocumentService(db)
	if c.ID != 0 {
		d, err := svc.FindDocumentByID(ctx, c.ID)
		if err != nil {
			return err
		}
		sents, err := svc.FindSentences(ctx, d.ID)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.Env.Stdout, "id: %d\nsource: %s\ntitle: %s\npublisher: %s\ndate: %s\nkind: %s\nside: %s\nversion: %d\nhash: %s\n\n",
			d.ID, d.Source, d.Title, d.Publisher, day(d), d.Kind, d.Side, d.Version, d.Hash)
		for _, s := range sents {
			fmt.Fprintf(c.Env.Stdout, "[%d] %s\n", s.Index, d.Slice(s.Span))
		}
		return nil
	}
	docs, total, err := svc.FindDocuments(ctx, dyad.DocumentFilter{})
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(c.Env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATE\tSIDE\tKIND\tV\tPUBLISHER\tTITLE / SOURCE")
	for _, d := range docs {
		title := d.Title
		if title == "" {
			title = d.Source
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%s\t%s\n", d.ID, day(d), orDash(d.Side), orDash(d.Kind), d.Version, truncate(d.Publisher, 30), truncate(title, 60))
	}
	tw.Flush()
	fmt.Fprintf(c.Env.Stdout, "%d documents\n", total)
	return nil
}

func day(d *dyad.Document) string {
	if d.Date.IsZero() {
		return "-"
	}
	return d.Date.Format("2006-01-02")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// StatsCommand prints counts of what the database holds.
type StatsCommand struct {
	Env *Env
	DB  string
}

// Run parses args and prints statistics.
func (c *StatsCommand) Run(ctx context.Context, args []string) (err error) {
	fs := newFlagSet(c.Env, "stats", "[flags]", "Counts documents, sentences, mentions and events, by status, CAMEO root and publisher.")
	dbFlag(fs, c.Env, &c.DB)
	if err := fs.Parse(args); err != nil {
		return err
	}
	db, err := openDB(c.DB, false)
	if err != nil {
		return err
	}
	defer closeDB(db, &err)
	st, err := sqlite.NewDocumentService(db).Stats(ctx)
	if err != nil {
		return err
	}
	w := c.Env.Stdout
	fmt.Fprintf(w, "documents      %d\nsentences      %d\nactor mentions %d\nevents         %d (from %d reports)\n",
		st.Documents, st.Sentences, st.Mentions, st.Events, st.EventSources)
	if !st.First.IsZero() {
		fmt.Fprintf(w, "events dated   %s .. %s\n", st.First.Format("2006-01-02"), st.Last.Format("2006-01-02"))
	}
	printCounts(w, "by status", st.ByStatus)
	printCounts(w, "by CAMEO root", st.ByRoot)
	printCounts(w, "by publisher", st.ByPublisher)
	return nil
}

func printCounts(w interface{ Write([]byte) (int, error) }, title string, m map[string]int) {
	if len(m) == 0 {
		return
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	fmt.Fprintf(w, "\n%s:\n", title)
	for _, k := range keys {
		fmt.Fprintf(w, "  %-40s %d\n", orDash(k), m[k])
	}
}

// ExportCommand writes events in event-data formats.
type ExportCommand struct {
	Env    *Env
	DB     string
	Format string
	Out    string
	Header bool
	Filter filterFlags
}

// Run parses args and exports.
func (c *ExportCommand) Run(ctx context.Context, args []string) (err error) {
	fs := newFlagSet(c.Env, "export", "[flags]",
		"Writes stored events for R, Python and spreadsheets:\n"+
			"  gdelt   the 61 tab-separated columns of the GDELT 2.0 event table (no header, as GDELT; --header adds one)\n"+
			"  icews   the tab-separated columns of ICEWS event files, with header\n"+
			"  plover  a JSON array of PLOVER-style events (type, mode, context, actors, agents) plus dyad's status\n"+
			"  csv     dyad's tidy columns, one row per event, with header\n"+
			"  jsonl   dyad's JSON Lines, as 'dyad code' prints them, with every source\n"+
			"Column layouts are documented in docs/formats.md.")
	dbFlag(fs, c.Env, &c.DB)
	fs.StringVar(&c.Format, "format", "csv", "output `format`: "+strings.Join(export.Formats, ", "))
	fs.StringVar(&c.Out, "out", "", "write to `file` instead of stdout")
	fs.BoolVar(&c.Header, "header", false, "with --format gdelt, write a header row")
	c.Filter.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
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
	events, _, err := sqlite.NewEventService(db).FindEvents(ctx, ef)
	if err != nil {
		return err
	}
	lk, err := newLookup(ctx, db)
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
	if c.Header && c.Format == "gdelt" {
		if err := export.WriteGDELTHeader(w); err != nil {
			return err
		}
	}
	return export.Write(w, c.Format, events, lk)
}
