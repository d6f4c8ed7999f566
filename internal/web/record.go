package web

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/analytics"
)

// A evidence is the sentence behind a state, change or step: enough to
// quote it and link to it in its document.
type evidence struct {
	EventID  int64
	DocID    int64
	Sentence int
	Text     string
}

func evidenceOf(rep analytics.Report) evidence {
	if rep.Event == nil {
		return evidence{}
	}
	return evidence{EventID: rep.Event.ID, DocID: rep.Event.DocID, Sentence: rep.Event.Sentence, Text: rep.Text}
}

// Strip geometry for the channel board, in SVG user units.
const stripW, stripH = 480.0, 18.0

// A segment is one stretch of a channel's strip in one state.
type segment struct {
	X, W  float64
	State string
	Title string
}

type channelRow struct {
	ID          string
	Name        string
	Kind        string
	State       string
	Since       string
	By          string
	LastMeeting string
	Segments    []segment
	Changes     []changeView
	Corrected   bool
}

type changeView struct {
	Date     string
	State    string
	Status   dyad.Status
	By       string
	Reason   string
	Evidence evidence
}

type channelsView struct {
	Dyad    [2]string
	AsOf    string
	First   string
	StripW  float64
	StripH  float64
	Rows    []channelRow
	States  []string
	Unheard int
}

func (d *Dashboard) channels(r *http.Request) (string, any, error) {
	p := &params{r: r}
	dy := p.dyad(d.Dyad)
	asOf := p.date("as_of")
	if p.err != nil {
		return "", nil, p.err
	}
	states, err := d.Record.Channels(r.Context(), dy, asOf)
	if err != nil {
		return "", nil, err
	}
	end := asOf
	if end.IsZero() {
		end = d.now().UTC().Truncate(24 * time.Hour)
	}
	// The strips share one axis: from the first change of any channel to
	// the as-of date.
	var start time.Time
	for _, s := range states {
		for _, c := range s.Changes {
			if start.IsZero() || c.Date.Before(start) {
				start = c.Date
			}
		}
	}
	v := channelsView{Dyad: dy, AsOf: day(asOf), First: day(start), StripW: stripW, StripH: stripH,
		States: []string{analytics.ChannelActive, analytics.ChannelResumed, analytics.ChannelPromised,
			analytics.ChannelSuspended, analytics.ChannelDormant, analytics.ChannelUnknown}}
	for _, s := range states {
		row := channelRow{ID: s.Channel.ID, Name: s.Channel.Name, Kind: s.Channel.Kind, State: s.State,
			Since: day(s.Since), By: s.By, LastMeeting: day(s.LastMeeting), Corrected: len(s.Corrections) > 0}
		for _, c := range s.Changes {
			row.Changes = append(row.Changes, changeView{Date: day(c.Date), State: c.State, Status: c.Status,
				By: c.By, Reason: c.Reason, Evidence: evidenceOf(c.Report)})
		}
		if s.State == analytics.ChannelUnknown {
			v.Unheard++
		}
		row.Segments = strip(s, start, end)
		v.Rows = append(v.Rows, row)
	}
	return "channels", v, nil
}

// strip lays out a channel's states between start and end: unknown until
// its first change, then each change's state until the next.
func strip(s analytics.ChannelState, start, end time.Time) []segment {
	if start.IsZero() || !end.After(start) {
		return []segment{{X: 0, W: stripW, State: s.State, Title: s.State}}
	}
	span := end.Sub(start).Hours()
	x := func(t time.Time) float64 {
		f := t.Sub(start).Hours() / span
		return round1(stripW * max(0, min(1, f)))
	}
	var out []segment
	cur, curStart := analytics.ChannelUnknown, start
	add := func(until time.Time) {
		x0, x1 := x(curStart), x(until)
		if x1 > x0 {
			out = append(out, segment{X: x0, W: round1(x1 - x0), State: cur,
				Title: fmt.Sprintf("%s from %s to %s", cur, day(curStart), day(until))})
		}
	}
	for _, c := range s.Changes {
		if c.State == "" || c.State == cur || c.Date.After(end) {
			continue
		}
		add(c.Date)
		cur, curStart = c.State, c.Date
	}
	add(end)
	return out
}

type meetingsView struct {
	Dyad     [2]string
	Meetings []analytics.Meeting
}

func (d *Dashboard) meetings(r *http.Request) (string, any, error) {
	p := &params{r: r}
	dy := p.dyad(d.Dyad)
	if p.err != nil {
		return "", nil, p.err
	}
	ms, err := d.Record.Meetings(r.Context(), dy, time.Time{})
	if err != nil {
		return "", nil, err
	}
	return "meetings", meetingsView{Dyad: dy, Meetings: ms}, nil
}

