package main

import (
	"context"
	"fmt"
	"os"
	"text/tabwriter"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/analytics"
	"github.com/dyad-dev/dyad/internal/chart"
)

// IndexCommand computes the relations index of a dyad.
type IndexCommand struct {
	Env     *Env
	DB      string
	Dyad    string
	By      string
	From    string
	To      string
	Config  string
	Explain string
	SVG     string
	Format  string
}

// Run parses args and prints the index.
func (c *IndexCommand) Run(ctx context.Context, args []string) (err error) {
	fs := newFlagSet(c.Env, "index", "[flags]",
		"Computes the relations index: per direction and period, a cooperation\n"+
			"axis and a conflict axis (Goldstein values weighted by the level of the\n"+
			"officials and by what became of each act, every event counted once),\n"+
			"and a state score on the -9..+9 scale that flows from period to period\n"+
			"and decays toward a baseline. Weights and dynamics are in a file you can\n"+
			"copy and change (dictionaries/dyad.index.txt documents each value).\n"+
			"--explain PERIOD lists the events behind that period's values.")
	dbFlag(fs, c.Env, &c.DB)
	fs.StringVar(&c.Dyad, "dyad", DefaultDyad, "the pair of states, `A-B`")
	fs.StringVar(&c.By, "by", "month", "period: week, month or quarter")
	fs.StringVar(&c.From, "from", "", "first day `YYYY-MM-DD` (default: first event)")
	fs.StringVar(&c.To, "to", "", "last day `YYYY-MM-DD` (default: last event)")
	fs.StringVar(&c.Config, "config", "", "weights `file` (default: the shipped dyad.index.txt)")
	fs.StringVar(&c.Explain, "explain", "", "list the events behind one `PERIOD` (2023-06, 2023-Q2, 2023-W25)")
	fs.StringVar(&c.SVG, "svg", "", "also write the chart to this SVG `file`")
	fs.StringVar(&c.Format, "format", "table", "output: table or json")
	if err := fs.Parse(args); err != nil {
		return err
	}
	d, err := parseDyad(c.Dyad)
	if err != nil {
		return err
	}
	by := analytics.Granularity(c.By)
	if by != analytics.Week && by != analytics.Month && by != analytics.Quarter {
		return dyad.Errorf(dyad.EINVALID, "invalid --by %q: want week, month or quarter", c.By)
	}
	from, err := parseDate("from", c.From)
	if err != nil {
		return err
	}
	to, err := parseDate("to", c.To)
	if err != nil {
		return err
	}
	svc, done, err := openService(c.Env, c.DB, &settingsFlags{index: c.Config})
	if err != nil {
		return err
	}
	defer done(&err)
	idx, err := svc.Index(ctx, d, by, from, to)
	if err != nil {
		return err
	}

	if c.SVG != "" {
		if err := writeIndexSVG(c.SVG, idx); err != nil {
			return err
		}
	}
	if c.Explain != "" {
		return c.explain(idx)
	}
	if c.Format == "json" {
		return writeIndexJSON(c.Env, idx)
	}
	w := c.Env.Stdout
	for _, s := range idx.Series {
		states := make([]float64, len(s.Points))
		for i, p := range s.Points {
			states[i] = p.State
		}
		fmt.Fprintf(w, "%s -> %s  %s\n", s.From, s.To, chart.Sparkline(states, -9, 9))
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "PERIOD\tDIRECTION\tEVENTS\tCOOPERATION\tCONFLICT\tSTATE\tBAND\t\n")
	for i := range idx.Series[0].Points {
		for _, s := range idx.Series {
			p := s.Points[i]
			fmt.Fprintf(tw, "%s\t%s->%s\t%d\t%.2f\t%.2f\t%+.2f\t%s\t\n", p.Label, s.From, s.To, p.Events, p.Cooperation, p.Conflict, p.State, p.Band)
		}
	}
	return tw.Flush()
}

func (c *IndexCommand) explain(idx *analytics.Index) error {
	w := c.Env.Stdout
	found := false
	for _, s := range idx.Series {
		for _, p := range s.Points {
			if p.Label != c.Explain {
				continue
			}
			found = true
			fmt.Fprintf(w, "%s %s -> %s: cooperation %.2f, conflict %.2f, state %+.2f (%s), %d events\n",
				p.Label, s.From, s.To, p.Cooperation, p.Conflict, p.State, p.Band, p.Events)
			for _, ct := range p.Contributions {
				e := ct.Event
				tgt := "-"
				if e.Target != nil {
					tgt = actorLabel(e.Target)
				}
				fmt.Fprintf(w, "  %+7.2f = %5.1f goldstein x %.2f level x %+.1f %-9s  #%d %s %s %s -> %s\n",
					ct.Value, e.Goldstein, ct.LevelWeight, ct.StatusFactor, e.Status, e.ID, e.Date.Format("2006-01-02"), e.CAMEO, actorLabel(&e.Source), tgt)
			}
		}
	}
	if !found {
		return dyad.Errorf(dyad.ENOTFOUND, "no period %q in the index (labels look like 2023-06, 2023-Q2 or 2023-W25)", c.Explain)
	}
	return nil
}

func writeIndexJSON(env *Env, idx *analytics.Index) error {
	return writeJSON(env.Stdout, idx.Rows())
}

var bandColors = map[string]string{
	"confrontation": "#f4c7c3", "tense": "#f9dcc4", "discord": "#fcefd9",
	"normal": "#e8f1fa", "good": "#d6eadf", "friendly": "#c3e6cb",
}

func writeIndexSVG(path string, idx *analytics.Index) error {
	var labels []string
	for _, p := range idx.Series[0].Points {
		labels = append(labels, p.Label)
	}
	colors := [2]string{"#1f4e9c", "#b22222"}
	var lines []chart.Line
	for i, s := range idx.Series {
		ln := chart.Line{Name: s.From + "→" + s.To, Color: colors[i]}
		for _, p := range s.Points {
			ln.Values = append(ln.Values, p.State)
		}
		lines = append(lines, ln)
	}
	var bands []chart.Band
	for _, b := range analytics.Bands {
		bands = append(bands, chart.Band{Name: b.Name, From: b.From, To: b.To, Color: bandColors[b.Name]})
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	title := fmt.Sprintf("%s–%s relations index, by %s", idx.Dyad[0], idx.Dyad[1], idx.By)
	if err := chart.SVG(f, title, labels, lines, bands, -9, 9); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
