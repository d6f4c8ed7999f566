package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/analytics"
)

// PositionsCommand lists each actor's statements per issue, classed
// against the formulation library and the actor's earlier statements.
type PositionsCommand struct {
	Env     *Env
	DB      string
	Actor   string
	Issue   string
	From    string
	To      string
	Library stringList
	Format  string
}

// Run parses args and prints positions.
func (c *PositionsCommand) Run(ctx context.Context, args []string) (err error) {
	fs := newFlagSet(c.Env, "positions", "[flags]",
		"Lists what each side said on each issue, sentence by sentence, classed as\n"+
			"reiteration (a standard formulation, or the side's earlier wording),\n"+
			"variation (a formulation of several parts with parts dropped, added or\n"+
			"reordered) or new language, with omissions: a formulation the side used\n"+
			"in most of its earlier documents on the issue, missing from a document.\n"+
			"The library is dictionaries/dyad.formulations.txt; --library adds files.\n"+
			"History before --from still counts for the classes.")
	dbFlag(fs, c.Env, &c.DB)
	fs.StringVar(&c.Actor, "actor", "", "only this side, an ISO-3 `code` (USA, CHN)")
	fs.StringVar(&c.Issue, "issue", "", "only this `issue` (taiwan, trade, ukraine, talks, relations, …)")
	fs.StringVar(&c.From, "from", "", "only documents dated on or after `YYYY-MM-DD`")
	fs.StringVar(&c.To, "to", "", "only documents dated on or before `YYYY-MM-DD`")
	fs.Var(&c.Library, "library", "extra formulation library `file` (repeatable)")
	fs.StringVar(&c.Format, "format", "table", "output: table, md or json")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return dyad.Errorf(dyad.EINVALID, "positions takes no arguments, got %q", fs.Arg(0))
	}
	switch c.Format {
	case "table", "md", "json":
	default:
		return dyad.Errorf(dyad.EINVALID, "--format %q: want table, md or json", c.Format)
	}
	from, err := parseDate("from", c.From)
	if err != nil {
		return err
	}
	to, err := parseDate("to", c.To)
	if err != nil {
		return err
	}
	svc, done, err := openService(c.Env, c.DB, &settingsFlags{library: c.Library})
	if err != nil {
		return err
	}
	defer done(&err)
	all, err := svc.Positions(ctx, time.Time{})
	if err != nil {
		return err
	}
	actor := dyad.NormalizeSide(c.Actor)
	in := func(date string) bool {
		return (from.IsZero() || date >= from.Format("2006-01-02")) && (to.IsZero() || date <= to.Format("2006-01-02"))
	}
	var ps []analytics.Position
	for _, p := range all {
		if actor != "" && p.Actor != actor || c.Issue != "" && p.Issue != c.Issue {
			continue
		}
		q := analytics.Position{Actor: p.Actor, Issue: p.Issue, Statements: []analytics.Statement{}}
		for _, s := range p.Statements {
			if in(s.Date) {
				q.Statements = append(q.Statements, s)
			}
		}
		for _, o := range p.Omissions {
			if in(o.Doc.Date) {
				q.Omissions = append(q.Omissions, o)
			}
		}
		if len(q.Statements) > 0 {
			ps = append(ps, q)
		}
	}
	switch c.Format {
	case "json":
		if ps == nil {
			ps = []analytics.Position{}
		}
		enc := json.NewEncoder(c.Env.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(ps)
	case "md":
		return writePositionsMarkdown(c.Env.Stdout, ps)
	}
	return writePositionsTable(c.Env.Stdout, ps)
}

// statementDetail says why a statement got its class.
func statementDetail(s *analytics.Statement) string {
	var parts []string
	for _, m := range s.Formulations {
		x := m.ID
		if len(m.Dropped) > 0 {
			x += " dropped " + strings.Join(m.Dropped, ", ")
		}
		if len(m.Added) > 0 {
			x += " added " + strings.Join(m.Added, ", ")
		}
		if m.Reordered {
			x += " reordered"
		}
		parts = append(parts, x)
	}
	for _, m := range s.Borrowed {
		parts = append(parts, "borrows "+m.ID)
	}
	if s.Similar != nil {
		parts = append(parts, fmt.Sprintf("as doc %d s%d (%.2f)", s.Similar.DocID, s.Similar.Sentence, s.Similar.Score))
	}
	if s.Reported {
		parts = append(parts, "reported by "+orDash(s.Side))
	}
	return strings.Join(parts, "; ")
}

func writePositionsTable(w io.Writer, ps []analytics.Position) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ACTOR\tISSUE\tDATE\tDOC\tPUBLISHER\tSENT\tSPAN\tCLASS\tWHY\tTEXT")
	n, om := 0, 0
	for _, p := range ps {
		for _, s := range p.Statements {
			n++
			fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%d\t%d:%d\t%s\t%s\t%s\n", p.Actor, p.Issue, orDash(s.Date), s.DocID, truncate(orDash(s.Publisher), 28),
				s.Sentence, s.Span.Start, s.Span.End, s.Class, truncate(orDash(statementDetail(&s)), 60), truncate(s.Text, 70))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, p := range ps {
		for _, o := range p.Omissions {
			if om == 0 {
				fmt.Fprintln(w, "\nOmissions")
			}
			om++
			fmt.Fprintf(w, "  %s %s: doc %d (%s, %s) lacks %s %q, used in %d of %d earlier documents (last: doc %d s%d [%d:%d])\n",
				o.Actor, o.Issue, o.Doc.DocID, orDash(o.Doc.Publisher), orDash(o.Doc.Date), o.Formulation, o.Text, o.UsedIn, o.Of,
				o.Last.DocID, o.Last.Sentence, o.Last.Span.Start, o.Last.Span.End)
		}
	}
	_, err := fmt.Fprintf(w, "%d statements, %d omissions\n", n, om)
	return err
}

func writePositionsMarkdown(w io.Writer, ps []analytics.Position) error {
	fmt.Fprintf(w, "## Positions\n")
	for _, p := range ps {
		fmt.Fprintf(w, "\n### %s on %s\n\n| date | source | class | why | statement |\n|---|---|---|---|---|\n", p.Actor, p.Issue)
		for _, s := range p.Statements {
			fmt.Fprintf(w, "| %s | %s, doc %d s%d [%d:%d] | %s | %s | %s |\n", orDash(s.Date), mdEscape(orDash(s.Publisher)), s.DocID, s.Sentence,
				s.Span.Start, s.Span.End, s.Class, mdEscape(orDash(statementDetail(&s))), mdEscape(s.Text))
		}
		if len(p.Omissions) > 0 {
			fmt.Fprintln(w)
		}
		for _, o := range p.Omissions {
			fmt.Fprintf(w, "- Omission: doc %d (%s, %s) lacks “%s” (%s), used in %d of %d earlier documents; last in doc %d s%d.\n",
				o.Doc.DocID, mdEscape(orDash(o.Doc.Publisher)), orDash(o.Doc.Date), o.Text, o.Formulation, o.UsedIn, o.Of, o.Last.DocID, o.Last.Sentence)
		}
	}
	return nil
}

func mdEscape(s string) string { return strings.NewReplacer("|", "\\|", "\n", " ").Replace(s) }