type stepView struct {
	Date     string
	Status   dyad.Status
	By       string
	Reason   string
	Evidence evidence
}

type readoutView struct {
	DocID int64
	Side  string
	Title string
	Date  string
}

// A compareRow is one line of the side-by-side comparison. Only marks
// what one readout has and the other lacks.
type compareRow struct {
	Label string
	A, B  []excerptView
	Only  string // "a", "b" or ""
}

type excerptView struct {
	DocID    int64
	Sentence int
	Text     string
}

type meetingView struct {
	Dyad     [2]string
	Meeting  analytics.Meeting
	Steps    []stepView
	Readouts []readoutView
	// The comparison of the first two readouts from different sides.
	Compared bool
	LabelA   string
	LabelB   string
	DocA     int64
	DocB     int64
	Rows     []compareRow
	OnlyA    analytics.Difference
	OnlyB    analytics.Difference
}

func (d *Dashboard) meeting(r *http.Request) (string, any, error) {
	p := &params{r: r}
	dy := p.dyad(d.Dyad)
	id := p.id("meeting id", r.PathValue("id"))
	if p.err != nil {
		return "", nil, p.err
	}
	ms, err := d.Record.Meetings(r.Context(), dy, time.Time{})
	if err != nil {
		return "", nil, err
	}
	i := slices.IndexFunc(ms, func(m analytics.Meeting) bool { return int64(m.ID) == id })
	if i < 0 {
		return "", nil, dyad.Errorf(dyad.ENOTFOUND, "Meeting %d not found (there are %d).", id, len(ms))
	}
	m := ms[i]
	v := meetingView{Dyad: dy, Meeting: m}
	for _, s := range m.Steps {
		v.Steps = append(v.Steps, stepView{Date: day(s.Date), Status: s.Status, By: s.By, Reason: s.Reason, Evidence: evidenceOf(s.Report)})
	}
	lk := d.Record.Lookup(r.Context())
	var pair [2]*dyad.Document
	for _, ro := range m.Readouts {
		doc := lk.Document(ro.DocID)
		rv := readoutView{DocID: ro.DocID, Side: ro.Side}
		if doc != nil {
			rv.Title, rv.Date = docTitle(doc), day(doc.Date)
			switch {
			case pair[0] == nil:
				pair[0] = doc
			case pair[1] == nil && doc.Side != pair[0].Side:
				pair[1] = doc
			}
		}
		v.Readouts = append(v.Readouts, rv)
	}
	if pair[1] != nil {
		c, err := d.Record.Compare(r.Context(), pair[0], pair[1])
		if err != nil {
			return "", nil, err
		}
		v.Compared, v.DocA, v.DocB = true, pair[0].ID, pair[1].ID
		v.LabelA, v.LabelB = c.A.Label, c.B.Label
		v.Rows, v.OnlyA, v.OnlyB = compareRows(c, pair[0].ID, pair[1].ID), c.OnlyA, c.OnlyB
	}
	return "meeting", v, nil
}

// compareRows turns a comparison into side-by-side rows: one per issue,
// then the characterisations, formulations and agreements of each side.
func compareRows(c analytics.Comparison, docA, docB int64) []compareRow {
	var rows []compareRow
	ex := func(doc int64, es []analytics.Excerpt) []excerptView {
		out := make([]excerptView, len(es))
		for i, e := range es {
			out[i] = excerptView{DocID: doc, Sentence: e.Sentence, Text: e.Text}
		}
		return out
	}
	for _, ir := range c.Issues {
		row := compareRow{Label: "Issue: " + ir.Issue, A: ex(docA, ir.A), B: ex(docB, ir.B)}
		switch {
		case len(ir.A) == 0:
			row.Only = "b"
		case len(ir.B) == 0:
			row.Only = "a"
		}
		rows = append(rows, row)
	}
	found := func(label string, a, b []analytics.Found) {
		if len(a) == 0 && len(b) == 0 {
			return
		}
		row := compareRow{Label: label}
		for _, f := range a {
			row.A = append(row.A, excerptView{DocID: docA, Sentence: f.Sentence, Text: f.Text})
		}
		for _, f := range b {
			row.B = append(row.B, excerptView{DocID: docB, Sentence: f.Sentence, Text: f.Text})
		}
		switch {
		case len(a) == 0:
			row.Only = "b"
		case len(b) == 0:
			row.Only = "a"
		}
		rows = append(rows, row)
	}
	found("Characterisations", c.A.Characterisations, c.B.Characterisations)
	found("Framing", c.A.Framing, c.B.Framing)
	found("Formulations", c.A.Formulations, c.B.Formulations)
	var agA, agB []excerptView
	for _, a := range c.A.Agreements {
		agA = append(agA, excerptView{DocID: docA, Sentence: a.Sentence, Text: a.Label})
	}
	for _, a := range c.B.Agreements {
		agB = append(agB, excerptView{DocID: docB, Sentence: a.Sentence, Text: a.Label})
	}
	if len(agA)+len(agB) > 0 {
		row := compareRow{Label: "Agreements", A: agA, B: agB}
		switch {
		case len(agA) == 0:
			row.Only = "b"
		case len(agB) == 0:
			row.Only = "a"
		}
		rows = append(rows, row)
	}
	return rows
}

