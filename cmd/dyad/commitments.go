package main

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/analytics"
	"github.com/dyad-dev/dyad/internal/record"
)

// CommitmentsCommand lists commitments and what became of them.
type CommitmentsCommand struct {
	Env    *Env
	DB     string
	AsOf   string
	Dyad   string
	Status string
	Format string
}

// Run parses args and prints commitments.
func (c *CommitmentsCommand) Run(ctx context.Context, args []string) (err error) {
	fs := newFlagSet(c.Env, "commitments", "[flags]",
		"Lists what the two sides promised (planned or proposed acts: visits,\n"+
			"talks, cooperation) with the owner, the counterpart, the deadline (the\n"+
			"stated date, or 12 months when none is stated) and the status as of a\n"+
			"date: pending, fulfilled (by which event), overdue, lapsed or withdrawn.")
	dbFlag(fs, c.Env, &c.DB)
	fs.StringVar(&c.AsOf, "as-of", "", "status on `YYYY-MM-DD` (default: after the last event)")
	fs.StringVar(&c.Dyad, "dyad", DefaultDyad, "the pair of states, `A-B`")
	fs.StringVar(&c.Status, "status", "", "only commitments with this `status`")
	fs.StringVar(&c.Format, "format", "table", "output: table or json")
	if err := fs.Parse(args); err != nil {
		return err
	}
	d, err := parseDyad(c.Dyad)
	if err != nil {
		return err
	}
	asOf, err := parseDate("as-of", c.AsOf)
	if err != nil {
		return err
	}
	svc, done, err := openService(c.Env, c.DB, &settingsFlags{})
	if err != nil {
		return err
	}
	defer done(&err)
	lk := svc.NewLookup(ctx)
	all, err := svc.Commitments(ctx, d, asOf, lk)
	if err != nil {
		return err
	}
	var cs []analytics.Commitment
	for _, cm := range all {
		if c.Status == "" || cm.Status == c.Status {
			cs = append(cs, cm)
		}
	}
	if c.Format == "json" {
		return writeCommitmentsJSON(c.Env, cs, lk)
	}
	tw := tabwriter.NewWriter(c.Env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "STATUS\tPROMISED\tOWNER\tCOUNTERPART\tACT\tDEADLINE\tRESOLVED BY\tSENTENCE\tKEY")
	for _, cm := range cs {
		ev := cm.Promise.Event
		cp := "-"
		if cm.Counterpart != nil {
			cp = actorLabel(cm.Counterpart)
		}
		act := ev.CAMEO + " " + lk.CodeName(ev.CAMEO)
		if ev.Object != "" {
			act += ": " + ev.Object
		}
		dl := cm.Deadline.Format("2006-01-02")
		if !cm.Stated {
			dl += " (implied)"
		}
		res := "-"
		if cm.Resolution != nil {
			res = fmt.Sprintf("#%d %s %s", cm.Resolution.Event.ID, cm.Resolution.Event.Date.Format("2006-01-02"), cm.Resolution.Event.Status)
		}
		status := cm.Status
		if len(cm.Corrections) > 0 {
			status += "*"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", status, ev.Date.Format("2006-01-02"), actorLabel(&cm.Owner), cp,
			truncate(act, 40), dl, res, truncate(cm.Promise.Text, 60), ev.Key)
	}
	tw.Flush()
	fmt.Fprintf(c.Env.Stdout, "%d commitments\n", len(cs))
	return nil
}

type commitmentJSON struct {
	Status      string            `json:"status"`
	Promise     commitmentEvent   `json:"promise"`
	Deadline    string            `json:"deadline"`
	Stated      bool              `json:"deadline_stated"`
	Resolution  *commitmentEvent  `json:"resolution,omitempty"`
	Key         string            `json:"key"`
	Corrections []dyad.Correction `json:"corrections,omitempty"`
}

// commitmentEvent is an event in a commitment: its id, date, code, status and
// the sentence that reported it, with where it is.
type commitmentEvent struct {
	EventID  int64       `json:"event_id"`
	Date     string      `json:"date"`
	CAMEO    string      `json:"cameo"`
	Status   string      `json:"status"`
	Object   string      `json:"object,omitempty"`
	Source   dyad.Actor  `json:"owner"`
	Target   *dyad.Actor `json:"counterpart"`
	DocID    int64       `json:"doc_id"`
	Sentence int         `json:"sentence"`
	Span     dyad.Span   `json:"span"`
	Text     string      `json:"text"`
}

func commitmentEventOf(r analytics.Report) commitmentEvent {
	ev := r.Event
	return commitmentEvent{EventID: ev.ID, Date: ev.Date.Format("2006-01-02"), CAMEO: ev.CAMEO, Status: string(ev.Status), Object: ev.Object,
		Source: ev.Source, Target: ev.Target, DocID: ev.DocID, Sentence: ev.Sentence, Span: ev.Span, Text: r.Text}
}

func writeCommitmentsJSON(env *Env, cs []analytics.Commitment, _ *record.Lookup) error {
	out := make([]commitmentJSON, 0, len(cs))
	for _, cm := range cs {
		j := commitmentJSON{Key: cm.Promise.Event.Key, Corrections: cm.Corrections, Status: cm.Status, Promise: commitmentEventOf(cm.Promise), Deadline: cm.Deadline.Format("2006-01-02"), Stated: cm.Stated}
		if cm.Resolution != nil {
			r := commitmentEventOf(*cm.Resolution)
			j.Resolution = &r
		}
		out = append(out, j)
	}
	return writeJSON(env.Stdout, out)
}
