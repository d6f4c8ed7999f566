package main

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/analytics"
	"github.com/dyad-dev/dyad/internal/record"
)

// ChannelsCommand shows the state of the dyad's dialogue channels.
type ChannelsCommand struct {
	Env      *Env
	DB       string
	AsOf     string
	Dyad     string
	Registry stringList
	Channel  string
	Format   string
}

// Run parses args and prints channel states.
func (c *ChannelsCommand) Run(ctx context.Context, args []string) (err error) {
	fs := newFlagSet(c.Env, "channels", "[flags]",
		"Shows every dialogue channel of the dyad (summits, ministerial talks,\n"+
			"military dialogues, hotlines, working groups) with its state as of a\n"+
			"date: active, suspended (by whom), resumed, promised, dormant (no meeting\n"+
			"for twice its usual cadence) or unknown (no event in the database).\n"+
			"The registry of channels is dictionaries/dyad.channels.txt; --registry\n"+
			"adds files of the same format. --channel ID lists the evidence.")
	dbFlag(fs, c.Env, &c.DB)
	fs.StringVar(&c.AsOf, "as-of", "", "state on `YYYY-MM-DD` (default: after the last event)")
	fs.StringVar(&c.Dyad, "dyad", DefaultDyad, "the pair of states, `A-B`")
	fs.Var(&c.Registry, "registry", "extra channel registry `file` (repeatable)")
	fs.StringVar(&c.Channel, "channel", "", "print the evidence for one channel `ID`")
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
	svc, done, err := openService(c.Env, c.DB, &settingsFlags{registry: c.Registry})
	if err != nil {
		return err
	}
	defer done(&err)
	lk := svc.NewLookup(ctx)
	states, err := svc.Channels(ctx, d, asOf, lk)
	if err != nil {
		return err
	}

	if c.Channel != "" {
		for _, st := range states {
			if st.Channel.ID == c.Channel {
				return c.evidence(st, lk)
			}
		}
		return dyad.Errorf(dyad.ENOTFOUND, "no channel %q in the registry", c.Channel)
	}
	if c.Format == "json" {
		return writeChannelsJSON(c.Env, states)
	}
	w := c.Env.Stdout
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "CHANNEL\tKIND\tSTATE\tSINCE\tBY\tLAST MEETING\tEVIDENCE\tID")
	for _, st := range states {
		state := st.State
		if len(st.Corrections) > 0 {
			state += "*"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", truncate(st.Channel.Name, 44), st.Channel.Kind, state,
			dayOrDash(st.Since), orDash(st.By), dayOrDash(st.LastMeeting), len(st.Changes), st.Channel.ID)
	}
	return tw.Flush()
}

func (c *ChannelsCommand) evidence(st analytics.ChannelState, lk *record.Lookup) error {
	w := c.Env.Stdout
	fmt.Fprintf(w, "%s (%s): %s since %s", st.Channel.Name, st.Channel.ID, st.State, dayOrDash(st.Since))
	if st.By != "" {
		fmt.Fprintf(w, " by %s", st.By)
	}
	fmt.Fprintln(w)
	for _, ch := range st.Changes {
		ev := ch.Report.Event
		state := ch.State
		if state == "" {
			state = "(no change)"
		}
		src := ""
		if doc := lk.Document(ev.DocID); doc != nil {
			src = doc.Publisher
			if src == "" {
				src = doc.Source
			}
		}
		fmt.Fprintf(w, "  %s  %-11s -> %-11s %s  event #%d, %s, sentence %d [%d:%d]\n      %q\n",
			ev.Date.Format("2006-01-02"), ev.Status, state, ch.By, ev.ID, src, ev.Sentence, ev.Span.Start, ev.Span.End, ch.Report.Text)
		if ch.Reason != "" {
			fmt.Fprintf(w, "      reason: %s\n", ch.Reason)
		}
	}
	return nil
}

type channelJSON struct {
	ID          string            `json:"id"`
	Name        string            `json:"name"`
	Kind        string            `json:"kind"`
	State       string            `json:"state"`
	Since       string            `json:"since,omitempty"`
	By          string            `json:"by,omitempty"`
	LastMeeting string            `json:"last_meeting,omitempty"`
	Evidence    []evidence        `json:"evidence"`
	Corrections []dyad.Correction `json:"corrections,omitempty"`
}

func writeChannelsJSON(env *Env, states []analytics.ChannelState) error {
	out := make([]channelJSON, 0, len(states))
	for _, st := range states {
		j := channelJSON{ID: st.Channel.ID, Name: st.Channel.Name, Kind: st.Channel.Kind, State: st.State,
			Since: dayOrEmpty(st.Since), By: st.By, LastMeeting: dayOrEmpty(st.LastMeeting), Evidence: []evidence{}, Corrections: st.Corrections}
		for _, ch := range st.Changes {
			j.Evidence = append(j.Evidence, evidenceOf(ch.Report, ch.State, ch.By, ch.Reason))
		}
		out = append(out, j)
	}
	return writeJSON(env.Stdout, out)
}

// dayOrDash formats a date, or "-" for none.
func dayOrDash(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format("2006-01-02")
}

// dayOrEmpty formats a date, or "" for none.
func dayOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
