package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"text/tabwriter"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/dictionaries"
	"github.com/dyad-dev/dyad/internal/analytics"
	"github.com/dyad-dev/dyad/internal/sqlite"
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
	chs, err := c.loadRegistry(d)
	if err != nil {
		return err
	}
	db, err := openDB(c.DB, false)
	if err != nil {
		return err
	}
	defer closeDB(db, &err)
	var f dyad.EventFilter
	if !asOf.IsZero() {
		f.To = &asOf
	}
	events, _, err := sqlite.NewEventService(db).FindEvents(ctx, f)
	if err != nil {
		return err
	}
	lk, err := newStoreLookup(ctx, db)
	if err != nil {
		return err
	}
	cs, err := corrections(ctx, db)
	if err != nil {
		return err
	}
	if events, err = correctedEvents(events, cs); err != nil {
		return err
	}
	states := analytics.ChannelStates(chs, reportsOf(events, lk), asOf)
	leadReasons(ctx, db, lk, states)
	states = analytics.ApplyChannelCorrections(states, cs)

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

func (c *ChannelsCommand) loadRegistry(d [2]string) ([]analytics.Channel, error) {
	f, err := dictionaries.FS.Open("dyad.channels.txt")
	if err != nil {
		return nil, err
	}
	chs, diags, err := analytics.ParseChannels("dyad.channels.txt", f)
	f.Close()
	if err != nil {
		return nil, err
	}
	for _, p := range c.Registry {
		rf, err := os.Open(p)
		if err != nil {
			return nil, dyad.Errorf(dyad.EINVALID, "--registry: %v", err)
		}
		more, dl, err := analytics.ParseChannels(p, rf)
		rf.Close()
		if err != nil {
			return nil, err
		}
		diags = append(diags, dl...)
		chs = append(chs, more...)
	}
	printDiagnostics(c.Env, diags)
	var out []analytics.Channel
	for _, ch := range chs {
		if ch.Dyad == d || ch.Dyad == [2]string{d[1], d[0]} {
			out = append(out, ch)
		}
	}
	return out, nil
}

func (c *ChannelsCommand) evidence(st analytics.ChannelState, lk *storeLookup) error {
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
	Evidence    []channelChange   `json:"evidence"`
	Corrections []dyad.Correction `json:"corrections,omitempty"`
}

type channelChange struct {
	Date     string `json:"date"`
	Status   string `json:"status"`
	State    string `json:"state,omitempty"`
	By       string `json:"by"`
	Reason   string `json:"reason,omitempty"`
	EventID  int64  `json:"event_id"`
	DocID    int64  `json:"doc_id"`
	Sentence int    `json:"sentence"`
	Span     [2]int `json:"span"`
	Text     string `json:"text"`
}

func writeChannelsJSON(env *Env, states []analytics.ChannelState) error {
	out := make([]channelJSON, 0, len(states))
	for _, st := range states {
		j := channelJSON{ID: st.Channel.ID, Name: st.Channel.Name, Kind: st.Channel.Kind, State: st.State,
			Since: dayOrEmpty(st.Since), By: st.By, LastMeeting: dayOrEmpty(st.LastMeeting), Evidence: []channelChange{}, Corrections: st.Corrections}
		for _, ch := range st.Changes {
			ev := ch.Report.Event
			j.Evidence = append(j.Evidence, channelChange{Date: ev.Date.Format("2006-01-02"), Status: string(ev.Status), State: ch.State, By: ch.By, Reason: ch.Reason,
				EventID: ev.ID, DocID: ev.DocID, Sentence: ev.Sentence, Span: [2]int{ev.Span.Start, ev.Span.End}, Text: ch.Report.Text})
		}
		out = append(out, j)
	}
	enc := json.NewEncoder(env.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func dayOrDash(t interface{ IsZero() bool }) string {
	if s := dayOrEmpty(t); s != "" {
		return s
	}
	return "-"
}

func dayOrEmpty(t interface{ IsZero() bool }) string {
	if t.IsZero() {
		return ""
	}
	if tt, ok := t.(interface{ Format(string) string }); ok {
		return tt.Format("2006-01-02")
	}
	return ""
}

// reportsOf pairs events with the sentence of their first report.
func reportsOf(events []*dyad.Event, lk *storeLookup) []analytics.Report {
	reports := make([]analytics.Report, 0, len(events))
	for _, ev := range events {
		r := analytics.Report{Event: ev}
		if doc := lk.Document(ev.DocID); doc != nil {
			r.Text = doc.Slice(ev.Span)
		}
		reports = append(reports, r)
	}
	return reports
}

// leadReasons fills in, for suspensions and cancellations that state no
// reason of their own, the reason stated in their document's headline or
// lead: statements that list measures give the reason once, at the top
// ("Countermeasures in response to ..."). It reads each document's first
// two sentences once.
func leadReasons(ctx context.Context, db *sqlite.DB, lk *storeLookup, states []analytics.ChannelState) {
	docs := sqlite.NewDocumentService(db)
	cache := map[int64]string{}
	lead := func(id int64) string {
		if r, ok := cache[id]; ok {
			return r
		}
		r := ""
		if doc := lk.Document(id); doc != nil {
			if sents, err := docs.FindSentences(ctx, id); err == nil {
				for i := 0; i < len(sents) && i < 2 && r == ""; i++ {
					r = analytics.ReasonOf(doc.Slice(sents[i].Span))
				}
			}
		}
		cache[id] = r
		return r
	}
	for i := range states {
		for j := range states[i].Changes {
			ch := &states[i].Changes[j]
			if ch.Reason == "" && (ch.Status == dyad.StatusSuspended || ch.Status == dyad.StatusCancelled) {
				ch.Reason = lead(ch.Report.Event.DocID)
			}
		}
	}
}
