package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/analytics"
	"github.com/dyad-dev/dyad/internal/record"
)

// MeetingsCommand lists the meetings of a dyad with their lifecycle.
type MeetingsCommand struct {
	Env    *Env
	DB     string
	Dyad   string
	From   string
	To     string
	ID     int
	Format string
}

// Run parses args and prints meetings.
func (c *MeetingsCommand) Run(ctx context.Context, args []string) (err error) {
	fs := newFlagSet(c.Env, "meetings", "[flags]",
		"Groups the consultation events of the dyad into meetings: participants\n"+
			"with their offices, dates, place, format (visit, hosted, third location,\n"+
			"sidelines of a forum, phone, video) and lifecycle (proposed, scheduled,\n"+
			"postponed, declined, cancelled, held) with who did what and the stated\n"+
			"reason, and the readouts of both sides that report it. --id N shows one.")
	dbFlag(fs, c.Env, &c.DB)
	fs.StringVar(&c.Dyad, "dyad", DefaultDyad, "the pair of states, `A-B`")
	fs.StringVar(&c.From, "from", "", "only meetings on or after `YYYY-MM-DD`")
	fs.StringVar(&c.To, "to", "", "only meetings on or before `YYYY-MM-DD`")
	fs.IntVar(&c.ID, "id", 0, "show one meeting `N` with its lifecycle and readouts")
	fs.StringVar(&c.Format, "format", "table", "output: table or json")
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
	svc, done, err := openService(c.Env, c.DB, &settingsFlags{})
	if err != nil {
		return err
	}
	defer done(&err)
	lk := svc.NewLookup(ctx)
	all, err := svc.Meetings(ctx, d, time.Time{}, lk)
	if err != nil {
		return err
	}
	var ms []analytics.Meeting
	for _, m := range all {
		if (from.IsZero() || !m.End.Before(from)) && (to.IsZero() || !m.Start.After(to)) {
			ms = append(ms, m)
		}
	}
	if c.ID != 0 {
		for _, m := range ms {
			if m.ID == c.ID {
				return c.detail(m, lk)
			}
		}
		return dyad.Errorf(dyad.ENOTFOUND, "no meeting %d (run 'dyad meetings' for the list)", c.ID)
	}
	if c.Format == "json" {
		return writeMeetingsJSON(c.Env, ms, lk)
	}
	tw := tabwriter.NewWriter(c.Env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATES\tSTATE\tFORMAT\tPLACE\tPARTICIPANTS\tREADOUTS\tSTEPS\tKEY")
	for _, m := range ms {
		state := m.State
		if len(m.Corrections) > 0 {
			state += "*"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", m.ID, meetingDates(m), state, truncate(m.Format, 28), orDash(m.Place),
			truncate(participants(m), 60), readouts(m), len(m.Steps), m.Key)
	}
	tw.Flush()
	fmt.Fprintf(c.Env.Stdout, "%d meetings (a state with * was corrected by an analyst; 'dyad corrections' lists them)\n", len(ms))
	return nil
}

func meetingDates(m analytics.Meeting) string {
	s := m.Start.Format("2006-01-02")
	if m.End.After(m.Start) {
		s += ".." + m.End.Format("01-02")
	}
	return s
}

func participants(m analytics.Meeting) string {
	var ps []string
	for _, p := range m.Participants {
		switch {
		case p.Person != "" && p.Office != "":
			ps = append(ps, p.Person+" ("+p.Office+")")
		case p.Person != "":
			ps = append(ps, p.Person)
		default:
			ps = append(ps, p.Code)
		}
	}
	return strings.Join(ps, "; ")
}

func readouts(m analytics.Meeting) string {
	n := map[string]int{}
	for _, r := range m.Readouts {
		n[orDash(r.Side)]++
	}
	var parts []string
	for _, s := range []string{m.Pair[0], m.Pair[1], "-"} {
		if n[s] > 0 {
			parts = append(parts, fmt.Sprintf("%s:%d", s, n[s]))
		}
	}
	return strings.Join(parts, " ")
}

func (c *MeetingsCommand) detail(m analytics.Meeting, lk *record.Lookup) error {
	w := c.Env.Stdout
	fmt.Fprintf(w, "Meeting %d: %s, %s, %s", m.ID, meetingDates(m), m.State, m.Format)
	if m.Place != "" {
		fmt.Fprintf(w, ", %s", m.Place)
	}
	fmt.Fprintf(w, "\nParticipants: %s\n\nLifecycle:\n", participants(m))
	for _, s := range m.Steps {
		ev := s.Report.Event
		fmt.Fprintf(w, "  %s  %-10s by %s", s.Date.Format("2006-01-02"), s.Status, s.By)
		if s.Reason != "" {
			fmt.Fprintf(w, " (%s)", s.Reason)
		}
		fmt.Fprintf(w, "  [event #%d, %s]\n      %q\n", ev.ID, ev.CAMEO, s.Report.Text)
	}
	fmt.Fprintf(w, "\nReadouts:\n")
	for _, r := range m.Readouts {
		doc := lk.Document(r.DocID)
		if doc == nil {
			continue
		}
		fmt.Fprintf(w, "  doc %d  %s  %s  %s\n      %s\n", doc.ID, orDash(r.Side), day(doc), doc.Publisher, doc.Source)
	}
	return nil
}

type meetingJSON struct {
	ID           int                 `json:"id"`
	Key          string              `json:"key"`
	Corrections  []dyad.Correction   `json:"corrections,omitempty"`
	Start        string              `json:"start"`
	End          string              `json:"end"`
	State        string              `json:"state"`
	Format       string              `json:"format"`
	Place        string              `json:"place,omitempty"`
	Participants []dyad.Actor        `json:"participants"`
	Steps        []evidence          `json:"steps"`
	Readouts     []analytics.Readout `json:"readouts"`
}

func writeMeetingsJSON(env *Env, ms []analytics.Meeting, _ *record.Lookup) error {
	out := make([]meetingJSON, 0, len(ms))
	for _, m := range ms {
		j := meetingJSON{ID: m.ID, Key: m.Key, Corrections: m.Corrections, Start: m.Start.Format("2006-01-02"), End: m.End.Format("2006-01-02"), State: m.State, Format: m.Format,
			Place: m.Place, Participants: m.Participants, Readouts: m.Readouts}
		for _, s := range m.Steps {
			j.Steps = append(j.Steps, evidenceOf(s.Report, "", s.By, s.Reason))
		}
		out = append(out, j)
	}
	return writeJSON(env.Stdout, out)
}