type commitmentRow struct {
	Owner       string
	Counterpart string
	Code        string
	CodeName    string
	What        string
	Deadline    string
	Stated      bool
	Status      string
	Promise     evidence
	Resolution  *evidence
	Corrected   bool
}

type commitmentsView struct {
	Dyad   [2]string
	AsOf   string
	Status string
	Rows   []commitmentRow
	Counts []statusCount
}

type statusCount struct {
	Status string
	N      int
}

func (d *Dashboard) commitments(r *http.Request) (string, any, error) {
	p := &params{r: r}
	dy := p.dyad(d.Dyad)
	asOf := p.date("as_of")
	status := p.str("status")
	if p.err != nil {
		return "", nil, p.err
	}
	cs, err := d.Record.Commitments(r.Context(), dy, asOf)
	if err != nil {
		return "", nil, err
	}
	lk := d.Record.Lookup(r.Context())
	v := commitmentsView{Dyad: dy, AsOf: day(asOf), Status: status}
	counts := map[string]int{}
	for _, c := range cs {
		counts[c.Status]++
		if status != "" && c.Status != status {
			continue
		}
		row := commitmentRow{Owner: actorName(&c.Owner), Counterpart: actorName(c.Counterpart), Deadline: day(c.Deadline),
			Stated: c.Stated, Status: c.Status, Promise: evidenceOf(c.Promise), Corrected: len(c.Corrections) > 0}
		if ev := c.Promise.Event; ev != nil {
			row.Code, row.CodeName, row.What = ev.CAMEO, lk.CodeName(ev.CAMEO), ev.Object
		}
		if c.Resolution != nil {
			e := evidenceOf(*c.Resolution)
			row.Resolution = &e
		}
		v.Rows = append(v.Rows, row)
	}
	for _, s := range []string{analytics.CommitmentPending, analytics.CommitmentFulfilled, analytics.CommitmentOverdue,
		analytics.CommitmentLapsed, analytics.CommitmentWithdrawn} {
		v.Counts = append(v.Counts, statusCount{s, counts[s]})
	}
	return "commitments", v, nil
}

type positionsView struct {
	Actor, Issue string
	Actors       []string
	Issues       []string
	Groups       []positionGroup
}

// A positionGroup is one issue's positions, one per actor.
type positionGroup struct {
	Issue     string
	Positions []analytics.Position
}

func (d *Dashboard) positions(r *http.Request) (string, any, error) {
	p := &params{r: r}
	actor, issue := p.str("actor"), p.str("issue")
	to := p.date("to")
	if p.err != nil {
		return "", nil, p.err
	}
	ps, err := d.Record.Positions(r.Context(), to)
	if err != nil {
		return "", nil, err
	}
	v := positionsView{Actor: actor, Issue: issue}
	seenA, seenI := map[string]bool{}, map[string]bool{}
	for _, pos := range ps {
		if !seenA[pos.Actor] {
			seenA[pos.Actor] = true
			v.Actors = append(v.Actors, pos.Actor)
		}
		if !seenI[pos.Issue] {
			seenI[pos.Issue] = true
			v.Issues = append(v.Issues, pos.Issue)
		}
		if (actor != "" && pos.Actor != actor) || (issue != "" && pos.Issue != issue) {
			continue
		}
		i := slices.IndexFunc(v.Groups, func(g positionGroup) bool { return g.Issue == pos.Issue })
		if i < 0 {
			i = len(v.Groups)
			v.Groups = append(v.Groups, positionGroup{Issue: pos.Issue})
		}
		v.Groups[i].Positions = append(v.Groups[i].Positions, pos)
	}
	slices.Sort(v.Actors)
	slices.Sort(v.Issues)
	slices.SortStableFunc(v.Groups, func(a, b positionGroup) int {
		if a.Issue < b.Issue {
			return -1
		}
		if a.Issue > b.Issue {
			return 1
		}
		return 0
	})
	return "positions", v, nil
}

// itoa is strconv.Itoa for templates.
func itoa(n int) string { return strconv.Itoa(n) }
